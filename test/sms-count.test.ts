/**
 * countSms: edge cases, and a seeded differential test against Twilio's calculator
 * (npm `sms-segments-calculator`) on mixed-script messages around segment boundaries.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { SegmentedMessage } from "sms-segments-calculator";
import { countSms, smartEncode, smsLayout, smsUnits } from "../src/sms/count.js";
import { gsmBaseForm, stripLetters } from "../src/sms/letters.js";
import { alphabets, gsmSegmentSize, TABLE_DATA } from "../src/sms/shift.js";
import { legacyGraphemeEnds } from "../src/sms/graphemes.js";
import { GSM_BASIC, GSM_EXTENSION, GSM_SUBSTITUTES, gsmSeptets, isGsm } from "../src/sms/gsm.js";

/** What the calculator says, in countSms's terms (units = message bits / bits per unit). */
function twilio(text: string, smartEncoding = false) {
  const m = new SegmentedMessage(text, "auto", smartEncoding);
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
      // Every option off, spelled out, is the same count.
      const off = countSms(text, { smartEncoding: false, letters: "keep", shiftTables: [] });
      if (JSON.stringify(off) !== JSON.stringify(mine)) mismatches.push(`${JSON.stringify(text)}: options off ${JSON.stringify(off)} ≠ ${JSON.stringify(mine)}`);
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

describe("smartEncoding: the gateway's replacements, all or nothing", () => {
  it("agrees with the calculator's Smart Encoding whenever the replaced text is GSM-7, and counts the original otherwise", () => {
    const rnd = prng(20261201);
    const N = 5_000;
    const mismatches: string[] = [];
    const seen = { replaced: 0, kept: 0 };
    for (let i = 0; i < N; i++) {
      const text = message(rnd);
      const mine = countSms(text, { smartEncoding: true });
      const smart = twilio(text, true);
      // All or nothing: Twilio replaces only when the whole message becomes GSM-7.
      const theirs = smart.encoding === "gsm7" ? smart : twilio(text);
      if (smart.encoding === "gsm7" && smartEncode(text) !== text) seen.replaced++;
      else seen.kept++;
      if (mine.encoding !== theirs.encoding || mine.segments !== theirs.segments || mine.units !== theirs.units)
        mismatches.push(`${JSON.stringify(text)}: ours ${JSON.stringify(mine)}, calculator ${JSON.stringify(theirs)}`);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(seen.replaced).toBeGreaterThan(N / 25);
  }, 600_000);

  it("replaces look-alike punctuation, never letters with diacritics or emoji", () => {
    expect(smartEncode("It’s “20%” off – today…")).toBe(`It's "20%" off - today...`);
    expect(countSms("It’s 20% off", { smartEncoding: true })).toEqual({ encoding: "gsm7", units: 12, segments: 1 });
    // One emoji keeps the whole text as written: UCS-2, with the curly apostrophe.
    expect(smartEncode("It’s 20% off 🎉")).toBe("It’s 20% off 🎉");
    expect(smartEncode("Dzięki’")).toBe("Dzięki’");
  });
});

describe("letters: strip", () => {
  it("pl, vi, tr: letters go to their GSM base form, keeping the marks GSM has", () => {
    expect(stripLetters("Zażółć gęślą jaźń, Łukasz")).toBe("Zazolc gesla jazn, Lukasz");
    expect(stripLetters("con dế, con dê")).toBe("con de, con de");
    expect(stripLetters("Ayşe, ığdır")).toBe("Ayse, igdir");
    // ǘ keeps its diaeresis (ü is GSM); ø and é are GSM already; Cyrillic has no GSM base form.
    expect(gsmBaseForm("ǘ")).toBe("ü");
    expect(gsmBaseForm("é")).toBeUndefined();
    expect(gsmBaseForm("й")).toBeUndefined();
    expect(countSms("Dziękujemy, Łukasz", { letters: "strip" })).toEqual({ encoding: "gsm7", units: 18, segments: 1 });
  });
});

describe("shiftTables: 3GPP TS 23.038 national language tables", () => {
  it("ships the Annex A tables as data: Turkish (A.2.1, A.3.1), Spanish (A.2.2), Portuguese (A.2.3, A.3.3)", () => {
    const table = (lang: string, shift: string) => TABLE_DATA.find((t) => t.language === lang && t.shift === shift)!.septets;
    for (const t of TABLE_DATA) {
      expect(t.source).toMatch(/^3GPP TS 23\.038 V18\.0\.0/);
      const chars = Object.values(t.septets);
      expect(new Set(chars).size).toBe(chars.length);
      expect(chars.every((c) => c.length === 1)).toBe(true);
      // A locking table fills all 128 positions but the escape (0x1B).
      if (t.shift === "locking") expect(Object.keys(t.septets).length).toBe(127);
      expect(t.septets["1B"]).toBeUndefined();
    }
    // Spot checks against the standard's tables.
    expect(table("tr", "locking")).toMatchObject({ "04": "€", "07": "ı", "0B": "Ğ", "0C": "ğ", "1C": "Ş", "1D": "ş", "40": "İ", "60": "ç" });
    expect(table("tr", "single")).toMatchObject({ "47": "Ğ", "49": "İ", "53": "Ş", "63": "ç", "65": "€", "67": "ğ", "69": "ı", "73": "ş" });
    expect(table("es", "single")).toMatchObject({ "09": "ç", "41": "Á", "49": "Í", "4F": "Ó", "55": "Ú", "61": "á", "69": "í", "6F": "ó", "75": "ú" });
    expect(table("pt", "locking")).toMatchObject({ "04": "ê", "09": "ç", "12": "ª", "15": "∞", "24": "º", "5B": "Ã", "5C": "Õ", "7B": "ã", "7C": "õ" });
    expect(table("pt", "single")).toMatchObject({ "05": "ê", "12": "Φ", "5B": "Ã", "7B": "ã", "7F": "â" });
    // Every national single shift table still has the default extension characters.
    for (const t of TABLE_DATA.filter((x) => x.shift === "single")) for (const c of Object.values(GSM_EXTENSION)) expect(Object.values(t.septets)).toContain(c);
    expect(alphabets(["tr", "es", "pt"])).toHaveLength(3 * 4);
  });

  it("segment sizes follow the User Data Header: 160/153 without tables, 155/149 with one, 152/146 with two", () => {
    expect(gsmSegmentSize(0)).toEqual({ single: 160, multi: 153 });
    expect(gsmSegmentSize(1)).toEqual({ single: 155, multi: 149 });
    expect(gsmSegmentSize(2)).toEqual({ single: 152, multi: 146 });
  });

  it("tr: a Turkish SMS is UCS-2 without the tables and GSM-7 with them, at 155 septets a segment", () => {
    const tr = "Merhaba Ayşe, bugün tüm çadırlarda %20 indirim var! Kod: BAHAR20. Kaçırmayın, son gün yarın.";
    expect(countSms(tr)).toEqual({ encoding: "ucs2", units: tr.length, segments: 2 });
    // Locking shift: ş, ç, ı cost one septet each; one table in the header.
    expect(countSms(tr, { shiftTables: ["tr"] })).toEqual({ encoding: "gsm7", units: tr.length, segments: 1, shift: { locking: "tr" } });
    const base = "Şu an %20 indirim: " + "a".repeat(136); // 155 septets
    expect(countSms(base, { shiftTables: ["tr"] })).toMatchObject({ units: 155, segments: 1 });
    expect(countSms(base + "a", { shiftTables: ["tr"] })).toMatchObject({ units: 156, segments: 2 });
    // 149 septets a segment once concatenated: 298 fit in two, 299 need three.
    expect(countSms("ş" + "a".repeat(297), { shiftTables: ["tr"] }).segments).toBe(2);
    expect(countSms("ş" + "a".repeat(298), { shiftTables: ["tr"] }).segments).toBe(3);
    // A Spanish table does not help a Turkish text.
    expect(countSms(tr, { shiftTables: ["es"] }).encoding).toBe("ucs2");
  });

  it("es: the Spanish single shift table keeps á í ó ú at two septets each", () => {
    const es = "¡Hola! Última oportunidad: 20% de descuento en tiendas, envío gratis y devolución fácil.";
    expect(countSms(es).encoding).toBe("ucs2");
    const withEs = countSms(es, { shiftTables: ["es"] });
    // Ú, í, ó, á: four single-shift characters, two septets each.
    expect(withEs).toEqual({ encoding: "gsm7", units: es.length + 4, segments: 1, shift: { single: "es" } });
  });

  it("pt: ª from the locking table and Φ from the single shift table need both tables (152 septets)", () => {
    const pt = "Promoção: 1ª compra com 20% de desconto em Φ-tendas";
    const c = countSms(pt, { shiftTables: ["pt"] });
    expect(c).toMatchObject({ encoding: "gsm7", segments: 1, shift: { locking: "pt", single: "pt" } });
    expect(countSms(pt + " " + "a".repeat(152 - pt.length - 2), { shiftTables: ["pt"] }).segments).toBe(1);
    expect(countSms(pt + " " + "a".repeat(152 - pt.length - 1), { shiftTables: ["pt"] }).segments).toBe(2);
  });
});

