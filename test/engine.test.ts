/**
 * The engine: a rule that throws becomes one internal-error finding on that file and
 * everything else still runs; one source spot seen in several variants is one finding.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import toneWords from "../rules/tone-words.js";
import { loadConfig, type LoadedConfig } from "../src/config/load.js";
import { SettingsResolver } from "../src/config/settings.js";
import { runRules, toResults, type RawFinding } from "../src/engine/linter.js";
import { defineRule, type Rule, type RuleContext, type RuleMeta } from "../src/engine/rule.js";
import { loadCampaigns } from "../src/lint.js";
import { CHANNELS } from "../src/types.js";
import { tempProject, type TempProject } from "./helpers/cli.js";

function fakeRule(id: string, scope: RuleMeta["scope"], check: (ctx: RuleContext<Record<string, unknown>>) => void): Rule<never> {
  return defineRule<Record<string, unknown>>({
    meta: {
      id,
      description: `A test rule (${id}).`,
      rationale: "Only used by the engine tests.",
      docs: { url: `docs/rules/${id}.md` },
      channels: CHANNELS,
      scope,
      defaultSeverity: "error",
      fixable: false,
      schema: { type: "object", additionalProperties: false, properties: {} },
      defaultOptions: {},
      messages: { hit: "hit {what}" },
      examples: { valid: [], invalid: [] },
    },
    check,
  }) as unknown as Rule<never>;
}

let p: TempProject;
let config: LoadedConfig;
beforeAll(() => {
  p = tempProject({
    "brand.config.json": JSON.stringify({ brand: { name: "Acme" }, tone: { banned: [{ term: "cheap" }] } }),
    // Campaign "a": one message.md rendered to five variants, plus a hand-written sms.txt.
    "templates/a/message.md": "---\nchannels: [email, push, whatsapp, social]\n---\nOur cheap tents.\n",
    "templates/a/sms.txt": "A cheap SMS.\n",
    "templates/b/sms.txt": "B is cheap too.\n",
  });
  config = loadConfig({ cwd: p.dir, rules: [toneWords.meta] });
});
afterAll(() => p.dispose());

function run(rules: Rule<never>[]): RawFinding[] {
  const campaigns = loadCampaigns([path.join(p.dir, "templates", "a"), path.join(p.dir, "templates", "b")], config);
  return runRules({ campaigns, rules, settings: new SettingsResolver(config) });
}
const show = (fs: RawFinding[]) =>
  fs
    .map((f) => `${path.relative(p.dir, f.file.path).split(path.sep).join("/")} ${f.ruleId} [${[...f.channels].sort().join(",")}]`)
    .sort();

describe("internal-error containment", () => {
  it("a variant rule that throws on one campaign: one internal-error per file, the rest still runs", () => {
    const crashy = fakeRule("crashy", "variant", (ctx) => {
      if (ctx.campaign.dir.endsWith(`${path.sep}a`)) throw new Error("boom\n    at somewhere (secret.js:1:1)");
      ctx.report({ messageId: "hit", data: { what: "b" }, at: { file: ctx.variant!.file, start: 0, end: 1 } });
    });
    const found = run([crashy, toneWords as unknown as Rule<never>]);
    expect(show(found)).toEqual([
      "templates/a/message.md internal-error [email]",
      "templates/a/message.md tone-words [email,push,social,whatsapp]",
      "templates/a/sms.txt internal-error [sms]",
      "templates/a/sms.txt tone-words [sms]",
      "templates/b/sms.txt crashy [sms]",
      "templates/b/sms.txt tone-words [sms]",
    ]);
    const internal = found.filter((f) => f.ruleId === "internal-error");
    for (const f of internal) {
      expect(f.severity).toBe(2);
      expect(f.message).toContain('rule "crashy" crashed on this file (boom)');
      expect(f.message).not.toContain("secret.js");
    }
  });

  it("a campaign rule that throws is reported on the campaign's main file", () => {
    const crashy = fakeRule("crashy-campaign", "campaign", () => {
      throw new TypeError("Cannot read properties of undefined");
    });
    const found = run([crashy]).filter((f) => f.ruleId === "internal-error");
    expect(show(found)).toEqual(["templates/a/message.md internal-error []", "templates/b/sms.txt internal-error []"]);
  });

  it("a project rule that throws does not stop the variant rules", () => {
    const crashy = fakeRule("crashy-project", "project", () => {
      throw "not even an Error";
    });
    const found = run([crashy, toneWords as unknown as Rule<never>]);
    expect(found.filter((f) => f.ruleId === "internal-error").map((f) => f.message)).toEqual([
      'rule "crashy-project" crashed on this file (not even an Error); the other rules still ran — please report this with the file',
    ]);
    expect(found.filter((f) => f.ruleId === "tone-words")).toHaveLength(3);
  });

  it("a report with an unknown messageId is contained the same way", () => {
    const sloppy = fakeRule("sloppy", "variant", (ctx) => ctx.report({ messageId: "nope", at: { file: ctx.variant!.file, start: 0, end: 1 } }));
    const found = run([sloppy]);
    expect(found.every((f) => f.ruleId === "internal-error")).toBe(true);
    expect(found[0]!.message).toContain('reported unknown messageId "nope"');
  });

  it("internal errors become ordinary results at line 1, column 1", () => {
    const crashy = fakeRule("crashy", "variant", () => {
      throw new Error("boom");
    });
    const campaigns = loadCampaigns([path.join(p.dir, "templates", "b")], config);
    const results = toResults(campaigns.flatMap((c) => c.files), runRules({ campaigns, rules: [crashy], settings: new SettingsResolver(config) }));
    expect(results.map((r) => r.messages.map((m) => [m.ruleId, m.severity, m.line, m.column]))).toEqual([[["internal-error", 2, 1, 1]]]);
    expect(results[0]!.errorCount).toBe(1);
  });
});

describe("findings from several variants", () => {
  it("one source spot in several variants is one finding with every channel", () => {
    const everywhere = fakeRule("everywhere", "variant", (ctx) => {
      if (ctx.variant!.file.path.endsWith("message.md")) ctx.report({ messageId: "hit", data: { what: "x" }, at: { file: ctx.variant!.file, start: 0, end: 3 } });
    });
    const found = run([everywhere]);
    expect(found).toHaveLength(1);
    expect([...found[0]!.channels].sort()).toEqual(["email", "push", "social", "whatsapp"]);
    expect(found[0]!.message).toBe("hit x");
  });

  it("a rule turned off in the config does not run", () => {
    const off = loadConfig({ cwd: p.dir, rules: [toneWords.meta] });
    off.data.rules = { "tone-words": "off" };
    const campaigns = loadCampaigns([path.join(p.dir, "templates", "b")], off);
    expect(runRules({ campaigns, rules: [toneWords as unknown as Rule<never>], settings: new SettingsResolver(off) })).toEqual([]);
  });
});
