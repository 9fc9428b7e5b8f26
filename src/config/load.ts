/**
 * Finds, parses and validates brand.config.json. Every problem is reported with the
 * file, line, column and JSON path, in words a copywriter understands; nothing here
 * prints or exits (the CLI does).
 */
import type { CompiledStore } from "../compiled-cache.js";
import path from "node:path";
import { DiskHost, readText, type Host } from "../host/index.js";
import type { ValidateFunction } from "ajv";
import { newAjv, validatorFor } from "./validators.js";
import { SourceFile } from "../text/source-file.js";
import { isRealDate } from "../text/dates.js";
import { didYouMean } from "../text/suggest.js";
import type { BrandConfig, RuleSetting, Severity } from "../types.js";
import { parseJson, type JsonDoc } from "./json-doc.js";
import { humanize, showPath, type JsonPath, type Naming, type Problem } from "./problems.js";
import { isTimeZone } from "../text/time.js";

export const CONFIG_FILE = "brand.config.json";

export interface LoadedConfig {
  file: SourceFile;
  /** The host the project is read through (disk, memory, or unsaved buffers over the disk). */
  host: Host;
  /** Folder of the config file: globs in overrides and the project root are relative to it. */
  dir: string;
  data: BrandConfig;
  doc: JsonDoc;
  /** Source range of a JSON path in the config file. */
  locate(path: JsonPath, key?: string): { start: number; end: number };
  /** Compiled data kept on disk with `--cache` (the tone matchers), set by the lint run. */
  compiled?: CompiledStore;
}

/** What the config layer needs to know about a rule to validate its settings. */
export interface RuleOptionsInfo {
  id: string;
  schema: object;
}

export interface ConfigProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** A config that cannot be used. The CLI prints `problems` and exits 2. */
export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join("\n"));
    this.name = "ConfigError";
  }
}

export { newAjv } from "./validators.js";
function brandSchemaValidator(): ValidateFunction {
  return validatorFor("brand.config");
}

/** A config file may be far larger than a template (100,000 tone terms), never larger than this. */
export const MAX_CONFIG_BYTES = 64 * 1024 * 1024;

let defaultHost: Host | undefined;
/** The disk, for callers that name no host. */
export function diskHost(): Host {
  return (defaultHost ??= new DiskHost());
}

/** Walks up from `cwd` (a folder, or a file's folder) to find brand.config.json. */
export function findConfig(cwd: string, host: Host = diskHost()): string | undefined {
  let dir = path.resolve(cwd);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE);
    if (host.stat(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : file;
}

export interface LoadConfigOptions {
  cwd?: string;
  /** An explicit config file (--config). */
  configPath?: string;
  /** Rules whose settings to validate (all known rules). */
  rules?: readonly RuleOptionsInfo[];
  /** Where files are read from (default: the disk). */
  host?: Host;
  /** The config file's text, already read from `file` (loadProject reads it first for its custom rules): not read and decoded again. */
  read?: { file: string; text: string };
}

export function severityOf(setting: RuleSetting | undefined): Severity | undefined {
  if (setting === undefined) return undefined;
  const s = Array.isArray(setting) ? setting[0] : setting;
  if (s === "off" || s === 0) return 0;
  if (s === "warn" || s === 1) return 1;
  return 2;
}

/** Loads and validates the config. Throws ConfigError with every problem found. */
export function loadConfig(options: LoadConfigOptions = {}): LoadedConfig {
  const cwd = options.cwd ?? process.cwd();
  const host = options.host ?? diskHost();
  const file = options.configPath ? path.resolve(cwd, options.configPath) : findConfig(cwd, host);
  const fail = (message: string, where = file ?? CONFIG_FILE): never => {
    throw new ConfigError([{ file: displayPath(where, cwd), line: 0, column: 0, message }]);
  };
  if (!file) return fail(`no ${CONFIG_FILE} found in ${cwd} or any folder above it; create one with "brandlint init" or pass --config <file>`, CONFIG_FILE);
  const r = options.read?.file === file ? { text: options.read.text } : readText(host, file, MAX_CONFIG_BYTES);
  if (!("text" in r)) {
    const code = r.code;
    return fail(
      code === "EISDIR"
        ? "is a folder, not a config file"
        : code === "ENOENT"
          ? "config file not found"
          : code === "EACCES"
            ? "config file cannot be read (permission denied)"
            : code === "ENOTREG"
              ? "is not a regular file (a FIFO, socket or device); brandlint reads the config only from a regular file"
              : code === "E2BIG"
                ? `config file is too large (${((r.size ?? 0) / 1048576).toFixed(1)} MB; the limit is ${MAX_CONFIG_BYTES / 1048576} MB)`
                : `config file cannot be read (${code})`,
    );
  }
  if ("badUtf8" in r && r.badUtf8 !== undefined) {
    // Read as U+FFFD, a bad byte in a colour, an offer code or a term would change it silently.
    const pos = SourceFile.fromContents(file, r.text).positionAt(r.badUtf8);
    throw new ConfigError([{ file: displayPath(file, cwd), line: pos.line, column: pos.column, message: "is not valid UTF-8 (this byte is not part of a UTF-8 character); save the file as UTF-8" }]);
  }
  return parseConfigText(file, r.text, options.rules, cwd, host);
}

/** Validates config text already read (used by loadConfig and tests). */
export function parseConfigText(file: string, raw: string, rules: readonly RuleOptionsInfo[] | undefined, cwd = process.cwd(), host: Host = diskHost()): LoadedConfig {
  const src = SourceFile.fromContents(file, raw);
  const shown = displayPath(file, cwd);
  const toProblem = (p: Problem): ConfigProblem => ({ file: shown, ...src.positionAt(p.start), message: p.message });
  const doc = parseJson(src.text);
  // NUL is never valid JSON (raw in a string, nor outside one), so only text that does not parse is looked at for it.
  if (doc.errors.length && raw.includes("\u0000")) throw new ConfigError([{ file: shown, line: 1, column: 1, message: "is not a text file (it contains NUL bytes)" }]);
  if (doc.errors.length) throw new ConfigError(doc.errors.map(toProblem));
  const locate = doc.locate;
  const validate = brandSchemaValidator();
  if (!validate(doc.value)) throw new ConfigError([...doc.duplicates, ...humanize(validate.errors ?? [], locate, "the config")].sort((a, b) => a.start - b.start).map(toProblem));
  const data = doc.value as BrandConfig;
  const problems: Problem[] = [...doc.duplicates];
  if (rules) problems.push(...checkRuleSettings(data.rules, ["rules"], rules, locate));
  data.overrides?.forEach((o, i) => {
    if (rules) problems.push(...checkRuleSettings(o.rules, ["overrides", i, "rules"], rules, locate));
  });
  problems.push(...checkSemantics(data, locate));
  if (problems.length) throw new ConfigError(problems.sort((a, b) => a.start - b.start).map(toProblem));
  return { file: src, host, dir: path.dirname(file), data, doc, locate };
}

let ruleAjv: ReturnType<typeof newAjv> | undefined;
const ruleValidators = new Map<string, ValidateFunction>();

function checkRuleSettings(
  settings: Record<string, RuleSetting> | undefined,
  at: JsonPath,
  rules: readonly RuleOptionsInfo[],
  locate: JsonDoc["locate"],
): Problem[] {
  const out: Problem[] = [];
  const byId = new Map(rules.map((r) => [r.id, r]));
  for (const [id, setting] of Object.entries(settings ?? {})) {
    const rule = byId.get(id);
    if (!rule) {
      const guess = didYouMean(id, byId.keys());
      const r = locate([...at, id], id);
      out.push({ ...r, path: [...at, id], message: `unknown rule "${id}"${guess ? ` — did you mean "${guess}"?` : ` (run "brandlint rules" to list them)`}` });
      continue;
    }
    if (!Array.isArray(setting) || setting.length < 2) continue;
    let v = ruleValidators.get(id);
    if (!v) {
      v = (ruleAjv ??= newAjv()).compile(rule.schema);
      ruleValidators.set(id, v);
    }
    if (!v(setting[1])) {
      const base: JsonPath = [...at, id, 1];
      const naming: Naming = {
        name: (p) => (p.length ? `option "${showPath(p)}" of rule ${id}` : `the options object of rule ${id}`),
        inside: (p) => (p.length ? ` in option "${showPath(p)}" of rule ${id}` : ` in the options of rule ${id}`),
      };
      out.push(...humanize(v.errors ?? [], (p, key) => locate([...base, ...p], key), naming).map((p) => ({ ...p, path: [...base, ...p.path] })));
    }
  }
  return out;
}

/** Checks JSON Schema cannot express: dates that exist, windows in order, colours, unique codes. */
function checkSemantics(data: BrandConfig, locate: JsonDoc["locate"]): Problem[] {
  const out: Problem[] = [];
  const at = (p: JsonPath, message: string) => out.push({ ...locate(p), path: p, message });
  const codes = new Map<string, number>();
  data.offers?.forEach((o, i) => {
    for (const k of ["starts", "ends"] as const) {
      const d = o[k];
      if (d !== undefined && !isRealDate(d)) at(["offers", i, k], `${showPath(["offers", i, k])} is not a real date: ${d}`);
    }
    if (o.starts && o.ends && isRealDate(o.starts) && isRealDate(o.ends) && o.ends < o.starts)
      at(["offers", i, "ends"], `offer ${o.code} ends (${o.ends}) before it starts (${o.starts})`);
    const prev = codes.get(o.code.toUpperCase());
    if (prev !== undefined) at(["offers", i, "code"], `offer code ${o.code} is listed twice (also offers[${prev}])`);
    codes.set(o.code.toUpperCase(), i);
  });
  const zone = data.fatigue?.timezone;
  if (zone !== undefined && !isTimeZone(zone)) at(["fatigue", "timezone"], `fatigue.timezone "${zone}" is not an IANA time zone; write one such as Europe/Warsaw, Asia/Jakarta or UTC`);
  return out;
}

/** The one date validity check (src/text/dates.ts), re-exported for the campaign and rule code that imports it from here. */
export { isRealDate };
