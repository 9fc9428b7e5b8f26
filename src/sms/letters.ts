/**
 * Letters with a GSM base form: a letter with diacritics (ń, ş, ł, ế) whose base
 * letter, with as many of its marks as GSM-7 has (ǘ → ü), can be sent in GSM-7. Whether
 * to strip them is a language decision (Polish łaska/laska, Vietnamese con dế/con dê):
 * `channels.sms.letters` says it per locale. Unicode's decompositions (NFD) give the
 * base letter; the few letters Unicode does not decompose (ł, đ, ı) are data.
 */
import baseLetters from "./data/base-letters.json" with { type: "json" };
import { graphemeSegments } from "../text/graphemes.js";
import { isGsm } from "./gsm.js";

const EXTRA: Readonly<Record<string, string>> = baseLetters.letters;

/**
 * The GSM form of a letter with diacritics (one grapheme), or undefined when it is
 * not a letter or has none. `encodable` says what the gateway can send (GSM-7, or
 * GSM-7 with national shift tables).
 */
export function gsmBaseForm(g: string, encodable: (s: string) => boolean = isGsm): string | undefined {
  if (encodable(g) || !/^\p{L}/u.test(g)) return undefined;
  const nfd = g.normalize("NFD");
  const first = String.fromCodePoint(nfd.codePointAt(0)!);
  const base = EXTRA[first] ?? first;
  const marks = nfd.slice(first.length);
  if (!/^\p{M}*$/u.test(marks)) return undefined;
  // Keep as many marks as the alphabet has (ǘ → ü, not u).
  for (let k = marks.length; k >= 0; k--) {
    const candidate = (base + marks.slice(0, k)).normalize("NFC");
    if (candidate !== g && encodable(candidate)) return candidate;
  }
  return undefined;
}

/** The text with every letter that has a GSM base form replaced by it (what `letters: strip` sends). */
export function stripLetters(text: string, encodable: (s: string) => boolean = isGsm): string {
  let out = "";
  for (const { segment } of graphemeSegments(text)) out += gsmBaseForm(segment, encodable) ?? segment;
  return out;
}
