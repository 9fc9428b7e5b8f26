/**
 * The pre-commit framework for real (Debian's `pre-commit`, installed by .ci/run): a
 * fixture repository uses this repository's hook (.pre-commit-hooks.yaml) by path and
 * commit, as a team would by URL and commit. `pre-commit install-hooks` installs it the
 * way pre-commit installs every node hook (npm install and npm pack in its clone, whose
 * stdout must hold only the tarball's name, then npm install -g of that tarball), and
 * `pre-commit run --files …` blocks an off-brand campaign, passes a clean one, and lints
 * the whole campaign folder when one of its files is staged.
 *
 * No network: npm runs with --offline, from the npm cache that `npm ci` filled (.ci/run
 * also installs the hook's packages once, online, before the tests, so the cache holds
 * what the global install resolves).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ruleIds } from "../src/rules-index.js";
import { REPO_ROOT } from "./helpers/cli.js";

const git = (cwd: string, ...args: string[]) => execFileSync("git", ["-c", "user.email=t@t", "-c", "user.name=t", ...args], { cwd, encoding: "utf8" });

/** This checkout's working state (tracked and untracked, not ignored) committed in a new repository; returns the commit. */
function commitWorkingState(into: string): string {
  const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "-z"], { cwd: REPO_ROOT, encoding: "utf8" }).split("\0").filter(Boolean);
  for (const f of files) {
    const from = path.join(REPO_ROOT, f);
    if (!existsSync(from)) continue; // deleted in the working tree
    mkdirSync(path.dirname(path.join(into, f)), { recursive: true });
    copyFileSync(from, path.join(into, f));
  }
  git(into, "init", "-q");
  git(into, "add", "-A");
  git(into, "commit", "-q", "-m", "working state");
  return git(into, "rev-parse", "HEAD").trim();
}

const CONFIG = {
  brand: { name: "Acme" },
  tone: { banned: [{ term: "cheap", suggest: "affordable" }] },
  rules: Object.fromEntries(ruleIds().map((id) => [id, id === "tone-words" ? "error" : "off"])),
};

describe("the pre-commit framework installs and runs the brandlint hook", { timeout: 900_000 }, () => {
  let tmp: string;
  let fixture: string;
  let env: NodeJS.ProcessEnv;
  let install: ReturnType<typeof spawnSync>;
  const preCommit = (...args: string[]) => spawnSync("pre-commit", args, { cwd: fixture, env, encoding: "utf8" });

  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), "brandlint-pre-commit-"));
    const hookRepo = path.join(tmp, "brandlint");
    mkdirSync(hookRepo);
    const rev = commitWorkingState(hookRepo);

    fixture = path.join(tmp, "team");
    const files: Record<string, string> = {
      "brand.config.json": JSON.stringify(CONFIG, null, 2),
      ".pre-commit-config.yaml": `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: brandlint\n`,
      "templates/good/sms.txt": "Acme: all good here\n",
      "templates/bad/sms.txt": "Acme: so cheap\n",
      // The finding is in message.md; the commit stages only sms.txt.
      "templates/mixed/message.md": "---\nchannels: [email]\n---\n# Hi\n\nOur cheap tents.\n",
      "templates/mixed/sms.txt": "Acme: hello\n",
      "README.md": "not a campaign\n",
    };
    for (const [f, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(fixture, f)), { recursive: true });
      writeFileSync(path.join(fixture, f), text);
    }
    git(fixture, "init", "-q");
    git(fixture, "add", "-A");
    env = { ...process.env, PRE_COMMIT_HOME: path.join(tmp, "pre-commit-home"), npm_config_offline: "true", PRE_COMMIT_COLOR: "never", GIT_CONFIG_NOSYSTEM: "1" };
    for (const k of ["NO_COLOR", "FORCE_COLOR", "BRANDLINT", "BRANDLINT_DEBUG", "NODE_OPTIONS", "GIT_DIR", "GIT_INDEX_FILE", "GIT_WORK_TREE"]) delete env[k];
    install = preCommit("install-hooks");
  }, 900_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("pre-commit install-hooks installs it (npm pack's stdout is only the tarball name), offline", () => {
    expect(install.error).toBeUndefined();
    expect(`${String(install.stdout)}${String(install.stderr)}`).not.toMatch(/An unexpected error|ENOENT|ENOTCACHED/);
    expect(install.status).toBe(0);
  });

  it("the hook's environment holds brandlint and its runtime dependencies only", () => {
    const home = env.PRE_COMMIT_HOME!;
    const envDir = readdirSync(home)
      .filter((d) => d.startsWith("repo"))
      .flatMap((d) => readdirSync(path.join(home, d)).filter((e) => e.startsWith("node_env")).map((e) => path.join(home, d, e)))[0]!;
    expect(envDir).toBeDefined();
    const installed = path.join(envDir, "lib", "node_modules");
    expect(readdirSync(installed)).toEqual(["brandlint"]);
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    const lock = JSON.parse(readFileSync(path.join(REPO_ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, { dev?: boolean; devOptional?: boolean }> };
    const deps = new Set(readdirSync(path.join(installed, "brandlint", "node_modules")).flatMap((d) => (d.startsWith("@") ? readdirSync(path.join(installed, "brandlint", "node_modules", d)).map((s) => `${d}/${s}`) : [d])));
    for (const d of Object.keys(pkg.dependencies)) expect(deps.has(d), d).toBe(true);
    // Packages only the build and the tests need (dev-only in the lockfile: typescript, eslint, vitest, playwright-core...).
    const runtimeNames = new Set(Object.entries(lock.packages).filter(([k, v]) => k && !v.dev && !v.devOptional).map(([k]) => k.slice(k.lastIndexOf("node_modules/") + "node_modules/".length)));
    const devOnly = Object.keys(lock.packages).filter((k) => k.split("node_modules/").length === 2).map((k) => k.slice("node_modules/".length)).filter((d) => !runtimeNames.has(d));
    expect(devOnly).toEqual(expect.arrayContaining(["typescript", "eslint", "vitest", "playwright-core", "esbuild"]));
    expect(devOnly.filter((d) => deps.has(d))).toEqual([]);
    // The package carries what the CLI runs, not the sources it was built from.
    expect(existsSync(path.join(installed, "brandlint", "dist", "brandlint.mjs"))).toBe(true);
    expect(existsSync(path.join(installed, "brandlint", "src"))).toBe(false);
  });

  it("blocks an off-brand campaign and passes a clean one", () => {
    const bad = preCommit("run", "--files", "templates/bad/sms.txt");
    expect(bad.status, bad.stdout + bad.stderr).toBe(1);
    expect(bad.stdout).toMatch(/brandlint\.+Failed/);
    expect(bad.stdout).toMatch(/templates\/bad\/sms\.txt\n {2}1:10 +error +‘cheap’ is off-brand/);
    const good = preCommit("run", "--files", "templates/good/sms.txt", "README.md");
    expect(good.status, good.stdout + good.stderr).toBe(0);
    expect(good.stdout).toMatch(/brandlint\.+Passed/);
  });

  it("sees the whole campaign folder when one file of it is staged", () => {
    const r = preCommit("run", "--files", "templates/mixed/sms.txt");
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/templates\/mixed\/message\.md\n {2}6:5 +error +‘cheap’ is off-brand/);
  });
});
