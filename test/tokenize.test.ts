import { expect, it } from "vitest";
import { tokenize } from "../src/text/words.js";
it("chunked tokenize equals one-pass segmentation", () => {
  const texts = ["a ".repeat(3000), ("Скидка 20% на всё! ".repeat(200)), ("خصم ٢٠٪ على كل شيء. ".repeat(200)), ("Hello e-mail\n\nworld ".repeat(300)), "x".repeat(5000) + " y", ("Zażółć gęślą jaźń  ".repeat(150)), ("a\u0301 b ".repeat(800)), ("👨‍👩‍👧 ok ".repeat(400))];
  for (const t of texts) {
    const seg = new Intl.Segmenter("en", { granularity: "word" });
    const want = [...seg.segment(t)].map((s) => [s.index, s.segment, s.isWordLike === true]);
    const got = tokenize(t, "en").map((x) => [x.start, x.text, x.word]);
    expect(got).toEqual(want);
  }
});

it("text without spaces is segmented in windows, with the same words as one pass", () => {
  for (const [locale, unit] of [["th", "โปรโมชั่นพิเศษวันนี้ราคาถูก"], ["ja", "全品30％オフ。クーポンをご利用ください"], ["zh", "全场优惠百分之二十即可"]] as const) {
    const t = unit.repeat(300);
    const want = [...new Intl.Segmenter(locale, { granularity: "word" }).segment(t)].map((s) => [s.index, s.segment]);
    expect(tokenize(t, locale).map((x) => [x.start, x.text])).toEqual(want);
  }
});

it("ASCII letters and digits are a word of their own where the script changes", () => {
  const words = (t: string, l: string) => tokenize(t, l).filter((x) => x.word).map((x) => x.text);
  expect(words("ใช้โค้ดSALE10ลด20%", "th")).toEqual(["ใช้", "โค้ด", "SALE10", "ลด", "20"]);
  expect(words("クーポンコードSALE10をご利用", "ja")).toEqual(["クーポン", "コード", "SALE10", "を", "ご利用"]);
  expect(words("код АБ12345, و20", "ru")).toEqual(["код", "АБ12345", "و20"]);
});
