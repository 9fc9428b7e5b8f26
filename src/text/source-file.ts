/**
 * A file a person edits, with the offset ↔ line/column arithmetic every finding needs.
 * Offsets are UTF-16 code unit indexes into `text` (the BOM, if any, removed), like ESLint's.
 */
export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units (what editors and ESLint report). */
  column: number;
}

export class SourceFile {
  private starts: number[] | undefined;
  constructor(
    /** Absolute path. */
    readonly path: string,
    /** Contents without a leading BOM. */
    readonly text: string,
    readonly bom = false,
  ) {}

  /** Where each line starts; found when first needed (a config of 100,000 tone terms rarely needs a position). */
  get lineStarts(): number[] {
    if (this.starts) return this.starts;
    const { text } = this;
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
    return (this.starts = starts);
  }

  /** Builds a SourceFile from raw file contents, removing (and remembering) a BOM. */
  static fromContents(path: string, raw: string): SourceFile {
    if (raw.charCodeAt(0) === 0xfeff) return new SourceFile(path, raw.slice(1), true);
    return new SourceFile(path, raw, false);
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.lineStarts[lo]! + 1 };
  }

  offsetAt(line: number, column: number): number {
    const start = this.lineStarts[Math.max(0, Math.min(line - 1, this.lineStarts.length - 1))] ?? 0;
    return Math.min(start + Math.max(0, column - 1), this.text.length);
  }
}
