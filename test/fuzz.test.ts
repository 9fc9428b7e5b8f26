/**
 * Fuzzing with fast-check: arbitrary text as message.md, sms.txt, email.mjml, push.json
 * and brand.config.json never makes the engine throw, and every reported position
 * lies inside its file. Seeds are fixed so a failure reproduces.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { lint } from "../src/lint.js";
import { ConfigError } from "../src/config/load.js";

const RUNS = Number(process.env.BRANDLINT_FUZZ_RUNS ?? 150);
const dir = mkdtempSync(path.join(os.tmpdir(), "brandlint-fuzz-"));
const campaign = path.join(dir, "templates", "f");
mkdirSync(campaign, { recursive: true });
const CONFIG = JSON.stringify({
  brand: { name: "Acme", address: "1 Main St", unsubscribeUrl: "https://acme.example/u/{{userId}}", domains: ["acme.example"] },
  colors: { primary: "#0B5FFF", ink: "#1A1A1A", paper: "#FFFFFF" },
  fonts: ["Inter", "Arial"],
  tone: { banned: [{ term: "cheap*" }, { term: "act now" }], terms: [{ use: "email", instead: ["e-mail"] }], locales: { ru: { banned: [{ term: "дешёв*" }] } } },
  offers: [{ code: "SPRING20", discount: "20%", starts: "2026-03-01", ends: "2026-03-31" }],
  channels: { sms: { maxSegments: 2, optOut: "STOP to end", linkLength: 23 }, push: { titleMax: 40, bodyMax: 120 }, email: { subjectMax: 60 } },
  variables: { firstName: { sample: "Ana", maxLength: 20, charset: "unicode" }, userId: { sample: "u1" } },
  fatigue: { maxPerDay: 1 },
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Fragments that reach deep into every parser. */
const PIECES = [
  "---\n", "subject: ", "locale: ar\n", "locale: ru\n", "offer: SPRING20\n", "send: 2026-03-20\n", "channels: [sms, email]\n", "sms: { text: \"", "\" }\n", "push: { title: x }\n",
  "# ", "**", "_", "~~", "`", "```\n", "- ", "1. ", "> ", "\n", "\n\n", "[", "](", ")", "https://acme.example/x", "![", "<", ">", "</", "<!-- ", " -->",
  "{{", "}}", "{{#if firstName}}", "{{/if}}", "{{else}}", "{{firstName}}", "{{!-- brandlint-disable-next-line --}}", "{{> p}}", "{{constructor.constructor}}", "{{#each x}}",
  "<mjml>", "</mjml>", "<mj-body>", "<mj-section>", "<mj-column>", "<mj-text color=\"#0A5EFF\">", "</mj-text>", "<mj-button href=\"http://x.y\">", "<mj-style>", "a{color:red}", "</mj-style>",
  "<mj-include path=\"../x\" />", "style=\"color:#123\"", "&amp;", "&#x41;", "&bogus;",
  "cheap", "e-mail", "20%", "٢٠٪", "-30 %", "SPRING25", "Act now", "дешёвый", "خصم", "’", "“", "…", "\u00a0", "👍🏽", "👨‍👩‍👧", "\u0301", "\r\n", "\ufeff", "\u0000", "\ud800",
];
const soup = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 }), fc.string({ unit: "grapheme", maxLength: 8 })), { maxLength: 60 }).map((a) => a.join(""));
const anyText = fc.oneof(soup, fc.string({ unit: "binary", maxLength: 300 }), fc.string({ unit: "grapheme", maxLength: 300 }));

let runs = 0;
async function check(files: Record<string, string>, config = CONFIG): Promise<void> {
  runs++;
  rmSync(campaign, { recursive: true, force: true });
  mkdirSync(campaign, { recursive: true });
  writeFileSync(path.join(dir, "brand.config.json"), config);
  for (const [n, t] of Object.entries(files)) writeFileSync(path.join(campaign, n), t);
  let report;
  try {
    report = await lint({ cwd: dir });
  } catch (e) {
    if (e instanceof ConfigError) return;
    throw e;
  }
  for (const r of report.results) {
    const text = readFileSync(r.file.path, "utf8").replace(/^\ufeff/, "");
    const lines = text.split(/\r\n|\r|\n/);
    for (const m of r.messages) {
      const where = `${path.basename(r.file.path)} ${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId}: ${m.message}`;
      expect(m.ruleId, where).not.toBe("internal-error");
      expect(m.line, where).toBeGreaterThanOrEqual(1);
      expect(m.line, where).toBeLessThanOrEqual(lines.length);
      expect(m.column, where).toBeGreaterThanOrEqual(1);
      expect(m.column, where).toBeLessThanOrEqual(lines[m.line - 1]!.length + 1);
      expect(m.endLine, where).toBeLessThanOrEqual(lines.length);
      expect(m.endColumn, where).toBeLessThanOrEqual(lines[m.endLine - 1]!.length + 1);
      expect(m.endLine * 1e6 + m.endColumn, where).toBeGreaterThanOrEqual(m.line * 1e6 + m.column);
      if (m.fix) {
        expect(m.fix.range[0]).toBeGreaterThanOrEqual(0);
        expect(m.fix.range[1]).toBeLessThanOrEqual(text.length);
      }
    }
  }
}

describe("fuzzing the whole pipeline", () => {
  const opts = { numRuns: RUNS, seed: 20261124, endOnFailure: true };
  it("message.md", async () => {
    await fc.assert(fc.asyncProperty(anyText, async (t) => check({ "message.md": t })), opts);
  });
  it("message.md with frontmatter", async () => {
    await fc.assert(fc.asyncProperty(soup, soup, async (fm, body) => check({ "message.md": `---\n${fm}\n---\n${body}` })), opts);
  });
  it("sms.txt and whatsapp.txt", async () => {
    await fc.assert(fc.asyncProperty(anyText, anyText, async (a, b) => check({ "sms.txt": a, "whatsapp.txt": b })), opts);
  });
  it("email.mjml", async () => {
    await fc.assert(fc.asyncProperty(soup, async (t) => check({ "email.mjml": `<mjml><mj-body>${t}</mj-body></mjml>` })), opts);
    await fc.assert(fc.asyncProperty(anyText, async (t) => check({ "email.mjml": t })), opts);
  });
  it("push.json and campaign.json", async () => {
    const json = fc.oneof(anyText, fc.jsonValue().map((v) => JSON.stringify(v)), fc.record({ title: soup, body: soup, url: fc.webUrl() }).map((v) => JSON.stringify(v)));
    await fc.assert(fc.asyncProperty(json, json, async (p, c) => check({ "push.json": p, "campaign.json": c })), opts);
  });
  it("brand.config.json: arbitrary text and arbitrary JSON never crash (only ConfigError)", async () => {
    const configs = fc.oneof(anyText, fc.jsonValue().map((v) => JSON.stringify(v)), fc.jsonValue().map((v) => JSON.stringify({ brand: { name: "A" }, tone: v })), fc.jsonValue().map((v) => JSON.stringify({ brand: { name: "A" }, rules: v })));
    await fc.assert(fc.asyncProperty(configs, async (c) => check({ "sms.txt": "cheap e-mail 20%" }, c)), opts);
  });
  it("ran enough cases to matter", () => {
    expect(runs).toBeGreaterThanOrEqual(RUNS * 7);
  });
});
