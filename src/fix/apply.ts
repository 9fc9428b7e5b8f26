/** Applying fixes to text: pure, deterministic, never overlapping. */
import type { LintFix } from "../engine/linter.js";

/**
 * Applies non-overlapping fixes. Overlaps resolve deterministically: sorted by start,
 * then end, then replacement text; a fix that overlaps an earlier kept one waits for
 * the next pass (like ESLint).
 */
export function applyFixes(text: string, fixes: readonly LintFix[]): { output: string; applied: number; skipped: number } {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1] || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  let out = "";
  let last = 0;
  let applied = 0;
  let skipped = 0;
  let prevEnd = -1;
  for (const f of sorted) {
    const [s, e] = f.range;
    if (s < 0 || e > text.length || s > e || s < prevEnd || (s === prevEnd && s === e && applied > 0 && sorted[applied - 1]?.range[0] === s)) {
      skipped++;
      continue;
    }
    if (text.slice(s, e) === f.text) continue;
    out += text.slice(last, s) + f.text;
    last = e;
    prevEnd = e;
    applied++;
  }
  return { output: out + text.slice(last), applied, skipped };
}
