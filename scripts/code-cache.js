#!/usr/bin/env node
// Makes dist/brandlint.cjs.cache: V8's code cache of the CommonJS CLI after a training run,
// so it holds the functions a lint run compiles (a cache made right after loading holds
// only the top level). The training run lints the repository's own templates/ (nothing
// is written) and prints nothing. Run by scripts/bundle.js, in a process of its own.
import { existsSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CLI_CACHE, loadCli } from "../bin/load-cli.js";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { cli, script } = await loadCli({ cache: false });
const args = existsSync(path.join(root, "templates")) && existsSync(path.join(root, "brand.config.json")) ? ["--format", "json", "templates"] : ["--version"];
const quiet = () => {};
const code = await cli.main(args, { stdout: quiet, stderr: quiet, cwd: root, color: false, terminal: false, progress: false, env: {} });
if (code === 2) throw new Error(`the training run (brandlint ${args.join(" ")}) could not run`);
const tmp = `${CLI_CACHE}.${process.pid}.tmp`;
writeFileSync(tmp, script.createCachedData());
renameSync(tmp, CLI_CACHE);
