/**
 * dist/language-data.json (scripts/build-language-data.js, issue 18): the build validates
 * the built-in language files and computes what reading them needs from Intl, so a run
 * does neither again. The data must be exactly what Intl gives at run time, and data
 * made from other files or with another ICU is never used.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { intlVersion, LANG_DIR, LANGUAGE_DATA_FILE, makeLanguageData, readBuiltInLanguages, type LanguageDataFile } from "../src/config/languages.js";
import { builtInLanguages } from "../src/config/languages.js";
import { computeNames, computeNumericOrder, findDates } from "../src/text/dates.js";
import { foldKey, foldKeyOnce, looseKey, useKnownFolds } from "../src/text/fold.js";
import { computeIntlKnowledge, useIntlKnowledge } from "../src/text/intl-knowledge.js";
import { computeDigitSets, normalizeDigits } from "../src/text/numbers.js";
import { phraseText, segmentPhrase } from "../src/text/phrases.js";

const shipped = (): LanguageDataFile => JSON.parse(readFileSync(LANGUAGE_DATA_FILE, "utf8")) as LanguageDataFile;

function withLangCopy<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(path.join(os.tmpdir(), "brandlint-lang-"));
  try {
    cpSync(LANG_DIR, dir, { recursive: true });
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("the build's language data", () => {
  it("is made by npm run build, from these language files and this ICU", () => {
    expect(existsSync(LANGUAGE_DATA_FILE)).toBe(true);
    const data = shipped();
    expect(data.intl).toBe(intlVersion());
    expect(readBuiltInLanguages(LANG_DIR, data, intlVersion())).toMatchObject({ validated: false, knowledge: data.knowledge });
  });

  it("equals what Intl computes at run time, for every language, its date locales and every phrase", () => {
    const { knowledge } = shipped();
    expect(knowledge).toEqual(makeLanguageData().knowledge);
    // And piece by piece, with the functions a run without the data calls.
    const { languages } = readBuiltInLanguages(LANG_DIR, undefined, intlVersion());
    for (const [tag, data] of Object.entries(languages)) {
      for (const t of [tag, ...(data.dateLocales ?? [])]) {
        expect(knowledge.names[t], t).toEqual(computeNames(t));
        expect(knowledge.numericOrders[t], t).toBe(computeNumericOrder(t));
      }
      for (const e of [...(data.discountCues ?? []), ...(data.endDateWords ?? []), ...(data.greetings ?? [])]) expect(knowledge.words[tag]![phraseText(e)], `${tag}: ${e}`).toEqual(segmentPhrase(phraseText(e), tag));
    }
    expect(knowledge.digits).toEqual(computeDigitSets());
    expect(knowledge.names["ar-SY"]!.months.map(([n]) => n)).toContain("آذار");
  });

  it("gives the fold keys folding gives, in every casing class (the root's, Turkish, Greek) and in one it does not hold (Lithuanian)", () => {
    builtInLanguages(); // uses the shipped knowledge
    const { folds } = shipped().knowledge;
    const strings = [...Object.keys(folds.byClass[""]!), ...Object.keys(folds.byClass.tr!), "İNDİRİM", "ΠΡΟΣΦΟΡΕΣ", "Ịnternet"];
    expect(Object.keys(folds.byClass).sort()).toEqual(["", "el", "tr"]);
    const locales = ["en", "tr", "el", "lt", "de-AT"];
    const withData = strings.map((s) => locales.map((l) => [foldKey(s, l), looseKey(s, l)]));
    // The same without the data: other spellings of the locales, so no cached key is reused.
    useKnownFolds({ byClass: {}, loose: {} });
    const computed = strings.map((s) => locales.map((l) => [foldKeyOnce(s, l), looseKey(s, `${l}-x-nodata`)]));
    expect(withData).toEqual(computed);
  });

  it("is not used when the language files changed since the build: they are validated again", () => {
    withLangCopy((dir) => {
      const data = shipped();
      expect(readBuiltInLanguages(dir, data, intlVersion())).toMatchObject({ validated: false });
      const de = path.join(dir, "de.json");
      writeFileSync(de, readFileSync(de, "utf8").replace('"discountCues"', '"discountCue"'));
      expect(() => readBuiltInLanguages(dir, data, intlVersion())).toThrow(/lang\/de\.json does not match schema\/language\.schema\.json: .*discountCue/);
      // The build refuses the file too.
      expect(() => makeLanguageData(dir)).toThrow(/lang\/de\.json/);
    });
  });

  it("is not used when a language file was added or removed since the build, or when it is of an older format", () => {
    withLangCopy((dir) => {
      const data = shipped();
      writeFileSync(path.join(dir, "xx.json"), readFileSync(path.join(dir, "de.json"), "utf8"));
      expect(readBuiltInLanguages(dir, data, intlVersion())).toMatchObject({ validated: true, knowledge: undefined });
      rmSync(path.join(dir, "xx.json"));
      rmSync(path.join(dir, "de.json"));
      expect(readBuiltInLanguages(dir, data, intlVersion())).toMatchObject({ validated: true, knowledge: undefined });
    });
    // The data of an earlier build named its files by a digest.
    const old = { ...shipped(), lang: "0".repeat(64) } as unknown as LanguageDataFile;
    expect(readBuiltInLanguages(LANG_DIR, old, intlVersion())).toMatchObject({ validated: true, knowledge: undefined });
  });

  it("a valid change to a file: validated, and Intl is asked again (the file's new phrases are not in the data)", () => {
    withLangCopy((dir) => {
      const de = path.join(dir, "de.json");
      const json = JSON.parse(readFileSync(de, "utf8")) as { endDateWords: string[] };
      json.endDateWords.push("spätestens am");
      writeFileSync(de, JSON.stringify(json));
      const read = readBuiltInLanguages(dir, shipped(), intlVersion());
      expect(read.validated).toBe(true);
      expect(read.knowledge).toBeUndefined();
      expect(read.languages.de!.endDateWords).toContain("spätestens am");
    });
  });

  it("is not used with another ICU (another Node): the files are trusted, the Intl knowledge is computed", () => {
    const other = JSON.stringify({ ...JSON.parse(intlVersion()), icu: "0.1" });
    const read = readBuiltInLanguages(LANG_DIR, shipped(), other);
    expect(read).toMatchObject({ validated: false, knowledge: undefined });
    expect(readBuiltInLanguages(LANG_DIR, undefined, intlVersion()).validated).toBe(true);
  });

  it("is what the date and number readers then use instead of Intl", () => {
    const { languages } = readBuiltInLanguages(LANG_DIR, undefined, intlVersion());
    const k = computeIntlKnowledge({ de: languages.de! });
    // A locale's names come from the knowledge: a name it holds is read as a month, one Intl would not give.
    k.names["de"]!.months.push(["Lenzing", 3]);
    k.words["de"]!["Lenzing"] = ["Lenzing"];
    k.digits = k.digits.filter((d) => d[0] !== "๐");
    useIntlKnowledge(k);
    expect(findDates("bis 31. Lenzing", "de", { de: languages.de! }).map((d) => [d.month, d.day])).toEqual([[3, 31]]);
    expect(normalizeDigits("๓๐ ३०")).toBe("๓๐ 30");
    useIntlKnowledge(computeIntlKnowledge(languages));
    expect(normalizeDigits("๓๐")).toBe("30");
    // Fold keys too (a word no language file has, so nothing cached it).
    useKnownFolds({ byClass: { "": { Ωmegaλ: "made-up" } }, loose: { "made-up": "made up" } });
    expect([foldKey("Ωmegaλ", "en"), looseKey("Ωmegaλ", "en"), foldKey("Ωmegaλ", "lt")]).toEqual(["made-up", "made up", "ωmegaλ"]);
  });
});
