#!/usr/bin/env node
// The brandlint command: a thin wrapper around the CLI (dist/brandlint.mjs, the
// single-file build of dist/src/cli/main.js).
import { main } from "../dist/brandlint.mjs";

const color = Boolean(process.stdout.isTTY) && !("NO_COLOR" in process.env) && process.env.TERM !== "dumb";
const progress = Boolean(process.stderr.isTTY) && !process.env.CI;
const code = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  color,
  progress,
  env: process.env,
});
process.exitCode = code;
