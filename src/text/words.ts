/** Word tokens that hold in every script (Intl.Segmenter), and case helpers. */
import { textMemo } from "./lazy.js";
import { counted } from "./shared-work.js";

export interface WordToken {
  start: number;
  end: number;
  /** The token's text as written. */
  text: string;
  /** Is it a word (letters/digits), or punctuation and space between words. */
  word: boolean;
}

const segmenters = new Map<string, Intl.Segmenter>();
/** One Intl.Segmenter per locale and granularity (English's rules when Intl rejects the tag). */
export function segmenterFor(locale: string, granularity: "word" | "sentence" = "word"): Intl.Segmenter {
  const key = `${granularity}\u0000${locale}`;
  let s = segmenters.get(key);
  if (!s) {
    try {
      s = new Intl.Segmenter(locale, { granularity });
    } catch {
      s = new Intl.Segmenter("en", { granularity });
    }
    segmenters.set(key, s);
  }
  return s;
}
const segmenter = (locale: string) => segmenterFor(locale);

/**
 * Word tokens of a text. Several rules tokenize the same variant texts, so results are
 * memoized (bounded); callers must not mutate the returned array.
 *
 * A word of ASCII letters and digits is a word of its own wherever the script changes
 * (`クーポンコードSALE10`, `โค้ดSALE10ลด20`): promo codes and numbers are written
 * straight into text without spaces. (Digits joined to letters of a script with spaces
 * stay in their word: `АБ12345`, `و20`.)
 */
export const tokenize = textMemo(counted("tokenize", tokenizeText));

/**
 * The word-like tokens of a text (no spaces or punctuation between words), memoized like
 * tokenize: one list per text, so what is derived from it (phrase covers, each word's
 * sentence) is kept with it and shared (shared-work.ts). Callers must not mutate it.
 */
export const wordTokens: (text: string, locale: string) => readonly WordToken[] = textMemo(counted("words", (text: string, locale: string) => tokenize(text, locale).filter((t) => t.word)));

function tokenizeText(text: string, locale: string): WordToken[] {
  const out: WordToken[] = [];
  // Intl.Segmenter copies its whole input for every segment it yields, which makes long
  // texts quadratic; segment ~1 KB chunks cut after white space (a word boundary in every
  // script that uses spaces). A text without spaces is segmented in windows, keeping the
  // segments that end well before the window's end and starting the next window there.
  const seg = segmenter(locale);
  const push = (from: number, s: Intl.SegmentData) => {
    const tok = { start: from + s.index, end: from + s.index + s.segment.length, text: s.segment, word: s.isWordLike === true };
    if (tok.word && MIXED.test(tok.text) && OTHER_SCRIPT.test(tok.text) && (ASCII_LETTER.test(tok.text) || SPACELESS_SCRIPT.test(tok.text))) splitAtScriptChange(tok, out!);
    else out!.push(tok);
  };
  for (let from = 0, size = CHUNK; from < text.length; ) {
    const to = Math.min(text.length, from + size);
    if (to === text.length) {
      for (const s of seg.segment(text.slice(from))) push(from, s);
      break;
    }
    let cut = to;
    while (cut > from && !(isSpace(text.charCodeAt(cut - 1)) && !isSpace(text.charCodeAt(cut)) && !/[\p{M}\p{Cf}]/u.test(text[cut]!))) cut--;
    if (cut > from) {
      for (const s of seg.segment(text.slice(from, cut))) push(from, s);
      from = cut;
      size = CHUNK;
      continue;
    }
    const segs = [...seg.segment(text.slice(from, to))];
    let keep = segs.length;
    while (keep > 0 && from + segs[keep - 1]!.index + segs[keep - 1]!.segment.length > to - LOOKAHEAD) keep--;
    if (keep === 0) {
      size *= 2;
      continue;
    }
    for (let k = 0; k < keep; k++) push(from, segs[k]!);
    from += segs[keep - 1]!.index + segs[keep - 1]!.segment.length;
    size = CHUNK;
  }
  return out;
}

const CHUNK = 1024;
/** How far from a window's end a segment must end to be kept (the segmenter's lookahead). */
const LOOKAHEAD = 128;
const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 0xa0 || c === 0x3000;
const MIXED = /[A-Za-z0-9]/u;
const ASCII_LETTER = /[A-Za-z]/u;
/** Scripts written without spaces: digits there are words of their own too (ลด20). Cyrillic АБ12345 stays one word. */
const SPACELESS_SCRIPT = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const OTHER_SCRIPT = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;

/** Splits a word token into its runs of ASCII letters and digits and the rest. */
function splitAtScriptChange(tok: WordToken, out: WordToken[]): void {
  for (const m of tok.text.matchAll(/[A-Za-z0-9]+|[^A-Za-z0-9]+/gu)) out.push({ start: tok.start + m.index, end: tok.start + m.index + m[0].length, text: m[0], word: true });
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
