/**
 * Percentages, discounts and promo codes in marketing copy, in every script.
 *
 * A percentage is written `20%`, `20 %` (any space, no-break and narrow no-break
 * included), `-20%`, `%20` (Turkish and Arabic style), `٢٠٪` / `۲۰٪` (digits of any
 * numbering system Intl knows, Arabic percent sign), `20–30%` (a range) or with a
 * percent word of any language (`20 percent`, `20 Prozent`, `20 процентов`, `٢٠ بالمئة`).
 * Digits are normalised before values are compared.
 *
 * Whether a percentage is a discount is decided from the words around it, found with
 * the word tokenizer (Intl.Segmenter) and matched against the language data
 * (lang/<tag>.json: discount cues, tax and product-fact words, code cues, "up to" and
 * percent words). Every language's lists apply in every campaign, since copy mixes
 * languages; the campaign's locale decides case folding and segmentation.
 */
import { digitZero, parseNumber } from "./numbers.js";
import { foldKey, foldMapped } from "./fold.js";
import { keyerFor, phraseSet, type Languages, type PhraseSet, type WordKeyer } from "./phrases.js";
import { sentenceIds } from "./sentences.js";
import { coverOf } from "./shared-work.js";
import { wordTokens, type WordToken } from "./words.js";

export { normalizeDigits, parseNumber } from "./numbers.js";
/** The key cue words compare by: folded, without diacritics (see fold.ts). */
export { looseKey as cueKey } from "./fold.js";

/** Every language's cue lists, compiled for one locale. */
export interface CueSets {
  locale: string;
  keyer: WordKeyer;
  /** Discount cues and code cues: a percentage near one is a discount. */
  discount: PhraseSet;
  /** Tax, rate and product-fact words: a percentage next to one is something else. */
  notDiscount: PhraseSet;
  /** Words written before a promo code ("code SPRING20"). */
  code: PhraseSet;
  /** Words written after a promo code ("KIS10 koduyla"). */
  codeAfter: PhraseSet;
  /** Words that make a code word another kind of code ("product code"). */
  notCode: PhraseSet;
  upTo: PhraseSet;
  percentWords: PhraseSet;
  /** Percent words written before the number (Turkish "yüzde 20"). */
  percentWordsBefore: PhraseSet;
}

const compiled = new WeakMap<Languages, Map<string, CueSets>>();

/** Compiles every language's cue lists into matchers for `locale` (cached per languages object). */
export function compileCues(locale: string, languages: Languages): CueSets {
  let byLocale = compiled.get(languages);
  if (!byLocale) compiled.set(languages, (byLocale = new Map()));
  let sets = byLocale.get(locale);
  if (!sets) {
    sets = {
      locale,
      keyer: keyerFor(languages, locale),
      discount: phraseSet(languages, ["discountCues", "codeCues"], locale),
      notDiscount: phraseSet(languages, ["taxWords", "factWords"], locale),
      code: phraseSet(languages, ["codeCues"], locale),
      codeAfter: phraseSet(languages, ["codeCuesAfter"], locale),
      notCode: phraseSet(languages, ["notCodeCues"], locale),
      upTo: phraseSet(languages, ["upToWords"], locale),
      percentWords: phraseSet(languages, ["percentWords"], locale),
      percentWordsBefore: phraseSet(languages, ["percentWordsBefore"], locale),
    };
    byLocale.set(locale, sets);
  }
  return sets;
}

const PERCENT = new Set(["%", "٪", "﹪", "％"]);
/** Spaces people type between a number and its percent sign. */
const SPACE = new Set([" ", "\u00A0", "\u202F", "\u2009", "\u200A", "\u2007", "\u2002", "\u2003"]);
/** Invisible direction marks that may sit anywhere in RTL text. */
const BIDI = new Set(["\u200E", "\u200F", "\u061C", "\u2066", "\u2067", "\u2068", "\u2069"]);
const MINUS = new Set(["-", "\u2212", "\u2010", "\u2011", "\u2013"]);
const DASH = new Set(["-", "\u2212", "\u2010", "\u2011", "\u2013", "\u2014"]);
/** What may stand right before a minus sign (so `T-shirts` or `10-20%` are not minus signs). */
const BEFORE_SIGN = /[\s([{«„“"'‘:/*_~]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The word-like tokens of a text (memoized: one list per text, see words.ts). */
export { wordTokens } from "./words.js";

/** What the segmenter keeps inside a number token after it: narrow no-break space, direction marks. */
const JOINED_AFTER_NUMBER = new Set(["\u202F", "\u200E", "\u200F", "\u061C"]);

/**
 * The number a word token is, or ends with after attached particles (و٢٠٪, بـ٢٠٪: the
 * language data's prefixes, with an optional tatweel).
 */
function numberIn(w: WordToken, keyer: WordKeyer): { start: number; end: number; value: number } | undefined {
  let lead = 0;
  while (lead < w.text.length && !/\p{Nd}/u.test(w.text[lead]!)) lead++;
  if (lead === w.text.length || (lead > 0 && !keyer.isPrefixes(w.text.slice(0, lead)))) return undefined;
  // Scanned, not matched with a regex: a run of marks must not cost more than its length.
  let trail = 0;
  while (trail < w.text.length - lead && JOINED_AFTER_NUMBER.has(w.text[w.text.length - 1 - trail]!)) trail++;
  const value = parseNumber(w.text.slice(lead, w.text.length - trail));
  return value === undefined ? undefined : { start: w.start + lead, end: w.end - trail, value };
}

/** One percentage in a text. */
export interface Percentage {
  /** The whole statement: sign, (range,) number and percent sign or word. */
  start: number;
  end: number;
  /** The (upper) number. */
  numStart: number;
  numEnd: number;
  value: number;
  /** The lower bound of a range (`20–30%`). */
  low?: number;
  /** Written with a leading minus (`-20%`). */
  minus: boolean;
  form: "suffix" | "prefix" | "word";
  /** Index range of the statement's word tokens in the word list. */
  firstWord: number;
  lastWord: number;
}

/** Steps back over direction marks, and over at most `spaces` space characters. */
function skipBack(text: string, i: number, spaces = 0): number {
  let n = 0;
  while (i > 0) {
    const c = text[i - 1]!;
    if (BIDI.has(c)) i--;
    else if (n < spaces && SPACE.has(c)) {
      n++;
      i--;
    } else break;
  }
  return i;
}

/** Finds every percentage in a text (discount or not). `words` = wordTokens(text, locale). */
export function findPercentages(text: string, words: readonly WordToken[], cues: CueSets): Percentage[] {
  const out: Percentage[] = [];
  // Looked at only beside a number: a text without numbers never matches the list.
  let wordBefore: ReturnType<PhraseSet["cover"]> | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const n = numberIn(w, cues.keyer);
    if (!n) continue;
    const value = n.value;
    // Suffix: "20%", "20 %", "٢٠٪" (one space at most; direction marks anywhere).
    let j = n.end;
    let spaces = 0;
    while (j < text.length && (BIDI.has(text[j]!) || (SPACE.has(text[j]!) && spaces++ < 1))) j++;
    let start = n.start;
    let end: number;
    let form: Percentage["form"];
    let lastWord = i;
    let firstWordOf: number | undefined;
    const pw = i > 0 ? (wordBefore ??= coverOf(cues.percentWordsBefore, words))[i - 1] : undefined;
    if (PERCENT.has(text[j]!)) {
      end = j + 1;
      form = "suffix";
    } else if (words[i + 1] && /^\s*$/u.test(text.slice(n.end, words[i + 1]!.start)) && cues.percentWords.longestAt(words, i + 1) > 0) {
      lastWord = i + cues.percentWords.longestAt(words, i + 1);
      end = words[lastWord]!.end;
      form = "word";
    } else if (pw && pw.last === i - 1 && /^\s+$/u.test(text.slice(words[i - 1]!.end, n.start))) {
      // A percent word before the number: Turkish "yüzde 20".
      firstWordOf = pw.first;
      start = words[pw.first]!.start;
      end = n.end;
      form = "word";
    } else {
      // Prefix: "%20", not the suffix of a number before it, nor inside a word ("a%20b").
      const p = skipBack(text, n.start);
      if (p === 0 || !PERCENT.has(text[p - 1]!)) continue;
      if (p > 1 && LETTER_OR_DIGIT.test(text[p - 2]!)) continue;
      const before = skipBack(text, p - 1, 1);
      if (before > 0 && /\p{Nd}/u.test(text[before - 1]!)) continue;
      start = p - 1;
      end = n.end;
      form = "prefix";
    }
    let minus = false;
    let low: number | undefined;
    let firstWord = firstWordOf ?? i;
    const s = skipBack(text, start);
    if (s > 0 && MINUS.has(text[s - 1]!) && (s - 1 === 0 || BEFORE_SIGN.test(text[s - 2]!))) {
      minus = true;
      start = s - 1;
    } else if (form !== "prefix" && i > 0) {
      // A range: "20–30%", "20 - 30 %".
      const d = skipBack(text, start, 1);
      const prev = numberIn(words[i - 1]!, cues.keyer);
      if (prev && d > 0 && DASH.has(text[d - 1]!) && skipBack(text, d - 1, 1) === prev.end) {
        low = prev.value;
        start = prev.start;
        firstWord = i - 1;
      }
    }
    out.push({ start, end, numStart: n.start, numEnd: n.end, value, ...(low === undefined ? {} : { low }), minus, form, firstWord, lastWord });
    i = lastWord;
  }
  return out;
}

/** How a percentage was classified, and why (for messages and tests). */
export type DiscountReason = "cue" | "minus" | "listed" | "not-discount-cue" | "no-cue" | "out-of-range";

export interface ClassifiedPercentage extends Percentage {
  discount: boolean;
  reason: DiscountReason;
  /** The cue word that decided (if any). */
  cue?: string;
  /** Preceded by "up to", "hingga", "до", "do", "حتى"... or written as a range. */
  upTo: boolean;
}

export interface DiscountOptions {
  /** How many words away a cue may be (1 = adjacent). */
  cueDistance: number;
  /** Known offer codes: mentioning one near a percentage makes it a discount. */
  codes?: readonly string[];
}

/**
 * Finds the percentages of a text and decides which are discounts:
 *
 * 1. 0% and 100% or more are never discounts (0% APR, 100% cotton, 100% satisfaction).
 * 2. A not-discount cue right next to the number (23% VAT, НДС 20%, 50% cotton) makes
 *    it something else, whatever else is around.
 * 3. Otherwise, within `cueDistance` words in the same sentence: the nearest cue wins,
 *    a discount cue (or a known offer code) on a tie.
 * 4. With no cue either way, a leading minus (-20%) is a discount.
 * 5. A percentage with no cue within `cueDistance` words of a discount (in the same
 *    sentence) is one too: "20% off shoes and 30% on bags".
 */
export function findDiscounts(text: string, locale: string, cues: CueSets, opts: DiscountOptions): ClassifiedPercentage[] {
  const words = wordTokens(text, locale);
  const percentages = findPercentages(text, words, cues);
  // Sentences and cues are looked at only around percentages.
  if (!percentages.length) return [];
  const sentences = sentenceIds(text, words, locale);
  const codes = new Set((opts.codes ?? []).map((c) => foldKey(c, locale)));
  const pos = coverOf(cues.discount, words);
  const neg = coverOf(cues.notDiscount, words);
  const upTo = coverOf(cues.upTo, words);
  const cueText = (r: { first: number; last: number }) => text.slice(words[r.first]!.start, words[r.last]!.end);
  const found = percentages.map((p) => {
    const before = upTo[p.firstWord - 1];
    const isUpTo = p.low !== undefined || (before !== undefined && before.last === p.firstWord - 1);
    const result = (discount: boolean, reason: DiscountReason, cue?: string): ClassifiedPercentage => ({ ...p, discount, reason, upTo: isUpTo, ...(cue === undefined ? {} : { cue }) });
    if (p.value <= 0 || p.value >= 100) return result(false, "out-of-range");
    const sentence = sentences[p.firstWord];
    let yes: { d: number; w: string } | undefined;
    let no: { d: number; w: string } | undefined;
    for (let d = 1; d <= opts.cueDistance; d++) {
      for (const k of [p.firstWord - d, p.lastWord + d]) {
        const w = words[k];
        if (!w || sentences[k] !== sentence) continue;
        const n = neg[k];
        if (!no && n) no = { d, w: cueText(n) };
        const c = pos[k];
        if (!yes && (c || codes.has(foldKey(w.text, locale)))) yes = { d, w: c ? cueText(c) : w.text };
      }
    }
    if (no && (no.d === 1 || !yes || no.d < yes.d)) return result(false, "not-discount-cue", no.w);
    if (yes) return result(true, "cue", yes.w);
    if (p.minus) return result(true, "minus");
    return result(false, "no-cue");
  });
  // A percentage listed next to a discount is one too: "خصم ٢٠٪ على الأحذية و٣٠٪ على الحقائب".
  // Percentages are in text order and each takes its own words, so only the few within
  // `cueDistance` words on either side are looked at.
  const gap = (q: ClassifiedPercentage, p: ClassifiedPercentage) => (q.lastWord < p.firstWord ? p.firstWord - q.lastWord : q.firstWord - p.lastWord);
  found.forEach((p, i) => {
    if (p.reason !== "no-cue") return;
    let sibling: ClassifiedPercentage | undefined;
    for (let j = i - 1; j >= 0 && !sibling && gap(found[j]!, p) <= opts.cueDistance; j--) if (found[j]!.discount && sentences[found[j]!.firstWord] === sentences[p.firstWord]) sibling = found[j];
    for (let j = i + 1; j < found.length && !sibling && gap(found[j]!, p) <= opts.cueDistance; j++) if (found[j]!.discount && sentences[found[j]!.firstWord] === sentences[p.firstWord]) sibling = found[j];
    if (sibling) Object.assign(p, { discount: true, reason: "listed", cue: text.slice(sibling.start, sibling.end) });
  });
  return found;
}

/** The value of an offer's discount as configured ("20%", "٢٠٪", "-20 %"), if it is a percentage. */
export function percentValue(discount: string, cues: CueSets): number | undefined {
  const t = discount.trim();
  return findPercentages(t, wordTokens(t, cues.locale), cues)[0]?.value;
}

/**
 * Writes `value` the way a percentage was written: same digits, decimal mark, sign,
 * spacing and percent sign or word ("٢٠٪" → "١٥٪", "-20 %" → "-15 %").
 */
export function formatLike(text: string, p: Percentage, value: number): string {
  const num = text.slice(p.numStart, p.numEnd);
  const zero = digitZero(num.codePointAt(0)!) ?? 0x30;
  const mark = /[,٫]/u.exec(num)?.[0] ?? ".";
  const digits = String(Number(value.toFixed(4))).replace(".", mark).replace(/[0-9]/g, (d) => String.fromCodePoint(zero + Number(d)));
  // A range becomes the single value: "20–30%" → "15%".
  const head = p.low !== undefined ? "" : text.slice(p.start, p.numStart);
  return head + digits + text.slice(p.numEnd, p.end);
}

/** Writes a value as a plain percentage ("20%"). */
export function showPercent(value: number): string {
  return `${Number(value.toFixed(4))}%`;
}

/** A token that looks like a promo code, and whether a code word comes right before it. */
export interface CodeCandidate {
  start: number;
  end: number;
  text: string;
  /** "code SPRING25", "kod: SPRING25", "промокод SPRING25"... */
  afterCodeWord: boolean;
}

const CODE_SHAPE = /^[\p{Lu}\p{Nd}]+$/u;

/**
 * Is words[i] introduced as a promo code: a code cue right before it ("code X", "kode
 * promo X", "kod rabatowy X", "كود الخصم X", "クーポンコードSALE10"), or a discount word
 * between a code word and it ("код скидки X"), but not "product code X"; or a cue for
 * codes written first right after it ("KIS10 koduyla", "SALE10をご利用"). A cue that
 * follows a code of its own ("KIS10 kodu ile MONT") introduces nothing after it.
 */
function introducedAsCode(words: readonly WordToken[], sentences: readonly number[], i: number, cues: CueSets, covers: CodeCovers): boolean {
  const same = (k: number) => k >= 0 && k < words.length && sentences[k] === sentences[i];
  const after = covers.codeAfter[i + 1];
  if (same(i + 1) && after && after.first === i + 1) return true;
  const cueBefore = (last: number): boolean => {
    const c = covers.code[last];
    if (!same(last) || !c || c.last !== last) return false;
    if (same(c.first - 1) && covers.notCode[c.first - 1]) return false;
    // The cue already belongs to the code before it.
    const a = covers.codeAfter[c.first];
    if (a && a.first === c.first && same(c.first - 1) && CODE_SHAPE.test(words[c.first - 1]!.text)) return false;
    return true;
  };
  if (cueBefore(i - 1)) return true;
  const d = covers.discount[i - 1];
  return same(i - 1) && !!d && d.last === i - 1 && cueBefore(d.first - 1);
}

interface CodeCovers {
  code: ReturnType<PhraseSet["cover"]>;
  codeAfter: ReturnType<PhraseSet["cover"]>;
  notCode: ReturnType<PhraseSet["cover"]>;
  discount: ReturnType<PhraseSet["cover"]>;
}

/**
 * Offer-like codes: upper-case words of letters and digits, 5 characters or more with
 * at least one letter and one digit (SPRING20), or any upper-case word of 4 or more
 * introduced as a code ("code SAVEBIG").
 */
export function findCodeCandidates(text: string, locale: string, cues: CueSets): CodeCandidate[] {
  const words = wordTokens(text, locale);
  // Sentences and cues are looked at only around words shaped like codes.
  let around: { sentences: readonly number[]; covers: CodeCovers } | undefined;
  const out: CodeCandidate[] = [];
  words.forEach((w, i) => {
    if (!CODE_SHAPE.test(w.text) || !/\p{L}/u.test(w.text)) return;
    // Hashtags, handles and path parts are not codes.
    if (/[#@/]/u.test(text[w.start - 1] ?? "")) return;
    around ??= {
      sentences: sentenceIds(text, words, locale),
      covers: { code: coverOf(cues.code, words), codeAfter: coverOf(cues.codeAfter, words), notCode: coverOf(cues.notCode, words), discount: coverOf(cues.discount, words) },
    };
    const afterCodeWord = introducedAsCode(words, around.sentences, i, cues, around.covers);
    const shaped = w.text.length >= 5 && /\p{Nd}/u.test(w.text);
    if (shaped || (afterCodeWord && w.text.length >= 4)) out.push({ start: w.start, end: w.end, text: w.text, afterCodeWord });
  });
  return out;
}

/** Is `ch` part of the same word as `edge`: a letter or digit, in the same script (a code ends where the script changes)? */
function joins(raw: string | undefined, rawEdge: string): boolean {
  const ch = raw?.normalize("NFKC");
  const edge = rawEdge.normalize("NFKC");
  if (ch === undefined || !LETTER_OR_DIGIT.test(ch)) return false;
  const ascii = (c: string) => /[A-Za-z0-9]/u.test(c);
  return ascii(edge) ? ascii(ch) || /\p{Script=Latin}/u.test(ch) : true;
}

/** Does the text mention `code` as a whole word (any case, any width: ＳＡＬＥ１０)? */
export function mentionsCode(text: string, code: string, locale = "und"): boolean {
  const needle = foldKey(code, locale);
  if (!needle) return false;
  const f = foldMapped(text, locale);
  for (let i = f.text.indexOf(needle); i !== -1; i = f.text.indexOf(needle, i + 1)) {
    const start = f.from[i]!;
    const end = f.to[i + needle.length - 1]!;
    if (!joins(text[start - 1], text[start]!) && !joins(text[end], text[end - 1]!)) return true;
  }
  return false;
}
