/**
 * brand-fonts — every font family an email names is a brand font.
 *
 * Why: a stray "Comic Sans MS" or an old typeface in one template is as off-brand as
 * a wrong colour, and font stacks are copied from template to template unread. Font
 * families are read from MJML `font-family` attributes (mj-attributes and mj-class
 * included), `font-family` and `font` declarations in style attributes and
 * <style>/<mj-style> sheets, `<font face>` and raw HTML in message.md, and compared
 * with `fonts` in brand.config.json, ignoring case and quotes. No fix: which brand
 * font replaces a foreign one is a design decision.
 *
 * Options: `allowGenerics` — accept generic families (sans-serif, serif...) that the
 * brand does not list (default true).
 */
import { authoredStyleValues, fontFamilies, isAuthored } from "../src/email/css.js";
import { defineRule } from "../src/engine/rule.js";
import { didYouMean } from "../src/text/suggest.js";

interface Options {
  allowGenerics: boolean;
}

/** CSS generic families, system-font aliases and CSS-wide keywords. */
const GENERIC = new Set([
  "serif",
  "sans-serif",
  "monospace",
  "cursive",
  "fantasy",
  "system-ui",
  "ui-serif",
  "ui-sans-serif",
  "ui-monospace",
  "ui-rounded",
  "math",
  "emoji",
  "fangsong",
  "-apple-system",
  "blinkmacsystemfont",
]);
const KEYWORDS = new Set(["inherit", "initial", "unset", "revert", "revert-layer"]);

const FONTS = ["Inter", "Helvetica", "Arial", "sans-serif"];

/** A family as compared: quotes gone, whitespace collapsed, case folded. */
function fold(name: string): string {
  return name
    .replace(/^["']|["']$/g, "")
    .trim()
    .replace(/\s+/g, " ")
    .toLowerCase();
}

/** The family written as CSS: bare when it is a list of identifiers, else in the quotes the original used (or single quotes). */
function asCss(name: string, original: string): string {
  const q = original[0] === '"' || original[0] === "'" ? original[0] : undefined;
  if (q) return q + name + q;
  return /^-?[A-Za-z_][\w-]*(?: [A-Za-z_][\w-]*)*$/.test(name) ? name : `'${name}'`;
}

export default defineRule<Options>({
  meta: {
    id: "brand-fonts",
    description: "Every font family an email names is one of the brand's fonts.",
    rationale: "Typefaces are half of a brand's look; a font stack copied from an old template puts a foreign face in front of customers without anyone noticing.",
    docs: { url: "docs/rules/brand-fonts.md" },
    channels: ["email"],
    scope: "variant",
    defaultSeverity: "error",
    fixable: false,
    hasSuggestions: true,
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        allowGenerics: { type: "boolean", description: "Accept CSS generic families (sans-serif, serif, monospace, system-ui...) even when `fonts` does not list them (default true)." },
      },
    },
    defaultOptions: { allowGenerics: true },
    messages: {
      notBrandFont: "Font ‘{found}’ is not a brand font (brand fonts: {fonts}){hint}",
      useFont: "Replace with ‘{font}’",
    },
    examples: {
      valid: [
        {
          title: "brand fonts in any case and quoting, with a generic fallback",
          config: { fonts: FONTS },
          files: { "email.mjml": `<mjml>\n  <mj-body>\n    <mj-section><mj-column>\n      <mj-text font-family="'inter', HELVETICA, serif">Hi</mj-text>\n    </mj-column></mj-section>\n  </mj-body>\n</mjml>\n` },
        },
      ],
      invalid: [
        {
          title: "a foreign family in a font stack",
          config: { fonts: FONTS },
          files: { "email.mjml": '<mjml>\n  <mj-body>\n    <mj-section><mj-column>\n      <mj-text font-family="Comic Sans MS, Arial">Hi</mj-text>\n    </mj-column></mj-section>\n  </mj-body>\n</mjml>\n' },
          errors: [{ messageId: "notBrandFont", line: 4, column: 29, message: "Font ‘Comic Sans MS’ is not a brand font (brand fonts: Inter, Helvetica, Arial, sans-serif)" }],
        },
        {
          title: "a family in a `font` shorthand in <mj-style>, with a did-you-mean",
          config: { fonts: FONTS },
          files: { "email.mjml": "<mjml>\n  <mj-head>\n    <mj-style>\n      h1 { font: bold 24px/1.2 \"Intr\", sans-serif; }\n    </mj-style>\n  </mj-head>\n  <mj-body></mj-body>\n</mjml>\n" },
          errors: [{ messageId: "notBrandFont", line: 4, column: 32, message: "did you mean ‘Inter’?", suggestions: [{"desc":"Replace with ‘Inter’","output":{"email.mjml":"<mjml>\n  <mj-head>\n    <mj-style>\n      h1 { font: bold 24px/1.2 \"Inter\", sans-serif; }\n    </mj-style>\n  </mj-head>\n  <mj-body></mj-body>\n</mjml>\n"}}] }],
        },
      ],
    },
    notes: [
      "## What is checked",
      "",
      "- MJML `font-family` attributes on every component and in `<mj-attributes>` (`mj-all`, `mj-class`, per-component defaults), and the same in a hand-written HTML email (`email.html`).",
      "- Attribute values are read as CSS values: `font-family=\"Arial, sans-serif;\"` names Arial and sans-serif (a trailing `;` and `!important` are not part of a name), quotes and fallbacks as in CSS.",
      "- `font-family` and the family list of the `font` shorthand (after the size and line height) in `style` attributes, `<mj-style>` and `<style>` sheets, and `<mj-html-attribute name=\"style\">`.",
      "- `<font face>` and the same CSS in raw HTML written in message.md.",
      "",
      "Families are compared with `fonts` without regard to case, quotes or repeated spaces: `\"inter\"` is `Inter`.",
      "",
      "## Generic families",
      "",
      "CSS generic families (`serif`, `sans-serif`, `monospace`, `cursive`, `fantasy`, `system-ui`, `ui-serif`, `ui-sans-serif`, `ui-monospace`, `ui-rounded`, `math`, `emoji`, `fangsong`), the system-font aliases `-apple-system` and `BlinkMacSystemFont`, and `inherit`/`initial`/`unset`/`revert` are accepted even when `fonts` does not list them: a generic fallback picks no typeface, it only says what to do when the brand's fonts are missing, and every email font stack should end with one.",
      "Set `allowGenerics: false` to accept only the generic families `fonts` lists.",
      "",
      "## Limits",
      "",
      "- Without `fonts` in the config the rule does nothing.",
      "- `@font-face` declarations name a font rather than use it and are not checked, nor is `<mj-font name>`; the places that use the font are.",
      "- Families computed with `var()`, families from a variable's value or from brand.config.json itself, and MJML's default stack when no `font-family` is written are not checked.",
      "- No `--fix`: which brand font replaces a foreign one is a design decision. Editors get a suggestion when the family looks like a misspelt brand font.",
    ].join("\n"),
  },
  check(ctx) {
    const { variant, config, options } = ctx;
    const fonts = config.data.fonts;
    if (!variant || !fonts?.length) return;
    const allowed = new Set(fonts.map(fold));
    const list = fonts.join(", ");
    for (const v of authoredStyleValues(variant, config.file.path)) {
      for (const f of fontFamilies(v)) {
        const name = fold(f.name);
        if (allowed.has(name) || KEYWORDS.has(name) || (options.allowGenerics && GENERIC.has(name))) continue;
        if (!isAuthored(v.text, f.start, f.end, config.file.path)) continue;
        const guess = didYouMean(f.name, fonts);
        const original = v.text.text.slice(f.start, f.end);
        ctx.report({
          messageId: "notBrandFont",
          data: { found: f.name, fonts: list, hint: guess ? `; did you mean ‘${guess}’?` : "" },
          at: { text: v.text, start: f.start, end: f.end },
          ...(guess ? { suggestions: [{ messageId: "useFont", data: { font: guess }, text: asCss(guess, original) }] } : {}),
        });
      }
    }
  },
});
