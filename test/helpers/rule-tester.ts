/**
 * The strict rule tester: each case is a campaign folder (files by name) plus config,
 * run through the real pipeline (load → render → engine), with exact expectations.
 * An invalid case must list its findings; a valid case must produce none; a fix is
 * re-run to prove it is idempotent.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lint } from "../../src/lint.js";
import type { Rule, RuleExample } from "../../src/engine/rule.js";
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

/** Writes a case to a temp project: brand.config.json + templates/c/<files>. */
export function writeCase(c: { config?: Partial<BrandConfig>; files: Record<string, string> }, ruleId?: string, options?: object, base: BrandConfig = BASE_CONFIG): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "brandlint-case-"));
  const config = deepMerge(base as unknown as Record<string, unknown>, (c.config ?? {}) as Record<string, unknown>);
  if (ruleId && options) config.rules = { ...((config.rules as object) ?? {}), [ruleId]: ["error", options] };
  writeFileSync(path.join(dir, "brand.config.json"), JSON.stringify(config, null, 2));
  const campaign = path.join(dir, "templates", "c");
  mkdirSync(campaign, { recursive: true });
  for (const [name, text] of Object.entries(c.files)) {
    if (name === "brand.config.json") continue;
    mkdirSync(path.dirname(path.join(campaign, name)), { recursive: true });
    writeFileSync(path.join(campaign, name), text);
  }
  return dir;
}

function defaultFile(files: Record<string, string>): string {
  if ("message.md" in files) return "message.md";
  return Object.keys(files).find((f) => f !== "campaign.json") ?? Object.keys(files)[0]!;
}

async function findingsOf(dir: string, ids: string[]) {
  const report = await lint({ cwd: dir, only: ids });
  return report.results.flatMap((r) => r.messages.map((m) => ({ ...m, file: path.basename(r.file.path) === "brand.config.json" ? "brand.config.json" : path.relative(path.join(dir, "templates", "c"), r.file.path) })));
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
    for (const c of cases.valid) {
      it(`valid: ${c.title}`, async () => {
        if (c.errors?.length) throw new Error(`valid case "${c.title}" lists errors`);
        const dir = writeCase(c, id, c.options as object | undefined, base);
        try {
          const found = await findingsOf(dir, [id, ...(c.alsoRules ?? [])]);
          expect(found.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}`)).toEqual([]);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.title}`, async () => {
        if (!c.errors?.length) throw new Error(`invalid case "${c.title}" lists no errors`);
        const dir = writeCase(c, id, c.options as object | undefined, base);
        try {
          const found = await findingsOf(dir, [id, ...(c.alsoRules ?? [])]);
          const actual = found.map((f) => ({ ...f }));
          expect(actual.length, `findings: ${JSON.stringify(actual.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}`), null, 1)}`).toBe(c.errors.length);
          c.errors.forEach((e, i) => {
            const f = actual[i]!;
            expect({ file: f.file, line: f.line, column: f.column }, f.message).toEqual({ file: e.file ?? defaultFile(c.files), line: e.line, column: e.column });
            if (e.messageId) expect(f.messageId ?? f.ruleId).toBe(e.messageId);
            if (e.endLine !== undefined) expect(f.endLine).toBe(e.endLine);
            if (e.endColumn !== undefined) expect(f.endColumn).toBe(e.endColumn);
            if (e.channels) expect(f.channels).toEqual(e.channels);
            if (e.message) expect(f.message).toContain(e.message);
          });
          const campaign = path.join(dir, "templates", "c");
          if (c.output) {
            await lint({ cwd: dir, only: [id], fix: true });
            for (const [name, expected] of Object.entries(c.output)) expect(readFileSync(path.join(campaign, name), "utf8")).toBe(expected);
            // Idempotence: a second --fix changes nothing.
            const before = Object.fromEntries(Object.keys(c.files).map((n) => [n, readFileSync(path.join(campaign, n), "utf8")]));
            const again = await lint({ cwd: dir, only: [id], fix: true });
            expect(again.fixed).toEqual([]);
            for (const n of Object.keys(c.files)) expect(readFileSync(path.join(campaign, n), "utf8")).toBe(before[n]);
          } else if (rule.meta.fixable) {
            // A case without output must not change anything under --fix.
            const r = await lint({ cwd: dir, only: [id], fix: true });
            expect(r.fixed.map((x) => path.basename(x.file))).toEqual([]);
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
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
