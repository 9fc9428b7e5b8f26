/**
 * required-elements — what the law and the brand require in every message: the
 * email's unsubscribe link and postal address, the SMS opt-out (in the campaign's
 * language) and the sender name at the start of an SMS.
 *
 * Why: a marketing email without an unsubscribe link or a postal address breaks
 * CAN-SPAM and GDPR practice; an SMS without the opt-out, or with the opt-out in
 * the wrong language, breaks carrier rules; an SMS that does not say who sends it
 * reads like spam. Rendered variants get these from brand.config.json, so for them
 * the rule checks the config; hand-written templates are checked as written.
 *
 * Config: `channels.email.requireUnsubscribe`, `brand.unsubscribeUrl`, `brand.address`,
 * `channels.sms.requireOptOut`, `channels.sms.optOut` (a string or a map by locale),
 * `channels.sms.requireSender`, `brand.sender` (else `brand.name`).
 * Options: `unsubscribeWords` — more link texts that mean "unsubscribe";
 * `optOutAtEnd` — also require the opt-out to be the last thing in the SMS.
 */
import { defineRule, type RuleContext } from "../src/engine/rule.js";
import type { EmailVariant, SmsVariant, Variant } from "../src/campaign/model.js";
import type { JsonPath } from "../src/config/problems.js";
import { unsubscribeLabel } from "../src/render/email.js";
import { emailDoc, walkElements, textContent } from "../src/render/mjml-doc.js";
import { pickLocalized } from "../src/render/variants.js";
import { cueKey } from "../src/text/discounts.js";
import type { MappedText } from "../src/text/mapped-text.js";
import { foldCase, tokenize } from "../src/text/words.js";
import { builtInLanguages } from "../src/config/languages.js";
import { findLoose } from "../src/text/terms.js";
import { lazy } from "../src/text/lazy.js";

interface Options {
  unsubscribeWords: string[];
  optOutAtEnd: boolean;
}

type Ctx = RuleContext<Options>;

/**
 * Link texts (and URL fragments) that mean "unsubscribe": the `optOutWords` of every
 * language data file (lang/<tag>.json), compared after case and accent folding. Brands
 * add their own through the `unsubscribeWords` option.
 */
export const UNSUBSCRIBE_WORDS: readonly string[] = Object.values(builtInLanguages()).flatMap((l) => l.optOutWords ?? []);

const languageNames = lazy(() => new Intl.DisplayNames(["en"], { type: "language" }));
/** "Indonesian (id)" for a locale tag; "default" stays as it is. */
function languageName(tag: string): string {
  if (tag === "default") return "default";
  try {
    const name = languageNames().of(tag);
    return name && name !== tag ? `${name} (${tag})` : tag;
  } catch {
    return tag;
  }
}

/** The value at a path of the config file as written (before overrides). */
function rawAt(value: unknown, path: JsonPath): unknown {
  let v = value;
  for (const k of path) {
    if (!v || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

/** Where a `channels.*` setting was written: the base config, else the first override that sets it. */
function channelSettingPath(ctx: Ctx, tail: JsonPath): JsonPath {
  const raw = ctx.config.doc.value;
  const base = ["channels", ...tail];
  if (rawAt(raw, base) !== undefined) return base;
  const overrides = rawAt(raw, ["overrides"]);
  if (Array.isArray(overrides))
    for (let i = 0; i < overrides.length; i++) {
      const p = ["overrides", i, "channels", ...tail];
      if (rawAt(raw, p) !== undefined) return p;
    }
  return base;
}

function atConfig(ctx: Ctx, path: JsonPath) {
  return { file: ctx.config.file, ...ctx.config.locate(path) };
}

/** The opt-out search (linear; shared with src/text). */
export { findLoose };

/** Offset just past the last character of a text that is not white space (linear, unlike /\s*$/). */
function trimmedEnd(s: string): number {
  return s.trimEnd().length;
}

/**
 * A safe insertion point in the hand-written file at the end of a variant text: the
 * source position right after the text's last character, provided nothing but white
 * space follows it in the file (so it is not inside a block or before a comment).
 */
function endInsertion(variant: Variant, text: MappedText): number | undefined {
  if (variant.origin !== "handwritten") return undefined;
  const e = trimmedEnd(text.text);
  if (e === 0) return undefined;
  const loc = text.locate(e - 1, e);
  if (!loc || loc.file !== variant.file) return undefined;
  return trimmedEnd(variant.file.text) === loc.end ? loc.end : undefined;
}

/** The same at the start: the source position of the text's first character, with only white space before it. */
function startInsertion(variant: Variant, text: MappedText): number | undefined {
  if (variant.origin !== "handwritten") return undefined;
  const s = text.text.length - text.text.trimStart().length;
  if (s >= text.length) return undefined;
  const loc = text.locate(s, s + 1);
  if (!loc || loc.file !== variant.file || !loc.exact) return undefined;
  return variant.file.text.slice(0, loc.start).trim() === "" ? loc.start : undefined;
}

/** Does a glob-like URL template (`{{var}}` matches anything) match a URL? Compared without query and fragment. */
export function matchesUrlTemplate(template: string, url: string): boolean {
  const strip = (u: string) => u.trim().replace(/[?#].*$/su, "").toLowerCase();
  const parts = strip(template).split(/\{\{\{?[^}]*\}\}\}?/u);
  const target = strip(url);
  if (parts.length === 1) return target === parts[0];
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (!target.startsWith(first) || !target.endsWith(last) || target.length < first.length + last.length) return false;
  let at = first.length;
  const stop = target.length - last.length;
  for (const mid of parts.slice(1, -1)) {
    const i = target.indexOf(mid, at);
    if (i === -1 || i + mid.length > stop) return false;
    at = i + mid.length;
  }
  return true;
}

export interface AddressMatch {
  /** How many of the address's words appear, in order and contiguous, from its first word. */
  words: number;
  total: number;
  /** Offset in the text just after the last matched word. */
  end: number;
  /** Offset in the address where its first unmatched word starts. */
  missingFrom: number;
}

/**
 * How much of an address a text shows: the longest run of the address's words, from
 * its first word on, that appears contiguously in the text. Case, punctuation and line
 * breaks (`<br/>`) do not matter.
 */
export function matchAddress(text: string, address: string, locale: string): AddressMatch {
  const words = (s: string) => tokenize(s, locale).filter((t) => t.word).map((t) => ({ key: foldCase(t.text, locale), start: t.start, end: t.end }));
  const n = words(address);
  const h = words(text);
  let best = { words: 0, end: 0 };
  for (let i = 0; i < h.length && best.words < n.length; i++) {
    let k = 0;
    while (k < n.length && i + k < h.length && h[i + k]!.key === n[k]!.key) k++;
    if (k > best.words) best = { words: k, end: h[i + k - 1]!.end };
  }
  return { ...best, total: n.length, missingFrom: n[best.words]?.start ?? address.length };
}

function checkEmail(ctx: Ctx, variant: EmailVariant): void {
  const { config, campaign, options } = ctx;
  const brand = config.data.brand;
  if (config.data.channels?.email?.requireUnsubscribe !== true) return;
  const requirePath = channelSettingPath(ctx, ["email", "requireUnsubscribe"]);
  const locale = campaign.meta.locale;
  if (!brand.address) ctx.report({ messageId: "addressNotConfigured", at: atConfig(ctx, requirePath) });
  if (variant.origin === "rendered") {
    // The generator writes the footer from the config: only the config can be missing something.
    if (!brand.unsubscribeUrl) ctx.report({ messageId: "unsubscribeUrlNotConfigured", at: atConfig(ctx, requirePath) });
    return;
  }
  const doc = emailDoc(variant.extra);
  const words = [...UNSUBSCRIBE_WORDS, ...options.unsubscribeWords, unsubscribeLabel(locale)].map((w) => cueKey(w, locale)).filter(Boolean);
  const hasUnsubscribe = variant.links.some((l) => {
    if (l.role === "unsubscribe") return true;
    if (brand.unsubscribeUrl && matchesUrlTemplate(brand.unsubscribeUrl, l.url.text)) return true;
    const url = cueKey(l.url.text, locale);
    const label = cueKey(l.text?.text ?? "", locale);
    return words.some((w) => label.includes(w) || url.includes(w.replace(/\s+/gu, "")));
  });
  const body = doc ? [...walkElements(doc.root)].find((e) => e.name === "mj-body" || e.name === "body") : undefined;
  const bodyText = doc && body ? textContent(body, doc.source) : variant.fields.body.sample;
  const address = brand.address ? matchAddress(bodyText?.text ?? "", brand.address, locale) : undefined;
  // Most of the address, from its start, is there: say what is missing, where it ends.
  const partial = address && bodyText && address.words < address.total && address.words >= 2 && address.words * 2 >= address.total;
  if (partial) {
    const missing = brand.address!.slice(address.missingFrom).trim();
    ctx.report({ messageId: "incompleteAddress", data: { missing, address: brand.address! }, at: { text: bodyText, start: address.end, end: address.end } });
  }
  const hasAddress = !address || address.words === address.total || partial;
  if (hasUnsubscribe && hasAddress) return;
  // Where a footer goes: the closing </mj-body> (else its opening tag, else the start of the file).
  let at: { file: Variant["file"]; start: number; end: number } = { file: variant.file, start: 0, end: 0 };
  const close = doc?.kind === "html" ? "</body>" : "</mj-body>";
  if (doc && body) {
    const text = doc.source.text;
    const close = text.lastIndexOf(`</${body.name}`, body.end);
    const loc = close >= body.openEnd ? doc.source.locate(close, body.end) : doc.source.locate(body.openStart, body.openEnd);
    if (loc && loc.file === variant.file) at = { file: loc.file, start: loc.start, end: loc.end };
  }
  if (!hasUnsubscribe) {
    const url = brand.unsubscribeUrl ? "{{unsubscribeUrl}}" : "…";
    ctx.report({ messageId: "missingUnsubscribeLink", data: { example: `<a href="${url}">${unsubscribeLabel(locale)}</a>`, close }, at });
  }
  if (!hasAddress) ctx.report({ messageId: "missingAddress", data: { address: brand.address!, close }, at });
}

function checkSms(ctx: Ctx, variant: SmsVariant): void {
  const { config, campaign, options } = ctx;
  const sms = config.data.channels?.sms;
  const field = variant.fields.text;
  if (!sms) return;
  const text = field.sample;
  const locale = campaign.meta.locale;
  if (!text.text.trim()) return;

  if (sms.requireSender) {
    const sender = config.data.brand.sender ?? config.data.brand.name;
    const s = text.text.length - text.text.trimStart().length;
    const head = text.text.slice(s, s + sender.length);
    const next = text.text.charAt(s + sender.length);
    if (foldCase(head, locale) !== foldCase(sender, locale) || /[\p{L}\p{N}]/u.test(next)) {
      const insert = startInsertion(variant, text);
      ctx.report({
        messageId: "missingSender",
        data: { sender, key: config.data.brand.sender ? "brand.sender" : "brand.name" },
        at: { text, start: s, end: s },
        ...(insert !== undefined ? { fix: { file: variant.file, start: insert, end: insert, text: `${sender}: ` } } : {}),
      });
    }
  }

  if (!sms.requireOptOut) return;
  const requirePath = channelSettingPath(ctx, ["sms", "requireOptOut"]);
  if (sms.optOut === undefined) {
    ctx.report({ messageId: "optOutNotConfigured", at: atConfig(ctx, requirePath) });
    return;
  }
  const picked = pickLocalized(sms.optOut, locale);
  const optOutPath = channelSettingPath(ctx, ["sms", "optOut"]);
  if (!picked) {
    ctx.report({ messageId: "noOptOutForLocale", data: { locale }, at: atConfig(ctx, optOutPath) });
    return;
  }
  const expected = picked.value;
  const which = picked.key !== undefined ? ` (the ${languageName(picked.key)} opt-out)` : "";
  const found = findLoose(text.text, expected, locale);
  // Written by a person (the renderer's own appended copy comes from the config).
  const written = found.filter((r) => !text.isOnly(r.start, r.end, ["config", "markup"]));

  // An opt-out of another language in this SMS.
  let foreign = false;
  if (typeof sms.optOut === "object") {
    const overlaps = (a: string, b: string) => findLoose(a, b, locale).length > 0;
    for (const [tag, other] of Object.entries(sms.optOut)) {
      if (tag === picked.key || overlaps(other, expected) || overlaps(expected, other)) continue;
      for (const r of findLoose(text.text, other, locale)) {
        if (found.some((f) => f.start < r.end && r.start < f.end)) continue;
        foreign = true;
        ctx.report({
          messageId: "wrongOptOut",
          data: { found: text.text.slice(r.start, r.end), foundLanguage: languageName(tag), expected, language: languageName(locale) },
          at: { text, start: r.start, end: r.end },
          ...(written.length === 0 ? { fix: expected } : {}),
        });
      }
    }
  }
  if (found.length === 0) {
    if (foreign) return;
    const e = trimmedEnd(text.text);
    const loc = text.locate(e - 1, e);
    const insert = endInsertion(variant, text);
    ctx.report({
      messageId: "missingOptOut",
      data: { optOut: expected, which },
      at: loc ? { file: loc.file, start: loc.end, end: loc.end } : { text, start: e, end: e },
      ...(insert !== undefined ? { fix: { file: variant.file, start: insert, end: insert, text: ` ${expected}` } } : {}),
    });
    return;
  }
  if (options.optOutAtEnd) {
    const last = found[found.length - 1]!;
    if (/[^\s\p{P}]/u.test(text.text.slice(last.end))) ctx.report({ messageId: "optOutNotAtEnd", data: { optOut: expected }, at: { text, start: last.start, end: last.end } });
  }
}

export default defineRule<Options>({
  meta: {
    id: "required-elements",
    description: "Emails carry an unsubscribe link and the postal address; SMS carry the opt-out in the campaign's language and start with the sender name.",
    rationale:
      "A marketing email without an unsubscribe link or postal address, or an SMS without its opt-out, breaks the law and carrier rules and gets the brand's sender blocked; an SMS that does not say who is writing reads like spam.",
    docs: { url: "docs/rules/required-elements.md" },
    channels: ["email", "sms"],
    scope: "variant",
    defaultSeverity: "error",
    fixable: true,
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        unsubscribeWords: {
          type: "array",
          items: { type: "string", minLength: 1 },
          description: "More link texts (or URL words) that mean “unsubscribe” in a hand-written email, besides the built-in list.",
        },
        optOutAtEnd: { type: "boolean", description: "Also report an SMS whose opt-out is not the last thing in it." },
      },
    },
    defaultOptions: { unsubscribeWords: [], optOutAtEnd: false },
    messages: {
      missingUnsubscribeLink: "This email has no unsubscribe link; add one to the footer before {close}, e.g. {example}",
      incompleteAddress: "The postal address in this email is incomplete: add “{missing}” here (brand.address is “{address}”)",
      missingAddress: "This email does not show the postal address “{address}” (brand.address); add it to the footer before {close}",
      unsubscribeUrlNotConfigured:
        "Emails must carry an unsubscribe link (channels.email.requireUnsubscribe), but brand.unsubscribeUrl is not set, so rendered emails go out without one; add brand.unsubscribeUrl",
      addressNotConfigured: "Emails must show the postal address (channels.email.requireUnsubscribe), but brand.address is not set; add brand.address",
      missingOptOut: "This SMS has no opt-out; end it with “{optOut}”{which}",
      wrongOptOut: "This SMS has the {foundLanguage} opt-out “{found}”; an SMS in {language} must use “{expected}”",
      optOutNotAtEnd: "The opt-out “{optOut}” should be the last thing in the SMS; move it to the end",
      optOutNotConfigured: "SMS must carry an opt-out (channels.sms.requireOptOut), but channels.sms.optOut is not set; add the text customers reply with, e.g. “Reply STOP to opt out”",
      noOptOutForLocale: "channels.sms.optOut has no opt-out for locale “{locale}” and no “default”; add one, or SMS in this language go out without an opt-out",
      missingSender: "This SMS must start with the sender name “{sender}” ({key}), e.g. “{sender}: …”, so customers know who is writing",
    },
    examples: {
      valid: [
        {
          title: "a hand-written email with an unsubscribe link and the address",
          config: { brand: { name: "Acme", address: "Acme Inc., 1 Main St, Springfield", unsubscribeUrl: "https://acme.example/u/{{userId}}" }, channels: { email: { requireUnsubscribe: true } } },
          files: {
            "email.mjml":
              '<mjml><mj-body><mj-section><mj-column>\n  <mj-text>Spring sale!</mj-text>\n  <mj-text>Acme Inc.<br/>1 Main St, Springfield · <a href="{{unsubscribeUrl}}">Unsubscribe</a></mj-text>\n</mj-column></mj-section></mj-body></mjml>\n',
          },
        },
        {
          title: "an Indonesian SMS ending with the Indonesian opt-out",
          config: { channels: { sms: { requireOptOut: true, optOut: { default: "Reply STOP to opt out", id: "Balas STOP untuk berhenti" } } } },
          files: { "campaign.json": '{ "locale": "id" }', "sms.txt": "Acme: diskon 20% hari ini. Balas stop untuk berhenti\n" },
        },
      ],
      invalid: [
        {
          title: "an Indonesian SMS with the English opt-out",
          config: { channels: { sms: { requireOptOut: true, optOut: { en: "Reply STOP to opt out", id: "Balas STOP untuk berhenti" } } } },
          files: { "campaign.json": '{ "locale": "id" }', "sms.txt": "Acme: diskon 20% hari ini. Reply STOP to opt out\n" },
          errors: [
            {
              messageId: "wrongOptOut",
              file: "sms.txt",
              line: 1,
              column: 28,
              message: "This SMS has the English (en) opt-out “Reply STOP to opt out”; an SMS in Indonesian (id) must use “Balas STOP untuk berhenti”",
            },
          ],
          output: { "sms.txt": "Acme: diskon 20% hari ini. Balas STOP untuk berhenti\n" },
        },
        {
          title: "a hand-written SMS without the opt-out gets it appended",
          config: { channels: { sms: { requireOptOut: true, optOut: "Reply STOP to opt out" } } },
          files: { "sms.txt": "Acme: 20% off today\n" },
          errors: [{ messageId: "missingOptOut", line: 1, column: 20, message: "This SMS has no opt-out; end it with “Reply STOP to opt out”" }],
          output: { "sms.txt": "Acme: 20% off today Reply STOP to opt out\n" },
        },
        {
          title: "an SMS that does not start with the sender",
          config: { brand: { name: "Acme", sender: "AcmeShop" }, channels: { sms: { requireSender: true } } },
          files: { "sms.txt": "20% off today\n" },
          errors: [{ messageId: "missingSender", line: 1, column: 1, message: "This SMS must start with the sender name “AcmeShop” (brand.sender), e.g. “AcmeShop: …”" }],
          output: { "sms.txt": "AcmeShop: 20% off today\n" },
        },
        {
          title: "a hand-written email without unsubscribe link or address",
          config: { brand: { name: "Acme", address: "Acme Inc., 1 Main St" }, channels: { email: { requireUnsubscribe: true } } },
          files: { "email.mjml": "<mjml>\n  <mj-body>\n    <mj-text>Spring sale!</mj-text>\n  </mj-body>\n</mjml>\n" },
          errors: [
            { messageId: "missingAddress", line: 4, column: 3, message: "This email does not show the postal address “Acme Inc., 1 Main St” (brand.address)" },
            { messageId: "missingUnsubscribeLink", line: 4, column: 3, message: "This email has no unsubscribe link; add one to the footer before </mj-body>, e.g. <a href=\"…\">Unsubscribe</a>" },
          ],
        },
      ],
    },
    notes: [
      "## Email",
      "",
      "Checked when `channels.email.requireUnsubscribe` is true.",
      "",
      "- **Rendered emails** (from message.md) get the footer from the config: the postal address from `brand.address` and the unsubscribe link from `brand.unsubscribeUrl`. The rule reports the config (at `channels.email.requireUnsubscribe` in brand.config.json) when either is missing.",
      "- **Hand-written email.mjml** must contain a link (`href` on any element) that is the unsubscribe link: its URL matches `brand.unsubscribeUrl` (each `{{variable}}` matches anything; query and fragment are ignored), or its URL or link text says unsubscribe in one of many languages (unsubscribe, opt out, berhenti berlangganan, отписаться, wypisz, إلغاء الاشتراك, … — add your own with `unsubscribeWords`). ESP merge tags like `*|UNSUB|*` count. The postal address must appear in the text as its words in order; case, punctuation and line breaks (`<br/>`) do not matter. When only its beginning is there (at least half of it, e.g. the country is missing), the finding sits where the written address ends and names the missing part.",
      "- A missing link or address is reported on the closing `</mj-body>`, where a footer goes (on `<mj-body>` when it is never closed, at the start of the file when there is none).",
      "",
      "## SMS",
      "",
      "- With `channels.sms.requireOptOut`, the SMS must contain the opt-out for the campaign's locale: `channels.sms.optOut` is a string, or a map by locale picked by exact tag (`pt-BR`), then language (`pt`), then `\"default\"`. Case and white space do not matter.",
      "- An opt-out of another locale in the map (the English one in an Indonesian SMS) is reported where it is written, naming the one expected; `--fix` replaces it.",
      "- A missing opt-out is reported at the end of the SMS. In a hand-written sms.txt whose text ends the file, `--fix` appends a space and the opt-out. A rendered SMS gets the opt-out appended by the renderer, so only the config can be missing something there.",
      "- With `optOutAtEnd`, an opt-out followed by more text is reported too.",
      "- With `channels.sms.requireSender`, the SMS must start with `brand.sender` (else `brand.name`), in any case, followed by a non-letter (“Acme: …”, “ACME - …”). `--fix` prepends “Sender: ” to a hand-written sms.txt.",
    ].join("\n"),
  },
  check(ctx) {
    const { variant } = ctx;
    if (!variant) return;
    if (variant.channel === "email") checkEmail(ctx, variant);
    else if (variant.channel === "sms") checkSms(ctx, variant);
  },
});
