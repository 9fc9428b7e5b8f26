import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lint } from "../src/lint.js";
import { ConfigError } from "../src/config/load.js";
import { startProgress } from "../src/cli/progress.js";
import { writeCase } from "./helpers/rule-tester.js";

const repo = path.resolve(import.meta.dirname, "..");
const tone = { tone: { banned: [{ term: "cheap" }], terms: [{ use: "email", instead: ["e-mail"] }] } };
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function project(files: Record<string, string>, config: object = tone): string {
  const d = writeCase({ config, files });
  dirs.push(d);
  return d;
}
async function found(cwd: string, extra: Parameters<typeof lint>[0] = {}) {
  const r = await lint({ cwd, only: ["tone-words"], ...extra });
  return r.results.flatMap((x) => x.messages.map((m) => `${path.basename(x.file.path)}:${m.line}:${m.column} ${m.ruleId}`));
}

describe("inline suppressions", () => {
  it("disable-next-line in Markdown, with a reason, hides the finding on the next line only", async () => {
    const d = project({ "message.md": "<!-- brandlint-disable-next-line tone-words -- legal wording -->\nA cheap line.\n\nAnother cheap line.\n" });
    expect(await found(d)).toEqual(["message.md:4:9 tone-words"]);
  });

  it("disable-line in a Handlebars text file", async () => {
    const d = project({ "sms.txt": "So cheap {{!-- brandlint-disable-line tone-words -- quoting a review --}}\nStill cheap" });
    expect(await found(d)).toEqual(["sms.txt:2:7 tone-words"]);
  });

  it("disable/enable range in MJML, and a YAML comment in frontmatter", async () => {
    const mjml = '<mjml><mj-body><mj-section><mj-column>\n<!-- brandlint-disable tone-words -- partner copy -->\n<mj-text>cheap</mj-text>\n<!-- brandlint-enable tone-words -->\n<mj-text>cheap</mj-text>\n</mj-column></mj-section></mj-body></mjml>\n';
    const d = project({ "email.mjml": mjml });
    expect(await found(d)).toEqual(["email.mjml:5:10 tone-words"]);
    const d2 = project({ "message.md": '---\nchannels: [email]\n# brandlint-disable-next-line tone-words -- approved by legal\nsubject: "cheap"\n---\nBody.\n' });
    expect(await found(d2)).toEqual([]);
  });

  it("reports unused suppressions, unknown rules and missing reasons", async () => {
    const d = project({ "sms.txt": "{{!-- brandlint-disable-next-line tone-word --}}\nfine text\n" });
    const r = await lint({ cwd: d, only: ["tone-words"] });
    const ms = r.results.flatMap((x) => x.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.severity} ${m.message}`));
    expect(ms).toEqual([
      expect.stringMatching(/^1:1 invalid-suppression 2 brandlint-disable-next-line names an unknown rule "tone-word" — did you mean "tone-words"\?/),
      expect.stringMatching(/^1:1 invalid-suppression 2 brandlint-disable-next-line needs a reason/),
    ]);
  });

  it("a suppression without a reason hides nothing: the error stays and the run fails", async () => {
    const d = project({ "sms.txt": "{{!-- brandlint-disable-next-line tone-words --}}\nso cheap\n" });
    const r = await lint({ cwd: d, only: ["tone-words"] });
    const ms = r.results.flatMap((x) => x.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.severity}`));
    expect(ms).toEqual(["1:1 invalid-suppression 2", "2:4 tone-words 2"]);
    const withReason = project({ "sms.txt": "{{!-- brandlint-disable-next-line tone-words -- quoting a customer --}}\nso cheap\n" });
    expect((await lint({ cwd: withReason, only: ["tone-words"] })).results.flatMap((x) => x.messages)).toEqual([]);
  });
});

describe("bulk suppressions (baseline)", () => {
  it("--suppress-all records today's errors; later runs fail only on new ones; prune drops fixed ones", async () => {
    const d = project({ "sms.txt": "cheap and e-mail\n" });
    const first = await lint({ cwd: d, only: ["tone-words"], suppressions: { mode: "suppress-all" } });
    const file = path.join(d, "brandlint-suppressions.json");
    expect(first.suppressionsWritten).toBe(file);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ "templates/c/sms.txt": { "tone-words": { count: 2 } } });
    expect(await found(d)).toEqual([]);
    writeFileSync(path.join(d, "templates/c/sms.txt"), "cheap and e-mail and cheap\n");
    expect(await found(d)).toEqual(["sms.txt:1:1 tone-words", "sms.txt:1:11 tone-words", "sms.txt:1:22 tone-words"]);
    writeFileSync(path.join(d, "templates/c/sms.txt"), "cheap\n");
    await lint({ cwd: d, only: ["tone-words"], suppressions: { mode: "prune" } });
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ "templates/c/sms.txt": { "tone-words": { count: 1 } } });
  });

  it("--suppress-rule records one rule and keeps the others' entries", async () => {
    const d = project({ "sms.txt": "cheap\n" });
    writeFileSync(path.join(d, "brandlint-suppressions.json"), JSON.stringify({ "templates/c/other.txt": { "links": { count: 3 } } }));
    await lint({ cwd: d, only: ["tone-words"], suppressions: { mode: "suppress-rules", rules: ["tone-words"] } });
    expect(JSON.parse(readFileSync(path.join(d, "brandlint-suppressions.json"), "utf8"))).toEqual({
      "templates/c/other.txt": { links: { count: 3 } },
      "templates/c/sms.txt": { "tone-words": { count: 1 } },
    });
  });

  it("a suppressions file that does not parse stops the run at its position and is never overwritten", async () => {
    const d = project({ "sms.txt": "cheap\n" });
    const conflicted = '{\n<<<<<<< HEAD\n  "templates/c/sms.txt": { "tone-words": { "count": 1 } }\n=======\n}\n';
    const file = path.join(d, "brandlint-suppressions.json");
    writeFileSync(file, conflicted);
    const err = await lint({ cwd: d, only: ["tone-words"] }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).problems[0]).toMatchObject({ file: "brandlint-suppressions.json", line: 2, column: 1 });
    expect((err as ConfigError).problems[0]!.message).toMatch(/does not parse/);
    await expect(lint({ cwd: d, only: ["tone-words"], suppressions: { mode: "prune" } })).rejects.toBeInstanceOf(ConfigError);
    expect(readFileSync(file, "utf8")).toBe(conflicted);
  });
});

describe("--cache", () => {
  it("a second run over an unchanged tree parses nothing; a change re-lints only what it must", async () => {
    const d = project({ "sms.txt": "cheap\n" });
    mkdirSync(path.join(d, "templates/d"));
    writeFileSync(path.join(d, "templates/d/sms.txt"), "fine\n");
    const a = await lint({ cwd: d, cache: true, only: ["tone-words"] });
    expect(a.stats).toMatchObject({ campaigns: 2, parsed: 2, cached: 0 });
    const b = await lint({ cwd: d, cache: true, only: ["tone-words"] });
    expect(b.stats).toMatchObject({ parsed: 0, cached: 2 });
    expect(b.results.map((r) => r.messages)).toEqual(a.results.map((r) => r.messages));
    writeFileSync(path.join(d, "templates/d/sms.txt"), "cheap too\n");
    const c = await lint({ cwd: d, cache: true, only: ["tone-words"] });
    expect(c.stats).toMatchObject({ parsed: 1, cached: 1 });
    expect(c.results.flatMap((r) => r.messages).length).toBe(2);
    // The config is part of the key: changing it re-lints everything.
    const cfg = path.join(d, "brand.config.json");
    writeFileSync(cfg, readFileSync(cfg, "utf8").replace('"cheap"', '"too"'));
    const e = await lint({ cwd: d, cache: true, only: ["tone-words"] });
    expect(e.stats).toMatchObject({ parsed: 2, cached: 0 });
  });

  it("a corrupt or foreign cache file is ignored, and --cache-location is honoured", async () => {
    const d = project({ "sms.txt": "cheap\n" });
    writeFileSync(path.join(d, ".brandlintcache"), "\u0000garbage");
    expect((await lint({ cwd: d, cache: true, only: ["tone-words"] })).stats.parsed).toBe(1);
    writeFileSync(path.join(d, ".brandlintcache"), JSON.stringify({ format: "eslint", campaigns: [] }));
    expect((await lint({ cwd: d, cache: true, only: ["tone-words"] })).stats.parsed).toBe(1);
    mkdirSync(path.join(d, "cachedir"));
    await lint({ cwd: d, cache: true, cacheLocation: "cachedir", only: ["tone-words"] });
    expect(existsSync(path.join(d, "cachedir", ".brandlintcache"))).toBe(true);
  });
});

describe("overrides", () => {
  it("apply in order to matching files, like ESLint's files blocks", async () => {
    const d = project({ "sms.txt": "cheap\n" }, { ...tone, overrides: [{ files: ["templates/c/**"], rules: { "tone-words": "off" } }, { files: ["templates/other/**"], rules: { "tone-words": "error" } }] });
    expect(await found(d)).toEqual([]);
    const d2 = project({ "sms.txt": "cheap\n" }, { ...tone, rules: { "tone-words": "off" }, overrides: [{ files: ["templates/**/*.txt"], rules: { "tone-words": "warn" } }] });
    const r = await lint({ cwd: d2, only: ["tone-words"] });
    expect(r.results.flatMap((x) => x.messages.map((m) => m.severity))).toEqual([1]);
  });
});

describe("--shard", () => {
  it("splits campaigns deterministically into disjoint parts that cover all", async () => {
    const d = project({ "sms.txt": "cheap\n" });
    for (let i = 0; i < 12; i++) {
      mkdirSync(path.join(d, `templates/k${i}`));
      writeFileSync(path.join(d, `templates/k${i}/sms.txt`), "cheap\n");
    }
    const parts = await Promise.all([1, 2, 3].map(async (index) => (await lint({ cwd: d, only: ["tone-words"], shard: { index, count: 3 } })).results.map((r) => r.file.path)));
    const all = parts.flat();
    expect(new Set(all).size).toBe(13);
    expect(all.length).toBe(13);
    const again = (await lint({ cwd: d, only: ["tone-words"], shard: { index: 2, count: 3 } })).results.map((r) => r.file.path);
    expect(again).toEqual(parts[1]);
  });
});

describe("progress", () => {
  it("draws on stderr after the delay and clears itself", () => {
    const out: string[] = [];
    const p = startProgress({ stdout: () => {}, stderr: (s) => out.push(s), cwd: ".", color: false, env: {} }, 0);
    p.update(5, 10);
    p.done();
    expect(out[0]).toContain("5/10 campaigns");
    expect(out[out.length - 1]).toBe("\r\u001b[2K");
  });
});

/** `brandlint --watch ...args` in `cwd`, with its output so far and a poll that fails with it. */
function spawnWatch(cwd: string, args: string[]) {
  const child = spawn(process.execPath, [path.join(repo, "bin/brandlint.js"), "--watch", ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] });
  const out = { stdout: "", stderr: "" };
  child.stdout.on("data", (b: Buffer) => (out.stdout += b.toString()));
  child.stderr.on("data", (b: Buffer) => (out.stderr += b.toString()));
  const until = async (cond: () => boolean, ms = 30000) => {
    const start = Date.now();
    while (!cond()) {
      if (Date.now() - start > ms) throw new Error(`timed out; stdout=${out.stdout} stderr=${out.stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const stop = async () => {
    const exited = new Promise<number | null>((r) => child.on("exit", (c) => r(c)));
    child.kill("SIGTERM");
    return exited;
  };
  return { out, until, stop };
}

describe("--watch", () => {
  it("re-lints when a template changes", async () => {
    const d = project({ "sms.txt": "fine\n" });
    const { out, until, stop } = spawnWatch(d, ["--format", "unix"]);
    try {
      await until(() => out.stderr.includes("watching"));
      // Write until the re-lint shows it (a loaded machine may coalesce or delay events).
      let n = 0;
      await until(() => {
        if (n++ % 40 === 0) writeFileSync(path.join(d, "templates/c/sms.txt"), `so cheap${"\n".repeat(1 + (n % 2))}`);
        return out.stdout.includes("sms.txt:1:4: error");
      }, 30000);
    } finally {
      expect(await stop()).not.toBeNull();
    }
  });

  it("survives atomic saves: a watched file and the config, each replaced twice by rename, are re-linted every time", async () => {
    const d = project({ "sms.txt": "fine\n" });
    const sms = path.join(d, "templates/c/sms.txt");
    const configFile = path.join(d, "brand.config.json");
    const config = JSON.parse(readFileSync(configFile, "utf8")) as { tone: { banned: { term: string }[] } };
    // How editors and git save: write a new file beside the old one, rename it over the old one.
    const replace = (file: string, text: string) => {
      writeFileSync(`${file}.tmp~`, text);
      renameSync(`${file}.tmp~`, file);
    };
    const banning = (term: string) => JSON.stringify({ ...config, tone: { ...config.tone, banned: [{ term }] } }, null, 2);
    const { out, until, stop } = spawnWatch(d, ["templates/c/sms.txt", "--format", "unix"]);
    /** Replaces `file` by rename until a re-lint after it reports `expected` (a loaded machine may delay events). */
    const step = async (file: string, text: string, expected: string) => {
      const from = out.stdout.length;
      let n = 0;
      await until(() => {
        if (n++ % 60 === 0) replace(file, text);
        return out.stdout.slice(from).includes(expected);
      });
    };
    try {
      await until(() => out.stderr.includes("watching"));
      await step(sms, "so cheap\n", "sms.txt:1:4: error");
      await step(sms, "is it cheap\n", "sms.txt:1:7: error");
      await step(configFile, banning("is"), "sms.txt:1:1: error");
      await step(configFile, banning("it"), "sms.txt:1:4: error");
      expect(out.stderr).not.toMatch(/brandlint: (?!watching|\n|change detected)/);
    } finally {
      await stop();
    }
  });
});
