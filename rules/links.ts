/**
 * links — every link customers can open is secure, stays on the brand's domains,
 * carries the tracking parameters the team requires, and every channel's call to
 * action leads to the same page.
 *
 * Why: an http:// link, a shortener or a typo'd look-alike domain costs trust and
 * deliverability; a missing utm_source makes a channel's clicks invisible; an SMS
 * whose button goes to last season's page undoes the campaign. Links come from every
 * variant: Markdown links, MJML/HTML hrefs (raw HTML in message.md included), push
 * `url`, and URLs written in texts. A URL that is entirely a variable's value is
 * skipped (its value is only known when sending); a host that comes from a variable
 * is not checked. Positions are those of the URL in the file a person edits.
 *
 * Options: `schemes` (besides https, mailto, tel, sms), `allowHosts` (besides
 * brand.domains), `cta` (false to skip the call-to-action comparison).
 */
import { fromVariables, hasVariable, looksLikePath, trimmed, variantLinks, type LinkSite } from "../src/campaign/links.js";
import { defineRule, type RuleContext } from "../src/engine/rule.js";
import type { SourceFile } from "../src/text/source-file.js";
import { channelNames, formatList } from "../src/text/lists.js";
import { displayUrl, hostWithin, pageKey, splitUrl, type Span } from "../src/text/urls.js";
import { CHANNELS, type Channel } from "../src/types.js";

interface Options {
  schemes: string[];
  allowHosts: string[];
  cta: boolean;
}

const LUMEN = { brand: { name: "Lumen", domains: ["lumen.example"] } };

interface Site extends LinkSite {
  channel: Channel;
}

export default defineRule<Options>({
  meta: {
    id: "links",
    description: "Links use https, point to the brand's domains, carry the required UTM parameters, and every channel's call to action leads to the same page.",
    rationale: "An insecure or off-domain link costs trust and deliverability, an untracked link hides a channel's results, and a call to action that differs between email and SMS sends people to the wrong offer.",
    docs: { url: "docs/rules/links.md" },
    channels: CHANNELS,
    scope: "campaign",
    defaultSeverity: "error",
    fixable: true,
    hasSuggestions: true,
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        schemes: { type: "array", items: { type: "string", minLength: 1 }, description: "URL schemes allowed besides https, mailto, tel and sms, without the colon: your app's scheme for deep links, for instance." },
        allowHosts: { type: "array", items: { type: "string", minLength: 1 }, description: "Hosts links may point to besides brand.domains (subdomains included), such as an app store." },
        cta: { type: "boolean", description: "Check that every channel's call to action leads to the same page (default true)." },
      },
    },
    defaultOptions: { schemes: [], allowHosts: [], cta: true },
    messages: {
      insecure: "Link uses http://; write https:// so the page opens securely (browsers flag http pages as not secure)",
      noScheme: "‘{url}’ has no https://; write {fixed} so every app opens it, securely",
      relative: "Link ‘{url}’ is relative, so it leads nowhere from an email or a text message; write the full https:// address",
      scheme: "‘{scheme}:’ links don't open reliably in email and phone apps; link to an https:// page",
      offDomain: "Link goes to {host}, not {aBrand} domain ({domains})",
      utmMissing: "Link is missing {params}, so clicks from {channels} are not attributed to this campaign",
      utmValue: "Tracking parameter {param} is ‘{found}’; {channels} links need {param}={value}",
      ctaMismatch: "{who} call to action goes to {url}; {ref} to {refUrl}",
      useHttps: "Use {fixed}",
    },
    examples: {
      valid: [
        {
          title: "https links on the brand's domain and its subdomains, mailto and tel",
          config: LUMEN,
          files: { "sms.txt": "Lumen: see https://shop.lumen.example/sale or call tel:+441234" },
        },
        {
          title: "the call to action may differ in UTM parameters, trailing slash and fragment",
          config: LUMEN,
          files: {
            "sms.txt": "Lumen sale: https://lumen.example/spring/?utm_source=sms",
            "push.json": '{ "title": "Sale", "url": "https://LUMEN.example/spring#top" }',
          },
        },
      ],
      invalid: [
        {
          title: "a link shortener is not a brand domain",
          config: LUMEN,
          files: { "sms.txt": "Lumen sale: https://bit.ly/3xYz" },
          errors: [{ messageId: "offDomain", line: 1, column: 21, message: "Link goes to bit.ly, not a Lumen domain (lumen.example)" }],
        },
        {
          title: "a look-alike host is not a subdomain",
          config: LUMEN,
          files: { "message.md": "---\nchannels: [email]\n---\nHello.\n\n[Shop](https://lumen.example.evil.com/sale)\n" },
          errors: [{ messageId: "offDomain", line: 6, column: 16, channels: ["email"] }],
        },
        {
          title: "http is flagged, with a suggestion",
          config: LUMEN,
          files: { "sms.txt": "Lumen sale: http://lumen.example/sale" },
          errors: [{ messageId: "insecure", line: 1, column: 13, suggestions: [{"desc":"Use https://","output":{"sms.txt":"Lumen sale: https://lumen.example/sale"}}] }],
        },
        {
          title: "required UTM parameters are added by --fix",
          config: { ...LUMEN, links: { utm: { "*": { utm_source: "{{channel}}", utm_campaign: "{{campaign}}" } } } },
          files: { "campaign.json": '{ "campaign": "spring-sale" }', "sms.txt": "Lumen sale: https://lumen.example/sale" },
          errors: [{ messageId: "utmMissing", file: "sms.txt", line: 1, column: 13, message: "Link is missing utm_source=sms and utm_campaign=spring-sale" }],
          output: { "sms.txt": "Lumen sale: https://lumen.example/sale?utm_source=sms&utm_campaign=spring-sale" },
        },
        {
          title: "the SMS call to action goes to another page than the email's",
          config: LUMEN,
          files: {
            "message.md": "---\nchannels: [email, sms]\n---\nSpring is here.\n\n[Shop the sale](https://lumen.example/spring)\n",
            "sms.txt": "Lumen: 20% off https://lumen.example/sale",
          },
          errors: [{ messageId: "ctaMismatch", file: "sms.txt", line: 1, column: 16, message: "SMS call to action goes to https://lumen.example/sale; the email's goes to https://lumen.example/spring" }],
        },
      ],
    },
    notes: [
      "## What is checked",
      "",
      "Every URL of every variant: Markdown links and autolinks, `href`s in MJML and HTML (raw HTML in message.md included), the push `url`, and URLs written in texts (`https://…`, `www.…`). In an email, a URL-like link label (`[www.lumen.example](https://…)`) is only a label; in SMS, WhatsApp and social texts, where the label is plain text, phones turn it into a link, so it is checked.",
      "",
      "- **https**: `http://` links and `www.` links written without a scheme are flagged, unless `links.requireHttps` is `false`. `mailto:`, `tel:` and `sms:` are always fine; other schemes (`javascript:`, `ftp:`, an app's deep link such as `lumen://`) are flagged unless listed in the `schemes` option. Relative links (`/sale`) lead nowhere from a message and are flagged; `#anchors` and a sending service's merge tags (`*|UNSUB|*`, `%%unsubscribe%%`) are left alone.",
      "- **Domains**: the host must be one of `brand.domains` or a subdomain of one (`shop.lumen.example` for `lumen.example`; `lumen.example.evil.com` and `lumen.example@evil.com` are not), or in the `allowHosts` option. Hosts are compared in normal form (case, punycode for non-Latin domains, trailing dot). Without `brand.domains` this check is off. Links to social profiles or app stores need their hosts in `allowHosts`. The unsubscribe link (`brand.unsubscribeUrl`) is not held to it, since it often lives with the sending service.",
      "- **UTM**: `links.utm` lists required query parameters per channel, `\"*\"` for every channel; a channel's own list overrides `*` parameter by parameter. Values are templates where `{{channel}}` and `{{campaign}}` are replaced by the variant's channel and the campaign id (plain text replacement). Only links to the brand's domains are checked (all http(s) links when `brand.domains` is not set), not the unsubscribe link. Values compare exactly, after URL decoding.",
      "- **Call to action**: the CTA of each variant (the email's button or last link, the push `url`, the last link of an SMS, WhatsApp or social text) must lead to the same page in every channel. UTM parameters, the order of other parameters, a trailing slash, the fragment, the default port, the host's case and http vs https are ignored. When the pages differ, the page most channels use (ties: the first in email, SMS, push, WhatsApp, social order) is taken as right and the others are reported.",
      "",
      "## Variables",
      "",
      "A URL that is entirely a variable's value (`{{productUrl}}`) is skipped: its value only exists when sending. When the host or scheme comes from a variable, only the other checks run. `{{channel}}` and `{{campaign}}` are built in, so `utm_source={{channel}}` in message.md gives each channel its own value.",
      "",
      "## Fixes",
      "",
      "`--fix` adds missing UTM parameters and corrects wrong values. When every channel that shares the link expects the same value, the value itself is written (`utm_campaign=spring-sale`); when they differ, the template (`utm_source={{channel}}`) is written so each channel renders its own. A template is not written into message.md frontmatter, where `{` has a meaning in YAML; the message says what to add. In MJML files the separator is written `&amp;`. Replacing `http://` with `https://` is offered as a suggestion, since only you know the page is served over https.",
    ].join("\n"),
  },
  check(ctx) {
    const { options, config, campaign } = ctx;
    const cfg = config.data;
    const schemes = new Set(["mailto", "tel", "sms", ...options.schemes.map((s) => s.toLowerCase().replace(/:$/, ""))]);
    const domains = cfg.brand.domains ?? [];
    const allowed = [...domains, ...options.allowHosts];
    const requireHttps = cfg.links?.requireHttps !== false;
    const brand = cfg.brand.name;
    const aBrand = `${/^[aeiou]/i.test(brand) ? "an" : "a"} ${brand}`;
    const unsubPrefix = cfg.brand.unsubscribeUrl?.split("{{")[0] ?? "";
    const isUnsubscribe = (s: Site) =>
      s.role === "unsubscribe" || s.url.pieces.some((p) => p.name === "unsubscribeUrl") || (unsubPrefix.length > 8 && s.url.text.trim().startsWith(unsubPrefix));

    const sites: Site[] = ctx.variants.flatMap((v) => variantLinks(v).filter((s) => !fromVariables(s.url)).map((s) => ({ ...s, channel: v.channel })));
    /** Sites that lead to a web page on the brand's domains (UTM and CTA candidates). */
    const web: Site[] = [];
    for (const s of sites) {
      const { text, lead } = trimmed(s.url);
      if (!text || text.startsWith("#")) continue;
      const p = splitUrl(text);
      const at = (span: Span) => ({ text: s.url, start: span.start + lead, end: span.end + lead });
      const whole = at({ start: 0, end: text.length });
      const channels = [s.channel];
      // GFM turns a bare "www.…" into an http:// link: judge what the person wrote.
      const written = s.file.text.slice(s.start, s.end);
      const bareWww = p.scheme === "http" && /^www\./i.test(written) && text.toLowerCase() === `http://${written.toLowerCase()}`;
      if (bareWww) {
        if (requireHttps) ctx.report({ messageId: "noScheme", data: { url: written, fixed: `https://${written}` }, at: whole, channels });
      } else if (p.scheme) {
        if (schemes.has(p.scheme)) continue;
        if (p.scheme !== "http" && p.scheme !== "https") {
          ctx.report({ messageId: "scheme", data: { scheme: p.scheme }, at: whole, channels });
          continue;
        }
        if (p.scheme === "http" && requireHttps && !hasVariable(s.url, p.schemeSpan!))
          ctx.report({ messageId: "insecure", at: at(p.schemeSpan!), channels, suggestions: [{ messageId: "useHttps", data: { fixed: "https://" }, text: "https" }] });
      } else if (p.hostSpan) {
        const fixed = text.startsWith("//") ? `https:${text}` : `https://${text}`;
        if (requireHttps) ctx.report({ messageId: "noScheme", data: { url: text, fixed }, at: whole, channels, suggestions: [{ messageId: "useHttps", data: { fixed }, text: fixed }] });
      } else {
        // A sending service's merge tag (*|UNSUB|*, %%unsubscribe%%) is not a path.
        if (looksLikePath(text)) ctx.report({ messageId: "relative", data: { url: text }, at: whole, channels });
        continue;
      }
      if (!p.hostSpan || !p.host) continue;
      const unsubscribe = isUnsubscribe(s);
      const hostKnown = !hasVariable(s.url, p.hostSpan);
      if (!unsubscribe && hostKnown && domains.length && !allowed.some((d) => hostWithin(p.host!, d))) {
        ctx.report({ messageId: "offDomain", data: { host: p.host, aBrand, domains: domains.join(", ") }, at: at(p.hostSpan), channels });
        continue;
      }
      if (!unsubscribe && s.role !== "image") web.push(s);
    }
    if (cfg.links?.utm) checkUtm(ctx, web, cfg.links.utm, campaign.meta.campaign, campaign.messageFile, campaign.bodyStart);
    if (options.cta) checkCta(ctx, web.filter((s) => s.role === "cta"));
  },
});

type Ctx = RuleContext<Options>;

/** Expected value of a UTM template for a channel: {{channel}} and {{campaign}} replaced as text. */
export function utmValue(template: string, channel: Channel, campaign: string): string {
  return template.split("{{channel}}").join(channel).split("{{campaign}}").join(campaign);
}

/** A query value for a fix: the value URL-encoded, or a template whose placeholders stay as written. */
function encodeValue(v: string): string {
  return v
    .split(/(\{\{(?:channel|campaign)\}\})/)
    .map((part, i) => (i % 2 ? part : encodeURIComponent(part)))
    .join("");
}

/**
 * UTM requirements, once per source spot: a link written once in message.md is seen
 * by every rendered channel, and one finding (with one fix) covers them all.
 */
function checkUtm(ctx: Ctx, web: Site[], utm: Record<string, Record<string, string>>, campaignId: string, messageFile: SourceFile | undefined, bodyStart: number): void {
  const required = (c: Channel): Record<string, string> => ({ ...(utm["*"] ?? {}), ...(utm[c] ?? {}) });
  const groups = new Map<string, Site[]>();
  for (const s of web) groups.set(s.key, [...(groups.get(s.key) ?? []), s]);
  for (const sites of groups.values()) {
    const first = sites[0]!;
    const { text, lead } = trimmed(first.url);
    const parts = splitUrl(text);
    const inFrontmatter = first.file === messageFile && first.start < bodyStart;
    const names = [...new Set(sites.flatMap((s) => Object.keys(required(s.channel))))];
    /** The text a fix writes for a parameter, or undefined when no single text suits every channel. */
    const fixText = (name: string): string | undefined => {
      const tpls = new Set(sites.map((s) => required(s.channel)[name]).filter((t): t is string => t !== undefined));
      if (tpls.size !== 1) return undefined;
      const tpl = [...tpls][0]!;
      const values = new Set(sites.filter((s) => required(s.channel)[name] !== undefined).map((s) => utmValue(tpl, s.channel, campaignId)));
      if (values.size === 1) return encodeValue([...values][0]!);
      return inFrontmatter ? undefined : encodeValue(tpl);
    };
    const missing = new Map<string, { channels: Channel[]; params: { name: string; value: string; fix?: string }[] }>();
    for (const name of names) {
      const wrong: { site: Site; found: string; expected: string }[] = [];
      const absent: Channel[] = [];
      const expectedOf = new Map<Channel, string>();
      for (const s of sites) {
        const tpl = required(s.channel)[name];
        if (tpl === undefined) continue;
        const expected = utmValue(tpl, s.channel, campaignId);
        expectedOf.set(s.channel, expected);
        const param = splitUrl(s.url.text.trim()).params.find((p) => p.name === name);
        if (!param) absent.push(s.channel);
        else if (param.value !== expected) wrong.push({ site: s, found: param.value, expected });
      }
      const shown = (chs: Channel[]) => {
        const vals = new Set(chs.map((c) => expectedOf.get(c)!));
        return vals.size === 1 ? [...vals][0]! : (required(chs[0]!)[name] ?? "");
      };
      if (absent.length) {
        const key = [...absent].sort().join(",");
        const g = missing.get(key) ?? { channels: absent, params: [] };
        g.params.push({ name, value: shown(absent), fix: fixText(name) });
        missing.set(key, g);
      }
      if (wrong.length) {
        const param = parts.params.find((p) => p.name === name)!;
        const span = { start: param.valueSpan.start + lead, end: param.valueSpan.end + lead };
        const loc = first.url.locate(span.start, span.end);
        const found = loc?.exact ? loc.file.text.slice(loc.start, loc.end) : wrong[0]!.found;
        const chs = wrong.map((w) => w.site.channel);
        const fix = fixText(name);
        ctx.report({
          messageId: "utmValue",
          data: { param: name, found, channels: channelNames(chs), value: shown(chs) },
          at: { text: first.url, ...span },
          channels: chs,
          ...(fix !== undefined && loc?.exact && !hasVariable(first.url, span) ? { fix: param.hasEquals ? fix : `=${fix}` } : {}),
        });
      }
    }
    for (const g of missing.values()) {
      const params = formatList(g.params.map((p) => `${p.name}=${p.value}`));
      const fix = insertParams(first, text, lead, parts, g.params);
      ctx.report({ messageId: "utmMissing", data: { params, channels: channelNames(g.channels) }, at: { text: first.url, start: lead, end: lead + text.length }, channels: g.channels, ...(fix ? { fix } : {}) });
    }
  }
}

/** The fix that appends query parameters to a URL, before its fragment. */
function insertParams(site: Site, text: string, lead: number, parts: ReturnType<typeof splitUrl>, params: { name: string; fix?: string }[]) {
  if (params.some((p) => p.fix === undefined)) return undefined;
  const pos = parts.fragmentStart ?? text.length;
  if (pos === 0) return undefined;
  const loc = site.url.locate(lead + pos - 1, lead + pos);
  if (!loc?.exact || hasVariable(site.url, { start: lead + pos - 1, end: lead + pos })) return undefined;
  const amp = /\.(mjml|html?)(\.hbs)?$/i.test(loc.file.path) ? "&amp;" : "&";
  const before = text[pos - 1];
  const sep = parts.queryStart === undefined ? "?" : before === "?" || before === "&" ? "" : amp;
  const added = params.map((p) => `${encodeURIComponent(p.name)}=${p.fix}`).join(amp);
  return { file: loc.file, start: loc.end, end: loc.end, text: sep + added };
}

/**
 * Every channel's call to action leads to one page. Spots are grouped by page; the
 * page most channels use is the reference, and every other spot is reported once.
 */
function checkCta(ctx: Ctx, ctas: Site[]): void {
  const spots = new Map<string, { site: Site; channels: Channel[]; page: string }>();
  for (const s of ctas) {
    const page = pageKey(s.url.text.trim());
    if (!page) continue;
    const spot = spots.get(s.key);
    if (spot) spot.channels.push(s.channel);
    else spots.set(s.key, { site: s, channels: [s.channel], page });
  }
  const pages = new Map<string, { channels: Channel[]; spots: { site: Site; channels: Channel[] }[] }>();
  for (const spot of spots.values()) {
    const p = pages.get(spot.page) ?? { channels: [], spots: [] };
    p.channels.push(...spot.channels);
    p.spots.push(spot);
    pages.set(spot.page, p);
  }
  if (pages.size < 2) return;
  const rank = (chs: Channel[]) => Math.min(...chs.map((c) => CHANNELS.indexOf(c)));
  const ordered = [...pages.values()].sort((a, b) => b.channels.length - a.channels.length || rank(a.channels) - rank(b.channels));
  const ref = ordered[0]!;
  const refChannels = [...new Set(ref.channels)];
  const refWho = refChannels.length === 1 ? `the ${channelNames(refChannels)}'s goes` : `the ${channelNames(refChannels)} ones go`;
  const refUrl = displayUrl(ref.spots[0]!.site.url.text.trim());
  for (const p of ordered.slice(1))
    for (const spot of p.spots) {
      const { text, lead } = trimmed(spot.site.url);
      ctx.report({
        messageId: "ctaMismatch",
        data: { who: channelNames(spot.channels, true), url: displayUrl(text), ref: refWho, refUrl },
        at: { text: spot.site.url, start: lead, end: lead + text.length },
        channels: spot.channels,
      });
    }
}
