/**
 * brandlint's own files (its package.json, schemas, precompiled validators, rule
 * modules), whether running from src/ (tests) or dist/ (the package). Read from disk
 * directly: they are the tool, not the project being linted.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, "package.json");
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "brandlint") return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("brandlint: cannot find its own package.json");
    dir = parent;
  }
}

/** The brandlint package folder. */
export const packageRoot = findRoot();
export const packageVersion = (JSON.parse(readFileSync(path.join(packageRoot, "package.json"), "utf8")) as { version: string }).version;
export const schemaPath = path.join(packageRoot, "schema", "brand.config.schema.json");

/** True when a file of brandlint's own exists. */
export function ownFileExists(file: string): boolean {
  return existsSync(file);
}

/** A text file of brandlint's own (a schema, a language file). */
export function readOwnFile(file: string): string {
  return readFileSync(file, "utf8");
}

/** The names in a folder of brandlint's own (the rules folder). */
export function listOwnDir(dir: string): string[] {
  return readdirSync(dir);
}
