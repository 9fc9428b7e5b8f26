/** `brandlint preview`: the static gallery of every campaign's variants, or (`--serve`) a live one. */
import { relativePath } from "../report/paths.js";
import { parseOptions, UsageError, type Io } from "./main.js";

const PREVIEW_HELP = `Usage: brandlint preview [paths...] [options]

Builds a static site that shows every campaign as customers see it (the email at
desktop and mobile widths, the SMS with its segments, push notifications on lock
screens, WhatsApp and social posts) with brandlint's findings beside each variant.
The site works offline and loads nothing from the network.

Options:
  --out <dir>       where to write the site (default: preview)
  --serve           serve it on http://127.0.0.1:<port>/ and rebuild and reload
                    the page when a template or the config changes
  --port <n>        port for --serve (default: 4173)
  --config <file>   brand config (default: brand.config.json found upward)
  -h, --help        show this help
`;

const OPTIONS = {
  out: { type: "string", short: "o" },
  serve: { type: "boolean" },
  port: { type: "string" },
  config: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/** Runs `brandlint preview`; with --serve, until SIGINT/SIGTERM or `signal` aborts. */
export async function previewCommand(args: string[], io: Io, signal?: AbortSignal): Promise<number> {
  const { values, positionals } = parseOptions(args, OPTIONS);
  if (values.help) {
    io.stdout(PREVIEW_HELP);
    return 0;
  }
  if (values.port !== undefined && !values.serve) throw new UsageError("--port is only used with --serve");
  let port = 4173;
  if (values.port !== undefined) {
    if (!/^\d+$/.test(values.port) || Number(values.port) > 65535) throw new UsageError(`--port needs a port number from 0 to 65535, not "${values.port}"`);
    port = Number(values.port);
  }
  const { buildPreview, PreviewOutputError } = await import("../preview/build.js");
  const options = {
    cwd: io.cwd,
    ...(positionals.length ? { paths: positionals } : {}),
    ...(values.config !== undefined ? { configPath: values.config } : {}),
    out: values.out ?? "preview",
  };
  const { ServeError, servePreview } = await import("../preview/serve.js");
  try {
    if (!values.serve) {
      const result = await buildPreview(options);
      io.stderr(`brandlint: wrote the preview of ${result.campaigns} campaign${result.campaigns === 1 ? "" : "s"} to ${relativePath(result.pages[0]!, io.cwd)}\n`);
      return 0;
    }
    const server = await servePreview({ ...options, port }, (line) => io.stderr(`brandlint: ${line}\n`));
    io.stderr(`brandlint: serving the preview of ${server.result.campaigns} campaign${server.result.campaigns === 1 ? "" : "s"} at ${server.url} (Ctrl+C to stop)\n`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        resolve();
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
      if (signal?.aborted) stop();
      else signal?.addEventListener("abort", stop, { once: true });
    });
    await server.close();
    return 0;
  } catch (e) {
    if (e instanceof PreviewOutputError || e instanceof ServeError) throw new UsageError(e.message);
    throw e;
  }
}
