/**
 * Linting campaigns on worker threads: each worker loads the config and rules once and
 * lints a share of the campaign folders, returning findings in the cache's serialized
 * form with the reads they depend on. Campaigns are dealt round-robin after sorting, so
 * results do not depend on timing; findings are returned in folder order. Workers read
 * from the disk only (a run over unsaved buffers stays on one thread).
 */
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import type { CachedFinding } from "./cache.js";
import { diskHost } from "./config/load.js";
import type { ReadOp } from "./host/index.js";
import type { Channel } from "./types.js";

export interface WorkerJob {
  cwd: string;
  configPath: string;
  channel?: Channel;
  only?: string[];
  dirs: string[];
}

export interface WorkerResult {
  dir: string;
  files: string[];
  reads: ReadOp[];
  findings: CachedFinding[];
}

/** The compiled worker entry beside this module (none when running from TypeScript sources). */
export function workerScript(): URL | undefined {
  const here = import.meta.url;
  const script = here.endsWith("/brandlint.mjs") ? new URL("./brandlint-worker.mjs", here) : new URL("./worker-entry.js", here);
  return here.endsWith(".ts") || diskHost().stat(fileURLToPath(script))?.kind !== "file" ? undefined : script;
}

export async function lintInWorkers(dirs: readonly string[], count: number, job: Omit<WorkerJob, "dirs">, onProgress: () => void): Promise<WorkerResult[]> {
  // Loaded here, not at start-up: most runs start no thread.
  const { Worker } = createRequire(import.meta.url)("node:worker_threads") as typeof import("node:worker_threads");
  const script = workerScript();
  if (!script) throw new Error("worker script not found (run npm run build)");
  const shares: string[][] = Array.from({ length: count }, () => []);
  dirs.forEach((d, i) => shares[i % count]!.push(d));
  const byDir = new Map<string, WorkerResult>();
  await Promise.all(
    shares.map(
      (share) =>
        new Promise<void>((resolve, reject) => {
          if (!share.length) return resolve();
          const w = new Worker(script, { workerData: { ...job, dirs: share } satisfies WorkerJob });
          w.on("message", (m: { type: "result"; result: WorkerResult } | { type: "error"; message: string; name: string; problems?: unknown }) => {
            if (m.type === "result") {
              byDir.set(m.result.dir, m.result);
              onProgress();
            } else reject(Object.assign(new Error(m.message), { name: m.name, problems: m.problems }));
          });
          w.on("error", reject);
          w.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`a lint worker stopped with code ${code}`))));
        }),
    ),
  );
  return dirs.map((d) => byDir.get(d)!).filter(Boolean);
}
