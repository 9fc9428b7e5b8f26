import { describe, expect, it } from "vitest";
import { findFrontmatter, yamlMeta } from "../src/campaign/meta.js";
import { SourceFile } from "../src/text/source-file.js";
import type { JsonPath } from "../src/config/problems.js";

const DOCS = [
  "---\ncampaign: spring\nlocale: pl\nchannels: [email, sms]\naudience: all\nsend: 2026-05-01\nsms:\n  send: 2026-05-02T09:00\n  text: \"Zażółć\"\nemail:\n  subject: 'Hi ''you'''\n---\nBody\n",
  "---\r\ncampaign: c\r\nsend:\r\nlist:\r\n  - a\r\n  - {x: 1, y: [2, 3]}\r\n  - - nested\r\nblock: |\r\n  two\r\n  lines\r\n1: numeric key\r\n---\r\nBody\r\n",
  "---\n[a]: 1\ncampaign: x\nalias: &a {k: v}\nuse: *a\n---\n",
  "---\n- not\n- a map\n---\n",
  "---\n---\nempty\n",
];

/** Every path the value holds, and some it does not. */
function pathsOf(value: unknown, p: JsonPath = [], out: JsonPath[] = []): JsonPath[] {
  out.push(p, [...p, "missing"], [...p, 0], [...p, 7]);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...p, i], out));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      if (/^\d+$/.test(k)) pathsOf(v, [...p, Number(k)], out);
      pathsOf(v, [...p, k], out);
    }
  return out;
}

describe("the project index's lean frontmatter source", () => {
  it("answers locate, has and stringAt exactly as the source that keeps the YAML document", () => {
    for (const text of DOCS) {
      const file = new SourceFile("/p/message.md", text);
      const fm = findFrontmatter(text)!;
      expect(fm, text).toBeDefined();
      const full = yamlMeta(file, fm);
      const lean = yamlMeta(file, fm, { lean: true });
      expect(lean.problems).toEqual(full.problems);
      expect(lean.value).toEqual(full.value);
      const paths = pathsOf(full.value ?? {});
      expect(paths.length).toBeGreaterThan(3);
      for (const p of paths) {
        expect(lean.source.has(p), JSON.stringify(p)).toBe(full.source.has(p));
        expect(lean.source.locate(p), JSON.stringify(p)).toEqual(full.source.locate(p));
        const key = p[p.length - 1];
        if (typeof key === "string") expect(lean.source.locate(p, key), JSON.stringify(p)).toEqual(full.source.locate(p, key));
        expect(lean.source.stringAt(p)?.text, JSON.stringify(p)).toBe(full.source.stringAt(p)?.text);
      }
    }
  });
});
