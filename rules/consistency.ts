/**
 * consistency — one campaign, one story: the brand name spelled as configured in
 * every variant, and every variant that states when the offer ends stating the
 * same day.
 *
 * Why: "LUMEN" in the SMS and "Lumen" in the email look like two companies, and an
 * email that says the sale runs until March 31 next to an SMS that says March 30
 * costs either sales or trust. Copywriters edit channels one at a time; this rule
 * reads them side by side.
 *
 * Brand name: a word (or phrase) equal to `brand.name` ignoring case but written in
 * another case is reported and fixed. End dates: dates introduced by an "until /
 * ends" cue are extracted from every variant (src/text/dates.ts), normalised to
 * month and day and compared with the campaign offer's `ends`, else with the
 * majority of variants (ties go to the email).
 *
 * Options: `brandName`, `endDates` (turn either check off), `allow` (other spellings
 * that are fine, e.g. "lumen" as a unit), `allowAllCaps` (the name in capitals inside
 * an all-capitals passage), `numericDates` ("auto" | "dmy" | "mdy").
 */
import { defineRule, type RuleContext } from "../src/engine/rule.js";
import { fieldsOf, type Variant } from "../src/campaign/model.js";
import type { MappedText } from "../src/text/mapped-text.js";
import { PhraseMatcher } from "../src/text/terms.js";
import { builtInLanguages, languagesFor } from "../src/config/languages.js";
import { findEndDates, formatMonthDay, numericOrderFor, type NumericOrder } from "../src/text/dates.js";
import { localeApplies } from "../src/text/locale.js";
import { CharOffsets } from "../src/text/offsets.js";
import { sentenceFinder, type SentenceRange } from "../src/text/sentences.js";
import { channelNames } from "../src/text/lists.js";
import type { BrandConfig, Channel } from "../src/types.js";
import { CHANNELS } from "../src/types.js";

interface Options {
  brandName: boolean;
  endDates: boolean;
  allow: string[];
  allowAllCaps: boolean;
  numericDates: "auto" | NumericOrder;
}

type Ctx = RuleContext<Options>;


/** Spellings of the brand name that tone-words already reports (case-sensitive preferred terms). */
function toneWordsHandles(config: BrandConfig, locale: string): Set<string> {
  const lists = [config.tone ?? {}, ...Object.entries(config.tone?.locales ?? {}).filter(([tag]) => localeApplies(tag, locale)).map(([, l]) => l)];
  return new Set(lists.flatMap((l) => (l.terms ?? []).filter((t) => t.caseSensitive).flatMap((t) => t.instead)));
}

/**
 * What the brand-name check asks about the text around each match, answered from one
 * pass over the text (a scan of the match's line, sentence or word per match was
 * quadratic on a text holding the name thousands of times).
 */
class Surroundings {
  private spaces?: CharOffsets;
  private breaks?: CharOffsets;
  private sentence?: (start: number) => SentenceRange;
  private addressLike = new Map<number, boolean>();
  /** Per UTF-16 offset: the length of the cased letters before it, and of those that are not capitals. */
  private cased?: Uint32Array;
  private lower?: Uint32Array;
  constructor(
    readonly text: string,
    readonly locale: string,
  ) {}

  /** Is a match part of a URL, an email address, a handle, a hashtag or a domain name? */
  inAddressLike(start: number, end: number): boolean {
    const { text } = this;
    // White space as one UTF-16 unit (\s holds no astral character), in one regex pass.
    this.spaces ??= new CharOffsets(text, /\s/gu);
    const s = this.spaces.before(start) + 1;
    const after = this.spaces.from(end);
    const e = after === -1 ? text.length : after;
    // One look at each stretch without white space, however many matches it holds.
    let address = this.addressLike.get(s);
    if (address === undefined) this.addressLike.set(s, (address = /[@#]|:\/\/|^www\./iu.test(text.slice(s, e))));
    if (address) return true;
    // A domain: a dot between letters right next to the name (acme.example, shop.acme.com).
    return /^\.[\p{L}\p{N}]/u.test(text.slice(end, end + 2)) || /[\p{L}\p{N}]\.$/u.test(text.slice(Math.max(0, start - 2), start));
  }

  /**
   * Is the name inside a sentence (or line) written in capitals (a shouted headline),
   * where capitals are a style? At least two other cased letters, every one a capital.
   */
  inAllCaps(start: number, end: number): boolean {
    const { text, locale } = this;
    this.breaks ??= new CharOffsets(text, /\n/g);
    this.sentence ??= sentenceFinder(text, locale);
    if (!this.cased || !this.lower) {
      this.cased = new Uint32Array(text.length + 1);
      this.lower = new Uint32Array(text.length + 1);
      let i = 0;
      for (const c of text) {
        const cased = /\p{L}/u.test(c) && c.toLocaleLowerCase(locale) !== c.toLocaleUpperCase(locale);
        const lower = cased && c !== c.toLocaleUpperCase(locale);
        for (let k = 0; k < c.length; k++, i++) {
          this.cased[i + 1] = this.cased[i]! + (cased && k === 0 ? c.length : 0);
          this.lower[i + 1] = this.lower[i]! + (lower && k === 0 ? c.length : 0);
        }
      }
    }
    const s = this.sentence(start);
    const lineStart = this.breaks.before(start) + 1;
    const nl = this.breaks.from(end);
    const from = Math.max(s.start, lineStart);
    const to = Math.min(s.end, nl === -1 ? text.length : nl);
    const count = (a: Uint32Array, x: number, y: number) => (y > x ? a[y]! - a[x]! : 0);
    const cased = count(this.cased, from, start) + count(this.cased, end, to);
    return cased >= 2 && count(this.lower, from, start) + count(this.lower, end, to) === 0;
  }
}

function checkBrandName(ctx: Ctx): void {
  const { config, campaign, options } = ctx;
  const brand = config.data.brand.name;
  const locale = campaign.meta.locale;
  const matcher = new PhraseMatcher([{ term: brand, payload: true }], locale);
  if (matcher.size === 0) return;
  const allowed = new Set([brand, ...options.allow, ...toneWordsHandles(config.data, locale)]);
  for (const variant of ctx.variants)
    for (const field of fieldsOf(variant)) {
      const text = field.sample;
      const around = new Surroundings(text.text, locale);
      for (const m of matcher.match(text.text)) {
        if (allowed.has(m.text)) continue;
        if (!m.words.every((w) => text.isOnly(w.start, w.end, ["text"]))) continue;
        if (around.inAddressLike(m.start, m.end)) continue;
        const upper = m.text === m.text.toLocaleUpperCase(locale);
        if (options.allowAllCaps && upper && around.inAllCaps(m.start, m.end)) continue;
        ctx.report({ messageId: "brandName", data: { brand, found: m.text }, at: { text, start: m.start, end: m.end }, fix: brand, channels: [variant.channel] });
      }
    }
}

interface DateGroup {
  value: string;
  month: number;
  day: number;
  text: MappedText;
  start: number;
  end: number;
  channels: Set<Channel>;
}

/** "  - de: bis, bis zum, ...", one line per built-in language with end-date words (for the docs). */
function endDateWordLines(): string[] {
  return Object.entries(builtInLanguages()).flatMap(([tag, l]) => {
    const words = [...(l.endDateWords ?? []), ...(l.endDateWordsAfter ?? []).map((w) => `(date) ${w}`)];
    return words.length ? [`  - ${tag}: ${words.join(", ")}`] : [];
  });
}

function checkEndDates(ctx: Ctx): void {
  const { campaign, options, config } = ctx;
  const locale = campaign.meta.locale;
  const order = options.numericDates === "auto" ? numericOrderFor(locale) : options.numericDates;
  const languages = languagesFor(config.data);
  // One group per place in the source: a sentence of message.md shared by several variants is one statement.
  const groups = new Map<string, DateGroup>();
  const byChannel = new Map<Channel, Set<string>>();
  const collect = (variant: Variant) => {
    for (const field of fieldsOf(variant)) {
      const text = field.sample;
      for (const d of findEndDates(text.text, locale, languages, order)) {
        if (!text.isOnly(d.start, d.end, ["text"])) continue;
        const loc = text.locate(d.start, d.end);
        if (!loc) continue;
        const value = `${d.month}-${d.day}`;
        const where = `${loc.file.path}\u0000${loc.start}\u0000${loc.end}\u0000${value}`;
        let g = groups.get(where);
        if (!g) {
          g = { value, month: d.month, day: d.day, text, start: d.start, end: d.end, channels: new Set() };
          groups.set(where, g);
        }
        g.channels.add(variant.channel);
        let values = byChannel.get(variant.channel);
        if (!values) byChannel.set(variant.channel, (values = new Set()));
        values.add(value);
      }
    }
  };
  for (const v of ctx.variants) collect(v);
  const values = new Set([...groups.values()].map((g) => g.value));
  if (groups.size === 0) return;

  // The reference: the campaign offer's end date when the config has one, else the majority.
  const offer = campaign.meta.offer ? config.data.offers?.find((o) => o.code === campaign.meta.offer) : undefined;
  const offerEnd = offer?.ends ? /^\d{4}-(\d{2})-(\d{2})$/.exec(offer.ends) : null;
  let reference: string;
  if (offer && offerEnd) reference = `${Number(offerEnd[1])}-${Number(offerEnd[2])}`;
  else {
    if (values.size < 2) return;
    const count = (v: string) => [...byChannel.values()].filter((s) => s.has(v)).length;
    const best = Math.max(...[...values].map(count));
    const tied = [...values].filter((v) => count(v) === best);
    const firstChannel = (v: string) => Math.min(...[...byChannel].filter(([, s]) => s.has(v)).map(([c]) => CHANNELS.indexOf(c)));
    reference = tied.sort((a, b) => firstChannel(a) - firstChannel(b))[0]!;
  }
  const [rm, rd] = reference.split("-").map(Number) as [number, number];
  const agreeing = [...byChannel].filter(([, s]) => s.has(reference)).map(([c]) => c);
  for (const g of groups.values()) {
    if (g.value === reference) continue;
    const data = {
      these: channelNames(g.channels, true),
      says: g.channels.size > 1 ? "say" : "says",
      date: formatMonthDay(g.month, g.day),
      expected: formatMonthDay(rm, rd),
    };
    const at = { text: g.text, start: g.start, end: g.end };
    const channels = [...g.channels];
    if (offer && offerEnd) {
      ctx.report({ messageId: "endDateOffer", data: { ...data, code: offer.code, ends: offer.ends! }, at, channels });
    } else {
      const elsewhere = new Set(agreeing.filter((c) => g.channels.has(c)));
      ctx.report({
        messageId: "endDate",
        data: { ...data, others: channelNames(agreeing, false, elsewhere), say: agreeing.length > 1 ? "say" : "says" },
        at,
        channels,
      });
    }
  }
}

export default defineRule<Options>({
  meta: {
    id: "consistency",
    description: "The brand name is spelled as configured in every variant, and all variants of a campaign agree on when the offer ends.",
    rationale:
      "“LUMEN” in one channel and “Lumen” in another look like two companies, and an SMS that ends the sale a day before the email costs sales or trust; copywriters edit one channel at a time, this rule reads them side by side.",
    docs: { url: "docs/rules/consistency.md" },
    channels: CHANNELS,
    scope: "campaign",
    defaultSeverity: "error",
    fixable: true,
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        brandName: { type: "boolean", description: "Check the brand name's spelling (default true)." },
        endDates: { type: "boolean", description: "Check that variants agree on the offer's end date (default true)." },
        allow: { type: "array", items: { type: "string", minLength: 1 }, description: "Other spellings that are fine (e.g. “lumen” as a unit of light)." },
        allowAllCaps: { type: "boolean", description: "Accept the name in capitals inside a passage written in capitals (a shouted headline)." },
        numericDates: { enum: ["auto", "dmy", "mdy"], description: "How to read 03/04: day first, month first, or by the campaign locale (month first for en and en-US)." },
      },
    },
    defaultOptions: { brandName: true, endDates: true, allow: [], allowAllCaps: true, numericDates: "auto" },
    messages: {
      brandName: "Write the brand name as “{brand}”, not “{found}”",
      endDate: "{these} {says} the offer ends {date}; {others} {say} {expected}",
      endDateOffer: "{these} {says} the offer ends {date}, but offer {code} ends {expected} ({ends} in brand.config.json)",
    },
    examples: {
      valid: [
        { title: "the brand name as configured, and in a URL", config: { brand: { name: "Lumen" } }, files: { "sms.txt": "Lumen: new lamps at https://lumen.example/new\n" } },
        {
          title: "the same end date written differently in each channel",
          files: {
            "message.md": '---\nchannels: [email, sms]\nsms: { text: "Acme: 20% off till 31.03" }\n---\nTake 20% off everything until March 31.\n',
          },
        },
      ],
      invalid: [
        {
          title: "the brand name in the wrong case",
          config: { brand: { name: "Lumen" } },
          files: { "sms.txt": "LUMEN: new lamps are in. Visit lumen today.\n" },
          errors: [
            { messageId: "brandName", line: 1, column: 1, message: "Write the brand name as “Lumen”, not “LUMEN”" },
            { messageId: "brandName", line: 1, column: 32 },
          ],
          output: { "sms.txt": "Lumen: new lamps are in. Visit Lumen today.\n" },
        },
        {
          title: "the SMS ends the sale a day early",
          files: {
            "message.md": '---\nchannels: [email, sms, push]\nsms: { text: "Acme: 20% off till Mar 30" }\n---\n# Spring sale\n\nTake 20% off everything until March 31.\n',
          },
          errors: [{ messageId: "endDate", line: 3, column: 34, message: "SMS says the offer ends 30 March; email and push say 31 March", channels: ["sms"] }],
        },
      ],
    },
    notes: [
      "## Brand name",
      "",
      "- A word or phrase equal to `brand.name` when case is ignored, but written in another case (“LUMEN”, “lumen”), is reported; `--fix` writes it as configured.",
      "- Not checked: URLs, email addresses, @handles, #hashtags and domain names (`lumen.example`), variable values, code and text that comes from the config.",
      "- With `allowAllCaps` (default), the name in capitals inside a sentence or line written entirely in capitals (“SPRING SALE AT LUMEN”) is accepted: capitals there are a style, not a spelling.",
      "- Spellings listed under a case-sensitive `tone.terms` entry (`{ \"use\": \"Lumen\", \"instead\": [\"LUMEN\"], \"caseSensitive\": true }`) are left to `tone-words`, so nothing is reported twice. Other misspellings (“Lu-men”, “Lumeen”) belong in `tone.terms` too: this rule only compares case.",
      "- `allow` lists spellings that are fine, such as a common word the brand name shares (“lumen”, the unit of light).",
      "",
      "## End dates",
      "",
      "- A date is an end date when an end-date word of the language data stands right before it, with at most four filler words (the, on, of, tanggal, pukul, a weekday name in any language Intl knows...) or parts of a time of day between (“until the 31st of March”, “until Sunday, March 31”, “until 11:59 pm on March 31”, “sampai pukul 23.59 WIB 30 April”), in the same sentence (sentences from `Intl.Segmenter`). The built-in end-date words, by language (`endDateWords` in `lang/<tag>.json`; brand.config.json `languages.<tag>.endDateWords` adds more):",
      ...endDateWordLines(),
      "- Date forms: day and month name (`31 March`, `31st of March`, `31. März`, `31 марта`, `31 marca`, `٢٠ مارس`, `20 آذار`, `31 كانون الثاني`, `31 במרץ`), month name and day where the locale writes the month first (`March 31`, `Mar. 31st`), and numbers (`31.03`, `31/03`, `3/31`, `31-03-2026`) in any digits. Month names come from `Intl.DateTimeFormat` (Gregorian calendar, full and short, in the forms used with a day and alone) for the campaign's locale and every language with a data file, plus the locales a file lists under `dateLocales` (Arabic: ar-SY, ar-IQ for آذار and كانون الثاني); they are compared folded and without diacritics (`wrzesnia`).",
      "- Numbers: a dotted date is always day first; a date with `/` or `-` is read by `numericDates` (by default in the order `Intl.DateTimeFormat` writes numeric dates for the campaign's locale: month first in `en` and `en-US`, day first in `en-GB`, `de`, `id`...); a part above 12 decides.",
      "- Dates are compared by month and day; the year is ignored. A number next to a percent sign, a currency symbol, an ISO currency code or a currency word of the language data (`do 12.05 zł`) is not a date.",
      "- The reference is the end date of the campaign's offer (`offers[].ends` for the `offer` in the campaign metadata) when it has one; else the date most variants state (ties go to the email, then to the channel order email, SMS, push, WhatsApp, social). Each statement that differs is reported where it is written, naming the variants on each side.",
      "- Numbered months are read in the form `Intl.DateTimeFormat` writes them for each locale (`3月31日`, `3월 31일`, `31 tháng 3`), and end-date words written after the date come from `endDateWordsAfter` (`3月31日まで`, `3월 31일까지`, `31 मार्च तक`).",
      "- Not understood: ranges (“1–31 March” states no cue), relative dates (“this Sunday”, “48 hours only”), dates inside variables, and a month name with a suffix attached (Turkish `31 Mart'a kadar`).",
    ].join("\n"),
  },
  check(ctx) {
    if (ctx.options.brandName) checkBrandName(ctx);
    if (ctx.options.endDates) checkEndDates(ctx);
  },
});
