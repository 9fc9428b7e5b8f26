/**
 * brandlint's programmatic API.
 *
 * ```ts
 * import { lint, loadConfig } from "brandlint";
 * const { results } = await lint({ paths: ["templates"] });
 * ```
 */
export { lint, type LintOptions, type LintReport } from "./lint.js";
export { loadConfig, ConfigError, type LoadedConfig, type ConfigProblem } from "./config/load.js";
export type { FileResult, LintMessage, LintFix } from "./engine/linter.js";
export type { Rule, RuleMeta, RuleContext, Report } from "./engine/rule.js";
export type { BrandConfig, Channel } from "./types.js";
