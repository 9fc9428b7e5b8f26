/**
 * Writing a fixed file safely: to a temp file beside it, then rename over the
 * original, so a crash leaves either the old file or the new one, never half of one.
 *
 * - The file must still hold exactly the bytes the fix was computed from, and must not
 *   have been written in the last moments (an editor writing in place may be between
 *   two chunks); after the rename, the replaced file is checked once more, and if
 *   anything was written into it meanwhile, that content is put back (nothing lost).
 * - A lock beside the file (owner pid and start time) keeps two runs apart; a lock
 *   whose owner is gone, or older than any fix takes, is taken over.
 * - Temp files of a killed run are removed by the next run.
 * - A symbolic link is fixed through to its target when the target is inside the
 *   project root, refused otherwise; read-only files are refused; owner and mode kept.
 * Line endings are untouched because fixes only replace ranges inside lines.
 */
import {
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  renameSync,
  unlinkSync,
  writeFileSync,
  writeSync,
  type Stats,
} from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";

export class FileChangedError extends Error {}

export interface WriteOptions {
  /** The project root: a symbolic link is fixed through only when its target is inside it (without a root, links are refused). */
  root?: string;
}

/** A file written this recently may be in the middle of an editor's write. */
const QUIET_MS = 500;
/** How long to wait for a file being written to become quiet. */
const MAX_WAIT_MS = 3000;
/** No fix holds its lock this long: an older lock is left over from a killed run. */
const STALE_LOCK_MS = 60_000;

/** Written in the last QUIET_MS (a clock skewed into the future does not count). */
const recent = (st: Stats) => {
  const age = Date.now() - st.mtimeMs;
  return age > -1000 && age < QUIET_MS;
};

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Is a process with this pid running (on this machine)? */
function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, under another user.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

const TEMP = (base: string) => new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(\\d+)\\.[0-9a-f]{8}\\.tmp$`);

/** Removes temp files a killed run left beside `file` (their pid is no longer running). */
function removeStaleTemps(file: string): void {
  const dir = path.dirname(file);
  const re = TEMP(path.basename(file));
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    const m = re.exec(n);
    if (!m || alive(Number(m[1]))) continue;
    try {
      unlinkSync(path.join(dir, n));
    } catch {
      // another run removed it first
    }
  }
}

interface LockInfo {
  pid: number;
  /** When the owning process started (ms since the epoch): a reused pid is not the owner. */
  started: number;
}

const processStarted = Math.round(Date.now() - process.uptime() * 1000);

function readLock(lock: string): { info?: LockInfo; ageMs: number } | undefined {
  try {
    const st = lstatSync(lock);
    let info: LockInfo | undefined;
    try {
      const v = JSON.parse(readFileSync(lock, "utf8")) as Partial<LockInfo>;
      if (typeof v.pid === "number" && typeof v.started === "number") info = { pid: v.pid, started: v.started };
    } catch {
      // an old-style or half-written lock: judged by its age alone
    }
    return { info, ageMs: Date.now() - st.mtimeMs };
  } catch {
    return undefined;
  }
}

function isStale(l: { info?: LockInfo; ageMs: number }): boolean {
  if (l.ageMs > STALE_LOCK_MS) return true;
  if (!l.info) return l.ageMs > 5_000;
  return !alive(l.info.pid);
}

/** A temp file name beside `target` that the next run removes if this process dies. */
const tempName = (target: string) => path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);

/**
 * Creates `p` holding `content`, only if nothing is there: the content is written to a
 * temp file first and hard-linked into place, so a lock is never seen half-written.
 */
function createExclusive(p: string, content: string, target: string): boolean {
  const tmp = tempName(target);
  writeFileSync(tmp, content, { flag: "wx", mode: 0o600 });
  try {
    linkSync(tmp, p);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    return false;
  } finally {
    unlinkSync(tmp);
  }
}

/** Takes the lock beside the file (`target`), taking over a stale one; false when another run holds it. */
function takeLock(lock: string, target: string): boolean {
  const mine = JSON.stringify({ pid: process.pid, started: processStarted } satisfies LockInfo);
  const takeover = `${lock}.takeover`;
  const dropStaleTakeover = () => {
    const t = readLock(takeover);
    if (!t || !isStale(t)) return;
    try {
      unlinkSync(takeover);
    } catch {
      // gone already
    }
  };
  // A run killed while taking over leaves this behind.
  dropStaleTakeover();
  for (let attempt = 0; attempt < 2; attempt++) {
    if (createExclusive(lock, mine, target)) return true;
    const held = readLock(lock);
    if (held && !isStale(held)) return false;
    // Take over through a second lock, so two runs never both remove and re-create it.
    dropStaleTakeover();
    if (!createExclusive(takeover, mine, target)) return false;
    try {
      const again = readLock(lock);
      if (again && !isStale(again)) return false;
      try {
        unlinkSync(lock);
      } catch {
        // gone already
      }
    } finally {
      unlinkSync(takeover);
    }
  }
  return false;
}

/** Reads at most `limit` bytes of an open file. */
function readUpTo(fd: number, limit: number): Buffer {
  const buf = Buffer.alloc(limit);
  let n = 0;
  while (n < limit) {
    const r = readSync(fd, buf, n, limit - n, n);
    if (r === 0) break;
    n += r;
  }
  return buf.subarray(0, n);
}

// Not ctime: replacing the file by the rename changes the old file's link count, hence its ctime.
const sameState = (a: Stats, b: Stats) => a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;

/** The file to write: the file itself, or the target of a symbolic link inside the root. */
function resolveTarget(file: string, root: string | undefined): string {
  const l = lstatSync(file);
  if (!l.isSymbolicLink()) return file;
  let target: string;
  try {
    target = realpathSync(file);
  } catch {
    throw new FileChangedError(`${file} is a symbolic link whose target cannot be found; not written`);
  }
  if (root !== undefined) {
    const inside = path.relative(realpathSync(root), target);
    if (inside && !inside.startsWith("..") && !path.isAbsolute(inside)) return target;
  }
  throw new FileChangedError(`${file} is a symbolic link to a file outside the project (${target}); not written`);
}

/**
 * Replaces `file` with `text` (plus BOM when `bom`), atomically. `expected` is the
 * content the fix was computed from: if the file does not hold exactly that, nothing is
 * written. Throws FileChangedError (with a message naming the file) when it refuses.
 */
export function writeAtomic(file: string, text: string, bom: boolean, expected?: string, options: WriteOptions = {}): void {
  const target = resolveTarget(file, options.root);
  const dir = path.dirname(target);
  const base = path.basename(target);
  removeStaleTemps(target);
  const lock = path.join(dir, `.${base}.brandlint-lock`);
  if (!takeLock(lock, target)) throw new FileChangedError(`${file} is being fixed by another brandlint run; not written`);
  let tmp: string | undefined;
  let fd: number | undefined;
  try {
    // O_NONBLOCK: a FIFO swapped in for the file must not hang the run.
    fd = openSync(target, constants.O_RDONLY | constants.O_NONBLOCK);
    let st = fstatSync(fd);
    if (!st.isFile()) throw new FileChangedError(`${file} is not a regular file; not written`);
    if ((st.mode & 0o222) === 0) throw new FileChangedError(`${file} is read-only; not fixed (make it writable to let --fix change it)`);
    const want = expected === undefined ? undefined : Buffer.from((bom ? "\ufeff" : "") + expected, "utf8");
    // Wait until nobody has written the file for a moment, then compare every byte.
    for (const t0 = Date.now(); recent(st); st = fstatSync(fd)) {
      if (Date.now() - t0 > MAX_WAIT_MS) throw new FileChangedError(`${file} is being written by another program; not written`);
      sleep(Math.min(QUIET_MS, QUIET_MS - (Date.now() - st.mtimeMs)) + 5);
    }
    if (want && !readUpTo(fd, want.length + 1).equals(want)) throw new FileChangedError(`${file} changed while brandlint was fixing it; not written`);

    tmp = tempName(target);
    const out = openSync(tmp, "wx", 0o600);
    try {
      writeSync(out, (bom ? "\ufeff" : "") + text);
      // Keep the owner (root would otherwise hand the file to itself) and the mode (no umask).
      if (process.getuid?.() === 0 || st.uid !== process.getuid?.() || st.gid !== process.getgid?.()) {
        try {
          fchownSync(out, st.uid, st.gid);
        } catch {
          throw new FileChangedError(`${file} belongs to another user or group, which brandlint cannot keep; not written`);
        }
      }
      fchmodSync(out, st.mode & 0o7777);
      fsyncSync(out);
    } finally {
      closeSync(out);
    }
    // The last look: same bytes and same state as checked, immediately before the rename.
    if (!sameState(st, fstatSync(fd)) || (want && !readUpTo(fd, want.length + 1).equals(want))) throw new FileChangedError(`${file} changed while brandlint was fixing it; not written`);
    renameSync(tmp, target);
    tmp = undefined;
    // Anything written into the replaced file since the last look would be lost: put it back.
    if (!sameState(st, fstatSync(fd))) {
      restore(fd, target);
      throw new FileChangedError(`${file} was written by another program while brandlint was fixing it; kept that version, not written`);
    }
  } finally {
    if (fd !== undefined) closeSync(fd);
    if (tmp !== undefined) {
      try {
        unlinkSync(tmp);
      } catch {
        // never created
      }
    }
    try {
      unlinkSync(lock);
    } catch {
      // already gone
    }
  }
}

/** Puts the content of the replaced file (still open as `fd`) back in place, once it is quiet. */
function restore(fd: number, target: string): void {
  let st = fstatSync(fd);
  for (const t0 = Date.now(); recent(st) && Date.now() - t0 < MAX_WAIT_MS; st = fstatSync(fd)) sleep(QUIET_MS);
  const back = tempName(target);
  const out = openSync(back, "wx", 0o600);
  try {
    writeSync(out, readUpTo(fd, st.size + 1));
    try {
      fchownSync(out, st.uid, st.gid);
    } catch {
      // same owner as ours, or not ours to give
    }
    fchmodSync(out, st.mode & 0o7777);
    fsyncSync(out);
  } finally {
    closeSync(out);
  }
  renameSync(back, target);
}
