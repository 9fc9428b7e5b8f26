/**
 * Finding ranges cover whole characters: a parser that counts UTF-16 code units
 * (Handlebars' lexer, yaml's error ranges, a one-unit "first character") once ended a
 * range between the two halves of a surrogate pair (found by test/fuzz.test.ts).
 */
import { describe, expect, it } from "vitest";
import { lint } from "../src/lint.js";

const cwd = "/positions";
async function ranges(file: string, text: string): Promise<string[]> {
  const report = await lint({ cwd, files: { "brand.config.json": JSON.stringify({ brand: { name: "Acme" } }), [`templates/c/${file}`]: text }, disk: false, only: [] });
  const out = report.results.flatMap((r) => r.messages.filter((m) => m.ruleId === "parse-error").map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.message.slice(0, 40)}`));
  return out;
}

describe("a finding never starts or ends inside a surrogate pair", () => {
  it("an unfinished {{ before an emoji (Handlebars' lexer stopped after its first half)", async () => {
    expect(await ranges("sms.txt", "Hi {{😀")).toEqual(['1:4-1:8 unfinished {{ }} expression: every "{{" ']);
  });

  it("an email template that starts with an emoji, not <mjml>", async () => {
    expect(await ranges("email.mjml", "😀 hello")).toEqual(["1:1-1:3 no <mjml> element: an email template mus"]);
  });

  it("an email template that starts with a CRLF line break: the range is empty at 1:1, never between \\r and \\n", async () => {
    expect(await ranges("email.mjml", "\r\nhello")).toEqual(["1:1-1:1 no <mjml> element: an email template mus"]);
  });

  it("a frontmatter YAML error at an emoji", async () => {
    const found = await ranges("message.md", "---\nchannels: [sms]\n&a &bogus;𝢶e-mail|a|b|\n|-|-|\n😣բ\n---\nHi\n");
    expect(found.length).toBeGreaterThan(0);
    expect(found).toContain("5:1-5:3 invalid frontmatter YAML: Block scalar v");
  });
});
