/**
 * `--watch`: lint, then lint again whenever a template or the config changes.
 *
 * Folders are watched, never single files: editors and `git checkout` save by writing a
 * new file and renaming it over the old one, and a watcher on the old file would go deaf
 * after the first save. A folder watcher sees every such rename; for a file (the config,
 * or a file named on the command line) its folder is watched and events are filtered by
 * name.
 */
import { watch as fsWatch, statSync, type FSWatcher } from "node:fs";
import path from "node:path";
import type { LintOptions } from "../lint.js";
import { findConfig } from "../config/load.js";
import type { Io } from "./main.js";

interface Target {
  /** The folder watched. */
  dir: string;
  recursive: boolean;
  /** Only events for this name (a watched file), else every event. */
  name?: string;
}

function targetFor(p: string): Target | undefined {
  try {
    if (statSync(p).isDirectory()) return { dir: p, recursive: true };
    return { dir: path.dirname(p), recursive: false, name: path.basename(p) };
  } catch {
    // Missing (a glob's base that does not exist yet): watch the nearest folder that does.
    const parent = path.dirname(p);
    return parent === p ? undefined : targetFor(parent);
  }
}

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
  const targets = [...roots, ...(config ? [config] : [])].map(targetFor).filter((t): t is Target => !!t);
  const watchers: FSWatcher[] = [];
  // One watcher per folder: a file's folder that is also watched whole needs no second one.
  const byDir = new Map<string, Target[]>();
  for (const t of targets) byDir.set(t.dir, [...(byDir.get(t.dir) ?? []), t]);
  for (const [dir, ts] of byDir) {
    const recursive = ts.some((t) => t.recursive);
    const names = recursive || ts.some((t) => !t.name) ? undefined : new Set(ts.map((t) => t.name!));
    try {
      const w = fsWatch(dir, { recursive }, (_event, filename) => {
        // No name given (some platforms): cannot filter, so lint again.
        if (!names || !filename || names.has(path.basename(filename.toString()))) trigger();
      });
      w.on("error", () => {
        /* the folder went away; the other watchers go on */
      });
      watchers.push(w);
    } catch {
      /* nothing to watch there */
    }
  }
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
