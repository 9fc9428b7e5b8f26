/**
 * The --cache file: per campaign folder, every read its lint made (files, folder
 * listings, missing includes — inside the folder or not) with a digest of what was
 * seen, and the findings they produced, under a key made of the config's text,
 * brandlint's version, the custom rules' code and the run's options. An entry is
 * served only when every recorded read still gives the same answer. Cross-campaign
 * findings are never cached: they are recomputed from the project index every run.
 *
 * The file is brandlint's own data and nothing else: it is signed with a secret kept
 * in the user's cache folder; a file that is foreign, tampered with, or malformed
 * entry by entry is ignored (with a warning), and --fix never applies a fix from it.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import path from "node:path";
import type { RawFinding } from "./engine/linter.js";
import { isInside, readText, type Host, type ReadOp } from "./host/index.js";
import { cacheSecret } from "./host/secret.js";
import type { SourceFile } from "./text/source-file.js";
import { CHANNELS, type Channel } from "./types.js";

export const DEFAULT_CACHE_FILE = ".brandlintcache";
const FORMAT = "brandlint-cache/2";
const MAX_CACHE_BYTES = 512 * 1024 * 1024;

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
  reads: ReadOp[];
  /** The campaign's files (in the order the results list them). */
  files: string[];
  findings: CachedFinding[];
}

interface CacheData {
  format: string;
  key: string;
  campaigns: Record<string, CacheEntry>;
}

/** Resolves --cache-location: a file, or a folder (existing, or written with a trailing slash). */
export function cachePath(cwd: string, location: string | undefined, host: Host): string {
  if (!location) return path.join(cwd, DEFAULT_CACHE_FILE);
  const abs = path.resolve(cwd, location);
  if (/[\\/]$/.test(location) || host.stat(abs)?.kind === "dir") return path.join(abs, DEFAULT_CACHE_FILE);
  return abs;
}

function mac(secret: Buffer, body: string): string {
  return createHmac("sha256", secret).update(body).digest("hex");
}

const isInt = (n: unknown) => typeof n === "number" && Number.isInteger(n) && n >= 0;

/** A cached finding as brandlint writes it, on one of the entry's own files; fixes are dropped. */
function validFinding(f: unknown, files: ReadonlySet<string>): CachedFinding | undefined {
  if (!f || typeof f !== "object") return undefined;
  const c = f as Record<string, unknown>;
  if (typeof c.filePath !== "string" || !files.has(c.filePath)) return undefined;
  if (typeof c.ruleId !== "string" || (c.severity !== 1 && c.severity !== 2) || typeof c.message !== "string") return undefined;
  if (!isInt(c.start) || !isInt(c.end) || (c.end as number) < (c.start as number)) return undefined;
  if (!Array.isArray(c.channels) || !c.channels.every((x) => (CHANNELS as readonly unknown[]).includes(x))) return undefined;
  if (c.messageId !== undefined && typeof c.messageId !== "string") return undefined;
  const edit = (x: unknown): x is { start: number; end: number; text: string } =>
    !!x && typeof x === "object" && isInt((x as { start: unknown }).start) && isInt((x as { end: unknown }).end) && typeof (x as { text: unknown }).text === "string";
  if (c.fix !== undefined && !edit(c.fix)) return undefined;
  if (c.suggestions !== undefined && !(Array.isArray(c.suggestions) && c.suggestions.every((x: unknown) => edit(x) && typeof (x as unknown as { desc: unknown }).desc === "string"))) return undefined;
  const out: CachedFinding = { filePath: c.filePath, ruleId: c.ruleId, severity: c.severity, message: c.message, start: c.start as number, end: c.end as number, channels: c.channels as Channel[] };
  if (typeof c.messageId === "string") out.messageId = c.messageId;
  // Shown in reports; --fix never applies a fix from the cache (it lints afresh).
  if (c.fix) out.fix = c.fix as CachedFinding["fix"];
  if (c.suggestions) out.suggestions = c.suggestions as CachedFinding["suggestions"];
  return out;
}

/** The project a cache belongs to: its root (the config's folder) and its config file, whose text is in the key. */
export interface CacheScope {
  root: string;
  config: string;
}

function validEntry(dir: string, e: unknown, scope: CacheScope | undefined): CacheEntry | undefined {
  if (!e || typeof e !== "object") return undefined;
  const { reads, files, findings } = e as Record<string, unknown>;
  if (!Array.isArray(reads) || !Array.isArray(files) || !Array.isArray(findings)) return undefined;
  const ops = new Set(["read", "list", "stat", "realpath"]);
  if (!reads.every((r) => Array.isArray(r) && r.length === 3 && ops.has(r[0] as string) && typeof r[1] === "string" && typeof r[2] === "string")) return undefined;
  // Every file of the entry is one read for it, inside its campaign folder or elsewhere in
  // the project (an mj-include partial), or the config (a finding on the opt-out text it
  // renders into an SMS; its text is part of the key).
  const read = new Set((reads as ReadOp[]).filter((r) => r[0] === "read").map((r) => r[1]));
  const allowed = (p: unknown) => typeof p === "string" && ((read.has(p) && (path.dirname(p) === dir || (!!scope && isInside(scope.root, p)))) || p === scope?.config);
  if (!files.every(allowed)) return undefined;
  const own = new Set([...(files as string[]), ...(scope ? [scope.config] : [])]);
  const checked = findings.map((f) => validFinding(f, own));
  if (checked.some((f) => !f)) return undefined;
  return { reads: reads as ReadOp[], files: files as string[], findings: checked as CachedFinding[] };
}

export class LintCache {
  private campaigns = new Map<string, CacheEntry>();
  private dirty = false;
  /** Why the file on disk was not used, when it was there but not trusted. */
  readonly warning?: string;

  private constructor(
    readonly file: string,
    private readonly host: Host,
    private readonly key: string,
    private readonly secret: Buffer,
    warning?: string,
  ) {
    if (warning) this.warning = warning;
  }

  /** Opens a cache file; anything unreadable, foreign or tampered with starts an empty cache. Undefined when no secret can be kept. */
  static open(file: string, key: string, host: Host, scope?: CacheScope): LintCache | undefined {
    const secret = cacheSecret();
    if (!secret) return undefined;
    const r = readText(host, file, MAX_CACHE_BYTES);
    if (!("text" in r)) return new LintCache(file, host, key, secret, r.code === "ENOENT" ? undefined : `the cache file ${file} cannot be read (${r.code}); starting a new one`);
    const nl = r.text.indexOf("\n");
    const head = nl < 0 ? r.text : r.text.slice(0, nl);
    const body = nl < 0 ? "" : r.text.slice(nl + 1);
    const expected = mac(secret, body);
    const given = /^brandlint-cache-mac ([0-9a-f]{64})$/.exec(head)?.[1];
    if (!given || !timingSafeEqual(Buffer.from(given), Buffer.from(expected)))
      return new LintCache(file, host, key, secret, `ignoring ${path.basename(file)}: it was not written by brandlint on this machine (a cache is never shared or committed; add it to .gitignore)`);
    const cache = new LintCache(file, host, key, secret);
    let data: CacheData | undefined;
    try {
      data = JSON.parse(body) as CacheData;
    } catch {
      return cache;
    }
    if (!data || data.format !== FORMAT || data.key !== key || typeof data.campaigns !== "object" || !data.campaigns) return cache;
    for (const [dir, e] of Object.entries(data.campaigns)) {
      const entry = validEntry(dir, e, scope);
      if (entry) cache.campaigns.set(dir, entry);
    }
    return cache;
  }

  get(dir: string): CacheEntry | undefined {
    return this.campaigns.get(dir);
  }

  set(dir: string, entry: CacheEntry): void {
    this.campaigns.set(dir, entry);
    this.dirty = true;
  }

  /** Drops folders not seen in this run and writes the file (atomically). Errors are ignored. */
  save(seen: ReadonlySet<string>): void {
    for (const dir of this.campaigns.keys())
      if (!seen.has(dir)) {
        this.campaigns.delete(dir);
        this.dirty = true;
      }
    if (!this.dirty) return;
    const body = JSON.stringify({ format: FORMAT, key: this.key, campaigns: Object.fromEntries(this.campaigns) } satisfies CacheData);
    try {
      this.host.write(this.file, `brandlint-cache-mac ${mac(this.secret, body)}\n${body}`);
    } catch {
      // A cache that cannot be written only costs speed.
    }
  }
}

export function hashOf(...parts: (string | Uint8Array)[]): string {
  const h = createHash("sha256");
  for (const p of parts) {
    h.update(p);
    h.update("\u0000");
  }
  return h.digest("hex");
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
