/** Strict JSON parsing with positions (jsonc-parser), for the config, campaign.json and push.json. */
import { createScanner, findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError, type SyntaxKind } from "jsonc-parser";
import { showPath, type JsonPath, type Locator, type Problem } from "./problems.js";

export interface JsonDoc {
  value: unknown;
  tree: Node | undefined;
  /** Syntax errors, located; empty when the text is valid JSON. */
  errors: Problem[];
  /** Keys written twice in one object (JSON.parse silently keeps the last), at the later one. */
  duplicates: Problem[];
  locate: Locator;
  /** The string at a path: its source range (without the quotes) and its value. */
  stringAt(path: JsonPath): { start: number; end: number; value: string } | undefined;
}

const SYNTAX_WORDS: Record<string, string> = {
  InvalidSymbol: "unexpected character",
  InvalidNumberFormat: "invalid number",
  PropertyNameExpected: "expected a key in double quotes",
  ValueExpected: "expected a value",
  ColonExpected: 'expected ":" after the key',
  CommaExpected: 'expected "," between items',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: "unexpected text after the end",
  InvalidCommentToken: "comments are not allowed in JSON",
  UnexpectedEndOfComment: "unfinished comment",
  UnexpectedEndOfString: "unfinished text (a missing closing quote?)",
  UnexpectedEndOfNumber: "unfinished number",
  InvalidUnicode: "invalid \\u escape",
  InvalidEscapeCharacter: "invalid escape",
  InvalidCharacter: "invalid character in text (control characters must be escaped)",
};

/**
 * How deep objects and arrays may nest. brandlint's files nest a few levels; the limit
 * keeps jsonc-parser's recursive descent (and every walk over the value) far from the
 * stack's end, whatever the thread's stack size.
 */
export const MAX_JSON_DEPTH = 100;

// jsonc-parser's SyntaxKind is a const enum (not importable as a value here).
const OPEN_BRACE = 1 as SyntaxKind;
const CLOSE_BRACE = 2 as SyntaxKind;
const OPEN_BRACKET = 3 as SyntaxKind;
const CLOSE_BRACKET = 4 as SyntaxKind;
const EOF = 17 as SyntaxKind;

/** Where brackets first nest past MAX_JSON_DEPTH, found with jsonc-parser's scanner (no recursion). */
function scan(text: string): { deep?: Problem } {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let kind = scanner.scan(); kind !== EOF; kind = scanner.scan()) {
    if (kind === OPEN_BRACE || kind === OPEN_BRACKET) {
      if (++depth > MAX_JSON_DEPTH) {
        const start = scanner.getTokenOffset();
        return { deep: { message: `objects and lists nested more than ${MAX_JSON_DEPTH} levels deep; brandlint does not read deeper than that`, start, end: start + 1, path: [] } };
      }
    } else if (kind === CLOSE_BRACE || kind === CLOSE_BRACKET) depth = Math.max(0, depth - 1);
  }
  return {};
}

/**
 * How deep a parsed value nests and how many keys its objects hold. Iterative (the value
 * may be deep), with two stacks of the objects and arrays still to walk and their depths,
 * indexed loops over arrays and `for…in` over each object (JSON.parse's objects have only
 * own, enumerable keys): no array per object or per value, no iterator (the walk runs
 * once, mostly before it is optimised), so a config of 100,000 tone terms is walked in
 * milliseconds.
 */
function shape(value: unknown): { depth: number; keys: number } {
  let keys = 0;
  let depth = 0;
  if (!value || typeof value !== "object") return { depth, keys };
  const values: object[] = [value];
  const depths: number[] = [1];
  while (values.length) {
    const v = values.pop()!;
    const d = depths.pop()!;
    if (d > depth) depth = d;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (x && typeof x === "object") {
          values.push(x);
          depths.push(d + 1);
        }
      }
      continue;
    }
    for (const k in v) {
      keys++;
      const x = (v as Record<string, unknown>)[k];
      if (x && typeof x === "object") {
        values.push(x);
        depths.push(d + 1);
      }
    }
  }
  return { depth, keys };
}

/** Is the quote at `q` escaped (an odd run of backslashes before it)? */
function escaped(text: string, q: number): boolean {
  let b = q - 1;
  while (text.charCodeAt(b) === 0x5c) b--;
  return (q - 1 - b) % 2 === 1;
}

/**
 * The punctuation of text JSON.parse has accepted, in order: `onPunct` with each of
 * `{}[]:,` outside strings. Strings are skipped with indexOf, so a 9 MB config takes
 * milliseconds.
 */
function tokens(text: string, onPunct: (c: string, at: number) => void): void {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      let j = text.indexOf('"', i + 1);
      while (escaped(text, j)) j = text.indexOf('"', j + 1);
      i = j;
    } else if (c === 0x7b || c === 0x7d || c === 0x5b || c === 0x5d || c === 0x3a || c === 0x2c) onPunct(text[i]!, i);
  }
}

/**
 * At least as many as the keys valid JSON text writes: every key ends with `"`, JSON's
 * white space and `:`, so counting those colons (found with indexOf, no loop over every
 * character, no second pass) counts every key, and more only where a string holds them
 * or starts with a colon. Equal to the keys the parsed value holds, it proves no key was
 * written twice; else `keysWritten` counts exactly.
 */
function keysAtMost(text: string): number {
  let n = 0;
  for (let i = text.indexOf(":"); i !== -1; i = text.indexOf(":", i + 1)) {
    let c = text.charCodeAt(i - 1);
    for (let j = i - 1; c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; ) c = text.charCodeAt(--j);
    if (c === 0x22) n++;
  }
  return n;
}

/** The keys valid JSON text writes: its colons outside strings. */
function keysWritten(text: string): number {
  let keys = 0;
  tokens(text, (c) => {
    if (c === ":") keys++;
  });
  return keys;
}

type Range = { start: number; end: number };

const isOpen = (c: number) => c === 0x7b || c === 0x5b;
const isClose = (c: number) => c === 0x7d || c === 0x5d;

/**
 * Reads the members of a top-level object from its start, `budget` characters at a time
 * (strings skipped with indexOf). A member's range is its value's with the white space
 * around: from after the colon to the comma or brace after it.
 */
class ForwardMembers {
  readonly done = new Map<string, Range>();
  private depth = 0;
  private key = "";
  private start = -1;
  /** Is a member's key and colon read, its value not yet ended? */
  inValue = false;
  pos: number;
  constructor(private readonly text: string) {
    this.pos = text.indexOf("{") + 1;
  }
  /** The member in progress: its key and where its value starts. */
  get current(): [string, number] {
    return [this.key, this.start];
  }
  step(budget: number): void {
    const { text } = this;
    for (const stop = Math.min(text.length, this.pos + budget); this.pos < stop; this.pos++) {
      const c = text.charCodeAt(this.pos);
      if (c === 0x22) {
        let q = text.indexOf('"', this.pos + 1);
        while (escaped(text, q)) q = text.indexOf('"', q + 1);
        if (this.depth === 0 && !this.inValue) this.key = JSON.parse(text.slice(this.pos, q + 1)) as string;
        this.pos = q;
      } else if (isOpen(c)) this.depth++;
      else if (isClose(c)) {
        if (--this.depth < 0) {
          if (this.inValue) this.done.set(this.key, { start: this.start, end: this.pos });
          this.inValue = false;
          this.pos = text.length;
          return;
        }
      } else if (this.depth !== 0) continue;
      else if (c === 0x3a) {
        this.inValue = true;
        this.start = this.pos + 1;
      } else if (c === 0x2c) {
        this.done.set(this.key, { start: this.start, end: this.pos });
        this.inValue = false;
      }
    }
  }
}

/** The same from the object's end, leftwards: a member's end is known first, then its start, then its key. */
class BackwardMembers {
  readonly done = new Map<string, Range>();
  private depth = 0;
  private start = -1;
  private end: number;
  /** Is the end of the member in progress known (its key not yet read)? */
  endKnown = true;
  private afterColon = false;
  /** Reads text[pos - 1] next. */
  pos: number;
  constructor(private readonly text: string) {
    this.pos = this.end = text.lastIndexOf("}");
  }
  /** Where the member in progress ends. */
  get currentEnd(): number {
    return this.end;
  }
  step(budget: number): void {
    const { text } = this;
    for (const stop = Math.max(0, this.pos - budget); this.pos > stop; this.pos--) {
      const at = this.pos - 1;
      const c = text.charCodeAt(at);
      if (c === 0x22) {
        let q = text.lastIndexOf('"', at - 1);
        while (escaped(text, q)) q = text.lastIndexOf('"', q - 1);
        if (this.depth === 0 && this.afterColon) {
          this.done.set(JSON.parse(text.slice(q, at + 1)) as string, { start: this.start, end: this.end });
          this.afterColon = false;
          this.endKnown = false;
        }
        this.pos = q + 1;
      } else if (isClose(c)) this.depth++;
      else if (isOpen(c)) {
        if (--this.depth < 0) {
          this.pos = 0;
          return;
        }
      } else if (this.depth !== 0) continue;
      else if (c === 0x3a) {
        this.start = at + 1;
        this.afterColon = true;
      } else if (c === 0x2c) {
        this.end = at;
        this.endKnown = true;
      }
    }
  }
}

/**
 * Where each of the `count` members of a top-level object is written, for text JSON.parse
 * has accepted with no key written twice: the range of its value. Read from both ends
 * until one member is left between them: the biggest (100,000 tone terms) is not read
 * when the others lie before and after it.
 */
function topMembers(text: string, count: number): Map<string, Range> {
  const fwd = new ForwardMembers(text);
  const bwd = new BackwardMembers(text);
  for (;;) {
    const known = fwd.done.size + bwd.done.size;
    if (known >= count || fwd.pos >= bwd.pos) break;
    if (known === count - 1 && fwd.inValue && bwd.endKnown) {
      const [key, start] = fwd.current;
      fwd.done.set(key, { start, end: bwd.currentEnd });
      break;
    }
    fwd.step(16_384);
    bwd.step(16_384);
  }
  const out = new Map([...fwd.done, ...bwd.done]);
  if (out.size >= count) return out;
  // (Not reached with valid JSON; the whole text read forwards cannot miss a member.)
  const all = new ForwardMembers(text);
  all.step(text.length);
  return all.done;
}

/** Moves every node of a tree parsed from a slice to where the slice starts in the whole text. */
function shift(node: Node, by: number): Node {
  // jsonc-parser's nodes are plain objects; its types only mark them read-only.
  const n = node as { -readonly [K in keyof Node]: Node[K] };
  n.offset += by;
  if (n.colonOffset !== undefined) n.colonOffset += by;
  for (const c of n.children ?? []) shift(c, by);
  return node;
}

const TREE_OPTIONS = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

/**
 * A located document whose tree (and the locations it gives) is built only when something
 * asks for a position; a string under a top-level key (a config's brand name, a variable's
 * sample) is found in that member's own tree, so a config with 100,000 tone terms is not
 * turned into a tree to locate its unsubscribe link.
 */
function lazyDoc(text: string, value: unknown): JsonDoc {
  let tree: Node | undefined;
  const treeOf = () => (tree ??= parseTree(text, [], TREE_OPTIONS));
  let members: ReturnType<typeof topMembers> | undefined;
  const memberTrees = new Map<string, Node | undefined>();
  const memberTree = (key: string): Node | undefined => {
    if (!memberTrees.has(key)) {
      const r = (members ??= topMembers(text, Object.keys(value as object).length)).get(key);
      const sub = r && parseTree(text.slice(r.start, r.end), [], TREE_OPTIONS);
      memberTrees.set(key, sub && shift(sub, r.start));
    }
    return memberTrees.get(key);
  };
  const isObject = !!value && typeof value === "object" && !Array.isArray(value);
  return {
    value,
    get tree() {
      return treeOf();
    },
    errors: [],
    duplicates: [],
    locate: (path, key) => {
      // Under a top-level key: that member's tree, where the whole one has not been built.
      const sub = !tree && isObject && typeof path[0] === "string" && (path.length > 1 || key === undefined) ? memberTree(path[0]) : undefined;
      return sub ? locateIn(sub, path.slice(1), key) : locateIn(treeOf(), path, key);
    },
    stringAt: (path) => {
      if (tree || !isObject || typeof path[0] !== "string") return stringNodeRange(treeOf(), path);
      const sub = memberTree(path[0]);
      return sub && stringNodeRange(sub, path.slice(1));
    },
  };
}

export function parseJson(text: string): JsonDoc {
  // Valid JSON, nested within the limit and without a key written twice (the usual case),
  // needs no tree: JSON.parse (iterative in V8) gives the same value, and the tree is built
  // when a position is first asked for.
  if (text.trim() !== "") {
    let value: unknown;
    let parsed = true;
    try {
      value = JSON.parse(text);
    } catch {
      parsed = false;
    }
    if (parsed) {
      const { depth, keys } = shape(value);
      if (depth <= MAX_JSON_DEPTH && (keys === keysAtMost(text) || keys === keysWritten(text))) return lazyDoc(text, value);
    }
  }
  const { deep } = scan(text);
  if (deep) return { value: undefined, tree: undefined, errors: [deep], duplicates: [], locate: () => ({ start: 0, end: 0 }), stringAt: () => undefined };
  const raw: ParseError[] = [];
  const tree = parseTree(text, raw, TREE_OPTIONS);
  const errors: Problem[] = [];
  const seen = new Set<number>();
  if (text.trim() === "" || (!tree && raw.length === 0)) errors.push({ message: "the file is empty; expected a JSON object", start: 0, end: 0, path: [] });
  else
    for (const e of raw) {
      // One message per spot: jsonc-parser may report a trailing comma or a missing brace twice.
      if (seen.has(e.offset)) continue;
      seen.add(e.offset);
      errors.push(syntaxProblem(text, e));
    }
  const value = tree && errors.length === 0 ? nodeValue(tree) : undefined;
  const locate: Locator = (path: JsonPath, key?: string) => locateIn(tree, path, key);
  return { value, tree, errors, duplicates: tree && errors.length === 0 ? duplicateKeys(tree) : [], locate, stringAt: (path) => stringNodeRange(tree, path) };
}

function locateIn(tree: Node | undefined, path: JsonPath, key?: string): { start: number; end: number } {
  if (!tree) return { start: 0, end: 0 };
  if (key !== undefined) {
    const parent = findNodeAtLocation(tree, path.slice(0, -1));
    const prop = parent?.children?.find((c) => c.type === "property" && c.children?.[0]?.value === key);
    const k = prop?.children?.[0];
    if (k) return { start: k.offset, end: k.offset + k.length };
  }
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(tree, path.slice(0, n));
    if (node) return { start: node.offset, end: node.offset + node.length };
  }
  return { start: 0, end: 0 };
}

function duplicateKeys(root: Node): Problem[] {
  const out: Problem[] = [];
  const walk = (node: Node, at: JsonPath) => {
    if (node.type === "array") node.children?.forEach((c, i) => walk(c, [...at, i]));
    if (node.type !== "object") return;
    const keys = new Set<string>();
    for (const p of node.children ?? []) {
      const [k, v] = p.children ?? [];
      if (!k) continue;
      const key = String(k.value);
      if (keys.has(key)) {
        const where = showPath(at);
        out.push({ message: `the key "${key}" appears twice${where ? ` in ${where}` : ""}; only the last one counts, so remove or merge the other`, start: k.offset, end: k.offset + k.length, path: [...at, key] });
      }
      keys.add(key);
      if (v) walk(v, [...at, key]);
    }
  };
  walk(root, []);
  return out;
}

/** A syntax error in words, pointing at the trailing comma itself when that is the mistake. */
function syntaxProblem(text: string, e: ParseError): Problem {
  const code = printParseErrorCode(e.error);
  if (code === "PropertyNameExpected" || code === "ValueExpected") {
    const comma = /,\s*$/.exec(text.slice(0, e.offset));
    if (comma && (text[e.offset] === "}" || text[e.offset] === "]"))
      return { message: "invalid JSON: a comma after the last item is not allowed; remove it", start: comma.index, end: comma.index + 1, path: [] };
  }
  if (code === "InvalidSymbol") {
    const word = /^[^\s"{}[\],:]+/.exec(text.slice(e.offset, e.offset + 40))?.[0];
    if (word?.startsWith("'")) return { message: `invalid JSON: use double quotes ("), not single quotes (')`, start: e.offset, end: e.offset + 1, path: [] };
    if (word && /^\p{L}/u.test(word)) return { message: `invalid JSON: write ${word} in double quotes (${JSON.stringify(word)})`, start: e.offset, end: e.offset + word.length, path: [] };
  }
  return { message: `invalid JSON: ${SYNTAX_WORDS[code] ?? code}`, start: e.offset, end: e.offset + Math.max(1, e.length), path: [] };
}

/** The value of a node, keeping the LAST of duplicate keys like JSON.parse, without prototype pollution. */
export function nodeValue(node: Node): unknown {
  switch (node.type) {
    case "object": {
      const o: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const p of node.children ?? []) {
        const [k, v] = p.children ?? [];
        if (k && v) o[String(k.value)] = nodeValue(v);
      }
      return { ...o };
    }
    case "array":
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

/** The node at a path; of keys written twice, the last (the one JSON.parse keeps). */
function lastNodeAt(tree: Node, path: JsonPath): Node | undefined {
  let n: Node | undefined = tree;
  for (const part of path) {
    if (!n) return undefined;
    if (typeof part === "number") n = n.type === "array" ? n.children?.[part] : undefined;
    else n = n.type === "object" ? n.children?.findLast((p) => p.children?.[0]?.value === part)?.children?.[1] : undefined;
  }
  return n;
}

/** Finds the string node at a path and returns its raw source range (without quotes). */
export function stringNodeRange(tree: Node | undefined, path: JsonPath): { start: number; end: number; value: string } | undefined {
  if (!tree) return undefined;
  const n = lastNodeAt(tree, path);
  if (!n || n.type !== "string") return undefined;
  return { start: n.offset + 1, end: n.offset + n.length - 1, value: String(n.value) };
}
