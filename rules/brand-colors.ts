/**
 * brand-colors — every colour an email uses is a palette colour.
 *
 * Why: an outdated or eyeballed colour (#0A5EFF for the brand's #0B5FFF) in one
 * template drifts the whole brand, and nobody sees it in review. Colours are found in
 * MJML colour attributes and border shorthands, mj-attributes and mj-class, HTML colour
 * attributes, style attributes, <style>/<mj-style> sheets and raw HTML in message.md,
 * in any CSS syntax, and compared as colours (white = #FFF = rgb(255 255 255)).
 * An off-palette colour names the nearest palette colour and its CIEDE2000 distance;
 * --fix rewrites it in the file's own notation when it is that close.
 *
 * Options: `fixDistance` — fix only below this ΔE00 (default 3).
 */
import { colorsIn, compilePalette, nearestColor, recolor, type Palette } from "../src/email/colors.js";
import { authoredStyleValues, isAuthored } from "../src/email/css.js";
import { defineRule } from "../src/engine/rule.js";

interface Options {
  fixDistance: number;
}

const PALETTE = { primary: "#0B5FFF", ink: "#1A1A1A", paper: "#FFFFFF" };
const mjml = (inner: string) => `<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n${inner}\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n`;

const palettes = new WeakMap<object, Palette>();
function paletteOf(colors: Record<string, string>): Palette {
  let p = palettes.get(colors);
  if (!p) {
    p = compilePalette(colors);
    palettes.set(colors, p);
  }
  return p;
}

export default defineRule<Options>({
  meta: {
    id: "brand-colors",
    description: "Every colour an email uses is a colour of the brand palette.",
    rationale: "A colour picked by eye or copied from an old template drifts the brand one email at a time; the palette in brand.config.json is the only source of truth.",
    docs: { url: "docs/rules/brand-colors.md" },
    channels: ["email"],
    scope: "variant",
    defaultSeverity: "error",
    fixable: true,
    hasSuggestions: true,
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        fixDistance: { type: "number", minimum: 0, description: "--fix replaces an off-palette colour only when its CIEDE2000 distance to the nearest palette colour is below this (default 3)." },
      },
    },
    defaultOptions: { fixDistance: 3 },
    messages: {
      offPalette: "{found} is not a brand colour; nearest is {name} {value} (ΔE00 {distance})",
      invalid: "{found} is not a valid CSS colour; use a brand colour ({palette})",
      badPalette: "Palette colour ‘{name}’ ({value}) is not a CSS colour, so nothing can match it",
      useColor: "Replace with {name} {value}",
    },
    examples: {
      valid: [
        {
          title: "palette colours in any notation",
          config: { colors: PALETTE },
          files: { "email.mjml": mjml('        <mj-text color="rgb(11 95 255)" container-background-color="white">Hi</mj-text>') },
        },
        {
          title: "a palette colour at any opacity, and colour keywords",
          config: { colors: PALETTE },
          files: { "email.mjml": mjml('        <mj-text color="currentColor" background-color="rgba(26, 26, 26, 0.5)" container-background-color="transparent">Hi</mj-text>') },
        },
      ],
      invalid: [
        {
          title: "an off-palette colour close to a brand colour is fixed in its own notation",
          config: { colors: PALETTE },
          files: { "email.mjml": mjml('        <mj-text color="#0A5EFF">Hi</mj-text>') },
          errors: [{ messageId: "offPalette", line: 5, column: 25, message: "#0A5EFF is not a brand colour; nearest is primary #0B5FFF (ΔE00 0.3)", suggestions: [{"desc":"Replace with primary #0B5FFF","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text color=\"#0B5FFF\">Hi</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] }],
          output: { "email.mjml": mjml('        <mj-text color="#0B5FFF">Hi</mj-text>') },
        },
        {
          title: "a colour in a border shorthand and in inline CSS",
          config: { colors: PALETTE },
          files: { "email.mjml": mjml('        <mj-text border="1px solid #cccccc"><p style="color: hsl(0, 100%, 50%)">Hi</p></mj-text>') },
          errors: [
            { messageId: "offPalette", line: 5, column: 36, message: "nearest is paper #FFFFFF", suggestions: [{"desc":"Replace with paper #FFFFFF","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text border=\"1px solid #ffffff\"><p style=\"color: hsl(0, 100%, 50%)\">Hi</p></mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
            { messageId: "offPalette", line: 5, column: 62, message: "hsl(0, 100%, 50%) is not a brand colour", suggestions: [{"desc":"Replace with paper #FFFFFF","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text border=\"1px solid #cccccc\"><p style=\"color: hsl(0, 0%, 100%)\">Hi</p></mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
          ],
        },
      ],
    },
    notes: [
      "## What is checked",
      "",
      "The email of every campaign: MJML (hand-written `email.mjml`, or generated from message.md) or a hand-written HTML email (`email.html`), where the same HTML attributes, `style` attributes and `<style>` sheets (media queries included) are read.",
      "",
      "- MJML colour attributes of every component (`color`, `background-color`, `container-background-color`, `inner-background-color`, `border-color`, `ico-color`, `tb-hover-border-color`, `tb-selected-border-color`) and the shorthands that can hold a colour (`border`, `border-top`/`-right`/`-bottom`/`-left`, `inner-border*`, `tb-border`), on components, in `<mj-attributes>` (`mj-all`, `mj-class`, per-component defaults).",
      "- HTML colour attributes (`bgcolor`, `color`, `bordercolor`; `text`/`link`/`vlink`/`alink` on `<body>`), `<mj-html-attribute>` values (hex digits without `#`, `bgcolor=\"EEEEEE\"`, count as browsers read them), and Outlook VML inside conditional comments (`<!--[if mso]><v:roundrect fillcolor=\"…\" strokecolor=\"…\">`).",
      "- `style` attributes on any element (HTML inside `mj-text` and `mj-raw` included), `<mj-style>` and `<style>` sheets, parsed with postcss; values are tokenised with postcss-value-parser, so `1px solid #ccc`, gradients and shadows are looked into.",
      "- Raw HTML written in message.md (`<span style=\"color:#f00\">`, `<style>` blocks).",
      "- Any CSS colour syntax culori reads: hex with 3, 4, 6 or 8 digits, `rgb()`/`rgba()` and `hsl()`/`hsla()` in comma and space syntax, `hwb()`, `lab()`, `lch()`, `oklab()`, `oklch()`, `color()`, and the 148 named colours of CSS. Named colours count only in colour properties (`font-family: Red Hat` is not red).",
      "",
      "## When colours are equal",
      "",
      "Colours are compared as 8-bit sRGB, whatever the notation: `white`, `#FFF`, `#ffffff` and `rgb(255 255 255)` are the same colour.",
      "Alpha is free: a palette colour at any opacity (`rgba(11, 95, 255, 0.5)`, `#0B5FFF80`) is that palette colour, because tints of brand colours are how brands use them; an alpha written in the palette itself is ignored.",
      "`transparent`, `currentColor`, `inherit`, `initial`, `unset`, `revert` and `none` are always allowed.",
      "",
      "## The fix",
      "",
      "An off-palette colour names the nearest palette colour by CIEDE2000 (ΔE00; about 1 is the smallest difference people notice, 2–3 is visible side by side).",
      "`--fix` replaces it only when that distance is below `fixDistance` (default 3): a near miss is a typo, a far one is a design decision a person should make.",
      "The replacement keeps the file's notation: hex stays hex of the same length (`#0af` → `#05f` when the palette colour has a short form, else 6 digits; 4 and 8 digits keep their alpha digits) and letter case, `rgb()`/`rgba()` and `hsl()`/`hsla()` keep their function name, separators, units and alpha, with the fewest decimals that read back as the exact palette colour; a named colour becomes hex.",
      "Colours in other notations (`oklch()`, `lab()`...) are reported but not rewritten. Editors also get the replacement as a suggestion when the colour is too far for `--fix`.",
      "",
      "## Limits",
      "",
      "- Colours in images, in `background-url` pictures, and the defaults MJML applies when an attribute is not written (mj-button's `#414141`) are not checked.",
      "- Colours that come from a variable's value or from brand.config.json itself (generated markup) are not checked; the palette is by definition on brand.",
      "- A style sheet postcss cannot parse is skipped as a whole; `var()` and `calc()` inside a colour are computed values and are not checked.",
      "- Templates are checked as rendered with the variables' sample values, and once more for each `{{#if}}`/`{{#unless}}` with its other branch; `{{#each}}` bodies are rendered once per item of the sample (a sample list that is empty renders none).",
      "- A hex value with the wrong number of digits (`#0B5FF`) is reported as not a valid colour.",
    ].join("\n"),
  },
  check(ctx) {
    const { variant, config, options } = ctx;
    const colors = config.data.colors;
    if (!variant || !colors || Object.keys(colors).length === 0) return;
    const palette = paletteOf(colors);
    for (const bad of palette.invalid) ctx.report({ messageId: "badPalette", data: bad, at: { file: config.file, ...config.locate(["colors", bad.name]) } });
    if (palette.entries.length === 0) return;
    const list = palette.entries.map((e) => `${e.name} ${e.value}`).join(", ");
    for (const ref of colorsIn(authoredStyleValues(variant, config.file.path))) {
      if (!isAuthored(ref.text, ref.start, ref.end, config.file.path)) continue;
      const at = { text: ref.text, start: ref.start, end: ref.end };
      if (!ref.rgb) {
        ctx.report({ messageId: "invalid", data: { found: ref.raw, palette: list }, at });
        continue;
      }
      if (palette.has(ref.rgb)) continue;
      const near = nearestColor(palette, ref.rgb)!;
      const replacement = recolor(ref, near.entry);
      const { name, value } = near.entry;
      ctx.report({
        messageId: "offPalette",
        data: { found: ref.raw, name, value, distance: near.distance < 0.05 ? "<0.1" : near.distance.toFixed(1) },
        at,
        ...(replacement !== undefined && near.distance < options.fixDistance ? { fix: replacement } : {}),
        ...(replacement !== undefined ? { suggestions: [{ messageId: "useColor", data: { name, value }, text: replacement }] } : {}),
      });
    }
  },
});
