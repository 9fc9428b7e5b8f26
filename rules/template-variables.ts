/**
 * template-variables — every {{variable}} is declared, has a value to show, and the
 * template uses only what brandlint can render safely.
 *
 * Why: an undeclared or empty variable sends "Hi ," to a customer; a greeting without
 * a fallback does it for every customer whose first name is unknown. Unknown
 * helpers, partials and `{{constructor.constructor}}`-style access are refused
 * (they would render nothing, or reach into JavaScript internals).
 * Handlebars syntax errors (an unclosed {{#if}}) are parse-error findings.
 */
import { defineRule } from "../src/engine/rule.js";
import { CHANNELS } from "../src/types.js";
import { tokenize, foldCase } from "../src/text/words.js";
import { languagesFor } from "../src/config/languages.js";
import { phraseSet } from "../src/text/phrases.js";
import { didYouMean } from "../src/text/suggest.js";
import { lookupVariable } from "../src/render/sample-data.js";

/** Variables brandlint provides itself. */
export const BUILTIN_VARIABLES = ["brand", "campaign", "channel", "link", "unsubscribeUrl"];

/** Greeting words, by language: a variable right after one is a greeting. */
interface Options {
  greetingWords: string[];
  allowUndeclared: string[];
}

export default defineRule<Options>({
  meta: {
    id: "template-variables",
    description: "Variables are declared with a sample or fallback, greetings have a fallback, and templates use only safe Handlebars.",
    rationale: "An empty variable sends “Hi ,” to real customers; unknown helpers and partials render nothing at all.",
    docs: { url: "docs/rules/template-variables.md" },
    channels: CHANNELS,
    scope: "variant",
    defaultSeverity: "error",
    fixable: false,
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        greetingWords: { type: "array", items: { type: "string", minLength: 1 }, description: "More greeting words (any language) after which a variable needs a fallback." },
        allowUndeclared: { type: "array", items: { type: "string", minLength: 1 }, description: "Variables your sending platform fills in that need no declaration." },
      },
    },
    defaultOptions: { greetingWords: [], allowUndeclared: [] },
    messages: {
      undeclared: "{{{name}}} is not declared in brand.config.json variables; it would render empty{guess}",
      noValue: "{{{name}}} has neither a sample nor a fallback in brand.config.json; previews and length checks cannot use it",
      noField: "{{{name}}} is not declared: the sample of {owner} in brand.config.json variables has no ‘{field}’ (its fields: {fields}); it would render empty{guess}",
      greeting: "Greeting with {{{name}}} but no fallback: customers without a {name} get “{before}{after}”; add a fallback in brand.config.json variables or wrap it in {{#if {name}}}",
      refused: "{message}",
    },
    examples: {
      valid: [
        { title: "a declared variable with a sample", config: { variables: { firstName: { sample: "Ana", fallback: "there" } } }, files: { "sms.txt": "Hi {{firstName}}, your order shipped" } },
        { title: "a guarded greeting", config: { variables: { firstName: { sample: "Ana" } } }, files: { "sms.txt": "{{#if firstName}}Hi {{firstName}},{{else}}Hi,{{/if}} hello" } },
      ],
      invalid: [
        {
          title: "an undeclared variable (a typo)",
          config: { variables: { firstName: { sample: "Ana", fallback: "there" } } },
          files: { "sms.txt": "Hi {{firstname}}, your order shipped" },
          errors: [{ messageId: "undeclared", line: 1, column: 4, message: "did you mean firstName" }],
        },
        {
          title: "a greeting without a fallback (Indonesian)",
          config: { variables: { nama: { sample: "Budi" } } },
          files: { "campaign.json": '{ "locale": "id" }', "sms.txt": "Halo {{nama}}, pesanan Anda sudah dikirim" },
          errors: [{ messageId: "greeting", line: 1, column: 6, message: "“Halo , pesanan" }],
        },
        {
          title: "prototype access is refused",
          files: { "sms.txt": "{{constructor.constructor}}" },
          errors: [{ messageId: "refused", line: 1, column: 1 }],
        },
      ],
    },
    notes: [
      "## Structured data and loops",
      "",
      "A variable's `sample` may be any JSON value. `{{order.id}}` is declared when `order`'s sample has an `id`, or by a dotted key `\"order.id\"`; inside `{{#each order.items}}` a variable is a field of the item (`{{name}}` is `order.items.name`), inside `{{#with order}}` a field of `order`, and `as |item|` names the item. A field the sample does not have is reported with the fields it has. Worst case: `maxLength` at a dotted path, `maxItems` for a list.",
      "",
      "## What counts as a greeting",
      "",
      "A variable is a greeting when a greeting of any built-in language ends in one of the two words before it (hi, dear, dzień dobry, уважаем…: the `greetings` list of each `lang/<tag>.json`; a brand adds to it with `languages.<tag>.greetings` in brand.config.json, or with this rule's `greetingWords`), or when it opens the text and is followed by a comma. Such a variable needs a `fallback` in `variables`, or an `{{#if}}` around it.",
      "",
      "Built-in variables need no declaration: " + BUILTIN_VARIABLES.map((v) => `\`${v}\``).join(", ") + ".",
      "",
      "Handlebars syntax errors (unclosed blocks, stray `{{/if}}`, unfinished `{{`) are reported as `parse-error` at the exact position, whatever this rule's setting.",
    ].join("\n"),
  },
  check(ctx) {
    const { variant, options } = ctx;
    if (!variant) return;
    const vars = ctx.config.data.variables ?? {};
    const declared = [...new Set(Object.keys(vars).map((k) => k.split(".")[0]!))];
    const extraGreetings = new Set(options.greetingWords.map((g) => foldCase(g, ctx.campaign.meta.locale)));
    const greetings = phraseSet(languagesFor(ctx.config.data), ["greetings"], ctx.campaign.meta.locale);
    for (const p of variant.templateProblems) ctx.report({ messageId: "refused", data: { message: p.message }, at: { file: p.file, start: p.start, end: p.end } });
    for (const v of variant.variables) {
      const root = v.use.path[0] ?? v.use.name.split(".")[0]!;
      if ((BUILTIN_VARIABLES.includes(root) && v.use.path.length <= 1) || options.allowUndeclared.includes(root)) continue;
      const at = { file: v.file, start: v.start, end: v.end };
      const found = lookupVariable(vars, v.use.path.length ? v.use.path : v.use.name.split("."));
      if (found.kind === "undeclared") {
        const lower = declared.find((d) => d.toLowerCase() === root.toLowerCase());
        const guess = lower ?? didYouMean(root, declared);
        ctx.report({ messageId: "undeclared", data: { name: v.use.name, guess: guess ? ` — did you mean ${guess}?` : "" }, at });
        continue;
      }
      if (found.kind === "no-field") {
        const guess = didYouMean(found.field, found.fields);
        ctx.report({ messageId: "noField", data: { name: v.use.name, owner: found.owner, field: found.field, fields: found.fields.length ? found.fields.join(", ") : "none", guess: guess ? ` — did you mean ${guess}?` : "" }, at });
        continue;
      }
      if (!found.hasValue) {
        ctx.report({ messageId: "noValue", data: { name: v.use.name }, at });
        continue;
      }
      const spec = found.spec ?? {};
      if (v.use.role !== "output" || v.use.guarded || spec.fallback !== undefined) continue;
      // Is it a greeting? Look at the words just before it, in the source line.
      const text = v.file.text;
      const lineStart = text.lastIndexOf("\n", v.start - 1) + 1;
      let lineEnd = text.indexOf("\n", v.end);
      if (lineEnd === -1) lineEnd = text.length;
      const before = text.slice(lineStart, v.start);
      const after = text.slice(v.end, lineEnd);
      // A greeting of any language's data (lang/*.json `greetings`, phrases of a few words) ending in one of the two words before it.
      const words = tokenize(before, ctx.campaign.meta.locale).filter((t) => t.word).slice(-6);
      const covered = greetings.cover(words);
      const greets = words.some((w, i) => i >= words.length - 2 && (covered[i] !== undefined || extraGreetings.has(foldCase(w.text, ctx.campaign.meta.locale))));
      const opensWithComma = !before.replace(/^[\s"'#>*_-]*/, "").trim() && /^\s*,/.test(after);
      if (greets || opensWithComma) {
        const shownBefore = before.replace(/^[\s"'#>*_-]*(subject|title|text|body)\s*:\s*["']?/i, "").trimStart().slice(-20);
        ctx.report({ messageId: "greeting", data: { name: v.use.name, before: shownBefore, after: after.slice(0, 12) }, at, severity: 1 });
      }
    }
  },
});
