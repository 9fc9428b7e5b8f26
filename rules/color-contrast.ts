/**
 * color-contrast — text in an email is readable against what is behind it (WCAG 2.2).
 *
 * Why: grey-on-white small print, a pale button label and default black text on a dark
 * section are unreadable for many readers (low vision, phones in sunlight) and fail
 * accessibility audits. Every run of text is resolved to the colour, background, size
 * and weight it renders with — a hand-written email (MJML or HTML) through the CSS
 * cascade of the HTML the inbox gets (juice, as mjml inlines; see src/email/cascade.ts),
 * generated MJML through mj-attributes, mj-class and the section/column nesting (see
 * src/email/contrast.ts) — and its contrast ratio is compared with WCAG 2.2 AA: 4.5:1,
 * or 3:1 for large text (24px, or 18.66px bold). The finding sits on the colour that
 * decides and suggests the palette colour with the best contrast.
 *
 * Options: `level` — "AA" (default) or "AAA" (7:1, 4.5:1 large); `largeTextPx` — the
 * size from which text counts as large (default 24; bold text from 14/18 of it).
 */
import { compilePalette, type Rgb8 } from "../src/email/colors.js";
import { contrastRatio, hex, lowContrast, variantTextRuns, type At } from "../src/email/contrast.js";
import { defineRule } from "../src/engine/rule.js";

interface Options {
  level: "AA" | "AAA";
  largeTextPx: number;
}

const PALETTE = { primary: "#0B5FFF", ink: "#1A1A1A", paper: "#FFFFFF" };
const mjml = (inner: string) => `<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n${inner}\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n`;

/** Ratios are shown rounded down, so a failing 4.499 never reads as 4.50. */
const ratioText = (r: number) => (Math.floor(r * 100) / 100).toFixed(2);
const pxText = (px: number) => `${+px.toFixed(2)}px`;

export default defineRule<Options>({
  meta: {
    id: "color-contrast",
    description: "Text in an email has enough contrast with its background (WCAG 2.2 AA: 4.5:1, 3:1 for large text), buttons included.",
    rationale: "Low-contrast text is unreadable for readers with low vision and on phones in sunlight, and fails the accessibility audits brands are held to; a brand colour is only on brand where people can read it.",
    docs: { url: "docs/rules/color-contrast.md" },
    channels: ["email"],
    scope: "variant",
    defaultSeverity: "error",
    fixable: false,
    hasSuggestions: true,
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        level: { enum: ["AA", "AAA"], description: "WCAG level: AA needs 4.5:1 (3:1 for large text), AAA needs 7:1 (4.5:1 for large text). Default AA." },
        largeTextPx: { type: "number", exclusiveMinimum: 0, description: "Text this size (px) or larger counts as large; bold text (weight 700 or more) from 14/18 of it (18.66px for the default 24)." },
      },
    },
    defaultOptions: { level: "AA", largeTextPx: 24 },
    messages: {
      lowContrast: "Text colour {color} on {background} has contrast {ratio}:1; WCAG {level} needs {needed}:1 for text this size ({size})",
      lowContrastSuggest: "Text colour {color} on {background} has contrast {ratio}:1; WCAG {level} needs {needed}:1 for text this size ({size}); {name} {value} gives {best}:1",
      useColor: "Use {name} {value} ({best}:1)",
    },
    examples: {
      valid: [
        {
          title: "dark text on white, and white on the brand blue button",
          config: { colors: PALETTE },
          files: { "email.mjml": mjml('        <mj-text color="#1A1A1A">Spring sale</mj-text>\n        <mj-button background-color="#0B5FFF" color="#FFFFFF" href="https://acme.example">Shop now</mj-button>') },
        },
        {
          title: "large text needs only 3:1",
          files: { "email.mjml": mjml('        <mj-text color="#8A8A8A" font-size="24px">Spring sale</mj-text>') },
        },
      ],
      invalid: [
        {
          title: "grey small print on white",
          config: { colors: PALETTE },
          files: { "email.mjml": mjml('        <mj-text color="#999999" font-size="16px">Spring sale</mj-text>') },
          errors: [{ messageId: "lowContrastSuggest", line: 5, column: 25, message: "Text colour #999999 on #FFFFFF has contrast 2.84:1; WCAG AA needs 4.5:1 for text this size (16px); ink #1A1A1A gives 17.4:1", suggestions: [{"desc":"Use ink #1A1A1A (17.4:1)","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text color=\"#1A1A1A\" font-size=\"16px\">Spring sale</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] }],
        },
        {
          title: "default black text on a dark section",
          files: { "email.mjml": '<mjml>\n  <mj-body>\n    <mj-section background-color="#1A1A1A">\n      <mj-column>\n        <mj-text>Spring sale</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n' },
          errors: [{ messageId: "lowContrast", line: 3, column: 35, message: "Text colour #000000 on #1A1A1A has contrast 1.20:1; WCAG AA needs 4.5:1 for text this size (13px)" }],
        },
      ],
    },
    notes: [
      "## How the colours are found",
      "",
      "Each run of visible, non-blank text is checked with the colour, background, size and weight a mail client renders it with. Like axe-core, text of only punctuation, symbols and emoji (a ` | ` separator) is not checked.",
      "",
      "- **Hand-written email (MJML or HTML)** is checked on the HTML the inbox gets: for MJML, mjml's own HTML. The CSS cascade is juice's (the inliner mjml uses): `<mj-style inline=\"inline\">` is inlined first, as mjml does before sending; then the rules of `<mj-style>` and `<style>` sheets apply against the inline styles (specificity, source order, `!important`); mj-attributes, mj-class and component attributes arrive as the inline styles mjml writes. HTML presentational attributes (`bgcolor`, `<font color>`, `<body text>`) count below any CSS; links without a colour of their own are the browser's link blue (`#0000EE`); colour, size, weight and visibility are inherited; `display:none`, `visibility:hidden`, `opacity:0`, a zero `max-height` or `height` with `overflow:hidden` (the preheader trick) and `font-size:0` hide text.",
      "- **Email rendered from message.md** is resolved from its MJML attributes as mjml does: the element's own attribute, then defaults of its parent's `mj-class` children, then `mj-class` (later classes win), then the component's defaults in `<mj-attributes>`, then `<mj-all>`, then mjml's built-in defaults (mj-text, mj-table, mj-navbar-link: `#000000`, 13px; mj-button: `#ffffff` on `#414141`, 13px, normal weight); raw HTML with a `<style>` sheet is checked on mjml's HTML as above.",
      "- **Backgrounds** are taken from the text outward, through every element that paints one (`background-color`, `background`, `bgcolor`), to the first opaque one; white when none is set.",
      "- **Transparency**: semi-transparent backgrounds are composited over what lies beneath, and semi-transparent text over its background, before the ratio is computed.",
      "- **Large text** is at least `largeTextPx` (24px), or at least 14/18 of it (18.66px) with a weight of 700 or more.",
      "- **Variables**: a hand-written template is checked with the variables' sample values; a variable with no value is checked as written (`{{unsubscribeText}}`), so a link whose text is a variable is still checked.",
      "",
      "The ratio is WCAG 2.2's contrast ratio of relative luminances; it is shown rounded down, so text reported at 4.49:1 never reads as 4.50:1.",
      "",
      "## Where the finding is",
      "",
      "On the text colour where it is written (an element's attribute or style attribute, a rule of a style sheet, mj-class or mj-attributes, or brand.config.json for email rendered from message.md), else on the background colour that decides, else on the opening tag of the element (the MJML component) that holds the text. Text that uses one colour on one background is one finding, for its smallest size. When the brand palette has a colour that passes on that background, the message names the one with the best contrast.",
      "",
      "## Limits",
      "",
      "- Text over a background picture (`background-url`, `background` attributes, CSS `url()` or gradients) with no opaque colour above it is not checked: its colours are unknown. A section with both a picture and `background-color` is checked against the colour, which is what readers see when images are off.",
      "- Media queries, `:hover` and other pseudo-classes are not applied: the email is checked as a desktop client first shows it. Dark-mode rewrites by mail clients are not modelled.",
      "- An HTML email without a `<!doctype html>` renders in quirks mode in browsers; brandlint computes it as in standards mode.",
      "- mj-accordion, mj-social, mj-carousel and `mj-navbar` inheritance are not modelled in email rendered from message.md.",
    ].join("\n"),
  },
  check(ctx) {
    const { variant, config, options } = ctx;
    if (!variant) return;
    const email = variantTextRuns(variant.extra, variant.origin === "handwritten");
    if (!email) return;
    const palette = compilePalette(config.data.colors).entries;
    // One finding per (place, text colour, background): the smallest failing text.
    const found = new Map<string, { at: At; onColor: boolean; color: string; background: Rgb8; ratio: number; needed: number; px: number; bold: boolean }>();
    for (const { run, fg, background, backgroundAt, ratio, needed, bold } of lowContrast(email.runs, options)) {
      const at = run.color.at ?? backgroundAt ?? { text: email.doc.source, start: run.element.openStart, end: run.element.openEnd };
      const color = run.color.alpha < 1 ? `${run.color.raw} (${hex(fg)} over the background)` : run.color.at ? run.color.raw : hex(run.color.rgb);
      const where = at.text.locate(at.start, at.end);
      const key = [where?.file.path, where?.start, color, hex(background)].join("|");
      const prev = found.get(key);
      if (!prev || needed > prev.needed || (needed === prev.needed && run.fontPx < prev.px)) found.set(key, { at, onColor: at === run.color.at, color, background, ratio, needed, px: run.fontPx, bold });
    }
    for (const f of found.values()) {
      const data: Record<string, string | number> = { color: f.color, background: hex(f.background), ratio: ratioText(f.ratio), level: options.level, needed: f.needed, size: pxText(f.px) + (f.bold ? " bold" : "") };
      let best: { name: string; value: string; ratio: number } | undefined;
      for (const e of palette) {
        const r = contrastRatio(e.rgb, f.background);
        if (r >= f.needed && (!best || r > best.ratio)) best = { name: e.name, value: e.value, ratio: r };
      }
      if (!best) {
        ctx.report({ messageId: "lowContrast", data, at: f.at });
        continue;
      }
      const more = { name: best.name, value: best.value, best: best.ratio.toFixed(1) };
      ctx.report({
        messageId: "lowContrastSuggest",
        data: { ...data, ...more },
        at: f.at,
        // Replacing the colour is a suggestion only where the finding sits on the text colour itself.
        ...(f.onColor ? { suggestions: [{ messageId: "useColor", data: more, text: best.value }] } : {}),
      });
    }
  },
});
