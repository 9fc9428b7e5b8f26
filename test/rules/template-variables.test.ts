import rule from "../../rules/template-variables.js";
import { runRuleExamples, runRuleTests } from "../helpers/rule-tester.js";

runRuleExamples(rule);

const vars = { variables: { firstName: { sample: "Ana" }, imie: { sample: "Zofia", fallback: "" }, city: { sample: "Jakarta", fallback: "kota Anda" }, code: {} } };

runRuleTests(rule, {
  valid: [
    { title: "built-in variables need no declaration", files: { "message.md": "---\nsms: { text: \"{{brand}}: {{link}}\" }\n---\nHi from {{brand}} on {{channel}}.\n\n[Go](https://acme.example)\n" } },
    { title: "ru: a greeting with a fallback", config: { variables: { imya: { sample: "Анна", fallback: "друг" } } }, files: { "campaign.json": '{"locale":"ru"}', "sms.txt": "Здравствуйте, {{imya}}! Ваш заказ в пути." } },
    { title: "pl: a variable not in a greeting needs no fallback", config: vars, files: { "campaign.json": '{"locale":"pl"}', "sms.txt": "Zamówienie dla {{firstName}} jest gotowe" } },
    { title: "allowUndeclared", options: { allowUndeclared: ["orderId"] }, files: { "sms.txt": "Order {{orderId}} shipped" } },
  ],
  invalid: [
    {
      title: "cs: a greeting from lang/cs.json (vážený), a phrase of two words (dobrý den) and one added in the config",
      config: { ...vars, languages: { cs: { greetings: ["nazdar"] } } },
      files: { "campaign.json": '{"locale":"cs"}', "sms.txt": "Vážený {{firstName}}, máme novinku.\nDobrý den {{firstName}}!\nNazdar {{firstName}}!" },
      errors: [
        { messageId: "greeting", line: 1, column: 8 },
        { messageId: "greeting", line: 2, column: 11 },
        { messageId: "greeting", line: 3, column: 8 },
      ],
    },
    {
      title: "en: undeclared variable in message.md body, reported once for all channels",
      config: vars,
      files: { "message.md": "---\nchannels: [email, sms]\n---\nYour {{product}} is here.\n" },
      errors: [{ messageId: "undeclared", line: 4, column: 6, endColumn: 17, channels: ["email", "sms"] }],
    },
    {
      title: "en: declared without sample or fallback",
      config: vars,
      files: { "sms.txt": "Use {{code}} today" },
      errors: [{ messageId: "noValue", line: 1, column: 5 }],
    },
    {
      title: "en: greeting in a frontmatter subject",
      config: vars,
      files: { "message.md": "---\nchannels: [email]\nsubject: \"Hi {{firstName}}, it's spring\"\n---\nBody.\n" },
      errors: [{ messageId: "greeting", line: 3, column: 14 }],
    },
    {
      title: "ar: greeting without fallback",
      config: vars,
      files: { "campaign.json": '{"locale":"ar"}', "whatsapp.txt": "مرحبا {{firstName}}، عرضنا الجديد" },
      errors: [{ messageId: "greeting", line: 1, column: 7 }],
    },
    {
      title: "ru: greeting without fallback on the second line",
      config: { variables: { imya: { sample: "Анна" } } },
      files: { "campaign.json": '{"locale":"ru"}', "sms.txt": "Lumen\nПривет, {{imya}}! Скидки уже здесь." },
      errors: [{ messageId: "greeting", line: 2, column: 9 }],
    },
    {
      title: "pl: variable opening the text followed by a comma",
      config: { variables: { imie: { sample: "Zofia" } } },
      files: { "campaign.json": '{"locale":"pl"}', "sms.txt": "{{imie}}, mamy dla Ciebie rabat" },
      errors: [{ messageId: "greeting", line: 1, column: 1 }],
    },
    {
      title: "unknown helper with its exact position (push.json)",
      config: vars,
      files: { "push.json": '{\n  "title": "Hi {{upper firstName}}",\n  "body": "x"\n}\n' },
      errors: [{ messageId: "refused", line: 2, column: 16, message: "unknown helper \"upper\"" }],
    },
    {
      title: "unknown block helper and a partial",
      config: vars,
      files: { "sms.txt": "{{#each2 items}}x{{/each2}} {{> footer}}" },
      errors: [
        { messageId: "refused", line: 1, column: 1, message: "#each2" },
        { messageId: "undeclared", line: 1, column: 10, endColumn: 15 },
        { messageId: "refused", line: 1, column: 29, message: "partials" },
      ],
    },
    {
      title: "prototype access in MJML",
      files: { "email.mjml": "<mjml><mj-body><mj-section><mj-column>\n<mj-text>{{__proto__.polluted}}</mj-text>\n</mj-column></mj-section></mj-body></mjml>\n" },
      errors: [{ messageId: "refused", line: 2, column: 10 }],
    },
  ],
});
