/**
 * Handlebars with source maps. Templates are parsed with Handlebars' own parser; the
 * AST is evaluated here (not compiled) so that every output character keeps its
 * source position: literal text maps character for character, a variable's value
 * maps to the `{{variable}}` that produced it. Safe by design: values are looked up
 * as own properties only (no prototype access), partials are refused, and only the
 * built-in block helpers (if, unless, each, with) exist.
 */
// The AST types (the global `hbs` namespace) come with handlebars: the emitted .d.ts must load them too.
/// <reference types="handlebars" preserve="true" />
import Handlebars from "handlebars";
import { endOfChar, startOfChar } from "../text/code-points.js";
import { MappedText, MappedTextBuilder, type PieceKind } from "../text/mapped-text.js";
import { ITEM, pathName as dottedName } from "./sample-data.js";

type Node = hbs.AST.Node & { loc?: hbs.AST.SourceLocation };

/** A value a template can see: strings, and objects/arrays of them. */
export type TemplateValue = string | number | boolean | null | undefined | TemplateValue[] | { [k: string]: TemplateValue };
export type TemplateData = Record<string, TemplateValue>;

export interface VariableUse {
  /** The path as written, e.g. "firstName" or "user.name". */
  name: string;
  /** The path from the data's root: inside `{{#each order.items}}`, `{{name}}` is order, items, [], name. */
  path: string[];
  /** Range in the template's mapped text. */
  start: number;
  end: number;
  /** Inside an {{#if name}} (or {{#unless}} else branch) that tests this very variable. */
  guarded: boolean;
  /** The construct: a plain output, a block parameter, or a helper argument. */
  role: "output" | "block" | "param";
}

export interface TemplateProblem {
  kind: "syntax" | "unknown-helper" | "partial" | "prototype";
  message: string;
  start: number;
  end: number;
}

export interface TemplateComment {
  value: string;
  start: number;
  end: number;
}

export interface ParsedTemplate {
  source: MappedText;
  program: hbs.AST.Program | undefined;
  variables: VariableUse[];
  problems: TemplateProblem[];
  comments: TemplateComment[];
  /** The two bodies of each `{{#if}}`/`{{#unless}}`, with how a finding names them. */
  branches: { start: number; end: number; label: string }[];
  /** Every `{{#if}}` and `{{#unless}}` block, in document order (for rendering the branch the sample does not take). */
  conditionals: hbs.AST.BlockStatement[];
}

interface Scope {
  /** Variables an enclosing `{{#if}}` tests. */
  guards: readonly string[];
  /** Context paths, innermost last (`{{#each}}`, `{{#with}}`). */
  contexts: readonly string[][];
  /** Block parameters (`as |item index|`): an item's path, or null for an index. */
  params: ReadonlyMap<string, string[] | null>;
}

const BLOCK_HELPERS = new Set(["if", "unless", "each", "with"]);
const FORBIDDEN = new Set(["constructor", "__proto__", "prototype", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__"]);

function lineStarts(text: string): number[] {
  const s = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) s.push(i + 1);
  return s;
}

/** Parses a template. A template that does not parse yields a syntax problem and no program. */
export function parseTemplate(source: MappedText): ParsedTemplate {
  const text = source.text;
  const starts = lineStarts(text);
  const off = (p: { line: number; column: number }) => Math.min(text.length, (starts[p.line - 1] ?? text.length) + p.column);
  const result: ParsedTemplate = { source, program: undefined, variables: [], problems: [], comments: [], branches: [], conditionals: [] };
  const foreign = (value: string, at: number) => {
    if (result.problems.some((p) => p.kind === "syntax")) return;
    const m = FOREIGN_TAG.exec(value);
    const language = m ? lookalikeLanguage(m[0]) : undefined;
    if (m && language) result.problems.push({ kind: "syntax", message: `${m[0]} is not Handlebars: this looks like ${language}; brandlint reads Handlebars templates`, start: at + m.index, end: at + m.index + m[0].length });
  };
  if (!text.includes("{{")) {
    foreign(text, 0);
    result.program = { type: "Program", body: text ? [{ type: "ContentStatement", value: text, original: text, loc: { source: "", start: { line: 1, column: 0 }, end: { line: starts.length, column: text.length - starts[starts.length - 1]! } } } as unknown as hbs.AST.Statement] : [], strip: {}, blockParams: [], loc: undefined as never } as unknown as hbs.AST.Program;
    return result;
  }
  hookParseErrors();
  try {
    result.program = Handlebars.parse(text) as unknown as hbs.AST.Program;
  } catch (e) {
    result.problems.push(syntaxProblem(e, text, off));
    return result;
  }
  const walk = (node: Node, sc: Scope) => {
    const loc = node.loc;
    const range = loc ? { start: off(loc.start), end: off(loc.end) } : { start: 0, end: 0 };
    switch (node.type) {
      case "Program":
        for (const s of (node as hbs.AST.Program).body) walk(s as Node, sc);
        break;
      case "MustacheStatement": {
        const m = node as hbs.AST.MustacheStatement;
        const name = pathName(m.path);
        if (m.params.length || (m.hash?.pairs.length ?? 0)) {
          if (name !== "lookup") result.problems.push({ kind: "unknown-helper", message: `unknown helper "${name}"`, ...range });
          else lookupKey(m.params[1] as Node | undefined, range);
          for (const p of m.params) noteParam(p as Node, sc);
        } else if (m.path.type === "PathExpression") noteVar(m.path as hbs.AST.PathExpression, range, sc, "output");
        break;
      }
      case "BlockStatement": {
        const b = node as hbs.AST.BlockStatement;
        const name = pathName(b.path);
        if (!BLOCK_HELPERS.has(name)) {
          result.problems.push({ kind: "unknown-helper", message: `unknown block helper "#${name}" (brandlint knows #if, #unless, #each and #with)`, ...range });
        }
        let tested: string | undefined;
        let subject: string[] | undefined;
        for (const p of b.params) {
          if ((p as Node).type === "PathExpression") {
            tested = (p as hbs.AST.PathExpression).original;
            const pl = (p as Node).loc;
            subject ??= noteVar(p as hbs.AST.PathExpression, pl ? { start: off(pl.start), end: off(pl.end) } : range, sc, "block");
          } else noteParam(p as Node, sc);
        }
        const guarded = (on: boolean): Scope => (tested && on ? { ...sc, guards: [...sc.guards, tested] } : sc);
        // Inside {{#each x}} the context is an item of x; inside {{#with x}}, x itself; `as |item i|` names them.
        let inner = guarded(name === "if");
        if ((name === "each" || name === "with") && subject) {
          const ctx = name === "each" ? [...subject, ITEM] : subject;
          const params = new Map(sc.params);
          const names = (b.program as hbs.AST.Program | undefined)?.blockParams ?? [];
          if (names[0]) params.set(names[0], ctx);
          if (names[1]) params.set(names[1], null);
          inner = { ...sc, contexts: [...sc.contexts, ctx], params };
        }
        const branch = (which: "program" | "inverse", r: { start: number; end: number }) => {
          if (name !== "if" && name !== "unless") return;
          const written = `{{#${name}${tested ? " " + tested : ""}}}`;
          result.branches.push({ ...r, label: which === "program" ? `in the ${written} branch` : `in the {{else}} branch of ${written}` });
        };
        const bodyRange = (prog: hbs.AST.Program | undefined) => {
          const l = (prog as Node | undefined)?.loc;
          return l ? { start: off(l.start), end: off(l.end) } : undefined;
        };
        const pr = bodyRange(b.program as hbs.AST.Program | undefined);
        const ir = bodyRange(b.inverse as hbs.AST.Program | undefined);
        if (pr) branch("program", pr);
        if (ir) branch("inverse", ir);
        if (name === "if" || name === "unless") result.conditionals.push(b);
        if (b.program) walk(b.program as Node, inner);
        if (b.inverse) walk(b.inverse as Node, guarded(name === "unless"));
        break;
      }
      case "PartialStatement":
      case "PartialBlockStatement":
        result.problems.push({ kind: "partial", message: "partials are not supported in brandlint templates; write the text in place", ...range });
        break;
      case "ContentStatement": {
        const c = node as hbs.AST.ContentStatement;
        if (c.value.includes("{%")) foreign(c.value, range.start + Math.max(0, (c.original as unknown as string).indexOf(c.value)));
        break;
      }
      case "CommentStatement":
        result.comments.push({ value: (node as hbs.AST.CommentStatement).value, ...range });
        break;
      case "DecoratorBlock":
      case "Decorator":
        result.problems.push({ kind: "unknown-helper", message: "decorators are not supported", ...range });
        break;
      default:
        break;
    }
  };
  const noteParam = (p: Node, sc: Scope) => {
    if (p.type === "PathExpression") {
      const loc = p.loc!;
      noteVar(p as hbs.AST.PathExpression, { start: off(loc.start), end: off(loc.end) }, sc, "param");
    } else if (p.type === "SubExpression") {
      const s = p as hbs.AST.SubExpression;
      const loc = p.loc!;
      if (pathName(s.path) !== "lookup") result.problems.push({ kind: "unknown-helper", message: `unknown helper "${pathName(s.path)}"`, start: off(loc.start), end: off(loc.end) });
      else lookupKey(s.params[1] as Node | undefined, { start: off(loc.start), end: off(loc.end) });
      for (const q of s.params) noteParam(q as Node, sc);
    }
  };
  /** `{{lookup this "constructor"}}` names a JavaScript internal as a string: refused like `{{constructor}}`. */
  const lookupKey = (key: Node | undefined, range: { start: number; end: number }) => {
    if (key?.type !== "StringLiteral") return;
    const name = String((key as hbs.AST.StringLiteral).value);
    if (FORBIDDEN.has(name) || Object.hasOwn(Object.prototype, name)) result.problems.push({ kind: "prototype", message: `lookup of "${name}" reaches into JavaScript internals; templates may only use your variables`, ...range });
  };
  /** Notes a variable use and returns its path from the data's root (undefined for `@data` and `this` at the root). */
  const noteVar = (p: hbs.AST.PathExpression, range: { start: number; end: number }, sc: Scope, role: VariableUse["role"]): string[] | undefined => {
    if (p.data) return undefined;
    if (p.parts.some((x) => FORBIDDEN.has(x))) {
      result.problems.push({ kind: "prototype", message: `"${p.original}" reaches into JavaScript internals; templates may only use your variables`, ...range });
      return undefined;
    }
    const own = /^(?:\.\.\/)*(?:this|\.)(?:[./]|$)/.test(p.original);
    const param = !own && p.depth === 0 && p.parts[0] !== undefined ? sc.params.get(p.parts[0]) : undefined;
    if (param === null) return undefined;
    const base = param ?? sc.contexts[Math.max(0, sc.contexts.length - 1 - p.depth)] ?? [];
    const path = [...base, ...(param ? p.parts.slice(1) : p.parts)];
    if (path.length === 0) return undefined;
    result.variables.push({ name: p.original.replace(/^(\.\.\/)+/, "").replace(/^this\./, ""), path, ...range, guarded: sc.guards.includes(p.original), role });
    return path;
  };
  walk(result.program as Node, { guards: [], contexts: [[]], params: new Map() });
  return result;
}

function pathName(p: hbs.AST.Expression): string {
  return p.type === "PathExpression" ? (p as hbs.AST.PathExpression).original : String((p as hbs.AST.StringLiteral).value ?? p.type);
}

interface HandlebarsParseError {
  message?: string;
  lineNumber?: number;
  column?: number;
  endLineNumber?: number;
  endColumn?: number;
  /** The token Handlebars' parser stopped at, as its lexer located it (see `hookParseErrors`). */
  brandlintToken?: { name: string; loc: Lexer["yylloc"] };
}

let hooked = false;
/**
 * Handlebars' parser (jison) knows exactly which token it stopped at, but its default
 * error handler keeps only a text picture of it. This handler throws the same message
 * with the token's name and location attached.
 */
function hookParseErrors(): void {
  if (hooked) return;
  hooked = true;
  const parser = (Handlebars as unknown as { Parser: { parseError: (str: string, hash: { token?: string | null }) => never; lexer: Lexer } }).Parser;
  parser.parseError = function (this: { lexer: Lexer }, str: string, hash: { token?: string | null }): never {
    const err = new Error(str) as Error & HandlebarsParseError;
    const l = this.lexer?.yylloc ?? parser.lexer.yylloc;
    err.brandlintToken = { name: String(hash?.token ?? "INVALID"), loc: { ...l } };
    throw err;
  };
}

/** Template languages whose syntax people paste into Handlebars templates, told by their marks. */
const LOOKALIKES: { language: string; test: RegExp }[] = [
  // {% assign %}, {% capture %}, {% unless %}, {% elsif %}, filters with colon arguments (| default: "x").
  { language: "Liquid", test: /\{%-?\s*(?:assign|capture|endcapture|unless|endunless|elsif|case|when|endcase|increment|decrement|cycle|tablerow|liquid|render|comment|endcomment)\b|\|\s*[a-z_]+\s*:/ },
  // {% set %}, {% macro %}, {% block %}, {% extends %}, filters with parentheses, inline if/else.
  { language: "Nunjucks", test: /\{%-?\s*(?:set|macro|endmacro|block|endblock|extends|call|filter|endset|import|from)\b|\|\s*[a-z_]+\s*\(|\{\{[^}]*\bif\b[^}]*\belse\b/ },
  // Shared by both: {% if %}…{% endif %}, {% for %}, {{ x | filter }}.
  { language: "Liquid or Nunjucks", test: /\{%-?\s*(?:if|endif|for|endfor|else|include|raw|endraw)\b|\{\{[^}]*\|\s*[a-z_]+/ },
];

/** The template language a piece of text looks written in, if it is not Handlebars. */
export function lookalikeLanguage(text: string): string | undefined {
  return LOOKALIKES.find((l) => l.test.test(text))?.language;
}

/** The first Liquid/Nunjucks tag (`{% if %}`) in text Handlebars reads as plain text. */
const FOREIGN_TAG = /\{%-?\s*[a-z]+\b[^%]*%\}/;

/**
 * Locates a Handlebars parse error at the token Handlebars' own parser stopped at (or,
 * for a block Handlebars closed wrongly, at the location its compiler reports), and
 * says it in words: an unclosed or stray block, an unfinished `{{`, or syntax from
 * Liquid or Nunjucks.
 */
function syntaxProblem(e: unknown, text: string, off: (p: { line: number; column: number }) => number): TemplateProblem {
  // Handlebars' lexer counts UTF-16 code units: its token may end inside a surrogate pair.
  const p = locateSyntax(e, text, off);
  return { ...p, start: startOfChar(text, p.start), end: endOfChar(text, p.end) };
}

function locateSyntax(e: unknown, text: string, off: (p: { line: number; column: number }) => number): TemplateProblem {
  const err = e as HandlebarsParseError;
  const raw = String(err.message ?? e);
  if (err.lineNumber !== undefined && err.column !== undefined) {
    const start = off({ line: err.lineNumber, column: err.column });
    const end = err.endLineNumber !== undefined ? off({ line: err.endLineNumber, column: err.endColumn ?? err.column }) : start;
    const m = /^(\S+) doesn't match (\S+)/.exec(raw);
    return { kind: "syntax", message: m ? `{{/${m[2]}}} closes {{#${m[1]}}}: blocks must close in the order they open` : `invalid template: ${raw.split("\n")[0]}`, start, end: Math.max(start, end) };
  }
  const tok = err.brandlintToken;
  const at = tok ? { start: off({ line: tok.loc.first_line, column: tok.loc.first_column }), end: off({ line: tok.loc.last_line, column: tok.loc.last_column }) } : { start: text.length, end: text.length };
  // Re-lex up to the error with Handlebars' lexer: which blocks are open, which close nothing,
  // and the `{{` that opened the expression the parser stopped in.
  const lexer = (Handlebars as unknown as { Parser: { lexer: Lexer } }).Parser.lexer;
  const open: { name: string; start: number; end: number }[] = [];
  let stray: { name: string; start: number; end: number } | undefined;
  let opener: { start: number; end: number } | undefined;
  try {
    lexer.setInput(text);
    let prev = "";
    let prevRange = { start: 0, end: 0 };
    for (let i = 0; i < 100_000; i++) {
      const t = lexer.lex();
      const name = typeof t === "number" ? tokenName(t) : String(t);
      const l = lexer.yylloc;
      const r = { start: off({ line: l.first_line, column: l.first_column }), end: off({ line: l.last_line, column: l.last_column }) };
      if (name === "EOF" || name === "INVALID" || r.start > at.end) break;
      if (name.startsWith("OPEN")) opener = r;
      else if (/^CLOSE/.test(name) && name !== "CLOSE_SEXPR" && name !== "CLOSE_BLOCK_PARAMS") opener = undefined;
      if (prev === "OPEN_BLOCK" && name === "ID") open.push({ name: lexer.yytext, start: prevRange.start, end: r.end });
      if (prev === "OPEN_ENDBLOCK" && name === "ID") {
        if (open.length) open.pop();
        else stray ??= { name: lexer.yytext, start: prevRange.start, end: r.end };
      }
      prev = name;
      prevRange = r;
    }
  } catch {
    // The lexer itself stopped (unrecognised text): the parser's own position stands.
  }
  const got = tok?.name ?? "";
  if (stray && got === "OPEN_ENDBLOCK") return { kind: "syntax", message: `{{/${stray.name}}} closes a block that was never opened`, start: stray.start, end: stray.end + 2 };
  if (got === "EOF" && open.length && !opener) {
    const b = open[open.length - 1]!;
    return { kind: "syntax", message: `{{#${b.name}}} is never closed; add {{/${b.name}}}`, start: Math.max(0, b.start), end: b.end };
  }
  // The expression the parser stopped in, from its `{{` to the next `}}`.
  const exprStart = opener?.start ?? at.start;
  const close = text.indexOf("}}", at.start);
  const exprEnd = close === -1 ? text.length : close + 2;
  const language = lookalikeLanguage(text.slice(exprStart, exprEnd)) ?? (FOREIGN_TAG.test(text) ? lookalikeLanguage(text) : undefined);
  if (language) {
    const shown = text.slice(exprStart, Math.min(exprEnd, exprStart + 60)).replace(/\s+/g, " ");
    return { kind: "syntax", message: `${shown} is not Handlebars: this looks like ${language}; brandlint reads Handlebars templates`, start: at.start, end: Math.max(at.end, at.start + 1) };
  }
  if (got === "EOF" || got === "INVALID" || (opener && close === -1)) {
    const start = opener?.start ?? at.start;
    return { kind: "syntax", message: `unfinished {{ }} expression: every "{{" needs a matching "}}"`, start, end: Math.max(start + 2, Math.min(at.end, text.length)) };
  }
  const found = text.slice(at.start, at.end).trim();
  return { kind: "syntax", message: `invalid template: unexpected ${found ? `“${found}”` : "end of template"}${opener ? " inside {{ }}" : ""}`, start: at.start, end: Math.max(at.end, at.start) };
}

interface Lexer {
  setInput(t: string): void;
  lex(): number | string;
  yylloc: { first_line: number; first_column: number; last_line: number; last_column: number };
  yytext: string;
}
let terminals: Record<number, string> | undefined;
function tokenName(tok: number): string {
  terminals ??= (Handlebars as unknown as { Parser: { terminals_: Record<number, string> } }).Parser.terminals_;
  return terminals[tok] ?? String(tok);
}

export interface RenderOptions {
  /** Kind given to a variable's output (default "variable"); e.g. built-in link → "url". */
  kindOf?: (name: string) => PieceKind;
  /** Write a `{{variable}}` that has no value as it is written, instead of leaving it out. */
  keepMissing?: boolean;
  /** `{{#if}}`/`{{#unless}}` blocks to render with the other branch than the data picks. */
  flip?: ReadonlySet<hbs.AST.BlockStatement>;
}

/** Evaluates a parsed template against data; the result maps back through `source`. */
export function renderTemplate(t: ParsedTemplate, data: TemplateData, options: RenderOptions = {}): MappedText {
  if (!t.program) return t.source;
  const text = t.source.text;
  const starts = lineStarts(text);
  const off = (p: { line: number; column: number }) => Math.min(text.length, (starts[p.line - 1] ?? text.length) + p.column);
  const out = new MappedTextBuilder();
  // A value is named by its path from the data's root (`order.items.name` inside {{#each order.items}}).
  const pathAt = new Map(t.variables.filter((v) => v.role === "output").map((v) => [v.start, dottedName(v.path)]));
  const emitValue = (value: string, node: Node, name: string) => {
    const loc = node.loc;
    if (!loc || !value) return;
    const src = t.source.locate(off(loc.start), off(loc.end));
    const full = pathAt.get(off(loc.start)) || name;
    if (src) out.emit(value, src.file, src.start, src.end, options.kindOf?.(full) ?? "variable", full);
  };
  // Block parameters in scope (`{{#each items as |item i|}}`), innermost last.
  const params: Map<string, TemplateValue>[] = [];
  const evalProgram = (p: hbs.AST.Program | undefined, ctx: TemplateValue[], named?: TemplateValue[]) => {
    if (!p) return;
    const names = p.blockParams ?? [];
    if (named && names.length) params.push(new Map(names.map((n, i) => [n, named[i]])));
    for (const s of p.body) evalNode(s as Node, ctx);
    if (named && names.length) params.pop();
  };
  const evalNode = (node: Node, ctx: TemplateValue[]) => {
    switch (node.type) {
      case "ContentStatement": {
        const c = node as hbs.AST.ContentStatement;
        if (!c.value || !node.loc) return;
        const start = off(node.loc.start);
        const idx = (c.original as unknown as string).indexOf(c.value);
        const s = start + Math.max(0, idx);
        out.append(t.source.slice(s, s + c.value.length));
        return;
      }
      case "MustacheStatement": {
        const m = node as hbs.AST.MustacheStatement;
        const name = pathName(m.path);
        let v: TemplateValue;
        if (name === "lookup" && m.params.length === 2) {
          const obj = evalExpr(m.params[0] as Node, ctx);
          const key = evalExpr(m.params[1] as Node, ctx);
          v = obj && typeof obj === "object" && !Array.isArray(obj) && Object.hasOwn(obj, String(key)) ? obj[String(key)] : undefined;
        } else if (m.params.length || (m.hash?.pairs.length ?? 0)) return;
        else v = evalExpr(m.path as Node, ctx);
        if (v === undefined && options.keepMissing && node.loc) out.append(t.source.slice(off(node.loc.start), off(node.loc.end)));
        else emitValue(stringify(v), node, name);
        return;
      }
      case "BlockStatement": {
        const b = node as hbs.AST.BlockStatement;
        const helper = pathName(b.path);
        const arg = b.params[0] ? evalExpr(b.params[0] as Node, ctx) : undefined;
        if (helper === "if" || helper === "unless") {
          const truthy = (Array.isArray(arg) ? arg.length > 0 : Boolean(arg)) !== (options.flip?.has(b) ?? false);
          evalProgram((truthy === (helper === "if") ? b.program : b.inverse) as hbs.AST.Program | undefined, ctx);
        } else if (helper === "each") {
          const items = Array.isArray(arg) ? arg : arg && typeof arg === "object" ? Object.values(arg) : [];
          if (items.length === 0) evalProgram(b.inverse as hbs.AST.Program | undefined, ctx);
          items.slice(0, 1000).forEach((item, i) => evalProgram(b.program as hbs.AST.Program, [item, ...ctx], [item, i]));
        } else if (helper === "with") {
          if (arg) evalProgram(b.program as hbs.AST.Program, [arg, ...ctx], [arg]);
          else evalProgram(b.inverse as hbs.AST.Program | undefined, ctx);
        }
        return;
      }
      default:
        return;
    }
  };
  const evalExpr = (e: Node, ctx: TemplateValue[]): TemplateValue => {
    switch (e.type) {
      case "StringLiteral":
        return String((e as hbs.AST.StringLiteral).value);
      case "NumberLiteral":
        return (e as hbs.AST.NumberLiteral).value;
      case "BooleanLiteral":
        return (e as hbs.AST.BooleanLiteral).value;
      case "PathExpression": {
        const p = e as hbs.AST.PathExpression;
        let parts = p.parts;
        let scope: TemplateValue;
        if (p.data) {
          // @root.x is the top-level data; other @data (@index, @key) is not rendered.
          if (parts[0] !== "root") return undefined;
          scope = ctx[ctx.length - 1];
          parts = parts.slice(1);
        } else {
          const own = /^(?:\.\.\/)*(?:this|\.)(?:[./]|$)/.test(p.original);
          const named = !own && p.depth === 0 && parts[0] !== undefined ? [...params].reverse().find((m) => m.has(parts[0]!)) : undefined;
          if (named) {
            scope = named.get(parts[0]!);
            parts = parts.slice(1);
          } else scope = ctx[Math.min(p.depth, ctx.length - 1)];
        }
        if (parts.length === 0) return scope;
        for (const part of parts) {
          if (FORBIDDEN.has(part)) return undefined;
          if (scope && typeof scope === "object" && !Array.isArray(scope) && Object.hasOwn(scope, part)) scope = scope[part];
          else if (Array.isArray(scope) && /^\d+$/.test(part)) scope = scope[Number(part)];
          else return undefined;
        }
        return scope;
      }
      default:
        return undefined;
    }
  };
  evalProgram(t.program, [data]);
  return out.build();
}

function stringify(v: TemplateValue): string {
  if (v === undefined || v === null || v === false) return v === false ? "false" : "";
  if (typeof v === "object") return Array.isArray(v) ? v.map(stringify).join(",") : "[object Object]";
  return String(v);
}
