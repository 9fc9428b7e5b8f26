import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allDocs } from "../src/docs/generate.js";
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
});
