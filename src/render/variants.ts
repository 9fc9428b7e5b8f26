/**
 * Turns a campaign into its channel variants: message.md rendered into each channel
 * (SPEC §4), and hand-written templates taken as written. Each variant's text is
 * rendered twice, with sample values and (lazily) with worst-case values.
 */
import path from "node:path";
import type { LoadedConfig } from "../config/load.js";
import { parseJson } from "../config/json-doc.js";
import { addAlternate, variantOf, type Campaign, type ChannelFields, type ChannelVariant, type Variant, type VariantField, type VariantLink, type VariantImage, type CampaignProblem, type VariantExtra } from "../campaign/model.js";
import { alignDecoded } from "../text/align.js";
import { MappedText, MappedTextBuilder, joinMapped } from "../text/mapped-text.js";
import type { SourceFile } from "../text/source-file.js";
import { CHANNELS, type Channel, type Localized } from "../types.js";
import { analyzeBody, deriveBody, findUrls, markUrls, unwrapLines, MAX_MARKDOWN_DEPTH, MAX_MARKDOWN_INLINE, MAX_MARKDOWN_LINE, type BodyModel } from "./markdown.js";
import { parseTemplate, renderTemplate, type ParsedTemplate, type RenderOptions, type TemplateData } from "./template.js";
import { brandStyle, generateMjml } from "./email.js";
import { checkIncludes } from "./includes.js";
import { parseHtmlEmail, parseMjml, walkElements, attr, textContent, TEXT_ELEMENTS, type MjmlDoc } from "./mjml-doc.js";
import { htmlEmailFields, isHtmlButton } from "./html-email.js";
import { variableData } from "./sample-data.js";
import { buttonField, buttonType, type WhatsAppButton, type WhatsAppTemplate } from "./whatsapp-template.js";

export type RenderMode = "sample" | "worst";

export { WORST_CHAR } from "./sample-data.js";

const NO_VARIABLES = {};

/** Template data for a mode: config variables (structured samples, dotted keys) plus the built-ins. */
export function templateData(config: LoadedConfig, mode: RenderMode, builtins: Record<string, string>): TemplateData {
  return { ...variableData(config.data.variables ?? NO_VARIABLES, mode), ...builtins };
}

/** Picks a localized config value for a locale: exact tag, then language, then "default". */
export function pickLocalized(value: Localized | undefined, locale: string): { value: string; key?: string } | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string") return { value };
  const lower = new Map(Object.keys(value).map((k) => [k.toLowerCase(), k]));
  const lang = locale.split("-")[0]!.toLowerCase();
  const key = lower.get(locale.toLowerCase()) ?? lower.get(lang) ?? lower.get("default");
  return key !== undefined ? { value: value[key]!, key } : undefined;
}

/** A config string as mapped text pointing into brand.config.json. */
export function configText(config: LoadedConfig, p: (string | number)[], kind: "config" | "url" = "config"): MappedText | undefined {
  const r = config.doc.stringAt(p);
  if (!r) return undefined;
  const raw = MappedText.fromSource(config.file, r.start, r.end, kind);
  return alignDecoded(r.value, raw, kind);
}

/** A channel's texts before they become fields (one MappedText per field name). */
type TextsOf<F> = { [K in keyof F]: MappedText };

/**
 * The fields of a variant from its texts: `make("sample")` now, `make("worst")` the first
 * time a field's worst case is read.
 */
function lazyFields<F>(make: (mode: RenderMode) => TextsOf<F>): F {
  const sample = make("sample") as Record<string, MappedText>;
  let worst: Record<string, MappedText> | undefined;
  const out: Record<string, VariantField> = {};
  for (const name of Object.keys(sample))
    out[name] = {
      sample: sample[name]!,
      get worst() {
        worst ??= make("worst") as Record<string, MappedText>;
        return worst[name] ?? sample[name]!;
      },
    };
  // One VariantField for each text `make` returns: the keys of TextsOf<F> are F's.
  return out as F;
}

interface TemplateUse {
  tpl: ParsedTemplate;
  file: SourceFile;
}

/** Renders every variant of a campaign; problems (bad templates, bad files) go to campaign.problems. */
export interface RenderCampaignOptions {
  /** Real values for variables (render --data): used instead of samples. */
  data?: TemplateData;
}

export function renderCampaign(campaign: Campaign, config: LoadedConfig, options: RenderCampaignOptions = {}): Variant[] {
  const variants: Variant[] = [];
  const problems = campaign.problems;
  const templates: TemplateUse[] = [];
  const parse = (m: MappedText, file: SourceFile): ParsedTemplate => {
    const tpl = parseTemplate(m);
    templates.push({ tpl, file });
    for (const p of tpl.problems) {
      if (p.kind !== "syntax") continue;
      const loc = m.locate(p.start, p.end);
      problems.push({ ruleId: "parse-error", severity: 2, message: p.message, file: loc?.file ?? file, start: loc?.start ?? 0, end: loc?.end ?? 0 });
    }
    return tpl;
  };
  const builtins = (channel: Channel | "", link: string): Record<string, string> => ({
    brand: config.data.brand.name,
    campaign: campaign.meta.campaign,
    channel,
    link,
    ...(config.data.brand.unsubscribeUrl ? { unsubscribeUrl: config.data.brand.unsubscribeUrl } : {}),
  });
  const dataFor = (mode: RenderMode, channel: Channel | "", link: string): TemplateData => ({
    ...templateData(config, mode, {}),
    ...(mode === "sample" ? options.data : {}),
    ...builtins(channel, link),
  });
  const kindOf = (name: string) => (name === "link" || name === "unsubscribeUrl" ? ("url" as const) : ("variable" as const));

  const rendered = campaign.meta.channels.filter((c) => !campaign.handwritten[c]);
  const file = campaign.messageFile;
  if (file && rendered.length) {
    const bodyTpl = parse(MappedText.fromSource(file, campaign.bodyStart), file);
    const usesChannel = bodyTpl.variables.some((v) => v.name === "channel");
    const fmTemplates = new Map<string, ParsedTemplate | undefined>();
    const fm = (...p: (string | number)[]): ParsedTemplate | undefined => {
      const key = p.join(".");
      if (!fmTemplates.has(key)) {
        const m = campaign.metaSource?.file === file ? campaign.metaSource.stringAt(p) : undefined;
        fmTemplates.set(key, m ? parse(m, file) : undefined);
      }
      return fmTemplates.get(key);
    };
    // The rendered variants, with one {{#if}}/{{#unless}} flipped for the alternates (both branches linted).
    const told = new Set<string>();
    // Every rendering of the body parsed so far. A rendering with the same text and map as one of
    // them (the worst case of a body whose variables have no worst case of their own, an alternate
    // whose flipped {{#if}} is outside the body) reuses its Markdown tree instead of parsing again;
    // a worst case whose values Markdown reads as plain letters ({{firstName}} as 20 × Ж) is its
    // sample's tree with the values changed (deriveBody).
    const parsed: BodyModel[] = [];
    const analyze = (rendered: MappedText, sample?: BodyModel): BodyModel => {
      let b = parsed.find((p) => sameMapped(p.rendered, rendered));
      if (!b) parsed.push((b = (sample && deriveBody(sample, rendered)) || analyzeBody(rendered)));
      return b;
    };
    const build = (flip?: ReadonlySet<hbs.AST.BlockStatement>): Variant[] => {
      const out: Variant[] = [];
      const opts: RenderOptions = { kindOf, ...(flip ? { flip } : {}) };
      const bodies = new Map<string, BodyModel>();
      const body = (mode: RenderMode, channel: Channel): BodyModel => {
        const key = `${mode}:${usesChannel ? channel : ""}`;
        let b = bodies.get(key);
        if (!b) {
          b = analyze(renderTemplate(bodyTpl, dataFor(mode, usesChannel ? channel : "", ""), opts), mode === "worst" ? body("sample", channel) : undefined);
          bodies.set(key, b);
          // Messages made only when needed: toLocaleString starts Intl's number formatting (milliseconds per process).
          const limits = [
            [b.tooDeep, () => `Markdown nested more than ${MAX_MARKDOWN_DEPTH} levels deep (quotes, lists or emphasis inside one another): brandlint leaves out what starts here`],
            [b.tooLong, () => `a paragraph longer than ${MAX_MARKDOWN_INLINE.toLocaleString("en")} characters: brandlint leaves out this paragraph and what follows it (it passes the limit here)`],
            [b.longLine, () => `a line longer than ${MAX_MARKDOWN_LINE.toLocaleString("en")} characters: brandlint leaves out this line and what follows it (it passes the limit here)`],
          ] as const;
          for (const [at, text] of limits) {
            const loc = at?.locate(0, at.length);
            const message = loc && text();
            if (!loc || !message || told.has(message)) continue;
            told.add(message);
            problems.push({ ruleId: "parse-error", severity: 2, message, file: loc.file, start: loc.start, end: loc.end });
          }
        }
        return b;
      };
      const locale = campaign.meta.locale;
      const optOut = (): MappedText | undefined => {
        const picked = pickLocalized(config.data.channels?.sms?.optOut, locale);
        if (!picked) return undefined;
        return configText(config, ["channels", "sms", "optOut", ...(picked.key !== undefined ? [picked.key] : [])]);
      };
      const used = new Map<Channel, Set<ParsedTemplate>>(rendered.map((c) => [c, new Set([bodyTpl])]));
      const derive = <C extends Channel>(mode: RenderMode, channel: C): TextsOf<ChannelFields[C]> => {
        const b = body(mode, channel);
        const ctaUrl = b.cta?.url;
        const data = dataFor(mode, channel, ctaUrl?.text ?? "");
        const fmText = (...p: (string | number)[]) => {
          const t = fm(...p);
          if (t) used.get(channel)!.add(t);
          return t ? markUrls(renderTemplate(t, data, opts)) : undefined;
        };
        const withUrl = (text: MappedText | undefined): MappedText =>
          joinMapped([text, ctaUrl].filter((x): x is MappedText => !!x && x.length > 0), " ");
        const texts: { [K in Channel]: () => TextsOf<ChannelFields[K]> } = {
          email: () => {
            const subject = fmText("email", "subject") ?? fmText("subject") ?? MappedText.empty();
            const preheader = fmText("email", "preheader") ?? fmText("preheader") ?? MappedText.empty();
            const footer = config.data.brand.address ? configText(config, ["brand", "address"]) : undefined;
            return { subject, preheader, body: joinMapped([...b.prose, ...(footer ? [footer] : [])], "\n\n") };
          },
          sms: () => {
            let text = fmText("sms", "text") ?? withUrl(b.firstParagraph ? unwrapLines(b.firstParagraph) : undefined);
            const opt = optOut();
            if (opt && !text.text.toLocaleLowerCase(locale).includes(opt.text.toLocaleLowerCase(locale))) text = joinMapped([text, opt], text.length ? " " : "");
            return { text };
          },
          push: () => ({
              title: fmText("push", "title") ?? b.firstHeading ?? MappedText.empty(),
              body: fmText("push", "body") ?? (b.firstParagraph ? unwrapLines(b.firstParagraph) : MappedText.empty()),
          }),
          whatsapp: () => {
            // A template's header, footer and button labels (frontmatter whatsapp: { header, footer, buttons }).
            const parts: TextsOf<ChannelFields["whatsapp"]> = { text: fmText("whatsapp", "text") ?? b.whatsapp };
            for (const key of ["header", "footer"] as const) {
              const t = fmText("whatsapp", key);
              if (t) parts[key] = t;
            }
            (campaign.meta.whatsapp?.buttons ?? []).forEach((_, i) => {
              const t = fmText("whatsapp", "buttons", i, "text");
              if (t) parts[buttonField(i)] = t;
            });
            return parts;
          },
          social: () => ({ text: fmText("social", "text") ?? withUrl(b.firstParagraph ? unwrapLines(b.firstParagraph) : undefined) }),
        };
        return texts[channel]();
      };
      for (const channel of rendered) {
        const fields = lazyFields<ChannelFields[typeof channel]>((mode) => derive(mode, channel));
        const sample = Object.values(fields as Partial<Record<string, VariantField>>).flatMap((f) => (f ? [f.sample] : []));
        const b = body("sample", channel);
        const extra: VariantExtra = { body: b };
        const links: VariantLink[] = [];
        const images: VariantImage[] = [];
        if (channel === "email") {
          for (const l of b.links) links.push({ url: l.url, role: l === b.cta ? "cta" : "link", text: l.text });
          for (const img of b.images) {
            const loc = b.rendered.locate(img.start, img.end);
            images.push({ src: img.src, alt: img.alt, at: loc ? { file: loc.file, start: loc.start, end: loc.end } : { file, start: 0, end: 0 } });
          }
          const unsubSrc = configText(config, ["brand", "unsubscribeUrl"], "url");
          const unsubTpl = unsubSrc ? parseTemplate(unsubSrc) : undefined;
          if (unsubTpl) used.get("email")!.add(unsubTpl);
          const unsub = unsubTpl ? renderTemplate(unsubTpl, dataFor("sample", "email", ""), opts) : undefined;
          if (unsub) links.push({ url: unsub, role: "unsubscribe" });
          const { subject, preheader } = fields as ChannelFields["email"];
          // The MJML is generated the first time it is read: a lint whose rules read no email markup never makes it.
          let doc: MjmlDoc | undefined;
          const mjml = () =>
            (doc ??= parseMjml(
              generateMjml({
                body: b,
                file,
                locale: campaign.meta.locale,
                subject: subject.sample,
                preheader: preheader.sample,
                address: config.data.brand.address ? configText(config, ["brand", "address"]) : undefined,
                unsubscribe: unsub,
                style: brandStyle(config, (p) => configText(config, p)),
              }),
            ));
          Object.defineProperty(extra, "mjml", { get: mjml, enumerable: true, configurable: true });
        } else {
          if (channel === "whatsapp" && campaign.metaSource?.file === file && campaign.meta.whatsapp?.buttons?.length) {
            const buttons: WhatsAppButton[] = campaign.meta.whatsapp.buttons.map((bt, i) => {
              const tpl = fm("whatsapp", "buttons", i, "url");
              if (tpl) used.get("whatsapp")!.add(tpl);
              const url = tpl ? renderTemplate(tpl, dataFor("sample", "whatsapp", ""), opts) : undefined;
              if (url?.length) links.push({ url: url.withKind(0, url.length, "url"), role: "link" });
              return { type: buttonType(bt), field: buttonField(i), ...(url ? { url } : {}), at: { file, ...campaign.metaSource!.locate(["whatsapp", "buttons", i]) } };
            });
            extra.whatsapp = { buttons } satisfies WhatsAppTemplate;
          }
          if (b.cta) links.push({ url: b.cta.url, role: "cta", text: b.cta.text });
          for (const f of sample) for (const u of findUrls(f)) if (!b.cta || u.text !== b.cta.url.text) links.push({ url: u, role: "link" });
        }
        out.push(variantOf({
          channel,
          origin: "rendered",
          file,
          fields,
          links,
          images,
          variables: [],
          templateProblems: [],
          comments: [],
          extra,
        }));
      }
      if (!flip) for (const v of out) attachTemplates([v], [...used.get(v.channel)!].map((tpl) => ({ tpl, file })));
      return out;
    };
    const main = build();
    variants.push(...main);
    const conditionals = [bodyTpl, ...fmTemplates.values()].flatMap((t) => t?.conditionals ?? []).slice(0, MAX_ALTERNATES);
    for (const b of conditionals)
      for (const a of build(new Set([b]))) {
        const m = main.find((x) => x.channel === a.channel);
        if (m) addAlternate(m, { ...a, ...(m.branches ? { branches: m.branches } : {}), branch: alternateLabel(b) });
      }
  }

  for (const channel of CHANNELS) {
    const hand = campaign.handwritten[channel];
    if (!hand || !campaign.meta.channels.includes(channel)) continue;
    const before = templates.length;
    const data = (mode: RenderMode) => dataFor(mode, channel, "");
    const v = handwrittenVariant(channel, hand, config, parse, data, kindOf, problems);
    if (v) {
      const own = templates.slice(before);
      attachTemplates([v], own);
      // Each {{#if}}/{{#unless}} also rendered with the branch the samples do not take, so both are linted.
      const same = new Map(own.map((u) => [`${u.file.path}\u0000${u.tpl.source.text}`, u.tpl]));
      const reuse = (m: MappedText, f: SourceFile) => same.get(`${f.path}\u0000${m.text}`) ?? parseTemplate(m);
      const conditionals = own.flatMap((u) => u.tpl.conditionals).slice(0, MAX_ALTERNATES);
      for (const b of conditionals) {
        const a = handwrittenVariant(channel, hand, config, reuse, data, kindOf, [], new Set([b]));
        if (a) addAlternate(v, { ...a, ...(v.branches ? { branches: v.branches } : {}), branch: alternateLabel(b) });
      }
      variants.push(v);
    }
  }
  return variants;
}

/** Same text, mapped to the same places: Markdown parses the two the same way and every position maps back alike. */
function sameMapped(a: MappedText, b: MappedText): boolean {
  if (a === b) return true;
  if (a.text !== b.text || a.pieces.length !== b.pieces.length) return false;
  return a.pieces.every((p, i) => {
    const q = b.pieces[i]!;
    return p.start === q.start && p.end === q.end && p.file === q.file && p.srcStart === q.srcStart && p.srcEnd === q.srcEnd && p.kind === q.kind && p.exact === q.exact && p.name === q.name;
  });
}

const pathOf = (p: hbs.AST.Expression) => (p.type === "PathExpression" ? (p as hbs.AST.PathExpression).original : p.type);
/** How an alternate rendering names itself: "with the other branch of {{#if vip}}". */
const alternateLabel = (b: hbs.AST.BlockStatement) => `with the other branch of {{#${pathOf(b.path)}${b.params[0]?.type === "PathExpression" ? " " + (b.params[0] as hbs.AST.PathExpression).original : ""}}}`;

/** At most this many extra renderings of a template, one per `{{#if}}`/`{{#unless}}` flipped. */
const MAX_ALTERNATES = 12;

function attachTemplates(variants: Variant[], templates: TemplateUse[]): void {
  for (const v of variants)
    for (const { tpl, file } of templates) {
      for (const b of tpl.branches) {
        const loc = tpl.source.locate(b.start, b.end);
        if (loc) (v.branches ??= []).push({ file: loc.file, start: loc.start, end: loc.end, label: b.label });
      }
      for (const use of tpl.variables) {
        const loc = tpl.source.locate(use.start, use.end);
        v.variables.push({ use, file: loc?.file ?? file, start: loc?.start ?? 0, end: loc?.end ?? 0 });
      }
      for (const p of tpl.problems) {
        if (p.kind === "syntax") continue;
        const loc = tpl.source.locate(p.start, p.end);
        v.templateProblems.push({ kind: p.kind, message: p.message, file: loc?.file ?? file, start: loc?.start ?? 0, end: loc?.end ?? 0 });
      }
      for (const c of tpl.comments) {
        const loc = tpl.source.locate(c.start, c.end);
        if (loc) v.comments.push({ file: loc.file, start: loc.start, end: loc.end, value: c.value });
      }
    }
}

function handwrittenVariant(
  channel: Channel,
  file: SourceFile,
  config: LoadedConfig,
  parse: (m: MappedText, f: SourceFile) => ParsedTemplate,
  data: (mode: RenderMode) => TemplateData,
  kindOf: (name: string) => "url" | "variable",
  problems: CampaignProblem[],
  flip?: ReadonlySet<hbs.AST.BlockStatement>,
): Variant | undefined {
  const opts: RenderOptions = { kindOf, ...(flip ? { flip } : {}) };
  const base = { channel, origin: "handwritten" as const, file, variables: [], templateProblems: [], comments: [] as Variant["comments"], images: [] as VariantImage[], extra: {} as VariantExtra };
  if (channel === "push") {
    const doc = parseJson(file.text);
    if (doc.errors.length) {
      for (const e of doc.errors) problems.push({ ruleId: "parse-error", severity: 2, message: `${path.basename(file.path)}: ${e.message}`, file, start: e.start, end: e.end });
      return undefined;
    }
    const obj = doc.value;
    if (!obj || typeof obj !== "object" || Array.isArray(obj)) {
      problems.push({ ruleId: "parse-error", severity: 2, message: `${path.basename(file.path)} must be a JSON object like {"title": "...", "body": "...", "url": "..."}`, file, start: 0, end: file.text.length });
      return undefined;
    }
    for (const d of doc.duplicates) problems.push({ ruleId: "parse-error", severity: 2, message: `${path.basename(file.path)}: ${d.message}`, file, start: d.start, end: d.end });
    for (const [key, v] of Object.entries(obj)) {
      if (!["title", "body", "url", "$schema"].includes(key)) {
        const r = doc.locate([key], key);
        problems.push({ ruleId: "parse-error", severity: 2, message: `unknown key "${key}" in ${path.basename(file.path)} (expected title, body, url)`, file, ...r });
      } else if (typeof v !== "string") {
        const r = doc.locate([key]);
        const what = v === null ? "null" : Array.isArray(v) ? "a list" : typeof v === "object" ? "an object" : `the ${typeof v} ${JSON.stringify(v)}`;
        problems.push({ ruleId: "parse-error", severity: 2, message: `${key} in ${path.basename(file.path)} must be text in double quotes, not ${what}`, file, ...r });
      }
    }
    const tpl = (key: string) => {
      const r = doc.stringAt([key]);
      return r ? parse(alignDecoded(r.value, MappedText.fromSource(file, r.start, r.end)), file) : undefined;
    };
    const title = tpl("title");
    const body = tpl("body");
    const url = tpl("url");
    const fields = lazyFields<ChannelFields["push"]>((mode) => ({
      title: title ? markUrls(renderTemplate(title, data(mode), opts)) : MappedText.empty(),
      body: body ? markUrls(renderTemplate(body, data(mode), opts)) : MappedText.empty(),
    }));
    const links: VariantLink[] = [];
    if (url) {
      const u = renderTemplate(url, data("sample"), opts);
      links.push({ url: u.withKind(0, u.length, "url"), role: "cta" });
    }
    return variantOf({ ...base, channel, fields, links });
  }
  if (channel === "whatsapp" && file.path.endsWith(".json")) return whatsappJsonVariant(base, file, parse, data, kindOf, problems);
  const tpl = parse(MappedText.fromSource(file), file);
  if (channel === "email") {
    const html = /\.html(?:\.hbs)?$/i.test(file.path);
    const docs = new Map<RenderMode, MjmlDoc>();
    const docFor = (mode: RenderMode) => {
      let d = docs.get(mode);
      if (!d) {
        const rendered = renderTemplate(tpl, data(mode), opts);
        d = html ? parseHtmlEmail(rendered) : parseMjml(rendered);
        docs.set(mode, d);
      }
      return d;
    };
    const doc = docFor("sample");
    for (const p of [...doc.problems, ...(html ? [] : checkIncludes(doc, file.path, config.dir, config.host))]) {
      const loc = doc.source.locate(p.start, p.end);
      problems.push({ ruleId: "parse-error", severity: 2, message: p.message, file: loc?.file ?? file, start: loc?.start ?? 0, end: loc?.end ?? 0 });
    }
    const fields = lazyFields<ChannelFields["email"]>((mode) => (html ? htmlEmailFields(docFor(mode)) : emailFields(docFor(mode))));
    const links: VariantLink[] = [];
    const images: VariantImage[] = [];
    for (const el of walkElements(doc.root)) {
      const href = attr(el, "href");
      if (href && href.value.length) links.push({ url: href.value.withKind(0, href.value.length, "url"), role: el.name === "mj-button" || (html && isHtmlButton(el)) ? "cta" : "link", text: textContent(el, doc.source).trim() });
      if (el.name === "mj-image" || el.name === "img") {
        const src = attr(el, "src");
        const loc = doc.source.locate(el.openStart, el.openEnd);
        if (src) images.push({ src: src.value, alt: attr(el, "alt")?.value, at: loc ? { file: loc.file, start: loc.start, end: loc.end } : { file, start: 0, end: 0 } });
      }
    }
    const ctas = links.filter((l) => l.role === "cta");
    if (ctas.length > 1) for (const l of ctas.slice(0, -1)) l.role = "link";
    for (const c of doc.comments) {
      const loc = doc.source.locate(c.start, c.end);
      if (loc) base.comments.push({ ...loc, value: c.value });
    }
    // For contrast: variables without a value shown as written, as a link whose text is one still has text when sent.
    let probe: MjmlDoc | undefined;
    const contrastDoc = () => {
      if (!probe) {
        const kept = renderTemplate(tpl, data("sample"), { ...opts, keepMissing: true });
        probe = kept.text === doc.source.text ? doc : html ? parseHtmlEmail(kept) : parseMjml(kept);
      }
      return probe;
    };
    return variantOf({ ...base, channel, images, fields, links, extra: html ? { html: doc, htmlFor: docFor, contrastDoc } : { mjml: doc, mjmlFor: docFor, contrastDoc } });
  }
  const fields = lazyFields<ChannelFields["sms" | "social" | "whatsapp"]>((mode) => ({ text: markUrls(renderTemplate(tpl, data(mode), opts)) }));
  const links: VariantLink[] = findUrls(fields.text!.sample).map((u, i, all) => ({ url: u.withKind(0, u.length, "url"), role: i === all.length - 1 ? "cta" : "link" }));
  return variantOf({ ...base, fields, links });
}

/** A hand-written WhatsApp template, whatsapp.json: `{ "header", "body", "footer", "buttons": [{ "type", "text", "url", "phone" }] }`. */
function whatsappJsonVariant(
  base: Omit<ChannelVariant<"whatsapp">, "fields" | "links" | "channel">,
  file: SourceFile,
  parse: (m: MappedText, f: SourceFile) => ParsedTemplate,
  data: (mode: RenderMode) => TemplateData,
  kindOf: (name: string) => "url" | "variable",
  problems: CampaignProblem[],
): Variant | undefined {
  const name = path.basename(file.path);
  const doc = parseJson(file.text);
  const problem = (message: string, r: { start: number; end: number }) => problems.push({ ruleId: "parse-error", severity: 2, message: `${name}: ${message}`, file, ...r });
  for (const e of doc.errors) problem(e.message, e);
  const obj = doc.value as Record<string, unknown> | undefined;
  if (doc.errors.length || !obj || typeof obj !== "object" || Array.isArray(obj)) {
    if (!doc.errors.length) problem('must be a JSON object like {"header": "...", "body": "...", "footer": "...", "buttons": [{"text": "..."}]}', { start: 0, end: file.text.length });
    return undefined;
  }
  const known: Record<string, string[]> = { "": ["$schema", "header", "body", "footer", "buttons"], button: ["type", "text", "url", "phone"] };
  for (const key of Object.keys(obj)) if (!known[""]!.includes(key)) problem(`unknown key "${key}" (expected header, body, footer, buttons)`, doc.locate([key], key));
  if (obj.body === undefined) problem('has no "body": a WhatsApp template needs its message text', { start: 0, end: 0 });
  for (const key of ["header", "body", "footer"]) if (obj[key] !== undefined && typeof obj[key] !== "string") problem(`"${key}" must be a text`, doc.locate([key]));
  const rawButtons = Array.isArray(obj.buttons) ? (obj.buttons as unknown[]) : [];
  if (obj.buttons !== undefined && !Array.isArray(obj.buttons)) problem("buttons must be a list of buttons", doc.locate(["buttons"]));
  rawButtons.forEach((bt, i) => {
    if (!bt || typeof bt !== "object" || Array.isArray(bt)) return problem(`buttons[${i}] must be an object like {"text": "Shop now", "url": "https://..."}`, doc.locate(["buttons", i]));
    for (const key of Object.keys(bt)) if (!known.button!.includes(key)) problem(`unknown key "${key}" in buttons[${i}] (expected type, text, url, phone)`, doc.locate(["buttons", i, key], key));
    const type = (bt as { type?: unknown }).type;
    if (type !== undefined && buttonType({ type }) !== type) problem(`buttons[${i}].type must be quick_reply, url, phone_number or copy_code`, doc.locate(["buttons", i, "type"]));
  });
  const tpl = (...p: (string | number)[]) => {
    const r = doc.stringAt(p);
    return r ? parse(alignDecoded(r.value, MappedText.fromSource(file, r.start, r.end)), file) : undefined;
  };
  const parts: Partial<Record<"text" | "header" | "footer" | `button${number}`, ParsedTemplate>> = {};
  for (const key of ["body", "header", "footer"] as const) {
    const t = tpl(key);
    if (t) parts[key === "body" ? "text" : key] = t;
  }
  rawButtons.forEach((_, i) => {
    const t = tpl("buttons", i, "text");
    if (t) parts[buttonField(i)] = t;
  });
  const fields = lazyFields<ChannelFields["whatsapp"]>((mode) => Object.fromEntries(Object.entries(parts).flatMap(([k, t]) => (t ? [[k, markUrls(renderTemplate(t, data(mode), { kindOf }))]] : []))));
  const links: VariantLink[] = fields.text ? findUrls(fields.text.sample).map((u) => ({ url: u.withKind(0, u.length, "url"), role: "link" as const })) : [];
  const buttons: WhatsAppButton[] = rawButtons.map((bt, i) => {
    const t = tpl("buttons", i, "url");
    const url = t ? renderTemplate(t, data("sample"), { kindOf }) : undefined;
    if (url?.length) links.push({ url: url.withKind(0, url.length, "url"), role: "link" });
    return { type: buttonType((bt ?? {}) as object), field: buttonField(i), ...(url ? { url } : {}), at: { file, ...doc.locate(["buttons", i]) } };
  });
  const last = links.at(-1);
  if (last) last.role = "cta";
  return variantOf({ ...base, channel: "whatsapp", fields, links, extra: { ...base.extra, whatsapp: { buttons } satisfies WhatsAppTemplate } });
}

/** Subject, preheader and body text of an MJML document. */
export function emailFields(doc: MjmlDoc): Record<"subject" | "preheader" | "body", MappedText> {
  let subject = MappedText.empty();
  let preheader = MappedText.empty();
  const blocks: MappedText[] = [];
  for (const el of walkElements(doc.root)) {
    if (el.name === "mj-title") subject = textContent(el, doc.source).trim();
    else if (el.name === "mj-preview") preheader = textContent(el, doc.source).trim();
    else if (TEXT_ELEMENTS.has(el.name)) {
      const t = markUrls(textContent(el, doc.source).trim());
      if (t.length) blocks.push(t);
    }
    if (el.name === "mj-image" || el.name === "img") {
      const alt = attr(el, "alt");
      if (alt?.value.length) blocks.push(alt.value);
    }
  }
  const b = new MappedTextBuilder();
  b.append(joinMapped(blocks, "\n\n"));
  return { subject, preheader, body: b.build() };
}
