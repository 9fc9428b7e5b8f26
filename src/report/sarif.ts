/**
 * `--format sarif`: SARIF 2.1.0 for code scanning. URIs are relative to the repository
 * root (uriBaseId SRCROOT), every rule carries its help text, and each result has a
 * partialFingerprint that survives unrelated edits (rule, file, message and the
 * text of the offending line, not its number).
 */
import { createHash } from "node:crypto";
import type { Formatter } from "./types.js";
import { BUILTIN_RULES } from "./types.js";
import { relativePath } from "./paths.js";

export const sarif: Formatter = (results, ctx) => {
  const root = ctx.root ?? ctx.cwd;
  const rules = [...ctx.rules, ...BUILTIN_RULES.filter((b) => !ctx.rules.some((r) => r.id === b.id))];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const out = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "brandlint",
            ...(ctx.version ? { version: ctx.version, semanticVersion: ctx.version } : {}),
            informationUri: "https://github.com/brandlint/brandlint",
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id.replace(/(^|-)(\w)/g, (_m, _d: string, ch: string) => ch.toUpperCase()),
              shortDescription: { text: r.description },
              fullDescription: { text: r.rationale ? `${r.description} ${r.rationale}` : r.description },
              help: { text: `${r.description}${r.rationale ? `\n\nWhy: ${r.rationale}` : ""}`, markdown: `**${r.id}**: ${r.description}${r.rationale ? `\n\n*Why:* ${r.rationale}` : ""}` },
              ...(r.url ? { helpUri: r.url } : {}),
              defaultConfiguration: { level: r.defaultSeverity === "warn" ? "warning" : "error" },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: "file://" + encodeURI(root.split("\\").join("/").replace(/\/?$/, "/")) } },
        results: results.flatMap((r) => {
          const uri = relativePath(r.file.path, root);
          const seen = new Map<string, number>();
          return r.messages.map((m) => {
            const lineText = (r.file.text.split(/\r?\n|\r/)[m.line - 1] ?? "").trim();
            const base = `${m.ruleId}\u0000${uri}\u0000${m.message}\u0000${lineText}`;
            const n = seen.get(base) ?? 0;
            seen.set(base, n + 1);
            const fingerprint = createHash("sha256").update(`${base}\u0000${n}`).digest("hex").slice(0, 32);
            return {
              ruleId: m.ruleId,
              ...(index.has(m.ruleId) ? { ruleIndex: index.get(m.ruleId) } : {}),
              level: m.severity === 2 ? "error" : "warning",
              message: { text: m.message + (m.channels?.length ? ` (${m.channels.join(", ")})` : "") },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: encodeURI(uri), uriBaseId: "SRCROOT" },
                    region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: Math.max(m.endColumn, m.line === m.endLine ? m.column : 1) },
                  },
                },
              ],
              partialFingerprints: { "brandlint/v1": fingerprint },
              ...(m.channels?.length ? { properties: { channels: m.channels } } : {}),
            };
          });
        }),
      },
    ],
  };
  return JSON.stringify(out, null, 2) + "\n";
};
