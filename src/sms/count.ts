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
 *
 * Options (all off by default, and then the count is the calculator's):
 *
 * - `smartEncoding`: the gateway replaces look-alike punctuation (’ “ – …, full-width
 *   letters) with GSM characters, all or nothing: only when the result is GSM-7
 *   (Twilio's Smart Encoding, whose table the calculator package ships; Bird and
 *   Webex work the same way). Otherwise the original text is sent as UCS-2.
 * - `letters: "strip"`: letters with a GSM base form are sent as it (ń → n), as
 *   `--fix` writes them (see letters.ts).
 * - `shiftTables`: the 3GPP TS 23.038 national language tables the gateway supports
 *   (tr, es, pt); the cheapest alphabet wins, with its header cost (see shift.ts).
 */
import { createRequire } from "node:module";
import { graphemeSegments } from "../text/graphemes.js";
import { legacyGraphemeEnds } from "./graphemes.js";
import { gsmSeptets } from "./gsm.js";
import { gsmBaseForm } from "./letters.js";
import { alphabets, gsmSegmentSize, type Alphabet, type ShiftLanguage } from "./shift.js";

export type SmsEncoding = "gsm7" | "ucs2";

/** What `countSms` returns: the encoding, its units (septets or UTF-16 code units) and the segment count. */
export interface SmsCount {
  encoding: SmsEncoding;
  units: number;
  segments: number;
  /** The national shift tables used, when `shiftTables` made them worth their header. */
  shift?: { locking?: ShiftLanguage; single?: ShiftLanguage };
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
  /** The text as the gateway sends it (after smart encoding and stripped letters); `parts` are ranges of it. */
  sent: string;
  /** When `sent` differs from the input: for each offset of `sent` (and its end), the input offset it comes from. */
  origin?: number[];
}

/** How the gateway and the brand treat the text (channels.sms). */
export interface SmsOptions {
  /** The gateway replaces look-alike punctuation with GSM characters when that makes the whole text GSM-7. */
  smartEncoding?: boolean;
  /** "strip": letters with a GSM base form are sent as it. Default "keep". */
  letters?: "keep" | "strip";
  /** 3GPP national language shift tables the gateway supports. */
  shiftTables?: readonly ShiftLanguage[];
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
function characters(text: string, encoding: SmsEncoding, septets: (codeUnit: number) => number = gsmSeptets): { ends: number[]; units: number[] } {
  const ends: number[] = [];
  const units: number[] = [];
  if (encoding === "gsm7") {
    for (let i = 0; i < text.length; i++) {
      ends.push(i + 1);
      units.push(septets(text.charCodeAt(i)));
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

/** Segments filled greedily (see above), for characters of given costs and a segment size. */
function fill(text: string, encoding: SmsEncoding, size: { single: number; multi: number }, septets?: (codeUnit: number) => number): Omit<SmsLayout, "sent"> {
  const { ends, units } = characters(text, encoding, septets);
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

/** True when every code unit of `text` is in the alphabet. */
function inAlphabet(text: string, a: Alphabet): boolean {
  for (let i = 0; i < text.length; i++) if (a.septets[text.charCodeAt(i)] === 0) return false;
  return true;
}

/** A text is GSM-7 for this gateway: in the default alphabet or one of its national alphabets. */
export function gsmEncodable(text: string, shiftTables: readonly ShiftLanguage[] = []): boolean {
  return shiftTables.length ? alphabets(shiftTables).some((a) => inAlphabet(text, a)) : smsEncoding(text) === "gsm7";
}

let smartMap: Readonly<Record<string, string>> | undefined;
/** Twilio's Smart Encoding table (character → GSM replacement), as its calculator package ships it. */
export function smartEncodingMap(): Readonly<Record<string, string>> {
  if (!smartMap) {
    const mod = createRequire(import.meta.url)("sms-segments-calculator/dist/libs/SmartEncodingMap.js") as { default: Record<string, string> };
    smartMap = mod.default;
  }
  return smartMap;
}

/** A rewritten text and, for each of its offsets (and its end), the offset of the input it comes from. */
interface Rewritten {
  text: string;
  origin: number[];
}

/** Rewrites a text piece by piece (code points or graphemes), keeping where each output offset comes from. */
function rewrite(text: string, pieces: Iterable<{ segment: string; index: number }>, replace: (piece: string) => string | undefined): Rewritten {
  let out = "";
  const origin: number[] = [];
  for (const { segment, index } of pieces) {
    const r = replace(segment) ?? segment;
    for (let k = 0; k < r.length; k++) origin.push(r === segment ? index + k : index);
    out += r;
  }
  origin.push(text.length);
  return { text: out, origin };
}

function* codePoints(text: string): Iterable<{ segment: string; index: number }> {
  let index = 0;
  for (const segment of text) {
    yield { segment, index };
    index += segment.length;
  }
}

/** The text as a smart-encoding gateway sends it: replaced when that makes it GSM-7, else unchanged (all or nothing). */
export function smartEncode(text: string, shiftTables: readonly ShiftLanguage[] = []): string {
  return smartEncoded(text, shiftTables)?.text ?? text;
}

function smartEncoded(text: string, shiftTables: readonly ShiftLanguage[]): Rewritten | undefined {
  const map = smartEncodingMap();
  const r = rewrite(text, codePoints(text), (ch) => map[ch]);
  return r.text !== text && gsmEncodable(r.text, shiftTables) ? r : undefined;
}

/** Encoding, units and segments of a text, with the range of each segment, as the gateway sends it. */
export function smsLayout(text: string, options: SmsOptions = {}): SmsLayout {
  const tables = options.shiftTables ?? [];
  let sent = text;
  let origin: number[] | undefined;
  const apply = (r: Rewritten | undefined) => {
    if (!r || r.text === sent) return;
    origin = origin ? r.origin.map((o) => origin![o]!) : r.origin;
    sent = r.text;
  };
  if (options.smartEncoding) apply(smartEncoded(sent, tables));
  if (options.letters === "strip") {
    const encodable = (s: string) => gsmEncodable(s, tables);
    apply(rewrite(sent, graphemeSegments(sent), (g) => gsmBaseForm(g, encodable)));
  }
  const extra = origin ? { origin } : {};
  if (!tables.length) {
    const encoding = smsEncoding(sent);
    return { ...fill(sent, encoding, SEGMENT_SIZE[encoding]), sent, ...extra };
  }
  // The cheapest alphabet the text fits: fewest segments, then fewest header tables, then fewest septets.
  let best: (Omit<SmsLayout, "sent"> & { tables: number }) | undefined;
  for (const a of alphabets(tables)) {
    if (!inAlphabet(sent, a)) continue;
    const l = fill(sent, "gsm7", gsmSegmentSize(a.tables), (c) => a.septets[c]!);
    const shift = a.tables ? { shift: { ...(a.locking ? { locking: a.locking } : {}), ...(a.single ? { single: a.single } : {}) } } : {};
    if (!best || l.segments < best.segments || (l.segments === best.segments && (a.tables < best.tables || (a.tables === best.tables && l.units < best.units))))
      best = { ...l, ...shift, tables: a.tables };
  }
  if (!best) return { ...fill(sent, "ucs2", SEGMENT_SIZE.ucs2), sent, ...extra };
  return { encoding: best.encoding, units: best.units, segments: best.segments, parts: best.parts, ...(best.shift ? { shift: best.shift } : {}), sent, ...extra };
}

/**
 * Counts an SMS the way carriers bill it (and as Twilio's calculator does):
 * `encoding` "gsm7" or "ucs2", `units` (septets, or UTF-16 code units) and `segments`.
 *
 * ```ts
 * countSms("Hi Ana, 20% off today"); // { encoding: "gsm7", units: 21, segments: 1 }
 * countSms("It’s 20% off");          // { encoding: "ucs2", units: 12, segments: 1 }
 * countSms("It’s 20% off", { smartEncoding: true }); // { encoding: "gsm7", units: 12, segments: 1 }
 * countSms("Şimdi %20 indirim", { shiftTables: ["tr"] });
 * // { encoding: "gsm7", units: 17, segments: 1, shift: { locking: "tr" } }
 * ```
 */
export function countSms(text: string, options: SmsOptions = {}): SmsCount {
  const { encoding, units, segments, shift } = smsLayout(text, options);
  return { encoding, units, segments, ...(shift ? { shift } : {}) };
}
