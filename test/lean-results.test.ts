/**
 * lint({ keepTexts: false }), what the CLI runs: a file's text is dropped once its campaign
 * is linted unless a finding points at it or it holds a suppression comment, and the
 * findings are exactly those of a run that keeps every text.
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lint } from "../src/lint.js";
import { ReleasedFile, type FileResult } from "../src/engine/linter.js";
import { FORMATTERS } from "../src/report/index.js";
import { readTree, REPO_ROOT } from "./helpers/cli.js";

const cwd = path.join(os.tmpdir(), "brandlint-lean", String(process.pid));
const templates = Object.fromEntries(Object.entries(readTree(path.join(REPO_ROOT, "templates"))).map(([k, v]) => [path.join("templates", k), v]));
const files: Record<string, string> = {
  "brand.config.json": readFileSync(path.join(REPO_ROOT, "brand.config.json"), "utf8"),
  ...templates,
  // Clean text with a suppression comment that suppresses nothing: the unused-suppression
  // finding comes from the comment, found only at the end of the run.
  "templates/promo-gajian/sms.txt": `{{!-- brandlint-disable-next-line tone-words -- agreed with legal --}}\n${templates["templates/promo-gajian/sms.txt"]!}`,
  // The same campaign twice: send-fatigue (a project rule, run after every campaign is linted) reports on it.
  "templates/spring-sale-again/message.md": templates["templates/spring-sale/message.md"]!,
};
const ctx = { cwd, root: cwd, rules: [], version: "test" };
const byPath = (results: FileResult[]) => new Map(results.map((r) => [path.relative(cwd, r.file.path), r]));

describe("lint({ keepTexts: false })", () => {
  it("reports what a run keeping every text reports, in every format; only files no finding points at lose their text", async () => {
    const full = await lint({ cwd, files, disk: false });
    const lean = await lint({ cwd, files, disk: false, keepTexts: false });
    for (const [name, format] of Object.entries(FORMATTERS)) expect(format(lean.results, ctx), name).toBe(format(full.results, ctx));
    const results = byPath(lean.results);
    // Clean files keep only their path.
    const clean = lean.results.filter((r) => !r.messages.length);
    expect(clean.length).toBeGreaterThan(5);
    for (const r of clean) {
      expect(r.file).toBeInstanceOf(ReleasedFile);
      expect(r.file.text).toBe("");
    }
    // A file findings point at keeps its text (SARIF fingerprints read the offending line).
    for (const r of lean.results.filter((x) => x.messages.length)) {
      expect(r.file).not.toBeInstanceOf(ReleasedFile);
      expect(r.file.text).toBe(files[path.relative(cwd, r.file.path)]!.replace(/^\uFEFF/, ""));
    }
    // The comment's finding is there although the file has no finding of its own.
    expect(results.get("templates/promo-gajian/sms.txt")!.messages.map((m) => m.ruleId)).toEqual(["unused-suppression"]);
    // Only the project rule reports on the copy: its file was released after its campaign and comes back with the finding.
    expect(results.get("templates/spring-sale-again/message.md")!.messages.map((m) => m.ruleId)).toContain("send-fatigue");
  });

  it("keeps every text by default (the API's contract: results carry their files)", async () => {
    const full = await lint({ cwd, files, disk: false });
    for (const r of full.results) expect(r.file).not.toBeInstanceOf(ReleasedFile);
  });
});

describe("the CLI's heap growth", () => {
  it("is set for a lint run unless the user chose V8's heap growth (on the command line or in NODE_OPTIONS)", async () => {
    const { tuneHeapGrowth, HEAP_GROWING_PERCENT } = await import("../src/cli/main.js");
    // Not set in this process: V8 flags are process-wide, and a changed flag makes V8 reject code caches other tests load.
    const set: string[] = [];
    expect(tuneHeapGrowth(["--heap-growing-percent=80"], "", (f) => set.push(f))).toBe(false);
    expect(tuneHeapGrowth([], "--max-old-space-size=512 --heap_growing_percent=80", (f) => set.push(f))).toBe(false);
    expect(set).toEqual([]);
    expect(tuneHeapGrowth(["--max-old-space-size=512"], "", (f) => set.push(f))).toBe(true);
    expect(set).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
  });
});
