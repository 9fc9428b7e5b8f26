/**
 * Aligns a decoded string (an mdast text value, a YAML or JSON string value) with the
 * raw source it was decoded from, so each decoded character maps to its own source
 * characters. Handles the ways parsers change text: backslash escapes, character
 * references (`&amp;`, `&#x41;`), JSON/YAML escapes (`\n`, `\u00e9`), folded
 * whitespace and indentation. Characters that cannot be matched map to the
 * smallest enclosing source range, never to a guess.
 */
import { decodeNamedCharacterReference } from "decode-named-character-reference";
import { MappedText, MappedTextBuilder, type PieceKind } from "./mapped-text.js";

const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", "0": "\0", '"': '"', "'": "'", "\\": "\\", "/": "/", e: "\x1b", _: "\u00a0", N: "\u0085", L: "\u2028", P: "\u2029", " ": " " };

/** Tries to read one encoded character at `j` of `raw`; returns [decoded, length] or undefined. */
function readEncoded(raw: string, j: number): [string, number] | undefined {
  const c = raw[j];
  if (c === "&") {
    const m = /^&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{0,31});/.exec(raw.slice(j, j + 40));
    if (m) {
      const body = m[1]!;
      let decoded: string | false = false;
      if (body[0] === "#") {
        const cp = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
        if (cp > 0 && cp <= 0x10ffff) decoded = String.fromCodePoint(cp);
      } else decoded = decodeNamedCharacterReference(body);
      if (decoded) return [decoded, m[0].length];
    }
  }
  if (c === "\\" && j + 1 < raw.length) {
    const n = raw[j + 1]!;
    const u = /^\\(?:u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|U([0-9a-fA-F]{8}))/.exec(raw.slice(j, j + 10));
    if (u) {
      const hex = u[1] ?? u[2] ?? u[3]!;
      return [String.fromCodePoint(parseInt(hex, 16)), u[0].length];
    }
    if (ESCAPES[n] !== undefined) return [ESCAPES[n]!, 2];
    // Markdown: a backslash before ASCII punctuation is an escape.
    if (/[!-/:-@[-`{-~]/.test(n)) return [n, 2];
  }
  // YAML single-quoted strings write a quote as two quotes.
  if (c === "'" && raw[j + 1] === "'") return ["'", 2];
  return undefined;
}

/**
 * Returns `value` as a MappedText whose characters point into `raw` (itself mapped).
 * `kind` labels the pieces (default: keep raw's kinds for copied characters).
 */
export function alignDecoded(value: string, raw: MappedText, kind?: PieceKind): MappedText {
  if (value === raw.text && !kind) return raw;
  const b = new MappedTextBuilder();
  const r = raw.text;
  let i = 0;
  let j = 0;
  const copy = (from: number, to: number) => {
    const part = raw.slice(from, to);
    b.append(kind ? new MappedText(part.text, part.pieces.map((p) => ({ ...p, kind }))) : part);
  };
  while (i < value.length) {
    const v = value[i]!;
    if (j < r.length && r[j] === v && !(v === "\\" || v === "&")) {
      let k = 0;
      while (i + k < value.length && j + k < r.length && value[i + k] === r[j + k] && value[i + k] !== "\\" && value[i + k] !== "&") k++;
      copy(j, j + k);
      i += k;
      j += k;
      continue;
    }
    const enc = j < r.length ? readEncoded(r, j) : undefined;
    if (enc && value.startsWith(enc[0], i)) {
      const loc = raw.locate(j, j + enc[1]);
      if (loc) b.emit(enc[0], loc.file, loc.start, loc.end, kind ?? raw.piecesIn(j, j + 1)[0]?.kind ?? "text");
      i += enc[0].length;
      j += enc[1];
      continue;
    }
    if (j < r.length && r[j] === v) {
      copy(j, j + 1);
      i++;
      j++;
      continue;
    }
    // Source characters the decoder dropped (indentation, line continuations, quotes).
    if (j < r.length && (/\s/.test(r[j]!) || r[j] === "\\")) {
      // A folded line break becomes one space in YAML: map the space to the break.
      if (/\s/.test(v) && /\s/.test(r[j]!)) {
        let k = j;
        while (k < r.length && /\s/.test(r[k]!)) k++;
        const loc = raw.locate(j, k);
        if (loc) b.emit(v, loc.file, loc.start, loc.end, kind ?? "text");
        i++;
        j = k;
        continue;
      }
      j++;
      continue;
    }
    // Look ahead a little for the character (e.g. a dropped quote or marker).
    const ahead = r.indexOf(v, j);
    if (ahead !== -1 && ahead - j <= 8) {
      j = ahead;
      continue;
    }
    // Unmatched: attribute the rest to the remaining source as a whole.
    const loc = raw.locate(Math.min(j, r.length), r.length);
    if (loc) b.emit(value.slice(i), loc.file, loc.start, loc.end, kind ?? "text");
    break;
  }
  return b.build();
}
