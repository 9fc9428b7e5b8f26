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
