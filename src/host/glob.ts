/**
 * Globs over a Host: picomatch decides what matches (the same syntax as tinyglobby
 * and lint-staged), the Host lists folders, so a glob sees unsaved files too. Folders
 * are entered once by their real path, so a symlink loop is walked once.
 */
import path from "node:path";
import picomatch from "picomatch";
import type { Host } from "./host.js";

const SKIP = new Set(["node_modules", ".git"]);
const MAX_DEPTH = 32;

/** Absolute paths of files and folders matching `pattern` (relative to `cwd`), sorted. */
export function globHost(host: Host, pattern: string, cwd: string): string[] {
  const scan = picomatch.scan(pattern);
  const base = path.resolve(cwd, scan.base || ".");
  const absolute = path.isAbsolute(pattern);
  const isMatch = picomatch(absolute ? pattern.split(path.sep).join("/") : pattern.replace(/^\.\//, ""), { dot: false });
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (dir: string, depth: number) => {
    const real = host.realpath(dir) ?? dir;
    if (seen.has(real) || depth > MAX_DEPTH) return;
    seen.add(real);
    for (const e of host.list(dir) ?? []) {
      if (SKIP.has(e.name)) continue;
      const abs = path.join(dir, e.name);
      const kind = e.kind === "symlink" ? host.stat(abs)?.kind : e.kind;
      const rel = absolute ? abs.split(path.sep).join("/") : path.relative(cwd, abs).split(path.sep).join("/");
      if (isMatch(rel)) out.push(abs);
      if (kind === "dir" && !e.name.startsWith(".")) visit(abs, depth + 1);
    }
  };
  visit(base, 0);
  return out.sort();
}

/** True when the path has glob syntax (* ? [ ] { } !( ) …). */
export function isGlob(p: string): boolean {
  return picomatch.scan(p).isGlob;
}
