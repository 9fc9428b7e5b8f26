/** A lint worker thread: loads the project once, then lints the batches of campaign folders it is sent. */
import { isMainThread, parentPort, workerData, type MessagePort } from "node:worker_threads";
import { serialize } from "./cache.js";
import { loadCampaign } from "./campaign/load.js";
import { diskHost } from "./config/load.js";
import { SettingsResolver } from "./config/settings.js";
import { runRules } from "./engine/linter.js";
import { mayHoldDirectives } from "./engine/suppress.js";
import { RecordingHost } from "./host/index.js";
import { renderCampaign } from "./render/variants.js";
import { loadProject } from "./setup.js";
import type { FromWorker, ToWorker, WorkerJob, WorkerResult } from "./workers.js";

/** Loads the project for `job`; returns the function that lints one campaign folder. */
export async function workerLinter(job: WorkerJob): Promise<(dir: string) => WorkerResult> {
  const host = new RecordingHost(diskHost(), { digests: job.digests !== false });
  const { rules, config: loaded } = await loadProject({ cwd: job.cwd, configPath: job.configPath, host });
  const config = { ...loaded, host };
  const local = rules.filter((r) => r.meta.scope !== "project" && (!job.only || job.only.includes(r.meta.id)));
  const settings = new SettingsResolver(config);
  return (dir) => {
    const { value, reads } = host.record(() => {
      const c = loadCampaign(dir, config.data, host, { root: config.dir });
      c.variants = renderCampaign(c, config);
      const findings = runRules({ rules: local, settings, channel: job.channel, campaigns: [c] });
      const pointed = new Set(findings.map((f) => f.file.path));
      const bare = job.lean ? c.files.flatMap((f, i) => (pointed.has(f.path) || mayHoldDirectives(f) ? [] : [[i, f.bom] as [number, boolean]])) : undefined;
      return { files: c.files.map((f) => f.path), findings, bare };
    });
    return { dir, files: value.files, reads, findings: value.findings.map(serialize), ...(value.bare ? { bare: value.bare } : {}) };
  };
}

export async function runWorker(job: WorkerJob, port: Pick<MessagePort, "postMessage" | "on" | "close">): Promise<void> {
  const post = (m: FromWorker) => port.postMessage(m);
  const fail = (e: unknown) => {
    const err = e as Error & { problems?: unknown };
    post({ type: "error", message: err.message, name: err.name, problems: err.problems });
  };
  try {
    const lintOne = await workerLinter(job);
    port.on("message", (m: ToWorker) => {
      if (m.type === "done") return port.close();
      try {
        for (const dir of m.dirs) post({ type: "result", result: lintOne(dir) });
        post({ type: "ready" });
      } catch (e) {
        fail(e);
      }
    });
    post({ type: "ready" });
  } catch (e) {
    fail(e);
  }
}

if (!isMainThread && parentPort && (workerData as { configPath?: unknown } | undefined)?.configPath) await runWorker(workerData as WorkerJob, parentPort);
