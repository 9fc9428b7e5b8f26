/**
 * JSON Schema validators for the shipped schemas. The build precompiles them with ajv's
 * standalone code generation (scripts/build-validators.js → dist/validators/*.cjs), so a
 * run does not pay for schema compilation; from the sources (tests) they are compiled.
 */
import { createRequire } from "node:module";
import path from "node:path";
import type { Ajv as AjvType, ValidateFunction } from "ajv";
import { ownFileExists, packageRoot, readOwnFile } from "../host/package.js";

export type SchemaName = "brand.config" | "campaign" | "language";

/** ajv as brandlint configures it everywhere (the build uses the same options). */
export function newAjv(extra: Record<string, unknown> = {}): AjvType {
  // ajv is loaded on first use: with precompiled validators a run rarely needs it.
  const { Ajv } = require("ajv") as typeof import("ajv");
  const ajv = new Ajv({ allErrors: true, verbose: true, strictTuples: false, allowUnionTypes: true, ...extra });
  // brand.config.schema.json's `languages` entries are language data (schema/language.schema.json).
  ajv.addSchema(JSON.parse(readOwnFile(schemaFile("language"))) as object);
  return ajv;
}

const cache = new Map<SchemaName, ValidateFunction>();
const require = createRequire(import.meta.url);

export function schemaFile(name: SchemaName): string {
  return path.join(packageRoot, "schema", `${name}.schema.json`);
}

export function validatorFor(name: SchemaName): ValidateFunction {
  let v = cache.get(name);
  if (v) return v;
  const pre = path.join(packageRoot, "dist", "validators", `${name}.cjs`);
  if (ownFileExists(pre) && !process.env.BRANDLINT_COMPILE_SCHEMAS) {
    const mod = require(pre) as { default?: ValidateFunction } & ValidateFunction;
    v = (mod.default ?? mod) as ValidateFunction;
  } else {
    const ajv = newAjv();
    v = name === "language" ? ajv.getSchema("https://brandlint.dev/schema/language.schema.json")! : ajv.compile(JSON.parse(readOwnFile(schemaFile(name))) as object);
  }
  cache.set(name, v);
  return v;
}
