/**
 * Digits of every numbering system `Intl` knows (Arabic-Indic ٠١٢, Eastern
 * Arabic-Indic ۰۱۲, Devanagari ०१२, Thai ๐๑๒, full-width ０１２...), found by asking
 * `Intl.NumberFormat` to write 0–9 in each, and the value of a number written in them.
 */

let digitValues: Map<number, number> | undefined;

/** Code point → digit value, for every decimal digit of every numbering system Intl supports. */
function digits(): Map<number, number> {
  if (!digitValues) useDigitSets(computeDigitSets());
  return digitValues!;
}

/**
 * The digits 0–9 of every positional numbering system Intl supports, one string of ten
 * digits per system (uncached: a NumberFormat for each of about 90 systems).
 */
export function computeDigitSets(): string[] {
  const out: string[] = [];
  for (const ns of Intl.supportedValuesOf("numberingSystem")) {
    let nf: Intl.NumberFormat;
    try {
      nf = new Intl.NumberFormat(`en-u-nu-${ns}`, { useGrouping: false });
    } catch {
      continue;
    }
    if (nf.resolvedOptions().numberingSystem !== ns) continue;
    const cps = Array.from({ length: 10 }, (_, d) => [...nf.format(d)]);
    // Only positional systems whose digits are decimal digits (not 〇一二 or Roman numerals).
    if (cps.some((c) => c.length !== 1 || !/\p{Nd}/u.test(c[0]!))) continue;
    out.push(cps.map((c) => c[0]!).join(""));
  }
  return out;
}

/** The digit sets to read numbers with (computeDigitSets' result, or the same computed by the build for this ICU). */
export function useDigitSets(sets: readonly string[]): void {
  const map = new Map<number, number>();
  for (const set of sets) [...set].forEach((c, d) => map.set(c.codePointAt(0)!, d));
  digitValues = map;
}

/** The zero of the digit block a digit belongs to (so a number can be written back in the same digits). */
export function digitZero(cp: number): number | undefined {
  const v = digits().get(cp);
  return v === undefined ? undefined : cp - v;
}

/** Replaces every decimal digit (٢٠, ۲۰, २०...) with its ASCII digit. */
export function normalizeDigits(s: string): string {
  const map = digits();
  let out = "";
  for (const ch of s) {
    const v = map.get(ch.codePointAt(0)!);
    out += v === undefined ? ch : String(v);
  }
  return out;
}

const NUMBER = /^\p{Nd}+(?:[.,٫]\p{Nd}+)?$/u;

/** The value of a number as written with any digits and `.`, `,` or `٫` as the decimal mark. */
export function parseNumber(s: string): number | undefined {
  if (!NUMBER.test(s)) return undefined;
  const n = Number(normalizeDigits(s).replace(/[,٫]/, "."));
  return Number.isFinite(n) ? n : undefined;
}
