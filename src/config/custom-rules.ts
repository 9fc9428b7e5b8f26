/**
 * Custom rules: modules the config names explicitly in `customRules` (paths relative
 * to brand.config.json). They are trusted code — brandlint imports them — so nothing
 * else in a repository is ever executed: no plugin discovery, no rule folders scanned.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Rule } from "../engine/rule.js";
import { SourceFile } from "../text/source-file.js";
import { parseJson } from "./json-doc.js";
import { ConfigError, findConfig } from "./load.js";

/** Loads the rules a config's `customRules` names. Throws ConfigError for a bad entry. */
export async function loadCustomRules(cwd: string, configPath: string | undefined, builtinIds: readonly string[]): Promise<Rule<never>[]> {
  const file = configPath ? path.resolve(cwd, configPath) : findConfig(cwd);
  if (!file || !existsSync(file)) return [];
  let raw: string;
  try {
    raw = readFileSync(file, "utf8");
  } catch {
    return [];
  }
  if (!raw.includes('"customRules"')) return [];
  const doc = parseJson(raw.replace(/^\uFEFF/, ""));
  const list = (doc.value as { customRules?: unknown } | undefined)?.customRules;
  if (!Array.isArray(list)) return [];
  const src = new SourceFile(file, raw.replace(/^\uFEFF/, ""));
  const shown = path.relative(cwd, file) || file;
  const fail = (i: number, message: string): never => {
    const pos = src.positionAt(doc.locate(["customRules", i]).start);
    throw new ConfigError([{ file: shown, ...pos, message }]);
  };
  const out: Rule<never>[] = [];
  for (const [i, entry] of list.entries()) {
    if (typeof entry !== "string") continue;
    const target = path.resolve(path.dirname(file), entry);
    if (!existsSync(target)) fail(i, `custom rule ${entry} not found (paths are relative to ${path.basename(file)})`);
    let mod: { default?: Rule<never> };
    try {
      mod = (await import(pathToFileURL(target).href)) as { default?: Rule<never> };
    } catch (e) {
      return fail(i, `custom rule ${entry} could not be loaded: ${(e as Error).message.split("\n")[0]}`);
    }
    const rule = mod.default;
    if (!rule || typeof rule.check !== "function" || !rule.meta || typeof rule.meta.id !== "string") fail(i, `custom rule ${entry} must \`export default\` a rule: { meta: { id, ... }, check(ctx) }`);
    if (builtinIds.includes(rule!.meta.id) || out.some((r) => r.meta.id === rule!.meta.id)) fail(i, `custom rule ${entry} uses the id "${rule!.meta.id}", which is already taken`);
    // Custom rules may leave out metadata that only built-in docs need.
    const defaults: Partial<Rule<never>["meta"]> = { schema: { type: "object" }, defaultOptions: {} as never, channels: ["email", "sms", "push", "whatsapp", "social"], scope: "variant", defaultSeverity: "error", fixable: false, examples: { valid: [], invalid: [] }, rationale: "", docs: { url: entry }, description: rule!.meta.id, messages: {} };
    out.push({ ...rule!, meta: Object.assign(defaults, rule!.meta) as Rule<never>["meta"] });
  }
  return out;
}
