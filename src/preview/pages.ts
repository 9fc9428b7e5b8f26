/** The preview's pages: the index of campaigns, and one page per campaign with its variants side by side. */
import { createHash } from "node:crypto";
import path from "node:path";
import type { Campaign } from "../campaign/model.js";
import type { LoadedConfig } from "../config/load.js";
import type { SettingsResolver } from "../config/settings.js";
import type { FileResult } from "../engine/linter.js";
import { isRtl } from "../render/email.js";
import { CHANNELS, type Channel } from "../types.js";
import { renderVariant } from "./channels.js";
import { CSP } from "./email.js";
import { variantFindings, type CampaignFindings, type PreviewFinding } from "./findings.js";
import { esc, vscodeUrl } from "./html.js";
import { STYLE } from "./style.js";
import type { Theme } from "./theme.js";

export interface PageContext {
  config: LoadedConfig;
  settings: SettingsResolver;
  theme: Theme;
  /** Paths in the page are shown relative to this folder. */
  cwd: string;
  /** Add the live-reload script (`--serve`). */
  live: boolean;
}

/** The live-reload script of `--serve`; the pages' policy allows exactly this script. */
export const LIVE_SCRIPT =
  'const s=new EventSource("/__brandlint/events");s.addEventListener("reload",()=>{s.close();location.reload();});' +
  's.addEventListener("failed",(e)=>{const b=document.getElementById("bl-live");b.textContent=e.data;b.hidden=false;});';

function liveCsp(): string {
  const hash = createHash("sha256").update(LIVE_SCRIPT).digest("base64");
  return `${CSP}; script-src 'sha256-${hash}'; connect-src 'self'`;
}

const CHANNEL_LABEL: Record<Channel, string> = { email: "Email", sms: "SMS", push: "Push", whatsapp: "WhatsApp", social: "Social" };

function shell(ctx: PageContext, title: string, home: string, body: string): string {
  const brand = ctx.config.data.brand.name;
  return `<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${ctx.live ? liveCsp() : CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="brandlint">
<link rel="icon" href="data:,">
<title>${esc(title)}</title>
<style>
${ctx.theme.css}${STYLE}</style>
</head>
<body>
<header class="top"><a class="brand" href="${home}"><span class="logo" aria-hidden="true">${esc(ctx.theme.initial)}</span>${esc(brand)} <span class="tool">· brandlint preview</span></a><nav aria-label="Site"><a href="${home}">All campaigns</a></nav></header>
${body}
${ctx.live ? `<p id="bl-live" class="live" role="status" hidden></p><script>${LIVE_SCRIPT}</script>` : ""}
</body>
</html>
`;
}

function rel(file: string, cwd: string): string {
  const r = path.relative(cwd, file);
  return (r && !r.startsWith("..") && !path.isAbsolute(r) ? r : file).split(path.sep).join("/");
}

/** The campaign's channels, in the usual order. */
function channelList(c: Campaign): string {
  const channels = CHANNELS.filter((ch) => c.variants.some((v) => v.channel === ch));
  return channels.map((ch) => CHANNEL_LABEL[ch]).join(", ") || "none";
}

function countPill(errors: number, warnings: number): string {
  if (!errors && !warnings) return `<span class="pill clean">No findings</span>`;
  const parts: string[] = [];
  if (errors) parts.push(`<span class="pill sev-error">${errors} error${errors === 1 ? "" : "s"}</span>`);
  if (warnings) parts.push(`<span class="pill sev-warning">${warnings} warning${warnings === 1 ? "" : "s"}</span>`);
  return parts.join(" ");
}

function localeName(locale: string): string {
  try {
    const name = new Intl.DisplayNames(["en"], { type: "language" }).of(locale);
    return name && name !== locale ? `${locale} (${name})` : locale;
  } catch {
    return locale;
  }
}

/** A BCP 47 tag fit for a `lang` attribute, or undefined. */
function langTag(locale: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(locale)[0];
  } catch {
    return undefined;
  }
}

/** One finding in a list, linked to its source line; `shown` says where it is highlighted. */
function findingItem(f: PreviewFinding, ctx: PageContext, shown: string): string {
  const sev = f.severity === 2 ? "error" : "warning";
  const where = `${rel(f.file.path, ctx.cwd)}:${f.line}:${f.column}`;
  return (
    `<li class="finding sev-${sev}"><span class="badge sev-${sev}">${sev}</span> <code>${esc(f.ruleId)}</code>` +
    `<span class="msg" dir="auto">${esc(f.message)}</span>` +
    `<span class="where"><a href="${esc(vscodeUrl(f.file.path, f.line, f.column))}" title="Open in VS Code">${esc(where)}</a>${shown}</span></li>`
  );
}

function findingList(fs: readonly PreviewFinding[], ctx: PageContext, shownFor: (f: PreviewFinding) => string): string {
  if (!fs.length) return `<p class="none">No findings.</p>`;
  return `<ol>${fs.map((f) => findingItem(f, ctx, shownFor(f))).join("")}</ol>`;
}

export interface CampaignSummary {
  campaign: Campaign;
  file: string;
  findings: CampaignFindings;
}

/** The index: every campaign with its metadata and its count of errors and warnings. */
export function indexPage(ctx: PageContext, summaries: readonly CampaignSummary[], results: readonly FileResult[]): string {
  const rows = summaries
    .map(({ campaign: c, file, findings }) => {
      const m = c.meta;
      return (
        `<tr><th scope="row"><a href="${esc(file)}">${esc(c.id)}</a></th>` +
        `<td>${esc(localeName(m.locale))}${isRtl(m.locale) ? " · right to left" : ""}</td>` +
        `<td>${esc(channelList(c))}</td>` +
        `<td>${esc(m.send ?? "—")}</td><td>${esc(m.audience ?? "—")}</td>` +
        `<td class="num">${findings.errors}</td><td class="num">${findings.warnings}</td></tr>`
      );
    })
    .join("\n");
  const errors = summaries.reduce((n, s) => n + s.findings.errors, 0);
  const warnings = summaries.reduce((n, s) => n + s.findings.warnings, 0);
  const campaignFiles = new Set(summaries.flatMap((s) => s.campaign.files.map((f) => f.path)));
  const other = results.filter((r) => !campaignFiles.has(r.file.path) && r.messages.length);
  let n = 0;
  const otherFindings = other.flatMap((r) =>
    r.messages.map((m) => {
      const start = r.file.offsetAt(m.line, m.column);
      return { ...m, n: ++n, file: r.file, start, end: start } satisfies PreviewFinding;
    }),
  );
  const body = `<main>
<section class="card" aria-labelledby="overview">
<h1 id="overview">Campaign preview</h1>
<p>${summaries.length} campaign${summaries.length === 1 ? "" : "s"} · ${countPill(errors, warnings)}</p>
<p class="note">Every variant as customers see it, with brandlint’s findings beside it. Links to source lines open in VS Code.</p>
</section>
<section class="card">
<table class="campaigns">
<caption>Campaigns</caption>
<thead><tr><th scope="col">Campaign</th><th scope="col">Locale</th><th scope="col">Channels</th><th scope="col">Send date</th><th scope="col">Audience</th><th scope="col">Errors</th><th scope="col">Warnings</th></tr></thead>
<tbody>
${rows || `<tr><td colspan="7">No campaigns found.</td></tr>`}
</tbody>
</table>
</section>
${otherFindings.length ? `<section class="card findings" aria-labelledby="other"><h2 id="other">Other findings</h2>${findingList(otherFindings, ctx, () => "")}</section>` : ""}
${brandSection(ctx)}
</main>`;
  return shell(ctx, `${ctx.config.data.brand.name} campaigns · brandlint preview`, "index.html", body);
}

function brandSection(ctx: PageContext): string {
  return `<section class="card" aria-labelledby="brand"><h2 id="brand">Brand</h2><div class="brand-grid">${ctx.theme.swatches}</div></section>`;
}

/** A campaign's page: its metadata, then every variant with its findings beside it. */
export async function campaignPage(ctx: PageContext, summary: CampaignSummary, home: string): Promise<string> {
  const { campaign: c, findings } = summary;
  const m = c.meta;
  const rtl = isRtl(m.locale);
  const dir = rtl ? "rtl" : "ltr";
  const lang = langTag(m.locale);
  const langAttr = lang ? ` lang="${esc(lang)}"` : "";
  const offer = m.offer ? ctx.config.data.offers?.find((o) => o.code === m.offer) : undefined;
  const fact = (label: string, value: string) => `<div><dt>${label}</dt><dd>${value}</dd></div>`;
  const facts =
    `<dl class="facts">` +
    fact("Locale", esc(localeName(m.locale)) + (rtl ? " · right to left" : "")) +
    fact("Channels", esc(channelList(c))) +
    fact("Send date", esc(m.send ?? "—")) +
    fact("Audience", esc(m.audience ?? "—")) +
    fact("Offer", m.offer ? esc(m.offer) + (offer ? esc(` · ${offer.discount}${offer.starts || offer.ends ? ` · ${offer.starts ?? "…"} to ${offer.ends ?? "…"}` : ""}`) : "") : "—") +
    fact("Folder", esc(rel(c.dir, ctx.cwd) + "/")) +
    `</dl>`;
  const order = (a: { channel: Channel }, b: { channel: Channel }) => CHANNELS.indexOf(a.channel) - CHANNELS.indexOf(b.channel);
  const cards: string[] = [];
  for (const v of [...c.variants].sort(order)) {
    const fs = variantFindings(v, findings);
    const seen = new Set<number>();
    const channels = ctx.settings.forFile(v.file.path).config.data.channels;
    const preview = await renderVariant(v, { campaign: c, config: ctx.config, channels, findings: fs, initial: ctx.theme.initial, seen });
    const shown = (f: PreviewFinding) =>
      seen.has(f.n) ? ` · <a href="#${v.channel}-${f.n}">show in the ${CHANNEL_LABEL[v.channel]} preview</a>` : preview.framed.has(f.n) ? " · highlighted in the email" : "";
    const errors = fs.filter((f) => f.severity === 2).length;
    const origin = v.origin === "handwritten" ? `Hand-written: ${rel(v.file.path, ctx.cwd)}` : `Rendered from ${rel(v.file.path, ctx.cwd)}`;
    cards.push(
      `<article class="variant variant-${v.channel}" id="variant-${v.channel}" data-channel="${v.channel}" aria-labelledby="h-${v.channel}">` +
        `<header class="variant-head"><h2 id="h-${v.channel}">${CHANNEL_LABEL[v.channel]}</h2><p class="origin">${esc(origin)}</p>${countPill(errors, fs.length - errors)}</header>` +
        `<div class="variant-body"><div class="preview" dir="${dir}"${langAttr}>${preview.html}</div>` +
        `<aside class="findings" dir="ltr" lang="en" aria-label="${CHANNEL_LABEL[v.channel]} findings"><h3>Findings</h3>${findingList(fs, ctx, shown)}</aside></div>` +
        `</article>`,
    );
  }
  const general = findings.general.length
    ? `<section class="card findings" aria-labelledby="general"><h2 id="general">Campaign findings</h2>${findingList(findings.general, ctx, () => "")}</section>`
    : "";
  const body = `<main>
<section class="card" aria-labelledby="campaign-title">
<h1 id="campaign-title">${esc(c.id)}</h1>
<p>${countPill(findings.errors, findings.warnings)}</p>
${facts}
</section>
${general}
<section class="variants" aria-label="Variants" dir="${dir}" data-campaign="${esc(c.id)}">
${cards.join("\n") || `<p class="none">This campaign has no variants.</p>`}
</section>
${brandSection(ctx)}
</main>`;
  return shell(ctx, `${c.id} · ${ctx.config.data.brand.name} · brandlint preview`, home, body);
}
