#!/usr/bin/env node
// The brandlint command: a thin wrapper around the CLI (dist/brandlint.cjs with its code
// cache, see load-cli.js; the language server runs from dist/brandlint.mjs).
const argv = process.argv.slice(2);
const { colorEnabled, main } = argv[0] === "lsp" ? await import("../dist/brandlint.mjs") : (await (await import("./load-cli.js")).loadCli()).cli;

const progress = Boolean(process.stderr.isTTY) && !process.env.CI;
const code = await main(argv, {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  cwd: process.cwd(),
  color: colorEnabled(process.env, Boolean(process.stdout.isTTY)),
  terminal: Boolean(process.stdout.isTTY),
  progress,
  env: process.env,
});
process.exitCode = code;
