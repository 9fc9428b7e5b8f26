#!/usr/bin/env node
// Packages the VS Code extension (editors/vscode) into a .vsix with @vscode/vsce, offline:
// the client is the committed editors/vscode/dist/extension.js (scripts/build-vscode.js),
// and the server bundled as the fallback is this package's own build (dist/, run
// `npm run build` first) with the few packages the bundle loads at run time (mjml,
// culori, ajv, postcss, juice) and the language data (lang/), copied from node_modules with their dependencies.
// Prints the .vsix path (default editors/vscode/brandlint-<version>.vsix; --out <file>).
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const ext = path.join(root, "editors", "vscode");
const server = path.join(ext, "server");
/** Packages dist/brandlint.mjs requires at run time instead of bundling them (see scripts/bundle.js and the lazy loaders). */
const RUNTIME = ["mjml", "culori", "ajv", "postcss", "postcss-value-parser", "juice"];

const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
for (const f of ["dist/brandlint.mjs", "dist/brandlint-worker.mjs", "dist/validators", "dist/language-data.json", "editors/vscode/dist/extension.js"])
  if (!existsSync(path.join(root, f))) {
    console.error(`package-vscode: ${f} is missing (run npm run build${f.startsWith("editors") ? " and npm run build:vscode" : ""})`);
    process.exit(2);
  }

rmSync(server, { recursive: true, force: true });
mkdirSync(server, { recursive: true });
const copy = (from, to = from) => cpSync(path.join(root, from), path.join(server, to), { recursive: true, dereference: true });
copy("bin/brandlint.js");
copy("dist/brandlint.mjs");
copy("dist/brandlint-worker.mjs");
copy("dist/validators");
// What the build computed from lang/ (scripts/build-language-data.js): without it the server computes it at start-up.
copy("dist/language-data.json");
copy("schema");
copy("lang");
copy("docs/rules");
writeFileSync(path.join(server, "package.json"), JSON.stringify({ name: pkg.name, version: pkg.version, type: "module", license: pkg.license, private: true }, null, 2) + "\n");

// The run-time packages and everything they depend on, resolved the way Node does.
const copied = new Set();
/** Files a package never loads at run time (types, source maps, docs, tests): left out of the .vsix. */
const NOT_RUN = /(?:^|[\\/])(?:test|tests|__tests__|docs|examples?|\.github|benchmarks?)(?:[\\/]|$)|\.(?:d\.[mc]?ts|map|md|markdown|tsbuildinfo)$|(?<!\.d)\.[mc]?ts$/i;
function resolveFrom(dir, name) {
  for (let d = dir; ; d = path.dirname(d)) {
    const c = path.join(d, "node_modules", name);
    if (existsSync(path.join(c, "package.json"))) return c;
    if (d === root || path.dirname(d) === d) return undefined;
  }
}
function include(dir) {
  if (copied.has(dir)) return;
  copied.add(dir);
  const rel = path.relative(root, dir);
  cpSync(dir, path.join(server, rel), { recursive: true, dereference: true, filter: (src) => !NOT_RUN.test(path.relative(dir, src)) });
  const p = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
  for (const d of Object.keys({ ...p.dependencies, ...p.optionalDependencies })) {
    const r = resolveFrom(dir, d);
    if (r) include(r);
  }
}
for (const name of RUNTIME) {
  const r = resolveFrom(root, name);
  if (!r) {
    console.error(`package-vscode: ${name} is not installed (run npm ci)`);
    process.exit(2);
  }
  include(r);
}

const outArg = process.argv.indexOf("--out");
const out = outArg !== -1 ? path.resolve(process.argv[outArg + 1]) : path.join(ext, `brandlint-${JSON.parse(readFileSync(path.join(ext, "package.json"), "utf8")).version}.vsix`);
try {
  execFileSync(process.execPath, [path.join(root, "node_modules", "@vscode", "vsce", "vsce"), "package", "--no-dependencies", "--skip-license", "--out", out], { cwd: ext, stdio: ["ignore", "ignore", "inherit"] });
} finally {
  // The copied server is only for the package (and would be linted as source).
  rmSync(server, { recursive: true, force: true });
}
console.log(out);
