/** `--format unix`: `file:line:col: severity: message [rule-id]`, one finding a line (for editors' problem matchers). */
import type { FailureFormatter, Formatter } from "./types.js";
import { displayFile, displayMessage, relativePath } from "./paths.js";

export const unix: Formatter = (results, ctx) => {
  const lines: string[] = [];
  for (const r of results)
    for (const m of r.messages)
      lines.push(`${displayFile(relativePath(r.file.path, ctx.cwd), ctx.terminal)}:${m.line}:${m.column}: ${m.severity === 2 ? "error" : "warning"}: ${displayMessage(m.message, ctx.terminal)} [${m.ruleId}]`);
  return lines.length ? lines.join("\n") + "\n" : "";
};

/** A run that could not happen, in the same shape, so the editor's problem matcher shows why (`[config-error]`). */
export const unixFailure: FailureFormatter = (problems, ctx) =>
  problems
    .map((p) => `${displayFile(p.file ? relativePath(p.file, ctx.cwd) : "brandlint", ctx.terminal)}:${p.line || 1}:${p.column || 1}: error: ${displayMessage(p.message, ctx.terminal)} [config-error]\n`)
    .join("");
