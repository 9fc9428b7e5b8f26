/**
 * Inline suppressions, like ESLint's disable comments, in each file's own comment syntax:
 *
 *   <!-- brandlint-disable-next-line tone-words -- legal wording -->   (Markdown, MJML)
 *   {{!-- brandlint-disable-line sms-length -- carrier-approved --}}   (Handlebars text files)
 *   # brandlint-disable-next-line channel-limits -- agreed with legal   (message.md frontmatter)
 *
 * Also `brandlint-disable` / `brandlint-enable` for a range. Rule lists are comma
 * separated (none = every rule); the reason follows `--`. Suppressions that
 * suppress nothing are reported (unused-suppression), as are directives that name an
 * unknown rule or give no reason (invalid-suppression; a directive without a reason
 * suppresses nothing).
 */
import { UNSUPPRESSIBLE } from "./builtin-findings.js";
import type { SourceFile } from "../text/source-file.js";
import { didYouMean } from "../text/suggest.js";
import type { RawFinding } from "./linter.js";

type Kind = "disable" | "enable" | "disable-line" | "disable-next-line";

export interface Directive {
  kind: Kind;
  rules: string[];
  reason: string;
  file: SourceFile;
  start: number;
  end: number;
  /** Lines it covers (for -line / -next-line), 1-based. */
  line: number;
  used: boolean;
  /** No reason given: it suppresses nothing. */
  invalid?: boolean;
}

const HTML = /<!--\s*brandlint-(disable-next-line|disable-line|disable|enable)\b([\s\S]*?)-->/g;
const HBS = /\{\{!(?:--)?\s*brandlint-(disable-next-line|disable-line|disable|enable)\b([\s\S]*?)(?:--)?\}\}/g;
const YAML = /(?:^|\s)#\s*brandlint-(disable-next-line|disable-line|disable|enable)\b([^\n]*)/g;

/** Built-in findings that cannot be suppressed: the file itself is broken. */

function syntaxesFor(file: SourceFile): RegExp[] {
  const p = file.path;
  if (p.endsWith(".md")) return [HTML, HBS, YAML];
  if (/\.(?:mjml|html)(?:\.hbs)?$/.test(p)) return [HTML, HBS];
  if (p.endsWith(".json") && !p.endsWith(".hbs")) return [HBS];
  return [HBS];
}

/** Whether a file can hold a directive at all (every syntax above starts with this mark); false means parseDirectives finds none. */
export function mayHoldDirectives(file: SourceFile): boolean {
  return file.text.includes("brandlint-");
}

export function parseDirectives(file: SourceFile): Directive[] {
  const out: Directive[] = [];
  const fmEnd = file.path.endsWith(".md") && file.text.startsWith("---") ? file.text.indexOf("\n---", 3) : -1;
  for (const re of syntaxesFor(file)) {
    re.lastIndex = 0;
    for (const m of file.text.matchAll(re)) {
      const start = m.index + (m[0].startsWith("#") ? 0 : m[0].length - m[0].trimStart().length);
      if (re === YAML && (fmEnd === -1 || start > fmEnd)) continue;
      const body = m[2]!.replace(/--\s*$/, "");
      const sep = body.indexOf("--");
      const rulesPart = sep === -1 ? body : body.slice(0, sep);
      const reason = sep === -1 ? "" : body.slice(sep + 2).trim();
      const rules = rulesPart
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter(Boolean);
      const kind = m[1] as Kind;
      const line = file.positionAt(start).line + (kind === "disable-next-line" ? (file.text.slice(start, m.index + m[0].length).split("\n").length - 1) + 1 : 0);
      out.push({ kind, rules, reason, file, start, end: m.index + m[0].length, line, used: false });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Removes suppressed findings and adds findings for unused or invalid directives.
 * `files` are every file of the run; `knownRules` validates the rule names.
 */
export function applySuppressions(findings: RawFinding[], files: readonly SourceFile[], knownRules: readonly string[]): RawFinding[] {
  const byFile = new Map<string, Directive[]>();
  const extra: RawFinding[] = [];
  for (const f of files) {
    const ds = parseDirectives(f);
    if (!ds.length) continue;
    byFile.set(f.path, ds);
    for (const d of ds) {
      for (const r of d.rules)
        if (!knownRules.includes(r)) {
          const guess = didYouMean(r, knownRules);
          extra.push(builtin("invalid-suppression", 2, `brandlint-${d.kind} names an unknown rule "${r}"${guess ? ` — did you mean "${guess}"?` : ""}`, d));
        }
      if (d.kind !== "enable" && !d.reason) {
        // A suppression without a reason hides nothing: the findings stay, and so does the exit code.
        d.invalid = true;
        extra.push(builtin("invalid-suppression", 2, `brandlint-${d.kind} needs a reason: add “-- why” so reviewers know why the rule does not apply (until then it suppresses nothing)`, d));
      }
    }
  }
  if (!byFile.size) return findings;
  const kept: RawFinding[] = [];
  for (const f of findings) {
    const ds = byFile.get(f.file.path);
    if (!ds || UNSUPPRESSIBLE.has(f.ruleId)) {
      kept.push(f);
      continue;
    }
    const line = f.file.positionAt(f.start).line;
    const covers = (d: Directive) => d.rules.length === 0 || d.rules.includes(f.ruleId);
    let suppressedBy: Directive | undefined;
    for (const d of ds) {
      if (d.invalid) continue;
      if ((d.kind === "disable-line" || d.kind === "disable-next-line") && d.line === line && covers(d)) suppressedBy = d;
    }
    if (!suppressedBy) {
      // Ranges: the last disable/enable before the finding that concerns its rule decides.
      let state: Directive | undefined;
      for (const d of ds) {
        if (d.start > f.start) break;
        if (d.invalid) continue;
        if (d.kind === "disable" && covers(d)) state = d;
        if (d.kind === "enable" && (d.rules.length === 0 || d.rules.includes(f.ruleId))) state = undefined;
      }
      suppressedBy = state;
    }
    if (suppressedBy) suppressedBy.used = true;
    else kept.push(f);
  }
  for (const ds of byFile.values())
    for (const d of ds)
      if (!d.used && !d.invalid && d.kind !== "enable") extra.push(builtin("unused-suppression", 1, `unused brandlint-${d.kind}${d.rules.length ? ` for ${d.rules.join(", ")}` : ""}: nothing here is reported any more; remove the comment`, d));
  return [...kept, ...extra];
}

function builtin(ruleId: string, severity: 1 | 2, message: string, d: Directive): RawFinding {
  return { ruleId, severity, message, file: d.file, start: d.start, end: d.end, channels: new Set() };
}
