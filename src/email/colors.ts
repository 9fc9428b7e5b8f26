/**
 * Colours in an email, with positions: every colour written in an MJML colour
 * attribute or border shorthand, an HTML colour attribute, a `style` attribute or a
 * style sheet, parsed with culori in any CSS syntax (hex 3/4/6/8, rgb(a), hsl(a) in
 * legacy and space syntax, hwb, lab, lch, oklab, oklch, color(), named colours), and the
 * palette arithmetic the brand-colors rule needs: equality on 8-bit sRGB, the nearest
 * palette colour by CIEDE2000, and a replacement written in the original's notation.
 */
import { createRequire } from "node:module";
import type { Color, Hsl, Rgb } from "culori";
import type * as Culori from "culori";
import valueParser from "postcss-value-parser";
import { valueNodes, type StyleValue } from "./css.js";
import type { MappedText } from "../text/mapped-text.js";

/** How a colour was written; hex, rgb and hsl colours are fixed in the same notation. */
export type Notation = "hex" | "rgb" | "hsl" | "named" | "other";

export interface ColorRef {
  /** The mapped text holding the colour, and the colour's range in it. */
  text: MappedText;
  start: number;
  end: number;
  /** The colour as written. */
  raw: string;
  notation: Notation;
  /** 8-bit sRGB channels; undefined when `raw` looks like a colour (`#12`) but is not one. */
  rgb?: Rgb8;
  /** Where it was found (attribute or property name). */
  prop: string;
}

export type Rgb8 = readonly [number, number, number];

/** Keywords that are valid wherever a colour is and name no colour of their own. */
export const COLOR_KEYWORDS = new Set(["transparent", "currentcolor", "inherit", "initial", "unset", "revert", "revert-layer", "none", "auto"]);

const COLOR_FUNCTIONS = new Set(["rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab", "oklch", "color"]);

/** Attributes of plain HTML and Outlook VML elements that hold a colour (`<td bgcolor>`, `<font color>`, `<v:roundrect fillcolor>`). */
const HTML_COLOR_ATTRS = new Set(["bgcolor", "color", "bordercolor", "fillcolor", "strokecolor", "color2"]);
const BODY_COLOR_ATTRS = new Set(["text", "link", "vlink", "alink"]);

/**
 * Does a CSS property or MJML attribute hold colours? True for every `*color*` name
 * (color, background-color, container-background-color, inner-background-color,
 * border-color, ico-color, tb-hover-border-color...) and the shorthands that may
 * contain one (background, border and its sides, inner-border, tb-border, outline,
 * shadows, text-decoration, column-rule, fill, stroke).
 */
export function isColorProperty(prop: string): boolean {
  const p = prop.toLowerCase().replace(/^-(?:webkit|moz|ms|o)-/, "");
  if (p.includes("color")) return true;
  return /^(?:background|background-image|border-image|outline|box-shadow|text-shadow|text-decoration|column-rule|fill|stroke|text-stroke|mso-highlight|(?:inner-|tb-|mso-)?border(?:-(?:top|right|bottom|left|block|inline)(?:-(?:start|end))?)?(?:-alt)?)$/.test(p);
}

/**
 * Is this value one a colour may be written in, may a bare word (`red`) be a colour
 * there, and may hex digits go without `#` (HTML attributes: `bgcolor="EEEEEE"`)?
 */
function colorContext(v: StyleValue): { any: boolean; named: boolean; legacy?: boolean } {
  if (v.origin === "html") {
    const yes = HTML_COLOR_ATTRS.has(v.prop) || (v.element === "body" && BODY_COLOR_ATTRS.has(v.prop));
    return { any: yes, named: yes, legacy: yes };
  }
  if (isColorProperty(v.prop)) return { any: true, named: true };
  // MJML attributes other than colour ones (href="#top") hold no colours.
  if (v.origin === "mjml") return { any: false, named: false };
  // Other CSS declarations: a hex or colour function is unambiguous; a custom property
  // holding one bare word (--accent: tomato) is a colour too.
  if (v.prop.startsWith("--")) return { any: true, named: valueNodes(v).filter((n) => n.type !== "space" && n.type !== "comment").length === 1 };
  return { any: true, named: false };
}

interface Kit {
  parse: typeof Culori.parse;
  formatHex: typeof Culori.formatHex;
  named: Readonly<Record<string, number>>;
  toRgb: (c: Color) => Rgb;
  toHsl: (c: Color) => Hsl;
  ciede2000: (a: Color, b: Color) => number;
}
let kit: Kit | undefined;

/**
 * culori, loaded on first use: rule modules stay light to load, and its CommonJS
 * bundle loads several times faster than its many ES module files.
 */
function culori(): Kit {
  if (!kit) {
    const c = createRequire(import.meta.url)("culori") as typeof Culori;
    kit = { parse: c.parse, formatHex: c.formatHex, named: c.colorsNamed, toRgb: c.converter("rgb"), toHsl: c.converter("hsl"), ciede2000: c.differenceCiede2000() };
  }
  return kit;
}

/** Parses a CSS colour; function names and keywords are case-insensitive in CSS (RGB(), WHITE). */
function parseColor(raw: string): Color | undefined {
  return culori().parse(raw.trim().toLowerCase());
}

/** A parsed colour's 8-bit sRGB channels (out-of-gamut colours clamped). */
export function rgb8(c: Color): Rgb8 {
  const r = culori().toRgb(c);
  const ch = (x: number | undefined) => Math.round(Math.min(1, Math.max(0, x ?? 0)) * 255);
  return [ch(r.r), ch(r.g), ch(r.b)];
}

function rgbOf(c: Rgb8): Rgb {
  return { mode: "rgb", r: c[0] / 255, g: c[1] / 255, b: c[2] / 255 };
}

export function keyOf(c: Rgb8): string {
  return c.join(",");
}

function notationOf(fn: string): Notation {
  if (fn === "rgb" || fn === "rgba") return "rgb";
  if (fn === "hsl" || fn === "hsla") return "hsl";
  return "other";
}

/** The colours written in a value (colour keywords excluded), in order. */
export function colorsInValue(v: StyleValue): ColorRef[] {
  const ctx = colorContext(v);
  if (!ctx.any) return [];
  const out: ColorRef[] = [];
  const add = (n: valueParser.Node, notation: Notation, c: Color | undefined) => {
    const raw = v.value.slice(n.sourceIndex, n.sourceEndIndex);
    out.push({ text: v.text, start: v.start + n.sourceIndex, end: v.start + n.sourceEndIndex, raw, notation, ...(c ? { rgb: rgb8(c) } : {}), prop: v.prop });
  };
  const visit = (nodes: readonly valueParser.Node[]) => {
    for (const n of nodes) {
      if (n.type === "function") {
        const fn = n.value.toLowerCase();
        if (COLOR_FUNCTIONS.has(fn)) {
          // rgb(var(--r) 0 0) and relative colours are computed: not a colour to check.
          const c = parseColor(v.value.slice(n.sourceIndex, n.sourceEndIndex));
          if (c) add(n, notationOf(fn), c);
        } else if (fn !== "url") visit(n.nodes);
      } else if (n.type === "word") {
        const w = n.value.toLowerCase();
        if (w.startsWith("#")) add(n, "hex", parseColor(w));
        else if (ctx.legacy && /^(?:[0-9a-f]{3}|[0-9a-f]{6})$/.test(w) && !Object.hasOwn(culori().named, w)) add(n, "hex", parseColor("#" + w));
        else if (ctx.named && !COLOR_KEYWORDS.has(w) && Object.hasOwn(culori().named, w)) add(n, "named", parseColor(w));
      }
    }
  };
  visit(valueNodes(v));
  return out;
}

/** Every colour written in the given values, in order. */
export function colorsIn(values: readonly StyleValue[]): ColorRef[] {
  return values.flatMap(colorsInValue);
}

export interface PaletteEntry {
  name: string;
  /** As written in the config. */
  value: string;
  rgb: Rgb8;
}

export interface Palette {
  entries: PaletteEntry[];
  /** Entries that are not CSS colours. */
  invalid: { name: string; value: string }[];
  has(c: Rgb8): boolean;
}

/** Compiles the config's palette; alpha in a palette value is ignored (see `brand-colors`). */
export function compilePalette(colors: Readonly<Record<string, string>> | undefined): Palette {
  const entries: PaletteEntry[] = [];
  const invalid: Palette["invalid"] = [];
  for (const [name, value] of Object.entries(colors ?? {})) {
    const c = COLOR_KEYWORDS.has(value.trim().toLowerCase()) ? undefined : parseColor(value);
    if (c) entries.push({ name, value, rgb: rgb8(c) });
    else invalid.push({ name, value });
  }
  const keys = new Set(entries.map((e) => keyOf(e.rgb)));
  return { entries, invalid, has: (c) => keys.has(keyOf(c)) };
}

/** The palette colour closest to `c` by CIEDE2000 (ΔE00), with the distance. */
export function nearestColor(palette: Palette, c: Rgb8): { entry: PaletteEntry; distance: number } | undefined {
  let best: { entry: PaletteEntry; distance: number } | undefined;
  for (const entry of palette.entries) {
    const distance = culori().ciede2000(rgbOf(c), rgbOf(entry.rgb));
    if (!best || distance < best.distance) best = { entry, distance };
  }
  return best;
}

/** `x` with at most `digits` decimals and no trailing zeros. */
function num(x: number, digits: number): string {
  return String(+x.toFixed(digits));
}

/** Applies the letter case of the original hex digits (or of the palette's, when the original has no letters). */
function hexCase(body: string, original: string, palette: string): string {
  const lower = /[a-f]/.test(original);
  const upper = /[A-F]/.test(original);
  if (upper && !lower) return body.toUpperCase();
  if (lower) return body.toLowerCase();
  return /[A-F]/.test(palette) && !/[a-f]/.test(palette) ? body.toUpperCase() : body.toLowerCase();
}

function recolorHex(raw: string, target: PaletteEntry): string {
  const hash = raw.startsWith("#") ? "#" : "";
  const digits = raw.slice(hash.length);
  const six = culori().formatHex(rgbOf(target.rgb)).slice(1);
  const short = six[0] === six[1] && six[2] === six[3] && six[4] === six[5] ? six[0]! + six[2]! + six[4]! : undefined;
  let body: string;
  if (digits.length === 3) body = short ?? six;
  else if (digits.length === 4) body = short ? short + digits[3]! : six + digits[3]!.repeat(2);
  else if (digits.length === 8) body = six + digits.slice(6);
  else body = six;
  return hash + hexCase(body, digits, target.value);
}

/**
 * Rewrites the channels of an rgb()/hsl() function in place (separators, alpha, units
 * and the function name stay as written), with the fewest decimals that still read
 * back as the target colour.
 */
function recolorFunction(raw: string, notation: "rgb" | "hsl", target: PaletteEntry): string | undefined {
  const fn = valueParser(raw).nodes[0];
  if (fn?.type !== "function") return undefined;
  const channels = fn.nodes.filter((n) => n.type === "word").slice(0, 3);
  if (channels.length < 3 || channels.some((n) => n.value.toLowerCase() === "none")) return undefined;
  const units = channels.map((n) => valueParser.unit(n.value) || { number: n.value, unit: "" });
  const hsl = culori().toHsl(rgbOf(target.rgb));
  const write = (digits: number): string[] => {
    if (notation === "rgb") return target.rgb.map((c, i) => (units[i]!.unit === "%" ? num((c / 255) * 100, digits) + "%" : String(c)));
    const unit = units[0]!.unit.toLowerCase();
    const deg = hsl.h ?? 0;
    const hue = unit === "turn" ? deg / 360 : unit === "rad" ? (deg * Math.PI) / 180 : unit === "grad" ? (deg * 400) / 360 : deg;
    const pct = (x: number, i: number) => num(x * 100, digits) + (units[i]!.unit === "%" ? "%" : "");
    return [num(hue, unit === "turn" || unit === "rad" ? digits + 3 : digits) + units[0]!.unit, pct(hsl.s, 1), pct(hsl.l, 2)];
  };
  for (let digits = 0; digits <= 4; digits++) {
    const values = write(digits);
    let out = "";
    let at = 0;
    channels.forEach((n, i) => {
      out += raw.slice(at, n.sourceIndex) + values[i];
      at = n.sourceEndIndex;
    });
    out += raw.slice(at);
    const back = parseColor(out);
    if (back && keyOf(rgb8(back)) === keyOf(target.rgb)) return out;
  }
  return undefined;
}

/**
 * The palette colour `target`, written the way `ref` was: hex stays hex of the same
 * length class (3/6 digits, or 4/8 with the original alpha), rgb stays rgb and hsl stays
 * hsl (separators and alpha kept), a named colour becomes hex. Undefined for other
 * notations (hwb, lab, oklch...), which are reported but not rewritten.
 */
export function recolor(ref: ColorRef, target: PaletteEntry): string | undefined {
  switch (ref.notation) {
    case "hex":
      return recolorHex(ref.raw, target);
    case "rgb":
    case "hsl":
      return recolorFunction(ref.raw, ref.notation, target);
    case "named":
      return /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(target.value.trim()) ? target.value.trim() : culori().formatHex(rgbOf(target.rgb));
    default:
      return undefined;
  }
}
