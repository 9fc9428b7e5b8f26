/**
 * A hand-written HTML email (email.html, email.html.hbs) as the email channel: its
 * subject (`<title>`), its preheader (the hidden text at the top of the body that inboxes
 * show after the subject) and the text customers read, each mapped to the file.
 */
import { MappedText, MappedTextBuilder } from "../text/mapped-text.js";
import { markUrls } from "./markdown.js";
import { attr, walkElements, type MjChild, type MjElement, type MjmlDoc } from "./mjml-doc.js";

/** Elements whose content is never shown as text. */
const NOT_TEXT = new Set(["head", "title", "style", "script", "template", "noscript"]);
/** Elements that end a block of text (a paragraph, a cell, a line break). */
const BLOCK = /^(?:p|div|td|th|tr|table|li|ul|ol|h[1-6]|br|hr|blockquote|center|section|article|header|footer)$/;
const PREHEADER_CLASS = /\b(?:pre-?header|preview(?:-text)?|preheader-text)\b/i;

/** Hidden by its own inline style: the way preheaders are written (display:none, max-height:0, opacity:0...). */
function hiddenInline(el: MjElement): boolean {
  const style = attr(el, "style")?.value.text.toLowerCase().replace(/\s+/g, "") ?? "";
  return /(?:^|;)(?:display:none|visibility:hidden|opacity:0(?:[;!]|$)|max-height:0(?:px)?(?:[;!]|$)|font-size:0(?:px)?(?:[;!]|$)|mso-hide:all)/.test(style) || attr(el, "hidden") !== undefined;
}

/** The preheader: the first element of the body with text that is hidden, or classed as a preheader. */
function findPreheader(doc: MjmlDoc, body: MjElement | undefined): MjElement | undefined {
  for (const el of walkElements(body)) {
    if (el === body) continue;
    const cls = attr(el, "class")?.value.text ?? "";
    if ((hiddenInline(el) || PREHEADER_CLASS.test(cls)) && plainText(el, doc, undefined).text.trim()) return el;
  }
  return undefined;
}

/** Text under an element, block ends as line breaks, non-text elements and `skip` left out. */
function plainText(top: MjElement, doc: MjmlDoc, skip: MjElement | undefined): MappedText {
  const b = new MappedTextBuilder();
  let ended = true;
  const visit = (n: MjChild) => {
    if (n.type === "text") {
      b.append(n.text);
      if (n.text.text.trim()) ended = false;
      return;
    }
    if (n === skip || NOT_TEXT.has(n.name)) return;
    if (n.name === "img") {
      const alt = attr(n, "alt")?.value;
      if (alt?.length) {
        b.append(alt);
        ended = false;
      }
      return;
    }
    for (const c of n.children) visit(c);
    if (BLOCK.test(n.name) && !ended) {
      const loc = doc.source.locate(n.openStart, n.openEnd);
      if (loc) b.emit("\n\n", loc.file, loc.start, loc.end, "markup");
      ended = true;
    }
  };
  for (const c of top.children) visit(c);
  return b.build();
}

/** Subject, preheader and body text of a hand-written HTML email. */
export function htmlEmailFields(doc: MjmlDoc): Record<"subject" | "preheader" | "body", MappedText> {
  const all = [...walkElements(doc.root)];
  const title = all.find((e) => e.name === "title");
  const body = all.find((e) => e.name === "body") ?? doc.root;
  const pre = findPreheader(doc, body);
  return {
    subject: title ? plainText(title, doc, undefined).trim() : MappedText.empty(),
    preheader: pre ? plainText(pre, doc, undefined).trim() : MappedText.empty(),
    body: body ? markUrls(plainText(body, doc, pre).trim()) : MappedText.empty(),
  };
}

/** A link drawn as a button: classed as one, or painted with a background (its own, or its cell's). */
export function isHtmlButton(el: MjElement): boolean {
  if (el.name !== "a") return false;
  const cls = `${attr(el, "class")?.value.text ?? ""} ${attr(el, "role")?.value.text ?? ""}`;
  if (/\b(?:btn|button|cta)\b/i.test(cls)) return true;
  if (/(?:^|;)\s*background(?:-color)?\s*:/i.test(attr(el, "style")?.value.text ?? "")) return true;
  const cell = el.parent;
  return !!cell && (cell.name === "td" || cell.name === "th") && attr(cell, "bgcolor") !== undefined && cell.children.filter((c) => c.type === "element").length === 1;
}
