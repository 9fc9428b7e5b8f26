/**
 * Dates stated in marketing copy, in English, Indonesian, Russian, Polish and Arabic,
 * normalised to month and day, and the end dates among them (a date introduced by
 * "until", "sampai", "до", "do", "حتى"...).
 *
 * Forms: `31 March`, `31st of March`, `March 31`, `Mar. 31st, 2026` (English only puts the
 * month first), `30 April`, `31 марта`, `31 marca`, `٢٠ مارس`, `20 آذار`, `31 كانون الثاني`,
 * and numeric `31.03`, `31.03.2026`, `31/03`, `3/31`, `31-03` in any decimal digits
 * (Arabic-Indic included). Month names of every language are known in every locale,
 * so a campaign mixing languages still compares. Words are found with the word
 * tokenizer (Intl.Segmenter) and compared case- and accent-insensitively, so Polish
 * written without diacritics (`wrzesnia`) and Arabic hamza variants match.
 */
import { cueKey, normalizeDigits } from "./discounts.js";
import { tokenize, type WordToken } from "./words.js";

/** Month names (genitive forms where the language declines them) and abbreviations, by language. */
export const MONTH_NAMES: Record<string, string[][]> = {
  en: [
    ["january", "jan"], ["february", "feb"], ["march", "mar"], ["april", "apr"], ["may"], ["june", "jun"],
    ["july", "jul"], ["august", "aug"], ["september", "sep", "sept"], ["october", "oct"], ["november", "nov"], ["december", "dec"],
  ],
  id: [
    ["januari", "jan"], ["februari", "feb", "peb"], ["maret", "mar"], ["april", "apr"], ["mei"], ["juni", "jun"],
    ["juli", "jul"], ["agustus", "agu", "agt", "ags"], ["september", "sep", "sept"], ["oktober", "okt"], ["november", "nov", "nop"], ["desember", "des"],
  ],
  ru: [
    ["января", "январь", "янв"], ["февраля", "февраль", "фев", "февр"], ["марта", "март", "мар"], ["апреля", "апрель", "апр"], ["мая", "май"], ["июня", "июнь", "июн"],
    ["июля", "июль", "июл"], ["августа", "август", "авг"], ["сентября", "сентябрь", "сен", "сент"], ["октября", "октябрь", "окт"], ["ноября", "ноябрь", "ноя", "нояб"], ["декабря", "декабрь", "дек"],
  ],
  pl: [
    ["stycznia", "styczeń", "sty"], ["lutego", "luty", "lut"], ["marca", "marzec", "mar"], ["kwietnia", "kwiecień", "kwi"], ["maja", "maj"], ["czerwca", "czerwiec", "cze"],
    ["lipca", "lipiec", "lip"], ["sierpnia", "sierpień", "sie"], ["września", "wrzesień", "wrz"], ["października", "październik", "paź"], ["listopada", "listopad", "lis"], ["grudnia", "grudzień", "gru"],
  ],
  ar: [
    ["يناير", "كانون الثاني"], ["فبراير", "شباط"], ["مارس", "آذار"], ["أبريل", "إبريل", "نيسان"], ["مايو", "أيار"], ["يونيو", "يونيه", "حزيران"],
    ["يوليو", "يوليه", "تموز"], ["أغسطس", "آب"], ["سبتمبر", "أيلول"], ["أكتوبر", "تشرين الأول"], ["نوفمبر", "تشرين الثاني"], ["ديسمبر", "كانون الأول"],
  ],
};

/**
 * Words that make the date right after them an end date, as word sequences. A few
 * filler words and a time of day may stand between the cue and the date (`until the
 * 31st of March`, `until Sunday, March 31`, `until 11:59 pm on March 31`, `sampai
 * tanggal 30 April`).
 */
export const END_CUES: Record<string, string[][]> = {
  en: [["until"], ["till"], ["til"], ["through"], ["thru"], ["ends"], ["ending"], ["ended"], ["expires"], ["by"]],
  id: [["sampai"], ["hingga"], ["s.d"], ["s", "d"], ["sd"], ["berakhir"], ["sampai", "dengan"]],
  ru: [["до"], ["по"], ["заканчивается"], ["закончится"], ["истекает"]],
  pl: [["do"], ["kończy", "się"], ["upływa"]],
  ar: [["حتى"], ["لغاية"], ["غاية"], ["ينتهي"], ["تنتهي"]],
};

/** Words that may stand between a cue and its date. */
const FILLERS = [
  "the", "on", "midnight", "of", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
  "tanggal", "tgl", "pukul", "jam", "wib", "wita", "wit", "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu",
  "dnia",
  "يوم", "تاريخ",
];

/** Languages whose month names may come before the day (`March 31`). */
const MONTH_FIRST = new Set(["en"]);
/** Locales that write numeric dates month first (`3/31`). */
const MDY_REGIONS = new Set(["US", "PH", "FM", "MH", "PW", "AS", "GU", "MP", "PR", "UM", "VI"]);

export const ENGLISH_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export type NumericOrder = "dmy" | "mdy";

export interface DateMention {
  /** Range of the whole date in the text. */
  start: number;
  end: number;
  month: number;
  day: number;
  year?: number;
  /** The date as written. */
  text: string;
}

export interface EndDateMention extends DateMention {
  /** The cue that makes it an end date, as written. */
  cue: string;
}

const key = (s: string) => cueKey(s, "und");

interface MonthEntry {
  month: number;
  monthFirst: boolean;
  /** Words in the name (Arabic has two-word names). */
  words: string[];
}

let monthIndex: Map<string, MonthEntry[]> | undefined;
/** Month names by their first word's key. */
function months(): Map<string, MonthEntry[]> {
  if (monthIndex) return monthIndex;
  monthIndex = new Map();
  for (const [lang, list] of Object.entries(MONTH_NAMES))
    list.forEach((names, i) => {
      for (const name of names) {
        const words = name.split(/\s+/u).map(key);
        const entries = monthIndex!.get(words[0]!) ?? [];
        const same = entries.find((e) => e.month === i + 1 && e.words.join(" ") === words.join(" "));
        if (same) same.monthFirst ||= MONTH_FIRST.has(lang);
        else entries.push({ month: i + 1, monthFirst: MONTH_FIRST.has(lang), words });
        monthIndex!.set(words[0]!, entries);
      }
    });
  // Two-word names first, so "كانون الثاني" wins over a one-word prefix.
  for (const entries of monthIndex.values()) entries.sort((a, b) => b.words.length - a.words.length);
  return monthIndex;
}

/** The numeric-date order a locale uses: month first in the US and a few others (and English without a region), else day first. */
export function numericOrderFor(locale: string): NumericOrder {
  try {
    const l = new Intl.Locale(locale);
    if (l.region) return MDY_REGIONS.has(l.region) ? "mdy" : "dmy";
    return l.language === "en" ? "mdy" : "dmy";
  } catch {
    return "dmy";
  }
}

export function isValidDate(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1]!;
}

/** "31 March". */
export function formatMonthDay(month: number, day: number): string {
  return `${day} ${ENGLISH_MONTHS[month - 1]}`;
}

const DAY = /^(\p{Nd}{1,2})(?:st|nd|rd|th)?$/iu;
const YEAR = /^\p{Nd}{4}$/u;
const DOTTED = /^(\p{Nd}{1,2})\.(\p{Nd}{1,2})(?:\.(\p{Nd}{4}|\p{Nd}{2}))?$/u;
const SMALL = /^\p{Nd}{1,2}$/u;
const YEAR_OR_SHORT = /^(?:\p{Nd}{4}|\p{Nd}{2})$/u;
/** What may follow a number that is then not a date: a percent sign or a currency. */
const NOT_AFTER = /^\s*(?:[%٪$€£₽₹¥]|(?:zł|zl|pln|rub|руб|р\.|rp|idr|usd|eur|ريال|جنيه|درهم|دينار)(?![\p{L}]))/iu;
const NOT_BEFORE = /(?:[$€£₽₹¥]|\brp\.?)\s*$/iu;
/** Punctuation that ends a sentence: a cue never reaches across it. */
const SENTENCE_END = /[!?؟;…]|\n\s*\n/u;

const num = (s: string) => Number(normalizeDigits(s));

/** Every date stated in a text, with its range. */
export function findDates(text: string, locale: string, order: NumericOrder = numericOrderFor(locale)): DateMention[] {
  const tokens = tokenize(text, locale);
  const words = tokens.filter((t) => t.word);
  const idx = new Map(words.map((w, i) => [w, i]));
  const gap = (a: WordToken, b: WordToken) => text.slice(a.end, b.start);
  const out: DateMention[] = [];
  const mention = (from: WordToken, to: WordToken, month: number, day: number, year?: number) => {
    if (!isValidDate(month, day)) return false;
    const m: DateMention = { start: from.start, end: to.end, month, day, text: text.slice(from.start, to.end) };
    if (year !== undefined) m.year = year < 100 ? 2000 + year : year;
    out.push(m);
    return true;
  };
  /** A month name starting at word i: its month and the last word of the name. */
  const monthAt = (i: number): { entry: MonthEntry; last: number } | undefined => {
    const w = words[i];
    if (!w) return undefined;
    for (const entry of months().get(key(w.text)) ?? []) {
      let ok = true;
      for (let k = 1; k < entry.words.length && ok; k++) ok = !!words[i + k] && key(words[i + k]!.text) === entry.words[k] && /^\s+$/u.test(gap(words[i + k - 1]!, words[i + k]!));
      if (ok) return { entry, last: i + entry.words.length - 1 };
    }
    return undefined;
  };
  /** An optional year right after word i (`, 2026`, ` 2026`). */
  const yearAfter = (i: number): number | undefined => {
    const a = words[i];
    const b = words[i + 1];
    return a && b && YEAR.test(b.text) && /^,?\s+$/u.test(gap(a, b)) ? i + 1 : undefined;
  };
  const numericOk = (first: WordToken, last: WordToken) => !NOT_AFTER.test(text.slice(last.end)) && !NOT_BEFORE.test(text.slice(0, first.start));

  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    // 31.03, 31.03.2026 (one token): always day first.
    const dotted = DOTTED.exec(w.text);
    if (dotted) {
      if (numericOk(w, w)) mention(w, w, num(dotted[2]!), num(dotted[1]!), dotted[3] ? num(dotted[3]) : undefined);
      continue;
    }
    // 31/03, 3/31, 31-03-2026.
    const next = words[i + 1];
    if (SMALL.test(w.text) && next && SMALL.test(next.text)) {
      const sep = gap(w, next);
      if (sep === "/" || sep === "-" || sep === ".") {
        const third = words[i + 2];
        const withYear = third && gap(next, third) === sep && YEAR_OR_SHORT.test(third.text);
        const last = withYear ? third : next;
        const a = num(w.text);
        const b = num(next.text);
        const [month, day] = a > 12 ? [b, a] : b > 12 ? [a, b] : order === "mdy" ? [a, b] : [b, a];
        if (numericOk(w, last) && mention(w, last, month, day, withYear ? num(third.text) : undefined)) {
          i = idx.get(last)!;
          continue;
        }
      }
    }
    // 31 March, 31st of March, 31 марта 2026, ٢٠ مارس.
    const day = DAY.exec(w.text);
    if (day) {
      let j = i + 1;
      if (words[j] && ["of", "го", "ого"].includes(key(words[j]!.text)) && /^[\s-]+$/u.test(gap(w, words[j]!))) j++;
      const m = words[j] && /^\.?\s+$/u.test(gap(words[j - 1]!, words[j]!)) ? monthAt(j) : undefined;
      if (m) {
        const y = yearAfter(m.last);
        if (mention(w, words[y ?? m.last]!, m.entry.month, num(day[1]!), y !== undefined ? num(words[y]!.text) : undefined)) {
          i = y ?? m.last;
          continue;
        }
      }
    }
    // March 31, Mar. 31st, 2026 (languages that put the month first).
    const m = monthAt(i);
    if (m && m.entry.monthFirst) {
      const d = words[m.last + 1];
      const dm = d && DAY.exec(d.text);
      if (d && dm && /^\.?\s+$/u.test(gap(words[m.last]!, d))) {
        const y = yearAfter(m.last + 1);
        if (mention(w, words[y ?? m.last + 1]!, m.entry.month, num(dm[1]!), y !== undefined ? num(words[y]!.text) : undefined)) {
          i = y ?? m.last + 1;
          continue;
        }
      }
    }
  }
  return out;
}

let cueIndex: { cues: string[][]; fillers: Set<string> } | undefined;
function cueData() {
  cueIndex ??= { cues: Object.values(END_CUES).flat().map((c) => c.map(key)), fillers: new Set(FILLERS.map(key)) };
  return cueIndex;
}

/** How many filler words may stand between a cue and its date ("until 11:59 pm on March 31" has four). */
const MAX_FILLERS = 4;

/** Is word j part of a time of day (`11:59`, `23.59`, `9pm`)? */
function isTimePart(text: string, words: readonly WordToken[], j: number): boolean {
  const w = words[j]!;
  if (/^\p{Nd}{1,2}[ap]m$/iu.test(w.text) || /^\p{Nd}{1,2}[.:]\p{Nd}{2}$/u.test(w.text)) return true;
  if (/^[ap]m$/iu.test(w.text)) return true;
  if (!/^\p{Nd}{1,2}$/u.test(w.text)) return false;
  const before = j > 0 ? text.slice(words[j - 1]!.end, w.start) : "";
  const after = j + 1 < words.length ? text.slice(w.end, words[j + 1]!.start) : "";
  return before === ":" || after === ":";
}

/** Arabic conjunctions written joined to the next word: `وحتى` is `و` + `حتى`. */
function withoutConjunction(k: string): string[] {
  return /^[وف]\p{L}{2,}/u.test(k) ? [k, k.slice(1)] : [k];
}

/** The end dates of a text: dates right after an "until/ends" cue (a couple of filler words allowed between). */
export function findEndDates(text: string, locale: string, order: NumericOrder = numericOrderFor(locale)): EndDateMention[] {
  const dates = findDates(text, locale, order);
  if (!dates.length) return [];
  const words = tokenize(text, locale).filter((t) => t.word);
  const { cues, fillers } = cueData();
  const out: EndDateMention[] = [];
  for (const d of dates) {
    let j = words.findIndex((w) => w.start >= d.start) - 1;
    let reach = d.start;
    let skipped = 0;
    let cue: string | undefined;
    while (j >= 0 && !cue) {
      const w = words[j]!;
      if (SENTENCE_END.test(text.slice(w.end, reach))) break;
      const k = key(w.text);
      for (const c of cues) {
        const lastOk = withoutConjunction(k).includes(c[c.length - 1]!);
        if (!lastOk) continue;
        let ok = true;
        for (let n = 1; n < c.length && ok; n++) {
          const prev = words[j - n];
          ok = !!prev && key(prev.text) === c[c.length - 1 - n] && !SENTENCE_END.test(text.slice(prev.end, words[j - n + 1]!.start));
        }
        if (ok) {
          cue = text.slice(words[j - c.length + 1]!.start, w.end);
          break;
        }
      }
      if (cue || !(fillers.has(k) || isTimePart(text, words, j)) || ++skipped > MAX_FILLERS) break;
      reach = w.start;
      j--;
    }
    if (cue) out.push({ ...d, cue });
  }
  return out;
}
