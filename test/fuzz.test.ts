/**
 * Whole-pipeline fuzzing with fast-check (issue 17, item 9): over 10,000 generated
 * projects per run, each linted end to end in memory (config → discovery → campaign
 * loading → rendering every channel → every rule → results), plus render, preview and
 * --fix properties and a sample linted by the CLI with and without worker threads.
 *
 * Seeded: BRANDLINT_FUZZ_SEED=<n> explores another part of the space (a failure prints
 * the seed and fast-check's replay path); BRANDLINT_FUZZ_SCALE=<k> multiplies every
 * property's runs; BRANDLINT_FUZZ_SHRINK=1 shrinks a failing case (slow on big inputs);
 * BRANDLINT_FUZZ_PROFILE=1 prints the slowest cases. A case is one generated input (a
 * project of one or two campaigns, a config, a file at the read limit) through the whole
 * pipeline; the summary line gives the count and CPU time of each property.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { Parser } from "htmlparser2";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError } from "../src/config/load.js";
import { SettingsResolver } from "../src/config/settings.js";
import type { FileResult } from "../src/engine/linter.js";
import { MAX_FINDINGS_PER_FILE } from "../src/engine/linter.js";
import { MAX_FILE_BYTES, MemoryHost } from "../src/host/index.js";
import { lint, type LintReport } from "../src/lint.js";
import { campaignFindings } from "../src/preview/findings.js";
import { campaignPage, indexPage, type PageContext } from "../src/preview/pages.js";
import { brandTheme } from "../src/preview/theme.js";
import { render } from "../src/render-api.js";
import { anyText, CANARY, deepJson, type Nested, deepMarkdown, deepMjml, deepYaml, manyFindings, PIECES, sized, soup, withFrontmatter } from "./helpers/fuzz-inputs.js";

const SEED = Number(process.env.BRANDLINT_FUZZ_SEED ?? 20261202);
const SCALE = Number(process.env.BRANDLINT_FUZZ_SCALE ?? 1);
const SHRINK = process.env.BRANDLINT_FUZZ_SHRINK === "1";
/** At least this many whole-pipeline cases run in every `npm test` (issue 17, item 9). */
const MIN_CASES = 10_000;

const repo = path.resolve(import.meta.dirname, "..");
const cwd = path.resolve("/brandlint-fuzz");
const CONFIG = JSON.stringify({
  brand: { name: "Acme", address: "1 Main St", unsubscribeUrl: "https://acme.example/u/{{userId}}", domains: ["acme.example"] },
  colors: { primary: "#0B5FFF", ink: "#1A1A1A", paper: "#FFFFFF" },
  fonts: ["Inter", "Arial"],
  tone: { banned: [{ term: "cheap*" }, { term: "act now" }], terms: [{ use: "email", instead: ["e-mail"] }, { use: "Acme", instead: ["ACME"], caseSensitive: true }], locales: { ru: { banned: [{ term: "дешёв*" }] } } },
  offers: [{ code: "SPRING20", discount: "20%", starts: "2026-03-01", ends: "2026-03-31" }],
  channels: { sms: { maxSegments: 2, optOut: "STOP to end", linkLength: 23 }, push: { titleMax: 40, bodyMax: 120 }, email: { subjectMax: 60 } },
  variables: { firstName: { sample: "Ana", maxLength: 20, charset: "unicode" }, userId: { sample: "u1" } },
  fatigue: { maxPerDay: 1 },
});

let cases = 0;
const PROFILE = process.env.BRANDLINT_FUZZ_PROFILE === "1";
const slow: [number, string, string][] = [];
const perProperty: Record<string, number> = {};
/** CPU time of each property in this process (the CLI runs of the worker sample are not in it). */
const cpuMs: Record<string, number> = {};

/** Runs a property `runs` times (scaled), counting its cases; a failure names the seed that reproduces it. */
async function property<T>(name: string, runs: number, arb: fc.Arbitrary<T>, predicate: (value: T) => Promise<void>): Promise<void> {
  const numRuns = Math.ceil(runs * SCALE);
  const counted = async (v: T) => {
    cases++;
    perProperty[name] = (perProperty[name] ?? 0) + 1;
    const t0 = performance.now();
    await predicate(v);
    if (PROFILE) slow.push([performance.now() - t0, name, JSON.stringify(v).slice(0, 300)]);
  };
  const cpu0 = process.cpuUsage();
  // One seed per property, derived from the run's: properties sharing a generator see different inputs.
  const seed = [...name].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, SEED);
  const details = await fc.check(fc.asyncProperty(arb, counted), { numRuns, seed, endOnFailure: !SHRINK });
  const cpu = process.cpuUsage(cpu0);
  cpuMs[name] = (cpu.user + cpu.system) / 1000;
  if (details.failed) {
    const error = details.errorInstance instanceof Error ? details.errorInstance : new Error(String(details.errorInstance));
    // The whole input, for a closer look (the message shows its start).
    const saved = path.join(os.tmpdir(), `brandlint-fuzz-${name.replace(/\W+/g, "-")}-${SEED}.json`);
    writeFileSync(saved, JSON.stringify(details.counterexample));
    error.message = `fuzz property "${name}" failed (reproduce: BRANDLINT_FUZZ_SEED=${SEED}, fast-check path "${details.counterexamplePath}"; input saved to ${saved}):\n${error.message}\ninput: ${fc.stringify(details.counterexample).slice(0, 2000)}`;
    throw error;
  }
}

type Files = Record<string, string>;
const project = (campaigns: Record<string, Files>, config = CONFIG): Files => {
  const files: Files = { "brand.config.json": config };
  for (const [dir, fs] of Object.entries(campaigns)) for (const [name, text] of Object.entries(fs)) files[`templates/${dir}/${name}`] = text;
  return files;
};

const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** What a file holds once written as UTF-8 and read back (lone surrogates become U+FFFD), without its BOM. */
const asRead = (text: string) => decoder.decode(encoder.encode(text)).replace(/^\ufeff/, "");

/** Every finding of the report lies inside the file it names (lines and columns as an editor counts them, CRLF as one line end). */
function checkPositions(results: readonly FileResult[], files: Files): void {
  const byPath = new Map(Object.entries(files).map(([p, t]) => [path.resolve(cwd, p), t]));
  for (const r of results) {
    const given = byPath.get(r.file.path);
    expect(given, `a finding on ${r.file.path}, which is not one of the project's files`).toBeDefined();
    // What was linted is what the file holds: nothing dropped or added.
    // (A file that is not text is linted as empty, with its parse error.)
    const notText = r.file.text === "" && r.messages.some((m) => m.ruleId === "parse-error");
    expect(notText || r.file.text === asRead(given!), `${r.file.path} was linted from other text than the file holds`).toBe(true);
    const text = r.file.text;
    const lines = text.split(/\r\n|\r|\n/);
    const starts = [0];
    for (let i = 0, l = 0; l < lines.length - 1; l++) {
      i += lines[l]!.length;
      i += text[i] === "\r" && text[i + 1] === "\n" ? 2 : 1;
      starts.push(i);
    }
    const inside = (line: number, column: number, what: string) => {
      expect(Number.isInteger(line) && Number.isInteger(column), what).toBe(true);
      expect(line, what).toBeGreaterThanOrEqual(1);
      expect(line, what).toBeLessThanOrEqual(lines.length);
      expect(column, what).toBeGreaterThanOrEqual(1);
      expect(column, what).toBeLessThanOrEqual(lines[line - 1]!.length + 1);
      const o = starts[line - 1]! + column - 1;
      // Never between the two halves of a surrogate pair.
      expect(/[\ud800-\udbff]/.test(text[o - 1] ?? "") && /[\udc00-\udfff]/.test(text[o] ?? ""), `${what}: inside a surrogate pair`).toBe(false);
    };
    const range = (m: { line: number; column: number; endLine: number; endColumn: number }, what: string) => {
      inside(m.line, m.column, what);
      inside(m.endLine, m.endColumn, what);
      expect(m.endLine * 1e7 + m.endColumn, `${what}: ends before it starts`).toBeGreaterThanOrEqual(m.line * 1e7 + m.column);
    };
    let errors = 0;
    for (const m of r.messages) {
      const where = `${path.relative(cwd, r.file.path)} ${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId}: ${m.message.slice(0, 300)}`;
      expect(m.ruleId, where).not.toBe("internal-error");
      expect(m.message.length, where).toBeGreaterThan(0);
      range(m, where);
      if (m.severity === 2) errors++;
      for (const fix of [m.fix, ...(m.suggestions ?? []).map((s) => s.fix)]) {
        if (!fix) continue;
        expect(fix.range[0], where).toBeGreaterThanOrEqual(0);
        expect(fix.range[1], where).toBeLessThanOrEqual(text.length);
        expect(fix.range[1], where).toBeGreaterThanOrEqual(fix.range[0]);
      }
      for (const rel of m.related ?? []) {
        if (rel.file.path === r.file.path) range(rel, `${where} (related)`);
      }
    }
    expect(r.messages.length, `${r.file.path}: the findings cap`).toBeLessThanOrEqual(MAX_FINDINGS_PER_FILE + 1);
    expect(r.errorCount, r.file.path).toBe(errors);
  }
}

async function lintFiles(files: Files, extra: { fix?: boolean } = {}): Promise<LintReport | undefined> {
  try {
    return await lint({ cwd, files, disk: false, ...extra });
  } catch (e) {
    // Only a bad brand.config.json may stop the run, with its own error.
    if (e instanceof ConfigError && files["brand.config.json"] !== CONFIG) return undefined;
    throw e;
  }
}

async function lintCheck(files: Files): Promise<LintReport | undefined> {
  const report = await lintFiles(files);
  if (report) checkPositions(report.results, files);
  return report;
}

const text = (a: fc.Arbitrary<Nested>) => a.map((n) => n.text);
/** Each nested shape in the file it belongs in. */
const deepCases = [
  deepMarkdown.map((n) => ({ nested: n, file: "message.md", files: { "message.md": n.text } as Files })),
  deepMjml.map((n) => ({ nested: n, file: "email.mjml", files: { "email.mjml": n.text } as Files })),
  deepJson.map((n) => ({ nested: n, file: "push.json", files: { "push.json": n.text } as Files })),
  deepJson.map((n) => ({ nested: n, file: "campaign.json", files: { "campaign.json": n.text, "sms.txt": "Hi" } as Files })),
  deepYaml.map((n) => ({ nested: n, file: "message.md", files: { "message.md": `---\n${n.text}---\nHi\n` } as Files })),
];
/** The findings a depth or alias limit gives. */
const LIMIT_MESSAGE = /nested more than \d+|anchors too many times/;

/** One channel file of each kind, most of them optional. */
const channelText = fc.oneof(anyText, soup(120));
const pushJson = fc.oneof(
  anyText,
  text(deepJson),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.tuple(fc.record({ title: soup(10), body: soup(20), url: fc.oneof(fc.webUrl(), soup(4)) }, { requiredKeys: [] }), fc.constantFrom(0, 2)).map(([v, indent]) => JSON.stringify(v, null, indent)),
);
const campaignJson = fc.oneof(
  text(deepJson),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.record({ campaign: soup(3), locale: fc.constantFrom("en", "ar", "ru", "pl", "xx-!!"), channels: fc.subarray(["email", "sms", "push", "whatsapp", "social"]), send: fc.constantFrom("2026-03-20", "0099-01-01", "2026-02-30"), offer: fc.constantFrom("SPRING20", "NOPE") }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
);
const mjml = fc.oneof(
  soup(80).map((t) => `<mjml><mj-body><mj-section><mj-column>${t}</mj-column></mj-section></mj-body></mjml>`),
  soup(80).map((t) => `<mjml><mj-body>${t}</mj-body></mjml>`),
  anyText,
  text(deepMjml),
);
const frontmatter = fc.oneof({ weight: 3, arbitrary: soup(20) }, text(deepYaml));
const messageMd = withFrontmatter(frontmatter, fc.oneof({ weight: 3, arbitrary: soup(80) }, anyText, text(deepMarkdown)));
const folderName = fc.oneof({ weight: 6, arbitrary: fc.constantFrom("f", "spring-sale", "été") }, fc.constantFrom(`<${CANARY}>&"`, "a\nb", "a\u001b[2Jb", "  ", "..x"));

/** A campaign folder: a random subset of the files a campaign can hold (at least one). */
const campaignFiles = fc
  .record(
    {
      "message.md": messageMd,
      "sms.txt": channelText,
      "whatsapp.txt": channelText,
      "social.txt": channelText,
      "push.json": pushJson,
      "campaign.json": campaignJson,
      "email.mjml": mjml,
      "email.html": soup(40).map((t) => `<html><body>${t}</body></html>`),
      "sms.txt.hbs": channelText,
    },
    { requiredKeys: [] },
  )
  .filter((r) => Object.keys(r).length > 0)
  .map((r) => r as Files);

/** One or two campaigns (two campaigns let the project rules compare them). */
const twoCampaigns = fc.tuple(folderName, campaignFiles, fc.option(campaignFiles, { freq: 3 })).map(([name, a, b]) => (b ? { [name]: a, other: b } : { [name]: a }));

afterAll(() => {
  if (PROFILE) {
    slow.sort((a, b) => b[0] - a[0]);
    const total = slow.reduce((n, s) => n + s[0], 0);
    console.log(`profile: ${total.toFixed(0)} ms; slowest:\n${slow.slice(0, 25).map(([ms, n, v]) => `${ms.toFixed(0)} ms ${n}: ${v}`).join("\n")}`);
  }
  const total = Object.values(cpuMs).reduce((a, b) => a + b, 0);
  console.log(`fuzz: ${cases} whole-pipeline cases (seed ${SEED}), ${(total / 1000).toFixed(1)} s CPU: ${Object.entries(perProperty).map(([k, v]) => `${k} ${v} (${((cpuMs[k] ?? 0) / 1000).toFixed(1)} s)`).join(", ")}`);
});

describe("fuzzing the whole pipeline", { timeout: 600_000 }, () => {
  it("whole campaigns: never throws, no internal error, every finding inside its file", async () => {
    await property("campaigns", 500, twoCampaigns, async (c) => {
      await lintCheck(project(c));
    });
  });

  it("message.md alone, with every frontmatter shape", async () => {
    await property("message.md", 900, messageMd, async (md) => {
      await lintCheck(project({ f: { "message.md": md } }));
    });
  });

  it("hand-written text channels", async () => {
    await property("text channels", 4000, fc.tuple(channelText, channelText, fc.constantFrom("sms.txt", "whatsapp.txt", "social.txt", "sms.txt.hbs")), async ([a, b, name]) => {
      await lintCheck(project({ f: { [name]: a, ...(name === "sms.txt" ? {} : { "sms.txt": b }) } }));
    });
  });

  it("email.mjml", async () => {
    await property("email.mjml", 300, mjml, async (t) => {
      await lintCheck(project({ f: { "email.mjml": t } }));
    });
  });

  it("push.json and campaign.json", async () => {
    await property("json", 2700, fc.tuple(pushJson, campaignJson), async ([p, c]) => {
      await lintCheck(project({ f: { "push.json": p, "campaign.json": c } }));
    });
  });

  it("brand.config.json: arbitrary text and JSON are a ConfigError or a run, never a crash", async () => {
    const configs = fc.oneof(
      anyText,
      text(deepJson),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.jsonValue().map((v) => JSON.stringify({ brand: { name: "A" }, tone: v })),
      fc.jsonValue().map((v) => JSON.stringify({ brand: { name: "A" }, rules: v })),
      fc.jsonValue().map((v) => JSON.stringify({ brand: { name: "A" }, variables: { x: { sample: "a", maxLength: v } } })),
    );
    await property("brand.config.json", 1200, configs, async (config) => {
      await lintCheck(project({ f: { "sms.txt": "cheap e-mail 20% {{x}}" } }, config));
    });
  });

  it("depth limits: passing one is one parse-error finding where it is passed; staying under it is none", async () => {
    await property("depth limits", 300, fc.oneof(...deepCases), async (c) => {
      const report = (await lintCheck(project({ f: c.files })))!;
      const file = path.resolve(cwd, "templates/f", c.file);
      const limit = report.results.find((r) => r.file.path === file)?.messages.filter((m) => LIMIT_MESSAGE.test(m.message)) ?? [];
      expect(limit.length, "at most one limit finding per file").toBeLessThanOrEqual(1);
      for (const m of limit) expect(m.ruleId).toBe("parse-error");
      const { depth, limit: max } = c.nested;
      if (depth !== undefined && depth > max + 4) expect(limit.length, `nested ${depth} deep (limit ${max})`).toBe(1);
      if (depth !== undefined && depth < max - 4) expect(limit, `nested ${depth} deep (limit ${max})`).toEqual([]);
    });
  });

  it("findings past the per-file cap: the run goes on, and the cap is one finding that says how many more", async () => {
    await property("findings cap", 16, fc.tuple(manyFindings, fc.constantFrom("sms.txt", "message.md", "whatsapp.txt")), async ([text, name]) => {
      const report = (await lintCheck(project({ f: { [name]: text }, g: { "sms.txt": "cheap" } })))!;
      const r = report.results.find((x) => x.file.path === path.resolve(cwd, "templates/f", name));
      if (r && r.messages.length > MAX_FINDINGS_PER_FILE) expect(r.messages[MAX_FINDINGS_PER_FILE]!.message).toMatch(/stopped listing findings/);
      // The other campaign is linted all the same.
      expect(report.results.some((x) => x.file.path === path.resolve(cwd, "templates/g/sms.txt") && x.messages.some((m) => m.ruleId === "tone-words"))).toBe(true);
    });
  });

  it("files at and just past the 2 MB read limit", async () => {
    // Fixed cases rather than drawn ones: each file at the limit costs seconds (a message.md
    // at the limit, rendered into five channels, close to a minute), so only the kinds that
    // fit the budget are read whole; every kind is tried one byte past it.
    const big: [string, number, string][] = [
      ["sms.txt", MAX_FILE_BYTES, "Hello there. "],
      ["whatsapp.txt", MAX_FILE_BYTES, "*Hi* é "],
      ["email.mjml", MAX_FILE_BYTES, "<mj-text>cheap</mj-text>"],
      ["sms.txt", MAX_FILE_BYTES + 1, "cheap "],
      ["message.md", MAX_FILE_BYTES + 1, "- a\n"],
      ["email.mjml", MAX_FILE_BYTES + 1, "<div>"],
      ["push.json", MAX_FILE_BYTES + 1, "["],
      ["campaign.json", MAX_FILE_BYTES + 1, "{"],
    ];
    for (const [name, bytes, piece] of big) {
      cases++;
      perProperty["2 MB files"] = (perProperty["2 MB files"] ?? 0) + 1;
      const cpu0 = process.cpuUsage();
      const text = sized(piece, bytes);
      const report = (await lintCheck(project({ f: { [name]: text, ...(name === "campaign.json" ? { "sms.txt": "Hi" } : {}) } })))!;
      const r = report.results.find((x) => x.file.path === path.resolve(cwd, "templates/f", name));
      const tooBig = r?.messages.some((m) => m.ruleId === "parse-error" && /larger than|too (big|large)|2 MB/i.test(m.message)) ?? false;
      expect(tooBig, `${name} of ${Buffer.byteLength(text)} bytes`).toBe(bytes > MAX_FILE_BYTES);
      const cpu = process.cpuUsage(cpu0);
      cpuMs["2 MB files"] = (cpuMs["2 MB files"] ?? 0) + (cpu.user + cpu.system) / 1000;
    }
  });

  it("--fix: idempotent, converges, and never changes a file with a parse error", async () => {
    await property("fix", 150, twoCampaigns, async (c) => {
      const files = project(c);
      const fixed = (await lintFiles({ ...files }, { fix: true }))!;
      expect(fixed.fixErrors).toEqual([]);
      const after: Files = { ...files };
      for (const [abs, text] of Object.entries(fixed.output)) after[path.relative(cwd, abs)] = text;
      // Linting the fixed files again: findings in place, nothing left to fix outside files
      // with a parse error, and no file --fix wrote has one (a file with a parse error is
      // never written, and a fix never breaks a file: either way it would show here).
      const again = (await lintCheck(after))!;
      const unparsable = again.results.filter((r) => r.messages.some((m) => m.ruleId === "parse-error"));
      for (const r of unparsable) expect(fixed.output[r.file.path], `--fix wrote ${r.file.path}, which has a parse error`).toBeUndefined();
      const left = again.results.filter((r) => !unparsable.includes(r)).flatMap((r) => r.messages.filter((m) => m.fix).map((m) => `${path.relative(cwd, r.file.path)} ${m.line}:${m.column} ${m.ruleId}`));
      expect(left, "fixable findings left after --fix").toEqual([]);
      // A second --fix changes nothing.
      const second = (await lintFiles(after, { fix: true }))!;
      expect(second.fixed).toEqual([]);
      expect(second.output).toEqual({});
    });
  });

  it("render: never throws on any campaign, and rendering twice gives the same files", async () => {
    await property("render", 200, fc.tuple(folderName, campaignFiles), async ([name, c]) => {
      const files = project({ [name]: c });
      const host = new MemoryHost(Object.entries(files).map(([p, t]) => [path.resolve(cwd, p), t] as [string, string]));
      const dir = path.resolve(cwd, "templates", name);
      const once = async () => (await render(dir, { cwd, host })).files.map((f) => [f.name, f.text]);
      const first = await once();
      expect(await once()).toEqual(first);
      for (const [fileName] of first) expect(fileName).toMatch(/^[a-z]+\.(txt|json|mjml|html)$/);
    });
  });

  it("preview pages: generated for every campaign, nothing from a template becomes markup", async () => {
    await property("preview", 120, twoCampaigns, async (c) => {
      const report = (await lintFiles(project(c)))!;
      const ctx: PageContext = { config: report.config, settings: new SettingsResolver(report.config), theme: brandTheme(report.config.data), cwd, live: false };
      const summaries = report.campaigns.map((campaign, i) => ({ campaign, file: `campaigns/c${i}.html`, findings: campaignFindings(campaign, report.results) }));
      const pages = [indexPage(ctx, summaries, report.results)];
      for (const s of summaries) pages.push(await campaignPage(ctx, s, "../index.html"));
      for (const html of pages) checkPage(html);
    });
  });

  it("the same findings with and without worker threads (a sample, through the CLI)", async () => {
    const bin = path.join(repo, "bin/brandlint.js");
    const sample = fc.oneof({ weight: 3, arbitrary: campaignFiles }, ...deepCases.map((a) => a.map((c) => c.files)));
    await property("workers", 2, fc.array(sample, { minLength: 24, maxLength: 24 }), async (campaigns) => {
      cases += campaigns.length - 1;
      perProperty.workers! += campaigns.length - 1;
      const d = mkdtempSync(path.join(os.tmpdir(), "brandlint-fuzz-workers-"));
      try {
        writeFileSync(path.join(d, "brand.config.json"), CONFIG);
        campaigns.forEach((files, i) => {
          mkdirSync(path.join(d, "templates", `c${i}`), { recursive: true });
          for (const [n, t] of Object.entries(files)) writeFileSync(path.join(d, "templates", `c${i}`, n), t);
        });
        const run = (workers: string) => {
          try {
            return execFileSync(process.execPath, [bin, "--format", "json", "--workers", workers], { cwd: d, encoding: "utf8", maxBuffer: 256 << 20 });
          } catch (e) {
            const err = e as { status: number; stdout: string; stderr: string };
            expect(err.status, err.stderr).toBe(1);
            return err.stdout;
          }
        };
        const one = run("1");
        expect(run("2")).toBe(one);
        expect(one).not.toContain("internal-error");
        // The CLI's second thread may finish before a worker is up: lint on workers only, through the built API.
        const built = (await import(pathToFileURL(path.join(repo, "dist/src/index.js")).href)) as typeof import("../src/index.js");
        const shown = (r: LintReport) => JSON.stringify(r.results.map((f) => [f.file.path, f.messages]));
        const here = await built.lint({ cwd: d, workers: 1, keepCampaigns: false });
        const there = await built.lint({ cwd: d, workers: 2, mainThread: false, keepCampaigns: false });
        expect(there.stats.threads?.here).toBe(0);
        expect(shown(there)).toBe(shown(here));
      } finally {
        rmSync(d, { recursive: true, force: true });
      }
    });
  });

  it("ran enough cases to matter", () => {
    expect(cases).toBeGreaterThanOrEqual(MIN_CASES);
    // Each piece of the soup was offered to the generators.
    expect(PIECES.length).toBeGreaterThan(100);
  });
});

/** A preview page: no element, attribute or script came from a template (only the email frames hold the email, in srcdoc). */
function checkPage(html: string): void {
  const tags: string[] = [];
  const problems: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        tags.push(name);
        if (name === CANARY) problems.push(`a template's <${CANARY}> became an element`);
        if (name === "script") problems.push("a script in a page without --serve");
        for (const k of Object.keys(attribs)) if (/^on/i.test(k)) problems.push(`an event handler attribute ${k} on <${name}>`);
        if (name === "iframe") {
          if (attribs.sandbox !== "") problems.push(`an iframe without an empty sandbox: ${JSON.stringify(attribs.sandbox)}`);
          const inner = attribs.srcdoc ?? "";
          if (!inner.includes("Content-Security-Policy")) problems.push("an email frame without its Content-Security-Policy");
        }
        for (const [k, v] of Object.entries(attribs)) if (/^(href|src)$/.test(k) && /^\s*javascript:/i.test(v)) problems.push(`a javascript: URL in ${k}`);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  expect(problems).toEqual([]);
  expect(tags.filter((t) => t === "html").length).toBe(1);
  expect(tags.filter((t) => t === "meta").length).toBeGreaterThan(0);
}
