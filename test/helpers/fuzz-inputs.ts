/**
 * fast-check generators for the whole-pipeline fuzzers (test/fuzz.test.ts): fragment
 * soups that reach every parser, nesting that reaches and passes each depth limit,
 * findings past the per-file cap, and files up to the 2 MB read limit.
 */
import fc from "fast-check";

/** A tag no template ever contains: if it reaches a preview page as markup, something was not escaped. */
export const CANARY = "x-fz-canary";

/** Fragments that reach deep into every parser (and the preview's escaping). */
export const PIECES = [
  "---\n", "subject: ", "preheader: ", "locale: ar\n", "locale: ru\n", "locale: pl\n", "offer: SPRING20\n", "send: 2026-03-20\n", "send: 0099-01-01\n", "channels: [sms, email]\n",
  "sms: { text: \"", "\" }\n", "push: { title: x }\n", "campaign: ", "../x", "a/b", "&a ", "*a", "? [a]\n: b\n",
  "# ", "**", "_", "~~", "`", "```\n", "- ", "1. ", "> ", "    ", "\n", "\n\n", "[", "](", ")", "https://acme.example/x", "www.acme.example/ACME", "![", "](logo.png)", "<", ">", "</", "<!-- ", " -->", "|a|b|\n|-|-|\n",
  "{{", "}}", "{{#if firstName}}", "{{/if}}", "{{else}}", "{{firstName}}", "{{userId}}", "{{!-- brandlint-disable-next-line --}}", "{{! brandlint-disable }}", "{{> p}}", "{{constructor.constructor}}", "{{toString}}", "{{#each x}}", "{{lookup this \"constructor\"}}",
  "<mjml>", "</mjml>", "<mj-head>", "<mj-body>", "</mj-body>", "<mj-section>", "</mj-section>", "<mj-column>", "</mj-column>", "<mj-text color=\"#0A5EFF\">", "</mj-text>", "<mj-button href=\"http://x.y\">", "</mj-button>", "<mj-image src=\"logo.png\" />", "<mj-raw>", "</mj-raw>", "<mj-style>", "a{color:red;background:url(https://x.example/a.png)}", "</mj-style>",
  "<mj-include path=\"../x\" />", "<mj-include path=\"/etc/passwd\" />", "style=\"color:#123\"", "&amp;", "&#x41;", "&bogus;", "<div>", "</div>", "<script>alert(1)</script>", `<${CANARY} onload="x">`, `"><${CANARY}>`, "'", "\"",
  "cheap", "Cheap", "e-mail", "e-mail’s", "ACME", "20%", "٢٠٪", "-30 %", "SPRING25", "Act now", "дешёвый", "خصم", "’", "“", "…", "!", "!!!", "STOP to end",
  "\u00a0", "\u200b", "\u200f", "👍🏽", "👨‍👩‍👧", "\u0301", "\r\n", "\r", "\ufeff", "\u0000", "\u001b[31m", "\u0007", "\ud800", "\udc00",
];

/** Up to `max` fragments, arbitrary strings and graphemes, joined. */
export function soup(max = 60): fc.Arbitrary<string> {
  return fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PIECES) }, fc.string({ maxLength: 12 }), fc.string({ unit: "grapheme", maxLength: 8 })), { maxLength: max }).map((a) => a.join(""));
}

/** A soup without NUL (a NUL makes the file binary: one finding for that, none for its nesting). */
const textSoup = (max: number) => soup(max).map((t) => t.replaceAll("\u0000", ""));

export const anyText = fc.oneof({ weight: 3, arbitrary: soup() }, fc.string({ unit: "binary", maxLength: 300 }), fc.string({ unit: "grapheme", maxLength: 300 }));

/** A depth that is often right at a limit, below it or well past it. */
export function depthAround(limit: number): fc.Arbitrary<number> {
  return fc.oneof(fc.integer({ min: 0, max: Math.round(limit * 1.6) }), fc.integer({ min: limit - 3, max: limit + 3 }));
}

/**
 * A nested input: its text, and how deep it nests against which limit when that is
 * certain (undefined: the shape nests, but not in a way the test can count exactly).
 */
export interface Nested {
  text: string;
  depth?: number;
  limit: number;
}

/** Markdown that nests `d` levels: quotes, lists, ordered lists, indented lists, emphasis, links (a list and its item are two tree levels). */
export const deepMarkdown: fc.Arbitrary<Nested> = fc.tuple(fc.constantFrom("quote", "list", "ordered", "indented", "emphasis", "mixed", "links", "brackets"), depthAround(100), textSoup(6)).map(([kind, d, inner]) => {
  const limit = 100;
  switch (kind) {
    case "quote":
      return { text: ">".repeat(d) + " " + inner + "\n", depth: d, limit };
    case "list":
      return { text: "- ".repeat(d) + "x " + inner + "\n", depth: 2 * d, limit };
    case "ordered":
      return { text: "1. ".repeat(d) + "x " + inner + "\n", depth: 2 * d, limit };
    case "indented":
      return { text: Array.from({ length: d }, (_, i) => "  ".repeat(i) + "- item " + i).join("\n") + "\n\n" + inner + "\n", depth: 2 * d, limit };
    case "emphasis":
      return { text: "Hi " + "*a ".repeat(d) + "x" + " a*".repeat(d) + "\n" + inner + "\n", limit };
    case "mixed":
      return { text: "> - ".repeat(d) + "x " + inner + "\n", depth: 3 * d, limit };
    case "links":
      return { text: "[a ".repeat(d) + inner + "](https://acme.example/x)".repeat(d) + "\n", limit };
    default:
      return { text: "[".repeat(d) + inner + "]".repeat(d) + "\n", limit };
  }
});

/** MJML nested `d` elements deep, or with `d` sibling elements. */
export const deepMjml: fc.Arbitrary<Nested> = fc.tuple(fc.constantFrom("divs", "wrappers", "siblings", "sections", "unclosed"), depthAround(200), textSoup(6)).map(([kind, d, inner]) => {
  const limit = 200;
  const wrap = (body: string) => `<mjml><mj-body><mj-section><mj-column>${body}</mj-column></mj-section></mj-body></mjml>\n`;
  switch (kind) {
    case "divs":
      return { text: wrap(`<mj-text>${"<div>".repeat(d)}x${"</div>".repeat(d)}</mj-text>`), depth: d + 6, limit };
    case "wrappers":
      return { text: `<mjml><mj-body>${"<mj-wrapper>".repeat(d)}${"</mj-wrapper>".repeat(d)}</mj-body></mjml>\n`, depth: d + 2, limit };
    case "siblings":
      return { text: wrap(`<mj-text>${inner}</mj-text>`.repeat(d)), limit };
    case "sections":
      return { text: `<mjml><mj-body>${"<mj-section><mj-column><mj-text>cheap e-mail</mj-text></mj-column></mj-section>\n".repeat(d)}</mj-body></mjml>\n`, depth: 5, limit };
    default:
      return { text: wrap(`<mj-text>${"<div><span>".repeat(d)}${inner}</mj-text>`), limit };
  }
});

/** JSON nested `d` levels (lists, objects, unbalanced) inside a push or campaign object. */
export const deepJson: fc.Arbitrary<Nested> = fc.tuple(fc.constantFrom("lists", "objects", "unbalanced", "title"), depthAround(100)).map(([kind, d]) => {
  const limit = 100;
  switch (kind) {
    case "lists":
      return { text: `{"title": "Hi", "body": ${"[".repeat(d)}${"]".repeat(d)}}`, depth: d + 1, limit };
    case "objects":
      return { text: `{"locale": ${'{"a": '.repeat(d)}1${"}".repeat(d)}}`, depth: d + 1, limit };
    case "unbalanced":
      return { text: `{"title": ${"[".repeat(d)}`, depth: d + 1, limit };
    default:
      return { text: `{"title": "cheap", "title": "Hi", "body": ${"[".repeat(d)}"x"${"]".repeat(d)}}`, depth: d + 1, limit };
  }
});

/** Frontmatter YAML that nests `d` levels or uses an anchor `n` times (around the 50-alias limit). */
export const deepYaml: fc.Arbitrary<Nested> = fc.tuple(fc.constantFrom("flow", "block", "aliases", "laughs", "keys"), depthAround(100), depthAround(50)).map(([kind, d, n]) => {
  switch (kind) {
    case "flow":
      return { text: `subject: Hi\naudience: ${"[".repeat(d)}${"]".repeat(d)}\n`, depth: d + 1, limit: 100 };
    case "block":
      return { text: "subject: Hi\n" + Array.from({ length: d }, (_, i) => "  ".repeat(i) + `k${i}:`).join("\n") + " x\n", depth: d, limit: 100 };
    case "aliases":
      return { text: `subject: &a Hi\naudience: [${Array.from({ length: n }, () => "*a").join(", ")}]\n`, depth: n, limit: 50 };
    case "laughs":
      return { text: `a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: &c [*b, *b, *b, *b]\nd: [${Array.from({ length: Math.max(1, n >> 2) }, () => "*c").join(", ")}]\nsubject: Hi\n`, limit: 50 };
    default:
      return { text: `? ${"[".repeat(Math.min(d, 5))}a${"]".repeat(Math.min(d, 5))}\n: b\nsubject: Hi\n`, limit: 100 };
  }
});

/** A text with `n` findings of one rule (around the 1,000 findings-per-file cap). */
export const manyFindings = fc.tuple(fc.constantFrom("cheap ", "e-mail ", "Act now! ", "{{nope}} ", "ACME "), fc.integer({ min: 900, max: 1400 }), fc.boolean()).map(([piece, n, crlf]) => {
  const lines = Array.from({ length: Math.ceil(n / 10) }, () => piece.repeat(10));
  return lines.join(crlf ? "\r\n" : "\n") + "\n";
});

/** Text of exactly `bytes` UTF-8 bytes: `piece` repeated, padded with spaces (a file at the read limit). */
export function sized(piece: string, bytes: number): string {
  const unit = Buffer.byteLength(piece || " ") ? piece || " " : " ";
  const out = unit.repeat(Math.max(1, Math.floor(bytes / Buffer.byteLength(unit))));
  // Pad with ASCII to the exact size (the limit is in bytes).
  return out + " ".repeat(Math.max(0, bytes - Buffer.byteLength(out)));
}

/** A frontmatter (sometimes unclosed, sometimes with CRLF) over a body. */
export function withFrontmatter(fm: fc.Arbitrary<string>, body: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const channels = fc.constantFrom("", "channels: [sms]\n", "channels: [sms, push, whatsapp, social]\n", "channels: [email]\n", "channels: [email, sms, push, whatsapp, social]\n");
  return fc.tuple(fc.constantFrom("closed", "closed", "closed", "unclosed", "none", "crlf"), channels, fm, body).map(([shape, ch, f, b]) => {
    if (shape === "none") return b;
    if (shape === "unclosed") return `---\n${ch}${f}\n${b}`;
    const md = `---\n${ch}${f}\n---\n${b}`;
    return shape === "crlf" ? md.replace(/\r?\n/g, "\r\n") : md;
  });
}
