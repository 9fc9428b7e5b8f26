/**
 * The shape of a rule: metadata (what it checks, why, where, its options schema,
 * its messages and its examples) and a check function. One rule per file in rules/,
 * file name = rule id.
 */
import type { Campaign, Variant } from "../campaign/model.js";
import type { LoadedConfig } from "../config/load.js";
import type { MappedText } from "../text/mapped-text.js";
import type { SourceFile } from "../text/source-file.js";
import type { BrandConfig, Channel, SeverityName } from "../types.js";

/** A campaign folder's files for an example or a test case, by file name. */
export type ExampleFiles = Record<string, string>;

export interface ExpectedFinding {
  messageId?: string;
  /** File name within the campaign folder, or "brand.config.json". Default: the only or first file. */
  file?: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  channels?: Channel[];
  /** Substring the message must contain. */
  message?: string;
  /** Every suggestion the finding offers, in order: its description (substring) and the files after applying it. */
  suggestions?: { desc?: string; messageId?: string; output: ExampleFiles }[];
}

export interface RuleExample<O = Record<string, unknown>> {
  /** What the example shows (used as the test name and in the docs). */
  title: string;
  /** Config to merge over the docs/test base config. */
  config?: Partial<BrandConfig>;
  options?: Partial<O>;
  files: ExampleFiles;
  /** Expected findings; an empty list (or none) means the example passes. */
  errors?: ExpectedFinding[];
  /** Files after --fix (only those that change). */
  output?: ExampleFiles;
}

export interface RuleMeta<O = Record<string, unknown>> {
  id: string;
  /** One line: what the rule checks. */
  description: string;
  /** Why a brand team cares (shown in docs and SARIF help). */
  rationale: string;
  docs: { url: string };
  /** The channels whose variants the rule looks at. */
  channels: readonly Channel[];
  /** variant: once per variant; campaign: once per campaign; project: once per run. */
  scope: "variant" | "campaign" | "project";
  defaultSeverity: Exclude<SeverityName, "off">;
  fixable: boolean;
  hasSuggestions?: boolean;
  /** JSON Schema of the options object. */
  schema: Record<string, unknown>;
  defaultOptions: O;
  /** Message templates by id; placeholders are {name} (never {{name}}: our templates are Handlebars). */
  messages: Record<string, string>;
  examples: { valid: RuleExample<O>[]; invalid: RuleExample<O>[] };
  /** Extra Markdown for the docs (heuristics, limits). */
  notes?: string;
}

/** Where a finding is: a range of variant text, or of a source file directly. */
export type Where = { text: MappedText; start: number; end: number } | { file: SourceFile; start: number; end: number };

export interface Report {
  messageId: string;
  data?: Record<string, string | number>;
  at: Where;
  /** Replacement for the located range; applied only where the range is an exact copy of its source. */
  fix?: string | { file: SourceFile; start: number; end: number; text: string };
  suggestions?: { messageId?: string; desc?: string; data?: Record<string, string | number>; text: string }[];
  /** Override the channels (default: the variant's channel). */
  channels?: Channel[];
  /** Downgrade (or upgrade) this one finding. */
  severity?: 1 | 2;
  /** Other places the finding involves (another campaign's send), shown as related information. */
  related?: { at: Where; message: string }[];
  /**
   * Project rules: the same finding as seen from another place it involves. When a run
   * lints only some campaigns (a staged file, --changed-since) and the finding's own
   * place is not among them, the engine reports the first alternate that is, so the
   * campaign that caused a clash is told. Shards and full runs never use alternates.
   */
  alternates?: Omit<Report, "alternates">[];
}

export interface RuleContext<O> {
  ruleId: string;
  options: O;
  /** The loaded config, with overrides for this campaign applied to `data`. */
  config: LoadedConfig;
  campaign: Campaign;
  /** The variant being checked (variant scope), else undefined. */
  variant?: Variant;
  /** Every variant of the campaign that this rule's channels cover. */
  variants: Variant[];
  /** Every campaign of the run (project scope). */
  campaigns: Campaign[];
  report(r: Report): void;
}

export interface Rule<O = Record<string, unknown>> {
  meta: RuleMeta<O>;
  check(ctx: RuleContext<O>): void;
}

/** Declares a rule; the type parameter gives `check` typed options. */
export function defineRule<O extends object>(rule: Rule<O>): Rule<O> {
  return rule;
}

/** Fills a message template's {placeholders}. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in data ? String(data[k]) : m));
}
