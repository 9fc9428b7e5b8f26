/**
 * Dates stated in marketing copy, normalised to month and day, and the end dates among
 * them (a date introduced by an end-date word of the language data: "until", "bis",
 * "sampai", "до", "حتى"...).
 *
 * Forms: day and month name (`31 March`, `31st of March`, `31. März`, `31 марта`,
 * `٢٠ مارس`, `20 آذار`, `31 كانون الثاني`), month name and day where the locale writes
 * the month first (`March 31`, `Mar. 31st, 2026`), and numeric `31.03`, `31.03.2026`,
 * `31/03`, `3/31`, `31-03` in any decimal digits. Month and weekday names come from
 * `Intl.DateTimeFormat` (Gregorian calendar) for the campaign's locale and every
 * language with a data file (plus the file's `dateLocales`, e.g. ar-SY for آذار), so a
 * campaign mixing languages still compares; the numeric order (day or month first)
 * is the locale's. Words are compared folded and without diacritics (`wrzesnia`).
 */
import type { Languages } from "./phrases.js";
import { keyerFor, phraseSet, phraseWords, type WordKeyer } from "./phrases.js";
import { foldKey } from "./fold.js";
import { normalizeDigits } from "./numbers.js";
import { sentenceIds } from "./sentences.js";
import { coverOf } from "./shared-work.js";
import { wordTokens, type WordToken } from "./words.js";
import { lazy } from "./lazy.js";

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

/**
 * Is year-month-day a day of the (proleptic Gregorian) calendar? The one validity check
 * used everywhere: 2026-02-30 is not, 0099-01-01 is (years below 100 are not 19xx).
 */
export function isRealDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Is `s` a real date written YYYY-MM-DD? */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return !!m && isRealDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** A month and day that exist in some year (29 February included). */
export function isValidDate(month: number, day: number): boolean {
  return isRealDay(2000, month, day);
}

const ENGLISH_LONG = lazy(() => new Intl.DateTimeFormat("en", { month: "long", timeZone: "UTC" }));
/** "31 March" (for messages, in English). */
export function formatMonthDay(month: number, day: number): string {
  return `${day} ${ENGLISH_LONG().format(new Date(Date.UTC(2000, month - 1, 15)))}`;
}

const formats = new Map<string, Intl.DateTimeFormat | undefined>();
/** A Gregorian, Latin-digit, UTC formatter for a locale (one per locale and options: making one is the cost). */
function dtf(locale: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat | undefined {
  const key = `${locale}\u0000${JSON.stringify(opts)}`;
  if (formats.has(key)) return formats.get(key);
  let f: Intl.DateTimeFormat | undefined;
  try {
    f = new Intl.DateTimeFormat(locale, { ...opts, calendar: "gregory", numberingSystem: "latn", timeZone: "UTC" });
  } catch {
    f = undefined;
  }
  formats.set(key, f);
  return f;
}

const MARCH_31 = new Date(Date.UTC(2026, 2, 31));

const orders = new Map<string, NumericOrder>();
/** The numeric-date order a locale uses (from Intl: `3/31` in en and en-US, `31.03.` in de, `31/03` in en-GB). */
export function numericOrderFor(locale: string): NumericOrder {
  let order = orders.get(locale);
  if (!order) orders.set(locale, (order = computeNumericOrder(locale)));
  return order;
}

/** numericOrderFor without the cache (and without the data the build computed). */
export function computeNumericOrder(locale: string): NumericOrder {
  const types = dtf(locale, { month: "numeric", day: "numeric" })?.formatToParts(MARCH_31).map((p) => p.type) ?? [];
  return types.indexOf("month") !== -1 && types.indexOf("month") < types.indexOf("day") ? "mdy" : "dmy";
}

interface MonthEntry {
  month: number;
  /** Words of the name, as keys (Arabic has two-word names). */
  words: string[];
}

/** What the dates of one campaign locale are read with: month and weekday names, end-date words. */
interface DateKnowledge {
  keyer: WordKeyer;
  /** Month names by the key of their first word. */
  months: Map<string, MonthEntry[]>;
  /** Locales that write the month name before the day. */
  monthFirst: boolean;
  fillers: Set<string>;
  /** Numbered-month forms: "M", "D" or the key of a word. */
  numeric: string[][];
  joiners: Set<string>;
  ordinals: Set<string>;
  currencies: Set<string>;
}

const knowledge = new WeakMap<Languages, Map<string, DateKnowledge>>();

/** The locales whose month names are read in a campaign: its own, every language's, and their dateLocales. */
export function dateLocales(locale: string, languages: Languages): string[] {
  const out = new Set([locale]);
  for (const [tag, l] of Object.entries(languages)) {
    out.add(tag);
    for (const d of l.dateLocales ?? []) out.add(d);
  }
  return [...out];
}

/** What Intl says about the dates of one locale: the same for every campaign and run (see `useDateNames`). */
export interface LocaleNames {
  months: [string, number][];
  weekdays: string[];
  /** How the locale writes a date whose month is a number with a word (3月31日, 3월 31일, 31 tháng 3): its words, "M" and "D" for the numbers. */
  numeric?: string[];
  /** Does the locale write the month name before the day (`March 31`)? */
  monthFirst: boolean;
}

const localeNames = new Map<string, LocaleNames>();

/** Month and weekday names of a locale (cached; see computeNames). */
function namesOf(tag: string): LocaleNames {
  let out = localeNames.get(tag);
  if (!out) localeNames.set(tag, (out = computeNames(tag)));
  return out;
}

/**
 * Names and orders of locales computed before (by the build, for the built-in languages
 * and this ICU: src/config/languages.ts checks the versions), used instead of asking Intl
 * again: making a DateTimeFormat is the cost, six per locale.
 */
export function useDateNames(names: Readonly<Record<string, LocaleNames>>, numericOrders: Readonly<Record<string, NumericOrder>>): void {
  for (const [tag, n] of Object.entries(names)) localeNames.set(tag, n);
  for (const [tag, o] of Object.entries(numericOrders)) orders.set(tag, o);
}

/** Month names (full and short, with a day and alone), weekday names and the numbered-month form Intl writes for a locale (uncached). */
export function computeNames(tag: string): LocaleNames {
  const parts = dtf(tag, { month: "long", day: "numeric" })?.formatToParts(MARCH_31);
  const order = parts?.map((p) => p.type) ?? [];
  const out: LocaleNames = { months: [], weekdays: [], monthFirst: order.indexOf("month") < order.indexOf("day") };
  const written = parts?.map((p) => p.value).join("");
  if (written && /\p{Nd}/u.test(written.replace(/31/u, ""))) out.numeric = phraseWords(written, tag).map((w) => (w === "3" ? "M" : w === "31" ? "D" : w));
  const sample = (m: number, d = 15) => new Date(Date.UTC(2026, m, d));
  const formats = (["long", "short"] as const).flatMap((month) => [dtf(tag, { month, day: "numeric" }), dtf(tag, { month })]);
  const weekdays = (["long", "short"] as const).map((weekday) => dtf(tag, { weekday }));
  for (let m = 0; m < 12; m++)
    for (const f of formats) {
      const name = f?.formatToParts(sample(m)).find((p) => p.type === "month")?.value;
      if (name && !out.months.some(([n, k]) => n === name && k === m + 1)) out.months.push([name, m + 1]);
    }
  for (let d = 0; d < 7; d++)
    for (const f of weekdays) {
      const name = f?.format(sample(0, 4 + d)).replace(/\.$/u, "");
      if (name && !out.weekdays.includes(name)) out.weekdays.push(name);
    }
  return out;
}

function knowledgeFor(locale: string, languages: Languages): DateKnowledge {
  let byLocale = knowledge.get(languages);
  if (!byLocale) knowledge.set(languages, (byLocale = new Map()));
  let k = byLocale.get(locale);
  if (k) return k;
  const keyer = keyerFor(languages, locale);
  const months = new Map<string, MonthEntry[]>();
  const fillers = new Set<string>();
  const numeric: string[][] = [];
  const addMonth = (name: string, month: number, tag: string) => {
    if (/\p{Nd}/u.test(name)) return;
    const words = phraseWords(name, tag);
    if (!words.length) return;
    const rest = words.slice(1).map((w) => foldKey(w, locale));
    for (const first of keyer.keys(words[0]!)) {
      const entries = months.get(first) ?? [];
      if (!entries.some((e) => e.month === month && e.words.join(" ") === rest.join(" "))) entries.push({ month, words: rest });
      months.set(first, entries);
    }
  };
  for (const tag of dateLocales(locale, languages)) {
    const names = namesOf(tag);
    for (const [name, month] of names.months) addMonth(name, month, tag);
    for (const name of names.weekdays) for (const key of keyer.keys(name)) fillers.add(key);
    const form = names.numeric?.map((w) => (w === "M" || w === "D" ? w : foldKey(w, locale)));
    if (form && !numeric.some((f) => f.join(" ") === form.join(" "))) numeric.push(form);
  }
  // Two-word names first, so "كانون الثاني" wins over a one-word prefix.
  for (const entries of months.values()) entries.sort((a, b) => b.words.length - a.words.length);
  const keysOf = (list: "dateFillers" | "dateJoiners" | "ordinalSuffixes" | "currencyWords") => new Set(Object.values(languages).flatMap((l) => (l[list] ?? []).flatMap((w) => keyer.keys(w))));
  for (const f of keysOf("dateFillers")) fillers.add(f);
  const currencies = keysOf("currencyWords");
  for (const c of Intl.supportedValuesOf("currency")) currencies.add("s:" + foldKey(c, locale));
  k = { keyer, months, monthFirst: namesOf(locale).monthFirst, fillers, numeric, joiners: keysOf("dateJoiners"), ordinals: keysOf("ordinalSuffixes"), currencies };
  byLocale.set(locale, k);
  return k;
}

const YEAR = /^\p{Nd}{4}$/u;
const DOTTED = /^(\p{Nd}{1,2})\.(\p{Nd}{1,2})(?:\.(\p{Nd}{4}|\p{Nd}{2}))?$/u;
const SMALL = /^\p{Nd}{1,2}$/u;
const YEAR_OR_SHORT = /^(?:\p{Nd}{4}|\p{Nd}{2})$/u;
const DAY_NUMBER = /^(\p{Nd}{1,2})(\p{L}*)$/u;

const num = (s: string) => Number(normalizeDigits(s));
const has = (set: Set<string>, keys: readonly string[]) => keys.some((k) => set.has(k));

interface FoundDate extends DateMention {
  /** Index of the date's first and last word. */
  first: number;
  last: number;
}

/** Every date stated in a text, with its range. */
export function findDates(text: string, locale: string, languages: Languages, order: NumericOrder = numericOrderFor(locale)): DateMention[] {
  return datesIn(text, wordTokens(text, locale), locale, languages, order).map(plain);
}

/** A date without its word indices. */
const plain = ({ first: _, last: __, ...d }: FoundDate): DateMention => d;


function datesIn(text: string, words: readonly WordToken[], locale: string, languages: Languages, order: NumericOrder): FoundDate[] {
  // Every form has a day or month number: without a digit there is no date, and no month names to look up.
  if (!/\p{Nd}/u.test(text)) return [];
  const k = knowledgeFor(locale, languages);
  const keys = (i: number) => k.keyer.keys(words[i]!.text);
  const gap = (a: WordToken, b: WordToken) => text.slice(a.end, b.start);
  const out: FoundDate[] = [];
  const mention = (first: number, last: number, month: number, day: number, year?: number) => {
    if (!isValidDate(month, day)) return false;
    const m: FoundDate = { start: words[first]!.start, end: words[last]!.end, month, day, text: text.slice(words[first]!.start, words[last]!.end), first, last };
    if (year !== undefined) m.year = year < 100 ? 2000 + year : year;
    out.push(m);
    return true;
  };
  /** A day number (`31`, `31st`): its value. */
  const dayAt = (i: number): number | undefined => {
    const m = words[i] && DAY_NUMBER.exec(words[i]!.text);
    if (!m || (m[2] && !has(k.ordinals, k.keyer.keys(m[2])))) return undefined;
    return num(m[1]!);
  };
  /** A month name starting at word i: its month and the last word of the name. */
  const monthAt = (i: number): { month: number; last: number } | undefined => {
    if (!words[i]) return undefined;
    for (const key of keys(i))
      for (const entry of k.months.get(key) ?? []) {
        let ok = true;
        for (let n = 0; n < entry.words.length && ok; n++) ok = !!words[i + n + 1] && foldKey(words[i + n + 1]!.text, locale) === entry.words[n] && /^\s+$/u.test(gap(words[i + n]!, words[i + n + 1]!));
        if (ok) return { month: entry.month, last: i + entry.words.length };
      }
    return undefined;
  };
  /** An optional year right after word i (`, 2026`, ` 2026`). */
  const yearAfter = (i: number): number | undefined => {
    const a = words[i];
    const b = words[i + 1];
    return a && b && YEAR.test(b.text) && /^,?\s+$/u.test(gap(a, b)) ? i + 1 : undefined;
  };
  /** A number followed by a percent sign or a currency, or after a currency, is not a date. */
  const numericOk = (first: number, last: number) => {
    const after = skipSpaces(text, words[last]!.end, 1);
    if (/[%٪\p{Sc}]/u.test(text[after] ?? "") || (words[last + 1]?.start === after && has(k.currencies, keys(last + 1)))) return false;
    const before = skipSpaces(text, words[first]!.start, -1);
    const prev = text[before - 1] === "." ? before - 1 : before;
    return !/\p{Sc}/u.test(text[prev - 1] ?? "") && !(first > 0 && words[first - 1]!.end === prev && has(k.currencies, keys(first - 1)));
  };

  /** A numbered-month date starting at word i (3月31日, 3월 31일): month, day and its last word; a last word of the form may be left out. */
  const numberedAt = (i: number): { month: number; day: number; last: number } | undefined => {
    for (const form of k.numeric) {
      let month: number | undefined;
      let day: number | undefined;
      let j = i;
      let n = 0;
      for (; n < form.length && j < words.length; n++, j++) {
        if (j > i && !/^\s*$/u.test(gap(words[j - 1]!, words[j]!))) break;
        const part = form[n]!;
        const w = words[j]!.text;
        if (part === "M" || part === "D") {
          if (!SMALL.test(w)) break;
          if (part === "M") month = num(w);
          else day = num(w);
        } else if (foldKey(w, locale) !== part) break;
      }
      const complete = n === form.length || (n === form.length - 1 && form[n] !== "M" && form[n] !== "D");
      if (complete && month !== undefined && day !== undefined) return { month, day, last: j - 1 };
    }
    return undefined;
  };

  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    // 3月31日, 3월 31일, 31 tháng 3 (the locale's numbered months, from Intl).
    const numbered = k.numeric.length ? numberedAt(i) : undefined;
    if (numbered && mention(i, numbered.last, numbered.month, numbered.day)) {
      i = numbered.last;
      continue;
    }
    // 31.03, 31.03.2026 (one token): always day first.
    const dotted = DOTTED.exec(w.text);
    if (dotted) {
      if (numericOk(i, i)) mention(i, i, num(dotted[2]!), num(dotted[1]!), dotted[3] ? num(dotted[3]) : undefined);
      continue;
    }
    // 31/03, 3/31, 31-03-2026.
    const next = words[i + 1];
    if (SMALL.test(w.text) && next && SMALL.test(next.text)) {
      const sep = gap(w, next);
      if (sep === "/" || sep === "-" || sep === ".") {
        const third = words[i + 2];
        const withYear = !!third && gap(next, third) === sep && YEAR_OR_SHORT.test(third.text);
        const last = withYear ? i + 2 : i + 1;
        const a = num(w.text);
        const b = num(next.text);
        const [month, day] = a > 12 ? [b, a] : b > 12 ? [a, b] : order === "mdy" ? [a, b] : [b, a];
        if (numericOk(i, last) && mention(i, last, month, day, withYear ? num(third.text) : undefined)) {
          i = last;
          continue;
        }
      }
    }
    // 31 March, 31st of March, 31. März, 31 марта 2026, ٢٠ مارس.
    const day = dayAt(i);
    if (day !== undefined) {
      let j = i + 1;
      if (words[j] && has(k.joiners, keys(j)) && /^[\s-]+$/u.test(gap(w, words[j]!))) j++;
      const m = words[j] && /^\.?\s+$/u.test(gap(words[j - 1]!, words[j]!)) ? monthAt(j) : undefined;
      if (m) {
        const y = yearAfter(m.last);
        if (mention(i, y ?? m.last, m.month, day, y !== undefined ? num(words[y]!.text) : undefined)) {
          i = y ?? m.last;
          continue;
        }
      }
    }
    // March 31, Mar. 31st, 2026 (where the locale writes the month first).
    const m = k.monthFirst ? monthAt(i) : undefined;
    if (m) {
      const d = words[m.last + 1];
      const dm = dayAt(m.last + 1);
      if (d && dm !== undefined && /^\.?\s+$/u.test(gap(words[m.last]!, d))) {
        const y = yearAfter(m.last + 1);
        if (mention(i, y ?? m.last + 1, m.month, dm, y !== undefined ? num(words[y]!.text) : undefined)) {
          i = y ?? m.last + 1;
          continue;
        }
      }
    }
  }
  return out;
}

/** From `i`, steps over at most `max` spaces forward (dir 1) or backward (dir -1); returns the index reached. */
function skipSpaces(text: string, i: number, dir: 1 | -1, max = 16): number {
  let n = 0;
  if (dir === 1) while (n++ < max && i < text.length && /\s/u.test(text[i]!)) i++;
  else while (n++ < max && i > 0 && /\s/u.test(text[i - 1]!)) i--;
  return i;
}

/** How many filler words may stand between a cue and its date ("until 11:59 pm on March 31" has four). */
const MAX_FILLERS = 4;

/** Is word j part of a time of day (`11:59`, `23.59`, `9pm`, `pm`)? */
function isTimePart(text: string, words: readonly WordToken[], j: number, k: DateKnowledge): boolean {
  const w = words[j]!;
  if (/^\p{Nd}{1,2}[.:]\p{Nd}{2}$/u.test(w.text)) return true;
  const m = /^(\p{Nd}{1,2})(\p{L}+)$/u.exec(w.text);
  if (m) return has(k.fillers, k.keyer.keys(m[2]!));
  if (!/^\p{Nd}{1,2}$/u.test(w.text)) return false;
  const before = j > 0 ? text.slice(words[j - 1]!.end, w.start) : "";
  const after = j + 1 < words.length ? text.slice(w.end, words[j + 1]!.start) : "";
  return before === ":" || after === ":";
}

/** The end dates of a text: dates right after an end-date word (a few filler words allowed between, in the same sentence). */
export function findEndDates(text: string, locale: string, languages: Languages, order: NumericOrder = numericOrderFor(locale)): EndDateMention[] {
  const words = wordTokens(text, locale);
  const dates = datesIn(text, words, locale, languages, order);
  if (!dates.length) return [];
  const k = knowledgeFor(locale, languages);
  const sentences = sentenceIds(text, words, locale);
  const cues = coverOf(phraseSet(languages, ["endDateWords"], locale), words);
  const after = phraseSet(languages, ["endDateWordsAfter"], locale);
  const out: EndDateMention[] = [];
  for (const d of dates) {
    let cue: string | undefined;
    // An end-date word written after the date (3月31日まで, 3월 31일까지).
    const n = d.last + 1;
    const len = n < words.length && sentences[n] === sentences[d.last] && /^\s*$/u.test(text.slice(words[d.last]!.end, words[n]!.start)) ? after.longestAt(words, n) : 0;
    if (len) {
      out.push({ ...plain(d), cue: text.slice(words[n]!.start, words[n + len - 1]!.end) });
      continue;
    }
    for (let j = d.first - 1, skipped = 0; j >= 0 && sentences[j] === sentences[d.first]; j--) {
      const c = cues[j];
      if (c && c.last === j && sentences[c.first] === sentences[d.first]) {
        cue = text.slice(words[c.first]!.start, words[j]!.end);
        break;
      }
      if (!(has(k.fillers, k.keyer.keys(words[j]!.text)) || isTimePart(text, words, j, k)) || ++skipped > MAX_FILLERS) break;
    }
    if (cue) out.push({ ...plain(d), cue });
  }
  return out;
}
