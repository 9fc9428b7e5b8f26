import rule from "../../rules/tone-words.js";
import { runRuleExamples, runRuleTests } from "../helpers/rule-tester.js";

runRuleExamples(rule);

const en = { tone: { banned: [{ term: "cheap", suggest: "affordable" }, { term: "act now" }], terms: [{ use: "email", instead: ["e-mail"] }, { use: "Acme", instead: ["ACME"], caseSensitive: true }] } };

runRuleTests(rule, {
  valid: [
    { title: "en: cheap does not match cheapest or cheapskate", config: en, files: { "sms.txt": "The cheapest trick of a cheapskate" } },
    { title: "en: a preferred term written right", config: en, files: { "sms.txt": "Check your email, says Acme" } },
    { title: "en: case-sensitive term ignores other cases", config: en, files: { "sms.txt": "acme is lower case here" } },
    { title: "en: terms inside a URL in Markdown are not prose", config: en, files: { "message.md": "Visit [our shop](https://acme.example/cheap) today.\n" } },
    { title: "en: inline code is not prose", config: en, files: { "message.md": "Type `cheap` in the box.\n" } },
    { title: "en: a variable's sample value is not prose", config: { ...en, variables: { product: { sample: "cheap thing" } } }, files: { "sms.txt": "Buy {{product}} today" } },
    { title: "id: diskon is fine, murahan is only banned in id", config: { tone: { locales: { id: { banned: [{ term: "murahan" }] } } } }, files: { "campaign.json": '{"locale":"en"}', "sms.txt": "murahan" } },
    { title: "pt covers pt-BR but pt-BR does not cover pt", config: { tone: { locales: { "pt-BR": { banned: [{ term: "barato" }] } } } }, files: { "campaign.json": '{"locale":"pt"}', "sms.txt": "barato" } },
    { title: "ar: a banned word inside a longer word does not match without *", config: { tone: { banned: [{ term: "رخيص" }] } }, files: { "campaign.json": '{"locale":"ar"}', "sms.txt": "منتجات رخيصة جدا" } },
  ],
  invalid: [
    {
      title: "en: banned term at exact line and column in message.md",
      config: en,
      files: { "message.md": "---\nlocale: en\n---\n# Hello\n\nOur tents are **cheap** now.\n" },
      errors: [{ messageId: "banned", line: 6, column: 17, endLine: 6, endColumn: 22, channels: ["email", "sms", "push", "whatsapp", "social"], suggestions: [{"desc":"Replace with ‘affordable’","output":{"message.md":"---\nlocale: en\n---\n# Hello\n\nOur tents are **affordable** now.\n"}}] }],
    },
    {
      title: "en: multi-word banned term across a line break",
      config: en,
      files: { "sms.txt": "Please act\nnow" },
      errors: [{ messageId: "banned", line: 1, column: 8, endLine: 2, endColumn: 4 }],
    },
    {
      title: "en: preferred term fix keeps UPPER case",
      config: en,
      files: { "sms.txt": "E-MAIL US" },
      errors: [{ messageId: "preferred", line: 1, column: 1 }],
      output: { "sms.txt": "EMAIL US" },
    },
    {
      title: "en: case-sensitive term fixed exactly",
      config: en,
      files: { "sms.txt": "Love, ACME" },
      errors: [{ messageId: "preferred", line: 1, column: 7, message: "Write ‘Acme’, not ‘ACME’" }],
      output: { "sms.txt": "Love, Acme" },
    },
    {
      title: "en: possessive form still matches",
      config: en,
      files: { "sms.txt": "ACME’s best" },
      errors: [{ messageId: "preferred", line: 1, column: 1, endColumn: 5 }],
      output: { "sms.txt": "Acme’s best" },
    },
    {
      title: "en: banned term inside bold inside a list item, after a variable",
      config: { ...en, variables: { firstName: { sample: "Ana" } } },
      files: { "message.md": "---\nchannels: [email]\n---\nIntro.\n\n- {{firstName}}, **so cheap**\n" },
      errors: [{ messageId: "banned", line: 6, column: 23, channels: ["email"], suggestions: [{"desc":"Replace with ‘affordable’","output":{"message.md":"---\nchannels: [email]\n---\nIntro.\n\n- {{firstName}}, **so affordable**\n"}}] }],
    },
    {
      title: "en: banned term in a frontmatter string",
      config: en,
      files: { "message.md": '---\nchannels: [email]\nsubject: "Act now, {{x}}!"\n---\nHello.\n' },
      errors: [{ messageId: "banned", line: 3, column: 11 }],
    },
    {
      title: "id: locale list applies to id-ID",
      config: { tone: { locales: { id: { banned: [{ term: "murahan", suggest: "terjangkau" }] } } } },
      files: { "campaign.json": '{"locale":"id-ID"}', "sms.txt": "Barang murahan? Bukan di sini." },
      errors: [{ messageId: "banned", line: 1, column: 8, message: "write ‘terjangkau’", suggestions: [{"desc":"Replace with ‘terjangkau’","output":{"sms.txt":"Barang terjangkau? Bukan di sini."}}] }],
    },
    {
      title: "ar: wildcard matches the feminine form",
      config: { tone: { banned: [{ term: "رخيص*", suggest: "بسعر مناسب" }] } },
      files: { "campaign.json": '{"locale":"ar"}', "sms.txt": "منتجات رخيصة جدا" },
      errors: [{ messageId: "banned", line: 1, column: 8, endColumn: 13, suggestions: [{"desc":"Replace with ‘بسعر مناسب’","output":{"sms.txt":"منتجات بسعر مناسب جدا"}}] }],
    },
    {
      title: "ru: ё and е are the same letter",
      config: { tone: { locales: { ru: { banned: [{ term: "дешёв*" }] } } } },
      files: { "campaign.json": '{"locale":"ru"}', "sms.txt": "Самые дешевые цены и дешёвых товаров" },
      errors: [
        { messageId: "banned", line: 1, column: 7 },
        { messageId: "banned", line: 1, column: 22 },
      ],
    },
    {
      title: "pl: preferred term with Polish case shape",
      config: { tone: { locales: { pl: { terms: [{ use: "e-mail", instead: ["mejl", "emajl"] }] } } } },
      files: { "campaign.json": '{"locale":"pl"}', "sms.txt": "Sprawdź Mejl. Sprawdź mejl." },
      errors: [
        { messageId: "preferred", line: 1, column: 9 },
        { messageId: "preferred", line: 1, column: 23 },
      ],
      output: { "sms.txt": "Sprawdź E-mail. Sprawdź e-mail." },
    },
    {
      title: "pl: wildcard prefix term",
      config: { tone: { banned: [{ term: "tani*", suggest: "przystępny" }] } },
      files: { "campaign.json": '{"locale":"pl"}', "whatsapp.txt": "Najtańsze? Nie. Tanie kurtki!" },
      errors: [{ messageId: "banned", line: 1, column: 17, suggestions: [{"desc":"Replace with ‘przystępny’","output":{"whatsapp.txt":"Najtańsze? Nie. Przystępny kurtki!"}}] }],
    },
    {
      title: "leading wildcard matches word ends",
      config: { tone: { banned: [{ term: "*sale" }] } },
      files: { "social.txt": "Flashsale today" },
      errors: [{ messageId: "banned", line: 1, column: 1, endColumn: 10 }],
    },
    {
      title: "hand-written MJML text content, never attributes",
      config: en,
      files: { "email.mjml": '<mjml><mj-body><mj-section><mj-column>\n  <mj-text css-class="cheap">So cheap!</mj-text>\n</mj-column></mj-section></mj-body></mjml>\n' },
      errors: [{ messageId: "banned", line: 2, column: 33, channels: ["email"], suggestions: [{"desc":"Replace with ‘affordable’","output":{"email.mjml":"<mjml><mj-body><mj-section><mj-column>\n  <mj-text css-class=\"cheap\">So affordable!</mj-text>\n</mj-column></mj-section></mj-body></mjml>\n"}}] }],
    },
    {
      title: "push.json title and body",
      config: en,
      files: { "push.json": '{\n  "title": "Act now",\n  "body": "Open your e-mail"\n}\n' },
      errors: [
        { messageId: "banned", line: 2, column: 13 },
        { messageId: "preferred", line: 3, column: 22 },
      ],
      output: { "push.json": '{\n  "title": "Act now",\n  "body": "Open your email"\n}\n' },
    },
  ],
});

/** The examples of issue 15: folding, scripts without spaces, exceptions. */
const ar = (term: string) => ({ tone: { banned: [{ term }] } });
const inLocale = (locale: string, text: string) => ({ "campaign.json": `{ "locale": "${locale}" }`, "sms.txt": text });
runRuleTests(rule, {
  valid: [
    { title: "th: ถูก (cheap) does not match inside ถูกต้อง (correct)", config: ar("ถูก"), files: inLocale("th", "ข้อมูลถูกต้องแล้ว") },
    { title: "th: ถูก does not match inside the dictionary word ถูกใจ", config: ar("ถูก"), files: inLocale("th", "ถูกใจมาก") },
    { title: "de: STRASSE is the upper case of Straße, nothing to fix", config: { tone: { terms: [{ use: "Straße", instead: ["Strasse"] }] } }, files: inLocale("de", "IN DER STRASSE") },
    { title: "pl: tani* except taniec* leaves the dance alone", config: { tone: { banned: [{ term: "tani*", except: ["taniec*"] }] } }, files: inLocale("pl", "Taniec na lodzie") },
  ],
  invalid: [
    { title: "ar: رخيص* matches with tatweel", config: ar("رخيص*"), files: inLocale("ar", "منتج رخـيـص"), errors: [{ messageId: "banned", line: 1, column: 6, endColumn: 12 }] },
    { title: "ar: رخيص* matches with harakat", config: ar("رخيص*"), files: inLocale("ar", "منتج رَخِيص"), errors: [{ messageId: "banned", line: 1, column: 6, endColumn: 12 }] },
    { title: "ar: مجانا matches مجاناً (tanween)", config: ar("مجانا"), files: inLocale("ar", "شحن مجاناً"), errors: [{ messageId: "banned", line: 1, column: 5, endColumn: 11 }] },
    { title: "de: große Auswahl matches GROSSE AUSWAHL", config: ar("große Auswahl"), files: inLocale("de", "Eine GROSSE AUSWAHL"), errors: [{ messageId: "banned", line: 1, column: 6, endColumn: 20 }] },
    { title: "el: προσφορές matches ΠΡΟΣΦΟΡΕΣ (case, final sigma, tonos)", config: ar("προσφορές"), files: inLocale("el", "ΠΡΟΣΦΟΡΕΣ τώρα"), errors: [{ messageId: "banned", line: 1, column: 1, endColumn: 10 }] },
    { title: "tr: İ and ı fold by the Turkish rules", config: ar("indirim"), files: inLocale("tr", "BÜYÜK İNDİRİM"), errors: [{ messageId: "banned", line: 1, column: 7, endColumn: 14 }] },
    { title: "th: โปรโมชั่น is found in โปรโมชั่นพิเศษ", config: ar("โปรโมชั่น"), files: inLocale("th", "โปรโมชั่นพิเศษวันนี้"), errors: [{ messageId: "banned", line: 1, column: 1, endColumn: 10 }] },
    {
      title: "pl: tani* except taniec*, with the forms a native speaker lists",
      config: { tone: { banned: [{ term: "tani*", except: ["taniec*"] }, { term: "tańsz*" }, { term: "najtańsz*" }] } },
      files: inLocale("pl", "Taniec, tanie buty, tańszy i najtańszy"),
      errors: [
        { messageId: "banned", line: 1, column: 9, endColumn: 14 },
        { messageId: "banned", line: 1, column: 21, endColumn: 27 },
        { messageId: "banned", line: 1, column: 30, endColumn: 39 },
      ],
    },
    {
      title: "en: a preferred phrase before a possessive (e-mail’s)",
      config: en,
      files: { "sms.txt": "Your e-mail’s inbox" },
      errors: [{ messageId: "preferred", line: 1, column: 6, endColumn: 12 }],
      output: { "sms.txt": "Your email’s inbox" },
    },
    {
      title: "de: Strasse is fixed to Straße, keeping the original's case shape",
      config: { tone: { terms: [{ use: "Straße", instead: ["Strasse"] }] } },
      files: inLocale("de", "In der Strasse"),
      errors: [{ messageId: "preferred", line: 1, column: 8, endColumn: 15 }],
      output: { "sms.txt": "In der Straße" },
    },
  ],
});

