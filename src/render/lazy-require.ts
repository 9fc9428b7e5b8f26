/**
 * Loading a CommonJS package with some of the modules it requires answered by brandlint
 * while it loads. `require` looks in Node's module cache before it reads a file, so an
 * entry put there for the duration of one `require` is what the package's modules get
 * (and keep); the cache is left as it was afterwards, and everything else that requires
 * those modules gets the real ones. How mjml is kept from reading `.mjmlconfig` and from
 * loading what a lint never uses (see loadMjml in email.ts, juiceKit in email/cascade.ts).
 */
import { Module } from "node:module";

export type Seeds = ReadonlyMap<string, () => unknown>;

/** `require(id)` with `seeds` (resolved file → its stand-in exports) in the cache while it loads; a module already loaded keeps its real exports. */
export function requireSeeded<T>(require: NodeJS.Require, id: string, seeds: Seeds): T {
  const seeded: string[] = [];
  for (const [file, exports] of seeds) {
    if (require.cache[file]) continue;
    const m = new Module(file);
    m.filename = file;
    m.loaded = true;
    m.exports = exports();
    require.cache[file] = m;
    seeded.push(file);
  }
  try {
    return require(id) as T;
  } finally {
    for (const f of seeded) delete require.cache[f];
  }
}

/**
 * A stand-in for the module at `file` that loads it, for real, the first time it is
 * called or one of its properties is read or written; every use goes to the real module.
 */
export function onFirstUse(require: NodeJS.Require, file: string): unknown {
  let real: object | undefined;
  const load = (): object => {
    if (!real) {
      // Used while its seed is still in the cache: the real module replaces it.
      if (require.cache[file]?.exports === stand) delete require.cache[file];
      real = require(file) as object;
    }
    return real;
  };
  const stand: unknown = new Proxy(() => undefined, {
    apply: (_t, self, args: unknown[]) => Reflect.apply(load() as (...a: unknown[]) => unknown, self, args),
    get: (_t, key) => Reflect.get(load(), key),
    set: (_t, key, value) => Reflect.set(load(), key, value),
    has: (_t, key) => Reflect.has(load(), key),
  });
  return stand;
}
