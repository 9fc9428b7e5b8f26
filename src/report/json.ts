/** `--format json`: one array, one entry per linted file, ESLint-shaped (SPEC §6). */
import type { Formatter } from "./types.js";
import { relativePath } from "./paths.js";

export const json: Formatter = (results, ctx) =>
  JSON.stringify(
    results.map((r) => ({
      filePath: relativePath(r.file.path, ctx.cwd),
      messages: r.messages.map((m) => ({
        ruleId: m.ruleId,
        severity: m.severity,
        message: m.message,
        line: m.line,
        column: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
        ...(m.channels ? { channels: m.channels } : {}),
        ...(m.fix ? { fix: m.fix } : {}),
      })),
      errorCount: r.errorCount,
      warningCount: r.warningCount,
    })),
  );
