/**
 * SMS length: encoding, units and segments, the same count as Twilio's published
 * calculator (npm `sms-segments-calculator`) on every input.
 *
 * - GSM-7 when every character is in the GSM 03.38 default alphabet or its extension
 *   table (extension characters cost two septets), else UCS-2, where every UTF-16 code
 *   unit costs one unit (a character outside the BMP, a surrogate pair, costs two).
 * - One SMS holds 140 octets: 160 septets or 70 UCS-2 units. A longer message is sent
 *   in segments that each lose 6 octets to the concatenation header: 153 septets or
 *   67 units each.
 * - A character is never split across segments: a GSM extension character (escape +
 *   code) stays whole, and so does a grapheme cluster in UCS-2 (a ZWJ emoji sequence,
 *   a flag, a letter with its combining marks), with clusters cut the calculator's
 *   way (Unicode 10.0 rules, see graphemes.ts) and CR LF counted as two characters.
 *
 * Like the calculator, segments are filled greedily: the first is filled up to 160/70;
 * when a character no longer fits, the header is added to the first segment, the
 * characters it then pushes out move to the second, and so on with 153/67. Two
 * consequences, both the calculator's: an empty message is one segment, and a single
 * grapheme longer than a whole segment (a letter with dozens of combining marks) is
 * kept in one segment of its own, after an empty first one.
 */
import { legacyGraphemeEnds } from "./graphemes.js";
import { gsmSeptets } from "./gsm.js";

export type SmsEncoding = "gsm7" | "ucs2";

/** What `countSms` returns: the encoding, its units (septets or UTF-16 code units) and the segment count. */
export interface SmsCount {
  encoding: SmsEncoding;
  units: number;
  segments: number;
}

/** One segment of a message: a range of the text (UTF-16 offsets) and the units it holds. */
export interface SmsSegment {
  start: number;
  end: number;
  units: number;
}

export interface SmsLayout extends SmsCount {
  /** The segments, in order; their ranges tile the text. */
  parts: SmsSegment[];
}

/** Units one segment holds: alone (`single`) or in a concatenated message (`multi`). */
export const SEGMENT_SIZE: Readonly<Record<SmsEncoding, { single: number; multi: number }>> = {
  gsm7: { single: 160, multi: 153 },
  ucs2: { single: 70, multi: 67 },
};

/** The encoding a text needs: GSM-7 when every character has a GSM form. */
export function smsEncoding(text: string): SmsEncoding {
  for (let i = 0; i < text.length; i++) if (gsmSeptets(text.charCodeAt(i)) === 0) return "ucs2";
  return "gsm7";
}

/** Units a text costs in an encoding: septets in GSM-7 (it must be GSM), UTF-16 code units in UCS-2. */
export function smsUnits(text: string, encoding: SmsEncoding): number {
  if (encoding === "ucs2") return text.length;
  let n = 0;
  for (let i = 0; i < text.length; i++) n += gsmSeptets(text.charCodeAt(i));
  return n;
}

/** The indivisible characters of a text with their cost in units, as end offsets and units. */
function characters(text: string, encoding: SmsEncoding): { ends: number[]; units: number[] } {
  const ends: number[] = [];
  const units: number[] = [];
  if (encoding === "gsm7") {
    for (let i = 0; i < text.length; i++) {
      ends.push(i + 1);
      units.push(gsmSeptets(text.charCodeAt(i)));
    }
    return { ends, units };
  }
  let start = 0;
  for (const end of legacyGraphemeEnds(text)) {
    if (end - start === 2 && text.charCodeAt(start) === 13 && text.charCodeAt(start + 1) === 10) {
      // CR LF is one grapheme but two characters to the calculator.
      ends.push(start + 1);
      units.push(1);
      ends.push(end);
      units.push(1);
    } else {
      ends.push(end);
      units.push(end - start);
    }
    start = end;
  }
  return { ends, units };
}

/** Encoding, units and segments of a text, with the range of each segment. */
export function smsLayout(text: string): SmsLayout {
  const encoding = smsEncoding(text);
  const size = SEGMENT_SIZE[encoding];
  const { ends, units } = characters(text, encoding);
  // Segments as ranges of character indexes [from, to) with the units they hold.
  const parts = [{ from: 0, to: 0, units: 0 }];
  let concatenated = false;
  let total = 0;
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    total += u;
    let cur = parts[parts.length - 1]!;
    if (cur.units + u > (concatenated ? size.multi : size.single)) {
      const next = { from: i, to: i, units: 0 };
      if (!concatenated) {
        // The first segment gets its header now; what no longer fits moves on.
        concatenated = true;
        while (cur.units > size.multi) {
          cur.to--;
          cur.units -= units[cur.to]!;
          next.from = cur.to;
          next.units += units[cur.to]!;
        }
      }
      parts.push(next);
      cur = next;
    }
    cur.to = i + 1;
    cur.units += u;
  }
  const offset = (index: number) => (index === 0 ? 0 : ends[index - 1]!);
  return {
    encoding,
    units: total,
    segments: parts.length,
    parts: parts.map((p) => ({ start: offset(p.from), end: offset(p.to), units: p.units })),
  };
}

/**
 * Counts an SMS the way carriers bill it (and as Twilio's calculator does):
 * `encoding` "gsm7" or "ucs2", `units` (septets, or UTF-16 code units) and `segments`.
 *
 * ```ts
 * countSms("Hi Ana, 20% off today"); // { encoding: "gsm7", units: 21, segments: 1 }
 * countSms("It’s 20% off");          // { encoding: "ucs2", units: 12, segments: 1 }
 * ```
 */
export function countSms(text: string): SmsCount {
  const { encoding, units, segments } = smsLayout(text);
  return { encoding, units, segments };
}
