/**
 * countSms: edge cases, and a seeded differential test against Twilio's calculator
 * (npm `sms-segments-calculator`) on mixed-script messages around segment boundaries.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { SegmentedMessage } from "sms-segments-calculator";
import { countSms, smsLayout, smsUnits } from "../src/sms/count.js";
import { legacyGraphemeEnds } from "../src/sms/graphemes.js";
import { GSM_BASIC, GSM_EXTENSION, GSM_SUBSTITUTES, gsmSeptets, isGsm } from "../src/sms/gsm.js";

/** What the calculator says, in countSms's terms (units = message bits / bits per unit). */
function twilio(text: string) {
  const m = new SegmentedMessage(text);
  const encoding = m.encodingName === "GSM-7" ? "gsm7" : "ucs2";
  return { encoding, units: m.messageSize / (encoding === "gsm7" ? 7 : 16), segments: m.segmentsCount };
}

/** Deterministic PRNG (mulberry32), so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const chars = (s: string) => [...s];
const POOLS: Record<string, string[]> = {
  gsm: chars([...GSM_BASIC].filter((c) => c !== "\u001b").join("") + "     eeeaaoonnttss"),
  extension: Object.values(GSM_EXTENSION),
  latin: [...chars("ąćęłńóśźżĄĆĘŁŃÓŚŹŻáíúâêîôûçãõěščřžýůőűğış"), "e\u0301", "a\u0328", "n\u0303\u0301"],
  cyrillic: chars("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"),
  arabic: [...chars("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئةى٠١٢٣٤٥٦٧٨٩،؛؟"), "بَ", "لِّ", "\u0600١", "ﻻ"],
  emoji: [
    "😀", "🎉", "🔥", "☕", "✨", "❤", "❤️", "✔️", "1️⃣", "#️⃣", "👍", "👍🏽", "🏻", "🫶🏻", "🧑🏾",
    "👨‍👩‍👧‍👦", "👩🏻‍💻", "🧑‍🤝‍🧑", "🧑🏻‍🤝‍🧑🏼", "❤️‍🔥", "🏳️‍🌈", "🐕‍🦺", "👨🏻‍❤️‍💋‍👨🏼", "🏃‍♀️", "👁️‍🗨️", "🧔‍♂️",
    "🇵🇱", "🇮🇩", "🇸🇦", "🇷🇺", "🇬🇧", "🇺🇸🇫🇷", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "🫠", "🪿",
  ],
  cjk: [...chars("中文日本語漢字春季促销한국어할인ひらがなカタカナ"), "\u1100\u1161\u11a8", "\u1100\u1161"],
  indic: ["क्ष", "क्‍ष", "नमस्ते", "ि", "ँ", "ก่", "ำ", "ស្រី"],
  typographic: [...GSM_SUBSTITUTES.keys()],
  breaks: ["\r\n", "\n", "\r", "\t", "\f"],
};

/** Lengths (in UTF-16 units) around every boundary: 67/70, 134, 153/160, 201, 306, 459. */
const TARGETS = [0, 1, 66, 67, 68, 69, 70, 71, 72, 133, 134, 135, 136, 152, 153, 154, 159, 160, 161, 162, 200, 201, 202, 268, 305, 306, 307, 402, 458, 459, 460];

/**
 * A random message of one of three kinds: GSM text (with extension characters),
 * GSM text with one foreign character dropped in near a boundary, or a mix of scripts.
 */
function message(rnd: () => number): string {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const foreign = Object.keys(POOLS).filter((n) => n !== "gsm" && n !== "extension");
  const kind = rnd();
  const profile = kind < 0.55 ? (rnd() < 0.5 ? ["extension"] : []) : [...foreign.filter(() => rnd() < 0.3), "extension"];
  const share = pick([0.02, 0.1, 0.5, 0.9]);
  const target = pick(TARGETS) + Math.floor(rnd() * 5) - 2;
  let s = "";
  while (s.length < target) s += rnd() < share ? pick(POOLS[pick(profile.length ? profile : ["gsm"])]!) : pick(POOLS.gsm!);
  if (kind >= 0.3 && kind < 0.55) {
    const at = Math.min(s.length, pick([0, 66, 67, 69, 70, 133, 134, 152, 153, 159, 160, 305, 306]) + Math.floor(rnd() * 3) - 1);
    s = s.slice(0, Math.max(0, at)) + pick(POOLS[pick(foreign)]!) + s.slice(Math.max(0, at));
  }
  return s;
}

describe("GSM 03.38 tables", () => {
  it("has the 127 default-alphabet characters and 10 extension characters", () => {
    expect(GSM_BASIC.length).toBe(128);
    expect(new Set(GSM_BASIC).size).toBe(128);
    const basic = [...GSM_BASIC].filter((c) => c !== "\u001b");
    expect(basic.every((c) => gsmSeptets(c.charCodeAt(0)) === 1)).toBe(true);
    expect(Object.values(GSM_EXTENSION).every((c) => gsmSeptets(c.charCodeAt(0)) === 2)).toBe(true);
    expect(gsmSeptets(0x1b)).toBe(0);
  });
  it("agrees with the calculator on every BMP code unit", () => {
    for (let cu = 0; cu < 0x10000; cu++) {
      const ch = String.fromCharCode(cu);
      const t = twilio(ch);
      expect(isGsm(ch), `U+${cu.toString(16)}`).toBe(t.encoding === "gsm7");
      if (t.encoding === "gsm7") expect(gsmSeptets(cu)).toBe(t.units);
    }
  });
  it("every substitute is GSM and stands for a non-GSM character", () => {
    for (const [ch, s] of GSM_SUBSTITUTES) {
      expect(isGsm(ch), ch).toBe(false);
      expect(isGsm(s.with), ch).toBe(true);
    }
  });
});

describe("countSms edge cases", () => {
  it("empty text is one (empty) segment, like the calculator", () => {
    expect(countSms("")).toEqual({ encoding: "gsm7", units: 0, segments: 1 });
  });
  it("exactly 160 GSM characters is 1 segment; 161 is 2 (153 + 8)", () => {
    expect(countSms("a".repeat(160))).toEqual({ encoding: "gsm7", units: 160, segments: 1 });
    expect(countSms("a".repeat(161))).toEqual({ encoding: "gsm7", units: 161, segments: 2 });
    expect(smsLayout("a".repeat(161)).parts.map((p) => p.units)).toEqual([153, 8]);
    expect(countSms("a".repeat(306))).toEqual({ encoding: "gsm7", units: 306, segments: 2 });
    expect(countSms("a".repeat(307)).segments).toBe(3);
  });
  it("extension characters cost two septets and are never split", () => {
    expect(countSms("€".repeat(80))).toEqual({ encoding: "gsm7", units: 160, segments: 1 });
    expect(countSms("€".repeat(80) + "a")).toEqual({ encoding: "gsm7", units: 161, segments: 2 });
    // 152 septets, then € would straddle the 153rd septet: it moves to segment 2 whole.
    const text = "a".repeat(152) + "€" + "a".repeat(6);
    const layout = smsLayout(text);
    expect(layout).toMatchObject({ encoding: "gsm7", units: 160, segments: 1 });
    const longer = smsLayout(text + "a");
    expect(longer.parts.map((p) => [p.start, p.end, p.units])).toEqual([
      [0, 152, 152],
      [152, 160, 9],
    ]);
    expect(twilio(text + "a").segments).toBe(2);
  });
  it("form feed is an extension character too", () => {
    expect(countSms("\f")).toEqual({ encoding: "gsm7", units: 2, segments: 1 });
  });
  it("one non-GSM character switches the whole text to UCS-2", () => {
    expect(countSms("It’s 20% off")).toEqual({ encoding: "ucs2", units: 12, segments: 1 });
    expect(countSms("a".repeat(70))).toMatchObject({ encoding: "gsm7", segments: 1 });
    expect(countSms("’" + "a".repeat(69))).toEqual({ encoding: "ucs2", units: 70, segments: 1 });
    expect(countSms("’" + "a".repeat(70))).toEqual({ encoding: "ucs2", units: 71, segments: 2 });
    expect(countSms("ç")).toMatchObject({ encoding: "ucs2" }); // only Ç is in the GSM alphabet
    expect(countSms("Ç")).toMatchObject({ encoding: "gsm7" });
  });
  it("extension characters cost one unit in UCS-2", () => {
    expect(countSms("€ ’")).toEqual({ encoding: "ucs2", units: 3, segments: 1 });
  });
  it("an emoji at the 67-unit boundary moves whole to the next segment", () => {
    const text = "Ж".repeat(66) + "😀" + "Ж".repeat(10);
    const layout = smsLayout(text);
    expect(layout).toMatchObject({ encoding: "ucs2", units: 78, segments: 2 });
    expect(layout.parts.map((p) => [p.start, p.end, p.units])).toEqual([
      [0, 66, 66],
      [66, 78, 12],
    ]);
    expect(twilio(text)).toEqual({ encoding: "ucs2", units: 78, segments: 2 });
  });
  it("a surrogate pair fits exactly at 70 units", () => {
    expect(countSms("Ж".repeat(68) + "😀")).toEqual({ encoding: "ucs2", units: 70, segments: 1 });
    expect(countSms("Ж".repeat(69) + "😀")).toEqual({ encoding: "ucs2", units: 71, segments: 2 });
  });
  it("a ZWJ family and a flag stay whole across a boundary", () => {
    const family = "👨‍👩‍👧‍👦"; // 11 units
    const text = "Ж".repeat(60) + family + "Ж".repeat(10);
    const layout = smsLayout(text);
    expect(layout.parts[1]!.start).toBe(60);
    expect(twilio(text).segments).toBe(layout.segments);
    const flag = "Ж".repeat(66) + "🇵🇱" + "Ж".repeat(5);
    expect(smsLayout(flag).parts.map((p) => p.start)).toEqual([0, 66]);
  });
  it("cuts graphemes the calculator's way (Unicode 10): a newer ZWJ sequence is two pieces", () => {
    // ❤️‍🔥 (Unicode 13.1) is one grapheme today, but two to the calculator: ❤️‍ | 🔥.
    expect(legacyGraphemeEnds("❤️‍🔥")).toEqual([3, 5]);
    const text = "Ж".repeat(64) + "❤️‍🔥" + "Ж".repeat(5);
    expect(countSms(text)).toEqual(twilio(text));
  });
  it("CR LF is two characters; a final newline counts", () => {
    expect(countSms("a\r\nb")).toEqual({ encoding: "gsm7", units: 4, segments: 1 });
    const text = "Ж".repeat(66) + "\r\n" + "Ж".repeat(3);
    expect(smsLayout(text).parts.map((p) => p.start)).toEqual([0, 67]);
    expect(countSms(text)).toEqual(twilio(text));
  });
  it("a grapheme longer than a segment gets a segment of its own after an empty one (as the calculator does)", () => {
    const zalgo = "a" + "\u0301".repeat(80);
    expect(countSms(zalgo)).toEqual({ encoding: "ucs2", units: 81, segments: 2 });
    expect(twilio(zalgo).segments).toBe(2);
  });
  it("smsUnits counts septets or code units", () => {
    expect(smsUnits("a€", "gsm7")).toBe(3);
    expect(smsUnits("a€", "ucs2")).toBe(2);
  });
  it("segment ranges tile the text", () => {
    const text = "Привет! ".repeat(40);
    const parts = smsLayout(text).parts;
    expect(parts[0]!.start).toBe(0);
    expect(parts[parts.length - 1]!.end).toBe(text.length);
    for (let i = 1; i < parts.length; i++) expect(parts[i]!.start).toBe(parts[i - 1]!.end);
  });
});

describe("countSms against Twilio's calculator", () => {
  it("agrees 100% on encoding, units and segments for 10,000 seeded mixed-script messages", () => {
    const rnd = prng(20260320);
    const N = 10_000;
    const mismatches: string[] = [];
    const seen = { gsm7: 0, ucs2: 0, multi: 0, threePlus: 0 };
    for (let i = 0; i < N; i++) {
      const text = message(rnd);
      const mine = countSms(text);
      const theirs = twilio(text);
      if (mine.encoding !== theirs.encoding || mine.segments !== theirs.segments || mine.units !== theirs.units) {
        mismatches.push(`${JSON.stringify(text)}: ours ${JSON.stringify(mine)}, calculator ${JSON.stringify(theirs)}`);
      }
      seen[mine.encoding]++;
      if (mine.segments > 1) seen.multi++;
      if (mine.segments > 2) seen.threePlus++;
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    // The sample really covers both encodings and multi-segment messages.
    expect(seen.gsm7).toBeGreaterThan(N / 5);
    expect(seen.ucs2).toBeGreaterThan(N / 5);
    expect(seen.multi).toBeGreaterThan(N / 3);
    expect(seen.threePlus).toBeGreaterThan(N / 10);
  }, 600_000);

  it("cuts graphemes exactly as the calculator's splitter, for every BMP and emoji code point in context", () => {
    // The calculator's own splitter (its dependency), resolved from where it is installed.
    const fromCalculator = createRequire(createRequire(import.meta.url).resolve("sms-segments-calculator"));
    const Splitter = fromCalculator("grapheme-splitter") as new () => { splitGraphemes(s: string): string[] };
    const splitter = new Splitter();
    const contexts: [string, string][] = [
      ["👩\u200d", "🏻"],
      ["a", "\u0301"],
      ["🇺", "\u200d👦"],
      ["\u0600", "\u0903"],
    ];
    const ranges: [number, number][] = [
      [0, 0xffff],
      [0x11000, 0x11fff],
      [0x1f000, 0x1faff],
      [0xe0000, 0xe01ef],
    ];
    let failures = 0;
    const examples: string[] = [];
    for (const [lo, hi] of ranges)
      for (let cp = lo; cp <= hi; cp++) {
        if (cp >= 0xd800 && cp <= 0xdfff) continue;
        const c = String.fromCodePoint(cp);
        for (const [before, after] of contexts) {
          const s = before + c + after;
          let end = 0;
          const theirs = splitter.splitGraphemes(s).map((g) => (end += g.length));
          const ours = legacyGraphemeEnds(s);
          if (theirs.join() !== ours.join()) {
            failures++;
            if (examples.length < 5) examples.push(`U+${cp.toString(16)} in ${JSON.stringify(s)}: ours ${ours}, theirs ${theirs}`);
          }
        }
      }
    expect(examples).toEqual([]);
    expect(failures).toBe(0);
  }, 600_000);
});
