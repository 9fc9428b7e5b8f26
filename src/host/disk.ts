/** The Host on the real file system: bounded, non-blocking reads; atomic writes. */
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, renameSync, statSync, lstatSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import { writeAtomic } from "../fix/write.js";
import type { Host, HostDirent, HostRead, HostStat, WriteOptions } from "./host.js";

function code(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? String(e);
}

function kindOf(st: { isFile(): boolean; isDirectory(): boolean }): "file" | "dir" | "other" {
  return st.isFile() ? "file" : st.isDirectory() ? "dir" : "other";
}

export class DiskHost implements Host {
  readonly kind = "disk" as const;

  read(path: string, limit: number): HostRead {
    let fd: number;
    try {
      // O_NONBLOCK: opening a FIFO with no writer returns at once instead of hanging.
      fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOCTTY ?? 0));
    } catch (e) {
      return { ok: false, code: code(e) };
    }
    try {
      const st = fstatSync(fd);
      if (st.isDirectory()) return { ok: false, code: "EISDIR" };
      if (!st.isFile()) return { ok: false, code: "ENOTREG" };
      if (st.size > limit) return { ok: false, code: "E2BIG", size: st.size };
      // Read until end of file, never past the limit (the file may grow meanwhile).
      const buf = Buffer.allocUnsafe(Math.min(limit, st.size) + 1);
      let n = 0;
      for (;;) {
        if (n === buf.length) return { ok: false, code: "E2BIG", size: n };
        const got = readSync(fd, buf, n, buf.length - n, null);
        if (got === 0) break;
        n += got;
      }
      return { ok: true, bytes: buf.subarray(0, n) };
    } catch (e) {
      return { ok: false, code: code(e) };
    } finally {
      closeSync(fd);
    }
  }

  list(dir: string): HostDirent[] | undefined {
    try {
      return readdirSync(dir, { withFileTypes: true }).map((e) => ({ name: e.name, kind: e.isSymbolicLink() ? "symlink" : kindOf(e) }));
    } catch {
      return undefined;
    }
  }

  stat(path: string): HostStat | undefined {
    try {
      const st = statSync(path);
      return { kind: kindOf(st), size: st.size, symlink: lstatSync(path).isSymbolicLink() };
    } catch {
      return undefined;
    }
  }

  realpath(path: string): string | undefined {
    try {
      return realpathSync(path);
    } catch {
      return undefined;
    }
  }

  moduleUrl(path: string): string | undefined {
    return this.stat(path)?.kind === "file" ? pathToFileURL(path).href : undefined;
  }

  /** Replaces an existing file safely (see fix/write.ts), or creates a new one by rename. */
  write(path: string, text: string, options: WriteOptions = {}): void {
    if (options.expected !== undefined || this.stat(path)) {
      writeAtomic(path, text, options.bom ?? false, options.expected, options.root ? { root: options.root } : {});
      return;
    }
    const tmp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    writeFileSync(tmp, (options.bom ? "\ufeff" : "") + text, { flag: "wx" });
    renameSync(tmp, path);
  }
}
