/**
 * Compiled data kept beside the lint cache (`--cache`): a tone matcher of 100,000 terms
 * takes longer to compile than to read back. The file, `<cache file>.tone`, holds the
 * matchers of the last runs by key (brandlint's and Node's versions — ICU decides how
 * terms are segmented and cased —, the locale, every term and the language data's words),
 * signed like the cache with this machine's secret (src/host/secret.ts). A file that is
 * not signed by this machine, unreadable or not brandlint's is ignored and written anew;
 * every entry is checked again when it is used (PhraseMatcher.fromCompiled), and a bad
 * one is compiled instead.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { hashOf } from "./cache.js";
import { readText, type Host } from "./host/index.js";
import { packageVersion } from "./paths.js";
import { cacheSecret } from "./host/secret.js";

const FORMAT = 1;
const MAX_BYTES = 512 * 1024 * 1024;
/** Entries kept: the matchers of a run (a list per locale set and casing class) and a few older ones. */
const MAX_ENTRIES = 16;

const mac = (secret: Buffer, body: string) => createHmac("sha256", secret).update(body).digest("hex");

export class CompiledStore {
  private entries: Map<string, unknown> | undefined;

  private constructor(
    readonly file: string,
    private readonly host: Host,
    private readonly secret: Buffer,
  ) {}

  /** The store beside a cache file; undefined when no secret can be kept (the cache is off then too). */
  static beside(cacheFile: string, host: Host): CompiledStore | undefined {
    const secret = cacheSecret();
    return secret ? new CompiledStore(`${cacheFile}.tone`, host, secret) : undefined;
  }

  /** The key of an entry: brandlint's version, Node's and its ICU's and Unicode's (how text is segmented and cased), and what the caller compiles from. */
  keyFor(...parts: string[]): string {
    return hashOf(packageVersion, process.version, process.versions.icu ?? "", process.versions.unicode ?? "", ...parts);
  }

  private load(): Map<string, unknown> {
    if (this.entries) return this.entries;
    this.entries = new Map();
    const r = readText(this.host, this.file, MAX_BYTES);
    if (!("text" in r)) return this.entries;
    const nl = r.text.indexOf("\n");
    const given = /^brandlint-compiled-mac ([0-9a-f]{64})$/.exec(nl < 0 ? r.text : r.text.slice(0, nl))?.[1];
    const body = nl < 0 ? "" : r.text.slice(nl + 1);
    if (!given || !timingSafeEqual(Buffer.from(given), Buffer.from(mac(this.secret, body)))) return this.entries;
    try {
      const data = JSON.parse(body) as { format?: unknown; entries?: unknown };
      if (data.format === FORMAT && Array.isArray(data.entries))
        for (const e of data.entries) if (Array.isArray(e) && e.length === 2 && typeof e[0] === "string") this.entries.set(e[0], e[1]);
    } catch {
      // not brandlint's: start anew
    }
    return this.entries;
  }

  get(key: string): unknown {
    return this.load().get(key);
  }

  /** Keeps `value` under `key` (newest first) and writes the file atomically; a file that cannot be written only costs speed. */
  set(key: string, value: unknown): void {
    const entries = this.load();
    entries.delete(key);
    const kept = [[key, value], ...entries].slice(0, MAX_ENTRIES) as [string, unknown][];
    this.entries = new Map(kept);
    const body = JSON.stringify({ format: FORMAT, entries: kept });
    try {
      this.host.write(this.file, `brandlint-compiled-mac ${mac(this.secret, body)}\n${body}`);
    } catch {
      // only speed is lost
    }
  }
}
