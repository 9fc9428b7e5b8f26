/**
 * One variant as its customers see it: the email in an inbox and in sandboxed frames
 * at desktop and mobile widths, the SMS in a phone with its encoding and segments,
 * push notifications on iOS and Android lock screens cut at the configured limits,
 * the WhatsApp message with its formatting, the social post as a card.
 */
import path from "node:path";
import type { Campaign, EmailVariant, PushVariant, SmsVariant, SocialVariant, Variant, WhatsAppVariant } from "../campaign/model.js";
import type { LoadedConfig } from "../config/load.js";
import type { ChannelSettings } from "../types.js";
import { mjmlToHtml } from "../render/email.js";
import { URL_RE } from "../render/markdown.js";
import { WORST_CHAR } from "../render/variants.js";
import { smsLayout, type SmsLayout } from "../sms/count.js";
import { graphemeCount, measure } from "../text/graphemes.js";
import type { MappedText } from "../text/mapped-text.js";
import { markMjml, selfContainedEmail } from "./email.js";
import { markRanges, type PreviewFinding } from "./findings.js";
import { esc, richText, type MarkRange, type StyleRange } from "./html.js";
import { whatsappFormat } from "./whatsapp.js";

export interface VariantContext {
  campaign: Campaign;
  config: LoadedConfig;
  /** Channel limits for the variant's file (overrides applied). */
  channels: ChannelSettings | undefined;
  findings: readonly PreviewFinding[];
  /** The brand's initial (app icon, avatar). */
  initial: string;
  /** Findings whose first highlight already has its id (`<channel>-<n>`). */
  seen: Set<number>;
}

export interface VariantPreview {
  html: string;
  /** Findings highlighted on the page (by number), and those highlighted inside the email frames. */
  marked: Set<number>;
  framed: Set<number>;
}


function urlStyles(text: string): StyleRange[] {
  return [...text.matchAll(URL_RE)].map((m) => ({ start: m.index, end: m.index + m[0].length, style: "url" as const }));
}

function brandName(config: LoadedConfig): string {
  return config.data.brand.sender ?? config.data.brand.name;
}

/** Text of a field with its findings highlighted; `marked` collects the findings shown. */
function field(m: MappedText | undefined, ctx: VariantContext, marked: Set<number>, idPrefix: string, styles: StyleRange[] = []): string {
  if (!m) return "";
  const marks = markRanges(m, ctx.findings);
  for (const r of marks) marked.add(r.finding);
  return richText(m.text, { marks, styles, idPrefix, seen: ctx.seen });
}

function lengthNote(count: number, max: number | undefined): string {
  if (max === undefined) return `${count} characters`;
  return `${count} / ${max}`;
}

export async function renderVariant(v: Variant, ctx: VariantContext): Promise<VariantPreview> {
  switch (v.channel) {
    case "email":
      return emailPreview(v, ctx);
    case "sms":
      return smsPreview(v, ctx);
    case "push":
      return pushPreview(v, ctx);
    case "whatsapp":
      return whatsappPreview(v, ctx);
    default:
      return socialPreview(v, ctx);
  }
}

async function emailPreview(v: EmailVariant, ctx: VariantContext): Promise<VariantPreview> {
  const marked = new Set<number>();
  const limits = ctx.channels?.email;
  const subject = v.fields.subject.sample;
  const preheader = v.fields.preheader.sample;
  const row = (label: string, m: MappedText | undefined, cls: string, max: number | undefined) => {
    if (!m) return `<p><span class="label">${label}</span> <span class="none">none</span></p>`;
    const n = graphemeCount(m.text);
    const over = max !== undefined && n > max;
    return `<p><span class="label">${label}</span> <span class="${cls}" dir="auto">${field(m, ctx, marked, "email")}</span> <span class="len${over ? " over" : ""}" dir="ltr" lang="en">${lengthNote(n, max)}${over ? " (too long)" : ""}</span></p>`;
  };
  const inbox =
    `<div class="inbox"><p><span class="label">From</span> <span>${esc(brandName(ctx.config))}</span></p>` +
    row("Subject", subject, "subject", limits?.subjectMax) +
    row("Preheader", preheader, "preheader", limits?.preheaderMax) +
    `</div>`;
  const doc = v.extra.mjml ?? v.extra.html;
  const framed = new Set<number>();
  let frames: string;
  let note = "";
  if (!doc) frames = `<p class="none">This email has no MJML to show.</p>`;
  else {
    // A hand-written HTML email is shown as written (with its sample values); MJML through mjml.
    const { mjml, marked: inFrame } = doc.kind === "html" ? { mjml: doc.source.text, marked: new Set<number>() } : markMjml(doc, markRanges(doc.source, ctx.findings));
    for (const n of inFrame) framed.add(n);
    let html: string | undefined;
    let error = "";
    try {
      html = doc.kind === "html" ? mjml : (await mjmlToHtml(mjml)).html;
    } catch (e) {
      error = (e as Error).message;
    }
    if (html === undefined) frames = `<p class="none">mjml could not turn this email into HTML: ${esc(error)}</p>`;
    else {
      const safe = selfContainedEmail(html, path.dirname(v.file.path), ctx.config.dir, ctx.config.host);
      const title = (w: string) => `Email “${esc(ctx.campaign.id)}” at ${w} width`;
      const srcdoc = esc(safe.html);
      frames =
        `<div class="frames">` +
        `<figure class="desktop"><figcaption>Desktop · 640 px</figcaption><iframe sandbox="" title="${title("desktop")}" srcdoc="${srcdoc}"></iframe></figure>` +
        `<figure class="mobile"><figcaption>Mobile · 375 px</figcaption><iframe sandbox="" title="${title("mobile")}" srcdoc="${srcdoc}"></iframe></figure>` +
        `</div>`;
      const notes: string[] = [];
      if (safe.placeholders) notes.push(`${safe.placeholders} image${safe.placeholders === 1 ? "" : "s"} from other hosts (or not found) ${safe.placeholders === 1 ? "is" : "are"} shown as a placeholder with ${safe.placeholders === 1 ? "its" : "their"} alt text: the preview loads nothing from the network.`);
      if (safe.removed) notes.push(`${safe.removed} reference${safe.removed === 1 ? "" : "s"} to style sheets, fonts or backgrounds elsewhere ${safe.removed === 1 ? "was" : "were"} left out.`);
      note = notes.length ? `<p class="note">${notes.join(" ")}</p>` : "";
    }
  }
  return { html: inbox + frames + note, marked, framed };
}

function counterHtml(kind: string, layout: SmsLayout, text: string, maxSegments: number | undefined): string {
  const over = maxSegments !== undefined && layout.segments > maxSegments;
  const enc = layout.encoding === "gsm7" ? "GSM-7" : "UCS-2";
  const unitName = layout.encoding === "gsm7" ? "septets" : "UTF-16 units";
  return (
    `<dl class="counter ${kind}" dir="ltr" lang="en" data-encoding="${layout.encoding}" data-units="${layout.units}" data-segments="${layout.segments}">` +
    `<div><dt>Encoding</dt><dd data-field="encoding">${enc}</dd></div>` +
    `<div><dt>Characters</dt><dd data-field="characters">${graphemeCount(text)}</dd></div>` +
    `<div><dt>Units</dt><dd><span data-field="units">${layout.units}</span> ${unitName}</dd></div>` +
    `<div${over ? ' class="over"' : ""}><dt>Segments</dt><dd><span data-field="segments">${layout.segments}</span>${maxSegments !== undefined ? ` of ${maxSegments} allowed` : ""}</dd></div>` +
    `</dl>`
  );
}

/** SMS text with findings highlighted and a divider where each new segment starts. */
function smsBubble(text: string, layout: SmsLayout, marks: readonly MarkRange[], ids: { idPrefix: string; seen: Set<number> } | undefined): string {
  return layout.parts
    .map((p, i) => {
      const part = text.slice(p.start, p.end);
      const ms = marks.map((r) => ({ ...r, start: Math.max(0, r.start - p.start), end: Math.min(part.length, r.end - p.start) })).filter((r) => r.end > r.start);
      const html = richText(part, { marks: ms, styles: urlStyles(part), ...ids });
      return (i ? `<span class="seg-break">segment ${i + 1}</span>` : "") + html;
    })
    .join("");
}

/** What the worst-case values of the variables a variant uses are. */
function worstVariables(v: Variant, config: LoadedConfig): string[] {
  const names = [...new Set(v.variables.map((x) => x.use.name))];
  const out: string[] = [];
  for (const n of names) {
    const spec = config.data.variables?.[n];
    if (spec?.maxLength === undefined) continue;
    const charset = spec.charset ?? "gsm";
    out.push(`<code>${esc(n)}</code> as ${spec.maxLength} × “${WORST_CHAR[charset]}” (${charset === "gsm" ? "GSM" : "Unicode"})`);
  }
  return out;
}

function smsPreview(v: SmsVariant, ctx: VariantContext): VariantPreview {
  const marked = new Set<number>();
  const sample = v.fields.text.sample;
  const worst = v.fields.text.worst;
  const maxSegments = ctx.channels?.sms?.maxSegments;
  const text = sample.text;
  const layout = smsLayout(text);
  const marks = markRanges(sample, ctx.findings);
  for (const r of marks) marked.add(r.finding);
  const bubble = smsBubble(text, layout, marks, { idPrefix: "sms", seen: ctx.seen });
  const phone =
    `<div class="phone"><div class="phone-top"><span class="sender">${esc(brandName(ctx.config))}</span><span class="kind">Text Message</span></div>` +
    `<div class="thread"><p class="bubble sms">${bubble}</p></div></div>`;
  let worstHtml: string;
  if (worst.text === text) worstHtml = `<div class="worst" dir="ltr" lang="en"><h3>Worst case</h3><p>No variable changes this message’s length: the count above is the worst case.</p></div>`;
  else {
    const wl = smsLayout(worst.text);
    const vars = worstVariables(v, ctx.config);
    const change =
      wl.segments !== layout.segments || wl.encoding !== layout.encoding
        ? `${layout.encoding !== wl.encoding ? `It switches to ${wl.encoding === "gsm7" ? "GSM-7" : "UCS-2"} and` : "It"} grows from ${layout.segments} to ${wl.segments} segment${wl.segments === 1 ? "" : "s"}.`
        : `It stays ${wl.segments} segment${wl.segments === 1 ? "" : "s"}.`;
    const wMarks = markRanges(worst, ctx.findings);
    worstHtml =
      `<div class="worst" dir="ltr" lang="en"><h3>Worst case</h3><p>With ${vars.length ? vars.join(", ") : "the longest values of its variables"}: ${change}</p>` +
      counterHtml("worst", wl, worst.text, maxSegments) +
      `<details><summary>Worst-case text</summary><p class="bubble sms" dir="auto">${smsBubble(worst.text, wl, wMarks, undefined)}</p></details></div>`;
  }
  return { html: phone + counterHtml("sample", layout, text, maxSegments) + worstHtml, marked, framed: new Set() };
}

/** A push text cut after `max` characters (graphemes), with an ellipsis. */
function cutText(m: MappedText | undefined, max: number | undefined, ctx: VariantContext, marked: Set<number>, idPrefix: string | undefined): { html: string; length: number; cut: boolean } {
  if (!m) return { html: "", length: 0, cut: false };
  const r = max === undefined ? { length: graphemeCount(m.text) } : measure(m.text, max);
  const cut = "cut" in r && r.cut !== undefined ? r.cut : undefined;
  const shown = cut === undefined ? m.text : m.text.slice(0, cut).trimEnd();
  const marks = markRanges(m, ctx.findings)
    .map((x) => ({ ...x, end: Math.min(x.end, shown.length) }))
    .filter((x) => x.end > x.start);
  if (idPrefix) for (const x of marks) marked.add(x.finding);
  const html = richText(shown, { marks, ...(idPrefix ? { idPrefix, seen: ctx.seen } : {}) }) + (cut === undefined ? "" : `<span class="cut" title="cut after ${max} characters">…</span>`);
  return { html, length: r.length, cut: cut !== undefined };
}

function pushPreview(v: PushVariant, ctx: VariantContext): VariantPreview {
  const marked = new Set<number>();
  const limits = ctx.channels?.push;
  const title = v.fields.title.sample;
  const body = v.fields.body.sample;
  const card = (os: "ios" | "android", ids: boolean) => {
    const t = cutText(title, limits?.titleMax, ctx, marked, ids ? "push" : undefined);
    const b = cutText(body, limits?.bodyMax, ctx, marked, ids ? "push" : undefined);
    return (
      `<div class="push ${os}"><div class="push-app"><span class="app-icon" aria-hidden="true">${esc(ctx.initial)}</span><span>${esc(brandName(ctx.config))}</span><span class="time">now</span></div>` +
      (title.text ? `<p class="push-title">${t.html}</p>` : "") +
      (body.text ? `<p class="push-body">${b.html}</p>` : "") +
      `</div>`
    );
  };
  const devices =
    `<div class="devices">` +
    `<figure><figcaption>iOS lock screen · 375 pt</figcaption><div class="wallpaper">${card("ios", true)}</div></figure>` +
    `<figure><figcaption>Android lock screen · 412 dp</figcaption><div class="wallpaper">${card("android", false)}</div></figure>` +
    `</div>`;
  const stat = (label: string, m: MappedText | undefined, max: number | undefined) => {
    const n = m ? graphemeCount(m.text) : 0;
    const over = max !== undefined && n > max;
    return `<div${over ? ' class="over"' : ""}><dt>${label}</dt><dd>${lengthNote(n, max)}${over ? " — cut" : ""}</dd></div>`;
  };
  const counter = `<dl class="counter" dir="ltr" lang="en">${stat("Title", title, limits?.titleMax)}${stat("Body", body, limits?.bodyMax)}</dl>`;
  const wt = v.fields.title.worst;
  const wb = v.fields.body.worst;
  let worst = "";
  if (wt.text !== title.text || wb.text !== body.text) {
    const vars = worstVariables(v, ctx.config);
    const part = (label: string, m: MappedText | undefined, max: number | undefined) => {
      if (!m) return "";
      const n = graphemeCount(m.text);
      return `${label} ${n} characters${max !== undefined && n > max ? ` (cut after ${max})` : ""}`;
    };
    worst = `<div class="worst" dir="ltr" lang="en"><h3>Worst case</h3><p>With ${vars.length ? vars.join(", ") : "the longest values of its variables"}: ${[part("title", wt, limits?.titleMax), part("body", wb, limits?.bodyMax)].filter(Boolean).join("; ")}.</p></div>`;
  }
  return { html: devices + counter + worst, marked, framed: new Set() };
}

function whatsappPreview(v: WhatsAppVariant, ctx: VariantContext): VariantPreview {
  const marked = new Set<number>();
  const m = v.fields.text?.sample;
  const text = m?.text ?? "";
  const fmt = whatsappFormat(text);
  const marks = m ? markRanges(m, ctx.findings) : [];
  for (const r of marks) marked.add(r.finding);
  const body = richText(text, { marks, styles: [...fmt.styles, ...urlStyles(text)], hidden: fmt.hidden, idPrefix: "whatsapp", seen: ctx.seen });
  const max = ctx.channels?.whatsapp?.bodyMax;
  const n = graphemeCount(text);
  const over = max !== undefined && n > max;
  const html =
    `<div class="chat"><div class="chat-head"><span class="app-icon" aria-hidden="true">${esc(ctx.initial)}</span><span>${esc(brandName(ctx.config))}</span></div>` +
    `<div class="chat-body"><p class="bubble wa">${body}<span class="wa-time">09:41</span></p></div></div>` +
    `<dl class="counter" dir="ltr" lang="en"><div${over ? ' class="over"' : ""}><dt>Characters</dt><dd>${lengthNote(n, max)}</dd></div></dl>`;
  return { html, marked, framed: new Set() };
}

function socialPreview(v: SocialVariant, ctx: VariantContext): VariantPreview {
  const marked = new Set<number>();
  const m = v.fields.text.sample;
  const text = m.text;
  const max = ctx.channels?.social?.max;
  const n = graphemeCount(text);
  const over = max !== undefined && n > max;
  const html =
    `<div class="post"><div class="post-head"><span class="avatar" aria-hidden="true">${esc(ctx.initial)}</span><div><div class="post-name">${esc(ctx.config.data.brand.name)}</div><div class="post-meta">Sponsored · just now</div></div></div>` +
    `<p class="post-text">${field(m, ctx, marked, "social", urlStyles(text))}</p></div>` +
    `<dl class="counter" dir="ltr" lang="en"><div${over ? ' class="over"' : ""}><dt>Characters</dt><dd>${lengthNote(n, max)}</dd></div></dl>`;
  return { html, marked, framed: new Set() };
}
