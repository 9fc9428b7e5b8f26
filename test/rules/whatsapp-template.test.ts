import { rmSync } from "node:fs";
import { describe, expect, it } from "vitest";
import rule from "../../rules/whatsapp-template.js";
import { lint } from "../../src/lint.js";
import { runRuleExamples, runRuleTests, writeCase } from "../helpers/rule-tester.js";

runRuleExamples(rule);

const md = (front: string, body = "Hello.\n") => `---\n${front}\n---\n${body}`;

runRuleTests(rule, {
  valid: [
    {
      title: "id: frontmatter header, footer and buttons within Meta's limits",
      files: {
        "message.md": md(
          'locale: id\nchannels: [whatsapp]\nwhatsapp:\n  header: "Promo gajian Lumen"\n  footer: "Balas STOP untuk berhenti"\n  buttons:\n    - text: "Belanja sekarang"\n      url: "https://lumen.example/id/{{1}}"\n    - text: "Nanti saja"',
          "Halo {{firstName}}, diskon **10%** untuk semua tenda sampai 30 April.\n",
        ),
      },
    },
    {
      title: "ar: parameters between words, numbered in sequence",
      files: { "campaign.json": '{ "locale": "ar" }', "whatsapp.txt": "مرحبا {{1}}، طلبك رقم {{2}} في الطريق إليك.\n" },
    },
    {
      title: "en: {{brand}} is filled from the config, so a body starting with it is fine",
      files: { "whatsapp.txt": "{{brand}}: your 20% code SPRING20 is ready.\n" },
    },
  ],
  invalid: [
    {
      title: "en: a WhatsApp body starting with {{1}} (hand-written whatsapp.txt)",
      files: { "whatsapp.txt": "{{1}}, your 20% code SPRING20 is ready until March 31.\n" },
      errors: [{ messageId: "startsWithParameter", line: 1, column: 1, endColumn: 6, message: "The WhatsApp body starts with {{1}}: Meta rejects a template whose body starts or ends with a parameter; begin with words (“Hi {{1}}, …”)" }],
    },
    {
      title: "pl: whatsapp.text in the frontmatter starts with {{1}} and ends with {{2}}",
      files: { "message.md": md('locale: pl\nchannels: [whatsapp]\nwhatsapp: { text: "{{1}}, Twój kod rabatowy to {{2}}" }', "Treść.\n") },
      errors: [
        { messageId: "startsWithParameter", line: 4, column: 20, channels: ["whatsapp"] },
        { messageId: "endsWithParameter", line: 4, column: 48, message: "The WhatsApp body ends with {{2}}" },
      ],
    },
    {
      title: "id: two parameters side by side, and {{3}} without {{2}}",
      files: { "campaign.json": '{ "locale": "id" }', "whatsapp.txt": "Halo {{1}} {{3}}, pesanan Anda sudah dikirim.\n" },
      errors: [
        { messageId: "adjacentParameters", line: 1, column: 12, message: "{{1}} and {{3}} stand side by side" },
        { messageId: "outOfSequence", line: 1, column: 12, message: "{{3}} skips {{2}}: Meta numbers parameters {{1}}, {{2}}, {{3}}… in sequence" },
      ],
    },
    {
      title: "ar: a header over 60 characters with two parameters (whatsapp.json)",
      files: {
        "campaign.json": '{ "locale": "ar" }',
        "whatsapp.json": `{\n  "header": "عروض رمضان {{1}} من Lumen {{2}} على كل معدات الرحلات والخيام والحقائب",\n  "body": "مرحبا {{1}}، خصم ٢٥٪ حتى ٢٠ مارس."\n}\n`,
      },
      errors: [
        { messageId: "headerParameters", file: "whatsapp.json", line: 2, column: 40, message: "A WhatsApp header takes at most 1 parameter; {{2}} is its 2nd" },
        { messageId: "tooLong", file: "whatsapp.json", line: 2, column: 82, message: "WhatsApp header is 61 characters (limit 60): 1 over" },
      ],
    },
    {
      title: "en: eleven buttons, three of them URL buttons, one label too long",
      config: { channels: { whatsapp: { buttonMax: 20 } } },
      files: {
        "whatsapp.json": `{\n  "body": "Hi {{1}}, spring is here.",\n  "buttons": [\n${[
          '    { "text": "Tents", "url": "https://lumen.example/tents" }',
          '    { "text": "Sleeping bags", "url": "https://lumen.example/bags" }',
          '    { "text": "Stoves and cookware", "url": "https://lumen.example/stoves" }',
          ...["A", "B", "C", "D", "E", "F", "G"].map((x) => `    { "text": "Option ${x}" }`),
          '    { "text": "Everything else in the shop" }',
        ].join(",\n")}\n  ]\n}\n`,
      },
      errors: [
        { messageId: "tooManyUrlButtons", line: 6, column: 5, message: "at most 2 URL buttons; this is the 3rd" },
        { messageId: "tooManyButtons", line: 14, column: 5, message: "at most 10 buttons; this is the 11th" },
        { messageId: "tooLong", line: 14, column: 36, message: "WhatsApp button label is 27 characters (limit 20): 7 over" },
      ],
    },
    {
      title: "id: a frontmatter URL button with its variable in the middle, and a footer over the configured limit",
      config: { channels: { whatsapp: { footerMax: 20 } } },
      files: {
        "message.md": md(
          'locale: id\nchannels: [whatsapp]\nwhatsapp:\n  footer: "Balas STOP untuk berhenti berlangganan"\n  buttons:\n    - text: "Lacak pesanan"\n      url: "https://lumen.example/{{1}}/lacak"',
          "Halo {{firstName}}, pesanan Anda sudah dikirim.\n",
        ),
      },
      errors: [
        { messageId: "tooLong", line: 5, column: 32, message: "WhatsApp footer is 38 characters (limit 20): 18 over" },
        { messageId: "urlVariable", line: 8, column: 35, message: "{{1}} must end the button's URL" },
      ],
    },
  ],
});

describe("whatsapp.json that cannot be read as a template", () => {
  it("names each problem at its position, and the run goes on", async () => {
    const dir = writeCase({
      files: {
        "whatsapp.json": '{\n  "header": 5,\n  "buttons": [ { "text": "Go", "colour": "red" }, 3 ]\n}\n',
      },
    });
    try {
      const report = await lint({ cwd: dir });
      const found = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`));
      expect(found).toEqual([
        '1:1 parse-error whatsapp.json: has no "body": a WhatsApp template needs its message text',
        '2:13 parse-error whatsapp.json: "header" must be a text',
        '3:32 parse-error whatsapp.json: unknown key "colour" in buttons[0] (expected type, text, url, phone)',
        '3:51 parse-error whatsapp.json: buttons[1] must be an object like {"text": "Shop now", "url": "https://..."}',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
