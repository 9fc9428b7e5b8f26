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
  const code: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/```([\s\S]+?)```/g)) {
    const s = m.index;
    const e = s + m[0].length;
    styles.push({ start: s + 3, end: e - 3, style: "mono" });
    hidden.push({ start: s, end: s + 3 }, { start: e - 3, end: e });
    code.push({ start: s, end: e });
  }
  const inCode = (i: number) => code.some((c) => i >= c.start && i < c.end);
  for (const m of text.matchAll(/`([^`\n]+)`/g)) {
    if (inCode(m.index) || inCode(m.index + m[0].length - 1)) continue;
    const s = m.index;
    const e = s + m[0].length;
    styles.push({ start: s + 1, end: e - 1, style: "mono" });
    hidden.push({ start: s, end: s + 1 }, { start: e - 1, end: e });
    code.push({ start: s, end: e });
  }
  for (const [marker, style] of Object.entries(MARKERS)) {
    let i = 0;
    while (i < text.length) {
      const open = text.indexOf(marker, i);
      if (open < 0) break;
      i = open + 1;
      if (inCode(open) || !opens(text, open)) continue;
      const close = findClose(text, marker, open + 1, inCode);
      if (close < 0) continue;
      styles.push({ start: open + 1, end: close, style });
      hidden.push({ start: open, end: open + 1 }, { start: close, end: close + 1 });
      i = close + 1;
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

/** The closing marker on the same line: a non-space before it, nothing word-like after it. */
function findClose(text: string, marker: string, from: number, inCode: (i: number) => boolean): number {
  for (let j = from + 1; j < text.length; j++) {
    const c = text[j]!;
    if (c === "\n") return -1;
    if (c !== marker || inCode(j)) continue;
    const before = text[j - 1]!;
    const after = text[j + 1];
    if (!/\s/.test(before) && (after === undefined || !WORD.test(after))) return j;
  }
  return -1;
}
