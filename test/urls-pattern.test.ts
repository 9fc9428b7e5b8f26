/**
 * URL_IN_TEXT is written without the `i` flag (compiling \p{L} case-insensitively cost
 * every process milliseconds, issue 18): it must find exactly what the pattern written
 * with `i` found, the quirks of case-insensitive Unicode matching included (ſ matches s,
 * \b counts ſ and the Kelvin sign as word characters, U+0345 folds to ι, a letter).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findUrlRanges, URL_IN_TEXT } from "../src/text/urls.js";

/** The pattern as it was written with the `i` flag: the reference. */
const WITH_I = new RegExp(
  String.raw`\b(?:https?:\/\/|www\.)[^\s<>"'${"`"}]+[^\s<>"'${"`"}.,;:!?)\]}]|(?<![\p{L}\p{N}@._/-])(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,63}\/(?:[^\s<>"'${"`"}]*[^\s<>"'${"`"}.,;:!?)\]}])?`,
  "giu",
);
const matches = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => [m.index, m[0]]);

describe("URL_IN_TEXT", () => {
  it.each([
    "Shop at https://acme.example/winter?c=1, or WWW.ACME.EXAMPLE/x.",
    "HTTPS://ACME.EXAMPLE and hTtP://a.example/ and httpſ://x.example/y",
    "ſhttps://acme.example/ Khttps://acme.example/ \u212Ahttps://acme.example/ _https://x.example/ https://ok.example/",
    "evil.example/spring, ιexample.com/x, \u0345acme.example/x, a\u0345b.example/x, acme.ex\u0345/x",
    "shop.acme.example/ünïcode (see www.acme.example) ١٢٣.example/x ΠΡΟΣΦΟΡΕΣ.example/y",
  ])("finds what the case-insensitive pattern finds: %s", (text) => {
    expect(matches(URL_IN_TEXT, text)).toEqual(matches(WITH_I, text));
    expect(matches(URL_IN_TEXT, text).length).toBeGreaterThan(0);
  });

  it("on any text made of the characters that matter", () => {
    const alphabet = [..."hHtTpPsSſ:/wW.kK\u212A\u0345ιΙaé-_0١ @?#<>\"'`,;!)]}\n", "https://", "www.", ".example/", "x.ex"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (parts) => {
        const text = parts.join("");
        expect(matches(URL_IN_TEXT, text)).toEqual(matches(WITH_I, text));
      }),
      { numRuns: 3000, seed: 18 },
    );
    expect(findUrlRanges("go to WWW.acme.example")).toEqual([{ start: 6, end: 22 }]);
  });
});
