/**
 * tone-words — the brand's voice: banned terms and preferred spellings, per locale.
 *
 * Why: an off-brand word ("cheap", "ACME", "e-mail") in one channel undoes the care
 * taken in the others, and copywriters in five languages cannot keep a glossary in
 * their heads. Terms are matched as whole words in every script (Intl.Segmenter),
 * folded (case, width, Arabic marks) unless `caseSensitive`, with `*` only at either end
 * and `except` for words a wildcard must not reach. Preferred
 * spellings are fixed automatically, keeping the original's case shape; banned terms
 * get a suggestion. URLs, code and variable values are never touched.
 *
 * Options: `locales` — false to ignore the per-locale lists.
 */
import { fieldsOf } from "../src/campaign/model.js";
import { ADDING_A_LANGUAGE, languagesFor } from "../src/config/languages.js";
import { defineRule } from "../src/engine/rule.js";
import { localeApplies } from "../src/text/locale.js";
import { PhraseMatcher, type TermSpec } from "../src/text/terms.js";
import type { CompiledStore } from "../src/compiled-cache.js";
import { matchCaseShape } from "../src/text/words.js";
import type { BannedTerm, BrandConfig, PreferredTerm, ToneLists } from "../src/types.js";
import { CHANNELS } from "../src/types.js";

type Payload = { kind: "banned"; term: BannedTerm } | { kind: "preferred"; term: PreferredTerm; found: string };

interface Options {
  locales: boolean;
}

/**
 * A term of the tone lists as the matcher takes it; its payload is made when it matches.
 * Its fields are read from the entry once (the config's entries come in several shapes,
 * and the matcher reads them for every one of 100,000 terms).
 */
class ToneSpec implements TermSpec<Payload> {
  readonly caseSensitive: boolean | undefined;
  readonly except: readonly string[] | undefined;

  constructor(
    readonly term: string,
    private readonly entry: BannedTerm | PreferredTerm,
    preferred: boolean,
  ) {
    this.caseSensitive = entry.caseSensitive;
    this.except = preferred ? undefined : (entry as BannedTerm).except;
  }

  get payload(): Payload {
    return "instead" in this.entry ? { kind: "preferred", term: this.entry, found: this.term } : { kind: "banned", term: this.entry };
  }
}

/** A matcher compiled for the locale it was first asked for, with what it was compiled from and its key on disk (with --cache). */
interface Compiled {
  matcher: PhraseMatcher<Payload>;
  specs: ToneSpec[];
  diskKey: string | undefined;
  /** Is the whole list compiled and on disk (read back from it, or written to it)? */
  onDisk: boolean;
}

/** Per config: matchers by locale, and the compiled ones by the lists they hold (shared by locales that compile the same). */
const cache = new WeakMap<BrandConfig, { byLocale: Map<string, PhraseMatcher<Payload>>; byLists: Map<string, Compiled[]> }>();

/**
 * Compiles the tone lists that apply to a locale into one matcher (cached per config).
 * Locales that get the same lists share one compiled matcher when it compiles the same
 * for them (PhraseMatcher.forLocale): a run over campaigns in five languages compiles a
 * big list once, not five times.
 *
 * A matcher compiles a term when a text first has a word that term can start, so a run
 * over a few campaigns compiles a few terms of a big list; reading the whole list back
 * from disk costs more than that (one campaign, 100,000 terms: 0.74 s of CPU against
 * 0.42 s without --cache). With --cache the whole list is therefore kept on disk only once
 * a run needs all of it: when a second locale shares the matcher (sharing compiles every
 * term), it is read back from disk if it was written before, else compiled and written.
 */
export function toneMatcher(config: BrandConfig, locale: string, withLocales = true, store?: CompiledStore): PhraseMatcher<Payload> {
  let c = cache.get(config);
  if (!c) {
    c = { byLocale: new Map(), byLists: new Map() };
    cache.set(config, c);
  }
  const key = `${locale}\u0000${withLocales}`;
  let m = c.byLocale.get(key);
  if (m) return m;
  const applied = withLocales ? Object.keys(config.tone?.locales ?? {}).filter((tag) => localeApplies(tag, locale)) : [];
  const listsKey = JSON.stringify(applied);
  const compiled = c.byLists.get(listsKey) ?? [];
  for (const other of compiled) {
    if (other.diskKey && !other.onDisk && other.matcher.canShare(locale)) wholeListOnDisk(other, store!, c.byLocale);
    if ((m = other.matcher.forLocale(locale))) break;
  }
  if (!m) {
    const lists: ToneLists[] = [config.tone ?? {}, ...applied.map((tag) => config.tone!.locales![tag]!)];
    // Indexed loops, one object a term: a list of 100,000 terms is not copied through spreads and flatMap, nor walked
    // with iterators (run once, the loop is not optimised before most of the list is done: for…of took three times as long).
    const specs: ToneSpec[] = [];
    for (const l of lists) {
      const banned = l.banned ?? [];
      for (let i = 0; i < banned.length; i++) specs.push(new ToneSpec(banned[i]!.term, banned[i]!, false));
      const terms = l.terms ?? [];
      for (let i = 0; i < terms.length; i++) {
        const t = terms[i]!;
        for (let k = 0; k < t.instead.length; k++) specs.push(new ToneSpec(t.instead[k]!, t, true));
      }
    }
    // Longer words of scripts without spaces (ถูกต้อง) that no shorter term matches inside.
    const words = Object.values(languagesFor(config)).flatMap((l) => l.words ?? []);
    // The key on disk holds everything the compile depends on.
    const diskKey = store?.keyFor("tone-words", locale, JSON.stringify(specs.map((s) => [s.term, s.caseSensitive ?? false, s.except ?? []])), JSON.stringify(words));
    m = new PhraseMatcher(specs, locale, { words });
    compiled.push({ matcher: m, specs, diskKey, onDisk: false });
    c.byLists.set(listsKey, compiled);
  }
  c.byLocale.set(key, m);
  return m;
}

/** Reads a compiled matcher's whole list back from disk (it takes the matcher's place), or compiles the rest of it and writes it there. */
function wholeListOnDisk(c: Compiled, store: CompiledStore, byLocale: Map<string, PhraseMatcher<Payload>>): void {
  c.onDisk = true;
  const back = PhraseMatcher.fromCompiled(store.get(c.diskKey!), c.specs);
  if (!back) {
    store.set(c.diskKey!, c.matcher.compiled());
    return;
  }
  // The same findings either way (a matcher finds what the whole list compiled finds): the locales that use the old one use it.
  for (const [k, used] of byLocale) if (used === c.matcher) byLocale.set(k, back);
  c.matcher = back;
}

export default defineRule<Options>({
  meta: {
    id: "tone-words",
    description: "Banned terms and preferred spellings from the brand's tone lists, per locale.",
    rationale: "One off-brand word in one channel undoes the voice of all the others; the glossary lives in brand.config.json so nobody has to remember it.",
    docs: { url: "docs/rules/tone-words.md" },
    channels: CHANNELS,
    scope: "variant",
    defaultSeverity: "error",
    fixable: true,
    hasSuggestions: true,
    schema: {
      type: "object",
      additionalProperties: false,
      properties: { locales: { type: "boolean", description: "Also apply tone.locales lists (default true)." } },
    },
    defaultOptions: { locales: true },
    messages: {
      banned: "‘{found}’ is off-brand{instead}{why}",
      preferred: "Write ‘{use}’, not ‘{found}’{why}",
      useSuggestion: "Replace with ‘{suggest}’",
    },
    examples: {
      valid: [
        { title: "a word that merely starts with a banned term is fine", config: { tone: { banned: [{ term: "cheap" }] } }, files: { "sms.txt": "Our cheapest plan is here." } },
        { title: "URLs are never checked", config: { tone: { banned: [{ term: "cheap" }] } }, files: { "sms.txt": "See https://acme.example/cheap now" } },
        { title: "an exception keeps a longer word out (tani* but not taniec, “dance”)", config: { tone: { banned: [{ term: "tani*", except: ["taniec*"] }] } }, files: { "campaign.json": '{ "locale": "pl" }', "sms.txt": "Taniec na lodzie" } },
        { title: "Thai: ถูก (cheap) is not matched inside ถูกต้อง (correct)", config: { tone: { banned: [{ term: "ถูก" }] } }, files: { "campaign.json": '{ "locale": "th" }', "sms.txt": "ข้อมูลถูกต้อง" } },
        { title: "a locale list applies only to its locale", config: { tone: { locales: { ru: { banned: [{ term: "дешёв*" }] } } } }, files: { "campaign.json": '{ "locale": "pl" }', "sms.txt": "дешёвый" } },
      ],
      invalid: [
        {
          title: "a banned term, with the brand's suggestion",
          config: { tone: { banned: [{ term: "cheap", suggest: "affordable", message: "we never call our products cheap" }] } },
          files: { "sms.txt": "Cheap jackets today" },
          errors: [{ messageId: "banned", line: 1, column: 1, message: "‘Cheap’ is off-brand; write ‘affordable’ (we never call our products cheap)", suggestions: [{"desc":"Replace with ‘affordable’","output":{"sms.txt":"Affordable jackets today"}}] }],
        },
        {
          title: "a preferred spelling is fixed, keeping the case shape",
          config: { tone: { terms: [{ use: "email", instead: ["e-mail"] }] } },
          files: { "sms.txt": "Check your E-mail" },
          errors: [{ messageId: "preferred", line: 1, column: 12 }],
          output: { "sms.txt": "Check your Email" },
        },
        {
          title: "folded forms match: ß and SS",
          config: { tone: { banned: [{ term: "große Auswahl", suggest: "breites Sortiment" }] } },
          files: { "campaign.json": '{ "locale": "de" }', "sms.txt": "Eine GROSSE AUSWAHL" },
          errors: [{ messageId: "banned", line: 1, column: 6, endColumn: 20, message: "‘GROSSE AUSWAHL’ is off-brand; write ‘breites Sortiment’", suggestions: [{"desc":"Replace with ‘breites Sortiment’","output":{"sms.txt":"Eine BREITES SORTIMENT"}}] }],
        },
        {
          title: "a wildcard term in a locale list (Russian)",
          config: { tone: { locales: { ru: { banned: [{ term: "дешёв*", suggest: "доступный" }] } } } },
          files: { "campaign.json": '{ "locale": "ru-RU" }', "sms.txt": "Самые дешёвые куртки" },
          errors: [{ messageId: "banned", line: 1, column: 7, suggestions: [{"desc":"Replace with ‘доступный’","output":{"sms.txt":"Самые доступный куртки"}}] }],
        },
      ],
    },
    notes: [
      "## How terms match",
      "",
      "- A term is a word or phrase. It matches whole words only: `cheap` matches “Cheap!” but not “cheapest”.",
      "- Word boundaries come from `Intl.Segmenter` for the campaign's locale, so they hold in every script (Arabic, Cyrillic, Thai...).",
      "- `*` at the start or end of a term is the only wildcard: `дешёв*` matches дешёвый, дешёвая, дешёвых; `*sale` matches “flashsale”.",
      "- `except` lists words the term must not match, with the same wildcards: `{ \"term\": \"tani*\", \"except\": [\"taniec*\"] }` reports tanie and taniej but not taniec (dance).",
      "- Unless the entry says `\"caseSensitive\": true`, words match folded the way readers read them: the locale's full case folding (`große Auswahl` = `GROSSE AUSWAHL`, `προσφορές` = `ΠΡΟΣΦΟΡΕΣ` with final sigma and tonos, Turkish `İNDİRİM` = `indirim` in a `tr` campaign, Russian ё = е), Unicode NFKC width forms (`ｾｰﾙ` = `セール`), Arabic tatweel, harakat and tanween (`رخـيـص` = `رَخِيص` = `رخيص`, `مجاناً` = `مجانا`), Hebrew niqqud and invisible joiners (the Persian half-space). Other diacritics count: `tańszy` is not `tanszy`, so list the forms a native speaker writes. Findings point at the characters as written, and a fix keeps the original's case shape.",
      "- Words joined by an apostrophe are split the way writers mean them: `Acme’s` contains `Acme`, `e-mail’s` contains `e-mail`, French `l’offre` contains `offre`.",
      "- Lists under `tone.locales.<tag>` apply when the campaign's locale is the tag or starts with it (`pt` covers `pt-BR`).",
      "- URLs, code, variable values and markup are never matched or fixed.",
      "",
      "## Scripts written without spaces",
      "",
      "Thai, Lao, Khmer, Myanmar, Chinese and Japanese are written without spaces between words, and the segmenter may cut a run of text differently from the term on its own (it cuts โปรโมชั่นพิเศษ as โปร|โม|ชั่|นพิ|เศษ). A term in these scripts is looked for in the text itself, and an occurrence matches when:",
      "",
      "1. it starts and ends on the segmenter's word boundaries (ถูก in ราคาถูก), or",
      "2. it crosses a boundary, and the text around it segmented on its own realigns with the segmenter's boundaries right before and right after it (โปรโมชั่น + พิเศษ in โปรโมชั่นพิเศษ);",
      "3. but never when it lies inside one word of the segmenter (ถูก in ถูกใจ), nor inside a longer word listed under `words` in the language's data file (ถูก in ถูกต้อง “correct”, which the segmenter itself splits as ถูก|ต้อง).",
      "",
      "Limits: the segmenter's dictionary (ICU's) decides what a word is; a compound it splits and no data file lists still contains its parts, so add such words to the language's `words` (in `lang/<tag>.json`, or in brand.config.json `languages.<tag>.words`). Codes and numbers of ASCII letters and digits are a word of their own wherever the script changes (`クーポンコードSALE10`).",
      "",
      ADDING_A_LANGUAGE,
    ].join("\n"),
  },
  check(ctx) {
    const { variant, campaign, options } = ctx;
    if (!variant) return;
    const locale = campaign.meta.locale;
    const matcher = toneMatcher(ctx.config.data, locale, options.locales, ctx.config.compiled);
    if (matcher.size === 0) return;
    for (const field of fieldsOf(variant)) {
      const text = field.sample;
      for (const m of matcher.match(text.text)) {
        // Only prose: never URLs, code, variable values or generated markup.
        if (!m.words.every((w) => text.isOnly(w.start, w.end, ["text", "config"]))) continue;
        const at = { text, start: m.start, end: m.end };
        if (m.payload.kind === "banned") {
          const t = m.payload.term;
          ctx.report({
            messageId: "banned",
            data: { found: m.text, instead: t.suggest ? `; write ‘${t.suggest}’` : "", why: t.message ? ` (${t.message})` : "" },
            at,
            suggestions: t.suggest ? [{ messageId: "useSuggestion", data: { suggest: t.suggest }, text: matchCaseShape(m.text, t.suggest, locale) }] : undefined,
          });
        } else {
          const t = m.payload.term;
          const replacement = t.caseSensitive ? t.use : matchCaseShape(m.text, t.use, locale);
          if (replacement === m.text) continue;
          ctx.report({ messageId: "preferred", data: { use: replacement, found: m.text, why: t.message ? ` (${t.message})` : "" }, at, fix: replacement });
        }
      }
    }
  },
});
