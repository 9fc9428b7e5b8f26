/**
 * Style values in an email, with positions: every MJML and HTML attribute, and every
 * declaration of `style` attributes, `<style>` / `<mj-style>` sheets and
 * `<mj-html-attribute name="style">` (parsed with postcss). Each value is a range of a
 * MappedText, so rules that look inside values (colours, fonts) report and fix the
 * characters a person wrote. Value tokens come from postcss-value-parser.
 */
import { createRequire } from "node:module";
import type postcssType from "postcss";
import type valueParserType from "postcss-value-parser";

// Loaded on first use: a lint with no CSS to read never pays for postcss.
const lazyRequire = createRequire(import.meta.url);
let postcssModule: typeof postcssType | undefined;
let valueParserModule: typeof valueParserType | undefined;
const postcss = { parse: (css: string) => (postcssModule ??= lazyRequire("postcss") as typeof postcssType).parse(css) };
const valueParser = (value: string) => (valueParserModule ??= lazyRequire("postcss-value-parser") as typeof valueParserType)(value);
import path from "node:path";
import type { Variant } from "../campaign/model.js";
import type { BodyModel } from "../render/markdown.js";
import type { MjElement, MjmlDoc } from "../render/mjml-doc.js";
import { emailDoc, parseMjml, walkElements } from "../render/mjml-doc.js";
import { MappedText, MappedTextBuilder, type Piece } from "../text/mapped-text.js";

export interface StyleValue {
  /** Attribute or CSS property name, lower-cased. */
  prop: string;
  /** An attribute of an `mj-*` element, of an HTML element, or a CSS declaration. */
  origin: "mjml" | "html" | "css";
  /** The element (lower-cased) whose attribute, style attribute or style sheet holds the value. */
  element: string;
  /** The mapped text holding the value, and the value's range in it. */
  text: MappedText;
  start: number;
  end: number;
  /** `text.text.slice(start, end)`. */
  value: string;
  /** A declaration inside `@font-face` (it names a font rather than using it). */
  fontFace?: boolean;
  /** For a CSS declaration: where the declaration (its property name) starts in `text`. */
  declStart?: number;
  /** For a CSS declaration: it is `!important`. */
  important?: boolean;
}

const SHEETS = new Set(["style", "mj-style"]);

/**
 * The declarations of a style sheet or of a `style` attribute's declaration list. CSS
 * that postcss cannot parse yields nothing (the file's markup problems are reported
 * elsewhere); values keep their exact offsets, comments and `!important` excluded.
 */
export function declarations(css: MappedText, element: string): StyleValue[] {
  let root: postcssType.Root;
  try {
    root = postcss.parse(css.text);
  } catch {
    return [];
  }
  const out: StyleValue[] = [];
  root.walkDecls((decl) => {
    const at = decl.source?.start?.offset;
    if (at === undefined) return;
    const raw = (decl.raws.value as { raw?: string } | undefined)?.raw ?? decl.value;
    const start = at + decl.prop.length + (decl.raws.between?.length ?? 0);
    // postcss only reports where a declaration starts; prove the value sits where computed.
    if (css.text.slice(start, start + raw.length) !== raw) return;
    const fontFace = decl.parent?.type === "atrule" && (decl.parent as postcssType.AtRule).name.toLowerCase() === "font-face";
    out.push({ prop: decl.prop.toLowerCase(), origin: "css", element, text: css, start, end: start + raw.length, value: raw, declStart: at, ...(decl.important ? { important: true } : {}), ...(fontFace ? { fontFace } : {}) });
  });
  return out;
}

/** The text children of an element, joined (comments between them dropped). */
function ownText(el: MjElement): MappedText {
  const b = new MappedTextBuilder();
  for (const c of el.children) if (c.type === "text") b.append(c.text);
  return b.build();
}

/** Which texts to read values from: every one, or only those holding a character a person wrote. */
type Keep = (text: MappedText) => boolean;
const EVERY: Keep = () => true;

/** Every attribute value and CSS declaration under `top` (of the texts `keep` keeps), in document order. */
function valuesUnder(top: MjElement | undefined, keep: Keep): StyleValue[] {
  const out: StyleValue[] = [];
  for (const el of walkElements(top)) {
    const element = el.name.toLowerCase();
    if (element === "#document") continue;
    const origin = element.startsWith("mj-") ? "mjml" : "html";
    for (const a of el.attrs) {
      if (!keep(a.value)) continue;
      const prop = a.name.toLowerCase();
      if (prop === "style") out.push(...declarations(a.value, element));
      else out.push({ prop, origin, element, text: a.value, start: 0, end: a.value.length, value: a.value.text });
    }
    if (SHEETS.has(element)) {
      const text = ownText(el);
      if (keep(text)) out.push(...declarations(text, element));
    }
    if (element === "mj-html-attribute") {
      // <mj-html-attribute name="bgcolor">#0B5FFF</mj-html-attribute> sets an HTML attribute.
      const name = el.attrs.find((a) => a.name.toLowerCase() === "name")?.value.text.toLowerCase();
      const text = ownText(el);
      if (!keep(text)) continue;
      if (name === "style") out.push(...declarations(text, element));
      else if (name) out.push({ prop: name, origin: "html", element, text, start: 0, end: text.length, value: text.text });
    }
  }
  return out;
}

/**
 * Every attribute value and CSS declaration of an MJML document (the whole tree, head
 * included), and of the markup inside Outlook conditional comments (`<!--[if mso]>`
 * VML buttons carry colours too).
 */
export function styleValues(doc: MjmlDoc, keep: Keep = EVERY): StyleValue[] {
  const out = valuesUnder(doc.root?.parent ?? doc.root, keep);
  for (const c of doc.comments) {
    if (!/^\[if\b[^\]]*\]>/i.test(c.value)) continue;
    const inner = doc.source.slice(c.start + 4, c.end - 3);
    if (inner.text === c.value && keep(inner)) out.push(...styleValues(parseMjml(inner), keep));
  }
  return out;
}

/** Every attribute value and CSS declaration of a fragment of raw HTML (e.g. HTML in Markdown). */
export function htmlStyleValues(html: MappedText, keep: Keep = EVERY): StyleValue[] {
  return styleValues(parseMjml(html), keep);
}

/** Style values per variant: brand-colors and brand-fonts read the same ones. */
const byVariant = new WeakMap<Variant, StyleValue[]>();
const authoredByVariant = new WeakMap<Variant, { configPath: string | undefined; values: StyleValue[] }>();

function valuesOf(variant: Variant, keep: Keep): StyleValue[] {
  const doc = emailDoc(variant.extra);
  const body = variant.extra.body as BodyModel | undefined;
  return [...(doc ? styleValues(doc, keep) : []), ...(body?.html ?? []).flatMap((h) => (keep(h.at) ? htmlStyleValues(h.at, keep) : []))];
}

/**
 * Every style value of an email variant: its MJML document (hand-written, or generated
 * from message.md) and the raw HTML written in its Markdown body.
 */
export function variantStyleValues(variant: Variant): StyleValue[] {
  let values = byVariant.get(variant);
  if (!values) byVariant.set(variant, (values = valuesOf(variant, EVERY)));
  return values;
}

/**
 * The style values of variantStyleValues that hold a character a person wrote (see
 * isAuthored), in the same order: what rules that check only authored values read. A
 * value made only of generated markup, variable values and brand.config.json (most of a
 * generated email's) is not parsed at all.
 */
export function authoredStyleValues(variant: Variant, configPath?: string): StyleValue[] {
  const kept = authoredByVariant.get(variant);
  if (kept && kept.configPath === configPath) return kept.values;
  const holds: Keep = (t) => t.pieces.some((p) => authoredPiece(p, configPath));
  const values = valuesOf(variant, holds).filter((v) => v.text.piecesIn(v.start, v.end).some((p) => authoredPiece(p, configPath)));
  authoredByVariant.set(variant, { configPath, values });
  return values;
}

/** A piece a person wrote in a template (text or code), not taken from the brand config. */
function authoredPiece(p: Piece, configPath: string | undefined): boolean {
  return (p.kind === "text" || p.kind === "code") && p.file.path !== configPath && path.basename(p.file.path) !== "brand.config.json";
}

/**
 * True when every character of [start, end) was written by a person in a template: not
 * generated markup, not a variable's value, not a value taken from the brand config
 * (which is the brand's own by definition).
 */
export function isAuthored(text: MappedText, start: number, end: number, configPath?: string): boolean {
  const ps = text.piecesIn(start, end);
  return ps.length > 0 && ps.every((p) => authoredPiece(p, configPath));
}

/** Parsed tokens of a style value; offsets (`sourceIndex`) are relative to the value's start. */
export function valueNodes(v: StyleValue): valueParserType.Node[] {
  return valueParser(v.value).nodes;
}

export interface FontFamilyRef {
  /** The family as a person means it: quotes removed, inner whitespace collapsed. */
  name: string;
  /** Range of the family (quotes included) in the value's text. */
  start: number;
  end: number;
}

// `\d+(?:\.\d*)?`, not `\d+\.?\d*`: the latter splits a run of digits every possible way before failing.
const FONT_SIZE = /^(?:[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[a-z]+|%)|0|xx-small|x-small|small|medium|large|x-large|xx-large|xxx-large|larger|smaller)$/i;
const SYSTEM_FONTS = new Set(["caption", "icon", "menu", "message-box", "small-caption", "status-bar"]);

/**
 * The part of an attribute value that is a CSS value, read by postcss as the value of a
 * declaration: without a trailing `;` (and what follows it), `!important` and outer spaces.
 */
export function attributeValueExtent(value: string): { start: number; end: number } {
  const prefix = "a{b:";
  let decl: postcssType.Declaration | undefined;
  try {
    const rule = postcss.parse(prefix + value + "}").first as postcssType.Rule | undefined;
    decl = rule?.first?.type === "decl" ? rule.first : undefined;
  } catch {
    decl = undefined;
  }
  const at = decl?.source?.start?.offset;
  if (!decl || at === undefined) return { start: 0, end: value.length };
  const raw = (decl.raws.value as { raw?: string } | undefined)?.raw ?? decl.value;
  const start = at + decl.prop.length + (decl.raws.between?.length ?? 0) - prefix.length;
  if (start < 0 || value.slice(start, start + raw.length) !== raw) return { start: 0, end: value.length };
  return { start, end: start + raw.length };
}

/** Splits a font-family list (`"Comic Sans MS", Inter, sans-serif`) into families. */
function familyList(nodes: readonly valueParserType.Node[], base: number): FontFamilyRef[] {
  const out: FontFamilyRef[] = [];
  let words: valueParserType.Node[] = [];
  // A family computed by var() or another function is not a name to check against a list.
  let computed = false;
  const flush = () => {
    const parts = words.filter((n) => n.type === "word" || n.type === "string");
    if (parts.length && !computed) out.push({ name: parts.map((n) => n.value.trim()).join(" ").replace(/\s+/g, " "), start: base + parts[0]!.sourceIndex, end: base + parts[parts.length - 1]!.sourceEndIndex });
    words = [];
    computed = false;
  };
  for (const n of nodes) {
    if (n.type === "div" && n.value === ",") flush();
    else if (n.type === "function") computed = true;
    else words.push(n);
  }
  flush();
  return out;
}

/**
 * The font families a value names: the whole value of `font-family` (or an HTML `face`
 * attribute), the families after the size in a `font` shorthand (`bold 16px/1.4 Inter,
 * sans-serif`). Other properties name no family.
 */
export function fontFamilies(v: StyleValue): FontFamilyRef[] {
  if (v.fontFace) return [];
  if (v.origin !== "css" && (v.prop === "font-family" || (v.prop === "face" && v.origin === "html"))) {
    // An attribute holds a CSS value as people write it in a declaration: `Arial, sans-serif;`
    // or `Inter !important` mean the families before the `;` or the `!important`.
    const e = attributeValueExtent(v.value);
    return familyList(valueParser(v.value.slice(e.start, e.end)).nodes, v.start + e.start);
  }
  const nodes = valueNodes(v);
  if (v.prop === "font-family") return familyList(nodes, v.start);
  if (v.prop !== "font" || v.origin !== "css") return [];
  const meaningful = nodes.filter((n) => n.type !== "space" && n.type !== "comment");
  if (meaningful.length === 1 && meaningful[0]!.type === "word" && SYSTEM_FONTS.has(meaningful[0]!.value.toLowerCase())) return [];
  // The family list starts after the size and its optional "/ line-height".
  let i = nodes.findIndex((n) => (n.type === "word" && FONT_SIZE.test(n.value)) || (n.type === "function" && /^(calc|clamp|min|max|var)$/i.test(n.value)));
  if (i === -1) return [];
  i++;
  while (i < nodes.length && (nodes[i]!.type === "space" || nodes[i]!.type === "comment")) i++;
  if (nodes[i]?.type === "div" && nodes[i]!.value === "/") {
    i++;
    while (i < nodes.length && nodes[i]!.type !== "word" && nodes[i]!.type !== "function") i++;
    i++;
  }
  return familyList(nodes.slice(i), v.start);
}
