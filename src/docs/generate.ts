/**
 * Rule docs generated from rule metadata: what, why, channels, options (from the
 * options schema), examples that fail and pass (the same examples the tests run),
 * and notes. `npm run docs` writes them; a test fails when they are stale.
 */
import type { Rule, RuleExample } from "../engine/rule.js";
import { BUILTIN_FINDINGS, type BuiltinFinding } from "../engine/builtin-findings.js";
import { CHANNELS } from "../types.js";

const fence = (lang: string, text: string) => {
  const ticks = text.includes("```") ? "````" : "```";
  return `${ticks}${lang}\n${text.replace(/\n$/, "")}\n${ticks}`;
};

function langOf(file: string): string {
  if (file.endsWith(".md")) return "markdown";
  if (file.endsWith(".json")) return "json";
  if (file.endsWith(".mjml") || file.endsWith(".mjml.hbs")) return "html";
  return "text";
}

function example(e: RuleExample<unknown>, failing: boolean): string {
  const out = [`#### ${failing ? "✗" : "✓"} ${e.title}`, ""];
  if (e.config && Object.keys(e.config).length) out.push("`brand.config.json` (excerpt):", "", fence("json", JSON.stringify(e.config, null, 2)), "");
  if (e.options && Object.keys(e.options).length) out.push("Options:", "", fence("json", JSON.stringify(e.options, null, 2)), "");
  for (const [name, text] of Object.entries(e.files)) out.push(`\`${name}\`:`, "", fence(langOf(name), text), "");
  if (failing && e.errors?.length) {
    out.push("Reports:", "");
    for (const err of e.errors) out.push(`- ${err.file ?? ""}${err.file ? ":" : "line "}${err.line}:${err.column}${err.message ? ` — ${err.message}` : ""}${err.messageId ? ` (\`${err.messageId}\`)` : ""}`);
    out.push("");
  }
  if (e.output) for (const [name, text] of Object.entries(e.output)) out.push(`After \`--fix\`, \`${name}\`:`, "", fence(langOf(name), text), "");
  return out.join("\n");
}

interface SchemaProp {
  type?: string | string[];
  description?: string;
  enum?: unknown[];
  items?: { type?: string };
}

export function ruleDoc(rule: Rule<never>): string {
  const m = rule.meta;
  const props = (m.schema.properties ?? {}) as Record<string, SchemaProp>;
  const defaults = m.defaultOptions as Record<string, unknown>;
  const lines = [
    `<!-- Generated from rules/${m.id}.ts by \`npm run docs\`. Do not edit by hand. -->`,
    `# ${m.id}`,
    "",
    m.description,
    "",
    `**Why:** ${m.rationale}`,
    "",
    "| | |",
    "|---|---|",
    `| Channels | ${m.channels.join(", ")} |`,
    `| Checks | ${m.scope === "variant" ? "each variant" : m.scope === "campaign" ? "all variants of a campaign together" : "all campaigns together"} |`,
    `| Default severity | ${m.defaultSeverity} |`,
    `| Fixable | ${m.fixable ? "yes (`--fix`)" : "no"}${m.hasSuggestions ? ", with suggestions" : ""} |`,
    "",
    "## Options",
    "",
  ];
  const keys = Object.keys(props);
  if (!keys.length) lines.push("None.", "");
  else {
    lines.push("| Option | Type | Default | Description |", "|---|---|---|---|");
    for (const k of keys) {
      const p = props[k]!;
      const type = p.enum ? p.enum.map((v) => JSON.stringify(v)).join(" \\| ") : Array.isArray(p.type) ? p.type.join(" \\| ") : p.type === "array" ? `${p.items?.type ?? "any"}[]` : (p.type ?? "any");
      lines.push(`| \`${k}\` | ${type} | ${k in defaults ? `\`${JSON.stringify(defaults[k])}\`` : "—"} | ${(p.description ?? "").replace(/\|/g, "\\|")} |`);
    }
    lines.push("");
  }
  lines.push(
    "Set them in `brand.config.json`:",
    "",
    fence("json", JSON.stringify({ rules: { [m.id]: [m.defaultSeverity, keys.length ? Object.fromEntries(keys.filter((k) => k in defaults).map((k) => [k, defaults[k]])) : {}] } }, null, 2)),
    "",
  );
  lines.push("## Messages", "");
  for (const [id, text] of Object.entries(m.messages)) lines.push(`- \`${id}\`: ${text}`);
  lines.push("");
  if (m.notes) lines.push(m.notes.trim(), "");
  lines.push("## Examples", "", "### Reported", "");
  for (const e of m.examples.invalid) lines.push(example(e as RuleExample<unknown>, true));
  lines.push("### Not reported", "");
  for (const e of m.examples.valid) lines.push(example(e as RuleExample<unknown>, false));
  return lines.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd() + "\n";
}

const channelsOf = (r: Rule<never>) => (r.meta.channels.length === CHANNELS.length ? "all" : r.meta.channels.join(", "));

/** A docs page for a finding brandlint reports itself (src/engine/builtin-findings.ts). */
export function builtinDoc(f: BuiltinFinding): string {
  return [
    `<!-- Generated from src/engine/builtin-findings.ts by \`npm run docs\`. Do not edit by hand. -->`,
    `# ${f.id}`,
    "",
    f.description,
    "",
    `**Why:** ${f.rationale}`,
    "",
    "| | |",
    "|---|---|",
    "| Reported by | brandlint itself, not a rule file |",
    `| Default severity | ${f.defaultSeverity} |`,
    `| Can be suppressed inline | ${f.suppressible ? "yes" : "no"} |`,
    "",
    f.details.trim(),
    "",
  ].join("\n");
}

/** Table rows of the rules and of the built-in findings; `base` is the docs folder as seen from the page, `code` puts ids in backticks. */
const ruleRows = (rules: readonly Rule<never>[], base: string, code: boolean, notFixable: string) =>
  rules.map((r) => `| [${code ? `\`${r.meta.id}\`` : r.meta.id}](${base}${r.meta.id}.md) | ${channelsOf(r)} | ${r.meta.defaultSeverity} | ${r.meta.fixable ? "yes" : notFixable} | ${r.meta.description} |`);
const builtinRows = (base: string, code: boolean) =>
  BUILTIN_FINDINGS.map((f) => `| [${code ? `\`${f.id}\`` : f.id}](${base}${f.id}.md) | ${f.defaultSeverity} | ${f.suppressible ? "yes" : "no"} | ${f.description} |`);

export function rulesIndex(rules: readonly Rule<never>[]): string {
  const lines = [
    "<!-- Generated from rules/ by `npm run docs`. Do not edit by hand. -->",
    "# Rules",
    "",
    "| Rule | Channels | Default | Fixable | What it checks |",
    "|---|---|---|---|---|",
    ...ruleRows(rules, "", false, ""),
    "",
    "## Findings brandlint reports itself",
    "",
    "| Finding | Default | Suppressible | What it means |",
    "|---|---|---|---|",
    ...builtinRows("", false),
    "",
  ];
  return lines.join("\n");
}

export const README_START = "<!-- rules:start (generated by `npm run docs` from rule metadata; do not edit by hand) -->";
export const README_END = "<!-- rules:end -->";

/** The README's rules section: one row per rule file, then the findings brandlint reports itself. */
export function readmeRules(rules: readonly Rule<never>[]): string {
  return [
    "| rule | channels | default | `--fix` | what it checks |",
    "|------|----------|---------|---------|----------------|",
    ...ruleRows(rules, "docs/rules/", true, "no"),
    "",
    "Some findings come from brandlint itself rather than from a rule:",
    "",
    "| finding | default | suppressible | what it means |",
    "|---------|---------|--------------|---------------|",
    ...builtinRows("docs/rules/", true),
  ].join("\n");
}

/** `readme` with its rules section (between the markers, which may carry any comment text) regenerated. */
export function updateReadme(readme: string, rules: readonly Rule<never>[]): string {
  const start = /<!-- rules:start\b[^>]*-->/.exec(readme);
  const end = readme.indexOf(README_END);
  if (!start || end < start.index) throw new Error(`README.md needs the markers ${README_START} and ${README_END}`);
  return `${readme.slice(0, start.index)}${README_START}\n${readmeRules(rules)}\n${readme.slice(end)}`;
}

/** Every generated docs file, by path relative to the package root. */
export function allDocs(rules: readonly Rule<never>[]): Record<string, string> {
  const out: Record<string, string> = { "docs/rules/README.md": rulesIndex(rules) };
  for (const r of rules) out[`docs/rules/${r.meta.id}.md`] = ruleDoc(r);
  for (const f of BUILTIN_FINDINGS) out[f.docsUrl] = builtinDoc(f);
  return out;
}
