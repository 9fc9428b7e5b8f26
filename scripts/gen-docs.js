#!/usr/bin/env node
// Writes docs/rules/*.md from rule metadata (run after `npm run build`; `npm run docs` does both).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { allDocs } from "../dist/src/docs/generate.js";
import { loadRules } from "../dist/src/rules-index.js";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const docs = allDocs(await loadRules());
for (const [rel, text] of Object.entries(docs)) {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}
console.log(`wrote ${Object.keys(docs).length} files to docs/rules/`);
