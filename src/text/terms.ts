/**
 * A phrase matcher compiled once from a term list: a trie over word tokens, so one
 * pass over a text finds every term whatever the list's size. `*` at either end of a
 * term matches any word start or end (`дешёв*`, `*sale`); no user regex is compiled,
 * so no term list can make matching slow. Words compare by `foldKey` (NFKC width,
 * the locale's full case folding, Arabic tatweel and harakat, Greek tonos), so
 * `große Auswahl` matches `GROSSE AUSWAHL` and `رخيص*` matches `رخـيـص`; positions are
 * the original characters'.
 *
 * Terms in scripts written without spaces (Thai, Lao, Khmer, Myanmar, Chinese,
 * Japanese) are found in the text itself, not by comparing tokens, since the segmenter
 * may cut a run of such text differently from the term alone (โปรโมชั่นพิเศษ is cut
 * โปร|โม|ชั่|นพิ|เศษ). An occurrence matches when
 * - it starts and ends on the segmenter's word boundaries (ถูก in ราคาถูก), or
 * - it crosses a boundary and the text around it, segmented on its own, realigns with
 *   the segmenter's boundaries right before and after it (โปรโมชั่น + พิเศษ);
 * and never when it lies inside one segmenter word (ถูก in ถูกใจ) or inside a longer
 * word of the language data's `words` list (ถูก in ถูกต้อง, which the segmenter itself
 * splits as ถูก|ต้อง). The segmenter's dictionary is the limit: a compound it splits
 * and the data file does not list still contains its parts.
 */
import { casingClass, foldKey, foldKeyOnce, foldMapped } from "./fold.js";
import { segmenterFor, tokenize, tokenViews, type WordToken } from "./words.js";

export interface TermSpec<T> {
  term: string;
  caseSensitive?: boolean;
  /** Words the term must not match (same wildcards): `tani*` except `taniec*`. */
  except?: readonly string[];
  payload: T;
}

export interface MatcherOptions {
  /** Longer words of scripts without spaces that no shorter term matches inside (from the language data's `words`). */
  words?: readonly string[];
}

/** Letters of scripts written without spaces between words. */
const SPACELESS = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** Is a word (after width folding: ｾｰﾙ is セール) written in a script without spaces? */
function isSpaceless(word: string): boolean {
  // Those scripts (and the width forms NFKC turns into them) all lie above U+0E00.
  if (!/[\u0E00-\uFFFF]/u.test(word)) return false;
  const s = word.normalize("NFKC");
  return SPACELESS.test(s) && [...s].every((c) => SPACELESS.test(c) || /[\p{M}\u30FC\u3005]/u.test(c));
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
  /** The spec's index in the list compiled: lists of entries are kept in this order, whenever an entry is added. */
  order: number;
  /** The exceptions, as a matcher of their own. */
  except: PhraseMatcher<true> | undefined;
  /** Separators between the words, normalised. */
  seps: string[];
  wordCount: number;
  /** Last word matches by prefix. */
  prefix: boolean;
  /** First word matches by suffix. */
  suffix: boolean;
}

/**
 * A trie node; its maps and lists are made when first needed (most nodes of a big list
 * are leaves). Under a root, a word that only one single-word term ends on maps to that
 * term's index until it is looked up (PhraseMatcher.child): 100,000 terms are 100,000
 * map entries, not 300,000 objects to allocate and garbage-collect.
 */
interface Node<T> {
  next?: Map<string, Node<T> | number>;
  ends?: Entry<T>[];
  /** Entries whose last word is a prefix (trailing `*`). */
  prefixEnds?: Map<string, Entry<T>[]>;
  /** Length of the longest key in prefixEnds. */
  maxPrefix: number;
}

const newNode = <T>(): Node<T> => ({ maxPrefix: 0 });
const NO_ENTRIES: readonly never[] = [];
const NO_SEPS: string[] = [];
const endsOf = <T>(n: Node<T> | undefined): readonly Entry<T>[] => n?.ends ?? NO_ENTRIES;

/**
 * Adds an item to a list kept in the order of the specs (`order`): where two terms
 * match alike the earlier one wins, so a term compiled later (see `pending`) must not
 * come after one listed after it.
 */
function insertInOrder<X>(list: X[], item: X, order: (x: X) => number): void {
  const at = order(item);
  let hi = list.length;
  if (hi === 0 || order(list[hi - 1]!) <= at) {
    list.push(item);
    return;
  }
  let lo = 0;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (order(list[mid]!) <= at) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, item);
}
const entryOrder = <T>(e: Entry<T>) => e.order;
const keyedOrder = <T>(x: { entry: Entry<T> }) => x.entry.order;
function addEnd<T>(n: Node<T>, e: Entry<T>): void {
  insertInOrder((n.ends ??= []), e, entryOrder);
}

/** A simple word: letters of the Latin script and ASCII digits, or Cyrillic, Greek or Arabic letters and ASCII digits (one script a word). */
const SIMPLE_WORDS = [/^[\p{Script=Latin}0-9]+$/u, /^[\p{Script=Cyrillic}0-9]+$/u, /^[\p{Script=Greek}0-9]+$/u, /^[\p{Script=Arabic}0-9]+$/u];
const NOT_A_LETTER = /[^\p{L}0-9 ]/u;
/** ASCII letters and digits between single spaces: the commonest simple term, told apart without Unicode property tests. */
const ASCII_WORDS = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;

/**
 * The words of a simple term without running the segmenter: between letters and digits
 * UAX #29 never breaks (WB5, WB8–WB10), at a space it always does, and tokenize splits
 * only where a word mixes ASCII letters with another script, which a simple term never
 * does. Anything else (punctuation, marks, other scripts) is tokenized. Compiling 100,000
 * terms one segmenter call each was a third of the compile.
 */
export function simpleTermWords(term: string): string[] | undefined {
  if (ASCII_WORDS.test(term)) return term.split(" ");
  if (NOT_A_LETTER.test(term)) return undefined;
  // Words between single spaces (each test is linear: no pattern over the whole term to backtrack).
  const words = term.split(" ");
  return words.every((w) => SIMPLE_WORDS.some((re) => re.test(w))) ? words : undefined;
}

/** Is a code beyond ASCII white space to `\s` and trim (Zs, the line and paragraph separators, the BOM)? */
const isSpaceBeyondAscii = (c: number) => c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
const LETTER = /^\p{L}/u;
/** A term's first character and the marks, invisible joiners and tatweel after it (what folding may join to it). */
const FIRST_CLUSTER = /^[\s\S][\p{M}\p{Default_Ignorable_Code_Point}\u0640]*/u;
const JOINER = /^[\p{M}\p{Default_Ignorable_Code_Point}\u0640]$/u;
const LATIN = /^\p{Script=Latin}/u;
/** ASCII letters and digits but I (ı in Turkish and Azeri). */
const isAsciiAlnum = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a && c !== 0x49) || (c >= 0x30 && c <= 0x39);
const lowerAscii = (c: number) => (c >= 0x41 && c <= 0x5a ? c + 32 : c);
/** Past the buckets of bucketOf: those of terms whose first word's key also holds a character beyond ASCII (see PhraseMatcher.buckets). */
const WIDE = 128 + 128 * 128;
/** A character of a script other than Latin before the term's first white space (the first word holds no more). */
const OTHER_SCRIPT = /^[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}\s]/u;
const SPACE = /^\s/u;
/** What a character is to otherScriptInFirstWord, by UTF-16 unit (BMP only): 0 not known yet, 1 white space, 2 another script, 3 neither. */
let unitScripts: Uint8Array | undefined;
/**
 * Is there a character of a script other than Latin before the term's first white space
 * (the first word holds no more)? Each character is looked at by its code once per
 * process (a test of the regular expression for every Polish term was milliseconds).
 */
function otherScriptInFirstWord(term: string): boolean {
  const known = (unitScripts ??= new Uint8Array(0x10000));
  for (let i = 0; i < term.length; i++) {
    const c = term.charCodeAt(i);
    if (c < 0x80) {
      if (c <= 0x20 && SPACE.test(term[i]!)) return false;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      // Beyond the BMP: the code point itself.
      const ch = String.fromCodePoint(term.codePointAt(i)!);
      if (OTHER_SCRIPT.test(ch)) return true;
      i += ch.length - 1;
      continue;
    }
    let k = known[c]!;
    if (k === 0) known[c] = k = SPACE.test(term[i]!) ? 1 : OTHER_SCRIPT.test(term[i]!) ? 2 : 3;
    if (k !== 3) return k === 2;
  }
  return false;
}
/** Can a UTF-16 unit join the one before it (see PhraseMatcher.joins), by its code: 0 not known yet, 1 no, 2 yes. */
let joiners: Uint8Array | undefined;
/** PhraseMatcher.startClass of one UTF-16 unit, by locale, then by its code × 4 + case-sensitive × 2 + not first: 0 not known yet, else the class + 1. */
const UNIT_CLASSES = new Map<string, Uint8Array>();
const WAITS = 0;
const CONTINUES = 1;
const NEITHER = 2;
type StartClass = typeof WAITS | typeof CONTINUES | typeof NEITHER;
/** Is a text one word token, whole? */
function isOneWord(text: string, locale: string): boolean {
  const t = tokenize(text, locale);
  return t.length === 1 && t[0]!.word && t[0]!.text === text;
}
const ASCII_ONLY = /^[\x00-\x7f]*$/;
/** FNV-1a over UTF-16 units: one step. */
const fnv = (h: number, c: number) => Math.imul(h ^ c, 16777619);
const FNV_START = 0x811c9dc5 | 0;

/**
 * The terms that wait by their first word (see PhraseMatcher.firstWords), in two hash
 * tables of index chains (typed arrays: no string, array or map entry per term, so filing
 * 100,000 terms allocates next to nothing): one by the whole first word, one by the word
 * of a single-word term with a trailing `*`. A chain holds the terms whose words hash
 * alike; a text word takes those whose word it is (or starts with) and leaves the others.
 */
class FirstWords {
  private readonly mask: number;
  private readonly words: Int32Array;
  private readonly prefixes: Int32Array;
  /** The next index in a chain (a term is in one chain at most). */
  private readonly next: Int32Array;
  /** Length of the longest word in `prefixes`. */
  private maxPrefix = 0;
  /** Terms waiting. */
  size = 0;

  constructor(private readonly terms: readonly { term: string }[]) {
    let cap = 16;
    while (cap < terms.length) cap *= 2;
    this.mask = cap - 1;
    this.words = new Int32Array(cap).fill(-1);
    this.prefixes = new Int32Array(cap).fill(-1);
    this.next = new Int32Array(terms.length);
  }

  /**
   * Files term `i` when its first word is ASCII letters and digits, followed by nothing, by
   * a trailing `*` (it matches by prefix), or by a space and more that holds an ASCII letter
   * or digit (a second word: the first is whole, whatever else the term holds). The key
   * PhraseMatcher.add gives that first word is then the word lower-cased (`asciiLowers`: the
   * locale folds I to i; else a first word holding I is not filed). False for any other term.
   */
  file(term: string, i: number, asciiLowers: boolean): boolean {
    let h = FNV_START;
    let firstEnd = -1;
    let rest = false;
    const n = term.length;
    if (n === 0) return false;
    for (let k = 0; k < n; k++) {
      let c = term.charCodeAt(k);
      if (firstEnd >= 0) {
        // After the first space anything may follow, once it holds a word (an ASCII letter or digit): the first word is then whole.
        if (!rest && isAsciiAlnum(lowerAscii(c))) rest = true;
        continue;
      }
      if (c === 0x20) {
        if (k === 0) return false;
        firstEnd = k;
        continue;
      }
      if (c === 0x2a) {
        // A single word with a trailing `*`.
        if (k !== n - 1 || k === 0) return false;
        continue;
      }
      if (c >= 0x41 && c <= 0x5a) {
        if (c === 0x49 && !asciiLowers) return false;
        c += 32;
      } else if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39))) return false;
      h = fnv(h, c);
    }
    if (firstEnd >= 0 && !rest) return false;
    // A single word with a trailing `*` matches by prefix.
    const prefix = firstEnd < 0 && term.charCodeAt(n - 1) === 0x2a;
    const table = prefix ? this.prefixes : this.words;
    const at = h & this.mask;
    this.next[i] = table[at]!;
    table[at] = i;
    if (prefix && n - 1 > this.maxPrefix) this.maxPrefix = n - 1;
    this.size++;
    return true;
  }

  /** Removes and returns (in list order) the terms a text word whose key is `key` can start. */
  take(key: string): number[] | undefined {
    let out: number[] | undefined;
    let h = FNV_START;
    for (let k = 0; k < key.length; k++) {
      h = fnv(h, key.charCodeAt(k));
      if (k < this.maxPrefix) out = this.chain(this.prefixes, h, key, k + 1, out);
    }
    out = this.chain(this.words, h, key, key.length, out);
    return out && out.sort((a, b) => a - b);
  }

  /** Removes and returns every term waiting. */
  takeAll(): number[] {
    const out: number[] = [];
    for (const table of [this.words, this.prefixes])
      for (let at = 0; at <= this.mask; at++) {
        for (let i = table[at]!; i >= 0; i = this.next[i]!) out.push(i);
        table[at] = -1;
      }
    this.size = 0;
    return out.sort((a, b) => a - b);
  }

  /** Moves the terms of a chain whose first word is key's first `len` units (lower-cased) to `out`; the others stay. */
  private chain(table: Int32Array, h: number, key: string, len: number, out: number[] | undefined): number[] | undefined {
    const at = h & this.mask;
    let kept = -1;
    for (let i = table[at]!; i >= 0; ) {
      const after = this.next[i]!;
      if (firstWordIs(this.terms[i]!.term, key, len)) {
        (out ??= []).push(i);
        this.size--;
      } else {
        this.next[i] = kept;
        kept = i;
      }
      i = after;
    }
    table[at] = kept;
    return out;
  }
}

/** Is a term's first word (up to a space or its trailing `*`), lower-cased, key's first `len` units? For terms FirstWords filed. */
function firstWordIs(term: string, key: string, len: number): boolean {
  if (len > key.length) return false;
  for (let k = 0; k < len; k++) if (lowerAscii(term.charCodeAt(k)) !== key.charCodeAt(k)) return false;
  const c = term.charCodeAt(len);
  return Number.isNaN(c) || c === 0x20 || c === 0x2a;
}

const normSep = (s: string) => s.replace(/\s+/gu, " ");

/** The number of sorted values ≤ x (binary search). */
function upperBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A term's tokens in a locale, as one string to compare. */
const tokenSignature = (term: string, locale: string) => tokenize(term, locale).map((t) => `${t.word ? "w" : "s"}${t.text}`).join("\u0000");

/** How far around an occurrence the text is segmented again (longer than any word). */
const WINDOW = 64;

type Word = { tok: WordToken; sepBefore: string };

/** The word tokens of a text, each with the separator before it (normalised). Linear: separators are joined once. */
function wordsWithSeps(tokens: readonly WordToken[]): Word[] {
  const words: Word[] = [];
  let sep: string[] = [];
  for (const t of tokens) {
    if (t.word) {
      words.push({ tok: t, sepBefore: normSep(sep.join("")) });
      sep = [];
    } else sep.push(t.text);
  }
  return words;
}

interface SpacelessTerm<T> {
  key: string;
  entry: Entry<T>;
}

export class PhraseMatcher<T> {
  private roots = { fold: newNode<T>(), exact: newNode<T>() };
  /** First words matched by suffix (leading `*`): suffix → node after it. */
  private suffixRoots = { fold: new Map<string, Node<T>>(), exact: new Map<string, Node<T>>() };
  private infix: { key: string; entry: Entry<T> }[] = [];
  private maxSuffixLen = 0;
  private spaceless: SpacelessTerm<T>[] = [];
  private dictionary: string[];
  /** Does a term have exceptions (their matchers segment texts with this locale)? Then the compiled terms are this locale's only. */
  private localeBound = false;
  /** The terms that are not simple, with how this locale tokenized them: another locale shares the compiled terms only if it tokenizes them the same. */
  private segmented: [term: string, tokens: string][] = [];
  /**
   * The specs (by index) not compiled yet: those whose first word's key is sure to hold a
   * character beyond ASCII (see `canWait`). A text whose words all have ASCII keys (most
   * English copy) cannot match them; they are compiled when a text's word key first
   * holds another character, so a run over English campaigns does not fold the Cyrillic
   * and Arabic half of a 100,000-term list.
   */
  private pending: number[] | undefined;
  /**
   * The other terms starting with ASCII letters or digits (by index), waiting by their
   * first one or two characters (see `bucketOf`): the key of their first word starts with
   * those lower-cased, so only a text word whose key starts so can match them. Those that
   * could also wait in `pending` (młoda: the key of its first word holds ł) wait WIDE
   * further on, for a word whose key starts so and holds a character beyond ASCII: an
   * English campaign compiles none of them.
   */
  private buckets: Map<number, number[]> | undefined;
  /**
   * The terms whose first word is ASCII letters and digits, by that word (see
   * FirstWords.file): only a text word whose key is that word lower-cased can start them,
   * so a campaign compiles the terms its own words start, not the thousands that merely
   * share its words' first letters. A single word with a trailing `*` waits for a word
   * whose key starts with it.
   */
  private firstWords: FirstWords | undefined;
  /** What a cluster in a term's first word says about the term waiting (see `startClass`), by its code (or characters), case sensitivity and place. */
  private starts: Map<string, StartClass> | undefined;
  /** This locale's UNIT_CLASSES. */
  private unitClasses: Uint8Array | undefined;
  private count = 0;

  constructor(
    private readonly specs: readonly TermSpec<T>[],
    private readonly locale: string,
    options: MatcherOptions = {},
  ) {
    const pending: number[] = [];
    const buckets = new Map<number, number[]>();
    const firstWords = new FirstWords(specs);
    // Does this locale fold ASCII to its lower case (not I to ı)? Then a first word of ASCII letters is its own key, lower-cased.
    const asciiLowers = this.termKey("I", false) === "i";
    for (let i = 0; i < specs.length; i++) {
      const spec = specs[i]!;
      if (!spec.caseSensitive && firstWords.file(spec.term, i, asciiLowers)) {
        this.count++;
        continue;
      }
      const b = this.bucketOf(spec);
      if (b >= 0) {
        const at = this.canWait(spec) ? b + WIDE : b;
        const list = buckets.get(at);
        if (list) list.push(i);
        else buckets.set(at, [i]);
        this.count++;
      } else if (this.canWait(spec)) pending.push(i);
      else if (this.add(spec, i)) this.count++;
    }
    if (buckets.size) this.buckets = buckets;
    if (firstWords.size) this.firstWords = firstWords;
    if (pending.length) {
      this.pending = pending;
      this.count += pending.length;
    }
    this.dictionary = [...new Set((options.words ?? []).map((w) => foldKey(w, locale)))];
  }

  /** How many terms the matcher holds (those still pending included: each starts with a letter, so it compiles). */
  get size(): number {
    return this.count;
  }

  /**
   * Can a term be compiled later, when a text's word key first holds a character beyond
   * ASCII? When its first word is sure to have such a key: it starts (after white space
   * and `*`) with a letter that, with the marks, joiners and tatweel after it (its
   * cluster), has a key holding one; or it starts with Latin letters, one of which has
   * such a cluster (ł in `młoda`). Folding never turns such a cluster into ASCII by what
   * is around it: NFKC composes a starter only with the marks after it, and the contexts
   * of case mapping (the Turkish and Lithuanian dots, final sigma) look only at marks next
   * to a letter. The segmenter keeps Latin letters in one word (checked for the cluster:
   * it must be a word alone and after "a"), and tokenize splits a word only where ASCII
   * meets another script (none may be in the first word after ASCII), so the key of the term's first word holds such
   * a character, and so does the key of any word of a text the term matches — whole, by
   * prefix, by suffix or inside (`*sale*`). Checked letter by letter in
   * test/matcher-compile.test.ts.
   */
  private canWait(spec: TermSpec<T>): boolean {
    let term = spec.term;
    let c = term.charCodeAt(0);
    if (c <= 0x20 || c === 0x2a || (c >= 0x80 && isSpaceBeyondAscii(c))) term = term.trim().replace(/^\*+/, "").trim();
    // All ASCII without I (one regular expression, not a loop): its words' keys are ASCII.
    if (ASCII_ONLY.test(term) && !term.includes("I")) return false;
    const cs = spec.caseSensitive === true;
    for (let i = 0; i < term.length; i++) {
      c = term.charCodeAt(i);
      // ASCII letters and digits fold to ASCII (but I: ı in Turkish and Azeri, İ with a dot after it).
      if (c < 0x80 && c !== 0x49) {
        if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39)) continue;
        return false;
      }
      // One UTF-16 unit that nothing after it joins (the common case) is decided by its code alone.
      const single = (c < 0xd800 || c > 0xdfff) && !this.joins(term.charCodeAt(i + 1));
      const cluster = single ? undefined : FIRST_CLUSTER.exec(term.slice(i))![0];
      const w = cluster === undefined ? this.unitClass(term, i, cs) : this.clusterClass(cluster, cs, i > 0);
      // After ASCII, tokenize splits a word holding another script at the change (abł|д): then the first word may be ASCII.
      if (w !== CONTINUES) return w === WAITS && (i === 0 || !otherScriptInFirstWord(term));
      if (cluster !== undefined) i += cluster.length - 1;
    }
    return false;
  }

  /** Can the UTF-16 unit after another (NaN: none) join it (a mark, an invisible joiner, tatweel, or any character beyond the BMP)? */
  private joins(c1: number): boolean {
    if (Number.isNaN(c1) || c1 < 0x80) return false;
    if (c1 < 0x300) return c1 === 0xad;
    if (c1 >= 0xd800 && c1 <= 0xdfff) return true;
    const joins = (joiners ??= new Uint8Array(0x10000));
    let j = joins[c1]!;
    if (j === 0) joins[c1] = j = JOINER.test(String.fromCharCode(c1)) ? 2 : 1;
    return j === 2;
  }

  /**
   * What a cluster in a term's first word says (cached): WAITS (its key holds a character
   * beyond ASCII, and it is a word of its own), CONTINUES (a Latin letter the segmenter
   * keeps in the word, whose key is ASCII: look further), or NEITHER (compile now). After
   * the start only Latin letters count: another script may be a word of its own.
   */
  private startClass(cluster: string, caseSensitive: boolean, inside: boolean): StartClass {
    let w: StartClass = NEITHER;
    if (LETTER.test(cluster) && (!inside || LATIN.test(cluster)) && isOneWord(cluster, this.locale) && (!inside || isOneWord(`a${cluster}`, this.locale)))
      w = ASCII_ONLY.test(this.termKey(cluster, caseSensitive)) ? (LATIN.test(cluster) ? CONTINUES : NEITHER) : WAITS;
    return w;
  }

  /** startClass of the one UTF-16 unit at term[i] (nothing after it joins it), cached for the locale by its code. */
  private unitClass(term: string, i: number, caseSensitive: boolean): StartClass {
    let classes = this.unitClasses;
    if (!classes) {
      classes = UNIT_CLASSES.get(this.locale);
      if (!classes) UNIT_CLASSES.set(this.locale, (classes = new Uint8Array(0x40000)));
      this.unitClasses = classes;
    }
    const at = term.charCodeAt(i) * 4 + (caseSensitive ? 2 : 0) + (i ? 1 : 0);
    const known = classes[at]!;
    if (known) return (known - 1) as StartClass;
    const w = this.startClass(term[i]!, caseSensitive, i > 0);
    classes[at] = w + 1;
    return w;
  }

  /** startClass of a cluster of several units, cached by its characters. */
  private clusterClass(cluster: string, caseSensitive: boolean, inside: boolean): StartClass {
    const classes = (this.starts ??= new Map());
    const key = `${cluster}\u0000${caseSensitive ? 1 : 0}${inside ? 1 : 0}`;
    let w = classes.get(key);
    if (w === undefined) classes.set(key, (w = this.startClass(cluster, caseSensitive, inside)));
    return w;
  }

  /** The node after `key` (made from a term's index where the map holds one). */
  private child(node: Node<T>, key: string): Node<T> | undefined {
    const c = node.next?.get(key);
    if (typeof c !== "number") return c;
    const n = newNode<T>();
    addEnd(n, { spec: this.specs[c]!, order: c, seps: NO_SEPS, wordCount: 1, prefix: false, suffix: false, except: undefined });
    node.next!.set(key, n);
    return n;
  }

  /**
   * Where a term starting with ASCII letters or digits waits (see `buckets`): its first one
   * or two characters, lower-cased, as a number (c, or 128 + c0 × 128 + c1); -1 when it
   * does not (case-sensitive, wildcard or white space first, I — ı in Turkish —, or a mark
   * that folds with them after).
   */
  private bucketOf(spec: TermSpec<T>): number {
    if (spec.caseSensitive) return -1;
    const t = spec.term;
    const c0 = t.charCodeAt(0);
    if (!isAsciiAlnum(c0) || this.joins(t.charCodeAt(1))) return -1;
    const c1 = t.charCodeAt(1);
    if (isAsciiAlnum(c1) && !this.joins(t.charCodeAt(2))) return 128 + lowerAscii(c0) * 128 + lowerAscii(c1);
    return lowerAscii(c0);
  }

  /** Compiles the terms that wait for a word whose (folded) key starts like `k0` (and, `wide`, holds a character beyond ASCII). */
  private compileBuckets(k0: string, wide: boolean): void {
    const c0 = k0.charCodeAt(0);
    if (!(c0 < 0x80)) return;
    const c1 = k0.charCodeAt(1);
    for (const b of c1 < 0x80 ? [c0, 128 + c0 * 128 + c1] : [c0]) {
      this.compileBucket(b);
      if (wide) this.compileBucket(b + WIDE);
    }
  }

  private compileBucket(b: number): void {
    const list = this.buckets!.get(b);
    if (!list) return;
    this.buckets!.delete(b);
    this.addWaiting(list);
  }

  /** Compiles the terms waiting for a word whose key is not all ASCII. */
  private compileNonAscii(): void {
    const pending = this.pending;
    this.pending = undefined;
    this.addWaiting(pending);
  }

  /** Compiles every term still waiting (a text has a word they may match, or the whole matcher is needed). */
  private compilePending(): void {
    const buckets = this.buckets;
    this.buckets = undefined;
    for (const list of buckets?.values() ?? []) this.addWaiting(list);
    this.addWaiting(this.firstWords?.takeAll());
    this.firstWords = undefined;
    this.compileNonAscii();
  }

  /** Compiles waiting terms (by index); each was counted in `size`. */
  private addWaiting(list: readonly number[] | undefined): void {
    for (const i of list ?? []) if (!this.add(this.specs[i]!, i)) this.count--;
  }

  /** How many terms wait to be compiled (for tests: what a text compiled). */
  waiting(): number {
    let n = this.pending?.length ?? 0;
    for (const list of this.buckets?.values() ?? []) n += list.length;
    n += this.firstWords?.size ?? 0;
    return n;
  }

  /**
   * These compiled terms for texts of another locale, when they would compile the same
   * there: the same casing class (keys are folded with the locale's case mapping), no
   * exceptions, and the terms that are not simple tokenized the same by both locales. Else
   * undefined. Texts are still tokenized and folded with the given locale.
   */
  forLocale(locale: string): PhraseMatcher<T> | undefined {
    if (locale === this.locale) return this;
    if (casingClass(locale) !== casingClass(this.locale)) return undefined;
    // Whether the terms compile the same there depends on every term, and a copy must not compile any with its own locale.
    this.compilePending();
    if (this.localeBound) return undefined;
    if (this.segmented.some(([term, tokens]) => tokenSignature(term, locale) !== tokens)) return undefined;
    return Object.assign(Object.create(PhraseMatcher.prototype) as PhraseMatcher<T>, this, { locale });
  }

  /**
   * Could forLocale give these terms to another locale (before compiling any more of
   * them)? False when it surely cannot: the same locale, another casing class, or a term
   * with exceptions (their matchers are the locale's own).
   */
  canShare(locale: string): boolean {
    return locale !== this.locale && casingClass(locale) === casingClass(this.locale) && !this.specs.some((s) => s.except?.length);
  }

  /** The compiled matcher as plain data (JSON), each term by its index in the specs it was compiled from: for a cache on disk. */
  compiled(): CompiledTerms {
    this.compilePending();
    const index = new Map(this.specs.map((spec, i) => [spec, i]));
    const entries: SEntry[] = [];
    const ids = new Map<Entry<T>, number>();
    const id = (e: Entry<T>): number => {
      let n = ids.get(e);
      if (n === undefined) {
        n = entries.length;
        ids.set(e, n);
        const row: SEntry = [index.get(e.spec)!, e.seps, e.wordCount, e.prefix ? 1 : 0, e.suffix ? 1 : 0];
        if (e.except) row.push(e.except.compiled());
        entries.push(row);
      }
      return n;
    };
    // A word only one single-word term ends on stays that term's index (see Node): most of a big list, never made into nodes here.
    const node = (n: Node<T>): SNode => ({
      ...(n.next ? { n: [...n.next].map(([k, c]) => [k, typeof c === "number" ? c : node(c)] as [string, SNode | number]) } : {}),
      ...(n.ends ? { e: n.ends.map(id) } : {}),
      ...(n.prefixEnds ? { p: [...n.prefixEnds].map(([k, l]) => [k, l.map(id)] as [string, number[]]) } : {}),
      ...(n.maxPrefix ? { m: n.maxPrefix } : {}),
    });
    const roots = { fold: node(this.roots.fold), exact: node(this.roots.exact) };
    const suffixRoots = { fold: [...this.suffixRoots.fold].map(([k, n]) => [k, node(n)] as [string, SNode]), exact: [...this.suffixRoots.exact].map(([k, n]) => [k, node(n)] as [string, SNode]) };
    const infix = this.infix.map((x) => [x.key, id(x.entry)] as [string, number]);
    const spaceless = this.spaceless.map((x) => [x.key, id(x.entry)] as [string, number]);
    return { v: COMPILED_FORMAT, locale: this.locale, size: this.count, localeBound: this.localeBound, segmented: this.segmented, maxSuffixLen: this.maxSuffixLen, dictionary: this.dictionary, entries, roots, suffixRoots, infix, spaceless };
  }

  /**
   * A matcher from `compiled()` data and the same specs; undefined when the data does not
   * have the expected shape or does not fit the specs (then compile instead).
   */
  static fromCompiled<T>(data: unknown, specs: readonly TermSpec<T>[]): PhraseMatcher<T> | undefined {
    try {
      return restore(data, specs);
    } catch {
      return undefined;
    }
  }

  private key(s: string, caseSensitive: boolean | undefined): string {
    return caseSensitive ? s.normalize("NFC") : foldKey(s, this.locale);
  }

  /** A term word's key: as `key`, without filling the fold cache with words seen once. */
  private termKey(s: string, caseSensitive: boolean | undefined): string {
    return caseSensitive ? s.normalize("NFC") : foldKeyOnce(s, this.locale);
  }

  private add(spec: TermSpec<T>, order: number): boolean {
    let term = spec.term.trim();
    const suffix = term.charCodeAt(0) === 0x2a;
    const prefix = term.length > 1 && term.charCodeAt(term.length - 1) === 0x2a;
    if (suffix || prefix) term = term.replace(/^\*+|\*+$/g, "").trim();
    if (!term) return false;
    const except = spec.except?.length ? new PhraseMatcher<true>(spec.except.map((t) => ({ term: t, caseSensitive: spec.caseSensitive, payload: true })), this.locale) : undefined;
    if (except) this.localeBound = true;
    if (isSpaceless(term)) {
      insertInOrder(this.spaceless, { key: foldKey(term, this.locale), entry: { spec, order, seps: NO_SEPS, wordCount: 1, prefix, suffix, except } }, keyedOrder);
      return true;
    }
    const words: string[] = [];
    let seps = NO_SEPS;
    const simple = simpleTermWords(term);
    if (simple) {
      for (const w of simple) words.push(this.termKey(w, spec.caseSensitive));
      if (simple.length > 1) seps = simple.slice(1).map(() => " ");
    } else {
      seps = [];
      this.segmented.push([term, tokenSignature(term, this.locale)]);
      let pendingSep = "";
      for (const t of tokenize(term, this.locale)) {
        if (t.word) {
          if (words.length) seps.push(normSep(pendingSep));
          words.push(this.termKey(t.text, spec.caseSensitive));
          pendingSep = "";
        } else pendingSep += t.text;
      }
    }
    if (!words.length) return false;
    const entry: Entry<T> = { spec, order, seps, wordCount: words.length, prefix, suffix, except };
    const kind = spec.caseSensitive ? "exact" : "fold";
    if (prefix && suffix && words.length === 1) {
      insertInOrder(this.infix, { key: words[0]!, entry }, keyedOrder);
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
        addEnd(node, entry);
        return true;
      }
    } else {
      node = this.roots[kind];
      if (words.length === 1 && !prefix && !except) {
        const next = (node.next ??= new Map());
        if (!next.has(words[0]!)) {
          next.set(words[0]!, order);
          return true;
        }
      }
    }
    for (let i = 0; i < rest.length; i++) {
      const w = rest[i]!;
      if (i === rest.length - 1 && prefix) {
        const ends = (node.prefixEnds ??= new Map());
        const list = ends.get(w) ?? [];
        insertInOrder(list, entry, entryOrder);
        ends.set(w, list);
        node.maxPrefix = Math.max(node.maxPrefix, w.length);
        return true;
      }
      let nx = this.child(node, w);
      if (!nx) {
        nx = newNode<T>();
        (node.next ??= new Map()).set(w, nx);
      }
      node = nx;
    }
    addEnd(node, entry);
    return true;
  }

  /** Every non-overlapping match, leftmost first, longest first at each start. */
  match(text: string): TermMatch<T>[] {
    if (this.size === 0) return [];
    const tokens = tokenize(text, this.locale);
    const words = wordsWithSeps(tokens);
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
    // A spaceless term waiting (see `pending`) could match a run this pass skipped.
    if (this.pending && tokens.some((t) => t.word && isSpaceless(t.text))) this.compileNonAscii();
    if (!this.spaceless.length) return out;
    // Merge the matches in scripts without spaces, keeping the leftmost, then longest.
    const all = [...out, ...this.spacelessMatches(text, tokens)].sort((a, b) => a.start - b.start || b.end - a.end);
    const merged: TermMatch<T>[] = [];
    for (const m of all) if (!merged.length || m.start >= merged[merged.length - 1]!.end) merged.push(m);
    return merged;
  }

  /** Occurrences of the spaceless terms, by the rules in the module comment. */
  private spacelessMatches(text: string, tokens: readonly WordToken[]): TermMatch<T>[] {
    const out: TermMatch<T>[] = [];
    const words = tokens.filter((t) => t.word);
    for (let i = 0; i < words.length; ) {
      if (!isSpaceless(words[i]!.text)) {
        i++;
        continue;
      }
      // A run: adjacent word tokens in scripts without spaces.
      let j = i + 1;
      while (j < words.length && words[j]!.start === words[j - 1]!.end && isSpaceless(words[j]!.text)) j++;
      const run = words.slice(i, j);
      out.push(...this.matchRun(text, run));
      i = j;
    }
    return out;
  }

  private matchRun(text: string, run: readonly WordToken[]): TermMatch<T>[] {
    const start = run[0]!.start;
    const end = run[run.length - 1]!.end;
    const bounds = new Set(run.flatMap((t) => [t.start, t.end]));
    const starts = run.map((t) => t.start);
    const f = foldMapped(text.slice(start, end), this.locale);
    const at = (k: number) => start + f.from[k]!;
    const atEnd = (k: number) => start + f.to[k]!;
    // Occurrences of the data's longer words, sorted by start (indexOf finds them in order per word).
    const dict: { start: number; end: number }[] = [];
    let longest = 0;
    for (const w of this.dictionary) {
      longest = Math.max(longest, w.length);
      for (let k = f.text.indexOf(w); k !== -1; k = f.text.indexOf(w, k + 1)) dict.push({ start: at(k), end: atEnd(k + w.length - 1) });
    }
    dict.sort((x, y) => x.start - y.start);
    const dictStarts = dict.map((d) => d.start);
    /** Is [a, b) inside a longer word of the data? Only words starting at most `longest` characters before a can hold it. */
    const inDictWord = (a: number, b: number) => {
      for (let k = upperBound(dictStarts, a) - 1; k >= 0 && dict[k]!.start >= a - longest * 2; k--) if (b <= dict[k]!.end && dict[k]!.end - dict[k]!.start > b - a) return true;
      return false;
    };
    /** The segmenter token holding offset a. */
    const tokenAt = (a: number) => run[Math.max(0, upperBound(starts, a) - 1)]!;
    // Segmenting a bounded window on either side keeps this linear in the run's length.
    const seg = segmenterFor(this.locale);
    const firstWordEnd = (from: number) => {
      for (const s of seg.segment(text.slice(from, Math.min(end, from + WINDOW)))) return from + s.segment.length;
      return end;
    };
    const lastWordStart = (to: number) => {
      const from = Math.max(start, to - WINDOW);
      let last = from;
      for (const s of seg.segment(text.slice(from, to))) last = from + s.index;
      return last;
    };
    const out: TermMatch<T>[] = [];
    for (const { key, entry } of this.spaceless)
      for (let k = f.text.indexOf(key); k !== -1; k = f.text.indexOf(key, k + 1)) {
        const a = at(k);
        const b = atEnd(k + key.length - 1);
        if (entry.except && entry.except.match(text.slice(a, Math.min(end, a + WINDOW))).some((m) => m.start === 0)) continue;
        const t = tokenAt(a);
        const inside = t.start <= a && b <= t.end && (t.start !== a || t.end !== b);
        const startOk = entry.suffix || bounds.has(a) || (!inside && bounds.has(lastWordStart(a)));
        const endOk = entry.prefix || bounds.has(b) || (!inside && (b === end || bounds.has(firstWordEnd(b))));
        if (!startOk || !endOk || (inside && !(entry.suffix || entry.prefix))) continue;
        if (inDictWord(a, b)) continue;
        out.push({ start: a, end: b, text: text.slice(a, b), payload: entry.spec.payload, words: [{ start: a, end: b }] });
      }
    return out;
  }

  private longestAt(words: Word[], i: number): Omit<TermMatch<T>, "text"> | undefined {
    // The best match so far: its first word's range (a view of words[i]), the index of its last word and where it ends.
    let best: { start: number; end: number; payload: T; first: { start: number; end: number }; last: number } | undefined;
    const consider = (e: Entry<T>, first: { start: number; end: number }, last: number, lastEnd?: number) => {
      // Separators between the matched words must be the term's separators.
      for (let k = 1; k < e.wordCount; k++) if (words[i + k]!.sepBefore !== e.seps[k - 1]) return;
      const end = lastEnd ?? (last === i ? first.end : words[last]!.tok.end);
      if (best && end - first.start <= best.end - best.start) return;
      // An exception ("taniec*" for "tani*") that matches here takes the word out.
      if (e.except?.longestAt(words, i)) return;
      best = { start: first.start, end, payload: e.spec.payload, first, last };
    };
    for (const view of tokenViews(words[i]!.tok)) {
      const first = { start: view.start, end: view.end };
      for (const kind of ["fold", "exact"] as const) {
        const k0 = this.key(view.text, kind === "exact");
        // Terms waiting to be compiled can only match a word whose key is not all ASCII, or starts like theirs.
        const wide = (this.pending || this.buckets) && !ASCII_ONLY.test(k0);
        if (this.pending && wide) this.compileNonAscii();
        if (kind === "fold") {
          if (this.firstWords?.size) this.addWaiting(this.firstWords.take(k0));
          if (this.buckets) this.compileBuckets(k0, !!wide);
        }
        // Whole first word.
        const root = this.roots[kind];
        this.prefixHits(root, k0, (e) => consider(e, first, i));
        const node = this.child(root, k0);
        if (node) {
          for (const e of endsOf(node)) consider(e, first, i);
          if (view.end === words[i]!.tok.end) this.walkFrom(node, words, i, kind, first, consider);
        }
        // First word by suffix (leading `*`).
        const sroots = this.suffixRoots[kind];
        if (sroots.size)
          for (let s = Math.max(0, k0.length - this.maxSuffixLen); s < k0.length; s++) {
            const snode = sroots.get(k0.slice(s));
            if (!snode) continue;
            for (const e of endsOf(snode)) consider(e, first, i);
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
    for (let k = i + 1; k <= b.last; k++) used.push({ start: words[k]!.tok.start, end: k === b.last ? b.end : words[k]!.tok.end });
    return { start: b.start, end: b.end, payload: b.payload, words: used };
  }

  /**
   * Follows the trie from `node` over the words after `i`, reporting every term that
   * ends; a term may end on a view of a word (`e-mail` in `e-mail’s`).
   */
  private walkFrom(
    node: Node<T>,
    words: Word[],
    i: number,
    kind: "fold" | "exact",
    first: { start: number; end: number },
    consider: (e: Entry<T>, first: { start: number; end: number }, last: number, lastEnd?: number) => void,
  ): void {
    let cur: Node<T> | undefined = node;
    for (let j = i + 1; cur && j < words.length; j++) {
      const t = words[j]!.tok;
      const here: Node<T> = cur;
      for (const view of tokenViews(t).slice(1)) {
        if (view.start !== t.start) continue;
        const vk = this.key(view.text, kind === "exact");
        this.prefixHits(here, vk, (e) => consider(e, first, j, view.end));
        for (const e of endsOf(this.child(here, vk))) consider(e, first, j, view.end);
      }
      const key = this.key(t.text, kind === "exact");
      this.prefixHits(here, key, (e) => consider(e, first, j));
      cur = this.child(here, key);
      if (!cur) return;
      for (const e of endsOf(cur)) consider(e, first, j);
    }
  }

  private prefixHits(node: Node<T>, key: string, hit: (e: Entry<T>) => void): void {
    const ends = node.prefixEnds;
    if (!ends) return;
    for (let k = 1, n = Math.min(key.length, node.maxPrefix); k <= n; k++) {
      const list = ends.get(key.slice(0, k));
      if (list) for (const e of list) hit(e);
    }
  }
}

/** The version of `compiled()` data. */
const COMPILED_FORMAT = 3;
type SEntry = [spec: number, seps: string[], wordCount: number, prefix: 0 | 1, suffix: 0 | 1, except?: CompiledTerms];
interface SNode {
  /** The nodes after each word; a number is the index of the one single-word term that ends there (see Node). */
  n?: [string, SNode | number][];
  e?: number[];
  p?: [string, number[]][];
  m?: number;
}
/** A compiled matcher as plain data (see PhraseMatcher.compiled). */
export interface CompiledTerms {
  v: number;
  locale: string;
  size: number;
  localeBound: boolean;
  segmented: [string, string][];
  maxSuffixLen: number;
  dictionary: string[];
  entries: SEntry[];
  roots: { fold: SNode; exact: SNode };
  suffixRoots: { fold: [string, SNode][]; exact: [string, SNode][] };
  infix: [string, number][];
  spaceless: [string, number][];
}

class BadCompiled extends Error {}
function check(ok: boolean): asserts ok {
  if (!ok) throw new BadCompiled();
}
const isStr = (x: unknown): x is string => typeof x === "string";
const isNat = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;
const pairs = (x: unknown): [unknown, unknown][] => {
  check(Array.isArray(x) && x.every((p) => Array.isArray(p) && p.length === 2 && isStr(p[0])));
  return x as [unknown, unknown][];
};

/** PhraseMatcher.fromCompiled's work: every field checked, every index in range; throws BadCompiled. */
function restore<T>(data: unknown, specs: readonly TermSpec<T>[]): PhraseMatcher<T> {
  const d = data as CompiledTerms;
  check(!!d && typeof d === "object" && d.v === COMPILED_FORMAT && isStr(d.locale) && isNat(d.size) && typeof d.localeBound === "boolean" && isNat(d.maxSuffixLen));
  check(Array.isArray(d.segmented) && d.segmented.every((x) => Array.isArray(x) && x.length === 2 && isStr(x[0]) && isStr(x[1])));
  check(Array.isArray(d.dictionary) && d.dictionary.every(isStr) && Array.isArray(d.entries) && Array.isArray(d.infix) && Array.isArray(d.spaceless));
  const entries: Entry<T>[] = d.entries.map((e) => {
    check(Array.isArray(e) && (e.length === 5 || e.length === 6) && isNat(e[0]) && e[0] < specs.length && Array.isArray(e[1]) && e[1].every(isStr) && isNat(e[2]) && (e[3] === 0 || e[3] === 1) && (e[4] === 0 || e[4] === 1));
    const spec = specs[e[0]]!;
    const entry: Entry<T> = { spec, order: e[0], seps: e[1], wordCount: e[2], prefix: e[3] === 1, suffix: e[4] === 1, except: undefined };
    if (e.length === 6) {
      check(!!spec.except?.length);
      entry.except = restore(e[5], spec.except!.map((t) => ({ term: t, caseSensitive: spec.caseSensitive, payload: true as const })));
    } else check(!spec.except?.length);
    return entry;
  });
  const entryAt = (i: unknown): Entry<T> => {
    check(isNat(i) && i < entries.length);
    return entries[i]!;
  };
  const node = (x: unknown): Node<T> => {
    const n = x as SNode;
    check(!!n && typeof n === "object");
    const out: Node<T> = { maxPrefix: n.m ?? 0 };
    check(isNat(out.maxPrefix));
    if (n.n !== undefined)
      out.next = new Map(
        pairs(n.n).map(([k, c]): [string, Node<T> | number] => {
          if (typeof c !== "number") return [k as string, node(c)];
          check(isNat(c) && c < specs.length);
          return [k as string, c];
        }),
      );
    if (n.e !== undefined) {
      check(Array.isArray(n.e));
      out.ends = n.e.map(entryAt);
    }
    if (n.p !== undefined)
      out.prefixEnds = new Map(
        pairs(n.p).map(([k, l]) => {
          check(Array.isArray(l));
          return [k as string, l.map(entryAt)];
        }),
      );
    return out;
  };
  check(!!d.roots && !!d.suffixRoots);
  const m = Object.create(PhraseMatcher.prototype) as PhraseMatcher<T>;
  const keyed = (list: unknown) => pairs(list).map(([k, i]) => ({ key: k as string, entry: entryAt(i) }));
  return Object.assign(m, {
    specs,
    locale: d.locale,
    roots: { fold: node(d.roots.fold), exact: node(d.roots.exact) },
    suffixRoots: { fold: new Map(pairs(d.suffixRoots.fold).map(([k, n]) => [k as string, node(n)])), exact: new Map(pairs(d.suffixRoots.exact).map(([k, n]) => [k as string, node(n)])) },
    infix: keyed(d.infix),
    spaceless: keyed(d.spaceless),
    maxSuffixLen: d.maxSuffixLen,
    dictionary: d.dictionary,
    localeBound: d.localeBound,
    segmented: d.segmented,
    pending: undefined,
    count: d.size,
  });
}

/** A text lower-cased with the locale and its white-space runs turned into one space, with a map back to the original. */
function looseText(s: string, locale: string): { out: string; from: number[]; to: number[] } {
  const parts: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  // Built as a list of parts, never by appending to a string and reading its end (which copies the string each time).
  let space = false;
  let i = 0;
  for (const ch of s) {
    const at = i;
    i += ch.length;
    if (/\s/u.test(ch)) {
      if (space) {
        to[to.length - 1] = i;
        continue;
      }
      space = true;
      parts.push(" ");
      from.push(at);
      to.push(i);
      continue;
    }
    space = false;
    for (const c of ch.toLocaleLowerCase(locale)) {
      parts.push(c);
      for (let k = 0; k < c.length; k++) {
        from.push(at);
        to.push(i);
      }
    }
  }
  return { out: parts.join(""), from, to };
}

/** Occurrences of `needle` in `text`, ignoring case and differences in white space; offsets are in `text`. Linear. */
export function findLoose(text: string, needle: string, locale: string): { start: number; end: number }[] {
  const key = looseText(needle.trim(), locale).out;
  if (!key) return [];
  const hay = looseText(text, locale);
  const found: { start: number; end: number }[] = [];
  for (let k = hay.out.indexOf(key); k !== -1; k = hay.out.indexOf(key, k + key.length)) found.push({ start: hay.from[k]!, end: hay.to[k + key.length - 1]! });
  return found;
}
