/** `--format unix`: `file:line:col: severity: message [rule-id]`, one finding a line (for editors' problem matchers). */
import { joined, piecesOf, type FailureFormatter, type FormatStream, type StreamFormatter } from "./types.js";
import { displayFile, displayMessage, relativePath } from "./paths.js";

/** One piece per file with findings: its lines, each ending in a line break. */
export const unixStream: StreamFormatter = (ctx): FormatStream<string> => ({
  item(r) {
    if (!r.messages.length) return "";
    const file = displayFile(relativePath(r.file.path, ctx.cwd), ctx.terminal);
    return r.messages.map((m) => `${file}:${m.line}:${m.column}: ${m.severity === 2 ? "error" : "warning"}: ${displayMessage(m.message, ctx.terminal)} [${m.ruleId}]\n`).join("");
  },
  write: (lines) => lines,
  end: () => [],
});

export const unixPieces = piecesOf(unixStream);

export const unix = joined(unixPieces);

/** A run that could not happen, in the same shape, so the editor's problem matcher shows why (`[config-error]`). */
export const unixFailure: FailureFormatter = (problems, ctx) =>
  problems
    .map((p) => `${displayFile(p.file ? relativePath(p.file, ctx.cwd) : "brandlint", ctx.terminal)}:${p.line || 1}:${p.column || 1}: error: ${displayMessage(p.message, ctx.terminal)} [config-error]\n`)
    .join("");
