#!/usr/bin/env node
// Writes docs/rules/*.md from rule metadata and the built-in findings registry, and the
// rules section of README.md (run after `npm run build`; `npm run docs` does both).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { allDocs, updateReadme } from "../dist/src/docs/generate.js";
import { loadRules } from "../dist/src/rules-index.js";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const rules = await loadRules();
const docs = allDocs(rules);
for (const [rel, text] of Object.entries(docs)) {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}
const readme = path.join(root, "README.md");
writeFileSync(readme, updateReadme(readFileSync(readme, "utf8"), rules));
console.log(`wrote ${Object.keys(docs).length} files to docs/rules/ and the rules table of README.md`);
