/**
 * mj-include, checked by brandlint because mjml itself only leaves
 * `<!-- mj-include denied -->` behind: a missing path, a file outside the project
 * root, a missing file and an include loop are each a finding at the mj-include tag.
 * brandlint never inlines includes into what it lints; they are confined to the
 * project root (the folder of brand.config.json) whenever they are read.
 */
import path from "node:path";
import { isInside, MAX_FILE_BYTES, readText, type Host } from "../host/index.js";
import { MappedText } from "../text/mapped-text.js";
import { SourceFile } from "../text/source-file.js";
import { attr, parseMjml, walkElements, type MjmlDoc } from "./mjml-doc.js";

export interface IncludeProblem {
  message: string;
  start: number;
  end: number;
}

/** Checks every mj-include of a document written in `file`, reading through `host`; positions are in doc.source. */
export function checkIncludes(doc: MjmlDoc, file: string, root: string, host: Host): IncludeProblem[] {
  const out: IncludeProblem[] = [];
  const realRoot = host.realpath(root) ?? root;
  const visit = (d: MjmlDoc, from: string, chain: string[], report: (message: string, start: number, end: number) => void) => {
    for (const el of walkElements(d.root)) {
      if (el.name !== "mj-include") continue;
      const at = { start: el.openStart, end: el.openEnd };
      const p = attr(el, "path")?.value.text.trim();
      if (!p) {
        report("<mj-include> needs a path attribute", at.start, at.end);
        continue;
      }
      const target = path.resolve(path.dirname(from), p);
      const real = host.realpath(target);
      if (!real) {
        report(`mj-include: ${p} does not exist (looked for ${path.relative(root, target) || target})`, at.start, at.end);
        continue;
      }
      if (!isInside(realRoot, real)) {
        report(`mj-include: ${p} is outside the project (${root}); brandlint refuses to read it`, at.start, at.end);
        continue;
      }
      if (chain.includes(real)) {
        report(`mj-include loop: ${[...chain, real].map((c) => path.relative(root, c)).join(" → ")}`, at.start, at.end);
        continue;
      }
      if (chain.length > 20) {
        report("mj-include nesting is deeper than 20 files", at.start, at.end);
        continue;
      }
      const read = readText(host, real, MAX_FILE_BYTES);
      if (!("text" in read)) {
        report(`mj-include: ${p} cannot be read${read.code === "ENOTREG" ? " (it is not a regular file)" : read.code === "E2BIG" ? " (it is too large)" : ""}`, at.start, at.end);
        continue;
      }
      const inner = parseMjmlFragment(real, read.text);
      // Problems inside an included file are reported at the include that brought them in.
      visit(inner, real, [...chain, real], (message) => report(`${message} (in ${path.relative(root, real)}, included here)`, at.start, at.end));
    }
  };
  const realFile = host.realpath(file) ?? file;
  visit(doc, file, [realFile], (message, start, end) => out.push({ message, start, end }));
  return out;
}

function parseMjmlFragment(file: string, text: string): MjmlDoc {
  const doc = parseMjml(MappedText.fromSource(new SourceFile(file, text)));
  if (!doc.root || doc.root.name !== "mjml") {
    // Includes may hold a fragment (mj-section...): walk every top-level element.
    doc.root = { type: "element", name: "#fragment", attrs: [], children: doc.root ? [doc.root] : [], openStart: 0, openEnd: 0, end: text.length };
  }
  return doc;
}
