/**
 * HTML for the preview: every piece of template text is escaped before it becomes
 * markup, and rich text (highlights, WhatsApp formatting, links) is built from
 * ranges over the escaped text, never by letting the text itself carry markup.
 */
import { graphemes } from "../text/graphemes.js";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML content and for quoted attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A range of a text to highlight as a finding. */
export interface MarkRange {
  start: number;
  end: number;
  severity: 1 | 2;
  /** The finding's number on the page. */
  finding: number;
  /** The finding's message (a tooltip on the highlight). */
  title: string;
}

export type Style = "bold" | "italic" | "strike" | "mono" | "url";

export interface StyleRange {
  start: number;
  end: number;
  style: Style;
}

export interface RichOptions {
  marks?: readonly MarkRange[];
  styles?: readonly StyleRange[];
  /** Ranges not shown (WhatsApp's formatting characters). */
  hidden?: readonly { start: number; end: number }[];
  /** Prefix of the id of each finding's first highlight (`<prefix>-<finding>`). */
  idPrefix?: string;
  /** Findings that already have a highlight with an id (shared by the texts of one variant). */
  seen?: Set<number>;
}

const STYLE_TAGS: Record<Style, [string, string]> = {
  bold: ["<strong>", "</strong>"],
  italic: ["<em>", "</em>"],
  strike: ["<s>", "</s>"],
  mono: ["<code>", "</code>"],
  url: ['<span class="url">', "</span>"],
};
const STYLE_ORDER: readonly Style[] = ["url", "bold", "italic", "strike", "mono"];

/**
 * Renders text with highlights and styles as HTML. The text is cut at every range
 * boundary (moved out to the nearest grapheme boundary, so no character is split);
 * each run is escaped and wrapped in the tags of the ranges covering it, so ranges may
 * overlap in any way and the markup stays well formed.
 */
export function richText(text: string, opts: RichOptions = {}): string {
  const marks = opts.marks ?? [];
  const styles = opts.styles ?? [];
  const hidden = opts.hidden ?? [];
  if (!marks.length && !styles.length && !hidden.length) return esc(text);
  const bounds = graphemeBounds(text);
  const snap = (o: number, dir: -1 | 1) => snapTo(bounds, o, dir);
  const cuts = new Set<number>([0, text.length]);
  const ms = marks.map((m) => ({ ...m, start: snap(m.start, -1), end: snap(m.end, 1) })).filter((m) => m.end > m.start);
  for (const r of [...ms, ...styles, ...hidden]) {
    cuts.add(Math.max(0, Math.min(text.length, r.start)));
    cuts.add(Math.max(0, Math.min(text.length, r.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const seen = opts.seen ?? new Set<number>();
  let out = "";
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    if (hidden.some((h) => h.start <= a && h.end >= b)) continue;
    let run = esc(text.slice(a, b));
    const active = new Set(styles.filter((s) => s.start <= a && s.end >= b).map((s) => s.style));
    for (const s of [...STYLE_ORDER].reverse()) if (active.has(s)) run = STYLE_TAGS[s][0] + run + STYLE_TAGS[s][1];
    const covering = ms.filter((m) => m.start <= a && m.end >= b);
    if (covering.length) {
      const worst = covering.reduce((x, y) => (y.severity > x.severity ? y : x));
      // Each finding's first highlight carries an id, so its entry in the list can link to it.
      const fresh = [...new Set(covering.map((m) => m.finding))].filter((f) => !seen.has(f));
      for (const f of fresh) seen.add(f);
      const ids = opts.idPrefix ? fresh.map((f) => `${opts.idPrefix}-${f}`) : [];
      const id = ids.length ? ` id="${esc(ids[0]!)}"` : "";
      const anchors = ids.slice(1).map((x) => `<span id="${esc(x)}"></span>`).join("");
      const title = [...new Set(covering.map((m) => m.title))].join("\n");
      run = `<mark class="${worst.severity === 2 ? "sev-error" : "sev-warning"}"${id} title="${esc(title)}">${anchors}${run}</mark>`;
    }
    out += run;
  }
  return out;
}

/** Offsets where graphemes start or end. */
function graphemeBounds(text: string): number[] {
  const out = [0];
  for (const g of graphemes(text)) out.push(g.end);
  return out;
}

function snapTo(bounds: readonly number[], o: number, dir: -1 | 1): number {
  if (dir < 0) {
    let best = 0;
    for (const b of bounds) if (b <= o) best = b;
    return best;
  }
  for (const b of bounds) if (b >= o) return b;
  return bounds[bounds.length - 1] ?? o;
}

/** A `vscode://file/...:line:col` link target for an absolute path. */
export function vscodeUrl(absPath: string, line: number, column: number): string {
  const p = absPath.replace(/\\/g, "/");
  const withSlash = p.startsWith("/") ? p : `/${p}`;
  return `vscode://file${encodeURI(withSlash).replace(/[?#]/g, encodeURIComponent)}:${line}:${column}`;
}
