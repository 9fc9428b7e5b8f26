/**
 * The preview dressed in the brand: CSS custom properties from the config's palette
 * and font stack, with text colours picked so every pairing stays readable (WCAG AA),
 * and the palette and fonts shown as swatches.
 */
import type { BrandConfig } from "../types.js";
import { compilePalette, type PaletteEntry, type Rgb8 } from "../email/colors.js";
import { esc } from "./html.js";

export interface Theme {
  /** A `:root { ... }` rule with the brand's custom properties. */
  css: string;
  /** The palette and font swatches. */
  swatches: string;
  /** The brand's initial, for avatars and app icons. */
  initial: string;
}

const WHITE: Rgb8 = [255, 255, 255];
const BLACK: Rgb8 = [0, 0, 0];
const DEFAULT_INK: Rgb8 = [26, 26, 26];
const DEFAULT_ACCENT: Rgb8 = [51, 65, 85];
const GENERIC_FONTS = new Set(["serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "ui-serif", "ui-sans-serif", "ui-monospace", "ui-rounded", "emoji", "math", "fangsong"]);

function luminance(c: Rgb8): number {
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
}

/** WCAG 2 contrast ratio of two colours (1 to 21). */
export function contrast(a: Rgb8, b: Rgb8): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

function hex(c: Rgb8): string {
  return "#" + c.map((v) => v.toString(16).padStart(2, "0")).join("");
}

function mix(a: Rgb8, b: Rgb8, t: number): Rgb8 {
  return [0, 1, 2].map((i) => Math.round(a[i]! * (1 - t) + b[i]! * t)) as unknown as Rgb8;
}

/** Of the candidates, the first with contrast ≥ min against `bg`, else the one with the most. */
function readable(bg: Rgb8, candidates: readonly Rgb8[], min = 4.5): Rgb8 {
  const ok = candidates.find((c) => contrast(c, bg) >= min);
  if (ok) return ok;
  return [...candidates, BLACK, WHITE].reduce((best, c) => (contrast(c, bg) > contrast(best, bg) ? c : best));
}

/** A CSS font-family list from the config's fonts; names are quoted, generic families kept bare. */
export function fontStack(fonts: readonly string[] | undefined): string {
  const names = (fonts ?? [])
    .map((f) => f.replace(/[^\p{L}\p{N} _.-]/gu, "").trim())
    .filter(Boolean)
    .map((f) => (GENERIC_FONTS.has(f.toLowerCase()) ? f.toLowerCase() : `"${f}"`));
  return [...names, "system-ui", "sans-serif"].filter((f, i, all) => all.indexOf(f) === i).join(", ");
}

function pick(entries: readonly PaletteEntry[], names: readonly string[]): PaletteEntry | undefined {
  for (const n of names) {
    const e = entries.find((x) => x.name.toLowerCase() === n);
    if (e) return e;
  }
  return undefined;
}

export function brandTheme(config: BrandConfig): Theme {
  const palette = compilePalette(config.colors);
  const entries = palette.entries;
  const paperEntry = pick(entries, ["paper", "background", "bg", "white"]);
  let paper = paperEntry?.rgb ?? WHITE;
  // The page needs a light background for its text; a dark "paper" is shown as a swatch only.
  if (luminance(paper) < 0.6) paper = WHITE;
  const inkEntry = pick(entries, ["ink", "text", "foreground", "black"]);
  const ink = readable(paper, inkEntry ? [inkEntry.rgb, DEFAULT_INK] : [DEFAULT_INK], 7);
  const accentEntry = pick(entries, ["primary", "brand", "accent"]) ?? entries.find((e) => e !== paperEntry && e !== inkEntry);
  const accent = accentEntry?.rgb ?? DEFAULT_ACCENT;
  const onAccent = readable(accent, [paper, ink, WHITE, DEFAULT_INK]);
  const accentText = readable(paper, [accent, mix(accent, BLACK, 0.3), ink]);
  const surface = mix(paper, accent, 0.05);
  const line = mix(paper, ink, 0.16);
  const muted = readable(surface, [mix(ink, paper, 0.35), ink]);
  const vars: [string, string][] = [
    ["--bl-paper", hex(paper)],
    ["--bl-ink", hex(ink)],
    ["--bl-muted", hex(muted)],
    ["--bl-accent", hex(accent)],
    ["--bl-on-accent", hex(onAccent)],
    ["--bl-accent-text", hex(accentText)],
    ["--bl-surface", hex(surface)],
    ["--bl-line", hex(line)],
    ["--bl-font", fontStack(config.fonts)],
  ];
  for (const e of entries) {
    const name = e.name.toLowerCase().replace(/[^a-z0-9_-]+/g, "-");
    if (name) vars.push([`--brand-${name}`, hex(e.rgb)]);
  }
  const css = `:root {\n${vars.map(([k, v]) => `  ${k}: ${v};`).join("\n")}\n}\n`;
  const chips = entries
    .map(
      (e) =>
        `<li class="swatch"><span class="chip" style="background:${hex(e.rgb)}"></span><span class="swatch-name">${esc(e.name)}</span> <code>${esc(e.value)}</code></li>`,
    )
    .join("");
  const invalid = palette.invalid.map((e) => `<li class="swatch"><span class="chip chip-invalid"></span><span class="swatch-name">${esc(e.name)}</span> <code>${esc(e.value)}</code> (not a CSS colour)</li>`).join("");
  const fonts = (config.fonts ?? [])
    .map((f) => `<li class="font"><span class="font-sample" style="font-family:${esc(fontStack([f]))}">Aa Ąą Жж عر 123</span> <span class="font-name">${esc(f)}</span></li>`)
    .join("");
  const swatches = [
    `<div class="palette"><h3>Colours</h3>${chips || invalid ? `<ul class="swatches">${chips}${invalid}</ul>` : "<p>The config lists no colours.</p>"}</div>`,
    `<div class="typefaces"><h3>Fonts</h3>${fonts ? `<ul class="fonts">${fonts}</ul><p class="note">Shown with the fonts installed on this computer: the preview loads no web fonts.</p>` : "<p>The config lists no fonts.</p>"}</div>`,
  ].join("");
  const initial = [...(config.brand.name.trim() || "?")][0]!.toUpperCase();
  return { css, swatches, initial };
}
