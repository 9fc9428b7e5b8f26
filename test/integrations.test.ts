/**
 * The integrations shipped in the package, each run for real: the VS Code problem
 * matcher on the built CLI's `--format unix` output, the pre-commit framework and
 * lint-staged file patterns, the composite GitHub Action's script, and the git
 * helper behind `--changed-since` in a real repository.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import picomatch from "picomatch";
import { parse as parseYaml } from "yaml";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { CHANNEL_FILE_NAMES, discoverCampaigns, isCampaignFile } from "../src/campaign/discover.js";
import { DiskHost } from "../src/host/index.js";
import { CAMPAIGN_FILE_REGEX, LINT_STAGED, VSCODE_TASKS } from "../src/cli/init.js";
import { changedCampaignDirs, GitError } from "../src/git.js";
import { loadRules } from "../src/rules-index.js";
import { BUILTIN_RULES } from "../src/report/types.js";
import { BIN, REPO_ROOT, runCli, tempProject, type TempProject } from "./helpers/cli.js";

const projects: TempProject[] = [];
function project(files: Record<string, string> = {}): TempProject {
  const p = tempProject(files);
  projects.push(p);
  return p;
}
afterEach(() => {
  for (const p of projects.splice(0)) p.dispose();
});

/** Names a campaign folder may hold, and names that only look like them. */
const CAMPAIGN_NAMES = ["message.md", "campaign.json", ...CHANNEL_FILE_NAMES.flatMap((f) => [f, `${f}.hbs`])];
const OTHER_NAMES = ["README.md", "notes.txt", "message.md.bak", "message.mdx", "xsms.txt", "sms.txt.orig", "email.htm", "package.json", "message.md.hbs", "brand.config.json.bak"];

describe("VS Code: .vscode/tasks.json", { timeout: 120_000 }, () => {
  const tasksFile = path.join(REPO_ROOT, ".vscode", "tasks.json");
  type Task = { label: string; command: string; args: string[]; problemMatcher: unknown };
  const tasks = () => (JSON.parse(readFileSync(tasksFile, "utf8")) as { tasks: Task[] }).tasks;

  it("is plain JSON, the same tasks `brandlint init` writes", () => {
    expect(JSON.parse(readFileSync(tasksFile, "utf8"))).toEqual(VSCODE_TASKS);
  });

  it("has a problem matcher whose regexp parses every line of `--format unix` on the example templates", async () => {
    const lintTask = tasks().find((t) => t.label === "brandlint: lint workspace")!;
    // The installed brandlint, by path: never npx, which asks the registry when brandlint is not installed.
    expect([lintTask.command, ...lintTask.args].join(" ")).toBe("${workspaceFolder}/node_modules/.bin/brandlint --format unix");
    const matcher = lintTask.problemMatcher as {
      owner: string;
      fileLocation: string[];
      pattern: { regexp: string; file: number; line: number; column: number; severity: number; message: number; code: number };
    };
    expect(matcher.owner).toBe("brandlint");
    expect(matcher.fileLocation).toEqual(["relative", "${workspaceFolder}"]);
    const re = new RegExp(matcher.pattern.regexp);

    const r = await runCli(["--format", "unix"], REPO_ROOT);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1); // templates/zz-flawed-example is wrong on purpose
    const lines = r.stdout.split("\n");
    expect(lines.pop()).toBe("");
    expect(lines.length).toBeGreaterThan(0);

    const ruleIds = new Set([...(await loadRules()).map((x) => x.meta.id), ...BUILTIN_RULES.map((x) => x.id)]);
    const parsed = lines.map((line) => {
      const m = re.exec(line);
      expect(m, line).not.toBeNull();
      const at = (i: number) => m![i]!;
      const finding = {
        file: at(matcher.pattern.file),
        line: Number(at(matcher.pattern.line)),
        column: Number(at(matcher.pattern.column)),
        severity: at(matcher.pattern.severity),
        message: at(matcher.pattern.message),
        code: at(matcher.pattern.code),
      };
      expect(existsSync(path.join(REPO_ROOT, finding.file)), line).toBe(true);
      expect(Number.isInteger(finding.line) && finding.line > 0, line).toBe(true);
      expect(Number.isInteger(finding.column) && finding.column > 0, line).toBe(true);
      expect(["error", "warning"]).toContain(finding.severity);
      expect(finding.message.trim().length, line).toBeGreaterThan(0);
      expect(ruleIds.has(finding.code), line).toBe(true);
      return finding;
    });

    // What the matcher read is exactly what brandlint found.
    const json = JSON.parse((await runCli(["--format", "json"], REPO_ROOT)).stdout) as { filePath: string; messages: { line: number; column: number; severity: number; message: string; ruleId: string }[] }[];
    const expected = json.flatMap((f) =>
      f.messages.map((m) => ({ file: f.filePath, line: m.line, column: m.column, severity: m.severity === 2 ? "error" : "warning", message: m.message.replace(/\r\n|[\r\n]/g, " "), code: m.ruleId })),
    );
    expect(parsed).toEqual(expected);
  });

  it("parses paths with spaces and colons, and messages that hold brackets", () => {
    const re = new RegExp((VSCODE_TASKS.tasks[0]!.problemMatcher as { pattern: { regexp: string } }).pattern.regexp);
    const m = re.exec("templates/spring sale: 2026/message.md:12:7: warning: Write ‘email’ [not ‘e-mail’] here [tone-words]");
    expect(m?.slice(1)).toEqual(["templates/spring sale: 2026/message.md", "12", "7", "warning", "Write ‘email’ [not ‘e-mail’] here", "tone-words"]);
  });

  it("has a task that renders the current file into out/", () => {
    const render = tasks().find((t) => t.label === "brandlint: render current file")!;
    expect([render.command, ...render.args].join(" ")).toBe("${workspaceFolder}/node_modules/.bin/brandlint render ${file} --out ${workspaceFolder}/out");
    expect(render.problemMatcher).toEqual([]);
  });
});

describe("pre-commit framework: .pre-commit-hooks.yaml", () => {
  type Hook = { id: string; name: string; entry: string; language: string; files: string; pass_filenames: boolean; require_serial: boolean };
  const hooks = parseYaml(readFileSync(path.join(REPO_ROOT, ".pre-commit-hooks.yaml"), "utf8")) as Hook[];

  it("declares the brandlint hook", () => {
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ id: "brandlint", name: "brandlint", entry: "brandlint", language: "node", pass_filenames: true, require_serial: true });
  });

  it("matches exactly the campaign files and brand.config.json, in any folder", () => {
    const re = new RegExp(hooks[0]!.files);
    for (const name of [...CAMPAIGN_NAMES, "brand.config.json"])
      for (const p of [name, `templates/spring-sale/${name}`, `a/b/jesień/${name}`]) expect(re.test(p), p).toBe(true);
    for (const name of OTHER_NAMES) expect(re.test(`templates/spring-sale/${name}`), name).toBe(false);
    for (const name of [...CAMPAIGN_NAMES, ...OTHER_NAMES]) expect(re.test(name), name).toBe(isCampaignFile(name));
  });

  it("ships in the npm package", () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { files: string[] };
    expect(pkg.files).toContain(".pre-commit-hooks.yaml");
  });
});

describe("lint-staged and the plain git hook", () => {
  it("lint-staged's glob and the hook's pattern pick the same files as brandlint's discovery", () => {
    const [glob, command] = Object.entries(LINT_STAGED)[0]!;
    expect(command).toBe("brandlint");
    // lint-staged enables matchBase for globs without "/".
    const matches = picomatch(glob, { basename: true, dot: true });
    const hookRe = new RegExp(CAMPAIGN_FILE_REGEX);
    for (const name of [...CAMPAIGN_NAMES, ...OTHER_NAMES]) {
      expect(matches(`templates/spring-sale/${name}`), name).toBe(isCampaignFile(name));
      expect(hookRe.test(`templates/spring-sale/${name}`), name).toBe(isCampaignFile(name));
    }
  });
});

describe("GitHub Actions: action.yml", { timeout: 120_000 }, () => {
  type Step = { shell?: string; run?: string; env?: Record<string, string>; "working-directory"?: string };
  const action = parseYaml(readFileSync(path.join(REPO_ROOT, "action.yml"), "utf8")) as {
    name: string;
    description: string;
    inputs: Record<string, { description: string; default?: string; required?: boolean }>;
    runs: { using: string; steps: Step[] };
  };
  const step = action.runs.steps.find((s) => s.run?.includes("brandlint"))!;

  it("is a composite action with the documented inputs", () => {
    expect(action.name).toBe("brandlint");
    expect(action.runs.using).toBe("composite");
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(["paths", "config", "format", "changed-since"]));
    expect(action.inputs.format!.default).toBe("github");
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.description.length, name).toBeGreaterThan(10);
      expect(input.required ?? false, name).toBe(false);
    }
    expect(step.shell).toBe("bash");
    expect(step.run).toContain("npx --no-install brandlint");
    // Inputs reach the script through env, never pasted into it (no script injection).
    expect(step.run).not.toContain("${{");
    for (const input of Object.keys(action.inputs).filter((k) => k !== "working-directory")) expect(Object.values(step.env!)).toContain(`\${{ inputs.${input} }}`);
  });

  /** Runs the step's script with bash, the inputs as the env GitHub would set, and `npx` replaced by `fakeNpx`. */
  function runStep(inputs: Record<string, string>, fakeNpx: string, cwd: string, extraEnv: NodeJS.ProcessEnv = {}, before = "") {
    const bin = project({ "npx": fakeNpx });
    chmodSync(path.join(bin.dir, "npx"), 0o755);
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${bin.dir}${path.delimiter}${process.env.PATH ?? ""}`, ...extraEnv };
    for (const k of ["NO_COLOR", "FORCE_COLOR", "BRANDLINT_DEBUG", "NODE_OPTIONS"]) delete env[k];
    for (const [k, v] of Object.entries(step.env!)) {
      const input = /^\$\{\{ inputs\.([\w-]+) \}\}$/.exec(v)![1]!;
      env[k] = inputs[input] ?? action.inputs[input]!.default ?? "";
    }
    const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", before + step.run!], { cwd, env, encoding: "utf8" });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }
  /** An npx that prints the arguments it got, one a line. */
  const recordingNpx = `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done\n`;
  /** An npx that runs this checkout's brandlint, as `npx --no-install brandlint` runs the installed one. */
  const realNpx = `#!/bin/sh\n[ "$1" = --no-install ] && [ "$2" = brandlint ] || exit 99\nshift 2\nexec "${process.execPath}" "${BIN}" "$@"\n`;

  it("passes the inputs as separate arguments, paths split on spaces, nothing evaluated", () => {
    const cwd = project().dir;
    const r = runStep({ paths: "templates/a 'templates/b c' $(touch pwned) templates/**/sms.txt", config: "conf/brand.config.json", "changed-since": "origin/main" }, recordingNpx, cwd);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").slice(0, -1)).toEqual([
      "--no-install", "brandlint",
      "templates/a", "'templates/b", "c'", "$(touch", "pwned)", "templates/**/sms.txt",
      "--format", "github", "--config", "conf/brand.config.json", "--changed-since", "origin/main",
    ]);
    expect(existsSync(path.join(cwd, "pwned"))).toBe(false);

    const bare = runStep({}, recordingNpx, cwd);
    expect(bare.stdout.split("\n").slice(0, -1)).toEqual(["--no-install", "brandlint", "--format", "github"]);
  });

  it("runs node_modules/.bin/brandlint directly when the working directory has it (npx only as the fallback)", () => {
    const p = project({ "node_modules/.bin/brandlint": `#!/bin/sh\nprintf 'installed bin\\n'; for a in "$@"; do printf '%s\\n' "$a"; done\n` });
    chmodSync(path.join(p.dir, "node_modules/.bin/brandlint"), 0o755);
    const r = runStep({ paths: "templates/a" }, "#!/bin/sh\necho npx was called >&2\nexit 99\n", p.dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").slice(0, -1)).toEqual(["installed bin", "templates/a", "--format", "github"]);
  });

  it("annotates the pull request with the installed brandlint, and fails the step on errors", () => {
    const r = runStep({}, realNpx, REPO_ROOT);
    expect(r.code).toBe(1);
    const lines = r.stdout.split("\n").filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^::(error|warning) file=templates\/[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=brandlint [\w-]+::/);
    expect(r.stdout).toContain("::error file=templates/zz-flawed-example/message.md,");
    // More errors than GitHub shows in one step: the last line says how many are not shown.
    expect(lines.at(-1)).toMatch(/^::notice title=[^:]+::GitHub shows 10 error and 10 warning annotations per step; \d+ of \d+ errors/);
  });

  it("takes one path a line (paths with spaces), resolves output against the repository root, and lets SARIF findings pass", () => {
    const repo = project({ "marketing/brand.config.json": JSON.stringify({ brand: { name: "Acme" }, tone: { banned: [{ term: "cheap" }] } }), "marketing/templates/spring sale/sms.txt": "so cheap\n", "marketing/templates/b/sms.txt": "fine\n" });
    const cwd = path.join(repo.dir, "marketing");
    spawnSync("git", ["init", "-q"], { cwd: repo.dir });
    const lines = runStep({ paths: "templates/spring sale\n  \ntemplates/b\r\n" }, recordingNpx, cwd);
    expect(lines.stdout.split("\n").slice(0, -1)).toEqual(["--no-install", "brandlint", "templates/spring sale", "templates/b", "--format", "github"]);
    const env = { GITHUB_WORKSPACE: repo.dir };
    const sarif = runStep({ format: "sarif", output: "reports/brandlint.sarif" }, realNpx, cwd, env, "mkdir -p \"$GITHUB_WORKSPACE/reports\"; ");
    expect(sarif.stderr).toBe("");
    expect(sarif.code).toBe(0); // findings, but SARIF: code scanning shows them
    const log = JSON.parse(readFileSync(path.join(repo.dir, "reports", "brandlint.sarif"), "utf8")) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(log.runs[0]!.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri)).toEqual(["marketing/templates/spring%20sale/sms.txt"]);
    // Annotations still fail the step on errors, and a run that could not happen fails SARIF too.
    expect(runStep({}, realNpx, cwd, env).code).toBe(1);
    expect(runStep({ format: "sarif", output: "x.sarif", config: "missing.json" }, realNpx, cwd, env).code).toBe(2);
  });

  it("writes SARIF to the output file for code scanning", () => {
    const out = project();
    const file = path.join(out.dir, "brandlint.sarif");
    const r = runStep({ format: "sarif", output: file, paths: "templates/zz-flawed-example" }, realNpx, REPO_ROOT);
    expect(r.code).toBe(0); // findings go to code scanning; they do not fail the step
    expect(r.stdout).toBe("");
    const sarif = JSON.parse(readFileSync(file, "utf8")) as { version: string; runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(sarif.version).toBe("2.1.0");
    const uris = new Set(sarif.runs[0]!.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri));
    expect([...uris]).toEqual(["templates/zz-flawed-example/message.md"]);
  });
});

describe("git: the campaigns changed since a ref (--changed-since)", () => {
  const CONFIG = JSON.stringify({ brand: { name: "Acme" } }) + "\n";
  let base = "";

  function git(cwd: string, ...args: string[]): string {
    const r = spawnSync("git", ["-c", "user.email=t@t", "-c", "user.name=t", ...args], {
      cwd,
      encoding: "utf8",
      env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" },
    });
    if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
    return r.stdout.trim();
  }

  /** A repository with seven campaigns committed on main, then touched in every way git knows. */
  function repo(): TempProject {
    const p = project({
      "brand.config.json": CONFIG,
      ".gitignore": "*.log\n",
      "README.md": "# templates\n",
      "templates/README.md": "all campaigns\n",
      "templates/committed/message.md": "# A\n",
      "templates/staged/sms.txt": "Acme: hello\n",
      "templates/unstaged/message.md": "# C\n",
      "templates/deleted/message.md": "# D\n",
      "templates/deleted/push.json": '{"title":"D"}\n',
      "templates/untouched/campaign.json": "{}\n",
      "templates/jesień/message.md": "# Jesień\n",
      "templates/ignored/message.md": "# I\n",
      "templates/gone/social.txt": "bye\n",
    });
    git(p.dir, "init", "-q", "-b", "main");
    git(p.dir, "add", "-A");
    git(p.dir, "commit", "-q", "-m", "base");
    base = git(p.dir, "rev-parse", "HEAD");
    git(p.dir, "checkout", "-q", "-b", "feature");
    p.write("templates/committed/message.md", "# A, changed\n");
    p.write("templates/jesień/push.json", '{"title":"Jesień"}\n');
    git(p.dir, "add", "-A");
    git(p.dir, "commit", "-q", "-m", "feature");
    p.write("templates/staged/sms.txt", "Acme: hello again\n");
    git(p.dir, "add", "templates/staged/sms.txt");
    p.write("templates/unstaged/message.md", "# C, changed\n");
    unlinkSync(path.join(p.dir, "templates/deleted/push.json"));
    rmSync(path.join(p.dir, "templates/gone"), { recursive: true });
    p.write("templates/new/whatsapp.txt.hbs", "Hi {{firstName}}\n");
    p.write("templates/ignored/debug.log", "not a change\n");
    p.write("README.md", "# templates, changed\n");
    p.write("templates/README.md", "all campaigns, changed\n");
    return p;
  }
  const dirs = (p: TempProject, ...names: string[]) => names.map((n) => path.join(p.dir, "templates", n));

  beforeAll(() => {
    expect(spawnSync("git", ["--version"]).status).toBe(0);
  });

  it("lists the campaign folders touched by commits since the ref, staged, unstaged and untracked files", () => {
    const p = repo();
    const cfg = path.join(p.dir, "brand.config.json");
    const changed = changedCampaignDirs("main", p.dir, cfg);
    expect(changed).toEqual({ all: false, dirs: dirs(p, "committed", "deleted", "jesień", "new", "staged", "unstaged").sort() });
    // The folders are spelled as discovery spells them, so the CLI can intersect the two.
    const discovered = discoverCampaigns([], p.dir, new DiskHost());
    for (const d of changed.dirs) expect(discovered).toContain(d);
    // A commit id works as well as a branch, and so does running from a subfolder.
    expect(changedCampaignDirs(base, p.dir, cfg)).toEqual(changed);
    expect(changedCampaignDirs("main", path.join(p.dir, "templates"), cfg)).toEqual(changed);
  });

  it("asks for everything when brand.config.json changed (committed, staged or not)", () => {
    const p = repo();
    const cfg = path.join(p.dir, "brand.config.json");
    writeFileSync(cfg, JSON.stringify({ brand: { name: "Acme Co" } }) + "\n");
    expect(changedCampaignDirs("main", p.dir, cfg).all).toBe(true);
    git(p.dir, "commit", "-q", "-am", "rename the brand");
    expect(changedCampaignDirs("main", p.dir, cfg).all).toBe(true);
    expect(changedCampaignDirs("HEAD", p.dir, cfg).all).toBe(false);
    // Another file of the same name elsewhere is not the config in use.
    mkdirSync(path.join(p.dir, "other"));
    writeFileSync(path.join(p.dir, "other", "brand.config.json"), CONFIG);
    expect(changedCampaignDirs("HEAD", p.dir, path.join(p.dir, "other", "brand.config.json")).all).toBe(true);
    expect(changedCampaignDirs("HEAD", p.dir, cfg).all).toBe(false);
  });

  it("finds nothing when nothing changed since the ref", () => {
    const p = project({ "brand.config.json": CONFIG, "templates/a/message.md": "# A\n" });
    git(p.dir, "init", "-q");
    git(p.dir, "add", "-A");
    git(p.dir, "commit", "-q", "-m", "one");
    expect(changedCampaignDirs("HEAD", p.dir, path.join(p.dir, "brand.config.json"))).toEqual({ all: false, dirs: [] });
  });

  it("fails clearly on an unknown ref, an option-like ref, or outside a repository", () => {
    const p = repo();
    const cfg = path.join(p.dir, "brand.config.json");
    expect(() => changedCampaignDirs("origin/nope", p.dir, cfg)).toThrow(GitError);
    expect(() => changedCampaignDirs("origin/nope", p.dir, cfg)).toThrow(/unknown git ref "origin\/nope" .*fetch-depth: 0/);
    expect(() => changedCampaignDirs("--output=/tmp/x", p.dir, cfg)).toThrow(/needs a git ref/);
    expect(() => changedCampaignDirs("", p.dir, cfg)).toThrow(/needs a git ref/);
    const outside = project({ "brand.config.json": CONFIG });
    const prev = process.env.GIT_CEILING_DIRECTORIES;
    process.env.GIT_CEILING_DIRECTORIES = path.dirname(outside.dir);
    try {
      expect(() => changedCampaignDirs("main", outside.dir, path.join(outside.dir, "brand.config.json"))).toThrow(/--changed-since needs a git repository, and .* is not inside one/);
    } finally {
      if (prev === undefined) delete process.env.GIT_CEILING_DIRECTORIES;
      else process.env.GIT_CEILING_DIRECTORIES = prev;
    }
  });
});
