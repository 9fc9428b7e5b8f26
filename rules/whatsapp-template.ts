/**
 * whatsapp-template — a WhatsApp message is a Business template that Meta reviews
 * before it can be sent: its header, footer and buttons keep to Meta's limits, and
 * its parameters to Meta's rules (no parameter at the very start or end of the body,
 * none side by side, numbered parameters without gaps).
 *
 * Why: Meta rejects a template that breaks these rules, and a rejected template means
 * the campaign does not go out on WhatsApp at all; the review takes hours, so the
 * mistake is cheapest in the editor. Source: Meta's WhatsApp Business Platform
 * documentation, "Message templates" (components: header, body, footer, buttons).
 *
 * The template comes from message.md (`whatsapp: { header, footer, buttons }` in the
 * frontmatter; the body is the derived WhatsApp text or `whatsapp.text`) or a
 * hand-written `whatsapp.json`. Limits from `channels.whatsapp` (headerMax, footerMax,
 * buttonMax), at most Meta's own; lengths in user-perceived characters with
 * worst-case variables. The body's length is `channel-limits`' (`bodyMax`).
 */
import type { ChannelFieldNames, WhatsAppVariant } from "../src/campaign/model.js";
import { defineRule, type RuleContext } from "../src/engine/rule.js";
import { whatsappTemplate } from "../src/render/whatsapp-template.js";
import { measure } from "../src/text/graphemes.js";
import { worstCaseNote, type MappedText, type Piece } from "../src/text/mapped-text.js";
import { lazy } from "../src/text/lazy.js";

type Options = Record<string, never>;

/** Meta's limits for template components. */
const META = { header: 60, footer: 60, button: 25, buttons: 10, urlButtons: 2, headerParameters: 1 } as const;

/** Built-in values brandlint fills from the config: text, not template parameters. */
const STATIC = new Set(["brand", "campaign", "channel"]);

/** A template parameter as written: its name and the pieces of text it rendered to. */
interface Parameter {
  name: string;
  start: number;
  end: number;
}

/** The parameters of a rendered text, in order (a value split into several pieces is one parameter). */
function parameters(m: MappedText): Parameter[] {
  const out: Parameter[] = [];
  let prev: Piece | undefined;
  for (const p of m.pieces) {
    if (p.name === undefined || STATIC.has(p.name)) {
      prev = undefined;
      continue;
    }
    const last = out[out.length - 1];
    if (last && prev && prev.name === p.name && prev.file === p.file && prev.srcStart === p.srcStart && prev.end === p.start) last.end = p.end;
    else out.push({ name: p.name, start: p.start, end: p.end });
    prev = p;
  }
  return out;
}

const shown = (p: Parameter) => `{{${p.name}}}`;
const ordinal = lazy(() => new Intl.PluralRules("en", { type: "ordinal" }));
const SUFFIX: Record<string, string> = { one: "st", two: "nd", few: "rd", other: "th" };
const nth = (n: number) => `${n}${SUFFIX[ordinal().select(n)]}`;

export default defineRule<Options>({
  meta: {
    id: "whatsapp-template",
    description: "WhatsApp templates keep to Meta's rules: header, footer and button limits, URL buttons, and where parameters may stand in the body.",
    rationale:
      "Meta reviews every WhatsApp Business template and rejects one whose header, footer or buttons are too long or whose parameters stand at the start, the end or side by side; a rejected template means the campaign does not go out on WhatsApp.",
    docs: { url: "docs/rules/whatsapp-template.md" },
    channels: ["whatsapp"],
    scope: "variant",
    defaultSeverity: "error",
    fixable: false,
    schema: { type: "object", additionalProperties: false, properties: {} },
    defaultOptions: {},
    messages: {
      tooLong: "WhatsApp {part} is {length} characters{worst} (limit {limit}): {over} over",
      headerParameters: "A WhatsApp header takes at most 1 parameter; {param} is its {n}",
      tooManyButtons: "A WhatsApp template has at most 10 buttons; this is the {n}",
      tooManyUrlButtons: "A WhatsApp template has at most 2 URL buttons; this is the {n}",
      urlVariable: "{param} must end the button's URL: Meta adds the value at the end of the address, so nothing may follow it",
      startsWithParameter: "The WhatsApp body starts with {param}: Meta rejects a template whose body starts or ends with a parameter; begin with words (“Hi {param}, …”)",
      endsWithParameter: "The WhatsApp body ends with {param}: Meta rejects a template whose body starts or ends with a parameter; end with words or punctuation",
      adjacentParameters: "{first} and {second} stand side by side: Meta rejects parameters with nothing but spaces between them; put words between them",
      outOfSequence: "{param} skips {missing}: Meta numbers parameters {{1}}, {{2}}, {{3}}… in sequence",
    },
    examples: {
      valid: [
        {
          title: "a template with a header, a footer and two buttons",
          files: {
            "whatsapp.json":
              '{\n  "header": "Spring at Lumen",\n  "body": "Hi {{1}}, your 20% code SPRING20 is ready until March 31.",\n  "footer": "Reply STOP to opt out",\n  "buttons": [\n    { "text": "Shop the sale", "url": "https://lumen.example/spring/{{2}}" },\n    { "text": "Not now" }\n  ]\n}\n',
          },
        },
      ],
      invalid: [
        {
          title: "a body that starts with {{1}}",
          files: { "whatsapp.txt": "{{1}}, your 20% code SPRING20 is ready until March 31.\n" },
          errors: [{ messageId: "startsWithParameter", line: 1, column: 1, message: "The WhatsApp body starts with {{1}}" }],
        },
        {
          title: "a URL button's variable in the middle of the address, and a label over 25 characters",
          files: {
            "whatsapp.json":
              '{\n  "body": "Hi {{1}}, spring is here.",\n  "buttons": [\n    { "text": "Shop every spring tent now", "url": "https://lumen.example/{{2}}/spring" }\n  ]\n}\n',
          },
          errors: [
            { messageId: "tooLong", line: 4, column: 41, message: "WhatsApp button label is 26 characters (limit 25): 1 over" },
            { messageId: "urlVariable", line: 4, column: 75 },
          ],
        },
      ],
    },
    notes: [
      "## What Meta accepts",
      "",
      "From Meta's WhatsApp Business Platform documentation, *Message templates → Template components* (developers.facebook.com/documentation/business-messaging/whatsapp/templates/components):",
      "",
      "| part | limit | config key |",
      "| --- | --- | --- |",
      "| text header | 60 characters, at most 1 parameter | `channels.whatsapp.headerMax` |",
      "| body | 1024 characters | `channels.whatsapp.bodyMax` (checked by `channel-limits`) |",
      "| footer | 60 characters | `channels.whatsapp.footerMax` |",
      "| button label | 25 characters | `channels.whatsapp.buttonMax` |",
      "| buttons | at most 10, of which at most 2 URL buttons; a URL button's variable only at the end of its URL | |",
      "",
      "The config keys may set stricter limits (a limit above Meta's is not used). Lengths are user-perceived characters (grapheme clusters) with worst-case variable values. The body's WhatsApp formatting (`*bold*`, `_italic_`, `~strike~`, ``` `code` ```) rendered from Markdown is not counted as text.",
      "",
      "Parameters (variables, `{{1}}` or `{{first_name}}`) in the body:",
      "",
      "- the body must not start or end with a parameter (white space around the text aside);",
      "- two parameters must not stand side by side (nothing but white space between them);",
      "- numbered parameters run `{{1}}`, `{{2}}`, `{{3}}`… without gaps.",
      "",
      "`{{brand}}`, `{{campaign}}` and `{{channel}}` are filled in by brandlint from the config, so they are text, not parameters.",
      "",
      "## Where the template is written",
      "",
      "- In message.md's frontmatter: `whatsapp: { header, footer, buttons: [{ text, url }] }`; the body is the WhatsApp text derived from the Markdown body, or `whatsapp.text`.",
      "- In a hand-written `whatsapp.json`: `{ \"header\", \"body\", \"footer\", \"buttons\": [{ \"type\", \"text\", \"url\", \"phone\" }] }` (instead of `whatsapp.txt`). A button's `type` is `quick_reply`, `url`, `phone_number` or `copy_code`; by default a button with a `url` is a URL button, one with a `phone` a call button, the rest quick replies.",
      "",
      "Every finding sits where the part is written.",
    ].join("\n"),
  },
  check(ctx) {
    const v = ctx.variant;
    if (v?.channel !== "whatsapp") return;
    const cfg = ctx.config.data.channels?.whatsapp ?? {};
    const limit = (own: number | undefined, meta: number) => Math.min(own ?? meta, meta);
    checkLength(ctx, v, "header", "header", limit(cfg.headerMax, META.header));
    checkLength(ctx, v, "footer", "footer", limit(cfg.footerMax, META.footer));
    const header = v.fields.header?.sample;
    if (header) {
      const extra = parameters(header).slice(META.headerParameters);
      extra.forEach((p, i) => ctx.report({ messageId: "headerParameters", data: { param: shown(p), n: nth(META.headerParameters + i + 1) }, at: { text: header, start: p.start, end: p.end } }));
    }
    const template = whatsappTemplate(v.extra);
    let urls = 0;
    for (const [i, b] of (template?.buttons ?? []).entries()) {
      checkLength(ctx, v, b.field, "button label", limit(cfg.buttonMax, META.button));
      if (i >= META.buttons) ctx.report({ messageId: "tooManyButtons", data: { n: nth(i + 1) }, at: b.at });
      if (b.type !== "url") continue;
      if (++urls > META.urlButtons) ctx.report({ messageId: "tooManyUrlButtons", data: { n: nth(urls) }, at: b.at });
      const url = b.url;
      if (!url) continue;
      const end = url.text.trimEnd().length;
      for (const p of parameters(url)) if (p.end < end) ctx.report({ messageId: "urlVariable", data: { param: shown(p) }, at: { text: url, start: p.start, end: p.end } });
    }
    const body = v.fields.text?.sample;
    if (body) checkParameters(ctx, body);
  },
});

/** A part's length, with worst-case variables, against its limit; the finding is on the first character over. */
function checkLength(ctx: RuleContext<Options>, v: WhatsAppVariant, field: ChannelFieldNames["whatsapp"], part: string, max: number): void {
  const f = v.fields[field];
  if (!f) return;
  const worst = f.worst;
  const from = worst.text.length - worst.text.trimStart().length;
  const to = Math.max(from, worst.text.trimEnd().length);
  const m = measure(worst.text.slice(from, to), max);
  if (m.cut === undefined) return;
  ctx.report({
    messageId: "tooLong",
    data: { part, length: m.length, worst: worstCaseNote(f.sample, worst), limit: max, over: m.length - max },
    at: { text: worst, start: from + m.cut, end: to },
  });
}

/** Meta's rules for where the body's parameters stand, and how numbered ones are numbered. */
function checkParameters(ctx: RuleContext<Options>, body: MappedText): void {
  const params = parameters(body);
  if (!params.length) return;
  const at = (p: Parameter) => ({ text: body, start: p.start, end: p.end });
  const text = body.text;
  const first = text.length - text.trimStart().length;
  const last = text.trimEnd().length;
  const opening = params[0]!;
  const closing = params[params.length - 1]!;
  if (opening.start <= first) ctx.report({ messageId: "startsWithParameter", data: { param: shown(opening) }, at: at(opening) });
  if (closing.end >= last) ctx.report({ messageId: "endsWithParameter", data: { param: shown(closing) }, at: at(closing) });
  for (let i = 1; i < params.length; i++) {
    const a = params[i - 1]!;
    const b = params[i]!;
    if (/^\s*$/u.test(text.slice(a.end, b.start))) ctx.report({ messageId: "adjacentParameters", data: { first: shown(a), second: shown(b) }, at: at(b) });
  }
  const seen = new Set<number>();
  for (const p of params) {
    if (!/^\d+$/.test(p.name)) continue;
    const n = Number(p.name);
    const missing = [];
    for (let k = 1; k < n; k++) if (!seen.has(k)) missing.push(k);
    if (missing.length && !seen.has(n)) ctx.report({ messageId: "outOfSequence", data: { param: shown(p), missing: missing.map((k) => `{{${k}}}`).join(", ") }, at: at(p) });
    seen.add(n);
  }
}
