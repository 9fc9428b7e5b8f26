/** `--format unix`: `file:line:col: severity: message [rule-id]`, one finding a line (for editors' problem matchers). */
import type { Formatter } from "./types.js";
import { relativePath } from "./paths.js";

export const unix: Formatter = (results, ctx) => {
  const lines: string[] = [];
  for (const r of results)
    for (const m of r.messages)
      lines.push(`${relativePath(r.file.path, ctx.cwd)}:${m.line}:${m.column}: ${m.severity === 2 ? "error" : "warning"}: ${m.message.replace(/\r\n|[\r\n]/g, " ")} [${m.ruleId}]`);
  return lines.length ? lines.join("\n") + "\n" : "";
};
