/**
 * The Host: the one door to the file system. Config loading, campaign discovery and
 * loading, mj-include, custom rules and the cache read through it; every layer above
 * works on what it returns, so the editor (unsaved buffers), the hook (staged files)
 * and CI lint the same way. Implementations: disk, memory, and memory over disk.
 *
 * Paths are absolute. Reads are bounded: a file larger than the limit, a FIFO, a
 * socket or a device is an error code, never a hang.
 */

import { Buffer, isUtf8 } from "node:buffer";
import { isAbsolute, relative } from "node:path";

export type FileKind = "file" | "dir" | "other";

export interface HostStat {
  kind: FileKind;
  size: number;
  /** The path itself is a symbolic link (stat follows it). */
  symlink: boolean;
}

export interface HostDirent {
  name: string;
  /** A symbolic link is reported as such; stat it to learn what it points at. */
  kind: FileKind | "symlink";
}

/**
 * Why a read failed: ENOENT, EISDIR, EACCES, ELOOP, ENOTREG (a FIFO, socket or
 * device), E2BIG (over the limit; `size` says how big), or another errno code.
 */
export type HostRead = { ok: true; bytes: Uint8Array } | { ok: false; code: string; size?: number };

export interface WriteOptions {
  bom?: boolean;
  /** The content the new text was computed from: if the file changed since, nothing is written. */
  expected?: string;
  /** The project root: a symbolic link is written through only when its target is inside it. */
  root?: string;
}

export interface Host {
  readonly kind: "disk" | "memory" | "overlay";
  /** Reads at most `limit` bytes of a regular file. */
  read(path: string, limit: number): HostRead;
  /** The entries of a folder, or undefined when it is not a readable folder. */
  list(dir: string): HostDirent[] | undefined;
  /** What is at `path` (symlinks followed), or undefined when nothing is. */
  stat(path: string): HostStat | undefined;
  /** The canonical path (symlinks resolved), or undefined when it does not exist. */
  realpath(path: string): string | undefined;
  /** Replaces a file's text (atomically on disk). Throws when it cannot. */
  write(path: string, text: string, options?: WriteOptions): void;
  /** A URL `import()` can load the module at `path` from (custom rules), or undefined. */
  moduleUrl(path: string): string | undefined;
}

const utf8 = new TextDecoder("utf-8");

/** `p` is `root` or below it (both real paths). */
export function isInside(root: string, p: string): boolean {
  const rel = relative(root, p);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/**
 * Reads at most `limit` bytes of a regular file whose real path (symbolic links resolved)
 * is inside `root`. A file outside is refused without being opened (EOUTSIDE, with the
 * real path), and so is a FIFO, socket or device (ENOTREG; the host's read checks again
 * on what it opened). Campaign files and the preview's images are read through this.
 */
export function readInside(host: Host, file: string, root: string, limit: number): HostRead | { ok: false; code: "EOUTSIDE"; real: string } {
  const real = host.realpath(file);
  const realRoot = host.realpath(root) ?? root;
  if (real && !isInside(realRoot, real)) return { ok: false, code: "EOUTSIDE", real };
  if (host.stat(file)?.kind === "other") return { ok: false, code: "ENOTREG" };
  return host.read(file, limit);
}

/**
 * UTF-8 bytes as text, as TextDecoder gives it (a leading BOM dropped, each invalid
 * sequence one U+FFFD). Valid UTF-8 (checked by simdutf, a fraction of a millisecond for
 * megabytes) is decoded by V8 itself, about a third faster than TextDecoder on a 9 MB
 * config; anything else goes through TextDecoder, whose replacements are the standard's.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  return isUtf8(bytes) ? decodeValidUtf8(bytes) : utf8.decode(bytes);
}

/** Bytes known to be UTF-8, decoded by Buffer (faster than TextDecoder), without a BOM. */
function decodeValidUtf8(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Reads a whole small text file (config, suppressions, cache), or undefined when it cannot.
 * Bytes that are not UTF-8 read as U+FFFD; `badUtf8` then says where the first of them is
 * (its UTF-16 offset in `text`), for a caller that must refuse such a file (the config).
 */
export function readText(host: Host, path: string, limit: number): { text: string; badUtf8?: number } | { code: string; size?: number } {
  const r = host.read(path, limit);
  if (!r.ok) return { code: r.code, ...(r.size !== undefined ? { size: r.size } : {}) };
  if (isUtf8(r.bytes)) return { text: decodeValidUtf8(r.bytes) };
  // The bytes before the first bad one are valid: decoded alone, their length is its offset in the text.
  return { text: utf8.decode(r.bytes), badUtf8: utf8.decode(r.bytes.subarray(0, firstInvalidUtf8(r.bytes))).length };
}

/** The byte offset of the first byte that does not start a valid UTF-8 sequence (the length when all are valid). */
export function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    const n = b < 0x80 ? 0 : (b & 0xe0) === 0xc0 && b >= 0xc2 ? 1 : (b & 0xf0) === 0xe0 ? 2 : (b & 0xf8) === 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= buf.length || (buf[i + k]! & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return buf.length;
}

/** Every read of a small file the engine makes is bounded by this (2 MiB: a template is never this big). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
