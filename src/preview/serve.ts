/**
 * `brandlint preview --serve`: the preview on http://127.0.0.1:<port>/ (never on other
 * interfaces), rebuilt whenever a template or the config changes. Open pages reload
 * through Server-Sent Events; the server is node:http and nothing else.
 */
import { watch as fsWatch, type FSWatcher } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { findConfig } from "../config/load.js";
import { buildPreview, type PreviewOptions, type PreviewResult } from "./build.js";

export interface ServeOptions extends Omit<PreviewOptions, "live"> {
  /** Port on 127.0.0.1; 0 picks a free one. */
  port: number;
}

export interface PreviewServer {
  /** The index page, e.g. http://127.0.0.1:4173/ */
  url: string;
  /** The last successful build. */
  result: PreviewResult;
  /** Resolves after the next rebuild (successful or not) has been announced to the pages. */
  nextBuild(): Promise<void>;
  close(): Promise<void>;
}

/** The port is taken or cannot be used. */
export class ServeError extends Error {}

export const EVENTS_PATH = "/__brandlint/events";
const HOST = "127.0.0.1";
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
};

/** Folders and files to watch: the campaign paths (globs cut at their first wildcard) and the config. */
function watchTargets(options: ServeOptions): { roots: string[]; config: string | undefined } {
  const cwd = path.resolve(options.cwd);
  const roots = (options.paths?.length ? options.paths : ["templates"]).map((p) => path.resolve(cwd, p.replace(/[*?{[].*$/, "") || "."));
  const config = options.configPath ? path.resolve(cwd, options.configPath) : findConfig(cwd);
  return { roots, config };
}

function inside(file: string, dir: string): boolean {
  const r = path.relative(dir, file);
  return r === "" || (!r.startsWith("..") && !path.isAbsolute(r));
}

/** Builds the preview, serves it and rebuilds it on changes until `close()`. */
export async function servePreview(options: ServeOptions, log: (line: string) => void): Promise<PreviewServer> {
  const out = path.resolve(options.cwd, options.out);
  let result = await buildPreview({ ...options, live: true });
  const clients = new Set<ServerResponse>();
  let waiters: (() => void)[] = [];
  const announce = (event: string, data: string) => {
    const msg = `event: ${event}\ndata: ${data.replace(/\r?\n/g, " ")}\n\n`;
    for (const c of clients) c.write(msg);
    const w = waiters;
    waiters = [];
    for (const f of w) f();
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("internal error");
    });
  });
  const hosts = new Set<string>();
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    // Only pages addressed to this machine: a site that rebinds its name to 127.0.0.1 gets nothing.
    if (!hosts.has((req.headers.host ?? "").toLowerCase())) {
      res.writeHead(403, { "Content-Type": "text/plain; charset=utf-8" }).end("forbidden host");
      return;
    }
    const url = new URL(req.url ?? "/", `http://${HOST}`);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    if (url.pathname === EVENTS_PATH) {
      res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-store", Connection: "keep-alive" });
      res.write(": connected\n\n");
      clients.add(res);
      req.on("close", () => clients.delete(res));
      return;
    }
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = path.resolve(out, "." + path.posix.normalize(rel));
    if (!inside(file, out) || rel.includes("\0")) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, {
        "Content-Type": TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found");
    }
  };

  await new Promise<void>((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) =>
      reject(new ServeError(e.code === "EADDRINUSE" ? `port ${options.port} is in use; choose another with --port` : `cannot listen on ${HOST}:${options.port}: ${e.message}`));
    server.once("error", onError);
    server.listen(options.port, HOST, () => {
      server.off("error", onError);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  for (const h of [HOST, "localhost"]) hosts.add(`${h}:${port}`);

  // Rebuild on changes: one build at a time, and one more if files changed during it.
  let timer: NodeJS.Timeout | undefined;
  let building: Promise<void> | undefined;
  let again = false;
  const rebuild = async () => {
    do {
      again = false;
      try {
        result = await buildPreview({ ...options, live: true });
        log(`rebuilt the preview (${result.campaigns} campaign${result.campaigns === 1 ? "" : "s"})`);
        announce("reload", String(Date.now()));
      } catch (e) {
        const message = (e as Error).message;
        log(`could not rebuild the preview: ${message}`);
        announce("failed", `brandlint could not rebuild the preview: ${message}`);
      }
    } while (again);
    building = undefined;
  };
  const trigger = (file: string | undefined) => {
    if (file && inside(file, out)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (building) again = true;
      else building = rebuild();
    }, 150);
  };
  const { roots, config } = watchTargets(options);
  const watchers: FSWatcher[] = [];
  for (const r of roots) {
    try {
      watchers.push(fsWatch(r, { recursive: true }, (_e, name) => trigger(name ? path.join(r, name.toString()) : undefined)));
    } catch {
      // A file (or a folder that does not exist yet): watch its parent.
      try {
        watchers.push(fsWatch(path.dirname(r), (_e, name) => trigger(name ? path.join(path.dirname(r), name.toString()) : undefined)));
      } catch {
        /* nothing to watch */
      }
    }
  }
  if (config) {
    // Watch the config's folder, not the file: editors often replace a file when they save it.
    const dir = path.dirname(config);
    try {
      watchers.push(fsWatch(dir, (_e, name) => name?.toString() === path.basename(config) && trigger(config)));
    } catch {
      /* no config folder to watch */
    }
  }
  const ping = setInterval(() => {
    for (const c of clients) c.write(": ping\n\n");
  }, 30_000);
  ping.unref();

  return {
    url: `http://${HOST}:${port}/`,
    get result() {
      return result;
    },
    nextBuild: () => new Promise<void>((resolve) => waiters.push(resolve)),
    async close() {
      clearTimeout(timer);
      clearInterval(ping);
      for (const w of watchers) w.close();
      for (const c of clients) c.end();
      clients.clear();
      await building;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
