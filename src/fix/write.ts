/**
 * Writing a fixed file safely: to a temp file beside it, then rename over the
 * original, so a crash leaves either the old file or the new one, never half of one.
 * Keeps the file's mode and BOM; line endings are untouched because fixes only
 * replace ranges inside lines.
 */
import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync, readFileSync, linkSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";

export class FileChangedError extends Error {}

/**
 * Replaces `file` with `text` (plus BOM when `bom`), atomically. `expected` is the
 * content the fix was computed from: if the file changed since, nothing is written.
 */
export function writeAtomic(file: string, text: string, bom: boolean, expected?: string): void {
  const st = statSync(file);
  const dir = path.dirname(file);
  const lock = path.join(dir, `.${path.basename(file)}.brandlint-lock`);
  // A hard link as a lock: creating it fails if another brandlint run holds it.
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  const fd = openSync(tmp, "wx", st.mode & 0o7777);
  try {
    writeSync(fd, (bom ? "\ufeff" : "") + text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(tmp, lock);
  } catch {
    unlinkSync(tmp);
    throw new FileChangedError(`${file} is being fixed by another brandlint run; not written`);
  }
  try {
    if (expected !== undefined) {
      const now = readFileSync(file, "utf8");
      if (now !== (bom ? "\ufeff" : "") + expected) {
        unlinkSync(tmp);
        throw new FileChangedError(`${file} changed while brandlint was fixing it; not written`);
      }
    }
    renameSync(tmp, file);
  } finally {
    try {
      unlinkSync(lock);
    } catch {
      // already gone
    }
  }
}
