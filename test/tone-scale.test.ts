/**
 * A config of many tone terms (issue 18): the shortcuts that make it cheap — terms
 * compiled when a text first needs them, the JSON read with JSON.parse and located only
 * when asked — give exactly the findings, problems and positions of the long way.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: the bench generator is plain JavaScript
import { toneList } from "../bench/generate.js";
import { ConfigError, parseConfigText, type RuleOptionsInfo } from "../src/config/load.js";
import { parseJson } from "../src/config/json-doc.js";
import { loadRules } from "../src/rules-index.js";
import { PhraseMatcher, type CompiledTerms, type TermSpec } from "../src/text/terms.js";
import { REPO_ROOT } from "./helpers/cli.js";

/** The matcher's terms not compiled yet (by index), or undefined. */
const pendingOf = (m: PhraseMatcher<unknown>) => (m as unknown as { pending?: number[] }).pending;

type SNode = CompiledTerms["roots"]["fold"];

describe("terms compiled when a text first needs them", () => {
  it("a term waits only when the key of its first word holds a character beyond ASCII, for every letter of the scripts that fold and what may join it", () => {
    const letters: string[] = [];
    // The scripts whose letters fold in more ways than a case pair (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, their extensions, letterlike symbols).
    for (const [from, to] of [
      [0x41, 0x800],
      [0x1d00, 0x2200],
    ] as const)
      for (let cp = from; cp < to; cp++) if (/\p{L}/u.test(String.fromCodePoint(cp))) letters.push(String.fromCodePoint(cp));
    // What follows a letter in a term: nothing, a letter, marks and joiners that fold with it (I + U+0307 is İ in NFKC), another script, a space.
    const after = ["", "x", "\u0307", "\u200d\u0307", "\u0640\u0301", "Σ", "д"];
    // At the start, after ASCII letters (only Latin letters are looked at there), and with wildcards.
    const latin = letters.filter((ch) => /\p{Script=Latin}/u.test(ch));
    const shapes: [string[], (ch: string) => string][] = [
      ...after.map((a) => [letters, (ch: string) => ch + a] as [string[], (ch: string) => string]),
      ...after.map((a) => [latin, (ch: string) => `ab${ch}${a}`] as [string[], (ch: string) => string]),
      [letters, (ch) => `*${ch}`],
      [letters, (ch) => `${ch}*`],
      [letters, (ch) => `*${ch}*`],
    ];
    let waited = 0;
    const wrong: string[] = [];
    for (const locale of ["en", "tr", "lt", "el"])
      for (const [chars, shape] of shapes) {
        const terms = chars.map(shape);
        const m = new PhraseMatcher(
          terms.map((term, i) => ({ term, payload: i })),
          locale,
        );
        const pending = new Set(pendingOf(m));
        waited += pending.size;
        // The key each term's first word is filed under, from the compiled data (every term compiled by now).
        const c = m.compiled();
        const firstKey = new Map<number, string>();
        const file = (key: string, ids: number[]) => ids.forEach((id) => firstKey.set(c.entries[id]![0], key));
        const below = (n: SNode): number[] => [...(n.e ?? []), ...(n.p ?? []).flatMap(([, l]) => l), ...(n.n ?? []).flatMap(([, x]) => (typeof x === "number" ? [] : below(x)))];
        for (const root of [c.roots.fold, c.roots.exact]) {
          // A number is the one single-word term ending on that word (its index in the list).
          for (const [k, n] of root.n ?? []) if (typeof n === "number") firstKey.set(n, k);
          else file(k, below(n));
          for (const [k, l] of root.p ?? []) file(k, l);
        }
        for (const [k, n] of [...c.suffixRoots.fold, ...c.suffixRoots.exact]) file(k, below(n));
        for (const [k, id] of [...c.infix, ...c.spaceless]) file(k, [id]);
        for (const i of pending) if (!/[^\x00-\x7f]/.test(firstKey.get(i) ?? "")) wrong.push(`${locale} ${JSON.stringify(terms[i])}`);
      }
    expect(wrong).toEqual([]);
    // The shortcut is taken: most letters beyond ASCII keep their term waiting.
    expect(waited).toBeGreaterThan(10_000);
    // Turkish I folds to ı (waits); I + U+0307 is İ, which folds to i (does not).
    expect(pendingOf(new PhraseMatcher([{ term: "Irmak", payload: 1 }], "tr"))).toEqual([0]);
    expect(pendingOf(new PhraseMatcher([{ term: "I\u0307ndirim", payload: 1 }], "tr"))).toBeUndefined();
    expect(pendingOf(new PhraseMatcher([{ term: "Irmak", payload: 1 }], "en"))).toBeUndefined();
  });

  const list = toneList(3000, 18) as { banned: { term: string }[]; terms: { instead: string[] }[] };
  const specs: TermSpec<number>[] = [...list.banned.map((b) => b.term), ...list.terms.flatMap((t) => t.instead), "Cheap*", "młoda*", "ındırım", "straße", "ＳＡＬＥ", "Indirim*", "Ilk fırsat", "sale ÖZEL", "kavo dźwięk", "big  sale", "big sale!", "big !*", "big e-mail", "Acme’s best", "x1 y2", "I"].map((term, i) => ({ term, payload: i }));
  const pick = (n: number) => specs.filter((_, i) => i % n === 0).map((s) => s.term.replace(/\*/g, ""));
  const texts: [string, string][] = [
    ["en", `Our plan: ${pick(7).filter((t) => /^[\x00-\x7f]*$/.test(t)).join(", ")}. Cheapest STRASSE sale today`],
    ["ru", `Скидки: ${pick(5).join(" — ")}`],
    ["tr", "INDIRIM ındırım Irmak MŁODA młodą INDIRIMLER ilk fırsat ILK FIRSAT I ı i"],
    ["en", "Indirimler: ILK FIRSAT, Sale özel; KAVO DŹWIĘK big sale big  sale big sale! bigger big e-mail acme’s BEST X1 Y2 I i"],
    ["pl", `${pick(3).slice(0, 400).join(" ").toUpperCase()} młodaśmy`],
    ["ja", "ＳＡＬＥ中のクーポン"],
  ];

  it("a matcher whose terms wait finds what the same terms compiled at once find, whatever the texts' order, in English and Turkish", () => {
    for (const [locale, order] of [
      ["en", texts],
      ["en", [...texts].reverse()],
      ["tr", texts],
      ["tr", [...texts].reverse()],
    ] as const) {
      const lazy = new PhraseMatcher(specs, locale);
      expect(pendingOf(lazy)?.length).toBeGreaterThan(specs.length / 3);
      expect(lazy.waiting()).toBeGreaterThan(specs.length * 0.9);
      const eager = new PhraseMatcher(specs, locale);
      eager.compiled();
      expect(pendingOf(eager)).toBeUndefined();
      expect(lazy.size).toBe(eager.size);
      let found = 0;
      for (const [, text] of order) {
        const got = lazy.match(text);
        expect(got).toEqual(eager.match(text));
        found += got.length;
      }
      expect(found).toBeGreaterThan(100);
    }
  });

  it("an English text leaves the terms in other scripts, those whose first word holds another letter, and those its words do not start, uncompiled", () => {
    const terms = ["дешёв*", "cheap*", "رخيص", "młoda", "act now", "cheaper prices", "e-mail", "Chat", "*sale", "deal*", "ch", "Irmak"];
    const m = new PhraseMatcher(
      terms.map((term, i) => ({ term, payload: i })),
      "en",
    );
    const buckets = () => [...((m as unknown as { buckets?: Map<number, number[]> }).buckets?.values() ?? [])].flat().sort((a, b) => a - b);
    /** The terms compiled so far: the matcher's size less those waiting. */
    const compiled = () => m.size - m.waiting();
    // *sale is compiled at once; the Cyrillic and Arabic terms wait for a word beyond ASCII, młoda for one starting with m, e-mail for one starting with e.
    expect([compiled(), pendingOf(m), buckets()]).toEqual([1, [0, 2], [3, 6]]);
    expect(m.match("Cheapest deals, cheap!").map((x) => x.payload)).toEqual([1, 9, 1]);
    // cheap* and deal*; not cheaper prices, Chat or ch.
    expect(compiled()).toBe(3);
    expect(m.match("Chat: cheaper prices, ACT NOW, cheap e-mail").map((x) => [x.payload, x.text])).toEqual([
      [7, "Chat"],
      [5, "cheaper prices"],
      [4, "ACT NOW"],
      [1, "cheap"],
      [6, "e-mail"],
    ]);
    expect([compiled(), pendingOf(m), buckets()]).toEqual([7, [0, 2], [3]]);
    // A word of another script compiles the terms waiting for one; młoda waits for a word beyond ASCII starting with m.
    expect(m.match("дешёвые Młoda irmak ch").map((x) => x.payload)).toEqual([0, 3, 11, 10]);
    expect([compiled(), pendingOf(m), buckets()]).toEqual([terms.length, undefined, []]);
    // In Turkish, I is ı: Irmak waits for a word beyond ASCII (its key is ırmak).
    const tr = new PhraseMatcher([{ term: "Irmak", payload: 0 }, { term: "indirim", payload: 1 }], "tr");
    expect([tr.waiting(), pendingOf(tr)]).toEqual([2, [0]]);
    expect(tr.match("IRMAK İNDİRİM irmak").map((x) => [x.payload, x.text])).toEqual([
      [0, "IRMAK"],
      [1, "İNDİRİM"],
    ]);
  });

  it("a text compiles only the terms its words start, out of a list of 20,000", () => {
    const big = toneList(20_000, 7) as { banned: { term: string }[]; terms: { instead: string[] }[] };
    const all = [...big.banned.map((b) => b.term), ...big.terms.flatMap((t) => t.instead)];
    const matcher = (terms: string[]) =>
      new PhraseMatcher(
        terms.map((term, i) => ({ term, payload: i })),
        "en",
      );
    // Only terms with a leading * (they match the end of any word) are compiled before a text asks.
    const unstarred = all.filter((t) => !t.startsWith("*"));
    expect(matcher(unstarred).waiting()).toBe(unstarred.length);
    const lazy = matcher(all);
    const eager = matcher(all);
    eager.compiled();
    const before = lazy.size - lazy.waiting();
    // Forty terms' words, and forty words that start like other terms (their first three letters).
    const ascii = all.filter((t) => /^[a-z]+$/i.test(t));
    const text = `${ascii.slice(0, 40).join(", ")}. ${ascii
      .slice(40, 80)
      .map((t) => t.slice(0, 3) + "q")
      .join(" ")}`;
    const found = lazy.match(text);
    expect(found).toEqual(eager.match(text));
    expect(found.length).toBe(40);
    // The terms those words start (whole, or a trailing-* word they start with): dozens, not the thousands starting with their first letters.
    const compiled = lazy.size - lazy.waiting() - before;
    expect(compiled).toBeGreaterThanOrEqual(40);
    expect(compiled).toBeLessThan(100);
    expect(all.filter((t) => ascii.slice(40, 80).some((a) => t.toLowerCase().startsWith(a.slice(0, 2).toLowerCase()))).length).toBeGreaterThan(1000);
  });

  it("a term after white space beyond ASCII waits as the term alone does, and is found", () => {
    const spaces = [..."\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"];
    expect(spaces.every((c) => /^\s$/u.test(c))).toBe(true);
    for (const space of spaces) {
      const m = new PhraseMatcher([{ term: `${space}дешёв*`, payload: 1 }], "en");
      expect(pendingOf(m)).toEqual([0]);
      expect(m.match("Самые дешёвые").map((x) => x.text)).toEqual(["дешёвые"]);
    }
    // Not white space (a letter, a mark): the term is compiled at once.
    expect(pendingOf(new PhraseMatcher([{ term: "\u0085дешёв*", payload: 1 }], "en"))).toBeUndefined();
  });

  it("a term compiled later still wins over a later term where both match alike (the list's order)", () => {
    // *młoda* waits (ł), *sale* does not; both match the word alike: the first listed wins.
    const m = new PhraseMatcher(
      [
        { term: "*młoda*", payload: "first" },
        { term: "*sale*", payload: "second" },
      ],
      "en",
    );
    expect(pendingOf(m)).toEqual([0]);
    expect(m.match("młodasale").map((x) => x.payload)).toEqual(["first"]);
  });
});

describe("a config of many terms, read with JSON.parse and located only when asked", () => {
  let rules: RuleOptionsInfo[];
  beforeAll(async () => {
    rules = (await loadRules()).map((r) => r.meta);
  });
  const file = path.join(REPO_ROOT, "brand.config.json");
  /** A config of 20,000 generated terms after the brand, with offers after the terms. */
  const big = (banned: string, offers = '[{ "code": "SPRING20", "discount": "20%", "starts": "2026-03-01", "ends": "2026-03-31" }]') => {
    const list = toneList(20_000, 7) as { banned: unknown[]; terms: unknown[] };
    const lines = list.banned.map((b) => `      ${JSON.stringify(b)}`);
    lines.splice(12_345, 0, `      ${banned}`);
    return [
      "{",
      '  "brand": { "name": "Acme", "address": "1 Main St", "unsubscribeUrl": "https://acme.example/u" },',
      '  "tone": {',
      '    "banned": [',
      lines.join(",\n"),
      "    ],",
      `    "terms": ${JSON.stringify(list.terms)}`,
      "  },",
      `  "offers": ${offers}`,
      "}",
      "",
    ].join("\n");
  };
  const problems = (text: string) => {
    try {
      parseConfigText(file, text, rules, REPO_ROOT);
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      return e.problems.map((p) => `${p.line}:${p.column}: ${p.message}`);
    }
    return [];
  };
  /** line:column of the first occurrence of `needle` (after `from`, when given). */
  const at = (text: string, needle: string, from = "") => {
    const i = text.indexOf(needle, from ? text.indexOf(from) : 0);
    const before = text.slice(0, i).split("\n");
    return `${before.length}:${before.at(-1)!.length + 1}`;
  };

  it("a bad term deep in the list is reported at its line and column", () => {
    const text = big('{ "term": 42, "suggest": "x" }');
    const [p, ...rest] = problems(text);
    expect(rest).toEqual([]);
    expect(p).toMatch(new RegExp(`^${at(text, "42")}: `));
    const unknown = big('{ "term": "x", "sugest": "y" }');
    expect(problems(unknown)[0]).toMatch(new RegExp(`^${at(unknown, '"sugest"')}: `));
  });

  it("a problem in a member written after the terms is reported where it is written", () => {
    const text = big('{ "term": "fine" }', '[{ "code": "SPRING20", "discount": "20%", "starts": "2026-02-30" }]');
    expect(problems(text)).toEqual([`${at(text, '"2026-02-30"')}: offers[0].starts is not a real date: 2026-02-30`]);
  });

  it("a key written twice deep in the list is found, with white space before its colon too", () => {
    // The last: a string holding '":' would make up for one uncounted key if keys written as "term" : were not counted.
    for (const twice of ['{ "term": "a", "term": "b" }', '{ "term" : "a", "term" : "b" }', '{ "term":"a",\n"term"\n:"b" }', '{ "term" : "a\\":b", "term" : "b" }']) {
      const text = big(twice);
      const later = text.indexOf('"term"', text.indexOf('"term"', text.indexOf(twice)) + 1);
      const before = text.slice(0, later).split("\n");
      expect([twice, problems(text)]).toEqual([twice, [`${before.length}:${before.at(-1)!.length + 1}: the key "term" appears twice in tone.banned[12345]; only the last one counts, so remove or merge the other`]]);
    }
  });

  it('strings holding ":, or starting with a colon, are no key written twice', () => {
    const text = big('{ "term": "a\\":b", "suggest": ":)", "message": "x\\" : y" }');
    expect(problems(text)).toEqual([]);
    const doc = parseJson(text);
    expect(doc.value).toEqual(JSON.parse(text));
    expect(doc.duplicates).toEqual([]);
  });
});

describe("the members of a big document, found from both ends", () => {
  it("every string of documents whose biggest member is first, in the middle or last is where the full tree says", async () => {
    const { parseTree } = await import("jsonc-parser");
    const { stringNodeRange } = await import("../src/config/json-doc.js");
    const bulk = JSON.stringify(Array.from({ length: 10_000 }, (_, i) => ({ term: `t${i} "{[,:]}" \\`, n: i })), null, 1);
    const small = ['"a": "x"', '"b\\"}": { "c": ["s", { "d": "e,}" }] }', '"n": 1', '"e": {}', '"l": [[], "z", "\\\\"]'];
    const texts = [
      `{ "big": ${bulk}, ${small.join(", ")} }`,
      `{ ${small.slice(0, 2).join(",\n")}, "big": ${bulk},\n${small.slice(2).join(" , ")} }`,
      `{${small.join(",")},"big":${bulk}}`,
      `{ "only": ${bulk} }`,
      "{}",
      ` { "a" : "x" , "b" : [ "y" ] } `,
    ];
    for (const text of texts) {
      const paths: (string | number)[][] = [];
      const walk = (v: unknown, at: (string | number)[]) => {
        if (typeof v === "string") paths.push(at);
        else if (Array.isArray(v)) v.forEach((x, i) => (at[0] === "big" && i > 3 && i < 9_996 ? undefined : walk(x, [...at, i])));
        else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...at, k]);
      };
      walk(JSON.parse(text), []);
      const full = parseTree(text)!;
      const doc = parseJson(text);
      for (const p of [...paths, ["nope"], ["n", "x"]]) expect([p, doc.stringAt(p)]).toEqual([p, stringNodeRange(full, p)]);
      const whole = parseJson(text);
      void whole.tree;
      for (const p of paths) expect([p, doc.locate(p, String(p.at(-1)))]).toEqual([p, whole.locate(p, String(p.at(-1)))]);
    }
  });
});
