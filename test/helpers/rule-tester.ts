/**
 * The strict rule tester, in memory: each case is a campaign folder (files by name)
 * plus config, run through the real pipeline (load → render → engine) with
 * `lint({ files, disk: false })` — no temp folders. At least as strict as ESLint's
 * RuleTester: an expected finding names its messageId or message; a message with an
 * unfilled {placeholder} fails; every suggestion is asserted; duplicate cases fail; a
 * fix or suggestion from a rule whose meta does not declare it fails (the engine turns
 * it into an internal error); fixes are re-run to prove idempotence.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lint } from "../../src/lint.js";
import type { ExampleFiles, ExpectedFinding, Rule, RuleExample } from "../../src/engine/rule.js";
import type { LintMessage } from "../../src/engine/linter.js";
import { applyFixes } from "../../src/fix/apply.js";
import type { BrandConfig } from "../../src/types.js";

export const BASE_CONFIG: BrandConfig = { brand: { name: "Acme" } };

export interface RuleTestCase<O = Record<string, unknown>> extends RuleExample<O> {
  /** Run only these other rules too (default: only the rule under test). */
  alsoRules?: string[];
}

function deepMerge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = v && typeof v === "object" && !Array.isArray(v) && prev && typeof prev === "object" && !Array.isArray(prev) ? deepMerge(prev as Record<string, unknown>, v as Record<string, unknown>) : v;
  }
  return out;
}

function caseConfig(c: { config?: Partial<BrandConfig> }, ruleId?: string, options?: object, base: BrandConfig = BASE_CONFIG): Record<string, unknown> {
  const config = deepMerge(base as unknown as Record<string, unknown>, (c.config ?? {}) as Record<string, unknown>);
  if (ruleId && options) config.rules = { ...((config.rules as object) ?? {}), [ruleId]: ["error", options] };
  return config;
}

/** A case as a project: brand.config.json + templates/c/<files>, by path relative to the project. */
export function caseFiles(c: { config?: Partial<BrandConfig>; files: Record<string, string> }, ruleId?: string, options?: object, base: BrandConfig = BASE_CONFIG): Record<string, string> {
  const out: Record<string, string> = { "brand.config.json": JSON.stringify(caseConfig(c, ruleId, options, base), null, 2) };
  for (const [name, text] of Object.entries(c.files)) if (name !== "brand.config.json") out[`templates/c/${name}`] = text;
  return out;
}

/** Writes a case to a temp project on disk (for tests of the CLI and of the disk itself). */
export function writeCase(c: { config?: Partial<BrandConfig>; files: Record<string, string> }, ruleId?: string, options?: object, base: BrandConfig = BASE_CONFIG): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "brandlint-case-"));
  for (const [rel, text] of Object.entries(caseFiles(c, ruleId, options, base))) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

function defaultFile(files: Record<string, string>): string {
  if ("message.md" in files) return "message.md";
  return Object.keys(files).find((f) => f !== "campaign.json") ?? Object.keys(files)[0]!;
}

/** A project folder that exists nowhere: the tester reads nothing from disk. */
const ROOT = path.join(os.tmpdir(), "brandlint-rule-tester", "project");
const CAMPAIGN = path.join(ROOT, "templates", "c");

type Found = LintMessage & { file: string };

async function findingsOf(files: Record<string, string>, ids: string[]): Promise<Found[]> {
  const report = await lint({ cwd: ROOT, files, disk: false, only: ids });
  return report.results.flatMap((r) => r.messages.map((m) => ({ ...m, file: path.basename(r.file.path) === "brand.config.json" ? "brand.config.json" : path.relative(CAMPAIGN, r.file.path) })));
}

/** Runs --fix in memory; returns the campaign's files after it (by name) and how many files changed. */
async function fixOf(files: Record<string, string>, ids: string[]): Promise<{ after: ExampleFiles; changed: string[] }> {
  const report = await lint({ cwd: ROOT, files, disk: false, only: ids, fix: true });
  const after: ExampleFiles = {};
  for (const [rel, text] of Object.entries(files)) if (rel.startsWith("templates/c/")) after[rel.slice("templates/c/".length)] = report.output[path.join(ROOT, rel)] ?? text;
  return { after, changed: Object.keys(report.output).map((p) => path.relative(CAMPAIGN, p)) };
}

const show = (f: Found) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}`;

/** The first case that repeats an earlier one (same files, config, options), as "title ← earlier title". */
export function duplicateCase(cases: readonly RuleTestCase<unknown>[]): string | undefined {
  const seen = new Map<string, string>();
  for (const c of cases) {
    const key = JSON.stringify([c.files, c.config ?? null, c.options ?? null, c.alsoRules ?? null]);
    const prev = seen.get(key);
    if (prev !== undefined) return `case "${c.title}" repeats case "${prev}"`;
    seen.set(key, c.title);
  }
  return undefined;
}

export function checkExpectation(e: ExpectedFinding, title: string): void {
  if (!e.messageId && !e.message) throw new Error(`case "${title}": an expected finding must name its messageId or message`);
}

export function runRuleTests<O>(rule: Rule<O>, cases: { valid: RuleTestCase<O>[]; invalid: RuleTestCase<O>[] }, base?: BrandConfig): void {
  const id = rule.meta.id;
  describe(`${id}`, () => {
    it("has complete metadata", () => {
      expect(rule.meta.description.length).toBeGreaterThan(10);
      expect(rule.meta.rationale.length).toBeGreaterThan(10);
      expect(rule.meta.schema).toMatchObject({ type: "object" });
      expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
      expect(rule.meta.channels.length).toBeGreaterThan(0);
      expect(rule.meta.examples.invalid.length).toBeGreaterThan(0);
    });
    it("has no duplicate cases", () => {
      const dup = duplicateCase([...cases.valid, ...cases.invalid] as RuleTestCase<unknown>[]);
      if (dup) throw new Error(dup);
    });
    for (const c of cases.valid) {
      it(`valid: ${c.title}`, async () => {
        if (c.errors?.length) throw new Error(`valid case "${c.title}" lists errors`);
        if (c.output) throw new Error(`valid case "${c.title}" lists output`);
        const found = await findingsOf(caseFiles(c, id, c.options as object | undefined, base), [id, ...(c.alsoRules ?? [])]);
        expect(found.map(show)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.title}`, async () => {
        if (!c.errors?.length) throw new Error(`invalid case "${c.title}" lists no errors`);
        for (const e of c.errors) checkExpectation(e, c.title);
        const files = caseFiles(c, id, c.options as object | undefined, base);
        const ids = [id, ...(c.alsoRules ?? [])];
        const actual = await findingsOf(files, ids);
        expect(actual.length, `findings: ${JSON.stringify(actual.map(show), null, 1)}`).toBe(c.errors.length);
        for (const [i, e] of c.errors.entries()) {
          const f = actual[i]!;
          expect({ file: f.file, line: f.line, column: f.column }, f.message).toEqual({ file: e.file ?? defaultFile(c.files), line: e.line, column: e.column });
          expect(f.message, "a message placeholder was not filled").not.toMatch(/(?<!\{)\{[A-Za-z_]\w*\}(?!\})/);
          if (e.messageId) expect(f.messageId ?? f.ruleId).toBe(e.messageId);
          if (e.endLine !== undefined) expect(f.endLine).toBe(e.endLine);
          if (e.endColumn !== undefined) expect(f.endColumn).toBe(e.endColumn);
          if (e.channels) expect(f.channels).toEqual(e.channels);
          if (e.message) expect(f.message).toContain(e.message);
          // Every suggestion is asserted: what it says and what applying it gives.
          const got = f.suggestions ?? [];
          expect(got.length, `suggestions of "${f.message}": ${JSON.stringify(got.map((s) => s.desc))} — list each one in the case`).toBe(e.suggestions?.length ?? 0);
          for (const [k, want] of (e.suggestions ?? []).entries()) {
            const s = got[k]!;
            if (want.desc) expect(s.desc).toContain(want.desc);
            const name = e.file ?? defaultFile(c.files);
            const source = c.files[name]!;
            for (const [file, text] of Object.entries(want.output)) expect(file === name ? applyFixes(source, [s.fix]).output : c.files[file]).toBe(text);
          }
        }
        if (c.output) {
          const { after } = await fixOf(files, [id]);
          for (const [name, expected] of Object.entries(c.output)) expect(after[name], `${name} after --fix`).toBe(expected);
          // Idempotence: a second --fix changes nothing.
          const next = { ...files, ...Object.fromEntries(Object.entries(after).map(([n, t]) => [`templates/c/${n}`, t])) };
          expect((await fixOf(next, [id])).changed).toEqual([]);
        } else if (rule.meta.fixable) {
          // A case without output must not change anything under --fix.
          expect((await fixOf(files, [id])).changed).toEqual([]);
        }
      });
    }
  });
}

/** Runs a rule's own documented examples as tests (docs and tests from one source). */
export function runRuleExamples<O>(rule: Rule<O>, base?: BrandConfig): void {
  describe(`${rule.meta.id} documented examples`, () => {
    runRuleTests(rule, rule.meta.examples as { valid: RuleTestCase<O>[]; invalid: RuleTestCase<O>[] }, base);
  });
}
