/** The rules a run uses (built-in and the config's custom rules) and the config validated against them. */
import { loadCustomRules } from "./config/custom-rules.js";
import { loadConfig, type LoadedConfig } from "./config/load.js";
import type { Rule } from "./engine/rule.js";
import { loadRules } from "./rules-index.js";

export async function loadRulesAndConfig(cwd: string, configPath?: string): Promise<{ rules: Rule<never>[]; config: LoadedConfig }> {
  const builtin = await loadRules();
  const rules = [...builtin, ...(await loadCustomRules(cwd, configPath, builtin.map((r) => r.meta.id)))];
  const config = loadConfig({ cwd, configPath, rules: rules.map((r) => r.meta) });
  return { rules, config };
}
