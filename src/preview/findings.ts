/**
 * Findings for the preview: which variant each belongs to, and where its source span
 * shows up inside a variant's text (through the variant's source map), so the page
 * can highlight it.
 */
import type { Campaign, Variant } from "../campaign/model.js";
import type { FileResult, LintMessage } from "../engine/linter.js";
import type { MappedText } from "../text/mapped-text.js";
import type { SourceFile } from "../text/source-file.js";
import type { Channel } from "../types.js";
import type { MarkRange } from "./html.js";

export interface PreviewFinding extends LintMessage {
  /** Number of the finding on its page (for ids and links). */
  n: number;
  file: SourceFile;
  /** Source range, in UTF-16 offsets of `file.text`. */
  start: number;
  end: number;
}

export interface CampaignFindings {
  /** Findings by channel of the variant they were seen in. */
  byChannel: Map<Channel, PreviewFinding[]>;
  /** Findings that belong to no shown variant (metadata, parse errors). */
  general: PreviewFinding[];
  errors: number;
  warnings: number;
}

/** The findings of a campaign's files, assigned to its variants by their `channels`. */
export function campaignFindings(campaign: Campaign, results: readonly FileResult[]): CampaignFindings {
  const paths = new Set(campaign.files.map((f) => f.path));
  const channels = new Set(campaign.variants.map((v) => v.channel));
  const out: CampaignFindings = { byChannel: new Map(), general: [], errors: 0, warnings: 0 };
  let n = 0;
  for (const r of results) {
    if (!paths.has(r.file.path)) continue;
    for (const m of r.messages) {
      const start = r.file.offsetAt(m.line, m.column);
      const f: PreviewFinding = { ...m, n: ++n, file: r.file, start, end: Math.max(start, r.file.offsetAt(m.endLine, m.endColumn)) };
      if (m.severity === 2) out.errors++;
      else out.warnings++;
      const shown = (m.channels ?? []).filter((c) => channels.has(c));
      if (!shown.length) out.general.push(f);
      for (const c of shown) out.byChannel.set(c, [...(out.byChannel.get(c) ?? []), f]);
    }
  }
  return out;
}

/**
 * The ranges of `m`'s text whose source overlaps each finding's source range. A piece
 * copied exactly contributes the overlapping characters; a piece that stands for a
 * construct (a variable's value, an entity) is highlighted whole; generated markup
 * only when the finding covers all of its source.
 */
export function markRanges(m: MappedText, findings: readonly PreviewFinding[]): MarkRange[] {
  const out: MarkRange[] = [];
  for (const f of findings) {
    if (f.end <= f.start) continue;
    const ranges: { start: number; end: number }[] = [];
    for (const p of m.pieces) {
      if (p.file.path !== f.file.path || p.srcEnd <= p.srcStart) continue;
      if (p.srcStart >= f.end || p.srcEnd <= f.start) continue;
      if (p.exact) {
        const s = p.start + Math.max(0, f.start - p.srcStart);
        const e = p.start + Math.min(p.end - p.start, f.end - p.srcStart);
        if (e > s) ranges.push({ start: s, end: e });
      } else if (p.kind !== "markup" || (p.srcStart >= f.start && p.srcEnd <= f.end)) {
        ranges.push({ start: p.start, end: p.end });
      }
    }
    ranges.sort((a, b) => a.start - b.start);
    const merged: { start: number; end: number }[] = [];
    for (const r of ranges) {
      const last = merged[merged.length - 1];
      if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
      else merged.push({ ...r });
    }
    for (const r of merged) out.push({ ...r, severity: f.severity, finding: f.n, title: f.message });
  }
  return out;
}

/** The findings shown beside a variant. */
export function variantFindings(v: Variant, findings: CampaignFindings): PreviewFinding[] {
  return findings.byChannel.get(v.channel) ?? [];
}
