/**
 * image-alt — every image says what it shows, comes from the brand's asset hosts, and
 * no message uses a retired logo or banner.
 *
 * Why: many inboxes block images until the reader allows them, and screen readers
 * read the alt text aloud: an image without alt text is a hole in the message. An
 * image hot-linked from a random host breaks when that host changes, and an old logo
 * in one channel ("channels use outdated materials") is exactly what a brand review
 * exists to catch. Images come from Markdown `![alt](src)` and raw `<img>` in
 * message.md, and `mj-image`, `mj-carousel-image` and `<img>` in hand-written MJML;
 * background images (`background-url`) and social icons (`mj-social-element src`) are
 * checked for hosts and retired assets only. Links to retired assets are flagged in
 * every channel.
 *
 * Options: `allowDecorative` — accept `alt=""` for purely decorative images.
 */
import type { Variant } from "../src/campaign/model.js";
import { defineRule } from "../src/engine/rule.js";
import { attr, emailDoc, walkElements } from "../src/render/mjml-doc.js";
import type { MappedText } from "../src/text/mapped-text.js";
import type { SourceFile } from "../src/text/source-file.js";
import { assetMatches, compileAsset, hostWithin, parseUrl, splitUrl, type AssetPattern } from "../src/text/urls.js";
import { CHANNELS, type BrandConfig } from "../src/types.js";
import { fromVariables, hasVariable, looksLikePath, trimmed, variantLinks } from "../src/campaign/links.js";

interface Options {
  allowDecorative: boolean;
}

interface ImageSite {
  src: MappedText;
  alt?: MappedText;
  at: { file: SourceFile; start: number; end: number };
  /** Images that carry content need alt text; backgrounds and icons are only checked for their source. */
  needsAlt: boolean;
  /** Written in Markdown, where `![](src)` is the only way to leave alt text out. */
  markdown: boolean;
}

const ALT_ELEMENTS = new Set(["img", "mj-image", "mj-carousel-image"]);
const IMAGE_FILE = /^\S+\.(?:png|jpe?g|gif|webp|avif|svg|bmp|tiff?)$/i;

/** Every image of a variant, once per source spot. */
function variantImages(v: Variant, messageFile: SourceFile | undefined): ImageSite[] {
  const out: ImageSite[] = [];
  const seen = new Set<string>();
  const add = (img: ImageSite) => {
    const loc = img.src.locate(0, img.src.length);
    const key = loc ? `${loc.file.path}\u0000${loc.start}` : `${img.at.file.path}\u0000${img.at.start}\u0000at`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(img);
  };
  for (const img of v.images) add({ ...img, needsAlt: true, markdown: v.origin === "rendered" && img.at.file === messageFile });
  const doc = emailDoc(v.extra);
  if (!doc) return out;
  for (const el of walkElements(doc.root)) {
    // Where the element is, found only for an element with an image.
    const at = () => {
      const loc = doc.source.locate(el.openStart, el.openEnd);
      return loc ? { file: loc.file, start: loc.start, end: loc.end } : { file: v.file, start: 0, end: 0 };
    };
    const src = attr(el, "src");
    if (src && (ALT_ELEMENTS.has(el.name) || el.name === "mj-social-element")) add({ src: src.value, alt: attr(el, "alt")?.value, at: at(), needsAlt: ALT_ELEMENTS.has(el.name), markdown: false });
    // mj-section background-url; the HTML background attribute of a body, table or cell.
    const bg = attr(el, "background-url") ?? (doc.kind === "html" && /^(?:body|table|td|th)$/.test(el.name) ? attr(el, "background") : undefined);
    if (bg) add({ src: bg.value, at: at(), needsAlt: false, markdown: false });
  }
  return out;
}

type Retired = { pattern: AssetPattern; replacement?: string; message?: string };
const compiled = new WeakMap<object, Retired[]>();
function retiredList(entries: NonNullable<NonNullable<BrandConfig["assets"]>["retired"]>): Retired[] {
  let r = compiled.get(entries);
  if (!r) {
    r = [];
    for (const e of entries) {
      const pattern = compileAsset(typeof e === "string" ? e : e.url);
      if (pattern) r.push(typeof e === "string" ? { pattern } : { pattern, replacement: e.replacement, message: e.message });
    }
    compiled.set(entries, r);
  }
  return r;
}

export default defineRule<Options>({
  meta: {
    id: "image-alt",
    description: "Images have alt text, come from the brand's asset hosts, and retired logos and banners are not used.",
    rationale: "Inboxes block images by default and screen readers read alt text aloud, so an image without it is a hole in the message; images from unapproved hosts break, and a retired logo in one channel makes the brand look out of date.",
    docs: { url: "docs/rules/image-alt.md" },
    channels: CHANNELS,
    scope: "variant",
    defaultSeverity: "error",
    fixable: false,
    hasSuggestions: true,
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        allowDecorative: { type: "boolean", description: "Accept an explicitly empty alt (alt=\"\") in MJML/HTML for purely decorative images (default false)." },
      },
    },
    defaultOptions: { allowDecorative: false },
    messages: {
      missing: "Image has no alt text; describe what it shows (many inboxes block images, and screen readers read the alt text)",
      empty: "Image has empty alt text; describe what it shows, so people with images off or using a screen reader get the message",
      fileName: "Alt text ‘{alt}’ is a file name; describe what the image shows",
      relativeSrc: "Image path ‘{src}’ is relative, so the image is missing in every inbox; use the full https:// address",
      insecureSrc: "Image loads over http://; use https:// (email clients block or warn about insecure images)",
      notHosted: "Image comes from {where}, not from the brand's asset hosts ({hosts})",
      retired: "This {what} was retired{why}{instead}",
      useHttps: "Use https://",
      useReplacement: "Use {replacement}",
    },
    examples: {
      valid: [
        {
          title: "an image with alt text, from an asset host",
          config: { assets: { hosts: ["cdn.lumen.example"] } },
          files: { "message.md": "---\nchannels: [email]\n---\n![Three tents by a lake](https://cdn.lumen.example/img/tents.jpg)\n" },
        },
        {
          title: "a decorative divider with alt=\"\" when allowDecorative is on",
          options: { allowDecorative: true },
          files: { "email.mjml": '<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-image src="https://cdn.lumen.example/img/divider.png" alt="" />\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n' },
        },
      ],
      invalid: [
        {
          title: "a Markdown image without alt text",
          files: { "message.md": "---\nchannels: [email]\n---\nSpring is here.\n\n![](https://cdn.lumen.example/img/spring.jpg)\n" },
          errors: [{ messageId: "missing", line: 6, column: 1, channels: ["email"] }],
        },
        {
          title: "an mj-image without alt, from a host that is not an asset host",
          config: { assets: { hosts: ["cdn.lumen.example"] } },
          files: { "email.mjml": '<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-image src="https://i.imgur.com/x.png" />\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n' },
          errors: [
            { messageId: "missing", line: 5, column: 9 },
            { messageId: "notHosted", line: 5, column: 32, message: "Image comes from i.imgur.com, not from the brand's asset hosts (cdn.lumen.example)" },
          ],
        },
        {
          title: "a retired logo, with its replacement",
          config: { assets: { retired: [{ url: "/img/logo-2019.png", replacement: "https://cdn.lumen.example/img/logo-2026.png", message: "the 2019 logo" }] } },
          files: { "message.md": "---\nchannels: [email]\n---\n![Lumen](https://cdn.lumen.example/img/logo-2019.png)\n" },
          errors: [{ messageId: "retired", line: 4, column: 10, message: "This image was retired (the 2019 logo); use https://cdn.lumen.example/img/logo-2026.png instead", suggestions: [{"desc":"Use https://cdn.lumen.example/img/logo-2026.png","output":{"message.md":"---\nchannels: [email]\n---\n![Lumen](https://cdn.lumen.example/img/logo-2026.png)\n"}}] }],
        },
      ],
    },
    notes: [
      "## Alt text",
      "",
      "- Every content image needs alt text: Markdown `![alt](src)`, raw `<img>` in message.md, `mj-image`, `mj-carousel-image` and `<img>` in MJML. A missing `alt` is reported at the image; so is alt text that is only spaces, or a file name (`banner.png`).",
      "- `alt=\"\"` marks an image as decorative (a divider, a spacer). It is accepted only with `allowDecorative: true`: in marketing email nearly every image carries part of the message (the offer, the product), and an empty alt hides it from everyone who has images off. Markdown has no separate spelling for “decorative”, so `![](src)` always counts as missing alt text; write `<img src=\"…\" alt=\"\">` if you mean it.",
      "- Alt text that is a variable's value is trusted: it is only known when sending.",
      "",
      "## Image sources",
      "",
      "- A relative path (`/img/x.png`) never loads in an inbox and is always reported. `http://` images are reported unless `links.requireHttps` is `false`.",
      "- With `assets.hosts`, every image (backgrounds and social icons included) must come from one of those hosts or their subdomains; `data:` and `cid:` images are reported too.",
      "",
      "## Retired assets",
      "",
      "`assets.retired` lists materials that must not be used any more, as strings or `{ \"url\", \"replacement\", \"message\" }`. Images and links of every channel are checked.",
      "",
      "- An entry with a scheme (`https://cdn.lumen.example/img/logo.png`) or starting with `//` is a full URL: it matches the same host and path whatever the scheme, host case, default port, trailing slash or fragment; if the entry has a query, the query must match too (utm_* parameters ignored), otherwise any query (a cache-buster such as `?v=3`) still matches.",
      "- Any other entry is a path suffix matched at a `/`: `/img/logo-2019.png` (or `logo-2019.png`) matches `https://any.host/brand/img/logo-2019.png` but not `…/newlogo-2019.png`. Paths compare case-sensitively, as web servers do.",
      "- A `replacement` that is a full URL is offered as a suggestion (not an automatic fix: the new image may need other dimensions).",
    ].join("\n"),
  },
  check(ctx) {
    const { variant, options, config, campaign } = ctx;
    if (!variant) return;
    const assets = config.data.assets ?? {};
    const hosts = assets.hosts ?? [];
    const retired = retiredList(assets.retired ?? []);
    const requireHttps = config.data.links?.requireHttps !== false;

    const checkRetired = (src: MappedText, what: string) => {
      const { text, lead } = trimmed(src);
      const hit = retired.find((r) => assetMatches(r.pattern, text));
      if (!hit) return;
      const replacement = hit.replacement;
      ctx.report({
        messageId: "retired",
        data: { what, why: hit.message ? ` (${hit.message})` : "", instead: replacement ? `; use ${replacement} instead` : "" },
        at: { text: src, start: lead, end: lead + text.length },
        ...(replacement && parseUrl(replacement) ? { suggestions: [{ messageId: "useReplacement", data: { replacement }, text: replacement }] } : {}),
      });
    };

    for (const img of variantImages(variant, campaign.messageFile)) {
      const alt = img.alt;
      if (img.needsAlt && !(alt && fromVariables(alt))) {
        const blank = !alt || alt.text.trim() === "";
        if (blank) {
          const decorative = alt !== undefined && alt.text === "" && !img.markdown && options.allowDecorative;
          if (!decorative) ctx.report({ messageId: !alt || img.markdown ? "missing" : "empty", at: img.at });
        } else {
          const { text, lead } = trimmed(alt);
          if (IMAGE_FILE.test(text)) ctx.report({ messageId: "fileName", data: { alt: text }, at: { text: alt, start: lead, end: lead + text.length } });
        }
      }
      const src = img.src;
      const { text, lead } = trimmed(src);
      if (!text || fromVariables(src)) continue;
      const at = (s: number, e: number) => ({ text: src, start: lead + s, end: lead + e });
      const p = splitUrl(text);
      const varIn = (s: number, e: number) => hasVariable(src, { start: lead + s, end: lead + e });
      if (!p.scheme && !p.hostSpan) {
        if (looksLikePath(text)) ctx.report({ messageId: "relativeSrc", data: { src: text }, at: at(0, text.length) });
        continue;
      }
      if (p.scheme === "http" && requireHttps && !varIn(0, 4)) ctx.report({ messageId: "insecureSrc", at: at(0, 4), suggestions: [{ messageId: "useHttps", text: "https" }] });
      if (hosts.length) {
        const web = !p.scheme || p.scheme === "http" || p.scheme === "https";
        if (!web) ctx.report({ messageId: "notHosted", data: { where: `a ${p.scheme}: URL`, hosts: hosts.join(", ") }, at: at(0, text.length) });
        else if (p.host && p.hostSpan && !varIn(p.hostSpan.start, p.hostSpan.end) && !hosts.some((h) => hostWithin(p.host!, h)))
          ctx.report({ messageId: "notHosted", data: { where: p.host, hosts: hosts.join(", ") }, at: at(p.hostSpan.start, p.hostSpan.end) });
      }
      if (retired.length) checkRetired(src, "image");
    }
    if (!retired.length) return;
    for (const link of variantLinks(variant)) {
      if (!fromVariables(link.url)) checkRetired(link.url, "asset");
    }
  },
});
