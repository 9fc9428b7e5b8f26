/**
 * The worst case of a body reuses its sample's Markdown tree when the two renderings
 * differ only in values Markdown reads as plain letters (deriveBody, issue 18 "render
 * floor"). The derived model must be exactly what parsing the worst case gives — tree,
 * positions and every text a channel takes from it — and every other body is parsed.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeBody, deriveBody, parseMarkdown, type BodyModel } from "../src/render/markdown.js";
import { parseTemplate, renderTemplate } from "../src/render/template.js";
import { MappedText } from "../src/text/mapped-text.js";
import { SourceFile } from "../src/text/source-file.js";

function renderings(template: string, sample: string, worst: string) {
  const file = SourceFile.fromContents("/t/message.md", template);
  const tpl = parseTemplate(MappedText.fromSource(file));
  return { s: renderTemplate(tpl, { firstName: sample }), w: renderTemplate(tpl, { firstName: worst }) };
}

/** What the channels read from a body model, as plain data (texts and where they come from). */
function shown(b: BodyModel) {
  const m = (t: MappedText | undefined) => t && { text: t.text, pieces: t.pieces.map((p) => [p.start, p.end, p.srcStart, p.srcEnd, p.kind, p.exact, p.name]) };
  return {
    tree: JSON.parse(JSON.stringify(b.tree)) as unknown,
    firstHeading: m(b.firstHeading),
    firstParagraph: m(b.firstParagraph),
    cta: b.cta && { url: m(b.cta.url), text: m(b.cta.text) },
    links: b.links.map((l) => ({ url: m(l.url), text: m(l.text) })),
    images: b.images.map((i) => ({ src: m(i.src), alt: m(i.alt), start: i.start, end: i.end })),
    prose: b.prose.map(m),
    whatsapp: m(b.whatsapp),
    html: b.html.map((h) => ({ value: h.value, at: m(h.at) })),
  };
}

/** Derives the worst case from the sample when it can; then it must equal a parse of the worst case. */
function check(template: string, sample: string, worst: string): boolean {
  const { s, w } = renderings(template, sample, worst);
  const derived = deriveBody(analyzeBody(s), w);
  if (derived) expect(shown(derived)).toEqual(shown(analyzeBody(w)));
  return derived !== undefined;
}

const V = "{{firstName}}";

describe("deriveBody: a worst case that differs in plain letters reuses the sample's tree", () => {
  it("a greeting, a heading, a list item, a quote, a table cell, emphasis and a link label are derived, positions and all", () => {
    const body = [`# Hello ${V}`, "", `Hi ${V}, take 20% off.`, "", `- for ${V}`, `- and ${V}!`, "", `> ${V} said so.`, "", "| a | b |", "|---|---|", `| ${V} | x |`, "", `يا ${V}؟ و ${V}。`, "", `**Dear ${V} and** _you ${V} too_`, "", `[Shop now ${V}](https://acme.example/s)`, ""].join("\n");
    expect(check(body, "Ana", "Ж".repeat(20))).toBe(true);
    expect(check(body, "Ana", "W".repeat(20))).toBe(true);
    // The derived worst case is not the sample's: it holds the worst values at moved positions.
    const { s, w } = renderings(body, "Ana", "Ж".repeat(20));
    const d = deriveBody(analyzeBody(s), w)!;
    expect(d.firstHeading?.text).toBe(`Hello ${"Ж".repeat(20)}`);
    expect(d.tree.children.at(-1)!.position!.start.offset).toBe(parseMarkdown(w.text).children.at(-1)!.position!.start.offset);
  });

  it("values or places Markdown may read differently are parsed, never derived", () => {
    const cases: [string, string, string][] = [
      [`Write to ${V}@acme.example today.`, "ana", "Ж".repeat(20)], // an e-mail address only with ASCII letters
      [`Visit ${V}.acme.example now.`, "www", "W".repeat(20)], // a literal URL
      [`See ${V}`, "www", "Ж".repeat(5)],
      [`<a b\n${V} c> there`, "Zoë", "W".repeat(20)], // an attribute name only in ASCII
      [`[Hi ${V}]\n\n[hi wwwwwwwwwwwwwwwwwwww]: https://acme.example`, "Ana", "W".repeat(20)], // a label matching a definition
      [`[Shop](https://acme.example "for ${V} now")`, "Ana", "Ж".repeat(20)], // a link title
      [`![Photo of ${V} here](https://acme.example/p.png)`, "Ana", "Ж".repeat(20)], // an image's alt
      [`\`code ${V} here\``, "Ana", "Ж".repeat(20)], // code: its value is not the text around it
      [`Hi ${V}'s friend`, "Ana", "Ж".repeat(20)],
      [`Hi _${V}_`, "Ana", "Ж".repeat(20)],
      [`Hi &${V};`, "amp", "Ж".repeat(20)],
      [`Hi ${V} now`, "Ana Bo", "Ж".repeat(20)], // a value with a space
      [`Hi ${V}1 now`, "Ana", "Ж".repeat(20)],
      [`Hi ${V} now`, "12", "34"],
      [`Hi ${V} now`, "", "Ж".repeat(20)], // no sample value: no piece to move
      [`Long ${V} ${"x".repeat(10_000)}`, "Ana", "Ж".repeat(20)], // the worst case passes the paragraph limit
    ];
    for (const [t, a, b] of cases) expect(check(t, a, b), t).toBe(false);
  });

  it("derived or parsed, the worst case's model is always what parsing it gives (property)", () => {
    const pieces = [V, V, V, " ", " ", "\n", "\n\n", "# ", "## ", "- ", "1. ", "> ", "**", "*", "_", "~~", "`", "[", "](https://a.example/x)", "]", "![", "<", ">", "<b>", "</b>", "&amp;", "&", ";", "\\", "www.", "http://", "@", ".", ",", "!", "?", ":", "'", "(", ")", "|", "---", "| a | b |\n|---|---|\n| ", "]: /u", "word", "Hello", "20%", "  \n", "\t", "```\n", "    ", "Ж", "é", "؟", "。", "…"];
    const body = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((a) => a.join(""));
    const samples = fc.constantFrom("Ana", "ana", "Zoë", "www", "http", "Ана", "ANA", "x", "", "A.B", "12", "a_b", "Ana Bo");
    const worsts = fc.constantFrom("Ж".repeat(20), "W".repeat(20), "w", "Ж", "www", "Ана");
    let derived = 0;
    fc.assert(
      fc.property(body, samples, worsts, (t, a, b) => {
        if (check(t, a, b)) derived++;
      }),
      { numRuns: 1500, seed: 18 },
    );
    // The property is not vacuous: many worst cases were derived (and matched their parse).
    expect(derived).toBeGreaterThan(150);
  });
});
