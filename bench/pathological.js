#!/usr/bin/env node
/**
 * Pathological text: every rule, alone, on texts made of one token repeated (the 26
 * simple patterns of issue 17 as sms.txt, and the Markdown ones as message.md) at
 * 10 KB, 100 KB and 1 MB. Prints, per rule, the growth of the lint time from 10 KB to
 * 100 KB and from 100 KB to 1 MB (net of a 100-character run of the same rule): linear
 * is ≈ 10×; the target is at most 12×.
 *
 *   node bench/pathological.js                 full run (needs `npm run build`)
 *   node bench/pathological.js --smoke         1 KB and 10 KB, all rules at once (CI)
 *   options: --rules a,b  --patterns 0,3  --timeout S (per measurement; 30, smoke 20)
 *            --sizes 10000,100000 (characters; default 10 KB, 100 KB, 1 MB)
 *            --json FILE (write the measurements)  --strict (exit 1 when a rule grows > 12×)
 *            --repeat N (lint each size N times and keep the fastest: on a loaded machine)
 *            --from A.json,B.json (print the table of earlier --json runs; a later file's
 *            measurement of a rule and pattern replaces an earlier one's)
 *
 * Each rule runs in a child process that lints one size after the other and reports
 * each time as it goes; a measurement that takes longer than --timeout is reported as
 * such, the child is killed and restarted at the next pattern. When a size, grown
 * linearly to the next, would take more than 1.5 × the timeout, the next is skipped.
 * Exit 1 when a lint threw or a rule crashed (an internal-error finding).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SELF = fileURLToPath(import.meta.url);

/** The repeated tokens: issue 17's simple SMS texts, and Markdown nesting in message.md. */
export const PATTERNS = [
  { token: "20% ", file: "sms.txt" },
  { token: "٢٠٪ ", file: "sms.txt" },
  { token: "20%", file: "sms.txt" },
  { token: ">", file: "sms.txt" },
  { token: "[", file: "sms.txt" },
  { token: "{{x}}", file: "sms.txt" },
  { token: "- ", file: "sms.txt" },
  { token: "\u200f", file: "sms.txt" },
  { token: "5\u200f", file: "sms.txt" },
  { token: "x", file: "sms.txt" },
  { token: "*a ", file: "sms.txt" },
  { token: "www.lumen.example/LUMEN ", file: "sms.txt" },
  { token: "https://lumen.example/", file: "sms.txt" },
  { token: "/", file: "sms.txt" },
  { token: " ", file: "sms.txt" },
  { token: "e-mail’s ", file: "sms.txt" },
  { token: "SPRING20 ", file: "sms.txt" },
  { token: "2026-03-01 ", file: "sms.txt" },
  { token: "1.3.2026 ", file: "sms.txt" },
  { token: "Reply STOP ", file: "sms.txt" },
  { token: "👩‍👩‍👧", file: "sms.txt" },
  { token: "e\u0301", file: "sms.txt" },
  { token: "&amp;", file: "sms.txt" },
  { token: "\r\n", file: "sms.txt" },
  { token: "<b>", file: "sms.txt" },
  { token: "cheap LUMEN ", file: "sms.txt" },
  { token: ">", file: "message.md" },
  { token: "- ", file: "message.md" },
  { token: "[a](", file: "message.md" },
  { token: "*a ", file: "message.md" },
  { token: "  \n", file: "message.md" },
];

const CONFIG = {
  brand: { name: "Lumen", address: "Lumen Outdoor Ltd., 12 Harbour Row, Bristol", unsubscribeUrl: "https://lumen.example/unsubscribe" },
  tone: { banned: [{ term: "cheap" }], terms: [{ use: "email", instead: ["e-mail"] }] },
  offers: [{ code: "SPRING20", discount: "20%", starts: "2026-03-01", ends: "2026-03-31" }],
  channels: { sms: { requireOptOut: true, optOut: "Reply STOP to opt out" } },
  variables: { x: { sample: "Ana", maxLength: 20 } },
};

const show = (t) => JSON.stringify(t).slice(1, -1);
const label = (p) => `${p.file === "message.md" ? "md " : ""}“${show(p.token)}”`;

// ---------------------------------------------------------------------------
// Child: node bench/pathological.js --child <rule|*> <first pattern> <sizes> <patterns>

async function child(rule, first, sizes, picked) {
  const { lint } = await import(pathToFileURL(path.join(ROOT, "dist", "src", "lint.js")).href);
  const dir = mkdtempSync(path.join(os.tmpdir(), "brandlint-patho-"));
  const only = rule === "*" ? undefined : [rule];
  const timeoutMs = Number(process.env.PATHO_TIMEOUT_MS);
  const repeat = Math.max(1, Number(process.env.PATHO_REPEAT) || 1);
  try {
    writeFileSync(path.join(dir, "brand.config.json"), JSON.stringify(CONFIG));
    const campaign = path.join(dir, "templates", "c");
    // The fastest of `repeat` runs: other processes only ever make a run slower.
    const fastest = async (p, size) => {
      let best;
      for (let k = 0; k < repeat; k++) {
        const m = await once(p, size);
        if (!best || m.ms < best.ms) best = m;
      }
      return best;
    };
    const once = async (p, size) => {
      rmSync(campaign, { recursive: true, force: true });
      mkdirSync(campaign, { recursive: true });
      const text = p.token.repeat(Math.ceil(size / Buffer.byteLength(p.token)));
      writeFileSync(path.join(campaign, p.file), p.file === "message.md" ? `---\nchannels: [email, sms, push, whatsapp, social]\n---\n${text}\n` : text);
      // The garbage of the run before is collected first: each measurement pays for its own.
      globalThis.gc?.();
      const t0 = process.hrtime.bigint();
      const r = await lint({ cwd: dir, workers: 1, ...(only ? { only } : {}) });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const internal = r.results.flatMap((x) => x.messages ?? []).filter((m) => m.ruleId === "internal-error").map((m) => m.message);
      return { ms, internal };
    };
    await once(PATTERNS[0], 100); // warm-up: modules load on first use
    for (const i of picked.filter((j) => j >= first)) {
      const p = PATTERNS[i];
      const base = await fastest(p, 100);
      process.stdout.write(JSON.stringify({ i, size: 0, ms: base.ms }) + "\n");
      for (const [k, size] of sizes.entries()) {
        let m;
        try {
          m = await fastest(p, size);
        } catch (e) {
          process.stdout.write(JSON.stringify({ i, size, threw: String(e?.message ?? e).split("\n")[0] }) + "\n");
          break;
        }
        process.stdout.write(JSON.stringify({ i, size, ms: m.ms, internal: m.internal }) + "\n");
        if (k < sizes.length - 1 && m.ms * (sizes[k + 1] / size) > timeoutMs * 1.5) {
          process.stdout.write(JSON.stringify({ i, size: sizes[k + 1], skipped: true }) + "\n");
          break;
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------
// Parent

function runChild(rule, first, sizes, picked, timeoutMs, repeat, onLine) {
  return new Promise((resolve) => {
    const c = spawn(process.execPath, ["--expose-gc", SELF, "--child", rule, String(first), sizes.join(","), picked.join(",")], {
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, PATHO_TIMEOUT_MS: String(timeoutMs), PATHO_REPEAT: String(repeat) },
    });
    let buf = "";
    let last;
    let timer;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => c.kill("SIGKILL"), timeoutMs);
    };
    arm();
    c.stdout.on("data", (b) => {
      buf += b.toString();
      for (let nl = buf.indexOf("\n"); nl >= 0; nl = buf.indexOf("\n")) {
        const line = JSON.parse(buf.slice(0, nl));
        buf = buf.slice(nl + 1);
        last = line;
        onLine(line);
        arm();
      }
    });
    c.on("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ killed: signal === "SIGKILL", code, last });
    });
  });
}

async function main() {
  const { values } = parseArgs({
    options: {
      child: { type: "boolean" },
      smoke: { type: "boolean" },
      rules: { type: "string" },
      patterns: { type: "string" },
      timeout: { type: "string" },
      sizes: { type: "string" },
      json: { type: "string" },
      strict: { type: "boolean" },
      from: { type: "string" },
      repeat: { type: "string" },
    },
    allowPositionals: true,
    strict: false,
  });
  if (values.child) {
    const [rule, first, sizes, picked] = process.argv.slice(process.argv.indexOf("--child") + 1);
    await child(rule, Number(first), sizes.split(",").map(Number), picked.split(",").map(Number));
    return;
  }
  if (values.from) {
    // Re-print the table of earlier --json files (several: one table for all their rules).
    const all = values.from.split(",").map((f) => JSON.parse(readFileSync(f, "utf8")));
    const merged = {};
    for (const j of all) for (const [rule, byPattern] of Object.entries(j.results)) Object.assign((merged[rule] ??= {}), byPattern);
    process.stdout.write(report(merged, all[0].sizes));
    return;
  }
  if (!existsSync(path.join(ROOT, "dist", "src", "lint.js"))) throw new Error("dist/ is missing: run `npm run build` first");
  const sizes = values.sizes ? values.sizes.split(",").map(Number) : values.smoke ? [1_000, 10_000] : [10_000, 100_000, 1_000_000];
  const timeoutMs = Number(values.timeout ?? (values.smoke ? 20 : 30)) * 1000;
  const { ruleIds } = await import(pathToFileURL(path.join(ROOT, "dist", "src", "rules-index.js")).href);
  const rules = values.smoke ? ["*"] : values.rules ? values.rules.split(",") : ruleIds();
  const picked = values.patterns ? values.patterns.split(",").map(Number) : PATTERNS.map((_, i) => i);
  const repeat = Math.max(1, Number(values.repeat ?? 1));
  /** results[rule][pattern][size] = ms | "timeout" | "skipped" | "threw: …" */
  const results = {};
  const problems = [];
  for (const rule of rules) {
    const byPattern = (results[rule] = {});
    let first = 0;
    while (first <= Math.max(...picked)) {
      let current;
      const r = await runChild(rule, first, sizes, picked, timeoutMs, repeat, (line) => {
        current = line;
        const row = (byPattern[line.i] ??= {});
        if (line.skipped) row[line.size] = "skipped";
        else if (line.threw) {
          row[line.size] = `threw`;
          problems.push(`${rule} on ${label(PATTERNS[line.i])} × ${line.size}: threw ${line.threw}`);
        } else {
          row[line.size] = line.ms;
          for (const m of line.internal ?? []) problems.push(`${rule} on ${label(PATTERNS[line.i])} × ${line.size}: ${m}`);
        }
      });
      if (!r.killed) {
        if (r.code !== 0) problems.push(`${rule}: the child process exited with ${r.code}`);
        break;
      }
      // The measurement after the last one reported timed out.
      const i = current?.i ?? picked.find((j) => j >= first);
      const row = (byPattern[i] ??= {});
      const next = current && current.i === i ? sizes.find((s) => row[s] === undefined) : sizes[0];
      if (next !== undefined) row[next] = "timeout";
      first = (picked.find((j) => j > i) ?? Infinity);
    }
    process.stderr.write(`${rule === "*" ? "all rules" : rule}: done\n`);
  }
  const table = report(results, sizes);
  process.stdout.write(table);
  if (values.json) writeFileSync(values.json, JSON.stringify({ sizes, repeat, load: os.loadavg(), patterns: PATTERNS, results }, null, 1));
  for (const p of problems) process.stdout.write(`problem: ${p}\n`);
  const over = Object.values(growth(results, sizes)).some((g) => g.some((x) => x.ratio === Infinity || x.ratio > 12));
  if (problems.length || (values.strict && over)) process.exitCode = 1;
}

const NOISE_MS = 20;

/** Per rule, per step (10 KB → 100 KB, 100 KB → 1 MB): the worst ratio and its pattern. */
function growth(results, sizes) {
  const out = {};
  for (const [rule, byPattern] of Object.entries(results)) {
    out[rule] = sizes.slice(1).map((size, k) => {
      let worst = { ratio: 0, pattern: undefined };
      for (const [i, row] of Object.entries(byPattern)) {
        const a = row[sizes[k]];
        const b = row[size];
        const base = typeof row[0] === "number" ? row[0] : 0;
        let ratio;
        // Net times under NOISE_MS are timer and scheduling noise: they count as NOISE_MS.
        if (typeof a === "number" && typeof b === "number") ratio = Math.max(b - base, NOISE_MS) / Math.max(a - base, NOISE_MS);
        else if (typeof a === "number" && (b === "timeout" || b === "skipped")) ratio = Infinity;
        else continue;
        if (ratio > worst.ratio) worst = { ratio, pattern: Number(i), a, b };
      }
      return worst;
    });
  }
  return out;
}

/** For a rule with no ratio at a step: the patterns that timed out at its first size. */
function firstTimeout(byPattern, size) {
  const hung = Object.entries(byPattern).filter(([, row]) => row[size] === "timeout" || row[size] === "skipped").map(([i]) => label(PATTERNS[Number(i)]));
  return hung.length ? `✗ timed out at ${kb(size)}: ${hung.join(", ")}` : "—";
}

const kb = (n) => (n >= 1_000_000 ? `${n / 1_000_000} MB` : `${n / 1000} KB`);
const fmt = (v) => (typeof v === "number" ? (v >= 1000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`) : v ?? "—");

function report(results, sizes) {
  const g = growth(results, sizes);
  const steps = sizes.slice(1).map((s, k) => `${kb(sizes[k])} → ${kb(s)}`);
  let md = `| rule | ${steps.map((s) => `worst growth ${s} (pattern)`).join(" | ")} |\n|---|${steps.map(() => "---").join("|")}|\n`;
  for (const [rule, w] of Object.entries(g)) {
    const cells = w.map((x, k) => (x.pattern === undefined ? firstTimeout(results[rule], sizes[k]) : `${x.ratio === Infinity ? "∞ (timed out or skipped)" : `${x.ratio.toFixed(1)}×`}${x.ratio > 12 ? " ✗" : ""} ${label(PATTERNS[x.pattern])} (${fmt(x.a)} → ${fmt(x.b)})`));
    md += `| ${rule === "*" ? "all rules" : rule} | ${cells.join(" | ")} |\n`;
  }
  md += `\nRatios are net of a 100-character run of the same rule and pattern (net times under ${NOISE_MS} ms count as ${NOISE_MS} ms); linear is ≈ 10×.\n`;
  return md;
}

main().catch((e) => {
  process.stderr.write(`pathological: ${e.stack ?? e}\n`);
  process.exitCode = 1;
});
