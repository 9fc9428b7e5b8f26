/**
 * offer-consistency — every variant of a campaign tells customers the same offer.
 *
 * Why: "the email says 20% off while the SMS says 10%" is the defect brand teams fear
 * most; a wrong code or an expired offer costs money and trust. The rule sees all
 * variants of a campaign at once and checks that every discount a variant states
 * equals the declared offer's (or, with no offer declared, that the variants agree),
 * that every promo-code-looking word is the campaign's code, that the send dates lie
 * in the offer's window, and that a variant stating the discount also states the code.
 *
 * Options: `cueDistance` (how many words away a cue word may be), `requireCode`,
 * `upTo` ("check" or "ignore" "up to 30%" statements), `extraCues` and
 * `extraNonDiscountCues` (cue words by locale tag, "*" for every locale). What the rule
 * knows about each language is data (lang/<tag>.json, extended by the config's
 * `languages`), never code.
 */
import { fieldsOf, type Variant } from "../src/campaign/model.js";
import { ADDING_A_LANGUAGE, languagesFor, languageTable } from "../src/config/languages.js";
import { defineRule, type RuleContext } from "../src/engine/rule.js";
import { isRealDate } from "../src/text/dates.js";
import {
  compileCues,
  findCodeCandidates,
  findDiscounts,
  formatLike,
  mentionsCode,
  percentValue,
  showPercent,
  type ClassifiedPercentage,
  type CodeCandidate,
} from "../src/text/discounts.js";
import type { MappedText, PieceKind } from "../src/text/mapped-text.js";
import { editDistance } from "../src/text/suggest.js";
import { channelNames } from "../src/text/lists.js";
import { CHANNELS, type Channel, type Offer } from "../src/types.js";
import { foldKey } from "../src/text/fold.js";
import { localeApplies } from "../src/text/locale.js";
import type { Languages } from "../src/text/phrases.js";
import { lazy } from "../src/text/lazy.js";

interface Options {
  cueDistance: number;
  requireCode: boolean;
  upTo: "check" | "ignore";
  extraCues: Record<string, string[]>;
  extraNonDiscountCues: Record<string, string[]>;
}

/** A discount as one variant states it. */
interface Statement {
  variant: Variant;
  text: MappedText;
  p: ClassifiedPercentage;
}

/** Only what a person wrote (or the config supplies) is checked; never URLs, code, variable values. */
const PROSE: readonly PieceKind[] = ["text", "config"];

/** The text with the characters of some piece kinds blanked out (offsets unchanged). */
function blank(m: MappedText, kinds: readonly PieceKind[]): string {
  let out = "";
  let at = 0;
  for (const p of m.pieces) {
    if (!kinds.includes(p.kind) || p.end <= p.start) continue;
    out += m.text.slice(at, p.start) + " ".repeat(p.end - p.start);
    at = p.end;
  }
  // A text with none of those pieces is itself (and shares the other rules' tokens and sentences).
  return at === 0 ? m.text : out + m.text.slice(at);
}

const sameValue = (a: number, b: number) => Math.abs(a - b) < 1e-9;

const dateFormat = lazy(() => new Intl.DateTimeFormat("en", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" }));
const utc = (d: string) => new Date(`${d}T00:00:00Z`);
const isDate = (d: unknown): d is string => typeof d === "string" && isRealDate(d);

/** "Mar 1 – 31, 2026", "from Mar 1, 2026", "until Mar 31, 2026". */
function offerWindow(offer: Offer): string | undefined {
  const s = isDate(offer.starts) ? utc(offer.starts) : undefined;
  const e = isDate(offer.ends) ? utc(offer.ends) : undefined;
  // formatRange puts thin spaces around the dash; messages use plain ones.
  if (s && e) return dateFormat().formatRange(s, e).replace(/[\u2009\u202F]/g, " ");
  if (s) return `from ${dateFormat().format(s)}`;
  if (e) return `until ${dateFormat().format(e)}`;
  return undefined;
}


/**
 * The known code a code-like word was probably meant to be: within edit distance 1
 * (2 for codes of 7 characters or more) and at most one character longer or shorter.
 * The campaign's own code wins a tie.
 */
function nearMiss(word: string, offers: readonly Offer[], own: Offer | undefined): string | undefined {
  let best: { code: string; d: number } | undefined;
  for (const o of own ? [own, ...offers.filter((x) => x !== own)] : offers) {
    const code = o.code.toUpperCase();
    if (Math.abs(code.length - word.length) > 1) continue;
    const d = editDistance(word.normalize("NFKC").toUpperCase(), code);
    const limit = Math.max(code.length, word.length) >= 7 ? 2 : 1;
    if (d <= limit && (!best || d < best.d)) best = { code: o.code, d };
  }
  return best?.code;
}

function extraFor(lists: Record<string, string[]>, locale: string): string[] {
  return Object.entries(lists).flatMap(([tag, words]) => (tag === "*" || localeApplies(tag, locale) ? words : []));
}

const withExtras = new WeakMap<object, Map<string, Languages>>();

/** The config's languages, plus the rule options' extra cue words as one more entry (cached). */
function languagesWith(ctx: RuleContext<Options>, locale: string): Languages {
  const base = languagesFor(ctx.config.data);
  const discountCues = extraFor(ctx.options.extraCues ?? {}, locale);
  const factWords = extraFor(ctx.options.extraNonDiscountCues ?? {}, locale);
  if (!discountCues.length && !factWords.length) return base;
  let m = withExtras.get(base);
  if (!m) withExtras.set(base, (m = new Map()));
  const key = JSON.stringify([discountCues, factWords]);
  let out = m.get(key);
  if (!out) m.set(key, (out = { ...base, "x-options": { discountCues, factWords } }));
  return out;
}

export default defineRule<Options>({
  meta: {
    id: "offer-consistency",
    description: "Every variant states the campaign offer's discount and code, the variants agree, and the send date lies in the offer's window.",
    rationale:
      "“The email says 20% off while the SMS says 10%” is the defect customers notice first: a wrong discount, another offer's code or an expired offer costs money, support calls and trust, and no reviewer compares five channels by hand.",
    docs: { url: "docs/rules/offer-consistency.md" },
    channels: CHANNELS,
    scope: "campaign",
    defaultSeverity: "error",
    fixable: false,
    hasSuggestions: true,
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        cueDistance: { type: "integer", minimum: 1, maximum: 10, description: "How many words away from a percentage a cue word may be (default 3; 1 = adjacent)." },
        requireCode: { type: "boolean", description: "Warn when a variant states the discount but not the offer's code (default true)." },
        upTo: { enum: ["check", "ignore"], description: "“Up to 30%” must equal the offer's discount too (check, default) or is skipped (ignore)." },
        extraCues: {
          type: "object",
          description: "More words that make a nearby percentage a discount, by locale tag (\"*\" for every locale); a trailing * matches any ending.",
          additionalProperties: { type: "array", items: { type: "string", minLength: 1 } },
        },
        extraNonDiscountCues: {
          type: "object",
          description: "More words that make a nearby percentage something else (a rate, a share, a material), by locale tag (\"*\" for every locale).",
          additionalProperties: { type: "array", items: { type: "string", minLength: 1 } },
        },
      },
    },
    defaultOptions: { cueDistance: 3, requireCode: true, upTo: "check", extraCues: {}, extraNonDiscountCues: {} },
    messages: {
      wrongDiscount: "‘{found}’ does not match this campaign's offer: {code} is {expected}",
      disagree: "‘{found}’ disagrees with the rest of the campaign: {expected} in {others}",
      otherOfferCode: "‘{found}’ is the code of another offer ({details}); this campaign's offer is {code}",
      nearMissCode: "‘{found}’ is not an offer code — did you mean {suggest}?{hint}",
      unknownCode: "‘{found}’ is not an offer code in brand.config.json{hint}",
      sendBeforeStart: "{what} {date} is before offer {code} starts ({window})",
      sendAfterEnd: "{what} {date} is after offer {code} ended ({window})",
      missingCode: "States the discount but not the code {code}: customers need it to get {expected}",
      useDiscount: "Write ‘{text}’ (offer {code})",
      useCode: "Write ‘{code}’",
    },
    examples: {
      valid: [
        {
          title: "the offer's discount, in any notation, with its code",
          config: { offers: [{ code: "SPRING20", discount: "20%", starts: "2026-03-01", ends: "2026-03-31" }] },
          files: { "message.md": "---\noffer: SPRING20\nsend: 2026-03-20\n---\nTake 20 % off with SPRING20. Shirts -20%, all 100% cotton.\n" },
        },
        {
          title: "taxes, rates and materials are not discounts",
          config: { offers: [{ code: "SPRING20", discount: "20%" }] },
          files: { "campaign.json": '{ "offer": "SPRING20", "locale": "pl" }', "sms.txt": "Rabat 20% z kodem SPRING20. Ceny zawierają 23% VAT, RRSO 4,9%." },
        },
      ],
      invalid: [
        {
          title: "a variant states another discount than the offer's",
          config: { offers: [{ code: "SPRING20", discount: "20%" }] },
          files: { "message.md": "---\noffer: SPRING20\n---\nTake 25% off with SPRING20.\n" },
          errors: [{ messageId: "wrongDiscount", line: 4, column: 6, message: "‘25%’ does not match this campaign's offer: SPRING20 is 20%", channels: ["email", "sms", "push", "whatsapp", "social"], suggestions: [{"desc":"Write ‘20%’ (offer SPRING20)","output":{"message.md":"---\noffer: SPRING20\n---\nTake 20% off with SPRING20.\n"}}] }],
        },
        {
          title: "a percent word of the language data (German Prozent)",
          config: { offers: [{ code: "SPRING20", discount: "20%" }] },
          files: { "campaign.json": '{ "offer": "SPRING20", "locale": "de" }', "sms.txt": "Jetzt 25 Prozent Rabatt mit SPRING20" },
          errors: [{ messageId: "wrongDiscount", line: 1, column: 7, endColumn: 17, message: "‘25 Prozent’ does not match this campaign's offer: SPRING20 is 20%", suggestions: [{"desc":"Write ‘20 Prozent’ (offer SPRING20)","output":{"sms.txt":"Jetzt 20 Prozent Rabatt mit SPRING20"}}] }],
        },
        {
          title: "with no offer declared, a hand-written variant disagrees with the others",
          files: { "message.md": "---\nchannels: [email, push]\n---\nSave 20% on jackets.\n", "sms.txt": "Acme: 10% off jackets" },
          errors: [{ messageId: "disagree", file: "sms.txt", line: 1, column: 7, message: "‘10%’ disagrees with the rest of the campaign: 20% in email and push" }],
        },
        {
          title: "a mistyped code, with a did-you-mean",
          config: { offers: [{ code: "SPRING20", discount: "20%" }] },
          files: { "campaign.json": '{ "offer": "SPRING20" }', "sms.txt": "Acme: 20% off with SPRING25" },
          errors: [{ messageId: "nearMissCode", line: 1, column: 20, message: "‘SPRING25’ is not an offer code — did you mean SPRING20?", suggestions: [{"desc":"Write ‘SPRING20’","output":{"sms.txt":"Acme: 20% off with SPRING20"}}] }],
        },
        {
          title: "a variant states the discount but not the code (a warning)",
          config: { offers: [{ code: "SPRING20", discount: "20%" }] },
          files: { "campaign.json": '{ "offer": "SPRING20" }', "push.json": '{ "title": "Spring sale", "body": "20% off everything" }' },
          errors: [{ messageId: "missingCode", line: 1, column: 36, message: "States the discount but not the code SPRING20" }],
        },
        {
          title: "the send date lies after the offer ended",
          config: { offers: [{ code: "SPRING20", discount: "20%", starts: "2026-03-01", ends: "2026-03-31" }] },
          files: { "message.md": "---\noffer: SPRING20\nsend: 2026-04-02\n---\nTake 20% off with SPRING20.\n" },
          errors: [{ messageId: "sendAfterEnd", line: 3, column: 7, message: "send date 2026-04-02 is after offer SPRING20 ended (Mar 1 – 31, 2026)" }],
        },
      ],
    },
    notes: [
      "## What counts as a discount",
      "",
      "A percentage is `20%`, `20 %` (a space, no-break space or narrow no-break space between), `-20%`, `%20`, `٢٠٪` or `۲۰٪` (digits of every numbering system `Intl` knows, and the Arabic percent sign), a range `10–20%`, or a number and a percent word of any language (`20 percent`, `20 Prozent`, `20 persen`, `20 процентов`, `٢٠ بالمئة`, Turkish `yüzde 20` with the word first). Digits are normalised before values are compared, so `٢٠٪` equals `20%`; full-width forms (`３０％`, `ＳＡＬＥ１０`) fold to their ordinary ones.",
      "",
      "Whether a percentage is a *discount* is decided from the words around it (word boundaries from `Intl.Segmenter`, in the same sentence only — sentences come from `Intl.Segmenter` for the campaign's locale, so `。`, `！`, `।` and `؟` end them as `.` does; a blank line or a list item starts a new one):",
      "",
      "1. `0%` and `100%` or more are never discounts (0% APR, 100% cotton, 100% satisfaction).",
      "2. A tax or product-fact word right next to the number makes it something else: `23% VAT`, `19% MwSt.`, `НДС 20%`, `PPN 11%`, `ضريبة ١٥٪`, `50% cotton`, `4.9% APR`, `70% of customers`, `95％のお客様`.",
      "3. Otherwise the nearest cue within `cueDistance` words (default 3) decides: a discount word (`off`, `Rabatt`, `diskon`, `скидка`, `rabat`, `خصم`, `הנחה`, `indirim`, `オフ`, `优惠`, `할인`, `छूट`...), a code word, or one of the brand's offer codes — or a tax or fact word; a discount word wins a tie.",
      "4. With no cue either way, a leading minus (`-20%`, `до -30%`) is a discount.",
      "5. A percentage with no cue within `cueDistance` words of a discount, in the same sentence, is one too (`20% off shoes and 30% on bags`, `خصم ٢٠٪ على الأحذية و٣٠٪ على الحقائب`).",
      "6. Anything else (`20% of your order ships free`, `Flash sale! 30% on everything` across a sentence end) is not checked.",
      "",
      "Cue words are phrases of the language data, matched on whole words after folding (case with the locale's rules, width, Arabic tatweel and harakat, Greek tonos), with a language's attached prefixes (Arabic `و` `ب` `ال`: `بخصم`; Hebrew `ב` `ה` `ו` `ל` `כ` `ש`: `בהנחה`) and, in languages whose writers often drop diacritics (Polish `znizka`), without them. Every language's lists apply in every campaign, since copy mixes languages. The rule options `extraCues` and `extraNonDiscountCues` add words by locale tag (`\"*\"` for all); the config's `languages` (below) does the same per language, for every rule.",
      "",
      "## Built-in languages",
      "",
      ...languageTable(),
      "",
      ADDING_A_LANGUAGE,
      "",
      "## “Up to” and ranges",
      "",
      "“Save up to 30%”, “Hemat hingga 30%”, “Скидки до -30%”, “Rabat do 30%”, “خصم يصل إلى ٣٠٪” state the highest discount a customer can get, so by default they must equal the offer's discount like any other statement. A range (`10–20%`) is checked by its upper bound. Set `upTo: \"ignore\"` for campaigns whose offers are tiered.",
      "",
      "## What is checked",
      "",
      "- **With an offer declared** (`offer:` in the frontmatter or campaign.json): every discount in every field of every variant (subject, preheader, body, SMS text, push title and body, WhatsApp and social text) must equal the offer's `discount`. The finding suggests the offer's discount, written the way the text wrote it (`٢٠٪` → `١٥٪`). An offer whose discount is not a percentage (`\"free shipping\"`) is not compared; the variants must then agree, as below.",
      "- **With no offer declared**, the variants must agree: the value stated by the most variants (on a tie, the email's, else the first variant's) is the campaign's, and every discount in a field (email subject, preheader or body, SMS text, push title or body...) that does not state it at all is reported, naming the variants that do. A field stating the common value next to others (tiers: `20% off shoes, 30% off bags`) is not reported.",
      "- **Offer-like codes**: an upper-case word of letters and digits, 5 characters or more with at least one of each (`SPRING25`), or any upper-case word of 4 or more introduced as a code: right after a code word (`code SAVEBIG`, `promo code`, `kode promo`, `kod rabatowy`, `промокод`, `كود`, `クーポンコード`; not `product code`, `kod produktu`) or, in languages that write the code first, right before one (`KIS10 koduyla`, `SALE10をご利用`); a cue that follows a code of its own introduces nothing after it (`KIS10 koduyla MONT…`: MONT is not a code). ASCII letters and digits are a word of their own wherever the script changes (`クーポンコードSALE10`, `โค้ดSALE10`). Only prose is read: never URLs, inline code or variable values, nor hashtags and handles (`#SPRING26`). Such a word is reported when it is another offer's code (and the campaign declares an offer), when it is within edit distance 1 of a known code (2 for codes of 7 characters or more, length within one) but not a code itself, or when it follows a code word and is not a known code. Other look-alikes (SKUs, model numbers) are left alone.",
      "- **Send dates**: `send` and each channel's `<channel>.send` must lie within the offer's `starts`..`ends` (both inclusive); the finding is on the date in the metadata.",
      "- **Code stated** (a warning; `requireCode: false` turns it off): a variant that states a discount but nowhere mentions the declared offer's code (any case, as a whole word; a code only inside a link does not count). A variant with a wrong code gets only the wrong-code finding.",
      "",
      "## Limits",
      "",
      "- Discounts written without a percentage (`2 for 1`, `half price`, `$10 off`, `buy one get one`, Chinese `8折`) or with the number in words (`twenty percent`, `百分之二十`) are not recognised.",
      "- Cue words more than `cueDistance` words away, or in another sentence, are not seen (`SALE! 30% on everything`).",
      "- A percentage that is not a discount but has a discount word next to it (`Sale: 70% of customers love it`) is taken for one; add a word to `extraNonDiscountCues` for recurring cases.",
      "- Codes with punctuation inside (`SPRING-20`) or in lower case are not checked as codes, though the lower-case campaign code still counts as stated.",
    ].join("\n"),
  },
  check(ctx) {
    const { campaign, options } = ctx;
    const locale = campaign.meta.locale;
    const offers = ctx.config.data.offers ?? [];
    const offer = campaign.meta.offer === undefined ? undefined : offers.find((o) => o.code === campaign.meta.offer);
    const cues = compileCues(locale, languagesWith(ctx, locale));
    const offerValue = offer ? percentValue(offer.discount, cues) : undefined;
    const codes = offers.map((o) => o.code);

    const statements: Statement[] = [];
    const codeStated = new Set<Variant>();
    // A variant with a wrong code already has its finding; "the code is missing" would say it twice.
    const wrongCode = new Set<Variant>();
    for (const variant of ctx.variants) {
      for (const field of fieldsOf(variant)) {
        const m = field.sample;
        // URLs are blanked out: their words are neither cues nor statements.
        const prose = blank(m, ["url"]);
        for (const p of findDiscounts(prose, locale, cues, { cueDistance: options.cueDistance, codes })) {
          if (!p.discount || (options.upTo === "ignore" && p.upTo) || !m.isOnly(p.start, p.end, PROSE)) continue;
          statements.push({ variant, text: m, p });
        }
        for (const c of findCodeCandidates(prose, locale, cues)) if (m.isOnly(c.start, c.end, PROSE) && checkCode(ctx, variant, m, c, offers, offer)) wrongCode.add(variant);
        if (offer && mentionsCode(blank(m, ["url", "markup"]), offer.code, locale)) codeStated.add(variant);
      }
    }

    if (offer && offerValue !== undefined) {
      for (const { variant, text, p } of statements) {
        if (sameValue(p.value, offerValue)) continue;
        const replacement = formatLike(text.text, p, offerValue);
        ctx.report({
          messageId: "wrongDiscount",
          data: { found: text.text.slice(p.start, p.end), code: offer.code, expected: offer.discount },
          at: { text, start: p.start, end: p.end },
          channels: [variant.channel],
          suggestions: [{ messageId: "useDiscount", data: { text: replacement, code: offer.code }, text: replacement }],
        });
      }
    } else checkAgreement(ctx, statements);

    if (offer && options.requireCode) {
      const reported = new Set<Variant>();
      for (const { variant, text, p } of statements) {
        if (codeStated.has(variant) || wrongCode.has(variant) || reported.has(variant)) continue;
        reported.add(variant);
        ctx.report({
          messageId: "missingCode",
          data: { code: offer.code, expected: offer.discount },
          at: { text, start: p.start, end: p.end },
          channels: [variant.channel],
          severity: 1,
        });
      }
    }

    if (offer) checkSendDates(ctx, offer);
  },
});

/**
 * With no comparable offer: the value most variants state (on a tie, the email's, else
 * the first variant's) is the campaign's; every field (subject, SMS text, push title...)
 * that states discounts but not that value is reported, statement by statement.
 */
function checkAgreement(ctx: RuleContext<Options>, statements: readonly Statement[]): void {
  const variants = [...new Set(statements.map((s) => s.variant))].sort((a, b) => Number(b.channel === "email") - Number(a.channel === "email"));
  if (variants.length < 2) return;
  const stating = (value: number) => variants.filter((v) => statements.some((s) => s.variant === v && sameValue(s.p.value, value)));
  const support = (value: number) => stating(value).length;
  // Variants are in email-first order and only a larger support replaces the value, so a tie keeps the earlier one.
  let common = statements.find((s) => s.variant === variants[0])!.p.value;
  for (const v of variants) for (const s of statements) if (s.variant === v && support(s.p.value) > support(common)) common = s.p.value;
  const others = channelNames(stating(common).map((v) => v.channel));
  const byField = new Map<MappedText, Statement[]>();
  for (const s of statements) byField.set(s.text, [...(byField.get(s.text) ?? []), s]);
  for (const ss of byField.values()) {
    if (ss.some((s) => sameValue(s.p.value, common))) continue;
    for (const { variant, text, p } of ss)
      ctx.report({
        messageId: "disagree",
        data: { found: text.text.slice(p.start, p.end), expected: showPercent(common), others },
        at: { text, start: p.start, end: p.end },
        channels: [variant.channel],
      });
  }
}

/** Another offer's code, a near miss of a known code, or an unknown word after "code". True when reported. */
function checkCode(ctx: RuleContext<Options>, variant: Variant, text: MappedText, c: CodeCandidate, offers: readonly Offer[], offer: Offer | undefined): boolean {
  if (!offers.length) return false;
  const at = { text, start: c.start, end: c.end };
  const channels = [variant.channel];
  const known = offers.find((o) => foldKey(o.code, "und") === foldKey(c.text, "und"));
  if (known) {
    if (!offer || known === offer) return false;
    const win = offerWindow(known);
    ctx.report({
      messageId: "otherOfferCode",
      data: { found: c.text, details: win ? `${known.discount}, ${win}` : known.discount, code: offer.code },
      at,
      channels,
      suggestions: [{ messageId: "useCode", data: { code: offer.code }, text: offer.code }],
    });
    return true;
  }
  const suggest = nearMiss(c.text, offers, offer);
  if (suggest) {
    const hint = offer && suggest !== offer.code ? ` (this campaign's offer is ${offer.code})` : "";
    ctx.report({ messageId: "nearMissCode", data: { found: c.text, suggest, hint }, at, channels, suggestions: [{ messageId: "useCode", data: { code: suggest }, text: suggest }] });
    return true;
  }
  if (c.afterCodeWord) {
    ctx.report({
      messageId: "unknownCode",
      data: { found: c.text, hint: offer ? `; this campaign's offer is ${offer.code}` : ` (it lists ${offers.map((o) => o.code).join(", ")})` },
      at,
      channels,
      ...(offer ? { suggestions: [{ messageId: "useCode", data: { code: offer.code }, text: offer.code }] } : {}),
    });
    return true;
  }
  return false;
}

/** `send` and `<channel>.send` lie within the offer's window. */
function checkSendDates(ctx: RuleContext<Options>, offer: Offer): void {
  const { meta, metaSource } = ctx.campaign;
  // The window's text (a DateTimeFormat: the first costs milliseconds of ICU set-up) only for a finding.
  if (!metaSource || (!isDate(offer.starts) && !isDate(offer.ends))) return;
  const dates: { path: string[]; what: string; date: unknown; channels: Channel[] }[] = [];
  const own = meta.channels.filter((c) => meta[c]?.send !== undefined);
  if (meta.send !== undefined) dates.push({ path: ["send"], what: "send date", date: meta.send, channels: meta.channels.filter((c) => !own.includes(c)) });
  for (const c of own) dates.push({ path: [c, "send"], what: `${c}.send date`, date: meta[c]!.send, channels: [c] });
  for (const d of dates) {
    if (!isDate(d.date)) continue;
    const early = isDate(offer.starts) && d.date < offer.starts;
    const late = isDate(offer.ends) && d.date > offer.ends;
    if (!early && !late) continue;
    ctx.report({
      messageId: early ? "sendBeforeStart" : "sendAfterEnd",
      data: { what: d.what, date: d.date, code: offer.code, window: offerWindow(offer)! },
      at: { file: metaSource.file, ...metaSource.locate(d.path) },
      channels: d.channels.length ? d.channels : meta.channels,
    });
  }
}
