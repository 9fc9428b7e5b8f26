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
  if (typeof value === "number") return `the number ${value}`;
  return String(value);
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

function jsonType(v: unknown): string {
  return v === null ? "null" : Array.isArray(v) ? "array" : typeof v;
}

/** How messages name a value and the object an unknown key sits in. */
export interface Naming {
  /** The value at `path`, e.g. `channels.sms.maxSegments`. */
  name(path: JsonPath): string;
  /** Where an unknown key found in the object at `path` is, e.g. ` in brand`; empty at the top. */
  inside(path: JsonPath): string;
}

/** Names values by their JSON path; the top level is `subject`. */
export function pathNaming(subject = "the config"): Naming {
  return { name: (p) => showPath(p) || subject, inside: (p) => (p.length ? ` in ${showPath(p)}` : "") };
}

/** Does the error only say the value has another shape than the branch wants (text vs list)? */
function isShapeMismatch(e: ErrorObject, at: string): boolean {
  if (e.instancePath !== at) return false;
  if (e.keyword === "type") return true;
  if (e.keyword === "enum") return !(e.params as { allowedValues: unknown[] }).allowedValues.some((a) => jsonType(a) === jsonType(e.data));
  if (e.keyword === "const") return jsonType((e.params as { allowedValue: unknown }).allowedValue) !== jsonType(e.data);
  return false;
}

function expectedShape(e: ErrorObject): string {
  if (e.keyword === "type") return typeWords((e.params as { type: unknown }).type);
  if (e.keyword === "enum") return `one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
  return JSON.stringify((e.params as { allowedValue: unknown }).allowedValue);
}

/**
 * ajv reports every failed anyOf branch's errors just before the anyOf error itself.
 * When a branch fits the value's shape, its errors say what is wrong (a misspelt
 * severity, a missing key) and the rest is noise; when none fits, one message lists
 * the shapes that would. Returns the errors to report and the text for anyOf errors.
 */
function resolveAnyOf(errors: readonly ErrorObject[]): { keep: ErrorObject[]; anyOfText: Map<ErrorObject, string> } {
  const drop = new Set<ErrorObject>();
  const anyOfText = new Map<ErrorObject, string>();
  errors.forEach((e, i) => {
    if (e.keyword !== "anyOf") return;
    const at = e.instancePath;
    const branch: ErrorObject[] = [];
    for (let j = i - 1; j >= 0; j--) {
      const b = errors[j]!;
      if (b.keyword === "anyOf" && b.instancePath === at) break;
      if (b.instancePath !== at && !b.instancePath.startsWith(at + "/")) break;
      branch.push(b);
    }
    const shapes = branch.filter((b) => isShapeMismatch(b, at));
    if (branch.length > shapes.length) {
      drop.add(e);
      for (const b of shapes) drop.add(b);
      return;
    }
    for (const b of branch) drop.add(b);
    const expected = [...new Set(shapes.reverse().map(expectedShape))];
    if (expected.length) anyOfText.set(e, `must be ${expected.join(" or ")}, not ${describe(e.data)}`);
  });
  return { keep: errors.filter((e) => !drop.has(e)), anyOfText };
}

/** Converts ajv errors into located problems, in source order, one per location and message. */
export function humanize(errors: readonly ErrorObject[], locate: Locator, subject: string | Naming = "the config"): Problem[] {
  const naming = typeof subject === "string" ? pathNaming(subject || "the config") : subject;
  const { keep, anyOfText } = resolveAnyOf(errors);
  const out: Problem[] = [];
  const seen = new Set<string>();
  for (const e of keep) {
    if (e.keyword === "if") continue;
    const path = pathOf(e.instancePath);
    const label = naming.name(path);
    let message: string;
    let range = locate(path);
    const params = e.params as Record<string, unknown>;
    switch (e.keyword) {
      case "additionalProperties": {
        const key = String(params.additionalProperty);
        const props = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {}).filter((p) => p !== "$schema");
        const guess = didYouMean(key, props);
        message = `unknown key "${key}"${naming.inside(path)}`;
        message += guess ? ` — did you mean "${guess}"?` : props.length ? ` (expected one of: ${props.join(", ")})` : "";
        range = locate([...path, key], key);
        path.push(key);
        break;
      }
      case "required":
        message = `${label} is missing the required key "${String(params.missingProperty)}"`;
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
        message = `${label} must be ${JSON.stringify(params.allowedValue)}, not ${describe(e.data)}`;
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
        message = `${label} must list at most ${String(params.limit)} item${params.limit === 1 ? "" : "s"}, not ${(e.data as unknown[]).length}`;
        break;
      case "minimum":
        message = `${label} must be at least ${String(params.limit)}, not ${describe(e.data)}`;
        break;
      case "maximum":
        message = `${label} must be at most ${String(params.limit)}, not ${describe(e.data)}`;
        break;
      case "uniqueItems":
        message = `${label} lists ${JSON.stringify((e.data as unknown[])[Number(params.i)])} twice`;
        break;
      case "anyOf": {
        const desc = (e.parentSchema as { description?: string } | undefined)?.description;
        message = `${label} ${anyOfText.get(e) ?? `has an unexpected value (${describe(e.data)})`}${desc ? `; expected ${desc}` : ""}`;
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
