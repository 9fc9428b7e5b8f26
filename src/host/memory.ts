/**
 * Hosts without a disk: files held in memory (an editor's unsaved buffers, tests),
 * alone or laid over another host. Folders exist where files are below them.
 */
import path from "node:path";
import type { Host, HostDirent, HostRead, HostStat, WriteOptions } from "./host.js";

const encoder = new TextEncoder();

export class MemoryHost implements Host {
  readonly kind: "memory" | "overlay" = "memory";
  private files = new Map<string, Uint8Array>();
  private dirs = new Map<string, Set<string>>();

  /** `files`: absolute path → contents. */
  constructor(files: Iterable<[string, string | Uint8Array]> = []) {
    for (const [p, text] of files) this.set(p, text);
  }

  set(file: string, text: string | Uint8Array): void {
    const abs = path.resolve(file);
    this.files.set(abs, typeof text === "string" ? encoder.encode(text) : text);
    let child = abs;
    for (let dir = path.dirname(abs); ; dir = path.dirname(dir)) {
      const names = this.dirs.get(dir) ?? new Set<string>();
      names.add(path.basename(child));
      this.dirs.set(dir, names);
      if (path.dirname(dir) === dir) break;
      child = dir;
    }
  }

  has(file: string): boolean {
    const abs = path.resolve(file);
    return this.files.has(abs) || this.dirs.has(abs);
  }

  paths(): string[] {
    return [...this.files.keys()].sort();
  }

  read(file: string, limit: number): HostRead {
    const abs = path.resolve(file);
    const bytes = this.files.get(abs);
    if (!bytes) return { ok: false, code: this.dirs.has(abs) ? "EISDIR" : "ENOENT" };
    if (bytes.length > limit) return { ok: false, code: "E2BIG", size: bytes.length };
    return { ok: true, bytes };
  }

  list(dir: string): HostDirent[] | undefined {
    const names = this.dirs.get(path.resolve(dir));
    if (!names) return undefined;
    return [...names].sort().map((name) => ({ name, kind: this.files.has(path.join(path.resolve(dir), name)) ? "file" : "dir" }));
  }

  stat(file: string): HostStat | undefined {
    const abs = path.resolve(file);
    const bytes = this.files.get(abs);
    if (bytes) return { kind: "file", size: bytes.length, symlink: false };
    return this.dirs.has(abs) ? { kind: "dir", size: 0, symlink: false } : undefined;
  }

  realpath(file: string): string | undefined {
    return this.has(file) ? path.resolve(file) : undefined;
  }

  /** A module held in memory loads from a data: URL (it can import packages, not relative files). */
  moduleUrl(file: string): string | undefined {
    const bytes = this.files.get(path.resolve(file));
    return bytes ? `data:text/javascript;base64,${Buffer.from(bytes).toString("base64")}` : undefined;
  }

  write(file: string, text: string, options: WriteOptions = {}): void {
    if (options.expected !== undefined) {
      const now = this.read(file, Infinity);
      const want = (options.bom ? "\ufeff" : "") + options.expected;
      if (!now.ok || new TextDecoder().decode(now.bytes) !== want) throw new Error(`${file} changed while brandlint was fixing it; not written`);
    }
    this.set(file, (options.bom ? "\ufeff" : "") + text);
  }
}

/** Unsaved contents over another host (usually the disk): what the memory holds wins. */
export class OverlayHost implements Host {
  readonly kind = "overlay" as const;

  constructor(
    readonly base: Host,
    readonly memory: MemoryHost,
  ) {}

  read(file: string, limit: number): HostRead {
    return this.memory.stat(file)?.kind === "file" ? this.memory.read(file, limit) : this.base.read(file, limit);
  }

  list(dir: string): HostDirent[] | undefined {
    const a = this.base.list(dir);
    const b = this.memory.list(dir);
    if (!a || !b) return a ?? b;
    const byName = new Map(a.map((e) => [e.name, e]));
    for (const e of b) if (!byName.has(e.name) || e.kind === "file") byName.set(e.name, e);
    return [...byName.values()].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  }

  stat(file: string): HostStat | undefined {
    return this.memory.stat(file) ?? this.base.stat(file);
  }

  realpath(file: string): string | undefined {
    const real = this.base.realpath(file);
    if (real) return real;
    if (!this.memory.has(file)) return undefined;
    // An unsaved file in a folder that exists on disk: resolve the folder.
    const dir = this.realpath(path.dirname(path.resolve(file)));
    return dir ? path.join(dir, path.basename(file)) : path.resolve(file);
  }

  moduleUrl(file: string): string | undefined {
    return this.memory.stat(file)?.kind === "file" ? this.memory.moduleUrl(file) : this.base.moduleUrl(file);
  }

  /** Writes go to the memory: the unsaved buffer is what the fix applies to. */
  write(file: string, text: string, options: WriteOptions = {}): void {
    if (this.memory.stat(file)?.kind === "file") this.memory.write(file, text, options);
    else this.base.write(file, text, options);
  }
}
