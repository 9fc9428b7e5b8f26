/**
 * What a reader of an email sees: for every run of text in an MJML document, the
 * colour it is painted in, the backgrounds behind it and its size and weight, resolved
 * the way mjml resolves them (element attribute > mj-class children defaults >
 * mj-class > mj-attributes per component > mj-all > the component's built-in default)
 * and through the section / column / element nesting, plus inline HTML inside text
 * elements (style attributes, `<font color>`, `bgcolor`, bold and heading tags). Each
 * colour keeps the position it was written at, so a finding lands on the value that
 * decides. Colours are parsed by the brand-colors helpers (any CSS syntax).
 */
import type { VariantExtra } from "../campaign/model.js";
import { createRequire } from "node:module";
import type * as Culori from "culori";
import { colorsInValue, type Rgb8 } from "./colors.js";
import { declarations, type StyleValue } from "./css.js";
import { fontPx, fontWeight } from "./cascade.js";
import type { MjAttr, MjElement, MjmlDoc, MjText } from "../render/mjml-doc.js";
import { walkElements } from "../render/mjml-doc.js";
import { mjmlHtmlBeforeInlining } from "../render/email.js";
import { MappedText, MappedTextBuilder } from "../text/mapped-text.js";
import { cascadeRuns, type CascadeResult, type DomNode, type ValueSource } from "./cascade.js";

/** A range of mapped text: where a person wrote a value. */
export interface At {
  text: MappedText;
  start: number;
  end: number;
}

/** A colour with its opacity; `at` is undefined for mjml's built-in defaults. */
export interface Paint {
  rgb: Rgb8;
  alpha: number;
  /** As written (or the built-in default). */
  raw: string;
  at?: At;
}

/** A background behind text: a colour, or a picture whose colours are unknown. */
export type Layer = { paint: Paint } | { image: At };

export interface TextRun {
  /** The MJML component (mj-text, mj-button...) holding the text. */
  element: MjElement;
  text: MappedText;
  color: Paint;
  /** Backgrounds from the text outward, ending with the first opaque colour or picture. */
  layers: Layer[];
  fontPx: number;
  fontWeight: number;
}

/** The components whose text is checked, with mjml's built-in defaults (mjml 4/5 `defaultAttributes`). */
const COMPONENTS: Record<string, { color: string; background?: string }> = {
  "mj-text": { color: "#000000" },
  "mj-button": { color: "#ffffff", background: "#414141" },
  "mj-table": { color: "#000000" },
  "mj-navbar-link": { color: "#000000" },
};
const DEFAULT_FONT_SIZE = "13px";
const WHITE: Paint = { rgb: [255, 255, 255], alpha: 1, raw: "#FFFFFF" };

/** Attributes of each container that paint behind its content, innermost first. */
function backgroundAttrs(el: MjElement, own: boolean): string[] {
  switch (el.name) {
    case "mj-button":
      return own ? ["background-color", "container-background-color"] : [];
    case "mj-text":
    case "mj-table":
    case "mj-navbar-link":
      return own ? ["container-background-color"] : [];
    case "mj-column":
      // inner-background-color only paints when the column has padding (mjml's "gutter").
      return el.attrs.some((a) => a.name.startsWith("padding")) ? ["inner-background-color", "background-color"] : ["background-color"];
    case "mj-group":
    case "mj-section":
    case "mj-wrapper":
    case "mj-hero":
    case "mj-body":
      return ["background-color"];
    default:
      return [];
  }
}

/** One of mjml's built-in default colours (#rrggbb); it has no position in any file. */
function builtInPaint(raw: string): Paint {
  return { rgb: [1, 3, 5].map((i) => parseInt(raw.slice(i, i + 2), 16)) as unknown as Rgb8, alpha: 1, raw };
}

let culoriParse: typeof Culori.parse | undefined;
/** The alpha of a colour as written (`#0008`, `rgb(0 0 0 / 40%)`); 1 when it has none. */
function alphaOf(raw: string): number {
  culoriParse ??= (createRequire(import.meta.url)("culori") as typeof Culori).parse;
  return culoriParse(raw.trim().toLowerCase())?.alpha ?? 1;
}

/** A colour value: a paint, a keyword that paints nothing (`transparent`), or nothing to go by (`inherit`, a variable). */
function paintOf(v: StyleValue): Paint | "transparent" | undefined {
  const ref = colorsInValue(v)[0];
  if (ref?.rgb) return { rgb: ref.rgb, alpha: alphaOf(ref.raw), raw: ref.raw, at: { text: ref.text, start: ref.start, end: ref.end } };
  return /^\s*(transparent|none)\s*$/i.test(v.value) ? "transparent" : undefined;
}

function attrValue(a: MjAttr, element: string): StyleValue {
  return { prop: a.name.toLowerCase(), origin: element.startsWith("mj-") ? "mjml" : "html", element, text: a.value, start: 0, end: a.value.length, value: a.value.text };
}

/** mj-attributes of a document, in the order mjml merges them. */
interface HeadAttributes {
  all: Map<string, MjAttr>;
  byTag: Map<string, Map<string, MjAttr>>;
  classes: Map<string, Map<string, MjAttr>>;
  /** `<mj-class name="x"><mj-text color=…/></mj-class>`: defaults for descendants of elements with that class. */
  classChildren: Map<string, Map<string, Map<string, MjAttr>>>;
}

function headAttributes(doc: MjmlDoc): HeadAttributes {
  const h: HeadAttributes = { all: new Map(), byTag: new Map(), classes: new Map(), classChildren: new Map() };
  const put = (m: Map<string, MjAttr>, attrs: MjAttr[], skip?: string) => {
    for (const a of attrs) if (a.name !== skip) m.set(a.name, a);
  };
  const sub = <V>(m: Map<string, Map<string, V>>, k: string) => {
    let v = m.get(k);
    if (!v) m.set(k, (v = new Map()));
    return v;
  };
  for (const block of walkElements(doc.root)) {
    if (block.name !== "mj-attributes") continue;
    for (const c of block.children) {
      if (c.type !== "element") continue;
      if (c.name === "mj-all") put(h.all, c.attrs);
      else if (c.name === "mj-class") {
        const name = c.attrs.find((a) => a.name === "name")?.value.text;
        if (!name) continue;
        put(sub(h.classes, name), c.attrs, "name");
        for (const k of c.children) if (k.type === "element") put(sub(sub(h.classChildren, name), k.name), k.attrs);
      } else put(sub(h.byTag, c.name), c.attrs);
    }
  }
  return h;
}

const classList = (el: MjElement) => el.attrs.find((a) => a.name === "mj-class")?.value.text.split(/\s+/).filter(Boolean) ?? [];

/** The attribute that sets `name` on a component, by mjml's precedence; undefined when only the built-in default does. */
function resolveAttr(h: HeadAttributes, el: MjElement, name: string): MjAttr | undefined {
  const own = el.attrs.find((a) => a.name === name);
  if (own) return own;
  // Defaults from the nearest ancestor's mj-class children (later classes win).
  for (let p = el.parent; p; p = p.parent) {
    const cls = classList(p);
    if (!cls.length) continue;
    for (const c of [...cls].reverse()) {
      const a = h.classChildren.get(c)?.get(el.name)?.get(name);
      if (a) return a;
    }
    break;
  }
  for (const c of [...classList(el)].reverse()) {
    const a = h.classes.get(c)?.get(name);
    if (a) return a;
  }
  return h.byTag.get(el.name)?.get(name) ?? h.all.get(name);
}

/** A background attribute of an MJML container as a layer; undefined when it paints nothing. */
function containerLayer(h: HeadAttributes, el: MjElement, name: string): Layer | undefined {
  const a = resolveAttr(h, el, name);
  const builtIn = name !== "background-color" ? undefined : el.name === "mj-hero" ? "#ffffff" : COMPONENTS[el.name]?.background;
  const paint = a ? paintOf(attrValue(a, el.name)) : builtIn ? builtInPaint(builtIn) : undefined;
  const url = resolveAttr(h, el, "background-url");
  // A picture covers the colour; a picture alone leaves the background unknown.
  if (url && url.value.text.trim() && (el.name === "mj-section" || el.name === "mj-wrapper" || el.name === "mj-hero" || el.name === "mj-column") && name === "background-color" && (!paint || paint === "transparent")) return { image: { text: url.value, start: 0, end: url.value.length } };
  if (!paint || paint === "transparent") return undefined;
  return { paint };
}

/** The backgrounds behind a component, from it outward to the first opaque one (white when the body has none). */
function componentLayers(h: HeadAttributes, el: MjElement): Layer[] {
  const out: Layer[] = [];
  for (let p: MjElement | undefined = el; p; p = p.parent) {
    for (const name of backgroundAttrs(p, p === el)) {
      const l = containerLayer(h, p, name);
      if (!l) continue;
      out.push(l);
      if ("image" in l || l.paint.alpha >= 1) return out;
    }
  }
  out.push({ paint: WHITE });
  return out;
}

const HEADING_EM: Record<string, number> = { h1: 2, h2: 1.5, h3: 1.17, h4: 1, h5: 0.83, h6: 0.67 };
const SKIP = new Set(["style", "script", "head", "title", "mj-style", "mj-raw"]);

interface State {
  color: Paint;
  layers: Layer[];
  px: number;
  weight: number;
}

/** Applies an HTML element's tag and attributes to the inherited state; undefined when its text is hidden. */
function htmlState(el: MjElement, s: State): State | undefined {
  const tag = el.name.toLowerCase();
  const next: State = { ...s };
  if (tag === "b" || tag === "strong" || tag === "th") next.weight = Math.max(700, s.weight);
  if (tag in HEADING_EM) {
    next.px = s.px * HEADING_EM[tag]!;
    next.weight = Math.max(700, s.weight);
  }
  if (tag === "small") next.px = s.px / 1.2;
  if (tag === "big") next.px = s.px * 1.2;
  const bgs: Layer[] = [];
  for (const a of el.attrs) {
    const name = a.name.toLowerCase();
    if (name === "color" || name === "bgcolor") {
      const p = paintOf(attrValue(a, tag));
      if (p && p !== "transparent") {
        if (name === "color") next.color = p;
        else bgs.push({ paint: p });
      }
    }
    if (name !== "style") continue;
    for (const d of declarations(a.value, tag)) {
      const value = d.value.trim().toLowerCase();
      if ((d.prop === "display" && value === "none") || (d.prop === "visibility" && value === "hidden") || (d.prop === "opacity" && Number(value) === 0)) return undefined;
      if (d.prop === "color") {
        const p = paintOf(d);
        if (p && p !== "transparent") next.color = p;
        else if (p === "transparent") return undefined;
      } else if (d.prop === "background-color" || d.prop === "background" || d.prop === "background-image") {
        if (/\b(url|[a-z-]*gradient)\(/i.test(d.value)) {
          bgs.unshift({ image: { text: d.text, start: d.start, end: d.end } });
          continue;
        }
        const p = paintOf(d);
        if (p && p !== "transparent") bgs.push({ paint: p });
      } else if (d.prop === "font-size") next.px = fontPx(d.value, s.px) ?? next.px;
      else if (d.prop === "font-weight") next.weight = fontWeight(d.value, s.weight) ?? next.weight;
    }
  }
  // The last background written wins (style after bgcolor); a picture sits on top of it.
  const bg = bgs.find((l) => "image" in l) ?? bgs[bgs.length - 1];
  if (bg) next.layers = [bg, ...s.layers];
  if (next.px <= 0) return undefined;
  return next;
}

/**
 * Every run of visible, non-blank text in the document's text components, with the
 * colour, backgrounds, size and weight it is rendered with.
 */
export function textRuns(doc: MjmlDoc): TextRun[] {
  const h = headAttributes(doc);
  const out: TextRun[] = [];
  for (const el of walkElements(doc.root)) {
    const defaults = COMPONENTS[el.name];
    if (!defaults) continue;
    const colorAttr = resolveAttr(h, el, "color");
    const written = colorAttr ? paintOf(attrValue(colorAttr, el.name)) : undefined;
    if (written === "transparent") continue;
    const color = written ?? builtInPaint(defaults.color);
    const sizeAttr = resolveAttr(h, el, "font-size");
    const weightAttr = resolveAttr(h, el, "font-weight");
    const px = fontPx(sizeAttr?.value.text ?? DEFAULT_FONT_SIZE, 16) ?? 13;
    const weight = (weightAttr && fontWeight(weightAttr.value.text, 400)) ?? 400;
    const visit = (node: MjElement, s: State) => {
      for (const c of node.children) {
        if (c.type === "text") {
          if (/\S/.test(c.text.text) && s.color.alpha > 0) out.push({ element: el, text: c.text, color: s.color, layers: s.layers, fontPx: s.px, fontWeight: s.weight });
        } else if (!SKIP.has(c.name.toLowerCase())) {
          const next = htmlState(c, s);
          if (next) visit(c, next);
        }
      }
    };
    if (px > 0) visit(el, { color, layers: componentLayers(h, el), px, weight });
  }
  return out;
}

/** WCAG 2.2 relative luminance of an 8-bit sRGB colour. */
export function luminance(c: Rgb8): number {
  const lin = (v: number) => {
    const x = v / 255;
    return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
}

/** WCAG 2.2 contrast ratio, from 1 to 21. */
export function contrastRatio(a: Rgb8, b: Rgb8): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** A colour at its opacity over an opaque one (source-over alpha blending in sRGB, as browsers do). */
export function over(top: Paint, below: Rgb8): Rgb8 {
  const a = Math.min(1, Math.max(0, top.alpha));
  return [0, 1, 2].map((i) => Math.round(top.rgb[i]! * a + below[i]! * (1 - a))) as unknown as Rgb8;
}

/**
 * The opaque colour behind a run (its layers composited from the outermost inward),
 * with the innermost written colour that shapes it; or the picture that hides it.
 */
export function effectiveBackground(layers: readonly Layer[]): { rgb: Rgb8; at?: At } | { image: At } {
  const paints: Paint[] = [];
  for (const l of layers) {
    if ("image" in l) return l;
    paints.push(l.paint);
    if (l.paint.alpha >= 1) break;
  }
  let rgb = paints[paints.length - 1]!.rgb;
  for (let i = paints.length - 2; i >= 0; i--) rgb = over(paints[i]!, rgb);
  return { rgb, at: paints.find((p) => p.at)?.at };
}

/** #RRGGBB in upper case. */
export function hex(c: Rgb8): string {
  return "#" + c.map((v) => v.toString(16).padStart(2, "0")).join("").toUpperCase();
}

/** A colour value with no place in any file (mjml's output, a browser default): its paint alone. */
function valuePaint(value: string, prop: string, html: boolean): Paint | "transparent" | undefined {
  const p = paintOf({ prop, origin: html ? "html" : "css", element: "td", text: MappedText.empty(), start: 0, end: value.length, value });
  return p && p !== "transparent" ? { rgb: p.rgb, alpha: p.alpha, raw: p.raw } : p;
}

/** The declaration of `prop` that wins in a style attribute: the last `!important` one, else the last. */
function styleDecl(el: MjElement, prop: string): StyleValue | undefined {
  const style = el.attrs.find((a) => a.name.toLowerCase() === "style");
  if (!style) return undefined;
  const ds = declarations(style.value, el.name).filter((d) => d.prop === prop);
  const important = ds.filter((d) => d.important);
  return (important.length ? important : ds).pop();
}

/**
 * A computed colour as a paint, placed where it was written: a sheet's declaration, the
 * source element's style attribute or colour attribute; without a place when mjml
 * generated it (then `generated` may find the MJML attribute it came from) or the
 * browser supplies it.
 */
function placedPaint(value: string, prop: string, from: ValueSource, source: (n: DomNode) => MjElement | undefined, generated: (p: Paint) => At | undefined): Paint | "transparent" | undefined {
  let placed: Paint | "transparent" | undefined;
  if ("sheet" in from) placed = paintOf(from.sheet);
  else if ("inline" in from) {
    const el = source(from.inline);
    const d = el ? styleDecl(el, prop) : undefined;
    if (d) placed = paintOf(d);
  } else if ("attr" in from) {
    const el = source(from.attr);
    const a = el?.attrs.find((x) => x.name.toLowerCase() === from.name);
    if (el && a) placed = paintOf({ ...attrValue(a, el.name), origin: "html" });
  }
  if (placed) return placed;
  const bare = valuePaint(value, prop, "attr" in from);
  if (!bare || bare === "transparent") return bare;
  const at = "ua" in from ? undefined : generated(bare);
  return at ? { ...bare, at } : bare;
}

const sameRgb = (a: Rgb8, b: Rgb8) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2];

/** Turns the cascade's runs into text runs of the source, through the maps from the HTML to the file. */
function runsOf(result: CascadeResult, map: { text(n: DomNode): MappedText | undefined; element(n: DomNode): MjElement | undefined; owner(n: DomNode): MjElement | undefined; generated(n: DomNode, what: "color" | "background", p: Paint): At | undefined }): TextRun[] {
  const out: TextRun[] = [];
  for (const run of result.runs) {
    const text = map.text(run.node);
    const owner = map.owner(run.node);
    if (!text || !owner) continue;
    const color = placedPaint(run.color.value, "color", run.color.from, map.element, (p) => map.generated(run.node, "color", p));
    if (!color || color === "transparent" || color.alpha <= 0) continue;
    const layers: Layer[] = [];
    for (const l of run.layers) {
      if (l.image) {
        // A picture: its colours are unknown, so the text over it is not checked.
        layers.push({ image: "sheet" in l.from ? { text: l.from.sheet.text, start: l.from.sheet.start, end: l.from.sheet.end } : { text, start: 0, end: 0 } });
        break;
      }
      const paint = placedPaint(l.value, "attr" in l.from ? l.from.name : l.prop, l.from, map.element, (p) => map.generated(run.node, "background", p));
      if (!paint || paint === "transparent") continue;
      layers.push({ paint });
      if (paint.alpha >= 1) break;
    }
    const last = layers[layers.length - 1];
    if (!last || ("paint" in last && last.paint.alpha < 1)) layers.push({ paint: WHITE });
    out.push({ element: owner, text, color, layers, fontPx: run.fontPx, fontWeight: run.fontWeight });
  }
  return out;
}

/** Every sheet of a document: `<style>` anywhere, `<mj-style>` (inlined by mjml or not). */
function sheetsOf(doc: MjmlDoc): { inline: MappedText[]; plain: MappedText[] } {
  const inline: MappedText[] = [];
  const plain: MappedText[] = [];
  for (const el of walkElements(doc.root)) {
    const name = el.name.toLowerCase();
    if (name !== "style" && name !== "mj-style") continue;
    const b = new MappedTextBuilder();
    for (const c of el.children) if (c.type === "text") b.append(c.text);
    const isInline = name === "mj-style" && el.attrs.some((a) => a.name === "inline" && a.value.text === "inline");
    (isInline ? inline : plain).push(b.build());
  }
  return { inline, plain };
}

/** True when a document has style sheets whose rules may paint its text. */
export function hasStyleSheets(doc: MjmlDoc): boolean {
  const s = sheetsOf(doc);
  return s.inline.length + s.plain.length > 0;
}

/** The text runs of a hand-written HTML email, through the cascade of its `<style>` sheets, inline styles and attributes. */
export function htmlTextRuns(doc: MjmlDoc): TextRun[] {
  const sheets = sheetsOf(doc);
  const result = cascadeRuns({ html: doc.source.text, inlineSheets: [], sheets: [...sheets.inline, ...sheets.plain] });
  const elements = new Map<number, MjElement>();
  const texts = new Map<number, MappedText>();
  for (const el of walkElements(doc.root)) {
    elements.set(el.openStart, el);
    for (const c of el.children) if (c.type === "text") texts.set(c.start, c.text);
  }
  const element = (n: DomNode) => (n.startIndex != null ? elements.get(n.startIndex) : undefined);
  return runsOf(result, {
    text: (n) => (n.startIndex != null ? texts.get(n.startIndex) : undefined),
    element,
    owner: (n) => (n.parent ? element(n.parent) : undefined) ?? doc.root,
    generated: () => undefined,
  });
}

/** Text nodes of an MJML body with the MJML component that holds each, in document order. */
function mjmlTexts(doc: MjmlDoc): { node: MjText; parent: MjElement; component: MjElement }[] {
  const out: { node: MjText; parent: MjElement; component: MjElement }[] = [];
  const body = [...walkElements(doc.root)].find((e) => e.name === "mj-body");
  const visit = (el: MjElement, component: MjElement) => {
    if (SKIP.has(el.name.toLowerCase()) && el.name !== "mj-raw") return;
    for (const c of el.children) {
      if (c.type === "text") {
        if (/\S/.test(c.text.text)) out.push({ node: c, parent: el, component });
      } else visit(c, c.name.startsWith("mj-") ? c : component);
    }
  };
  if (body) visit(body, body);
  return out;
}

const norm = (s: string) => s.replace(/\s+/g, " ").trim();

/**
 * The text runs of an MJML email as mjml renders it, through the CSS mjml applies:
 * `<mj-style inline="inline">` inlined as mjml inlines it, then `<mj-style>` and
 * `<style>` rules, mj-attributes and mj-class (which mjml writes as inline styles). Each
 * text of mjml's HTML is matched with the text of the template it was copied from (mjml
 * copies the content of mj-text, mj-button and the like as written), and so is the
 * HTML written around it; a value on markup mjml generated is placed on the MJML
 * attribute it came from. Undefined when mjml cannot render the template.
 */
export function mjmlCascadeRuns(doc: MjmlDoc): TextRun[] | undefined {
  const rendered = mjmlHtmlBeforeInlining(doc.source.text);
  if (!rendered) return undefined;
  const sheets = sheetsOf(doc);
  const result = cascadeRuns({ html: rendered.html, inlineSheets: sheets.inline, sheets: sheets.plain });
  // Pair mjml's texts with the template's, in order, and the HTML elements around them.
  const source = mjmlTexts(doc);
  const textOf = new Map<DomNode, { node: MjText; component: MjElement }>();
  const elementOf = new Map<DomNode, MjElement>();
  let j = 0;
  for (const s of source) {
    const want = norm(s.node.text.text);
    const k = result.texts.slice(j, j + 40).findIndex((t) => norm(t.data ?? "") === want);
    if (k === -1) continue;
    const o = result.texts[j + k]!;
    j += k + 1;
    textOf.set(o, { node: s.node, component: s.component });
    let src: MjElement | undefined = s.parent;
    let out = o.parent ?? undefined;
    while (src && out && !src.name.startsWith("mj-") && src.name.toLowerCase() === (out.name ?? "").toLowerCase()) {
      elementOf.set(out, src);
      src = src.parent;
      out = out.parent ?? undefined;
    }
  }
  const h = headAttributes(doc);
  return runsOf(result, {
    text: (n) => textOf.get(n)?.node.text,
    element: (n) => elementOf.get(n),
    owner: (n) => textOf.get(n)?.component,
    generated: (n, what, p) => {
      const component = textOf.get(n)?.component;
      if (!component) return undefined;
      if (what === "color") {
        const a = resolveAttr(h, component, "color");
        const written = a ? paintOf(attrValue(a, component.name)) : undefined;
        return written && written !== "transparent" && sameRgb(written.rgb, p.rgb) ? written.at : undefined;
      }
      for (const l of componentLayers(h, component)) if ("paint" in l && l.paint.at && sameRgb(l.paint.rgb, p.rgb)) return l.paint.at;
      return undefined;
    },
  });
}

/**
 * The text runs of an email variant: a hand-written HTML email through its cascade; an
 * MJML email as mjml renders it when it is hand-written or has style sheets (else, for
 * the MJML brandlint generates, from its attributes, which is what mjml does with them).
 * A hand-written template's variables without a value are shown as written, as a link
 * whose text is a variable still has text on the day it is sent.
 */
export function variantTextRuns(extra: VariantExtra, handwritten: boolean): { doc: MjmlDoc; runs: TextRun[] } | undefined {
  const doc = extra.contrastDoc?.() ?? extra.mjml ?? extra.html;
  if (!doc?.root) return undefined;
  if (doc.kind === "html") return { doc, runs: htmlTextRuns(doc) };
  if (handwritten || hasStyleSheets(doc)) return { doc, runs: mjmlCascadeRuns(doc) ?? textRuns(doc) };
  return { doc, runs: textRuns(doc) };
}

/** Text with a letter or digit (any script); punctuation, symbols and emoji alone are not read as text. */
const WORDS = /[\p{L}\p{N}]/u;

export interface LowContrast {
  run: TextRun;
  /** The text colour as painted (blended over the background when translucent). */
  fg: Rgb8;
  background: Rgb8;
  backgroundAt?: At;
  ratio: number;
  needed: number;
  bold: boolean;
}

/**
 * The runs whose contrast is below WCAG's minimum (AA: 4.5:1, 3:1 for large text; AAA:
 * 7:1 and 4.5:1). Like axe-core, text of only punctuation, symbols and emoji (a “ | ”
 * separator) and text over a picture are not checked.
 */
export function lowContrast(runs: readonly TextRun[], options: { level: "AA" | "AAA"; largeTextPx: number }): LowContrast[] {
  const levelRatios = options.level === "AAA" ? { normal: 7, large: 4.5 } : { normal: 4.5, large: 3 };
  const out: LowContrast[] = [];
  for (const run of runs) {
    if (!WORDS.test(run.text.text)) continue;
    const bg = effectiveBackground(run.layers);
    if ("image" in bg) continue;
    const fg = over(run.color, bg.rgb);
    const ratio = contrastRatio(fg, bg.rgb);
    const bold = run.fontWeight >= 700;
    const large = run.fontPx >= options.largeTextPx - 0.005 || (bold && run.fontPx >= (options.largeTextPx * 14) / 18 - 0.01);
    const needed = large ? levelRatios.large : levelRatios.normal;
    if (ratio < needed) out.push({ run, fg, background: bg.rgb, ...(bg.at ? { backgroundAt: bg.at } : {}), ratio, needed, bold });
  }
  return out;
}
