/**
 * Rules share one segmentation of each variant text (issue 18, "render floor"): the word
 * tokens, sentences and grapheme clusters of a text are computed once however many rules
 * read them, and what is derived from one word list (phrase covers, each word's sentence)
 * once per list. Counted through textWork (src/text/shared-work.ts) and by watching
 * Intl.Segmenter itself. brand-colors and brand-fonts read only the style values holding
 * characters a person wrote.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { compileCues, findCodeCandidates, findDiscounts } from "../src/text/discounts.js";
import { findEndDates } from "../src/text/dates.js";
import { graphemeSegments, graphemes, measure } from "../src/text/graphemes.js";
import { textWork } from "../src/text/shared-work.js";
import { findUrlRanges } from "../src/text/urls.js";
import { languagesFor } from "../src/config/languages.js";
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadCampaigns, lint } from "../src/lint.js";
import { loadConfig } from "../src/config/load.js";
import { MemoryHost } from "../src/host/memory.js";
import { colorsIn } from "../src/email/colors.js";
import { authoredStyleValues, fontFamilies, isAuthored, variantStyleValues, type StyleValue } from "../src/email/css.js";

const work = () => ({ ...textWork });
const delta = (before: Record<string, number>) => Object.fromEntries(Object.entries(textWork).map(([k, v]) => [k, v - (before[k] ?? 0)]).filter(([, v]) => v !== 0));

describe("shared text work", () => {
  afterEach(() => vi.restoreAllMocks());

  it("offers, codes and end dates of one text: one tokenization, one word list, one sentence split, each phrase list matched once", () => {
    const languages = languagesFor(undefined);
    const cues = compileCues("en", languages);
    // A text no other test reads, so the memos hold nothing of it yet.
    const text = `Take 25% off with code QWERTY25 until March ${Math.floor(Math.random() * 28) + 1}, on boots and tents ${Date.now()}.`;
    const before = work();
    const discounts = findDiscounts(text, "en", cues, { cueDistance: 3, codes: ["QWERTY25"] });
    const codes = findCodeCandidates(text, "en", cues);
    const dates = findEndDates(text, "en", languages);
    expect(discounts.map((d) => [d.value, d.discount])).toEqual([[25, true]]);
    expect(codes.map((c) => c.text)).toEqual(["QWERTY25"]);
    expect(dates.map((d) => [d.month, d.cue])).toEqual([[3, "until"]]);
    // Covers: the percent words before a number, discount, not-discount and up-to cues (offers);
    // code, code-after and not-code cues (codes; the discount cover is the offers' one); end-date words.
    expect(delta(before)).toEqual({ tokenize: 1, words: 1, sentences: 1, cover: 8 });
    const again = work();
    findDiscounts(text, "en", cues, { cueDistance: 3, codes: ["QWERTY25"] });
    findCodeCandidates(text, "en", cues);
    findEndDates(text, "en", languages);
    expect(delta(again)).toEqual({});
  });

  it("a text without numbers or code-shaped words is tokenized, and neither split into sentences nor matched against cue lists", () => {
    const languages = languagesFor(undefined);
    const cues = compileCues("en", languages);
    const text = `Boots, tents and stoves for the season ahead, ${"and more ".repeat(Math.floor(Math.random() * 5) + 1)}here.`;
    const before = work();
    expect(findDiscounts(text, "en", cues, { cueDistance: 3 })).toEqual([]);
    expect(findCodeCandidates(text, "en", cues)).toEqual([]);
    expect(findEndDates(text, "en", languages)).toEqual([]);
    expect(delta(before)).toEqual({ tokenize: 1, words: 1 });
  });

  it("a text measured twice and split into graphemes is segmented into graphemes once", () => {
    const text = `Zoë 👩‍👩‍👧 ${Date.now()} 🇵🇱`;
    const before = work();
    const a = measure(text, 10);
    const b = measure(text, 10);
    const segs = graphemeSegments(text);
    expect(a).toEqual(b);
    expect(segs.map((s) => s.segment)).toEqual([...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)].map((s) => s.segment));
    expect(graphemes(text)).toHaveLength(segs.length);
    expect(delta(before)).toEqual({ graphemes: 1 });
  });

  it("the URLs of a text are found once however often rendering, links and sms-length ask", () => {
    const text = `Shop at https://acme.example/spring?c=${Date.now()} or acme.example/tents today`;
    const before = work();
    expect(findUrlRanges(text)).toHaveLength(2);
    expect(findUrlRanges(text)).toHaveLength(2);
    expect(delta(before)).toEqual({ urls: 1 });
  });

  it("a lint with every rule segments each text once: words, sentences and graphemes (Intl.Segmenter watched)", async () => {
    const seen = new Map<string, number>();
    const segment = Intl.Segmenter.prototype.segment;
    vi.spyOn(Intl.Segmenter.prototype, "segment").mockImplementation(function (this: Intl.Segmenter, input: string) {
      const o = this.resolvedOptions();
      const key = `${o.granularity}\u0000${o.locale}\u0000${input}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
      return segment.call(this, input);
    });
    const config = {
      brand: { name: "Acme", unsubscribeUrl: "https://acme.example/u", address: "Acme Ltd, 1 Main St, Springfield" },
      colors: { primary: "#0B5FFF", ink: "#1A1A1A", paper: "#FFFFFF" },
      variables: { firstName: { sample: "Ana", maxLength: 20, charset: "unicode" } },
      offers: [{ code: "SHARED25", discount: "25%", ends: "2026-03-31" }],
      // Limits make channel-limits measure the texts in graphemes.
      channels: { email: { subjectMax: 60 }, push: { titleMax: 40, bodyMax: 120 } },
    };
    const md = [
      "---",
      `campaign: shared-${Date.now()}`,
      "channels: [email, sms, push, whatsapp, social]",
      // An emoji: a text of single-unit clusters alone is split without Intl.Segmenter (src/text/graphemes.ts).
      'subject: "Hello {{firstName}}, 25% off 🌸"',
      "offer: SHARED25",
      "---",
      "# Spring is here, {{firstName}}",
      "",
      "Take 25% off everything with code SHARED25 until March 31. Boots, tents and stoves 🌸.",
      "",
      "[Shop now](https://acme.example/spring)",
      "",
    ].join("\n");
    const report = await lint({ cwd: "/shared-work", files: { "brand.config.json": JSON.stringify(config), "templates/spring/message.md": md }, disk: false });
    expect(report.results.length).toBeGreaterThan(0);
    const granularities = new Set([...seen.keys()].map((k) => k.split("\u0000")[0]));
    expect(granularities).toEqual(new Set(["word", "sentence", "grapheme"]));
    const twice = [...seen].filter(([, n]) => n > 1).map(([k, n]) => `${n}× ${k.replaceAll("\u0000", " | ")}`);
    expect(twice).toEqual([]);
  });
});

describe("authored style values", () => {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const config = loadConfig({ cwd: root });
  const dirs = readdirSync(path.join(root, "templates"), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => path.join(root, "templates", d.name));
  const emails = loadCampaigns(dirs, config).flatMap((c) => (c.variants ?? []).flatMap((v) => [v, ...(v.alternates ?? [])])).filter((v) => v.channel === "email");

  it("the bundled examples' authored colours and font families are those of every style value (what brand-colors and brand-fonts report)", () => {
    expect(emails.length).toBeGreaterThan(5);
    for (const v of emails) {
      const all = variantStyleValues(v);
      const kept = authoredStyleValues(v, config.file.path);
      const colors = (vs: StyleValue[]) => colorsIn(vs).filter((r) => isAuthored(r.text, r.start, r.end, config.file.path)).map((r) => [r.start, r.end, r.raw, r.text.locate(r.start, r.end)?.start]);
      const fonts = (vs: StyleValue[]) => vs.flatMap((x) => fontFamilies(x).filter((f) => isAuthored(x.text, f.start, f.end, config.file.path)).map((f) => [f.name, x.text.locate(f.start, f.end)?.start]));
      expect(colors(kept)).toEqual(colors(all));
      expect(fonts(kept)).toEqual(fonts(all));
      expect(kept.length).toBeLessThanOrEqual(all.length);
    }
  });

  it("a generated email without raw HTML has no authored style values: its markup's style attributes are never parsed", () => {
    const md = "---\ncampaign: gen\nchannels: [email]\nsubject: Spring\n---\n# Spring\n\nTake 20% off. [Our tents](https://acme.example/t)\n\n[Shop now](https://acme.example/s)\n";
    const files = { "brand.config.json": JSON.stringify({ brand: { name: "Acme", address: "Acme Ltd" }, colors: { primary: "#0B5FFF", ink: "#1A1A1A" }, fonts: ["Inter"] }), "templates/gen/message.md": md };
    const cfg = loadConfig({ cwd: "/styles", host: new MemoryHost(Object.entries(files).map(([k, v]) => [`/styles/${k}`, v])) });
    const [campaign] = loadCampaigns(["/styles/templates/gen"], cfg);
    const email = campaign!.variants!.find((v) => v.channel === "email")!;
    // The generated MJML has colours, fonts and a link style from the config…
    expect(variantStyleValues(email).some((x) => x.prop === "color" && x.origin === "css")).toBe(true);
    // …none of which a person wrote in a template.
    expect(authoredStyleValues(email, cfg.file.path)).toEqual([]);
  });
});
