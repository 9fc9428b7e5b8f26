import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
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

  it("every built-in finding has its generated docs page, and the index lists it", async () => {
    const docs = allDocs(await loadRules());
    for (const f of BUILTIN_FINDINGS) {
      expect(docs[f.docsUrl], f.id).toContain(`# ${f.id}\n\n${f.description}`);
      expect(docs["docs/rules/README.md"]).toContain(`[${f.id}](${f.id}.md)`);
    }
    expect(docs["docs/rules/invalid-suppression.md"]).toContain("-- the legal team's wording");
  });
});
