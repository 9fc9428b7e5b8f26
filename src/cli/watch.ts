/** `--watch`: lint, then lint again whenever a template or the config changes. */
import { watch as fsWatch, type FSWatcher } from "node:fs";
import path from "node:path";
import type { LintOptions } from "../lint.js";
import { findConfig } from "../config/load.js";
import type { Io } from "./main.js";

export async function watch(options: LintOptions, io: Io, run: () => Promise<number>, signal?: AbortSignal): Promise<number> {
  const cwd = options.cwd ?? process.cwd();
  const roots = (options.paths?.length ? options.paths : ["templates"]).map((p) => path.resolve(cwd, p.replace(/[*?{[].*$/, "")) || cwd);
  const config = options.configPath ? path.resolve(cwd, options.configPath) : findConfig(cwd);
  let code = await safeRun(run, io);
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const trigger = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        io.stderr(`\nbrandlint: change detected, linting again\n`);
        code = await safeRun(run, io);
      });
    }, 150);
  };
  const watchers: FSWatcher[] = [];
  for (const r of roots) {
    try {
      watchers.push(fsWatch(r, { recursive: true }, trigger));
    } catch {
      // a file path or a missing folder: watch its parent
      try {
        watchers.push(fsWatch(path.dirname(r), trigger));
      } catch {
        /* nothing to watch */
      }
    }
  }
  if (config) watchers.push(fsWatch(config, trigger));
  // Said only once the watchers are in place, so a change made after this line is seen.
  io.stderr(`brandlint: watching ${roots.map((r) => path.relative(cwd, r) || ".").join(", ")} for changes (Ctrl+C to stop)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    signal?.addEventListener("abort", stop, { once: true });
  });
  clearTimeout(timer);
  for (const w of watchers) w.close();
  await running;
  return code;
}

async function safeRun(run: () => Promise<number>, io: Io): Promise<number> {
  try {
    return await run();
  } catch (e) {
    // A bad config mid-watch is reported and the watch goes on.
    io.stderr(`brandlint: ${(e as Error).message}\n`);
    return 2;
  }
}
