/** Where the repository starts: SARIF URIs and GitHub annotation paths are relative to it. */
import { existsSync } from "node:fs";
import path from "node:path";

/**
 * The top of the git working tree holding `dir` (the nearest folder with a `.git` folder or
 * file, as for worktrees and submodules), else `fallback`. Looked up on disk rather than
 * by running git, so the common run starts no process.
 */
export function repositoryRoot(dir: string, fallback: string = dir): string {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (existsSync(path.join(d, ".git"))) return d;
    if (path.dirname(d) === d) return fallback;
  }
}
