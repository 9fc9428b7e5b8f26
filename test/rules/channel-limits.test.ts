import { describe, expect, it } from "vitest";
import rule from "../../rules/channel-limits.js";
import { graphemeCount, graphemes, measure } from "../../src/text/graphemes.js";
import { runRuleExamples, runRuleTests } from "../helpers/rule-tester.js";

runRuleExamples(rule);

describe("graphemes", () => {
  it("counts user-perceived characters", () => {
    expect(graphemeCount("Cafe\u0301")).toBe(4);
    expect(graphemeCount("🇵🇱🇮🇩")).toBe(2);
    expect(graphemeCount("👩🏽‍💻 ok")).toBe(4);
    expect(graphemeCount("تَخْفِيضَات")).toBe(7);
    expect(graphemes("a👍🏽b").map((g) => [g.start, g.end])).toEqual([[0, 1], [1, 5], [5, 6]]);
  });
  it("finds the cut at the first grapheme past the limit", () => {
    expect(measure("abcdef", 6)).toEqual({ length: 6 });
    expect(measure("abcdef", 4)).toEqual({ length: 6, cut: 4 });
    expect(measure("ab🇵🇱cd", 3)).toEqual({ length: 5, cut: 6 });
    expect(measure("ab🇵🇱cd", 2)).toEqual({ length: 5, cut: 2 });
  });
  it("counts a weighted range as a whole and never cuts inside it", () => {
    const text = "Go https://example.com/a/very/long/path now";
    const url = { start: 3, end: 39, length: 23 };
    expect(measure(text, 100, [url])).toEqual({ length: 3 + 23 + 4 });
    expect(measure(text, 10, [url])).toEqual({ length: 30, cut: 3 });
    expect(measure(text, 27, [url])).toEqual({ length: 30, cut: 40 });
  });
});

const push = { channels: { push: { titleMax: 20, bodyMax: 40 } } };
const worstName = { variables: { firstName: { sample: "Ana", maxLength: 12, fallback: "there" } } };

runRuleTests(rule, {
  valid: [
    { title: "en: push title exactly at the limit", config: push, files: { "push.json": '{ "title": "Spring sale: 20% off", "body": "" }\n' } },
    { title: "en: combining accents count once", config: { channels: { push: { titleMax: 4 } } }, files: { "push.json": '{ "title": "Cafe\u0301", "body": "" }\n' } },
    { title: "pl: flags count once", config: { channels: { social: { max: 12 } } }, files: { "social.txt": "🇵🇱🇮🇩 Wyprzedaż\n" } },
    { title: "ar: letters with their vowel marks count once", config: { channels: { push: { titleMax: 13 } } }, files: { "campaign.json": '{ "locale": "ar" }', "push.json": '{ "title": "تَخْفِيضَات ٢٠٪", "body": "" }\n' } },
    { title: "a variable without maxLength counts as its sample", config: { ...push, variables: { firstName: { sample: "Ana" } } }, files: { "push.json": '{ "title": "{{firstName}}, 20% off!", "body": "" }\n' } },
    { title: "a field whose limit is not set is not checked", config: { channels: { push: { bodyMax: 10 } } }, files: { "push.json": '{ "title": "A very long push title that would never fit anywhere", "body": "Short" }\n' } },
    {
      title: "en: socialLinkLength counts a long URL as 23",
      config: { channels: { social: { max: 40 } } },
      options: { socialLinkLength: 23 },
      files: { "social.txt": "Spring sale https://acme.example/spring/sale/2026?utm_source=social\n" },
    },
    { title: "ru: WhatsApp text within bodyMax", config: { channels: { whatsapp: { bodyMax: 40 } } }, files: { "campaign.json": '{ "locale": "ru" }', "whatsapp.txt": "Скидка 20% на всё до 31 марта!\n" } },
    {
      title: "id: hand-written email subject and preheader within limits",
      config: { channels: { email: { subjectMax: 30, preheaderMax: 40 } } },
      files: { "email.mjml": "<mjml><mj-head><mj-title>Diskon 20% untuk semua</mj-title><mj-preview>Hanya sampai 30 April</mj-preview></mj-head><mj-body></mj-body></mjml>\n" },
    },
  ],
  invalid: [
    {
      title: "en: push body too long, cut position and message",
      config: push,
      files: { "push.json": '{\n  "title": "Spring sale",\n  "body": "Take 20% off everything in the store until March 31"\n}\n' },
      errors: [{ messageId: "tooLong", line: 3, column: 52, endLine: 3, endColumn: 63, message: "Push body is 51 characters (limit 40): 11 over; it is cut after “Take 20% off everything in the store unt”", channels: ["push"] }],
    },
    {
      title: "en: two variables at their worst case are named, and the quote never cuts a {{name}} in two",
      config: { channels: { push: { titleMax: 60 } }, variables: { firstName: { sample: "Ana", maxLength: 20 }, city: { sample: "Oslo", maxLength: 25 } } },
      files: { "message.md": '---\nchannels: [push]\npush: { title: "Hello {{firstName}}, our spring sale reaches {{city}} today, come by" }\n---\nBody.\n' },
      errors: [
        {
          messageId: "tooLong",
          line: 3,
          column: 62,
          message: "Push title is 92 characters when {{firstName}} has 20 characters and {{city}} has 25 characters (limit 60): 32 over; it is cut after “…{{firstName}}, our spring sale reaches {{city}}” (8 of the 25 characters of {{city}})",
        },
      ],
    },
    {
      title: "id: the cut falls inside a variable: reported at its {{…}}",
      config: { channels: { push: { titleMax: 10 } }, ...worstName },
      files: { "message.md": '---\nlocale: id\nchannels: [push]\npush: { title: "Halo {{firstName}}, diskon 20%" }\n---\nBadan pesan.\n' },
      errors: [{ messageId: "tooLong", line: 4, column: 22, message: "Push title is 29 characters when {{firstName}} has 12 characters (limit 10): 19 over; it is cut after “Halo {{firstName}}” (5 of the 12 characters of {{firstName}})" }],
    },
    {
      title: "ar: push title from the first heading of message.md",
      config: { channels: { push: { titleMax: 10 } } },
      files: { "message.md": "---\nlocale: ar\nchannels: [push]\n---\n# تَخْفِيضَات الربيع الكبرى\n\nخصم ٢٠٪ على كل شيء.\n" },
      errors: [{ messageId: "tooLong", line: 5, column: 17, message: "Push title is 21 characters (limit 10): 11 over; it is cut after “تَخْفِيضَات ال”", channels: ["push"] }],
    },
    {
      title: "ru: hand-written WhatsApp text cut on its second line",
      config: { channels: { whatsapp: { bodyMax: 30 } } },
      files: { "campaign.json": '{ "locale": "ru" }', "whatsapp.txt": "Весенняя распродажа!\nСкидка 20% на всё до 31 марта.\n" },
      errors: [{ file: "whatsapp.txt", messageId: "tooLong", line: 2, column: 10, message: "WhatsApp message is 51 characters (limit 30): 21 over; it is cut after “Весенняя распродажа! Скидка 20”" }],
    },
    {
      title: "pl: hand-written email subject and preheader",
      config: { channels: { email: { subjectMax: 20, preheaderMax: 25 } } },
      files: {
        "campaign.json": '{ "locale": "pl" }',
        "email.mjml": "<mjml>\n  <mj-head>\n    <mj-title>Wiosenna wyprzedaż: rabat 20%</mj-title>\n    <mj-preview>Rabat 20% na wszystko do 31 marca</mj-preview>\n  </mj-head>\n  <mj-body></mj-body>\n</mjml>\n",
      },
      errors: [
        { file: "email.mjml", messageId: "tooLong", line: 3, column: 35, message: "Email subject is 29 characters (limit 20): 9 over; it is cut after “Wiosenna wyprzedaż:”" },
        { file: "email.mjml", messageId: "tooLong", line: 4, column: 42, message: "Email preheader is 33 characters (limit 25): 8 over; it is cut after “Rabat 20% na wszystko do”" },
      ],
    },
    {
      title: "en: a ZWJ emoji sequence counts as one character",
      config: { channels: { push: { titleMax: 8 } } },
      files: { "push.json": '{ "title": "👩🏽‍💻 Dev sale now", "body": "" }\n' },
      errors: [{ messageId: "tooLong", line: 1, column: 27, message: "Push title is 14 characters (limit 8): 6 over; it is cut after “👩🏽‍💻 Dev sa”" }],
    },
    {
      title: "en: social URLs count as written by default",
      config: { channels: { social: { max: 30 } } },
      files: { "social.txt": "Spring sale https://acme.example/spring/sale\n" },
      errors: [{ messageId: "tooLong", line: 1, column: 31, message: "Social post is 44 characters (limit 30): 14 over; it is cut after “Spring sale https://acme.examp”" }],
    },
    {
      title: "en: with socialLinkLength a URL is cut as a whole",
      config: { channels: { social: { max: 30 } } },
      options: { socialLinkLength: 23 },
      files: { "social.txt": "Spring sale is here https://acme.example/spring/sale\n" },
      errors: [{ messageId: "tooLong", line: 1, column: 21, message: "Social post is 43 characters (limit 30): 13 over; it is cut after “Spring sale is here”" }],
    },
    {
      title: "en: message.md renders every channel; only the push title is over",
      config: { channels: { push: { titleMax: 20 }, email: { subjectMax: 60 }, whatsapp: { bodyMax: 1000 }, social: { max: 280 } } },
      files: { "message.md": '---\nsubject: "Spring savings start now"\n---\n# Spring savings on every single lamp\n\nTake 20% off until March 31.\n' },
      errors: [{ messageId: "tooLong", line: 4, column: 23, channels: ["push"], message: "Push title is 35 characters (limit 20)" }],
    },
    {
      title: "overrides: a stricter limit for some campaigns",
      config: { channels: { push: { titleMax: 40 } }, overrides: [{ files: ["templates/c/**"], channels: { push: { titleMax: 10 } } }] },
      files: { "push.json": '{ "title": "Spring sale: 20% off", "body": "" }\n' },
      errors: [{ messageId: "tooLong", line: 1, column: 23, message: "(limit 10): 10 over" }],
    },
  ],
});

/** channels.social.counting: "x" — twitter-text's weighted length. */
const X = { channels: { social: { counting: "x" as const } } };
runRuleTests(rule, {
  valid: [
    {
      title: "ar: 270 Arabic letters weigh 1 each on X: within 280",
      config: X,
      files: { "social.txt": "ر".repeat(270) + "\n" },
    },
    {
      title: "zh: 140 CJK characters weigh exactly 280",
      config: X,
      files: { "social.txt": "春".repeat(140) + "\n" },
    },
    {
      title: "en: a long URL counts 23, so a post with a 300-character link fits",
      config: X,
      files: { "social.txt": "Spring sale at Lumen: https://lumen.com/" + "a".repeat(260) + " 🎉\n" },
    },
    {
      title: "fr: a decomposed é counts as one after NFC",
      config: { channels: { social: { counting: "x", max: 10 } } },
      files: { "social.txt": "Le\u0301ge\u0300re!!!!\n" },
    },
  ],
  invalid: [
    {
      title: "zh: an X post of 150 CJK characters weighs 300: the 141st character passes 280",
      config: X,
      files: { "social.txt": "春季促销".repeat(37) + "春季\n" },
      errors: [{ messageId: "xTooLong", line: 1, column: 141, message: "X post weighs 300 (limit 280; X counts CJK characters and emoji as 2 and every link as 23): 20 over; X cuts it after “…" }],
    },
    {
      title: "ja: kana and emoji weigh 2 each, in message.md's social text",
      config: X,
      files: { "message.md": "---\nchannels: [social]\nsocial: { text: \"" + "セール🎉".repeat(36) + "\" }\n---\n本文\n" },
      errors: [{ messageId: "xTooLong", line: 3, column: 193, channels: ["social"], message: "X post weighs 288 (limit 280" }],
    },
    {
      title: "en: the link that passes 280 is reported at its start, never cut",
      config: X,
      files: { "social.txt": "a".repeat(270) + " https://lumen.com/spring\n" },
      errors: [{ messageId: "xTooLong", line: 1, column: 272, message: "X post weighs 294 (limit 280" }],
    },
    {
      title: "pl: a stricter max in X's weights",
      config: { channels: { social: { counting: "x", max: 20 } } },
      files: { "social.txt": "Wiosenna wyprzedaż 🌸 w Lumen\n" },
      errors: [{ messageId: "xTooLong", line: 1, column: 20, message: "X post weighs 29 (limit 20" }],
    },
  ],
});

runRuleTests(rule, {
  valid: [
    {
      title: "en: the *bold* and _italic_ marks of a rendered WhatsApp message are not counted",
      config: { channels: { whatsapp: { bodyMax: 30 } } },
      files: { "message.md": "---\nchannels: [whatsapp]\n---\nTake **20% off** with _SPRING20_ now\n" },
    },
  ],
  invalid: [
    {
      title: "pl: a rendered WhatsApp message over the limit counts its words only",
      config: { channels: { whatsapp: { bodyMax: 20 } } },
      files: { "message.md": "---\nlocale: pl\nchannels: [whatsapp]\n---\n**Rabat 20%** na ~~wszystkie~~ namioty\n" },
      errors: [{ messageId: "tooLong", line: 5, column: 27, channels: ["whatsapp"], message: "WhatsApp message is 30 characters (limit 20): 10 over" }],
    },
    {
      title: "id: marks typed by hand in whatsapp.txt are text the customer sees typed, and count",
      config: { channels: { whatsapp: { bodyMax: 20 } } },
      files: { "whatsapp.txt": "*Diskon 10%* semua tenda\n" },
      errors: [{ messageId: "tooLong", line: 1, column: 21, message: "WhatsApp message is 24 characters (limit 20): 4 over" }],
    },
  ],
});
