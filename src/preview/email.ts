/**
 * The email variant in the preview: its MJML with findings highlighted inside the
 * text customers read, turned into HTML by mjml, then made self-contained. Nothing in
 * it may load from elsewhere: remote images become placeholders that carry their alt
 * text, local images are inlined, style sheets and fonts from other hosts are dropped,
 * and a Content-Security-Policy forbids whatever might remain.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { Parser } from "htmlparser2";
import type valueParserType from "postcss-value-parser";
import type { MjChild, MjElement, MjmlDoc } from "../render/mjml-doc.js";
import { TEXT_ELEMENTS } from "../render/mjml-doc.js";
import { readInside, type Host } from "../host/index.js";
import type { MarkRange } from "./html.js";
import { esc } from "./html.js";

/** The policy of every preview page and of every email inside one. */
export const CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:";

/** Elements whose text is not shown in the body (or is not text at all). */
const NOT_SHOWN = /^(style|mj-style|script|title|mj-title|mj-preview|mj-head|head|textarea|mj-attributes|mj-breakpoint|mj-font)$/i;

/** Text runs of the document that customers read in the body, as ranges of `doc.source.text`. */
function bodyTextRuns(doc: MjmlDoc): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const visit = (n: MjChild, shown: boolean) => {
    if (n.type === "text") {
      if (shown && n.end > n.start) out.push({ start: n.start, end: n.end });
      return;
    }
    if (NOT_SHOWN.test(n.name)) return;
    const inText = shown || TEXT_ELEMENTS.has(n.name);
    for (const c of n.children) visit(c, inText);
  };
  if (doc.root) visit(doc.root as MjElement, false);
  return out;
}

/** Moves an offset out of a character reference (`&amp;`) it falls inside. */
function outOfEntity(text: string, at: number, lo: number, hi: number, dir: -1 | 1): number {
  const from = Math.max(lo, at - 32);
  const amp = text.lastIndexOf("&", at - 1);
  if (amp < from) return at;
  const m = /^&(?:#[0-9]+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i.exec(text.slice(amp, Math.min(hi, amp + 34)));
  if (!m || amp + m[0].length <= at) return at;
  return dir < 0 ? amp : amp + m[0].length;
}

/**
 * The MJML with `<mark>` elements around the highlighted ranges, placed only inside
 * text runs of the body (never inside a tag, an attribute, a character reference or
 * the head). Returns the MJML and the findings that got a highlight.
 */
export function markMjml(doc: MjmlDoc, marks: readonly MarkRange[]): { mjml: string; marked: Set<number> } {
  const text = doc.source.text;
  const runs = bodyTextRuns(doc);
  const inserts: { at: number; order: number; text: string }[] = [];
  const marked = new Set<number>();
  for (const m of marks) {
    for (const r of runs) {
      let s = Math.max(m.start, r.start);
      let e = Math.min(m.end, r.end);
      if (e <= s) continue;
      s = outOfEntity(text, s, r.start, r.end, -1);
      e = outOfEntity(text, e, r.start, r.end, 1);
      if (!text.slice(s, e).trim()) continue;
      marked.add(m.finding);
      const cls = m.severity === 2 ? "sev-error" : "sev-warning";
      inserts.push({ at: s, order: 1, text: `<mark class="bl-mark ${cls}" title="${esc(m.title)}">` });
      inserts.push({ at: e, order: 0, text: "</mark>" });
    }
  }
  // At one offset, close earlier marks before opening new ones; later ranges nest inside.
  inserts.sort((a, b) => a.at - b.at || a.order - b.order);
  let out = "";
  let last = 0;
  for (const ins of inserts) {
    out += text.slice(last, ins.at) + ins.text;
    last = ins.at;
  }
  return { mjml: out + text.slice(last), marked };
}

export interface SafeEmail {
  html: string;
  /** Images replaced by placeholders (remote or missing). */
  placeholders: number;
  /** Local images inlined as data: URIs. */
  inlined: number;
  /** Style sheets, fonts and other references to elsewhere that were removed. */
  removed: number;
}

const IMAGE_TYPES: Record<string, string> = { ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif", ".webp": "image/webp", ".svg": "image/svg+xml", ".avif": "image/avif" };
const MAX_INLINE = 2 * 1024 * 1024;

/** A grey SVG placeholder of the image's size that says what the image shows. */
export function placeholderImage(alt: string | undefined, src: string, width?: number, height?: number): string {
  const w = Math.max(40, Math.min(1200, width ?? 600));
  const h = Math.max(40, Math.min(1200, height ?? Math.round(w / 2.5)));
  let host: string;
  try {
    host = new URL(src).host;
  } catch {
    host = "";
  }
  const label = alt === undefined ? "Image without alt text" : alt.trim() ? `Image: ${alt.trim()}` : "Decorative image (empty alt)";
  const note = host ? `loaded from ${host} in a real inbox` : "not found";
  const xml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<rect width="100%" height="100%" fill="#e8e8e8" stroke="#9e9e9e" stroke-dasharray="6 4"/>` +
    `<text x="50%" y="46%" text-anchor="middle" font-family="sans-serif" font-size="15" fill="#333">${xml(label.slice(0, 120))}</text>` +
    `<text x="50%" y="62%" text-anchor="middle" font-family="sans-serif" font-size="12" fill="#555">${xml(note)}</text></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

function isData(url: string): boolean {
  return /^\s*data:/i.test(url);
}

let valueParser: typeof valueParserType | undefined;

/**
 * Removes `@import`s and turns every non-data `url()` into `none`. `url()`s are found by
 * postcss-value-parser (linear, and it sees an unclosed `url(` that a browser would
 * still fetch); its tree is walked without recursion, so nesting cannot exhaust the stack.
 */
function cssWithoutUrls(css: string): { css: string; removed: number } {
  let removed = 0;
  const noImports = css.replace(/@import\s+[^;]*;?/gi, () => {
    removed++;
    return "";
  });
  valueParser ??= createRequire(import.meta.url)("postcss-value-parser") as typeof valueParserType;
  const cuts: { start: number; end: number }[] = [];
  const stack: valueParserType.Node[][] = [valueParser(noImports).nodes];
  while (stack.length) {
    for (const n of stack.pop()!) {
      if (n.type !== "function") continue;
      if (n.value.toLowerCase() !== "url") stack.push(n.nodes);
      else if (!isData(n.nodes.map((x) => x.value).join(""))) cuts.push({ start: n.sourceIndex, end: n.sourceEndIndex });
    }
  }
  cuts.sort((a, b) => a.start - b.start);
  let out = "";
  let last = 0;
  for (const c of cuts) {
    out += noImports.slice(last, c.start) + "none";
    last = c.end;
  }
  removed += cuts.length;
  return { css: out + noImports.slice(last), removed };
}

/**
 * A local image under `root`, as a data: URI; undefined when it is missing, too big,
 * outside the root (symbolic links resolved) or not a regular file. Read through the
 * host's bounded reader, like every other project file: a FIFO is never opened blocking.
 */
function inlineLocal(src: string, baseDir: string, root: string, host: Host): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith("//")) return undefined;
  let rel: string;
  try {
    rel = decodeURIComponent(src.split(/[?#]/)[0]!);
  } catch {
    return undefined;
  }
  const type = IMAGE_TYPES[path.extname(rel).toLowerCase()];
  if (!type) return undefined;
  const r = readInside(host, path.resolve(baseDir, rel), root, MAX_INLINE);
  return r.ok ? `data:${type};base64,${Buffer.from(r.bytes).toString("base64")}` : undefined;
}

function serializeTag(name: string, attribs: Record<string, string>, selfClosing: boolean): string {
  const attrs = Object.entries(attribs)
    .map(([k, v]) => (v === "" ? ` ${k}` : ` ${k}="${esc(v)}"`))
    .join("");
  return `<${name}${attrs}${selfClosing ? " /" : ""}>`;
}

/** Attributes that make a browser fetch something, by element ("*": any element). */
const FETCHING: Record<string, readonly string[]> = {
  "*": ["background", "src", "srcset", "poster", "lowsrc", "dynsrc"],
  object: ["data", "codebase"],
  input: ["src"],
  image: ["href", "xlink:href"],
  use: ["href", "xlink:href"],
};

/**
 * Makes an email's HTML safe to show offline: local images (relative to `baseDir` and
 * inside `root`) inlined, remote ones replaced by placeholders, `<link>`, `<base>`,
 * `<meta http-equiv="refresh">`, `@import`s and CSS `url()`s to elsewhere removed, and
 * a Content-Security-Policy, a `<base target="_blank">` (links cannot open from the
 * sandbox) and the highlight styles added to the head.
 */
export function selfContainedEmail(html: string, baseDir: string, root: string, host: Host): SafeEmail {
  const edits: { start: number; end: number; text: string }[] = [];
  const stats = { placeholders: 0, inlined: 0, removed: 0 };
  let headEnd = -1;
  let htmlEnd = -1;
  let inStyle = false;
  const parser: Parser = new Parser(
    {
      onopentag(name, attribs) {
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        const lower = name.toLowerCase();
        if (lower === "head" && headEnd < 0) headEnd = end;
        if (lower === "html" && htmlEnd < 0) htmlEnd = end;
        if (lower === "style") inStyle = true;
        if (lower === "link" || lower === "base" || (lower === "meta" && /refresh/i.test(attribs["http-equiv"] ?? ""))) {
          stats.removed++;
          edits.push({ start, end, text: "" });
          return;
        }
        let changed = false;
        const next: Record<string, string> = {};
        for (const [k, v] of Object.entries(attribs)) {
          const key = k.toLowerCase();
          if (key === "style" && /url\(|@import/i.test(v)) {
            const c = cssWithoutUrls(v);
            stats.removed += c.removed;
            next[k] = c.css;
            changed = true;
            continue;
          }
          const fetches = FETCHING["*"]!.includes(key) || (FETCHING[lower] ?? []).includes(key);
          if (!fetches || isData(v)) {
            next[k] = v;
            continue;
          }
          changed = true;
          if (lower === "img" && key === "src") {
            const local = inlineLocal(v, baseDir, root, host);
            if (local) {
              stats.inlined++;
              next[k] = local;
            } else {
              stats.placeholders++;
              const num = (x: string | undefined) => (x && /^\d+(?:px)?$/.test(x.trim()) ? parseInt(x, 10) : undefined);
              next[k] = placeholderImage(attribs.alt, v, num(attribs.width), num(attribs.height));
            }
          } else stats.removed++;
        }
        if (changed) edits.push({ start, end, text: serializeTag(name, next, html[end - 2] === "/") });
      },
      onclosetag(name) {
        if (name.toLowerCase() === "style") inStyle = false;
      },
      ontext() {
        if (!inStyle) return;
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        const c = cssWithoutUrls(html.slice(start, end));
        if (c.removed) {
          stats.removed += c.removed;
          edits.push({ start, end, text: c.css });
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: false, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  // Links open nowhere: a new window is what the sandbox forbids, so a click loads nothing.
  const head =
    `<meta http-equiv="Content-Security-Policy" content="${CSP}"><base target="_blank">` +
    `<style>mark.bl-mark{color:inherit;border-radius:2px;padding:0 1px}mark.bl-mark.sev-error{background:#ffd6d1;box-shadow:0 0 0 2px #b3261e}mark.bl-mark.sev-warning{background:#fff1b8;box-shadow:0 0 0 2px #8a5a00}</style>`;
  const at = headEnd >= 0 ? headEnd : Math.max(0, htmlEnd);
  edits.push({ start: at, end: at, text: headEnd >= 0 ? head : `<head>${head}</head>` });
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let last = 0;
  for (const e of edits) {
    if (e.start < last) continue;
    out += html.slice(last, e.start) + e.text;
    last = e.end;
  }
  return { html: out + html.slice(last), ...stats };
}
