#!/usr/bin/env node
// The brandlint command: a thin wrapper around the CLI (dist/cli/ with its code caches, see
// load-cli.cjs; the language server runs from dist/brandlint.mjs). CommonJS
// (bin/package.json): see load-cli.cjs. It must stay valid as an ES module too (no
// `module`, `exports` or `__dirname`; `require` only off the `lsp` path): the VS Code
// package copies it alone into a folder of type "module" to run the language server
// (scripts/package-vscode.js, test/vscode-extension.test.ts).
"use strict";
const argv = process.argv.slice(2);

async function run() {
  const { colorEnabled, main } = argv[0] === "lsp" ? await import("../dist/brandlint.mjs") : (await require("./load-cli.cjs").loadCli()).cli;
  const progress = Boolean(process.stderr.isTTY) && !process.env.CI;
  process.exitCode = await main(argv, {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    color: colorEnabled(process.env, Boolean(process.stdout.isTTY)),
    terminal: Boolean(process.stdout.isTTY),
    progress,
    env: process.env,
  });
}

run().catch((e) => {
  // What an ES module's top-level await did with an error that escapes main: print it, exit 1.
  process.exitCode = 1;
  console.error(e);
});
