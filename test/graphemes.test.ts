/**
 * graphemes() segments long texts in chunks (Intl.Segmenter is quadratic on one long
 * input); the clusters must be exactly those of one pass over the whole text.
 */
import fc from "fast-check";
import { expect, it } from "vitest";
import { graphemeCount, graphemes, SINGLE_UNIT_CLUSTERS } from "../src/text/graphemes.js";

const onePass = (t: string) => [...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(t)].map((s) => ({ start: s.index, end: s.index + s.segment.length }));

// Pieces that stress cluster boundaries: ZWJ sequences, skin tones, flags (regional
// indicator pairs), combining marks, Hangul jamo, Indic conjuncts, CRLF, lone surrogates.
const PIECES = [
  "a", "Z", " ", "\n", "\r\n", "\r", "é", "e\u0301", "a\u0301\u0302\u0303", "\u0301", "ж", "ё", "日本", "한", "\u1100\u1161\u11a8",
  "क्ष", "क्", "\u094d", "ل", "ا\u064b", "٢٠٪", "\u200d", "\u200f", "\u200e", "\ufe0f", "👩‍👩‍👧", "👍🏽", "🏳️‍🌈", "🇵🇱", "🇺", "🇸", "🇩🇪🇫🇷",
  "\ud83d", "\ude00", "😀", "#️⃣", "x\u0308\u200d",
];
const text = (maxPieces: number) => fc.array(fc.constantFrom(...PIECES), { maxLength: maxPieces }).map((a) => a.join(""));

it("chunked graphemes equal one-pass segmentation on random mixed-script text", () => {
  fc.assert(
    fc.property(text(3000), (t) => {
      expect(graphemes(t)).toEqual(onePass(t));
      expect(graphemeCount(t)).toBe(onePass(t).length);
    }),
    { numRuns: 60, seed: 17 },
  );
});

it("keeps clusters that cross a chunk boundary and clusters longer than a chunk", () => {
  for (const t of [
    "a".repeat(1020) + "👩‍👩‍👧".repeat(3) + "b",
    "a".repeat(1007) + "🇵🇱".repeat(20),
    "🇺" + "🇸🇵".repeat(700),
    "e" + "\u0301".repeat(5000) + "x",
    "x".repeat(1023) + "😀" + "y",
    "\r".repeat(1023) + "\n" + "z",
  ])
    expect(graphemes(t)).toEqual(onePass(t));
});

it("grows linearly: ten times the text is about ten times the work", () => {
  // Work is measured as the input the segmenter is given (it copies its input per
  // segment, so a call's cost grows with the square of its input): bounded calls, and a
  // total proportional to the text.
  const calls: number[] = [];
  const real = Intl.Segmenter.prototype.segment;
  Intl.Segmenter.prototype.segment = function (this: Intl.Segmenter, input: string) {
    calls.push(input.length);
    return real.call(this, input);
  };
  try {
    const work = (n: number) => {
      calls.length = 0;
      graphemes("ab👩‍👩‍👧é ".repeat(n));
      return calls.reduce((s, l) => s + l, 0);
    };
    const small = work(1_000);
    const big = work(10_000);
    // Every call sees at most a chunk; the total input seen is proportional to the text.
    expect(Math.max(...calls)).toBeLessThanOrEqual(1024);
    expect(big / small).toBeLessThan(12);
  } finally {
    Intl.Segmenter.prototype.segment = real;
  }
});

it("a text of single-unit clusters (SINGLE_UNIT_CLUSTERS) gets what Intl.Segmenter gives, without it", () => {
  // Every character of the set, between letters, next to itself and next to marks and
  // joiners: none joins what precedes it (Extend, ZWJ, SpacingMark) or what follows (Prepend).
  const members: string[] = [];
  for (let c = 0; c <= 0xffff; c++) if (SINGLE_UNIT_CLUSTERS.test(String.fromCharCode(c))) members.push(String.fromCharCode(c));
  expect(members.length).toBeGreaterThan(1000);
  const seg = new Intl.Segmenter(undefined, { granularity: "grapheme" });
  for (const m of members) {
    const t = `a${m}${m}a${m}\n${m}`;
    expect([...seg.segment(t)].map((s) => s.segment), `U+${m.charCodeAt(0).toString(16).padStart(4, "0")}`).toEqual([...t]);
  }
  // Mixed texts of the set's characters, long and short.
  const inSet = fc.array(fc.constantFrom(...members), { maxLength: 3000 }).map((a) => a.join(""));
  fc.assert(
    fc.property(inSet, (t) => {
      expect(graphemes(t)).toEqual(onePass(t));
      expect(graphemeCount(t)).toBe(onePass(t).length);
    }),
    { numRuns: 40, seed: 5 },
  );
  // Outside the set: CR LF, a combining mark, an emoji, a soft hyphen, a Cyrillic titlo.
  for (const t of ["a\r\nb", "e\u0301", "x👍🏽", "a\u00adb", "ж\u0483", "\u0301"]) {
    expect(SINGLE_UNIT_CLUSTERS.test(t), t).toBe(false);
    expect(graphemes(t)).toEqual(onePass(t));
  }
});

it("without a character outside the set, a run never makes a grapheme Segmenter", () => {
  const made: unknown[] = [];
  const Original = Intl.Segmenter;
  class Counting extends Original {
    constructor(...a: ConstructorParameters<typeof Intl.Segmenter>) {
      super(...a);
      if (a[1]?.granularity === "grapheme") made.push(a);
    }
  }
  const intl = Intl as { Segmenter: typeof Intl.Segmenter };
  intl.Segmenter = Counting;
  try {
    expect(graphemeCount("Lumen: 20% off with SPRING20 till Mar 31 — zażółć gęślą jaźń, Привет, €5 “now”")).toBe(78);
  } finally {
    intl.Segmenter = Original;
  }
  expect(made).toEqual([]);
});
