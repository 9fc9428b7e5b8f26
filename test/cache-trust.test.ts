/**
 * The --cache file is brandlint's own data and nothing else (issue 17, item 1): a forged
 * or edited cache is ignored with a warning, an entry naming a file outside its campaign
 * is dropped, and --fix never applies a fix read from the cache.
 */
import { createHmac } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cacheSecret } from "../src/host/secret.js";
import { lint } from "../src/lint.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function project(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), "brandlint-cache-trust-"));
  dirs.push(d);
  writeFileSync(path.join(d, "brand.config.json"), JSON.stringify({ brand: { name: "Acme" }, tone: { terms: [{ use: "email", instead: ["e-mail"] }] } }));
  mkdirSync(path.join(d, "templates", "c"), { recursive: true });
  writeFileSync(path.join(d, "templates", "c", "sms.txt"), "e-mail tents\n");
  return d;
}

/** The cache file's parts: its signature line and its JSON body. */
function cacheOf(d: string): { head: string; body: { campaigns: Record<string, { findings: Record<string, unknown>[] }> } } {
  const text = readFileSync(path.join(d, ".brandlintcache"), "utf8");
  const nl = text.indexOf("\n");
  return { head: text.slice(0, nl), body: JSON.parse(text.slice(nl + 1)) as never };
}

/** Writes a cache body signed the way brandlint signs its own (what a forger cannot do without the secret). */
function writeSigned(d: string, body: unknown): void {
  const text = JSON.stringify(body);
  writeFileSync(path.join(d, ".brandlintcache"), `brandlint-cache-mac ${createHmac("sha256", cacheSecret()!).update(text).digest("hex")}\n${text}`);
}

const tone = (r: Awaited<ReturnType<typeof lint>>) => r.results.flatMap((x) => x.messages.filter((m) => m.ruleId === "tone-words").map((m) => `${path.basename(x.file.path)}:${m.line}:${m.column}`));

describe("the cache is brandlint's own data", () => {
  it("an edited cache that hides a campaign's findings is ignored with a warning, and the findings are back", async () => {
    const d = project();
    const first = await lint({ cwd: d, cache: true });
    expect(tone(first)).toEqual(["sms.txt:1:1"]);
    const { head, body } = cacheOf(d);
    for (const e of Object.values(body.campaigns)) e.findings = [];
    // The signature of the real file, over a body that is not the one it signed.
    writeFileSync(path.join(d, ".brandlintcache"), `${head}\n${JSON.stringify(body)}`);
    const forged = await lint({ cwd: d, cache: true });
    expect(forged.warnings).toEqual([expect.stringMatching(/^ignoring \.brandlintcache: it was not written by brandlint on this machine/)]);
    expect(forged.stats).toMatchObject({ parsed: 1, cached: 0 });
    expect(tone(forged)).toEqual(["sms.txt:1:1"]);
  });

  it("a signed entry whose finding names a file outside its campaign is dropped, and the campaign linted afresh", async () => {
    const d = project();
    await lint({ cwd: d, cache: true });
    const { body } = cacheOf(d);
    // A file outside the project (the config, whose text is in the cache key, may be named: the SMS opt-out is written there).
    for (const e of Object.values(body.campaigns)) for (const f of e.findings) f.filePath = path.join(path.dirname(d), "elsewhere.txt");
    writeSigned(d, body);
    const r = await lint({ cwd: d, cache: true });
    expect(r.stats).toMatchObject({ parsed: 1, cached: 0 });
    expect(tone(r)).toEqual(["sms.txt:1:1"]);
  });

  it("a campaign whose finding is in the config (the opt-out text it renders into an SMS) is served from the cache", async () => {
    const d = mkdtempSync(path.join(os.tmpdir(), "brandlint-cache-trust-"));
    dirs.push(d);
    writeFileSync(path.join(d, "brand.config.json"), JSON.stringify({ brand: { name: "Acme" }, channels: { sms: { optOut: "Odpowiedz STOP, by zrezygnować" } } }));
    mkdirSync(path.join(d, "templates", "c"), { recursive: true });
    writeFileSync(path.join(d, "templates", "c", "message.md"), "---\nlocale: pl\nchannels: [sms]\n---\nWiosenna wyprzedaz: rabat 20% na namioty.\n");
    const first = await lint({ cwd: d, cache: true });
    const inConfig = (r: typeof first) => r.results.filter((x) => path.basename(x.file.path) === "brand.config.json").flatMap((x) => x.messages.map((m) => `${m.ruleId}:${m.line}:${m.column}`));
    expect(inConfig(first).length).toBeGreaterThan(0);
    const second = await lint({ cwd: d, cache: true });
    expect(second.stats).toMatchObject({ parsed: 0, cached: 1 });
    expect(inConfig(second)).toEqual(inConfig(first));
  });

  it("--fix never applies a fix from the cache: a signed entry with a planted fix writes nothing of it", async () => {
    const d = project();
    await lint({ cwd: d, cache: true });
    const { body } = cacheOf(d);
    for (const e of Object.values(body.campaigns)) for (const f of e.findings) f.fix = { start: 0, end: 12, text: "PWNED" };
    writeSigned(d, body);
    const r = await lint({ cwd: d, cache: true, fix: true });
    expect(readFileSync(path.join(d, "templates", "c", "sms.txt"), "utf8")).toBe("email tents\n");
    expect(r.fixed).toEqual([{ file: path.join(d, "templates", "c", "sms.txt"), fixes: 1 }]);
  });
});
