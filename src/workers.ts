/**
 * Linting campaigns on several threads. This thread lints too: it takes campaigns one at
 * a time from a shared queue while worker threads start up and then ask for batches, so
 * a worker that is still loading (module, config, rules, matchers) costs nothing but a
 * core, and the last campaigns are shared out in small batches so no thread idles at the
 * end. Each worker loads the config and rules once and returns findings in the cache's
 * serialized form with the reads they depend on. Which thread lints a campaign depends on
 * timing, what it finds does not: the caller puts results back in folder order. Workers
 * read from the disk only (a run over unsaved buffers stays on one thread).
 */
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import type { CachedFinding } from "./cache.js";
import { diskHost } from "./config/load.js";
import type { ReadOp } from "./host/index.js";
import type { Channel } from "./types.js";

/** What a worker needs to load the project (sent once, when it starts). */
export interface WorkerJob {
  cwd: string;
  configPath: string;
  channel?: Channel;
  only?: string[];
  /** The caller keeps no text of a file without findings or suppression comments (LintOptions.keepTexts false): say which those are. */
  lean?: boolean;
  /** false: the caller keeps no cache, so the results carry no reads (see RecordingHost). */
  digests?: boolean;
}

export interface WorkerResult {
  dir: string;
  files: string[];
  reads: ReadOp[];
  findings: CachedFinding[];
  /**
   * With `lean`: the files (by index in `files`) no finding points at and no suppression
   * comment is in, with whether each starts with a BOM; the caller need not read them again.
   */
  bare?: [index: number, bom: boolean][];
}

/** Messages from a worker: ready for a batch, one campaign's result, or a failure. */
export type FromWorker = { type: "ready" } | { type: "result"; result: WorkerResult } | { type: "error"; message: string; name: string; problems?: unknown };
/** Messages to a worker: the next campaigns, or no more. */
export type ToWorker = { type: "lint"; dirs: string[] } | { type: "done" };

/** The compiled worker entry beside this module (none when running from TypeScript sources). */
export function workerScript(): URL | undefined {
  const here = import.meta.url;
  const script = here.endsWith("/brandlint.mjs") ? new URL("./brandlint-worker.mjs", here) : new URL("./worker-entry.js", here);
  return here.endsWith(".ts") || diskHost().stat(fileURLToPath(script))?.kind !== "file" ? undefined : script;
}

export interface ThreadsOptions {
  /** Threads in all, this one included (at least 2). */
  threads: number;
  job: WorkerJob;
  /** Lints one campaign on this thread (synchronous). */
  here: (dir: string) => void;
  /** A worker's result for one campaign. */
  onResult: (r: WorkerResult) => void;
  /** Lint on this thread too (default true); false leaves every campaign to the workers. */
  mainThread?: boolean;
}

/**
 * Lints `dirs` on `threads` threads. Resolves when every campaign is done; rejects with the
 * first worker's error (a config error is the same in every thread).
 */
export async function lintInThreads(dirs: readonly string[], opts: ThreadsOptions): Promise<{ here: number; workers: number[] }> {
  return startThreads(opts.threads, opts.job, opts.mainThread).run(dirs, opts.here, opts.onResult);
}

/** Worker threads started ahead of the work (they load while this thread does something else), then given it with `run`. */
export interface Threads {
  run(dirs: readonly string[], here: (dir: string) => void, onResult: (r: WorkerResult) => void): Promise<{ here: number; workers: number[] }>;
  /** Stops the workers without running (the run failed before). */
  stop(): void;
}

/** Starts the workers of a run on `threads` threads (this one included unless mainThread is false). */
export function startThreads(threads: number, job: WorkerJob, mainThread = true): Threads {
  // Loaded here, not at start-up: most runs start no thread.
  const { Worker } = createRequire(import.meta.url)("node:worker_threads") as typeof import("node:worker_threads");
  const script = workerScript();
  if (!script) throw new Error("worker script not found (run npm run build)");
  const count = mainThread ? threads - 1 : threads;
  let dirs: readonly string[] | undefined;
  let onResult: ((r: WorkerResult) => void) | undefined;
  let next = 0;
  /** A batch for a worker: about a quarter of each thread's share of what is left, at most 32. */
  const take = (): string[] => {
    const left = dirs!.length - next;
    const n = Math.max(1, Math.min(32, Math.floor(left / (threads * 4))));
    const batch = dirs!.slice(next, next + n);
    next += batch.length;
    return batch;
  };
  const done: number[] = new Array<number>(count).fill(0);
  let failed: Error | undefined;
  const workers = Array.from({ length: count }, (_, i) => {
    const w = new Worker(script, { workerData: job satisfies WorkerJob });
    let busy = false;
    /** Ready before the work was given: it gets its first batch when run starts. */
    let waiting = false;
    const send = () => {
      if (!dirs) {
        waiting = true;
        return;
      }
      waiting = false;
      const batch = failed ? [] : take();
      busy = batch.length > 0;
      w.postMessage((busy ? { type: "lint", dirs: batch } : { type: "done" }) satisfies ToWorker);
    };
    const finished = new Promise<void>((resolve, reject) => {
      w.on("message", (m: FromWorker) => {
        if (m.type === "ready") send();
        else if (m.type === "result") {
          done[i]!++;
          onResult!(m.result);
        } else {
          failed ??= Object.assign(new Error(m.message), { name: m.name, problems: m.problems });
          reject(failed);
        }
      });
      w.on("error", (e) => {
        failed ??= e;
        reject(e);
      });
      w.on("exit", (code) => (code === 0 || !busy ? resolve() : reject(failed ?? new Error(`a lint worker stopped with code ${code}`))));
    });
    // Not awaited until run: a worker failing before then must not be an unhandled rejection.
    finished.catch(() => undefined);
    return { w, finished, idle: () => !busy, start: () => waiting && send() };
  });
  const stop = () => {
    for (const x of workers) void x.w.terminate();
  };
  return {
    stop,
    async run(list, here, result) {
      dirs = list;
      onResult = result;
      for (const x of workers) x.start();
      let mine = 0;
      try {
        if (mainThread)
          while (next < list.length && !failed) {
            here(list[next++]!);
            mine++;
            // Let workers' messages in (a batch request, a result) between campaigns.
            await new Promise<void>((r) => setImmediate(r));
          }
        // When this thread has emptied the queue, a worker still starting up is not waited for.
        if (next >= list.length) for (const x of workers) if (x.idle()) void x.w.terminate();
        await Promise.all(workers.map((x) => x.finished));
      } finally {
        stop();
      }
      if (failed) throw failed;
      return { here: mine, workers: done };
    },
  };
}
