/**
 * The command line: a thin layer over the API. The only place that knows about
 * argv, stdout/stderr and exit codes (0 clean, 1 lint errors, 2 could not run).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { setFlagsFromString } from "node:v8";
import { ConfigError } from "../config/load.js";
import { PathError } from "../campaign/discover.js";
import { GitError } from "../git.js";
import { OptionError } from "../errors.js";
import { defaultThreadsHelp, lint, type LintOptions } from "../lint.js";
import type { FileResult } from "../engine/linter.js";
import type { FormatStream, StreamFormatter } from "../report/types.js";
import { startProgress } from "./progress.js";
import { FAILURE_FORMATTERS, FORMAT_STREAMS, type RunProblem } from "../report/index.js";
import { relativePath } from "../report/paths.js";
import type { RuleInfo } from "../report/types.js";
import { packageRoot, packageVersion } from "../paths.js";
import { repositoryRoot } from "./root.js";
import { didYouMean } from "../text/suggest.js";
import { CHANNELS, type Channel } from "../types.js";
import type { Rule } from "../engine/rule.js";

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  /** Show a progress bar on stderr (stderr is a terminal). */
  progress?: boolean;
  /** Colours on stdout (a terminal, NO_COLOR empty or unset, or FORCE_COLOR; see colorEnabled). */
  color: boolean;
  /** stdout is a terminal: control characters in findings are shown escaped. */
  terminal?: boolean;
  env: NodeJS.ProcessEnv;
}

/** A problem with how brandlint was called: one message, exit 2. */
export class UsageError extends Error {}

const HELP = `brandlint ${packageVersion} — keep every customer message on brand, on every channel

Usage:
  brandlint [paths...] [options]        lint campaigns (default: ./templates)
  brandlint render <message.md> [--channel c] [--out dir] [--data file.json]
                                        write the campaign's channel variants
  brandlint preview [paths...] [--out dir] [--serve] [--port n]
                                        static HTML gallery of every variant, with findings
  brandlint init [--hook]               scaffold a config, an example campaign and hook configs
                                        (--hook: install a git pre-commit hook)
  brandlint rules [--format json]       list the rules
  brandlint lsp --stdio                 language server for editors (docs/integrations.md)
  brandlint --help | --version

Options:
  --config <file>          brand config (default: brand.config.json found upward)
  --format, -f <name>      stylish (default) | json | sarif | github | unix
  --fix                    apply safe fixes, atomically, then re-lint
  --max-warnings <n>       exit 1 when there are more than n warnings
  --quiet                  report errors only
  --channel <name>         only this channel's variants (${CHANNELS.join(", ")})
  --cache                  skip campaigns unchanged since the last run
  --cache-location <path>  cache file or folder (default: .brandlintcache)
  --shard <i/n>            lint only part i of n of the campaigns (CI matrix jobs)
  --changed-since <ref>    only campaigns changed since a git ref (all when the config changed)
  --workers <n>            threads that lint, this one included (default: see below; 1 = no worker threads)
  --watch, -w              re-lint when a template or the config changes
  --suppress-all           record today's errors in brandlint-suppressions.json
  --suppress-rule <id>     the same for one rule (repeatable)
  --prune-suppressions     drop suppressions for errors that are fixed
  --suppressions-location <file>  default: brandlint-suppressions.json beside the config
  -h, --help               show this help
  -v, --version            show the version

{threads}

Exit codes: 0 clean, 1 lint errors (or too many warnings), 2 could not run.
`;

const RENDER_HELP = `Usage: brandlint render <message.md|campaign-folder> [options]

Renders a campaign into the files each channel receives: email.mjml, email.html,
sms.txt, push.json, whatsapp.txt, social.txt (only the campaign's channels).

Options:
  --channel <name>   only this channel; without --out, print it to stdout
  --out, -o <dir>    where to write (default: out/<campaign>); files the previous
                     render wrote there and this one does not are removed
                     (listed in .brandlint-render.json; changed files are kept)
  --data <file.json> real variable values instead of the config's samples
  --config <file>    brand config (default: brand.config.json found upward)

Problems in the campaign's files are printed; exit code 1 when a file could not be
rendered (mjml refused the email), 0 otherwise.
`;

const LINT_OPTIONS = {
  config: { type: "string" },
  format: { type: "string", short: "f" },
  fix: { type: "boolean" },
  "max-warnings": { type: "string" },
  quiet: { type: "boolean" },
  channel: { type: "string" },
  cache: { type: "boolean" },
  "cache-location": { type: "string" },
  shard: { type: "string" },
  "changed-since": { type: "string" },
  workers: { type: "string" },
  "suppress-all": { type: "boolean" },
  "suppress-rule": { type: "string", multiple: true },
  "prune-suppressions": { type: "boolean" },
  "suppressions-location": { type: "string" },
  watch: { type: "boolean", short: "w" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} satisfies ParseArgsConfig["options"];

/** parseArgs with errors a person understands (unknown options get a "did you mean"). */
export function parseOptions<T extends NonNullable<ParseArgsConfig["options"]>>(args: string[], options: T): ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    const err = e as { code?: string; message: string };
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(err.message);
    if (unknown) {
      const names = Object.keys(options).map((n) => `--${n}`);
      const guess = didYouMean(unknown[1]!, names);
      throw new UsageError(`unknown option ${unknown[1]}${guess ? ` — did you mean ${guess}?` : ""} (see brandlint --help)`);
    }
    const ambiguous = /Option '(?:-\w, )?(--[\w-]+)' argument is ambiguous/.exec(err.message);
    if (ambiguous) throw new UsageError(`option ${ambiguous[1]} needs a value (see brandlint --help); for a value starting with "-", write ${ambiguous[1]}=<value>`);
    const missing = /Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(err.message);
    if (missing) throw new UsageError(`option ${missing[1]} needs a value (see brandlint --help)`);
    throw new UsageError(err.message.split("\n")[0]!.replace(/\. To specify.*$/, ""));
  }
}

export function ruleInfos(rules: readonly Rule<never>[]): RuleInfo[] {
  return rules.map((r) => ({ id: r.meta.id, description: r.meta.description, rationale: r.meta.rationale, url: r.meta.docs.url, defaultSeverity: r.meta.defaultSeverity }));
}

/**
 * How much V8 lets the heap grow past what a full collection left alive, in percent. By
 * default it grows up to 4× the live data, and a lint run's garbage (each campaign's parse
 * trees and rendered variants) outlives the young generation: at 10,000 campaigns, one
 * thread, 350 MB of heap held 80 MB alive. Measured at 1,000 bench campaigns (one thread,
 * peak RSS, user CPU): default 350 MB 26.9 s; 100% 266 MB 20.8 s; 50% 229 MB 22.3 s; 20%
 * 216 MB 20.9 s (no CPU cost within the noise of a shared machine). Process-wide, so worker
 * threads started afterwards follow it. Only the lint command sets it (not the API).
 */
export const HEAP_GROWING_PERCENT = 20;

/** Sets HEAP_GROWING_PERCENT unless the user chose V8's heap growth themselves. */
export function tuneHeapGrowth(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? "", setFlags: (flags: string) => void = setFlagsFromString): boolean {
  if ([...execArgv, nodeOptions].some((a) => /--heap[-_]growing[-_]percent/.test(a))) return false;
  setFlags(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return true;
}

async function lintCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args, LINT_OPTIONS);
  if (values.help) {
    io.stdout(HELP.replace("{threads}", defaultThreadsHelp()));
    return 0;
  }
  if (values.version) {
    io.stdout(`${packageVersion}\n`);
    return 0;
  }
  const format = values.format ?? "stylish";
  const formatter = FORMAT_STREAMS[format];
  if (!formatter) {
    const guess = didYouMean(format, Object.keys(FORMAT_STREAMS));
    throw new UsageError(`unknown format "${format}"${guess ? ` — did you mean "${guess}"?` : ""} (one of: ${Object.keys(FORMAT_STREAMS).join(", ")})`);
  }
  let maxWarnings = -1;
  if (values["max-warnings"] !== undefined) {
    const raw = values["max-warnings"];
    if (!/^-?\d+$/.test(raw) || Number(raw) < -1) throw new UsageError(`--max-warnings needs a whole number (or -1 for no limit), not "${raw}"`);
    maxWarnings = Number(raw);
  }
  const channel = values.channel === undefined ? undefined : checkChannel(values.channel);
  let shard: { index: number; count: number } | undefined;
  if (values.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(values.shard);
    if (!m || Number(m[2]) < 1 || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) throw new UsageError(`--shard needs i/n with 1 ≤ i ≤ n, like 2/4, not "${values.shard}"`);
    shard = { index: Number(m[1]), count: Number(m[2]) };
  }
  let workers: number | undefined;
  if (values.workers !== undefined) {
    if (!/^\d+$/.test(values.workers) || Number(values.workers) < 1) throw new UsageError(`--workers needs a whole number of threads (1 = none), not "${values.workers}"`);
    workers = Number(values.workers);
  }
  const supModes = [values["suppress-all"], values["suppress-rule"]?.length, values["prune-suppressions"]].filter(Boolean).length;
  if (supModes > 1) throw new UsageError("use only one of --suppress-all, --suppress-rule and --prune-suppressions at a time");
  const options: LintOptions = {
    cwd: io.cwd,
    paths: positionals,
    configPath: values.config,
    channel,
    fix: values.fix,
    cache: values.cache,
    cacheLocation: values["cache-location"],
    shard,
    changedSince: values["changed-since"],
    keepCampaigns: false,
    keepTexts: false,
    workers,
    suppressions: {
      mode: values["suppress-all"] ? "suppress-all" : values["suppress-rule"]?.length ? "suppress-rules" : values["prune-suppressions"] ? "prune" : "apply",
      rules: values["suppress-rule"],
      file: values["suppressions-location"],
    },
  };
  const run = () => lintOnce(options, io, { format, formatter, quiet: values.quiet, maxWarnings, ruleChecks: values["suppress-rule"] });
  // Back to V8's default afterwards, for callers that go on in the same process (tests; scripts/code-cache.js sets the chunks' flags again, bin/load-cli.cjs CHUNK_FLAGS, before it makes the caches).
  const tuned = tuneHeapGrowth();
  try {
    if (values.watch) {
      const { watch } = await import("./watch.js");
      return await watch(options, io, run);
    }
    return await run();
  } finally {
    if (tuned) setFlagsFromString("--heap-growing-percent=0");
  }
}

/**
 * A run that could not happen, also in the chosen format where something reads it: GitHub
 * annotations, a valid SARIF log for the upload step, lines the editor's problem matcher
 * reads. Returns what to print on stdout, and what replaces the plain message on stderr.
 */
function renderFailure(e: unknown, format: string, io: Io): { stdout?: string; stderr?: string } {
  const render = FAILURE_FORMATTERS[format];
  if (!render || !(e instanceof ConfigError || e instanceof UsageError || e instanceof PathError || e instanceof GitError)) return {};
  const problems: RunProblem[] =
    e instanceof ConfigError
      ? e.problems.map((p) => ({ message: p.message, file: path.resolve(io.cwd, p.file), ...(p.line > 0 ? { line: p.line, column: p.column } : {}) }))
      : [{ message: e.message }];
  const text = render(problems, { cwd: io.cwd, root: repositoryRoot(io.cwd, io.cwd), rules: [], version: packageVersion, terminal: io.terminal, docsBase: docsBase() });
  // The problem matcher reads the terminal: there the unix lines replace the plain message.
  return format === "unix" ? { stderr: text } : { stdout: text };
}

/** The --format of a lint command line, read loosely (the options may be what failed to parse). */
function formatOf(argv: readonly string[]): string | undefined {
  if (["rules", "render", "preview", "init"].includes(argv[0] ?? "")) return undefined;
  let format: string | undefined;
  argv.forEach((a, i) => {
    const m = /^(?:--format|-f)(?:=(.*))?$/.exec(a);
    if (m) format = m[1] ?? argv[i + 1];
  });
  return format;
}

let docsBaseCache: string | null | undefined;
/** Where this version's rule docs are online: from package.json's repository (GitHub), tied to the version's tag. */
export function docsBase(): string | undefined {
  if (docsBaseCache === undefined) {
    const pkg = JSON.parse(readFileSync(path.join(packageRoot, "package.json"), "utf8")) as { repository?: string | { url?: string } };
    const url = typeof pkg.repository === "string" ? pkg.repository : pkg.repository?.url;
    const m = url && /github\.com[/:]([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(url);
    docsBaseCache = m ? `https://github.com/${m[1]}/blob/v${packageVersion}/` : null;
  }
  return docsBaseCache ?? undefined;
}

interface OutputOptions {
  format: string;
  formatter: StreamFormatter;
  quiet?: boolean;
  maxWarnings: number;
  ruleChecks?: string[];
}

/**
 * One lint run, printed as it goes: each file's result is formatted as soon as it is final and
 * written once every file before it is (see LintOptions.stream). Returns the exit code.
 */
export async function lintOnce(options: LintOptions, io: Io, out: OutputOptions): Promise<number> {
  const progress = io.progress ? startProgress(io) : undefined;
  // A progress bar and findings on one terminal would be drawn over each other: then the report waits for the end.
  const writer = new ChunkWriter(io.stdout, !(progress && io.terminal));
  let format: FormatStream | undefined;
  let errors = 0;
  let warnings = 0;
  let report;
  try {
    report = await lint({
      ...options,
      onProgress: progress?.update,
      stream: ({ config, rules }) => {
        const f = (format = out.formatter({
          cwd: io.cwd,
          // The repository of the config (git's top folder, else the config's folder), whatever the cwd.
          root: repositoryRoot(config.dir),
          color: io.color,
          terminal: io.terminal,
          rules: ruleInfos(rules),
          version: packageVersion,
          docsBase: docsBase(),
        }));
        return {
          item: (r: FileResult) => {
            warnings += r.warningCount;
            const shown = out.quiet ? { ...r, messages: r.messages.filter((m) => m.severity === 2), warningCount: 0, fixableWarningCount: 0 } : r;
            errors += shown.errorCount;
            return f.item(shown);
          },
          write: (item: unknown) => writer.write(f.write(item)),
          flush: () => writer.flush(),
        };
      },
    });
  } finally {
    progress?.done();
  }
  if (format) for (const p of format.end()) writer.write(p);
  writer.flush(true);
  if (report.suppressionsWritten) io.stderr(`brandlint: wrote ${relativePath(report.suppressionsWritten, io.cwd)}\n`);
  for (const e of report.fixErrors) io.stderr(`brandlint: ${e}\n`);
  if (errors > 0) return 1;
  if (out.maxWarnings >= 0 && warnings > out.maxWarnings) {
    io.stderr(`brandlint found too many warnings (${warnings}; the maximum is ${out.maxWarnings}).\n`);
    return 1;
  }
  return 0;
}

/** Gathers output into writes of about WRITE_CHUNK characters; `flush` writes what is gathered (when flushing is on, or at the end). */
class ChunkWriter {
  private buf = "";
  constructor(
    private readonly out: (s: string) => void,
    private readonly flushing: boolean,
  ) {}
  write(s: string): void {
    this.buf += s;
    if (this.flushing && this.buf.length >= WRITE_CHUNK) this.flush();
  }
  flush(last = false): void {
    if (!this.buf || !(this.flushing || last)) return;
    this.out(this.buf);
    this.buf = "";
  }
}

/** Output at most this long is written at once (a report is written as it is formatted, never built whole). */
export const WRITE_CHUNK = 64 * 1024;

/** Writes a formatter's pieces, gathered into writes of about WRITE_CHUNK characters (as the CLI's ChunkWriter writes a report). */
export function writePieces(pieces: Iterable<string>, write: (s: string) => void): void {
  const writer = new ChunkWriter(write, true);
  for (const p of pieces) writer.write(p);
  writer.flush(true);
}

async function renderCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    channel: { type: "string" },
    out: { type: "string", short: "o" },
    data: { type: "string" },
    config: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    io.stdout(RENDER_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`render takes one message.md or campaign folder${positionals.length ? `, not ${positionals.length}` : ""} (see brandlint render --help)`);
  const channel = values.channel === undefined ? undefined : checkChannel(values.channel);
  let data: Record<string, string> | undefined;
  if (values.data !== undefined) data = readData(path.resolve(io.cwd, values.data), values.data);
  const { render } = await import("../render-api.js");
  const result = await render(positionals[0]!, { cwd: io.cwd, configPath: values.config, channel, data });
  for (const p of result.campaign.problems)
    io.stderr(`${path.relative(io.cwd, p.file.path) || p.file.path}:${p.file.positionAt(p.start).line}:${p.file.positionAt(p.start).column}: ${p.severity === 2 ? "error" : "warning"}: ${p.message} [${p.ruleId}]\n`);
  if (channel && values.out === undefined) {
    const file = result.files.find((f) => f.name.endsWith(".html")) ?? result.files[0];
    if (file && !result.unrendered.length) io.stdout(file.text);
    return result.unrendered.length ? 1 : 0;
  }
  if (!result.files.length)
    throw new UsageError(`nothing to render: ${path.relative(io.cwd, result.campaign.dir) || "."} holds no message.md and no channel template (render takes a campaign's message.md, one of its files, or its folder)`);
  // Every path is checked to stay inside the folder --out names, or without it inside out/
  // (which must be a real folder): a link committed at out/ or out/<campaign> leads nowhere else.
  const root = path.resolve(io.cwd, values.out ?? "out");
  const out = values.out === undefined ? path.join(root, result.campaign.id) : root;
  const { RenderOutputError, writeRenderOutput } = await import("./render-out.js");
  let written;
  try {
    written = writeRenderOutput(root, out, result.campaign.id, result.files, { rootIsReal: values.out === undefined });
  } catch (e) {
    if (e instanceof RenderOutputError) throw new UsageError(e.message);
    throw e;
  }
  const shown = path.relative(io.cwd, out) || ".";
  if (written.removed.length) io.stderr(`brandlint: removed ${written.removed.join(", ")} from ${shown} (written there by the previous render)\n`);
  if (written.kept.length) io.stderr(`brandlint: left ${written.kept.join(", ")} in ${shown}: the previous render wrote them, but they were changed since\n`);
  io.stderr(`brandlint: wrote ${result.files.map((f) => f.name).join(", ")} to ${shown}\n`);
  return result.unrendered.length ? 1 : 0;
}

function checkChannel(value: string): Channel {
  if ((CHANNELS as readonly string[]).includes(value)) return value as Channel;
  const guess = didYouMean(value, CHANNELS);
  throw new UsageError(`unknown channel "${value}"${guess ? ` — did you mean "${guess}"?` : ""} (one of: ${CHANNELS.join(", ")})`);
}

function readData(file: string, shown: string): Record<string, string> {
  let raw: string;
  try {
    raw = readFileSync(file, "utf8");
  } catch {
    throw new UsageError(`--data: cannot read ${shown}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(raw.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new UsageError(`--data: ${shown} is not valid JSON (${(e as Error).message})`);
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new UsageError(`--data: ${shown} must be a JSON object of variable values, like {"firstName": "Ana"}`);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") throw new UsageError(`--data: "${k}" in ${shown} must be text, a number or true/false`);
    out[k] = String(v);
  }
  return out;
}

async function rulesCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseOptions(args, { format: { type: "string", short: "f" }, help: { type: "boolean", short: "h" } });
  if (values.help) {
    io.stdout("Usage: brandlint rules [--format json]\n\nLists every rule with its channels, whether --fix can fix it, and what it checks.\n");
    return 0;
  }
  // The rules of the project here: built-in and the config's custom rules (built-in only without a config).
  const { loadProject } = await import("../setup.js");
  const { findConfig } = await import("../config/load.js");
  const rules = findConfig(io.cwd) ? (await loadProject({ cwd: io.cwd })).rules : await (await import("../rules-index.js")).loadRules();
  if (values.format === "json") {
    io.stdout(JSON.stringify(rules.map((r) => ({ id: r.meta.id, channels: r.meta.channels, fixable: r.meta.fixable, defaultSeverity: r.meta.defaultSeverity, description: r.meta.description, docs: r.meta.docs.url })), null, 2) + "\n");
    return 0;
  }
  const rows = rules.map((r) => [r.meta.id, r.meta.channels.length === CHANNELS.length ? "all" : r.meta.channels.join(","), r.meta.fixable ? "fixable" : "", r.meta.description]);
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((x) => x[i]!.length), 4));
  io.stdout(rows.map((x) => `${x[0]!.padEnd(w[0]!)}  ${x[1]!.padEnd(w[1]!)}  ${x[2]!.padEnd(w[2]!)}  ${x[3]}`).join("\n") + `\n\nDocs: docs/rules/<id>.md\n`);
  return 0;
}

/** Runs the CLI; returns the exit code. Never throws. */
export async function main(argv: string[], io: Io): Promise<number> {
  try {
    const [first, ...rest] = argv;
    if (first === "rules") return await rulesCommand(rest, io);
    if (first === "render") return await renderCommand(rest, io);
    if (first === "preview") return await (await import("./preview.js")).previewCommand(rest, io);
    if (first === "lsp") return await (await import("../lsp/server.js")).lspCommand(rest, io);
    if (first === "init") {
      const { initCommand } = await import("./init.js");
      return await initCommand(rest, io);
    }
    return await lintCommand(argv, io);
  } catch (e) {
    const shown = renderFailure(e, formatOf(argv) ?? "stylish", io);
    if (shown.stdout) io.stdout(shown.stdout);
    if (shown.stderr) {
      io.stderr(shown.stderr);
      return 2;
    }
    if (e instanceof ConfigError) {
      io.stderr(e.problems.map((p) => (p.line > 0 ? `${p.file}:${p.line}:${p.column}: ${p.message}` : `${p.file}: ${p.message}`)).join("\n") + "\n");
      return 2;
    }
    if (e instanceof UsageError || e instanceof OptionError || e instanceof PathError || e instanceof GitError) {
      io.stderr(`brandlint: ${e.message}\n`);
      return 2;
    }
    const err = e as Error;
    io.stderr(`brandlint: could not run: ${err?.message ?? String(e)}\n`);
    if (io.env.BRANDLINT_DEBUG) io.stderr(`${err?.stack ?? ""}\n`);
    return 2;
  }
}
