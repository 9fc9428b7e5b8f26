/**
 * Compiling a big tone list (issue 18): the shortcuts the compile takes give exactly what
 * the long way gives, and locales that compile the same share one compiled matcher.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: the bench generator is plain JavaScript
import { toneList } from "../bench/generate.js";
import { lint } from "../src/lint.js";
import { casingClass, foldKey } from "../src/text/fold.js";
import { PhraseMatcher, simpleTermWords } from "../src/text/terms.js";
import { tokenize } from "../src/text/words.js";
import { toneMatcher } from "../rules/tone-words.js";
import type { BrandConfig } from "../src/types.js";

const LANGS = readdirSync(path.join(import.meta.dirname, "..", "lang")).map((f) => f.replace(/\.json$/, ""));
const LOCALES = [...LANGS, "en-US", "pt-BR", "tr-TR", "TR", "az-Latn", "lt", "el-GR", "zz-invalid-!"];

describe("simple terms are split the way the segmenter splits them", () => {
  const list = toneList(3000, 18) as { banned: { term: string }[]; terms: { instead: string[] }[] };
  const terms = [...list.banned.map((b) => b.term), ...list.terms.flatMap((t) => t.instead)].map((t) => t.replace(/^\*+|\*+$/g, "").trim());
  const edge = ["SALE10", "10sale", "ąę10", "АБ12345", "Aбв", "αβγ δ", "رخيص جدا", "و20", "e mail", "l offre", "große Auswahl", "ǅemal", "ªº", "ＳＡＬＥ", "x  y", " lead", "trail "];
  it("every simple term of a generated list and the edge cases", () => {
    let simple = 0;
    for (const term of [...terms, ...edge])
      for (const locale of ["en", "de", "pl", "ru", "ar", "el", "id", "th", "ja"]) {
        const fast = simpleTermWords(term);
        if (!fast) continue;
        simple++;
        expect([term, locale, fast]).toEqual([term, locale, tokenize(term, locale).filter((t) => t.word).map((t) => t.text)]);
        expect(tokenize(term, locale).filter((t) => !t.word).every((t) => t.text === " ")).toBe(true);
      }
    // Most of a generated list takes the shortcut; the rest is tokenized.
    expect(simple).toBeGreaterThan(terms.length * 5);
    expect(simpleTermWords("Aбв")).toBeUndefined();
    expect(simpleTermWords("e-mail")).toBeUndefined();
    expect(simpleTermWords("x  y")).toBeUndefined();
    // Words of digits fit every script's pattern: a long run of them that fails at its end is still one pass.
    expect(simpleTermWords("1 ".repeat(20_000) + " ")).toBeUndefined();
    expect(simpleTermWords("1 ".repeat(20_000) + "x")).toHaveLength(20_001);
  });
});

describe("folding ASCII without the Unicode passes", () => {
  it("gives the locale's case mapping in every locale, Turkish and Azeri included", () => {
    const samples = ["SALE", "Istanbul", "iI", "FIX it", "e-Mail's", "ABC xyz 09", "\u0000\u007f", ""];
    for (const locale of LOCALES)
      for (const s of samples) {
        let want: string;
        try {
          want = s.toLocaleUpperCase(locale).toLocaleLowerCase(locale);
        } catch {
          want = s.toUpperCase().toLowerCase();
        }
        expect([locale, s, foldKey(s, locale)]).toEqual([locale, s, want]);
      }
    expect(foldKey("ISTANBUL", "tr")).toBe("ıstanbul");
  });
});

describe("locales that compile the same share one matcher", () => {
  it("V8 cases every shipped language but tr, az, lt and el like the root locale (what casingClass assumes)", () => {
    const letters: string[] = [];
    for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) letters.push(String.fromCharCode(c));
    const all = letters.join(" ");
    const root = [all.toUpperCase(), all.toLowerCase()];
    expect([all.toLocaleUpperCase("und"), all.toLocaleLowerCase("und")]).toEqual(root);
    for (const lang of LANGS) {
      const same = all.toLocaleUpperCase(lang) === root[0] && all.toLocaleLowerCase(lang) === root[1];
      expect([lang, same]).toEqual([lang, casingClass(lang) === ""]);
    }
    expect(["tr", "az", "lt", "el", "tr-TR", "en", "zz-invalid-!"].map(casingClass)).toEqual(["tr", "az", "lt", "el", "tr", "", ""]);
  });

  const config: BrandConfig = {
    brand: { name: "Acme" },
    tone: {
      banned: [{ term: "cheap*" }, { term: "act now" }, { term: "KIRMIZI" }, { term: "дешёв*" }],
      terms: [{ use: "email", instead: ["e-mail"] }],
      locales: { pl: { banned: [{ term: "tani*" }] } },
    },
  };
  const simpleConfig: BrandConfig = { brand: { name: "Acme" }, tone: { banned: [{ term: "cheap*" }, { term: "act now" }, { term: "KIRMIZI" }] } };

  it("a list of simple terms compiles once for en, de, id, ru and fr; tr and a locale with its own list compile their own", () => {
    const en = toneMatcher(simpleConfig, "en");
    const shared = ["de", "id", "ru", "fr"].map((l) => toneMatcher(simpleConfig, l));
    for (const m of shared) {
      expect(m).not.toBe(en);
      expect((m as unknown as { roots: unknown }).roots).toBe((en as unknown as { roots: unknown }).roots);
    }
    expect((toneMatcher(simpleConfig, "tr") as unknown as { roots: unknown }).roots).not.toBe((en as unknown as { roots: unknown }).roots);
    // "e-mail" is segmented with the locale, the same way in en and de: shared; pl has its own list.
    const roots = (l: string) => (toneMatcher(config, l) as unknown as { roots: unknown }).roots;
    expect(roots("de")).toBe(roots("en"));
    expect(roots("pl")).not.toBe(roots("en"));
    // A term tokenized differently by another locale keeps the matchers apart.
    const m = new PhraseMatcher([{ term: "e-mail", payload: 1 }], "en") as unknown as { segmented: [string, string][]; forLocale: (l: string) => unknown };
    expect(m.forLocale("de")).toBeDefined();
    m.segmented = [["e-mail", "we-mail"]];
    expect(m.forLocale("de")).toBeUndefined();
    // Exceptions segment texts with the compile locale: never shared.
    expect(new PhraseMatcher([{ term: "tani*", except: ["taniec*"], payload: 1 }], "en").forLocale("de")).toBeUndefined();
  });

  it("a locale of another casing class is refused before any waiting term is compiled", () => {
    const m = new PhraseMatcher(
      ["cheap", "дешёв*", "sale today", "młoda"].map((term, i) => ({ term, payload: i })),
      "en",
    );
    expect(m.waiting()).toBe(4);
    expect([m.canShare("tr"), m.forLocale("tr"), m.waiting()]).toEqual([false, undefined, 4]);
    expect(m.canShare("en")).toBe(false);
    expect(m.canShare("de")).toBe(true);
    expect(m.forLocale("de")).toBeDefined();
    expect(m.waiting()).toBe(0);
    expect(new PhraseMatcher([{ term: "tani*", except: ["taniec*"], payload: 1 }], "en").canShare("de")).toBe(false);
  });

  it("a shared matcher finds what a matcher compiled for its own locale finds", () => {
    const texts: [string, string][] = [
      ["de", "Cheapest deals, ACT NOW! kirmizi"],
      ["ru", "Дешёвые цены, act  now"],
      ["tr", "KIRMIZI kırmızı kirmizi cheap"],
      ["id", "Murah, cheap, Act Now."],
    ];
    for (const [locale, text] of texts) {
      const own = new PhraseMatcher(["cheap*", "act now", "KIRMIZI"].map((term) => ({ term, payload: term })), locale);
      const got = toneMatcher(simpleConfig, locale).match(text).map((m) => [m.start, m.end, m.text]);
      expect([locale, got]).toEqual([locale, own.match(text).map((m) => [m.start, m.end, m.text])]);
    }
  });

  it("findings of campaigns in several languages are those of their own matchers", async () => {
    const files = {
      "brand.config.json": JSON.stringify({ brand: { name: "Acme" }, tone: { banned: [{ term: "cheap*" }, { term: "act now" }] } }),
      "templates/a/campaign.json": '{ "locale": "en" }',
      "templates/a/sms.txt": "Cheap! Act now",
      "templates/b/campaign.json": '{ "locale": "de" }',
      "templates/b/sms.txt": "Cheapest, ACT NOW",
      "templates/c/campaign.json": '{ "locale": "tr" }',
      "templates/c/sms.txt": "CHEAP act now",
    };
    const report = await lint({ cwd: "/repo", files, disk: false });
    const tone = report.results.flatMap((r) => r.messages.filter((m) => m.ruleId === "tone-words").map((m) => `${path.basename(path.dirname(r.file.path))}:${m.line}:${m.column}`));
    expect(tone).toEqual(["a:1:1", "a:1:8", "b:1:1", "b:1:11", "c:1:1", "c:1:7"]);
  });
});

describe("JSON read with JSON.parse first", () => {
  it("gives jsonc-parser's value, duplicates and positions; the tree is built only when asked for", async () => {
    const { parseJson } = await import("../src/config/json-doc.js");
    const text = '{"a": "x:y", "b\\":": [1, {"c": "\\"}:"}], "__proto__": {"d": 1}}';
    const doc = parseJson(text);
    expect(Object.getOwnPropertyDescriptor(doc, "tree")?.get).toBeTypeOf("function");
    expect(doc.value).toEqual(JSON.parse(text));
    expect(Object.getPrototypeOf(doc.value)).toBe(Object.prototype);
    expect(doc.duplicates).toEqual([]);
    expect(text.slice(doc.locate(["b\":", 1, "c"]).start, doc.locate(["b\":", 1, "c"]).end)).toBe('"\\"}:"');
    const twice = parseJson('{"a": 1,\n "a": 2}');
    expect(twice.value).toEqual({ a: 2 });
    expect(twice.duplicates.map((d) => d.start)).toEqual([10]);
    const deep = parseJson("[".repeat(101) + "]".repeat(101));
    expect(deep.errors.map((e) => e.start)).toEqual([100]);
    expect(parseJson("[".repeat(100) + "]".repeat(100)).errors).toEqual([]);
  });
});

describe("start-up", () => {
  it("every shipped language is one ICU names (campaign metadata skips Intl.DisplayNames for them)", async () => {
    const names = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });
    for (const lang of LANGS) expect([lang, names.of(lang) !== undefined]).toEqual([lang, true]);
  });
});

describe("tone matchers kept on disk with --cache", () => {
  const specs = [
    { term: "cheap*", payload: "a" },
    { term: "*sale", payload: "b" },
    { term: "act now", payload: "c" },
    { term: "*deal*", payload: "d" },
    { term: "e-mail", payload: "e" },
    { term: "ถูก", payload: "f" },
    { term: "tani*", except: ["taniec*"], payload: "g" },
    { term: "Acme", caseSensitive: true, payload: "h" },
  ];
  const texts = ["Cheapest Firesale! ACT NOW for a sweet ideal deal", "e-mail’s ราคาถูก ถูกใจ", "Taniec tanio Acme ACME acme"];

  it("a matcher read back from its data finds exactly what the compiled one finds", () => {
    const m = new PhraseMatcher([...specs, { term: "sweet", payload: "i" }], "pl", { words: ["ถูกใจ"] });
    const compiled = m.compiled();
    // A word only one single-word term ends on is written as that term's index, not as a node.
    expect(compiled.roots.fold.n).toContainEqual(["sweet", specs.length]);
    const data = JSON.parse(JSON.stringify(compiled)) as unknown;
    const back = PhraseMatcher.fromCompiled(data, [...specs, { term: "sweet", payload: "i" }])!;
    expect(back).toBeDefined();
    expect(back.size).toBe(m.size);
    for (const t of texts) expect(back.match(t)).toEqual(m.match(t));
    expect(texts.flatMap((t) => m.match(t)).length).toBeGreaterThan(5);
  });

  it("data of the wrong shape, or for other specs, is refused (then the terms are compiled)", () => {
    const data = JSON.parse(JSON.stringify(new PhraseMatcher(specs, "en").compiled())) as { entries: unknown[][]; roots: { fold: { n: unknown[] } } };
    expect(PhraseMatcher.fromCompiled(data, specs.slice(0, 3))).toBeUndefined();
    expect(PhraseMatcher.fromCompiled({ ...data, v: 99 }, specs)).toBeUndefined();
    expect(PhraseMatcher.fromCompiled({ ...data, roots: { fold: { n: [[1, {}]] }, exact: {} } }, specs)).toBeUndefined();
    // A word's one single-word term is kept as its index in the list: it must be one.
    for (const leaf of [99, -1, 1.5, "0"]) expect(PhraseMatcher.fromCompiled({ ...data, roots: { fold: { n: [["deal", leaf]] }, exact: {} } }, specs)).toBeUndefined();
    expect(PhraseMatcher.fromCompiled({ ...data, roots: { fold: { n: [["deal", 0]] }, exact: {} } }, specs)).toBeDefined();
    expect(PhraseMatcher.fromCompiled(null, specs)).toBeUndefined();
    expect(PhraseMatcher.fromCompiled("x", specs)).toBeUndefined();
  });

  it("the CLI writes a matcher shared by two locales beside the cache, signed, reads it back, and ignores a file it did not sign; one locale's compiles lazily, off disk", async () => {
    const { execFileSync } = await import("node:child_process");
    const { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync, statSync } = await import("node:fs");
    const os = await import("node:os");
    const dir = mkdtempSync(path.join(os.tmpdir(), "brandlint-tone-cache-"));
    const env = { ...process.env, XDG_CACHE_HOME: path.join(dir, "xdg") };
    try {
      const root = path.join(import.meta.dirname, "..");
      // An English and an Indonesian campaign, with no list of Indonesia's own: both locales share one matcher.
      for (const t of ["spring-sale", "promo-gajian"]) cpSync(path.join(root, "templates", t), path.join(dir, "templates", t), { recursive: true });
      const config = JSON.parse(readFileSync(path.join(root, "brand.config.json"), "utf8")) as { tone: { banned: { term: string }[]; locales: Record<string, unknown> } };
      config.tone.banned.push({ term: "spring*" });
      delete config.tone.locales.id;
      writeFileSync(path.join(dir, "brand.config.json"), JSON.stringify(config));
      const run = (...args: string[]) => {
        try {
          return execFileSync(process.execPath, [path.join(root, "bin", "brandlint.js"), "--format", "json", ...args], { cwd: dir, env, encoding: "utf8" });
        } catch (e) {
          return (e as { stdout: string }).stdout;
        }
      };
      // One campaign, one locale: its matcher compiles what its words need, and nothing is kept on disk.
      run("--cache", "templates/spring-sale");
      expect(existsSync(path.join(dir, ".brandlintcache"))).toBe(true);
      expect(existsSync(path.join(dir, ".brandlintcache.tone"))).toBe(false);
      rmSync(path.join(dir, ".brandlintcache"));
      const plain = run();
      expect(plain).toContain("tone-words");
      const first = run("--cache");
      const stored = readFileSync(path.join(dir, ".brandlintcache.tone"), "utf8");
      expect(stored).toMatch(/^brandlint-compiled-mac [0-9a-f]{64}\n\{"format":1,"entries":\[\["[0-9a-f]+",\{"v":3,"locale":"(?:en|id)"/);
      const written = statSync(path.join(dir, ".brandlintcache.tone")).ino;
      rmSync(path.join(dir, ".brandlintcache"));
      const second = run("--cache");
      // Read back, not compiled again (a compiled matcher would be written: a new file).
      expect(statSync(path.join(dir, ".brandlintcache.tone")).ino).toBe(written);
      // A file not signed by this machine's secret is ignored, and written anew.
      writeFileSync(path.join(dir, ".brandlintcache.tone"), stored.replace(/^brandlint-compiled-mac [0-9a-f]{64}/, `brandlint-compiled-mac ${"0".repeat(64)}`));
      rmSync(path.join(dir, ".brandlintcache"));
      const third = run("--cache");
      expect(readFileSync(path.join(dir, ".brandlintcache.tone"), "utf8")).toBe(stored);
      const strip = (s: string) => JSON.stringify((JSON.parse(s) as { messages: unknown }[]).map((r) => r.messages));
      expect([strip(first), strip(second), strip(third)]).toEqual([strip(plain), strip(plain), strip(plain)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("strings located without the whole tree", () => {
  it("every string of the project's config and of an awkward document is where the full tree says", async () => {
    const { parseJson, stringNodeRange } = await import("../src/config/json-doc.js");
    const { readFileSync } = await import("node:fs");
    const { parseTree } = await import("jsonc-parser");
    const texts = [
      readFileSync(path.join(import.meta.dirname, "..", "brand.config.json"), "utf8"),
      '{ "a\\"b:": { "x": ["s", {"y": "t,]}"}] } , "n": 1, "s" : "top",\n "e": {}, "l": [[], "z"] }',
    ];
    for (const text of texts) {
      const paths: (string | number)[][] = [];
      const walk = (v: unknown, at: (string | number)[]) => {
        if (typeof v === "string") paths.push(at);
        else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...at, i]));
        else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...at, k]);
      };
      walk(JSON.parse(text), []);
      expect(paths.length).toBeGreaterThan(3);
      const full = parseTree(text)!;
      const doc = parseJson(text);
      for (const p of [...paths, ["nope"], ["n", "x"]]) expect([p, doc.stringAt(p)]).toEqual([p, stringNodeRange(full, p)]);
      const whole = parseJson(text);
      void whole.tree; // built: its locations are jsonc-parser's own
      for (const p of [...paths, ["nope"], ["n", "x"], paths[0]!.slice(0, 1)]) {
        expect([p, doc.locate(p)]).toEqual([p, whole.locate(p)]);
        expect([p, doc.locate(p, String(p.at(-1)))]).toEqual([p, whole.locate(p, String(p.at(-1)))]);
      }
      expect(Object.getOwnPropertyDescriptor(doc, "tree")?.get).toBeTypeOf("function");
    }
  });
});
