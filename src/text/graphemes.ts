/**
 * User-perceived characters (extended grapheme clusters, Intl.Segmenter granularity
 * "grapheme"): an emoji with skin tone or ZWJ sequence (👩‍👩‍👧), a flag (🇵🇱), a letter
 * with combining marks (é written e + ◌́) or an Arabic letter with its harakat each
 * count as one, the way people and most lock screens count them.
 */
import { textMemo } from "./lazy.js";
import { counted } from "./shared-work.js";

export interface Grapheme {
  /** UTF-16 range in the text. */
  start: number;
  end: number;
}

let segmenter: Intl.Segmenter | undefined;

/**
 * Characters that are a grapheme cluster of their own whatever stands around them: one
 * UTF-16 unit each, Grapheme_Cluster_Break Other (neither Extend, ZWJ, SpacingMark nor
 * Prepend, no Hangul jamo, no regional indicator, no control) or LF. ASCII but CR (CR LF is
 * one cluster) and the other controls; Latin-1, Latin Extended-A and -B, IPA and spacing
 * modifier letters but the soft hyphen (a control for UAX #29); Greek and Coptic; Cyrillic
 * but its combining marks; general punctuation up to U+2027; currency signs. A text of
 * these alone (most English, Polish, Indonesian or Russian copy) is one cluster per unit:
 * Intl.Segmenter is not asked (its first use loads ICU's grapheme rules, 5–9 ms of a
 * one-campaign run, and it costs time per cluster). test/graphemes.test.ts checks every
 * one of them against Intl.Segmenter.
 */
export const SINGLE_UNIT_CLUSTERS = /^[\n\x20-\x7E\u00A0-\u00AC\u00AE-\u02FF\u0370-\u03FF\u0400-\u0482\u048A-\u052F\u2010-\u2027\u20A0-\u20C0]*$/;

/** Chunk size for segmenting (UTF-16 units); see {@link graphemes}. */
const CHUNK = 1024;
/** Segments ending this close to a chunk's end are segmented again with the next chunk. */
const MARGIN = 16;

/**
 * Calls `each(start, end)` for every grapheme cluster of `text`, in order.
 *
 * Intl.Segmenter copies its whole input for every segment it yields (quadratic on long
 * texts, as in words.ts), so the text is segmented ~1 KB at a time. A chunk may end
 * inside a cluster (a combining mark or a ZWJ sequence may follow), so only the
 * clusters that end well before the chunk's end are kept; the next chunk starts where
 * the first uncertain cluster starts. A cluster boundary depends only on the text
 * before it and the code point after it, and every chunk starts on a boundary, so the
 * clusters are exactly those of one pass over the whole text.
 */
function eachGrapheme(text: string, each: (start: number, end: number) => void): void {
  if (SINGLE_UNIT_CLUSTERS.test(text)) {
    for (let i = 0; i < text.length; i++) each(i, i + 1);
    return;
  }
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  let from = 0;
  let size = CHUNK;
  while (from < text.length) {
    let to = Math.min(text.length, from + size);
    // Never cut a surrogate pair: the cluster before it would see half a code point.
    if (to < text.length && /[\uD800-\uDBFF]/.test(text[to - 1]!)) to--;
    const last = to === text.length;
    let next = from;
    for (const s of segmenter.segment(text.slice(from, to))) {
      const start = from + s.index;
      const end = start + s.segment.length;
      if (!last && end > to - MARGIN) break;
      each(start, end);
      next = end;
    }
    if (next === from && !last) {
      // One cluster longer than the chunk (thousands of combining marks): widen the chunk.
      size *= 2;
      continue;
    }
    from = next;
    size = CHUNK;
  }
}

/**
 * The grapheme clusters of a text, in order. Rules measure the same fields (a worst case
 * equal to its sample, a text both channel-limits and sms-length count), so results are
 * memoized (bounded, as tokens are); callers must not mutate them.
 */
export function graphemes(text: string): readonly Grapheme[] {
  return clusters(text, "");
}

const clusters = textMemo(
  counted("graphemes", (text: string) => {
    const out: Grapheme[] = [];
    eachGrapheme(text, (start, end) => out.push({ start, end }));
    return out;
  }),
);

/**
 * The grapheme clusters of a text with their text, in order: what iterating
 * `Intl.Segmenter#segment` gives (`segment`, `index`), in time linear in the text (from
 * the one segmentation of the text graphemes() keeps).
 */
export function graphemeSegments(text: string): { segment: string; index: number }[] {
  return graphemes(text).map((g) => ({ segment: text.slice(g.start, g.end), index: g.start }));
}

/** Number of user-perceived characters in a text. */
export function graphemeCount(text: string): number {
  let n = 0;
  eachGrapheme(text, () => n++);
  return n;
}

/** A range of the text that counts as a fixed number of characters (e.g. a URL a network shortens). */
export interface WeightedRange {
  start: number;
  end: number;
  /** How many characters the whole range counts as. */
  length: number;
}

export interface LengthCut {
  /** Length in characters (weighted ranges counted as their weight). */
  length: number;
  /** UTF-16 offset where the text is cut: the start of the first grapheme past `max`; undefined when it fits. */
  cut?: number;
}

/**
 * Measures a text against a limit of `max` characters and finds where the cut falls.
 * A weighted range counts as its `length`; it is kept or cut as a whole (a shortened
 * link cannot be half shown).
 */
export function measure(text: string, max: number, weighted: readonly WeightedRange[] = []): LengthCut {
  const ranges = [...weighted].sort((a, b) => a.start - b.start);
  let length = 0;
  let cut: number | undefined;
  let r = 0;
  for (const g of graphemes(text)) {
    while (r < ranges.length && ranges[r]!.end <= g.start) r++;
    const range = ranges[r];
    // A range costs its weight once, on the grapheme where it begins; the rest of it is free.
    const cost = !range || g.end <= range.start ? 1 : g.start <= range.start ? range.length : 0;
    length += cost;
    if (cut === undefined && cost > 0 && length > max) cut = g.start;
  }
  return cut === undefined ? { length } : { length, cut };
}
