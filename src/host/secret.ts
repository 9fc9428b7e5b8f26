/**
 * This machine's cache secret: 32 random bytes in the user's cache folder (never in a
 * repository), so a `.brandlintcache` made elsewhere — committed to a pull request,
 * say — cannot pass as this machine's own.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

let secret: Buffer | undefined;

function secretFile(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir() || os.tmpdir(), ".cache");
  return path.join(base, "brandlint", "cache-secret");
}

/** The secret, created on first use; undefined when it can be neither read nor made (the cache is then off). */
export function cacheSecret(): Buffer | undefined {
  if (secret) return secret;
  const file = secretFile();
  try {
    const s = readFileSync(file);
    if (s.length >= 32) return (secret = s);
  } catch {
    // not made yet
  }
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, randomBytes(32), { mode: 0o600 });
    renameSync(tmp, file);
    return (secret = readFileSync(file));
  } catch {
    return undefined;
  }
}
