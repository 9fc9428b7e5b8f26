/**
 * The programmatic API's main entry: files → campaigns → variants → findings.
 * Everything is read through a Host (the disk, unsaved buffers over it, or memory
 * alone); with `fix`, `cache` or the suppressions options it writes through it too.
 * It never prints or exits.
 */
import path from "node:path";
import { availableParallelism, loadavg } from "node:os";
import { discoverCampaigns, PathError, projectCampaigns } from "./campaign/discover.js";
import { startThreads, workerScript, type WorkerResult } from "./workers.js";
import { lesser, OrderedQueue, suffixMinima } from "./result-order.js";
import { readSource } from "./campaign/files.js";
import { loadCampaign } from "./campaign/load.js";
import type { Campaign } from "./campaign/model.js";
import { ConfigError, diskHost, findConfig, type LoadedConfig } from "./config/load.js";
import { parseJson } from "./config/json-doc.js";
import { SettingsResolver } from "./config/settings.js";
import { changedCampaignDirs } from "./git.js";
import { cachePath, deserialize, hashOf, LintCache, serialize } from "./cache.js";
import { CompiledStore } from "./compiled-cache.js";
import { applyBaseline, asSuppressions, countErrors, mergeSuppressions, pruneSuppressions, SUPPRESSIONS_FILE, type Suppressions } from "./engine/baseline.js";
import { ReleasedFile, runRules, toResults, type FileResult, type RawFinding } from "./engine/linter.js";
import type { Rule } from "./engine/rule.js";
import { applySuppressions, mayHoldDirectives } from "./engine/suppress.js";
import { OptionError } from "./errors.js";
import { applyFixes } from "./fix/apply.js";
import { FileChangedError } from "./fix/write.js";
import { MAX_FILE_BYTES, MemoryHost, OverlayHost, readText, RecordingHost, readsStillHold, type Host, type ReadOp } from "./host/index.js";
import { packageVersion } from "./paths.js";
import { renderCampaign } from "./render/variants.js";
import { loadProject } from "./setup.js";
import { SourceFile } from "./text/source-file.js";
import type { Channel } from "./types.js";

export interface LintOptions {
  /** Working directory (default process.cwd()). */
  cwd?: string;
  /** Files, folders or globs (default: templates/). */
  paths?: string[];
  /** Config file (default: brand.config.json found upward from the linted paths, else from cwd). */
  configPath?: string;
  /** An already loaded config (skips loading; its custom rules are still loaded). */
  config?: LoadedConfig;
  /**
   * Unsaved contents by path (relative to `cwd`, or absolute): they replace or add to
   * what is on disk, like an editor's buffers.
   */
  files?: Record<string, string>;
  /** false: read nothing from disk, only `files` (default true). */
  disk?: boolean;
  /** Read through this host instead (advanced; `files` and `disk` are then ignored). */
  host?: Host;
  /** Only this channel's variants. */
  channel?: Channel;
  /** Apply fixes and re-lint (writes files; in memory, updates `files`' contents in `fixed`). */
  fix?: boolean;
  /** Run only these rules. */
  only?: string[];
  /** Skip unchanged campaigns using a cache file (disk only). */
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
  /** Keep each linted campaign, with its rendered variants, in `report.campaigns` (default true; the CLI does not, to save memory). */
  keepCampaigns?: boolean;
  /**
   * false: a file with no finding and no suppression comment is reported without its text
   * (its result's `file` is a `ReleasedFile`: the path, an empty text), and its text is
   * dropped as soon as its campaign is linted, so memory stays flat on big repositories.
   * Default true; the CLI sets false.
   */
  keepTexts?: boolean;
  /**
   * Threads that lint campaigns, this one included (1 = no worker threads). Default: chosen
   * from the number of campaigns and cores (see `defaultThreads`).
   */
  workers?: number;
  /** With worker threads, lint on this thread too (default true); false leaves every campaign to the workers. */
  mainThread?: boolean;
  /** Called after each campaign is linted. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Receive the results as the run goes, in the report's order, instead of in `report.results`
   * (then empty). Called once the config is loaded (a report's format may need it); `item` gets each file's result as soon as it is final (its campaign is done;
   * its text can be dropped then), `write` the items once every file before theirs is final too.
   * Findings and order are what `report.results` would hold.
   */
  stream?: (run: { config: LoadedConfig; rules: readonly Rule<never>[] }) => ResultStream;
  /**
   * Keep the project index between runs (a long-lived caller such as the language
   * server): each campaign's metadata is reused while every read it was made from
   * still gives the same answer and the config is the same.
   */
  indexCache?: IndexCache;
}

/** Where a streamed run's results go (LintOptions.stream). */
export interface ResultStream<T = unknown> {
  item(r: FileResult): T;
  write(item: T): void;
  /** Called when the writes that were possible so far are done. */
  flush?(): void;
}

/** The project index kept between runs, by campaign folder. */
export type IndexCache = Map<string, { config: string; reads: ReadOp[]; campaign: Campaign }>;

export interface LintStats {
  campaigns: number;
  /** Campaigns parsed and rendered in this run (the rest came from the cache). */
  parsed: number;
  cached: number;
  /** Errors hidden by the suppressions file. */
  suppressed: number;
  /** Campaigns of the project index that project-scope rules compared (0 when none ran). */
  indexed: number;
  /** When worker threads ran: how many campaigns this thread linted, and each worker. */
  threads?: { here: number; workers: number[] };
}

export interface LintReport {
  results: FileResult[];
  config: LoadedConfig;
  rules: readonly Rule<never>[];
  /** Campaigns parsed in the last pass (cached ones are not parsed). */
  campaigns: Campaign[];
  /** Files written by --fix, with the number of fixes applied. */
  fixed: { file: string; fixes: number }[];
  /** The text --fix wrote, by file (absolute path): with unsaved buffers, what the editor should apply. */
  output: Record<string, string>;
  /** Problems writing fixes (a file changed meanwhile, a concurrent run). */
  fixErrors: string[];
  /** Things the user should know that are not findings (an untrusted cache file). */
  warnings: string[];
  /** Every file the run read, absolute (config, campaign files, includes, custom rules). */
  reads: string[];
  stats: LintStats;
  /** The suppressions file written, if any. */
  suppressionsWritten?: string;
}

function hostFor(opts: LintOptions, cwd: string): Host {
  if (opts.host) return opts.host;
  const disk = opts.disk === false ? undefined : (opts.config?.host ?? diskHost());
  if (!opts.files) return disk ?? new MemoryHost();
  const memory = new MemoryHost(Object.entries(opts.files).map(([p, text]) => [path.resolve(cwd, p), text] as [string, string]));
  return disk ? new OverlayHost(disk, memory) : memory;
}

/** Loads and renders campaign folders (from disk unless a config read through another host is given). */
export function loadCampaigns(dirs: readonly string[], config: LoadedConfig): Campaign[] {
  return dirs.map((dir) => loadRendered(dir, config));
}

function loadRendered(dir: string, config: LoadedConfig): Campaign {
  const c = loadCampaign(dir, config.data, config.host, { root: config.dir });
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
  /** Empty when the results were streamed. */
  findings: RawFinding[];
  files: SourceFile[];
  campaigns: Campaign[];
  parsed: number;
  cached: number;
  indexed: number;
  threads?: { here: number; workers: number[] };
}

/** A streamed run: each file's findings become its result as soon as it is final. */
interface Streaming {
  out: ResultStream;
  /** The file's result, suppressions applied (inline, then the suppressions file). */
  result(file: SourceFile | undefined, findings: RawFinding[]): FileResult;
  /** Errors the suppressions file hid so far. */
  suppressed: number;
}

interface Run {
  cwd: string;
  host: RecordingHost;
  config: LoadedConfig;
  rules: readonly Rule<never>[];
  opts: LintOptions;
  cache: LintCache | undefined;
  streaming?: Streaming;
}

async function lintPass(dirs: readonly string[], run: Run, fixing: boolean): Promise<Pass> {
  const { config, rules, opts, cache, host } = run;
  // What the run read before any campaign (the config, custom rules): a campaign may report on it.
  const readBefore = run.streaming ? [...host.files] : [];
  const settings = new SettingsResolver(config);
  // A slice of named files or changed campaigns is what someone is working on: a clash
  // placed on a campaign outside it moves to one inside. A shard is a share of a whole
  // run, so it reports exactly what the whole run reports on its campaigns.
  const focus = !opts.shard;
  const active = opts.only ? rules.filter((r) => opts.only!.includes(r.meta.id)) : rules;
  const local = active.filter((r) => r.meta.scope !== "project");
  const project = active.filter((r) => r.meta.scope === "project");
  const engine = { settings, channel: opts.channel };
  const findings: RawFinding[] = [];
  const files = new Map<string, SourceFile>();
  const byDir = new Map<string, Campaign>();
  let cached = 0;
  let threadStats: { here: number; workers: number[] } | undefined;
  let done = 0;
  const progress = () => opts.onProgress?.(++done, dirs.length);
  // With keepTexts false, a file no finding points at and no suppression comment is in keeps
  // only its path once its campaign is done (the CLI's runs: memory stays flat on big
  // repositories); a later finding on it (a shared partial, a project rule) brings it back.
  const lean = opts.keepTexts === false;
  const fileFor = (p: string) => {
    let f = files.get(p);
    if (!f || f instanceof ReleasedFile) {
      f = readSource(host, p, config.dir).file;
      files.set(p, f);
    }
    return f;
  };
  /** Adds one campaign's files and findings to the pass. */
  const addCampaign = (own: readonly SourceFile[], fs: readonly RawFinding[], parsedOne = true) => {
    if (out) return streamCampaign(own, fs, parsedOne);
    for (const f of own) files.set(f.path, f);
    for (const f of fs) findings.push(f);
    if (!lean) return;
    const pointed = new Set(fs.map((f) => f.file.path));
    for (const f of own) if (!pointed.has(f.path) && !mayHoldDirectives(f)) files.set(f.path, new ReleasedFile(f.path, f.bom));
  };
  // Which campaigns the cache answers for (never while fixing); the others are parsed.
  const toParse: string[] = [];
  const hits: NonNullable<ReturnType<LintCache["get"]>>[] = [];
  for (const dir of dirs) {
    const hit = cache && !fixing ? cache.get(dir) : undefined;
    if (hit && readsStillHold(host, hit.reads, MAX_FILE_BYTES)) hits.push(hit);
    else toParse.push(dir);
  }
  // Worker threads start now: they load (modules, config, rules) while this thread builds the index.
  const threads = host.base.kind === "disk" ? workerCount(opts, toParse.length) : 1;
  const job = { cwd: run.cwd, configPath: config.file.path, ...(opts.channel ? { channel: opts.channel } : {}), ...(opts.only ? { only: opts.only } : {}), ...(opts.keepTexts === false ? { lean: true } : {}), ...(host.digests ? {} : { digests: false }) };
  const pool = threads > 1 ? startThreads(threads, job, opts.mainThread !== false) : undefined;
  // Rules that compare campaigns see the metadata of every campaign of the project,
  // however few are linted, and report only on the linted ones. Never cached. They need
  // only the index, so they run first: a streamed run then knows every finding a campaign's
  // files get as soon as the campaign is done, and the index is dropped before linting.
  let indexed = 0;
  let projectFindings: RawFinding[] = [];
  if (project.length && dirs.length)
    try {
      // In a function of its own: the index is gone once it returns (a local of this async function would stay alive to its end).
      ({ indexed, findings: projectFindings } = projectPass(dirs, run, project, engine, focus));
    } catch (e) {
      pool?.stop();
      throw e;
    }
  const out = run.streaming;
  /** Streamed: results wait here for every file before theirs. */
  const queue = out ? new OrderedQueue<unknown>((item) => out.out.write(item)) : undefined;
  const projectByFile = new Map<string, RawFinding[]>();
  if (out) for (const f of projectFindings.splice(0)) projectByFile.set(f.file.path, [...(projectByFile.get(f.file.path) ?? []), f]);
  /** Findings on a file no linted campaign holds (the config): any campaign may add to them, so they are final at the end. */
  const foreign = new Map<string, RawFinding[]>();
  const finalize = (file: SourceFile | undefined, path: string, local: RawFinding[]) => {
    const proj = projectByFile.get(path);
    if (proj) projectByFile.delete(path);
    const all = proj ? [...local, ...proj] : local;
    // A file kept without its text (a worker found it bare) that a project rule points at is reported with that finding's text.
    const r = out!.result(file instanceof ReleasedFile && all.length ? all[all.length - 1]!.file : file, all);
    queue!.add(path, out!.out.item(r));
  };
  // Every file of a campaign sorts at or after its folder; files the run read before any
  // campaign and that no linted campaign holds (the config) are open until the end.
  // (The bounds are known once the cache has said which campaigns are parsed.)
  let bounds: (string | undefined)[] | undefined;
  let held: string | undefined;
  if (out) {
    const inLinted = (p: string) => {
      for (let d = path.dirname(p); d !== path.dirname(d); d = path.dirname(d)) if (linted.has(d)) return true;
      return false;
    };
    const linted = new Set(dirs);
    for (const p of readBefore) if (!inLinted(p)) held = lesser(held, p);
    held = lesser(held, config.file.path);
  }
  let joinedParsed = 0;
  const streamCampaign = (own: readonly SourceFile[], fs: readonly RawFinding[], parsedOne: boolean) => {
    const mine = new Map<string, RawFinding[]>(own.map((f) => [f.path, []]));
    for (const f of fs) {
      const bucket = mine.get(f.file.path);
      if (bucket) bucket.push(f);
      else foreign.set(f.file.path, [...(foreign.get(f.file.path) ?? []), f]);
    }
    for (const f of own) finalize(f, f.path, mine.get(f.path)!);
    if (parsedOne) joinedParsed++;
    drain();
  };
  const drain = () => {
    if (bounds && queue!.drain(lesser(bounds[joinedParsed], held))) out!.out.flush?.();
  };
  const endStream = () => {
    for (const [p, fs] of foreign) finalize(undefined, p, fs);
    for (const [p, fs] of projectByFile) finalize(undefined, p, fs);
    queue!.drain(undefined);
    out!.out.flush?.();
  };
  // Each campaign on its own: from the cache (never while fixing), or read, rendered and checked.
  for (const hit of hits) {
    cached++;
    addCampaign(
      hit.files.map(fileFor),
      hit.findings.map((c) => deserialize(c, fileFor)),
      false,
    );
    progress();
  }
  const parsed = toParse.length;
  if (out) {
    bounds = suffixMinima(toParse);
    drain();
  }
  // On this thread: read, render and check one campaign.
  const lintHere = (dir: string): { fs: RawFinding[]; files: SourceFile[] } => {
    const { value, reads } = host.record(() => {
      const campaign = loadRendered(dir, config);
      return { campaign, fs: runRules({ ...engine, rules: local, campaigns: [campaign] }) };
    });
    const { campaign, fs } = value;
    // Campaigns are dropped once checked unless the caller wants them, so memory stays flat on big repositories.
    if (opts.keepCampaigns !== false) byDir.set(dir, campaign);
    cache?.set(dir, { reads, files: campaign.files.map((f) => f.path), findings: fs.map(serialize) });
    progress();
    return { fs, files: campaign.files };
  };
  // Results join the pass in folder order as soon as every folder before theirs is done
  // (threads finish out of order), so nothing waits for the end of the run.
  const ready = new Map<string, () => void>();
  let joined = 0;
  const arrive = (dir: string, join: () => void) => {
    ready.set(dir, join);
    for (let next = toParse[joined]; next !== undefined && ready.has(next); next = toParse[++joined]) {
      ready.get(next)!();
      ready.delete(next);
    }
  };
  if (pool) {
    const onResult = (r: WorkerResult) => {
      cache?.set(r.dir, { reads: r.reads, files: r.files, findings: r.findings });
      progress();
      // A file the worker found bare is not read again: only its path is reported (as keepTexts false does here).
      const bare = new Map(r.bare);
      // It was read all the same (report.reads lists it, as when this thread read it again).
      for (const i of bare.keys()) host.files.add(r.files[i]!);
      arrive(r.dir, () =>
        addCampaign(
          r.files.map((p, i) => (bare.has(i) ? new ReleasedFile(p, bare.get(i)) : fileFor(p))),
          r.findings.map((c) => deserialize(c, fileFor)),
        ),
      );
    };
    const here = (dir: string) => {
      const r = lintHere(dir);
      arrive(dir, () => addCampaign(r.files, r.fs));
    };
    threadStats = await pool.run(toParse, here, onResult);
  } else
    for (const dir of toParse) {
      const r = lintHere(dir);
      addCampaign(r.files, r.fs);
    }
  for (const f of projectFindings) findings.push(f);
  if (out) endStream();
  // A file released above that a later finding points at is reported with that finding's text.
  if (lean) for (const f of findings) if (files.get(f.file.path) instanceof ReleasedFile) files.set(f.file.path, f.file);
  cache?.save(new Set(dirs));
  return {
    findings,
    files: [...files.values()],
    campaigns: dirs.map((d) => byDir.get(d)).filter((c): c is Campaign => !!c),
    parsed,
    cached,
    indexed,
    ...(threadStats ? { threads: threadStats } : {}),
  };
}

/** The project index (every campaign's metadata) and the findings of the project-scope rules on the linted campaigns. */
function projectPass(dirs: readonly string[], run: Run, project: readonly Rule<never>[], engine: { settings: SettingsResolver; channel?: Channel }, focus: boolean): { indexed: number; findings: RawFinding[] } {
  const { config, opts, host } = run;
  const all = [...new Set([...projectCampaigns(config.dir, host), ...dirs])].sort();
  const index = all.map((d) => {
    const kept = opts.indexCache?.get(d);
    if (kept && kept.config === config.file.text && readsStillHold(host, kept.reads, MAX_FILE_BYTES)) return kept.campaign;
    const { value, reads } = host.record(() => loadCampaign(d, config.data, host, { root: config.dir, metaOnly: true }));
    opts.indexCache?.set(d, { config: config.file.text, reads, campaign: value });
    return value;
  });
  const selected = new Set(dirs);
  const linted = index.filter((c) => selected.has(c.dir));
  return { indexed: index.length, findings: runRules({ ...engine, rules: project, campaigns: linted, index, includeProblems: false, focus }) };
}

/**
 * With `--workers` unset: one thread below WORKER_THRESHOLD campaigns (a worker's start-up —
 * modules, config, rules, language data, a cold JIT — costs more than it saves), and one
 * thread when no core is idle (the 1-minute load average is at least the number of cores:
 * a second thread then only competes with the first, and at 1,000 campaigns on this
 * 2-core machine under load it was 1.2× slower and used 1.25× the CPU). Otherwise one
 * thread per core, this one included, at most MAX_THREADS. Measured with
 * `npm run bench` (rows W, at 100, 1,000 and 10,000 campaigns; bench/results.md).
 */
export const WORKER_THRESHOLD = 150;
export const MAX_THREADS = 4;
/** What --help says of the default, with what it comes to on this machine. */
export function defaultThreadsHelp(cores: number = availableParallelism()): string {
  const here = Math.min(cores, MAX_THREADS);
  return (
    `Threads: without --workers, brandlint lints on this one thread below ${WORKER_THRESHOLD} campaigns or when no core is idle (the 1-minute load average is at least the number of cores); otherwise on one thread per core, this one included, at most ${MAX_THREADS}. ` +
    (cores < 2 ? `This machine has 1 core: always one thread.` : `On this machine (${cores} cores): ${here} threads from ${WORKER_THRESHOLD} campaigns while the load average is below ${cores}, else one.`)
  );
}

export function defaultThreads(campaigns: number, cores: number = availableParallelism(), load: number = loadavg()[0] ?? 0): number {
  if (campaigns < WORKER_THRESHOLD || cores < 2) return 1;
  if (load >= cores) return 1;
  return Math.min(cores, MAX_THREADS);
}

function workerCount(opts: LintOptions, campaigns: number): number {
  if (opts.workers !== undefined) return Math.max(1, Math.min(opts.workers, campaigns));
  if (!workerScript()) return 1;
  return Math.min(defaultThreads(campaigns), campaigns);
}

/** The suppressions file: absent is empty; one that does not parse stops the run (exit 2) rather than changing exit codes silently. */
function readSuppressions(host: Host, file: string, cwd: string): Suppressions {
  const r = readText(host, file, MAX_FILE_BYTES * 16);
  const shown = path.relative(cwd, file) || file;
  if (!("text" in r)) {
    if (r.code === "ENOENT") return {};
    throw new ConfigError([{ file: shown, line: 0, column: 0, message: `the suppressions file cannot be read (${r.code})` }]);
  }
  const text = r.text.replace(/^\uFEFF/, "");
  const doc = parseJson(text);
  const src = new SourceFile(file, text);
  if (doc.errors.length) throw new ConfigError(doc.errors.map((e) => ({ file: shown, ...src.positionAt(e.start), message: `the suppressions file does not parse: ${e.message} (fix it or delete it; brandlint will not overwrite it)` })));
  const s = asSuppressions(doc.value);
  if (!s) throw new ConfigError([{ file: shown, line: 1, column: 1, message: 'the suppressions file must map file paths to rules to { "count": n }' }]);
  return s;
}

/** Path arguments grouped by the config found upward from each (a monorepo names campaigns of several brands). */
function configsOfPaths(paths: readonly string[], cwd: string, host: Host): Map<string, string[]> | undefined {
  const groups = new Map<string, string[]>();
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    const kind = host.stat(abs)?.kind;
    if (!kind) return undefined;
    const found = findConfig(kind === "dir" ? abs : path.dirname(abs), host);
    if (!found) return undefined;
    groups.set(found, [...(groups.get(found) ?? []), p]);
  }
  return groups;
}

export async function lint(opts: LintOptions = {}): Promise<LintReport> {
  const cwd = opts.cwd ?? process.cwd();
  // The reads of each campaign are kept only by the cache and the language server's index.
  const host = new RecordingHost(hostFor(opts, cwd), { digests: Boolean(opts.cache || opts.indexCache) });
  // Without --config, each path is linted against the config found upward from it.
  if (!opts.configPath && !opts.config && opts.paths?.length) {
    const groups = configsOfPaths(opts.paths, cwd, host);
    if (groups && groups.size > 1) {
      const reports: LintReport[] = [];
      // Several configs' results are sorted together at the end: a stream gets them then.
      const { stream, ...rest } = opts;
      for (const [configPath, paths] of groups) reports.push(await lint({ ...rest, host, configPath, paths }));
      const merged = mergeReports(reports);
      return stream ? { ...merged, results: streamAll(merged.results, stream({ config: merged.config, rules: merged.rules })) } : merged;
    }
    if (groups?.size === 1) return lintOne(opts, cwd, host, [...groups.keys()][0]!);
  }
  return lintOne(opts, cwd, host, opts.configPath);
}

/** Results known all at once (a --fix run, several configs), through a stream; returns none. */
function streamAll(results: readonly FileResult[], stream: ResultStream): FileResult[] {
  for (const r of results) stream.write(stream.item(r));
  stream.flush?.();
  return [];
}

function mergeReports(reports: LintReport[]): LintReport {
  const first = reports[0]!;
  const sum = (k: Exclude<keyof LintStats, "threads">) => reports.reduce((n, r) => n + r.stats[k], 0);
  return {
    ...first,
    results: reports.flatMap((r) => r.results).sort((a, b) => a.file.path.localeCompare(b.file.path)),
    campaigns: reports.flatMap((r) => r.campaigns),
    fixed: reports.flatMap((r) => r.fixed),
    output: Object.assign({}, ...reports.map((r) => r.output)) as Record<string, string>,
    fixErrors: reports.flatMap((r) => r.fixErrors),
    warnings: reports.flatMap((r) => r.warnings),
    reads: [...new Set(reports.flatMap((r) => r.reads))].sort(),
    stats: { campaigns: sum("campaigns"), parsed: sum("parsed"), cached: sum("cached"), suppressed: sum("suppressed"), indexed: sum("indexed") },
  };
}

async function lintOne(opts: LintOptions, cwd: string, host: RecordingHost, configPath: string | undefined): Promise<LintReport> {
  const project = await loadProject({ cwd, configPath, host, ...(opts.config ? { config: opts.config } : {}) });
  const rules = project.rules;
  // Campaigns and includes are read through this run's host, so every read is recorded.
  const config: LoadedConfig = project.config.host === host ? project.config : { ...project.config, host };
  const knownRules = rules.map((r) => r.meta.id);
  const mode = opts.suppressions?.mode ?? "apply";
  if (mode === "suppress-rules")
    for (const r of opts.suppressions?.rules ?? [])
      if (!knownRules.includes(r)) throw new OptionError(`--suppress-rule: unknown rule "${r}" (run "brandlint rules" to list them)`);
  const supFile = path.resolve(cwd, opts.suppressions?.file ?? path.join(config.dir, SUPPRESSIONS_FILE));
  // Read (and check) the suppressions file before anything is written.
  const baseSup = mode === "ignore" ? {} : readSuppressions(host, supFile, cwd);

  let dirs = discoverCampaigns(opts.paths ?? [], cwd, host);
  if (opts.onlyDirs) {
    const only = new Set(opts.onlyDirs.map((d) => path.resolve(d)));
    dirs = dirs.filter((d) => only.has(d));
  }
  if (opts.changedSince !== undefined) {
    if (host.base.kind === "memory") throw new PathError("--changed-since needs the files on disk (a git working tree)");
    const changed = changedCampaignDirs(opts.changedSince, cwd, config.file.path);
    if (!changed.all) {
      const keep = new Set(changed.dirs);
      dirs = dirs.filter((d) => keep.has(d));
    }
  }
  if (opts.shard) dirs = dirs.filter((d) => inShard(d, config.dir, opts.shard!));
  const warnings: string[] = [];
  const cache =
    opts.cache && host.base.kind !== "memory"
      ? LintCache.open(
          cachePath(cwd, opts.cacheLocation, host),
          hashOf(packageVersion, config.file.path, config.file.text, project.customDigest, knownRules.join(","), opts.channel ?? "", (opts.only ?? []).join(",")),
          host,
          { root: config.dir, config: config.file.path },
        )
      : undefined;
  if (cache?.warning) warnings.push(cache.warning);
  // Its reads are not recorded: no campaign depends on them.
  config.compiled = cache ? CompiledStore.beside(cache.file, host.base) : undefined;
  // Streamed as the run goes when nothing needs every finding first: not --fix (it lints again),
  // not when the suppressions file is written from this run's counts.
  const stream = opts.stream?.({ config, rules });
  const streaming: Streaming | undefined =
    stream && !opts.fix && (mode === "apply" || mode === "ignore")
      ? {
          out: stream,
          suppressed: 0,
          result(file, fs) {
            let kept = applySuppressions(fs, file ? [file] : [], knownRules);
            if (mode !== "ignore" && Object.keys(baseSup).length) {
              const b = applyBaseline(kept, baseSup, config.dir);
              kept = b.findings;
              this.suppressed += b.suppressed;
            }
            return toResults(file ? [file] : [], kept)[0]!;
          },
        }
      : undefined;
  const run: Run = { cwd, host, config, rules, opts, cache, ...(streaming ? { streaming } : {}) };
  let pass = await lintPass(dirs, run, !!opts.fix);
  const firstPass = { parsed: pass.parsed, cached: pass.cached, ...(pass.threads ? { threads: pass.threads } : {}) };
  const fixed = new Map<string, { fixes: number; text: string }>();
  const fixErrors: string[] = [];
  if (opts.fix) {
    // When only files were named (a hook's staged files), fixes touch only those files.
    const named = fixScope(opts.paths ?? [], cwd, host);
    for (let round = 0; round < 10; round++) {
      const findings = applySuppressions(pass.findings, pass.files, knownRules);
      const byFile = new Map<string, RawFinding[]>();
      for (const f of findings) if (f.fix) byFile.set(f.file.path, [...(byFile.get(f.file.path) ?? []), f]);
      // Never write a file that could not be parsed, nor the config.
      const unparsable = new Set(findings.filter((f) => f.ruleId === "parse-error").map((f) => f.file.path));
      let touched = 0;
      for (const [file, fs] of byFile) {
        if (unparsable.has(file) || file === config.file.path || (named && !named.has(file))) continue;
        const src = fs[0]!.file;
        const { output, applied } = applyFixes(src.text, fs.map((f) => ({ range: [f.fix!.start, f.fix!.end], text: f.fix!.text })));
        if (!applied || output === src.text) continue;
        try {
          host.write(file, output, { bom: src.bom, expected: src.text, root: config.dir });
          fixed.set(file, { fixes: (fixed.get(file)?.fixes ?? 0) + applied, text: output });
          touched++;
        } catch (e) {
          fixErrors.push(e instanceof FileChangedError ? e.message : `${file}: could not write the fix (${(e as Error).message})`);
        }
      }
      if (!touched) break;
      pass = await lintPass(dirs, run, true);
    }
  }
  let findings = applySuppressions(pass.findings, pass.files, knownRules);
  let suppressed = 0;
  let suppressionsWritten: string | undefined;
  const writeSup = (s: Suppressions) => {
    host.write(supFile, JSON.stringify(s, null, 2) + "\n");
    suppressionsWritten = supFile;
  };
  let sup = baseSup;
  if (mode === "suppress-all" || mode === "suppress-rules") {
    const counts = countErrors(findings, config.dir, mode === "suppress-rules" ? opts.suppressions?.rules : undefined);
    writeSup((sup = mergeSuppressions(mode === "suppress-all" ? {} : baseSup, counts)));
  } else if (mode === "prune") {
    writeSup((sup = pruneSuppressions(baseSup, countErrors(findings, config.dir))));
  }
  if (mode !== "ignore" && Object.keys(sup).length) ({ findings, suppressed } = applyBaseline(findings, sup, config.dir));
  if (streaming) suppressed = streaming.suppressed;
  let results = streaming ? [] : toResults(pass.files, findings);
  if (stream && !streaming) results = streamAll(results, stream);
  return {
    results,
    config,
    rules,
    campaigns: pass.campaigns,
    fixed: [...fixed].map(([file, f]) => ({ file, fixes: f.fixes })),
    output: Object.fromEntries([...fixed].map(([file, f]) => [file, f.text])),
    fixErrors,
    warnings,
    reads: [...host.files].sort(),
    stats: { campaigns: dirs.length, parsed: firstPass.parsed, cached: firstPass.cached, suppressed, indexed: pass.indexed, ...(firstPass.threads ? { threads: firstPass.threads } : {}) },
    ...(suppressionsWritten ? { suppressionsWritten } : {}),
  };
}

/** The files --fix may write: only the named ones when every path is a file; undefined = any. */
function fixScope(paths: readonly string[], cwd: string, host: Host): Set<string> | undefined {
  if (!paths.length) return undefined;
  const abs = paths.map((p) => path.resolve(cwd, p));
  return abs.every((p) => host.stat(p)?.kind === "file" && path.basename(p) !== "brand.config.json") ? new Set(abs) : undefined;
}
