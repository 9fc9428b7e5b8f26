/**
 * The engine: runs rules over campaigns and collects findings at source positions.
 * It touches no file system, prints nothing and never exits. A rule that throws
 * becomes one internal-error finding on that file; the run goes on.
 */
import { branchLabel, type Campaign, type Variant } from "../campaign/model.js";
import type { LoadedConfig } from "../config/load.js";
import type { SettingsResolver } from "../config/settings.js";
import { SourceFile } from "../text/source-file.js";
import type { Channel, Severity } from "../types.js";
import { formatMessage, type Report, type Rule, type RuleContext } from "./rule.js";

export interface LintFix {
  /** UTF-16 offsets in the file's text (BOM excluded). */
  range: [number, number];
  text: string;
}

export interface LintMessage {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  messageId?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  channels?: Channel[];
  fix?: LintFix;
  suggestions?: { desc: string; fix: LintFix }[];
  /** Other places the finding involves (LSP relatedInformation). */
  related?: { file: SourceFile; line: number; column: number; endLine: number; endColumn: number; message: string }[];
}

/**
 * A linted file whose text was dropped once its campaign was done (`lint({ keepTexts: false })`,
 * what the CLI runs): no finding points at it and it holds no suppression comment, so its
 * result needs only its path. Its `text` is empty.
 */
export class ReleasedFile extends SourceFile {
  constructor(path: string, bom = false) {
    super(path, "", bom);
  }
}

export interface FileResult {
  file: SourceFile;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

/** A finding before positions are turned into lines and columns. */
export interface RawFinding {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  messageId?: string;
  file: SourceFile;
  start: number;
  end: number;
  channels: Set<Channel>;
  fix?: { start: number; end: number; text: string };
  suggestions?: { desc: string; start: number; end: number; text: string }[];
  related?: { file: SourceFile; start: number; end: number; message: string }[];
}

export interface EngineOptions {
  /** The campaigns being linted: findings are reported only on their files. */
  campaigns: Campaign[];
  /**
   * Every campaign of the project (metadata only), for project-scope rules, which
   * compare campaigns however few are being linted. Default: `campaigns`.
   */
  index?: Campaign[];
  rules: readonly Rule<never>[];
  settings: SettingsResolver;
  /** Only this channel's variants (--channel). */
  channel?: Channel;
  /** Run only these rules (tests, focused runs). */
  only?: readonly string[];
  /** Report the campaigns' own problems (parse errors, bad metadata); default true. */
  includeProblems?: boolean;
  /**
   * The run lints the campaigns someone is working on (named files, --changed-since):
   * a project finding placed on another campaign moves to its alternate on a linted one.
   */
  focus?: boolean;
}

/** Options object for a rule: its defaults, overlaid with the config's. */
export function ruleOptions(rule: Rule<never>, configured: Record<string, unknown> | undefined): Record<string, unknown> {
  return { ...(rule.meta.defaultOptions as Record<string, unknown>), ...(configured ?? {}) };
}

export function severityFor(rule: Rule<never>, configured: Severity | undefined): Severity {
  if (configured !== undefined) return configured;
  return rule.meta.defaultSeverity === "error" ? 2 : 1;
}

function dirOf(file: string): string {
  const i = Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\"));
  return i < 0 ? file : file.slice(0, i);
}

function primaryFile(c: Campaign): SourceFile | undefined {
  return c.messageFile ?? c.metaSource?.file ?? c.files[0];
}

/** Runs every enabled rule and returns the raw findings (deduplicated, channels merged). */
export function runRules(opts: EngineOptions): RawFinding[] {
  const found = new Map<string, RawFinding>();
  const add = (f: RawFinding) => {
    const key = `${f.ruleId}\u0000${f.file.path}\u0000${f.start}\u0000${f.end}\u0000${f.message}`;
    const prev = found.get(key);
    if (prev) {
      for (const c of f.channels) prev.channels.add(c);
      prev.severity = Math.max(prev.severity, f.severity) as 1 | 2;
      return;
    }
    found.set(key, f);
  };
  for (const c of opts.includeProblems === false ? [] : opts.campaigns)
    for (const p of c.problems) {
      if (opts.channel && p.channels && !p.channels.includes(opts.channel)) continue;
      add({ ...p, channels: new Set(p.channels ?? []) });
    }

  const crashed = new Set<string>();
  const spots = new Set<string>();
  const run = (
    rule: Rule<never>,
    severity: 1 | 2,
    options: Record<string, unknown>,
    config: LoadedConfig,
    campaign: Campaign,
    variant: Variant | undefined,
    variants: Variant[],
    fallbackFile: SourceFile,
    campaigns: Campaign[] = opts.campaigns,
    keep: (f: RawFinding) => boolean = () => true,
    linted: (f: RawFinding) => boolean = keep,
  ) => {
    const id = rule.meta.id;
    // A rendering with another {{#if}} branch adds only what the samples' rendering does not find at that spot.
    const addBranch = (f: RawFinding) => {
      const spot = `${f.ruleId}\u0000${f.file.path}\u0000${f.start}\u0000${f.end}`;
      if (!variant?.branch) spots.add(spot);
      else if (spots.has(spot)) return;
      else if (!branchLabel(variant, f.file, f.start)) f.message += ` (${variant.branch})`;
      add(f);
    };
    const ctx: RuleContext<Record<string, unknown>> = {
      ruleId: id,
      options,
      config,
      campaign,
      variant,
      variants,
      campaigns,
      report: (r: Report) => {
        const f = toRaw(id, severity, rule, r, variant);
        if (f && keep(f)) return addBranch(f);
        // Reported on a campaign this run does not lint: tell a linted one that fills the same window.
        if (!f || !opts.focus || linted(f)) return;
        for (const a of r.alternates ?? []) {
          const g = toRaw(id, severity, rule, a, variant);
          if (g && keep(g)) return addBranch(g);
        }
      },
    };
    try {
      (rule.check as (c: RuleContext<Record<string, unknown>>) => void)(ctx);
    } catch (e) {
      const file = variant?.file ?? fallbackFile;
      const key = `${id}\u0000${file.path}`;
      if (crashed.has(key)) return;
      crashed.add(key);
      const why = e instanceof Error ? e.message : String(e);
      add({
        ruleId: "internal-error",
        severity: 2,
        message: `rule "${id}" crashed on this file (${why.split("\n")[0]}); the other rules still ran — please report this with the file`,
        file,
        start: 0,
        end: 0,
        channels: new Set(variant ? [variant.channel] : []),
      });
    }
  };

  /** A rule's severity, options and config for a file (overrides applied); undefined when it is off there. */
  const resolved = (rule: Rule<never>, file: SourceFile): { sev: 1 | 2; options: Record<string, unknown>; config: LoadedConfig } | undefined => {
    const s = opts.settings.forFile(file.path);
    const setting = s.rules.get(rule.meta.id);
    const sev = severityFor(rule, setting?.severity);
    return sev === 0 ? undefined : { sev, options: ruleOptions(rule, setting?.options), config: s.config };
  };

  const selected = opts.only ? opts.rules.filter((r) => opts.only!.includes(r.meta.id)) : opts.rules;
  for (const rule of selected) {
    const meta = rule.meta;
    if (meta.scope === "project") {
      // One run per distinct setting among the linted campaigns (overrides can differ by
      // folder), over the whole index; each run keeps the findings on its own campaigns.
      const groups = new Map<string, { sev: 1 | 2; options: Record<string, unknown>; config: LoadedConfig; file: SourceFile; dirs: Set<string> }>();
      for (const c of opts.campaigns) {
        const file = primaryFile(c);
        const r = file && resolved(rule, file);
        if (!file || !r) continue;
        const { sev, options, config } = r;
        const key = JSON.stringify([sev, options, config === opts.settings.config ? "" : file.path]);
        const g = groups.get(key) ?? { sev, options, config, file, dirs: new Set<string>() };
        g.dirs.add(c.dir);
        groups.set(key, g);
      }
      const index = opts.index ?? opts.campaigns;
      const linted = new Set(opts.campaigns.map((c) => c.dir));
      for (const g of groups.values())
        run(rule, g.sev, g.options, g.config, index[0] ?? opts.campaigns[0]!, undefined, [], g.file, index, (f) => g.dirs.has(dirOf(f.file.path)), (f) => linted.has(dirOf(f.file.path)));
      continue;
    }
    for (const campaign of opts.campaigns) {
      const variants = campaign.variants.filter((v) => meta.channels.includes(v.channel) && (!opts.channel || v.channel === opts.channel));
      if (meta.scope === "campaign") {
        const file = primaryFile(campaign);
        const r = file && resolved(rule, file);
        if (!file || !r) continue;
        run(rule, r.sev, r.options, r.config, campaign, undefined, variants, file);
        continue;
      }
      for (const variant of variants.flatMap((v) => [v, ...(v.alternates ?? [])])) {
        const r = resolved(rule, variant.file);
        if (r) run(rule, r.sev, r.options, r.config, campaign, variant, variants, variant.file);
      }
    }
  }
  return [...found.values()];
}

function toRaw(ruleId: string, severity: 1 | 2, rule: Rule<never>, r: Report, variant: Variant | undefined): RawFinding | undefined {
  const template = rule.meta.messages[r.messageId];
  if (template === undefined) throw new Error(`rule ${ruleId} reported unknown messageId "${r.messageId}"`);
  const message = formatMessage(template, r.data);
  let file: SourceFile;
  let start: number;
  let end: number;
  let exact = true;
  if ("text" in r.at) {
    const loc = r.at.text.locate(r.at.start, r.at.end);
    if (!loc) return undefined;
    ({ file, start, end, exact } = loc);
    // A fix may only replace exactly the characters the rule saw.
    if (exact && end - start !== r.at.end - r.at.start) exact = false;
  } else ({ file, start, end } = r.at);
  const channels = new Set<Channel>(r.channels ?? (variant ? [variant.channel] : []));
  const branch = branchLabel(variant, file, start);
  const f: RawFinding = { ruleId, severity: r.severity ?? severity, message: branch ? `${message} (${branch})` : message, messageId: r.messageId, file, start, end, channels };
  if (r.related?.length) {
    f.related = [];
    for (const x of r.related) {
      const at = "text" in x.at ? x.at.text.locate(x.at.start, x.at.end) : x.at;
      if (at) f.related.push({ file: at.file, start: at.start, end: at.end, message: x.message });
    }
  }
  // Like ESLint's: a fix or a suggestion from a rule whose meta does not declare them is a bug in the rule.
  if (r.fix !== undefined && !rule.meta.fixable) throw new Error(`rule ${ruleId} reported a fix but its meta says fixable: false`);
  if (r.suggestions?.length && !rule.meta.hasSuggestions) throw new Error(`rule ${ruleId} reported suggestions but its meta does not set hasSuggestions`);
  if (r.fix !== undefined) {
    if (typeof r.fix === "string") {
      if (exact) f.fix = { start, end, text: r.fix };
    } else if (r.fix.file === file || r.fix.file.path === file.path) f.fix = { start: r.fix.start, end: r.fix.end, text: r.fix.text };
  }
  if (r.suggestions?.length && exact) {
    f.suggestions = r.suggestions.map((s) => ({
      desc: s.desc ?? formatMessage(rule.meta.messages[s.messageId ?? ""] ?? "", s.data),
      start,
      end,
      text: s.text,
    }));
  }
  return f;
}

/** Groups raw findings by file into ESLint-shaped results; every file gets a result. */
export function toResults(files: readonly SourceFile[], findings: readonly RawFinding[]): FileResult[] {
  const byPath = new Map<string, FileResult>();
  const order: FileResult[] = [];
  const resultFor = (file: SourceFile) => {
    let r = byPath.get(file.path);
    if (!r) {
      r = { file, messages: [], errorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
      byPath.set(file.path, r);
      order.push(r);
    }
    return r;
  };
  for (const f of files) resultFor(f);
  for (const f of findings) {
    const r = resultFor(f.file);
    const s = f.file.positionAt(f.start);
    const e = f.file.positionAt(Math.max(f.start, f.end));
    const m: LintMessage = {
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      ...(f.messageId ? { messageId: f.messageId } : {}),
      line: s.line,
      column: s.column,
      endLine: e.line,
      endColumn: e.column,
      ...(f.channels.size ? { channels: [...f.channels].sort(channelOrder) } : {}),
      ...(f.fix ? { fix: { range: [f.fix.start, f.fix.end] as [number, number], text: f.fix.text } } : {}),
      ...(f.suggestions ? { suggestions: f.suggestions.map((x) => ({ desc: x.desc, fix: { range: [x.start, x.end] as [number, number], text: x.text } })) } : {}),
      ...(f.related?.length
        ? {
            related: f.related.map((x) => {
              const a = x.file.positionAt(x.start);
              const b = x.file.positionAt(Math.max(x.start, x.end));
              return { file: x.file, line: a.line, column: a.column, endLine: b.line, endColumn: b.column, message: x.message };
            }),
          }
        : {}),
    };
    r.messages.push(m);
    countMessage(r, m);
  }
  for (const r of order) {
    r.messages.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message));
    if (r.messages.length > MAX_FINDINGS_PER_FILE) capFindings(r);
  }
  return order.sort((a, b) => a.file.path.localeCompare(b.file.path));
}

/** A file with more findings than this is broken in one repeated way: the rest are summed up in one finding. */
export const MAX_FINDINGS_PER_FILE = 1000;

function capFindings(r: FileResult): void {
  const rest = r.messages.slice(MAX_FINDINGS_PER_FILE);
  const first = rest[0]!;
  r.messages.length = MAX_FINDINGS_PER_FILE;
  r.errorCount = r.warningCount = r.fixableErrorCount = r.fixableWarningCount = 0;
  const errors = rest.filter((m) => m.severity === 2).length;
  const byRule = new Map<string, number>();
  for (const m of rest) byRule.set(m.ruleId, (byRule.get(m.ruleId) ?? 0) + 1);
  const top = [...byRule].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
  r.messages.push({
    ruleId: "too-many-findings",
    severity: errors ? 2 : 1,
    message: `brandlint stopped listing findings in this file after ${MAX_FINDINGS_PER_FILE}: ${rest.length} more from here on (${errors} errors; ${top[1]} of them ${top[0]}); fix the ones above first`,
    line: first.line,
    column: first.column,
    endLine: first.line,
    endColumn: first.column,
  });
  for (const m of r.messages) countMessage(r, m);
}

function countMessage(r: FileResult, m: LintMessage): void {
  if (m.severity === 2) {
    r.errorCount++;
    if (m.fix) r.fixableErrorCount++;
  } else {
    r.warningCount++;
    if (m.fix) r.fixableWarningCount++;
  }
}

const ORDER = ["email", "sms", "push", "whatsapp", "social"];
function channelOrder(a: string, b: string): number {
  return ORDER.indexOf(a) - ORDER.indexOf(b);
}
