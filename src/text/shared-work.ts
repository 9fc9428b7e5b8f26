/**
 * What several rules compute from the same variant text, computed once. Rules read the
 * same fields (tone-words and consistency the text, offer-consistency and consistency the
 * words, sentences and phrase covers of the same prose): the text layer keeps each
 * text's word tokens (words.ts), sentences (sentences.ts) and grapheme clusters
 * (graphemes.ts) in bounded per-text memos, and what is derived from one word list
 * (which words a phrase list covers, the sentence of each word) with that list.
 */
import type { PhraseSet } from "./phrases.js";
import type { WordToken } from "./words.js";

/**
 * How many times each piece of shared text work was done, by name (tokenize,
 * sentences, graphemes, cover, …): tests read it to check that rules share a
 * campaign's work instead of repeating it. Counting costs an increment.
 */
export const textWork: Record<string, number> = {};

/** Counts one piece of work of the given kind (see textWork). */
export function counted<A extends unknown[], T>(name: string, compute: (...args: A) => T): (...args: A) => T {
  return (...args) => {
    textWork[name] = (textWork[name] ?? 0) + 1;
    return compute(...args);
  };
}

const derived = new WeakMap<readonly WordToken[], Map<unknown, unknown>>();

/**
 * A value computed from a word list, kept with the list for as long as the list lives
 * (word lists come from a bounded per-text memo, so a text's values go when it does).
 * `key` names what is computed (a phrase set, a kind of value and its locale); callers
 * must not mutate what it returns.
 */
export function fromWords<T>(words: readonly WordToken[], key: unknown, compute: () => T): T {
  let m = derived.get(words);
  if (!m) derived.set(words, (m = new Map()));
  if (m.has(key)) return m.get(key) as T;
  const out = compute();
  m.set(key, out);
  return out;
}

/** Which words of a list a phrase set covers (PhraseSet#cover), once per list and set. */
export function coverOf(set: PhraseSet, words: readonly WordToken[]): ReturnType<PhraseSet["cover"]> {
  return fromWords(words, set, counted("cover", () => set.cover(words)));
}
