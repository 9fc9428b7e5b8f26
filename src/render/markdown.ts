/**
 * The body of message.md, after Handlebars, parsed with remark (CommonMark + GFM) and
 * turned into what each channel derives from it: plain text of the first paragraph,
 * the first heading, the call to action, WhatsApp-marked text, the email's prose.
 * Every string is a MappedText, so positions survive Markdown marks and entities.
 */
import { unified, type Data, type Processor } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import { parse as micromarkParse, preprocess } from "micromark";
import { subtokenize } from "micromark-util-subtokenize";
import type { Root, RootContent, PhrasingContent, Paragraph, Link, Image, Heading, ListItem, TableCell, Html, Nodes } from "mdast";
import { alignDecoded } from "../text/align.js";
import { MappedText, MappedTextBuilder, joinMapped } from "../text/mapped-text.js";
import { findUrlRanges } from "../text/urls.js";
import { lazy } from "../text/lazy.js";

/**
 * How deep Markdown may nest (quotes, lists, emphasis and links inside one another,
 * counted in syntax-tree levels). Real messages stay under ten; the limit keeps every
 * walk over the tree (remark-gfm's included) far from the stack's end, whatever the
 * thread's stack size.
 */
export const MAX_MARKDOWN_DEPTH = 100;
/**
 * How long one run of inline text may be (a paragraph, a heading, a table cell, in
 * characters). micromark's inline pass merges each group of adjacent text events with
 * one array splice (micromark/lib/initialize/text.js), so its time grows with the
 * square of one run's length when inline marks that do not close alternate with text
 * (`[a](` or `a*b ` repeated: 10 KB in 0.1 s, 100 KB in 5 to 40 s). A run this long
 * costs at most a few hundred milliseconds; real messages stay far below it.
 */
export const MAX_MARKDOWN_INLINE = 10_000;
/**
 * How long one line of Markdown may be (in characters), whatever it holds. micromark
 * keeps every token of a line until the line ends (a thematic break `- - - …`, a table
 * row it tries as a header), so a megabyte line is a few million live objects and the
 * garbage collector's time grows faster than the line (`- ` or `*a ` repeated: 10 KB
 * 22 ms, 100 KB 340 ms, 1 MB 4.9 s). Paragraph lines are held to MAX_MARKDOWN_INLINE
 * already; this leaves room for HTML and code lines (a data URI, pasted minified HTML).
 */
export const MAX_MARKDOWN_LINE = 50_000;
/** Levels of list indentation in WhatsApp text. */
const WA_MAX_INDENT = 4;

declare module "mdast" {
  interface RootData {
    /** Offset in the text of the first node deeper than MAX_MARKDOWN_DEPTH (it and what it holds are left out). */
    tooDeepAt?: number;
    /** Offset in the text where a run of inline text passes MAX_MARKDOWN_INLINE (the run and what follows are left out). */
    tooLongAt?: number;
    /** Offset in the text where a line passes MAX_MARKDOWN_LINE (the line and what follows are left out). */
    longLineAt?: number;
  }
}

/**
 * A remark plugin whose tree transform runs before remark-gfm's (which walk the tree
 * recursively): it walks the tree iteratively and cuts it at MAX_MARKDOWN_DEPTH.
 */
function limitDepth(this: Processor): void {
  const data = this.data();
  (data.fromMarkdownExtensions ??= []).push({
    transforms: [
      (tree: Root) => {
        const stack: [Nodes, number][] = [[tree, 0]];
        while (stack.length) {
          const [n, depth] = stack.pop()!;
          if (!("children" in n) || !n.children.length) continue;
          if (depth >= MAX_MARKDOWN_DEPTH) {
            const first = (n.children[0] as Nodes).position?.start.offset;
            // Depth-first in document order: the first cut is the earliest.
            if (first !== undefined && tree.data?.tooDeepAt === undefined) tree.data = { ...tree.data, tooDeepAt: first };
            n.children = [];
            continue;
          }
          for (let i = n.children.length - 1; i >= 0; i--) stack.push([n.children[i] as Nodes, depth + 1]);
        }
      },
    ],
  });
}

const parser = unified().use(limitDepth).use(remarkParse).use(remarkGfm).freeze();

type BlockEvents = ReturnType<ReturnType<ReturnType<typeof micromarkParse>["document"]>["write"]>;
/**
 * micromark's block pass with the syntax extensions a unified processor's plugins
 * registered (remark-gfm's, remark-frontmatter's): a text's document events, before
 * `subtokenize` opens their chunks. The extensions are combined once, on first use; the
 * parse context is reused, its definitions and lazy lines cleared for each text.
 */
export function blockPass(processor: () => { data(): Data }): (text: string) => BlockEvents {
  const context = lazy(() => micromarkParse({ extensions: (processor().data().micromarkExtensions ?? []) as NonNullable<NonNullable<Parameters<typeof micromarkParse>[0]>["extensions"]> }));
  return (text) => {
    const c = context();
    c.defined.length = 0;
    c.lazy = {};
    return c.document().write(preprocess()(text, undefined, true));
  };
}
/** The block pass of longInline, with the syntax remark parses with. */
const markdownBlocks = blockPass(() => parser);

export interface BodyLink {
  url: MappedText;
  text: MappedText;
  node: Link;
}

export interface BodyImage {
  src: MappedText;
  alt?: MappedText;
  start: number;
  end: number;
  node: Image;
}

export interface BodyModel {
  tree: Root;
  rendered: MappedText;
  firstHeading?: MappedText;
  /** Plain text of the first paragraph that is not the call to action. */
  firstParagraph?: MappedText;
  cta?: BodyLink;
  links: BodyLink[];
  images: BodyImage[];
  /** Every prose block's plain text, in order (the email body). */
  prose: MappedText[];
  /** The body with WhatsApp marks. */
  whatsapp: MappedText;
  /** Raw HTML written in the Markdown. */
  html: { value: string; at: MappedText }[];
  /** Where the Markdown nests deeper than MAX_MARKDOWN_DEPTH (what is deeper is left out). */
  tooDeep?: MappedText;
  /** Where a run of inline text passes MAX_MARKDOWN_INLINE (it and what follows are left out). */
  tooLong?: MappedText;
  /** Where a line passes MAX_MARKDOWN_LINE (it and what follows are left out). */
  longLine?: MappedText;
}

type AnyNode = Root | RootContent;

/**
 * Parses Markdown (CommonMark + GFM) with remark, cut at MAX_MARKDOWN_DEPTH and
 * MAX_MARKDOWN_INLINE. micromark takes time quadratic in the number of container
 * markers that open on one line (`- - - - x`, `> > > x`), and cubic in the levels of a
 * list indented one level per line, so a line whose markers (with the list items it is
 * indented into) pass the depth limit ends the parsed text: the tree holds what comes
 * before it and `data.tooDeepAt` says where. A run of inline text longer than
 * MAX_MARKDOWN_INLINE ends it the same way, at the start of the line the run starts on
 * (`data.tooLongAt`: where it passes the limit), and a line longer than
 * MAX_MARKDOWN_LINE ends it at its start (`data.longLineAt`), before anything else
 * looks at it: cut short, a line could read as another kind of block.
 */
export function parseMarkdown(text: string): Root {
  const line = longLine(text);
  const lines = line ? text.slice(0, line.start) : text;
  const cut = deepLine(lines);
  const head = cut ? lines.slice(0, cut.lineStart) : lines;
  const long = longInline(head);
  const tree = parser.parse(long ? head.slice(0, long.start) : head);
  if (long) tree.data = { ...tree.data, tooLongAt: long.at };
  else if (cut && (tree.data?.tooDeepAt === undefined || cut.at < tree.data.tooDeepAt)) tree.data = { ...tree.data, tooDeepAt: cut.at };
  else if (line && tree.data?.tooDeepAt === undefined) tree.data = { ...tree.data, longLineAt: line.at };
  return tree;
}

/** The first line longer than MAX_MARKDOWN_LINE: where it starts, and where it passes the limit. */
function longLine(text: string): { start: number; at: number } | undefined {
  for (let start = 0; text.length - start > MAX_MARKDOWN_LINE; ) {
    const end = text.indexOf("\n", start);
    const length = (end === -1 ? text.length : end) - start;
    if (length > MAX_MARKDOWN_LINE && !(length === MAX_MARKDOWN_LINE + 1 && text[start + MAX_MARKDOWN_LINE] === "\r")) return { start, at: start + MAX_MARKDOWN_LINE };
    if (end === -1) break;
    start = end + 1;
  }
  return undefined;
}

/**
 * The first run of inline text longer than MAX_MARKDOWN_INLINE: the start of the line
 * it starts on, and where it passes the limit. micromark's own block passes find the runs: its tokens of
 * text and string content, each a chain of line chunks, before the inline pass that
 * would tokenize them (each block pass is linear; a text without a run of non-blank
 * lines longer than the limit has no such run and is not looked at).
 */
function longInline(text: string): { start: number; at: number } | undefined {
  if (!longLineRun(text)) return undefined;
  const events = markdownBlocks(text);
  for (;;) {
    let found: { start: number; at: number } | undefined;
    let blocks = false;
    for (const [kind, token] of events) {
      if (kind !== "enter" || !token.contentType || token.previous) continue;
      if (token.contentType !== "text" && token.contentType !== "string") {
        blocks = true;
        continue;
      }
      let size = 0;
      for (let t: typeof token | undefined = token; t; t = t.next) {
        const length = t.end.offset - t.start.offset;
        if (size + length > MAX_MARKDOWN_INLINE) {
          const at = t.start.offset + (MAX_MARKDOWN_INLINE - size);
          if (!found || at < found.at) found = { start: text.lastIndexOf("\n", token.start.offset - 1) + 1, at };
          break;
        }
        size += length;
      }
    }
    // Runs of inline text found in this pass are tokenized by the next one.
    if (found || !blocks || subtokenize(events)) return found;
  }
}

/**
 * Whether some run of lines without a blank one between them is longer than
 * MAX_MARKDOWN_INLINE. A run of inline text lies within such a run of lines (a blank
 * line ends every paragraph; a heading or table cell is on one line), and is never
 * longer: without one, micromark's block pass need not look (most long messages).
 */
function longLineRun(text: string): boolean {
  let run = 0;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    BLANK.lastIndex = start;
    if (BLANK.test(text) && BLANK.lastIndex >= end) run = 0;
    else if ((run += end + 1 - start) > MAX_MARKDOWN_INLINE) return true;
    start = end + 1;
  }
  return false;
}
const BLANK = /[ \t\r]*/y;

// Container markers at the start of a line: a quote mark, or a list marker followed by
// white space (a list and its item: two tree levels). A thematic break is not one.
const MARKERS = /[ \t]*(?:(>)|(?:[-+*]|\d{1,9}[.)])(?=[ \t]))/y;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
// A list item's marker after its indentation, and the spaces before its content.
const LIST_ITEM = /([-+*]|\d{1,9}[.)])(?=[ \t\r\n]|$)/y;

/** Columns of leading white space (a tab to the next multiple of 4) and where it ends. */
function indentOf(text: string, from: number, to: number): { width: number; end: number } {
  let width = 0;
  let i = from;
  for (; i < to; i++) {
    const c = text[i];
    if (c === " ") width++;
    else if (c === "\t") width += 4 - (width % 4);
    else break;
  }
  return { width, end: i };
}

/**
 * The first line whose leading container markers nest past MAX_MARKDOWN_DEPTH, counting
 * the list items the line is indented into. Those are counted as CommonMark nests them,
 * and never more: an item's content column (marker width plus its spaces) is where a
 * nested line must start, a line indented less closes the item (a lazy continuation line
 * would keep it open: counting fewer levels only cuts later), and a line four columns
 * past it is code.
 */
function deepLine(text: string): { lineStart: number; at: number } | undefined {
  const items: number[] = [];
  for (let lineStart = 0; lineStart < text.length; ) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const { width, end } = indentOf(text, lineStart, lineEnd);
    if (end < lineEnd && text[end] !== "\r") {
      while (items.length && width < items[items.length - 1]!) items.pop();
      const inner = items.length ? items[items.length - 1]! : 0;
      let depth = 2 * items.length;
      // Four columns past the content: indented code, no markers.
      const code = width >= inner + 4;
      if (!code) {
        LIST_ITEM.lastIndex = end;
        const item = LIST_ITEM.exec(text);
        if (item && !THEMATIC_BREAK.test(text.slice(lineStart, lineEnd))) {
          const spaces = indentOf(text, end + item[1]!.length, lineEnd).width;
          // More than four spaces after the marker: the content is code, one space in.
          items.push(width + item[1]!.length + (spaces === 0 || spaces > 4 ? 1 : spaces));
        }
      }
      MARKERS.lastIndex = lineStart;
      for (let m = code ? null : MARKERS.exec(text); m && MARKERS.lastIndex <= lineEnd; m = MARKERS.exec(text)) {
        depth += m[1] ? 1 : 2;
        if (depth > MAX_MARKDOWN_DEPTH) {
          if (THEMATIC_BREAK.test(text.slice(lineStart, lineEnd))) break;
          return { lineStart, at: m.index + m[0].length - m[0].trimStart().length };
        }
        if (text[MARKERS.lastIndex] === " " || text[MARKERS.lastIndex] === "\t") MARKERS.lastIndex++;
      }
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}

/** Position-keeping helpers over a rendered Markdown text (shared by every channel's renderer). */
export function mdHelpers(rendered: MappedText) {
  const sliceOf = (n: AnyNode) => rendered.slice(n.position?.start.offset ?? 0, n.position?.end.offset ?? 0);

  const linkUrl = (n: Link): MappedText => {
    const last = n.children[n.children.length - 1];
    const start = n.position?.start.offset ?? 0;
    const end = n.position?.end.offset ?? 0;
    const text = rendered.text;
    if (n.children.length === 1 && last?.type === "text" && last.value === n.url) return sliceOf(last).withKind(0, sliceOf(last).length, "url");
    const after = last ? (last.position?.end.offset ?? start) : start + 1;
    if (text.startsWith("](", after)) {
      let ds = after + 2;
      while (ds < end && /\s/.test(text[ds]!)) ds++;
      let de = ds;
      if (text[ds] === "<") {
        ds++;
        de = text.indexOf(">", ds);
        if (de === -1 || de > end) de = ds;
      } else {
        let depth = 0;
        while (de < end && !/\s/.test(text[de]!)) {
          if (text[de] === "(") depth++;
          else if (text[de] === ")") {
            if (depth === 0) break;
            depth--;
          } else if (text[de] === "\\") de++;
          de++;
        }
      }
      return alignDecoded(n.url, rendered.slice(ds, de), "url");
    }
    // Autolinks and literal URLs: the URL is the visible text.
    const whole = sliceOf(n);
    const b = new MappedTextBuilder();
    b.emitFor(n.url, whole, "url");
    return b.build();
  };

  const plain = (nodes: readonly PhrasingContent[], marks: boolean): MappedText => {
    const b = new MappedTextBuilder();
    for (const n of nodes) {
      const slice = sliceOf(n);
      switch (n.type) {
        case "text":
          b.append(alignDecoded(n.value, slice));
          break;
        case "inlineCode":
          if (marks) b.emitFor("`", slice);
          b.append(alignDecoded(n.value, slice, "code"));
          if (marks) b.emitFor("`", slice);
          break;
        case "break":
          b.emitFor("\n", slice);
          break;
        case "strong":
        case "emphasis":
        case "delete": {
          const mark = n.type === "strong" ? "*" : n.type === "emphasis" ? "_" : "~";
          if (marks) b.emitFor(mark, slice);
          b.append(plain(n.children, marks));
          if (marks) b.emitFor(mark, slice);
          break;
        }
        case "link": {
          const url = linkUrl(n);
          const label = plain(n.children, marks);
          // A URL written as plain text that GFM made a link (www.…, an e-mail address):
          // what is visible is the URL itself, so prose rules must leave it alone.
          const only = n.children.length === 1 && n.children[0]!.type === "text" ? n.children[0].value : undefined;
          if (only !== undefined && (n.url === `http://${only}` || n.url === `mailto:${only}`)) {
            b.append(label.withKind(0, label.length, "url"));
            break;
          }
          if (label.text === n.url || label.text === url.text) b.append(url);
          else {
            b.append(label);
            if (marks) {
              b.emitFor(" (", slice);
              b.append(url);
              b.emitFor(")", slice);
            }
          }
          break;
        }
        case "linkReference":
          b.append(plain(n.children, marks));
          break;
        default:
          break;
      }
    }
    return b.build();
  };

  const imageOf = (n: Image): BodyImage => {
    const s = n.position?.start.offset ?? 0;
    const e = n.position?.end.offset ?? 0;
    const text = rendered.text;
    let altEnd = text.indexOf("](", s + 2);
    if (altEnd === -1 || altEnd > e) altEnd = s + 2;
    let ds = altEnd + 2;
    while (ds < e && /\s/.test(text[ds]!)) ds++;
    if (text[ds] === "<") ds++;
    let de = ds;
    while (de < e && !/[\s)>]/.test(text[de]!)) de++;
    return {
      src: alignDecoded(n.url, rendered.slice(ds, de), "url"),
      alt: n.alt ? alignDecoded(n.alt, rendered.slice(s + 2, altEnd)) : undefined,
      start: s,
      end: e,
      node: n,
    };
  };
  const onlyLink = (p: Paragraph): Link | undefined => {
    const kids = p.children.filter((c) => !(c.type === "text" && !c.value.trim()));
    if (kids.length !== 1) return undefined;
    let k: PhrasingContent = kids[0]!;
    while ((k.type === "strong" || k.type === "emphasis") && k.children.length === 1) k = k.children[0]!;
    return k.type === "link" ? k : undefined;
  };
  return { sliceOf, linkUrl, plain, imageOf, onlyLink };
}

export type MdHelpers = ReturnType<typeof mdHelpers>;

/** Analyses a rendered Markdown body (parsed here, unless its tree is given). */
export function analyzeBody(rendered: MappedText, tree: Root = parseMarkdown(rendered.text)): BodyModel {
  const { sliceOf, linkUrl, plain, imageOf, onlyLink } = mdHelpers(rendered);
  const links: BodyLink[] = [];
  const images: BodyImage[] = [];
  const html: BodyModel["html"] = [];
  const visit = (n: AnyNode) => {
    if (n.type === "link") links.push({ url: linkUrl(n), text: plain(n.children, false), node: n });
    if (n.type === "image") images.push(imageOf(n));
    if (n.type === "html") html.push({ value: (n as Html).value, at: sliceOf(n) });
    if ("children" in n) for (const c of n.children as AnyNode[]) visit(c);
  };
  visit(tree);

  let ctaNode: Link | undefined;
  for (const n of tree.children) if (n.type === "paragraph" && onlyLink(n)) ctaNode = onlyLink(n);
  const cta = ctaNode ? links.find((l) => l.node === ctaNode) : links[links.length - 1];

  let firstHeading: MappedText | undefined;
  let firstParagraph: MappedText | undefined;
  for (const n of tree.children) {
    if (!firstHeading && n.type === "heading") firstHeading = plain(n.children, false).trim();
    if (!firstParagraph && n.type === "paragraph" && !onlyLink(n)) {
      const p = plain(n.children, false).trim();
      if (p.text) firstParagraph = p;
    }
  }

  // The email body: every prose block, in order.
  const prose: MappedText[] = [];
  const collect = (n: AnyNode) => {
    if (n.type === "paragraph" || n.type === "heading" || n.type === "tableCell") {
      const t = plain((n as Paragraph | Heading | TableCell).children, false).trim();
      if (t.text) prose.push(t);
      for (const c of (n as Paragraph).children) if (c.type === "image" && c.alt) prose.push(imageOf(c).alt!);
      return;
    }
    if ("children" in n) for (const c of n.children as AnyNode[]) collect(c);
  };
  collect(tree);

  // WhatsApp: marks for emphasis, bullets for lists, URLs for links. Nested lists indent
  // two spaces a level, up to WA_MAX_INDENT levels (deeper levels line up with the last:
  // a phone screen shows no more, and the text stays proportional to the source).
  const wa = (n: RootContent, listPrefix = ""): MappedText | undefined => {
    const slice = sliceOf(n);
    const b = new MappedTextBuilder();
    switch (n.type) {
      case "heading":
        b.emitFor("*", slice).append(plain(n.children, false).trim()).emitFor("*", slice);
        return b.build();
      case "paragraph": {
        const link = onlyLink(n);
        if (link) {
          const url = linkUrl(link);
          const label = plain(link.children, false).trim();
          if (label.text && label.text !== url.text) b.append(label).emitFor(": ", slice);
          return b.append(url).build();
        }
        return plain(n.children, true).trim();
      }
      case "list": {
        const items = n.children.map((item: ListItem, i: number) => {
          const bullet = n.ordered ? `${(n.start ?? 1) + i}. ` : "• ";
          const indent = listPrefix.length < 2 * WA_MAX_INDENT ? listPrefix + "  " : listPrefix;
          const inner = joinMapped(item.children.map((c) => wa(c, indent)).filter((x): x is MappedText => !!x), "\n" + indent);
          return new MappedTextBuilder().emitFor(listPrefix + bullet, sliceOf(item)).append(inner).build();
        });
        return joinMapped(items, "\n");
      }
      case "blockquote": {
        const inner = joinMapped(n.children.map((c) => wa(c)).filter((x): x is MappedText => !!x), "\n");
        return b.emitFor("> ", slice).append(inner).build();
      }
      case "code":
        return b.emitFor("```\n", slice).append(alignDecoded(n.value, slice, "code")).emitFor("\n```", slice).build();
      case "table":
        return joinMapped(
          n.children.map((row) => joinMapped(row.children.map((cell) => plain(cell.children, true).trim()), " | ")),
          "\n",
        );
      default:
        return undefined;
    }
  };
  const whatsapp = joinMapped(tree.children.map((c) => wa(c)).filter((x): x is MappedText => !!x && x.text.length > 0), "\n\n");

  const at = tree.data?.tooDeepAt;
  const tooDeep = at === undefined ? undefined : rendered.slice(at, at + 1);
  const longAt = tree.data?.tooLongAt;
  const tooLong = longAt === undefined ? undefined : rendered.slice(longAt, longAt + 1);
  const lineAt = tree.data?.longLineAt;
  const longLine = lineAt === undefined ? undefined : rendered.slice(lineAt, lineAt + 1);
  return { tree, rendered, firstHeading, firstParagraph, cta, links, images, prose, whatsapp, html, ...(tooDeep ? { tooDeep } : {}), ...(tooLong ? { tooLong } : {}), ...(longLine ? { longLine } : {}) };
}

/** Replaces line breaks inside a text with spaces (same length, positions kept). */
export function unwrapLines(m: MappedText): MappedText {
  return new MappedText(m.text.replace(/\r?\n|\r/g, (s) => " ".repeat(s.length)).replace(/ {2,}/g, (s) => s), m.pieces);
}

/** URLs written in plain text: the one pattern, from src/text/urls.ts (the preview highlights with it). */
export { URL_IN_TEXT as URL_RE } from "../text/urls.js";

/** Labels URLs written in plain text (src/text/urls.ts finds them) as kind "url", so prose rules leave them alone. */
export function markUrls(m: MappedText): MappedText {
  // One pass over the text: withKinds labels every range at once (a copy per URL was quadratic).
  return m.withKinds(findUrlRanges(m.text).map((r) => ({ start: r.start, end: r.end })), "url");
}

/** The URLs written in plain text, as mapped texts. */
export function findUrls(m: MappedText): MappedText[] {
  return findUrlRanges(m.text).map((r) => m.slice(r.start, r.end));
}

/**
 * A variable value Markdown reads as letters and nothing else wherever it stands: letters
 * only, between white space (or the text's start) and white space, the text's end, a
 * link label's `]`, or a sentence mark before one of those (`,.!?;` and the marks of
 * other scripts: `،؛؟。、，！？；…`). No construct of CommonMark or GFM starts, ends or changes on
 * such a run of letters — emphasis looks at the characters beside its delimiters, and
 * there are none beside the value; entities, e-mail addresses, URLs and escapes need a
 * character other than white space right before or after it — except the words `www`,
 * `http` and `https`, which start literal URLs. Three constructs can hold white space and
 * read letters by their script or case: HTML tags (attribute names are ASCII), link
 * labels (matched to definitions case-insensitively, at most 999 characters) and link
 * titles; a text with `<` or `]:` is never derived, nor a value in a link with a title.
 * So two renderings that differ only in such values parse into the same tree, their text
 * nodes holding the values.
 */
const LETTERS = /^\p{L}+$/u;
const URL_WORDS = /^(?:www|https?)$/iu;
const SENTENCE_MARKS = ",.!?;\u060C\u061B\u061F\u3002\u3001\uFF0C\uFF01\uFF1F\uFF1B\u2026";
const isBlank = (c: string | undefined) => c === undefined || c === " " || c === "\t" || c === "\n" || c === "\r";
function plainLetters(text: string, start: number, end: number): boolean {
  const value = text.slice(start, end);
  if (!LETTERS.test(value) || URL_WORDS.test(value) || !isBlank(text[start - 1])) return false;
  const ends = (c: string | undefined) => isBlank(c) || c === "]";
  const after = text[end];
  return ends(after) || (after !== undefined && SENTENCE_MARKS.includes(after) && ends(text[end + 1]));
}

/** Nodes whose range may hold a value that differs between the renderings: their other fields never depend on it. */
const DERIVABLE = new Set(["root", "paragraph", "heading", "text", "strong", "emphasis", "delete", "link", "list", "listItem", "blockquote", "table", "tableRow", "tableCell"]);
/** Tags, autolinks and definitions: see plainLetters. */
const NOT_DERIVED = /<|\]:/u;

/**
 * The body model of `rendered` made from the model of another rendering of the same
 * template (its sample), without parsing Markdown again, when the two differ only in
 * variable values Markdown reads as plain letters (see plainLetters): the sample's tree
 * with its positions moved and its text values changed, then analysed as usual. A
 * worst case (`{{firstName}}` as 20 × Ж) is the sample's tree with longer names.
 * Undefined when that does not hold; the caller parses.
 */
export function deriveBody(sample: BodyModel, rendered: MappedText): BodyModel | undefined {
  const from = sample.rendered;
  const a = from.pieces;
  const b = rendered.pieces;
  if (a.length !== b.length || NOT_DERIVED.test(from.text) || NOT_DERIVED.test(rendered.text) || sample.tree.data?.tooDeepAt !== undefined || sample.tree.data?.tooLongAt !== undefined || sample.tree.data?.longLineAt !== undefined) return undefined;
  // The renderings piece by piece: the same pieces, in the same places of the same files; values may differ.
  const spans: { start: number; end: number; to: number; toEnd: number; differs: boolean }[] = [];
  for (let i = 0; i < a.length; i++) {
    const p = a[i]!;
    const q = b[i]!;
    if (p.file !== q.file || p.srcStart !== q.srcStart || p.srcEnd !== q.srcEnd || p.kind !== q.kind || p.exact !== q.exact || p.name !== q.name) return undefined;
    if (p.start !== (a[i - 1]?.end ?? 0) || q.start !== (b[i - 1]?.end ?? 0)) return undefined;
    const differs = from.text.slice(p.start, p.end) !== rendered.text.slice(q.start, q.end);
    if (differs && (p.kind !== "variable" || !plainLetters(from.text, p.start, p.end) || !plainLetters(rendered.text, q.start, q.end))) return undefined;
    spans.push({ start: p.start, end: p.end, to: q.start, toEnd: q.end, differs });
  }
  if ((a.at(-1)?.end ?? 0) !== from.length || (b.at(-1)?.end ?? 0) !== rendered.length) return undefined;
  if (!spans.some((s) => s.differs)) return analyzeBody(rendered, sample.tree);
  // The limits parseMarkdown applies look at lengths, which the values change.
  if (longLine(rendered.text) || longLineRun(rendered.text)) return undefined;
  // An offset of the sample's text in the other rendering: never inside a value that differs.
  let k = 0;
  const move = (o: number): number | undefined => {
    if (k >= spans.length || o < spans[k]!.start) k = 0;
    while (k < spans.length - 1 && o >= spans[k]!.end) k++;
    const s = spans[k];
    if (!s) return o === 0 ? 0 : undefined;
    if (!s.differs) return s.to + (o - s.start);
    return o === s.start ? s.to : o === s.end ? s.toEnd : undefined;
  };
  const differsIn = (start: number, end: number) => spans.some((s) => s.differs && s.start < end && s.end > start);
  type Point = NonNullable<Nodes["position"]>["start"];
  // micromark counts a column as the characters since the line's start, plus one (values hold no line break).
  const point = (p: Point): Point | undefined => {
    const offset = p.offset === undefined ? undefined : move(p.offset);
    const lineStart = p.offset === undefined ? undefined : move(p.offset - (p.column - 1));
    if (offset === undefined || lineStart === undefined) return undefined;
    return { line: p.line, column: offset - lineStart + 1, offset };
  };
  const copy = (n: Nodes): Nodes | undefined => {
    const pos = n.position;
    const out = { ...n } as Nodes;
    let touched = false;
    // A node made without a position (by a tree transform) stays without one, as parsing makes it.
    if (pos) {
      if (pos.start.offset === undefined || pos.end.offset === undefined) return undefined;
      touched = differsIn(pos.start.offset, pos.end.offset);
      if (touched && !DERIVABLE.has(n.type)) return undefined;
      const start = point(pos.start);
      const end = point(pos.end);
      if (!start || !end) return undefined;
      out.position = { start, end };
    } else if ("value" in n) return undefined;
    if ("value" in n && touched && pos && out.position) {
      // A value read straight from the text (no escapes, entities or indentation taken out) is the text there.
      if (n.value !== from.text.slice(pos.start.offset, pos.end.offset)) return undefined;
      (out as { value: string }).value = rendered.text.slice(out.position.start.offset, out.position.end.offset);
    }
    if (n.type === "link" && touched && (n.title != null || autolinked(n))) return undefined;
    if ("children" in n) {
      const kids: Nodes[] = [];
      for (const c of n.children as Nodes[]) {
        const d = copy(c);
        if (!d) return undefined;
        kids.push(d);
      }
      (out as { children: Nodes[] }).children = kids;
    }
    return out;
  };
  const tree = copy(sample.tree);
  return tree ? analyzeBody(rendered, tree as Root) : undefined;
}

/** A link whose address is its text (a literal URL or e-mail address GFM made a link). */
function autolinked(n: Link): boolean {
  const only = n.children.length === 1 && n.children[0]!.type === "text" ? n.children[0].value : undefined;
  return only !== undefined && (n.url === only || n.url === `http://${only}` || n.url === `mailto:${only}`);
}
