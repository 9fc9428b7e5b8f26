/**
 * channel-limits — every length-limited field fits its channel: the email subject and
 * preheader, the push title and body, the WhatsApp message and the social post.
 *
 * Why: a subject or push title that is cut off on the lock screen loses the offer, the
 * brand or the call to action, and the writer never sees it because the sample
 * values are short. Lengths are measured with worst-case variable values and in
 * user-perceived characters (grapheme clusters), so an emoji, a flag or a letter with
 * combining marks counts as one. The finding says how much is over and where the
 * cut falls, and sits on the first character that does not fit.
 *
 * With `channels.social.counting: "x"` the social post is weighed as X weighs it
 * (twitter-text's parseTweet: U+0000–U+10FF weigh 1, CJK and emoji 2, URLs 23, after NFC).
 *
 * Limits come from `channels.*` in brand.config.json (overrides applied). Options:
 * `socialLinkLength` — count every URL in a social post as this many characters.
 */
import { fieldOf, type FieldName } from "../src/campaign/model.js";
import { createRequire } from "node:module";
import type Twitter from "twitter-text";
import type { ParseTweetOptions } from "twitter-text";
import { defineRule, type RuleContext } from "../src/engine/rule.js";
import { asWritten, worstCaseNote, type MappedText } from "../src/text/mapped-text.js";
import { graphemes, measure, type WeightedRange } from "../src/text/graphemes.js";
import { lazy } from "../src/text/lazy.js";
import type { Channel, ChannelSettings } from "../src/types.js";

interface Options {
  socialLinkLength?: number;
}

interface Limit {
  channel: Channel;
  field: FieldName;
  label: string;
  limit: (c: ChannelSettings) => number | undefined;
}

/** Which field of which channel each `channels.*` limit applies to. */
const LIMITS: readonly Limit[] = [
  { channel: "email", field: "subject", label: "Email subject", limit: (c) => c.email?.subjectMax },
  { channel: "email", field: "preheader", label: "Email preheader", limit: (c) => c.email?.preheaderMax },
  { channel: "push", field: "title", label: "Push title", limit: (c) => c.push?.titleMax },
  { channel: "push", field: "body", label: "Push body", limit: (c) => c.push?.bodyMax },
  { channel: "whatsapp", field: "text", label: "WhatsApp message", limit: (c) => c.whatsapp?.bodyMax },
  { channel: "social", field: "text", label: "Social post", limit: (c) => c.social?.max },
];

/** How much of the kept text the message quotes: enough to recognise the spot. */
const QUOTE_CHARS = 40;

/** The ranges of a text that are URLs (runs of "url" pieces). */
function urlRanges(text: MappedText): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const p of text.pieces) {
    if (p.kind !== "url") continue;
    const last = out[out.length - 1];
    if (last && last.end === p.start) last.end = p.end;
    else out.push({ start: p.start, end: p.end });
  }
  return out;
}

/** WhatsApp formatting rendered from Markdown (`*bold*`, `_italic_`, `~strike~`, code): shown as style, not counted. */
const WHATSAPP_MARKS = /^(?:[*_~]|`|```\n|\n```)$/;
function formattingMarks(text: MappedText): WeightedRange[] {
  return text.pieces.filter((p) => p.kind === "markup" && WHATSAPP_MARKS.test(text.text.slice(p.start, p.end))).map((p) => ({ start: p.start, end: p.end, length: 0 }));
}

/**
 * The end of the kept text as people would quote it: one line, at most QUOTE_CHARS
 * characters, with variables by name (`{{firstName}}`, never cut) instead of their
 * worst-case value.
 */
function quoteKept(text: MappedText, cut: number): { kept: string; inside: string } {
  const written = asWritten(text, 0, cut);
  const e = written.endsInside;
  const inside = e ? ` (${graphemes(e.kept).length} of the ${graphemes(e.value).length} characters of {{${e.name}}})` : "";
  return { kept: shorten(written), inside };
}

function shorten(written: ReturnType<typeof asWritten>): string {
  let flat = "";
  const tokens: { start: number; end: number }[] = [];
  let at = 0;
  for (const t of [...written.tokens, { start: written.text.length, end: written.text.length }]) {
    flat += written.text.slice(at, t.start).replace(/\s+/gu, " ");
    if (t.end > t.start) tokens.push({ start: flat.length, end: flat.length + t.end - t.start });
    flat += written.text.slice(t.start, t.end);
    at = t.end;
  }
  flat = flat.trimEnd();
  const gs = graphemes(flat);
  if (gs.length <= QUOTE_CHARS) return flat.trimStart();
  let from = gs[gs.length - QUOTE_CHARS]!.start;
  for (const t of tokens) if (t.start < from && from < t.end) from = t.start;
  return "…" + flat.slice(from).trimStart();
}

export default defineRule<Options>({
  meta: {
    id: "channel-limits",
    description: "Email subject and preheader, push title and body, WhatsApp and social texts fit their channel's length limits, with worst-case variables.",
    rationale:
      "A subject or push title that is cut off on the lock screen loses the offer or the brand, and nobody notices because sample names are short; the limits live in brand.config.json so every channel is held to the same numbers.",
    docs: { url: "docs/rules/channel-limits.md" },
    channels: ["email", "push", "whatsapp", "social"],
    scope: "variant",
    defaultSeverity: "error",
    fixable: false,
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        socialLinkLength: {
          type: "integer",
          minimum: 1,
          description: "Count every URL in a social post as this many characters (X counts each link as 23). Default: URLs count as written.",
        },
      },
    },
    defaultOptions: {},
    messages: {
      tooLong: "{field} is {length} characters{worst} (limit {limit}): {over} over; it is cut after “{kept}”{inside}",
      xTooLong: "X post weighs {length}{worst} (limit {limit}; X counts CJK characters and emoji as 2 and every link as 23): {over} over; X cuts it after “{kept}”{inside}",
    },
    examples: {
      valid: [
        {
          title: "a push title within the limit",
          config: { channels: { push: { titleMax: 40 } } },
          files: { "push.json": '{ "title": "Spring sale: 20% off", "body": "Only this week." }\n' },
        },
        {
          title: "an emoji sequence counts as one character",
          config: { channels: { push: { titleMax: 14 } } },
          files: { "push.json": '{ "title": "Family 👨‍👩‍👧‍👦 deals", "body": "" }\n' },
        },
      ],
      invalid: [
        {
          title: "a push title cut off with a worst-case first name",
          config: { channels: { push: { titleMax: 40 } }, variables: { firstName: { sample: "Ana", maxLength: 20 } } },
          files: { "push.json": '{ "title": "{{firstName}}, spring sale: 20% off everything", "body": "" }\n' },
          errors: [
            {
              messageId: "tooLong",
              line: 1,
              column: 46,
              message: "Push title is 53 characters when {{firstName}} has 20 characters (limit 40): 13 over; it is cut after “{{firstName}}, spring sale: 20% o”",
            },
          ],
        },
        {
          title: "an email subject in message.md frontmatter",
          config: { channels: { email: { subjectMax: 30 } } },
          files: { "message.md": '---\nchannels: [email]\nsubject: "Wiosenna wyprzedaż: rabat 20% na wszystko"\n---\nTreść.\n' },
          errors: [{ messageId: "tooLong", line: 3, column: 41, message: "Email subject is 41 characters (limit 30): 11 over; it is cut after “Wiosenna wyprzedaż: rabat 20%”" }],
        },
        {
          title: "counting: x — an X post of 150 CJK characters weighs 300",
          config: { channels: { social: { counting: "x" } } },
          files: { "social.txt": "春季促销".repeat(37) + "春季\n" },
          errors: [{ messageId: "xTooLong", line: 1, column: 141, message: "X post weighs 300 (limit 280; X counts CJK characters and emoji as 2 and every link as 23): 20 over" }],
        },
      ],
    },
    notes: [
      "## How length is counted",
      "",
      "- In user-perceived characters (grapheme clusters, `Intl.Segmenter`): 👨‍👩‍👧‍👦, 🇵🇱, “é” written as e + a combining accent and an Arabic letter with its vowel marks each count as one.",
      "- With worst-case variable values: each variable is `maxLength` characters long (`variables.<name>.maxLength`); variables without `maxLength` count as their sample.",
      "- In a WhatsApp message rendered from message.md, the formatting marks brandlint writes (`*bold*`, `_italic_`, `~strike~`, code fences) are style, not text: they are not counted.",
      "- URLs count as written, unless `socialLinkLength` is set: then every URL in a social post counts as that many characters, like X's link shortener, and is never cut in half: the cut falls before it.",
      "- The finding sits on the first character that does not fit; when that character comes from a variable, on the variable's `{{…}}`.",
      "",
      "## Limits",
      "",
      "| Field | Config key |",
      "|---|---|",
      "| Email subject (`subject` / `<mj-title>`) | `channels.email.subjectMax` |",
      "| Email preheader (`preheader` / `<mj-preview>`) | `channels.email.preheaderMax` |",
      "| Push title | `channels.push.titleMax` |",
      "| Push body | `channels.push.bodyMax` |",
      "| WhatsApp message | `channels.whatsapp.bodyMax` |",
      "| Social post | `channels.social.max` |",
      "",
      "A field whose limit is not set is not checked. SMS length is `sms-length`'s job (segments, not characters).",
      "",
      "## Counting as X does: `channels.social.counting: \"x\"`",
      "",
      "With `\"counting\": \"x\"` the social post is measured the way X (Twitter) measures it, with X's own open-source counter, the `twitter-text` package (`parseTweet`, configuration version 3): the text is normalized to NFC; code points U+0000–U+10FF (Latin, Greek, Cyrillic, Hebrew, Arabic, the Indic scripts, Thai, Georgian) and a few punctuation ranges (typographic spaces, dashes, quotes, primes) weigh 1, and everything else — CJK characters, kana, hangul, emoji — weighs 2; every URL X recognises counts 23 whatever its length. The limit is 280 (or `channels.social.max` when set). The finding sits on the first character past the limit; when that falls inside a URL, on the URL's start. Source: X's twitter-text library and its counting documentation (developer.x.com, \"Counting characters\").",
    ].join("\n"),
  },
  check(ctx) {
    const { variant } = ctx;
    if (!variant) return;
    const channels = ctx.config.data.channels ?? {};
    if (variant.channel === "social" && channels.social?.counting === "x") {
      checkX(ctx, channels.social.max ?? X_LIMIT);
      return;
    }
    for (const spec of LIMITS) {
      if (spec.channel !== variant.channel) continue;
      const max = spec.limit(channels);
      const field = fieldOf(variant, spec.field);
      if (max === undefined || !field) continue;
      const worst = field.worst;
      const weighted: WeightedRange[] =
        spec.channel === "social" && ctx.options.socialLinkLength !== undefined
          ? urlRanges(worst).map((r) => ({ ...r, length: ctx.options.socialLinkLength! }))
          : spec.channel === "whatsapp"
            ? formattingMarks(worst)
            : [];
      // Leading and trailing white space (a file's final newline) is not part of what people see.
      const from = worst.text.length - worst.text.trimStart().length;
      const to = Math.max(from, worst.text.trimEnd().length);
      const measured = measure(
        worst.text.slice(from, to),
        max,
        weighted.map((r) => ({ ...r, start: r.start - from, end: r.end - from })),
      );
      const { length } = measured;
      if (measured.cut === undefined) continue;
      const cut = measured.cut + from;
      ctx.report({
        messageId: "tooLong",
        data: {
          field: spec.label,
          length,
          worst: worstCaseNote(field.sample, worst),
          limit: max,
          over: length - max,
          ...quoteKept(worst, cut),
        },
        at: { text: worst, start: cut, end: to },
      });
    }
  },
});

/** twitter-text builds its regular expressions when it loads: loaded only when a post is counted as X counts it. */
const twitterText = lazy(() => {
  const mod = createRequire(import.meta.url)("twitter-text") as typeof Twitter & { default?: typeof Twitter };
  return mod.default ?? mod;
});

/** X's limit in weighted characters (twitter-text's default configuration, version 3). */
const X_LIMIT = 280;

/**
 * `channels.social.counting: "x"`: the post's weighted length as X counts it, with
 * twitter-text's own parser (its v3 weights: U+0000–U+10FF and a few punctuation
 * ranges weigh 1, everything else — CJK, emoji — 2; every URL 23; after NFC).
 * The finding sits on the first character past the limit (before a URL it falls in).
 */
function checkX(ctx: RuleContext<Options>, max: number): void {
  const field = ctx.variant?.channel === "social" ? ctx.variant.fields.text : undefined;
  if (!field) return;
  const worst = field.worst;
  const from = worst.text.length - worst.text.trimStart().length;
  const to = Math.max(from, worst.text.trimEnd().length);
  const written = worst.text.slice(from, to);
  // twitter-text measures the NFC form; map its offsets back through each grapheme.
  const nfcEnds: { nfc: number; at: number }[] = [];
  let nfc = "";
  for (const g of graphemes(written)) {
    nfc += written.slice(g.start, g.end).normalize("NFC");
    nfcEnds.push({ nfc: nfc.length, at: g.end });
  }
  // parseTweet takes a whole configuration: start from the library's own defaults (v3 weights).
  const twitter = twitterText();
  const { defaults } = (twitter as unknown as { configs: { defaults: ParseTweetOptions } }).configs;
  const parsed = twitter.parseTweet(nfc, { ...defaults, maxWeightedTweetLength: max });
  if (parsed.valid || parsed.weightedLength <= max) return;
  let cutNfc = parsed.validRangeEnd + 1;
  for (const u of twitter.extractUrlsWithIndices(nfc)) if (u.indices[0] < cutNfc && cutNfc < u.indices[1]) cutNfc = u.indices[0];
  const before = nfcEnds.filter((e) => e.nfc <= cutNfc);
  const cut = from + (before.length ? before[before.length - 1]!.at : 0);
  ctx.report({
    messageId: "xTooLong",
    data: {
      length: parsed.weightedLength,
      worst: worstCaseNote(field.sample, worst),
      limit: max,
      over: parsed.weightedLength - max,
      ...quoteKept(worst, cut),
    },
    at: { text: worst, start: cut, end: to },
  });
}

