/**
 * The --cache file: per campaign folder, a hash of its files' bytes and the findings
 * they produced, under a key made of the config's text, brandlint's version and the
 * run's options. An unchanged campaign is neither parsed nor rendered. A corrupt,
 * foreign or outdated cache file is ignored, never fatal.
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, renameSync, writeFileSync, statSync } from "node:fs";
import path from "node:path";
import { isCampaignFile } from "./campaign/discover.js";
import type { RawFinding } from "./engine/linter.js";
import type { SourceFile } from "./text/source-file.js";
import type { Channel } from "./types.js";

export const DEFAULT_CACHE_FILE = ".brandlintcache";
const FORMAT = "brandlint-cache/1";

export interface CachedFinding {
  filePath: string;
  ruleId: string;
  severity: 1 | 2;
  message: string;
  messageId?: string;
  start: number;
  end: number;
  channels: Channel[];
  fix?: { start: number; end: number; text: string };
  suggestions?: { desc: string; start: number; end: number; text: string }[];
}

export interface CacheEntry {
  hash: string;
  files: string[];
  findings: CachedFinding[];
}

interface CacheData {
  format: string;
  key: string;
  campaigns: Record<string, CacheEntry>;
  project?: { hash: string; findings: CachedFinding[] };
}

/** Resolves --cache-location: a file, or a folder (existing, or written with a trailing slash). */
export function cachePath(cwd: string, location?: string): string {
  if (!location) return path.join(cwd, DEFAULT_CACHE_FILE);
  const abs = path.resolve(cwd, location);
  if (/[\\/]$/.test(location)) return path.join(abs, DEFAULT_CACHE_FILE);
  try {
    if (statSync(abs).isDirectory()) return path.join(abs, DEFAULT_CACHE_FILE);
  } catch {
    // not there yet: a file path
  }
  return abs;
}

export class LintCache {
  private data: CacheData;
  private dirty = false;

  private constructor(
    readonly file: string,
    private readonly key: string,
    data: CacheData | undefined,
  ) {
    this.data = data && data.format === FORMAT && data.key === key ? data : { format: FORMAT, key, campaigns: {} };
  }

  /** Opens a cache file; anything unreadable or foreign starts an empty cache. */
  static open(file: string, key: string): LintCache {
    let data: CacheData | undefined;
    try {
      const parsed = JSON.parse(readFileSync(file, "utf8")) as unknown;
      if (parsed && typeof parsed === "object" && (parsed as CacheData).format === FORMAT && typeof (parsed as CacheData).campaigns === "object") data = parsed as CacheData;
    } catch {
      data = undefined;
    }
    return new LintCache(file, key, data);
  }

  get(dir: string, hash: string): CacheEntry | undefined {
    const e = this.data.campaigns[dir];
    return e && e.hash === hash && Array.isArray(e.findings) ? e : undefined;
  }

  set(dir: string, entry: CacheEntry): void {
    this.data.campaigns[dir] = entry;
    this.dirty = true;
  }

  getProject(hash: string): CachedFinding[] | undefined {
    return this.data.project?.hash === hash ? this.data.project.findings : undefined;
  }

  setProject(hash: string, findings: CachedFinding[]): void {
    this.data.project = { hash, findings };
    this.dirty = true;
  }

  /** Drops folders not seen in this run and writes the file (atomically). Errors are ignored. */
  save(seen: ReadonlySet<string>): void {
    for (const dir of Object.keys(this.data.campaigns))
      if (!seen.has(dir)) {
        delete this.data.campaigns[dir];
        this.dirty = true;
      }
    if (!this.dirty) return;
    try {
      const tmp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(this.data));
      renameSync(tmp, this.file);
    } catch {
      // A cache that cannot be written only costs speed.
    }
  }
}

export function hashOf(...parts: (string | Buffer)[]): string {
  const h = createHash("sha256");
  for (const p of parts) {
    h.update(typeof p === "string" ? p : p);
    h.update("\u0000");
  }
  return h.digest("hex");
}

/** Hash of a campaign folder's files (names and bytes), without parsing anything. */
export function campaignHash(dir: string): { hash: string; files: string[] } {
  let names: string[];
  try {
    names = readdirSync(dir).filter(isCampaignFile).sort();
  } catch {
    names = [];
  }
  const parts: (string | Buffer)[] = [];
  for (const n of names) {
    parts.push(n);
    try {
      parts.push(readFileSync(path.join(dir, n)));
    } catch (e) {
      parts.push(`unreadable:${(e as NodeJS.ErrnoException).code ?? "?"}`);
    }
  }
  return { hash: hashOf(...parts), files: names.map((n) => path.join(dir, n)) };
}

export function serialize(f: RawFinding): CachedFinding {
  return {
    filePath: f.file.path,
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    ...(f.messageId ? { messageId: f.messageId } : {}),
    start: f.start,
    end: f.end,
    channels: [...f.channels],
    ...(f.fix ? { fix: f.fix } : {}),
    ...(f.suggestions ? { suggestions: f.suggestions } : {}),
  };
}

export function deserialize(c: CachedFinding, fileFor: (p: string) => SourceFile): RawFinding {
  return { ...c, file: fileFor(c.filePath), channels: new Set(c.channels) };
}
