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
 * The V8 flags the chunks run under. V8 rejects a code cache made under other flags, and
 * a lint run sets --heap-growing-percent (HEAP_GROWING_PERCENT in src/cli/main.ts) before
 * it loads the rules and the rest it needs: so the loader sets it before loading
 * anything, every chunk is compiled under the same flags, and the training run
 * (scripts/code-cache.js) makes every cache under them. Not when the user chose V8's heap
 * growth (then the caches are rejected and the chunks compile as usual).
 */
const CHUNK_FLAGS = "--heap-growing-percent=20";
function setChunkFlags() {
  if ([...process.execArgv, process.env.NODE_OPTIONS ?? ""].some((a) => /--heap[-_]growing[-_]percent/.test(a))) return;
  require("node:v8").setFlagsFromString(CHUNK_FLAGS);
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
