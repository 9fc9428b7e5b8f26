#!/usr/bin/env node
// Precompiles the shipped JSON Schemas into standalone ajv validators (dist/validators/*.cjs).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import standaloneCode from "ajv/dist/standalone/index.js";
import { newAjv } from "../dist/src/config/validators.js";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
mkdirSync(path.join(root, "dist/validators"), { recursive: true });
for (const name of ["brand.config", "campaign", "language"]) {
  const ajv = newAjv({ code: { source: true } });
  const schema = JSON.parse(readFileSync(path.join(root, "schema", `${name}.schema.json`), "utf8"));
  // newAjv already holds the language schema (brand.config refers to it).
  const validate = name === "language" ? ajv.getSchema(schema.$id) : ajv.compile(schema);
  writeFileSync(path.join(root, "dist/validators", `${name}.cjs`), standaloneCode.default ? standaloneCode.default(ajv, validate) : standaloneCode(ajv, validate));
}
