/**
 * The command line: a thin layer over the API. The only place that knows about
 * argv, stdout/stderr and exit codes (0 clean, 1 lint errors, 2 could not run).
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { ConfigError } from "../config/load.js";
import { PathError } from "../campaign/discover.js";
import { lint } from "../lint.js";
import { FORMATTERS } from "../report/index.js";
import type { RuleInfo } from "../report/types.js";
import { packageVersion } from "../paths.js";
import { didYouMean } from "../text/suggest.js";
import { CHANNELS, type Channel } from "../types.js";
import type { Rule } from "../engine/rule.js";

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  /** Is stdout a terminal (colours), and is NO_COLOR unset. */
  color: boolean;
  env: NodeJS.ProcessEnv;
}

/** A problem with how brandlint was called: one message, exit 2. */
export class UsageError extends Error {}

const HELP = `brandlint ${packageVersion} — keep every customer message on brand, on every channel

Usage:
  brandlint [paths...] [options]        lint campaigns (default: ./templates)
  brandlint rules                       list the rules
  brandlint --help | --version

Options:
  --config <file>          brand config (default: brand.config.json found upward)
  --format <name>          stylish (default) | json | sarif | github | unix
  --fix                    apply safe fixes, atomically, then re-lint
  --max-warnings <n>       exit 1 when there are more than n warnings
  --quiet                  report errors only
  --channel <name>         only this channel's variants (${CHANNELS.join(", ")})
  -h, --help               show this help
  -v, --version            show the version

Exit codes: 0 clean, 1 lint errors (or too many warnings), 2 could not run.
`;

const LINT_OPTIONS = {
  config: { type: "string" },
  format: { type: "string", short: "f" },
  fix: { type: "boolean" },
  "max-warnings": { type: "string" },
  quiet: { type: "boolean" },
  channel: { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} satisfies ParseArgsConfig["options"];

function parse<T extends NonNullable<ParseArgsConfig["options"]>>(args: string[], options: T) {
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
    const missing = /Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(err.message);
    if (missing) throw new UsageError(`option ${missing[1]} needs a value (see brandlint --help)`);
    throw new UsageError(err.message.split("\n")[0]!.replace(/\. To specify.*$/, ""));
  }
}

export function ruleInfos(rules: readonly Rule<never>[]): RuleInfo[] {
  return rules.map((r) => ({ id: r.meta.id, description: r.meta.description, rationale: r.meta.rationale, url: r.meta.docs.url, defaultSeverity: r.meta.defaultSeverity }));
}

async function lintCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, LINT_OPTIONS);
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  if (values.version) {
    io.stdout(`${packageVersion}\n`);
    return 0;
  }
  const format = values.format ?? "stylish";
  const formatter = FORMATTERS[format];
  if (!formatter) {
    const guess = didYouMean(format, Object.keys(FORMATTERS));
    throw new UsageError(`unknown format "${format}"${guess ? ` — did you mean "${guess}"?` : ""} (one of: ${Object.keys(FORMATTERS).join(", ")})`);
  }
  let maxWarnings = -1;
  if (values["max-warnings"] !== undefined) {
    const raw = values["max-warnings"];
    if (!/^-?\d+$/.test(raw) || Number(raw) < -1) throw new UsageError(`--max-warnings needs a whole number (or -1 for no limit), not "${raw}"`);
    maxWarnings = Number(raw);
  }
  let channel: Channel | undefined;
  if (values.channel !== undefined) {
    if (!(CHANNELS as readonly string[]).includes(values.channel)) {
      const guess = didYouMean(values.channel, CHANNELS);
      throw new UsageError(`unknown channel "${values.channel}"${guess ? ` — did you mean "${guess}"?` : ""} (one of: ${CHANNELS.join(", ")})`);
    }
    channel = values.channel as Channel;
  }
  const report = await lint({ cwd: io.cwd, paths: positionals, configPath: values.config, channel, fix: values.fix });
  let results = report.results;
  if (values.quiet) results = results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 2), warningCount: 0, fixableWarningCount: 0 }));
  const out = formatter(results, { cwd: io.cwd, color: io.color, rules: ruleInfos(report.rules), version: packageVersion });
  if (out) io.stdout(out);
  for (const e of report.fixErrors) io.stderr(`brandlint: ${e}\n`);
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = report.results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return 1;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    io.stderr(`brandlint found too many warnings (${warnings}; the maximum is ${maxWarnings}).\n`);
    return 1;
  }
  return 0;
}

async function rulesCommand(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, { format: { type: "string" }, help: { type: "boolean", short: "h" } });
  if (values.help) {
    io.stdout("Usage: brandlint rules [--format json]\n\nLists every rule with its channels, whether --fix can fix it, and what it checks.\n");
    return 0;
  }
  const { loadRules } = await import("../rules-index.js");
  const rules = await loadRules();
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
    return await lintCommand(argv, io);
  } catch (e) {
    if (e instanceof ConfigError) {
      io.stderr(e.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join("\n") + "\n");
      return 2;
    }
    if (e instanceof UsageError || e instanceof PathError) {
      io.stderr(`brandlint: ${e.message}\n`);
      return 2;
    }
    const err = e as Error;
    io.stderr(`brandlint: could not run: ${err?.message ?? String(e)}\n`);
    if (io.env.BRANDLINT_DEBUG) io.stderr(`${err?.stack ?? ""}\n`);
    return 2;
  }
}
