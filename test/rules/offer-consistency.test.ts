import { rmSync } from "node:fs";
import { describe, expect, it } from "vitest";
import rule from "../../rules/offer-consistency.js";
import { lint } from "../../src/lint.js";
import { runRuleExamples, runRuleTests, writeCase } from "../helpers/rule-tester.js";
import type { Channel } from "../../src/types.js";

runRuleExamples(rule);

const ALL: Channel[] = ["email", "sms", "push", "whatsapp", "social"];
const offers = {
  offers: [
    { code: "SPRING20", discount: "20%", starts: "2026-03-01", ends: "2026-03-31" },
    { code: "AUTUMN15", discount: "15%", starts: "2026-10-01", ends: "2026-10-31" },
  ],
};
const spring = (locale: string, extra = "") => `{ "offer": "SPRING20", "locale": "${locale}"${extra} }`;
const autumn = (locale: string) => `{ "offer": "AUTUMN15", "locale": "${locale}", "send": "2026-10-05" }`;

runRuleTests(rule, {
  valid: [
    {
      title: "en: the offer's discount in subject, heading and body, with the code",
      config: offers,
      files: {
        "message.md": '---\noffer: SPRING20\nsend: 2026-03-20\nsubject: "Spring: 20% off"\n---\n# 20% off everything\n\nTake **20% off** everything with code **SPRING20** until March 31.\n\n[Shop](https://acme.example/spring)\n',
      },
    },
    {
      title: "en: cotton, VAT, APR and shares of customers are not discounts",
      config: offers,
      files: { "campaign.json": spring("en"), "sms.txt": "Take 20% off with SPRING20. Tees are 100% cotton, 50% recycled; prices include 23% VAT. 4.9% APR financing. Up to 70% of customers come back." },
    },
    {
      title: "en: save 20% on 50% cotton tees",
      config: offers,
      files: { "campaign.json": spring("en"), "sms.txt": "Save 20% on 50% cotton tees with SPRING20" },
    },
    {
      title: "en: percentages in URLs and variable values are not read",
      config: { ...offers, variables: { pct: { sample: "35%" } } },
      files: { "campaign.json": spring("en"), "sms.txt": "Save 20% with SPRING20, or {{pct}} off: https://acme.example/s?d=30%25off&c=SPRING25" },
    },
    {
      title: "en: inline code, hashtags and far-off SKUs are not codes",
      config: offers,
      files: { "message.md": "---\noffer: SPRING20\n---\nTake 20% off with SPRING20 #SPRING26, try `SPRING25`, item AB12345.\n" },
    },
    {
      title: "en: the campaign's code in lower case counts as stated",
      config: offers,
      files: { "campaign.json": spring("en"), "sms.txt": "Acme: 20% off with spring20" },
    },
    {
      title: "en: send dates on the first and last day of the window",
      config: offers,
      files: { "message.md": "---\noffer: SPRING20\nsend: 2026-03-01\nsms: { send: 2026-03-31 }\n---\nTake 20% off with SPRING20.\n" },
    },
    {
      title: "en: no offer declared and every variant agrees",
      files: { "message.md": "---\nchannels: [email, push]\n---\nSave 20% on jackets.\n", "sms.txt": "Acme: -20% on jackets" },
    },
    {
      title: "en: with no offer, tiers in the body and one tier in the SMS agree",
      files: { "message.md": "---\nchannels: [email]\n---\nTake 20% off shoes and 30% off bags.\n", "sms.txt": "Acme: 30% off bags today" },
    },
    {
      title: "en: buy 2 get 20% off the second; 2 for 1 is no percentage",
      config: offers,
      files: { "campaign.json": spring("en"), "sms.txt": "Buy 2 get 20% off the second with SPRING20, or 2 for 1 on socks." },
    },
    {
      title: "en: a range is checked by its upper bound",
      config: offers,
      files: { "campaign.json": spring("en"), "sms.txt": "Save 10–20% with SPRING20" },
    },
    {
      title: "en: upTo ignore skips up-to statements",
      config: offers,
      options: { upTo: "ignore" },
      files: { "campaign.json": spring("en"), "sms.txt": "Save up to 50% with SPRING20" },
    },
    {
      title: "en: requireCode false",
      config: offers,
      options: { requireCode: false },
      files: { "campaign.json": spring("en"), "sms.txt": "Acme: 20% off everything" },
    },
    {
      title: "en: a brand's own non-discount cue",
      config: offers,
      options: { extraNonDiscountCues: { en: ["loyalty"] } },
      files: { "campaign.json": spring("en"), "sms.txt": "Sale: 5% loyalty bonus and 20% off with SPRING20" },
    },
    {
      title: "en: cashback, sold-out shares and comparisons are not discounts",
      config: offers,
      files: { "campaign.json": spring("en"), "sms.txt": "Sale: 20% off with SPRING20, 5% cashback on sale items. Sale ends soon, 80% sold out! Sale tees dry 30% faster." },
    },
    {
      title: "pl: a word the brand did not add is no cue",
      config: offers,
      files: { "campaign.json": spring("pl"), "sms.txt": "Okazja: 25% na buty. Kod SPRING20" },
    },
    {
      title: "en: another offer's code is fine when the campaign declares no offer",
      config: offers,
      files: { "sms.txt": "Acme: 15% off with AUTUMN15" },
    },
    {
      title: "id: hemat hingga, kode and PPN 11%",
      config: offers,
      files: { "campaign.json": spring("id"), "sms.txt": "Hemat hingga 20% dengan kode SPRING20! Harga sudah termasuk PPN 11%." },
    },
    {
      title: "id: 20 persen and s.d.",
      config: offers,
      files: { "campaign.json": spring("id"), "whatsapp.txt": "Diskon 20 persen pakai kode SPRING20. Potongan s.d. 20% untuk semua produk, bunga 0%." },
    },
    {
      title: "ar: Arabic-Indic digits ٢٠٪ equal 20%, ضريبة ١٥٪ is a tax",
      config: offers,
      files: { "campaign.json": spring("ar"), "sms.txt": "خصم ٢٠٪ على كل المنتجات مع الرمز SPRING20. الأسعار تشمل ضريبة ١٥٪." },
    },
    {
      title: "ar: Eastern Arabic-Indic digits ۲۰٪ and an attached preposition",
      config: offers,
      files: { "campaign.json": spring("ar"), "sms.txt": "تسوق الآن بخصم ۲۰٪ واستخدم كود SPRING20" },
    },
    {
      title: "ar: percent sign before the number (%20)",
      config: offers,
      files: { "campaign.json": spring("ar"), "sms.txt": "خصم %20 مع SPRING20 و٪٢٠ للجميع" },
    },
    {
      title: "ru: -15% and НДС 20% with the autumn offer",
      config: offers,
      files: { "campaign.json": autumn("ru"), "sms.txt": "Скидка -15% по промокоду AUTUMN15. Цены с НДС 20%, 4,9% годовых." },
    },
    {
      title: "ru: a narrow no-break space before the percent sign",
      config: offers,
      files: { "campaign.json": spring("ru"), "sms.txt": "Скидка 20\u202F% по коду SPRING20" },
    },
    {
      title: "pl: 23% VAT, RRSO and a no-break space",
      config: offers,
      files: { "campaign.json": spring("pl"), "sms.txt": "Rabat 20\u00A0% z kodem SPRING20. Cena zawiera 23% VAT, RRSO 9,9%." },
    },
    {
      title: "pl: Polish written without diacritics in SMS",
      config: offers,
      files: { "campaign.json": spring("pl"), "sms.txt": "Znizka 20% na buty, kod SPRING20, 100% bawelna" },
    },
  ],
  invalid: [
    {
      title: "en: a wrong discount in message.md's first paragraph is one finding for every channel",
      config: offers,
      files: { "message.md": "---\noffer: SPRING20\nsend: 2026-03-20\n---\n# Spring\n\nTake **25% off** with SPRING20.\n" },
      errors: [{ messageId: "wrongDiscount", line: 7, column: 8, endLine: 7, endColumn: 11, channels: ALL, message: "‘25%’ does not match this campaign's offer: SPRING20 is 20%", suggestions: [{"desc":"Write ‘20%’ (offer SPRING20)","output":{"message.md":"---\noffer: SPRING20\nsend: 2026-03-20\n---\n# Spring\n\nTake **20% off** with SPRING20.\n"}}] }],
    },
    {
      title: "en: 25 % with a space, in a hand-written SMS",
      config: offers,
      files: { "campaign.json": spring("en"), "sms.txt": "Acme: take 25 % off\nwith SPRING20" },
      errors: [{ messageId: "wrongDiscount", file: "sms.txt", line: 1, column: 12, endColumn: 16, channels: ["sms"], suggestions: [{"desc":"Write ‘20 %’ (offer SPRING20)","output":{"sms.txt":"Acme: take 20 % off\nwith SPRING20"}}] }],
    },
    {
      title: "en: only the email subject is wrong",
      config: offers,
      files: { "message.md": '---\noffer: SPRING20\nsubject: "Spring: 30% off"\n---\nTake 20% off with SPRING20.\n' },
      errors: [{ messageId: "wrongDiscount", line: 3, column: 19, channels: ["email"], suggestions: [{"desc":"Write ‘20%’ (offer SPRING20)","output":{"message.md":"---\noffer: SPRING20\nsubject: \"Spring: 20% off\"\n---\nTake 20% off with SPRING20.\n"}}] }],
    },
    {
      title: "en: a push title override is wrong",
      config: offers,
      files: { "message.md": '---\noffer: SPRING20\npush: { title: "Sale: 30% off" }\n---\nTake 20% off with SPRING20.\n' },
      errors: [{ messageId: "wrongDiscount", line: 3, column: 23, channels: ["push"], suggestions: [{"desc":"Write ‘20%’ (offer SPRING20)","output":{"message.md":"---\noffer: SPRING20\npush: { title: \"Sale: 20% off\" }\n---\nTake 20% off with SPRING20.\n"}}] }],
    },
    {
      title: "en: a list item seen by email and WhatsApp",
      config: offers,
      files: { "message.md": "---\noffer: SPRING20\n---\nTake 20% off with SPRING20.\n\n- Hats 25% off\n" },
      errors: [{ messageId: "wrongDiscount", line: 6, column: 8, channels: ["email", "whatsapp"], suggestions: [{"desc":"Write ‘20%’ (offer SPRING20)","output":{"message.md":"---\noffer: SPRING20\n---\nTake 20% off with SPRING20.\n\n- Hats 20% off\n"}}] }],
    },
    {
      title: "en: a bold -25% is one finding in every channel, WhatsApp's *-25%* included",
      config: offers,
      files: { "message.md": "---\noffer: SPRING20\n---\nJackets **-25%** with SPRING20\n" },
      errors: [{ messageId: "wrongDiscount", line: 4, column: 11, endColumn: 15, channels: ALL, suggestions: [{"desc":"Write ‘-20%’ (offer SPRING20)","output":{"message.md":"---\noffer: SPRING20\n---\nJackets **-20%** with SPRING20\n"}}] }],
    },
    {
      title: "en: a hand-written MJML email",
      config: offers,
      files: {
        "campaign.json": spring("en"),
        "email.mjml": "<mjml><mj-body><mj-section><mj-column>\n  <mj-text>Save 30% with SPRING20</mj-text>\n</mj-column></mj-section></mj-body></mjml>\n",
      },
      errors: [{ messageId: "wrongDiscount", file: "email.mjml", line: 2, column: 17, channels: ["email"], suggestions: [{"desc":"Write ‘20%’ (offer SPRING20)","output":{"email.mjml":"<mjml><mj-body><mj-section><mj-column>\n  <mj-text>Save 20% with SPRING20</mj-text>\n</mj-column></mj-section></mj-body></mjml>\n"}}] }],
    },
    {
      title: "en: save up to 30% when the offer is 20%",
      config: offers,
      files: { "campaign.json": spring("en"), "sms.txt": "Save up to 30% with SPRING20" },
      errors: [{ messageId: "wrongDiscount", line: 1, column: 12, suggestions: [{"desc":"Write ‘20%’ (offer SPRING20)","output":{"sms.txt":"Save up to 20% with SPRING20"}}] }],
    },
    {
      title: "en: with no offer, a hand-written SMS disagrees with message.md",
      files: { "message.md": "---\nlocale: en\n---\nTake 20% off all jackets.\n", "sms.txt": "Acme: 15% off all jackets" },
      errors: [{ messageId: "disagree", file: "sms.txt", line: 1, column: 7, channels: ["sms"], message: "‘15%’ disagrees with the rest of the campaign: 20% in email, push, WhatsApp, and social" }],
    },
    {
      title: "en: another offer's code",
      config: offers,
      files: { "campaign.json": spring("en"), "sms.txt": "Take 20% off with AUTUMN15" },
      errors: [
        { messageId: "otherOfferCode", line: 1, column: 19, endColumn: 27, message: "‘AUTUMN15’ is the code of another offer (15%, Oct 1 – 31, 2026); this campaign's offer is SPRING20", suggestions: [{"desc":"Write ‘SPRING20’","output":{"sms.txt":"Take 20% off with SPRING20"}}] },
      ],
    },
    {
      title: "en: an unknown word after 'code'",
      config: offers,
      files: { "campaign.json": spring("en"), "sms.txt": "Use code SAVEBIG for 20% off" },
      errors: [
        { messageId: "unknownCode", line: 1, column: 10, message: "‘SAVEBIG’ is not an offer code in brand.config.json; this campaign's offer is SPRING20", suggestions: [{"desc":"Write ‘SPRING20’","output":{"sms.txt":"Use code SPRING20 for 20% off"}}] },
      ],
    },
    {
      title: "en: the send date lies before the offer starts (campaign.json)",
      config: offers,
      files: { "campaign.json": spring("en", ', "send": "2026-02-20"'), "sms.txt": "Take 20% off with SPRING20" },
      errors: [{ messageId: "sendBeforeStart", file: "campaign.json", line: 1, column: 48, message: "send date 2026-02-20 is before offer SPRING20 starts (Mar 1 – 31, 2026)", channels: ["sms"] }],
    },
    {
      title: "en: a channel's own send date after the offer ended",
      config: offers,
      files: { "message.md": "---\noffer: SPRING20\nsend: 2026-03-20\nsms: { send: 2026-04-05 }\n---\nTake 20% off with SPRING20.\n" },
      errors: [{ messageId: "sendAfterEnd", line: 4, column: 14, channels: ["sms"], message: "sms.send date 2026-04-05 is after offer SPRING20 ended" }],
    },
    {
      title: "en: the discount without the code is a warning in every channel",
      config: offers,
      files: { "message.md": "---\noffer: SPRING20\n---\nTake 20% off everything.\n" },
      errors: [{ messageId: "missingCode", line: 4, column: 6, channels: ALL, message: "States the discount but not the code SPRING20: customers need it to get 20%" }],
    },
    {
      title: "en: the code only in the second paragraph: SMS, push and social miss it",
      config: offers,
      files: { "message.md": "---\noffer: SPRING20\n---\nTake 20% off everything.\n\nUse code SPRING20 at checkout.\n" },
      errors: [{ messageId: "missingCode", line: 4, column: 6, channels: ["sms", "push", "social"] }],
    },
    {
      title: "en: a near miss of another offer's code names the campaign's offer",
      config: offers,
      files: { "campaign.json": spring("en"), "sms.txt": "20% off with SPRING20, or AUTUMN16 later" },
      errors: [{ messageId: "nearMissCode", line: 1, column: 27, message: "‘AUTUMN16’ is not an offer code — did you mean AUTUMN15? (this campaign's offer is SPRING20)", suggestions: [{"desc":"Write ‘AUTUMN15’","output":{"sms.txt":"20% off with SPRING20, or AUTUMN15 later"}}] }],
    },
    {
      title: "en: without the brand's non-discount cue, a loyalty bonus next to 'Sale' reads as a discount",
      config: offers,
      files: { "campaign.json": spring("en"), "sms.txt": "Sale: 5% loyalty bonus and 20% off with SPRING20" },
      errors: [{ messageId: "wrongDiscount", line: 1, column: 7, suggestions: [{"desc":"Write ‘20%’ (offer SPRING20)","output":{"sms.txt":"Sale: 20% loyalty bonus and 20% off with SPRING20"}}] }],
    },
    {
      title: "pl: a brand's extra cue word makes a percentage a discount",
      config: offers,
      options: { extraCues: { pl: ["okazj*"] } },
      files: { "campaign.json": spring("pl"), "sms.txt": "Okazja: 25% na buty. Kod SPRING20" },
      errors: [{ messageId: "wrongDiscount", line: 1, column: 9, suggestions: [{"desc":"Write ‘20%’ (offer SPRING20)","output":{"sms.txt":"Okazja: 20% na buty. Kod SPRING20"}}] }],
    },
    {
      title: "id: hemat hingga 30% when the offer is 20%",
      config: offers,
      files: { "campaign.json": spring("id"), "sms.txt": "Hemat hingga 30% dengan kode SPRING20" },
      errors: [{ messageId: "wrongDiscount", line: 1, column: 14, suggestions: [{"desc":"Write ‘20%’ (offer SPRING20)","output":{"sms.txt":"Hemat hingga 20% dengan kode SPRING20"}}] }],
    },
    {
      title: "id: a near-miss code after kode",
      config: offers,
      files: { "campaign.json": spring("id"), "sms.txt": "Diskon 20% pakai kode SPRIN20" },
      errors: [
        { messageId: "nearMissCode", line: 1, column: 23, message: "did you mean SPRING20?", suggestions: [{"desc":"Write ‘SPRING20’","output":{"sms.txt":"Diskon 20% pakai kode SPRING20"}}] },
      ],
    },
    {
      title: "ar: ٢٥٪ in Arabic-Indic digits",
      config: offers,
      files: { "campaign.json": spring("ar"), "sms.txt": "خصم ٢٥٪ مع الرمز SPRING20" },
      errors: [{ messageId: "wrongDiscount", line: 1, column: 5, endColumn: 8, message: "‘٢٥٪’ does not match", suggestions: [{"desc":"Write ‘٢٠٪’ (offer SPRING20)","output":{"sms.txt":"خصم ٢٠٪ مع الرمز SPRING20"}}] }],
    },
    {
      title: "ar: ۳۰٪ in Eastern Arabic-Indic digits, and up to",
      config: offers,
      files: { "campaign.json": spring("ar"), "sms.txt": "تخفيضات تصل إلى ۳۰٪ مع كود SPRING20" },
      errors: [{ messageId: "wrongDiscount", line: 1, column: 17, suggestions: [{"desc":"Write ‘۲۰٪’ (offer SPRING20)","output":{"sms.txt":"تخفيضات تصل إلى ۲۰٪ مع كود SPRING20"}}] }],
    },
    {
      title: "ar: %25 with the percent sign first",
      config: offers,
      files: { "campaign.json": spring("ar"), "sms.txt": "خصم %25 مع SPRING20" },
      errors: [{ messageId: "wrongDiscount", line: 1, column: 5, endColumn: 8, suggestions: [{"desc":"Write ‘%20’ (offer SPRING20)","output":{"sms.txt":"خصم %20 مع SPRING20"}}] }],
    },
    {
      title: "ru: -25% in a hand-written SMS",
      config: offers,
      files: { "campaign.json": spring("ru"), "sms.txt": "Только сегодня -25% по промокоду SPRING20" },
      errors: [{ messageId: "wrongDiscount", line: 1, column: 16, endColumn: 20, message: "‘-25%’", suggestions: [{"desc":"Write ‘-20%’ (offer SPRING20)","output":{"sms.txt":"Только сегодня -20% по промокоду SPRING20"}}] }],
    },
    {
      title: "ru: a narrow no-break space before the percent sign, wrong value",
      config: offers,
      files: { "campaign.json": spring("ru"), "sms.txt": "Скидка 25\u202F% по коду SPRING20" },
      errors: [{ messageId: "wrongDiscount", line: 1, column: 8, endColumn: 12, message: "‘25\u202F%’", suggestions: [{"desc":"Write ‘20 %’ (offer SPRING20)","output":{"sms.txt":"Скидка 20 % по коду SPRING20"}}] }],
    },
    {
      title: "ar: a number joined to و",
      config: offers,
      files: { "campaign.json": spring("ar"), "sms.txt": "خصم ٢٠٪ على الأحذية و٣٠٪ على الحقائب مع SPRING20" },
      errors: [{ messageId: "wrongDiscount", line: 1, column: 22, endColumn: 25, suggestions: [{"desc":"Write ‘٢٠٪’ (offer SPRING20)","output":{"sms.txt":"خصم ٢٠٪ على الأحذية و٢٠٪ على الحقائب مع SPRING20"}}] }],
    },
    {
      title: "en: with no offer, a push title override disagrees with the body",
      files: { "message.md": '---\npush: { title: "Spring sale: 30% off" }\n---\n# Spring sale\n\nTake 20% off all jackets.\n' },
      errors: [{ messageId: "disagree", line: 2, column: 30, channels: ["push"], message: "‘30%’ disagrees with the rest of the campaign: 20% in email, SMS, push, WhatsApp, and social" }],
    },
    {
      title: "en: with no offer, a tie goes to the email",
      files: { "campaign.json": "{}", "email.mjml": "<mjml><mj-body><mj-section><mj-column><mj-text>Take 20% off</mj-text></mj-column></mj-section></mj-body></mjml>", "sms.txt": "Take 25% off" },
      errors: [{ messageId: "disagree", file: "sms.txt", line: 1, column: 6, message: "20% in email" }],
    },
    {
      title: "ru: with no offer, push disagrees with SMS and WhatsApp",
      files: {
        "campaign.json": '{ "locale": "ru" }',
        "sms.txt": "Скидка 20% на всё",
        "whatsapp.txt": "Скидки до -20% на всё",
        "push.json": '{ "title": "Скидка 25%", "body": "На всё" }',
      },
      errors: [{ messageId: "disagree", file: "push.json", line: 1, column: 20, channels: ["push"], message: "20% in SMS and WhatsApp" }],
    },
    {
      title: "pl: rabat do 30% and another offer's code",
      config: offers,
      files: { "campaign.json": spring("pl"), "sms.txt": "Rabat do 30% z kodem AUTUMN15" },
      errors: [
        { messageId: "wrongDiscount", line: 1, column: 10, suggestions: [{"desc":"Write ‘20%’ (offer SPRING20)","output":{"sms.txt":"Rabat do 20% z kodem AUTUMN15"}}] },
        { messageId: "otherOfferCode", line: 1, column: 22, suggestions: [{"desc":"Write ‘SPRING20’","output":{"sms.txt":"Rabat do 30% z kodem SPRING20"}}] },
      ],
    },
    {
      title: "pl: a no-break space before the percent sign, wrong value",
      config: offers,
      files: { "campaign.json": spring("pl"), "sms.txt": "Rabat 25\u00A0% z kodem SPRING20" },
      errors: [{ messageId: "wrongDiscount", line: 1, column: 7, endColumn: 11, suggestions: [{"desc":"Write ‘20 %’ (offer SPRING20)","output":{"sms.txt":"Rabat 20 % z kodem SPRING20"}}] }],
    },
    {
      title: "pl: a near-miss code",
      config: offers,
      files: { "campaign.json": spring("pl"), "sms.txt": "Rabat 20% z kodem SPRING25" },
      errors: [
        { messageId: "nearMissCode", line: 1, column: 19, message: "‘SPRING25’ is not an offer code — did you mean SPRING20?", suggestions: [{"desc":"Write ‘SPRING20’","output":{"sms.txt":"Rabat 20% z kodem SPRING20"}}] },
      ],
    },
  ],
});

describe("offer-consistency details", () => {
  it("reports the missing code as a warning and suggests the offer's discount in the text's digits", async () => {
    const dir = writeCase({ config: offers, files: { "campaign.json": spring("ar"), "sms.txt": "خصم ٢٥٪ على كل شيء" } }, "offer-consistency", {});
    try {
      const report = await lint({ cwd: dir, only: ["offer-consistency"] });
      const messages = report.results.flatMap((r) => r.messages);
      const wrong = messages.find((m) => m.messageId === "wrongDiscount");
      const missing = messages.find((m) => m.messageId === "missingCode");
      expect(wrong?.severity).toBe(2);
      expect(wrong?.fix).toBeUndefined();
      expect(wrong?.suggestions?.map((s) => s.fix.text)).toEqual(["٢٠٪"]);
      expect(missing?.severity).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The examples of issue 15, one case each. */
const sale10 = { offers: [{ code: "SALE10", discount: "30%" }, { code: "KIS10", discount: "20%" }, { code: "SPRING20", discount: "20%" }] };
const sale = (locale: string) => `{ "offer": "SALE10", "locale": "${locale}" }`;
runRuleTests(rule, {
  valid: [
    { title: "he: ‘20% בהנחה’ states the offer (the attached ב is a prefix of the data file)", config: offers, files: { "campaign.json": spring("he"), "sms.txt": "20% בהנחה עם קוד SPRING20" } },
    { title: "ja: the code written straight after its cue counts as stated", config: sale10, files: { "campaign.json": sale("ja"), "sms.txt": "全品30％オフ！クーポンコードSALE10をご利用ください" } },
    { title: "zh: the code written straight after its cue counts as stated", config: sale10, files: { "campaign.json": sale("zh"), "sms.txt": "全场优惠30%，优惠码SALE10即可" } },
    { title: "ja: 。 ends a sentence, so 95% is not listed with the discount", config: sale10, files: { "campaign.json": sale("ja"), "sms.txt": "全品30％オフ。95％です。クーポンコードSALE10" } },
    { title: "ja: 95％のお客様 is a share of customers", config: sale10, files: { "campaign.json": sale("ja"), "sms.txt": "全品30％オフ。95％のお客様がリピーターです。SALE10" } },
    { title: "tr: the code before its cue; the word after it is not a code", config: sale10, files: { "campaign.json": '{ "offer": "KIS10", "locale": "tr" }', "sms.txt": "KIS10 koduyla MONT ceketlerde %20 indirim" } },
    { title: "ja: the code before をご利用", config: sale10, files: { "campaign.json": sale("ja"), "sms.txt": "SALE10をご利用で全品30％オフ" } },
    { title: "full-width code and digits fold to the offer's", config: sale10, files: { "campaign.json": sale("ja"), "sms.txt": "全品３０％オフ、コードＳＡＬＥ１０" } },
  ],
  invalid: [
    {
      title: "de: ‘25 Prozent Rabatt’ is a discount that contradicts the offer",
      config: offers,
      files: { "campaign.json": spring("de"), "sms.txt": "Jetzt 25 Prozent Rabatt mit SPRING20" },
      errors: [{ messageId: "wrongDiscount", line: 1, column: 7, endColumn: 17, message: "‘25 Prozent’ does not match this campaign's offer: SPRING20 is 20%", suggestions: [{"desc":"Write ‘20 Prozent’ (offer SPRING20)","output":{"sms.txt":"Jetzt 20 Prozent Rabatt mit SPRING20"}}] }],
    },
    {
      title: "he: ‘25% בהנחה’ is a discount that contradicts the offer",
      config: offers,
      files: { "campaign.json": spring("he"), "sms.txt": "25% בהנחה עם קוד SPRING20" },
      errors: [{ messageId: "wrongDiscount", line: 1, column: 1, endColumn: 4, suggestions: [{"desc":"Write ‘20%’ (offer SPRING20)","output":{"sms.txt":"20% בהנחה עם קוד SPRING20"}}] }],
    },
    {
      title: "tr: ‘yüzde 25 indirim’ (the percent word before the number)",
      config: offers,
      files: { "campaign.json": spring("tr"), "sms.txt": "SPRING20 koduyla yüzde 25 indirim" },
      errors: [{ messageId: "wrongDiscount", line: 1, column: 18, endColumn: 26, message: "‘yüzde 25’ does not match this campaign's offer: SPRING20 is 20%", suggestions: [{"desc":"Write ‘yüzde 20’ (offer SPRING20)","output":{"sms.txt":"SPRING20 koduyla yüzde 20 indirim"}}] }],
    },
    {
      title: "config languages: a percent word added for German (‘v. H.’)",
      config: { ...offers, languages: { de: { percentWords: ["v. H."] } } },
      files: { "campaign.json": spring("de"), "sms.txt": "Jetzt 25 v. H. Rabatt mit SPRING20" },
      errors: [{ messageId: "wrongDiscount", line: 1, column: 7, endColumn: 14, suggestions: [{"desc":"Write ‘20 v. H’ (offer SPRING20)","output":{"sms.txt":"Jetzt 20 v. H. Rabatt mit SPRING20"}}] }],
    },
    {
      title: "config languages: replace swaps a built-in list (Nachlass no longer a cue, Preisvorteil one)",
      config: { ...offers, languages: { de: { replace: true, discountCues: ["Preisvorteil"] } } },
      files: { "campaign.json": spring("de"), "sms.txt": "25% Nachlass. 25% Preisvorteil mit SPRING20" },
      errors: [{ messageId: "wrongDiscount", line: 1, column: 15, endColumn: 18, suggestions: [{"desc":"Write ‘20%’ (offer SPRING20)","output":{"sms.txt":"25% Nachlass. 20% Preisvorteil mit SPRING20"}}] }],
    },
  ],
});
