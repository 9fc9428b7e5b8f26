/** `--format github`: GitHub Actions workflow commands, so findings show as annotations on the pull request. */
import type { Formatter } from "./types.js";
import { relativePath } from "./paths.js";

const escapeData = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

export const github: Formatter = (results, ctx) => {
  const lines: string[] = [];
  for (const r of results)
    for (const m of r.messages) {
      const props = [
        `file=${escapeProperty(relativePath(r.file.path, ctx.root ?? ctx.cwd))}`,
        `line=${m.line}`,
        `col=${m.column}`,
        `endLine=${m.endLine}`,
        `endColumn=${m.endColumn}`,
        `title=${escapeProperty(`brandlint ${m.ruleId}`)}`,
      ];
      const channels = m.channels?.length ? ` (${m.channels.join(", ")})` : "";
      lines.push(`::${m.severity === 2 ? "error" : "warning"} ${props.join(",")}::${escapeData(m.message + channels)}`);
    }
  return lines.length ? lines.join("\n") + "\n" : "";
};
