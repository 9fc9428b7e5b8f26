/** What every formatter gets. Formatters are pure: results in, text out. */
import type { FileResult } from "../engine/linter.js";

export interface RuleInfo {
  id: string;
  description: string;
  rationale?: string;
  url?: string;
  defaultSeverity?: "warn" | "error";
}

export interface FormatContext {
  /** Paths are shown relative to this folder. */
  cwd: string;
  /** Repository root for SARIF URIs (default cwd). */
  root?: string;
  /** ANSI colours (only on a TTY and never under NO_COLOR; the CLI decides). */
  color?: boolean;
  rules: readonly RuleInfo[];
  version?: string;
}

export type Formatter = (results: readonly FileResult[], ctx: FormatContext) => string;

/** Findings that come from the engine itself rather than a rule file. */
export const BUILTIN_RULES: RuleInfo[] = [
  { id: "parse-error", description: "A file that cannot be read or parsed (invalid JSON, YAML, MJML, Handlebars, encoding).", defaultSeverity: "error" },
  { id: "campaign-meta", description: "Campaign metadata (frontmatter or campaign.json) with unknown keys, wrong types, unknown offers, bad dates or locales.", defaultSeverity: "error" },
  { id: "internal-error", description: "A rule crashed on a file; the other rules still ran.", defaultSeverity: "error" },
  { id: "unused-suppression", description: "A brandlint-disable comment that suppresses nothing.", defaultSeverity: "warn" },
];
