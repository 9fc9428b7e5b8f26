/**
 * `--format stylish` (default): findings grouped by file, like ESLint's, with a summary
 * line. Position and severity are aligned; the message is not padded, so a line is only
 * as long as its finding. A clean run says so.
 */
import { joined, piecesOf, type FormatStream, type StreamFormatter } from "./types.js";
import { displayFile, displayMessage, relativePath } from "./paths.js";

const paint = (on: boolean) => (code: string, s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);
const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;

interface StylishItem {
  /** The file and its rows; empty when it has no finding. */
  block: string;
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

/** One piece per file with findings (a blank line, the file, its rows), then the summary. */
export const stylishStream: StreamFormatter = (ctx): FormatStream<StylishItem> => {
  const c = paint(!!ctx.color);
  let errors = 0;
  let warnings = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  let blocks = 0;
  let files = 0;
  return {
    item(r) {
      const { errorCount, warningCount, fixableErrorCount, fixableWarningCount } = r;
      if (!r.messages.length) return { block: "", errorCount, warningCount, fixableErrorCount, fixableWarningCount };
      const out = [c("4", displayFile(relativePath(r.file.path, ctx.cwd), ctx.terminal))];
      const rows = r.messages.map((m) => [`  ${m.line}:${m.column}`, m.severity === 2 ? "error" : "warning", displayMessage(m.message, ctx.terminal) + (m.channels?.length ? ` (${m.channels.join(", ")})` : ""), m.ruleId]);
      const w0 = Math.max(...rows.map((x) => x[0]!.length));
      const w1 = Math.max(...rows.map((x) => x[1]!.length));
      for (const [pos, sev, msg, rule] of rows) {
        const sevText = sev!.padEnd(w1);
        out.push(`${c("2", pos!.padEnd(w0))}  ${sev === "error" ? c("31", sevText) : c("33", sevText)}  ${msg}  ${c("2", rule!)}`);
      }
      return { block: out.join("\n"), errorCount, warningCount, fixableErrorCount, fixableWarningCount };
    },
    write(r) {
      files++;
      if (!r.block) return "";
      errors += r.errorCount;
      warnings += r.warningCount;
      fixableErrors += r.fixableErrorCount;
      fixableWarnings += r.fixableWarningCount;
      // Each block starts on a new line; blocks are separated by a blank line.
      return (blocks++ ? "\n\n" : "\n") + r.block;
    },
    *end() {
      const total = errors + warnings;
      if (total === 0) {
        if (files) yield `${c("32", "✔")} no problems (${plural(files, "file")} linted)\n`;
        return;
      }
      const summary = [c(errors ? "1;31" : "1;33", `✖ ${plural(total, "problem")} (${plural(errors, "error")}, ${plural(warnings, "warning")})`)];
      if (fixableErrors + fixableWarnings)
        summary.push(c(errors ? "1;31" : "1;33", `  ${plural(fixableErrors, "error")} and ${plural(fixableWarnings, "warning")} potentially fixable with the \`--fix\` option.`));
      yield "\n\n" + summary.join("\n") + "\n";
    },
  };
};

export const stylishPieces = piecesOf(stylishStream);

export const stylish = joined(stylishPieces);
