/**
 * SECURITY.md names, for each promise, the tests that hold it (by file and title). This
 * fails when a named test does not exist, so the document cannot promise what no test
 * checks any more.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const repo = path.resolve(import.meta.dirname, "..");
const doc = readFileSync(path.join(repo, "SECURITY.md"), "utf8");
const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

/** Every `test/….test.ts` ("title"; "title") reference in the document. */
function references(text: string): { file: string; title: string }[] {
  const out: { file: string; title: string }[] = [];
  for (const m of text.matchAll(/`(test\/[^`\s]+\.test\.ts)`\s*\(((?:\s*"[^"]+"\s*;?)+)\)/g))
    for (const t of m[2]!.matchAll(/"([^"]+)"/g)) out.push({ file: m[1]!, title: oneLine(t[1]!) });
  return out;
}

/** The titles a test file declares: it("…"), test("…") and the `name: "…"` of its table cases. */
function titles(file: string): Set<string> {
  const src = readFileSync(path.join(repo, file), "utf8");
  const found = new Set<string>();
  for (const m of src.matchAll(/\b(?:it|test)(?:\.\w+)*\(\s*("(?:[^"\\]|\\.)*")|\bname:\s*("(?:[^"\\]|\\.)*")/g)) found.add(oneLine(JSON.parse(m[1] ?? m[2]!) as string));
  return found;
}

describe("SECURITY.md", () => {
  const refs = references(doc);

  it("names the test that holds each of issue 17's promises", () => {
    const sections = doc.split(/^## /m).slice(1);
    for (const heading of ["The cache", "Only regular files inside the project", "Reads are bounded", "Output stays in its folder", "Limits", "--fix is safe", "The suppressions file", "URLs are untouched by fixes", "Template text reaches a terminal escaped"]) {
      const section = sections.find((s) => s.startsWith(heading));
      expect(section, `a section "${heading}"`).toBeDefined();
      expect(references(section!).length, `tests named in "${heading}"`).toBeGreaterThan(0);
    }
    expect(refs.length).toBeGreaterThan(50);
  });

  it("every test it names exists, in the file it names", () => {
    const missing: string[] = [];
    const byFile = new Map<string, Set<string>>();
    for (const r of refs) {
      if (!existsSync(path.join(repo, r.file))) {
        missing.push(`${r.file} (no such file)`);
        continue;
      }
      if (!byFile.has(r.file)) byFile.set(r.file, titles(r.file));
      if (!byFile.get(r.file)!.has(r.title)) missing.push(`${r.file}: "${r.title}"`);
    }
    expect(missing).toEqual([]);
  });

  it("a renamed test is caught (the check itself)", () => {
    const fake = references('*Tests:* `test/fix-safety.test.ts` ("a process killed mid-fix leaves\n  each file either untouched or completely fixed"; "a test that was renamed")');
    expect(fake.map((r) => r.title)).toEqual(["a process killed mid-fix leaves each file either untouched or completely fixed", "a test that was renamed"]);
    const have = titles("test/fix-safety.test.ts");
    expect(fake.map((r) => have.has(r.title))).toEqual([true, false]);
  });
});
