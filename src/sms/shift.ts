/**
 * 3GPP TS 23.038 national language shift tables (Annex A): a locking shift table
 * replaces the default alphabet, a single shift table replaces its extension table
 * (each of its characters costs the escape septet plus its own). The tables are data,
 * one file per table in ./tables/, transcribed from TS 23.038 V18.0.0.
 *
 * A message that uses a national table says so in its User Data Header (3GPP TS
 * 23.040 §9.2.3.24.15 and .16: information elements 0x24 "National Language Single
 * Shift" and 0x25 "National Language Locking Shift", 3 octets each: identifier,
 * length 1, language), which costs room in each 140-octet segment:
 *
 * | tables | UDH octets (alone / concatenated) | septets per segment (alone / concatenated) |
 * | --- | --- | --- |
 * | none | 0 / 6 | 160 / 153 |
 * | one  | 1 + 3 = 4 / 1 + 5 + 3 = 9 | 155 / 149 |
 * | two  | 1 + 3 + 3 = 7 / 1 + 5 + 3 + 3 = 12 | 152 / 146 |
 *
 * (1 octet UDH length, 5 octets for the 8-bit concatenation element 0x00; septets =
 * ⌊(140 − UDH octets) × 8 / 7⌋, the user data starting at the next septet boundary.)
 */
import trLocking from "./tables/tr-locking.json" with { type: "json" };
import trSingle from "./tables/tr-single.json" with { type: "json" };
import esSingle from "./tables/es-single.json" with { type: "json" };
import ptLocking from "./tables/pt-locking.json" with { type: "json" };
import ptSingle from "./tables/pt-single.json" with { type: "json" };
import { GSM_BASIC, GSM_EXTENSION } from "./gsm.js";

/** The national languages whose 3GPP tables brandlint knows: Turkish, Spanish, Portuguese. */
export const SHIFT_LANGUAGES = ["tr", "es", "pt"] as const;
export type ShiftLanguage = (typeof SHIFT_LANGUAGES)[number];

/** One table as its data file holds it. */
export interface ShiftTableData {
  source: string;
  language: string;
  shift: "locking" | "single";
  nationalLanguageIdentifier: number;
  septets: Record<string, string>;
}

export const TABLE_DATA: readonly ShiftTableData[] = [trLocking, trSingle, esSingle, ptLocking, ptSingle] as ShiftTableData[];

/** An alphabet for counting: the locking (base) table and the single shift table in use. */
export interface Alphabet {
  /** Undefined = the default alphabet / extension table. */
  locking?: ShiftLanguage;
  single?: ShiftLanguage;
  /** Septets per UTF-16 code unit: 0 = not encodable, 1 = base table, 2 = escape + single shift table. */
  septets: Uint8Array;
  /** National tables the header announces (0, 1 or 2). */
  tables: number;
}

const chars = (septets: Record<string, string>) => Object.values(septets);
const DEFAULT_BASE = [...GSM_BASIC].filter((_, i) => i !== 0x1b);
const DEFAULT_SINGLE = Object.values(GSM_EXTENSION);

function alphabet(locking: ShiftLanguage | undefined, single: ShiftLanguage | undefined): Alphabet {
  const table = (lang: ShiftLanguage, shift: "locking" | "single") => TABLE_DATA.find((t) => t.language === lang && t.shift === shift)!;
  const base = locking ? chars(table(locking, "locking").septets) : DEFAULT_BASE;
  const ext = single ? chars(table(single, "single").septets) : DEFAULT_SINGLE;
  const septets = new Uint8Array(0x10000);
  for (const c of ext) septets[c.charCodeAt(0)] = 2;
  for (const c of base) septets[c.charCodeAt(0)] = 1;
  return { ...(locking ? { locking } : {}), ...(single ? { single } : {}), septets, tables: (locking ? 1 : 0) + (single ? 1 : 0) };
}

const cache = new Map<string, Alphabet[]>();

/**
 * Every alphabet a gateway with these national tables can send in: the default one,
 * and each combination of a locking table (Turkish, Portuguese) and a single shift
 * table (Turkish, Spanish, Portuguese) of the listed languages.
 */
export function alphabets(languages: readonly ShiftLanguage[] = []): Alphabet[] {
  const key = [...new Set(languages)].sort().join(",");
  let out = cache.get(key);
  if (!out) {
    const has = (lang: ShiftLanguage, shift: "locking" | "single") => languages.includes(lang) && TABLE_DATA.some((t) => t.language === lang && t.shift === shift);
    const lockings = [undefined, ...SHIFT_LANGUAGES.filter((l) => has(l, "locking"))];
    const singles = [undefined, ...SHIFT_LANGUAGES.filter((l) => has(l, "single"))];
    out = lockings.flatMap((l) => singles.map((s) => alphabet(l, s)));
    cache.set(key, out);
  }
  return out;
}

/** Septets per segment with `tables` national tables in the header: alone and concatenated. */
export function gsmSegmentSize(tables: number): { single: number; multi: number } {
  const udh = (octets: number) => Math.floor(((140 - octets) * 8) / 7);
  return { single: udh(tables ? 1 + 3 * tables : 0), multi: udh(1 + 5 + 3 * tables) };
}
