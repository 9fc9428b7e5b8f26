/** `--format json`: one array, one entry per linted file, ESLint-shaped (SPEC §6). */
import { joined, piecesOf, type FormatStream, type StreamFormatter } from "./types.js";
import { relativePath } from "./paths.js";
import type { FileResult } from "../engine/linter.js";
import type { FormatContext } from "./types.js";

/** The array is written one file's entry at a time: `[`, the entries separated by commas, `]` (what JSON.stringify of the whole writes). */
export const jsonStream: StreamFormatter = (ctx): FormatStream<string> => {
  let i = 0;
  return {
    item: (r) => JSON.stringify(entry(r, ctx)),
    write: (e) => (i++ ? "," : "[") + e,
    end: () => [i ? "]" : "[]"],
  };
};

export const jsonPieces = piecesOf(jsonStream);

export const json = joined(jsonPieces);

function entry(r: FileResult, ctx: FormatContext) {
  return {
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
  };
}
