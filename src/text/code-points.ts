/**
 * UTF-16 code units and the characters they encode: an offset between the two halves of
 * a surrogate pair is inside one character, and a finding must never start or end there.
 */
export const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
export const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** `offset`, moved past the second half when it falls inside a surrogate pair (an end then covers the whole character). */
export function endOfChar(text: string, offset: number): number {
  return offset > 0 && offset < text.length && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset)) ? offset + 1 : offset;
}

/** `offset`, moved back before the first half when it falls inside a surrogate pair (a start then covers the whole character). */
export function startOfChar(text: string, offset: number): number {
  return endOfChar(text, offset) === offset ? offset : offset - 1;
}

/**
 * The end of the character that starts at `offset` (one or two code units), to point at
 * it; `offset` itself at a line break or the end of the text (a range never ends between
 * the \r and \n of a line end, nor past its line).
 */
export function charEnd(text: string, offset: number): number {
  return offset >= text.length || text[offset] === "\r" || text[offset] === "\n" ? offset : endOfChar(text, offset + 1);
}
