/**
 * The email channel: message.md's Markdown → MJML (as mapped text, so every
 * attribute and every word of the generated template points back at message.md or
 * brand.config.json) → HTML with mjml 5.
 */
import { createRequire } from "node:module";
import type { RootContent, PhrasingContent, List, Table } from "mdast";
import type { LoadedConfig } from "../config/load.js";
import { MappedText, MappedTextBuilder } from "../text/mapped-text.js";
import type { SourceFile } from "../text/source-file.js";
import { mdHelpers, type BodyModel } from "./markdown.js";
import { onFirstUse, requireSeeded } from "./lazy-require.js";

const RTL_LANGUAGES = new Set(["ar", "he", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb"]);

/** Is the locale written right to left? (Arabic, Hebrew, Persian, Urdu, ...) */
export function isRtl(locale: string): boolean {
  try {
    const loc = new Intl.Locale(locale) as Intl.Locale & { getTextInfo?: () => { direction: string }; textInfo?: { direction: string } };
    const info = loc.getTextInfo?.() ?? loc.textInfo;
    if (info?.direction) return info.direction === "rtl";
    return RTL_LANGUAGES.has(loc.language);
  } catch {
    return false;
  }
}

const UNSUBSCRIBE: Record<string, string> = {
  en: "Unsubscribe",
  id: "Berhenti berlangganan",
  ms: "Berhenti melanggan",
  ar: "إلغاء الاشتراك",
  ru: "Отписаться",
  pl: "Wypisz się",
  uk: "Відписатися",
  de: "Abmelden",
  fr: "Se désabonner",
  es: "Darse de baja",
  pt: "Cancelar inscrição",
  it: "Annulla l’iscrizione",
  nl: "Afmelden",
  tr: "Abonelikten çık",
  he: "הסרה מרשימת התפוצה",
  fa: "لغو اشتراک",
  ur: "رکنیت ختم کریں",
};

export function unsubscribeLabel(locale: string): string {
  const lang = locale.split("-")[0]!.toLowerCase();
  return UNSUBSCRIBE[lang] ?? UNSUBSCRIBE.en!;
}

/** XML-escapes mapped text; each entity maps to the character it stands for. */
export function escapeMapped(m: MappedText, attribute = false): MappedText {
  const re = attribute ? /[&<>"]/g : /[&<>]/g;
  if (!re.test(m.text)) return m;
  re.lastIndex = 0;
  const b = new MappedTextBuilder();
  let last = 0;
  for (const match of m.text.matchAll(re)) {
    const i = match.index;
    b.append(m.slice(last, i));
    const loc = m.locate(i, i + 1);
    const ent = match[0] === "&" ? "&amp;" : match[0] === "<" ? "&lt;" : match[0] === ">" ? "&gt;" : "&quot;";
    if (loc) b.emit(ent, loc.file, loc.start, loc.end, m.piecesIn(i, i + 1)[0]?.kind ?? "text");
    last = i + 1;
  }
  b.append(m.slice(last));
  return b.build();
}

export interface BrandStyle {
  /** Mapped config values (kind "config"), or undefined when the config has none. */
  primary?: MappedText;
  ink?: MappedText;
  paper?: MappedText;
  fonts?: MappedText;
}

/** Picks the palette roles: by name (primary, ink/text, paper/background), else by lightness. */
export function brandStyle(config: LoadedConfig, configText: (p: (string | number)[]) => MappedText | undefined): BrandStyle {
  const colors = config.data.colors ?? {};
  const names = Object.keys(colors);
  const pick = (cands: string[]) => names.find((n) => cands.includes(n.toLowerCase()));
  const lightness = (v: string) => {
    const hex = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(v.trim());
    if (!hex) return 0.5;
    const h = hex[1]!.length === 3 ? hex[1]!.replace(/./g, "$&$&") : hex[1]!;
    const [r, g, bl] = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) / 255);
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const byLight = [...names].sort((a, b) => lightness(colors[a]!) - lightness(colors[b]!));
  const primary = pick(["primary", "brand", "accent", "main"]) ?? names[0];
  const ink = pick(["ink", "text", "foreground", "dark", "black"]) ?? byLight[0];
  const paper = pick(["paper", "background", "bg", "light", "white"]) ?? byLight[byLight.length - 1];
  const out: BrandStyle = {};
  if (primary) out.primary = configText(["colors", primary]);
  if (ink) out.ink = configText(["colors", ink]);
  if (paper && paper !== ink) out.paper = configText(["colors", paper]);
  if (config.data.fonts?.length) {
    const at = config.locate(["fonts"]);
    const fonts = config.data.fonts.map((f) => (/[\s,]/.test(f) && !/^["'].*["']$/.test(f) ? `'${f}'` : f)).join(", ");
    out.fonts = new MappedTextBuilder().emit(fonts, config.file, at.start, at.end, "config").build();
  }
  return out;
}

export interface EmailInput {
  body: BodyModel;
  file: SourceFile;
  locale: string;
  subject: MappedText;
  preheader: MappedText;
  address?: MappedText;
  unsubscribe?: MappedText;
  style: BrandStyle;
}

/** Generates the MJML for a rendered email, as mapped text. */
export function generateMjml(input: EmailInput): MappedText {
  const { body, file, style } = input;
  const h = mdHelpers(body.rendered);
  const out = new MappedTextBuilder();
  // Markup with no source of its own maps to the start of the body (the construct that produced it).
  const fileStart = body.rendered.locate(0) ?? { file, start: 0, end: 0 };
  const gen = (s: string, at?: MappedText) => {
    if (at && at.length) out.emitFor(s, at, "markup");
    else out.emit(s, fileStart.file, fileStart.start, fileStart.start, "markup");
  };
  const attrVal = (name: string, v: MappedText | undefined) => {
    if (!v) return;
    gen(` ${name}="`);
    out.append(escapeMapped(v, true));
    gen(`"`);
  };
  const rtl = isRtl(input.locale);
  const align = rtl ? "right" : "left";

  gen(`<mjml lang="${input.locale}" dir="${rtl ? "rtl" : "ltr"}">\n  <mj-head>\n`);
  if (input.subject.length) {
    gen("    <mj-title>");
    out.append(escapeMapped(input.subject));
    gen("</mj-title>\n");
  }
  if (input.preheader.length) {
    gen("    <mj-preview>");
    out.append(escapeMapped(input.preheader));
    gen("</mj-preview>\n");
  }
  gen("    <mj-attributes>\n      <mj-all");
  attrVal("font-family", style.fonts);
  gen(" />\n      <mj-text");
  attrVal("color", style.ink);
  gen(` font-size="16px" line-height="1.5" align="${align}" />\n      <mj-button`);
  attrVal("background-color", style.primary);
  attrVal("color", style.paper);
  gen(` font-size="16px" font-weight="600" align="${align}" />\n    </mj-attributes>\n  </mj-head>\n  <mj-body`);
  attrVal("background-color", style.paper);
  gen(">\n    <mj-section>\n      <mj-column>\n");

  const inline = (nodes: readonly PhrasingContent[]) => {
    for (const n of nodes) {
      const slice = h.sliceOf(n);
      switch (n.type) {
        case "text":
          out.append(escapeMapped(h.plain([n], false)));
          break;
        case "inlineCode":
          gen("<code>", slice);
          out.append(escapeMapped(h.plain([n], false)));
          gen("</code>", slice);
          break;
        case "break":
          gen("<br />", slice);
          break;
        case "strong":
        case "emphasis":
        case "delete": {
          const tag = n.type === "strong" ? "strong" : n.type === "emphasis" ? "em" : "del";
          gen(`<${tag}>`, slice);
          inline(n.children);
          gen(`</${tag}>`, slice);
          break;
        }
        case "link":
          gen("<a", slice);
          attrVal("href", h.linkUrl(n));
          if (style.primary) attrVal("style", new MappedTextBuilder().emitFor("color:", slice).append(style.primary).build());
          gen(">", slice);
          inline(n.children);
          gen("</a>", slice);
          break;
        case "image": {
          const img = h.imageOf(n);
          gen("<img", slice);
          attrVal("src", img.src);
          attrVal("alt", img.alt ?? MappedText.empty());
          gen(' style="max-width:100%" />', slice);
          break;
        }
        case "html":
          out.append(slice);
          break;
        case "linkReference":
        case "imageReference":
          if ("children" in n) inline(n.children);
          break;
        default:
          break;
      }
    }
  };
  const listHtml = (list: List) => {
    const tag = list.ordered ? "ol" : "ul";
    gen(`<${tag}${list.ordered && list.start && list.start !== 1 ? ` start="${list.start}"` : ""}>`, h.sliceOf(list));
    for (const item of list.children) {
      gen("<li>", h.sliceOf(item));
      item.children.forEach((c, i) => {
        if (c.type === "paragraph") {
          if (i > 0) gen("<br />", h.sliceOf(c));
          inline(c.children);
        } else if (c.type === "list") listHtml(c);
      });
      gen("</li>", h.sliceOf(item));
    }
    gen(`</${tag}>`, h.sliceOf(list));
  };
  const tableHtml = (t: Table) => {
    gen('<mj-table cellpadding="6">', h.sliceOf(t));
    t.children.forEach((row, r) => {
      gen("<tr>", h.sliceOf(row));
      for (const cell of row.children) {
        const tag = r === 0 ? "th" : "td";
        gen(`<${tag} style="text-align:${align}">`, h.sliceOf(cell));
        inline(cell.children);
        gen(`</${tag}>`, h.sliceOf(cell));
      }
      gen("</tr>", h.sliceOf(row));
    });
    gen("</mj-table>\n", h.sliceOf(t));
  };
  const block = (n: RootContent) => {
    const slice = h.sliceOf(n);
    switch (n.type) {
      case "heading": {
        const size = [0, 28, 22, 18, 16, 16, 16][n.depth] ?? 16;
        gen(`        <mj-text font-size="${size}px" font-weight="700" line-height="1.25">`, slice);
        inline(n.children);
        gen("</mj-text>\n", slice);
        return;
      }
      case "paragraph": {
        const link = h.onlyLink(n);
        if (link && link === body.cta?.node) {
          gen("        <mj-button", slice);
          attrVal("href", h.linkUrl(link));
          gen(">", slice);
          inline(link.children);
          gen("</mj-button>\n", slice);
          return;
        }
        const kids = n.children.filter((c) => !(c.type === "text" && !c.value.trim()));
        if (kids.length === 1 && kids[0]!.type === "image") {
          const img = h.imageOf(kids[0]!);
          gen("        <mj-image", slice);
          attrVal("src", img.src);
          attrVal("alt", img.alt ?? MappedText.empty());
          gen(" />\n", slice);
          return;
        }
        gen("        <mj-text>", slice);
        inline(n.children);
        gen("</mj-text>\n", slice);
        return;
      }
      case "list":
        gen("        <mj-text>", slice);
        listHtml(n);
        gen("</mj-text>\n", slice);
        return;
      case "blockquote":
        gen('        <mj-text><blockquote style="margin:0;padding:0 12px;border-inline-start:3px solid currentColor">', slice);
        for (const c of n.children) if (c.type === "paragraph") inline(c.children);
        gen("</blockquote></mj-text>\n", slice);
        return;
      case "code":
        gen('        <mj-text><pre style="white-space:pre-wrap"><code>', slice);
        out.append(escapeMapped(h.plain([{ type: "text", value: n.value, position: n.position }], false)));
        gen("</code></pre></mj-text>\n", slice);
        return;
      case "thematicBreak":
        gen('        <mj-divider border-width="1px"', slice);
        attrVal("border-color", style.ink);
        gen(" />\n", slice);
        return;
      case "html":
        gen("        <mj-text>", slice);
        out.append(slice);
        gen("</mj-text>\n", slice);
        return;
      case "table":
        gen("        ", slice);
        tableHtml(n);
        return;
      default:
        return;
    }
  };
  for (const n of body.tree.children) block(n);
  gen("      </mj-column>\n    </mj-section>\n");
  if (input.address || input.unsubscribe) {
    gen('    <mj-section>\n      <mj-column>\n        <mj-text font-size="12px" line-height="1.5">');
    if (input.address) out.append(escapeMapped(input.address));
    if (input.address && input.unsubscribe) gen("<br />");
    if (input.unsubscribe) {
      gen("<a");
      attrVal("href", input.unsubscribe);
      if (style.ink) attrVal("style", new MappedTextBuilder().emitFor("color:", style.ink).append(style.ink).build());
      gen(`>${unsubscribeLabel(input.locale)}</a>`);
    }
    gen("</mj-text>\n      </mj-column>\n    </mj-section>\n");
  }
  gen("  </mj-body>\n</mjml>\n");
  return out.build();
}

type Mjml2Html = (input: string, options?: Record<string, unknown>) => Promise<{ html: string; errors: MjmlError[] }>;
export interface MjmlError {
  line: number;
  message: string;
  tagName: string;
  formattedMessage: string;
}

let mjmlModule: { mjml2html: Mjml2Html; parse: (xml: string, opts: object) => unknown; validate: (json: unknown, opts: object) => MjmlError[]; components: object; dependencies: object; initializeType: unknown } | undefined;

/**
 * Packages mjml-core requires when it loads but uses only for some documents: juice to
 * inline `<mj-style inline="inline">`, cheerio for `<mj-html-attributes>`, htmlnano and
 * cssnano-preset-lite to minify. With cheerio's parse5 and undici they are about half of
 * mjml's load, so each is loaded the first time mjml uses it, and validating or rendering
 * a template that needs none of them never loads them. "default": mjml-core takes it
 * through Babel's `interopRequireDefault`, whose answer for a CommonJS module is
 * `{ default: module }` — the stand-in is given in that shape.
 */
const ON_FIRST_USE = { juice: "default", cheerio: "module", htmlnano: "default", "cssnano-preset-lite": "module" } as const;

/**
 * Loads mjml lazily (it is large, and a lint that needs no HTML never pays for it).
 * mjml-core, when it believes it runs in Node (the `detect-node` package), reads a
 * `.mjmlconfig` from the working directory on import and requires the packages it
 * names — a repository's file could make brandlint run code. So mjml is loaded the way
 * its browser build runs: `detect-node` answers false while mjml's modules load, and
 * they keep that answer. The working directory is never touched. The packages of
 * ON_FIRST_USE are given to mjml-core as stand-ins that load them when first used.
 */
export function loadMjml(): NonNullable<typeof mjmlModule> {
  if (mjmlModule) return mjmlModule;
  const require = createRequire(import.meta.url);
  const seeds = new Map<string, () => unknown>();
  for (const pkg of ["mjml-core", "mjml-parser-xml"]) seeds.set(createRequire(require.resolve(pkg)).resolve("detect-node"), () => false);
  const core = createRequire(require.resolve("mjml-core"));
  for (const [pkg, shape] of Object.entries(ON_FIRST_USE)) {
    const file = core.resolve(pkg);
    seeds.set(file, () => (shape === "default" ? { __esModule: true, default: onFirstUse(core, file) } : onFirstUse(core, file)));
  }
  const mjml2html = requireSeeded<Mjml2Html>(require, "mjml", seeds);
  const validator = require("mjml-validator") as { default: (json: unknown, opts: object) => MjmlError[]; dependencies: object };
  mjmlModule = {
    mjml2html,
    parse: require("mjml-parser-xml") as (xml: string, opts: object) => unknown,
    validate: validator.default,
    components: (require("mjml-core") as { components: object }).components,
    dependencies: validator.dependencies,
    initializeType: (require("mjml-core/lib/types/type.js") as { initializeType: unknown }).initializeType,
  };
  return mjmlModule;
}

/** mjml's own validation of MJML text (sync): errors with mjml's line numbers. */
export function validateMjml(text: string): MjmlError[] {
  const m = loadMjml();
  const json = m.parse(text, { keepComments: false, components: m.components, ignoreIncludes: true });
  return m.validate(json, { components: m.components, dependencies: m.dependencies, initializeType: m.initializeType });
}

/**
 * MJML → HTML with mjml 5. Includes are never followed here (see SECURITY.md). What mjml
 * prints while rendering (console.error for an unknown tag, console.warn) is returned
 * with its errors instead of reaching brandlint's stderr, whose output is the report.
 */
export async function mjmlToHtml(text: string, validationLevel: "strict" | "soft" = "soft"): Promise<{ html: string; errors: MjmlError[] }> {
  const m = loadMjml();
  const printed: MjmlError[] = [];
  const { error, warn } = console;
  const capture = (...args: unknown[]) => {
    const message = args.map((a) => (a instanceof Error ? a.message : String(a))).join(" ");
    printed.push({ line: 0, message, tagName: "", formattedMessage: message });
  };
  console.error = capture;
  console.warn = capture;
  try {
    const r = await m.mjml2html(text, { validationLevel, ignoreIncludes: true, keepComments: false });
    return { ...r, errors: [...r.errors, ...printed] };
  } finally {
    console.error = error;
    console.warn = warn;
  }
}

let skeleton: ((o: object) => string) | undefined;
const STOP = new Error("brandlint took the document at mjml's skeleton");
/**
 * The HTML mjml makes of MJML text before it inlines `<mj-style inline="inline">` (with
 * the sheets it would inline, and those it puts in `<style>`), synchronously: mjml 5
 * renders synchronously up to its skeleton, which is an option, so the document is taken
 * there. Undefined when mjml cannot read the text.
 */
export function mjmlHtmlBeforeInlining(text: string): { html: string; inlineStyle: string[]; style: string[] } | undefined {
  const m = loadMjml();
  skeleton ??= createRequire(import.meta.url)("mjml-core/lib/helpers/skeleton.js") as (o: object) => string;
  const make = skeleton;
  let captured: { html: string; inlineStyle: string[]; style: string[] } | undefined;
  try {
    const pending = m.mjml2html(text, {
      validationLevel: "skip",
      ignoreIncludes: true,
      keepComments: false,
      skeleton: (o: { inlineStyle?: string[]; style?: string[] }) => {
        captured = { html: make(o), inlineStyle: o.inlineStyle ?? [], style: o.style ?? [] };
        // mjml stops here: the caller inlines, keeping where each rule was written (and juice is not loaded for nothing).
        throw STOP;
      },
    });
    void pending.catch(() => undefined);
  } catch {
    return undefined;
  }
  return captured;
}
