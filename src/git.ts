/**
 * What git knows about the working tree: the campaigns touched since a ref (for
 * `--changed-since`) and where the hooks live (for `brandlint init --hook`).
 * Git runs with an argument list (execFileSync), never through a shell.
 */
import { createRequire } from "node:module";

/** child_process is loaded only when git is actually used (it pulls in net and dgram). */
const execFileSync: typeof import("node:child_process").execFileSync = ((...args: Parameters<typeof import("node:child_process").execFileSync>) =>
  (createRequire(import.meta.url)("node:child_process") as typeof import("node:child_process")).execFileSync(...args)) as typeof import("node:child_process").execFileSync;
import path from "node:path";
import { isCampaignFile } from "./campaign/discover.js";
import { diskHost } from "./config/load.js";

/** Git is missing, the folder is not a repository, or a ref is unknown (exit 2). */
export class GitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GitError";
  }
}

/** Runs `git ...args` in `cwd` and returns its stdout; throws GitError with git's own first line of complaint. */
export function git(args: readonly string[], cwd: string): string {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 * 1024 * 1024 });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string | Buffer };
    if (err.code === "ENOENT") throw new GitError("git is not installed (or not on the PATH)");
    const said = String(err.stderr ?? "").trim().split("\n")[0]?.replace(/^(fatal|error): /, "");
    throw new GitError(`git ${args[0]} failed: ${said || err.message}`);
  }
}

/**
 * The top of the working tree that holds `cwd`, spelled from `cwd` (so it compares
 * equal to paths resolved from `cwd`, even where the temp folder is a symlink).
 */
export function worktreeRoot(cwd: string, why: string): string {
  let cdup: string;
  try {
    cdup = git(["rev-parse", "--show-cdup"], cwd).trim();
  } catch (e) {
    if (e instanceof GitError && /not a git repository/i.test(e.message)) throw new GitError(`${why} needs a git repository, and ${cwd} is not inside one`);
    throw e;
  }
  return path.resolve(cwd, cdup);
}

/** Where git runs hooks from (honours core.hooksPath, worktrees and GIT_DIR). */
export function hooksDir(cwd: string): string {
  const root = worktreeRoot(cwd, "a git hook");
  return path.resolve(root, git(["rev-parse", "--git-path", "hooks"], root).trim());
}

export interface ChangedCampaigns {
  /** The brand config changed: every campaign must be linted. */
  all: boolean;
  /** Campaign folders (absolute, sorted) holding a file changed since the ref. */
  dirs: string[];
}

const nulList = (out: string) => out.split("\0").filter(Boolean);

function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  const real = (p: string) => diskHost().realpath(p) ?? path.resolve(p);
  return real(a) === real(b);
}

function holdsCampaign(dir: string): boolean {
  return (diskHost().list(dir) ?? []).some((e) => isCampaignFile(e.name));
}

/**
 * The campaigns touched since `ref`: files changed by commits since the ref's merge
 * base with HEAD (`git diff ref...HEAD`, what a pull request changes), plus staged,
 * unstaged and untracked files. A changed file counts for the campaign folder it
 * sits in, so every variant of a touched campaign is linted; a renamed or deleted
 * file counts for the folder it left, when that folder is still a campaign.
 * `all` is true when `configFile` itself changed.
 */
export function changedCampaignDirs(ref: string, cwd: string, configFile: string): ChangedCampaigns {
  if (!ref || ref.startsWith("-")) throw new GitError(`--changed-since needs a git ref such as origin/main or HEAD~1, not "${ref}"`);
  const root = worktreeRoot(cwd, "--changed-since");
  try {
    git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], root);
  } catch {
    throw new GitError(`--changed-since: unknown git ref "${ref}" (in a CI checkout, fetch it first — actions/checkout needs fetch-depth: 0)`);
  }
  const changed = new Set<string>();
  const add = (out: string) => {
    for (const p of nulList(out)) changed.add(path.resolve(root, p));
  };
  add(git(["diff", "--name-only", "-z", "--no-renames", `${ref}...HEAD`, "--"], root));
  add(git(["diff", "--name-only", "-z", "--no-renames", "HEAD", "--"], root));
  add(git(["ls-files", "--others", "--exclude-standard", "-z"], root));

  const all = [...changed].some((f) => sameFile(f, configFile));
  const dirs = new Set<string>();
  for (const f of changed) {
    const dir = path.dirname(f);
    if (!dirs.has(dir) && holdsCampaign(dir)) dirs.add(dir);
  }
  return { all, dirs: [...dirs].sort() };
}
