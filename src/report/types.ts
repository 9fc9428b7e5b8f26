/** What every formatter gets. Formatters are pure: results in, text out. */
import type { FileResult } from "../engine/linter.js";
import { BUILTIN_FINDINGS } from "../engine/builtin-findings.js";

export interface RuleInfo {
  id: string;
  description: string;
  rationale?: string;
  url?: string;
  defaultSeverity?: "warn" | "error";
}

export interface FormatContext {
  /** Paths are shown relative to this folder. */
  cwd: string;
  /** The repository root: SARIF URIs and GitHub annotation paths are relative to it (default cwd). */
  root?: string;
  /** ANSI colours (only on a TTY, never under a non-empty NO_COLOR; the CLI decides). */
  color?: boolean;
  /** Output goes to a terminal: control characters in messages and paths are shown escaped. */
  terminal?: boolean;
  rules: readonly RuleInfo[];
  version?: string;
  /** Absolute base for rule docs links (SARIF helpUri); none when unknown. */
  docsBase?: string;
}

export type Formatter = (results: readonly FileResult[], ctx: FormatContext) => string;
/**
 * The same text in pieces, about one per file, in order: the CLI writes each as it comes, so
 * a big report is never built as one string. Joined, the pieces are the Formatter's text.
 */
export type PieceFormatter = (results: readonly FileResult[], ctx: FormatContext) => Iterable<string>;

/**
 * A format written while the run goes on. `item` turns one file's result into what the format
 * needs of it, as soon as the result is final (the file's text can be dropped then); `write`
 * gets the items in the report's order and returns the text to write now; `end` the rest.
 * Joined, the writes and the end are the Formatter's text.
 */
export interface FormatStream<T = unknown> {
  item(r: FileResult): T;
  write(item: T): string;
  end(): Iterable<string>;
}
export type StreamFormatter = (ctx: FormatContext) => FormatStream;

/** A format's pieces from its stream: one write per file, then the end. */
export const piecesOf =
  (stream: StreamFormatter): PieceFormatter =>
  function* (results, ctx) {
    const s = stream(ctx);
    for (const r of results) {
      const p = s.write(s.item(r));
      if (p) yield p;
    }
    for (const p of s.end()) if (p) yield p;
  };

/** The Formatter whose text is the pieces joined. */
export const joined =
  (pieces: PieceFormatter): Formatter =>
  (results, ctx) =>
    [...pieces(results, ctx)].join("");

/** Why a run could not happen (a config problem, exit 2): one entry per problem. */
export interface RunProblem {
  message: string;
  /** Absolute path of the file at fault, when there is one. */
  file?: string;
  /** 1-based; absent when the problem has no position in the file. */
  line?: number;
  column?: number;
}

/** Renders the problems that stopped a run, in a format's own shape (for its consumers: CI, editors). */
export type FailureFormatter = (problems: readonly RunProblem[], ctx: FormatContext) => string;

/** Findings that come from the engine itself rather than a rule file (src/engine/builtin-findings.ts). */
export const BUILTIN_RULES: readonly RuleInfo[] = BUILTIN_FINDINGS.map((f) => ({ id: f.id, description: f.description, rationale: f.rationale, url: f.docsUrl, defaultSeverity: f.defaultSeverity }));
