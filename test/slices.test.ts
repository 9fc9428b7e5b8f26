/**
 * One linter, any slice (SPEC §8): the same findings from disk and from memory, and
 * cross-campaign findings that do not depend on which campaigns a run was given.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lint, type LintOptions } from "../src/lint.js";
import type { FileResult } from "../src/engine/linter.js";
import { json } from "../src/report/json.js";
import { readTree, REPO_ROOT, runCli } from "./helpers/cli.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tmp(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), "brandlint-slices-"));
  dirs.push(d);
  return d;
}

const asJson = (results: FileResult[], cwd: string) => json(results, { cwd, color: false, rules: [], version: "test" });

/** One line per finding, sorted: what must not depend on the slice. */
function lines(results: FileResult[], cwd: string): string[] {
  return results.flatMap((r) => r.messages.map((m) => `${path.relative(cwd, r.file.path)}:${m.line}:${m.column} ${m.severity} ${m.ruleId} ${m.message} [${m.channels?.join(",") ?? ""}]`)).sort();
}

describe("in-memory linting", () => {
  it("the bundled examples give identical JSON from disk and from an in-memory copy that touches no disk", async () => {
    const files = { "brand.config.json": readFileSync(path.join(REPO_ROOT, "brand.config.json"), "utf8"), ...Object.fromEntries(Object.entries(readTree(path.join(REPO_ROOT, "templates"))).map(([k, v]) => [path.join("templates", k), v])) };
    const fromDisk = await lint({ cwd: REPO_ROOT });
    // A cwd that does not exist: nothing can come from disk.
    const cwd = path.join(os.tmpdir(), "brandlint-nowhere", String(process.pid));
    const fromMemory = await lint({ cwd, files, disk: false });
    expect(fromMemory.results.length).toBe(fromDisk.results.length);
    expect(asJson(fromMemory.results, cwd)).toBe(asJson(fromDisk.results, REPO_ROOT));
    expect(fromMemory.reads.every((p) => p.startsWith(cwd))).toBe(true);
  });

  it("unsaved contents are linted over the disk, and --fix applies to the buffer, not the file", async () => {
    const d = tmp();
    writeFileSync(path.join(d, "brand.config.json"), JSON.stringify({ brand: { name: "Acme" }, tone: { terms: [{ use: "email", instead: ["e-mail"] }] } }));
    mkdirSync(path.join(d, "templates", "c"), { recursive: true });
    writeFileSync(path.join(d, "templates", "c", "sms.txt"), "Check your inbox\n");
    const clean = await lint({ cwd: d, only: ["tone-words"] });
    expect(lines(clean.results, d)).toEqual([]);
    const unsaved = { "templates/c/sms.txt": "Check your e-mail\n" };
    const dirty = await lint({ cwd: d, only: ["tone-words"], files: unsaved });
    expect(lines(dirty.results, d)).toEqual(["templates/c/sms.txt:1:12 2 tone-words Write ‘email’, not ‘e-mail’ [sms]"]);
    const fixed = await lint({ cwd: d, only: ["tone-words"], files: unsaved, fix: true });
    expect(fixed.output).toEqual({ [path.join(d, "templates", "c", "sms.txt")]: "Check your email\n" });
    expect(readFileSync(path.join(d, "templates", "c", "sms.txt"), "utf8")).toBe("Check your inbox\n");
  });
});

/** A project with `n` campaigns whose sends clash in planted places. */
function fatigueProject(n: number): Record<string, string> {
  const files: Record<string, string> = {
    "brand.config.json": JSON.stringify({ brand: { name: "Acme" }, fatigue: { maxPerDay: 2, maxPerWeek: 5 }, tone: { banned: [{ term: "cheap" }] } }),
  };
  for (let i = 0; i < n; i++) {
    const audience = `segment-${i % 7}`;
    const day = String(1 + ((i * 5) % 28)).padStart(2, "0");
    const channels = i % 3 === 0 ? "[email, sms]" : "[push]";
    files[`templates/c${String(i).padStart(3, "0")}/message.md`] = `---\ncampaign: c${i}\nchannels: ${channels}\naudience: ${audience}\nsend: 2026-05-${day}\n---\n${i % 11 === 0 ? "Cheap" : "Fresh"} gear for spring.\n`;
  }
  return files;
}

describe("project index: findings do not depend on the slice", () => {
  it("the union of --shard 1/3 … 3/3 equals the full run on the bundled examples (the send-fatigue error included)", async () => {
    const full = lines((await lint({ cwd: REPO_ROOT })).results, REPO_ROOT);
    expect(full.some((l) => l.startsWith("templates/zz-flawed-example/message.md:7:7 2 send-fatigue"))).toBe(true);
    const union: string[] = [];
    for (let i = 1; i <= 3; i++) union.push(...lines((await lint({ cwd: REPO_ROOT, shard: { index: i, count: 3 } })).results, REPO_ROOT));
    expect(union.sort()).toEqual(full);
  });

  it("on 300 generated campaigns with planted clashes, the union of 4 shards equals the full run", async () => {
    const files = fatigueProject(300);
    const cwd = path.join(os.tmpdir(), "brandlint-generated");
    const opts: LintOptions = { cwd, files, disk: false, only: ["send-fatigue", "tone-words"] };
    const full = lines((await lint(opts)).results, cwd);
    expect(full.filter((l) => l.includes("send-fatigue")).length).toBeGreaterThan(20);
    const union: string[] = [];
    for (let i = 1; i <= 4; i++) union.push(...lines((await lint({ ...opts, shard: { index: i, count: 4 } })).results, cwd));
    expect(union.sort()).toEqual(full);
  });

  it("a staged file and --changed-since report a new campaign's clash on that campaign, exit 1", async () => {
    const d = tmp();
    cpSync(path.join(REPO_ROOT, "templates"), path.join(d, "templates"), { recursive: true });
    for (const name of readdirSync(path.join(d, "templates"))) if (name.startsWith("zz-flawed-")) rmSync(path.join(d, "templates", name), { recursive: true });
    cpSync(path.join(REPO_ROOT, "brand.config.json"), path.join(d, "brand.config.json"));
    const git = (...args: string[]) => execFileSync("git", args, { cwd: d, stdio: "pipe" });
    git("init", "-q");
    git("-c", "user.email=t@example.com", "-c", "user.name=t", "add", "-A");
    git("-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "base");
    expect((await runCli(["--format", "unix"], d)).code).toBe(0);
    mkdirSync(path.join(d, "templates", "c-promo"));
    writeFileSync(path.join(d, "templates", "c-promo", "message.md"), "---\ncampaign: c-promo\nchannels: [sms]\naudience: newsletter\nsend: 2026-03-20\nsms: { text: \"Lumen: new arrivals {{link}}\" }\n---\nNew arrivals are in.\n");
    // The full run reports the clash on spring-sale's send (c-promo sorts first); the slice tells c-promo.
    const full = await runCli(["--format", "unix"], d);
    expect(full.stdout).toMatch(/^templates\/spring-sale\/message\.md:7:7: error: newsletter already gets 4 messages on 2026-03-20 \(c-promo SMS, spring-sale email, SMS, and push\); the limit is 4 a day \[send-fatigue\]$/m);
    const expected = /^templates\/c-promo\/message\.md:5:7: error: newsletter gets 5 messages on 2026-03-20 with this campaign's \(spring-sale email, SMS, push, and WhatsApp too\); the limit is 4 a day \[send-fatigue\]$/m;
    const staged = await runCli(["--format", "unix", "templates/c-promo/message.md"], d);
    expect(staged.stdout).toMatch(expected);
    expect(staged.code).toBe(1);
    const changed = await runCli(["--format", "unix", "--changed-since", "HEAD"], d);
    expect(changed.stdout).toMatch(expected);
    expect(changed.code).toBe(1);
  });

  it("a per-folder override changes project findings in that folder only", async () => {
    const md = (name: string) => `---\ncampaign: ${name}\nchannels: [email]\naudience: newsletter\nsend: 2026-03-20\n---\nHello.\n`;
    const base = { "templates/a-legal/message.md": md("a-legal"), "templates/b-promo/message.md": md("b-promo"), "templates/c-promo/message.md": md("c-promo") };
    const cfg = (overrides: unknown[]) => JSON.stringify({ brand: { name: "Acme" }, fatigue: { maxPerDay: 1 }, overrides });
    const cwd = path.join(os.tmpdir(), "brandlint-override");
    const run = async (overrides: unknown[]) => lines((await lint({ cwd, files: { ...base, "brand.config.json": cfg(overrides) }, disk: false, only: ["send-fatigue"] })).results, cwd);
    const none = await run([]);
    expect(none.map((l) => l.split(":")[0])).toEqual(["templates/b-promo/message.md", "templates/c-promo/message.md"]);
    // Off for a-legal/: a-legal had no finding, so nothing changes elsewhere.
    expect(await run([{ files: ["templates/a-legal/**"], rules: { "send-fatigue": "off" } }])).toEqual(none);
    // A warning for b-promo/ only.
    const warn = await run([{ files: ["templates/b-promo/**"], rules: { "send-fatigue": "warn" } }]);
    expect(warn.map((l) => l.split(" ").slice(0, 2).join(" "))).toEqual(["templates/b-promo/message.md:5:7 1", "templates/c-promo/message.md:5:7 2"]);
    // Off for c-promo/: b-promo keeps its finding.
    expect((await run([{ files: ["templates/c-promo/**"], rules: { "send-fatigue": "off" } }])).map((l) => l.split(":")[0])).toEqual(["templates/b-promo/message.md"]);
  });
});

describe("cache", () => {
  it("is keyed by every file read: creating a missing mj-include target outside the folder clears the finding", async () => {
    const d = tmp();
    writeFileSync(path.join(d, "brand.config.json"), JSON.stringify({ brand: { name: "Acme" } }));
    mkdirSync(path.join(d, "templates", "c"), { recursive: true });
    writeFileSync(path.join(d, "templates", "c", "email.mjml"), '<mjml>\n  <mj-body>\n    <mj-include path="../../partials/footer.mjml" />\n  </mj-body>\n</mjml>\n');
    const first = await lint({ cwd: d, cache: true, only: ["mjml-valid"] });
    expect(lines(first.results, d).join("\n")).toMatch(/does not exist/);
    const again = await lint({ cwd: d, cache: true, only: ["mjml-valid"] });
    expect(again.stats).toMatchObject({ parsed: 0, cached: 1 });
    expect(lines(again.results, d)).toEqual(lines(first.results, d));
    mkdirSync(path.join(d, "partials"));
    writeFileSync(path.join(d, "partials", "footer.mjml"), "<mj-section><mj-column><mj-text>Acme</mj-text></mj-column></mj-section>\n");
    const after = await lint({ cwd: d, cache: true, only: ["mjml-valid"] });
    expect(after.stats).toMatchObject({ parsed: 1, cached: 0 });
    expect(lines(after.results, d).join("\n")).not.toMatch(/does not exist/);
  });

  it("cross-campaign findings are recomputed every run, never served from a campaign's entry", async () => {
    const d = tmp();
    const md = (name: string, day: string) => `---\ncampaign: ${name}\nchannels: [email]\naudience: newsletter\nsend: 2026-03-${day}\n---\nHello.\n`;
    writeFileSync(path.join(d, "brand.config.json"), JSON.stringify({ brand: { name: "Acme" }, fatigue: { maxPerDay: 1 } }));
    for (const [n, day] of [["a", "20"], ["b", "21"]] as const) {
      mkdirSync(path.join(d, "templates", n), { recursive: true });
      writeFileSync(path.join(d, "templates", n, "message.md"), md(n, day));
    }
    expect(lines((await lint({ cwd: d, cache: true })).results, d).filter((l) => l.includes("send-fatigue"))).toEqual([]);
    // b moves to a's day while a is untouched: a comes from the cache, the clash is computed afresh.
    writeFileSync(path.join(d, "templates", "b", "message.md"), md("b", "20"));
    const r = await lint({ cwd: d, cache: true, paths: ["templates/a"] });
    expect(r.stats).toMatchObject({ cached: 1, parsed: 0 });
    expect(lines(r.results, d).filter((l) => l.includes("send-fatigue"))).toEqual([
      "templates/a/message.md:5:7 2 send-fatigue newsletter gets 2 messages on 2026-03-20 with this campaign's (b email too); the limit is 1 a day [email]",
    ]);
    const all = await lint({ cwd: d, cache: true });
    expect(lines(all.results, d).filter((l) => l.includes("send-fatigue")).map((l) => l.split(" ")[0])).toEqual(["templates/b/message.md:5:7"]);
  });
});

describe("one loader", () => {
  const customRule = `export default { meta: { id: "no-exclamation", channels: ["sms"], messages: { bang: "No exclamation marks" } }, check(ctx) { const t = ctx.variant.fields.text.sample; const i = t.text.indexOf("!"); if (i >= 0) ctx.report({ messageId: "bang", at: { text: t, start: i, end: i + 1 } }); } };\n`;
  function customProject(): string {
    const d = tmp();
    writeFileSync(path.join(d, "brand.config.json"), JSON.stringify({ brand: { name: "Acme" }, customRules: ["./rules/no-exclamation.mjs"] }));
    mkdirSync(path.join(d, "rules"));
    writeFileSync(path.join(d, "rules", "no-exclamation.mjs"), customRule);
    mkdirSync(path.join(d, "templates", "c"), { recursive: true });
    writeFileSync(path.join(d, "templates", "c", "sms.txt"), "Hi!\n");
    return d;
  }

  it("lint({ config }) keeps the config's custom rules", async () => {
    const d = customProject();
    const { loadConfig } = await import("../src/index.js");
    const config = await loadConfig({ cwd: d });
    const r = await lint({ cwd: d, config, only: ["no-exclamation"] });
    expect(lines(r.results, d)).toEqual(["templates/c/sms.txt:1:3 2 no-exclamation No exclamation marks [sms]"]);
  });

  it("custom rules load from memory too, and `brandlint rules` lists them", async () => {
    const d = customProject();
    const files = readTree(d);
    const cwd = path.join(os.tmpdir(), "brandlint-memory-custom");
    const r = await lint({ cwd, files, disk: false, only: ["no-exclamation"] });
    expect(lines(r.results, cwd)).toEqual(["templates/c/sms.txt:1:3 2 no-exclamation No exclamation marks [sms]"]);
    const listed = await runCli(["rules", "--format", "json"], d);
    expect((JSON.parse(listed.stdout) as { id: string }[]).map((x) => x.id)).toContain("no-exclamation");
  });

  it("--suppress-rule with an unknown rule exits 2 before writing anything", async () => {
    const d = customProject();
    const r = await runCli(["--suppress-rule", "no-such-rule"], d);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown rule "no-such-rule"/);
    expect(readdirSync(d).sort()).toEqual(["brand.config.json", "rules", "templates"]);
  });
});

describe("index cache (long-lived callers)", () => {
  it("reuses a campaign's metadata while its reads hold, and reloads it when its file changes", async () => {
    const md = (name: string, day: string) => `---\ncampaign: ${name}\nchannels: [email]\naudience: newsletter\nsend: 2026-03-${day}\n---\nHello.\n`;
    const cwd = path.join(os.tmpdir(), "brandlint-index-cache");
    const files: Record<string, string> = { "brand.config.json": JSON.stringify({ brand: { name: "Acme" }, fatigue: { maxPerDay: 1 } }), "templates/a/message.md": md("a", "20"), "templates/b/message.md": md("b", "21") };
    const indexCache = new Map() as import("../src/lint.js").IndexCache;
    const first = await lint({ cwd, files, disk: false, paths: ["templates/a"], indexCache });
    expect(lines(first.results, cwd).filter((l) => l.includes("send-fatigue"))).toEqual([]);
    const b = indexCache.get(path.join(cwd, "templates", "b"))!.campaign;
    await lint({ cwd, files, disk: false, paths: ["templates/a"], indexCache });
    expect(indexCache.get(path.join(cwd, "templates", "b"))!.campaign).toBe(b);
    const moved = await lint({ cwd, files: { ...files, "templates/b/message.md": md("b", "20") }, disk: false, paths: ["templates/a"], indexCache });
    expect(indexCache.get(path.join(cwd, "templates", "b"))!.campaign).not.toBe(b);
    expect(lines(moved.results, cwd).filter((l) => l.includes("send-fatigue")).map((l) => l.split(" ")[0])).toEqual(["templates/a/message.md:5:7"]);
  });
});
