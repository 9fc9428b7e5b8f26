#!/usr/bin/env node
/**
 * The language server's latency (`npm run bench` runs it after bench/run.js): the time
 * from a didChange to the publishDiagnostics for that version, on a warm server
 * (`brandlint lsp --stdio`, debounce 0 so the lint itself is measured), for one
 * example campaign (templates/spring-sale of this repository) and for one campaign of
 * a 1,000-campaign workspace (bench/generate.js), median of --runs edits: edits of the
 * body (the campaign's own rules; project findings kept) and of the send date (the
 * project rules again, over every campaign's metadata); and the server's resident
 * memory with the 1,000 campaigns indexed.
 *
 * Options: --runs N (21) --campaigns N (1000) --work DIR (bench/.work)
 * --results FILE (bench/lsp-results.md; "-" to write nothing) --json FILE (the figures, for bench/run.js).
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BIN = path.join(ROOT, "bin", "brandlint.js");
const { values } = parseArgs({ options: { runs: { type: "string", default: "21" }, campaigns: { type: "string", default: "1000" }, work: { type: "string", default: path.join(ROOT, "bench", ".work") }, results: { type: "string", default: path.join(ROOT, "bench", "lsp-results.md") }, json: { type: "string" } } });
const RUNS = Number(values.runs);
const COUNT = Number(values.campaigns);

/** Resident and peak memory of a process (Linux /proc), in MB. */
function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? NaN);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Edit i of a run: a word added to or removed from the body, or (meta) the send date moved by a day. */
function edit(text, i, meta) {
  if (!meta) return i % 2 ? text : text + "\nMore tents.\n";
  return i % 2 ? text : text.replace(/^send: (\d{4}-\d{2})-(\d{2})/m, (_, ym, d) => `send: ${ym}-${String((Number(d) % 28) + 1).padStart(2, "0")}`);
}

async function measure(rootDir, file, meta = false) {
  const child = spawn(process.execPath, [BIN, "lsp", "--stdio"], { cwd: rootDir, stdio: ["pipe", "pipe", "inherit"] });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const uri = pathToFileURL(file).href;
  const waiting = new Map();
  conn.onNotification("textDocument/publishDiagnostics", (p) => {
    if (p.uri !== uri) return;
    const w = waiting.get(p.version);
    if (w) {
      waiting.delete(p.version);
      w(performance.now());
    }
  });
  conn.onRequest(() => null);
  conn.listen();
  await conn.sendRequest("initialize", { processId: process.pid, rootUri: pathToFileURL(rootDir).href, capabilities: {}, initializationOptions: { debounce: 0 } });
  await conn.sendNotification("initialized", {});
  const text = readFileSync(file, "utf8");
  const published = (version) => new Promise((resolve) => waiting.set(version, resolve));
  const opened = published(1);
  await conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "markdown", version: 1, text } });
  await opened;
  const times = [];
  if (meta && edit(text, 0, true) === text) throw new Error(`${file} has no send: line to edit`);
  // Two warm-up edits, then the measured ones.
  for (let i = 0; i < RUNS + 2; i++) {
    const version = i + 2;
    const next = published(version);
    const t0 = performance.now();
    await conn.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ text: edit(text, i, meta) }] });
    const t1 = await next;
    if (i >= 2) times.push(t1 - t0);
  }
  const mem = memory(child.pid);
  await conn.sendRequest("shutdown");
  await conn.sendNotification("exit");
  await new Promise((r) => child.on("exit", r));
  conn.dispose();
  return { median: median(times), min: Math.min(...times), max: Math.max(...times), ...mem };
}

const example = path.join(ROOT, "templates", "spring-sale", "message.md");
const repo = path.join(values.work, `repo-${COUNT}`);
if (!existsSync(path.join(repo, "brand.config.json"))) execFileSync(process.execPath, [path.join(ROOT, "bench", "generate.js"), "--out", repo, "--campaigns", String(COUNT)], { stdio: "inherit" });
const dirs = readdirSync(path.join(repo, "templates")).sort();
const campaign = dirs.map((d) => path.join(repo, "templates", d, "message.md")).find((f) => existsSync(f));
if (!campaign) throw new Error(`no message.md in ${repo}/templates`);

const a = await measure(ROOT, example);
const b = await measure(repo, campaign);
const c = await measure(repo, campaign, true);
const f = (x) => x.toFixed(1);
const table = [
  `| didChange → publishDiagnostics (warm, debounce 0) | median | min | max | server RSS | peak RSS |`,
  `|---|---|---|---|---|---|`,
  `| one example campaign (templates/spring-sale) | ${f(a.median)} ms | ${f(a.min)} ms | ${f(a.max)} ms | ${f(a.rss)} MB | ${f(a.peak)} MB |`,
  `| one campaign of a ${COUNT}-campaign workspace, body edits | ${f(b.median)} ms | ${f(b.min)} ms | ${f(b.max)} ms | ${f(b.rss)} MB | ${f(b.peak)} MB |`,
  `| the same, send-date edits (project rules over all ${dirs.length} campaigns' metadata) | ${f(c.median)} ms | ${f(c.min)} ms | ${f(c.max)} ms | ${f(c.rss)} MB | ${f(c.peak)} MB |`,
].join("\n");
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}, load average ${os.loadavg().map((x) => x.toFixed(2)).join(" ")} at the end; ${RUNS} edits each; target < 50 ms median`;
console.log(`\nLanguage server\n\n${table}\n\n${machine}\n`);
if (values.results !== "-") writeFileSync(values.results, `# Language server latency (bench/lsp.js)\n\n${table}\n\n${machine}. Add the debounce (150 ms by default) for what a typist sees.\n`);
if (values.json) writeFileSync(values.json, JSON.stringify({ example: a, body: b, send: c, campaigns: dirs.length, runs: RUNS, load: os.loadavg() }));
