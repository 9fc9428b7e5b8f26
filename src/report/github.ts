/**
 * `--format github`: GitHub Actions workflow commands, so findings show as annotations on
 * the pull request. Paths are relative to the repository root (what GitHub matches them
 * against), whatever folder brandlint ran in. GitHub shows at most 10 error and 10 warning
 * annotations per step, so past that a `::notice` says how many the step could not show.
 */
import { joined, piecesOf, type FailureFormatter, type FormatStream, type StreamFormatter } from "./types.js";
import { relativePath } from "./paths.js";

/** GitHub's limits on the annotations of one step, per severity. */
export const ANNOTATIONS_PER_STEP = 10;

const escapeData = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

function command(kind: "error" | "warning" | "notice", props: string[], message: string): string {
  return `::${kind}${props.length ? ` ${props.join(",")}` : ""}::${escapeData(message)}`;
}

/** One piece per file with findings (a command a line), then the notice about what GitHub does not show. */
export const githubStream: StreamFormatter = (ctx): FormatStream<{ lines: string; error: number; warning: number }> => {
  const count = { error: 0, warning: 0 };
  return {
    item(r) {
      const n = { lines: "", error: 0, warning: 0 };
      if (!r.messages.length) return n;
      const file = `file=${escapeProperty(relativePath(r.file.path, ctx.root ?? ctx.cwd))}`;
      const lines: string[] = [];
      for (const m of r.messages) {
        const kind = m.severity === 2 ? "error" : "warning";
        n[kind]++;
        const props = [
          file,
          `line=${m.line}`,
          `col=${m.column}`,
          `endLine=${m.endLine}`,
          `endColumn=${m.endColumn}`,
          `title=${escapeProperty(`brandlint ${m.ruleId}`)}`,
        ];
        const channels = m.channels?.length ? ` (${m.channels.join(", ")})` : "";
        lines.push(command(kind, props, m.message + channels) + "\n");
      }
      n.lines = lines.join("");
      return n;
    },
    write(n) {
      count.error += n.error;
      count.warning += n.warning;
      return n.lines;
    },
    *end() {
      const dropped = (["error", "warning"] as const).filter((k) => count[k] > ANNOTATIONS_PER_STEP).map((k) => `${count[k] - ANNOTATIONS_PER_STEP} of ${count[k]} ${k}s`);
      if (dropped.length)
        yield command(
            "notice",
            [`title=${escapeProperty("brandlint: more findings than GitHub shows")}`],
            `GitHub shows ${ANNOTATIONS_PER_STEP} error and ${ANNOTATIONS_PER_STEP} warning annotations per step; ${dropped.join(" and ")} are not shown as annotations. They are all in this log; run brandlint locally, or use --format sarif with code scanning, to see every one.`,
          ) + "\n";
    },
  };
};

export const githubPieces = piecesOf(githubStream);

export const github = joined(githubPieces);

/** A run that could not happen (exit 2) as `::error` annotations, on the config's line when known. */
export const githubFailure: FailureFormatter = (problems, ctx) =>
  problems
    .map((p) => {
      const props = p.file ? [`file=${escapeProperty(relativePath(p.file, ctx.root ?? ctx.cwd))}`, ...(p.line ? [`line=${p.line}`, `col=${p.column || 1}`] : [])] : [];
      return command("error", [...props, `title=${escapeProperty("brandlint could not run")}`], p.message) + "\n";
    })
    .join("");
