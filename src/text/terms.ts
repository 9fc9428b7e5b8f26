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
  /** Length of the longest key in prefixEnds. */
  maxPrefix: number;
}

const newNode = <T>(): Node<T> => ({ next: new Map(), ends: [], prefixEnds: new Map(), maxPrefix: 0 });
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
        node.maxPrefix = Math.max(node.maxPrefix, w.length);
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
    // The best match so far: its first word's range (a view of words[i]) and the index of its last word.
    let best: { start: number; end: number; payload: T; first: { start: number; end: number }; last: number } | undefined;
    const consider = (e: Entry<T>, first: { start: number; end: number }, last: number) => {
      // Separators between the matched words must be the term's separators.
      for (let k = 1; k < e.wordCount; k++) if (words[i + k]!.sepBefore !== e.seps[k - 1]) return;
      const end = last === i ? first.end : words[last]!.tok.end;
      if (!best || end - first.start > best.end - best.start) best = { start: first.start, end, payload: e.spec.payload, first, last };
    };
    for (const view of tokenViews(words[i]!.tok)) {
      const first = { start: view.start, end: view.end };
      for (const kind of ["fold", "exact"] as const) {
        const k0 = kind === "exact" ? view.text.normalize("NFC") : foldCase(view.text, this.locale);
        // Whole first word.
        const root = this.roots[kind];
        this.prefixHits(root, k0, (e) => consider(e, first, i));
        const node = root.next.get(k0);
        if (node) {
          for (const e of node.ends) consider(e, first, i);
          this.walkFrom(node, words, i, kind, first, consider);
        }
        // First word by suffix (leading `*`).
        const sroots = this.suffixRoots[kind];
        if (sroots.size)
          for (let s = Math.max(0, k0.length - this.maxSuffixLen); s < k0.length; s++) {
            const snode = sroots.get(k0.slice(s));
            if (!snode) continue;
            for (const e of snode.ends) consider(e, first, i);
            this.walkFrom(snode, words, i, kind, first, consider);
          }
        if (kind === "fold" || this.infix.some((x) => x.entry.spec.caseSensitive))
          for (const { key, entry } of this.infix) {
            if (!!entry.spec.caseSensitive !== (kind === "exact")) continue;
            if (k0.includes(key)) consider(entry, first, i);
          }
      }
    }
    if (!best) return undefined;
    const b = best as NonNullable<typeof best>;
    const used = [b.first];
    for (let k = i + 1; k <= b.last; k++) used.push({ start: words[k]!.tok.start, end: words[k]!.tok.end });
    return { start: b.start, end: b.end, payload: b.payload, words: used };
  }

  /** Follows the trie from `node` over the words after `i`, reporting every term that ends. */
  private walkFrom(
    node: Node<T>,
    words: { tok: WordToken; sepBefore: string }[],
    i: number,
    kind: "fold" | "exact",
    first: { start: number; end: number },
    consider: (e: Entry<T>, first: { start: number; end: number }, last: number) => void,
  ): void {
    let cur: Node<T> | undefined = node;
    for (let j = i + 1; cur && j < words.length; j++) {
      const t = words[j]!.tok;
      const key = kind === "exact" ? t.text.normalize("NFC") : foldCase(t.text, this.locale);
      this.prefixHits(cur, key, (e) => consider(e, first, j));
      cur = cur.next.get(key);
      if (!cur) return;
      for (const e of cur.ends) consider(e, first, j);
    }
  }

  private prefixHits(node: Node<T>, key: string, hit: (e: Entry<T>) => void): void {
    if (node.prefixEnds.size === 0) return;
    for (let k = 1, n = Math.min(key.length, node.maxPrefix); k <= n; k++) {
      const list = node.prefixEnds.get(key.slice(0, k));
      if (list) for (const e of list) hit(e);
    }
  }
}
