/**
 * mjml-valid — the email template is MJML that mjml accepts.
 *
 * Why: mjml renders an invalid template anyway, silently dropping an unknown
 * attribute or a misplaced column, so the email customers get is not the one that
 * was reviewed. This runs mjml's own validator (the rules of `validationLevel:
 * "strict"`) and reports each error at the exact element or attribute — mjml itself
 * only knows the line. Unclosed tags and other malformed markup are reported by the
 * parser as parse-error findings.
 */
import { defineRule } from "../src/engine/rule.js";
import type { MjElement } from "../src/render/mjml-doc.js";
import { walkElements } from "../src/render/mjml-doc.js";
import { loadMjml, validateMjml } from "../src/render/email.js";
import { didYouMean } from "../src/text/suggest.js";

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export default defineRule({
  meta: {
    id: "mjml-valid",
    description: "Email templates are valid MJML: known tags, allowed attributes and values, tags in the right places.",
    rationale: "mjml renders invalid templates anyway and silently drops what it does not understand, so the email sent is not the email reviewed.",
    docs: { url: "docs/rules/mjml-valid.md" },
    channels: ["email"],
    scope: "variant",
    defaultSeverity: "error",
    fixable: false,
    schema: { type: "object", additionalProperties: false, properties: {} },
    defaultOptions: {},
    messages: {
      invalid: "{message}",
      illegalAttribute: "mj-{tag}: attribute ‘{name}’ does not exist{guess}",
    },
    examples: {
      valid: [
        { title: "a well-formed template", files: { "email.mjml": "<mjml><mj-body><mj-section><mj-column><mj-text>Hi</mj-text></mj-column></mj-section></mj-body></mjml>\n" } },
      ],
      invalid: [
        {
          title: "a misspelt attribute, reported at the attribute",
          files: { "email.mjml": '<mjml><mj-body><mj-section><mj-column>\n  <mj-text colr="#000">Hi</mj-text>\n</mj-column></mj-section></mj-body></mjml>\n' },
          errors: [{ messageId: "illegalAttribute", line: 2, column: 12, message: "did you mean ‘color’" }],
        },
        {
          title: "a column outside a section",
          files: { "email.mjml": "<mjml><mj-body>\n  <mj-column><mj-text>Hi</mj-text></mj-column>\n</mj-body></mjml>\n" },
          errors: [{ messageId: "invalid", line: 2, column: 3, message: "mj-column cannot be used inside mj-body" }],
        },
      ],
    },
    notes: "Only hand-written email templates are checked: the MJML brandlint renders from message.md is valid by construction (its test suite validates every generated email with mjml's strict validation). Templates are validated after Handlebars rendering with sample values, so `{{variables}}` inside attributes are checked with their sample values. `mj-include` is never followed (see SECURITY.md).",
  },
  check(ctx) {
    // brandlint's own MJML (rendered from message.md) is valid by construction — the test
    // suite validates every generated email strictly — so only hand-written templates
    // are checked, and a lint of rendered campaigns never loads mjml.
    if (ctx.variant?.origin !== "handwritten" || ctx.variant.channel !== "email") return;
    const doc = ctx.variant.extra.mjml;
    if (!doc?.root) return;
    const text = doc.source.text;
    let errors: ReturnType<typeof validateMjml>;
    try {
      errors = validateMjml(text);
    } catch (e) {
      // mjml's own parser gave up; brandlint's parser reports what is malformed.
      if (doc.problems.length) return;
      ctx.report({ messageId: "invalid", data: { message: `mjml cannot read this template (${(e as Error).message.split("\n")[0]})` }, at: { text: doc.source, start: doc.root.openStart, end: doc.root.openEnd } });
      return;
    }
    if (!errors.length) return;
    const byLine = new Map<number, MjElement[]>();
    for (const el of walkElements(doc.root)) {
      const l = lineOf(text, el.openStart);
      byLine.set(l, [...(byLine.get(l) ?? []), el]);
    }
    const components = loadMjml().components as Record<string, { allowedAttributes?: Record<string, string> }>;
    for (const e of errors) {
      const el = byLine.get(e.line)?.find((x) => x.name === e.tagName) ?? byLine.get(e.line)?.[0];
      if (!el) continue;
      const attrName = /^Attribute (\S+) /.exec(e.message)?.[1];
      const a = attrName ? el.attrs.find((x) => x.name === attrName) : undefined;
      if (a && /is illegal/.test(e.message)) {
        const allowed = Object.keys(components[el.name]?.allowedAttributes ?? {});
        const guess = didYouMean(a.name, [...allowed, "css-class", "mj-class"]);
        ctx.report({ messageId: "illegalAttribute", data: { tag: el.name.replace(/^mj-/, ""), name: a.name, guess: guess ? ` — did you mean ‘${guess}’?` : "" }, at: { text: doc.source, start: a.start, end: a.start + a.name.length } });
        continue;
      }
      if (a) {
        ctx.report({ messageId: "invalid", data: { message: `${el.name}: ${e.message.trim()}` }, at: { text: a.value, start: 0, end: a.value.length } });
        continue;
      }
      ctx.report({ messageId: "invalid", data: { message: e.message.trim() }, at: { text: doc.source, start: el.openStart, end: el.openStart + 1 + el.name.length } });
    }
  },
});
