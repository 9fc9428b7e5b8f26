/**
 * A streamed run's results in the report's order. The report lists files by path as
 * `toResults` sorts them (String#localeCompare); campaigns finish in folder order, which
 * is not always that order (upper and lower case, punctuation). A result is written once
 * nothing still to come can sort before it: every file of a campaign sorts at or after its
 * folder's path, so the bound is the least folder among the campaigns not yet done, and
 * any file held open until the end (the config: every campaign may report on it).
 */
import { lazy } from "./text/lazy.js";

/** localeCompare with no locale and no options (what toResults sorts with), made on first use. */
const collator = lazy(() => new Intl.Collator());
export const compareKeys = (a: string, b: string): number => collator().compare(a, b);

/** For each i, the least of keys[i..] (undefined past the end). */
export function suffixMinima(keys: readonly string[]): (string | undefined)[] {
  const out = new Array<string | undefined>(keys.length + 1);
  out[keys.length] = undefined;
  for (let i = keys.length - 1; i >= 0; i--) {
    const next = out[i + 1];
    out[i] = next === undefined || compareKeys(keys[i]!, next) < 0 ? keys[i]! : next;
  }
  return out;
}

/** The lesser of two bounds (undefined = none). */
export function lesser(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return compareKeys(a, b) <= 0 ? a : b;
}

/** Items waiting for their turn, sorted by key; equal keys keep the order they came in. */
export class OrderedQueue<T> {
  private pending: { key: string; item: T }[] = [];

  constructor(private readonly write: (item: T) => void) {}

  get size(): number {
    return this.pending.length;
  }

  add(key: string, item: T): void {
    // After the last key that does not sort after this one.
    let lo = 0;
    let hi = this.pending.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareKeys(this.pending[mid]!.key, key) <= 0) lo = mid + 1;
      else hi = mid;
    }
    this.pending.splice(lo, 0, { key, item });
  }

  /** Writes every item that sorts before `bound` (all of them when there is none); returns how many. */
  drain(bound: string | undefined): number {
    let n = 0;
    while (n < this.pending.length && (bound === undefined || compareKeys(this.pending[n]!.key, bound) < 0)) n++;
    const out = this.pending.splice(0, n);
    for (const x of out) this.write(x.item);
    return n;
  }
}
