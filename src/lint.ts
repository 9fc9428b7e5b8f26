/**
 * The programmatic API's main entry: files → campaigns → variants → findings.
 * It reads files and (with `fix`, `cache` or the suppressions options) writes them;
 * it never prints or exits.
 */
import { existsSync, readFileSync, writeFileSync, renameSync } from "node:fs";
import path from "node:path";
import { discoverCampaigns } from "./campaign/discover.js";
import { readSource } from "./campaign/files.js";
import { loadCampaign } from "./campaign/load.js";
import type { Campaign } from "./campaign/model.js";
import { loadConfig, type LoadedConfig } from "./config/load.js";
import { SettingsResolver } from "./config/settings.js";
import { loadCustomRules } from "./config/custom-rules.js";
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

function lintPass(dirs: readonly string[], config: LoadedConfig, rules: readonly Rule<never>[], opts: LintOptions, cache: LintCache | undefined): Pass {
  const settings = new SettingsResolver(config);
  const engine = { rules, settings, channel: opts.channel, only: opts.only };
  if (!cache) {
    const campaigns: Campaign[] = [];
    dirs.forEach((d, i) => {
      campaigns.push(loadRendered(d, config));
      opts.onProgress?.(i + 1, dirs.length);
    });
    return { findings: runRules({ ...engine, campaigns }), files: campaigns.flatMap((c) => c.files), campaigns, parsed: campaigns.length, cached: 0 };
  }
  const active = opts.only ? rules.filter((r) => opts.only!.includes(r.meta.id)) : rules;
  const local = active.filter((r) => r.meta.scope !== "project");
  const project = active.filter((r) => r.meta.scope === "project");
  const findings: RawFinding[] = [];
  const files = new Map<string, SourceFile>();
  const campaigns = new Map<string, Campaign>();
  const hashes: string[] = [];
  let parsed = 0;
  let cached = 0;
  const fileFor = (p: string) => {
    let f = files.get(p);
    if (!f) {
      f = readSource(p).file;
      files.set(p, f);
    }
    return f;
  };
  dirs.forEach((dir, i) => {
    const h = campaignHash(dir);
    hashes.push(`${dir}\u0000${h.hash}`);
    const hit = cache.get(dir, h.hash);
    if (hit) {
      cached++;
      for (const p of hit.files) fileFor(p);
      findings.push(...hit.findings.map((c) => deserialize(c, fileFor)));
    } else {
      parsed++;
      const c = loadRendered(dir, config);
      campaigns.set(dir, c);
      for (const f of c.files) files.set(f.path, f);
      const fs = runRules({ ...engine, rules: local, campaigns: [c] });
      findings.push(...fs);
      cache.set(dir, { hash: h.hash, files: c.files.map((f) => f.path), findings: fs.map(serialize) });
    }
    opts.onProgress?.(i + 1, dirs.length);
  });
  if (project.length) {
    const projectHash = hashOf(...hashes);
    const hit = cache.getProject(projectHash);
    if (hit) findings.push(...hit.map((c) => deserialize(c, fileFor)));
    else {
      const all = dirs.map((d) => {
        let c = campaigns.get(d);
        if (!c) {
          parsed++;
          cached--;
          c = loadRendered(d, config);
          campaigns.set(d, c);
        }
        return c;
      });
      const fs = runRules({ ...engine, rules: project, campaigns: all, includeProblems: false });
      findings.push(...fs);
      cache.setProject(projectHash, fs.map(serialize));
    }
  }
  cache.save(new Set(dirs));
  return { findings, files: [...files.values()], campaigns: [...campaigns.values()], parsed, cached };
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
  const builtin = await loadRules();
  const rules = [...builtin, ...(opts.config ? [] : await loadCustomRules(cwd, opts.configPath, builtin.map((r) => r.meta.id)))];
  const config = opts.config ?? loadConfig({ cwd, configPath: opts.configPath, rules: rules.map((r) => r.meta) });
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
  let pass = lintPass(dirs, config, rules, opts, cache);
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
          writeAtomic(file, output, src.bom, src.text);
          fixed.set(file, (fixed.get(file) ?? 0) + applied);
          touched++;
        } catch (e) {
          fixErrors.push(e instanceof FileChangedError ? e.message : `${file}: could not write the fix (${(e as Error).message})`);
        }
      }
      if (!touched) break;
      pass = lintPass(dirs, config, rules, opts, cache);
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
