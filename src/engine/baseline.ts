/**
 * Bulk suppressions for adopting brandlint on a repository of old templates (like
 * ESLint's): a suppressions file counts today's errors per file and rule; later runs
 * report a file's errors of a rule only when there are more than the file counts.
 * Fixing some lowers nothing automatically: `--prune-suppressions` does that.
 */
import path from "node:path";
import type { RawFinding } from "./linter.js";

export const SUPPRESSIONS_FILE = "brandlint-suppressions.json";

/** file (relative to the config folder, with /) → rule → count */
export type Suppressions = Record<string, Record<string, { count: number }>>;

const key = (file: string, root: string) => path.relative(root, file).split(path.sep).join("/");

/** Counts errors per file and rule (only `rules` when given). */
export function countErrors(findings: readonly RawFinding[], root: string, rules?: readonly string[]): Suppressions {
  const out: Suppressions = {};
  for (const f of findings) {
    if (f.severity !== 2 || (rules && !rules.includes(f.ruleId)) || f.ruleId === "parse-error" || f.ruleId === "internal-error") continue;
    const k = key(f.file.path, root);
    const byRule = (out[k] ??= {});
    byRule[f.ruleId] = { count: (byRule[f.ruleId]?.count ?? 0) + 1 };
  }
  return out;
}

/** Merges new counts over existing ones (a --suppress-rule run keeps the other rules' entries). */
export function mergeSuppressions(base: Suppressions, add: Suppressions): Suppressions {
  const out: Suppressions = structuredClone(base);
  for (const [file, rules] of Object.entries(add)) out[file] = { ...(out[file] ?? {}), ...rules };
  return sortSuppressions(out);
}

/** Lowers counts to what is still found and drops what was fixed. */
export function pruneSuppressions(base: Suppressions, current: Suppressions): Suppressions {
  const out: Suppressions = {};
  for (const [file, rules] of Object.entries(base))
    for (const [rule, { count }] of Object.entries(rules)) {
      const now = Math.min(count, current[file]?.[rule]?.count ?? 0);
      if (now > 0) (out[file] ??= {})[rule] = { count: now };
    }
  return sortSuppressions(out);
}

function sortSuppressions(s: Suppressions): Suppressions {
  return Object.fromEntries(
    Object.keys(s)
      .sort()
      .map((f) => [f, Object.fromEntries(Object.keys(s[f]!).sort().map((r) => [r, s[f]![r]!]))]),
  );
}

/** Drops errors covered by the suppressions file; returns how many were suppressed. */
export function applyBaseline(findings: RawFinding[], base: Suppressions, root: string): { findings: RawFinding[]; suppressed: number } {
  const current = countErrors(findings, root);
  let suppressed = 0;
  const kept = findings.filter((f) => {
    if (f.severity !== 2) return true;
    const k = key(f.file.path, root);
    const allowed = base[k]?.[f.ruleId]?.count;
    const now = current[k]?.[f.ruleId]?.count ?? 0;
    if (allowed !== undefined && now <= allowed) {
      suppressed++;
      return false;
    }
    return true;
  });
  return { findings: kept, suppressed };
}

/** Validates a parsed suppressions file; returns undefined when it is not one. */
export function asSuppressions(value: unknown): Suppressions | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  for (const rules of Object.values(value)) {
    if (!rules || typeof rules !== "object" || Array.isArray(rules)) return undefined;
    for (const v of Object.values(rules as object)) if (!v || typeof (v as { count?: unknown }).count !== "number") return undefined;
  }
  return value as Suppressions;
}
