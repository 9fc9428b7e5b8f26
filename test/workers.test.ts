import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";

const repo = path.resolve(import.meta.dirname, "..");

/** The built API (worker threads need the compiled worker entry, so not the TypeScript sources). */
type Api = typeof import("../src/index.js");
const built = () => import(pathToFileURL(path.join(repo, "dist/src/index.js")).href) as Promise<Api>;

describe("the default thread count (chosen from bench rows W)", () => {
  it("is one thread for a small run, on one core, or when no core is idle; else one per core, at most four", async () => {
    const { defaultThreads, WORKER_THRESHOLD, MAX_THREADS } = await import("../src/lint.js");
    expect(defaultThreads(WORKER_THRESHOLD - 1, 2, 0)).toBe(1);
    expect(defaultThreads(10_000, 1, 0)).toBe(1);
    expect(defaultThreads(10_000, 2, 2)).toBe(1);
    expect(defaultThreads(10_000, 2, 3.9)).toBe(1);
    expect(defaultThreads(WORKER_THRESHOLD, 2, 0.4)).toBe(2);
    expect(defaultThreads(10_000, 2, 1.5)).toBe(2);
    expect(defaultThreads(10_000, 16, 0)).toBe(MAX_THREADS);
  });
});

describe("--help on the default thread count", () => {
  it("says what the default comes to on this machine, as defaultThreads decides it", async () => {
    const { defaultThreads, defaultThreadsHelp, WORKER_THRESHOLD } = await import("../src/lint.js");
    const two = defaultThreadsHelp(2);
    expect(two).toContain(`On this machine (2 cores): ${defaultThreads(WORKER_THRESHOLD, 2, 0)} threads from ${WORKER_THRESHOLD} campaigns while the load average is below 2, else one.`);
    expect(defaultThreads(WORKER_THRESHOLD - 1, 2, 0)).toBe(1);
    expect(defaultThreads(WORKER_THRESHOLD, 2, 1.99)).toBe(2);
    expect(defaultThreads(WORKER_THRESHOLD, 2, 2)).toBe(1);
    expect(defaultThreadsHelp(16)).toContain("On this machine (16 cores): 4 threads from");
    expect(defaultThreadsHelp(1)).toContain("always one thread");
    const { main } = await import("../src/cli/main.js");
    let out = "";
    await main(["--help"], { stdout: (s) => (out += s), stderr: () => undefined, cwd: repo, color: false, env: {} });
    expect(out).toContain(defaultThreadsHelp());
  });
});

describe("worker threads", () => {
  let d: string;
  beforeAll(() => {
    d = mkdtempSync(path.join(os.tmpdir(), "brandlint-workers-"));
    const config = JSON.parse(readFileSync(path.join(repo, "brand.config.json"), "utf8")) as Record<string, unknown>;
    delete config.$schema;
    writeFileSync(path.join(d, "brand.config.json"), JSON.stringify(config));
    const examples = readdirSync(path.join(repo, "templates"));
    for (let i = 0; i < 10; i++) for (const c of examples) cpSync(path.join(repo, "templates", c), path.join(d, "templates", `${c}-${i}`), { recursive: true });
  });
  afterAll(() => rmSync(d, { recursive: true, force: true }));

  it("lint on worker threads reports exactly what one thread reports (CLI)", async () => {
    const run = async (workers: string) => (await runCli(["--format", "json", "--workers", workers], d)).stdout;
    const one = await run("1");
    const two = await run("2");
    expect(two).toBe(one);
    expect((JSON.parse(one) as { errorCount: number }[]).reduce((n, r) => n + r.errorCount, 0)).toBeGreaterThan(10);
  }, 120_000);

  it("the campaigns are shared between this thread and the workers, and every one is linted once, in folder order", async () => {
    const { lint } = await built();
    const one = await lint({ cwd: d, workers: 1, keepCampaigns: false });
    expect(one.stats.threads).toBeUndefined();
    const shown = (r: typeof one) => JSON.stringify(r.results.map((f) => [f.file.path, f.messages.map((m) => [m.ruleId, m.line, m.column, m.message])]));
    // Only workers (this thread waits): the workers' path is taken for every campaign.
    const workersOnly = await lint({ cwd: d, workers: 2, mainThread: false, keepCampaigns: false });
    expect(workersOnly.stats.threads).toEqual({ here: 0, workers: [expect.any(Number), expect.any(Number)] });
    expect(workersOnly.stats.threads!.workers.reduce((a, b) => a + b, 0)).toBe(one.stats.parsed);
    expect(shown(workersOnly)).toBe(shown(one));
    // This thread and one worker: together they lint each campaign once.
    const shared = await lint({ cwd: d, workers: 2, keepCampaigns: false });
    const t = shared.stats.threads!;
    expect(t.here + t.workers[0]!).toBe(one.stats.parsed);
    expect(shown(shared)).toBe(shown(one));
  }, 120_000);

  it("with keepTexts false (what the CLI runs) results from workers keep no text unless a finding points at it, and the findings are the same", async () => {
    const { lint } = await built();
    const shown = (r: Awaited<ReturnType<typeof lint>>) => JSON.stringify(r.results.map((f) => [f.file.path, f.messages.map((m) => [m.ruleId, m.line, m.column, m.message])]));
    const one = await lint({ cwd: d, workers: 1, keepCampaigns: false });
    const lean = await lint({ cwd: d, workers: 2, mainThread: false, keepCampaigns: false, keepTexts: false });
    expect(shown(lean)).toBe(shown(one));
    const clean = lean.results.filter((r) => !r.messages.length);
    expect(clean.length).toBeGreaterThan(20);
    for (const r of clean) expect([r.file.constructor.name, r.file.text]).toEqual(["ReleasedFile", ""]);
    for (const r of lean.results.filter((x) => x.messages.length)) expect(r.file.text).toBe(readFileSync(r.file.path, "utf8").replace(/^\uFEFF/, ""));
  }, 120_000);

  it("a worker says which files are bare (no finding, no suppression comment), so this thread does not read them again; the report and its reads are the same", async () => {
    const { workerLinter } = (await import(pathToFileURL(path.join(repo, "dist/src/worker-entry.js")).href)) as typeof import("../src/worker-entry.js");
    const dirs = readdirSync(path.join(d, "templates")).sort().map((c) => path.join(d, "templates", c));
    const lintOne = await workerLinter({ cwd: d, configPath: path.join(d, "brand.config.json"), lean: true });
    let bare = 0;
    for (const dir of dirs.slice(0, 12)) {
      const r = lintOne(dir);
      const pointed = new Set(r.findings.map((f) => f.filePath));
      expect(r.bare).toBeDefined();
      for (const [i, bom] of r.bare!) {
        const text = readFileSync(r.files[i]!, "utf8");
        expect(pointed.has(r.files[i]!)).toBe(false);
        expect(text.includes("brandlint-")).toBe(false);
        expect(bom).toBe(text.startsWith("\uFEFF"));
      }
      // Every other file is pointed at or may hold a suppression comment.
      for (const [i, f] of r.files.entries()) if (!r.bare!.some(([j]) => j === i)) expect(pointed.has(f) || readFileSync(f, "utf8").includes("brandlint-")).toBe(true);
      bare += r.bare!.length;
    }
    expect(bare).toBeGreaterThan(5);
    expect((await workerLinter({ cwd: d, configPath: path.join(d, "brand.config.json") }))(dirs[0]!).bare).toBeUndefined();
    const { lint } = await built();
    const { sarif } = await import("../src/report/sarif.js");
    const ctx = { cwd: d, rules: [], version: "test" };
    const one = await lint({ cwd: d, workers: 1, keepCampaigns: false, keepTexts: false });
    const lean = await lint({ cwd: d, workers: 2, mainThread: false, keepCampaigns: false, keepTexts: false });
    // SARIF fingerprints read the text of a finding's line: a bare file that a project rule points at has it.
    expect(sarif(lean.results, ctx)).toBe(sarif(one.results, ctx));
    expect(lean.reads).toEqual(one.reads);
  }, 120_000);

  it("an error in a worker (its config cannot be loaded) ends the run with that error, not a hang", async () => {
    const { lintInThreads } = (await import(pathToFileURL(path.join(repo, "dist/src/workers.js")).href)) as typeof import("../src/workers.js");
    const dirs = readdirSync(path.join(d, "templates")).map((c) => path.join(d, "templates", c));
    const run = lintInThreads(dirs, { threads: 2, mainThread: false, job: { cwd: d, configPath: path.join(d, "missing.json") }, here: () => undefined, onResult: () => undefined });
    await expect(run).rejects.toThrow(/missing\.json/);
  }, 120_000);
});
