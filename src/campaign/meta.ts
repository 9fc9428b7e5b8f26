/**
 * Campaign metadata from message.md frontmatter (found with remark-frontmatter,
 * parsed with yaml keeping every node's range) or from campaign.json, validated
 * against schema/campaign.schema.json, with every problem at its line.
 */
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkFrontmatter from "remark-frontmatter";
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node as YNode } from "yaml";
import type { ValidateFunction } from "ajv";
import { validatorFor } from "../config/validators.js";
import { humanize, type JsonPath } from "../config/problems.js";
import { parseJson, stringNodeRange } from "../config/json-doc.js";
import { alignDecoded } from "../text/align.js";
import { parseSendTime } from "../text/time.js";
import { MappedText } from "../text/mapped-text.js";
import type { SourceFile } from "../text/source-file.js";
import { didYouMean } from "../text/suggest.js";
import { CHANNELS, type BrandConfig, type Channel } from "../types.js";
import type { CampaignMeta, CampaignProblem, MetaSource } from "./model.js";

function metaValidator(): ValidateFunction {
  return validatorFor("campaign");
}

export interface Frontmatter {
  /** Range of the YAML text between the fences. */
  yamlStart: number;
  yamlEnd: number;
  /** Where the Markdown body starts. */
  bodyStart: number;
}

const frontmatterParser = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]);

/** Finds the YAML frontmatter block of a Markdown file (remark-frontmatter decides what counts). */
export function findFrontmatter(text: string): Frontmatter | undefined {
  if (!text.startsWith("---")) return undefined;
  // Only the head of the file can be frontmatter: parse just that much.
  const close = /\r?\n(---|\.\.\.)[ \t]*(?:\r?\n|$)/g;
  close.lastIndex = 3;
  const m = close.exec(text);
  if (!m) return undefined;
  const headEnd = m.index + m[0].length;
  const tree = frontmatterParser.parse(text.slice(0, headEnd));
  const node = tree.children[0];
  if (!node || node.type !== "yaml" || node.position?.start.offset !== 0) return undefined;
  const open = /^---[ \t]*\r?\n/.exec(text);
  const yamlStart = open ? open[0].length : 4;
  return { yamlStart, yamlEnd: Math.max(yamlStart, m.index), bodyStart: headEnd };
}

function yamlNodeAt(doc: Document, p: JsonPath): YNode | undefined {
  let node: unknown = doc.contents;
  for (const part of p) {
    if (isMap(node)) {
      const pair = node.items.find((it) => (isScalar(it.key) ? it.key.value === part : it.key === part));
      node = pair?.value;
    } else if (isSeq(node) && typeof part === "number") node = node.items[part];
    else return undefined;
  }
  return (node ?? undefined) as YNode | undefined;
}

function yamlKeyAt(doc: Document, p: JsonPath, key: string): YNode | undefined {
  const parent = p.length ? yamlNodeAt(doc, p) : (doc.contents as YNode | null);
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((it) => isScalar(it.key) && it.key.value === key);
  return pair && isScalar(pair.key) ? pair.key : undefined;
}

/** Parses frontmatter YAML; problems are at their offsets in the file. */
export function yamlMeta(file: SourceFile, fm: Frontmatter): { value: unknown; source: MetaSource; problems: CampaignProblem[] } {
  const text = file.text.slice(fm.yamlStart, fm.yamlEnd);
  const base = fm.yamlStart;
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true });
  const problems: CampaignProblem[] = [];
  for (const e of [...doc.errors]) {
    const [s, en] = e.pos;
    problems.push({ ruleId: "parse-error", severity: 2, message: `invalid frontmatter YAML: ${e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")}`, file, start: base + s, end: base + Math.max(s, en) });
  }
  const value = problems.length ? undefined : doc.toJS({ maxAliasCount: 50 }) ?? {};
  const rangeOf = (n: YNode | undefined) => (n?.range ? { start: base + n.range[0], end: base + n.range[1] } : undefined);
  const source: MetaSource = {
    file,
    locate(p, key) {
      if (key !== undefined) {
        const k = rangeOf(yamlKeyAt(doc, p.slice(0, -1), key));
        if (k) return k;
      }
      for (let n = p.length; n >= 0; n--) {
        const r = rangeOf(n === 0 ? ((doc.contents as YNode | null) ?? undefined) : yamlNodeAt(doc, p.slice(0, n)));
        if (r) return r;
      }
      return { start: base, end: base };
    },
    stringAt(p) {
      const n = yamlNodeAt(doc, p);
      if (!isScalar(n) || typeof n.value !== "string" || !n.range) return undefined;
      let s = base + n.range[0];
      let e = base + n.range[1];
      if (n.type === "QUOTE_DOUBLE" || n.type === "QUOTE_SINGLE") {
        s += 1;
        e -= 1;
      } else if (n.type === "BLOCK_LITERAL" || n.type === "BLOCK_FOLDED") {
        const nl = file.text.indexOf("\n", s);
        s = nl === -1 ? e : nl + 1;
      }
      return alignDecoded(n.value, MappedText.fromSource(file, s, Math.max(s, e)));
    },
    has(p) {
      return yamlNodeAt(doc, p) !== undefined;
    },
  };
  if (value !== undefined && (typeof value !== "object" || Array.isArray(value) || value === null)) {
    problems.push({ ruleId: "parse-error", severity: 2, message: "frontmatter must be a set of key: value lines", file, start: base, end: fm.yamlEnd });
    return { value: undefined, source, problems };
  }
  return { value, source, problems };
}

/** Parses campaign.json. */
export function jsonMeta(file: SourceFile): { value: unknown; source: MetaSource; problems: CampaignProblem[] } {
  const doc = parseJson(file.text);
  const problems: CampaignProblem[] = doc.errors.map((e) => ({ ruleId: "parse-error", severity: 2, message: e.message, file, start: e.start, end: e.end }));
  const source: MetaSource = {
    file,
    locate: doc.locate,
    stringAt(p) {
      const r = stringNodeRange(doc.tree, p);
      return r ? alignDecoded(r.value, MappedText.fromSource(file, r.start, r.end)) : undefined;
    },
    has(p) {
      const r = doc.locate(p);
      return p.length === 0 || r.start !== doc.locate(p.slice(0, -1)).start;
    },
  };
  if (doc.value !== undefined && (typeof doc.value !== "object" || Array.isArray(doc.value) || doc.value === null)) {
    problems.push({ ruleId: "parse-error", severity: 2, message: "campaign.json must be a JSON object", file, start: 0, end: file.text.length });
    return { value: undefined, source, problems };
  }
  return { value: doc.value, source, problems };
}

const languageNames = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });

/** Validates metadata against the schema and the config; returns the effective metadata. */
export function validateMeta(
  value: unknown,
  source: MetaSource | undefined,
  config: BrandConfig,
  folder: string,
): { meta: CampaignMeta; problems: CampaignProblem[] } {
  const problems: CampaignProblem[] = [];
  const obj = (value ?? {}) as Record<string, unknown>;
  const at = (p: JsonPath, message: string, severity: 1 | 2 = 2, key?: string) => {
    if (source) problems.push({ ruleId: "campaign-meta", severity, message, file: source.file, ...source.locate(p, key) });
  };
  const v = metaValidator();
  let ok = true;
  if (source && value !== undefined && !v(value)) {
    ok = false;
    for (const p of humanize(v.errors ?? [], source.locate, "the campaign metadata")) problems.push({ ruleId: "campaign-meta", severity: 2, message: p.message, file: source.file, start: p.start, end: p.end });
  }
  const str = (k: string) => (typeof obj[k] === "string" ? (obj[k] as string) : undefined);
  let locale = str("locale") ?? "en";
  try {
    locale = Intl.getCanonicalLocales(locale)[0] ?? "en";
    const lang = new Intl.Locale(locale).language;
    if (!languageNames.of(lang)) at(["locale"], `unknown language "${lang}" in locale "${str("locale")}"; use a BCP 47 tag such as en, id, ar, ru, pl or pt-BR`, 1);
  } catch {
    at(["locale"], `"${str("locale")}" is not a valid locale tag; use a BCP 47 tag such as en, id, ar, ru, pl or pt-BR`);
    locale = "en";
  }
  const offer = str("offer");
  if (offer !== undefined) {
    const codes = (config.offers ?? []).map((o) => o.code);
    if (!codes.includes(offer)) {
      const guess = didYouMean(offer, codes);
      at(["offer"], `unknown offer code "${offer}"${guess ? ` — did you mean "${guess}"?` : codes.length ? ` (brand.config.json lists ${codes.join(", ")})` : " (brand.config.json lists no offers)"}`);
    }
  }
  const dateKeys: JsonPath[] = [["send"], ...CHANNELS.map((c) => [c, "send"])];
  for (const p of dateKeys) {
    const val = p.length === 1 ? obj[p[0] as string] : (obj[p[0] as string] as Record<string, unknown> | undefined)?.[p[1] as string];
    if (typeof val === "string" && /^\d{4}-\d{2}-\d{2}/.test(val) && !parseSendTime(val)) at(p, `${p.join(".")} is not a real ${val.length > 10 ? "date and time" : "date"}: ${val}`);
  }
  const channels = ok && Array.isArray(obj.channels) ? (obj.channels as Channel[]) : [...CHANNELS];
  const meta: CampaignMeta = {
    ...(ok ? (obj as Partial<CampaignMeta>) : {}),
    campaign: str("campaign") ?? folder,
    locale,
    channels,
  };
  if (!ok) {
    // Keep what is usable so the other rules still run.
    for (const k of ["offer", "audience", "send", "subject", "preheader"] as const) if (str(k) !== undefined) meta[k] = str(k);
    if (obj.type === "transactional") meta.type = "transactional";
  }
  return { meta, problems };
}
