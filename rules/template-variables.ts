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
import { tokenize, foldCase, type WordToken } from "../src/text/words.js";
import { CharOffsets, firstIndex } from "../src/text/offsets.js";
import type { SourceFile } from "../src/text/source-file.js";
import { languagesFor } from "../src/config/languages.js";
import { phraseSet } from "../src/text/phrases.js";
import { didYouMean } from "../src/text/suggest.js";
import { lookupVariable } from "../src/render/sample-data.js";

/** Variables brandlint provides itself. */
export const BUILTIN_VARIABLES = ["brand", "campaign", "channel", "link", "unsubscribeUrl"];

/** Greeting words, by language: a variable right after one is a greeting. */
/** White space (not a line break) and a comma right after a variable. */
const COMMA_AFTER = /[^\S\n]*,/y;
/** What may come before a variable that opens its line (quotes, Markdown marks). */
const OPENING = /[\s"'#>*_-]*/y;
/** A frontmatter or JSON field name at the start of a line, left out of the quoted text before a greeting. */
const FIELD_PREFIX = /[\s"'#>*_-]*(subject|title|text|body)\s*:\s*["']?/iy;

/** A source line (up to its "\n"): its words, tokenized once for every variable on it. */
interface Line {
  start: number;
  /** Where its first character that is not white space, a quote or a Markdown mark is (its end when none). */
  firstWritten: number;
  /** Where the text quoted before a greeting may start: after a leading field name and white space. */
  shownFrom: number;
  /** The last `n` words that end before `offset` (of the text from the line's start to `offset`). */
  wordsBefore(offset: number, n: number): WordToken[];
}

/**
 * The "\n"-separated lines of source files, each one looked at once however many
 * variables it holds (looking at the whole line before each variable was quadratic
 * on a line of thousands of variables).
 */
class SourceLines {
  private breaks = new Map<SourceFile, CharOffsets>();
  private lines = new Map<string, Line>();
  constructor(private locale: string) {}

  private breaksOf(file: SourceFile): CharOffsets {
    let b = this.breaks.get(file);
    if (!b) this.breaks.set(file, (b = new CharOffsets(file.text, (c) => c === "\n")));
    return b;
  }

  /** Where the line holding `offset` ends (its "\n", or the end of the text). */
  lineEnd(file: SourceFile, offset: number): number {
    const nl = this.breaksOf(file).from(offset);
    return nl === -1 ? file.text.length : nl;
  }

  /** The line that holds `offset`. */
  at(file: SourceFile, offset: number): Line {
    const start = this.breaksOf(file).before(offset) + 1;
    const key = `${file.path}\u0000${start}`;
    let line = this.lines.get(key);
    if (line) return line;
    const text = file.text;
    const end = this.lineEnd(file, offset);
    OPENING.lastIndex = start;
    OPENING.test(text);
    const firstWritten = Math.min(OPENING.lastIndex, end);
    FIELD_PREFIX.lastIndex = start;
    let shownFrom = FIELD_PREFIX.test(text) ? Math.min(FIELD_PREFIX.lastIndex, end) : start;
    while (shownFrom < end && /\s/.test(text[shownFrom]!)) shownFrom++;
    let tokens: WordToken[] | undefined;
    let wordEnds: number[] | undefined;
    const locale = this.locale;
    line = {
      start,
      firstWritten,
      shownFrom,
      wordsBefore(offset, n) {
        tokens ??= tokenize(text.slice(start, end), locale);
        wordEnds ??= tokens.flatMap((t, i) => (t.word ? [i] : []));
        const rel = offset - start;
        const all = tokens;
        // The first token ending after the offset, and the word tokens ending at or before it.
        const after = firstIndex(all.length, (i) => all[i]!.end > rel);
        // A token across the offset: the line's words there are not those of the text before it.
        if (all[after] && all[after].start < rel) return tokenize(text.slice(start, offset), locale).filter((t) => t.word).slice(-n);
        const words = firstIndex(wordEnds.length, (i) => all[wordEnds![i]!]!.end > rel);
        return wordEnds.slice(Math.max(0, words - n), words).map((i) => all[i]!);
      },
    };
    this.lines.set(key, line);
    return line;
  }
}

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
    const lines = new SourceLines(ctx.campaign.meta.locale);
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
      const line = lines.at(v.file, v.start);
      const lineEnd = lines.lineEnd(v.file, v.end);
      const after = (n: number) => v.file.text.slice(v.end, Math.min(lineEnd, v.end + n));
      // A greeting of any language's data (lang/*.json `greetings`, phrases of a few words) ending in one of the two words before it.
      const words = line.wordsBefore(v.start, 6);
      const covered = greetings.cover(words);
      const greets = words.some((w, i) => i >= words.length - 2 && (covered[i] !== undefined || extraGreetings.has(foldCase(w.text, ctx.campaign.meta.locale))));
      COMMA_AFTER.lastIndex = v.end;
      const opensWithComma = v.start <= line.firstWritten && COMMA_AFTER.test(v.file.text) && COMMA_AFTER.lastIndex <= lineEnd;
      if (greets || opensWithComma) {
        const shownBefore = v.file.text.slice(Math.max(Math.min(line.shownFrom, v.start), v.start - 20), v.start);
        ctx.report({ messageId: "greeting", data: { name: v.use.name, before: shownBefore, after: after(12) }, at, severity: 1 });
      }
    }
  },
});
