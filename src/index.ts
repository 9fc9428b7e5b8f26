/**
 * brandlint's programmatic API.
 *
 * ```ts
 * import { lint, loadConfig } from "brandlint";
 * const { results } = await lint({ paths: ["templates"] });
 * ```
 */
import { loadConfig as loadConfigSync, type LoadConfigOptions, type LoadedConfig } from "./config/load.js";
import { loadRules } from "./rules-index.js";

export { lint, type LintOptions, type LintReport } from "./lint.js";
export { ConfigError, type LoadedConfig, type ConfigProblem } from "./config/load.js";
export type { FileResult, LintMessage, LintFix } from "./engine/linter.js";
export type { Rule, RuleMeta, RuleContext, Report } from "./engine/rule.js";
export { defineRule } from "./engine/rule.js";
export type { BrandConfig, Channel } from "./types.js";

/**
 * Finds (upward from `cwd`) or opens (`configPath`) brand.config.json and validates it,
 * rule options included. Throws ConfigError listing every problem with its position.
 */
export async function loadConfig(options: Omit<LoadConfigOptions, "rules"> = {}): Promise<LoadedConfig> {
  const rules = await loadRules();
  return loadConfigSync({ ...options, rules: rules.map((r) => r.meta) });
}
