/**
 * sms-length — what an SMS costs: GSM-7 or UCS-2, units and segments, with worst-case
 * variables, against the brand's segment limit; and each character that alone switches
 * an otherwise GSM text to UCS-2.
 *
 * Why: one curly apostrophe turns a 160-character SMS into a 70-character one, and a
 * long name in `{{firstName}}` can push a message into a third paid segment. The count
 * is Twilio's (see src/sms/count.ts), on the text rendered with worst-case variable
 * values and with each link counted at its shortened length.
 *
 * Options: `maxSegments` (overrides channels.sms.maxSegments), `perCharacter` (false
 * to report only the segment limit).
 */
import path from "node:path";
import type { Campaign } from "../src/campaign/model.js";
import type { LoadedConfig } from "../src/config/load.js";
import { defineRule, type RuleContext } from "../src/engine/rule.js";
import { smsLayout, smsUnits, SEGMENT_SIZE, type SmsEncoding, type SmsLayout } from "../src/sms/count.js";
import { GSM_SUBSTITUTES, isGsm } from "../src/sms/gsm.js";
import type { MappedText, PieceKind, SourceRange } from "../src/text/mapped-text.js";

interface Options {
  maxSegments?: number;
  perCharacter: boolean;
}

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

/** Text a person wrote (as opposed to variable values, URLs and generated markup). */
const WRITTEN: readonly PieceKind[] = ["text", "code", "config"];

const ENCODING_NAME: Record<SmsEncoding, string> = { gsm7: "GSM-7", ucs2: "UCS-2" };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** How a non-GSM grapheme can be avoided. */
type Avoidable =
  /** A typographic character (or a decomposed letter) with a GSM equivalent: fixed by --fix. */
  | { kind: "substitute"; with: string; name?: string }
  /** An emoji or symbol with no GSM form: only removing it helps. */
  | { kind: "symbol" };

/**
 * Is this non-GSM grapheme avoidable, and how? Letters, combining marks and digits
 * (ł, Ж, ع, ٢) are the language's writing: not avoidable, so undefined.
 */
function avoidable(g: string): Avoidable | undefined {
  const single = GSM_SUBSTITUTES.get(g);
  if (single) return { kind: "substitute", with: single.with, ...(single.name ? { name: single.name } : {}) };
  const nfc = g.normalize("NFC");
  if (nfc !== g && isGsm(nfc)) return { kind: "substitute", with: nfc, name: `${nfc} written as a letter plus a combining accent` };
  if (/^[\p{L}\p{M}\p{Nd}]/u.test(g)) return undefined;
  return { kind: "symbol" };
}

/** Rewrites the avoidable graphemes of a written text into GSM (symbols are dropped). */
function toGsm(s: string): string {
  let out = "";
  for (const { segment } of graphemes.segment(s)) {
    if (isGsm(segment)) {
      out += segment;
      continue;
    }
    const a = avoidable(segment);
    out += !a ? segment : a.kind === "substitute" ? a.with : "";
  }
  return out;
}

/** A stretch of the counted text and the stretch of the variant text it stands for. */
interface Span {
  from: number;
  to: number;
  start: number;
  end: number;
  kind: PieceKind;
  name?: string;
  /** True when the counted text is a copy of the variant text (offsets map one to one). */
  copy: boolean;
}

/**
 * The text as the SMS is billed: each link (a run of "url" pieces) replaced by
 * `linkLength` characters when set, and `rewrite` applied to written pieces.
 */
function countedText(m: MappedText, linkLength: number | undefined, rewrite?: (s: string) => string): { text: string; spans: Span[] } {
  const spans: Span[] = [];
  let text = "";
  const push = (chunk: string, start: number, end: number, kind: PieceKind, copy: boolean, name?: string) => {
    spans.push({ from: text.length, to: text.length + chunk.length, start, end, kind, copy, ...(name !== undefined ? { name } : {}) });
    text += chunk;
  };
  let pos = 0;
  const pieces = m.pieces;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    if (p.start > pos) push(m.text.slice(pos, p.start), pos, p.start, "text", true);
    if (p.kind === "url" && linkLength !== undefined) {
      let end = p.end;
      while (i + 1 < pieces.length && pieces[i + 1]!.kind === "url" && pieces[i + 1]!.start === end) end = pieces[++i]!.end;
      push("x".repeat(linkLength), p.start, end, "url", false);
      pos = end;
      continue;
    }
    const chunk = m.text.slice(p.start, p.end);
    const rewritten = rewrite && WRITTEN.includes(p.kind) ? rewrite(chunk) : chunk;
    push(rewritten, p.start, p.end, p.kind, rewritten === chunk, p.name);
    pos = p.end;
  }
  if (pos < m.text.length) push(m.text.slice(pos), pos, m.text.length, "text", true);
  return { text, spans };
}

/** The range of the variant text that a counted-text offset stands for (a whole grapheme). */
function variantRange(m: MappedText, spans: readonly Span[], offset: number): { start: number; end: number } {
  const span = spans.find((s) => offset >= s.from && offset < s.to) ?? spans[spans.length - 1];
  if (!span) return { start: 0, end: 0 };
  if (!span.copy) return { start: span.start, end: span.end };
  return graphemeAt(m.text, span.start + (offset - span.from));
}

/** The grapheme of `text` that starts at `start`, as a range. */
function graphemeAt(text: string, start: number): { start: number; end: number } {
  const g = graphemes.segment(text).containing(start);
  return { start, end: g ? g.index + g.segment.length : start };
}

/** Drops the line breaks at the very end (an editor's final newline is not sent). */
function withoutFinalBreaks(m: MappedText): MappedText {
  const n = /[\r\n]*$/.exec(m.text)![0].length;
  return n ? m.slice(0, m.length - n) : m;
}

/** How a character is named in a message: its name when invisible or ambiguous, else itself. */
function shown(g: string, a: Avoidable | undefined): string {
  return a?.kind === "substitute" && a.name ? a.name : `‘${g}’`;
}

function advice(a: Avoidable): string {
  if (a.kind === "symbol") return "; remove it to keep the SMS in GSM-7";
  if (a.with === "") return "; delete it (it is invisible)";
  if (a.with === " ") return "; write a normal space instead";
  return `; write ${a.with} instead`;
}

/** Container block markers (block quote, list items) at the start of a Markdown line. */
const MD_CONTAINER = /^ {0,3}(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;
/** Leaf block markers: ATX heading, setext underline, thematic break, code fence. */
const MD_LEAF = /^ {0,3}(?:#{1,6}(?=[ \t]|$)|(?:=+|-+)[ \t]*$|(?:[-*_][ \t]*){3,}$|`{3,}|~{3,})/;

/** The block structure a Markdown line starts (or ends, for a hard break) with. */
function markdownShape(line: string): string {
  const shape: string[] = [];
  let rest = line;
  for (let m = MD_CONTAINER.exec(rest); m && m[0].length; m = MD_CONTAINER.exec(rest)) {
    shape.push(m[0].trim());
    rest = rest.slice(m[0].length);
  }
  const leaf = MD_LEAF.exec(rest);
  if (leaf) shape.push(leaf[0].trim());
  if (/ {2,}$/.test(line)) shape.push("hard break");
  return shape.join(" ");
}

/**
 * The text that replaces the source range `loc` with `gsm`, escaped for the syntax it
 * is written in, or undefined when no such edit is safe there: in a YAML plain
 * scalar it could start a comment or a mapping, in Markdown a list item or a heading.
 */
function sourceEdit(loc: SourceRange, gsm: string, campaign: Campaign, config: LoadedConfig): string | undefined {
  const { file, start, end } = loc;
  const src = file.text;
  // A JSON string (the opt-out text in brand.config.json).
  if (file === config.file) return gsm.replace(/"/g, '\\"');
  if (file !== campaign.messageFile) return gsm; // A hand-written template: plain text.
  const lineStart = src.lastIndexOf("\n", start - 1) + 1;
  let lineEnd = src.indexOf("\n", end);
  if (lineEnd === -1) lineEnd = src.length;
  if (start < campaign.bodyStart) {
    // The frontmatter's sms.text: a YAML scalar.
    const value = campaign.metaSource?.locate(["sms", "text"]);
    const style = value ? src[value.start] : undefined;
    if (style === '"') return gsm.replace(/"/g, '\\"');
    if (style === "'") return gsm.replace(/'/g, "''");
    if (style === "|" || style === ">") return gsm;
    // A plain scalar: not at its first character nor at a line's start, where indicators count.
    if (!value || start === value.start || /^[ \t]*$/.test(src.slice(lineStart, start))) return undefined;
    const around = src.slice(start - 1, start) + gsm + src.slice(end, end + 1);
    return /:[ \t]|[ \t]#/.test(around) ? undefined : gsm;
  }
  // The Markdown body: the edited line must keep its block structure.
  const line = (from: string) => from.replace(/\r$/, "");
  const before = line(src.slice(lineStart, lineEnd));
  const after = line(src.slice(lineStart, start) + gsm + src.slice(end, lineEnd));
  return markdownShape(before) === markdownShape(after) ? gsm : undefined;
}

export default defineRule<Options>({
  meta: {
    id: "sms-length",
    description: "SMS encoding and segment count (GSM-7 or UCS-2, worst-case variables) against the segment limit, and the characters that force UCS-2.",
    rationale:
      "Every SMS segment is paid for. One curly apostrophe switches a whole message from GSM-7 (160 characters) to UCS-2 (70), and a long name can push it into another segment; brandlint counts exactly as Twilio does, so the bill holds no surprise.",
    docs: { url: "docs/rules/sms-length.md" },
    channels: ["sms"],
    scope: "variant",
    defaultSeverity: "error",
    fixable: true,
    hasSuggestions: true,
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        maxSegments: { type: "integer", minimum: 1, description: "Segment limit; overrides channels.sms.maxSegments. Without either, only characters are reported." },
        perCharacter: { type: "boolean", description: "Report each character that forces UCS-2 in an otherwise GSM text." },
      },
    },
    defaultOptions: { perCharacter: true },
    messages: {
      tooManySegments: "SMS is {segments} segments ({encoding}{why}, {units} units{counting}); the limit is {max}: {cut}",
      forcesUcs2: "{char} forces UCS-2: this SMS goes from {from} to {to} segments{advice}",
      forcesUcs2Free: "{char} forces UCS-2 ({size} characters per segment instead of {gsmSize}), though the SMS still fits in {segments}{advice}",
      remove: "Remove {char}",
    },
    examples: {
      valid: [
        { title: "a GSM-7 SMS within the limit", config: { channels: { sms: { maxSegments: 1 } } }, files: { "sms.txt": "Acme: 20% off everything with SPRING20 until Mar 31. Reply STOP to opt out" } },
        { title: "Cyrillic text is UCS-2 by nature: no per-character findings", files: { "campaign.json": '{ "locale": "ru" }', "sms.txt": "Скидка 20% на всё до 31 марта — только в Acme!" } },
        {
          title: "links count at their shortened length",
          config: { channels: { sms: { maxSegments: 1, linkLength: 23 } } },
          files: { "sms.txt": "Spring sale: https://acme.example/spring/collections/outdoor/tents-and-sleeping-bags?utm_source=sms&utm_medium=text&utm_campaign=spring-2026-outdoor-tents&utm_content=hero" },
        },
      ],
      invalid: [
        {
          title: "one curly apostrophe costs a segment",
          files: { "sms.txt": "Acme’s spring sale: 20% off every tent with code SPRING20 until March 31. Shop at acme.example" },
          errors: [{ messageId: "forcesUcs2", line: 1, column: 5, message: "‘’’ forces UCS-2: this SMS goes from 1 to 2 segments; write ' instead" }],
          output: { "sms.txt": "Acme's spring sale: 20% off every tent with code SPRING20 until March 31. Shop at acme.example" },
        },
        {
          title: "worst-case variables push the SMS over the limit",
          config: { channels: { sms: { maxSegments: 1 } }, variables: { firstName: { sample: "Ana", maxLength: 30 } } },
          files: { "sms.txt": "Hi {{firstName}}, our spring sale is on: 20% off every tent, sleeping bag and stove with code SPRING20 until March 31. Shop now at acme.example!" },
          errors: [{ messageId: "tooManySegments", line: 1, column: 137, message: "SMS is 2 segments (GSM-7, 161 units, counting {{firstName}} as 30); the limit is 1: segment 2 starts here" }],
        },
      ],
    },
    notes: [
      "## How the SMS is counted",
      "",
      "- The count is the one of Twilio's segment calculator (npm `sms-segments-calculator`), and `countSms` in brandlint's API gives it too.",
      "- **GSM-7** when every character is in the GSM 03.38 alphabet; `^ { } \\ [ ~ ] | €` and form feed come from its extension table and cost two units. Anything else makes the whole SMS **UCS-2**, where each UTF-16 code unit costs one unit (an emoji outside the BMP costs two).",
      "- One SMS holds 160 GSM-7 or 70 UCS-2 units; longer messages are split into segments of 153 or 67. A character is never split: an extension character, an emoji with its skin tone or ZWJ sequence, a flag, a letter with its accents all stay in one segment (grapheme clusters as the calculator cuts them, by Unicode 10 rules).",
      "- The SMS is counted with **worst-case variables**: a variable with a `maxLength` in `variables` counts as that many characters of its `charset` (`gsm`: one unit each; `unicode`: a non-GSM character, so the SMS becomes UCS-2). A variable without `maxLength` counts as its sample.",
      "- **Links** count as written, or as `channels.sms.linkLength` characters when set (your link shortener's length).",
      "- Line breaks at the very end of the text (the final newline editors add to `sms.txt`) are not counted.",
      "- The limit is the rule's `maxSegments` option, else `channels.sms.maxSegments`; with neither, there is no limit and only characters are reported. The finding sits where the first segment over the limit starts (in `message.md` or `sms.txt`); when that spot is not in the campaign's file (the opt-out text from brand.config.json), it sits at the start of the SMS text and quotes where the cut falls.",
      "",
      "## Characters that force UCS-2",
      "",
      "A character gets a finding of its own only when it is *avoidable* and the SMS would be GSM-7 without the avoidable characters (each link at its counted length, variables at their worst case). Precisely:",
      "",
      "- **Avoidable** are: typographic characters with a GSM equivalent (below), letters written as a base letter plus a combining accent whose single-character form is GSM (`e` + U+0301 → `é`), and symbols and emoji (anything that is not a letter, a combining mark or a decimal digit).",
      "- **Not avoidable** are letters, combining marks and decimal digits with no GSM form: the language's own writing (ą, ł, Ж, ع, 中, ٢). A text that contains any of them, in any number (Arabic, Russian, Polish with its diacritics), is UCS-2 whatever the punctuation, so it gets no per-character findings: only the segment limit, whose message names the characters that make it UCS-2.",
      "- Likewise, when a variable's worst case is not GSM (`charset: \"unicode\"`), no character is reported on its own.",
      "- Each finding says what the avoidable characters together cost: `this SMS goes from 1 to 2 segments`. When they cost no segment yet, the finding is a warning that says how much room UCS-2 leaves.",
      "- Variable values and URLs are never reported or fixed character by character: they are not written in the file.",
      "",
      "## What `--fix` writes",
      "",
      "| characters | become |",
      "| --- | --- |",
      "| ‘ ’ ‚ ‛ ′ ‹ › ʼ ´ &#96; | `'` |",
      "| “ ” „ ‟ ″ « » | `\"` |",
      "| ‐ ‑ ‒ – — ― − (hyphens, dashes, minus) | `-` |",
      "| … | `...` |",
      "| no-break space, narrow no-break space, en/em/thin/hair/figure spaces, ideographic space | a space |",
      "| zero-width space, word joiner, zero-width no-break space (BOM), soft hyphen | deleted |",
      "| a letter + combining accent whose single character is GSM (`e` + ◌́) | the single character (`é`) |",
      "",
      "Emoji and other symbols are not fixed (removing them is your call): the finding offers a suggestion that removes it. The fix edits the source, so for an SMS derived from the body of `message.md` the email's paragraph changes too; write `sms.text` in the frontmatter to keep typographic quotes in the email.",
    ].join("\n"),
  },
  check(ctx) {
    const field = ctx.variant?.fields.text;
    if (!field) return;
    const sms = ctx.config.data.channels?.sms;
    const max = ctx.options.maxSegments ?? sms?.maxSegments;
    const worst = withoutFinalBreaks(field.worst);
    const counted = countedText(worst, sms?.linkLength);
    const layout = smsLayout(counted.text);
    if (max !== undefined && layout.segments > max) reportLimit(ctx, worst, counted, layout, max);
    if (ctx.options.perCharacter && layout.encoding === "ucs2") reportCharacters(ctx, withoutFinalBreaks(field.sample), worst, layout);
  },
});

type Ctx = RuleContext<Options>;

/** The segment-limit finding, where the first segment over the limit starts. */
function reportLimit(ctx: Ctx, worst: MappedText, counted: { text: string; spans: Span[] }, layout: SmsLayout, max: number): void {
  const enc = layout.encoding;
  const linkLength = ctx.config.data.channels?.sms?.linkLength;
  const variables = ctx.config.data.variables ?? {};
  // Which characters make it UCS-2, and what worst-case variables and links count as.
  const reasons: string[] = [];
  if (enc === "ucs2") {
    for (const { segment, index } of graphemes.segment(counted.text)) {
      if (isGsm(segment)) continue;
      const span = counted.spans.find((s) => index >= s.from && index < s.to);
      const why = span?.kind === "variable" && span.name !== undefined ? `{{${span.name}}} at its worst case` : shown(segment, avoidable(segment));
      if (!reasons.includes(why)) reasons.push(why);
    }
  }
  const why = reasons.length ? ` because of ${reasons.slice(0, 3).join(", ")}${reasons.length > 3 ? ` and ${reasons.length - 3} more` : ""}` : "";
  const perVariable = new Map<string, number[]>();
  let links = 0;
  for (const s of counted.spans) {
    if (s.kind === "url" && !s.copy) links++;
    if (s.kind !== "variable" || s.name === undefined || variables[s.name]?.maxLength === undefined) continue;
    perVariable.set(s.name, [...(perVariable.get(s.name) ?? []), smsUnits(counted.text.slice(s.from, s.to), enc)]);
  }
  const counting = [
    ...[...perVariable].map(([name, uses]) => `{{${name}}} as ${uses.length > 1 && uses.every((u) => u === uses[0]) ? `${uses.length} × ${uses[0]}` : uses.join(" + ")}`),
    ...(links ? [`${links > 1 ? "each link" : "the link"} as ${linkLength}`] : []),
  ];
  const cutAt = layout.parts[max]!.start;
  let at = variantRange(worst, counted.spans, cutAt);
  let cut = `segment ${max + 1} starts here`;
  const loc = worst.locate(at.start, at.end);
  const file = ctx.variant!.file;
  if (!loc || loc.file !== file) {
    // The cut falls outside the file a person edits (in the opt-out from the config): point at the text's start.
    const first = worst.pieces.find((p) => p.file === file);
    at = first ? graphemeAt(worst.text, first.start) : { start: 0, end: 0 };
    const rest = counted.text.slice(cutAt);
    const where = loc ? ` (in text from ${path.basename(loc.file.path)})` : "";
    cut = `segment ${max + 1} starts at ‘${rest.length > 20 ? `${rest.slice(0, 20)}…` : rest}’${where}`;
  }
  ctx.report({
    messageId: "tooManySegments",
    data: { segments: layout.segments, encoding: ENCODING_NAME[enc], why, units: layout.units, counting: counting.length ? `, counting ${counting.join(", ")}` : "", max, cut },
    at: { text: worst, ...at },
  });
}

/** One finding per avoidable character, when the SMS would be GSM-7 without them. */
function reportCharacters(ctx: Ctx, sample: MappedText, worst: MappedText, layout: SmsLayout): void {
  const gsmLayout = smsLayout(countedText(worst, ctx.config.data.channels?.sms?.linkLength, toGsm).text);
  if (gsmLayout.encoding !== "gsm7") return;
  const cost = layout.segments - gsmLayout.segments;
  const size = layout.segments === 1 ? "single" : "multi";
  for (const { segment, index } of graphemes.segment(sample.text)) {
    const end = index + segment.length;
    if (isGsm(segment) || !sample.isOnly(index, end, WRITTEN)) continue;
    const a = avoidable(segment);
    if (!a) continue;
    const char = shown(segment, a);
    const loc = sample.locate(index, end);
    const edit = loc?.exact ? sourceEdit(loc, a.kind === "substitute" ? a.with : "", ctx.campaign, ctx.config) : undefined;
    const common = {
      at: { text: sample, start: index, end },
      fix: a.kind === "substitute" ? edit : undefined,
      suggestions: a.kind === "symbol" && edit !== undefined ? [{ messageId: "remove", data: { char }, text: edit }] : undefined,
    };
    if (cost > 0) ctx.report({ messageId: "forcesUcs2", data: { char, from: gsmLayout.segments, to: layout.segments, advice: advice(a) }, ...common });
    else {
      const data = { char, size: SEGMENT_SIZE.ucs2[size], gsmSize: SEGMENT_SIZE.gsm7[size], segments: plural(layout.segments, "segment"), advice: advice(a) };
      ctx.report({ messageId: "forcesUcs2Free", data, ...common, severity: 1 });
    }
  }
}
