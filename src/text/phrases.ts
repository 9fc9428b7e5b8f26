/**
 * Lists of words and phrases from the language data (cue words, percent words, end-date
 * words...) matched on the word tokens of a text. A phrase is split into words by the
 * same segmenter as the text; a trailing `*` matches any ending of its last word.
 * Words compare by `foldKey` (case, width, silent marks); a word may carry one or two
 * of its languages' attached prefixes (Arabic و ب ال, Hebrew ב ה ו ל כ ש); in
 * languages marked `unmarkedForms` a phrase also matches written without diacritics.
 */
import type { LanguageData } from "../types.js";
import { foldKey, looseKey } from "./fold.js";
import { segmenterFor, type WordToken } from "./words.js";

/** Every language's data, by tag (src/config/languages.ts merges the built-in files with the config). */
export type Languages = Readonly<Record<string, LanguageData>>;

/** Which lists of a language make up a phrase set. */
export type ListName = { [K in keyof LanguageData]-?: LanguageData[K] extends string[] | undefined ? K : never }[keyof LanguageData];

interface Phrase {
  /** Word keys ("s:" strict, "l:" loose namespace). */
  words: string[];
  /** The last word matches by prefix. */
  prefix: boolean;
}

/** Computes the keys a text word can match by (itself, without prefixes, without diacritics). */
export class WordKeyer {
  private readonly prefixes: string[];
  private readonly cache = new Map<string, string[]>();

  constructor(
    readonly locale: string,
    languages: Languages,
  ) {
    const all = new Set<string>();
    for (const l of Object.values(languages)) for (const p of l.prefixes ?? []) all.add(foldKey(p, locale));
    // Longest first, so "وال" is tried before "و".
    this.prefixes = [...all].sort((a, b) => b.length - a.length);
  }

  /** Is `s` one or two attached prefixes (with an optional tatweel after each), as written before a number (و٢٠٪, بـ٢٠٪)? */
  isPrefixes(s: string): boolean {
    let rest = foldKey(s, this.locale);
    for (let n = 0; n < 2 && rest; n++) {
      const p = this.prefixes.find((x) => rest.startsWith(x));
      if (!p) return false;
      rest = rest.slice(p.length);
    }
    return rest === "";
  }

  keys(word: string): string[] {
    let out = this.cache.get(word);
    if (out) return out;
    const strict = [foldKey(word, this.locale)];
    for (let i = 0; i < strict.length && i < 6; i++)
      for (const p of this.prefixes) {
        const v = strict[i]!;
        if (v.startsWith(p) && [...v].length - [...p].length >= 2 && !strict.includes(v.slice(p.length))) strict.push(v.slice(p.length));
      }
    out = [...strict.map((k) => "s:" + k), ...new Set(strict.map((k) => "l:" + looseKey(k, this.locale)))];
    if (this.cache.size > 20_000) this.cache.clear();
    this.cache.set(word, out);
    return out;
  }
}

/** A compiled set of phrases from some lists of every language. */
export class PhraseSet {
  private byFirst = new Map<string, Phrase[]>();
  private byPrefix = new Map<string, Phrase[]>();
  private maxPrefix = 0;
  readonly size: number;

  constructor(
    languages: Languages,
    lists: readonly ListName[],
    readonly keyer: WordKeyer,
  ) {
    let n = 0;
    for (const [tag, data] of Object.entries(languages))
      for (const list of lists)
        for (const text of data[list] ?? []) {
          const locale = keyer.locale;
          const prefix = text.trim().endsWith("*") && text.trim().length > 1;
          const words = phraseWords(phraseText(text), tag);
          if (!words.length) continue;
          const variants = [words.map((w) => "s:" + foldKey(w, locale))];
          if (data.unmarkedForms) variants.push(words.map((w) => "l:" + looseKey(w, locale)));
          for (const keys of variants) this.add({ words: keys, prefix });
          n++;
        }
    this.size = n;
  }

  private add(p: Phrase): void {
    const k = p.words[0]!;
    const byPrefix = p.prefix && p.words.length === 1;
    if (byPrefix) this.maxPrefix = Math.max(this.maxPrefix, k.length);
    const map = byPrefix ? this.byPrefix : this.byFirst;
    const list = map.get(k);
    if (list) list.push(p);
    else map.set(k, [p]);
  }

  private wordMatches(p: Phrase, k: number, word: string): boolean {
    const keys = this.keyer.keys(word);
    const want = p.words[k]!;
    return p.prefix && k === p.words.length - 1 ? keys.some((key) => key.startsWith(want)) : keys.includes(want);
  }

  /** Number of words of the longest phrase that starts at words[i] (0 if none). */
  longestAt(words: readonly WordToken[], i: number): number {
    const w = words[i];
    if (!w) return 0;
    let best = 0;
    const keys = this.keyer.keys(w.text);
    if (this.byPrefix.size)
      for (const key of keys)
        for (let n = 3, max = Math.min(key.length, this.maxPrefix); n <= max; n++) if (this.byPrefix.has(key.slice(0, n))) best = Math.max(best, 1);
    for (const key of keys)
      for (const p of this.byFirst.get(key) ?? []) {
        if (p.words.length <= best || i + p.words.length > words.length) continue;
        let ok = true;
        for (let k = 1; k < p.words.length && ok; k++) ok = this.wordMatches(p, k, words[i + k]!.text);
        if (ok) best = p.words.length;
      }
    return best;
  }

  /**
   * For each word, the range of words of a phrase covering it (the longest starting
   * the furthest left), or undefined. Linear: phrases have a few words each.
   */
  cover(words: readonly WordToken[]): ({ first: number; last: number } | undefined)[] {
    const out: ({ first: number; last: number } | undefined)[] = new Array(words.length).fill(undefined);
    if (this.size === 0) return out;
    for (let i = 0; i < words.length; i++) {
      const n = this.longestAt(words, i);
      for (let k = i; k < i + n; k++) out[k] ??= { first: i, last: i + n - 1 };
    }
    return out;
  }
}

/** A list entry as its words are looked up: trimmed, without the trailing `*`. */
export const phraseText = (entry: string): string => entry.trim().replace(/\*+$/u, "");

const wordCache = new Map<string, string[]>();
/** Words segmented before (by the build, for the built-in languages' phrases; see usePhraseWords), by tag and text. */
let knownWords: Readonly<Record<string, Readonly<Record<string, string[]>>>> = {};

/**
 * The words of a phrase, by the segmenter of its language (cached for every locale, and
 * kept out of `tokenize`'s cache, which is for the texts being linted).
 */
export function phraseWords(text: string, tag: string): string[] {
  const key = `${tag}\u0000${text}`;
  const known = Object.hasOwn(knownWords, tag) ? knownWords[tag]! : undefined;
  let out = known && Object.hasOwn(known, text) ? known[text] : wordCache.get(key);
  if (!out) {
    out = segmentPhrase(text, tag);
    if (wordCache.size > 20_000) wordCache.clear();
    wordCache.set(key, out);
  }
  return out;
}

/** phraseWords without the caches. */
export function segmentPhrase(text: string, tag: string): string[] {
  const out: string[] = [];
  for (const s of segmenterFor(safeTag(tag)).segment(text)) if (s.isWordLike) out.push(s.segment);
  return out;
}

/**
 * Words of phrases segmented before, by language tag and text (what segmentPhrase gives
 * for this ICU; src/config/languages.ts checks the versions): Intl.Segmenter is not asked again.
 */
export function usePhraseWords(words: Readonly<Record<string, Readonly<Record<string, string[]>>>>): void {
  knownWords = words;
}

/** A language tag Intl accepts (config tags are validated by shape only). */
function safeTag(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? "en";
  } catch {
    return "en";
  }
}

/** A PhraseSet per (languages, lists, locale), cached. */
const sets = new WeakMap<Languages, Map<string, PhraseSet>>();
const keyers = new WeakMap<Languages, Map<string, WordKeyer>>();

export function keyerFor(languages: Languages, locale: string): WordKeyer {
  let m = keyers.get(languages);
  if (!m) keyers.set(languages, (m = new Map()));
  let k = m.get(locale);
  if (!k) m.set(locale, (k = new WordKeyer(locale, languages)));
  return k;
}

export function phraseSet(languages: Languages, lists: readonly ListName[], locale: string): PhraseSet {
  let m = sets.get(languages);
  if (!m) sets.set(languages, (m = new Map()));
  const key = `${locale}\u0000${lists.join(",")}`;
  let s = m.get(key);
  if (!s) m.set(key, (s = new PhraseSet(languages, lists, keyerFor(languages, locale))));
  return s;
}
