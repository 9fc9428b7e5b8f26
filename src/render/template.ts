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
import { MappedText, MappedTextBuilder, type PieceKind } from "../text/mapped-text.js";

type Node = hbs.AST.Node & { loc?: hbs.AST.SourceLocation };

/** A value a template can see: strings, and objects/arrays of them. */
export type TemplateValue = string | number | boolean | null | undefined | TemplateValue[] | { [k: string]: TemplateValue };
export type TemplateData = Record<string, TemplateValue>;

export interface VariableUse {
  /** The path as written, e.g. "firstName" or "user.name". */
  name: string;
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
  const result: ParsedTemplate = { source, program: undefined, variables: [], problems: [], comments: [] };
  if (!text.includes("{{")) {
    result.program = { type: "Program", body: text ? [{ type: "ContentStatement", value: text, original: text, loc: { source: "", start: { line: 1, column: 0 }, end: { line: starts.length, column: text.length - starts[starts.length - 1]! } } } as unknown as hbs.AST.Statement] : [], strip: {}, blockParams: [], loc: undefined as never } as unknown as hbs.AST.Program;
    return result;
  }
  try {
    result.program = Handlebars.parse(text) as unknown as hbs.AST.Program;
  } catch (e) {
    result.problems.push(syntaxProblem(e, text, off));
    return result;
  }
  const walk = (node: Node, guards: readonly string[]) => {
    const loc = node.loc;
    const range = loc ? { start: off(loc.start), end: off(loc.end) } : { start: 0, end: 0 };
    switch (node.type) {
      case "Program":
        for (const s of (node as hbs.AST.Program).body) walk(s as Node, guards);
        break;
      case "MustacheStatement": {
        const m = node as hbs.AST.MustacheStatement;
        const name = pathName(m.path);
        if (m.params.length || (m.hash?.pairs.length ?? 0)) {
          if (name !== "lookup") result.problems.push({ kind: "unknown-helper", message: `unknown helper "${name}"`, ...range });
          for (const p of m.params) noteParam(p as Node, guards);
        } else if (m.path.type === "PathExpression") noteVar(m.path as hbs.AST.PathExpression, range, guards, "output");
        break;
      }
      case "BlockStatement": {
        const b = node as hbs.AST.BlockStatement;
        const name = pathName(b.path);
        if (!BLOCK_HELPERS.has(name)) {
          result.problems.push({ kind: "unknown-helper", message: `unknown block helper "#${name}" (brandlint knows #if, #unless, #each and #with)`, ...range });
        }
        let tested: string | undefined;
        for (const p of b.params) {
          if ((p as Node).type === "PathExpression") {
            tested = (p as hbs.AST.PathExpression).original;
            const pl = (p as Node).loc;
            noteVar(p as hbs.AST.PathExpression, pl ? { start: off(pl.start), end: off(pl.end) } : range, guards, "block");
          } else noteParam(p as Node, guards);
        }
        const inner = tested && name === "if" ? [...guards, tested] : guards;
        const innerElse = tested && name === "unless" ? [...guards, tested] : guards;
        if (b.program) walk(b.program as Node, inner);
        if (b.inverse) walk(b.inverse as Node, innerElse);
        break;
      }
      case "PartialStatement":
      case "PartialBlockStatement":
        result.problems.push({ kind: "partial", message: "partials are not supported in brandlint templates; write the text in place", ...range });
        break;
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
  const noteParam = (p: Node, guards: readonly string[]) => {
    if (p.type === "PathExpression") {
      const loc = p.loc!;
      noteVar(p as hbs.AST.PathExpression, { start: off(loc.start), end: off(loc.end) }, guards, "param");
    } else if (p.type === "SubExpression") {
      const s = p as hbs.AST.SubExpression;
      const loc = p.loc!;
      if (pathName(s.path) !== "lookup") result.problems.push({ kind: "unknown-helper", message: `unknown helper "${pathName(s.path)}"`, start: off(loc.start), end: off(loc.end) });
      for (const q of s.params) noteParam(q as Node, guards);
    }
  };
  const noteVar = (p: hbs.AST.PathExpression, range: { start: number; end: number }, guards: readonly string[], role: VariableUse["role"]) => {
    if (p.data || p.original === "this" || p.original === ".") return;
    if (p.parts.some((x) => FORBIDDEN.has(x))) {
      result.problems.push({ kind: "prototype", message: `"${p.original}" reaches into JavaScript internals; templates may only use your variables`, ...range });
      return;
    }
    result.variables.push({ name: p.original.replace(/^(\.\.\/)+/, "").replace(/^this\./, ""), ...range, guarded: guards.includes(p.original), role });
  };
  walk(result.program as Node, []);
  return result;
}

function pathName(p: hbs.AST.Expression): string {
  return p.type === "PathExpression" ? (p as hbs.AST.PathExpression).original : String((p as hbs.AST.StringLiteral).value ?? p.type);
}

/** Locates a Handlebars parse error: the unclosed block, or the token the parser stopped at. */
function syntaxProblem(e: unknown, text: string, off: (p: { line: number; column: number }) => number): TemplateProblem {
  const err = e as { message?: string; lineNumber?: number; column?: number; endLineNumber?: number; endColumn?: number };
  const raw = String(err.message ?? e);
  if (err.lineNumber !== undefined && err.column !== undefined) {
    const start = off({ line: err.lineNumber, column: err.column });
    const end = err.endLineNumber !== undefined ? off({ line: err.endLineNumber, column: err.endColumn ?? err.column }) : start;
    const m = /^(\S+) doesn't match (\S+)/.exec(raw);
    return { kind: "syntax", message: m ? `{{/${m[2]}}} closes {{#${m[1]}}}: blocks must close in the order they open` : `invalid template: ${raw.split("\n")[0]}`, start, end: Math.max(start, end) };
  }
  // Re-lex to find where the parser stopped, which blocks are still open and which close nothing.
  const lexer = (Handlebars as unknown as { Parser: { lexer: Lexer } }).Parser.lexer;
  const open: { name: string; start: number; end: number }[] = [];
  let stray: { name: string; start: number; end: number } | undefined;
  let last = { start: text.length, end: text.length };
  try {
    lexer.setInput(text);
    let prev = "";
    let prevRange = last;
    for (let i = 0; i < 100_000; i++) {
      const tok = lexer.lex();
      const name = typeof tok === "number" ? tokenName(tok) : String(tok);
      const l = lexer.yylloc;
      const r = { start: off({ line: l.first_line, column: l.first_column }), end: off({ line: l.last_line, column: l.last_column }) };
      if (name === "EOF") break;
      if (name === "INVALID") {
        last = r;
        break;
      }
      if (prev === "OPEN_BLOCK" && name === "ID") open.push({ name: lexer.yytext, start: prevRange.start, end: r.end });
      if (prev === "OPEN_ENDBLOCK" && name === "ID") {
        if (open.length) open.pop();
        else stray ??= { name: lexer.yytext, start: prevRange.start, end: r.end };
      }
      prev = name;
      prevRange = r;
      last = r;
    }
  } catch {
    // The lexer itself failed: the position of the last token is the best we have.
  }
  if (stray && /got 'OPEN_ENDBLOCK'/.test(raw)) return { kind: "syntax", message: `{{/${stray.name}}} closes a block that was never opened`, start: stray.start, end: stray.end + 2 };
  if (/got 'EOF'/.test(raw) && open.length) {
    const b = open[open.length - 1]!;
    return { kind: "syntax", message: `{{#${b.name}}} is never closed; add {{/${b.name}}}`, start: Math.max(0, b.start), end: b.end };
  }
  if (/got 'INVALID'/.test(raw) || /Expecting .*'CLOSE'/.test(raw)) {
    const start = text.lastIndexOf("{{", last.start);
    return { kind: "syntax", message: `unfinished {{ }} expression: every "{{" needs a matching "}}"`, start: Math.max(0, start), end: Math.max(start + 2, last.end) };
  }
  return { kind: "syntax", message: `invalid template: ${raw.split("\n").pop() ?? raw}`, start: last.start, end: last.end };
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
}

/** Evaluates a parsed template against data; the result maps back through `source`. */
export function renderTemplate(t: ParsedTemplate, data: TemplateData, options: RenderOptions = {}): MappedText {
  if (!t.program) return t.source;
  const text = t.source.text;
  const starts = lineStarts(text);
  const off = (p: { line: number; column: number }) => Math.min(text.length, (starts[p.line - 1] ?? text.length) + p.column);
  const out = new MappedTextBuilder();
  const emitValue = (value: string, node: Node, name: string) => {
    const loc = node.loc;
    if (!loc || !value) return;
    const src = t.source.locate(off(loc.start), off(loc.end));
    if (src) out.emit(value, src.file, src.start, src.end, options.kindOf?.(name) ?? "variable", name);
  };
  const evalProgram = (p: hbs.AST.Program | undefined, ctx: TemplateValue[]) => {
    if (!p) return;
    for (const s of p.body) evalNode(s as Node, ctx);
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
        emitValue(stringify(v), node, name);
        return;
      }
      case "BlockStatement": {
        const b = node as hbs.AST.BlockStatement;
        const helper = pathName(b.path);
        const arg = b.params[0] ? evalExpr(b.params[0] as Node, ctx) : undefined;
        if (helper === "if" || helper === "unless") {
          const truthy = Array.isArray(arg) ? arg.length > 0 : Boolean(arg);
          evalProgram((truthy === (helper === "if") ? b.program : b.inverse) as hbs.AST.Program | undefined, ctx);
        } else if (helper === "each") {
          const items = Array.isArray(arg) ? arg : arg && typeof arg === "object" ? Object.values(arg) : [];
          if (items.length === 0) evalProgram(b.inverse as hbs.AST.Program | undefined, ctx);
          for (const item of items.slice(0, 1000)) evalProgram(b.program as hbs.AST.Program, [item, ...ctx]);
        } else if (helper === "with") {
          if (arg) evalProgram(b.program as hbs.AST.Program, [arg, ...ctx]);
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
        if (p.data) return undefined;
        let scope = ctx[Math.min(p.depth, ctx.length - 1)];
        if (p.parts.length === 0) return scope;
        for (const part of p.parts) {
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
