/**
 * The style a mail client computes for every text of an HTML email, with where each
 * deciding value was written. The CSS cascade is juice's — the inliner mjml itself uses:
 * juice matches every rule of the style sheets against the document (specificity,
 * source order, `!important`, inline styles, CSS variables) and leaves, on each
 * element, the declaration that wins for each property and the rule it came from.
 * This module adds what a browser adds on top: the style attribute wins over rules
 * unless a rule is `!important`, HTML presentational attributes (`bgcolor`, `<font
 * color>`) lose to any CSS, the user-agent defaults (link blue, heading sizes, bold),
 * inheritance of colour, size, weight and visibility, and the backgrounds painted
 * behind each text by its ancestors.
 *
 * Two passes model an mjml email: first the sheets mjml inlines before sending
 * (`<mj-style inline="inline">`), whose winners become the elements' style attributes,
 * then the sheets the client applies (`<mj-style>`, `<style>`). Media queries, `:hover`
 * and the like are not applied (juice leaves them to the client), so what is computed is
 * the email as a desktop client first shows it.
 */
import { createRequire } from "node:module";
import { requireSeeded } from "../render/lazy-require.js";
import { declarations, type StyleValue } from "./css.js";
import type { MappedText } from "../text/mapped-text.js";

/** A node of the document juice works on (domhandler's shape, as cheerio gives it). */
export interface DomNode {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
  parent?: DomNode | null;
  data?: string;
  startIndex?: number | null;
  styleProps?: Record<string, JuiceProperty>;
}

interface JuiceProperty {
  prop: string;
  value: string;
  priority: number;
  selector: { text: string; styleAttribute?: boolean };
  additionalPriority: number[];
}

/** Where a computed value was written. */
export type ValueSource =
  | { sheet: StyleValue }
  | { inline: DomNode }
  | { attr: DomNode; name: string }
  | { ua: string };

export interface Computed {
  value: string;
  from: ValueSource;
}

export interface CascadeLayer {
  /** The element that paints it. */
  element: DomNode;
  /** The property (or HTML attribute) that paints it. */
  prop: string;
  value: string;
  /** A picture or gradient: its colours are unknown. */
  image: boolean;
  from: ValueSource;
}

export interface CascadeRun {
  node: DomNode;
  /** The element the text is in. */
  element: DomNode;
  text: string;
  color: Computed;
  /** Backgrounds from the text outward (innermost first); the canvas is not included. */
  layers: CascadeLayer[];
  fontPx: number;
  fontWeight: number;
}

export interface CascadeInput {
  html: string;
  /** Sheets inlined into style attributes before the email is sent, in order. */
  inlineSheets: readonly MappedText[];
  /** Sheets the mail client applies, in order. */
  sheets: readonly MappedText[];
}

export interface CascadeResult {
  runs: CascadeRun[];
  /** Every non-blank text of the body in document order, shown or hidden. */
  texts: DomNode[];
}

type Juice = {
  inlineDocument: ($: unknown, css: string, options: object) => void;
  utils: { getDefaultOptions: (o: object) => object; parseCSS: (css: string) => [string, { type: string; name: string; value: string }[]][] };
};
type CheerioLoad = (html: string, options: object) => ((selector: string) => { toArray(): DomNode[] }) & { root(): { toArray(): DomNode[] } };

let kit: { juice: Juice; load: CheerioLoad } | undefined;
/**
 * juice, and the cheerio it works with (its `inlineDocument` takes that cheerio's
 * documents), loaded on first use. Both are cheerio's `slim` build, which parses with
 * htmlparser2 only: juice always loads documents with cheerio's `xml` option, which is
 * htmlparser2 in the full build too, so the documents are the same without loading
 * parse5 and undici (two thirds of juice's load).
 */
function juiceKit(): { juice: Juice; load: CheerioLoad } {
  if (!kit) {
    const require = createRequire(import.meta.url);
    const fromJuice = createRequire(require.resolve("juice"));
    const slim = fromJuice("cheerio/slim") as { load: CheerioLoad };
    const juice = requireSeeded<Juice>(require, "juice", new Map([[fromJuice.resolve("cheerio"), () => slim]]));
    kit = { juice, load: slim.load };
  }
  return kit;
}

/** A set of sheets as one CSS text, and the declaration written at each offset of it. */
interface Joined {
  css: string;
  lineStarts: number[];
  byOffset: Map<number, StyleValue>;
}

function joinSheets(sheets: readonly MappedText[]): Joined {
  let css = "";
  const byOffset = new Map<number, StyleValue>();
  for (const sheet of sheets) {
    if (css) css += "\n";
    const base = css.length;
    for (const d of declarations(sheet, "style")) if (d.declStart !== undefined) byOffset.set(base + d.declStart, d);
    css += sheet.text;
  }
  const lineStarts = [0];
  for (let i = 0; i < css.length; i++) if (css.charCodeAt(i) === 10) lineStarts.push(i + 1);
  return { css, lineStarts, byOffset };
}

/** The declaration juice's property came from: its line and column (1-based) in the joined CSS. */
function sheetDecl(j: Joined, p: JuiceProperty): StyleValue | undefined {
  const [line, col] = p.additionalPriority;
  if (line === undefined || col === undefined) return undefined;
  return j.byOffset.get((j.lineStarts[line - 1] ?? 0) + col - 1);
}

const stripImportant = (v: string) => v.replace(/\s*!\s*important\s*$/i, "");

/** Every element below `n` in document order; iterative, so nesting depth never overflows the stack. */
function* elements(n: DomNode): Generator<DomNode> {
  const stack: DomNode[] = [...(n.children ?? [])].reverse();
  while (stack.length) {
    const c = stack.pop()!;
    const isElement = c.type === "tag" || c.type === "script" || c.type === "style";
    if (isElement) yield c;
    if (isElement || c.type === "root") for (let i = (c.children?.length ?? 0) - 1; i >= 0; i--) stack.push(c.children![i]!);
  }
}

/** The declarations of an element's style attribute as juice reads them: the last one, or the last `!important` one, wins. */
function styleAttribute(juice: Juice, el: DomNode): Map<string, string> {
  const out = new Map<string, string>();
  const style = el.attribs?.style;
  if (!style) return out;
  const important = new Set<string>();
  let parsed: ReturnType<Juice["utils"]["parseCSS"]>;
  try {
    parsed = juice.utils.parseCSS(`* { ${style} }`);
  } catch {
    return out;
  }
  for (const d of parsed[0]?.[1] ?? []) {
    if (d.type !== "property") continue;
    const name = d.name.toLowerCase();
    const imp = /!\s*important\s*$/i.test(d.value);
    if (important.has(name) && !imp) continue;
    if (imp) important.add(name);
    out.set(name, stripImportant(d.value));
  }
  return out;
}

/** Runs one pass of juice and returns, per element, each property's winning value and its source. */
function pass($: unknown, root: DomNode, sheets: readonly MappedText[], before: Map<DomNode, Map<string, Computed>> | undefined): Map<DomNode, Map<string, Computed>> {
  const { juice } = juiceKit();
  const j = joinSheets(sheets);
  const all = [...elements(root)];
  for (const el of all) delete el.styleProps;
  if (j.css.trim()) {
    try {
      juice.inlineDocument($, j.css, juice.utils.getDefaultOptions({ applyStyleTags: false, removeStyleTags: false, insertPreservedExtraCss: false }));
    } catch {
      // CSS juice cannot read applies nothing here; brand-colors still reads what postcss can.
      for (const el of all) delete el.styleProps;
    }
  }
  const out = new Map<DomNode, Map<string, Computed>>();
  for (const el of all) {
    const props = new Map<string, Computed>();
    const earlier = before?.get(el);
    const inlineFrom = (name: string): ValueSource => earlier?.get(name)?.from ?? { inline: el };
    if (el.styleProps) {
      for (const [name, p] of Object.entries(el.styleProps)) {
        const key = name.toLowerCase();
        if (p.selector.styleAttribute) props.set(key, { value: stripImportant(p.value), from: inlineFrom(key) });
        else {
          const d = sheetDecl(j, p);
          props.set(key, { value: stripImportant(p.value), from: d ? { sheet: d } : { ua: "a style sheet" } });
        }
      }
    } else for (const [key, value] of styleAttribute(juice, el)) props.set(key, { value, from: inlineFrom(key) });
    if (props.size) out.set(el, props);
  }
  return out;
}

/** Elements a browser never renders. */
const NOT_RENDERED = new Set(["head", "title", "style", "script", "template", "noscript", "meta", "link", "base"]);
const HEADING_EM: Record<string, number> = { h1: 2, h2: 1.5, h3: 1.17, h4: 1, h5: 0.83, h6: 0.67 };
/** `<font size="1…7">` in px (HTML's legacy font sizes). */
const FONT_SIZES = [0, 10, 13, 16, 18, 24, 32, 48];
const BGCOLOR_ELEMENTS = new Set(["body", "table", "tr", "td", "th"]);

/** A CSS font size in px, relative to the parent's; undefined when it cannot be known. */
export function fontPx(value: string, parent: number): number | undefined {
  const v = value.trim().toLowerCase();
  const keywords: Record<string, number> = { "xx-small": 9, "x-small": 10, small: 13, medium: 16, large: 18, "x-large": 24, "xx-large": 32, "xxx-large": 48 };
  if (v in keywords) return keywords[v];
  if (v === "smaller") return parent / 1.2;
  if (v === "larger") return parent * 1.2;
  const m = /^(\d+(?:\.\d*)?|\.\d+)(px|pt|em|rem|%)?$/.exec(v);
  if (!m) return undefined;
  const n = Number(m[1]);
  switch (m[2]) {
    case "pt":
      return (n * 4) / 3;
    case "em":
      return n * parent;
    case "rem":
      return n * 16;
    case "%":
      return (n / 100) * parent;
    default:
      return n;
  }
}

/** A CSS font weight as a number, relative to the parent's. */
export function fontWeight(value: string, parent: number): number | undefined {
  const v = value.trim().toLowerCase();
  if (v === "normal") return 400;
  if (v === "bold") return 700;
  if (v === "bolder") return parent >= 600 ? 900 : parent >= 350 ? 700 : 400;
  if (v === "lighter") return parent >= 600 ? 400 : 100;
  const n = Number(v);
  return Number.isFinite(n) && n >= 1 && n <= 1000 ? n : undefined;
}

const isZero = (v: string | undefined) => v !== undefined && /^\s*[+-]?0*\.?0*(?:px|em|rem|pt|%)?\s*$/i.test(v) && /0/.test(v);

interface State {
  color: Computed;
  px: number;
  weight: number;
  invisible: boolean;
  layers: CascadeLayer[];
}

/**
 * Every visible, non-blank text of an HTML document with the colour, backgrounds, size
 * and weight a browser computes for it.
 */
/**
 * Elements deeper than this are cut from the document before the cascade (and the
 * recursive walks of juice and of this file) sees it; the template's parser reports
 * where the limit was passed (MJML and HTML documents nest at most 200 elements).
 */
export const MAX_CASCADE_DEPTH = 200;

function pruneDeep(root: DomNode): void {
  const stack: [DomNode, number][] = [[root, 0]];
  while (stack.length) {
    const [n, depth] = stack.pop()!;
    if (!n.children?.length) continue;
    if (depth >= MAX_CASCADE_DEPTH) {
      n.children.length = 0;
      continue;
    }
    for (const c of n.children) stack.push([c, depth + 1]);
  }
}

export function cascadeRuns(input: CascadeInput): CascadeResult {
  const { load } = juiceKit();
  const $ = load(input.html, { xml: { xmlMode: false, withStartIndices: true, withEndIndices: true, decodeEntities: true } });
  const root = $.root().toArray()[0]!;
  pruneDeep(root);
  const first = pass($, root, input.inlineSheets, undefined);
  // After the first pass the inlined sheets live in the style attributes, as in the email sent.
  const styles = pass($, root, input.sheets, first);
  const runs: CascadeRun[] = [];
  const texts: DomNode[] = [];
  const collectTexts = (n: DomNode) => {
    for (const c of n.children ?? []) {
      if (c.type === "text") {
        if (/\S/.test(c.data ?? "")) texts.push(c);
      } else if (c.type === "tag" && !NOT_RENDERED.has(c.name ?? "")) collectTexts(c);
      else if (c.type === "root") collectTexts(c);
    }
  };
  collectTexts(root);

  const visit = (el: DomNode, s: State) => {
    for (const c of el.children ?? []) {
      if (c.type === "text") {
        if (!s.invisible && s.px > 0 && /\S/.test(c.data ?? "")) runs.push({ node: c, element: el, text: c.data ?? "", color: s.color, layers: s.layers, fontPx: s.px, fontWeight: s.weight });
        continue;
      }
      if (c.type !== "tag") continue;
      const next = computeElement(c, s, styles.get(c));
      if (next) visit(c, next);
    }
  };
  const canvas: State = { color: { value: "#000000", from: { ua: "the default text colour" } }, px: 16, weight: 400, invisible: false, layers: [] };
  visit(root, canvas);
  return { runs, texts };
}

/** The state inside an element; undefined when nothing in it is rendered. */
function computeElement(el: DomNode, s: State, css: Map<string, Computed> | undefined): State | undefined {
  const tag = (el.name ?? "").toLowerCase();
  const attrs = el.attribs ?? {};
  if (NOT_RENDERED.has(tag) || attrs.hidden !== undefined) return undefined;
  const prop = (name: string) => css?.get(name);
  const value = (name: string) => prop(name)?.value.trim().toLowerCase();
  if (value("display") === "none") return undefined;
  const opacity = value("opacity");
  if (opacity !== undefined && Number.parseFloat(opacity) === 0) return undefined;
  // The preheader trick: a box of no height that hides what overflows it.
  if ((isZero(value("max-height")) || isZero(value("height"))) && /^(hidden|clip)$/.test(value("overflow") ?? "")) return undefined;
  const next: State = { ...s };
  const visibility = value("visibility");
  if (visibility === "hidden" || visibility === "collapse") next.invisible = true;
  else if (visibility === "visible") next.invisible = false;

  const color = prop("color");
  if (color) {
    const v = color.value.trim().toLowerCase();
    if (v === "initial") next.color = { value: "#000000", from: color.from };
    else if (v !== "inherit" && v !== "unset" && v !== "currentcolor" && v !== "revert") next.color = color;
  } else if (tag === "a" && attrs.href !== undefined) next.color = { value: "#0000ee", from: { ua: "the browser's link colour" } };
  else if (tag === "font" && attrs.color) next.color = { value: attrs.color, from: { attr: el, name: "color" } };
  else if (tag === "body" && attrs.text) next.color = { value: attrs.text, from: { attr: el, name: "text" } };

  const size = prop("font-size");
  if (size) next.px = fontPx(size.value, s.px) ?? s.px;
  else if (tag in HEADING_EM) next.px = s.px * HEADING_EM[tag]!;
  else if (tag === "small") next.px = s.px / 1.2;
  else if (tag === "big") next.px = s.px * 1.2;
  else if (tag === "font" && attrs.size) {
    const rel = /^([+-])?(\d)$/.exec(attrs.size.trim());
    if (rel) next.px = FONT_SIZES[Math.min(7, Math.max(1, rel[1] ? 3 + Number(rel[1] + rel[2]) : Number(rel[2])))]!;
  }
  const weight = prop("font-weight");
  if (weight) next.weight = fontWeight(weight.value, s.weight) ?? s.weight;
  else if (tag === "b" || tag === "strong") next.weight = s.weight >= 600 ? 900 : 700;
  else if (tag === "th" || tag in HEADING_EM) next.weight = 700;

  // The background this element paints: CSS first, then the HTML attributes.
  let layer: CascadeLayer | undefined;
  for (const name of ["background-image", "background", "background-color"]) {
    const p = prop(name);
    if (!p) continue;
    const v = p.value.trim().toLowerCase();
    if (/\b(?:url|[a-z-]*gradient)\(/.test(v)) {
      layer = { element: el, prop: name, value: p.value, image: true, from: p.from };
      break;
    }
    if (name !== "background-image" && v && !/^(?:none|transparent|inherit|initial|unset)$/.test(v)) {
      layer = { element: el, prop: name, value: p.value, image: false, from: p.from };
      if (name === "background-color") break;
    }
  }
  if (!layer && BGCOLOR_ELEMENTS.has(tag)) {
    if (attrs.background?.trim()) layer = { element: el, prop: "background", value: attrs.background, image: true, from: { attr: el, name: "background" } };
    else if (attrs.bgcolor?.trim()) layer = { element: el, prop: "bgcolor", value: attrs.bgcolor, image: false, from: { attr: el, name: "bgcolor" } };
  }
  if (layer) next.layers = [layer, ...s.layers];
  return next;
}
