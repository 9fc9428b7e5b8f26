/**
 * The rules, sorted by id. Each lives in rules/<id>.ts; a test checks this list and
 * the folder agree. Loaded lazily so a run only pays for what it uses.
 */
import type { Rule } from "./engine/rule.js";

type Loader = () => Promise<{ default: Rule<never> }>;

export const RULE_LOADERS: Record<string, Loader> = {
  "tone-words": () => import("../rules/tone-words.js") as never,
};

let cache: Rule<never>[] | undefined;
/** Loads every rule module (sorted by id). */
export async function loadRules(): Promise<Rule<never>[]> {
  cache ??= await Promise.all(Object.keys(RULE_LOADERS).sort().map(async (id) => (await RULE_LOADERS[id]!()).default));
  return cache;
}
