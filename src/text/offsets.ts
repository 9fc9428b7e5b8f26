/**
 * Lookups around an offset that stay linear however many offsets a rule asks about:
 * sorted offsets of the characters that pass a test (line breaks, white space), found
 * on either side of an offset by binary search, instead of a scan per question.
 */

/** The first index below `n` where `past` holds (`past` is false, then true, over 0…n-1), or `n`. */
export function firstIndex(n: number, past: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (past(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The offsets of a text's UTF-16 units that pass `test` (a function of the unit, or a
 * pattern matching single units, found in one regex pass), in order.
 */
export class CharOffsets {
  private readonly at: number[] = [];
  constructor(
    readonly text: string,
    test: ((unit: string) => boolean) | RegExp,
  ) {
    if (test instanceof RegExp) for (const m of text.matchAll(new RegExp(test.source, test.flags.includes("g") ? test.flags : test.flags + "g"))) this.at.push(m.index);
    else for (let i = 0; i < text.length; i++) if (test(text[i]!)) this.at.push(i);
  }

  /** The last such offset before `offset`, or -1. */
  before(offset: number): number {
    const k = firstIndex(this.at.length, (i) => this.at[i]! >= offset);
    return k > 0 ? this.at[k - 1]! : -1;
  }

  /** The first such offset at or after `offset`, or -1. */
  from(offset: number): number {
    return this.at[firstIndex(this.at.length, (i) => this.at[i]! >= offset)] ?? -1;
  }
}
