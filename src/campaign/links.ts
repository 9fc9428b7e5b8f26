/**
 * The links of a variant, once per source spot, and small helpers about URLs as written:
 * shared by the links and image-alt rules (a rule never imports another rule).
 */
import { attr, textContent, walkElements } from "../render/mjml-doc.js";
import type { MappedText, SourceRange } from "../text/mapped-text.js";
import type { SourceFile } from "../text/source-file.js";
import { findUrlRanges, type Span } from "../text/urls.js";
import { fieldsOf, type Variant, type VariantLink } from "./model.js";

/** A link of a variant: where its URL is written, what it is, and a key for that source spot. */
export interface LinkSite {
  url: MappedText;
  role: VariantLink["role"] | "text";
  /** file + source range of the URL: the same spot seen from several variants has one key. */
  key: string;
  file: SourceFile;
  start: number;
  end: number;
}


/** True when every character of the URL is a variable's output (its value is only known when sending). */
export function fromVariables(url: MappedText): boolean {
  return url.pieces.length > 0 && url.pieces.every((p) => p.name !== undefined);
}

/** Does [start, end) of the text contain a variable's output? */
export function hasVariable(url: MappedText, span: Span): boolean {
  return url.piecesIn(span.start, span.end).some((p) => p.name !== undefined);
}

/**
 * Every URL of a variant, once per source spot: its links, hrefs in its MJML (raw HTML
 * in message.md included) and URLs written in its texts. A URL-like text that is the
 * visible label of a link (`[www.acme.example](https://www.acme.example/)`) is not a
 * link of its own.
 */
export function variantLinks(v: Variant): LinkSite[] {
  const out: LinkSite[] = [];
  const seen = new Set<string>();
  const labels: SourceRange[] = [];
  const add = (url: MappedText, role: LinkSite["role"]) => {
    if (!url.text.trim()) return;
    const loc = url.locate(0, url.length);
    if (!loc) return;
    if (role === "text" && labels.some((l) => l.file === loc.file && l.start <= loc.start && loc.end <= l.end)) return;
    const key = `${loc.file.path}\u0000${loc.start}\u0000${loc.end}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ url, role, key, file: loc.file, start: loc.start, end: loc.end });
  };
  const label = (text: MappedText | undefined) => {
    const loc = text?.length ? text.locate(0, text.length) : undefined;
    if (loc) labels.push(loc);
  };
  for (const l of v.links) {
    add(l.url, l.role);
    label(l.text);
  }
  const doc = v.channel === "email" ? v.extra.mjml : undefined;
  for (const el of walkElements(doc?.root)) {
    const href = attr(el, "href");
    if (!href) continue;
    add(href.value, "link");
    label(textContent(el, doc!.source));
  }
  for (const f of fieldsOf(v))
    for (const r of findUrlRanges(f.sample.text)) {
      const u = f.sample.slice(r.start, r.end);
      if (!fromVariables(u)) add(u, "text");
    }
  return out;
}

/** A relative URL as people write one (`/sale`, `sale.html`, `../img/x.png`), not a merge tag. */
export function looksLikePath(text: string): boolean {
  return /[/.]/.test(text) && !/\s/.test(text) && !/^[*%[{$]/.test(text);
}

/** A URL without the surrounding whitespace browsers ignore, and where it starts. */
export function trimmed(url: MappedText): { text: string; lead: number } {
  const lead = url.text.length - url.text.trimStart().length;
  return { text: url.text.trim(), lead };
}
