/**
 * Template data from the config's `variables` (SPEC §9): a variable's `sample` may be
 * any JSON value, and a dotted key (`"order.id"`, `"order.items.name"`) declares the
 * value at that path — through an array, for every item. Worst case: `maxLength`
 * characters of the variable's `charset` for the string at a path, and `maxItems` items
 * for an array (the sample's items repeated). A variable used in a template is looked
 * up the same way, so `{{order.id}}`, and `{{name}}` inside `{{#each order.items}}`,
 * are declared by the sample's shape or by a dotted key.
 */
import type { VariableSpec } from "../types.js";
import type { TemplateData, TemplateValue } from "./template.js";

/** The characters worst-case values are made of: basic GSM letters, or a non-GSM BMP letter. */
export const WORST_CHAR = { gsm: "W", unicode: "Ж" } as const;

/** A path segment standing for every item of an array (`{{#each}}` bodies). */
export const ITEM = "[]";

type Vars = Readonly<Record<string, VariableSpec>>;

/** A declared key's segments: `order.items.name` → order, items, name. */
const segmentsOf = (key: string) => key.split(".").filter(Boolean);

const isObject = (v: unknown): v is Record<string, TemplateValue> => !!v && typeof v === "object" && !Array.isArray(v);

function clone(v: TemplateValue): TemplateValue {
  return v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as TemplateValue);
}

/** Sets the value at a path, creating objects on the way; through an array, in every item. */
function setAt(target: Record<string, TemplateValue>, path: readonly string[], make: (old: TemplateValue) => TemplateValue): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (!rest.length) {
    const v = make(Object.hasOwn(target, head) ? target[head] : undefined);
    if (v !== undefined) target[head] = v;
    return;
  }
  let next = Object.hasOwn(target, head) ? target[head] : undefined;
  if (Array.isArray(next)) {
    for (const item of next) if (isObject(item)) setAt(item, rest, make);
    return;
  }
  if (!isObject(next)) {
    if (make(undefined) === undefined) return;
    next = {};
    target[head] = next;
  }
  setAt(next as Record<string, TemplateValue>, rest, make);
}

/** Declared keys, shallow paths first, so a dotted key refines what its parent's sample says. */
function byDepth(vars: Vars): [string[], VariableSpec][] {
  return Object.entries(vars)
    .map(([k, spec]) => [segmentsOf(k), spec] as [string[], VariableSpec])
    .filter(([s]) => s.length > 0)
    .sort((a, b) => a[0].length - b[0].length);
}

/** Template data: the samples (or fallbacks), or the worst case. */
const built = new WeakMap<Vars, Partial<Record<"sample" | "worst", TemplateData>>>();

/**
 * The data a template renders with, from the config's variables: their samples, or their
 * worst cases. Built once per variables object and mode (every campaign and channel of a
 * run renders with the same data) and frozen, so no renderer can change what the next one gets.
 */
export function variableData(vars: Vars, mode: "sample" | "worst"): TemplateData {
  let byMode = built.get(vars);
  if (!byMode) built.set(vars, (byMode = {}));
  return (byMode[mode] ??= deepFreeze(buildVariableData(vars, mode)));
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === "object" && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

function buildVariableData(vars: Vars, mode: "sample" | "worst"): TemplateData {
  const data: Record<string, TemplateValue> = {};
  const specs = byDepth(vars);
  for (const [path, spec] of specs) {
    const value = (spec.sample ?? spec.fallback) as TemplateValue;
    if (value !== undefined) setAt(data, path, () => clone(value));
  }
  if (mode === "sample") return data;
  for (const [path, spec] of specs) {
    if (spec.maxItems !== undefined) {
      const n = spec.maxItems;
      setAt(data, path, (old) => {
        if (!Array.isArray(old) || old.length === 0) return old;
        const out = old.slice(0, n);
        while (out.length < n) out.push(clone(old[out.length % old.length]!));
        return out;
      });
    }
  }
  for (const [path, spec] of specs) {
    if (spec.maxLength === undefined) continue;
    const worst = WORST_CHAR[spec.charset ?? "gsm"].repeat(spec.maxLength);
    setAt(data, path, (old) => (old === undefined || typeof old !== "object" ? worst : old));
  }
  return data;
}

export type Declaration =
  /** Declared: by a key for exactly this path (`spec`), or by the sample of a variable above it. */
  | { kind: "declared"; spec?: VariableSpec; hasValue: boolean }
  /** No variable of that name. */
  | { kind: "undeclared"; root: string }
  /** The variable is declared but its sample has no such field. */
  | { kind: "no-field"; owner: string; field: string; fields: string[] };

/** The dotted name of a path, items left out: order, items, [], name → order.items.name. */
export function pathName(path: readonly string[]): string {
  return path.filter((s) => s !== ITEM).join(".");
}

/** The fields a value has (for an array, its items' fields). */
function fieldsOf(v: unknown): string[] {
  if (Array.isArray(v)) return [...new Set(v.flatMap(fieldsOf))];
  return isObject(v) ? Object.keys(v) : [];
}

/**
 * How a variable path used in a template is declared. Numeric segments (`items.0.name`)
 * and the item marker walk into an array's items.
 */
export function lookupVariable(vars: Vars, path: readonly string[]): Declaration {
  const named = path.filter((s) => s !== ITEM && !/^\d+$/.test(s));
  const exact = named.join(".");
  const own = Object.hasOwn(vars, exact) ? vars[exact]! : undefined;
  if (own && (own.sample !== undefined || own.fallback !== undefined)) return { kind: "declared", spec: own, hasValue: true };
  const above = declaredAbove(vars, named);
  // A key for the path itself (`"order.items": { "maxItems": 10 }`) declares it even where no sample above has it.
  if (own) return { kind: "declared", spec: own, hasValue: above.kind === "declared" && above.hasValue };
  return above;
}

/** How a path is declared by the sample of a variable above it (the longest declared key). */
function declaredAbove(vars: Vars, named: readonly string[]): Declaration {
  // The longest declared key above the path, then the rest of the path in its sample.
  for (let n = named.length - 1; n >= 1; n--) {
    const key = named.slice(0, n).join(".");
    if (!Object.hasOwn(vars, key)) continue;
    const spec = vars[key]!;
    let value: unknown = spec.sample;
    // A key without a sample (`"order.items": { "maxItems": 10 }`) leaves the shape to the keys above it.
    if (value === undefined) {
      if (named.slice(0, n - 1).some((_, i) => Object.hasOwn(vars, named.slice(0, i + 1).join(".")))) continue;
      return { kind: "declared", hasValue: spec.fallback !== undefined };
    }
    let owner = key;
    for (const field of named.slice(n)) {
      const fields = fieldsOf(value);
      if (!fields.includes(field)) {
        // A dotted key below (e.g. "order.items.name" for "order.items") declares it too.
        return { kind: "no-field", owner, field, fields };
      }
      value = Array.isArray(value) ? value.find((item) => isObject(item) && Object.hasOwn(item, field)) : value;
      value = isObject(value) ? value[field] : undefined;
      owner = `${owner}.${field}`;
    }
    return { kind: "declared", hasValue: value !== undefined };
  }
  return { kind: "undeclared", root: named[0] ?? "" };
}
