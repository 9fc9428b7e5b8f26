/**
 * WhatsApp's text formatting, found as ranges over the plain text: *bold*, _italic_,
 * ~strikethrough~, ```monospace``` and `inline code`. The markers are hidden and the
 * text between them styled, the way the app shows a message; the text itself is
 * escaped by the renderer and never read as HTML.
 */
import type { StyleRange } from "./html.js";

export interface WhatsAppFormat {
  styles: StyleRange[];
  /** The marker characters, which the app does not show. */
  hidden: { start: number; end: number }[];
}

const MARKERS: Record<string, StyleRange["style"]> = { "*": "bold", _: "italic", "~": "strike" };
const WORD = /[\p{L}\p{N}]/u;

/** Formatting ranges of a WhatsApp message. */
export function whatsappFormat(text: string): WhatsAppFormat {
  const styles: StyleRange[] = [];
  const hidden: { start: number; end: number }[] = [];
  // Which characters are code, for constant-time lookups (a long message has many spans).
  const codeAt = new Uint8Array(text.length);
  const markCode = (start: number, end: number) => codeAt.fill(1, start, end);
  const inCode = (i: number) => codeAt[i] === 1;
  for (const m of text.matchAll(/```([\s\S]+?)```/g)) {
    const s = m.index;
    const e = s + m[0].length;
    styles.push({ start: s + 3, end: e - 3, style: "mono" });
    hidden.push({ start: s, end: s + 3 }, { start: e - 3, end: e });
    markCode(s, e);
  }
  for (const m of text.matchAll(/`([^`\n]+)`/g)) {
    if (inCode(m.index) || inCode(m.index + m[0].length - 1)) continue;
    const s = m.index;
    const e = s + m[0].length;
    styles.push({ start: s + 1, end: e - 1, style: "mono" });
    hidden.push({ start: s, end: s + 1 }, { start: e - 1, end: e });
    markCode(s, e);
  }
  for (const [marker, style] of Object.entries(MARKERS)) {
    const close = closers(text, marker, inCode);
    let i = 0;
    while (i < text.length) {
      const open = text.indexOf(marker, i);
      if (open < 0) break;
      i = open + 1;
      if (inCode(open) || !opens(text, open)) continue;
      const end = open + 2 < text.length ? close[open + 2]! : -1;
      if (end < 0) continue;
      styles.push({ start: open + 1, end, style });
      hidden.push({ start: open, end: open + 1 }, { start: end, end: end + 1 });
      i = end + 1;
    }
  }
  return { styles, hidden };
}

/** A marker opens when it starts a word: nothing word-like before it, a non-space after it. */
function opens(text: string, i: number): boolean {
  const before = text[i - 1];
  const after = text[i + 1];
  return (before === undefined || !WORD.test(before)) && after !== undefined && !/\s/.test(after) && after !== text[i];
}

/**
 * For every offset, the first closing marker at or after it on the same line (-1 when
 * none): a non-space before it, nothing word-like after it. One pass from the end, so
 * many openers on one long line cost no more than one.
 */
function closers(text: string, marker: string, inCode: (i: number) => boolean): Int32Array {
  const next = new Int32Array(text.length + 1).fill(-1);
  for (let j = text.length - 1; j >= 0; j--) {
    const c = text[j]!;
    if (c === "\n") continue;
    next[j] = next[j + 1]!;
    if (c !== marker || inCode(j) || j === 0) continue;
    const after = text[j + 1];
    if (!/\s/.test(text[j - 1]!) && (after === undefined || !WORD.test(after))) next[j] = j;
  }
  return next;
}
