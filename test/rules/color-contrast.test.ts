import { describe, expect, it } from "vitest";
import rule from "../../rules/color-contrast.js";
import { contrastRatio, over } from "../../src/email/contrast.js";
import { runRuleExamples, runRuleTests } from "../helpers/rule-tester.js";
import { mj } from "../helpers/mjml.js";

runRuleExamples(rule);

/** The repository's example palette. */
const brand = { colors: { primary: "#0B5FFF", ink: "#1A1A1A", paper: "#FFFFFF" } };
const brandFull = { ...brand, brand: { name: "Acme", address: "Acme Inc., 1 Main St, Springfield", unsubscribeUrl: "https://acme.example/u/{{userId}}" }, variables: { userId: { sample: "u-1" } } };
/** A hand-written email whose body is `sections` (no head). */
const body = (...lines: string[]) => ["<mjml>", "  <mj-body>", ...lines, "  </mj-body>", "</mjml>", ""].join("\n");

describe("contrast arithmetic", () => {
  it("matches WCAG 2.2's published values", () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrastRatio([153, 153, 153], [255, 255, 255])).toBeCloseTo(2.85, 2);
    expect(contrastRatio([255, 255, 255], [11, 95, 255])).toBeCloseTo(5.13, 2);
    expect(contrastRatio([119, 119, 119], [255, 255, 255])).toBeCloseTo(4.48, 2);
  });
  it("composites a semi-transparent colour over its background", () => {
    expect(over({ rgb: [0, 0, 0], alpha: 0.3, raw: "" }, [255, 255, 255])).toEqual([179, 179, 179]);
    expect(over({ rgb: [255, 255, 255], alpha: 0.5, raw: "" }, [0, 0, 0])).toEqual([128, 128, 128]);
  });
});

runRuleTests(rule, {
  valid: [
    {
      title: "en: the example palette passes in an email rendered from message.md (heading, link, button, footer)",
      config: brandFull,
      files: { "message.md": "---\nchannels: [email]\n---\n# Spring savings\n\nTake 20% off, see [the terms](https://acme.example/terms).\n\n[Shop the sale](https://acme.example/spring)\n" },
    },
    {
      title: "id: large text needs only 3:1 (24px, or 19px bold)",
      files: { "email.mjml": mj(['<mj-text color="#8A8A8A" font-size="24px">Diskon besar hari ini</mj-text>', '<mj-text color="#8A8A8A" font-size="19px" font-weight="bold">Gratis ongkir</mj-text>', '<mj-text color="#8A8A8A" font-size="14pt"><strong>Belanja sekarang</strong></mj-text>']) },
    },
    {
      title: "ru: mjml's default button (white on #414141) and default text (black on white) pass",
      files: { "email.mjml": mj(['<mj-text>Весенняя распродажа</mj-text>', '<mj-button href="https://acme.example/ru">Купить</mj-button>']) },
    },
    {
      title: "id: a component default in mj-attributes beats mj-all",
      files: { "email.mjml": mj(["<mj-text>Halo semua</mj-text>"], ["<mj-attributes>", '<mj-all color="#AAAAAA" />', '<mj-text color="#333333" />', "</mj-attributes>"]) },
    },
    {
      title: "pl: defaults of an mj-class's children apply inside an element with that class",
      files: {
        "email.mjml": [
          "<mjml>",
          "  <mj-head>",
          "    <mj-attributes>",
          '      <mj-class name="dark" background-color="#1A1A1A"><mj-text color="#FFFFFF" /></mj-class>',
          "    </mj-attributes>",
          "  </mj-head>",
          "  <mj-body>",
          '    <mj-section mj-class="dark">',
          "      <mj-column>",
          "        <mj-text>Jesienna wyprzedaż</mj-text>",
          "      </mj-column>",
          "    </mj-section>",
          "  </mj-body>",
          "</mjml>",
          "",
        ].join("\n"),
      },
    },
    {
      title: "ar: text over a background picture, hidden text and transparent text are not checked",
      files: {
        "email.mjml": body(
          '    <mj-section background-url="https://acme.example/hero.jpg">',
          "      <mj-column>",
          '        <mj-text color="#EEEEEE">عرض خاص</mj-text>',
          "      </mj-column>",
          "    </mj-section>",
          "    <mj-section>",
          "      <mj-column>",
          '        <mj-text><span style="display:none">نص مخفي</span><span style="color: transparent">‌ ‌</span><span style="font-size:0">x</span><span style="color:rgba(0,0,0,0)">y</span>مرحبا</mj-text>',
          "      </mj-column>",
          "    </mj-section>",
        ),
      },
    },
    {
      title: "en: AAA accepts 7:1",
      options: { level: "AAA" },
      files: { "email.mjml": mj(['<mj-text color="#595959" font-size="16px">Spring sale</mj-text>']) },
    },
  ],
  invalid: [
    {
      title: "en: grey text on white",
      files: { "email.mjml": mj(['<mj-text color="#999999">Spring sale</mj-text>']) },
      errors: [{ messageId: "lowContrast", line: 5, column: 25, endLine: 5, endColumn: 32, message: "Text colour #999999 on #FFFFFF has contrast 2.84:1; WCAG AA needs 4.5:1 for text this size (13px)" }],
    },
    {
      title: "id: #8A8A8A passes at 24px (3.45:1) but fails at 16px, and at 19px unless bold",
      files: {
        "email.mjml": mj([
          '<mj-text color="#8A8A8A" font-size="24px">Diskon besar hari ini</mj-text>',
          '<mj-text color="#8a8a8a" font-size="16px">Belanja sekarang</mj-text>',
          '<mj-text color="#8A8A8A" font-size="19px" font-weight="bold">Gratis ongkir</mj-text>',
          '<mj-text color="#8A8A8a" font-size="19px">Syarat berlaku</mj-text>',
        ]),
      },
      errors: [
        { messageId: "lowContrast", line: 6, column: 25, message: "Text colour #8a8a8a on #FFFFFF has contrast 3.45:1; WCAG AA needs 4.5:1 for text this size (16px)" },
        { messageId: "lowContrast", line: 8, column: 25, message: "needs 4.5:1 for text this size (19px)" },
      ],
    },
    {
      title: "ru: a pale button label, and default white text on a light button",
      config: brand,
      files: {
        "email.mjml": mj([
          '<mj-button background-color="#0B5FFF" color="#7FA7FF" href="https://acme.example/ru">Купить</mj-button>',
          '<mj-button background-color="#FFD166" href="https://acme.example/ru">Скидка</mj-button>',
          '<mj-button href="https://acme.example/ru">Подробнее</mj-button>',
        ]),
      },
      errors: [
        { messageId: "lowContrastSuggest", line: 5, column: 54, message: "Text colour #7FA7FF on #0B5FFF has contrast 2.16:1; WCAG AA needs 4.5:1 for text this size (13px); paper #FFFFFF gives 5.1:1", suggestions: [{"desc":"Use paper #FFFFFF (5.1:1)","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-button background-color=\"#0B5FFF\" color=\"#FFFFFF\" href=\"https://acme.example/ru\">Купить</mj-button>\n        <mj-button background-color=\"#FFD166\" href=\"https://acme.example/ru\">Скидка</mj-button>\n        <mj-button href=\"https://acme.example/ru\">Подробнее</mj-button>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
        { messageId: "lowContrastSuggest", line: 6, column: 38, message: "Text colour #FFFFFF on #FFD166 has contrast 1.44:1; WCAG AA needs 4.5:1 for text this size (13px); ink #1A1A1A gives 12.1:1" },
      ],
    },
    {
      title: "pl: default black text on a dark section",
      files: {
        "email.mjml": body(
          '    <mj-section background-color="#1A1A1A">',
          "      <mj-column>",
          "        <mj-text>Jesienna wyprzedaż</mj-text>",
          '        <mj-text color="#FFFFFF">Rabat 30%</mj-text>',
          "      </mj-column>",
          "    </mj-section>",
        ),
      },
      errors: [{ messageId: "lowContrast", line: 3, column: 35, message: "Text colour #000000 on #1A1A1A has contrast 1.20:1" }],
    },
    {
      title: "id: mj-all and mj-class colours are resolved, and point at mj-attributes",
      config: brand,
      files: {
        "email.mjml": mj(
          ["<mj-text>Halo semua</mj-text>", '<mj-text mj-class="muted">Diskon</mj-text>', '<mj-text mj-class="muted" color="#1A1A1A">Belanja</mj-text>', '<mj-text mj-class="other muted">Gratis</mj-text>'],
          ["<mj-attributes>", '<mj-all color="#AAAAAA" />', '<mj-class name="muted" color="#BBBBBB" />', '<mj-class name="other" color="#1A1A1A" font-size="20px" />', '<mj-text font-size="16px" />', "</mj-attributes>"],
        ),
      },
      errors: [
        { messageId: "lowContrastSuggest", line: 4, column: 20, message: "Text colour #AAAAAA on #FFFFFF has contrast 2.32:1; WCAG AA needs 4.5:1 for text this size (16px); ink #1A1A1A gives 17.4:1", suggestions: [{"desc":"Use ink #1A1A1A (17.4:1)","output":{"email.mjml":"<mjml>\n  <mj-head>\n    <mj-attributes>\n    <mj-all color=\"#1A1A1A\" />\n    <mj-class name=\"muted\" color=\"#BBBBBB\" />\n    <mj-class name=\"other\" color=\"#1A1A1A\" font-size=\"20px\" />\n    <mj-text font-size=\"16px\" />\n    </mj-attributes>\n  </mj-head>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text>Halo semua</mj-text>\n        <mj-text mj-class=\"muted\">Diskon</mj-text>\n        <mj-text mj-class=\"muted\" color=\"#1A1A1A\">Belanja</mj-text>\n        <mj-text mj-class=\"other muted\">Gratis</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
        { messageId: "lowContrastSuggest", line: 5, column: 35, message: "Text colour #BBBBBB on #FFFFFF has contrast 1.91:1; WCAG AA needs 4.5:1 for text this size (16px)", suggestions: [{"desc":"Use ink #1A1A1A (17.4:1)","output":{"email.mjml":"<mjml>\n  <mj-head>\n    <mj-attributes>\n    <mj-all color=\"#AAAAAA\" />\n    <mj-class name=\"muted\" color=\"#1A1A1A\" />\n    <mj-class name=\"other\" color=\"#1A1A1A\" font-size=\"20px\" />\n    <mj-text font-size=\"16px\" />\n    </mj-attributes>\n  </mj-head>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text>Halo semua</mj-text>\n        <mj-text mj-class=\"muted\">Diskon</mj-text>\n        <mj-text mj-class=\"muted\" color=\"#1A1A1A\">Belanja</mj-text>\n        <mj-text mj-class=\"other muted\">Gratis</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
      ],
    },
    {
      title: "ru: inline colours and backgrounds inside mj-text",
      files: {
        "email.mjml": mj([
          '<mj-text color="#1A1A1A">Привет, <span style="color: #AAAAAA">друг</span>! <font color="#BBBBBB">Скидка</font> <b>сегодня</b></mj-text>',
          '<mj-text><p style="background-color: #333333">Только <a href="https://acme.example" style="color:#0B5FFF">сегодня</a></p></mj-text>',
        ]),
      },
      errors: [
        { messageId: "lowContrast", line: 5, column: 62, message: "Text colour #AAAAAA on #FFFFFF" },
        { messageId: "lowContrast", line: 5, column: 97, message: "Text colour #BBBBBB on #FFFFFF" },
        { messageId: "lowContrast", line: 6, column: 46, message: "Text colour #000000 on #333333 has contrast 1.66:1" },
        { messageId: "lowContrast", line: 6, column: 106, message: "Text colour #0B5FFF on #333333 has contrast 2.46:1" },
      ],
    },
    {
      title: "ar: a semi-transparent text colour is blended over its background",
      files: { "email.mjml": mj(['<mj-text color="rgba(0, 0, 0, 0.3)">عرض خاص لفترة محدودة</mj-text>']) },
      errors: [{ messageId: "lowContrast", line: 5, column: 25, endColumn: 43, message: "Text colour rgba(0, 0, 0, 0.3) (#B3B3B3 over the background) on #FFFFFF has contrast 2.09:1" }],
    },
    {
      title: "ar: a semi-transparent column over a black section",
      files: {
        "email.mjml": body(
          '    <mj-section background-color="#000000">',
          '      <mj-column background-color="rgba(255, 255, 255, 0.5)">',
          '        <mj-text color="#333333">تسوق الآن</mj-text>',
          "      </mj-column>",
          "    </mj-section>",
        ),
      },
      errors: [{ messageId: "lowContrast", line: 5, column: 25, message: "Text colour #333333 on #808080 has contrast 3.19:1" }],
    },
    {
      title: "pl: AAA needs 7:1",
      options: { level: "AAA" },
      files: { "email.mjml": mj(['<mj-text color="#666666" font-size="16px">Wyprzedaż</mj-text>']) },
      errors: [{ messageId: "lowContrast", line: 5, column: 25, message: "has contrast 5.74:1; WCAG AAA needs 7:1 for text this size (16px)" }],
    },
    {
      title: "en: largeTextPx moves the large-text threshold",
      options: { largeTextPx: 30 },
      files: { "email.mjml": mj(['<mj-text color="#8A8A8A" font-size="24px">Spring sale</mj-text>']) },
      errors: [{ messageId: "lowContrast", line: 5, column: 25, message: "needs 4.5:1 for text this size (24px)" }],
    },
    {
      title: "en: an ink too light in brand.config.json fails every paragraph of the email rendered from message.md",
      config: { colors: { primary: "#0B5FFF", ink: "#777777", paper: "#FFFFFF" } },
      files: { "message.md": "---\nchannels: [email]\n---\n# Spring savings\n\nTake 20% off everything.\n\n[Shop the sale](https://acme.example/spring)\n" },
      errors: [{ messageId: "lowContrastSuggest", file: "brand.config.json", line: 7, column: 13, message: "Text colour #777777 on #FFFFFF has contrast 4.47:1; WCAG AA needs 4.5:1 for text this size (16px); primary #0B5FFF gives 5.1:1", suggestions: [{"desc":"Use primary #0B5FFF (5.1:1)","output":{}}] }],
    },
    {
      title: "ar: a primary colour too light for the white button label",
      config: { colors: { primary: "#66A3FF", ink: "#1A1A1A", paper: "#FFFFFF" } },
      files: { "message.md": "---\nchannels: [email]\nlocale: ar\n---\n# تخفيضات الربيع\n\nخصم 20% على كل شيء.\n\n[تسوق الآن](https://acme.example/ar)\n" },
      errors: [{ messageId: "lowContrastSuggest", file: "brand.config.json", line: 8, column: 15, message: "Text colour #FFFFFF on #66A3FF has contrast 2.54:1; WCAG AA needs 4.5:1 for text this size (16px); ink #1A1A1A gives 6.8:1", suggestions: [{"desc":"Use ink #1A1A1A (6.8:1)","output":{}}] }],
    },
    {
      title: "id: raw HTML in message.md is checked and points at message.md",
      config: brand,
      files: { "message.md": '---\nchannels: [email]\nlocale: id\n---\n# Promo gajian\n\nDiskon <span style="color:#C0C0C0">hari ini</span> saja.\n' },
      errors: [{ messageId: "lowContrastSuggest", line: 7, column: 27, message: "Text colour #C0C0C0 on #FFFFFF", suggestions: [{"desc":"Use ink #1A1A1A (17.4:1)","output":{"message.md":"---\nchannels: [email]\nlocale: id\n---\n# Promo gajian\n\nDiskon <span style=\"color:#1A1A1A\">hari ini</span> saja.\n"}}] }],
    },
  ],
});
