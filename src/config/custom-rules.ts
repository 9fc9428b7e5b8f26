/**
 * Custom rules: modules the config names explicitly in `customRules` (paths relative
 * to brand.config.json). They are trusted code — brandlint imports them — so nothing
 * else in a repository is ever executed: no plugin discovery, no rule folders scanned.
 * Their source is read through the Host, so the cache key covers their code.
 */
import path from "node:path";
import { readText, type Host } from "../host/index.js";
import type { Rule } from "../engine/rule.js";
import { SourceFile } from "../text/source-file.js";
import { parseJson } from "./json-doc.js";
import { ConfigError } from "./load.js";

export interface CustomRules {
  rules: Rule<never>[];
  /** The rule modules' source texts, in order (for the cache key). */
  sources: string[];
}

const MAX_RULE_BYTES = 4 * 1024 * 1024;

/** Loads the rules a config's `customRules` names. Throws ConfigError for a bad entry. */
export async function loadCustomRules(file: string, raw: string, host: Host, builtinIds: readonly string[], cwd: string): Promise<CustomRules> {
  const text = raw.replace(/^\uFEFF/, "");
  if (!text.includes('"customRules"')) return { rules: [], sources: [] };
  const doc = parseJson(text);
  const list = (doc.value as { customRules?: unknown } | undefined)?.customRules;
  if (!Array.isArray(list)) return { rules: [], sources: [] };
  const src = new SourceFile(file, text);
  const shown = path.relative(cwd, file) || file;
  const fail = (i: number, message: string): never => {
    const pos = src.positionAt(doc.locate(["customRules", i]).start);
    throw new ConfigError([{ file: shown, ...pos, message }]);
  };
  const out: Rule<never>[] = [];
  const sources: string[] = [];
  for (const [i, entry] of list.entries()) {
    if (typeof entry !== "string") continue;
    const target = path.resolve(path.dirname(file), entry);
    const code = readText(host, target, MAX_RULE_BYTES);
    const url = "text" in code ? host.moduleUrl(target) : undefined;
    if (!("text" in code) || !url) return fail(i, `custom rule ${entry} not found (paths are relative to ${path.basename(file)})`);
    sources.push(code.text);
    let mod: { default?: Rule<never> };
    try {
      mod = (await import(url)) as { default?: Rule<never> };
    } catch (e) {
      return fail(i, `custom rule ${entry} could not be loaded: ${(e as Error).message.split("\n")[0]}`);
    }
    const rule = mod.default;
    if (!rule || typeof rule.check !== "function" || !rule.meta || typeof rule.meta.id !== "string") return fail(i, `custom rule ${entry} must \`export default\` a rule: { meta: { id, ... }, check(ctx) }`);
    if (builtinIds.includes(rule.meta.id) || out.some((r) => r.meta.id === rule.meta.id)) fail(i, `custom rule ${entry} uses the id "${rule.meta.id}", which is already taken`);
    // Custom rules may leave out metadata that only built-in docs need.
    const defaults: Partial<Rule<never>["meta"]> = { schema: { type: "object" }, defaultOptions: {} as never, channels: ["email", "sms", "push", "whatsapp", "social"], scope: "variant", defaultSeverity: "error", fixable: false, examples: { valid: [], invalid: [] }, rationale: "", docs: { url: entry }, description: rule.meta.id, messages: {} };
    out.push({ ...rule, meta: Object.assign(defaults, rule.meta) as Rule<never>["meta"] });
  }
  return { rules: out, sources };
}
