/**
 * Turns ajv errors into problems a copywriter can read, each at a source range found
 * by a caller-supplied locator (JSON via jsonc-parser, YAML via the yaml CST).
 */
import type { ErrorObject } from "ajv";
import { didYouMean } from "../text/suggest.js";

export type JsonPath = (string | number)[];

export interface Problem {
  message: string;
  start: number;
  end: number;
  path: JsonPath;
}

/** Locates a value (or, with `key`, the key of a property) in the source. */
export type Locator = (path: JsonPath, key?: string) => { start: number; end: number };

export function pathOf(instancePath: string): JsonPath {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export function showPath(path: JsonPath): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(p)) out += out ? `.${p}` : p;
    else out += `[${JSON.stringify(p)}]`;
  }
  return out;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return `the text ${JSON.stringify(value.length > 40 ? value.slice(0, 37) + "..." : value)}`;
  if (typeof value === "number") return Number.isInteger(value) ? `the number ${value}` : `the number ${value}`;
  return `${typeof value} ${String(value)}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: "text",
  number: "a number",
  integer: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "an object",
  null: "null",
};

function typeWords(t: unknown): string {
  const list = Array.isArray(t) ? t : [t];
  return list.map((x) => TYPE_WORDS[String(x)] ?? String(x)).join(" or ");
}

/** Converts ajv errors into located problems, most specific first, one per location. */
export function humanize(errors: readonly ErrorObject[], locate: Locator, subject = ""): Problem[] {
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === "anyOf").map((e) => e.instancePath));
  const out: Problem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    // Errors of anyOf branches are noise once the anyOf itself is reported.
    if (e.keyword !== "anyOf" && [...anyOfPaths].some((p) => e.instancePath.startsWith(p) && e.schemaPath.includes("/anyOf/"))) continue;
    if (e.keyword === "if") continue;
    const path = pathOf(e.instancePath);
    const where = showPath(path);
    const label = where || subject || "the config";
    let message: string;
    let range = locate(path);
    const params = e.params as Record<string, unknown>;
    switch (e.keyword) {
      case "additionalProperties": {
        const key = String(params.additionalProperty);
        const props = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
        const guess = didYouMean(key, props);
        message = `unknown key "${key}"${where ? ` in ${where}` : ""}`;
        message += guess ? ` — did you mean "${guess}"?` : props.length ? ` (expected one of: ${props.filter((p) => p !== "$schema").join(", ")})` : "";
        range = locate([...path, key], key);
        path.push(key);
        break;
      }
      case "required":
        message = `${label} is missing "${String(params.missingProperty)}"`;
        break;
      case "type":
        message = `${label} must be ${typeWords(params.type)}, not ${describe(e.data)}`;
        break;
      case "enum": {
        const allowed = params.allowedValues as unknown[];
        const guess = typeof e.data === "string" ? didYouMean(e.data, allowed.filter((v): v is string => typeof v === "string")) : undefined;
        message = guess
          ? `${label}: unknown value ${JSON.stringify(e.data)} — did you mean "${guess}"?`
          : `${label} must be one of ${allowed.map((v) => JSON.stringify(v)).join(", ")}, not ${describe(e.data)}`;
        break;
      }
      case "const":
        message = `${label} must be ${JSON.stringify(params.allowedValue)}`;
        break;
      case "pattern": {
        const desc = (e.parentSchema as { description?: string } | undefined)?.description;
        message = `${label} ${desc && /YYYY-MM-DD/.test(desc) ? "must be a date written YYYY-MM-DD" : `does not have the expected form${desc ? ` (${desc})` : ""}`}, not ${describe(e.data)}`;
        break;
      }
      case "format":
        message = `${label} must be a valid ${String(params.format)}, not ${describe(e.data)}`;
        break;
      case "minLength":
        message = params.limit === 1 ? `${label} must not be empty` : `${label} must be at least ${String(params.limit)} characters long`;
        break;
      case "minItems":
        message = `${label} must list at least ${String(params.limit)} item${params.limit === 1 ? "" : "s"}`;
        break;
      case "maxItems":
        message = `${label} must list at most ${String(params.limit)} items`;
        break;
      case "minimum":
        message = `${label} must be at least ${String(params.limit)}, not ${describe(e.data)}`;
        break;
      case "maximum":
        message = `${label} must be at most ${String(params.limit)}, not ${describe(e.data)}`;
        break;
      case "uniqueItems":
        message = `${label} lists the same item twice (items ${String(params.j)} and ${String(params.i)})`;
        break;
      case "anyOf": {
        const desc = (e.parentSchema as { description?: string } | undefined)?.description;
        message = `${label} has an unexpected value (${describe(e.data)})${desc ? `; expected ${desc}` : ""}`;
        break;
      }
      default:
        message = `${label} ${e.message ?? "is invalid"}`;
    }
    const key = `${range.start}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ message, start: range.start, end: range.end, path });
  }
  return out.sort((a, b) => a.start - b.start);
}
