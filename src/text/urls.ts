/**
 * URL helpers for the link and asset rules: where the parts of a URL sit in the text
 * as written (so findings land on the host or the parameter, not just the link), and
 * normal forms built with the WHATWG `URL` parser (host case, punycode, default
 * ports, percent-encoding) for comparing links and assets.
 */
import { textMemo } from "./lazy.js";
import { counted } from "./shared-work.js";

/** A range of the URL text: [start, end). */
export interface Span {
  start: number;
  end: number;
}

export interface QueryParam {
  /** Decoded name and value (`+` is a space, %XX decoded). */
  name: string;
  value: string;
  /** The whole `name=value` pair as written. */
  pair: Span;
  /** The value as written (empty span after `=`, or at the pair's end when there is no `=`). */
  valueSpan: Span;
  /** False for a bare `name` with no `=`. */
  hasEquals: boolean;
}

export interface UrlParts {
  /** Lower-case scheme without ":" (`https`, `mailto`), or undefined when none is written. */
  scheme?: string;
  schemeSpan?: Span;
  /** Normal form of the host (lower case, punycode, no trailing dot), when the URL has one. */
  host?: string;
  /** The host as written (without user info and port). */
  hostSpan?: Span;
  /** Offset of `?`, or undefined. */
  queryStart?: number;
  /** Offset of `#`, or undefined. */
  fragmentStart?: number;
  params: QueryParam[];
  /** The parsed URL (schemeless `www.` and `//` URLs parsed as https), when it parses. */
  url?: URL;
}

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

/**
 * A URL with a scheme or starting with `www.`, in any case: no white space, quotes or
 * angle brackets; not ending in punctuation. (Written out without the `i` flag, see
 * URL_IN_TEXT: `s` also matches `ſ` case-insensitively, and `\b` then counts `ſ` and the
 * Kelvin sign as word characters.)
 */
const WITH_SCHEME = /(?<![\w\u017F\u212A])(?:[hH][tT][tT][pP][sS\u017F]?:\/\/|[wW]{3}\.)[^\s<>"'`]+[^\s<>"'`.,;:!?)\]}]/u;
/** A host name as people write one: labels of letters and digits, a top-level domain of letters. */
const HOST = /(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,63}/u;
/** HOST as matched case-insensitively: U+0345 (combining ypogegrammeni, which folds to ι) is the one character that adds to \p{L}. */
const HOST_ANY_CASE = /(?:[\p{L}\p{N}\u0345](?:[\p{L}\p{N}\u0345-]{0,61}[\p{L}\p{N}\u0345])?\.)+[\p{L}\u0345]{2,63}/u;
/** The rest of a URL after its host. */
const REST = /[^\s<>"'`]*[^\s<>"'`.,;:!?)\]}]/u;

/**
 * URLs written in plain text (fixed patterns, never built from user input): with a
 * scheme (`https://…`), starting with `www.`, or a host with a path and no scheme
 * (`evil.example/spring`), which phones turn into a link too. A bare host without a
 * path (`acme.example`) is not taken as a URL: too many words have dots.
 *
 * It matches what the same pattern with the `i` flag matches (test/urls-pattern.test.ts
 * checks), spelled out: compiling \p{L} case-insensitively costs every process milliseconds.
 */
export const URL_IN_TEXT = new RegExp(`${WITH_SCHEME.source}|(?<![\\p{L}\\p{N}\\u0345@._/-])${HOST_ANY_CASE.source}\\/(?:${REST.source})?`, "gu");
/** A schemeless URL from its first character: host, then a path. */
const SCHEMELESS = new RegExp(`^${HOST.source}\\/`, "u");

/**
 * Where URLs are written in a text, in order. Rendering labels the URLs of every field
 * and the links, sms-length and the project index look again at the same texts, so
 * results are memoized (bounded, as tokens are); callers must not mutate them.
 */
export function findUrlRanges(text: string): readonly Span[] {
  return urlRanges(text, "");
}

const urlRanges = textMemo(counted("urls", (text: string) => [...text.matchAll(URL_IN_TEXT)].map((m) => ({ start: m.index, end: m.index + m[0].length }))));

/** Decodes a query name or value the way browsers do; malformed escapes stay as written. */
export function decodeQueryPart(s: string): string {
  const plus = s.replace(/\+/g, " ");
  try {
    return decodeURIComponent(plus);
  } catch {
    return plus;
  }
}

/** Normal form of a host: lower case, IDN as punycode, no trailing dot. */
export function normalizeHost(host: string): string {
  const h = host.trim().replace(/\.$/, "");
  try {
    return new URL(`https://${h}/`).hostname.replace(/\.$/, "");
  } catch {
    return h.toLowerCase();
  }
}

/** True when `host` is `domain` or one of its subdomains (`shop.acme.example` for `acme.example`). */
export function hostWithin(host: string, domain: string): boolean {
  const h = normalizeHost(host);
  const d = normalizeHost(domain);
  return d.length > 0 && (h === d || h.endsWith("." + d));
}

/** Splits a URL as written into located parts. Never throws. */
export function splitUrl(text: string): UrlParts {
  const parts: UrlParts = { params: [] };
  let i = 0;
  const m = SCHEME.exec(text);
  // "localhost:8080" style text has no "//" after the colon; only treat letters + ":" as a scheme.
  if (m) {
    parts.scheme = m[1]!.toLowerCase();
    parts.schemeSpan = { start: 0, end: m[1]!.length };
    i = m[0].length;
  }
  const hierarchical = text.startsWith("//", i) || (!m && (/^www\./i.test(text) || SCHEMELESS.test(text)));
  const special = parts.scheme === "http" || parts.scheme === "https" || !parts.scheme;
  if (hierarchical) {
    if (text.startsWith("//", i)) i += 2;
    let authEnd = i;
    while (authEnd < text.length && !"/?#".includes(text[authEnd]!) && !(special && text[authEnd] === "\\")) authEnd++;
    const at = text.lastIndexOf("@", authEnd - 1);
    const hostStart = at >= i ? at + 1 : i;
    let hostEnd = authEnd;
    if (text[hostStart] === "[") {
      const close = text.indexOf("]", hostStart);
      hostEnd = close !== -1 && close < authEnd ? close + 1 : authEnd;
    } else {
      const colon = text.indexOf(":", hostStart);
      if (colon !== -1 && colon < authEnd) hostEnd = colon;
    }
    parts.hostSpan = { start: hostStart, end: hostEnd };
    i = authEnd;
  }
  const hash = text.indexOf("#", i);
  if (hash !== -1) parts.fragmentStart = hash;
  const q = text.indexOf("?", i);
  const queryEnd = hash === -1 ? text.length : hash;
  if (q !== -1 && q < queryEnd) {
    parts.queryStart = q;
    let s = q + 1;
    while (s <= queryEnd) {
      let e = text.indexOf("&", s);
      if (e === -1 || e > queryEnd) e = queryEnd;
      if (e > s) {
        const eq = text.indexOf("=", s);
        const hasEq = eq !== -1 && eq < e;
        parts.params.push({
          name: decodeQueryPart(text.slice(s, hasEq ? eq : e)),
          value: hasEq ? decodeQueryPart(text.slice(eq + 1, e)) : "",
          pair: { start: s, end: e },
          valueSpan: hasEq ? { start: eq + 1, end: e } : { start: e, end: e },
          hasEquals: hasEq,
        });
      }
      s = e + 1;
    }
  }
  parts.url = parseUrl(text);
  if (parts.url && parts.hostSpan && parts.url.hostname) parts.host = parts.url.hostname.replace(/\.$/, "");
  return parts;
}

/** Parses an absolute URL; `www.`, `//` and schemeless `host/path` URLs (as people write them in texts) are read as https. */
export function parseUrl(text: string): URL | undefined {
  const t = text.trim();
  const withScheme = /^www\./i.test(t) || (!SCHEME.test(t) && SCHEMELESS.test(t)) ? `https://${t}` : t.startsWith("//") ? `https:${t}` : t;
  if (!SCHEME.test(withScheme)) return undefined;
  try {
    return new URL(withScheme);
  } catch {
    return undefined;
  }
}

/** Uppercases percent-escapes so `%c3%a9` and `%C3%A9` compare equal. */
function upperEscapes(s: string): string {
  return s.replace(/%[0-9a-f]{2}/gi, (e) => e.toUpperCase());
}

/** Query parameters other than utm_*, sorted, as `?a=1&b=2` (or ""). */
function pageQuery(u: URL): string {
  const kept = [...u.searchParams].filter(([k]) => !k.toLowerCase().startsWith("utm_"));
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return kept.length ? "?" + new URLSearchParams(kept).toString() : "";
}

/**
 * The page a link leads to, for comparing calls to action: ignores utm_* parameters,
 * the order of other parameters, a trailing slash, the fragment, the default port,
 * the host's case and http vs https. Undefined when the text is not an absolute URL.
 */
export function pageKey(text: string): string | undefined {
  const u = parseUrl(text);
  if (!u) return undefined;
  if (u.protocol !== "http:" && u.protocol !== "https:") return `${u.protocol}${upperEscapes(u.pathname)}${pageQuery(u)}`;
  const path = trimTrailingSlashes(upperEscapes(u.pathname));
  return `${u.hostname.replace(/\.$/, "")}${u.port ? ":" + u.port : ""}${path}${pageQuery(u)}`;
}

/** A URL as people read it in a message: without utm_* parameters and fragment. */
export function displayUrl(text: string): string {
  const u = parseUrl(text);
  if (!u) return text;
  if (u.protocol !== "http:" && u.protocol !== "https:") return text;
  const path = u.pathname === "/" ? "" : u.pathname;
  let shown = `${u.origin}${path}`;
  try {
    shown = decodeURI(shown);
  } catch {
    // Keep the escapes as written.
  }
  return shown + pageQuery(u);
}

/** A retired asset from the config, compiled for matching. */
export interface AssetPattern {
  /** The entry as written. */
  source: string;
  /** Full-URL entries: host, path and (when the entry has one) query to match. */
  host?: string;
  path: string;
  query?: string;
}

/**
 * Compiles an `assets.retired` entry. An entry with a scheme (`https://…`) or starting
 * with `//` is a full URL: it matches that host and path (any scheme, default port,
 * host case, trailing slash and fragment ignored; its query, if it has one, must match
 * too). Any other entry is a path suffix matched at a `/` boundary:
 * `/img/logo-2019.png` or `logo-2019.png` match `https://cdn.acme.example/img/logo-2019.png`
 * but not `…/newlogo-2019.png`. Paths compare case-sensitively, as web servers do.
 */
export function compileAsset(entry: string): AssetPattern | undefined {
  const e = entry.trim();
  if (!e) return undefined;
  if (SCHEME.test(e) || e.startsWith("//")) {
    const u = parseUrl(e);
    if (!u) return undefined;
    return { source: entry, host: u.hostname.replace(/\.$/, ""), path: trimSlash(upperEscapes(u.pathname)), ...(u.search ? { query: pageQuery(u) || u.search } : {}) };
  }
  let p: string;
  try {
    p = new URL(e.startsWith("/") ? e : "/" + e, "https://asset.invalid").pathname;
  } catch {
    return undefined;
  }
  return { source: entry, path: trimSlash(upperEscapes(p)) };
}

function trimSlash(p: string): string {
  return p.length > 1 ? trimTrailingSlashes(p) : p;
}

/** Does a URL (absolute, or a relative path as written in a template) use this asset? */
export function assetMatches(pattern: AssetPattern, text: string): boolean {
  const abs = parseUrl(text);
  let path: string;
  let host: string | undefined;
  let query = "";
  if (abs) {
    if (abs.protocol !== "http:" && abs.protocol !== "https:") return false;
    host = abs.hostname.replace(/\.$/, "");
    path = abs.pathname;
    query = pageQuery(abs) || abs.search;
  } else {
    try {
      path = new URL(text.trim(), "https://asset.invalid/").pathname;
    } catch {
      return false;
    }
  }
  path = trimSlash(upperEscapes(path));
  if (pattern.host !== undefined) return host === pattern.host && path === pattern.path && (pattern.query === undefined || pattern.query === query);
  return path === pattern.path || path.endsWith(pattern.path.startsWith("/") ? pattern.path : "/" + pattern.path);
}

/** Drops the slashes a path ends with, in one pass (the regex `/\/+$/` backtracks quadratically on a path of slashes). */
export function trimTrailingSlashes(p: string): string {
  let end = p.length;
  while (end > 0 && p.charCodeAt(end - 1) === 47) end--;
  return p.slice(0, end);
}
