// Loads the CLI from its CommonJS chunks (dist/cli/, made by `npm run build`, see
// scripts/bundle.js), each with V8's code cache (<chunk>.cache): the functions a lint run
// uses come compiled from the cache instead of being parsed and compiled again by every
// process, and a chunk is read and compiled only when the run first needs it (a rule
// when it first checks something, the email renderer for the first email, …).
// Node 20 has no code cache for ES modules (module.enableCompileCache is Node 22), so the
// chunks are CommonJS scripts run through vm.Script with `cachedData`.
// V8 checks a cache against the source, its own version and flags, and rejects it
// (`cachedDataRejected`), then compiles the chunk as usual: a cache from another Node,
// a stale or damaged one is never used. Without the chunks (an older build), the ES
// module bundle is imported as before.
// CommonJS, as bin/brandlint.js (bin/package.json): an ES module entry starts Node's ES
// module loader, and importing built-ins as ES modules makes each one's namespace (node:fs's
// loads every stream class): measured 10 ms of CPU per run.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const { createRequire } = require("node:module");
const { pathToFileURL } = require("node:url");

const dist = path.join(path.dirname(__dirname), "dist");
/** The folder of the CLI's chunks, and its entry chunk. */
const CLI_DIR = path.join(dist, "cli");
const CLI_SCRIPT = path.join(CLI_DIR, "cli.js");
/** import.meta.url in the chunks: the ES module bundle's, so paths resolved from it are the same in both builds. */
const BUNDLE_URL = pathToFileURL(path.join(dist, "brandlint.mjs")).href;
/**
 * The V8 flags the chunks run under. V8 rejects a code cache made under other flags, so
 * the loader sets them before loading anything, every chunk is compiled under them, and
 * the training run (scripts/code-cache.js) makes every cache under them. A flag the user
 * set (node's options or NODE_OPTIONS) is left alone; then the caches are rejected and the
 * chunks compile as usual.
 * - --heap-growing-percent: what a lint run sets anyway (HEAP_GROWING_PERCENT in
 *   src/cli/main.ts), set before the rules and the rest it loads are compiled.
 * - --interrupt-budget: how much bytecode a function runs before V8 considers compiling it
 *   again (Sparkplug, then TurboFan): 16 times V8's 67,584. Most of a lint run's code runs
 *   a few times per campaign, and with V8's default a one-campaign run spent a good part
 *   of its CPU on background compiles (TurboFan alone 13% of its instructions) that
 *   finished too late to pay off. Measured (valgrind, instructions): one campaign
 *   1,726 M → 1,538 M (`node -e 0`: 502 M); CPU, alternating runs under load: one campaign
 *   231 → 202 ms, 100 campaigns 2.98 → 2.10 s, 1,000 campaigns (--workers 1) 16.8 → 14.1 s;
 *   64 times the default was no better.
 */
const CHUNK_FLAGS = ["--heap-growing-percent=20", "--interrupt-budget=1081344"];
function setChunkFlags() {
  const chosen = [...process.execArgv, process.env.NODE_OPTIONS ?? ""].join(" ").replace(/_/g, "-");
  const flags = CHUNK_FLAGS.filter((f) => !new RegExp(`${f.slice(0, f.indexOf("="))}(?![\\w-])`).test(chosen));
  if (flags.length) require("node:v8").setFlagsFromString(flags.join(" "));
}

/**
 * A chunk's code as the build writes it: a function of what CommonJS gives a module and of
 * brandlint's own hooks, so the file is compiled as it is read (no copy of it made first).
 */
function wrap(code) {
  return `(function (exports, require, module, __filename, __dirname, __brandlintImport, __brandlintChunk, __brandlintUrl) {${code}\n})`;
}

/** A chunk's source. */
function readChunk(file) {
  return fs.readFileSync(file, "utf8");
}

/** A chunk's code cache file. */
function cacheFileOf(chunk) {
  return `${chunk}.cache`;
}

/**
 * The CLI's exports ({ main, colorEnabled }) and the chunks loaded so far (`chunks()`: in
 * load order, each with its file, its vm.Script, to make a code cache from after a run,
 * and whether V8 rejected its cache). `cache`: false to compile without the caches;
 * `cacheFile(chunk)`: where a chunk's cache is (tests). Each call loads the CLI afresh.
 */
async function loadCli({ cache = true, cacheFile = cacheFileOf } = {}) {
  if (!fs.existsSync(CLI_SCRIPT)) return { cli: await import(pathToFileURL(path.join(dist, "brandlint.mjs")).href), chunks: () => [], cacheRejected: undefined };
  setChunkFlags();
  const nodeRequire = createRequire(CLI_SCRIPT);
  const loaded = new Map();
  // import() in the chunks (custom rules, which are ES modules) is this module's: Node 20
  // loses a vm.Script's own import() callback in functions that come from the code cache.
  const importModule = (specifier) => import(specifier);
  const chunk = (name) => load(path.join(CLI_DIR, `${name}.js`));
  function load(file) {
    const known = loaded.get(file);
    if (known) return known.module.exports;
    const source = readChunk(file);
    let cachedData;
    if (cache) {
      try {
        cachedData = fs.readFileSync(cacheFile(file));
      } catch {
        cachedData = undefined;
      }
    }
    const script = new vm.Script(source, { filename: file, cachedData });
    const module = { exports: {} };
    const dir = path.dirname(file);
    const require = (specifier) => (specifier.startsWith("./") || specifier.startsWith("../") ? load(path.join(dir, specifier)) : nodeRequire(specifier));
    loaded.set(file, { file, script, module, cacheRejected: cachedData ? script.cachedDataRejected === true : undefined });
    script.runInThisContext()(module.exports, require, module, file, dir, importModule, chunk, BUNDLE_URL);
    return module.exports;
  }
  const cli = load(CLI_SCRIPT);
  const chunks = () => [...loaded.values()];
  return { cli, chunks, cacheRejected: chunks()[0].cacheRejected };
}

module.exports = { CLI_DIR, CLI_SCRIPT, CHUNK_FLAGS, setChunkFlags, wrap, readChunk, cacheFileOf, loadCli };
