/**
 * The GSM 03.38 (3GPP TS 23.038) 7-bit default alphabet and its extension table,
 * and the typographic characters that have a safe GSM equivalent.
 *
 * A character of the default alphabet costs one septet; a character of the extension
 * table costs two (the escape septet 0x1B, then its code). Anything else forces the
 * whole message into UCS-2.
 */

/**
 * The default alphabet, indexed by septet value. Position 0x1B is the escape to the
 * extension table, not a character. Position 0x09 is Ç, as in the standard's Unicode
 * mapping (and in Twilio's calculator): ç is not GSM.
 */
export const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

/** The extension table: septet value (after the escape) → character. */
export const GSM_EXTENSION: Readonly<Record<number, string>> = {
  0x0a: "\f",
  0x14: "^",
  0x28: "{",
  0x29: "}",
  0x2f: "\\",
  0x3c: "[",
  0x3d: "~",
  0x3e: "]",
  0x40: "|",
  0x65: "€",
};

/** Septets per UTF-16 code unit: 0 = not GSM, 1 = default alphabet, 2 = extension table. */
const SEPTETS: Uint8Array = (() => {
  const t = new Uint8Array(0x10000);
  for (let i = 0; i < GSM_BASIC.length; i++) if (i !== 0x1b) t[GSM_BASIC.charCodeAt(i)] = 1;
  for (const ch of Object.values(GSM_EXTENSION)) t[ch.charCodeAt(0)] = 2;
  return t;
})();

/** Septets a UTF-16 code unit costs in GSM-7: 1 or 2, or 0 when it has no GSM form. */
export function gsmSeptets(codeUnit: number): 0 | 1 | 2 {
  return SEPTETS[codeUnit] as 0 | 1 | 2;
}

/** True when every character of `s` is in the default alphabet or the extension table. */
export function isGsm(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (SEPTETS[s.charCodeAt(i)] === 0) return false;
  return true;
}

/** A non-GSM character and what to write instead. */
export interface GsmSubstitute {
  /** The GSM text that replaces it ("" = delete: the character is invisible). */
  with: string;
  /** How to name it in a message when it is invisible or easily mistaken. */
  name?: string;
}

const sub = (chars: string, to: string, names: Record<string, string> = {}): [string, GsmSubstitute][] =>
  [...chars].map((c) => [c, names[c] ? { with: to, name: names[c] } : { with: to }]);

/**
 * Typographic characters with a GSM equivalent that reads the same: quotes,
 * dashes, the ellipsis, typographic spaces and invisible characters. Replacing them
 * never changes what a reader understands, so `--fix` applies them.
 */
export const GSM_SUBSTITUTES: ReadonlyMap<string, GsmSubstitute> = new Map([
  // Single quotes, apostrophes, primes, single guillemets, accents typed as apostrophes.
  ...sub("‘’‚‛′‹›ʼ´`", "'"),
  // Double quotes, double primes, guillemets.
  ...sub("“”„‟″«»", '"'),
  // Hyphens and dashes, the minus sign.
  ...sub("‐‑‒–—―−", "-", { "‐": "hyphen (U+2010)", "‑": "non-breaking hyphen (U+2011)", "‒": "figure dash (U+2012)", "−": "minus sign (U+2212)" }),
  ["…", { with: "..." }],
  // Spaces of every width.
  ...sub("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000", " ", {
    "\u00a0": "no-break space (U+00A0)",
    "\u2000": "en quad (U+2000)",
    "\u2001": "em quad (U+2001)",
    "\u2002": "en space (U+2002)",
    "\u2003": "em space (U+2003)",
    "\u2004": "three-per-em space (U+2004)",
    "\u2005": "four-per-em space (U+2005)",
    "\u2006": "six-per-em space (U+2006)",
    "\u2007": "figure space (U+2007)",
    "\u2008": "punctuation space (U+2008)",
    "\u2009": "thin space (U+2009)",
    "\u200a": "hair space (U+200A)",
    "\u202f": "narrow no-break space (U+202F)",
    "\u205f": "medium mathematical space (U+205F)",
    "\u3000": "ideographic space (U+3000)",
  }),
  // Invisible characters: deleting them changes nothing a reader sees.
  ...sub("\u200b\u2060\ufeff\u00ad", "", {
    "\u200b": "zero-width space (U+200B)",
    "\u2060": "word joiner (U+2060)",
    "\ufeff": "zero-width no-break space (U+FEFF)",
    "\u00ad": "soft hyphen (U+00AD)",
  }),
]);
