// Loads the CLI bundle (dist/brandlint.cjs) with V8's code cache (dist/brandlint.cjs.cache,
// made by `npm run build`, see scripts/bundle.js): the functions a lint run uses come
// compiled from the cache instead of being parsed and compiled again by every process.
// Node 20 has no code cache for ES modules (module.enableCompileCache is Node 22), so the
// CLI is also built as one CommonJS script run through vm.Script with `cachedData`.
// V8 checks the cache against the source, its own version and flags, and rejects it
// (`cachedDataRejected`), then compiles the script as usual: a cache from another Node,
// a stale or damaged one is never used. Without the CommonJS bundle (an older build),
// the ES module bundle is imported as before.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const dist = path.join(path.dirname(path.dirname(fileURLToPath(import.meta.url))), "dist");
export const CLI_SCRIPT = path.join(dist, "brandlint.cjs");
export const CLI_CACHE = `${CLI_SCRIPT}.cache`;

/**
 * The CLI's exports ({ main, colorEnabled }) and the vm.Script they came from (to make a
 * code cache from, after a run). `cache`: false to compile without the cache; `cacheFile`:
 * another cache file (tests).
 */
export async function loadCli({ cache = true, cacheFile = CLI_CACHE } = {}) {
  if (!existsSync(CLI_SCRIPT)) return { cli: await import("../dist/brandlint.mjs"), script: undefined, cacheRejected: undefined };
  const source = readFileSync(CLI_SCRIPT, "utf8");
  let cachedData;
  if (cache) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __brandlintImport) {${source}\n})`, { filename: CLI_SCRIPT, cachedData });
  const module = { exports: {} };
  // import() in the script (custom rules, which are ES modules) is this module's: Node 20
  // loses a vm.Script's own import() callback in functions that come from the code cache.
  script.runInThisContext()(module.exports, createRequire(CLI_SCRIPT), module, CLI_SCRIPT, dist, (specifier) => import(specifier));
  return { cli: module.exports, script, cacheRejected: cachedData ? script.cachedDataRejected === true : undefined };
}
