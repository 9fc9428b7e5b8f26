/**
 * The rules: every module in rules/ (file name = rule id), sorted by id. Running from
 * the TypeScript sources (tests) they load from rules/*.ts; from the package, from
 * dist/rules/*.js. Rule modules are small: heavy dependencies load inside `check`.
 */
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Rule } from "./engine/rule.js";
import { listOwnDir } from "./host/package.js";

const here = fileURLToPath(import.meta.url);
const fromSource = here.endsWith(".ts");
/** The folder rule modules are loaded from. */
export const RULES_DIR = path.join(path.dirname(here), "..", "rules");
const EXT = fromSource ? ".ts" : ".js";

/** The ids of every rule, sorted. */
export function ruleIds(): string[] {
  return listOwnDir(RULES_DIR)
    .filter((f) => f.endsWith(EXT) && !f.endsWith(".d.ts") && !f.startsWith("_"))
    .map((f) => f.slice(0, -EXT.length))
    .sort();
}

export async function loadRule(id: string): Promise<Rule<never>> {
  const mod = (await import(pathToFileURL(path.join(RULES_DIR, id + EXT)).href)) as { default?: Rule<never> };
  const rule = mod.default;
  if (!rule || typeof rule.check !== "function" || !rule.meta) throw new Error(`rules/${id}${EXT} does not export a rule (export default defineRule({ meta, check }))`);
  if (rule.meta.id !== id) throw new Error(`rules/${id}${EXT} declares id "${rule.meta.id}"; the file name must be the rule id`);
  return rule;
}

let cache: Promise<Rule<never>[]> | undefined;

/**
 * The single-file CLI build (dist/brandlint.mjs) imports every rule statically and
 * registers them here, so it needs no file system look-up and no module loading.
 */
export function registerBundledRules(rules: Rule<never>[]): void {
  // By code unit, as ruleIds sorts: localeCompare's order depends on the user's locale
  // (Czech sorts "ch" after "h") and its first call loads ICU's collation data.
  cache = Promise.resolve([...rules].sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0)));
}

/**
 * A rule whose code is loaded the first time it checks something: the CommonJS CLI
 * (scripts/bundle.js) keeps each rule in a chunk of its own, so a run loads only the
 * rules it runs (a rule turned off, or for a channel no campaign has, is never loaded).
 * `meta` is the rule's metadata as the build read it, without the keys in `lazyKeys`
 * (its examples and notes), which load the rule when read (docs and tests read them, a
 * lint run does not).
 */
export function lazyRule(meta: Omit<Rule<never>["meta"], "examples" | "notes">, lazyKeys: readonly ("examples" | "notes")[], load: () => Rule<never>): Rule<never> {
  let rule: Rule<never> | undefined;
  const loaded = () => (rule ??= load());
  const full = { ...meta } as Rule<never>["meta"];
  for (const key of lazyKeys)
    Object.defineProperty(full, key, { enumerable: true, configurable: true, get: () => loaded().meta[key] });
  return { meta: full, check: (ctx) => loaded().check(ctx) };
}

/** Loads every rule module (sorted by id). */
export function loadRules(): Promise<Rule<never>[]> {
  cache ??= Promise.all(ruleIds().map(loadRule));
  return cache;
}
