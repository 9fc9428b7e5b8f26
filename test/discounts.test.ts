import { describe, expect, it } from "vitest";
import {
  compileCues,
  cueKey,
  findCodeCandidates,
  findDiscounts,
  findPercentages,
  formatLike,
  mentionsCode,
  normalizeDigits,
  parseNumber,
  percentValue,
  showPercent,
  wordTokens,
} from "../src/text/discounts.js";
import { builtInLanguages } from "../src/config/languages.js";
import { keyerFor, phraseSet } from "../src/text/phrases.js";
import { sentenceIds } from "../src/text/sentences.js";

const cuesFor = (locale: string) => compileCues(locale, builtInLanguages());

const percentages = (text: string, locale = "en") => findPercentages(text, wordTokens(text, locale), cuesFor(locale)).map((p) => ({ text: text.slice(p.start, p.end), value: p.value, form: p.form, minus: p.minus, low: p.low }));

/** "20% off" → "20%:cue(off)" etc., for compact tables. */
const classify = (text: string, locale = "en", cueDistance = 3, codes: string[] = []) =>
  findDiscounts(text, locale, cuesFor(locale), { cueDistance, codes }).map((d) => `${text.slice(d.start, d.end)}:${d.discount ? "discount" : "other"}${d.upTo ? ":upTo" : ""}`);

describe("digits and numbers", () => {
  it("normalises Arabic-Indic, Eastern Arabic-Indic and other decimal digits", () => {
    expect(normalizeDigits("٢٠٪ ۲۰ २० ２０ 20")).toBe("20٪ 20 20 20 20");
  });
  it("parses numbers with any decimal mark", () => {
    expect(parseNumber("20")).toBe(20);
    expect(parseNumber("4.9")).toBe(4.9);
    expect(parseNumber("4,9")).toBe(4.9);
    expect(parseNumber("١٢٫٥")).toBe(12.5);
    expect(parseNumber("20x")).toBeUndefined();
  });
});

describe("findPercentages", () => {
  it("finds every written form", () => {
    expect(percentages("20% 20 % 20\u00A0% 20\u202F% -20% −20% %20")).toEqual([
      { text: "20%", value: 20, form: "suffix", minus: false, low: undefined },
      { text: "20 %", value: 20, form: "suffix", minus: false, low: undefined },
      { text: "20\u00A0%", value: 20, form: "suffix", minus: false, low: undefined },
      { text: "20\u202F%", value: 20, form: "suffix", minus: false, low: undefined },
      { text: "-20%", value: 20, form: "suffix", minus: true, low: undefined },
      { text: "−20%", value: 20, form: "suffix", minus: true, low: undefined },
      { text: "%20", value: 20, form: "prefix", minus: false, low: undefined },
    ]);
  });
  it("reads Arabic-Indic digits with the Arabic percent sign, and direction marks", () => {
    expect(percentages("خصم ٢٠٪ و۲۰٪ و٢٠\u200F٪", "ar").map((p) => [p.text, p.value])).toEqual([
      ["٢٠٪", 20],
      ["۲۰٪", 20],
      ["٢٠\u200F٪", 20],
    ]);
  });
  it("reads percent words", () => {
    expect(percentages("20 percent, 20 per cent, 20 persen, 20 процентов, 20 procent").map((p) => p.text)).toEqual(["20 percent", "20 per cent", "20 persen", "20 процентов", "20 procent"]);
    expect(percentages("٢٠ في المئة و٣٠ بالمئة", "ar").map((p) => [p.text, p.value])).toEqual([
      ["٢٠ في المئة", 20],
      ["٣٠ بالمئة", 30],
    ]);
  });
  it("reads ranges as their upper bound", () => {
    expect(percentages("Save 10–20% or 10 - 30 %")).toEqual([
      { text: "10–20%", value: 20, form: "suffix", minus: false, low: 10 },
      { text: "10 - 30 %", value: 30, form: "suffix", minus: false, low: 10 },
    ]);
  });
  it("does not take hyphens inside words for minus signs", () => {
    expect(percentages("T-shirts -20%, Covid-19 20%").map((p) => [p.text, p.minus])).toEqual([
      ["-20%", true],
      ["20%", false],
    ]);
  });
  it("does not read URL escapes or a number's own percent sign as a prefix", () => {
    expect(percentages("a%20b 20%30 plain 20").map((p) => p.text)).toEqual(["20%"]);
  });
});

describe("sentences", () => {
  it("split at punctuation, blank lines and list items, not at abbreviations", () => {
    const text = "Diskon s.d. 50%. Baru!\n\nItem\n- dua";
    const words = wordTokens(text, "id");
    const ids = sentenceIds(text, words, "id");
    expect(words.map((w, i) => `${w.text}${ids[i]}`)).toEqual(["Diskon0", "s.d0", "500", "Baru1", "Item2", "dua3"]);
  });
});

describe("cue words", () => {
  const has = (words: string[], locale: string, word: string) => phraseSet({ x: { discountCues: words, unmarkedForms: true, prefixes: ["و", "ال", "ب"] } }, ["discountCues"], locale).longestAt(wordTokens(word, locale), 0) > 0;
  it("match case-insensitively, without diacritics and by prefix", () => {
    expect(has(["zniżk*", "off"], "pl", "ZNIŻKA")).toBe(true);
    expect(has(["zniżk*", "off"], "pl", "znizki")).toBe(true);
    expect(has(["zniżk*", "off"], "pl", "OFF")).toBe(true);
    expect(has(["zniżk*", "off"], "pl", "offer")).toBe(false);
  });
  it("match Arabic words with attached conjunctions, prepositions and the article", () => {
    expect(has(["خصم", "ضريبة"], "ar", "بخصم")).toBe(true);
    expect(has(["خصم", "ضريبة"], "ar", "والخصم")).toBe(true);
    expect(has(["خصم", "ضريبة"], "ar", "الضريبة")).toBe(true);
    expect(has(["خصم", "ضريبة"], "ar", "خصمًا")).toBe(false);
  });
  it("know a language's prefixes only from its data", () => {
    const keyer = keyerFor(builtInLanguages(), "he");
    expect(keyer.keys("בהנחה")).toContain("s:הנחה");
    expect(keyerFor({ en: { discountCues: ["off"] } }, "he").keys("בהנחה")).not.toContain("s:הנחה");
  });
  it("unify Arabic letter variants", () => {
    expect(cueKey("إلى", "ar")).toBe(cueKey("الى", "ar"));
    expect(cueKey("ضريبة", "ar")).toBe(cueKey("ضريبه", "ar"));
  });
  it("take a brand's extra words", () => {
    const cues = compileCues("en", { ...builtInLanguages(), brand: { discountCues: ["bonus"], factWords: ["cashback"] } });
    expect(findDiscounts("20% bonus, 5% cashback sale", "en", cues, { cueDistance: 1 }).map((d) => d.discount)).toEqual([true, false]);
  });
});

describe("findDiscounts", () => {
  it.each([
    ["en", "Take 20% off everything", ["20%:discount"]],
    ["en", "Save up to 30% today", ["30%:discount:upTo"]],
    ["en", "Buy 2 get 20% off the second", ["20%:discount"]],
    ["en", "Save 20% on 100% cotton tees", ["20%:discount", "100%:other"]],
    ["en", "Sale: 50% cotton tees", ["50%:other"]],
    ["en", "Prices include 23% VAT", ["23%:other"]],
    ["en", "0% interest, 4.9% APR", ["0%:other", "4.9%:other"]],
    ["en", "Up to 70% of customers agree", ["70%:other:upTo"]],
    ["en", "20% of your order ships free", ["20%:other"]],
    ["en", "Get 20% off. 50% of proceeds go to charity", ["20%:discount", "50%:other"]],
    ["en", "Shirts -20%", ["-20%:discount"]],
    ["en", "20% off shoes and 30% on bags", ["20%:discount", "30%:discount"]],
    ["en", "Save 20% on shirts rated 95% positive", ["20%:discount", "95%:other"]],
    ["en", "20 percent discount", ["20 percent:discount"]],
    ["id", "Hemat hingga 30% untuk semua produk", ["30%:discount:upTo"]],
    ["id", "Diskon s.d. 50%", ["50%:discount:upTo"]],
    ["id", "Harga sudah termasuk PPN 11%", ["11%:other"]],
    ["id", "Potongan harga 25 persen", ["25 persen:discount"]],
    ["ru", "Скидка до -30%!", ["-30%:discount:upTo"]],
    ["ru", "-20% на всё", ["-20%:discount"]],
    ["ru", "Цены с НДС 20%", ["20%:other"]],
    ["ru", "Кредит 4,9% годовых", ["4,9%:other"]],
    ["ru", "Экономия 15 %", ["15 %:discount"]],
    ["pl", "Rabat do 30% na wszystko", ["30%:discount:upTo"]],
    ["pl", "Wszystko 20% taniej", ["20%:discount"]],
    ["pl", "Cena zawiera 23% VAT", ["23%:other"]],
    ["pl", "Koszulki 50% bawełny", ["50%:other"]],
    ["ar", "خصم ٢٠٪ على كل المنتجات", ["٢٠٪:discount"]],
    ["ar", "خصم يصل إلى ٣٠٪", ["٣٠٪:discount:upTo"]],
    ["ar", "تسوق الآن بخصم ۲۰٪", ["۲۰٪:discount"]],
    ["ar", "الأسعار تشمل ضريبة ١٥٪", ["١٥٪:other"]],
    ["ar", "قميص ٦٠٪ قطن", ["٦٠٪:other"]],
    ["tr", "%20 indirim", ["%20:discount"]],
  ])("%s: %s", (locale, text, expected) => {
    expect(classify(text, locale)).toEqual(expected);
  });
  it("counts a known offer code as a discount cue", () => {
    expect(classify("SPRING20: 20% everything", "en", 3, ["SPRING20"])).toEqual(["20%:discount"]);
    expect(classify("SPRING20: 20% everything", "en", 3, [])).toEqual(["20%:other"]);
  });
  it("keeps to cueDistance", () => {
    expect(classify("Save on jackets and coats 20%", "en", 3)).toEqual(["20%:other"]);
    expect(classify("Save on jackets and coats 20%", "en", 5)).toEqual(["20%:discount"]);
  });
});

describe("offer values and formatting", () => {
  it("reads an offer's discount", () => {
    const cues = cuesFor("en");
    expect(percentValue("20%", cues)).toBe(20);
    expect(percentValue(" ٢٠٪ ", cues)).toBe(20);
    expect(percentValue("-12,5 %", cues)).toBe(12.5);
    expect(percentValue("free shipping", cues)).toBeUndefined();
    expect(showPercent(12.5)).toBe("12.5%");
  });
  it("writes a value the way the text wrote its percentage", () => {
    const like = (text: string, value: number, locale = "en") => {
      const p = findPercentages(text, wordTokens(text, locale), cuesFor(locale))[0]!;
      return formatLike(text, p, value);
    };
    expect(like("٢٥٪", 20, "ar")).toBe("٢٠٪");
    expect(like("۲۵٪", 20, "fa")).toBe("۲۰٪");
    expect(like("-25 %", 20)).toBe("-20 %");
    expect(like("%25", 20, "tr")).toBe("%20");
    expect(like("4,5%", 12.5, "pl")).toBe("12,5%");
    expect(like("10–30%", 20)).toBe("20%");
    expect(like("25 persen", 20, "id")).toBe("20 persen");
  });
});

describe("codes", () => {
  it("finds offer-like words and whether a code word precedes them", () => {
    const cues = cuesFor("en");
    const found = findCodeCandidates("Use code SAVEBIG or SPRING25; see #SPRING26, SKU AB12345, Covid19? no: RTX4090, H2O, ABCD, A1", "en", cues);
    expect(found.map((c) => `${c.text}${c.afterCodeWord ? "*" : ""}`)).toEqual(["SAVEBIG*", "SPRING25", "AB12345", "RTX4090"]);
  });
  it("tells promo codes from product and order codes", () => {
    const intro = (text: string, locale = "en") => findCodeCandidates(text, locale, cuesFor(locale)).map((c) => `${c.text}${c.afterCodeWord ? "*" : ""}`);
    expect(intro("promo code SAVEBIG, coupon code: HELLO")).toEqual(["SAVEBIG*", "HELLO*"]);
    expect(intro("product code AB12345, PROMO SALE, code for CHECKOUT")).toEqual(["AB12345"]);
    expect(intro("kode promo HEMAT", "id")).toEqual(["HEMAT*"]);
    expect(intro("kod rabatowy LATO, kod produktu AB12345", "pl")).toEqual(["LATO*", "AB12345"]);
    expect(intro("код скидки ОСЕНЬ, код товара АБ12345", "ru")).toEqual(["ОСЕНЬ*", "АБ12345"]);
  });
  it("knows code words in every language", () => {
    for (const [locale, text] of [
      ["id", "pakai kode HEMAT"],
      ["ru", "по промокоду ЛЕТО"],
      ["pl", "z kodem LATO"],
      ["ar", "استخدم كود SALE"],
    ] as const)
      expect(findCodeCandidates(text, locale, cuesFor(locale)).map((c) => c.afterCodeWord), text).toEqual([true]);
  });
  it("tells whether a text mentions a code as a whole word, in any case", () => {
    expect(mentionsCode("Use spring20 today", "SPRING20")).toBe(true);
    expect(mentionsCode("Use SPRING2026 today", "SPRING20")).toBe(false);
    expect(mentionsCode("Kod:SPRING20.", "SPRING20")).toBe(true);
  });
});
