#!/usr/bin/env node
// Builds editors/vscode/dist/extension.js: the extension and vscode-languageclient in one
// CommonJS file (esbuild; `vscode` is provided by the editor). vscode-languageclient is
// installed in editors/vscode/node_modules (`npm install` there, the only step that needs
// the registry); the built file is committed, so packaging (npm run package:vscode) works
// offline from a fresh clone.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const ext = path.join(root, "editors", "vscode");
if (!existsSync(path.join(ext, "node_modules", "vscode-languageclient", "package.json"))) {
  console.error("build-vscode: vscode-languageclient is not installed; run `npm install` in editors/vscode first");
  process.exit(2);
}
await build({
  entryPoints: [path.join(ext, "src", "extension.js")],
  outfile: path.join(ext, "dist", "extension.js"),
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  external: ["vscode"],
  banner: { js: "/* Built by `npm run build:vscode` from editors/vscode/src/extension.js and vscode-languageclient (MIT); do not edit. */\n/* eslint-disable */" },
  legalComments: "none",
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: "warning",
});
