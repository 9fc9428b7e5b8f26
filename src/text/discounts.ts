/**
 * Percentages, discounts and promo codes in marketing copy, in every script.
 *
 * A percentage is written `20%`, `20 %` (any space, no-break and narrow no-break
 * included), `-20%`, `%20` (Turkish and Arabic style), `٢٠٪` / `۲۰٪` (Arabic-Indic and
 * Eastern Arabic-Indic digits, Arabic percent sign), `20–30%` (a range) or with a
 * word (`20 percent`, `20 persen`, `20 процентов`, `٢٠ بالمئة`). Digits are normalised
 * before values are compared.
 *
 * Whether a percentage is a discount is decided from the words around it, found with
 * the word tokenizer (Intl.Segmenter) and matched against the cue lists below, per
 * language. The lists are data: brands add words through the rule's options, never
 * a regular expression.
 */
import { foldCase, tokenize, type WordToken } from "./words.js";

/** The cue words of one language. A trailing `*` matches any ending (`скидк*`). */
export interface LanguageCues {
  /** Words that make a nearby percentage a discount ("off", "скидка", "خصم"). */
  discount: string[];
  /** Words that make a nearby percentage something else ("VAT", "cotton", "НДС"). */
  notDiscount: string[];
  /** Words that introduce a promo code ("code", "kod", "كود"). */
  code: string[];
  /** Words that, written before a code word, make it another kind of code ("product code", "ürün kodu"). */
  notCode: string[];
  /** Word sequences that mean "up to" right before a percentage. */
  upTo: string[][];
  /** Word sequences that stand for the percent sign after a number. */
  percentWords: string[][];
}

/** Built-in cues for the languages brandlint is tested in. Every list applies in every locale. */
export const CUES: Record<string, LanguageCues> = {
  en: {
    discount: ["off", "save", "saves", "saving", "savings", "discount", "discounts", "discounted", "sale", "deal", "deals", "promo", "promotion", "offer", "code", "coupon", "voucher", "markdown", "reduced", "reduction", "clearance", "cheaper", "sitewide", "storewide", "extra", "additional"],
    notDiscount: [
      "vat", "tax", "taxes", "apr", "apy", "interest", "cotton", "wool", "linen", "silk", "cashmere", "polyester", "nylon", "elastane", "spandex", "viscose", "acrylic", "leather",
      "recycled", "recyclable", "organic", "natural", "biodegradable", "juice", "cocoa", "alcohol", "abv", "vol", "fat", "customers", "people", "users", "members", "shoppers",
      "buyers", "readers", "respondents", "subscribers", "battery", "charged", "chance", "humidity", "commission", "fee", "fees", "tip", "deposit", "proceeds", "donated",
      "cashback", "sold", "claimed", "booked", "faster", "longer", "lighter", "stronger", "bigger", "larger", "smaller", "quicker", "higher", "more",
    ],
    code: ["code", "promocode", "coupon", "voucher"],
    notCode: ["product", "item", "article", "sku", "style", "model", "order", "tracking", "reference", "ref", "zip", "postal", "post", "area", "country", "colour", "color", "qr", "access", "security", "verification"],
    upTo: [["up", "to"], ["upto"]],
    percentWords: [["percent"], ["per", "cent"], ["pct"]],
  },
  id: {
    discount: ["diskon", "potongan", "potong", "hemat", "promo", "sale", "off", "kode", "voucher", "kupon", "murah", "obral", "tambahan"],
    notDiscount: ["ppn", "pajak", "bunga", "katun", "kapas", "wol", "poliester", "daur", "organik", "alami", "pelanggan", "pengguna", "orang", "baterai", "komisi", "biaya", "uang", "cashback", "terjual", "habis"],
    code: ["kode", "voucher", "kupon"],
    notCode: [],
    upTo: [["hingga"], ["sampai"], ["s.d"], ["sd"], ["s", "d"]],
    percentWords: [["persen"]],
  },
  ru: {
    discount: ["скидк*", "экономи*", "сэконом*", "распродаж*", "промокод*", "код", "купон*", "дешевле", "выгод*", "акци*", "минус", "уценк*", "дополнительн*", "sale"],
    notDiscount: ["ндс", "налог*", "годовых", "ставк*", "процентн*", "хлоп*", "шерст*", "полиэстер*", "переработ*", "органическ*", "натуральн*", "клиент*", "покупател*", "пользовател*", "людей", "человек", "заряд*", "комисси*", "кэшбэк*", "кешбэк*", "продан*", "быстрее", "больше", "дольше"],
    code: ["код", "промокод*", "купон*"],
    notCode: [],
    upTo: [["до"]],
    percentWords: [["процент*"]],
  },
  pl: {
    discount: ["rabat*", "zniżk*", "zniżek", "taniej", "obniżk*", "obniżon*", "promocj*", "promocyjn*", "promo", "wyprzedaż*", "oszczęd*", "kod*", "kupon*", "upust*", "przecen*", "dodatkow*", "sale"],
    notDiscount: ["vat", "podat*", "rrso", "oprocentowan*", "odset*", "bawełn*", "wełn*", "poliester*", "recykl*", "organiczn*", "naturaln*", "klient*", "użytkownik*", "osób", "ludzi", "bateri*", "prowizj*", "cashback", "sprzedan*", "szybciej", "więcej", "dłużej"],
    code: ["kod*", "kupon*"],
    notCode: [],
    upTo: [["do"]],
    percentWords: [["procent*"]],
  },
  tr: {
    discount: ["indirim*", "kampanya*", "fırsat*", "kod*", "kupon*", "tasarruf*", "ucuz*"],
    notDiscount: ["kdv", "vergi*", "faiz*", "pamuk*", "yün*", "polyester*", "geri", "organik", "doğal", "müşteri*", "kullanıcı*", "pil*", "komisyon*"],
    code: ["kod*", "kupon*"],
    notCode: ["ürün", "sipariş", "posta", "doğrulama"],
    upTo: [],
    percentWords: [],
  },
  ar: {
    discount: ["خصم", "خصومات", "تخفيض", "تخفيضات", "تنزيلات", "وفر", "توفير", "كود", "رمز", "كوبون", "قسيمة", "عرض", "عروض", "أوكازيون", "إضافي"],
    notDiscount: ["ضريبة", "المضافة", "فائدة", "قطن", "صوف", "بوليستر", "تدوير", "عضوي", "طبيعي", "عملاء", "العملاء", "مستخدمين", "الناس", "بطارية", "عمولة", "رسوم", "استرداد", "أسرع", "أكثر", "أطول"],
    code: ["كود", "رمز", "كوبون", "قسيمة"],
    notCode: [],
    upTo: [["حتى"], ["إلى"], ["لغاية"]],
    percentWords: [["بالمئة"], ["بالمائة"], ["في", "المئة"], ["في", "المائة"]],
  },
};

const ARABIC = /[\u0600-\u06FF]/u;
const ARABIC_PROCLITICS = ["وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك"];

/**
 * The key a word is compared by: case folded, marks removed (Polish SMS copy often
 * drops ż and ł to stay in GSM-7), Arabic letter variants unified.
 */
export function cueKey(word: string, locale: string): string {
  return foldCase(word, locale)
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/ł/g, "l")
    .replace(/\u0640/g, "")
    .replace(/[أإآٱ]/g, "ا")
    .replace(/ة/g, "ه")
    .replace(/ى/g, "ي")
    .normalize("NFC");
}

/** A word and, in Arabic, the word without its attached conjunction, preposition or article. */
function keyVariants(key: string): string[] {
  const out = [key];
  if (!ARABIC.test(key)) return out;
  for (let i = 0; i < out.length && out.length < 8; i++) {
    const v = out[i]!;
    for (const p of ARABIC_PROCLITICS) if (v.startsWith(p) && v.length - p.length >= 3 && !out.includes(v.slice(p.length))) out.push(v.slice(p.length));
  }
  return out;
}

/** A set of cue words (exact, or by prefix when written with a trailing `*`). */
export class WordSet {
  private exact = new Set<string>();
  private prefixes: string[] = [];

  constructor(
    words: Iterable<string>,
    private readonly locale: string,
  ) {
    for (const w of words) this.add(w);
  }

  add(word: string): void {
    const t = word.trim();
    if (t.endsWith("*") && t.length > 1) this.prefixes.push(cueKey(t.slice(0, -1), this.locale));
    else if (t) this.exact.add(cueKey(t, this.locale));
  }

  /** Does the word (as written in the text) match a cue? */
  has(word: string): boolean {
    for (const v of keyVariants(cueKey(word, this.locale))) {
      if (this.exact.has(v)) return true;
      if (this.prefixes.some((p) => v.startsWith(p))) return true;
    }
    return false;
  }
}

/** Word sequences ("up to", "per cent") matched on consecutive word tokens. */
class SequenceSet {
  private seqs: string[][] = [];
  constructor(
    seqs: Iterable<string[]>,
    private readonly locale: string,
  ) {
    for (const s of seqs) this.seqs.push(s.map((w) => cueKey(w, locale)));
  }

  private wordMatches(pattern: string, word: string): boolean {
    const keys = keyVariants(cueKey(word, this.locale));
    return pattern.endsWith("*") ? keys.some((k) => k.startsWith(pattern.slice(0, -1))) : keys.includes(pattern);
  }

  /** Length of the longest sequence that starts at words[i] (0 if none). */
  startsAt(words: readonly WordToken[], i: number): number {
    let best = 0;
    for (const s of this.seqs) if (s.length > best && s.every((p, k) => words[i + k] !== undefined && this.wordMatches(p, words[i + k]!.text))) best = s.length;
    return best;
  }

  /** Length of the longest sequence that ends at words[i] (0 if none). */
  endsAt(words: readonly WordToken[], i: number): number {
    let best = 0;
    for (const s of this.seqs) if (s.length > best && i - s.length + 1 >= 0 && s.every((p, k) => this.wordMatches(p, words[i - s.length + 1 + k]!.text))) best = s.length;
    return best;
  }
}

/** Extra cue words a brand adds, by kind. */
export interface ExtraCues {
  discount?: readonly string[];
  notDiscount?: readonly string[];
}

/** Every language's cue lists (plus a brand's extras), compiled for one locale. */
export interface CueSets {
  locale: string;
  discount: WordSet;
  notDiscount: WordSet;
  code: WordSet;
  notCode: WordSet;
  upTo: SequenceSet;
  percentWords: SequenceSet;
}

const compiled = new Map<string, CueSets>();

/** Compiles the built-in cues of all languages and the extras into matchers for `locale` (cached). */
export function compileCues(locale: string, extra: ExtraCues = {}): CueSets {
  const key = JSON.stringify([locale, extra.discount ?? [], extra.notDiscount ?? []]);
  let sets = compiled.get(key);
  if (!sets) {
    if (compiled.size > 64) compiled.clear();
    sets = buildCues(locale, extra);
    compiled.set(key, sets);
  }
  return sets;
}

function buildCues(locale: string, extra: ExtraCues): CueSets {
  const all = Object.values(CUES);
  return {
    locale,
    discount: new WordSet([...all.flatMap((c) => c.discount), ...(extra.discount ?? [])], locale),
    notDiscount: new WordSet([...all.flatMap((c) => c.notDiscount), ...(extra.notDiscount ?? [])], locale),
    code: new WordSet(all.flatMap((c) => c.code), locale),
    notCode: new WordSet(all.flatMap((c) => c.notCode), locale),
    upTo: new SequenceSet(all.flatMap((c) => c.upTo), locale),
    percentWords: new SequenceSet(all.flatMap((c) => c.percentWords), locale),
  };
}

/** Code points of the digit zeros of the decimal digit blocks people write numbers in. */
const DIGIT_ZEROS = [0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xe50, 0xed0, 0xf20, 0x1040, 0x17e0, 0x1810, 0xff10];

function digitZero(cp: number): number | undefined {
  return DIGIT_ZEROS.find((z) => cp >= z && cp <= z + 9);
}

/** Replaces every decimal digit (٢٠, ۲۰, २०...) with its ASCII digit. */
export function normalizeDigits(s: string): string {
  let out = "";
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    const z = digitZero(cp);
    out += z === undefined ? ch : String(cp - z);
  }
  return out;
}

const NUMBER = /^\p{Nd}+(?:[.,٫]\p{Nd}+)?$/u;
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

/** The value of a number as written with any digits and `.`, `,` or `٫` as the decimal mark. */
export function parseNumber(s: string): number | undefined {
  if (!NUMBER.test(s)) return undefined;
  const n = Number(normalizeDigits(s).replace(/[,٫]/, "."));
  return Number.isFinite(n) ? n : undefined;
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

/** The word-like tokens of a text. */
export function wordTokens(text: string, locale: string): WordToken[] {
  return tokenize(text, locale).filter((t) => t.word);
}

/** Arabic conjunctions and prepositions written joined to a number (و٢٠٪, بـ٢٠٪). */
const JOINED_BEFORE_NUMBER = /^(?:[وفبلك]ـ?){1,2}(?=\p{Nd})/u;
/** What the segmenter keeps inside a number token after it: narrow no-break space, direction marks. */
const JOINED_AFTER_NUMBER = /[\u202F\u200E\u200F\u061C]+$/u;

/** The number a word token is (or ends with, after joined Arabic particles). */
function numberIn(w: WordToken): { start: number; end: number; value: number } | undefined {
  const lead = JOINED_BEFORE_NUMBER.exec(w.text)?.[0].length ?? 0;
  const trail = JOINED_AFTER_NUMBER.exec(w.text)?.[0].length ?? 0;
  const value = parseNumber(w.text.slice(lead, w.text.length - trail));
  return value === undefined ? undefined : { start: w.start + lead, end: w.end - trail, value };
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
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const n = numberIn(w);
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
    if (PERCENT.has(text[j]!)) {
      end = j + 1;
      form = "suffix";
    } else if (words[i + 1] && /^\s+$/u.test(text.slice(n.end, words[i + 1]!.start)) && cues.percentWords.startsAt(words, i + 1)) {
      lastWord = i + cues.percentWords.startsAt(words, i + 1);
      end = words[lastWord]!.end;
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
    let firstWord = i;
    const s = skipBack(text, start);
    if (s > 0 && MINUS.has(text[s - 1]!) && (s - 1 === 0 || BEFORE_SIGN.test(text[s - 2]!))) {
      minus = true;
      start = s - 1;
    } else if (form !== "prefix" && i > 0) {
      // A range: "20–30%", "20 - 30 %".
      const d = skipBack(text, start, 1);
      const prev = numberIn(words[i - 1]!);
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

const BOUNDARY = /[.!?;…؟؛।|•·▪]|\n\s*\n|\n\s*[-*+–]\s/u;

/**
 * Sentence numbers of the words: words in different sentences (split at . ! ? ; …,
 * blank lines, list items and bullets) never count as each other's context.
 */
export function sentenceIds(text: string, words: readonly WordToken[]): number[] {
  const ids: number[] = [];
  let id = 0;
  for (let i = 0; i < words.length; i++) {
    if (i > 0) {
      const gap = text.slice(words[i - 1]!.end, words[i]!.start);
      // "s.d." or "e.g." end with a dot that ends no sentence.
      const abbreviation = /^\.\s*$/u.test(gap) && (words[i - 1]!.text.includes(".") || words[i - 1]!.text.length === 1);
      if (BOUNDARY.test(gap) && !abbreviation) id++;
    }
    ids.push(id);
  }
  return ids;
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
  const sentences = sentenceIds(text, words);
  const codes = new Set((opts.codes ?? []).map((c) => c.toLowerCase()));
  const isDiscountCue = (w: WordToken) => cues.discount.has(w.text) || codes.has(w.text.toLowerCase());
  const found = findPercentages(text, words, cues).map((p) => {
    const upTo = p.low !== undefined || cues.upTo.endsAt(words, p.firstWord - 1) > 0;
    const result = (discount: boolean, reason: DiscountReason, cue?: string): ClassifiedPercentage => ({ ...p, discount, reason, upTo, ...(cue === undefined ? {} : { cue }) });
    if (p.value <= 0 || p.value >= 100) return result(false, "out-of-range");
    const sentence = sentences[p.firstWord];
    let pos: { d: number; w: string } | undefined;
    let neg: { d: number; w: string } | undefined;
    for (let d = 1; d <= opts.cueDistance; d++) {
      for (const k of [p.firstWord - d, p.lastWord + d]) {
        const w = words[k];
        if (!w || sentences[k] !== sentence) continue;
        if (!neg && cues.notDiscount.has(w.text)) neg = { d, w: w.text };
        if (!pos && isDiscountCue(w)) pos = { d, w: w.text };
      }
    }
    if (neg && (neg.d === 1 || !pos || neg.d < pos.d)) return result(false, "not-discount-cue", neg.w);
    if (pos) return result(true, "cue", pos.w);
    if (p.minus) return result(true, "minus");
    return result(false, "no-cue");
  });
  // A percentage listed next to a discount is one too: "خصم ٢٠٪ على الأحذية و٣٠٪ على الحقائب".
  for (const p of found) {
    if (p.reason !== "no-cue") continue;
    const sibling = found.find(
      (q) => q.discount && sentences[q.firstWord] === sentences[p.firstWord] && (q.lastWord < p.firstWord ? p.firstWord - q.lastWord : q.firstWord - p.lastWord) <= opts.cueDistance,
    );
    if (sibling) Object.assign(p, { discount: true, reason: "listed", cue: text.slice(sibling.start, sibling.end) });
  }
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
 * Is words[i] introduced as a promo code: "code X", "promo code X", "kode promo X",
 * "kod rabatowy X", "كود الخصم X" — but not "product code X" or "kod produktu X".
 */
function introducedAsCode(words: readonly WordToken[], sentences: readonly number[], i: number, cues: CueSets): boolean {
  const at = (k: number) => (k >= 0 && sentences[k] === sentences[i] ? words[k] : undefined);
  const prev = at(i - 1);
  if (!prev) return false;
  if (cues.code.has(prev.text)) {
    const before = at(i - 2);
    return !before || !cues.notCode.has(before.text);
  }
  // A discount word between the code word and the code: "kode promo X", "код скидки X".
  const code = at(i - 2);
  return !!code && cues.discount.has(prev.text) && cues.code.has(code.text);
}

/**
 * Offer-like codes: upper-case words of letters and digits, 5 characters or more with
 * at least one letter and one digit (SPRING20), or any upper-case word of 4 or more
 * right after a code word ("code SAVEBIG").
 */
export function findCodeCandidates(text: string, locale: string, cues: CueSets): CodeCandidate[] {
  const words = wordTokens(text, locale);
  const sentences = sentenceIds(text, words);
  const out: CodeCandidate[] = [];
  words.forEach((w, i) => {
    if (!CODE_SHAPE.test(w.text) || !/\p{L}/u.test(w.text)) return;
    // Hashtags, handles and path parts are not codes.
    if (/[#@/]/u.test(text[w.start - 1] ?? "")) return;
    const afterCodeWord = introducedAsCode(words, sentences, i, cues);
    const shaped = w.text.length >= 5 && /\p{Nd}/u.test(w.text);
    if (shaped || (afterCodeWord && w.text.length >= 4)) out.push({ start: w.start, end: w.end, text: w.text, afterCodeWord });
  });
  return out;
}

/** Does the text mention `code` as a whole word (any case)? */
export function mentionsCode(text: string, code: string): boolean {
  const hay = text.toLowerCase();
  const needle = code.toLowerCase();
  if (!needle || hay.length !== text.length) return text.includes(code);
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + 1)) {
    const before = text[i - 1];
    const after = text[i + needle.length];
    if ((before === undefined || !LETTER_OR_DIGIT.test(before)) && (after === undefined || !LETTER_OR_DIGIT.test(after))) return true;
  }
  return false;
}
