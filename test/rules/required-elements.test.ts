import { describe, expect, it } from "vitest";
import rule, { findLoose, matchAddress, matchesUrlTemplate } from "../../rules/required-elements.js";
import { runRuleExamples, runRuleTests } from "../helpers/rule-tester.js";

runRuleExamples(rule);

describe("required-elements helpers", () => {
  it("matches URL templates with variables as wildcards, ignoring query and fragment", () => {
    expect(matchesUrlTemplate("https://acme.example/u/{{userId}}", "https://acme.example/u/123?utm_source=email")).toBe(true);
    expect(matchesUrlTemplate("https://acme.example/u/{{userId}}", "https://acme.example/u/")).toBe(true);
    expect(matchesUrlTemplate("https://acme.example/u/{{userId}}/{{list}}", "https://acme.example/u/1/news#x")).toBe(true);
    expect(matchesUrlTemplate("https://acme.example/u/{{userId}}", "https://acme.example/shop")).toBe(false);
    expect(matchesUrlTemplate("https://acme.example/unsubscribe", "HTTPS://ACME.EXAMPLE/unsubscribe?x=1")).toBe(true);
  });
  it("finds text ignoring case and white space, with offsets in the original", () => {
    expect(findLoose("Go!  Reply\n stop  to opt out.", "reply STOP to opt out", "en")).toEqual([{ start: 5, end: 28 }]);
    expect(findLoose("Balas STOP", "balas  stop", "id")).toEqual([{ start: 0, end: 10 }]);
    expect(findLoose("nothing", "STOP", "en")).toEqual([]);
  });
  it("matches an address by its words in order", () => {
    const full = matchAddress("Acme Sp. z o.o. ul. Prosta 1 00-001 Warszawa", "Acme Sp. z o.o., ul. Prosta 1, 00-001 Warszawa", "pl");
    expect(full.words).toBe(full.total);
    expect(matchAddress("ul. Prosta 1, Acme", "Acme, ul. Prosta 1", "pl").words).toBe(1);
    expect(matchAddress("Footer: Acme Ltd, 1 Row, Bristol. Bye", "Acme Ltd., 1 Row, Bristol, United Kingdom", "en")).toEqual({ words: 5, total: 7, end: 32, missingFrom: 27 });
  });
});

const unsubscribe = { channels: { email: { requireUnsubscribe: true } } };
const full = { brand: { name: "Acme", address: "Acme Inc., 1 Main St, Springfield", unsubscribeUrl: "https://acme.example/u/{{userId}}" }, ...unsubscribe, variables: { userId: { sample: "42" } } };
const optOuts = { channels: { sms: { requireOptOut: true, optOut: { en: "Reply STOP to opt out", id: "Balas STOP untuk berhenti", ru: "Отписка: СТОП", pl: "Wypisz: STOP", ar: "للإلغاء أرسل STOP" } } } };
const mjml = (body: string) => `<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n${body}      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n`;

runRuleTests(rule, {
  valid: [
    { title: "en: rendered email with address and unsubscribe URL configured", config: full, files: { "message.md": "---\nchannels: [email]\n---\nHello.\n" } },
    { title: "ru: rendered email and SMS with everything configured", config: { ...full, channels: { ...full.channels, ...optOuts.channels } }, files: { "message.md": "---\nlocale: ru\nchannels: [email, sms]\n---\nСкидка 20% до 31 марта.\n" } },
    { title: "requireUnsubscribe off: nothing is required", files: { "email.mjml": mjml("        <mj-text>Hi</mj-text>\n") } },
    {
      title: "pl: ESP merge tag link with Polish text, address across <br>",
      config: { brand: { name: "Acme", address: "Acme Sp. z o.o., ul. Prosta 1, 00-001 Warszawa" }, ...unsubscribe },
      files: { "campaign.json": '{ "locale": "pl" }', "email.mjml": mjml('        <mj-text>Acme Sp. z o.o.<br/>ul. Prosta 1<br>00-001 Warszawa</mj-text>\n        <mj-text><a href="*|UNSUB|*">Wypisz się</a></mj-text>\n') },
    },
    {
      title: "ar: link text إلغاء الاشتراك counts as the unsubscribe link",
      config: { brand: { name: "Acme", address: "شركة أكمي، دبي" }, ...unsubscribe },
      files: { "campaign.json": '{ "locale": "ar" }', "email.mjml": mjml('        <mj-text>شركة أكمي، دبي — <a href="https://acme.example/prefs">إلغاء الاشتراك</a></mj-text>\n') },
    },
    {
      title: "id: a link matching brand.unsubscribeUrl, with extra query",
      config: full,
      files: { "campaign.json": '{ "locale": "id" }', "email.mjml": mjml('        <mj-text>Acme Inc., 1 Main St, Springfield</mj-text>\n        <mj-button href="https://acme.example/u/{{userId}}?utm_source=email">Kelola langganan</mj-button>\n') },
    },
    {
      title: "en: a link whose URL says unsubscribe",
      config: { brand: { name: "Acme", address: "Acme Inc., 1 Main St" }, ...unsubscribe },
      files: { "email.mjml": mjml('        <mj-text>ACME INC. 1 MAIN ST · <a href="https://esp.example/unsubscribe?id=1">Manage emails</a></mj-text>\n') },
    },
    { title: "id: rendered SMS gets the Indonesian opt-out from the renderer", config: optOuts, files: { "message.md": "---\nlocale: id\nchannels: [sms]\n---\nDiskon 20% hari ini.\n" } },
    { title: "ru: opt-out in another case and with other white space", config: optOuts, files: { "campaign.json": '{ "locale": "ru" }', "sms.txt": "Акме: скидка 20%. отписка:\n  стоп\n" } },
    { title: "ar: language of ar-EG picks the ar opt-out", config: optOuts, files: { "campaign.json": '{ "locale": "ar-EG" }', "sms.txt": "أكمي: خصم ٢٠٪ اليوم. للإلغاء أرسل STOP\n" } },
    { title: "en: sender in capitals followed by a dash", config: { channels: { sms: { requireSender: true } } }, files: { "sms.txt": "ACME - 20% off today\n" } },
    { title: "pl: brand.sender at the start", config: { brand: { name: "Acme", sender: "AcmePL" }, channels: { sms: { requireSender: true } } }, files: { "campaign.json": '{ "locale": "pl" }', "sms.txt": "AcmePL: rabat 20% dziś\n" } },
  ],
  invalid: [
    {
      title: "en: rendered email, config lacks unsubscribe URL and address",
      config: unsubscribe,
      files: { "message.md": "---\nchannels: [email]\n---\nHello.\n" },
      errors: [
        { file: "brand.config.json", messageId: "unsubscribeUrlNotConfigured", line: 7, column: 29, channels: ["email"] },
        { file: "brand.config.json", messageId: "addressNotConfigured", line: 7, column: 29, channels: ["email"] },
      ],
    },
    {
      title: "id: rendered email, config lacks only the unsubscribe URL",
      config: { brand: { name: "Acme", address: "PT Acme, Jl. Sudirman 1, Jakarta" }, ...unsubscribe },
      files: { "message.md": "---\nlocale: id\nchannels: [email, sms]\n---\nDiskon 20%.\n" },
      errors: [{ file: "brand.config.json", messageId: "unsubscribeUrlNotConfigured", line: 8, column: 29 }],
    },
    {
      title: "ru: hand-written email without an unsubscribe link, reported at </mj-body>",
      config: { brand: { name: "Acme", address: "ООО «Акме», Москва, ул. Ленина, 1" }, ...unsubscribe },
      files: {
        "campaign.json": '{ "locale": "ru" }',
        "email.mjml": mjml('        <mj-text>Скидка 20%! <a href="https://acme.example/sale">Подробнее</a></mj-text>\n        <mj-text>ООО «Акме», Москва, ул. Ленина, 1</mj-text>\n'),
      },
      errors: [{ file: "email.mjml", messageId: "missingUnsubscribeLink", line: 9, column: 3, endLine: 9, endColumn: 13, message: "e.g. <a href=\"…\">Отписаться</a>" }],
    },
    {
      title: "en: hand-written email without the address; the example link uses {{unsubscribeUrl}}",
      config: full,
      files: { "email.mjml": mjml('        <mj-text>Spring sale <a href="{{unsubscribeUrl}}">Unsubscribe</a></mj-text>\n') },
      errors: [{ file: "email.mjml", messageId: "missingAddress", line: 8, column: 3, message: "“Acme Inc., 1 Main St, Springfield”" }],
    },
    {
      title: "en: an address without its last part is reported where it ends",
      config: full,
      files: { "email.mjml": mjml('        <mj-text>Acme Inc.<br/>1 Main St · <a href="https://acme.example/u/{{userId}}">Unsubscribe</a></mj-text>\n') },
      errors: [{ file: "email.mjml", messageId: "incompleteAddress", line: 5, column: 41, message: "The postal address in this email is incomplete: add “Springfield” here (brand.address is “Acme Inc., 1 Main St, Springfield”)" }],
    },
    {
      title: "pl: hand-written email with no <mj-body>: reported at the start of the file",
      config: { brand: { name: "Acme", address: "Acme Sp. z o.o., Warszawa" }, ...unsubscribe },
      files: { "campaign.json": '{ "locale": "pl" }', "email.mjml": "<mjml>\n  <mj-head><mj-title>Rabat</mj-title></mj-head>\n</mjml>\n" },
      errors: [
        { file: "email.mjml", messageId: "missingAddress", line: 1, column: 1 },
        { file: "email.mjml", messageId: "missingUnsubscribeLink", line: 1, column: 1, message: "Wypisz się" },
      ],
    },
    {
      title: "ar: hand-written email: the config lacks the address, the email lacks the link",
      config: unsubscribe,
      files: { "campaign.json": '{ "locale": "ar" }', "email.mjml": mjml("        <mj-text>خصم ٢٠٪</mj-text>\n") },
      errors: [
        { file: "brand.config.json", messageId: "addressNotConfigured", line: 7, column: 29 },
        { file: "email.mjml", messageId: "missingUnsubscribeLink", line: 8, column: 3, message: "إلغاء الاشتراك" },
      ],
    },
    {
      title: "id: hand-written SMS without the opt-out: --fix appends it before the final newline",
      config: optOuts,
      files: { "campaign.json": '{ "locale": "id" }', "sms.txt": "Acme: diskon 20% hari ini\n" },
      errors: [{ file: "sms.txt", messageId: "missingOptOut", line: 1, column: 26, message: "end it with “Balas STOP untuk berhenti” (the Indonesian (id) opt-out)" }],
      output: { "sms.txt": "Acme: diskon 20% hari ini Balas STOP untuk berhenti\n" },
    },
    {
      title: "en: an SMS ending with a variable: the opt-out goes after the }}",
      config: { ...optOuts, variables: { firstName: { sample: "Ana" } } },
      files: { "sms.txt": "Acme: 20% off for you, {{firstName}}\n" },
      errors: [{ file: "sms.txt", messageId: "missingOptOut", line: 1, column: 37 }],
      output: { "sms.txt": "Acme: 20% off for you, {{firstName}} Reply STOP to opt out\n" },
    },
    {
      title: "en: an SMS ending inside an {{#if}} block is reported but not fixed",
      config: { ...optOuts, variables: { vip: { sample: "yes" } } },
      files: { "sms.txt": "Acme: 20% off{{#if vip}} for VIPs{{/if}}\n" },
      // Both branches are linted: without VIP the SMS ends after “off”.
      errors: [
        { file: "sms.txt", messageId: "missingOptOut", line: 1, column: 14, message: "(with the other branch of {{#if vip}})" },
        { file: "sms.txt", messageId: "missingOptOut", line: 1, column: 34 },
      ],
    },
    {
      title: "id: rendered SMS with the English opt-out written in message.md",
      config: optOuts,
      files: { "message.md": '---\nlocale: id\nchannels: [sms]\nsms: { text: "Acme: diskon 20%. Reply STOP to opt out" }\n---\nBadan.\n' },
      errors: [
        {
          messageId: "wrongOptOut",
          line: 4,
          column: 33,
          endColumn: 54,
          channels: ["sms"],
          message: "This SMS has the English (en) opt-out “Reply STOP to opt out”; an SMS in Indonesian (id) must use “Balas STOP untuk berhenti”",
        },
      ],
      output: { "message.md": '---\nlocale: id\nchannels: [sms]\nsms: { text: "Acme: diskon 20%. Balas STOP untuk berhenti" }\n---\nBadan.\n' },
    },
    {
      title: "pl: no opt-out for the campaign's locale in the map",
      config: { channels: { sms: { requireOptOut: true, optOut: { en: "Reply STOP", ru: "СТОП" } } } },
      files: { "campaign.json": '{ "locale": "pl" }', "sms.txt": "Acme: rabat 20%\n" },
      errors: [{ file: "brand.config.json", messageId: "noOptOutForLocale", line: 8, column: 17, message: "locale “pl”" }],
    },
    {
      title: "requireOptOut without optOut",
      config: { channels: { sms: { requireOptOut: true } } },
      files: { "sms.txt": "Acme: 20% off\n" },
      errors: [{ file: "brand.config.json", messageId: "optOutNotConfigured", line: 7, column: 24 }],
    },
    {
      title: "id: rendered SMS without the sender: reported at the paragraph, no fix",
      config: { channels: { sms: { requireSender: true } } },
      files: { "message.md": "---\nlocale: id\nchannels: [sms]\n---\nDiskon 20% hari ini.\n" },
      errors: [{ messageId: "missingSender", line: 5, column: 1, channels: ["sms"], message: "“Acme” (brand.name), e.g. “Acme: …”" }],
    },
    {
      title: "ar: hand-written SMS without brand.sender: --fix prepends it",
      config: { brand: { name: "Acme", sender: "أكمي" }, channels: { sms: { requireSender: true } } },
      files: { "campaign.json": '{ "locale": "ar" }', "sms.txt": "خصم ٢٠٪ اليوم\n" },
      errors: [{ file: "sms.txt", messageId: "missingSender", line: 1, column: 1, message: "“أكمي” (brand.sender)" }],
      output: { "sms.txt": "أكمي: خصم ٢٠٪ اليوم\n" },
    },
    {
      title: "en: a word that merely starts with the sender name does not count",
      config: { channels: { sms: { requireSender: true } } },
      files: { "sms.txt": "Acmeville sale today\n" },
      errors: [{ file: "sms.txt", messageId: "missingSender", line: 1, column: 1 }],
      output: { "sms.txt": "Acme: Acmeville sale today\n" },
    },
    {
      title: "pl: optOutAtEnd reports an opt-out in the middle",
      config: optOuts,
      options: { optOutAtEnd: true },
      files: { "campaign.json": '{ "locale": "pl" }', "sms.txt": "Acme: Wypisz: STOP. Rabat 20% dziś\n" },
      errors: [{ file: "sms.txt", messageId: "optOutNotAtEnd", line: 1, column: 7, endColumn: 19 }],
    },
  ],
});
