/**
 * User-perceived characters (extended grapheme clusters, Intl.Segmenter granularity
 * "grapheme"): an emoji with skin tone or ZWJ sequence (👩‍👩‍👧), a flag (🇵🇱), a letter
 * with combining marks (é written e + ◌́) or an Arabic letter with its harakat each
 * count as one, the way people and most lock screens count them.
 */

export interface Grapheme {
  /** UTF-16 range in the text. */
  start: number;
  end: number;
}

let segmenter: Intl.Segmenter | undefined;

/** The grapheme clusters of a text, in order. */
export function graphemes(text: string): Grapheme[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  const out: Grapheme[] = [];
  for (const s of segmenter.segment(text)) out.push({ start: s.index, end: s.index + s.segment.length });
  return out;
}

/** Number of user-perceived characters in a text. */
export function graphemeCount(text: string): number {
  let n = 0;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  for (const _ of segmenter.segment(text)) n++;
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
