/**
 * Language knowledge is data (SPEC §11): the built-in files are valid, the config
 * extends or replaces their lists, and src/text holds no word list of any language.
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { builtInLanguages, languagesFor } from "../src/config/languages.js";
import { findDates, isRealDate, numericOrderFor } from "../src/text/dates.js";
import { foldKey } from "../src/text/fold.js";
import { normalizeDigits } from "../src/text/numbers.js";
import { sentenceRanges } from "../src/text/sentences.js";
import { lint } from "../src/lint.js";
import type { BrandConfig } from "../src/types.js";
import { writeCase } from "./helpers/rule-tester.js";

const root = path.join(import.meta.dirname, "..");

describe("the built-in language files", () => {
  it("cover at least the languages issue 15 names, each valid against schema/language.schema.json", () => {
    const tags = Object.keys(builtInLanguages());
    for (const t of ["en", "id", "ms", "ar", "he", "fa", "ru", "uk", "pl", "cs", "de", "fr", "es", "pt", "it", "nl", "tr", "vi", "th", "ja", "zh", "ko", "hi"]) expect(tags).toContain(t);
    for (const f of readdirSync(path.join(root, "lang"))) expect(JSON.parse(readFileSync(path.join(root, "lang", f), "utf8")).$schema).toBe("../schema/language.schema.json");
  });
  it("are shipped in the package", () => {
    expect(JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).files).toContain("lang");
  });
});

describe("config languages", () => {
  const config = (languages: BrandConfig["languages"]): BrandConfig => ({ brand: { name: "Acme" }, languages });
  it("a list extends the built-in one", () => {
    const de = languagesFor(config({ de: { percentWords: ["v. H."] } })).de!;
    expect(de.percentWords).toEqual([...builtInLanguages().de!.percentWords!, "v. H."]);
    expect(de.discountCues).toEqual(builtInLanguages().de!.discountCues);
  });
  it("with replace, the lists given replace the built-in ones and the others stay", () => {
    const de = languagesFor(config({ de: { replace: true, percentWords: ["v. H."] } })).de!;
    expect(de.percentWords).toEqual(["v. H."]);
    expect(de.discountCues).toEqual(builtInLanguages().de!.discountCues);
  });
  it("a tag without a file adds a language", () => {
    expect(languagesFor(config({ sv: { discountCues: ["rea"] } })).sv).toEqual({ discountCues: ["rea"] });
  });
});

describe("Intl instead of lists", () => {
  it("reads month names of any locale Intl knows, with the locale's order", () => {
    const L = builtInLanguages();
    expect(findDates("bis 31. März", "de", L).map((d) => [d.month, d.day])).toEqual([[3, 31]]);
    expect(findDates("31 במרץ", "he", L).map((d) => [d.month, d.day])).toEqual([[3, 31]]);
    expect(findDates("31 มีนาคม", "th", L).map((d) => [d.month, d.day])).toEqual([[3, 31]]);
    expect(findDates("31 Mart", "tr", L).map((d) => [d.month, d.day])).toEqual([[3, 31]]);
    expect(numericOrderFor("en-GB")).toBe("dmy");
    expect(numericOrderFor("en-US")).toBe("mdy");
  });
  it("knows the digits of every numbering system", () => {
    expect(normalizeDigits("๓๐ ৩০ ༣༠ ᠓᠐ ၃၀")).toBe("30 30 30 30 30");
  });
  it("ends sentences at 。 ！ । and ., not inside s.d. or after a soft line break", () => {
    const parts = (t: string, l: string) => sentenceRanges(t, l).map((r) => t.slice(r.start, r.end).trim());
    expect(parts("全品30％オフ。95％のお客様！次", "ja")).toEqual(["全品30％オフ。", "95％のお客様！", "次"]);
    expect(parts("20% की छूट। आज", "hi")).toEqual(["20% की छूट।", "आज"]);
    expect(parts("Diskon s.d. 50%. Baru\nlagi", "id")).toEqual(["Diskon s.d. 50%.", "Baru\nlagi"]);
  });
});

describe("one date validity check", () => {
  it("2026-02-30 is not a date, 0099-01-01 and 2024-02-29 are", () => {
    expect(isRealDate("2026-02-30")).toBe(false);
    expect(isRealDate("2026-02-29")).toBe(false);
    expect(isRealDate("2024-02-29")).toBe(true);
    expect(isRealDate("0099-01-01")).toBe(true);
    expect(isRealDate("2026-13-01")).toBe(false);
  });
});

describe("folding", () => {
  it.each([
    ["ＳＡＬＥ", "sale", "en"],
    ["ｺｰﾄﾞ", "コード", "ja"],
    ["große", "GROSSE", "de"],
    ["ΠΡΟΣΦΟΡΕΣ", "προσφορές", "el"],
    ["رخـيـص", "رَخِيص", "ar"],
    ["مجاناً", "مجانا", "ar"],
    ["İNDİRİM", "indirim", "tr"],
    ["IŞIK", "ışık", "tr"],
    ["e-mail’s", "e-mail's", "en"],
  ])("%s ≡ %s (%s)", (a, b, locale) => {
    expect(foldKey(a, locale)).toBe(foldKey(b, locale));
  });
  it("keeps Turkish dotless ı apart from i in Turkish", () => {
    expect(foldKey("ışık", "tr")).not.toBe(foldKey("isik", "tr"));
  });
});

describe("src/text keeps no per-language word list", () => {
  it("has no list of three or more words in its code", () => {
    for (const f of readdirSync(path.join(root, "src/text")).filter((n) => n.endsWith(".ts"))) {
      const code = readFileSync(path.join(root, "src/text", f), "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gmu, "");
      const lists = code.match(/\[\s*"[^"\n]*"(?:\s*,\s*"[^"\n]*"){2,}/gu) ?? [];
      const wordy = lists.filter((l) => (l.match(/"[^"\n]*\p{L}{2,}[^"\n]*"/gu) ?? []).length >= 3);
      expect(wordy, f).toEqual([]);
    }
  });
});

describe("send dates through the pipeline", () => {
  it("send: 0099-01-01 is a real date, 2026-02-30 is not", async () => {
    const messagesFor = async (send: string) => {
      const dir = writeCase({ files: { "campaign.json": `{ "send": "${send}" }`, "sms.txt": "Acme: hello" } });
      try {
        const report = await lint({ cwd: dir });
        return report.results.flatMap((r) => r.messages.map((m) => m.message)).filter((m) => m.includes("real date"));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
    expect(await messagesFor("0099-01-01")).toEqual([]);
    expect(await messagesFor("2026-02-30")).toEqual(["send is not a real date: 2026-02-30"]);
  });
});
