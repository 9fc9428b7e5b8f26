/**
 * A phrase matcher compiled once from a term list: a trie over word tokens, so one
 * pass over a text finds every term whatever the list's size. `*` at either end of a
 * term matches any word start or end (`дешёв*`, `*sale`); no user regex is compiled,
 * so no term list can make matching slow.
 */
import { foldCase, tokenize, tokenViews, type WordToken } from "./words.js";

export interface TermSpec<T> {
  term: string;
  caseSensitive?: boolean;
  payload: T;
}

export interface TermMatch<T> {
  start: number;
  end: number;
  text: string;
  payload: T;
  /** Ranges of the matched word tokens (to check they are prose). */
  words: { start: number; end: number }[];
}

interface Entry<T> {
  spec: TermSpec<T>;
  /** Separators between the words, normalised. */
  seps: string[];
  wordCount: number;
  /** Last word matches by prefix. */
  prefix: boolean;
  /** First word matches by suffix. */
  suffix: boolean;
}

interface Node<T> {
  next: Map<string, Node<T>>;
  ends: Entry<T>[];
  /** Entries whose last word is a prefix (trailing `*`). */
  prefixEnds: Map<string, Entry<T>[]>;
}

const newNode = <T>(): Node<T> => ({ next: new Map(), ends: [], prefixEnds: new Map() });
const normSep = (s: string) => s.replace(/\s+/gu, " ");

export class PhraseMatcher<T> {
  private roots = { fold: newNode<T>(), exact: newNode<T>() };
  /** First words matched by suffix (leading `*`): suffix → node after it. */
  private suffixRoots = { fold: new Map<string, Node<T>>(), exact: new Map<string, Node<T>>() };
  private infix: { key: string; entry: Entry<T> }[] = [];
  private maxSuffixLen = 0;
  readonly size: number;

  constructor(
    specs: readonly TermSpec<T>[],
    private readonly locale: string,
  ) {
    let n = 0;
    for (const spec of specs) if (this.add(spec)) n++;
    this.size = n;
  }

  private key(s: string, caseSensitive: boolean | undefined): string {
    return caseSensitive ? s.normalize("NFC") : foldCase(s, this.locale);
  }

  private add(spec: TermSpec<T>): boolean {
    let term = spec.term.trim();
    const suffix = term.startsWith("*");
    const prefix = term.endsWith("*") && term.length > 1;
    term = term.replace(/^\*+|\*+$/g, "").trim();
    if (!term) return false;
    const toks = tokenize(term, this.locale);
    const words: string[] = [];
    const seps: string[] = [];
    let pendingSep = "";
    for (const t of toks) {
      if (t.word) {
        if (words.length) seps.push(normSep(pendingSep));
        words.push(this.key(t.text, spec.caseSensitive));
        pendingSep = "";
      } else pendingSep += t.text;
    }
    if (!words.length) return false;
    const entry: Entry<T> = { spec, seps, wordCount: words.length, prefix, suffix };
    const kind = spec.caseSensitive ? "exact" : "fold";
    if (prefix && suffix && words.length === 1) {
      this.infix.push({ key: words[0]!, entry });
      return true;
    }
    let node: Node<T>;
    let rest = words;
    if (suffix) {
      const first = words[0]!;
      this.maxSuffixLen = Math.max(this.maxSuffixLen, first.length);
      const roots = this.suffixRoots[kind];
      node = roots.get(first) ?? newNode<T>();
      roots.set(first, node);
      rest = words.slice(1);
      if (rest.length === 0) {
        if (prefix) return false;
        node.ends.push(entry);
        return true;
      }
    } else node = this.roots[kind];
    for (let i = 0; i < rest.length; i++) {
      const w = rest[i]!;
      if (i === rest.length - 1 && prefix) {
        const list = node.prefixEnds.get(w) ?? [];
        list.push(entry);
        node.prefixEnds.set(w, list);
        return true;
      }
      let nx = node.next.get(w);
      if (!nx) {
        nx = newNode<T>();
        node.next.set(w, nx);
      }
      node = nx;
    }
    node.ends.push(entry);
    return true;
  }

  /** Every non-overlapping match, leftmost first, longest first at each start. */
  match(text: string): TermMatch<T>[] {
    if (this.size === 0) return [];
    const tokens = tokenize(text, this.locale);
    const words: { tok: WordToken; sepBefore: string }[] = [];
    let sep = "";
    for (const t of tokens) {
      if (t.word) {
        words.push({ tok: t, sepBefore: normSep(sep) });
        sep = "";
      } else sep += t.text;
    }
    const out: TermMatch<T>[] = [];
    let minStart = 0;
    for (let i = 0; i < words.length; i++) {
      if (words[i]!.tok.start < minStart) continue;
      const best = this.longestAt(words, i);
      if (best) {
        out.push({ ...best, text: text.slice(best.start, best.end) });
        minStart = best.end;
      }
    }
    return out;
  }

  private longestAt(words: { tok: WordToken; sepBefore: string }[], i: number): Omit<TermMatch<T>, "text"> | undefined {
    let best: Omit<TermMatch<T>, "text"> | undefined;
    const consider = (e: Entry<T>, start: number, end: number, used: { start: number; end: number }[]) => {
      // Separators between the matched words must be the term's separators.
      for (let k = 1; k < e.wordCount; k++) if (words[i + k]!.sepBefore !== e.seps[k - 1]) return;
      if (!best || end - start > best.end - best.start) best = { start, end, payload: e.spec.payload, words: used };
    };
    for (const view of tokenViews(words[i]!.tok)) {
      for (const kind of ["fold", "exact"] as const) {
        const k0 = kind === "exact" ? view.text.normalize("NFC") : foldCase(view.text, this.locale);
        // Whole first word.
        this.walk(this.roots[kind], words, i, kind, [{ ...view, key: k0 }], consider);
        // First word by suffix (leading `*`).
        const sroots = this.suffixRoots[kind];
        if (sroots.size)
          for (let s = Math.max(0, k0.length - this.maxSuffixLen); s < k0.length; s++) {
            const node = sroots.get(k0.slice(s));
            if (!node) continue;
            for (const e of node.ends) consider(e, view.start, view.end, [{ start: view.start, end: view.end }]);
            this.walkFrom(node, words, i + 1, kind, [{ start: view.start, end: view.end }], view.start, consider);
          }
        if (kind === "fold" || this.infix.some((x) => x.entry.spec.caseSensitive))
          for (const { key, entry } of this.infix) {
            if (!!entry.spec.caseSensitive !== (kind === "exact")) continue;
            if (k0.includes(key)) consider(entry, view.start, view.end, [{ start: view.start, end: view.end }]);
          }
      }
    }
    return best;
  }

  private walk(
    root: Node<T>,
    words: { tok: WordToken; sepBefore: string }[],
    i: number,
    kind: "fold" | "exact",
    first: { start: number; end: number; key: string }[],
    consider: (e: Entry<T>, s: number, e2: number, used: { start: number; end: number }[]) => void,
  ): void {
    const f = first[0]!;
    this.prefixHits(root, f.key, (e) => consider(e, f.start, f.end, [{ start: f.start, end: f.end }]));
    const node = root.next.get(f.key);
    if (!node) return;
    for (const e of node.ends) consider(e, f.start, f.end, [{ start: f.start, end: f.end }]);
    this.walkFrom(node, words, i + 1, kind, [{ start: f.start, end: f.end }], f.start, consider);
  }

  private walkFrom(
    node: Node<T>,
    words: { tok: WordToken; sepBefore: string }[],
    j: number,
    kind: "fold" | "exact",
    used: { start: number; end: number }[],
    start: number,
    consider: (e: Entry<T>, s: number, e2: number, used: { start: number; end: number }[]) => void,
  ): void {
    let cur: Node<T> | undefined = node;
    const u = [...used];
    for (; cur && j < words.length && j - u.length < words.length; j++) {
      const t = words[j]!.tok;
      const key = kind === "exact" ? t.text.normalize("NFC") : foldCase(t.text, this.locale);
      const at = [...u, { start: t.start, end: t.end }];
      this.prefixHits(cur, key, (e) => consider(e, start, t.end, at));
      cur = cur.next.get(key);
      if (!cur) return;
      u.push({ start: t.start, end: t.end });
      for (const e of cur.ends) consider(e, start, t.end, [...u]);
    }
  }

  private prefixHits(node: Node<T>, key: string, hit: (e: Entry<T>) => void): void {
    if (node.prefixEnds.size === 0) return;
    for (let k = 1; k <= key.length; k++) {
      const list = node.prefixEnds.get(key.slice(0, k));
      if (list) for (const e of list) hit(e);
    }
  }
}
