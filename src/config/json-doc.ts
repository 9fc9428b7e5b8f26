/** Strict JSON parsing with positions (jsonc-parser), for the config, campaign.json and push.json. */
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import type { JsonPath, Locator, Problem } from "./problems.js";

export interface JsonDoc {
  value: unknown;
  tree: Node | undefined;
  /** Syntax errors, located; empty when the text is valid JSON. */
  errors: Problem[];
  locate: Locator;
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

export function parseJson(text: string): JsonDoc {
  const raw: ParseError[] = [];
  const tree = parseTree(text, raw, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const errors: Problem[] = raw.map((e) => {
    const code = printParseErrorCode(e.error);
    return { message: `invalid JSON: ${SYNTAX_WORDS[code] ?? code}`, start: e.offset, end: e.offset + Math.max(1, e.length), path: [] };
  });
  if (!tree && errors.length === 0) errors.push({ message: "the file is empty; expected a JSON object", start: 0, end: 0, path: [] });
  const value = tree && errors.length === 0 ? nodeValue(tree) : undefined;
  const locate: Locator = (path: JsonPath, key?: string) => {
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
  };
  return { value, tree, errors, locate };
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

/** Finds the string node at a path and returns its raw source range (without quotes). */
export function stringNodeRange(tree: Node | undefined, path: JsonPath): { start: number; end: number; value: string } | undefined {
  if (!tree) return undefined;
  const n = findNodeAtLocation(tree, path);
  if (!n || n.type !== "string") return undefined;
  return { start: n.offset + 1, end: n.offset + n.length - 1, value: String(n.value) };
}
