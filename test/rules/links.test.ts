import { rmSync } from "node:fs";
import { describe, expect, it } from "vitest";
import rule, { utmValue } from "../../rules/links.js";
import { assetMatches, compileAsset, displayUrl, hostWithin, pageKey, splitUrl } from "../../src/text/urls.js";
import type { Channel } from "../../src/types.js";
import { lint } from "../../src/lint.js";
import { runRuleExamples, runRuleTests, writeCase } from "../helpers/rule-tester.js";

runRuleExamples(rule);

const lumen = { brand: { name: "Lumen", domains: ["lumen.example"] } };
const utm = { ...lumen, links: { utm: { "*": { utm_source: "{{channel}}", utm_campaign: "{{campaign}}" } } } };
const mjml = (inner: string) => `<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n${inner}\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n`;
const ALL: Channel[] = ["email", "sms", "push", "whatsapp", "social"];

runRuleTests(rule, {
  valid: [
    {
      title: "en: brand domain and subdomain in a rendered message, every channel",
      config: lumen,
      files: { "message.md": "# Spring\n\nSee [trail shoes](https://shop.lumen.example/shoes) and more.\n\n[Shop the sale](https://lumen.example/spring)\n" },
    },
    {
      title: "id: mailto and tel links in hand-written MJML, an in-page anchor and a merge tag",
      config: lumen,
      files: { "email.mjml": mjml('        <mj-text>Tanya kami: <a href="mailto:halo@lumen.example">email</a>, <a href="tel:+62215550100">telepon</a>, <a href="#atas">ke atas</a>, <a href="*|UNSUB|*">berhenti</a></mj-text>') },
    },
    {
      title: "en: http is allowed when links.requireHttps is false",
      config: { ...lumen, links: { requireHttps: false } },
      files: { "sms.txt": "Lumen: http://lumen.example/sale" },
    },
    {
      title: "id: a URL that is entirely a variable's value is not checked",
      config: { ...lumen, variables: { productUrl: { sample: "http://bit.ly/x" } } },
      files: { "sms.txt": "Lumen: lihat {{productUrl}} sekarang" },
    },
    {
      title: "en: a host that comes from a variable is not checked, the rest is",
      config: { ...lumen, variables: { shopHost: { sample: "bit.ly" } } },
      files: { "sms.txt": "Lumen: https://{{shopHost}}/sale" },
    },
    {
      title: "ar: an app deep link in push.json when its scheme is allowed",
      config: lumen,
      options: { schemes: ["lumen"] },
      files: { "push.json": '{ "title": "عروض رمضان", "body": "خصم ٢٥٪", "url": "lumen://offers/ramadan" }' },
    },
    {
      title: "pl: a host in allowHosts",
      config: lumen,
      options: { allowHosts: ["apps.apple.com"] },
      files: { "sms.txt": "Lumen: pobierz aplikację https://apps.apple.com/pl/app/lumen/id1" },
    },
    {
      title: "ru: a Cyrillic domain matches whatever its case (punycode normal form)",
      config: { brand: { name: "Лумен", domains: ["лумен.example"] } },
      files: { "sms.txt": "Лумен: скидки https://ЛУМЕН.example/лето" },
    },
    {
      title: "ru: utm_source={{channel}} in message.md gives every channel its own value",
      config: utm,
      files: {
        "message.md": "---\ncampaign: leto-sale\nlocale: ru\nchannels: [email, sms, push]\n---\n# Лето с Lumen\n\nСкидка 15% на палатки.\n\n[Выбрать снаряжение](https://lumen.example/ru/leto?utm_source={{channel}}&utm_campaign={{campaign}})\n",
      },
    },
    {
      title: "pl: the call to action may differ in UTM, trailing slash, fragment and host case",
      config: lumen,
      files: {
        "campaign.json": '{ "campaign": "jesien-pl", "locale": "pl" }',
        "email.mjml": mjml('        <mj-button href="https://lumen.example/pl/jesien/?utm_source=email#oferta">Zobacz ofertę</mj-button>'),
        "push.json": '{ "title": "Rabat 30%", "url": "https://LUMEN.example:443/pl/jesien?utm_source=push" }',
      },
    },
    {
      title: "en: the unsubscribe link may live with the sending service",
      config: { brand: { name: "Lumen", domains: ["lumen.example"], unsubscribeUrl: "https://esp.example/u/{{userId}}" }, variables: { userId: { sample: "u-1" } }, links: { utm: { "*": { utm_source: "{{channel}}" } } } },
      files: { "message.md": "---\nchannels: [email]\n---\nHello.\n\n[Shop](https://lumen.example/spring?utm_source={{channel}})\n" },
    },
    {
      title: "en: a URL-like link label in a Markdown email is not a link of its own",
      config: lumen,
      files: { "message.md": "---\nchannels: [email]\n---\nVisit [www.lumen.example](https://www.lumen.example/) today.\n" },
    },
    {
      title: "en: a URL-like link label in MJML is not a link of its own",
      config: lumen,
      files: { "email.mjml": mjml('        <mj-text>Visit <a href="https://lumen.example/">www.lumen.example</a></mj-text>') },
    },
    {
      title: "en: UTM is only required on links to the brand's domains",
      config: { ...utm, brand: { name: "Lumen", domains: ["lumen.example", "partner.example"] }, links: { utm: { "*": { utm_source: "{{channel}}" } } } },
      options: { cta: false },
      files: { "sms.txt": "Lumen: mailto:halo@lumen.example https://lumen.example/x?utm_source=sms" },
    },
  ],
  invalid: [
    {
      title: "en: a shortener as the call to action of a rendered message, one finding for every channel",
      config: lumen,
      files: { "message.md": "# Spring savings\n\nTake 20% off everything.\n\n[Shop the sale](https://bit.ly/3xYz)\n" },
      errors: [{ messageId: "offDomain", line: 5, column: 25, endLine: 5, endColumn: 31, channels: ALL, message: "Link goes to bit.ly, not a Lumen domain (lumen.example)" }],
    },
    {
      title: "en: 'an' before a brand that starts with a vowel",
      config: { brand: { name: "Acme", domains: ["acme.example"] } },
      files: { "sms.txt": "Acme: https://acme.example.evil.com/sale" },
      errors: [{ messageId: "offDomain", line: 1, column: 15, message: "Link goes to acme.example.evil.com, not an Acme domain (acme.example)" }],
    },
    {
      title: "id: http in a hand-written SMS",
      config: lumen,
      files: { "sms.txt": "Lumen: diskon 10% pakai kode GAJIAN10. http://lumen.example/id/gajian Balas STOP untuk berhenti" },
      errors: [{ messageId: "insecure", line: 1, column: 40, endColumn: 44, suggestions: [{"desc":"Use https://","output":{"sms.txt":"Lumen: diskon 10% pakai kode GAJIAN10. https://lumen.example/id/gajian Balas STOP untuk berhenti"}}] }],
    },
    {
      title: "ar: a look-alike domain in push.json url",
      config: lumen,
      files: { "push.json": '{\n  "title": "عروض رمضان",\n  "url": "https://lumen.example.evil.com/ar/ramadan"\n}\n' },
      errors: [{ messageId: "offDomain", line: 3, column: 19, channels: ["push"] }],
    },
    {
      title: "ar: an off-domain link inside right-to-left Markdown",
      config: lumen,
      files: { "message.md": "---\nlocale: ar\nchannels: [email, whatsapp]\n---\nاحصل على خصم ٢٥٪ من [متجرنا](https://lumen.shop/ar) اليوم.\n\n[تسوّق الآن](https://lumen.example/ar/ramadan)\n" },
      errors: [{ messageId: "offDomain", line: 5, column: 38, channels: ["email", "whatsapp"], message: "Link goes to lumen.shop" }],
    },
    {
      title: "en: user info before @ does not make a brand link",
      config: lumen,
      files: { "email.mjml": mjml('        <mj-text>Read <a href="https://lumen.example@evil.example/login">this</a></mj-text>') },
      errors: [{ messageId: "offDomain", line: 5, column: 54, message: "Link goes to evil.example" }],
    },
    {
      title: "pl: a relative link and a javascript: link in MJML",
      config: lumen,
      files: { "email.mjml": mjml('        <mj-button href="/pl/jesien">Zobacz</mj-button>\n        <mj-text><a href="javascript:alert(1)">Kliknij</a></mj-text>') },
      errors: [
        { messageId: "relative", line: 5, column: 26, message: "Link ‘/pl/jesien’ is relative" },
        { messageId: "scheme", line: 6, column: 27, message: "‘javascript:’ links" },
      ],
    },
    {
      title: "pl: a www link without https in an SMS",
      config: lumen,
      files: { "sms.txt": "Lumen: rabat 30% na www.lumen.example/pl/jesien. Odpowiedz STOP" },
      errors: [{ messageId: "noScheme", line: 1, column: 21, message: "write https://www.lumen.example/pl/jesien", suggestions: [{"desc":"Use https://www.lumen.example/pl/jesien","output":{"sms.txt":"Lumen: rabat 30% na https://www.lumen.example/pl/jesien. Odpowiedz STOP"}}] }],
    },
    {
      title: "pl: a UTM template is added once to a link shared by email and SMS",
      config: { ...lumen, links: { utm: { "*": { utm_source: "{{channel}}" } } } },
      files: { "message.md": "---\ncampaign: wiosna\nlocale: pl\nchannels: [email, sms]\n---\nWiosenna wyprzedaż.\n\n[Kup teraz](https://lumen.example/pl/wiosna)\n" },
      errors: [{ messageId: "utmMissing", line: 8, column: 13, channels: ["email", "sms"], message: "Link is missing utm_source={{channel}}, so clicks from email and SMS are not attributed" }],
      output: { "message.md": "---\ncampaign: wiosna\nlocale: pl\nchannels: [email, sms]\n---\nWiosenna wyprzedaż.\n\n[Kup teraz](https://lumen.example/pl/wiosna?utm_source={{channel}})\n" },
    },
    {
      title: "pl: a campaign id with non-ASCII letters is URL-encoded by the fix",
      config: { ...lumen, links: { utm: { "*": { utm_campaign: "{{campaign}}" } } } },
      files: { "campaign.json": '{ "campaign": "wyprzedaż" }', "sms.txt": "Lumen: https://lumen.example/pl#oferta" },
      errors: [{ messageId: "utmMissing", file: "sms.txt", line: 1, column: 8, message: "utm_campaign=wyprzedaż" }],
      output: { "sms.txt": "Lumen: https://lumen.example/pl?utm_campaign=wyprzeda%C5%BC#oferta" },
    },
    {
      title: "ru: a wrong UTM value in a hand-written SMS is corrected",
      config: utm,
      files: { "campaign.json": '{ "campaign": "leto-sale", "locale": "ru" }', "sms.txt": "Lumen: скидка 15% https://lumen.example/ru/leto?utm_source=email&utm_campaign=leto-sale" },
      errors: [{ messageId: "utmValue", file: "sms.txt", line: 1, column: 60, endColumn: 65, message: "Tracking parameter utm_source is ‘email’; SMS links need utm_source=sms" }],
      output: { "sms.txt": "Lumen: скидка 15% https://lumen.example/ru/leto?utm_source=sms&utm_campaign=leto-sale" },
    },
    {
      title: "en: a parameter written without a value gets one",
      config: { ...lumen, links: { utm: { "*": { utm_source: "{{channel}}" } } } },
      files: { "sms.txt": "Lumen: https://lumen.example/sale?utm_source&x=1" },
      errors: [{ messageId: "utmValue", line: 1, column: 45, message: "Tracking parameter utm_source is ‘’; SMS links need utm_source=sms" }],
      output: { "sms.txt": "Lumen: https://lumen.example/sale?utm_source=sms&x=1" },
    },
    {
      title: "en: a channel's own UTM value overrides \"*\"",
      config: { ...lumen, links: { utm: { "*": { utm_medium: "{{channel}}" }, sms: { utm_medium: "text" } } } },
      files: {
        "email.mjml": mjml('        <mj-button href="https://lumen.example/sale?utm_medium=email">Shop</mj-button>'),
        "sms.txt": "Lumen: https://lumen.example/sale?utm_medium=sms",
      },
      errors: [{ messageId: "utmValue", file: "sms.txt", line: 1, column: 46, message: "SMS links need utm_medium=text" }],
      output: { "sms.txt": "Lumen: https://lumen.example/sale?utm_medium=text" },
    },
    {
      title: "en: a missing parameter in MJML is added after the query with &amp;",
      config: utm,
      files: { "campaign.json": '{ "campaign": "spring-sale" }', "email.mjml": mjml('        <mj-button href="https://lumen.example/spring?utm_source=email">Shop</mj-button>') },
      errors: [{ messageId: "utmMissing", file: "email.mjml", line: 5, column: 26, message: "Link is missing utm_campaign=spring-sale, so clicks from email" }],
      output: { "email.mjml": mjml('        <mj-button href="https://lumen.example/spring?utm_source=email&amp;utm_campaign=spring-sale">Shop</mj-button>') },
    },
    {
      title: "id: the hand-written email's call to action differs from SMS and push",
      config: lumen,
      files: {
        "campaign.json": '{ "campaign": "promo-gajian", "locale": "id" }',
        "email.mjml": mjml('        <mj-button href="https://lumen.example/id/promo">Belanja sekarang</mj-button>'),
        "sms.txt": "Lumen: diskon 10% https://lumen.example/id/gajian",
        "push.json": '{ "title": "Promo gajian", "url": "https://lumen.example/id/gajian/?utm_source=push" }',
      },
      errors: [{ messageId: "ctaMismatch", file: "email.mjml", line: 5, column: 26, message: "Email call to action goes to https://lumen.example/id/promo; the SMS and push ones go to https://lumen.example/id/gajian" }],
    },
    {
      title: "ru: rendered channels share one finding when a hand-written SMS is the majority's odd one out",
      config: lumen,
      files: {
        "message.md": "---\nlocale: ru\nchannels: [email, sms, push]\n---\n# Лето\n\nСкидка 15%.\n\n[Купить](https://lumen.example/ru/leto)\n",
        "sms.txt": "Lumen: https://lumen.example/ru/zima",
      },
      errors: [{ file: "sms.txt", messageId: "ctaMismatch", line: 1, column: 8, channels: ["sms"], message: "SMS call to action goes to https://lumen.example/ru/zima; the email and push ones go to https://lumen.example/ru/leto" }],
    },
    {
      title: "en: rendered channels that are the minority are reported once at message.md",
      config: lumen,
      files: {
        "message.md": "---\nchannels: [email, sms, push, whatsapp, social]\n---\nSpring.\n\n[Shop](https://lumen.example/old-sale)\n",
        "email.mjml": mjml('        <mj-button href="https://lumen.example/spring">Shop</mj-button>'),
        "whatsapp.txt": "Spring sale: https://lumen.example/spring",
        "social.txt": "Spring sale https://lumen.example/spring/",
      },
      errors: [{ file: "message.md", messageId: "ctaMismatch", line: 6, column: 8, channels: ["sms", "push"], message: "SMS and push call to action goes to https://lumen.example/old-sale; the email, WhatsApp, and social ones go to https://lumen.example/spring" }],
    },
    {
      title: "id: a missing UTM value is written into a frontmatter SMS text as the value itself",
      config: { ...lumen, links: { utm: { "*": { utm_source: "{{channel}}" } } } },
      files: { "message.md": '---\nlocale: id\nchannels: [sms]\nsms: { text: "Lumen: diskon 10% https://lumen.example/id/gajian" }\n---\nPromo gajian.\n' },
      errors: [{ messageId: "utmMissing", line: 4, column: 33, channels: ["sms"], message: "utm_source=sms" }],
      output: { "message.md": '---\nlocale: id\nchannels: [sms]\nsms: { text: "Lumen: diskon 10% https://lumen.example/id/gajian?utm_source=sms" }\n---\nPromo gajian.\n' },
    },
    {
      title: "en: a bare www address in Markdown is reported as written, once for every channel",
      config: lumen,
      files: { "message.md": "---\nchannels: [email, sms]\n---\nSee www.lumen.example/spring for more.\n" },
      errors: [{ messageId: "noScheme", line: 4, column: 5, endColumn: 29, channels: ["email", "sms"], message: "‘www.lumen.example/spring’ has no https://; write https://www.lumen.example/spring" }],
    },
    {
      title: "en: in SMS and WhatsApp text a visible www address is a link (phones make it one)",
      config: lumen,
      files: { "message.md": "---\nchannels: [email, whatsapp, sms]\n---\nVisit [www.lumen.example](https://www.lumen.example/) today.\n" },
      errors: [{ messageId: "noScheme", line: 4, column: 8, channels: ["sms", "whatsapp"], suggestions: [{"desc":"Use https://www.lumen.example","output":{"message.md":"---\nchannels: [email, whatsapp, sms]\n---\nVisit [https://www.lumen.example](https://www.lumen.example/) today.\n"}}] }],
    },
    {
      title: "en: a URL in a text field of a rendered variant is checked too",
      config: lumen,
      files: { "message.md": '---\nchannels: [sms]\nsms: { text: "Lumen: see http://lumen.example/spring" }\n---\nSpring.\n' },
      errors: [{ messageId: "insecure", line: 3, column: 26, channels: ["sms"], suggestions: [{"desc":"Use https://","output":{"message.md":"---\nchannels: [sms]\nsms: { text: \"Lumen: see https://lumen.example/spring\" }\n---\nSpring.\n"}}] }],
    },
  ],
});

describe("URL helpers", () => {
  it("locates scheme, host and parameters as written", () => {
    const p = splitUrl("https://user@Shop.Lumen.example:8443/a?utm_source=sms&x=1#top");
    expect(p.scheme).toBe("https");
    expect(p.host).toBe("shop.lumen.example");
    expect(p.hostSpan).toEqual({ start: 13, end: 31 });
    expect(p.params.map((x) => [x.name, x.value, x.valueSpan.start])).toEqual([
      ["utm_source", "sms", 50],
      ["x", "1", 56],
    ]);
    expect(p.fragmentStart).toBe(57);
  });

  it("compares hosts in normal form, subdomains included", () => {
    expect(hostWithin("SHOP.lumen.example.", "lumen.example")).toBe(true);
    expect(hostWithin("lumen.example.evil.com", "lumen.example")).toBe(false);
    expect(hostWithin("notlumen.example", "lumen.example")).toBe(false);
    expect(hostWithin("xn--e1aldf1a.example", "лумен.example")).toBe(true);
  });

  it("gives one page key for links that differ only in tracking and form", () => {
    const a = pageKey("https://lumen.example/spring/?utm_source=sms&b=2&a=1#x");
    expect(pageKey("http://LUMEN.example:80/spring?a=1&b=2&utm_campaign=y")).toBe(a);
    expect(pageKey("https://lumen.example/sale")).not.toBe(a);
    expect(displayUrl("https://lumen.example/spring/?utm_source=sms#x")).toBe("https://lumen.example/spring/");
  });

  it("matches retired assets as full URLs or path suffixes", () => {
    const full = compileAsset("https://cdn.lumen.example/img/logo.png")!;
    expect(assetMatches(full, "http://CDN.lumen.example/img/logo.png?v=3")).toBe(true);
    expect(assetMatches(full, "https://cdn2.lumen.example/img/logo.png")).toBe(false);
    const suffix = compileAsset("logo-2019.png")!;
    expect(assetMatches(suffix, "https://any.example/a/logo-2019.png")).toBe(true);
    expect(assetMatches(suffix, "https://any.example/a/newlogo-2019.png")).toBe(false);
    expect(assetMatches(suffix, "/img/logo-2019.png")).toBe(true);
  });

  it("fills UTM templates by plain replacement", () => {
    expect(utmValue("{{channel}}-{{campaign}}-{{channel}}", "sms", "wiosna")).toBe("sms-wiosna-sms");
    expect(utmValue("{{ channel }}", "sms", "x")).toBe("{{ channel }}");
  });
});

describe("links suggestions", () => {
  it("id: offers https for an http link, replacing just the scheme", async () => {
    const dir = writeCase({ config: lumen, files: { "sms.txt": "Lumen: http://lumen.example/id/gajian" } });
    try {
      const [m] = (await lint({ cwd: dir, only: ["links"] })).results.flatMap((r) => r.messages);
      expect(m?.suggestions).toEqual([{ desc: "Use https://", fix: { range: [7, 11], text: "https" } }]);
      expect(m?.fix).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** One URL finder (src/text/urls.ts): a host with a path and no scheme is a link, as phones show it. */
runRuleTests(rule, {
  valid: [
    {
      title: "pl: numbers and abbreviations with dots and slashes are not links",
      config: lumen,
      files: { "campaign.json": '{ "locale": "pl" }', "sms.txt": "Lumen: 1.5kg/dzień, i.e./np. 24/7 — sklep: https://lumen.example/pl\n" },
    },
  ],
  invalid: [
    {
      title: "en: a schemeless evil.example/spring in an SMS is a link: no https:// and off the brand's domains",
      config: lumen,
      files: { "sms.txt": "Lumen sale: 20% off at evil.example/spring today\n" },
      errors: [
        { messageId: "noScheme", line: 1, column: 24, endColumn: 43, channels: ["sms"], message: "‘evil.example/spring’ has no https://; write https://evil.example/spring", suggestions: [{"desc":"Use https://evil.example/spring","output":{"sms.txt":"Lumen sale: 20% off at https://evil.example/spring today\n"}}] },
        { messageId: "offDomain", line: 1, column: 24, endColumn: 36, message: "Link goes to evil.example, not a Lumen domain (lumen.example)" },
      ],
    },
    {
      title: "id: in the frontmatter's sms.text of message.md",
      config: lumen,
      files: { "message.md": '---\nlocale: id\nchannels: [sms]\nsms: { text: "Diskon 10% di promo-lumen.example/id sampai 30 April" }\n---\nPromo.\n' },
      errors: [
        { messageId: "noScheme", line: 4, column: 29, channels: ["sms"], suggestions: [{"desc":"Use https://promo-lumen.example/id","output":{"message.md":"---\nlocale: id\nchannels: [sms]\nsms: { text: \"Diskon 10% di https://promo-lumen.example/id sampai 30 April\" }\n---\nPromo.\n"}}] },
        { messageId: "offDomain", line: 4, column: 29, message: "Link goes to promo-lumen.example" },
      ],
    },
    {
      title: "ru: a Cyrillic host with a path in a WhatsApp text",
      config: lumen,
      files: { "campaign.json": '{ "locale": "ru" }', "whatsapp.txt": "Скидка 20% на магазин.пример/лето до 30 июня\n" },
      errors: [
        { messageId: "noScheme", line: 1, column: 15, channels: ["whatsapp"], suggestions: [{"desc":"Use https://магазин.пример/лето","output":{"whatsapp.txt":"Скидка 20% на https://магазин.пример/лето до 30 июня\n"}}] },
        { messageId: "offDomain", line: 1, column: 15, message: "Link goes to xn--80aairftm.xn--e1afmkfd" },
      ],
    },
  ],
});
