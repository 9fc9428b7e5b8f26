import { rmSync } from "node:fs";
import { describe, expect, it } from "vitest";
import rule from "../../rules/image-alt.js";
import { lint } from "../../src/lint.js";
import { runRuleExamples, runRuleTests, writeCase } from "../helpers/rule-tester.js";

runRuleExamples(rule);

const mjml = (inner: string) => `<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n${inner}\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n`;
const hosts = { assets: { hosts: ["cdn.lumen.example"] } };
const retired = {
  assets: {
    retired: [
      "/img/logo-2019.png",
      { url: "https://cdn.lumen.example/banners/jesien-2024.jpg", replacement: "https://cdn.lumen.example/banners/jesien-2026.jpg", message: "zeszłoroczna kampania" },
      { url: "katalog-2024.pdf", replacement: "https://lumen.example/katalog" },
    ],
  },
};

runRuleTests(rule, {
  valid: [
    {
      title: "id: mj-image with alt text from a subdomain of an asset host",
      config: { assets: { hosts: ["lumen.example"] } },
      files: { "email.mjml": mjml('        <mj-image src="https://cdn.lumen.example/id/gajian.jpg" alt="Diskon 10% untuk perlengkapan hiking" />') },
    },
    {
      title: "ar: alt text that is a variable's value is trusted",
      config: { variables: { productName: { sample: "خيمة عائلية" } } },
      files: { "message.md": "---\nlocale: ar\nchannels: [email]\n---\n![{{productName}}](https://cdn.lumen.example/ar/tent.jpg)\n" },
    },
    {
      title: "pl: a retired file name does not match a longer one",
      config: retired,
      files: { "email.mjml": mjml('        <mj-image src="https://cdn.lumen.example/img/newlogo-2019.png" alt="Logo Lumen" />') },
    },
    {
      title: "ru: backgrounds and social icons from an asset host need no alt",
      config: hosts,
      files: {
        "email.mjml": '<mjml>\n  <mj-body>\n    <mj-section background-url="https://cdn.lumen.example/ru/leto-bg.jpg">\n      <mj-column>\n        <mj-social>\n          <mj-social-element name="vkontakte" src="https://cdn.lumen.example/icons/vk.png" href="https://vk.com/lumen">ВКонтакте</mj-social-element>\n        </mj-social>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n',
      },
    },
    {
      title: "en: http images are allowed when links.requireHttps is false",
      config: { links: { requireHttps: false } },
      files: { "message.md": "---\nchannels: [email]\n---\n![Spring tents](http://cdn.lumen.example/img/tents.jpg)\n" },
    },
    {
      title: "en: an image URL that is entirely a variable's value is not checked",
      config: { ...hosts, variables: { heroUrl: { sample: "http://elsewhere.example/x.png" } } },
      files: { "email.mjml": mjml('        <mj-image src="{{heroUrl}}" alt="Spring tents" />') },
    },
    {
      title: "en: no alt check for SMS (no images), links are fine when nothing is retired",
      files: { "sms.txt": "Lumen: see https://cdn.lumen.example/img/logo-2019.png" },
    },
  ],
  invalid: [
    {
      title: "id: an explicitly empty alt is reported unless decorative images are allowed",
      files: { "email.mjml": mjml('        <mj-image src="https://cdn.lumen.example/id/banner.jpg" alt="" />') },
      errors: [{ messageId: "empty", line: 5, column: 9, endColumn: 74, channels: ["email"] }],
    },
    {
      title: "en: whitespace-only alt in Markdown counts as missing, even with allowDecorative",
      options: { allowDecorative: true },
      files: { "message.md": "---\nchannels: [email]\n---\nHello.\n\n![  ](https://cdn.lumen.example/img/spring.jpg)\n" },
      errors: [{ messageId: "missing", line: 6, column: 1 }],
    },
    {
      title: "pl: a file name as alt text",
      files: { "email.mjml": mjml('        <mj-image src="https://cdn.lumen.example/pl/baner.jpg" alt="baner-jesien.png" />') },
      errors: [{ messageId: "fileName", line: 5, column: 69, endColumn: 85, message: "Alt text ‘baner-jesien.png’ is a file name" }],
    },
    {
      title: "ar: raw HTML <img> without alt in message.md",
      files: { "message.md": '---\nlocale: ar\nchannels: [email]\n---\nعروض رمضان من Lumen\n\n<img src="https://cdn.lumen.example/ar/ramadan.jpg" width="600">\n' },
      errors: [{ messageId: "missing", line: 7, column: 1, channels: ["email"] }],
    },
    {
      title: "ar: a Markdown image inside Arabic text, no alt",
      files: { "message.md": "---\nlocale: ar\nchannels: [email]\n---\nخصم ٢٥٪ ![](https://cdn.lumen.example/ar/x.jpg) على كل شيء\n" },
      errors: [{ messageId: "missing", line: 5, column: 9 }],
    },
    {
      title: "ru: a relative image path",
      files: { "email.mjml": mjml('        <mj-image src="/img/leto.jpg" alt="Летняя распродажа" />') },
      errors: [{ messageId: "relativeSrc", line: 5, column: 24, message: "Image path ‘/img/leto.jpg’ is relative" }],
    },
    {
      title: "en: an http image",
      files: { "message.md": "---\nchannels: [email]\n---\n![Spring tents](http://cdn.lumen.example/img/tents.jpg)\n" },
      errors: [{ messageId: "insecureSrc", line: 4, column: 17, endColumn: 21, suggestions: [{"desc":"Use https://","output":{"message.md":"---\nchannels: [email]\n---\n![Spring tents](https://cdn.lumen.example/img/tents.jpg)\n"}}] }],
    },
    {
      title: "en: a data: image when asset hosts are configured",
      config: hosts,
      files: { "email.mjml": mjml('        <mj-image src="data:image/png;base64,iVBORw0KGgo=" alt="Logo" />') },
      errors: [{ messageId: "notHosted", line: 5, column: 24, message: "Image comes from a data: URL, not from the brand's asset hosts (cdn.lumen.example)" }],
    },
    {
      title: "ru: a background image from another host",
      config: hosts,
      files: { "email.mjml": '<mjml>\n  <mj-body>\n    <mj-section background-url="https://i.imgur.com/leto.jpg">\n      <mj-column>\n        <mj-text>Лето</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n' },
      errors: [{ messageId: "notHosted", line: 3, column: 41, message: "Image comes from i.imgur.com" }],
    },
    {
      title: "pl: a retired banner in MJML, with its replacement and reason",
      config: retired,
      files: { "email.mjml": mjml('        <mj-image src="https://CDN.lumen.example/banners/jesien-2024.jpg?v=2" alt="Jesienna wyprzedaż" />') },
      errors: [{ messageId: "retired", line: 5, column: 24, message: "This image was retired (zeszłoroczna kampania); use https://cdn.lumen.example/banners/jesien-2026.jpg instead", suggestions: [{"desc":"Use https://cdn.lumen.example/banners/jesien-2026.jpg","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-image src=\"https://cdn.lumen.example/banners/jesien-2026.jpg\" alt=\"Jesienna wyprzedaż\" />\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] }],
    },
    {
      title: "ru: a retired logo as a section background",
      config: retired,
      files: { "email.mjml": '<mjml>\n  <mj-body>\n    <mj-section background-url="https://cdn.lumen.example/ru/img/logo-2019.png">\n      <mj-column>\n        <mj-text>Лето</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n' },
      errors: [{ messageId: "retired", line: 3, column: 33, message: "This image was retired" }],
    },
    {
      title: "id: a link to a retired catalogue in a hand-written SMS",
      config: retired,
      files: { "sms.txt": "Lumen: katalog baru https://lumen.example/files/katalog-2024.pdf Balas STOP" },
      errors: [{ messageId: "retired", line: 1, column: 21, channels: ["sms"], message: "This asset was retired; use https://lumen.example/katalog instead", suggestions: [{"desc":"Use https://lumen.example/katalog","output":{"sms.txt":"Lumen: katalog baru https://lumen.example/katalog Balas STOP"}}] }],
    },
    {
      title: "en: a retired link in message.md is one finding for every channel that shows it",
      config: retired,
      files: { "message.md": "---\nchannels: [email, sms, push]\n---\nOur catalogue is out.\n\n[Get the catalogue](https://lumen.example/files/katalog-2024.pdf)\n" },
      errors: [{ messageId: "retired", line: 6, column: 21, channels: ["email", "sms", "push"], suggestions: [{"desc":"Use https://lumen.example/katalog","output":{"message.md":"---\nchannels: [email, sms, push]\n---\nOur catalogue is out.\n\n[Get the catalogue](https://lumen.example/katalog)\n"}}] }],
    },
    {
      title: "en: an mj-carousel-image without alt",
      files: { "email.mjml": mjml('        <mj-carousel>\n          <mj-carousel-image src="https://cdn.lumen.example/a.jpg" alt="Tent" />\n          <mj-carousel-image src="https://cdn.lumen.example/b.jpg" />\n        </mj-carousel>') },
      errors: [{ messageId: "missing", line: 7, column: 11 }],
    },
  ],
});

describe("image-alt suggestions", () => {
  it("pl: offers the replacement of a retired banner, not an automatic fix", async () => {
    const src = "https://cdn.lumen.example/banners/jesien-2024.jpg";
    const text = `<mjml><mj-body><mj-section><mj-column><mj-image src="${src}" alt="Jesień" /></mj-column></mj-section></mj-body></mjml>\n`;
    const dir = writeCase({ config: retired, files: { "email.mjml": text } });
    try {
      const [m] = (await lint({ cwd: dir, only: ["image-alt"] })).results.flatMap((r) => r.messages);
      const start = text.indexOf(src);
      expect(m?.suggestions).toEqual([{ desc: "Use https://cdn.lumen.example/banners/jesien-2026.jpg", fix: { range: [start, start + src.length], text: "https://cdn.lumen.example/banners/jesien-2026.jpg" } }]);
      expect(m?.fix).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
