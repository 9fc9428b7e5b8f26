/** Word tokens that hold in every script (Intl.Segmenter), and case helpers. */

export interface WordToken {
  start: number;
  end: number;
  /** The token's text as written. */
  text: string;
  /** Is it a word (letters/digits), or punctuation and space between words. */
  word: boolean;
}

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(locale: string): Intl.Segmenter {
  let s = segmenters.get(locale);
  if (!s) {
    try {
      s = new Intl.Segmenter(locale, { granularity: "word" });
    } catch {
      s = new Intl.Segmenter("en", { granularity: "word" });
    }
    segmenters.set(locale, s);
  }
  return s;
}

/**
 * Word tokens of a text. Several rules tokenize the same variant texts, so results are
 * memoized (bounded); callers must not mutate the returned array.
 */
const tokenCache = new Map<string, WordToken[]>();
export function tokenize(text: string, locale: string): WordToken[] {
  const key = `${locale}\u0000${text}`;
  let out = tokenCache.get(key);
  if (out) return out;
  out = [];
  // Intl.Segmenter copies its whole input for every segment it yields, which makes long
  // texts quadratic; segment ~1 KB chunks cut after white space (a word boundary in every
  // script that uses spaces; texts without spaces stay in one chunk).
  const seg = segmenter(locale);
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + CHUNK);
    if (to < text.length) {
      let cut = to;
      while (cut > from && !(isSpace(text.charCodeAt(cut - 1)) && !isSpace(text.charCodeAt(cut)) && !/[\p{M}\p{Cf}]/u.test(text[cut]!))) cut--;
      to = cut > from ? cut : nextCut(text, to);
    }
    const part = text.slice(from, to);
    for (const s of seg.segment(part)) out.push({ start: from + s.index, end: from + s.index + s.segment.length, text: s.segment, word: s.isWordLike === true });
    from = to;
  }
  // Small: the point is to share one campaign's tokens between rules, not to keep a repository's.
  if (tokenCache.size > 256) tokenCache.clear();
  tokenCache.set(key, out);
  return out;
}

const CHUNK = 1024;
const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 0xa0 || c === 0x3000;

/** The first cut after `at` where white space is followed by a base character (or the end). */
function nextCut(text: string, at: number): number {
  for (let i = at; i < text.length; i++) if (isSpace(text.charCodeAt(i - 1)) && !isSpace(text.charCodeAt(i)) && !/[\p{M}\p{Cf}]/u.test(text[i]!)) return i;
  return text.length;
}

const APOSTROPHES = /['’ʼ]/u;

/**
 * The ways a word token can match a term word: itself, and around an apostrophe
 * the stem of a possessive or contraction ("Acme’s" → "Acme") or the word after an
 * elided article ("l’offre" → "offre").
 */
export function tokenViews(t: WordToken): { start: number; end: number; text: string }[] {
  const views = [{ start: t.start, end: t.end, text: t.text }];
  const m = APOSTROPHES.exec(t.text);
  if (m && m.index > 0 && m.index < t.text.length - 1) {
    const before = t.text.slice(0, m.index);
    const after = t.text.slice(m.index + 1);
    if (after.length <= 2) views.push({ start: t.start, end: t.start + m.index, text: before });
    if (before.length <= 2) views.push({ start: t.start + m.index + 1, end: t.end, text: after });
  }
  return views;
}

/** Case-insensitive key: locale lower case, NFC, and Russian ё folded to е as writers do. */
const foldCache = new Map<string, string>();
export function foldCase(s: string, locale: string): string {
  const key = `${locale}\u0000${s}`;
  let out = foldCache.get(key);
  if (out === undefined) {
    out = s.normalize("NFC").toLocaleLowerCase(locale).replace(/ё/g, "е");
    if (foldCache.size > 50_000) foldCache.clear();
    foldCache.set(key, out);
  }
  return out;
}

/** Gives `replacement` the case shape of `original`: UPPER, Capitalised or as written. */
export function matchCaseShape(original: string, replacement: string, locale: string): string {
  const letters = original.replace(/[^\p{L}]/gu, "");
  if (!letters) return replacement;
  const upper = letters.toLocaleUpperCase(locale);
  const lower = letters.toLocaleLowerCase(locale);
  if (letters === upper && letters !== lower && letters.length > 1) return replacement.toLocaleUpperCase(locale);
  const first = letters[0]!;
  if (first === first.toLocaleUpperCase(locale) && first !== first.toLocaleLowerCase(locale)) {
    const rest = replacement.slice(1);
    return replacement.charAt(0).toLocaleUpperCase(locale) + (letters.slice(1) === letters.slice(1).toLocaleLowerCase(locale) && rest === rest.toLocaleLowerCase(locale) ? rest : rest);
  }
  return replacement;
}
