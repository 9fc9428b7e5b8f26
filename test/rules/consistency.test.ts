import { describe, expect, it } from "vitest";
import rule from "../../rules/consistency.js";
import { builtInLanguages } from "../../src/config/languages.js";
import { findDates as findDatesIn, findEndDates, numericOrderFor } from "../../src/text/dates.js";
import { runRuleExamples, runRuleTests } from "../helpers/rule-tester.js";

runRuleExamples(rule);

const findDates = (text: string, locale: string) => findDatesIn(text, locale, builtInLanguages());
const ends = (text: string, locale: string) => findEndDates(text, locale, builtInLanguages()).map((d) => `${d.cue}|${d.text}=${d.month}/${d.day}`);

describe("dates", () => {
  it("finds end dates in English", () => {
    expect(ends("Sale ends Mar. 31st, until 3/31 till 31.03.2026 by 31-03 through Sunday, March 30, 2026. Also on April 5.", "en")).toEqual([
      "ends|Mar. 31st=3/31",
      "until|3/31=3/31",
      "till|31.03.2026=3/31",
      "by|31-03=3/31",
      "through|March 30, 2026=3/30",
    ]);
    expect(ends("Valid until the 1st of May", "en")).toEqual(["until|1st of May=5/1"]);
    expect(ends("until 11:59 pm on March 31", "en")).toEqual(["until|March 31=3/31"]);
    expect(ends("until 9pm, March 31", "en")).toEqual(["until|March 31=3/31"]);
  });
  it("finds end dates in Indonesian, Russian, Polish and Arabic", () => {
    expect(ends("berlaku s.d. 30 April, s/d 30/4, sampai dengan 30 Mei, hingga tanggal 1 Juni", "id")).toEqual([
      "s.d|30 April=4/30",
      "s/d|30/4=4/30",
      "sampai dengan|30 Mei=5/30",
      "hingga|1 Juni=6/1",
    ]);
    expect(ends("до 31 марта, по 30.03. до 1-го мая. Цена до 12.05 руб", "ru")).toEqual(["до|31 марта=3/31", "по|30.03=3/30", "до|1-го мая=5/1"]);
    expect(ends("sampai pukul 23.59 WIB 30 April", "id")).toEqual(["sampai|30 April=4/30"]);
    expect(ends("до 23:59 31 марта", "ru")).toEqual(["до|31 марта=3/31"]);
    expect(ends("do 31 marca, kończy się 30 wrzesnia, rabat do 12.05 zł", "pl")).toEqual(["do|31 marca=3/31", "kończy się|30 wrzesnia=9/30"]);
    expect(ends("حتى ٢٠ مارس، لغاية 20 آذار وحتى ٣١ كانون الثاني", "ar")).toEqual(["حتى|٢٠ مارس=3/20", "لغاية|20 آذار=3/20", "وحتى|٣١ كانون الثاني=1/31"]);
  });
  it("reads month and weekday names of every language from Intl, and end-date words before or after the date from the data", () => {
    expect(ends("Angebot gültig bis 31. März", "de")).toEqual(["gültig bis|31. März=3/31"]);
    expect(ends("Oferta válida hasta el 31 de marzo", "es")).toEqual(["hasta el|31 de marzo=3/31"]);
    expect(ends("Offre valable jusqu’au 31 mars", "fr")).toEqual(["jusqu’au|31 mars=3/31"]);
    expect(ends("Válido até 31 de março", "pt")).toEqual(["até|31 de março=3/31"]);
    expect(ends("המבצע בתוקף עד 31 במרץ", "he")).toEqual(["בתוקף עד|31 במרץ=3/31"]);
    expect(ends("Акція діє до 31 березня", "uk")).toEqual(["до|31 березня=3/31"]);
    expect(ends("セールは3月31日まで", "ja")).toEqual(["まで|3月31日=3/31"]);
    expect(ends("优惠截至3月31日", "zh")).toEqual(["截至|3月31日=3/31"]);
    expect(ends("3월 31일까지 할인", "ko")).toEqual(["일까지|3월 31=3/31"]);
    expect(ends("31 मार्च तक छूट", "hi")).toEqual(["तक|31 मार्च=3/31"]);
    expect(ends("Ưu đãi đến hết 31 tháng 3", "vi")).toEqual(["đến hết|31 tháng 3=3/31"]);
    expect(ends("until Monday, 31 March", "en")).toEqual(["until|31 March=3/31"]);
  });
  it("ignores dates without a cue, across a sentence end, and invalid dates", () => {
    expect(ends("Launched on 1 March. Shop now!", "en")).toEqual([]);
    expect(ends("Hurry until stocks last! March 31 is the day", "en")).toEqual([]);
    expect(ends("until 31 February", "en")).toEqual([]);
    expect(findDates("Rabat 20%, cena 12.99", "pl")).toEqual([]);
  });
  it("does not read Polish “się” as an abbreviated month", () => {
    expect(ends("Promocja kończy się 31 marca", "pl")).toEqual(["kończy się|31 marca=3/31"]);
  });
  it("reads numeric dates by locale, unless a part is above 12", () => {
    expect(numericOrderFor("en")).toBe("mdy");
    expect(numericOrderFor("en-US")).toBe("mdy");
    expect(numericOrderFor("en-GB")).toBe("dmy");
    expect(numericOrderFor("id")).toBe("dmy");
    expect(findDates("until 03/04", "en-GB").map((d) => [d.month, d.day])).toEqual([[4, 3]]);
    expect(findDates("until 03/04", "en").map((d) => [d.month, d.day])).toEqual([[3, 4]]);
    expect(findDates("until 31/03 and 3/31", "en").map((d) => [d.month, d.day])).toEqual([[3, 31], [3, 31]]);
  });
});

const offers = { offers: [{ code: "SPRING20", discount: "20%", ends: "2026-03-31" }] };

runRuleTests(rule, {
  valid: [
    { title: "en: email addresses, handles, hashtags and domains are not prose", files: { "social.txt": "Write to hello@acme.example, follow @acme and #acme, or visit acme.example\n" } },
    { title: "en: the name in capitals inside an all-capitals heading", files: { "message.md": "---\nchannels: [email]\n---\n# SPRING SALE AT ACME\n\nAcme has new lamps.\n" } },
    { title: "en: allow lists a common word the brand shares", config: { brand: { name: "Lumen" } }, options: { allow: ["lumen"] }, files: { "sms.txt": "Lumen: an 800 lumen bulb for 20% less\n" } },
    { title: "en: a case-sensitive tone term is left to tone-words", config: { tone: { terms: [{ use: "Acme", instead: ["ACME"], caseSensitive: true }] } }, files: { "push.json": '{ "title": "ACME deals", "body": "" }\n' } },
    { title: "en: a variable's value is not checked", config: { variables: { shop: { sample: "acme store" } } }, files: { "sms.txt": "Visit the {{shop}} today\n" } },
    {
      title: "id: the same end date written two ways",
      files: { "message.md": "---\nlocale: id\nchannels: [email, sms]\n---\nDiskon 20% sampai 30 April.\n", "sms.txt": "Acme: diskon 20% s/d 30/4\n" },
    },
    { title: "ru: до 31 марта and по 31.03 agree", files: { "message.md": "---\nlocale: ru\nchannels: [email, push]\n---\nСкидка 20% до 31 марта.\n", "push.json": '{ "title": "Скидка", "body": "Скидка 20% по 31.03" }\n' } },
    { title: "pl: a price after “do” is not a date", files: { "message.md": "---\nlocale: pl\nchannels: [email, sms]\n---\nRabat 20% do 31 marca.\n", "sms.txt": "Acme: buty do 12.05 zł\n" } },
    { title: "en: dates without an end cue may differ", files: { "message.md": "---\nchannels: [email, sms]\n---\nLaunched on 1 March. Sale until March 31.\n", "sms.txt": "Acme: new since 2 March, sale until Mar 31\n" } },
    { title: "ar: ٣١ مارس and 31 آذار agree", files: { "message.md": "---\nlocale: ar\nchannels: [email, whatsapp]\n---\nخصم ٢٠٪ حتى ٣١ مارس.\n", "whatsapp.txt": "خصم ٢٠٪ حتى 31 آذار\n" } },
    { title: "en-GB: numeric dates are day first", files: { "message.md": "---\nlocale: en-GB\nchannels: [email, sms]\n---\nSale until 3 April.\n", "sms.txt": "Acme: sale until 03/04\n" } },
    { title: "en: the offer's end date from the config agrees", config: offers, files: { "message.md": "---\noffer: SPRING20\nchannels: [email, sms]\n---\nTake 20% off until March 31.\n" } },
    { title: "en: endDates off", options: { endDates: false }, files: { "message.md": "---\nchannels: [email, sms]\n---\nSale until March 31.\n", "sms.txt": "Acme: sale until March 30\n" } },
  ],
  invalid: [
    {
      title: "en: a wrong case in message.md is one finding for all five channels, fixed once",
      files: { "message.md": '---\nsubject: "New at Acme"\n---\n# Spring\n\nShop acme lamps today.\n\n[Shop](https://acme.example/spring)\n' },
      errors: [{ messageId: "brandName", line: 6, column: 6, endColumn: 10, channels: ["email", "sms", "push", "whatsapp", "social"], message: "Write the brand name as “Acme”, not “acme”" }],
      output: { "message.md": '---\nsubject: "New at Acme"\n---\n# Spring\n\nShop Acme lamps today.\n\n[Shop](https://acme.example/spring)\n' },
    },
    {
      title: "en: push.json title in capitals",
      files: { "push.json": '{ "title": "ACME deals", "body": "" }\n' },
      errors: [{ messageId: "brandName", line: 1, column: 13, channels: ["push"] }],
      output: { "push.json": '{ "title": "Acme deals", "body": "" }\n' },
    },
    {
      title: "en: allowAllCaps off reports a shouted heading",
      options: { allowAllCaps: false },
      files: { "message.md": "---\nchannels: [email]\n---\n# SPRING SALE AT ACME\n" },
      errors: [{ messageId: "brandName", line: 4, column: 18 }],
      output: { "message.md": "---\nchannels: [email]\n---\n# SPRING SALE AT Acme\n" },
    },
    {
      title: "ru: a Cyrillic brand name in capitals",
      config: { brand: { name: "Лумен" } },
      files: { "campaign.json": '{ "locale": "ru" }', "sms.txt": "ЛУМЕН: скидки на лампы\n" },
      errors: [{ file: "sms.txt", messageId: "brandName", line: 1, column: 1, message: "Write the brand name as “Лумен”, not “ЛУМЕН”" }],
      output: { "sms.txt": "Лумен: скидки на лампы\n" },
    },
    {
      title: "pl: lower case in a hand-written email",
      files: { "campaign.json": '{ "locale": "pl" }', "email.mjml": "<mjml><mj-body><mj-section><mj-column>\n  <mj-text>Nowości w sklepie acme</mj-text>\n</mj-column></mj-section></mj-body></mjml>\n" },
      errors: [{ file: "email.mjml", messageId: "brandName", line: 2, column: 30, channels: ["email"] }],
      output: { "email.mjml": "<mjml><mj-body><mj-section><mj-column>\n  <mj-text>Nowości w sklepie Acme</mj-text>\n</mj-column></mj-section></mj-body></mjml>\n" },
    },
    {
      title: "ar: a Latin brand name in Arabic text",
      files: { "campaign.json": '{ "locale": "ar" }', "whatsapp.txt": "خصم من ACME اليوم\n" },
      errors: [{ file: "whatsapp.txt", messageId: "brandName", line: 1, column: 8 }],
      output: { "whatsapp.txt": "خصم من Acme اليوم\n" },
    },
    {
      title: "ru: the hand-written SMS ends a day early (tie: the email wins)",
      files: { "message.md": "---\nlocale: ru\nchannels: [email, sms]\n---\nСкидка 20% до 31 марта.\n", "sms.txt": "Акме: скидка 20% до 30.03\n" },
      errors: [{ file: "sms.txt", messageId: "endDate", line: 1, column: 21, endColumn: 26, channels: ["sms"], message: "SMS says the offer ends 30 March; email says 31 March" }],
    },
    {
      title: "pl: the SMS text in the frontmatter disagrees with email and push",
      files: { "message.md": '---\nlocale: pl\nchannels: [email, sms, push]\nsms: { text: "Acme: rabat 20% do 30 marca" }\n---\n# Wiosna\n\nRabat 20% na wszystko do 31 marca.\n' },
      errors: [{ messageId: "endDate", line: 4, column: 34, channels: ["sms"], message: "SMS says the offer ends 30 March; email and push say 31 March" }],
    },
    {
      title: "ar: a hand-written WhatsApp text against all derived channels",
      files: {
        "message.md": "---\nlocale: ar\n---\n# تخفيضات\n\nخصم ٢٠٪ حتى ٣١ مارس.\n",
        "whatsapp.txt": "خصم ٢٠٪ حتى ٣٠ مارس\n",
        "push.json": '{ "title": "تخفيضات", "body": "خصم ٢٠٪ حتى 31 آذار" }\n',
      },
      errors: [{ file: "whatsapp.txt", messageId: "endDate", line: 1, column: 13, channels: ["whatsapp"], message: "WhatsApp says the offer ends 30 March; email, SMS, push, and social say 31 March" }],
    },
    {
      title: "id: push.json states another end date",
      files: { "message.md": "---\nlocale: id\n---\nDiskon 20% sampai 30 April.\n", "push.json": '{ "title": "Diskon", "body": "Diskon 20% s/d 29/4" }\n' },
      errors: [{ file: "push.json", messageId: "endDate", line: 1, column: 46, message: "Push says the offer ends 29 April; email, SMS, WhatsApp, and social say 30 April" }],
    },
    {
      title: "en: the config's offer end date is the reference",
      config: offers,
      files: { "message.md": "---\noffer: SPRING20\nchannels: [email, sms]\n---\nTake 20% off until March 30.\n" },
      errors: [{ messageId: "endDateOffer", line: 5, column: 20, channels: ["email", "sms"], message: "Email and SMS say the offer ends 30 March, but offer SPRING20 ends 31 March (2026-03-31 in brand.config.json)" }],
    },
    {
      title: "en: one variant that contradicts itself",
      files: { "message.md": '---\nchannels: [email, push]\nsubject: "Sale until March 30"\n---\n# Sale\n\nTake 20% off until March 31.\n' },
      errors: [{ messageId: "endDate", line: 3, column: 22, channels: ["email"], message: "Email says the offer ends 30 March; email (elsewhere) and push say 31 March" }],
    },
  ],
});

runRuleTests(rule, {
  valid: [],
  invalid: [
    {
      title: "ja: the SMS ends the sale a day early (numbered months from Intl, まで after the date)",
      files: { "message.md": '---\nlocale: ja\nchannels: [email, sms, push]\nsms: { text: "セールは3月30日まで" }\n---\n# セール\n\nセールは3月31日まで。\n' },
      errors: [{ messageId: "endDate", line: 4, column: 19, endColumn: 24, message: "SMS says the offer ends 30 March; email and push say 31 March", channels: ["sms"] }],
    },
  ],
});
