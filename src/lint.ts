/**
 * The programmatic API's main entry: files → campaigns → variants → findings.
 * It reads files and (with `fix`, `cache` or the suppressions options) writes them;
 * it never prints or exits.
 */
import { existsSync, readFileSync, writeFileSync, renameSync } from "node:fs";
import path from "node:path";
import { availableParallelism } from "node:os";
import { discoverCampaigns } from "./campaign/discover.js";
import { lintInWorkers, workerScript } from "./workers.js";
import { readSource } from "./campaign/files.js";
import { loadCampaign } from "./campaign/load.js";
import type { Campaign } from "./campaign/model.js";
import type { LoadedConfig } from "./config/load.js";
import { SettingsResolver } from "./config/settings.js";
import { changedCampaignDirs } from "./git.js";
import { campaignHash, cachePath, deserialize, hashOf, LintCache, serialize } from "./cache.js";
import { applyBaseline, asSuppressions, countErrors, mergeSuppressions, pruneSuppressions, SUPPRESSIONS_FILE, type Suppressions } from "./engine/baseline.js";
import { runRules, toResults, type FileResult, type RawFinding } from "./engine/linter.js";
import type { Rule } from "./engine/rule.js";
import { applySuppressions } from "./engine/suppress.js";
import { applyFixes } from "./fix/apply.js";
import { writeAtomic, FileChangedError } from "./fix/write.js";
import { packageVersion } from "./paths.js";
import { renderCampaign } from "./render/variants.js";
import { loadRules } from "./rules-index.js";
import { loadRulesAndConfig } from "./setup.js";
import type { SourceFile } from "./text/source-file.js";
import type { Channel } from "./types.js";

export interface LintOptions {
  /** Working directory (default process.cwd()). */
  cwd?: string;
  /** Files, folders or globs (default: templates/). */
  paths?: string[];
  /** Config file (default: brand.config.json found upward from cwd). */
  configPath?: string;
  /** An already loaded config (skips loading). */
  config?: LoadedConfig;
  /** Only this channel's variants. */
  channel?: Channel;
  /** Apply fixes and re-lint (writes files). */
  fix?: boolean;
  /** Run only these rules. */
  only?: string[];
  /** Skip unchanged campaigns using a cache file. */
  cache?: boolean;
  /** Cache file or folder (default .brandlintcache in cwd). */
  cacheLocation?: string;
  /** Lint only part i of n (1-based) of the campaigns, split deterministically. */
  shard?: { index: number; count: number };
  /** Only these campaign folders; absolute paths. */
  onlyDirs?: readonly string[];
  /** Only campaigns changed since this git ref (all of them when the config changed). */
  changedSince?: string;
  /** Bulk suppressions: apply the file (default when it exists), or write/prune it. */
  suppressions?: { mode?: "apply" | "suppress-all" | "suppress-rules" | "prune" | "ignore"; rules?: string[]; file?: string };
  /** Keep each campaign's rendered variants in the report (default true; the CLI drops them to save memory). */
  keepCampaigns?: boolean;
  /** Worker threads (default: both cores once there are enough campaigns; 1 = none). */
  workers?: number;
  /** Called after each campaign is linted. */
  onProgress?: (done: number, total: number) => void;
}

export interface LintStats {
  campaigns: number;
  /** Campaigns parsed and rendered in this run (the rest came from the cache). */
  parsed: number;
  cached: number;
  /** Errors hidden by the suppressions file. */
  suppressed: number;
}

export interface LintReport {
  results: FileResult[];
  config: LoadedConfig;
  rules: readonly Rule<never>[];
  /** Campaigns parsed in the last pass (cached ones are not parsed). */
  campaigns: Campaign[];
  /** Files written by --fix, with the number of fixes applied. */
  fixed: { file: string; fixes: number }[];
  /** Problems writing fixes (a file changed meanwhile, a concurrent run). */
  fixErrors: string[];
  stats: LintStats;
  /** The suppressions file written, if any. */
  suppressionsWritten?: string;
}

/** Loads and renders campaign folders. */
export function loadCampaigns(dirs: readonly string[], config: LoadedConfig): Campaign[] {
  return dirs.map((dir) => loadRendered(dir, config));
}

function loadRendered(dir: string, config: LoadedConfig): Campaign {
  const c = loadCampaign(dir, config.data);
  c.variants = renderCampaign(c, config);
  return c;
}

/** Deterministic shard of sorted campaign folders: by a hash of the folder path, so adding a campaign moves no other. */
export function inShard(dir: string, root: string, shard: { index: number; count: number }): boolean {
  const rel = path.relative(root, dir).split(path.sep).join("/");
  const h = parseInt(hashOf(rel).slice(0, 8), 16);
  return h % shard.count === shard.index - 1;
}

interface Pass {
  findings: RawFinding[];
  files: SourceFile[];
  campaigns: Campaign[];
  parsed: number;
  cached: number;
}

async function lintPass(dirs: readonly string[], config: LoadedConfig, rules: readonly Rule<never>[], opts: LintOptions, cache: LintCache | undefined): Promise<Pass> {
  const settings = new SettingsResolver(config);
  const active = opts.only ? rules.filter((r) => opts.only!.includes(r.meta.id)) : rules;
  const local = active.filter((r) => r.meta.scope !== "project");
  const project = active.filter((r) => r.meta.scope === "project");
  const engine = { settings, channel: opts.channel };
  const findings: RawFinding[] = [];
  const files = new Map<string, SourceFile>();
  const byDir = new Map<string, Campaign>();
  const hashes: string[] = [];
  let cached = 0;
  let done = 0;
  const progress = () => opts.onProgress?.(++done, dirs.length);
  const fileFor = (p: string) => {
    let f = files.get(p);
    if (!f) {
      f = readSource(p).file;
      files.set(p, f);
    }
    return f;
  };
  // 1. Each campaign on its own: from the cache, or parsed, rendered and checked.
  const toParse: { dir: string; hash?: string }[] = [];
  for (const dir of dirs) {
    if (!cache) {
      toParse.push({ dir });
      continue;
    }
    const h = campaignHash(dir);
    hashes.push(`${dir}\u0000${h.hash}`);
    const hit = cache.get(dir, h.hash);
    if (!hit) {
      toParse.push({ dir, hash: h.hash });
      continue;
    }
    cached++;
    for (const p of hit.files) fileFor(p);
    findings.push(...hit.findings.map((c) => deserialize(c, fileFor)));
    progress();
  }
  const parsed = toParse.length;
  const workers = workerCount(opts, toParse.length);
  if (workers > 1) {
    // Campaigns for the cross-campaign rules are read here (metadata only), and their files
    // reused for the workers' results, so each file is held once.
    if (project.length)
      for (const { dir } of toParse) {
        const c = loadCampaign(dir, config.data);
        for (const f of c.files) files.set(f.path, f);
        byDir.set(dir, c);
      }
    const results = await lintInWorkers(
      toParse.map((t) => t.dir),
      workers,
      { cwd: opts.cwd ?? process.cwd(), configPath: config.file.path, channel: opts.channel, only: opts.only },
      progress,
    );
    for (const [i, r] of results.entries()) {
      for (const p of r.files) fileFor(p);
      findings.push(...r.findings.map((c) => deserialize(c, fileFor)));
      const hash = toParse[i]!.hash;
      if (cache && hash) cache.set(r.dir, { hash, files: r.files, findings: r.findings });
    }
  } else {
    for (const { dir, hash } of toParse) {
      const c = loadRendered(dir, config);
      for (const f of c.files) files.set(f.path, f);
      const fs = runRules({ ...engine, rules: local, campaigns: [c] });
      findings.push(...fs);
      if (cache && hash) cache.set(dir, { hash, files: c.files.map((f) => f.path), findings: fs.map(serialize) });
      // Rendered variants are dropped once checked, so memory stays flat on big repositories.
      if (opts.keepCampaigns === false) c.variants = [];
      byDir.set(dir, c);
      progress();
    }
  }
  // 2. Rules that look across campaigns need only their metadata.
  if (project.length) {
    const projectHash = cache ? hashOf(...hashes) : "";
    const hit = cache?.getProject(projectHash);
    if (hit) findings.push(...hit.map((c) => deserialize(c, fileFor)));
    else {
      const all = dirs.map((d) => byDir.get(d) ?? loadCampaign(d, config.data));
      const fs = runRules({ ...engine, rules: project, campaigns: all, includeProblems: false });
      findings.push(...fs);
      cache?.setProject(projectHash, fs.map(serialize));
    }
  }
  cache?.save(new Set(dirs));
  return { findings, files: [...files.values()], campaigns: dirs.map((d) => byDir.get(d)).filter((c): c is Campaign => !!c), parsed, cached };
}

/** Worker threads help once there is enough work to share; one campaign never needs them. */
export const WORKER_THRESHOLD = 150;

function workerCount(opts: LintOptions, campaigns: number): number {
  if (opts.workers !== undefined) return Math.max(1, Math.min(opts.workers, campaigns));
  if (campaigns < WORKER_THRESHOLD || !workerScript()) return 1;
  return Math.max(1, Math.min(availableParallelism(), 4));
}

function readSuppressions(file: string): Suppressions {
  if (!existsSync(file)) return {};
  try {
    return asSuppressions(JSON.parse(readFileSync(file, "utf8"))) ?? {};
  } catch {
    return {};
  }
}

export async function lint(opts: LintOptions = {}): Promise<LintReport> {
  const cwd = opts.cwd ?? process.cwd();
  const { rules, config } = opts.config ? { rules: await loadRules(), config: opts.config } : await loadRulesAndConfig(cwd, opts.configPath);
  let dirs = discoverCampaigns(opts.paths ?? [], cwd);
  if (opts.onlyDirs) {
    const only = new Set(opts.onlyDirs.map((d) => path.resolve(d)));
    dirs = dirs.filter((d) => only.has(d));
  }
  if (opts.changedSince !== undefined) {
    const changed = changedCampaignDirs(opts.changedSince, cwd, config.file.path);
    if (!changed.all) {
      const keep = new Set(changed.dirs);
      dirs = dirs.filter((d) => keep.has(d));
    }
  }
  if (opts.shard) dirs = dirs.filter((d) => inShard(d, config.dir, opts.shard!));
  const cache = opts.cache
    ? LintCache.open(cachePath(cwd, opts.cacheLocation), hashOf(packageVersion, config.file.path, config.file.text, rules.map((r) => r.meta.id).join(","), opts.channel ?? "", (opts.only ?? []).join(",")))
    : undefined;
  const knownRules = rules.map((r) => r.meta.id);
  let pass = await lintPass(dirs, config, rules, opts, cache);
  const parsedTotal = { parsed: pass.parsed, cached: pass.cached };
  const fixed = new Map<string, number>();
  const fixErrors: string[] = [];
  if (opts.fix) {
    for (let round = 0; round < 10; round++) {
      const findings = applySuppressions(pass.findings, pass.files, knownRules);
      const byFile = new Map<string, RawFinding[]>();
      for (const f of findings) if (f.fix) byFile.set(f.file.path, [...(byFile.get(f.file.path) ?? []), f]);
      // Never write a file that could not be parsed, nor the config.
      const unparsable = new Set(findings.filter((f) => f.ruleId === "parse-error").map((f) => f.file.path));
      let touched = 0;
      for (const [file, fs] of byFile) {
        if (unparsable.has(file) || file === config.file.path) continue;
        const src = fs[0]!.file;
        const { output, applied } = applyFixes(src.text, fs.map((f) => ({ range: [f.fix!.start, f.fix!.end], text: f.fix!.text })));
        if (!applied || output === src.text) continue;
        try {
          writeAtomic(file, output, src.bom, src.text, { root: config.dir });
          fixed.set(file, (fixed.get(file) ?? 0) + applied);
          touched++;
        } catch (e) {
          fixErrors.push(e instanceof FileChangedError ? e.message : `${file}: could not write the fix (${(e as Error).message})`);
        }
      }
      if (!touched) break;
      pass = await lintPass(dirs, config, rules, opts, cache);
    }
  }
  let findings = applySuppressions(pass.findings, pass.files, knownRules);
  const supFile = path.resolve(cwd, opts.suppressions?.file ?? path.join(config.dir, SUPPRESSIONS_FILE));
  const mode = opts.suppressions?.mode ?? "apply";
  let suppressed = 0;
  let suppressionsWritten: string | undefined;
  const writeSup = (s: Suppressions) => {
    const tmp = `${supFile}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(s, null, 2) + "\n");
    renameSync(tmp, supFile);
    suppressionsWritten = supFile;
  };
  if (mode === "suppress-all" || mode === "suppress-rules") {
    const counts = countErrors(findings, config.dir, mode === "suppress-rules" ? opts.suppressions?.rules : undefined);
    writeSup(mergeSuppressions(mode === "suppress-all" ? {} : readSuppressions(supFile), counts));
  } else if (mode === "prune") {
    writeSup(pruneSuppressions(readSuppressions(supFile), countErrors(findings, config.dir)));
  }
  if (mode !== "ignore") {
    const base = readSuppressions(supFile);
    if (Object.keys(base).length) ({ findings, suppressed } = applyBaseline(findings, base, config.dir));
  }
  return {
    results: toResults(pass.files, findings),
    config,
    rules,
    campaigns: pass.campaigns,
    fixed: [...fixed].map(([file, fixes]) => ({ file, fixes })),
    fixErrors,
    stats: { campaigns: dirs.length, parsed: parsedTotal.parsed, cached: parsedTotal.cached, suppressed },
    ...(suppressionsWritten ? { suppressionsWritten } : {}),
  };
}
