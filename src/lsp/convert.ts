/**
 * brandlint findings as LSP values: diagnostics, text edits from the same fix ranges
 * --fix applies, and the "disable for this line" comment in each file type's syntax
 * (the syntaxes src/engine/suppress.ts reads).
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { DiagnosticSeverity, type Diagnostic, type Range, type TextEdit } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { LintFix, LintMessage } from "../engine/linter.js";
import type { Rule } from "../engine/rule.js";
import { ownFileExists, packageRoot } from "../host/package.js";
import { isHighSurrogate, isLowSurrogate } from "../text/code-points.js";

export function uriOf(file: string): string {
  return pathToFileURL(file).href;
}

/** 1-based line/column (UTF-16, end exclusive) → an LSP range. */
export function rangeOf(line: number, column: number, endLine: number, endColumn: number): Range {
  return { start: { line: line - 1, character: column - 1 }, end: { line: endLine - 1, character: endColumn - 1 } };
}

/** Where a rule is documented: the packaged docs/rules/<id>.md, else its docs url. */
export function docsHref(rule: Rule<never> | undefined, id: string): string | undefined {
  const local = path.join(packageRoot, "docs", "rules", `${id}.md`);
  if (ownFileExists(local)) return uriOf(local);
  return rule?.meta.docs.url;
}

/** The message as shown in the editor: the channels the line feeds, after the words. */
export function messageText(m: LintMessage): string {
  return m.channels?.length ? `${m.message} (${m.channels.join(", ")})` : m.message;
}

export function toDiagnostic(m: LintMessage, rules: ReadonlyMap<string, Rule<never>>): Diagnostic {
  const href = docsHref(rules.get(m.ruleId), m.ruleId);
  return {
    range: rangeOf(m.line, m.column, m.endLine, m.endColumn),
    severity: m.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: "brandlint",
    code: m.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    message: messageText(m),
    ...(m.related?.length
      ? {
          relatedInformation: m.related.map((r) => ({
            location: { uri: uriOf(r.file.path), range: rangeOf(r.line, r.column, r.endLine, r.endColumn) },
            message: r.message,
          })),
        }
      : {}),
  };
}

/** The BOM is not part of brandlint's offsets; an editor buffer may still hold one. */
function shift(doc: TextDocument): number {
  return doc.getText().charCodeAt(0) === 0xfeff ? 1 : 0;
}

/** A fix (UTF-16 offsets in the file's text) as a text edit on the buffer it was computed from. */
export function fixEdit(doc: TextDocument, fix: LintFix): TextEdit {
  const s = shift(doc);
  return { range: { start: doc.positionAt(fix.range[0] + s), end: doc.positionAt(fix.range[1] + s) }, newText: fix.text };
}

/** The smallest single edit turning the buffer into `after` (common prefix and suffix kept). */
export function minimalEdit(doc: TextDocument, after: string): TextEdit | undefined {
  const s = shift(doc);
  const before = doc.getText().slice(s);
  if (before === after) return undefined;
  let start = 0;
  while (start < before.length && start < after.length && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // Never cut a surrogate pair.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--;
  return {
    range: { start: doc.positionAt(start + s), end: doc.positionAt(before.length - end + s) },
    newText: after.slice(start, after.length - end),
  };
}


export const REASON_PLACEHOLDER = "<reason>";

/**
 * The edit that disables `ruleId` on the finding's first line, in the comment syntax
 * of the file (suppress.ts): an HTML comment in Markdown and MJML, a `#` comment in
 * message.md's frontmatter, a Handlebars comment in text and .hbs templates. Plain
 * JSON files (campaign.json, push.json) have no comments: undefined.
 */
export function disableLineEdit(doc: TextDocument, file: string, line: number, ruleId: string): TextEdit | undefined {
  const name = path.basename(file);
  const text = doc.getText();
  const lineIndex = line - 1;
  const lineEnd = lineEndOffset(doc, lineIndex);
  const at = doc.positionAt(lineEnd);
  const body = `brandlint-disable-line ${ruleId} -- ${REASON_PLACEHOLDER}`;
  let comment: string;
  if (name.endsWith(".md")) {
    const fmEnd = text.startsWith("---") ? text.indexOf("\n---", 3) : -1;
    const inFrontmatter = fmEnd !== -1 && lineIndex > 0 && doc.offsetAt({ line: lineIndex, character: 0 }) <= fmEnd;
    comment = inFrontmatter ? ` # ${body}` : `<!-- ${body} -->`;
  } else if (name.endsWith(".mjml")) comment = `<!-- ${body} -->`;
  else if (name.endsWith(".hbs") || name.endsWith(".txt")) comment = `{{!-- ${body} --}}`;
  else return undefined;
  return { range: { start: at, end: at }, newText: comment };
}

/** Offset of the end of a line's content (before its line break). */
function lineEndOffset(doc: TextDocument, line: number): number {
  const next = line + 1 < doc.lineCount ? doc.offsetAt({ line: line + 1, character: 0 }) : doc.getText().length;
  const text = doc.getText();
  let end = next;
  if (end > 0 && text[end - 1] === "\n") end--;
  if (end > 0 && text[end - 1] === "\r") end--;
  return Math.max(end, doc.offsetAt({ line, character: 0 }));
}
