/**
 * Campaign metadata from message.md frontmatter (found with remark-frontmatter's syntax,
 * parsed with yaml keeping every node's range) or from campaign.json, validated
 * against schema/campaign.schema.json, with every problem at its line.
 */
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkFrontmatter from "remark-frontmatter";
import { subtokenize } from "micromark-util-subtokenize";
import { blockPass } from "../render/markdown.js";
import { Composer, isMap, isScalar, isSeq, visit, Parser as YamlParser, YAMLParseError, type CST, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions, type Node as YNode } from "yaml";
import type { ValidateFunction } from "ajv";
import { validatorFor } from "../config/validators.js";
import { humanize, type JsonPath } from "../config/problems.js";
import { parseJson } from "../config/json-doc.js";
import { alignDecoded } from "../text/align.js";
import { endOfChar, startOfChar } from "../text/code-points.js";
import { parseSendTime } from "../text/time.js";
import { MappedText } from "../text/mapped-text.js";
import type { SourceFile } from "../text/source-file.js";
import { didYouMean } from "../text/suggest.js";
import { CHANNELS, type BrandConfig, type Channel } from "../types.js";
import type { CampaignMeta, CampaignProblem, MetaSource } from "./model.js";
import { lazy, memo } from "../text/lazy.js";
import { builtInLanguages } from "../config/languages.js";

function metaValidator(): ValidateFunction {
  return validatorFor("campaign");
}

export interface Frontmatter {
  /** Range of the YAML text between the fences. */
  yamlStart: number;
  yamlEnd: number;
  /** Where the Markdown body starts. */
  bodyStart: number;
  /**
   * The opening fence is never closed: nothing after it is read as YAML or as the body
   * (it would otherwise be sent as message text), and yamlMeta reports it.
   */
  unclosed?: boolean;
}

/**
 * micromark's block pass with remark-frontmatter's syntax, set up once: finding the
 * frontmatter needs only micromark's block pass over the head of the file, not a tree
 * (the extensions were combined and an mdast tree compiled for every file).
 */
const frontmatterBlocks = blockPass(() => unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).freeze());

/** Finds the YAML frontmatter block of a Markdown file (remark-frontmatter decides what counts). */
export function findFrontmatter(text: string): Frontmatter | undefined {
  if (!text.startsWith("---")) return undefined;
  // Only the head of the file can be frontmatter: parse just that much.
  const close = /\r?\n(---|\.\.\.)[ \t]*(?:\r?\n|$)/g;
  close.lastIndex = 3;
  const m = close.exec(text);
  if (!m) {
    const open = /^---[ \t]*\r?\n/.exec(text);
    return open ? { yamlStart: open[0].length, yamlEnd: open[0].length, bodyStart: text.length, unclosed: true } : undefined;
  }
  const headEnd = m.index + m[0].length;
  const events = frontmatterBlocks(text.slice(0, headEnd));
  // One pass opens the document's flow chunks: a frontmatter is the first thing in them.
  subtokenize(events);
  const first = events[0];
  if (!first || first[0] !== "enter" || (first[1].type as string) !== "yaml" || first[1].start.offset !== 0) return undefined;
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

/**
 * How deep frontmatter lists and maps may nest. yaml composes documents recursively
 * (it reports a stack overflow as a parse error, so the result would depend on the
 * thread's stack size): nesting is measured first on yaml's own CST, without recursion.
 */
export const MAX_YAML_DEPTH = 100;
/** How many times anchors may be used (yaml's maxAliasCount: the billion-laughs guard). */
const MAX_YAML_ALIASES = 50;

/** Offset (in the YAML text) of the first list or map nested deeper than MAX_YAML_DEPTH. */
function yamlTooDeep(tokens: readonly CST.Token[]): number | undefined {
  const stack: [CST.Token | undefined, number][] = tokens.map((token) => [token, 0]);
  // Depth-first in document order: the first one found is the earliest.
  stack.reverse();
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!node) continue;
    const collection = node.type === "block-map" || node.type === "block-seq" || node.type === "flow-collection";
    if (collection && depth >= MAX_YAML_DEPTH) return node.offset;
    const kids: (CST.Token | undefined)[] = node.type === "document" ? [node.value] : collection ? node.items.flatMap((it) => [it.key ?? undefined, it.value]) : [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], depth + (collection ? 1 : 0)]);
  }
  return undefined;
}

const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = { uniqueKeys: true, strict: true, logLevel: "error" };

/** What yaml's parseDocument does (one document; a second one is an error), from a CST already parsed. */
function composeDocument(tokens: readonly CST.Token[], length: number): Document {
  let doc: Document | undefined;
  for (const next of new Composer(YAML_OPTIONS).compose(tokens, true, length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
      break;
    }
  }
  // compose(…, true) always ends with a document.
  return doc!;
}

/**
 * Parses frontmatter YAML; problems are at their offsets in the file. `lean`: the source
 * keeps the ranges of the document's keys and values, not the document (the project index
 * holds every campaign's metadata at once); its stringAt parses the frontmatter again.
 */
export function yamlMeta(file: SourceFile, fm: Frontmatter, opts: { lean?: boolean } = {}): { value: unknown; source: MetaSource; problems: CampaignProblem[] } {
  const text = file.text.slice(fm.yamlStart, fm.yamlEnd);
  const base = fm.yamlStart;
  const problems: CampaignProblem[] = [];
  // An offset never falls between the \r and \n of a CRLF line end (a column past the line's end).
  // yaml's error ranges count UTF-16 code units: one may end inside a surrogate pair.
  const at = (o: number) => (file.text[o - 1] === "\r" && file.text[o] === "\n" ? o - 1 : o);
  const problem = (message: string, s: number, e: number) => {
    const start = startOfChar(file.text, at(base + s));
    problems.push({ ruleId: "parse-error", severity: 2, message, file, start, end: Math.max(start, endOfChar(file.text, at(base + e))) });
  };
  if (fm.unclosed) problems.push({ ruleId: "parse-error", severity: 2, message: "the frontmatter is never closed: end it with a line of three dashes (---) before the message text", file, start: 0, end: 3 });
  // yaml's CST, made once: measured for depth, then composed into the document.
  const tokens = [...new YamlParser().parse(text)];
  const deep = yamlTooDeep(tokens);
  // Deeper than the limit: not composed at all (an empty document keeps locate() working).
  const doc = deep === undefined ? composeDocument(tokens, text.length) : composeDocument([], 0);
  if (deep !== undefined) problem(`lists and maps nested more than ${MAX_YAML_DEPTH} levels deep; brandlint does not read deeper than that`, deep, deep + 1);
  for (const e of [...doc.errors]) {
    const [s, en] = e.pos;
    problem(`invalid frontmatter YAML: ${e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")}`, s, en);
  }
  // A list or map as a key has no place in metadata (JavaScript would stringify it).
  visit(doc, {
    Pair(_, pair) {
      const k = pair.key as YNode | null;
      if (k && !isScalar(k) && k.range) problem("a frontmatter key must be a plain name, not a list or a map", k.range[0], k.range[1]);
    },
  });
  let value: unknown;
  if (!problems.length) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) ?? {};
    } catch (e) {
      // yaml refuses documents whose anchors expand too much; point at the last alias.
      let last: [number, number] = [0, 0];
      visit(doc, {
        Alias(_, a) {
          if (a.range) last = [a.range[0], a.range[1]];
        },
      });
      problem(
        e instanceof ReferenceError
          ? `the frontmatter uses its anchors too many times (more than ${MAX_YAML_ALIASES} references to * names); write the values out`
          : `invalid frontmatter YAML: ${(e as Error).message}`,
        last[0],
        last[1],
      );
    }
  }
  const rangeOf = (n: YNode | undefined) => (n?.range ? { start: base + n.range[0], end: base + n.range[1] } : undefined);
  const source: MetaSource = opts.lean ? leanSource(file, fm, nodeRanges(doc, base)) : {
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

type Range = { start: number; end: number };
const pathKey = (p: JsonPath) => JSON.stringify(p);

/** The range of every node of `doc` by path (undefined: it has none), and of every map key by its map's path and name, in the file. */
function nodeRanges(doc: Document, base: number): { nodes: Map<string, Range | undefined>; keys: Map<string, Range> } {
  const nodes = new Map<string, Range | undefined>();
  const keys = new Map<string, Range>();
  const rangeOf = (n: YNode | undefined) => (n?.range ? { start: base + n.range[0], end: base + n.range[1] } : undefined);
  const walk = (node: unknown, p: JsonPath) => {
    if (node === null || node === undefined) return;
    nodes.set(pathKey(p), rangeOf(node as YNode));
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const it of node.items) {
        const name = isScalar(it.key) ? it.key.value : it.key;
        // The first pair with a name is the one yamlNodeAt finds.
        if (seen.has(name)) continue;
        seen.add(name);
        if (isScalar(it.key) && typeof name === "string" && it.key.range) keys.set(pathKey([...p, name]), rangeOf(it.key)!);
        if (typeof name === "string" || typeof name === "number") walk(it.value, [...p, name]);
      }
    } else if (isSeq(node)) node.items.forEach((it, i) => walk(it, [...p, i]));
  };
  walk(doc.contents, []);
  return { nodes, keys };
}

/**
 * A MetaSource that answers locate and has from the ranges of the document's nodes, read
 * once (made outside yamlMeta, so its functions keep neither the document, its CST nor
 * its nodes alive); stringAt parses the frontmatter again.
 */
function leanSource(file: SourceFile, fm: Frontmatter, { nodes, keys }: ReturnType<typeof nodeRanges>): MetaSource {
  let full: MetaSource | undefined;
  return {
    file,
    locate(p, key) {
      if (key !== undefined) {
        const k = keys.get(pathKey([...p.slice(0, -1), key]));
        if (k) return k;
      }
      for (let n = p.length; n >= 0; n--) {
        const r = nodes.get(pathKey(p.slice(0, n)));
        if (r) return r;
      }
      return { start: fm.yamlStart, end: fm.yamlStart };
    },
    stringAt: (p) => (full ??= yamlMeta(file, fm).source).stringAt(p),
    has: (p) => nodes.has(pathKey(p)),
  };
}

/** Parses campaign.json. */
export function jsonMeta(file: SourceFile): { value: unknown; source: MetaSource; problems: CampaignProblem[] } {
  const doc = parseJson(file.text);
  // A key written twice: JSON.parse (and whatever sends the campaign) keeps the last one.
  const problems: CampaignProblem[] = [...doc.errors, ...doc.duplicates].map((e) => ({ ruleId: "parse-error", severity: 2, message: e.message, file, start: e.start, end: e.end }));
  const source: MetaSource = {
    file,
    locate: doc.locate,
    stringAt(p) {
      const r = doc.stringAt(p);
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

const languageNames = lazy(() => new Intl.DisplayNames(["en"], { type: "language", fallback: "none" }));
/** Is a language code one ICU names? brandlint's own languages are (a test checks), without loading the names. */
const knownLanguage = (lang: string) => Object.hasOwn(builtInLanguages(), lang) || languageNames().of(lang) !== undefined;

interface LocaleTag {
  /** Its canonical form. */
  locale: string;
  language: string;
  /** Whether brandlint knows the language. */
  known: boolean;
}
/** A locale tag as Intl reads it, or undefined when it is not one; cached (a project has few; the language server sees half-written ones too). */
const localeTag = memo(
  1000,
  (written: string) => written,
  (written: string): LocaleTag | undefined => {
    try {
      const locale = Intl.getCanonicalLocales(written)[0] ?? "en";
      const language = new Intl.Locale(locale).language;
      return { locale, language, known: knownLanguage(language) };
    } catch {
      return undefined;
    }
  },
);

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
  const tag = localeTag(str("locale") ?? "en");
  const locale = tag?.locale ?? "en";
  if (!tag) at(["locale"], `"${str("locale")}" is not a valid locale tag; use a BCP 47 tag such as en, id, ar, ru, pl or pt-BR`);
  else if (!tag.known) at(["locale"], `unknown language "${tag.language}" in locale "${str("locale")}"; use a BCP 47 tag such as en, id, ar, ru, pl or pt-BR`, 1);
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
