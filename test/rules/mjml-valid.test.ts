import rule from "../../rules/mjml-valid.js";
import { runRuleExamples, runRuleTests } from "../helpers/rule-tester.js";

runRuleExamples(rule);

runRuleTests(rule, {
  valid: [
    { title: "rendered message.md is not re-validated (generated MJML is valid by construction; see test/render.test.ts)", config: { colors: { primary: "#0B5FFF", ink: "#1A1A1A", paper: "#FFFFFF" }, fonts: ["Inter", "Arial"], brand: { name: "Acme", address: "1 Main St", unsubscribeUrl: "https://acme.example/u" } }, files: { "message.md": "---\nsubject: Hi\npreheader: There\n---\n# Title\n\nA *b* **c** ~~d~~ `e`\n\n- one\n- two\n\n1. x\n2. y\n\n> quote\n\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n![alt](https://acme.example/i.png)\n\n[Go](https://acme.example)\n" } },
    { title: "Arabic message renders valid RTL MJML", files: { "message.md": "---\nlocale: ar\n---\n# مرحبا\n\nخصم على كل شيء.\n\n[تسوّق](https://acme.example)\n" } },
  ],
  invalid: [
    {
      title: "invalid value of an attribute, at the value (Polish content)",
      files: { "email.mjml": '<mjml><mj-body><mj-section><mj-column>\n  <mj-button background-color="niebieski">Kup teraz</mj-button>\n</mj-column></mj-section></mj-body></mjml>\n' },
      errors: [{ messageId: "invalid", line: 2, column: 32, message: "background-color has invalid value" }],
    },
    {
      title: "unknown element (Russian content)",
      files: { "email.mjml": "<mjml><mj-body><mj-section><mj-column>\n  <mj-txt>Привет</mj-txt>\n</mj-column></mj-section></mj-body></mjml>\n" },
      errors: [{ messageId: "invalid", line: 2, column: 3, message: "mj-txt" }],
    },
  ],
});
