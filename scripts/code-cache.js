#!/usr/bin/env node
// Makes dist/cli/<chunk>.cache: V8's code cache of each CommonJS chunk of the CLI after a
// training run, so it holds the functions a lint run compiles (a cache made right after
// loading holds only the top level). The training run lints the repository's own
// templates/ (nothing is written) and prints nothing; a chunk it did not load (the watch
// mode, init, a rule no template triggers) gets the cache of its top level. Run by
// scripts/bundle.js, in a process of its own.
import { existsSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { CLI_DIR, cacheFileOf, loadCli, readChunk, setChunkFlags } from "../bin/load-cli.cjs";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { cli, chunks } = await loadCli({ cache: false });
const args = existsSync(path.join(root, "templates")) && existsSync(path.join(root, "brand.config.json")) ? ["--format", "json", "templates"] : ["--version"];
const quiet = () => {};
const code = await cli.main(args, { stdout: quiet, stderr: quiet, cwd: root, color: false, terminal: false, progress: false, env: {} });
if (code === 2) throw new Error(`the training run (brandlint ${args.join(" ")}) could not run`);
// The lint command puts V8's flags back when it ends; the caches carry the flags the chunks load under.
setChunkFlags();
const trained = new Map(chunks().map((c) => [c.file, c.script]));
for (const file of readdirSync(CLI_DIR, { recursive: true }).map((f) => path.join(CLI_DIR, f)).filter((f) => f.endsWith(".js"))) {
  const script = trained.get(file) ?? new vm.Script(readChunk(file), { filename: file });
  const tmp = `${cacheFileOf(file)}.${process.pid}.tmp`;
  writeFileSync(tmp, script.createCachedData());
  renameSync(tmp, cacheFileOf(file));
}

