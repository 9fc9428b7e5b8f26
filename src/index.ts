/**
 * brandlint's programmatic API.
 *
 * ```ts
 * import { lint, render, loadConfig, countSms } from "brandlint";
 * const { results } = await lint({ paths: ["templates"] });
 * const { files } = await render("templates/spring-sale/message.md");
 * countSms("Lumen: 20% off") // { encoding: "gsm7", units: 14, segments: 1 }
 * ```
 */
import type { LoadConfigOptions, LoadedConfig } from "./config/load.js";
import { loadProject } from "./setup.js";

export { lint, type LintOptions, type LintReport, type LintStats } from "./lint.js";
export { render, type RenderOptions, type RenderResult } from "./render-api.js";
export type { RenderedFile } from "./render/output.js";
export { countSms, type SmsCount, type SmsEncoding } from "./sms/count.js";
export { ConfigError, type LoadedConfig, type ConfigProblem } from "./config/load.js";
export type { Host } from "./host/index.js";
export type { FileResult, LintMessage, LintFix } from "./engine/linter.js";
export type { Rule, RuleMeta, RuleContext, Report } from "./engine/rule.js";
export { defineRule } from "./engine/rule.js";
export type { BrandConfig, Channel } from "./types.js";
export type {
  Campaign,
  Variant,
  ChannelVariant,
  EmailVariant,
  SmsVariant,
  PushVariant,
  WhatsAppVariant,
  SocialVariant,
  VariantField,
  ChannelFields,
  FieldName,
} from "./campaign/model.js";

/**
 * Finds (upward from `cwd`) or opens (`configPath`) brand.config.json and validates it,
 * rule options included. Throws ConfigError listing every problem with its position.
 */
export async function loadConfig(options: Omit<LoadConfigOptions, "rules"> = {}): Promise<LoadedConfig> {
  return (await loadProject({ cwd: options.cwd ?? process.cwd(), configPath: options.configPath, ...(options.host ? { host: options.host } : {}) })).config;
}
