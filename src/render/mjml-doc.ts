/**
 * A position-aware MJML document. mjml's own parser loses columns and accepts unclosed
 * tags, so hand-written email.mjml is tokenised with htmlparser2 (which reports the
 * offsets of every tag, attribute and text run) and assembled here into a tree whose
 * attributes, text and CSS all map back to the file a person edits.
 */
import type { VariantExtra } from "../campaign/model.js";
import { Parser } from "htmlparser2";
import { alignDecoded } from "../text/align.js";
import { charEnd } from "../text/code-points.js";
import { MappedText, MappedTextBuilder } from "../text/mapped-text.js";

export interface MjAttr {
  name: string;
  /** Decoded value, mapped to the source characters between the quotes. */
  value: MappedText;
  /** Range of the whole `name="value"` in the document text. */
  start: number;
  end: number;
}

export interface MjText {
  type: "text";
  text: MappedText;
  start: number;
  end: number;
}

export interface MjElement {
  type: "element";
  name: string;
  attrs: MjAttr[];
  children: MjChild[];
  parent?: MjElement;
  /** Range of the opening tag, and of the whole element. */
  openStart: number;
  openEnd: number;
  end: number;
}

export type MjChild = MjElement | MjText;

export interface MjProblem {
  message: string;
  start: number;
  end: number;
}

export interface MjmlDoc {
  /** "html" for a hand-written HTML email (email.html), else MJML. */
  kind?: "mjml" | "html";
  source: MappedText;
  root?: MjElement;
  problems: MjProblem[];
  comments: { value: string; start: number; end: number }[];
}

/**
 * How deep elements may nest. Real emails stay under forty; the limit keeps every walk
 * over the tree (brandlint's, juice's, mjml's) far from the stack's end, whatever the
 * thread's stack size. Deeper elements are one problem, where the limit is passed;
 * their text stays in the element at the limit.
 */
export const MAX_MJML_DEPTH = 200;

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
/** HTML elements whose end tag may be left out (HTML's "optional tags"): closing them implicitly is no error. */
const OPTIONAL_END = new Set(["html", "head", "body", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp"]);

/** htmlparser2's parser, telling which end tags it reads (to find those that close nothing). */
class StrayEndTags extends Parser {
  onStray?: (name: string, start: number, end: number) => void;
  override onclosetag(start: number, endIndex: number): void {
    const name = this.source.slice(start, endIndex).toLowerCase();
    if (!VOID.has(name) && name !== "p" && name !== "br") this.onStray?.(name, start - 2, endIndex + 1);
    super.onclosetag(start, endIndex);
  }
  source = "";
  override write(chunk: string): void {
    this.source += chunk;
    super.write(chunk);
  }
}

/** Parses MJML text (already through Handlebars) into a mapped tree. */
export function parseMjml(source: MappedText): MjmlDoc {
  return parseMarkup(source, "mjml");
}

/**
 * Parses a hand-written HTML email (already through Handlebars) into the same mapped
 * tree: tag and attribute names lower-cased as HTML reads them, and an element left open
 * is an error only where HTML requires its end tag.
 */
export function parseHtmlEmail(source: MappedText): MjmlDoc {
  return parseMarkup(source, "html");
}

function parseMarkup(source: MappedText, kind: "mjml" | "html"): MjmlDoc {
  const html = kind === "html";
  const text = source.text;
  const doc: MjmlDoc = { kind, source, problems: [], comments: [] };
  const top: MjElement = { type: "element", name: "#document", attrs: [], children: [], openStart: 0, openEnd: 0, end: text.length };
  const stack: MjElement[] = [top];
  let pendingAttrs: MjAttr[] = [];
  // Elements opened past MAX_MJML_DEPTH (not in the tree; their close tags are skipped).
  let tooDeep = 0;
  // Said once: a document that keeps going deeper passes the limit again after each close.
  let toldTooDeep = false;
  let textRun: { b: MappedTextBuilder; start: number; end: number } | undefined;
  const flushText = () => {
    if (!textRun) return;
    const t = textRun.b.build();
    stack[stack.length - 1]!.children.push({ type: "text", text: t, start: textRun.start, end: textRun.end });
    textRun = undefined;
  };
  const parser: Parser = new (html ? StrayEndTags : Parser)(
    {
      onattribute(name, value) {
        const s = parser.startIndex;
        const e = Math.min(parser.endIndex, text.length);
        let i = s + name.length;
        while (i < e && /\s/.test(text[i]!)) i++;
        let vs = i;
        let ve = i;
        if (text[i] === "=") {
          i++;
          while (i < e && /\s/.test(text[i]!)) i++;
          const q = text[i];
          if (q === '"' || q === "'") {
            vs = i + 1;
            ve = text.indexOf(q, vs);
            if (ve === -1) ve = e;
          } else {
            vs = i;
            ve = i;
            while (ve < text.length && !/[\s>]/.test(text[ve]!) && !(text[ve] === "/" && text[ve + 1] === ">")) ve++;
          }
        }
        const end = Math.max(ve + (text[ve] === '"' || text[ve] === "'" ? 1 : 0), vs);
        pendingAttrs.push({ name, value: alignDecoded(value, source.slice(vs, ve)), start: s, end });
      },
      onopentag(name) {
        flushText();
        if (tooDeep || stack.length > MAX_MJML_DEPTH) {
          if (!toldTooDeep) doc.problems.push({ message: `elements nested more than ${MAX_MJML_DEPTH} deep; brandlint does not read deeper elements`, start: parser.startIndex, end: parser.endIndex + 1 });
          toldTooDeep = true;
          tooDeep++;
          pendingAttrs = [];
          return;
        }
        const el: MjElement = {
          type: "element",
          name,
          attrs: pendingAttrs,
          children: [],
          parent: stack[stack.length - 1],
          openStart: parser.startIndex,
          openEnd: parser.endIndex + 1,
          end: parser.endIndex + 1,
        };
        pendingAttrs = [];
        stack[stack.length - 1]!.children.push(el);
        stack.push(el);
      },
      onclosetag(name, implied) {
        flushText();
        if (tooDeep) {
          tooDeep--;
          return;
        }
        const el = stack[stack.length - 1]!;
        if (el.name !== name && el === top) return;
        stack.pop();
        const selfClosed = (!html && text[el.openEnd - 2] === "/") || VOID.has(name.toLowerCase());
        if (implied && !selfClosed && !(html && OPTIONAL_END.has(name))) {
          doc.problems.push({ message: `<${name}> is never closed; add </${name}>`, start: el.openStart, end: el.openEnd });
          el.end = parser.startIndex;
        } else el.end = implied ? el.openEnd : parser.endIndex + 1;
      },
      ontext(t) {
        const s = parser.startIndex;
        const e = parser.endIndex + 1;
        textRun ??= { b: new MappedTextBuilder(), start: s, end: e };
        textRun.b.append(alignDecoded(t, source.slice(s, e)));
        textRun.end = e;
      },
      oncomment(value) {
        flushText();
        doc.comments.push({ value, start: parser.startIndex, end: parser.endIndex + 1 });
      },
      onerror(err) {
        doc.problems.push({ message: `invalid markup: ${err.message}`, start: parser.startIndex, end: parser.endIndex + 1 });
      },
    },
    { recognizeSelfClosing: !html, lowerCaseTags: html, lowerCaseAttributeNames: html, decodeEntities: true, recognizeCDATA: !html },
  );
  // An end tag that closes nothing is dropped silently by htmlparser2: in HTML, it is reported.
  if (parser instanceof StrayEndTags)
    parser.onStray = (name, start, end) => {
      if (!stack.some((e) => e.name === name)) doc.problems.push({ message: `</${name}> closes nothing: no <${name}> is open here`, start, end });
    };
  parser.write(text);
  parser.end();
  flushText();
  doc.root = top.children.find((c): c is MjElement => c.type === "element");
  if (html) {
    // An HTML email may be a fragment (a <table> with no <html> around it): the document is the root.
    doc.root = doc.root ? top : undefined;
    if (!doc.root) doc.problems.push({ message: "no HTML elements: an email.html template holds the email's HTML", start: 0, end: charEnd(text, 0) });
    return doc;
  }
  if (!doc.root) doc.problems.push({ message: "no <mjml> element: an email template must start with <mjml>", start: 0, end: charEnd(text, 0) });
  else if (doc.root.name !== "mjml") doc.problems.push({ message: `an email template must start with <mjml>, not <${doc.root.name}>`, start: doc.root.openStart, end: doc.root.openEnd });
  return doc;
}

/** The markup of an email variant: its MJML (hand-written or generated) or its hand-written HTML. */
export function emailDoc(extra: VariantExtra): MjmlDoc | undefined {
  return extra.mjml ?? extra.html;
}

export function* walkElements(el: MjElement | undefined): Generator<MjElement> {
  if (!el) return;
  yield el;
  for (const c of el.children) if (c.type === "element") yield* walkElements(c);
}

export function attr(el: MjElement, name: string): MjAttr | undefined {
  return el.attrs.find((a) => a.name === name);
}

/** Plain text inside an element (HTML inside mj-text included); <br> and block ends become spaces. */
export function textContent(el: MjElement, source: MappedText): MappedText {
  const b = new MappedTextBuilder();
  const BLOCKS = /^(br|p|div|li|tr|h[1-6])$/i;
  const visit = (n: MjChild) => {
    if (n.type === "text") {
      b.append(n.text);
      return;
    }
    if (/^(style|mj-style|script|head|mj-head)$/i.test(n.name)) return;
    for (const c of n.children) visit(c);
    if (BLOCKS.test(n.name) && b.length) {
      const loc = source.locate(n.openStart, n.openEnd);
      if (loc) b.emit(" ", loc.file, loc.start, loc.end, "markup");
    }
  };
  for (const c of el.children) visit(c);
  return b.build();
}

/** Elements whose text customers read. */
export const TEXT_ELEMENTS = new Set(["mj-text", "mj-button", "mj-navbar-link", "mj-accordion-title", "mj-accordion-text", "mj-table", "mj-social-element", "mj-raw"]);

