/** The rule tester and the engine refuse weak tests and undeclared fixes, like ESLint's RuleTester. */
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lint } from "../src/lint.js";
import { checkExpectation, duplicateCase } from "./helpers/rule-tester.js";

const cwd = path.join(os.tmpdir(), "brandlint-tester-project");

function withRule(rule: string, sms = "Hi!\n") {
  return lint({
    cwd,
    disk: false,
    files: { "brand.config.json": JSON.stringify({ brand: { name: "Acme" }, customRules: ["./r.mjs"] }), "r.mjs": rule, "templates/c/sms.txt": sms },
    only: ["r"],
  });
}
const report = 'ctx.report({ messageId: "m", at: { text: ctx.variant.fields.text.sample, start: 2, end: 3 }';

describe("the strict rule tester", () => {
  it("an expected finding must name its messageId or message", () => {
    expect(() => checkExpectation({ line: 1, column: 1 }, "weak")).toThrow(/messageId or message/);
    expect(() => checkExpectation({ line: 1, column: 1, messageId: "m" }, "ok")).not.toThrow();
  });

  it("duplicate cases are refused", () => {
    const c = { title: "a", files: { "sms.txt": "x" } };
    expect(duplicateCase([c, { ...c, title: "b" }])).toBe('case "b" repeats case "a"');
    expect(duplicateCase([c, { ...c, title: "b", files: { "sms.txt": "y" } }])).toBeUndefined();
  });

  it("a fix from a rule whose meta says fixable: false is an internal error, not dropped", async () => {
    const r = await withRule(`export default { meta: { id: "r", channels: ["sms"], fixable: false, messages: { m: "Bang" } }, check(ctx) { ${report}, fix: "." }); } };\n`);
    const m = r.results.flatMap((x) => x.messages);
    expect(m.map((x) => x.ruleId)).toEqual(["internal-error"]);
    expect(m[0]!.message).toMatch(/reported a fix but its meta says fixable: false/);
  });

  it("suggestions from a rule without hasSuggestions are an internal error", async () => {
    const r = await withRule(`export default { meta: { id: "r", channels: ["sms"], messages: { m: "Bang" } }, check(ctx) { ${report}, suggestions: [{ desc: "dot", text: "." }] }); } };\n`);
    expect(r.results.flatMap((x) => x.messages).map((x) => x.message).join()).toMatch(/reported suggestions but its meta does not set hasSuggestions/);
  });

  it("a declared fix is kept", async () => {
    const r = await withRule(`export default { meta: { id: "r", channels: ["sms"], fixable: true, messages: { m: "Bang" } }, check(ctx) { ${report}, fix: "." }); } };\n`);
    expect(r.results.flatMap((x) => x.messages).map((x) => [x.ruleId, x.fix?.text])).toEqual([["r", "."]]);
  });
});
