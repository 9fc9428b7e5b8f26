/**
 * The frontmatter is found with micromark's block pass and remark-frontmatter's syntax
 * (no mdast tree), and its YAML is parsed into one CST that is both measured for depth
 * and composed: both must agree with the libraries' own whole-document answers.
 */
import fc from "fast-check";
import remarkFrontmatter from "remark-frontmatter";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { findFrontmatter, yamlMeta } from "../src/campaign/meta.js";
import { SourceFile } from "../src/text/source-file.js";

const pieces = ["---", "--- ", "----", "...", "\n", "\r\n", " ", "\t", "a: 1", "- x", "# h", "    code", "\ufeff", "--", "x", ">", "b: [1, 2", "]", "&x ", "*x", "? k", ": v", "'q", '"q"', "c: {d: e}", "# c", "é: 😀", "key: |\n  lit", "!!str ", "%YAML 1.2\n", "a: 1\na: 2", "[", "{"];
const heads = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 12 }).map((p) => "---" + p.join(""));

describe("frontmatter and its YAML, parsed once", () => {
  it("findFrontmatter finds a frontmatter exactly where remark-frontmatter's tree has one", () => {
    const remark = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]);
    fc.assert(
      fc.property(heads, (text) => {
        const found = findFrontmatter(text);
        if (found?.unclosed) return;
        const first = remark.parse(text.slice(0, found?.bodyStart ?? text.length)).children[0];
        const tree = first?.type === "yaml" && first.position?.start.offset === 0;
        // Where no closing fence exists the tree cannot have one either; where one does, both agree.
        if (found) expect(tree).toBe(true);
        else if (/\r?\n(---|\.\.\.)[ \t]*(?:\r?\n|$)/.test(text.slice(3))) expect(tree).toBe(false);
      }),
      { numRuns: 1000, seed: 17 },
    );
  });

  it("yamlMeta reads the same values and errors as yaml's parseDocument", () => {
    fc.assert(
      fc.property(heads, (head) => {
        const text = head.replace(/^---/, "---\n") + "\n---\nbody\n";
        const fm = findFrontmatter(text);
        if (!fm || fm.unclosed) return;
        const yaml = text.slice(fm.yamlStart, fm.yamlEnd);
        const doc = parseDocument(yaml, { prettyErrors: false, uniqueKeys: true, strict: true, logLevel: "error" });
        const got = yamlMeta(new SourceFile("/r/templates/a/message.md", text), fm);
        const messages = got.problems.filter((p) => p.message.startsWith("invalid frontmatter YAML")).map((p) => p.message);
        expect(messages).toEqual(doc.errors.map((e) => `invalid frontmatter YAML: ${e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")}`));
        if (!got.problems.length) expect(got.value).toEqual(doc.toJS({ maxAliasCount: 50 }) ?? {});
      }),
      { numRuns: 1000, seed: 23 },
    );
  });
});
