/**
 * The one sentence splitter every rule uses: `Intl.Segmenter` with granularity
 * "sentence" for the campaign's locale (so `。`, `！`, `।`, `؟` and `.` end sentences as
 * each script's readers expect), plus the structure of a message: a blank line or a
 * list item starts a new sentence, a single line break inside a paragraph does not.
 * An abbreviation written with dots between letters (`s.d.`, `e.g.`, `z.B.`) or a
 * single letter and a dot ends no sentence.
 */
import { firstIndex } from "./offsets.js";
import { textMemo } from "./lazy.js";
import { counted, fromWords } from "./shared-work.js";
import { segmenterFor, type WordToken } from "./words.js";

export interface SentenceRange {
  start: number;
  end: number;
}

const LIST_ITEM = /^[ \t]*(?:[-*+•▪–]|\p{Nd}{1,3}[.)])[ \t]/u;

/** The text with line breaks inside a paragraph turned into spaces (same length, same offsets). */
function joinSoftBreaks(text: string): string {
  if (!text.includes("\n")) return text;
  const lines = text.split("\n");
  let out = lines[0]!;
  for (let i = 1; i < lines.length; i++) {
    const prevBlank = lines[i - 1]!.trim() === "";
    const blank = lines[i]!.trim() === "";
    out += (prevBlank || blank || LIST_ITEM.test(lines[i]!) ? "\n" : " ") + lines[i];
  }
  return out;
}

/** Does the sentence piece end with an abbreviation (`s.d. `, `e.g. `, `A. `)? */
function endsWithAbbreviation(text: string, end: number, start: number): boolean {
  let i = end;
  while (i > start && /\s/u.test(text[i - 1]!)) i--;
  if (i === start || text[i - 1] !== ".") return false;
  let j = i - 1;
  while (j > start && !/\s/u.test(text[j - 1]!)) j--;
  const word = text.slice(j, i);
  return /^(?:\p{L}\.)+$/u.test(word);
}

/**
 * The segmenter does not end a sentence at `off. 50% of` (a lower-case letter follows,
 * UAX #29 rule SB8); a terminator after a word of two letters or more, then a number,
 * does end one in copy.
 */
function splitBeforeNumbers(text: string, r: SentenceRange): SentenceRange[] {
  const out: SentenceRange[] = [];
  let from = r.start;
  for (const m of text.slice(r.start, r.end).matchAll(/\p{L}{2}[.!?]\s+(?=\p{Nd})/gu)) {
    const end = r.start + m.index + m[0].length;
    out.push({ start: from, end });
    from = end;
  }
  out.push({ start: from, end: r.end });
  return out;
}

const CHUNK = 2048;

/**
 * The sentences of a text, in order, covering it. Several rules split the same variant
 * texts (offers, end dates, codes), so results are memoized (bounded); callers must not
 * mutate them.
 */
export const sentenceRanges: (text: string, locale: string) => readonly SentenceRange[] = textMemo(counted("sentences", splitSentences));

/**
 * sentenceRanges without the cache. Segments windows of the text (the segmenter copies
 * its input per segment, so one pass over a long text would be quadratic); each
 * window's last sentence is segmented again with what follows.
 */
function splitSentences(text: string, locale: string): SentenceRange[] {
  const src = joinSoftBreaks(text);
  const seg = segmenterFor(locale, "sentence");
  const raw: SentenceRange[] = [];
  for (let from = 0, size = CHUNK; from < src.length; ) {
    const to = Math.min(src.length, from + size);
    const parts: SentenceRange[] = [];
    for (const s of seg.segment(src.slice(from, to))) parts.push({ start: from + s.index, end: from + s.index + s.segment.length });
    if (to === src.length) {
      raw.push(...parts);
      break;
    }
    if (parts.length < 2) {
      size *= 2;
      continue;
    }
    parts.pop();
    raw.push(...parts);
    from = parts[parts.length - 1]!.end;
    size = CHUNK;
  }
  const out: SentenceRange[] = [];
  for (const r of raw.flatMap((r) => splitBeforeNumbers(text, r))) {
    const last = out[out.length - 1];
    // White space alone (a blank line) and a piece after an abbreviation join the sentence before.
    if (last && (text.slice(r.start, r.end).trim() === "" || (endsWithAbbreviation(text, last.end, last.start) && !/\n\s*$/u.test(text.slice(last.start, last.end))))) last.end = r.end;
    else out.push({ ...r });
  }
  return out;
}

/**
 * The sentence number of each word (words in different sentences never count as each
 * other's context), kept with the word list (several rules ask for the same text's).
 * Callers must not mutate it.
 */
export function sentenceIds(text: string, words: readonly WordToken[], locale: string): readonly number[] {
  // Kept per locale with the text it was computed for (a word list is one text's, unless a caller mixes them).
  const kept = fromWords(words, `sentenceIds\u0000${locale}`, () => ({ text, ids: idsOf(text, words, locale) }));
  return kept.text === text ? kept.ids : idsOf(text, words, locale);
}

function idsOf(text: string, words: readonly WordToken[], locale: string): number[] {
  const ranges = sentenceRanges(text, locale);
  const ids: number[] = [];
  let s = 0;
  for (const w of words) {
    while (s < ranges.length - 1 && ranges[s]!.end <= w.start) s++;
    ids.push(s);
  }
  return ids;
}

/**
 * The sentences of a text, to ask for the one around an offset as often as needed: its
 * start and end offsets (the text's sentences are found once, then by binary search).
 */
export function sentenceFinder(text: string, locale: string): (start: number) => SentenceRange {
  const ranges = sentenceRanges(text, locale);
  return (start) => ranges[firstIndex(ranges.length, (i) => start < ranges[i]!.end)] ?? { start: 0, end: text.length };
}
