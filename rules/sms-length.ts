/**
 * sms-length — what an SMS costs: GSM-7 or UCS-2, units and segments, with worst-case
 * variables, against the brand's segment limit; and each character that alone switches
 * an otherwise GSM text to UCS-2.
 *
 * Why: one curly apostrophe turns a 160-character SMS into a 70-character one, and a
 * long name in `{{firstName}}` can push a message into a third paid segment. The count
 * is Twilio's (see src/sms/count.ts), on the text rendered with worst-case variable
 * values and with each link counted at its shortened length.
 *
 * The encoding policy comes from channels.sms: the gateway's `smartEncoding` and
 * national `shiftTables` (3GPP TS 23.038), and `letters` (keep or strip letters with a
 * GSM base form, per locale). A CR LF line break that costs a segment gets a hint.
 *
 * Options: `maxSegments` (overrides channels.sms.maxSegments), `perCharacter` (false
 * to report only the segment limit).
 */
import path from "node:path";
import type { Campaign } from "../src/campaign/model.js";
import type { LoadedConfig } from "../src/config/load.js";
import { defineRule, type RuleContext } from "../src/engine/rule.js";
import { pickLocalized } from "../src/render/variants.js";
import { gsmEncodable, smartEncodingMap, smsLayout, smsUnits, SEGMENT_SIZE, type SmsEncoding, type SmsLayout, type SmsOptions } from "../src/sms/count.js";
import { GSM_SUBSTITUTES } from "../src/sms/gsm.js";
import { gsmBaseForm, stripLetters } from "../src/sms/letters.js";
import type { ShiftLanguage } from "../src/sms/shift.js";
import { graphemeSegments } from "../src/text/graphemes.js";
import { formatList } from "../src/text/lists.js";
import type { MappedText, PieceKind, SourceRange } from "../src/text/mapped-text.js";
import { findUrlRanges } from "../src/text/urls.js";
import type { SmsLetters } from "../src/types.js";
import { lazy } from "../src/text/lazy.js";

interface Options {
  maxSegments?: number;
  perCharacter: boolean;
}

const graphemes = lazy(() => new Intl.Segmenter("en", { granularity: "grapheme" }));

/** Text a person wrote (as opposed to variable values, URLs and generated markup). */
const WRITTEN: readonly PieceKind[] = ["text", "code", "config"];

const ENCODING_NAME: Record<SmsEncoding, string> = { gsm7: "GSM-7", ucs2: "UCS-2" };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * How the SMS is sent and what the brand decided (channels.sms): the gateway's smart
 * encoding and national shift tables, and whether letters with a GSM base form are
 * kept or stripped for the campaign's locale.
 */
interface Policy {
  gateway: SmsOptions;
  letters: SmsLetters;
  /** What the gateway can send in GSM-7 (with its shift tables). */
  encodable: (s: string) => boolean;
  /** The campaign's language, for messages ("Polish"): asked of Intl.DisplayNames (10–17 ms to load ICU's language names) only for a finding that names it. */
  language: () => string;
}

const languageNames = lazy(() => new Intl.DisplayNames(["en"], { type: "language", fallback: "code" }));

function policyFor(sms: NonNullable<NonNullable<LoadedConfig["data"]["channels"]>["sms"]> | undefined, locale: string): Policy {
  const tables: readonly ShiftLanguage[] = sms?.shiftTables ?? [];
  const letters = (pickLocalized(sms?.letters, locale)?.value as SmsLetters | undefined) ?? "keep";
  const language = () => {
    try {
      return languageNames().of(locale) ?? locale;
    } catch {
      // An invalid tag was reported with the metadata; name it as written.
      return locale;
    }
  };
  return { gateway: { ...(sms?.smartEncoding ? { smartEncoding: true } : {}), ...(tables.length ? { shiftTables: tables } : {}) }, letters, encodable: (s) => gsmEncodable(s, tables), language };
}

/** Letters a copywriter wrote with a GSM base form at most this many times get the `keep` warning. */
const FEW_LETTERS = 3;

/** How a non-GSM grapheme can be avoided. */
type Avoidable =
  /** A typographic character (or a decomposed letter) with a GSM equivalent: fixed by --fix. */
  | { kind: "substitute"; with: string; name?: string }
  /** A letter with a GSM base form, under `letters: strip`: fixed by --fix. */
  | { kind: "letter"; with: string }
  /** An emoji or symbol with no GSM form: only removing it helps. */
  | { kind: "symbol" };

/**
 * Is this non-GSM grapheme avoidable, and how? Letters, combining marks and digits
 * (ł, Ж, ع, ٢) are the language's writing: not avoidable, so undefined, unless the
 * policy strips letters with a GSM base form.
 */
function avoidable(g: string, policy: Policy): Avoidable | undefined {
  const single = GSM_SUBSTITUTES.get(g);
  if (single) return { kind: "substitute", with: single.with, ...(single.name ? { name: single.name } : {}) };
  const nfc = g.normalize("NFC");
  if (nfc !== g && policy.encodable(nfc)) return { kind: "substitute", with: nfc, name: `${nfc} written as a letter plus a combining accent` };
  if (policy.letters === "strip") {
    const base = gsmBaseForm(g, policy.encodable);
    if (base !== undefined) return { kind: "letter", with: base };
  }
  if (/^[\p{L}\p{M}\p{Nd}]/u.test(g)) return undefined;
  return { kind: "symbol" };
}

/** Rewrites the avoidable graphemes of a written text into GSM (symbols are dropped). */
function toGsm(s: string, policy: Policy): string {
  let out = "";
  for (const { segment } of graphemeSegments(s)) {
    if (policy.encodable(segment)) {
      out += segment;
      continue;
    }
    const a = avoidable(segment, policy);
    out += !a ? segment : a.kind === "symbol" ? "" : a.with;
  }
  return out;
}

/** A stretch of the counted text and the stretch of the variant text it stands for. */
interface Span {
  from: number;
  to: number;
  start: number;
  end: number;
  kind: PieceKind;
  name?: string;
  /** True when the counted text is a copy of the variant text (offsets map one to one). */
  copy: boolean;
}

/**
 * The text as the SMS is billed: each link (a run of "url" pieces) replaced by
 * `linkLength` characters when set, and `rewrite` applied to written pieces.
 */
function countedText(m: MappedText, linkLength: number | undefined, rewrite?: (s: string) => string): { text: string; spans: Span[] } {
  // Every URL written in the text is a link, with or without a scheme (evil.example/spring): one finder for all rules.
  if (linkLength !== undefined) for (const r of findUrlRanges(m.text)) m = m.withKind(r.start, r.end, "url");
  const spans: Span[] = [];
  let text = "";
  const push = (chunk: string, start: number, end: number, kind: PieceKind, copy: boolean, name?: string) => {
    spans.push({ from: text.length, to: text.length + chunk.length, start, end, kind, copy, ...(name !== undefined ? { name } : {}) });
    text += chunk;
  };
  let pos = 0;
  const pieces = m.pieces;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    if (p.start > pos) push(m.text.slice(pos, p.start), pos, p.start, "text", true);
    if (p.kind === "url" && linkLength !== undefined) {
      let end = p.end;
      while (i + 1 < pieces.length && pieces[i + 1]!.kind === "url" && pieces[i + 1]!.start === end) end = pieces[++i]!.end;
      push("x".repeat(linkLength), p.start, end, "url", false);
      pos = end;
      continue;
    }
    const chunk = m.text.slice(p.start, p.end);
    const rewritten = rewrite && WRITTEN.includes(p.kind) ? rewrite(chunk) : chunk;
    push(rewritten, p.start, p.end, p.kind, rewritten === chunk, p.name);
    pos = p.end;
  }
  if (pos < m.text.length) push(m.text.slice(pos), pos, m.text.length, "text", true);
  return { text, spans };
}

/** The range of the variant text that a counted-text offset stands for (a whole grapheme). */
function variantRange(m: MappedText, spans: readonly Span[], offset: number): { start: number; end: number } {
  const span = spans.find((s) => offset >= s.from && offset < s.to) ?? spans[spans.length - 1];
  if (!span) return { start: 0, end: 0 };
  if (!span.copy) return { start: span.start, end: span.end };
  return graphemeAt(m.text, span.start + (offset - span.from));
}

/** The grapheme of `text` that starts at `start`, as a range. */
function graphemeAt(text: string, start: number): { start: number; end: number } {
  const g = graphemes().segment(text).containing(start);
  return { start, end: g ? g.index + g.segment.length : start };
}

/** Drops the line breaks at the very end (an editor's final newline is not sent). */
function withoutFinalBreaks(m: MappedText): MappedText {
  const n = /[\r\n]*$/.exec(m.text)![0].length;
  return n ? m.slice(0, m.length - n) : m;
}

/** How a character is named in a message: its name when invisible or ambiguous, else itself. */
function shown(g: string, a: Avoidable | undefined): string {
  if (a?.kind === "letter") return `‘${g}’`;
  return a?.kind === "substitute" && a.name ? a.name : `‘${g}’`;
}

function advice(a: Avoidable): string {
  if (a.kind === "symbol") return "; remove it to keep the SMS in GSM-7";
  if (a.kind === "letter") return `; write ${a.with} instead`;
  if (a.with === "") return "; delete it (it is invisible)";
  if (a.with === " ") return "; write a normal space instead";
  return `; write ${a.with} instead`;
}

/** Container block markers (block quote, list items) at the start of a Markdown line. */
const MD_CONTAINER = /^ {0,3}(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;
/** Leaf block markers: ATX heading, setext underline, thematic break, code fence. */
const MD_LEAF = /^ {0,3}(?:#{1,6}(?=[ \t]|$)|(?:=+|-+)[ \t]*$|(?:[-*_][ \t]*){3,}$|`{3,}|~{3,})/;

/** The block structure a Markdown line starts (or ends, for a hard break) with. */
function markdownShape(line: string): string {
  const shape: string[] = [];
  let rest = line;
  for (let m = MD_CONTAINER.exec(rest); m && m[0].length; m = MD_CONTAINER.exec(rest)) {
    shape.push(m[0].trim());
    rest = rest.slice(m[0].length);
  }
  const leaf = MD_LEAF.exec(rest);
  if (leaf) shape.push(leaf[0].trim());
  if (/ {2,}$/.test(line)) shape.push("hard break");
  return shape.join(" ");
}

/**
 * The text that replaces the source range `loc` with `gsm`, escaped for the syntax it
 * is written in, or undefined when no such edit is safe there: in a YAML plain
 * scalar it could start a comment or a mapping, in Markdown a list item or a heading.
 */
function sourceEdit(loc: SourceRange, gsm: string, campaign: Campaign, config: LoadedConfig): string | undefined {
  const { file, start, end } = loc;
  const src = file.text;
  // A JSON string (the opt-out text in brand.config.json).
  if (file === config.file) return gsm.replace(/"/g, '\\"');
  if (file !== campaign.messageFile) return gsm; // A hand-written template: plain text.
  const lineStart = src.lastIndexOf("\n", start - 1) + 1;
  let lineEnd = src.indexOf("\n", end);
  if (lineEnd === -1) lineEnd = src.length;
  if (start < campaign.bodyStart) {
    // The frontmatter's sms.text: a YAML scalar.
    const value = campaign.metaSource?.locate(["sms", "text"]);
    const style = value ? src[value.start] : undefined;
    if (style === '"') return gsm.replace(/"/g, '\\"');
    if (style === "'") return gsm.replace(/'/g, "''");
    if (style === "|" || style === ">") return gsm;
    // A plain scalar: not at its first character nor at a line's start, where indicators count.
    if (!value || start === value.start || /^[ \t]*$/.test(src.slice(lineStart, start))) return undefined;
    const around = src.slice(start - 1, start) + gsm + src.slice(end, end + 1);
    return /:[ \t]|[ \t]#/.test(around) ? undefined : gsm;
  }
  // The Markdown body: the edited line must keep its block structure.
  const line = (from: string) => from.replace(/\r$/, "");
  const before = line(src.slice(lineStart, lineEnd));
  const after = line(src.slice(lineStart, start) + gsm + src.slice(end, lineEnd));
  return markdownShape(before) === markdownShape(after) ? gsm : undefined;
}

export default defineRule<Options>({
  meta: {
    id: "sms-length",
    description: "SMS encoding and segment count (GSM-7 or UCS-2, worst-case variables) against the segment limit, and the characters that force UCS-2.",
    rationale:
      "Every SMS segment is paid for. One curly apostrophe switches a whole message from GSM-7 (160 characters) to UCS-2 (70), and a long name can push it into another segment; brandlint counts exactly as Twilio does, so the bill holds no surprise.",
    docs: { url: "docs/rules/sms-length.md" },
    channels: ["sms"],
    scope: "variant",
    defaultSeverity: "error",
    fixable: true,
    hasSuggestions: true,
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        maxSegments: { type: "integer", minimum: 1, description: "Segment limit; overrides channels.sms.maxSegments. Without either, only characters are reported." },
        perCharacter: { type: "boolean", description: "Report each character that forces UCS-2 in an otherwise GSM text." },
      },
    },
    defaultOptions: { perCharacter: true },
    messages: {
      tooManySegments: "SMS is {segments} segments ({encoding}{why}, {units} units{counting}); the limit is {max}: {cut}",
      forcesUcs2: "{char} forces UCS-2: this SMS goes from {from} to {to} segments{advice}",
      forcesUcs2Free: "{char} forces UCS-2 ({size} characters per segment instead of {gsmSize}), though the SMS still fits in {segments}{advice}",
      remove: "Remove {char}",
      smartEncoded: "your gateway turns {char} into {with} — sent as GSM-7 (channels.sms.smartEncoding)",
      lettersCost: "{letters} alone {make} this SMS UCS-2: {from} segments; without {them} ({bases}) it is {to} in GSM-7. {language} keeps its letters (channels.sms.letters: keep)",
      stripLetter: "{char} makes this SMS UCS-2{cost}, and channels.sms.letters strips letters for {language}: write {with}",
      useBase: "Write {with}",
      crlf: "Windows line breaks (CR LF) cost 2 characters each: with plain line breaks (LF) this SMS is {to} instead of {from}; save the file with LF line endings",
    },
    examples: {
      valid: [
        { title: "a GSM-7 SMS within the limit", config: { channels: { sms: { maxSegments: 1 } } }, files: { "sms.txt": "Acme: 20% off everything with SPRING20 until Mar 31. Reply STOP to opt out" } },
        { title: "Cyrillic text is UCS-2 by nature: no per-character findings", files: { "campaign.json": '{ "locale": "ru" }', "sms.txt": "Скидка 20% на всё до 31 марта — только в Acme!" } },
        {
          title: "links count at their shortened length",
          config: { channels: { sms: { maxSegments: 1, linkLength: 23 } } },
          files: { "sms.txt": "Spring sale: https://acme.example/spring/collections/outdoor/tents-and-sleeping-bags?utm_source=sms&utm_medium=text&utm_campaign=spring-2026-outdoor-tents&utm_content=hero" },
        },
      ],
      invalid: [
        {
          title: "one curly apostrophe costs a segment",
          files: { "sms.txt": "Acme’s spring sale: 20% off every tent with code SPRING20 until March 31. Shop at acme.example" },
          errors: [{ messageId: "forcesUcs2", line: 1, column: 5, message: "‘’’ forces UCS-2: this SMS goes from 1 to 2 segments; write ' instead" }],
          output: { "sms.txt": "Acme's spring sale: 20% off every tent with code SPRING20 until March 31. Shop at acme.example" },
        },
        {
          title: "worst-case variables push the SMS over the limit",
          config: { channels: { sms: { maxSegments: 1 } }, variables: { firstName: { sample: "Ana", maxLength: 30 } } },
          files: { "sms.txt": "Hi {{firstName}}, our spring sale is on: 20% off every tent, sleeping bag and stove with code SPRING20 until March 31. Shop now at acme.example!" },
          errors: [{ messageId: "tooManySegments", line: 1, column: 137, message: "SMS is 2 segments (GSM-7, 161 units, counting {{firstName}} as 30); the limit is 1: segment 2 starts here" }],
        },
        {
          title: "letters: keep (the default) — one Polish ń turns 1 segment into 2",
          files: { "campaign.json": '{ "locale": "pl" }', "sms.txt": "Lumen: 30% taniej na namioty i plecaki z kodem JESIEN30. Ostatni dzień promocji: 31.10. Sklep: lumen.example/pl" },
          errors: [{ messageId: "lettersCost", line: 1, column: 70, message: "‘ń’ alone makes this SMS UCS-2: 2 segments; without it (n) it is 1 in GSM-7. Polish keeps its letters (channels.sms.letters: keep)", suggestions: [{"desc":"Write n","output":{"sms.txt":"Lumen: 30% taniej na namioty i plecaki z kodem JESIEN30. Ostatni dzien promocji: 31.10. Sklep: lumen.example/pl"}}] }],
        },
        {
          title: "letters: strip for Polish — an error and a fix that writes the base letter",
          config: { channels: { sms: { letters: { pl: "strip", default: "keep" } } } },
          files: { "campaign.json": '{ "locale": "pl" }', "sms.txt": "Lumen: 30% taniej na namioty i plecaki z kodem JESIEN30. Ostatni dzień promocji: 31.10. Sklep: lumen.example/pl" },
          errors: [{ messageId: "stripLetter", line: 1, column: 70, message: "‘ń’ makes this SMS UCS-2 (2 segments instead of 1), and channels.sms.letters strips letters for Polish: write n" }],
          output: { "sms.txt": "Lumen: 30% taniej na namioty i plecaki z kodem JESIEN30. Ostatni dzien promocji: 31.10. Sklep: lumen.example/pl" },
        },
        {
          title: "smartEncoding: the gateway sends ’ as ' in GSM-7",
          config: { channels: { sms: { smartEncoding: true } } },
          files: { "sms.txt": "Lumen’s spring sale: 20% off every tent with code SPRING20 until March 31. Shop at lumen.example" },
          errors: [{ messageId: "smartEncoded", line: 1, column: 6, message: "your gateway turns ’ into ' — sent as GSM-7 (channels.sms.smartEncoding)", suggestions: [{"desc":"Write '","output":{"sms.txt":"Lumen's spring sale: 20% off every tent with code SPRING20 until March 31. Shop at lumen.example"}}] }],
        },
        {
          title: "shiftTables: a Turkish SMS in GSM-7 with the Turkish table, at 155/149 septets a segment",
          config: { channels: { sms: { maxSegments: 1, shiftTables: ["tr"] } } },
          files: {
            "campaign.json": '{ "locale": "tr" }',
            "sms.txt": "Lumen: Ayşe, bugün tüm çadırlarda %20 indirim var! Kod: BAHAR20. Kaçırmayın, kampanya yarın bitiyor. Üye olun, fırsatları kaçırmayın: lumen.example/tr ve mağazalar",
          },
          errors: [{ messageId: "tooManySegments", line: 1, column: 150, message: "SMS is 2 segments (GSM-7 with the Turkish locking shift table, 163 units); the limit is 1: segment 2 starts here" }],
        },
      ],
    },
    notes: [
      "## How the SMS is counted",
      "",
      "- The count is the one of Twilio's segment calculator (npm `sms-segments-calculator`), and `countSms` in brandlint's API gives it too.",
      "- **GSM-7** when every character is in the GSM 03.38 alphabet; `^ { } \\ [ ~ ] | €` and form feed come from its extension table and cost two units. Anything else makes the whole SMS **UCS-2**, where each UTF-16 code unit costs one unit (an emoji outside the BMP costs two).",
      "- One SMS holds 160 GSM-7 or 70 UCS-2 units; longer messages are split into segments of 153 or 67. A character is never split: an extension character, an emoji with its skin tone or ZWJ sequence, a flag, a letter with its accents all stay in one segment (grapheme clusters as the calculator cuts them, by Unicode 10 rules).",
      "- The SMS is counted with **worst-case variables**: a variable with a `maxLength` in `variables` counts as that many characters of its `charset` (`gsm`: one unit each; `unicode`: a non-GSM character, so the SMS becomes UCS-2). A variable without `maxLength` counts as its sample.",
      "- **Links** count as written, or as `channels.sms.linkLength` characters when set (your link shortener's length). A link is any URL in the text: with a scheme (`https://…`), starting with `www.`, or a host and a path without a scheme (`lumen.example/spring`), which phones turn into a link as well.",
      "- Line breaks at the very end of the text (the final newline editors add to `sms.txt`) are not counted.",
      "- The limit is the rule's `maxSegments` option, else `channels.sms.maxSegments`; with neither, there is no limit and only characters are reported. The finding sits where the first segment over the limit starts (in `message.md` or `sms.txt`); when that spot is not in the campaign's file (the opt-out text from brand.config.json), it sits at the start of the SMS text and quotes where the cut falls.",
      "",
      "## Characters that force UCS-2",
      "",
      "A character gets a finding of its own only when it is *avoidable* and the SMS would be GSM-7 without the avoidable characters (each link at its counted length, variables at their worst case). Precisely:",
      "",
      "- **Avoidable** are: typographic characters with a GSM equivalent (below), letters written as a base letter plus a combining accent whose single-character form is GSM (`e` + U+0301 → `é`), and symbols and emoji (anything that is not a letter, a combining mark or a decimal digit).",
      "- **Not avoidable** are letters, combining marks and decimal digits with no GSM form: the language's own writing (ą, ł, Ж, ع, 中, ٢). A text that contains any of them, in any number (Arabic, Russian, Polish with its diacritics), is UCS-2 whatever the punctuation, so it gets no per-character findings: only the segment limit, whose message names the characters that make it UCS-2.",
      "- Likewise, when a variable's worst case is not GSM (`charset: \"unicode\"`), no character is reported on its own.",
      "- Each finding says what the avoidable characters together cost: `this SMS goes from 1 to 2 segments`. When they cost no segment yet, the finding is a warning that says how much room UCS-2 leaves.",
      "- Variable values and URLs are never reported or fixed character by character: they are not written in the file.",
      "",
      "## The encoding policy: `channels.sms`",
      "",
      "What the gateway does and what the brand decided, so the count is the one you are billed:",
      "",
      "- **`smartEncoding: true`**: your gateway replaces look-alike punctuation (’ “ ” – — …, no-break spaces, full-width letters) with GSM characters, as Twilio's Smart Encoding does (Bird and Webex work the same way): **all or nothing**, only when the whole SMS then is GSM-7, and never letters with diacritics or emoji. brandlint counts with Twilio's own replacement table (the one its `sms-segments-calculator` package ships), and each replaced character gets a warning: `your gateway turns ’ into ' — sent as GSM-7`. When something else keeps the SMS in UCS-2 (an emoji, a Cyrillic word), nothing is replaced and the characters are reported as without smart encoding.",
      "- **`letters`**: `\"keep\"` (default) or `\"strip\"`, or an object by locale tag with a `\"default\"` (`{ \"pl\": \"keep\", \"tr\": \"strip\", \"default\": \"keep\" }`). Letters with diacritics are a language decision: Polish and Vietnamese lose meaning when stripped (łaska/laska, con dế/con dê), yet some teams strip them to halve the bill. A *letter with a GSM base form* is one whose base letter, with as many of its marks as GSM-7 has, is GSM (ń → n, ş → s, ł → l, ǘ → ü); Cyrillic, Greek, Arabic letters have none.",
      "  - with `keep`, when at most 3 such letters are all that keeps an otherwise GSM-7 SMS in UCS-2 and they add a segment, one **warning** names them and the segment count without them;",
      "  - with `strip`, each such letter in an SMS that would otherwise be GSM-7 is an **error**, and `--fix` writes its base letter.",
      "- **`shiftTables`**: the 3GPP TS 23.038 national language shift tables your gateway supports: `\"tr\"` (Turkish: locking shift table A.3.1 and single shift table A.2.1), `\"es\"` (Spanish: single shift A.2.2), `\"pt\"` (Portuguese: locking shift A.3.3, single shift A.2.3). With them ş, ğ, ı, á, ã… are GSM-7. The header that announces a table (3GPP TS 23.040 §9.2.3.24.15–16, 3 octets per table) costs room: **155 septets** in a single SMS with one table, **152** with two; once concatenated, **149** and **146** (instead of 160 and 153). brandlint picks the cheapest alphabet the SMS fits: fewest segments, then fewest tables. Only list tables your gateway and your customers' operators support.",
      "- A **CR LF** line break (Windows) costs two characters; when that costs a segment, a warning says so at the first one.",
      "- `countSms(text, { smartEncoding, letters, shiftTables })` in the API counts with the same options; with none it is exactly Twilio's calculator.",
      "",
      "## What `--fix` writes",
      "",
      "| characters | become |",
      "| --- | --- |",
      "| ‘ ’ ‚ ‛ ′ ‹ › ʼ ´ &#96; | `'` |",
      "| “ ” „ ‟ ″ « » | `\"` |",
      "| ‐ ‑ ‒ – — ― − (hyphens, dashes, minus) | `-` |",
      "| … | `...` |",
      "| no-break space, narrow no-break space, en/em/thin/hair/figure spaces, ideographic space | a space |",
      "| zero-width space, word joiner, zero-width no-break space (BOM), soft hyphen | deleted |",
      "| a letter + combining accent whose single character is GSM (`e` + ◌́) | the single character (`é`) |",
      "",
      "Emoji and other symbols are not fixed (removing them is your call): the finding offers a suggestion that removes it. The fix edits the source, so for an SMS derived from the body of `message.md` the email's paragraph changes too; write `sms.text` in the frontmatter to keep typographic quotes in the email.",
    ].join("\n"),
  },
  check(ctx) {
    const field = ctx.variant?.channel === "sms" ? ctx.variant.fields.text : undefined;
    if (!field) return;
    const sms = ctx.config.data.channels?.sms;
    const policy = policyFor(sms, ctx.campaign.meta.locale);
    const max = ctx.options.maxSegments ?? sms?.maxSegments;
    const worst = withoutFinalBreaks(field.worst);
    const counted = countedText(worst, sms?.linkLength);
    const layout = smsLayout(counted.text, policy.gateway);
    if (max !== undefined && layout.segments > max) reportLimit(ctx, worst, counted, layout, max, policy);
    if (ctx.options.perCharacter) {
      const sample = withoutFinalBreaks(field.sample);
      if (layout.encoding === "ucs2") reportCharacters(ctx, sample, worst, layout, policy);
      else if (layout.origin && policy.gateway.smartEncoding) reportSmartEncoded(ctx, sample, policy);
    }
    reportCrlf(ctx, worst, counted.text, layout, policy);
  },
});

type Ctx = RuleContext<Options>;

/** The segment-limit finding, where the first segment over the limit starts. */
function reportLimit(ctx: Ctx, worst: MappedText, counted: { text: string; spans: Span[] }, layout: SmsLayout, max: number, policy: Policy): void {
  const enc = layout.encoding;
  const linkLength = ctx.config.data.channels?.sms?.linkLength;
  const variables = ctx.config.data.variables ?? {};
  // Which characters make it UCS-2, and what worst-case variables and links count as.
  const reasons: string[] = [];
  if (enc === "ucs2") {
    // The spans cover the counted text in order: one pointer walks them with the graphemes.
    let k = 0;
    for (const { segment, index } of graphemeSegments(counted.text)) {
      if (policy.encodable(segment)) continue;
      while (k < counted.spans.length && counted.spans[k]!.to <= index) k++;
      const span = counted.spans[k] && counted.spans[k]!.from <= index ? counted.spans[k] : undefined;
      const why = span?.kind === "variable" && span.name !== undefined ? `{{${span.name}}} at its worst case` : shown(segment, avoidable(segment, policy));
      if (!reasons.includes(why)) reasons.push(why);
    }
  }
  const why = reasons.length ? ` because of ${reasons.slice(0, 3).join(", ")}${reasons.length > 3 ? ` and ${reasons.length - 3} more` : ""}` : "";
  const perVariable = new Map<string, number[]>();
  let links = 0;
  for (const s of counted.spans) {
    if (s.kind === "url" && !s.copy) links++;
    if (s.kind !== "variable" || s.name === undefined || variables[s.name]?.maxLength === undefined) continue;
    const uses = perVariable.get(s.name) ?? [];
    uses.push(smsUnits(counted.text.slice(s.from, s.to), enc));
    perVariable.set(s.name, uses);
  }
  const counting = [
    ...[...perVariable].map(([name, uses]) => `{{${name}}} as ${uses.length > 1 && uses.every((u) => u === uses[0]) ? `${uses.length} × ${uses[0]}` : uses.join(" + ")}`),
    ...(links ? [`${links > 1 ? "each link" : "the link"} as ${linkLength}`] : []),
  ];
  // Segments are ranges of the text as sent; smart encoding may have changed its length.
  const cutAt = layout.origin ? layout.origin[layout.parts[max]!.start]! : layout.parts[max]!.start;
  let at = variantRange(worst, counted.spans, cutAt);
  let cut = `segment ${max + 1} starts here`;
  const loc = worst.locate(at.start, at.end);
  const file = ctx.variant!.file;
  if (!loc || loc.file !== file) {
    // The cut falls outside the file a person edits (in the opt-out from the config): point at the text's start.
    const first = worst.pieces.find((p) => p.file === file);
    at = first ? graphemeAt(worst.text, first.start) : { start: 0, end: 0 };
    const rest = counted.text.slice(cutAt);
    const where = loc ? ` (in text from ${path.basename(loc.file.path)})` : "";
    cut = `segment ${max + 1} starts at ‘${rest.length > 20 ? `${rest.slice(0, 20)}…` : rest}’${where}`;
  }
  ctx.report({
    messageId: "tooManySegments",
    data: { segments: layout.segments, encoding: encodingName(layout), why, units: layout.units, counting: counting.length ? `, counting ${counting.join(", ")}` : "", max, cut },
    at: { text: worst, ...at },
  });
}

const TABLE_LANGUAGE: Record<ShiftLanguage, string> = { tr: "Turkish", es: "Spanish", pt: "Portuguese" };

/** "GSM-7", "UCS-2", "GSM-7 with the Turkish locking shift table". */
function encodingName(layout: SmsLayout): string {
  const { shift } = layout;
  if (!shift) return ENCODING_NAME[layout.encoding];
  const tables = [
    ...(shift.locking ? [`${TABLE_LANGUAGE[shift.locking]} locking shift`] : []),
    ...(shift.single ? [`${TABLE_LANGUAGE[shift.single]} single shift`] : []),
  ];
  return `GSM-7 with the ${formatList(tables)} ${tables.length > 1 ? "tables" : "table"}`;
}

/** The written graphemes of the sample text that are not GSM for this gateway, with their source edit. */
function* writtenNonGsm(ctx: Ctx, sample: MappedText, policy: Policy, replacement: (g: string) => string | undefined) {
  for (const { segment, index } of graphemeSegments(sample.text)) {
    const end = index + segment.length;
    if (policy.encodable(segment) || !sample.isOnly(index, end, WRITTEN)) continue;
    const to = replacement(segment);
    const loc = sample.locate(index, end);
    const edit = to !== undefined && loc?.exact ? sourceEdit(loc, to, ctx.campaign, ctx.config) : undefined;
    yield { segment, index, end, to, edit };
  }
}

/** One finding per avoidable character, when the SMS would be GSM-7 without them. */
function reportCharacters(ctx: Ctx, sample: MappedText, worst: MappedText, layout: SmsLayout, policy: Policy): void {
  const linkLength = ctx.config.data.channels?.sms?.linkLength;
  const gsmLayout = smsLayout(countedText(worst, linkLength, (s) => toGsm(s, policy)).text, policy.gateway);
  if (gsmLayout.encoding !== "gsm7") {
    if (policy.letters === "keep") reportKeptLetters(ctx, sample, worst, layout, policy);
    return;
  }
  const cost = layout.segments - gsmLayout.segments;
  const size = layout.segments === 1 ? "single" : "multi";
  for (const { segment, index, end, edit } of writtenNonGsm(ctx, sample, policy, (g) => {
    const a = avoidable(g, policy);
    return a ? (a.kind === "symbol" ? "" : a.with) : undefined;
  })) {
    const a = avoidable(segment, policy);
    if (!a) continue;
    const char = shown(segment, a);
    const at = { text: sample, start: index, end };
    if (a.kind === "letter") {
      const costs = layout.segments > gsmLayout.segments ? ` (${plural(layout.segments, "segment")} instead of ${gsmLayout.segments})` : "";
      ctx.report({ messageId: "stripLetter", data: { char, cost: costs, language: policy.language(), with: a.with }, at, fix: edit });
      continue;
    }
    const common = {
      at,
      fix: a.kind === "substitute" ? edit : undefined,
      suggestions: a.kind === "symbol" && edit !== undefined ? [{ messageId: "remove", data: { char }, text: edit }] : undefined,
    };
    if (cost > 0) ctx.report({ messageId: "forcesUcs2", data: { char, from: gsmLayout.segments, to: layout.segments, advice: advice(a) }, ...common });
    else {
      const data = { char, size: SEGMENT_SIZE.ucs2[size], gsmSize: SEGMENT_SIZE.gsm7[size], segments: plural(layout.segments, "segment"), advice: advice(a) };
      ctx.report({ messageId: "forcesUcs2Free", data, ...common, severity: 1 });
    }
  }
}

/**
 * `letters: keep`: when a few letters with a GSM base form are all that keeps an
 * otherwise GSM-7 text in UCS-2, and they cost a segment, one warning names them.
 */
function reportKeptLetters(ctx: Ctx, sample: MappedText, worst: MappedText, layout: SmsLayout, policy: Policy): void {
  const linkLength = ctx.config.data.channels?.sms?.linkLength;
  const stripped = smsLayout(countedText(worst, linkLength, (s) => stripLetters(s, policy.encodable)).text, policy.gateway);
  if (stripped.encoding !== "gsm7" || stripped.segments >= layout.segments) return;
  const letters = [...writtenNonGsm(ctx, sample, policy, (g) => gsmBaseForm(g, policy.encodable))].filter((l) => l.to !== undefined);
  if (!letters.length || letters.length > FEW_LETTERS) return;
  const distinct = [...new Map(letters.map((l) => [l.segment, l.to!])).entries()];
  const first = letters[0]!;
  ctx.report({
    messageId: "lettersCost",
    data: {
      letters: formatList(distinct.map(([g]) => `‘${g}’`)),
      make: letters.length === 1 ? "makes" : "make",
      from: layout.segments,
      them: letters.length === 1 ? "it" : "them",
      bases: distinct.map(([, b]) => b).join(", "),
      to: stripped.segments,
      language: policy.language(),
    },
    at: { text: sample, start: first.index, end: first.end },
    severity: 1,
    suggestions: letters.every((l) => l.edit !== undefined) && letters.length === 1 ? [{ messageId: "useBase", data: { with: first.to! }, text: first.edit! }] : undefined,
  });
}

/** `smartEncoding`: each written character the gateway replaces, so the copy shows what is sent. */
function reportSmartEncoded(ctx: Ctx, sample: MappedText, policy: Policy): void {
  const map = smartEncodingMap();
  for (const { segment, index, end, to, edit } of writtenNonGsm(ctx, sample, policy, (g) => map[g])) {
    if (to === undefined) continue;
    const a = avoidable(segment, policy);
    const shownTo = to === " " ? "a space" : to;
    ctx.report({
      messageId: "smartEncoded",
      data: { char: a?.kind === "substitute" && a.name ? a.name : segment, with: shownTo },
      at: { text: sample, start: index, end },
      severity: 1,
      suggestions: edit !== undefined ? [{ messageId: "useBase", data: { with: shownTo }, text: edit }] : undefined,
    });
  }
}

/** A hint when Windows line breaks (2 characters each) are what costs a segment. */
function reportCrlf(ctx: Ctx, worst: MappedText, counted: string, layout: SmsLayout, policy: Policy): void {
  if (!counted.includes("\r\n")) return;
  const plain = smsLayout(counted.replace(/\r\n/g, "\n"), policy.gateway);
  if (plain.segments >= layout.segments) return;
  const file = ctx.variant!.file;
  for (let i = worst.text.indexOf("\r\n"); i !== -1; i = worst.text.indexOf("\r\n", i + 2)) {
    const loc = worst.locate(i, i + 2);
    if (!loc || loc.file !== file) continue;
    ctx.report({ messageId: "crlf", data: { from: layout.segments, to: plural(plain.segments, "segment") }, at: { text: worst, start: i, end: i + 2 }, severity: 1 });
    return;
  }
}
