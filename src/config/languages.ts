/**
 * Language knowledge: the built-in data files (lang/<tag>.json in the package, one per
 * language, validated by schema/language.schema.json) merged with brand.config.json's
 * `languages`. A list in the config extends the built-in list of the same language;
 * with `"replace": true` the lists the entry gives replace the built-in ones (lists it
 * does not give stay). A tag with no built-in file adds a language. Adding a language
 * to brandlint is adding a data file: nothing else lists them.
 */
import path from "node:path";
import { listOwnDir, packageRoot, readOwnFile } from "../host/package.js";
import { computeIntlKnowledge, useIntlKnowledge, type IntlKnowledge } from "../text/intl-knowledge.js";
import type { Languages } from "../text/phrases.js";
import type { BrandConfig, LanguageData } from "../types.js";
import { validatorFor } from "./validators.js";

export type { Languages };

/** The built-in language files. */
export const LANG_DIR = path.join(packageRoot, "lang");
/**
 * What the build computed from them (scripts/build-language-data.js): that they are
 * valid, and their Intl knowledge (src/text/intl-knowledge.ts) for the ICU it ran with.
 */
export const LANGUAGE_DATA_FILE = path.join(packageRoot, "dist", "language-data.json");

/** dist/language-data.json. */
export interface LanguageDataFile {
  /**
   * The language files it was made from, by name, as they were (compared as they are, so a
   * run needs no hash of them: loading node:crypto alone is 4–5 ms of a one-campaign run).
   */
  lang: Record<string, string>;
  /** The Intl the knowledge comes from (intlVersion()). */
  intl: string;
  knowledge: IntlKnowledge;
}

/**
 * What Intl's answers depend on: ICU's version and data (CLDR, Unicode, a small-ICU
 * build knows English only), and the format of the knowledge (bump it when
 * src/text/intl-knowledge.ts computes something else).
 */
export function intlVersion(): string {
  const v = process.versions as Record<string, string | undefined>;
  const small = (process.config.variables as Record<string, unknown>).icu_small === true;
  return JSON.stringify({ format: 1, icu: v.icu ?? null, cldr: v.cldr ?? null, unicode: v.unicode ?? null, small });
}

let builtIn: Languages | undefined;

/** The package's language data files, by tag (validated; a bad file is a bug in brandlint, so it throws). */
export function builtInLanguages(): Languages {
  if (builtIn) return builtIn;
  const shipped = readShipped(LANGUAGE_DATA_FILE);
  const { languages, knowledge } = readBuiltInLanguages(LANG_DIR, shipped, intlVersion());
  if (knowledge) useIntlKnowledge(knowledge);
  return (builtIn = languages);
}

/** The build's data file, or undefined when there is none or it cannot be read (then everything is computed). */
function readShipped(file: string): LanguageDataFile | undefined {
  try {
    return JSON.parse(readOwnFile(file)) as LanguageDataFile;
  } catch {
    return undefined;
  }
}

/**
 * Reads the language files of `dir`. They are validated unless `shipped` was made from
 * exactly these files (the build validated them); its Intl knowledge is returned only
 * when it was also made with this Intl (`intl`, see intlVersion). Stale data is ignored.
 */
export function readBuiltInLanguages(dir: string, shipped: LanguageDataFile | undefined, intl: string): { languages: Languages; files: Record<string, string>; validated: boolean; knowledge: IntlKnowledge | undefined } {
  const files = listOwnDir(dir)
    .filter((n) => n.endsWith(".json"))
    .sort()
    .map((f) => [f, readOwnFile(path.join(dir, f))] as const);
  const made = shipped?.lang;
  const current = typeof made === "object" && made !== null && Object.keys(made).length === files.length && files.every(([f, text]) => Object.hasOwn(made, f) && made[f] === text);
  const validate = current ? undefined : validatorFor("language");
  const out: Record<string, LanguageData> = {};
  for (const [f, text] of files) {
    const data = JSON.parse(text) as unknown;
    if (validate && !validate(data)) {
      const why = (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}${e.params && "additionalProperty" in e.params ? ` (${String(e.params.additionalProperty)})` : ""}`);
      throw new Error(`brandlint: lang/${f} does not match schema/language.schema.json: ${why.join("; ")}`);
    }
    out[f.slice(0, -".json".length)] = data as LanguageData;
  }
  return { languages: out, files: Object.fromEntries(files), validated: !current, knowledge: current && shipped!.intl === intl ? shipped!.knowledge : undefined };
}

/** What dist/language-data.json holds, made afresh from the files of `dir` (validated) and this Intl. */
export function makeLanguageData(dir = LANG_DIR): LanguageDataFile {
  const { languages, files } = readBuiltInLanguages(dir, undefined, intlVersion());
  return { lang: files, intl: intlVersion(), knowledge: computeIntlKnowledge(languages) };
}

/** Merges one config entry into a language's data (see the module comment). */
function merge(base: LanguageData | undefined, extra: LanguageData): LanguageData {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(extra)) {
    if (k === "replace" || k === "$schema") continue;
    const prev = out[k];
    out[k] = Array.isArray(v) && Array.isArray(prev) && !extra.replace ? [...(prev as string[]), ...v] : v;
  }
  return out as LanguageData;
}

const merged = new WeakMap<BrandConfig, Languages>();

/** Every language brandlint knows for this config: the built-in files with the config's `languages` applied. Cached per config. */
export function languagesFor(config: BrandConfig | undefined): Languages {
  if (!config?.languages) return builtInLanguages();
  let out = merged.get(config);
  if (!out) {
    const all: Record<string, LanguageData> = { ...builtInLanguages() };
    for (const [tag, entry] of Object.entries(config.languages)) all[tag] = merge(all[tag], entry);
    out = all;
    merged.set(config, out);
  }
  return out;
}

/** Which lists a language's file fills, for the docs: "discount, tax, fact, code, percent, up to, end date". */
const COVERAGE: [keyof LanguageData, string][] = [
  ["discountCues", "discount words"],
  ["taxWords", "tax words"],
  ["factWords", "product facts"],
  ["codeCues", "code before its cue"],
  ["codeCuesAfter", "code after its cue"],
  ["percentWords", "percent words"],
  ["percentWordsBefore", "percent words before the number"],
  ["upToWords", "“up to”"],
  ["endDateWords", "end-date words"],
  ["endDateWordsAfter", "end-date words after the date"],
  ["greetings", "greetings"],
  ["optOutWords", "opt-out wording"],
  ["prefixes", "attached prefixes"],
  ["words", "longer words"],
];

/** A Markdown table of the built-in languages and what each file covers (rule docs are generated from it). */
export function languageTable(): string[] {
  const rows = Object.entries(builtInLanguages()).map(([tag, l]) => {
    const has = COVERAGE.filter(([k]) => Array.isArray(l[k]) && (l[k] as string[]).length > 0).map(([, name]) => name);
    if (l.unmarkedForms) has.push("matched without diacritics too");
    return `| \`${tag}\` | ${l.name ?? tag} | ${has.join(", ")} |`;
  });
  return ["| tag | language | the data file gives |", "|---|---|---|", ...rows];
}

/** The docs paragraph on adding a language, shared by the rules that read language data. */
export const ADDING_A_LANGUAGE = [
  "## Adding a language",
  "",
  "A language is one data file, `lang/<tag>.json` (validated by `schema/language.schema.json`), and no code: copy a file of a related language, fill the lists (every one is optional; a trailing `*` matches any ending), add a row to the table test in `test/languages.test.ts` (a discount in the language's usual form, a tax and a product-fact percentage, a code next to its cue, a banned term, a longer word it must not match, a capitalised form), and run `npm run docs`. Month and weekday names, digits and sentence ends come from `Intl` and need nothing.",
  "",
  "A brand can do the same without a release: `\"languages\": { \"de\": { \"percentWords\": [\"v. H.\"] } }` in brand.config.json extends a list of a built-in language; `\"replace\": true` in the entry makes the lists it gives replace the built-in ones (the lists it does not give stay); a tag without a built-in file (`\"sv\"`) adds a language. An unknown key or a wrong type is a config error at its position.",
].join("\n");
