/** A lint worker thread: lints its share of campaign folders and posts each result. */
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { serialize } from "./cache.js";
import { loadCampaign } from "./campaign/load.js";
import { diskHost } from "./config/load.js";
import { SettingsResolver } from "./config/settings.js";
import { runRules } from "./engine/linter.js";
import { RecordingHost } from "./host/index.js";
import { renderCampaign } from "./render/variants.js";
import { loadProject } from "./setup.js";
import type { WorkerJob } from "./workers.js";

export async function runWorker(job: WorkerJob, post: (m: unknown) => void): Promise<void> {
  try {
    const host = new RecordingHost(diskHost());
    const { rules, config: loaded } = await loadProject({ cwd: job.cwd, configPath: job.configPath, host });
    const config = { ...loaded, host };
    const local = rules.filter((r) => r.meta.scope !== "project" && (!job.only || job.only.includes(r.meta.id)));
    const settings = new SettingsResolver(config);
    for (const dir of job.dirs) {
      const { value, reads } = host.record(() => {
        const c = loadCampaign(dir, config.data, host, { root: config.dir });
        c.variants = renderCampaign(c, config);
        return { files: c.files.map((f) => f.path), findings: runRules({ rules: local, settings, channel: job.channel, campaigns: [c] }) };
      });
      post({ type: "result", result: { dir, files: value.files, reads, findings: value.findings.map(serialize) } });
    }
  } catch (e) {
    const err = e as Error & { problems?: unknown };
    post({ type: "error", message: err.message, name: err.name, problems: err.problems });
  }
}

if (!isMainThread && parentPort && (workerData as { dirs?: unknown } | undefined)?.dirs) {
  const port = parentPort;
  await runWorker(workerData as WorkerJob, (m) => port.postMessage(m));
}
