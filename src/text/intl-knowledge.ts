/**
 * What the language data is read with that comes from Intl rather than from the data
 * files: month and weekday names and date orders of every language's locales (and their
 * `dateLocales`), the words of every phrase by its language's segmenter, the digits of
 * every numbering system, the fold keys of those words and names (src/text/fold.ts:
 * normalization and case mapping are ICU's too). It depends only on the data files and on ICU, so the build
 * computes it for the built-in languages (dist/language-data.json, see
 * src/config/languages.ts, which checks it was made from the same files with the same
 * ICU) and a run uses it instead of making a few hundred Intl objects; anything it does
 * not hold (a config's own phrases, a campaign locale with a region) is computed as before.
 */
import { computeNames, computeNumericOrder, useDateNames, type LocaleNames, type NumericOrder } from "./dates.js";
import { casingClass, computeKnownFolds, useKnownFolds, type KnownFolds } from "./fold.js";
import { computeDigitSets, useDigitSets } from "./numbers.js";
import { phraseText, segmentPhrase, usePhraseWords, type Languages } from "./phrases.js";

export interface IntlKnowledge {
  /** Month and weekday names by locale. */
  names: Record<string, LocaleNames>;
  numericOrders: Record<string, NumericOrder>;
  /** The words of each phrase (as phraseText gives it) and month name, by language tag. */
  words: Record<string, Record<string, string[]>>;
  /** computeDigitSets(). */
  digits: string[];
  /** Fold keys of every list entry, phrase word and name, in the casing classes of the languages (and the root's). */
  folds: KnownFolds;
}

/** Lists of a language's data that are not phrases (locale tags; prefixes, compared folded but never segmented). */
const NOT_PHRASES = new Set(["dateLocales", "prefixes"]);

/** Computes the knowledge for some languages from Intl (no cache involved: this is what a run would compute). */
export function computeIntlKnowledge(languages: Languages): IntlKnowledge {
  const out: Omit<IntlKnowledge, "folds"> = { names: {}, numericOrders: {}, words: {}, digits: computeDigitSets() };
  // Every string the phrase sets and the date reader fold: list entries, their words, names.
  const folded = new Set<string>();
  const wordsOf = (tag: string, text: string) => {
    const words = ((out.words[tag] ??= {})[text] ??= segmentPhrase(text, tag));
    for (const w of words) folded.add(w);
    return words;
  };
  for (const [tag, data] of Object.entries(languages))
    for (const [list, entries] of Object.entries(data))
      if (Array.isArray(entries) && list !== "dateLocales")
        for (const e of entries as string[]) {
          folded.add(e);
          if (!NOT_PHRASES.has(list)) wordsOf(tag, phraseText(e));
        }
  for (const tag of new Set(Object.entries(languages).flatMap(([tag, l]) => [tag, ...(l.dateLocales ?? [])]))) {
    const names = computeNames(tag);
    out.names[tag] = names;
    out.numericOrders[tag] = computeNumericOrder(tag);
    // The names the date reader splits into words (a name with digits is never a month name).
    for (const [name] of names.months) if (!/\p{Nd}/u.test(name)) wordsOf(tag, name);
    for (const name of [...names.weekdays, ...(names.numeric ?? [])]) folded.add(name);
  }
  const classes = [...new Set(Object.keys(languages).map(casingClass))];
  return { ...out, folds: computeKnownFolds(folded, classes) };
}

/** Reads dates, phrases and numbers with this knowledge from now on (it must be what computeIntlKnowledge gives here). */
export function useIntlKnowledge(k: IntlKnowledge): void {
  useDateNames(k.names, k.numericOrders);
  usePhraseWords(k.words);
  useDigitSets(k.digits);
  useKnownFolds(k.folds);
}
