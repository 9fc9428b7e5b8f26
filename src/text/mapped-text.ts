/**
 * MappedText: a string in which every character knows where it came from.
 *
 * Variants are built from pieces of source files (copied character for character),
 * values that stand for a construct (a Handlebars variable, an entity, generated
 * markup) and text the config supplies. Rules look at `text`; `locate` turns any
 * range of it back into a range of the file a person edits.
 */
import type { SourceFile } from "./source-file.js";
import { graphemeCount } from "./graphemes.js";
import { formatList } from "./lists.js";

/** What a piece of variant text is, so rules can tell prose from URLs, code and variables. */
export type PieceKind = "text" | "url" | "code" | "variable" | "markup" | "config";

export interface Piece {
  /** Range in the mapped text. */
  start: number;
  end: number;
  file: SourceFile;
  /** Range in the source file. */
  srcStart: number;
  srcEnd: number;
  kind: PieceKind;
  /** True when the piece is a character-for-character copy of its source range. */
  exact: boolean;
  /** For variable pieces: the variable's name. */
  name?: string;
}

export interface SourceRange {
  file: SourceFile;
  start: number;
  end: number;
  /** True when the range is a character-for-character copy of the mapped text (safe to fix). */
  exact: boolean;
}

export class MappedText {
  constructor(
    readonly text: string,
    readonly pieces: readonly Piece[],
  ) {}

  static empty(): MappedText {
    return new MappedText("", []);
  }

  /** The whole of `file.text[start, end)`, copied exactly. */
  static fromSource(file: SourceFile, start = 0, end = file.text.length, kind: PieceKind = "text"): MappedText {
    const b = new MappedTextBuilder();
    b.copy(file, start, end, kind);
    return b.build();
  }

  get length(): number {
    return this.text.length;
  }

  /** Index of the piece containing offset `at` (or the last piece before it). */
  private pieceIndex(at: number): number {
    const ps = this.pieces;
    let lo = 0;
    let hi = ps.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ps[mid]!.start <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The pieces overlapping [start, end). */
  piecesIn(start: number, end: number): Piece[] {
    if (this.pieces.length === 0) return [];
    const out: Piece[] = [];
    for (let i = this.pieceIndex(start); i < this.pieces.length; i++) {
      const p = this.pieces[i]!;
      if (p.start >= end && !(start === end && p.start === start)) break;
      if (p.end > start || (start === end && p.start <= start && p.end >= start)) out.push(p);
    }
    return out;
  }

  /** True when every character of [start, end) comes from pieces of the given kinds. */
  isOnly(start: number, end: number, kinds: readonly PieceKind[]): boolean {
    const ps = this.piecesIn(start, end);
    return ps.length > 0 && ps.every((p) => kinds.includes(p.kind));
  }

  /** Maps a range of this text back to its source. */
  locate(start: number, end: number = start): SourceRange | undefined {
    const ps = this.piecesIn(start, Math.max(end, start));
    if (ps.length === 0) {
      // An empty range at the very end: point just after the last piece.
      const last = this.pieces[this.pieces.length - 1];
      if (!last) return undefined;
      return { file: last.file, start: last.srcEnd, end: last.srcEnd, exact: false };
    }
    const first = ps[0]!;
    const last = ps.filter((p) => p.file === first.file).pop()!;
    const s = first.exact ? first.srcStart + Math.max(0, start - first.start) : first.srcStart;
    const e = last.exact ? last.srcStart + Math.min(last.end, Math.max(end, start)) - last.start : last.srcEnd;
    let exact = ps.every((p) => p.exact && p.file === first.file);
    // Exact pieces that are adjacent in the text must also be adjacent in the source.
    for (let i = 1; exact && i < ps.length; i++) if (ps[i]!.srcStart !== ps[i - 1]!.srcEnd) exact = false;
    return { file: first.file, start: s, end: Math.max(s, e), exact };
  }

  slice(start: number, end: number = this.text.length): MappedText {
    const s = Math.max(0, Math.min(start, this.text.length));
    const e = Math.max(s, Math.min(end, this.text.length));
    const out: Piece[] = [];
    for (const p of this.piecesIn(s, e)) {
      const ps = Math.max(p.start, s);
      const pe = Math.min(p.end, e);
      if (pe <= ps) continue;
      out.push(
        p.exact
          ? { ...p, start: ps - s, end: pe - s, srcStart: p.srcStart + (ps - p.start), srcEnd: p.srcStart + (pe - p.start) }
          : { ...p, start: ps - s, end: pe - s },
      );
    }
    return new MappedText(this.text.slice(s, e), out);
  }

  /** A copy in which [start, end) is re-labelled with `kind` (e.g. a URL found in plain text). */
  withKind(start: number, end: number, kind: PieceKind): MappedText {
    return this.withKinds([{ start, end }], kind);
  }

  /**
   * A copy in which every range (in order, not overlapping) is re-labelled with `kind`,
   * in one pass: relabelling a long text's many URLs one at a time would copy it per URL.
   */
  withKinds(ranges: readonly { start: number; end: number }[], kind: PieceKind): MappedText {
    const spans = ranges.filter((r) => r.end > r.start);
    if (!spans.length) return this;
    const b = new MappedTextBuilder();
    let last = 0;
    for (const { start, end } of spans) {
      b.append(this.slice(last, start));
      const mid = this.slice(start, end);
      b.append(new MappedText(mid.text, mid.pieces.map((p) => ({ ...p, kind }))));
      last = end;
    }
    b.append(this.slice(last));
    return b.build();
  }

  /** Without leading and trailing white space (String#trim's white space, which is \s; linear, unlike /\s*$/). */
  trim(): MappedText {
    const start = this.text.length - this.text.trimStart().length;
    return this.slice(start, Math.max(start, this.text.trimEnd().length));
  }
}

/** Builds a MappedText piece by piece. */
export class MappedTextBuilder {
  private parts: string[] = [];
  private pieces: Piece[] = [];
  private len = 0;

  get length(): number {
    return this.len;
  }

  /** Appends `file.text[start, end)` exactly. */
  copy(file: SourceFile, start: number, end: number, kind: PieceKind = "text"): this {
    if (end <= start) return this;
    return this.push(file.text.slice(start, end), { file, srcStart: start, srcEnd: end, kind, exact: true });
  }

  /** Appends text that stands for a source construct as a whole (a variable, an entity, markup). */
  emit(text: string, file: SourceFile, srcStart: number, srcEnd: number, kind: PieceKind, name?: string): this {
    if (!text) return this;
    return this.push(text, { file, srcStart, srcEnd, kind, exact: false, ...(name === undefined ? {} : { name }) });
  }

  /** Appends generated text attributed to the source range of an existing mapped range. */
  emitFor(text: string, from: MappedText, kind: PieceKind = "markup"): this {
    const loc = from.locate(0, from.length);
    if (!loc || !text) return this;
    return this.emit(text, loc.file, loc.start, loc.end, kind);
  }

  append(m: MappedText): this {
    if (!m.text) return this;
    const base = this.len;
    this.parts.push(m.text);
    for (const p of m.pieces) this.addPiece({ ...p, start: p.start + base, end: p.end + base });
    this.len += m.text.length;
    return this;
  }

  private push(text: string, p: Omit<Piece, "start" | "end">): this {
    this.parts.push(text);
    this.addPiece({ ...p, start: this.len, end: this.len + text.length });
    this.len += text.length;
    return this;
  }

  private addPiece(p: Piece): void {
    const prev = this.pieces[this.pieces.length - 1];
    // Merge adjacent exact copies of adjacent source so pieces stay few.
    if (prev && prev.exact && p.exact && prev.file === p.file && prev.kind === p.kind && prev.end === p.start && prev.srcEnd === p.srcStart) {
      prev.end = p.end;
      prev.srcEnd = p.srcEnd;
      return;
    }
    this.pieces.push(p);
  }

  build(): MappedText {
    return new MappedText(this.parts.join(""), this.pieces);
  }
}

/** Joins mapped texts with a generated separator attributed to the piece before it. */
export function joinMapped(items: readonly MappedText[], sep: string): MappedText {
  const b = new MappedTextBuilder();
  items.forEach((m, i) => {
    if (i > 0 && sep) {
      const prev = items[i - 1]!;
      const loc = prev.locate(prev.length);
      if (loc) b.emit(sep, loc.file, loc.start, loc.end, "markup");
    }
    b.append(m);
  });
  return b.build();
}

/**
 * How a rendered text reads to the person who wrote its template: `[start, end)` with each
 * variable shown by name (`{{firstName}}`) instead of its value, so a worst-case rendering
 * ("ЖЖЖЖ…, the whole spring r") is quoted as written ("{{firstName}}, the whole spring r").
 * A variable cut by `start` or `end` is still shown whole. Links filled from variables
 * (`{{link}}`) keep their value.
 */
export function asWritten(
  m: MappedText,
  start = 0,
  end: number = m.text.length,
): { text: string; tokens: { start: number; end: number }[]; endsInside?: { name: string; kept: string; value: string } } {
  let text = "";
  const tokens: { start: number; end: number }[] = [];
  let endsInside: { name: string; kept: string; value: string } | undefined;
  let at = start;
  for (const p of m.piecesIn(start, end)) {
    const s = Math.max(p.start, start);
    if (s > at) text += m.text.slice(at, s);
    if (p.kind === "variable" && p.name !== undefined) {
      const shown = `{{${p.name}}}`;
      tokens.push({ start: text.length, end: text.length + shown.length });
      text += shown;
      if (p.end > end) endsInside = { name: p.name, kept: m.text.slice(p.start, end), value: m.text.slice(p.start, p.end) };
    } else text += m.text.slice(s, Math.min(p.end, end));
    at = Math.min(p.end, end);
  }
  if (at < end) text += m.text.slice(at, end);
  return { text, tokens, ...(endsInside ? { endsInside } : {}) };
}

/**
 * " when {{firstName}} has 20 characters": the variables whose worst-case value makes `worst`
 * differ from `sample`, with their worst-case lengths (graphemes), for a message that
 * measures a worst-case rendering. Empty when the two agree.
 */
export function worstCaseNote(sample: MappedText, worst: MappedText): string {
  if (worst.text === sample.text) return "";
  const sampleValues = new Map<string, string>();
  for (const p of sample.pieces) if (p.kind === "variable" && p.name !== undefined && !sampleValues.has(p.name)) sampleValues.set(p.name, sample.text.slice(p.start, p.end));
  const lengths = new Map<string, number>();
  for (const p of worst.pieces) {
    if (p.kind !== "variable" || p.name === undefined || lengths.has(p.name)) continue;
    const value = worst.text.slice(p.start, p.end);
    if (value !== sampleValues.get(p.name)) lengths.set(p.name, graphemeCount(value));
  }
  if (!lengths.size) return " with worst-case variables";
  const parts = [...lengths].map(([name, n]) => `{{${name}}} has ${n} character${n === 1 ? "" : "s"}`);
  return ` when ${formatList(parts)}`;
}
