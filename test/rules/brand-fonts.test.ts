import rule from "../../rules/brand-fonts.js";
import { runRuleExamples, runRuleTests } from "../helpers/rule-tester.js";
import { mj } from "../helpers/mjml.js";

runRuleExamples(rule);

const config = { fonts: ["Inter", "Helvetica", "Arial", "sans-serif"] };
const LIST = "(brand fonts: Inter, Helvetica, Arial, sans-serif)";


runRuleTests(rule, {
  valid: [
    {
      title: "brand fonts in any case and quoting, generic fallbacks and keywords (Arabic content)",
      config,
      files: {
        "email.mjml": mj(
          ['<mj-text font-family="\'Inter\', &quot;HELVETICA&quot;, arial, serif">مرحبا</mj-text>', '<mj-text><p style="font: bold 16px/1.4 inter, system-ui; font-family: inherit">أهلا</p></mj-text>'],
          ["<mj-attributes>", '  <mj-all font-family="Inter, -apple-system, BlinkMacSystemFont, sans-serif" />', "</mj-attributes>", "<mj-style>", "  h1 { font-family: 'Helvetica', Arial, monospace; }", "</mj-style>"],
        ),
      },
    },
    {
      title: "without fonts in the config the rule does nothing",
      files: { "email.mjml": mj(['<mj-text font-family="Comic Sans MS">a</mj-text>']) },
    },
    {
      title: "@font-face, mj-font, var() and system font keywords are not checked",
      config,
      files: {
        "email.mjml": mj(
          ['<mj-text><p style="font-family: var(--brand-font), Arial; font: caption">a</p></mj-text>'],
          ['<mj-font name="Lobster" href="https://fonts.example/lobster.css" />', "<mj-style>", "  @font-face { font-family: 'Lobster'; src: url(lobster.woff2) format('woff2'); }", "</mj-style>"],
        ),
      },
    },
    {
      title: "a variable's value is not checked",
      config: { ...config, variables: { face: { sample: "Papyrus" } } },
      files: { "email.mjml": mj(['<mj-text font-family="{{face}}, Arial">a</mj-text>']) },
    },
    {
      title: "raw HTML in message.md with brand fonts (Indonesian)",
      config,
      files: { "message.md": '---\nchannels: [email]\nlocale: id\n---\nHalo <span style="font-family: Inter, sans-serif">teman</span>!\n' },
    },
    {
      title: "other properties name no family",
      config,
      files: { "email.mjml": mj(['<mj-text css-class="Papyrus"><p style="font-size: 14px; font-weight: 700; font-variant: small-caps">a</p></mj-text>']) },
    },
  ],
  invalid: [
    {
      title: "the message lists the brand fonts (Russian content)",
      config,
      files: { "email.mjml": mj(['<mj-text font-family="Comic Sans MS, Arial">Привет, скидка сегодня</mj-text>']) },
      errors: [{ messageId: "notBrandFont", line: 5, column: 31, endColumn: 44, channels: ["email"], message: `Font ‘Comic Sans MS’ is not a brand font ${LIST}` }],
    },
    {
      title: "every foreign family of a stack, quoted or not",
      config,
      files: { "email.mjml": mj(['<mj-text font-family="\'Open Sans\', Roboto,Inter">a</mj-text>']) },
      errors: [
        { messageId: "notBrandFont", line: 5, column: 31, endColumn: 42, message: "Font ‘Open Sans’ is not a brand font" },
        { messageId: "notBrandFont", line: 5, column: 44, endColumn: 50, message: "Font ‘Roboto’ is not a brand font" },
      ],
    },
    {
      title: "mj-attributes defaults and mj-class (Polish content)",
      config,
      files: {
        "email.mjml": mj(['<mj-text mj-class="headline">Zniżka dla Ciebie</mj-text>'], ["<mj-attributes>", '  <mj-all font-family="Georgia, serif" />', '  <mj-class name="headline" font-family="Playfair Display" />', "</mj-attributes>"]),
      },
      errors: [
        { messageId: "notBrandFont", line: 4, column: 28, message: "Font ‘Georgia’" },
        { messageId: "notBrandFont", line: 5, column: 46, message: "Font ‘Playfair Display’" },
      ],
    },
    {
      title: "font-family and the font shorthand in mj-style, at their line and column",
      config,
      files: {
        "email.mjml": mj(
          ['<mj-text css-class="x">a</mj-text>'],
          ["<mj-style>", "  .x { font-family: \"Times New Roman\", serif; }", "  @media (max-width: 480px) {", "    .x { font: italic 700 14px / 1.4 Verdana, Intre, sans-serif !important; }", "  }", "</mj-style>"],
        ),
      },
      errors: [
        { messageId: "notBrandFont", line: 4, column: 25, endColumn: 42, message: "Font ‘Times New Roman’" },
        { messageId: "notBrandFont", line: 6, column: 42, message: "Font ‘Verdana’" },
        { messageId: "notBrandFont", line: 6, column: 51, message: `Font ‘Intre’ is not a brand font ${LIST}; did you mean ‘Inter’?`, suggestions: [{"desc":"Replace with ‘Inter’","output":{"email.mjml":"<mjml>\n  <mj-head>\n    <mj-style>\n      .x { font-family: \"Times New Roman\", serif; }\n      @media (max-width: 480px) {\n        .x { font: italic 700 14px / 1.4 Verdana, Inter, sans-serif !important; }\n      }\n    </mj-style>\n  </mj-head>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text css-class=\"x\">a</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
      ],
    },
    {
      title: "inline style on HTML inside mj-text, and <font face> in mj-raw",
      config,
      files: { "email.mjml": mj(['<mj-text><p style="color: red; font: 12px Courier New">a</p></mj-text>', '<mj-raw><font face="Papyrus">b</font></mj-raw>']) },
      errors: [
        { messageId: "notBrandFont", line: 5, column: 51, endColumn: 62, message: "Font ‘Courier New’" },
        { messageId: "notBrandFont", line: 6, column: 29, message: "Font ‘Papyrus’" },
      ],
    },
    {
      title: "raw HTML inside a paragraph of message.md",
      config,
      files: { "message.md": '---\nlocale: id\n---\n# Halo\n\nHalo <span style="font-family: Papyrus">teman</span>!\n' },
      errors: [{ messageId: "notBrandFont", line: 6, column: 32, channels: ["email"], message: "Font ‘Papyrus’" }],
    },
    {
      title: "allowGenerics: false accepts only the generic families the brand lists",
      config,
      options: { allowGenerics: false },
      files: { "email.mjml": mj(['<mj-text font-family="Inter, serif, sans-serif">a</mj-text>']) },
      errors: [{ messageId: "notBrandFont", line: 5, column: 38, message: "Font ‘serif’" }],
    },
  ],
});
