/**
 * `--format sarif`: SARIF 2.1.0 for code scanning. URIs are relative to the repository
 * root (uriBaseId SRCROOT), every rule carries its help text, and each result has a
 * partialFingerprint that survives unrelated edits (rule, file, message and the
 * text of the offending line, not its number). A run that could not happen is still a
 * valid log: no results, and the reason as a tool execution notification.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { FileResult } from "../engine/linter.js";
import { BUILTIN_RULES, joined, piecesOf, type FailureFormatter, type FormatContext, type FormatStream, type StreamFormatter } from "./types.js";

/** The artifact location of a file: relative to SRCROOT when inside it, else an absolute file URI. */
function artifactLocation(file: string, root: string): { uri: string; uriBaseId?: string } {
  const rel = path.relative(root, file);
  if (!rel || rel.startsWith("..") || path.isAbsolute(rel)) return { uri: pathToFileURL(file).href };
  return { uri: rel.split(path.sep).map(encodeURIComponent).join("/"), uriBaseId: "SRCROOT" };
}

function driver(ctx: FormatContext, rules: readonly FormatContext["rules"][number][]) {
  return {
    name: "brandlint",
    ...(ctx.version ? { version: ctx.version, semanticVersion: ctx.version } : {}),
    // Links only where brandlint knows where its docs live (the package's repository, at this version).
    ...(ctx.docsBase ? { informationUri: new URL(".", ctx.docsBase).href.replace(/\/blob\/[^/]+\/$/, "") } : {}),
    rules: rules.map((r) => ({
      id: r.id,
      name: r.id.replace(/(^|-)(\w)/g, (_m, _d: string, ch: string) => ch.toUpperCase()),
      shortDescription: { text: r.description },
      fullDescription: { text: r.rationale ? `${r.description} ${r.rationale}` : r.description },
      help: { text: `${r.description}${r.rationale ? `\n\nWhy: ${r.rationale}` : ""}${r.url ? `\n\nDocs: ${r.url} in the brandlint package` : ""}`, markdown: `**${r.id}**: ${r.description}${r.rationale ? `\n\n*Why:* ${r.rationale}` : ""}${r.url ? `\n\nDocs: \`${r.url}\` in the brandlint package.` : ""}` },
      ...(r.url && ctx.docsBase ? { helpUri: new URL(r.url, ctx.docsBase).href } : {}),
      defaultConfiguration: { level: r.defaultSeverity === "warn" ? "warning" : "error" },
    })),
  };
}

const allRules = (ctx: FormatContext) => [...ctx.rules, ...BUILTIN_RULES.filter((b) => !ctx.rules.some((r) => r.id === b.id))];
const srcRoot = (root: string) => ({ SRCROOT: { uri: pathToFileURL(root).href.replace(/\/?$/, "/") } });

/** Where the results go in the log's text: the log is written around them. */
const RESULTS_MARK = "\u0000brandlint-sarif-results\u0000";
/** How deep a result sits in the log (`runs[0].results[i]`), at two spaces a level. */
const RESULT_INDENT = " ".repeat(8);

/** One file's results as SARIF wants them, all but the rule's index (the log's rule list is known only at the end). */
interface SarifFile {
  results: (ReturnType<typeof fileResult> & { ruleIndex?: number })[];
}

/**
 * The log in pieces: everything before the first result, then each file's results, then the
 * rest; joined, the text JSON.stringify(log, null, 2) gives. The log's head lists every rule
 * a result points at (ruleIndex), including one no context described that only a later file
 * names, so nothing is written before the last file: each file's results are made as soon as
 * it is final (its text is needed for the fingerprints, and dropped then) and kept until the end.
 */
export const sarifStream: StreamFormatter = (ctx): FormatStream<SarifFile> => {
  const root = ctx.root ?? ctx.cwd;
  const files: SarifFile[] = [];
  return {
    item: (r) => ({ results: r.messages.length ? fileResults(r, root) : [] }),
    write(f) {
      if (f.results.length) files.push(f);
      return "";
    },
    *end() {
      const rules = allRules(ctx);
      // Every result points at a rule entry (ruleIndex), even a rule the context did not describe.
      for (const f of files) for (const x of f.results) if (!rules.some((r) => r.id === x.ruleId)) rules.push({ id: x.ruleId, description: `brandlint finding ${x.ruleId}` });
      const index = new Map(rules.map((r, i) => [r.id, i]));
      const out = {
        $schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [{ tool: { driver: driver(ctx, rules) }, columnKind: "utf16CodeUnits", originalUriBaseIds: srcRoot(root), results: RESULTS_MARK }],
      };
      const [head, tail] = (JSON.stringify(out, null, 2) + "\n").split(JSON.stringify(RESULTS_MARK)) as [string, string];
      let n = 0;
      for (const f of files) {
        const items = f.results.map((x) => {
          const { ruleId, ...rest } = x;
          return `${n++ ? "," : "["}\n${RESULT_INDENT}${JSON.stringify({ ruleId, ruleIndex: index.get(ruleId)!, ...rest }, null, 2).replace(/\n/g, `\n${RESULT_INDENT}`)}`;
        });
        yield (n === items.length ? head : "") + items.join("");
      }
      yield n ? `\n${RESULT_INDENT.slice(2)}]${tail}` : `${head}[]${tail}`;
    },
  };
};

export const sarifPieces = piecesOf(sarifStream);

export const sarif = joined(sarifPieces);

/** One file's SARIF results (without ruleIndex). */
function fileResults(r: FileResult, root: string) {
  const location = artifactLocation(r.file.path, root);
  const seen = new Map<string, number>();
  const lines = r.file.text.split(/\r\n|\r|\n/);
  return r.messages.map((m) => fileResult(m, location, lines, seen));
}

function fileResult(m: FileResult["messages"][number], location: ReturnType<typeof artifactLocation>, lines: readonly string[], seen: Map<string, number>) {
  const lineText = (lines[m.line - 1] ?? "").trim();
  const base = `${m.ruleId}\u0000${location.uri}\u0000${m.message}\u0000${lineText}`;
  const k = seen.get(base) ?? 0;
  seen.set(base, k + 1);
  const fingerprint = createHash("sha256").update(`${base}\u0000${k}`).digest("hex").slice(0, 32);
  return {
    ruleId: m.ruleId,
    level: m.severity === 2 ? "error" : "warning",
    message: { text: m.message + (m.channels?.length ? ` (${m.channels.join(", ")})` : "") },
    locations: [
      {
        physicalLocation: {
          artifactLocation: location,
          region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: Math.max(m.endColumn, m.line === m.endLine ? m.column : 1) },
        },
      },
    ],
    partialFingerprints: { "brandlint/v1": fingerprint },
    ...(m.channels?.length ? { properties: { channels: m.channels } } : {}),
  };
}

/** A run that could not happen (exit 2): a valid log with no results and the reason as a notification. */
export const sarifFailure: FailureFormatter = (problems, ctx) => {
  const root = ctx.root ?? ctx.cwd;
  const out = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: driver(ctx, allRules(ctx)) },
        invocations: [
          {
            executionSuccessful: false,
            exitCode: 2,
            toolExecutionNotifications: problems.map((p) => ({
              level: "error",
              message: { text: p.message },
              ...(p.file
                ? { locations: [{ physicalLocation: { artifactLocation: artifactLocation(p.file, root), ...(p.line ? { region: { startLine: p.line, startColumn: p.column || 1 } } : {}) } }] }
                : {}),
            })),
          },
        ],
        columnKind: "utf16CodeUnits",
        originalUriBaseIds: srcRoot(root),
        results: [],
      },
    ],
  };
  return JSON.stringify(out, null, 2) + "\n";
};
