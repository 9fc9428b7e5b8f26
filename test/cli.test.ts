/**
 * The built command end to end (`node bin/brandlint.js`, as `npx brandlint` runs it),
 * in throwaway folders: exit codes, output formats, flags, and the repository's own
 * example.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findConfig } from "../src/config/load.js";
import { ruleIds } from "../src/rules-index.js";
import { BIN, REPO_ROOT, STACK_LINE, runCli, tempProject, type CliResult, type TempProject } from "./helpers/cli.js";

interface JsonResult {
  filePath: string;
  messages: { ruleId: string; severity: 1 | 2; message: string; line: number; column: number; endLine: number; endColumn: number; channels?: string[]; fix?: { range: [number, number]; text: string } }[];
  errorCount: number;
  warningCount: number;
}
const parseJson = (r: CliResult) => JSON.parse(r.stdout) as JsonResult[];
const findings = (r: CliResult) => parseJson(r).flatMap((f) => f.messages.map((m) => `${f.filePath}:${m.line}:${m.column} ${m.ruleId}`));
const ANSI = /\u001b\[[\d;]*m/;

// Only tone-words is on: these tests are about the command, not about what each rule finds.
const ONLY_TONE_WORDS = Object.fromEntries(ruleIds().map((id) => [id, id === "tone-words" ? "error" : "off"]));
const CONFIG = {
  $schema: "./node_modules/brandlint/schema/brand.config.schema.json",
  brand: { name: "Acme" },
  tone: {
    banned: [{ term: "cheap", suggest: "affordable", message: "Acme never calls its gear cheap" }],
    terms: [{ use: "email", instead: ["e-mail"] }],
  },
  rules: ONLY_TONE_WORDS,
};
// Line 7, column 28 is "cheap": the acceptance test.
const MESSAGE = ["---", "locale: en", "channels: [email, sms]", "---", "# Spring is here", "", "Our tents are light, warm, cheap and waterproof.", ""].join("\n");

describe("the issue's acceptance test, in a fresh folder with its own config", { timeout: 120_000 }, () => {
  let p: TempProject;
  beforeAll(() => {
    p = tempProject({ "brand.config.json": JSON.stringify(CONFIG, null, 2), "templates/spring/message.md": MESSAGE });
  });
  afterAll(() => p.dispose());

  it("the fixture really has the term at 7:28", () => {
    expect(MESSAGE.split("\n")[6]!.slice(27, 32)).toBe("cheap");
  });

  it("--format json reports the banned term at exactly 7:28, exit 1", async () => {
    const r = await runCli(["--format", "json"], p.dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    const out = parseJson(r);
    expect(out).toEqual([
      {
        filePath: "templates/spring/message.md",
        messages: [
          {
            ruleId: "tone-words",
            severity: 2,
            message: expect.stringContaining("‘cheap’") as unknown as string,
            line: 7,
            column: 28,
            endLine: 7,
            endColumn: 33,
            channels: ["email", "sms"],
          },
        ],
        errorCount: 1,
        warningCount: 0,
      },
    ]);
    expect(out[0]!.messages[0]!.message).toContain("affordable");
  });

  it("--format unix reports it at exactly 7:28, exit 1", async () => {
    const r = await runCli(["--format", "unix"], p.dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^templates\/spring\/message\.md:7:28: error: ‘cheap’ is off-brand[^\n]*affordable[^\n]* \[tone-words\]\n$/);
  });

  it("an unknown config key exits 2 naming the key", async () => {
    const q = tempProject({ "brand.config.json": JSON.stringify({ ...CONFIG, colours: {} }, null, 2), "templates/spring/message.md": MESSAGE });
    try {
      const r = await runCli([], q.dir);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/^brand\.config\.json:\d+:3: unknown key "colours" — did you mean "colors"\?\n$/);
    } finally {
      q.dispose();
    }
  });

  it("broken JSON exits 2 naming the line", async () => {
    const broken = JSON.stringify(CONFIG, null, 2).replace('"Acme"\n  },', '"Acme"\n  }');
    expect(broken.split("\n")[4]).toBe("  }");
    const q = tempProject({ "brand.config.json": broken, "templates/spring/message.md": MESSAGE });
    try {
      const r = await runCli([], q.dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('brand.config.json:6:3: invalid JSON: expected "," between items\n');
      expect(r.stderr).not.toContain(STACK_LINE);
    } finally {
      q.dispose();
    }
  });
});

describe("exit codes and flags", { timeout: 180_000 }, () => {
  let p: TempProject;
  beforeAll(() => {
    p = tempProject({
      "brand.config.json": JSON.stringify({ ...CONFIG, overrides: [{ files: ["templates/warn/**"], rules: { "tone-words": "warn" } }] }, null, 2),
      "templates/clean/sms.txt": "Acme: light tents, warm jackets. Reply STOP to opt out\n",
      "templates/bad/sms.txt": "Acme: cheap tents\n",
      "templates/warn/sms.txt": "Cheap jackets, cheap boots\n",
      "notes/todo.txt": "Not a campaign\n",
    });
  });
  afterAll(() => p.dispose());

  it("0 when clean", async () => {
    const r = await runCli(["templates/clean"], p.dir);
    expect(r).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("1 on errors, with stylish output by default", async () => {
    const r = await runCli(["templates/bad"], p.dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("templates/bad/sms.txt\n  1:7  error  ‘cheap’ is off-brand");
    expect(r.stdout).toContain("✖ 1 problem (1 error, 0 warnings)");
    expect(r.stdout).not.toMatch(ANSI);
  });

  it("0 on warnings alone; --max-warnings turns too many into 1", async () => {
    const plain = await runCli(["templates/warn", "--format", "json"], p.dir);
    expect(plain.code).toBe(0);
    expect(parseJson(plain)[0]).toMatchObject({ errorCount: 0, warningCount: 2 });
    const within = await runCli(["templates/warn", "--max-warnings", "2"], p.dir);
    expect(within.code).toBe(0);
    const over = await runCli(["templates/warn", "--max-warnings=1"], p.dir);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe("brandlint found too many warnings (2; the maximum is 1).\n");
  });

  it("--max-warnings needs a whole number", async () => {
    const r = await runCli(["templates/warn", "--max-warnings=1.5"], p.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('brandlint: --max-warnings needs a whole number (or -1 for no limit), not "1.5"\n');
  });

  it("--quiet reports errors only", async () => {
    const all = await runCli(["--format", "json"], p.dir);
    expect(all.code).toBe(1);
    expect(findings(all)).toEqual(["templates/bad/sms.txt:1:7 tone-words", "templates/warn/sms.txt:1:1 tone-words", "templates/warn/sms.txt:1:16 tone-words"]);
    const quiet = await runCli(["--format", "json", "--quiet"], p.dir);
    expect(quiet.code).toBe(1);
    expect(findings(quiet)).toEqual(["templates/bad/sms.txt:1:7 tone-words"]);
    expect(parseJson(quiet).every((f) => f.warningCount === 0)).toBe(true);
  });

  it("lints the files, folders and globs it is given", async () => {
    const file = await runCli(["--format", "json", "templates/bad/sms.txt"], p.dir);
    expect(parseJson(file).map((f) => f.filePath)).toEqual(["templates/bad/sms.txt"]);
    const glob = await runCli(["--format", "json", "templates/*/sms.txt"], p.dir);
    expect(parseJson(glob).map((f) => f.filePath)).toEqual(["templates/bad/sms.txt", "templates/clean/sms.txt", "templates/warn/sms.txt"]);
  });

  it("--help and --version", async () => {
    const help = await runCli(["--help"], p.dir);
    expect(help.code).toBe(0);
    expect(help.stderr).toBe("");
    for (const flag of ["--config", "--format", "--fix", "--max-warnings", "--quiet", "--help", "--version", "stylish", "json", "sarif", "github", "unix"]) expect(help.stdout).toContain(flag);
    expect(help.stdout).toContain("Exit codes: 0 clean, 1 lint errors");
    const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string };
    expect(await runCli(["--version"], p.dir)).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });

  const usage: [string, string[], RegExp][] = [
    ["an unknown flag", ["--formt", "json"], /^brandlint: unknown option --formt — did you mean --format\? /],
    ["--format without a value", ["--format"], /^brandlint: option --format needs a value/],
    ["an unknown format", ["--format", "jsn"], /^brandlint: unknown format "jsn" — did you mean "json"\?/],
    ["a path that does not exist", ["templates/nope"], /^brandlint: no such file or folder: templates\/nope\n$/],
    ["a glob that matches nothing", ["templates/*/nothing.md"], /^brandlint: no files match the pattern "templates\/\*\/nothing\.md"\n$/],
    ["a folder with no campaigns", ["notes"], /^brandlint: no campaigns found in notes /],
  ];
  for (const [title, args, stderr] of usage) {
    it(`${title}: exit 2 with a message, no stack trace`, async () => {
      const r = await runCli(args, p.dir);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(stderr);
      expect(r.stderr).not.toContain(STACK_LINE);
    });
  }

  it("a missing config: exit 2 with a clear message", async () => {
    const q = tempProject({ "templates/c/sms.txt": "Hi\n" });
    try {
      // Only meaningful when no folder above the temp folder has a config of its own.
      if (!findConfig(q.dir)) {
        const found = await runCli([], q.dir);
        expect(found.code).toBe(2);
        expect(found.stderr).toMatch(/^brand\.config\.json: no brand\.config\.json found in .* or any folder above it; create one with "brandlint init" or pass --config <file>\n$/);
      }
      const r = await runCli(["--config", "brand.config.json"], q.dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe("brand.config.json: config file not found\n");
    } finally {
      q.dispose();
    }
  });

  it("--fix applies the preferred spelling and re-lints", async () => {
    const q = tempProject({ "brand.config.json": JSON.stringify(CONFIG), "templates/c/sms.txt": "E-mail us at help@acme.example\n" });
    try {
      const fixed = await runCli(["--fix", "--format", "json"], q.dir);
      expect(fixed.code).toBe(0);
      expect(findings(fixed)).toEqual([]);
      expect(readFileSync(path.join(q.dir, "templates/c/sms.txt"), "utf8")).toBe("Email us at help@acme.example\n");
    } finally {
      q.dispose();
    }
  });
});

describe("output formats through the CLI", { timeout: 180_000 }, () => {
  let p: TempProject;
  beforeAll(() => {
    p = tempProject({ "brand.config.json": JSON.stringify(CONFIG), "templates/spring/message.md": MESSAGE });
  });
  afterAll(() => p.dispose());

  it("github", async () => {
    const r = await runCli(["--format", "github"], p.dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=templates\/spring\/message\.md,line=7,col=28,endLine=7,endColumn=33,title=brandlint tone-words::‘cheap’ is off-brand.*\(email, sms\)\n$/);
  });

  it("sarif", async () => {
    const r = await runCli(["--format", "sarif"], p.dir);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout) as { version: string; runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] }[] };
    expect(log.version).toBe("2.1.0");
    expect(log.runs[0]!.results.map((x) => [x.ruleId, x.locations[0]!.physicalLocation.artifactLocation.uri, x.locations[0]!.physicalLocation.region.startLine, x.locations[0]!.physicalLocation.region.startColumn])).toEqual([
      ["tone-words", "templates/spring/message.md", 7, 28],
    ]);
  });

  it("stylish prints nothing for a clean run; json prints an entry per file", async () => {
    const q = tempProject({ "brand.config.json": JSON.stringify(CONFIG), "templates/c/sms.txt": "All good here\n" });
    try {
      expect(await runCli([], q.dir)).toEqual({ code: 0, stdout: "", stderr: "" });
      const r = await runCli(["--format", "json"], q.dir);
      expect(r.code).toBe(0);
      expect(parseJson(r)).toEqual([{ filePath: "templates/c/sms.txt", messages: [], errorCount: 0, warningCount: 0 }]);
    } finally {
      q.dispose();
    }
  });

  // Colours depend on stdout being a terminal: run the command under a pseudo-terminal.
  const hasScript = (() => {
    try {
      execFileSync("script", ["--version"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  })();
  const onTty = (env: NodeJS.ProcessEnv) =>
    new Promise<string>((resolve) => {
      const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)}`;
      const e: NodeJS.ProcessEnv = { ...process.env, TERM: "xterm-256color", ...env };
      for (const k of ["NO_COLOR", "FORCE_COLOR"]) if (!(k in env)) delete e[k];
      try {
        resolve(execFileSync("script", ["-q", "-e", "-c", cmd, "/dev/null"], { cwd: p.dir, env: e, encoding: "utf8" }));
      } catch (err) {
        resolve(String((err as { stdout?: string }).stdout ?? ""));
      }
    });

  it.skipIf(!hasScript)("colours on a terminal, none under NO_COLOR", async () => {
    const tty = await onTty({});
    expect(tty).toContain("‘cheap’");
    expect(tty).toMatch(ANSI);
    const noColor = await onTty({ NO_COLOR: "1" });
    expect(noColor).toContain("‘cheap’");
    expect(noColor).not.toMatch(ANSI);
  });

  it("no colours when stdout is not a terminal", async () => {
    const r = await runCli([], p.dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("‘cheap’");
    expect(r.stdout).not.toMatch(ANSI);
  });
});

describe("the repository's own example (npx brandlint in the repo)", { timeout: 180_000 }, () => {
  it("exits 1 only because of the deliberately flawed campaigns", async () => {
    const r = await runCli(["--format", "json"], REPO_ROOT);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    const out = parseJson(r);
    const campaigns = new Set(out.map((f) => f.filePath.split("/").slice(0, 2).join("/")));
    expect(campaigns.size).toBeGreaterThanOrEqual(4);
    const isFlawed = (p: string) => p.startsWith("templates/zz-flawed-");
    const elsewhere = out.filter((f) => !isFlawed(f.filePath)).flatMap((f) => f.messages.map((m) => `${f.filePath}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
    expect(elsewhere, "findings outside the flawed example campaign").toEqual([]);
    expect(out.filter((f) => isFlawed(f.filePath)).reduce((n, f) => n + f.errorCount, 0)).toBeGreaterThan(0);
  });
});

describe("the README stays true", { timeout: 120_000 }, () => {
  const readme = readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");

  it("shows the current --help", async () => {
    const help = await runCli(["--help"], REPO_ROOT);
    // The first line names the version; the rest is in the README's CLI reference verbatim.
    const body = help.stdout.split("\n").slice(2).join("\n").trimEnd();
    expect(readme).toContain("```\n" + body + "\n```");
  });

  it("lists every rule in rules/, and only those", () => {
    const listed = [...readme.slice(readme.indexOf("<!-- rules:start"), readme.indexOf("<!-- rules:end")).matchAll(/^\| \[`([a-z0-9-]+)`\]/gm)].map((m) => m[1]);
    expect(listed).toEqual(ruleIds());
  });
});
