/**
 * Language knowledge: the built-in data files (lang/<tag>.json in the package, one per
 * language, validated by schema/language.schema.json) merged with brand.config.json's
 * `languages`. A list in the config extends the built-in list of the same language;
 * with `"replace": true` the lists the entry gives replace the built-in ones (lists it
 * does not give stay). A tag with no built-in file adds a language. Adding a language
 * to brandlint is adding a data file: nothing else lists them.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { packageRoot } from "../paths.js";
import type { Languages } from "../text/phrases.js";
import type { BrandConfig, LanguageData } from "../types.js";
import { validatorFor } from "./validators.js";

export type { Languages };

let builtIn: Languages | undefined;

/** The package's language data files, by tag (validated; a bad file is a bug in brandlint, so it throws). */
export function builtInLanguages(): Languages {
  if (builtIn) return builtIn;
  const dir = path.join(packageRoot, "lang");
  const validate = validatorFor("language");
  const out: Record<string, LanguageData> = {};
  for (const f of readdirSync(dir).filter((n) => n.endsWith(".json")).sort()) {
    const data = JSON.parse(readFileSync(path.join(dir, f), "utf8")) as unknown;
    if (!validate(data)) throw new Error(`brandlint: lang/${f} does not match schema/language.schema.json: ${JSON.stringify(validate.errors)}`);
    out[f.slice(0, -".json".length)] = data as LanguageData;
  }
  return (builtIn = out);
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
