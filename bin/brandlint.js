#!/usr/bin/env node
// The brandlint command: a thin wrapper around the CLI (dist/brandlint.mjs, the
// single-file build of dist/src/cli/main.js).
import { colorEnabled, main } from "../dist/brandlint.mjs";

const progress = Boolean(process.stderr.isTTY) && !process.env.CI;
const code = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  color: colorEnabled(process.env, Boolean(process.stdout.isTTY)),
  terminal: Boolean(process.stdout.isTTY),
  progress,
  env: process.env,
});
process.exitCode = code;
