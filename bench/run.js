#!/usr/bin/env node
/**
 * `npm run bench`: generates a synthetic template repository (bench/generate.js), then
 * times whole processes — wall time, CPU time (user + sys of the child), peak RSS —
 * taking the median of several runs with the commands compared run alternately
 * (A, B, A, B, …), prints a table of ratios and writes it to bench/results.md.
 *
 *   A  brandlint full lint, no cache                       (CPU/wall, peak RSS)
 *   B  brandlint --cache, nothing changed                  vs A
 *   C  brandlint on one campaign (pre-commit)              vs `node -e 0`
 *   D  textlint + textlint-rule-prh, same prose and terms  vs brandlint, only tone-words
 *   E  mjml CLI, MJML → HTML                               vs brandlint, message.md → MJML → HTML
 *   F  tone-words with 10,000 terms                        vs 10 terms
 *   G  pathological term list, 400,000 characters          vs 100,000 (linear ≈ 4×)
 *   H  every rule on pathological repeated-token texts      10 KB → 100 KB → 1 MB (bench/pathological.js)
 *   I  lint, all rules, the same emails as E                vs mjml CLI rendering their .mjml
 *   J  the pre-commit hook as installed (node_modules/.bin)  vs node node_modules/brandlint/bin/brandlint.js; npx
 *   K  one campaign with 10,000 and 100,000 tone terms      vs 10 terms; 1,000 campaigns × 100,000 terms: peak RSS
 *   W  default threads vs --workers 1                       at 100, 1,000 (and with --big 10,000) campaigns
 *   L  the language server, didChange → diagnostics         (bench/lsp.js; figures in bench/lsp-results.md)
 *
 * Options: --campaigns N (1000) --runs N (5) --subset N (100, campaigns for D and E)
 * --big (also A and W at 10,000 campaigns) --only A,C,… --work DIR (bench/.work)
 * --results FILE (bench/results.md; "-" to write nothing) --seed N (8)
 * --smoke (CI: 30 campaigns, one run each, small texts: proves every row still runs;
 * its figures mean nothing and no verdict is drawn from them).
 *
 * Timing needs GNU time (/usr/bin/time, Debian package `time`) for CPU and peak RSS;
 * without it, CPU comes from bash's `times` and peak RSS is not measured.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync, openSync, closeSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { GENERATOR_VERSION, TONE_SIZES, generatePathological, generateRepo, listRuleIds } from "./generate.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BIN = path.join(ROOT, "bin", "brandlint.js");
const NODE = process.execPath;
const TEXTLINT = path.join(ROOT, "node_modules", "textlint", "bin", "textlint.js");
const MJML = path.join(ROOT, "node_modules", "mjml", "bin", "mjml");
const SELF = fileURLToPath(import.meta.url);

// ---------------------------------------------------------------------------
// E's brandlint side: `node bench/run.js --render-emails <repo> <list.json> <outdir>`
// renders message.md → MJML → HTML for each listed campaign in one process.

async function renderEmails(repo, listFile, outDir) {
  const { loadConfig } = await import(pathToFileURL(path.join(ROOT, "dist", "src", "index.js")).href);
  const { render } = await import(pathToFileURL(path.join(ROOT, "dist", "src", "render-api.js")).href);
  const config = await loadConfig({ cwd: repo });
  mkdirSync(outDir, { recursive: true });
  for (const dir of JSON.parse(readFileSync(listFile, "utf8"))) {
    const { campaign, files } = await render(dir, { cwd: repo, config, channel: "email" });
    const html = files.find((f) => f.name === "email.html");
    if (!html) throw new Error(`no email.html for ${dir}`);
    writeFileSync(path.join(outDir, `${campaign.id}.html`), html.text);
  }
}

// ---------------------------------------------------------------------------
// Measuring one process

const GNU_TIME = ["/usr/bin/time", "/bin/time"].find((p) => existsSync(p) && spawnSync(p, ["-f", "%e", "true"]).status === 0);
const TIMEOUT = spawnSync("timeout", ["1", "true"]).status === 0;

/**
 * Runs a command once. Returns { wall, cpu, user, sys, rss (KB or null), status, timedOut }.
 * `out`: a file for the command's stdout (default: discarded). `timeoutSec`: killed after.
 */
function measure({ cmd, args, cwd, out, timeoutSec }) {
  const tmp = path.join(os.tmpdir(), `brandlint-bench-${process.pid}.time`);
  const outFd = out ? openSync(out, "w") : "ignore";
  const inner = TIMEOUT && timeoutSec ? ["timeout", "-s", "KILL", String(timeoutSec), cmd, ...args] : [cmd, ...args];
  const t0 = process.hrtime.bigint();
  let r;
  try {
    if (GNU_TIME) r = spawnSync(GNU_TIME, ["-f", "%e %U %S %M", "-o", tmp, ...inner], { cwd, stdio: ["ignore", outFd, "pipe"], maxBuffer: 64 << 20 });
    else r = spawnSync("bash", ["-c", '"$@"; s=$?; times >&3; exit $s', "bench", ...inner], { cwd, stdio: ["ignore", outFd, "pipe", "pipe"], maxBuffer: 64 << 20 });
  } finally {
    if (typeof outFd === "number") closeSync(outFd);
  }
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const timedOut = TIMEOUT && timeoutSec ? r.status === 137 || r.status === 124 : false;
  let user;
  let sys;
  let rss = null;
  if (GNU_TIME) {
    const last = readFileSync(tmp, "utf8").trim().split("\n").pop().split(" ");
    user = Number(last[1]);
    sys = Number(last[2]);
    rss = Number(last[3]);
    rmSync(tmp, { force: true });
  } else {
    // bash `times`: the shell's own times, then its children's: "0m1.234s 0m0.056s".
    const lines = r.output[3].toString().trim().split("\n");
    const secs = (s) => {
      const m = /(\d+)m([\d.]+)s/.exec(s);
      return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
    };
    [user, sys] = lines.pop().split(/\s+/).map(secs);
  }
  const status = r.status;
  if (!timedOut && (status === null || status > 1)) {
    throw new Error(`${[cmd, ...args].join(" ").slice(0, 300)} (in ${cwd}) failed with ${status ?? r.signal}:\n${r.stderr?.toString().slice(-2000)}`);
  }
  return { wall, user, sys, cpu: user + sys, rss, status, timedOut };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Runs each command `runs` times, alternating (1, 2, 1, 2, …), after one untimed
 * warm-up each when `warmup`. Returns, per command name, its samples and medians.
 */
function compare(label, commands, { runs, warmup = true }) {
  log(`\n${label}`);
  if (warmup)
    for (const c of commands) {
      c.prepare?.();
      measure(c);
    }
  const samples = Object.fromEntries(commands.map((c) => [c.name, []]));
  for (let i = 0; i < runs; i++)
    for (const c of commands) {
      // A command that timed out once would time out again: its result is known.
      if (samples[c.name].some((s) => s.timedOut)) continue;
      c.prepare?.();
      const s = measure(c);
      samples[c.name].push(s);
      log(`  ${c.name.padEnd(34)} run ${i + 1}/${runs}: ${s.timedOut ? `timed out after ${c.timeoutSec} s` : `${fmtS(s.wall)} wall, ${fmtS(s.cpu)} CPU${s.rss ? `, ${fmtMB(s.rss)}` : ""}`}`);
    }
  return Object.fromEntries(commands.map((c) => [c.name, summarize(c, samples[c.name])]));
}

function summarize(c, samples) {
  const wall = samples.map((s) => s.wall);
  return {
    name: c.name,
    command: c.display ?? [path.basename(c.cmd), ...c.args].join(" "),
    runs: samples.length,
    timedOut: samples.some((s) => s.timedOut),
    wall: median(wall),
    wallMin: Math.min(...wall),
    wallMax: Math.max(...wall),
    cpu: median(samples.map((s) => s.cpu)),
    rss: samples[0].rss === null ? null : median(samples.map((s) => s.rss)),
  };
}

// ---------------------------------------------------------------------------
// Formatting

/** A path as the table shows it: relative to the project (bin/brandlint.js) or to the work folder. */
const shortPath = (a) => (path.isAbsolute(a) && a.startsWith(ROOT + path.sep) ? path.relative(ROOT, a) : a);
const log = (s) => process.stderr.write(s + "\n");
const fmtS = (s) => (s >= 10 ? `${s.toFixed(1)} s` : s >= 1 ? `${s.toFixed(2)} s` : `${Math.round(s * 1000)} ms`);
const fmtMB = (kb) => `${Math.round(kb / 1024)} MB`;
const fmtX = (x) => (Number.isFinite(x) ? `${x >= 10 ? x.toFixed(1) : x.toFixed(2)}×` : "—");
const fmtPct = (x) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : "—");

function table(header, rows) {
  const lines = [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`];
  for (const r of rows) lines.push(`| ${r.map((c) => String(c).replace(/\|/g, "\\|")).join(" | ")} |`);
  return lines.join("\n");
}

function sh(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : "";
}

function machine() {
  const cpus = os.cpus();
  return {
    nproc: sh("nproc", []) || String(os.availableParallelism?.() ?? cpus.length),
    cpu: cpus[0]?.model?.trim() ?? "unknown",
    free: sh("free", ["-h"]) || `${Math.round(os.totalmem() / 2 ** 30)} GiB total, ${Math.round(os.freemem() / 2 ** 30)} GiB free`,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    load: os.loadavg().map((x) => x.toFixed(2)).join(", "),
    timer: GNU_TIME ? `GNU time (${GNU_TIME})` : "bash times (no peak RSS: install the `time` package)",
  };
}

// ---------------------------------------------------------------------------
// Repositories

/** Makes `dir` an empty folder. */
function emptyFolder(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}

/** A repository holding only `campaigns` (folders relative to `repo`), with `repo`'s config files: what start-up rows measure. */
function subRepo(repo, dir, campaigns) {
  emptyFolder(dir);
  for (const f of readdirSync(repo)) if (f.endsWith(".json")) writeFileSync(path.join(dir, f), readFileSync(path.join(repo, f)));
  for (const c of campaigns) cpSync(path.join(repo, c), path.join(dir, c), { recursive: true });
  return dir;
}

/** Generates `dir` unless it already holds the same generation (version, campaigns, seed, rules). */
function ensureRepo(dir, campaigns, seed, ruleIds) {
  const stamp = JSON.stringify({ v: GENERATOR_VERSION, campaigns, seed, ruleIds });
  const stampFile = path.join(dir, ".bench-stamp");
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) {
    log(`reusing ${path.relative(ROOT, dir)} (${campaigns} campaigns)`);
    return JSON.parse(readFileSync(path.join(dir, ".bench-stats"), "utf8"));
  }
  log(`generating ${path.relative(ROOT, dir)} (${campaigns} campaigns)…`);
  const stats = generateRepo(dir, { campaigns, seed, ruleIds });
  writeFileSync(path.join(dir, ".bench-stats"), JSON.stringify(stats));
  writeFileSync(stampFile, stamp);
  return stats;
}

/** The first `n` campaign folders (relative to repo) that have a message.md (and, with `email`, render an email from it). */
function pickCampaigns(repo, n, { email = false } = {}) {
  const out = [];
  for (const name of readdirSync(path.join(repo, "templates")).sort()) {
    const dir = path.join(repo, "templates", name);
    const md = path.join(dir, "message.md");
    if (!existsSync(md)) continue;
    if (email) {
      if (existsSync(path.join(dir, "email.mjml"))) continue;
      const fm = readFileSync(md, "utf8").split("\n---")[0];
      if (!/^channels: \[.*\bemail\b.*\]$/m.test(fm)) continue;
    }
    out.push(path.join("templates", name));
    if (out.length === n) break;
  }
  return out;
}

// ---------------------------------------------------------------------------
// The benchmark

async function main() {
  const { values } = parseArgs({
    options: {
      campaigns: { type: "string", default: "1000" },
      runs: { type: "string", default: "5" },
      subset: { type: "string", default: "100" },
      big: { type: "boolean", default: false },
      only: { type: "string", default: "A,B,C,D,E,F,G,H,I,J,K,W,L" },
      smoke: { type: "boolean", default: false },
      work: { type: "string", default: path.join(ROOT, "bench", ".work") },
      results: { type: "string", default: path.join(ROOT, "bench", "results.md") },
      seed: { type: "string", default: "8" },
      "render-emails": { type: "string", multiple: true },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  });
  if (values.help) {
    process.stdout.write(readFileSync(SELF, "utf8").split("*/")[0].replace(/^#!.*\n\/\*\*\n/, "").replace(/^ \* ?/gm, "") + "\n");
    return;
  }
  if (values["render-emails"]) {
    const [repo, list, out] = values["render-emails"];
    await renderEmails(repo, list, out);
    return;
  }
  if (!existsSync(path.join(ROOT, "dist", "brandlint.mjs"))) throw new Error("dist/ is missing: run `npm run build` first (npm ci does it)");
  const smoke = values.smoke;
  smokeRun = smoke;
  const campaigns = smoke ? 30 : Number(values.campaigns);
  const runs = smoke ? 1 : Number(values.runs);
  const subset = smoke ? 10 : Number(values.subset);
  const seed = Number(values.seed);
  const only = new Set(values.only.split(",").map((s) => s.trim().toUpperCase()));
  const work = path.resolve(values.work);
  mkdirSync(work, { recursive: true });
  const started = new Date();
  const before = machine();
  log(`brandlint bench: ${campaigns} campaigns, ${runs} runs, load average ${before.load}, ${before.timer}`);

  const ruleIds = listRuleIds(ROOT);
  const repo = path.join(work, `repo-${campaigns}`);
  // The smallest repository W measures (its first 100 campaigns, in a repository of their own).
  const small = Math.min(100, campaigns);
  const stats = ensureRepo(repo, campaigns, seed, ruleIds);
  const lintArgs = (...extra) => [BIN, "--format", "json", ...extra];
  const results = {};
  const rows = [];
  const run = (name, args, extra = {}) => ({ name, cmd: NODE, args, cwd: repo, display: ["node", ...args.map(shortPath)].join(" "), ...extra });

  // A and B: full lint, no cache vs --cache with nothing changed.
  if (only.has("A") || only.has("B")) {
    const cacheFile = path.join(work, `a-${campaigns}.cache`);
    const cmds = [run("A: full lint, no cache", lintArgs())];
    if (only.has("B")) {
      rmSync(cacheFile, { force: true });
      measure(run("fill cache", lintArgs("--cache", "--cache-location", cacheFile)));
      cmds.push(run("B: --cache, nothing changed", lintArgs("--cache", "--cache-location", cacheFile)));
    }
    Object.assign(results, compare("A/B: full lint (cold) vs --cache with nothing changed", cmds, { runs, warmup: false }));
    const a = results["A: full lint, no cache"];
    rows.push(["A", `full lint of ${campaigns.toLocaleString("en")} campaigns, no cache: CPU / wall`, `${fmtS(a.cpu)} CPU / ${fmtS(a.wall)} wall`, fmtX(a.cpu / a.wall), "—", "≥ 1.6", verdict(a.cpu / a.wall >= 1.6)]);
    if (a.rss !== null) rows.push(["A", `peak RSS, ${campaigns.toLocaleString("en")} campaigns`, fmtMB(a.rss), "—", "—", "< 400 MB at 10,000", campaigns >= 10000 ? verdict(a.rss < 400 * 1024) : "(see --big)"]);
    if (only.has("B")) {
      const b = results["B: --cache, nothing changed"];
      rows.push(["B", "--cache, nothing changed ÷ A", `${fmtS(b.wall)} vs ${fmtS(a.wall)}`, fmtPct(b.wall / a.wall), fmtPct(b.cpu / a.cpu), "≤ 10%", verdict(b.wall / a.wall <= 0.1)]);
    }
  }

  // C: one campaign (the pre-commit path) vs node -e 0.
  // C: start-up, one campaign in a repository of its own; and the same campaign in the whole
  // repository (the pre-commit path of a big one: project rules read every campaign's metadata).
  if (only.has("C")) {
    const one = pickCampaigns(repo, 1)[0];
    const alone = subRepo(repo, path.join(work, "c-repo"), [one]);
    const cmds = [{ ...run("C: brandlint one campaign", [BIN, one]), cwd: alone }, run("C: node -e 0", ["-e", "0"]), run(`C: the same campaign in the ${campaigns.toLocaleString("en")}-campaign repository`, [BIN, one])];
    const r = compare("C: one campaign vs node -e 0", cmds, { runs });
    Object.assign(results, r);
    const c = r[cmds[0].name];
    const n = r[cmds[1].name];
    const big = r[cmds[2].name];
    rows.push(["C", `brandlint ${one} (a one-campaign repository) ÷ node -e 0`, `${fmtS(c.wall)} vs ${fmtS(n.wall)}`, fmtX(c.wall / n.wall), fmtX(c.cpu / n.cpu), "≤ 3×", verdict(c.wall / n.wall <= 3)]);
    rows.push(["C", `the same campaign in the ${campaigns.toLocaleString("en")}-campaign repository ÷ node -e 0 (its project index)`, `${fmtS(big.wall)} vs ${fmtS(n.wall)}`, fmtX(big.wall / n.wall), fmtX(big.cpu / n.cpu), "— (context)", "—"]);
  }

  // D: textlint + prh vs brandlint with only tone-words, 1,000 terms, the same campaigns.
  if (only.has("D")) {
    const dirs = pickCampaigns(repo, subset);
    const r = compare(
      `D: textlint + prh vs brandlint tone-words only (1,000 terms, ${dirs.length} campaigns)`,
      [
        { name: "D: textlint + textlint-rule-prh", cmd: NODE, args: [TEXTLINT, "--config", ".textlintrc.json", "--format", "json", ...dirs.map((d) => `${d}/message.md`)], cwd: repo, display: `textlint --config .textlintrc.json --format json <${dirs.length} message.md>` },
        { ...run("D: brandlint tone-words only", lintArgs("--config", "brand.tone-1000.json", ...dirs)), display: `node bin/brandlint.js --format json --config brand.tone-1000.json <${dirs.length} campaign folders>` },
      ],
      { runs, warmup: false },
    );
    Object.assign(results, r);
    const t = r["D: textlint + textlint-rule-prh"];
    const b = r["D: brandlint tone-words only"];
    rows.push(["D", `textlint + prh ÷ brandlint (tone-words only), ${dirs.length} campaigns, 1,000 terms`, `${fmtS(t.wall)} vs ${fmtS(b.wall)}`, fmtX(t.wall / b.wall), fmtX(t.cpu / b.cpu), "≥ 5× (brandlint faster)", verdict(t.wall / b.wall >= 5)]);
  }

  // E: mjml CLI (MJML → HTML) vs brandlint rendering (message.md → MJML → HTML), one process each.
  let emails;
  if (only.has("E") || only.has("I")) {
    const dirs = pickCampaigns(repo, subset, { email: true });
    const mjmlDir = path.join(work, "e-mjml");
    const outMjml = path.join(work, "e-out-mjml");
    rmSync(mjmlDir, { recursive: true, force: true });
    mkdirSync(mjmlDir, { recursive: true });
    const { loadConfig } = await import(pathToFileURL(path.join(ROOT, "dist", "src", "index.js")).href);
    const { render } = await import(pathToFileURL(path.join(ROOT, "dist", "src", "render-api.js")).href);
    const config = await loadConfig({ cwd: repo });
    const files = [];
    for (const d of dirs) {
      const { campaign, files: out } = await render(d, { cwd: repo, config, channel: "email" });
      const f = path.join(mjmlDir, `${campaign.id}.mjml`);
      writeFileSync(f, out.find((x) => x.name === "email.mjml").text);
      files.push(f);
    }
    const list = path.join(work, "e-campaigns.json");
    writeFileSync(list, JSON.stringify(dirs));
    const mjmlCli = { name: "E: mjml CLI", cmd: NODE, args: [MJML, ...files, "-o", outMjml + path.sep, "--config.keepComments", "false", "--config.validationLevel", "soft"], cwd: work, prepare: () => emptyFolder(outMjml), display: `mjml <${files.length} .mjml files> -o <dir>/ --config.keepComments false --config.validationLevel soft` };
    emails = { dirs, list, mjmlCli };
  }
  if (only.has("E")) {
    const { dirs, list, mjmlCli } = emails;
    const outBl = path.join(work, "e-out-brandlint");
    const r = compare(
      `E: mjml CLI vs brandlint rendering ${dirs.length} emails`,
      [
        mjmlCli,
        { name: "E: brandlint render API", cmd: NODE, args: [SELF, "--render-emails", repo, "--render-emails", list, "--render-emails", outBl], cwd: repo, prepare: () => emptyFolder(outBl), display: `node bench/run.js --render-emails (render() from dist/src/render-api.js, ${dirs.length} campaigns, channel email)` },
      ],
      { runs },
    );
    Object.assign(results, r);
    const m = r["E: mjml CLI"];
    const b = r["E: brandlint render API"];
    rows.push(["E", `brandlint (message.md → MJML → HTML) ÷ mjml CLI (MJML → HTML), ${dirs.length} emails`, `${fmtS(b.wall)} vs ${fmtS(m.wall)}`, fmtX(b.wall / m.wall), fmtX(b.cpu / m.cpu), "— (context)", "—"]);
  }

  // F: tone-words with 10,000 terms vs 10 terms, full repo.
  if (only.has("F")) {
    const [small, , large] = TONE_SIZES;
    const r = compare(
      `F: tone-words ${large.toLocaleString("en")} terms vs ${small} terms (only tone-words on, ${campaigns.toLocaleString("en")} campaigns)`,
      [run(`F: tone-words, ${large.toLocaleString("en")} terms`, lintArgs("--config", `brand.tone-${large}.json`)), run(`F: tone-words, ${small} terms`, lintArgs("--config", `brand.tone-${small}.json`))],
      { runs, warmup: false },
    );
    Object.assign(results, r);
    const l = r[`F: tone-words, ${large.toLocaleString("en")} terms`];
    const s = r[`F: tone-words, ${small} terms`];
    rows.push(["F", `tone-words ${large.toLocaleString("en")} terms ÷ ${small} terms, ${campaigns.toLocaleString("en")} campaigns`, `${fmtS(l.wall)} vs ${fmtS(s.wall)}`, fmtX(l.wall / s.wall), fmtX(l.cpu / s.cpu), "≤ 1.3×", verdict(l.wall / s.wall <= 1.3)]);
  }

  // G: pathological terms; time must grow linearly with the text (4× text → ≈ 4× time).
  if (only.has("G")) {
    for (const shape of ["words", "word"]) {
      const sizes = smoke ? { base: 1000, "1x": 10000, "4x": 40000 } : { base: 1000, "1x": 100000, "4x": 400000 };
      const cmds = Object.entries(sizes).map(([k, chars]) => {
        const dir = path.join(work, `g-${shape}-${k}`);
        generatePathological(dir, { chars, shape, ruleIds });
        return { name: `G (${shape}): ${chars.toLocaleString("en")} chars`, cmd: NODE, args: lintArgs(), cwd: dir, timeoutSec: 120, display: `node bin/brandlint.js --format json (${chars.toLocaleString("en")} characters)` };
      });
      const r = compare(`G: pathological terms, ${shape === "word" ? "one word “aaaa…”" : "words “a a a …”"}`, cmds, { runs: Math.min(runs, 3), warmup: false });
      Object.assign(results, r);
      const [base, x1, x4] = cmds.map((c) => r[c.name]);
      const out = x1.timedOut || x4.timedOut;
      const net = (k) => (x4[k] - base[k]) / Math.max(x1[k] - base[k], 0.01);
      rows.push([
        "G",
        `pathological terms, ${shape === "word" ? "one 400,000-char word ÷ 100,000" : "400,000 chars of “a a a …” ÷ 100,000"} (net of a 1,000-char run)`,
        out ? `timed out (> ${cmds[2].timeoutSec} s)` : `${fmtS(x4.wall - base.wall)} vs ${fmtS(x1.wall - base.wall)}`,
        out ? "—" : fmtX(net("wall")),
        out ? "—" : fmtX(net("cpu")),
        "≈ 4× (linear)",
        // A base run slower than the long text means the long text was never matched (it once was cut by a Markdown limit).
        verdict(!out && x1.cpu > base.cpu && net("cpu") <= 5),
      ]);
    }
  }

  // I: lint with every rule, the same email campaigns, vs mjml CLI rendering their MJML.
  if (only.has("I")) {
    const { dirs, mjmlCli } = emails;
    // A repository of just these campaigns (with the same config), so both sides see the same 100 emails.
    const own = subRepo(repo, path.join(work, "i-repo"), dirs);
    const r = compare(
      `I: brandlint lint (all rules) vs mjml CLI, ${dirs.length} emails`,
      [{ ...mjmlCli, name: "I: mjml CLI" }, { ...run("I: brandlint lint, all rules", lintArgs()), cwd: own, display: `node bin/brandlint.js --format json (a repository of the ${dirs.length} campaigns)` }],
      { runs },
    );
    Object.assign(results, r);
    const m = r["I: mjml CLI"];
    const b = r["I: brandlint lint, all rules"];
    rows.push(["I", `lint, all rules, ${dirs.length} email campaigns ÷ mjml CLI rendering the same ${dirs.length} .mjml`, `${fmtS(b.wall)} vs ${fmtS(m.wall)}`, fmtX(b.wall / m.wall), fmtX(b.cpu / m.cpu), "≤ 1.0×", verdict(b.wall / m.wall <= 1)]);
  }

  // J: the hook as a consumer repository runs it, with brandlint installed in its node_modules.
  if (only.has("J")) {
    const one = pickCampaigns(repo, 1)[0];
    const consumer = subRepo(repo, path.join(work, "consumer"), [one]);
    mkdirSync(path.join(consumer, "node_modules", ".bin"), { recursive: true });
    // An install as npm lays it out: the package in node_modules/brandlint, its bin linked in .bin.
    symlinkSync(ROOT, path.join(consumer, "node_modules", "brandlint"), "dir");
    symlinkSync(path.join("..", "brandlint", "bin", "brandlint.js"), path.join(consumer, "node_modules", ".bin", "brandlint"));
    writeFileSync(path.join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, devDependencies: { brandlint: "file:.." } }, null, 2));
    const hook = { name: "J: hook as installed (node_modules/.bin/brandlint)", cmd: path.join(consumer, "node_modules", ".bin", "brandlint"), args: [one], cwd: consumer, display: `node_modules/.bin/brandlint ${one}` };
    const direct = { name: "J: node node_modules/brandlint/bin/brandlint.js", cmd: NODE, args: [path.join("node_modules", "brandlint", "bin", "brandlint.js"), one], cwd: consumer, display: `node node_modules/brandlint/bin/brandlint.js ${one}` };
    const npx = { name: "J: npx --no-install brandlint", cmd: "npx", args: ["--no-install", "brandlint", one], cwd: consumer, display: `npx --no-install brandlint ${one}` };
    const r = compare("J: the pre-commit hook as installed vs the bin run directly", [hook, direct, npx], { runs });
    Object.assign(results, r);
    const h = r[hook.name];
    const d = r[direct.name];
    const x = r[npx.name];
    rows.push(["J", "the pre-commit hook as installed (node_modules/.bin/brandlint) ÷ node node_modules/brandlint/bin/brandlint.js", `${fmtS(h.wall)} vs ${fmtS(d.wall)}`, fmtX(h.wall / d.wall), fmtX(h.cpu / d.cpu), "≤ 1.2×", verdict(h.wall / d.wall <= 1.2)]);
    rows.push(["J", "npx --no-install brandlint ÷ the same (what the hook no longer does)", `${fmtS(x.wall)} vs ${fmtS(d.wall)}`, fmtX(x.wall / d.wall), fmtX(x.cpu / d.cpu), "— (context)", "—"]);
  }

  // K: the tone-term matcher: one campaign with many terms vs few; memory with many terms over the repository.
  if (only.has("K")) {
    const one = pickCampaigns(repo, 1)[0];
    // (The smoke run stops at 10,000 terms: 100,000 take a minute even on 30 campaigns.)
    const [few, , many, most] = smoke ? [TONE_SIZES[0], TONE_SIZES[1], TONE_SIZES[1], TONE_SIZES[2]] : TONE_SIZES;
    const alone = subRepo(repo, path.join(work, "k-repo"), [one]);
    const cmd = (n) => ({ ...run(`K: one campaign, ${n.toLocaleString("en")} terms`, lintArgs("--config", `brand.tone-${n}.json`, one)), cwd: alone });
    const r = compare(`K: one campaign with ${many.toLocaleString("en")} and ${most.toLocaleString("en")} tone terms vs ${few}`, [cmd(few), cmd(many), cmd(most)], { runs });
    Object.assign(results, r);
    const base = r[cmd(few).name];
    for (const [n, target] of [
      [many, 1.5],
      [most, 3],
    ]) {
      const x = r[cmd(n).name];
      rows.push(["K", `one campaign with ${n.toLocaleString("en")} tone terms ÷ with ${few}`, `${fmtS(x.wall)} vs ${fmtS(base.wall)}`, fmtX(x.wall / base.wall), fmtX(x.cpu / base.cpu), `≤ ${target}×`, verdict(x.wall / base.wall <= target)]);
    }
    const all = compare(`K: ${campaigns.toLocaleString("en")} campaigns × ${most.toLocaleString("en")} terms (peak RSS)`, [run(`K: ${campaigns.toLocaleString("en")} campaigns, ${most.toLocaleString("en")} terms`, lintArgs("--config", `brand.tone-${most}.json`))], { runs: 1, warmup: false });
    Object.assign(results, all);
    const k = Object.values(all)[0];
    if (k.rss !== null) rows.push(["K", `${campaigns.toLocaleString("en")} campaigns with ${most.toLocaleString("en")} terms: peak RSS`, fmtMB(k.rss), "—", "—", "< 1 GB", verdict(k.rss < 1024 * 1024)]);
  }

  // W: the default thread count against one thread, at several sizes.
  if (only.has("W")) {
    // Where the default is one thread whatever the load (below WORKER_THRESHOLD campaigns, or one
    // core), the two commands are the same run: the row says so, and its ratio is only noise.
    const { defaultThreads, WORKER_THRESHOLD } = await import(pathToFileURL(path.join(ROOT, "dist", "src", "lint.js")).href);
    const sizes = [small, campaigns, ...(values.big ? [10000] : [])].filter((n, i, a) => a.indexOf(n) === i);
    for (const n of sizes) {
      const dir = n === campaigns ? repo : n === 10000 ? path.join(work, "repo-10000") : path.join(work, `repo-${n}`);
      if (n === 10000) ensureRepo(dir, 10000, seed, ruleIds);
      else if (n !== campaigns) ensureRepo(dir, n, seed, ruleIds);
      const one = { ...run(`W: ${n.toLocaleString("en")} campaigns, --workers 1`, lintArgs("--workers", "1")), cwd: dir };
      const def = { ...run(`W: ${n.toLocaleString("en")} campaigns, default threads`, lintArgs()), cwd: dir };
      const r = compare(`W: default threads vs one, ${n.toLocaleString("en")} campaigns`, [def, one], { runs: n >= 10000 ? Math.min(runs, 2) : runs, warmup: false });
      Object.assign(results, r);
      const d = r[def.name];
      const o = r[one.name];
      const same = defaultThreads(n, os.availableParallelism(), 0) === 1;
      const why = same ? `the default is one thread below ${WORKER_THRESHOLD.toLocaleString("en")} campaigns: the same command as --workers 1` : `CPU/wall of the default: ${fmtX(d.cpu / d.wall)}`;
      rows.push(["W", `${n.toLocaleString("en")} campaigns, default threads ÷ --workers 1 (${why}; RSS ${d.rss === null ? "—" : `${fmtMB(d.rss)} vs ${fmtMB(o.rss)}`})`, `${fmtS(d.wall)} vs ${fmtS(o.wall)}`, fmtX(d.wall / o.wall), fmtX(d.cpu / o.cpu), "≤ 1.0× (never slower)", same ? (smokeRun ? "(smoke)" : "met (same command)") : verdict(d.wall / o.wall <= 1.02)]);
    }
  }

  // --big: A's peak RSS at 10,000 campaigns (one run: it is long).
  let bigStats;
  if (values.big) {
    const bigRepo = path.join(work, "repo-10000");
    bigStats = ensureRepo(bigRepo, 10000, seed, ruleIds);
    const r = compare("A at 10,000 campaigns (peak RSS)", [{ ...run("A: full lint, 10,000 campaigns", lintArgs()), cwd: bigRepo }], { runs: 1, warmup: false });
    Object.assign(results, r);
    const a = r["A: full lint, 10,000 campaigns"];
    rows.push(["A", "full lint of 10,000 campaigns: CPU / wall", `${fmtS(a.cpu)} CPU / ${fmtS(a.wall)} wall`, fmtX(a.cpu / a.wall), "—", "≥ 1.6", verdict(a.cpu / a.wall >= 1.6)]);
    if (a.rss !== null) rows.push(["A", "peak RSS, 10,000 campaigns", fmtMB(a.rss), "—", "—", "< 400 MB", verdict(a.rss < 400 * 1024)]);
  }

  // H: every rule alone on pathological texts (its own table, from bench/pathological.js).
  let pathological = "";
  if (only.has("H")) {
    log("\nH: pathological texts, every rule (node bench/pathological.js)");
    const json = path.join(work, "pathological.json");
    const r = spawnSync(NODE, [path.join(ROOT, "bench", "pathological.js"), "--json", json, ...(smoke ? ["--smoke"] : [])], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 16 << 20 });
    pathological = r.stdout;
    const worst = Math.max(0, ...[...r.stdout.matchAll(/\| (\d+(?:\.\d+)?)×/g)].map((m) => Number(m[1])));
    const hung = /∞|timed out/.test(r.stdout);
    rows.push(["H", "every rule on 31 pathological texts: worst growth per 10× text (table below)", "—", hung ? "∞ (a timeout)" : fmtX(worst), "—", "≤ 12×", verdict(!hung && worst <= 12 && r.status === 0)]);
  }

  // L: the language server (bench/lsp.js writes its own table to bench/lsp-results.md).
  if (only.has("L")) {
    log("\nL: the language server (node bench/lsp.js)");
    const json = path.join(work, "lsp.json");
    const r = spawnSync(NODE, [path.join(ROOT, "bench", "lsp.js"), "--json", json, "--work", work, "--campaigns", String(campaigns), ...(smoke ? ["--runs", "3", "--results", "-"] : [])], { encoding: "utf8", stdio: ["ignore", "inherit", "inherit"] });
    if (r.status !== 0) throw new Error(`bench/lsp.js failed with ${r.status}`);
    const l = JSON.parse(readFileSync(json, "utf8"));
    rows.push(["L", `language server: didChange → publishDiagnostics, warm, one campaign of a ${l.campaigns.toLocaleString("en")}-campaign workspace (median of ${l.runs}; send-date edits ${l.send.median.toFixed(1)} ms)`, `${l.body.median.toFixed(1)} ms`, "—", "—", "< 50 ms", verdict(l.body.median < 50)]);
  }

  const after = machine();
  const report = renderReport({ started, before, after, campaigns, runs, subset, seed, stats, bigStats, rows, results, pathological });
  process.stdout.write("\n" + report.tables + "\n");
  if (values.results !== "-" && !smoke) {
    writeResults(path.resolve(values.results), report.markdown);
    log(`\nwrote ${path.relative(process.cwd(), path.resolve(values.results))}`);
    const readme = path.join(ROOT, "README.md");
    writeFileSync(readme, withBenchTable(readFileSync(readme, "utf8"), readFileSync(path.resolve(values.results), "utf8")));
    log("updated the figures in README.md");
  }
}

let smokeRun = false;
const verdict = (ok) => (smokeRun ? "(smoke)" : ok ? "met" : "**missed**");

function renderReport({ started, before, after, campaigns, runs, subset, seed, stats, bigStats, rows, results, pathological }) {
  const ratios = table(["", "measure", "medians (wall)", "ratio", "CPU ratio", "target", ""], rows);
  const abs = table(
    ["command", "runs", "wall median (min–max)", "CPU median", "peak RSS"],
    Object.values(results).map((r) => [`${r.name}: \`${r.command}\``, r.runs, r.timedOut ? "timed out" : `${fmtS(r.wall)} (${fmtS(r.wallMin)}–${fmtS(r.wallMax)})`, r.timedOut ? "—" : fmtS(r.cpu), r.rss === null || r.timedOut ? "—" : fmtMB(r.rss)]),
  );
  const repoLine = (s, n) =>
    `${n.toLocaleString("en")} campaigns: ${s.messageMd} message.md, ${s.emailMjml} hand-written email.mjml, ${s.smsTxt} sms.txt, ${s.pushJson} push.json, ${s.campaignJson} campaign.json-only; ${s.flawed} with a deliberate flaw; ${(s.bytes / 1e6).toFixed(1)} MB of templates`;
  const markdown = `# Benchmark results

Written by \`npm run bench\` (bench/run.js) — see bench/README.md for what each figure
means. Run started ${started.toISOString()}.

## Machine

- CPU: ${before.cpu}; \`nproc\`: ${before.nproc}
- Node ${before.node} on ${before.os}
- Load average (1, 5, 15 min) at the start: ${before.load}; at the end: ${after.load}
- Timing: ${before.timer}
- \`free -h\` at the start:

\`\`\`
${before.free}
\`\`\`

## Settings

- ${repoLine(stats, campaigns)}; seed ${seed}
${bigStats ? `- --big: ${repoLine(bigStats, 10000)}\n` : ""}- ${runs} runs per command (G: ${Math.min(runs, 3)}), medians, commands compared run alternately; D and E use the first ${subset} campaigns
- Ratios are of wall-time medians (CPU ratio: of CPU-time medians); G's are net of a 1,000-character run and its verdict uses CPU time

## Ratios

${ratios}

## Absolute medians

${abs}
${pathological ? `\n## H: pathological texts, every rule alone\n\n${pathological}` : ""}`;
  return { markdown, tables: `${ratios}\n\n${abs}\n${pathological ? `\n${pathological}` : ""}` };
}

const NOTES = "<!-- notes: everything below this line is kept when bench/run.js rewrites this file -->";

export const README_START = "<!-- bench:start (written by npm run bench from bench/results.md) -->";
export const README_END = "<!-- bench:end -->";

/** README's figures: every row of results.md's ratio table, with when and at what load it ran. */
export function readmeBenchBlock(results) {
  const ratios = results.split("\n## Ratios\n")[1]?.split("\n## ")[0] ?? "";
  const rows = ratios.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("|  | measure"));
  const started = /Run started ([^.\s]+)/.exec(results)?.[1] ?? "?";
  const load = /at the start: ([\d.]+, [\d.]+, [\d.]+); at the end: ([\d.]+, [\d.]+, [\d.]+)/.exec(results);
  return [
    README_START,
    `From the run of ${started}${load ? ` (load average ${load[1]} at the start, ${load[2]} at the end)` : ""}:`,
    "",
    "| | measure | medians (wall) | ratio | CPU ratio | target | |",
    "|---|---|---|---|---|---|---|",
    ...rows,
    README_END,
  ].join("\n");
}

/** README.md with its bench block replaced by the figures of `results`. */
export function withBenchTable(readme, results) {
  const a = readme.indexOf(README_START);
  const b = readme.indexOf(README_END);
  if (a < 0 || b < a) throw new Error(`README.md has no ${README_START} … ${README_END} block`);
  return readme.slice(0, a) + readmeBenchBlock(results) + readme.slice(b + README_END.length);
}

/** Writes results.md, keeping the hand-written notes section of the previous file. */
function writeResults(file, markdown) {
  let notes = "";
  if (existsSync(file) && statSync(file).isFile()) {
    const old = readFileSync(file, "utf8");
    const i = old.indexOf(NOTES);
    if (i >= 0) notes = old.slice(i + NOTES.length);
  }
  writeFileSync(file, `${markdown}\n## Notes\n\n${NOTES}${notes || "\n"}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === SELF) main().catch((e) => {
  process.stderr.write(`bench: ${e.stack ?? e}\n`);
  process.exitCode = 1;
});
