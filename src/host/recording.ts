/**
 * A Host that records every read it passes on, with a digest of what it saw, so a
 * cache entry can name exactly the files (and folder listings, and missing files) a
 * campaign's findings depend on — an included partial outside the campaign folder
 * too — and be checked again later by replaying the reads.
 */
import { createHash } from "node:crypto";
import type { Host, HostDirent, HostRead, HostStat, WriteOptions } from "./host.js";

/** One recorded read: what was asked, of which path, and a digest of the answer. */
export type ReadOp = [op: "read" | "list" | "stat" | "realpath", path: string, digest: string];

function sha(data: Uint8Array | string): string {
  return createHash("sha256").update(data).digest("hex").slice(0, 32);
}

function digestRead(r: HostRead): string {
  return r.ok ? sha(r.bytes) : `!${r.code}${r.size !== undefined ? `:${r.size}` : ""}`;
}
function digestList(l: HostDirent[] | undefined): string {
  return l ? sha(l.map((e) => `${e.name}/${e.kind}`).join("\n")) : "!";
}
function digestStat(s: HostStat | undefined): string {
  return s ? `${s.kind}${s.symlink ? "@" : ""}` : "!";
}

export class RecordingHost implements Host {
  readonly kind: Host["kind"];
  /** Every file the run read (only the paths: a run over 10,000 campaigns reads 13,000 files). */
  readonly files = new Set<string>();
  private scopes: Map<string, ReadOp>[] = [];
  /** Whether `record` returns the reads (see the constructor). */
  readonly digests: boolean;

  /**
   * `digests`: false when no one keeps what `record` returns (no --cache, no language
   * server's index): then it returns no reads, and nothing is hashed (SHA-256 of every file
   * a campaign reads, and node:crypto loaded for it: 4–5 ms of a one-campaign run).
   */
  constructor(
    readonly base: Host,
    { digests = true }: { digests?: boolean } = {},
  ) {
    this.kind = base.kind;
    this.digests = digests;
  }

  /** Notes a read; its digest is computed only when a scope records it (a 9 MB config read before any campaign is not hashed). */
  private note(op: ReadOp[0], path: string, digest: () => string): void {
    if (op === "read") this.files.add(path);
    if (!this.scopes.length || !this.digests) return;
    const key = `${op}\u0000${path}`;
    const entry: ReadOp = [op, path, digest()];
    for (const s of this.scopes) s.set(key, entry);
  }

  /** Runs `fn`, returning what it returned and every read it made (in first-read order; none without `digests`). */
  record<T>(fn: () => T): { value: T; reads: ReadOp[] } {
    const scope = new Map<string, ReadOp>();
    this.scopes.push(scope);
    try {
      const value = fn();
      return { value, reads: [...scope.values()] };
    } finally {
      this.scopes.splice(this.scopes.indexOf(scope), 1);
    }
  }

  read(path: string, limit: number): HostRead {
    const r = this.base.read(path, limit);
    this.note("read", path, () => digestRead(r));
    return r;
  }
  list(dir: string): HostDirent[] | undefined {
    const l = this.base.list(dir);
    this.note("list", dir, () => digestList(l));
    return l;
  }
  stat(path: string): HostStat | undefined {
    const s = this.base.stat(path);
    this.note("stat", path, () => digestStat(s));
    return s;
  }
  realpath(path: string): string | undefined {
    const r = this.base.realpath(path);
    this.note("realpath", path, () => r ?? "!");
    return r;
  }
  write(path: string, text: string, options?: WriteOptions): void {
    this.base.write(path, text, options);
  }
  moduleUrl(path: string): string | undefined {
    return this.base.moduleUrl(path);
  }
}

/** True when every recorded read gives the same answer on `host` now (the cache entry is still valid). */
export function readsStillHold(host: Host, reads: readonly ReadOp[], limit: number): boolean {
  for (const [op, path, digest] of reads) {
    const now = op === "read" ? digestRead(host.read(path, limit)) : op === "list" ? digestList(host.list(path)) : op === "stat" ? digestStat(host.stat(path)) : (host.realpath(path) ?? "!");
    if (now !== digest) return false;
  }
  return true;
}

/** A digest of text or bytes, as the recorder makes them (for cache keys). */
export const digestOf = sha;
