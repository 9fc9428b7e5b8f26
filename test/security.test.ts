/**
 * What brandlint promises in SECURITY.md, tested: no network during lint or render,
 * no code from the repository executed unless the config names it, includes and
 * partials confined, no user regex (term lists are data).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lint } from "../src/lint.js";

const repo = path.resolve(import.meta.dirname, "..");
const bin = path.join(repo, "bin/brandlint.js");
const deny = path.join(repo, "test/fixtures/deny-network.cjs");

function denied(args: string[], cwd = repo) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "brandlint-net-"));
  const logFile = path.join(tmp, "net.log");
  try {
    const r = spawnSync(process.execPath, ["--require", deny, bin, ...args], { cwd, encoding: "utf8", env: { ...process.env, BRANDLINT_NET_LOG: logFile } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, attempts: existsSync(logFile) ? readFileSync(logFile, "utf8") : "", tmp };
  } finally {
    setTimeout(() => rmSync(tmp, { recursive: true, force: true }), 0);
  }
}

describe("no network access", () => {
  it("the deny hook really denies (control)", () => {
    const r = spawnSync(process.execPath, ["--require", deny, "-e", "require('node:https').get('https://example.com')"], { encoding: "utf8" });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("network access denied");
  });

  it("lint of the example templates makes no network request", () => {
    const r = denied(["--format", "json"]);
    expect(r.attempts).toBe("");
    expect(r.stderr).not.toContain("network access denied");
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).length).toBeGreaterThan(5);
  });

  it("render (MJML → HTML included) makes no network request", () => {
    const out = mkdtempSync(path.join(os.tmpdir(), "brandlint-net-out-"));
    try {
      const r = denied(["render", "templates/spring-sale/message.md", "--out", out]);
      expect(r.attempts).toBe("");
      expect(r.status).toBe(0);
      expect(readFileSync(path.join(out, "email.html"), "utf8")).toContain("<html");
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe("no code from the repository runs unless the config names it", () => {
  it("a .mjmlconfig in the project is not loaded by mjml", () => {
    const d = mkdtempSync(path.join(os.tmpdir(), "brandlint-sec-"));
    try {
      writeFileSync(path.join(d, "brand.config.json"), JSON.stringify({ brand: { name: "Acme" } }));
      mkdirSync(path.join(d, "templates/c"), { recursive: true });
      writeFileSync(path.join(d, "templates/c/message.md"), "Hello.\n");
      writeFileSync(path.join(d, "evil.js"), `require("node:fs").writeFileSync(${JSON.stringify(path.join(d, "pwned"))}, "x"); module.exports = {};`);
      writeFileSync(path.join(d, ".mjmlconfig"), JSON.stringify({ packages: ["./evil.js"] }));
      execFileSync(process.execPath, [bin, "render", "templates/c", "--out", path.join(d, "out")], { cwd: d, stdio: "pipe" });
      expect(existsSync(path.join(d, "out/email.html"))).toBe(true);
      expect(existsSync(path.join(d, "pwned"))).toBe(false);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  it("custom rules load only from paths the config lists, and are reported clearly when missing", async () => {
    const d = mkdtempSync(path.join(os.tmpdir(), "brandlint-sec-"));
    try {
      mkdirSync(path.join(d, "templates/c"), { recursive: true });
      mkdirSync(path.join(d, "rules"), { recursive: true });
      writeFileSync(path.join(d, "templates/c/sms.txt"), "Hello");
      // A rules/ folder in the project is never scanned.
      writeFileSync(path.join(d, "rules/evil.js"), `import fs from "node:fs"; fs.writeFileSync(${JSON.stringify(path.join(d, "pwned"))}, "x"); export default {};`);
      writeFileSync(path.join(d, "brand.config.json"), JSON.stringify({ brand: { name: "Acme" } }));
      await lint({ cwd: d });
      expect(existsSync(path.join(d, "pwned"))).toBe(false);
      // Named explicitly, a custom rule runs (trusted code).
      writeFileSync(
        path.join(d, "no-hello.mjs"),
        `export default { meta: { id: "no-hello", messages: { hello: "Say hi instead" } }, check(ctx) { const t = ctx.variant.fields.text.sample; const i = t.text.indexOf("Hello"); if (i >= 0) ctx.report({ messageId: "hello", at: { text: t, start: i, end: i + 5 } }); } };`,
      );
      writeFileSync(path.join(d, "brand.config.json"), JSON.stringify({ brand: { name: "Acme" }, customRules: ["./no-hello.mjs"] }, null, 2));
      const r = await lint({ cwd: d });
      expect(r.results.flatMap((x) => x.messages.map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.message}`))).toContain("no-hello 1:1 Say hi instead");
      // The same config, with settings for the custom rule, also loads through render and loadConfig.
      writeFileSync(path.join(d, "brand.config.json"), JSON.stringify({ brand: { name: "Acme" }, customRules: ["./no-hello.mjs"], rules: { "no-hello": "warn" } }, null, 2));
      const { render, loadConfig } = await import("../src/index.js");
      expect((await loadConfig({ cwd: d })).data.rules).toEqual({ "no-hello": "warn" });
      expect((await render("templates/c", { cwd: d })).files.map((f) => f.name)).toEqual(["sms.txt"]);
      writeFileSync(path.join(d, "brand.config.json"), JSON.stringify({ brand: { name: "Acme" }, customRules: ["./missing.mjs"] }, null, 2));
      const cli = spawnSync(process.execPath, [bin], { cwd: d, encoding: "utf8" });
      expect(cli.status).toBe(2);
      expect(cli.stderr).toMatch(/brand\.config\.json:6:5: custom rule \.\/missing\.mjs not found/);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});

describe("no user regex", () => {
  it("a pathological term list stays a plain-data match (no RegExp built from config)", async () => {
    const src = readFileSync(path.join(repo, "src/text/terms.ts"), "utf8") + readFileSync(path.join(repo, "rules/tone-words.ts"), "utf8");
    expect(src).not.toMatch(/new RegExp\(/);
    const d = mkdtempSync(path.join(os.tmpdir(), "brandlint-sec-"));
    try {
      const evil = ["(a+)+$", "a*a*a*a*a*b", "((x|x)*)*", "*z*", "**", "[", "\\"];
      writeFileSync(path.join(d, "brand.config.json"), JSON.stringify({ brand: { name: "Acme" }, tone: { banned: evil.map((term) => ({ term })) } }));
      mkdirSync(path.join(d, "templates/c"), { recursive: true });
      writeFileSync(path.join(d, "templates/c/sms.txt"), "a".repeat(5000) + "!");
      const r = await lint({ cwd: d, only: ["tone-words"] });
      expect(r.results[0]!.messages).toEqual([]);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});
