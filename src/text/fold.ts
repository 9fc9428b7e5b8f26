/**
 * Folding: the key under which two spellings a reader treats as the same word compare
 * equal. Everything here is Unicode and locale behaviour, never a word list:
 *
 * - NFKC, so width forms and compatibility characters fold (ＳＡＬＥ = SALE, ｺｰﾄﾞ = コード);
 * - full case folding with the locale's rules (ß ≡ SS, final ς ≡ σ, Turkish İ/ı in `tr`
 *   and `az`), by upper- then lower-casing with the locale;
 * - the marks a reader does not see as a different word: Arabic tatweel, harakat and
 *   tanween (رخـيـص = رَخِيص = رخيص, مجاناً = مجانا), Hebrew niqqud, Greek tonos and
 *   dialytika (ΠΡΟΣΦΟΡΕΣ = προσφορές);
 * - invisible characters (ZWNJ, direction marks, soft hyphens), as NFKC_Casefold drops them;
 * - typographic apostrophes (’ ʼ) as '.
 *
 * `looseKey` also drops every other diacritic (for languages whose writers often leave
 * them out, e.g. Polish SMS copy) and unifies Arabic letter variants.
 */

const TATWEEL = /\u0640/gu;
/** Invisible characters NFKC_Casefold drops too: joiners (the Persian half-space ZWNJ), direction marks, soft hyphens. */
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
/** Marks on Arabic and Hebrew letters (harakat, tanween, shadda, niqqud) and on Greek ones (tonos). */
const SILENT_MARKS = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Greek}\p{Script=Inherited}]/u;
const APOSTROPHES = /[\u2019\u02BC\u2018]/gu;

function dropSilentMarks(s: string): string {
  // Decompose, then drop combining marks that follow an Arabic, Hebrew or Greek base letter.
  const d = s.normalize("NFD");
  let out = "";
  let base = "";
  for (const ch of d) {
    if (/\p{M}/u.test(ch)) {
      if (/[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Greek}]/u.test(base) && SILENT_MARKS.test(ch)) continue;
    } else base = ch;
    out += ch;
  }
  return out.normalize("NFC");
}

const cache = new Map<string, string>();
const ASCII = /^[\x00-\x7f]*$/;
/** Languages whose case mapping of ASCII differs (dotless ı); V8 cases by the first subtag. */
const TURKIC = /^(?:tr|az)(?:$|[-_])/i;

/** The key a word is compared by (see the module comment). Cached. */
export function foldKey(s: string, locale: string): string {
  if (isPlainAscii(s, locale)) return s.toLowerCase();
  const k = `${locale}\u0000${s}`;
  let out = cache.get(k);
  if (out !== undefined) return out;
  out = knownFold(s, locale) ?? fold(s, locale);
  if (cache.size > 50_000) cache.clear();
  cache.set(k, out);
  return out;
}

/** foldKey without the cache, for words seen once (compiling a term list of 100,000 words would only churn it). */
export function foldKeyOnce(s: string, locale: string): string {
  return isPlainAscii(s, locale) ? s.toLowerCase() : fold(s, locale);
}

/**
 * ASCII needs no normalising and no marks dropped, and cases the same in every language
 * but Turkish and Azeri (I → ı): the common case, cheaper than the cache.
 */
const isPlainAscii = (s: string, locale: string) => ASCII.test(s) && !(s.includes("I") && TURKIC.test(locale));

function fold(s: string, locale: string): string {
  let t = s.normalize("NFKC").replace(TATWEEL, "").replace(IGNORABLE, "").replace(APOSTROPHES, "'");
  if (/[\u0590-\u08FF\u0370-\u03FF\u1F00-\u1FFF]/u.test(t)) t = dropSilentMarks(t);
  t = safeCase(t, locale);
  return t.replace(/ς/gu, "σ").replace(/ß/gu, "ss").replace(/ё/gu, "е");
}

/**
 * The languages V8 cases with their own rules (Intl::StringLocaleConvertCase sends only
 * these to ICU); every other language cases like the root locale. Engine behaviour, not
 * language data: test/matcher-compile.test.ts checks it over the BMP for every shipped language.
 */
const OWN_CASING = /^(?:tr|az|lt|el)$/;
const casingClasses = new Map<string, string>();
/** Locales whose case mappings (so whose folded keys) are the same: the language for those with their own casing, "" for the rest. */
export function casingClass(locale: string): string {
  let cls = casingClasses.get(locale);
  if (cls === undefined) {
    try {
      const lang = new Intl.Locale(locale).language;
      cls = OWN_CASING.test(lang) ? lang : "";
    } catch {
      cls = "";
    }
    if (casingClasses.size > 1000) casingClasses.clear();
    casingClasses.set(locale, cls);
  }
  return cls;
}

function safeCase(t: string, locale: string): string {
  // The root mapping needs no locale lookup per call.
  if (casingClass(locale) === "") return t.toUpperCase().toLowerCase();
  try {
    return t.toLocaleUpperCase(locale).toLocaleLowerCase(locale);
  } catch {
    return t.toUpperCase().toLowerCase();
  }
}

/** `foldKey` without any diacritic, and with Arabic letter variants unified (أ إ آ ٱ → ا, ة → ه, ى → ي). */
export function looseKey(s: string, locale: string): string {
  // Plain ASCII has no diacritics and no Arabic letters: its loose key is its fold key.
  if (isPlainAscii(s, locale)) return s.toLowerCase();
  const k = `${locale}\u0000${s}`;
  let out = looseCache.get(k);
  if (out !== undefined) return out;
  const folded = foldKey(s, locale);
  const known = Object.hasOwn(knownFolds.loose, folded) ? knownFolds.loose[folded] : undefined;
  out = known === 0 ? folded : (known ?? loosen(folded));
  if (looseCache.size > 50_000) looseCache.clear();
  looseCache.set(k, out);
  return out;
}
const looseCache = new Map<string, string>();

/** A fold key without diacritics and with Arabic letter variants unified (the part of looseKey after folding). */
function loosen(folded: string): string {
  return folded
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/ł/gu, "l")
    .replace(/[أإآٱ]/gu, "ا")
    .replace(/ة/gu, "ه")
    .replace(/ى/gu, "ي")
    .normalize("NFC");
}

/**
 * Fold and loose keys computed before (by the build, for the words of the built-in
 * language data; src/config/languages.ts checks they were made with this ICU).
 */
export interface KnownFolds {
  /**
   * By casing class (casingClass; "" for the root casing): a string → its fold key (0:
   * the string itself). Only strings foldKey does not shortcut; a class other than the
   * root lists only what differs from the root's table, for the same strings.
   */
  byClass: Record<string, Record<string, string | 0>>;
  /** A fold key → its loose key (0: the same). */
  loose: Record<string, string | 0>;
}

let knownFolds: KnownFolds = { byClass: {}, loose: {} };

/** Uses known fold keys from now on (they must be what computeKnownFolds gives here). */
export function useKnownFolds(k: KnownFolds): void {
  knownFolds = k;
}

function knownFold(s: string, locale: string): string | undefined {
  const cls = casingClass(locale);
  const tables = knownFolds.byClass;
  if (!Object.hasOwn(tables, cls)) return undefined;
  const own = tables[cls]!;
  const root = tables[""] ?? {};
  const hit = Object.hasOwn(own, s) ? own[s] : Object.hasOwn(root, s) ? root[s] : undefined;
  return hit === 0 ? s : hit;
}

/** The fold and loose keys of some strings in some casing classes, computed (no cache, no known keys). */
export function computeKnownFolds(strings: Iterable<string>, classes: readonly string[]): KnownFolds {
  const out: KnownFolds = { byClass: { "": {} }, loose: {} };
  const all = new Set(strings);
  const locales = [...new Set(["", ...classes])].map((cls) => [cls, cls || "und"] as const);
  // The keys are folded again by looseKey's callers (WordKeyer folds its strict keys): they are strings too.
  for (const [, locale] of locales) for (const s of [...all]) all.add(foldKeyOnce(s, locale));
  const rootOf = (s: string) => foldKeyOnce(s, "und");
  for (const [cls, locale] of locales) {
    const table = (out.byClass[cls] ??= {});
    for (const s of all) {
      if (isPlainAscii(s, locale)) continue;
      const f = fold(s, locale);
      if (cls === "" || f !== rootOf(s)) table[s] = f === s ? 0 : f;
      const l = loosen(f);
      if (!isPlainAscii(f, locale)) out.loose[f] = l === f ? 0 : l;
    }
  }
  return out;
}

/** A folded text and, for each of its UTF-16 units, the range of the original it came from. */
export interface FoldedText {
  text: string;
  /** from[i] / to[i]: the original range of folded unit i. */
  from: number[];
  to: number[];
}

/**
 * Folds a whole text cluster by cluster (a base character and its marks), keeping a
 * map back to the original, so a match in the folded text is reported on the original
 * characters. Linear in the text's length.
 */
export function foldMapped(text: string, locale: string): FoldedText {
  const parts: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  for (const m of text.matchAll(/\P{M}\p{M}*|\p{M}+/gsu)) {
    const f = foldKey(m[0], locale);
    parts.push(f);
    const end = m.index + m[0].length;
    for (let k = 0; k < f.length; k++) {
      from.push(m.index);
      to.push(end);
    }
  }
  return { text: parts.join(""), from, to };
}
