import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { allDocs, README_END, README_START, readmeRules, updateReadme } from "../src/docs/generate.js";
import { BUILTIN_FINDINGS } from "../src/engine/builtin-findings.js";
import { loadRules, ruleIds } from "../src/rules-index.js";

const root = path.resolve(import.meta.dirname, "..");

describe("rule docs and tests", () => {
  it("every rule file is a rule whose id is its file name", async () => {
    const rules = await loadRules();
    expect(rules.map((r) => r.meta.id)).toEqual(ruleIds());
    for (const r of rules) expect(r.meta.docs.url).toBe(`docs/rules/${r.meta.id}.md`);
  });

  it("every rule has its own test file", () => {
    for (const id of ruleIds()) expect(existsSync(path.join(root, "test", "rules", `${id}.test.ts`)), `test/rules/${id}.test.ts`).toBe(true);
  });

  it("docs/rules is up to date with rule metadata (run `npm run docs`)", async () => {
    const docs = allDocs(await loadRules());
    for (const [rel, text] of Object.entries(docs)) {
      const file = path.join(root, rel);
      expect(existsSync(file), `${rel} is missing: run npm run docs`).toBe(true);
      expect(readFileSync(file, "utf8"), `${rel} is stale: run npm run docs`).toBe(text);
    }
    const extra = readdirSync(path.join(root, "docs", "rules")).filter((f) => !(`docs/rules/${f}` in docs));
    expect(extra, "docs for rules that no longer exist").toEqual([]);
  });

  it("the README's rules table is the generated one (run `npm run docs`)", async () => {
    const rules = await loadRules();
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    expect(readme).toContain(`${README_START}\n${readmeRules(rules)}\n${README_END}`);
    expect(updateReadme(readme, rules), "README.md rules table is stale: run npm run docs").toBe(readme);
    // Not vacuous: a hand edit between the markers is caught and undone.
    const edited = readme.replace("| [`tone-words`]", "| [`tone-wordz`]");
    expect(edited).not.toBe(readme);
    expect(updateReadme(edited, rules)).toBe(readme);
  });

  it("the README's performance table is bench/results.md's, row for row (npm run bench writes both)", async () => {
    const bench = (await import(pathToFileURL(path.join(import.meta.dirname, "../bench/run.js")).href)) as { readmeBenchBlock: (results: string) => string; README_START: string; README_END: string };
    const readme = readFileSync(path.join(import.meta.dirname, "../README.md"), "utf8");
    const results = readFileSync(path.join(import.meta.dirname, "../bench/results.md"), "utf8");
    const block = readme.slice(readme.indexOf(bench.README_START), readme.indexOf(bench.README_END) + bench.README_END.length);
    expect(block).toBe(bench.readmeBenchBlock(results));
    expect(block.split("\n").filter((l) => l.startsWith("| ")).length).toBeGreaterThan(3);
  });

  it("the README's JSON example offers a fix only on a rule that --fix can fix", async () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    const example = /The `json` format:\n\n```json\n([\s\S]*?)```/.exec(readme)![1]!;
    const entries = JSON.parse(example) as { messages: { ruleId: string; fix?: unknown }[] }[];
    const fixable = new Set((await loadRules()).filter((r) => r.meta.fixable).map((r) => r.meta.id));
    const withFix = entries.flatMap((e) => e.messages.filter((m) => m.fix).map((m) => m.ruleId));
    expect(withFix.length).toBeGreaterThan(0);
    expect(withFix.filter((id) => !fixable.has(id))).toEqual([]);
  });

  it("every built-in finding has its generated docs page, and the index lists it", async () => {
    const docs = allDocs(await loadRules());
    for (const f of BUILTIN_FINDINGS) {
      expect(docs[f.docsUrl], f.id).toContain(`# ${f.id}\n\n${f.description}`);
      expect(docs["docs/rules/README.md"]).toContain(`[${f.id}](${f.id}.md)`);
    }
    expect(docs["docs/rules/invalid-suppression.md"]).toContain("-- the legal team's wording");
  });
});

describe("what users copy: install paths that exist, no npx that could fetch a package", () => {
  /** Every file and generated text a user copies commands from. */
  async function copied(): Promise<Record<string, string>> {
    const texts: Record<string, string> = {};
    const read = (rel: string) => (texts[rel] = readFileSync(path.join(root, rel), "utf8"));
    for (const rel of ["README.md", "SECURITY.md", "action.yml", ".pre-commit-hooks.yaml", ".vscode/tasks.json"]) read(rel);
    for (const f of readdirSync(path.join(root, "docs"), { recursive: true }) as string[]) if (f.endsWith(".md")) read(path.join("docs", f));
    const init = await import("../src/cli/init.js");
    texts["init: hook"] = init.PRE_COMMIT_HOOK;
    texts["init: pre-commit config"] = init.PRE_COMMIT_CONFIG;
    texts["init: tasks"] = JSON.stringify(init.VSCODE_TASKS);
    const out = { text: "" };
    const dir = mkdtempSync(path.join(os.tmpdir(), "brandlint-docs-"));
    try {
      const io = { stdout: (t: string) => (out.text += t), stderr: (t: string) => (out.text += t), cwd: dir, color: false, env: {} };
      await init.initCommand([], io);
      await init.initCommand(["--help"], io);
      for (const f of readdirSync(dir, { recursive: true }) as string[]) if (statSync(path.join(dir, f)).isFile()) texts[`init wrote ${f}`] = readFileSync(path.join(dir, f), "utf8");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    texts["init: output"] = out.text;
    return texts;
  }

  it("never runs brandlint through npx without --no-install", async () => {
    const bare = /\bnpx\s+(?!--no-install\b)(?:-\S+\s+)*brandlint\b/;
    // The one exception: the README's quick start, run in a clone of this repository, where npx
    // runs the package of the current folder (the brief's two commands).
    const quickStart = (name: string, l: string) => name === "README.md" && l.trim() === "npm ci && npx brandlint";
    const found = Object.entries(await copied()).flatMap(([name, text]) => text.split("\n").filter((l) => bare.test(l) && !quickStart(name, l)).map((l) => `${name}: ${l.trim()}`));
    expect(found).toEqual([]);
    expect(bare.test("npx brandlint --format unix")).toBe(true);
    expect(bare.test("npx --yes brandlint")).toBe(true);
    expect(bare.test("npx --no-install brandlint --watch")).toBe(false);
  });

  it("hooks, tasks and CI steps run the installed bin directly, never through npx (issue 18)", async () => {
    const texts = await copied();
    const npx = /\bnpx\b[^\n]*\bbrandlint\b|"npx"/;
    // What init writes and the hook and task files run by a tool: no npx at all.
    for (const name of Object.keys(texts).filter((n) => n.startsWith("init") || n === ".vscode/tasks.json" || n === ".pre-commit-hooks.yaml"))
      expect(texts[name]!.split("\n").filter((l) => npx.test(l)), name).toEqual([]);
    // Commands in the docs' code blocks: the README's quick start (npx runs the package of the clone)
    // and Helix's config (its command cannot be a path in the project) are the exceptions.
    const blocks = Object.entries(texts)
      .filter(([name]) => name.endsWith(".md"))
      .flatMap(([name, text]) => [...text.matchAll(/^```(\w*)\n([\s\S]*?)^```/gmu)].map((m) => ({ name, lang: m[1]!, code: m[2]! })));
    expect(blocks.length).toBeGreaterThan(20);
    const found = blocks
      .filter((b) => b.lang !== "toml")
      .flatMap((b) => b.code.split("\n").filter((l) => npx.test(l) && !(b.name === "README.md" && l.trim() === "npm ci && npx brandlint")).map((l) => `${b.name}: ${l.trim()}`));
    expect(found).toEqual([]);
    // The action uses node_modules/.bin/brandlint when it is there.
    expect(texts["action.yml"]).toMatch(/if \[ -x node_modules\/\.bin\/brandlint \]; then brandlint=\(node_modules\/\.bin\/brandlint\)/);
  });

  it("names no release tag that does not exist, and gives the registry install only for when it is published", async () => {
    const tags = new Set(execFileSync("git", ["tag", "--list"], { cwd: root, encoding: "utf8" }).split("\n").filter(Boolean));
    const texts = await copied();
    const named = Object.entries(texts).flatMap(([name, text]) => [...text.matchAll(/(?:\brev:\s*|brandlint@|#)(v\d+\.\d+\.\d+)\b/g)].map((m) => `${name}: ${m[1]}`));
    expect(named.filter((n) => !tags.has(n.split(": ").pop()!))).toEqual([]);
    for (const [name, text] of Object.entries(texts))
      for (const line of text.split("\n").filter((l) => /npm install --save-dev brandlint\b(?![-@/.])/.test(l))) expect(line, `${name}: the registry form only "once published"`).toMatch(/published/);
    // The documented ways that work today: a packed tarball and a git URL pinned to a commit.
    expect(texts["README.md"]).toContain("npm install --save-dev path/to/brandlint-0.1.0.tgz");
    expect(texts["docs/integrations.md"]).toMatch(/npm install --save-dev "git\+https:\/\/[^"]+#<commit>"/);
  });
});
