/**
 * The one loader: the rules a run uses (built-in and the config's custom rules) and
 * the config validated against them. lint, render, the workers, the API and
 * `brandlint rules` all load through `loadProject`.
 */
import { loadCustomRules } from "./config/custom-rules.js";
import { diskHost, findConfig, loadConfig, MAX_CONFIG_BYTES, type LoadedConfig } from "./config/load.js";
import type { Rule } from "./engine/rule.js";
import { digestOf, readText, type Host } from "./host/index.js";
import { loadRules } from "./rules-index.js";
import path from "node:path";

export interface Project {
  config: LoadedConfig;
  /** Built-in rules, then custom rules, each sorted by id. */
  rules: Rule<never>[];
  /** Digest of the custom rules' code (empty without custom rules). */
  customDigest: string;
}

export interface LoadProjectOptions {
  cwd?: string;
  configPath?: string;
  host?: Host;
  /** An already loaded config: only its custom rules are loaded. */
  config?: LoadedConfig;
}

export async function loadProject(options: LoadProjectOptions = {}): Promise<Project> {
  const cwd = options.cwd ?? process.cwd();
  const host = options.config?.host ?? options.host ?? diskHost();
  const builtin = await loadRules();
  const ids = builtin.map((r) => r.meta.id);
  let custom: Awaited<ReturnType<typeof loadCustomRules>> = { rules: [], sources: [] };
  let read: { file: string; text: string } | undefined;
  if (options.config) custom = await loadCustomRules(options.config.file.path, options.config.file.text, host, ids, cwd);
  else {
    const file = options.configPath ? path.resolve(cwd, options.configPath) : findConfig(cwd, host);
    const raw = file ? readText(host, file, MAX_CONFIG_BYTES) : undefined;
    // A config that cannot be read or is not UTF-8 is reported by loadConfig below, with its reason.
    if (file && raw && "text" in raw && raw.badUtf8 === undefined) {
      read = { file, text: raw.text };
      custom = await loadCustomRules(file, raw.text, host, ids, cwd);
    }
  }
  const rules = [...builtin, ...custom.rules];
  const config = options.config ?? loadConfig({ cwd, configPath: options.configPath, rules: rules.map((r) => r.meta), host, read });
  return { config, rules, customDigest: custom.sources.length ? digestOf(custom.sources.join("\u0000")) : "" };
}
