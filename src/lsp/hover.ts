/**
 * Hover texts: what a copywriter wants to know about the spot under the cursor. SMS
 * text (derived from message.md or hand-written): its encoding, units and segments
 * with sample values and with every variable at its maxLength; a colour: its palette
 * name, or the nearest palette colour and ΔE00; a {{variable}}: the config's sample,
 * fallback and maxLength; a finding: why the rule exists.
 */
import type { Campaign } from "../campaign/model.js";
import type { LoadedConfig } from "../config/load.js";
import { colorsIn, compilePalette, keyOf, nearestColor } from "../email/colors.js";
import { variantStyleValues } from "../email/css.js";
import type { LintMessage } from "../engine/linter.js";
import type { Rule } from "../engine/rule.js";
import { countSms, SEGMENT_SIZE, type SmsCount } from "../sms/count.js";
import type { MappedText } from "../text/mapped-text.js";
import { docsHref } from "./convert.js";

export interface HoverInput {
  file: string;
  /** UTF-16 offset in the file's text (BOM excluded). */
  offset: number;
  /** 1-based line and column of the cursor, for findings. */
  line: number;
  column: number;
  campaign: Campaign | undefined;
  config: LoadedConfig;
  messages: readonly LintMessage[];
  rules: ReadonlyMap<string, Rule<never>>;
}

/** Does any authored piece of `text` come from `file` at `offset`? (Config text, like the opt-out, does not.) */
function covers(text: MappedText, file: string, offset: number): boolean {
  return text.pieces.some((p) => p.file.path === file && p.kind !== "config" && p.srcStart <= offset && offset <= p.srcEnd && p.srcEnd > p.srcStart);
}

function describe(c: SmsCount): string {
  const size = SEGMENT_SIZE[c.encoding];
  const unit = c.encoding === "gsm7" ? "septets" : "UCS-2 units";
  return `${c.encoding === "gsm7" ? "GSM-7" : "UCS-2"}, ${c.units} ${unit}, ${c.segments} segment${c.segments === 1 ? "" : "s"} (${c.segments === 1 ? size.single : size.multi} per segment)`;
}

export function smsHover(input: HoverInput): string | undefined {
  for (const v of input.campaign?.variants ?? []) {
    if (v.channel !== "sms") continue;
    const field = v.fields.text;
    if (!field || !covers(field.sample, input.file, input.offset)) continue;
    const sample = countSms(field.sample.text);
    const worst = countSms(field.worst.text);
    const max = input.config.data.channels?.sms?.maxSegments;
    return [
      `**SMS** (${v.origin === "rendered" ? "derived from this text" : "hand-written"})`,
      "",
      `- with sample values: ${describe(sample)}`,
      `- worst case, every variable at its maxLength: ${describe(worst)}`,
      ...(max !== undefined ? [`- the brand allows ${max} segment${max === 1 ? "" : "s"}`] : []),
    ].join("\n");
  }
  return undefined;
}

export function variableHover(input: HoverInput): string | undefined {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of input.campaign?.variants ?? []) {
    for (const use of v.variables) {
      if (use.file.path !== input.file || input.offset < use.start || input.offset > use.end) continue;
      const name = use.use.name;
      if (seen.has(name)) continue;
      seen.add(name);
      const spec = input.config.data.variables?.[name] ?? input.config.data.variables?.[name.split(".")[0]!];
      if (!spec) {
        out.push(`**{{${name}}}**: not declared in brand.config.json \`variables\` (no sample, fallback or maxLength)`);
        continue;
      }
      out.push(
        [
          `**{{${name}}}**${spec.description ? ` — ${spec.description}` : ""}`,
          "",
          `- sample: ${spec.sample !== undefined ? `\`${spec.sample}\`` : "none"}`,
          `- fallback: ${spec.fallback !== undefined ? `\`${spec.fallback}\`` : "none"}`,
          `- maxLength: ${spec.maxLength ?? "not set"}${spec.charset ? ` (${spec.charset})` : ""}`,
        ].join("\n"),
      );
    }
  }
  return out.length ? out.join("\n\n") : undefined;
}

export function colorHover(input: HoverInput): string | undefined {
  const palette = compilePalette(input.config.data.colors);
  for (const v of input.campaign?.variants ?? []) {
    if (v.channel !== "email") continue;
    for (const ref of colorsIn(variantStyleValues(v))) {
      const at = ref.text.locate(ref.start, ref.end);
      if (!at || at.file.path !== input.file || input.offset < at.start || input.offset > at.end || !ref.rgb) continue;
      const own = palette.entries.find((e) => keyOf(e.rgb) === keyOf(ref.rgb!));
      if (own) return `**${ref.raw}**: the brand colour **${own.name}** (${own.value})`;
      const near = nearestColor(palette, ref.rgb);
      if (!near) return `**${ref.raw}**: the config has no palette (\`colors\`)`;
      return `**${ref.raw}** is not a brand colour; nearest is **${near.entry.name}** ${near.entry.value} (ΔE00 ${near.distance.toFixed(1)})`;
    }
  }
  return undefined;
}

export function findingHover(input: HoverInput): string | undefined {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const m of input.messages) {
    const after = (l: number, c: number) => input.line > l || (input.line === l && input.column >= c);
    const before = (l: number, c: number) => input.line < l || (input.line === l && input.column <= c);
    if (!after(m.line, m.column) || !before(m.endLine, m.endColumn) || seen.has(m.ruleId)) continue;
    seen.add(m.ruleId);
    const rule = input.rules.get(m.ruleId);
    const href = docsHref(rule, m.ruleId);
    out.push(`**${m.ruleId}**${rule ? `: ${rule.meta.rationale}` : ""}${href ? ` ([docs](${href}))` : ""}`);
  }
  return out.length ? out.join("\n\n") : undefined;
}

export function hoverText(input: HoverInput): string | undefined {
  const parts = [findingHover(input), colorHover(input), variableHover(input), smsHover(input)].filter((s): s is string => !!s);
  return parts.length ? parts.join("\n\n---\n\n") : undefined;
}
