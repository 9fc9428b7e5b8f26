/**
 * `brandlint init`: the scaffold lints clean with the real CLI and is never written
 * over; `init --hook` installs a git pre-commit hook that refuses off-brand commits
 * in a real repository, and never replaces someone else's hook.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { GITIGNORE_ENTRIES, initCommand, LINT_STAGED } from "../src/cli/init.js";
import { UsageError, type Io } from "../src/cli/main.js";
import { BIN, REPO_ROOT, runCli, tempProject, type TempProject } from "./helpers/cli.js";

const SCAFFOLD = ["brand.config.json", "templates/welcome/message.md", ".pre-commit-config.yaml", ".lintstagedrc.json", ".vscode/tasks.json", ".gitignore"];

const projects: TempProject[] = [];
function project(files: Record<string, string> = {}): TempProject {
  const p = tempProject(files);
  projects.push(p);
  return p;
}
afterEach(() => {
  for (const p of projects.splice(0)) p.dispose();
});

function io(cwd: string) {
  const out = { stdout: "", stderr: "" };
  const value: Io = { stdout: (s) => (out.stdout += s), stderr: (s) => (out.stderr += s), cwd, color: false, env: {} };
  return { io: value, out };
}

/** git, isolated from the machine's global and system config (a global core.hooksPath would move the hook). */
function gitEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1", ...extra };
  for (const k of ["NO_COLOR", "FORCE_COLOR", "BRANDLINT", "BRANDLINT_DEBUG", "NODE_OPTIONS", "GIT_DIR", "GIT_INDEX_FILE", "GIT_WORK_TREE"]) if (!(k in extra)) delete env[k];
  return env;
}

function git(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync("git", args, { cwd, env: gitEnv(env), encoding: "utf8" });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, output: r.stdout + r.stderr };
}

const commit = (cwd: string, message: string, env: NodeJS.ProcessEnv = {}, ...extra: string[]) =>
  git(cwd, ["-c", "user.email=t@t", "-c", "user.name=t", "commit", "-m", message, ...extra], env);

const commitCount = (cwd: string) => Number(git(cwd, ["rev-list", "--count", "HEAD"]).output.trim());

describe("brandlint init", { timeout: 120_000 }, () => {
  it("scaffolds a config, an example campaign and the hook and editor configs into an empty folder", async () => {
    const p = project();
    const { io: value, out } = io(p.dir);
    expect(await initCommand([], value)).toBe(0);
    for (const f of SCAFFOLD) {
      expect(existsSync(path.join(p.dir, f)), f).toBe(true);
      expect(out.stdout).toContain(`wrote ${f}`);
    }
    expect(out.stderr).toBe("");
    const config = JSON.parse(readFileSync(path.join(p.dir, "brand.config.json"), "utf8")) as Record<string, unknown>;
    expect(config.$schema).toBe("./node_modules/brandlint/schema/brand.config.schema.json");
    expect(Object.keys(config)).toEqual(expect.arrayContaining(["brand", "colors", "fonts", "tone", "offers", "channels", "variables"]));
    expect(config).toMatchObject({
      brand: { name: expect.any(String), address: expect.any(String), domains: [expect.any(String)], unsubscribeUrl: expect.any(String) },
      channels: { sms: { optOut: expect.any(String) } },
      variables: { firstName: { sample: expect.any(String), fallback: expect.any(String) } },
    });
    // The $schema path is where npm installs this package's schema.
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { files: string[]; exports: Record<string, string> };
    expect(pkg.files).toContain("schema");
    expect(pkg.exports["./schema/brand.config.schema.json"]).toBe("./schema/brand.config.schema.json");
  });

  it("writes a project that the real CLI lints clean, under every rule", async () => {
    const p = project();
    const r0 = await runCli(["init"], p.dir);
    expect(r0.stderr).toBe("");
    expect(r0.code).toBe(0);
    expect(r0.stdout).toContain("wrote templates/welcome/message.md");
    const r = await runCli(["--format", "json"], p.dir);
    expect(r.stderr).toBe("");
    const results = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; message: string; line: number }[] }[];
    expect(results.map((x) => x.filePath)).toEqual(["templates/welcome/message.md"]);
    expect(results.flatMap((x) => x.messages.map((m) => `${x.filePath}:${m.line} ${m.message} [${m.ruleId}]`))).toEqual([]);
    expect(r.code).toBe(0);
    // It renders too: every channel of the example has a variant.
    const out = path.join(p.dir, "out");
    const render = await runCli(["render", "templates/welcome/message.md", "--out", out], p.dir);
    expect(render.code).toBe(0);
    for (const f of ["email.html", "sms.txt", "push.json", "whatsapp.txt", "social.txt"]) expect(existsSync(path.join(out, f)), f).toBe(true);
  });

  it("never overwrites: a second run skips every file, says so, and has nothing to do", async () => {
    const p = project();
    expect(await initCommand([], io(p.dir).io)).toBe(0);
    p.write("brand.config.json", '{ "brand": { "name": "Mine" } }\n');
    const { io: value, out } = io(p.dir);
    expect(await initCommand([], value)).toBe(0);
    expect(out.stdout).toBe("");
    for (const f of SCAFFOLD.filter((x) => x !== ".gitignore")) expect(out.stderr).toContain(`skipped ${f}`);
    expect(out.stderr).toMatch(/nothing to do/);
    expect(readFileSync(path.join(p.dir, "brand.config.json"), "utf8")).toBe('{ "brand": { "name": "Mine" } }\n');
  });

  it("a second run knows its own config: no word of the folder having its own brand", async () => {
    const p = project();
    expect(await initCommand([], io(p.dir).io)).toBe(0);
    const { io: value, out } = io(p.dir);
    expect(await initCommand([], value)).toBe(0);
    expect(out.stderr).toContain("skipped templates/welcome/message.md: it already exists");
    expect(out.stderr).not.toContain("own brand.config.json");
    // Removing the example campaign and running again brings it back: it fits init's own config.
    rmSync(path.join(p.dir, "templates"), { recursive: true });
    const third = io(p.dir);
    expect(await initCommand([], third.io)).toBe(0);
    expect(third.out.stdout).toContain("wrote templates/welcome/message.md");
  });

  it("ignores brandlint's cache, preview and render output in git, appending only the missing lines", async () => {
    const fresh = project();
    expect(await initCommand([], io(fresh.dir).io)).toBe(0);
    expect(readFileSync(path.join(fresh.dir, ".gitignore"), "utf8")).toBe(`# brandlint: cache, preview and render output\n${GITIGNORE_ENTRIES.join("\n")}\n`);
    const mine = project({ ".gitignore": "node_modules\n/out/" });
    const { io: value, out } = io(mine.dir);
    expect(await initCommand([], value)).toBe(0);
    expect(readFileSync(path.join(mine.dir, ".gitignore"), "utf8")).toBe("node_modules\n/out/\n\n# brandlint: cache, preview and render output\n.brandlintcache\npreview/\n");
    expect(out.stdout).toContain("wrote .gitignore (.brandlintcache, preview/)");
    // git really ignores them.
    git(mine.dir, ["init", "-q"]);
    for (const f of [".brandlintcache", "preview/index.html", "out/sms.txt"]) expect(git(mine.dir, ["check-ignore", "-q", f]).code, f).toBe(0);
    const again = io(mine.dir);
    await initCommand([], again.io);
    expect(again.out.stdout).not.toContain(".gitignore");
  });

  it("keeps an existing brand config, and then leaves out the example campaign written for the example brand", async () => {
    const p = project({ "brand.config.json": '{ "brand": { "name": "Mine" } }\n' });
    const { io: value, out } = io(p.dir);
    expect(await initCommand([], value)).toBe(0);
    expect(readFileSync(path.join(p.dir, "brand.config.json"), "utf8")).toBe('{ "brand": { "name": "Mine" } }\n');
    expect(existsSync(path.join(p.dir, "templates"))).toBe(false);
    expect(out.stderr).toMatch(/skipped brand\.config\.json: it already exists/);
    expect(out.stderr).toMatch(/skipped templates\/welcome\/message\.md: .*own brand\.config\.json/);
    expect(out.stdout).toContain("wrote .pre-commit-config.yaml");
    expect(out.stdout).toContain("wrote .lintstagedrc.json");
  });

  it("rejects unknown options and paths with a usage error (exit 2 from the CLI)", async () => {
    const p = project();
    await expect(initCommand(["--force"], io(p.dir).io)).rejects.toThrow(UsageError);
    await expect(initCommand(["--force"], io(p.dir).io)).rejects.toThrow(/unknown option --force/);
    await expect(initCommand(["somewhere"], io(p.dir).io)).rejects.toThrow(/takes no paths/);
    expect(existsSync(path.join(p.dir, "brand.config.json"))).toBe(false);
    const r = await runCli(["init", "--hook", "extra"], p.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^brandlint: init writes into the current folder/);
  });

  it("writes a pre-commit framework config that the real pre-commit runs with the installed brandlint (no tag, no registry)", async () => {
    const p = project();
    expect(await initCommand([], io(p.dir).io)).toBe(0);
    const preCommit = parseYaml(readFileSync(path.join(p.dir, ".pre-commit-config.yaml"), "utf8")) as { repos: { repo: string; hooks: { id: string; entry: string; language: string; files: string }[] }[] };
    const hooks = parseYaml(readFileSync(path.join(REPO_ROOT, ".pre-commit-hooks.yaml"), "utf8")) as { id: string; files: string }[];
    expect(preCommit.repos).toEqual([{ repo: "local", hooks: [{ id: hooks[0]!.id, name: "brandlint", entry: "node_modules/.bin/brandlint", language: "system", files: hooks[0]!.files, require_serial: true }] }]);
    expect(JSON.parse(readFileSync(path.join(p.dir, ".lintstagedrc.json"), "utf8"))).toEqual(LINT_STAGED);

    // The brandlint "installed" in the project is this checkout's.
    mkdirSync(path.join(p.dir, "node_modules", ".bin"), { recursive: true });
    symlinkSync(BIN, path.join(p.dir, "node_modules", ".bin", "brandlint"));
    git(p.dir, ["init", "-q"]);
    p.write("templates/welcome/sms.txt", "Acme: so cheap! Reply STOP to opt out\n");
    git(p.dir, ["add", "templates", "brand.config.json", ".pre-commit-config.yaml"]);
    const env = gitEnv({ PRE_COMMIT_HOME: path.join(p.dir, ".pre-commit-home") });
    const run = (...files: string[]) => spawnSync("pre-commit", ["run", "--files", ...files], { cwd: p.dir, env, encoding: "utf8" });
    const bad = run("templates/welcome/sms.txt");
    expect(bad.status, bad.stdout + bad.stderr).toBe(1);
    expect(bad.stdout).toMatch(/templates\/welcome\/sms\.txt[\s\S]*1:10 +error +.*cheap/);
    p.write("templates/welcome/sms.txt", "Acme: welcome! Take 10% off your first order with code WELCOME10 https://acme.example/new Reply STOP to opt out\n");
    const good = run("templates/welcome/sms.txt");
    expect(good.status, good.stdout + good.stderr).toBe(0);
  });

  it("prints its help", async () => {
    const { io: value, out } = io(project().dir);
    expect(await initCommand(["--help"], value)).toBe(0);
    expect(out.stdout).toMatch(/Usage: brandlint init \[--hook\]/);
  });
});

describe("brandlint init --hook", { timeout: 180_000 }, () => {
  /** A repository with the example brand and campaign, committed, and the hook installed through the CLI. */
  async function repoWithHook(): Promise<TempProject> {
    const p = project();
    expect((await runCli(["init"], p.dir)).code).toBe(0);
    git(p.dir, ["init", "-q"]);
    const r = await runCli(["init", "--hook"], p.dir, { GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/wrote \.git\/hooks\/pre-commit/);
    return p;
  }
  const lintWith = { BRANDLINT: `${process.execPath} ${BIN}` };

  it("installs an executable hook that lints the staged campaigns, overridable with BRANDLINT", async () => {
    const p = await repoWithHook();
    const hook = path.join(p.dir, ".git", "hooks", "pre-commit");
    const text = readFileSync(hook, "utf8");
    expect(text.startsWith("#!/bin/sh\n")).toBe(true);
    expect(text).toContain("exec node_modules/.bin/brandlint");
    expect(text).not.toMatch(/npx/);
    expect(text).toContain("git diff --cached --name-only");
    expect(text).toContain("BRANDLINT");
    expect(statSync(hook).mode & 0o111).not.toBe(0);
    expect(spawnSync("sh", ["-n", hook]).status).toBe(0);
  });

  it("refuses an off-brand commit with the findings shown, and lets a clean one through", async () => {
    const p = await repoWithHook();
    git(p.dir, ["add", "-A"]);
    // The first commit stages brand.config.json: the hook lints every campaign, and the example is clean.
    const first = commit(p.dir, "scaffold", lintWith);
    expect(first.output).not.toMatch(/error/);
    expect(first.code).toBe(0);
    expect(commitCount(p.dir)).toBe(1);

    p.write("templates/autumn/message.md", "---\noffer: WELCOME10\n---\n# Autumn at Acme\n\nOur cheapest jackets: 10% off with code WELCOME10.\n\n[Shop](https://acme.example/autumn)\n");
    git(p.dir, ["add", "templates/autumn/message.md"]);
    const refused = commit(p.dir, "autumn", lintWith);
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain("templates/autumn/message.md");
    expect(refused.output).toMatch(/‘cheapest’ is off-brand; write ‘affordable’/);
    expect(commitCount(p.dir)).toBe(1);

    p.write("templates/autumn/message.md", "---\noffer: WELCOME10\n---\n# Autumn at Acme\n\nOur warmest jackets: 10% off with code WELCOME10.\n\n[Shop](https://acme.example/autumn)\n");
    git(p.dir, ["add", "templates/autumn/message.md"]);
    const clean = commit(p.dir, "autumn", lintWith);
    expect(clean.output).not.toMatch(/off-brand/);
    expect(clean.code).toBe(0);
    expect(commitCount(p.dir)).toBe(2);
  });

  it("lints the whole campaign of a staged or deleted file, so a finding in a sibling file still stops the commit", async () => {
    const p = await repoWithHook();
    git(p.dir, ["add", "-A"]);
    expect(commit(p.dir, "scaffold", lintWith).code).toBe(0);
    // An off-brand message.md that slipped in past the hook...
    p.write("templates/winter/message.md", "---\noffer: WELCOME10\nchannels: [email, sms]\n---\n# Winter at Acme\n\nAct now: 10% off with code WELCOME10.\n\n[Shop](https://acme.example/winter)\n");
    p.write("templates/winter/sms.txt", "Acme: 10% off with code WELCOME10 https://acme.example/winter Reply STOP to opt out\n");
    git(p.dir, ["add", "-A"]);
    expect(commit(p.dir, "winter", lintWith, "--no-verify").code).toBe(0);
    // ...is caught when only its hand-written sms.txt is staged,
    p.write("templates/winter/sms.txt", "Acme: 10% off with WELCOME10 https://acme.example/winter Reply STOP to opt out\n");
    git(p.dir, ["add", "templates/winter/sms.txt"]);
    expect(git(p.dir, ["diff", "--cached", "--name-only"]).output.trim()).toBe("templates/winter/sms.txt");
    const refused = commit(p.dir, "winter sms", lintWith);
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain("templates/winter/message.md");
    expect(refused.output).toMatch(/‘Act now’ is off-brand/);
    // ...and when the commit only deletes it.
    git(p.dir, ["reset", "-q", "--hard"]);
    git(p.dir, ["rm", "-q", "templates/winter/sms.txt"]);
    const deleted = commit(p.dir, "no winter sms", lintWith);
    expect(deleted.code).not.toBe(0);
    expect(deleted.output).toMatch(/‘Act now’ is off-brand/);
    expect(commitCount(p.dir)).toBe(2);
  });

  it("does not run brandlint for a commit that touches no campaign file", async () => {
    const p = await repoWithHook();
    git(p.dir, ["add", "-A"]);
    expect(commit(p.dir, "scaffold", lintWith).code).toBe(0);
    p.write("README.md", "# Our templates\n");
    p.write("templates/welcome/notes.txt", "ideas\n");
    git(p.dir, ["add", "-A"]);
    // A BRANDLINT that always fails proves the hook never called it.
    const r = commit(p.dir, "docs", { BRANDLINT: "false" });
    expect(r.code).toBe(0);
    expect(commitCount(p.dir)).toBe(2);
  });

  it("is a no-op when already installed, and refuses to replace another hook (exit 2)", async () => {
    const p = await repoWithHook();
    const again = await runCli(["init", "--hook"], p.dir, { GIT_CONFIG_GLOBAL: "/dev/null" });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already installed/);

    const hook = path.join(p.dir, ".git", "hooks", "pre-commit");
    writeFileSync(hook, "#!/bin/sh\nnpm test\n");
    chmodSync(hook, 0o755);
    const r = await runCli(["init", "--hook"], p.dir, { GIT_CONFIG_GLOBAL: "/dev/null" });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.git\/hooks\/pre-commit already exists, and brandlint will not replace it/);
    expect(r.stderr).not.toContain("    at ");
    expect(readFileSync(hook, "utf8")).toBe("#!/bin/sh\nnpm test\n");
  });

  it("installs where core.hooksPath points, from a subfolder too", async () => {
    const p = project({ "templates/.keep": "" });
    git(p.dir, ["init", "-q"]);
    git(p.dir, ["config", "core.hooksPath", ".githooks"]);
    mkdirSync(path.join(p.dir, "templates"), { recursive: true });
    const r = await runCli(["init", "--hook"], path.join(p.dir, "templates"), { GIT_CONFIG_GLOBAL: "/dev/null" });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`wrote ${path.join("..", ".githooks", "pre-commit")}`);
    expect(existsSync(path.join(p.dir, ".githooks", "pre-commit"))).toBe(true);
  });

  it("in a husky repository, writes the project's own hook (.husky/pre-commit), not husky's generated stub", async () => {
    const p = project({ "templates/.keep": "" });
    git(p.dir, ["init", "-q"]);
    mkdirSync(path.join(p.dir, ".husky", "_"), { recursive: true });
    git(p.dir, ["config", "core.hooksPath", ".husky/_"]);
    const r = await runCli(["init", "--hook"], p.dir, { GIT_CONFIG_GLOBAL: "/dev/null" });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`wrote ${path.join(".husky", "pre-commit")}:`);
    expect(existsSync(path.join(p.dir, ".husky", "pre-commit"))).toBe(true);
    expect(existsSync(path.join(p.dir, ".husky", "_", "pre-commit"))).toBe(false);
  });

  it("says what is wrong outside a git repository (exit 2)", async () => {
    const p = project();
    const r = await runCli(["init", "--hook"], p.dir, { GIT_CEILING_DIRECTORIES: path.dirname(p.dir) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^brandlint: init --hook: a git hook needs a git repository, and .* is not inside one/);
  });
});
