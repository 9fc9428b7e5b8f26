import rule from "../../rules/brand-colors.js";
import { runRuleExamples, runRuleTests } from "../helpers/rule-tester.js";
import { mj } from "../helpers/mjml.js";

runRuleExamples(rule);

const colors = { primary: "#0B5FFF", ink: "#1A1A1A", paper: "#FFFFFF" };
const config = { colors };


runRuleTests(rule, {
  valid: [
    {
      title: "palette colours in every notation (Arabic content)",
      config,
      files: {
        "email.mjml": mj([
          '<mj-text color="#0B5FFF" container-background-color="#0b5fff">مرحبا</mj-text>',
          '<mj-text color="rgb(11, 95, 255)" background-color="rgb(11 95 255)">أهلا</mj-text>',
          '<mj-text color="rgba(11,95,255,1)" background-color="hsl(219.3, 100%, 52.2%)">عرض</mj-text>',
          '<mj-text color="hsl(219.3deg 100% 52.2%)" background-color="RGB(11 95 255)">خصم</mj-text>',
          '<mj-text color="#1A1A1A" container-background-color="rgb(26 26 26)">تسوق</mj-text>',
          '<mj-text color="white" container-background-color="#FFF">الآن</mj-text>',
          '<mj-text color="#ffff" container-background-color="#FFFFFFFF">اليوم</mj-text>',
          '<mj-text color="hsl(0 0% 100%)" container-background-color="WHITE">غدا</mj-text>',
        ]),
      },
    },
    {
      title: "a palette colour at any opacity",
      config,
      files: { "email.mjml": mj(['<mj-text color="rgba(11, 95, 255, 0.5)" background-color="#0B5FFF80">a</mj-text>', '<mj-text color="rgb(26 26 26 / 40%)" background-color="hsla(0,0%,100%,.3)" container-background-color="#fff8">b</mj-text>']) },
    },
    {
      title: "colour keywords are always allowed",
      config,
      files: { "email.mjml": mj(['<mj-text color="currentColor" container-background-color="transparent">a</mj-text>', '<mj-text color="inherit" border="none">b</mj-text>', '<mj-divider border-color="currentcolor" />', '<mj-text><p style="color: initial; background: transparent">c</p></mj-text>']) },
    },
    {
      title: "without a palette the rule does nothing",
      files: { "email.mjml": mj(['<mj-text color="tomato">a</mj-text>']) },
    },
    {
      title: "an empty palette does nothing",
      config: { colors: {} },
      files: { "email.mjml": mj(['<mj-text color="tomato">a</mj-text>']) },
    },
    {
      title: "a variable's value is not checked",
      config: { ...config, variables: { accent: { sample: "#ff0000" } } },
      files: { "email.mjml": mj(['<mj-text color="{{accent}}">a</mj-text>']) },
    },
    {
      title: "attributes and properties that hold no colour",
      config,
      files: {
        "email.mjml": mj(
          ['<mj-button href="#fade" css-class="red" mj-class="tomato">Beli</mj-button>', '<mj-text font-family="Red Hat Display, sans-serif"><a href="#bad" style="font-family: Red Hat; grid-area: tomato">Diskon</a></mj-text>'],
          ['<mj-attributes><mj-class name="red" padding="0" /></mj-attributes>'],
        ),
      },
    },
    {
      title: "computed colours (var, calc) are not checked",
      config,
      files: { "email.mjml": mj(['<mj-text><p style="color: var(--accent); background-color: rgb(var(--r) 0 0)">a</p></mj-text>']) },
    },
    {
      title: "palette colours in mj-style, gradients and comments",
      config,
      files: { "email.mjml": mj(['<mj-text css-class="hero">Hi</mj-text>'], ["<mj-style>", "  /* #ff0000 is not used */", ".hero { background-image: linear-gradient(#0B5FFF, white 60%); color: #1a1a1a !important; }", "</mj-style>"]) },
    },
    {
      title: "raw HTML in message.md with palette colours (Indonesian)",
      config,
      files: { "message.md": '---\nchannels: [email]\nlocale: id\n---\n# Halo\n\nHalo <span style="color:#0B5FFF">teman</span>, diskon <font color="white">hari ini</font>.\n' },
    },
    {
      title: "a hand-written email.mjml replaces the email rendered from message.md",
      config,
      files: { "message.md": '---\nchannels: [email]\n---\nHi <span style="color:#ff0000">there</span>\n', "email.mjml": mj(['<mj-text color="#0B5FFF">Hi</mj-text>']) },
    },
  ],
  invalid: [
    {
      title: "every syntax, far from the palette: reported, not fixed",
      config,
      files: {
        "email.mjml": mj([
          '<mj-text color="#f00">Привет</mj-text>',
          '<mj-text color="#f008">Скидка</mj-text>',
          '<mj-text color="#ff0000">сегодня</mj-text>',
          '<mj-text color="#ff000080">только</mj-text>',
          '<mj-text color="rgb(255, 0, 0)">для</mj-text>',
          '<mj-text color="rgba(255,0,0,0.5)">вас</mj-text>',
          '<mj-text color="rgb(255 0 0 / 50%)">и</mj-text>',
          '<mj-text color="hsl(0, 100%, 50%)">ваших</mj-text>',
          '<mj-text color="hsla(0,100%,50%,.5)">друзей</mj-text>',
          '<mj-text color="hsl(0deg 100% 50%)">в</mj-text>',
          '<mj-text color="red">магазине</mj-text>',
          '<mj-text color="Tomato">Acme</mj-text>',
          '<mj-text color="oklch(0.6 0.2 30)">ждём</mj-text>',
        ]),
      },
      errors: [
        { messageId: "offPalette", line: 5, column: 25, endLine: 5, endColumn: 29, channels: ["email"], message: "#f00 is not a brand colour; nearest is paper #FFFFFF (ΔE00 45.8)", suggestions: [{"desc":"Replace with paper #FFFFFF","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text color=\"#fff\">Привет</mj-text>\n        <mj-text color=\"#f008\">Скидка</mj-text>\n        <mj-text color=\"#ff0000\">сегодня</mj-text>\n        <mj-text color=\"#ff000080\">только</mj-text>\n        <mj-text color=\"rgb(255, 0, 0)\">для</mj-text>\n        <mj-text color=\"rgba(255,0,0,0.5)\">вас</mj-text>\n        <mj-text color=\"rgb(255 0 0 / 50%)\">и</mj-text>\n        <mj-text color=\"hsl(0, 100%, 50%)\">ваших</mj-text>\n        <mj-text color=\"hsla(0,100%,50%,.5)\">друзей</mj-text>\n        <mj-text color=\"hsl(0deg 100% 50%)\">в</mj-text>\n        <mj-text color=\"red\">магазине</mj-text>\n        <mj-text color=\"Tomato\">Acme</mj-text>\n        <mj-text color=\"oklch(0.6 0.2 30)\">ждём</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
        { messageId: "offPalette", line: 6, column: 25, endColumn: 30, message: "#f008 is not a brand colour", suggestions: [{"desc":"Replace with paper #FFFFFF","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text color=\"#f00\">Привет</mj-text>\n        <mj-text color=\"#fff8\">Скидка</mj-text>\n        <mj-text color=\"#ff0000\">сегодня</mj-text>\n        <mj-text color=\"#ff000080\">только</mj-text>\n        <mj-text color=\"rgb(255, 0, 0)\">для</mj-text>\n        <mj-text color=\"rgba(255,0,0,0.5)\">вас</mj-text>\n        <mj-text color=\"rgb(255 0 0 / 50%)\">и</mj-text>\n        <mj-text color=\"hsl(0, 100%, 50%)\">ваших</mj-text>\n        <mj-text color=\"hsla(0,100%,50%,.5)\">друзей</mj-text>\n        <mj-text color=\"hsl(0deg 100% 50%)\">в</mj-text>\n        <mj-text color=\"red\">магазине</mj-text>\n        <mj-text color=\"Tomato\">Acme</mj-text>\n        <mj-text color=\"oklch(0.6 0.2 30)\">ждём</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
        { messageId: "offPalette", line: 7, column: 25, endColumn: 32, message: "#ff0000 is not a brand colour", suggestions: [{"desc":"Replace with paper #FFFFFF","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text color=\"#f00\">Привет</mj-text>\n        <mj-text color=\"#f008\">Скидка</mj-text>\n        <mj-text color=\"#ffffff\">сегодня</mj-text>\n        <mj-text color=\"#ff000080\">только</mj-text>\n        <mj-text color=\"rgb(255, 0, 0)\">для</mj-text>\n        <mj-text color=\"rgba(255,0,0,0.5)\">вас</mj-text>\n        <mj-text color=\"rgb(255 0 0 / 50%)\">и</mj-text>\n        <mj-text color=\"hsl(0, 100%, 50%)\">ваших</mj-text>\n        <mj-text color=\"hsla(0,100%,50%,.5)\">друзей</mj-text>\n        <mj-text color=\"hsl(0deg 100% 50%)\">в</mj-text>\n        <mj-text color=\"red\">магазине</mj-text>\n        <mj-text color=\"Tomato\">Acme</mj-text>\n        <mj-text color=\"oklch(0.6 0.2 30)\">ждём</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
        { messageId: "offPalette", line: 8, column: 25, endColumn: 34, message: "#ff000080 is not a brand colour", suggestions: [{"desc":"Replace with paper #FFFFFF","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text color=\"#f00\">Привет</mj-text>\n        <mj-text color=\"#f008\">Скидка</mj-text>\n        <mj-text color=\"#ff0000\">сегодня</mj-text>\n        <mj-text color=\"#ffffff80\">только</mj-text>\n        <mj-text color=\"rgb(255, 0, 0)\">для</mj-text>\n        <mj-text color=\"rgba(255,0,0,0.5)\">вас</mj-text>\n        <mj-text color=\"rgb(255 0 0 / 50%)\">и</mj-text>\n        <mj-text color=\"hsl(0, 100%, 50%)\">ваших</mj-text>\n        <mj-text color=\"hsla(0,100%,50%,.5)\">друзей</mj-text>\n        <mj-text color=\"hsl(0deg 100% 50%)\">в</mj-text>\n        <mj-text color=\"red\">магазине</mj-text>\n        <mj-text color=\"Tomato\">Acme</mj-text>\n        <mj-text color=\"oklch(0.6 0.2 30)\">ждём</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
        { messageId: "offPalette", line: 9, column: 25, endColumn: 39, message: "rgb(255, 0, 0) is not a brand colour", suggestions: [{"desc":"Replace with paper #FFFFFF","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text color=\"#f00\">Привет</mj-text>\n        <mj-text color=\"#f008\">Скидка</mj-text>\n        <mj-text color=\"#ff0000\">сегодня</mj-text>\n        <mj-text color=\"#ff000080\">только</mj-text>\n        <mj-text color=\"rgb(255, 255, 255)\">для</mj-text>\n        <mj-text color=\"rgba(255,0,0,0.5)\">вас</mj-text>\n        <mj-text color=\"rgb(255 0 0 / 50%)\">и</mj-text>\n        <mj-text color=\"hsl(0, 100%, 50%)\">ваших</mj-text>\n        <mj-text color=\"hsla(0,100%,50%,.5)\">друзей</mj-text>\n        <mj-text color=\"hsl(0deg 100% 50%)\">в</mj-text>\n        <mj-text color=\"red\">магазине</mj-text>\n        <mj-text color=\"Tomato\">Acme</mj-text>\n        <mj-text color=\"oklch(0.6 0.2 30)\">ждём</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
        { messageId: "offPalette", line: 10, column: 25, endColumn: 42, message: "rgba(255,0,0,0.5) is not a brand colour", suggestions: [{"desc":"Replace with paper #FFFFFF","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text color=\"#f00\">Привет</mj-text>\n        <mj-text color=\"#f008\">Скидка</mj-text>\n        <mj-text color=\"#ff0000\">сегодня</mj-text>\n        <mj-text color=\"#ff000080\">только</mj-text>\n        <mj-text color=\"rgb(255, 0, 0)\">для</mj-text>\n        <mj-text color=\"rgba(255,255,255,0.5)\">вас</mj-text>\n        <mj-text color=\"rgb(255 0 0 / 50%)\">и</mj-text>\n        <mj-text color=\"hsl(0, 100%, 50%)\">ваших</mj-text>\n        <mj-text color=\"hsla(0,100%,50%,.5)\">друзей</mj-text>\n        <mj-text color=\"hsl(0deg 100% 50%)\">в</mj-text>\n        <mj-text color=\"red\">магазине</mj-text>\n        <mj-text color=\"Tomato\">Acme</mj-text>\n        <mj-text color=\"oklch(0.6 0.2 30)\">ждём</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
        { messageId: "offPalette", line: 11, column: 25, endColumn: 43, message: "rgb(255 0 0 / 50%) is not a brand colour", suggestions: [{"desc":"Replace with paper #FFFFFF","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text color=\"#f00\">Привет</mj-text>\n        <mj-text color=\"#f008\">Скидка</mj-text>\n        <mj-text color=\"#ff0000\">сегодня</mj-text>\n        <mj-text color=\"#ff000080\">только</mj-text>\n        <mj-text color=\"rgb(255, 0, 0)\">для</mj-text>\n        <mj-text color=\"rgba(255,0,0,0.5)\">вас</mj-text>\n        <mj-text color=\"rgb(255 255 255 / 50%)\">и</mj-text>\n        <mj-text color=\"hsl(0, 100%, 50%)\">ваших</mj-text>\n        <mj-text color=\"hsla(0,100%,50%,.5)\">друзей</mj-text>\n        <mj-text color=\"hsl(0deg 100% 50%)\">в</mj-text>\n        <mj-text color=\"red\">магазине</mj-text>\n        <mj-text color=\"Tomato\">Acme</mj-text>\n        <mj-text color=\"oklch(0.6 0.2 30)\">ждём</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
        { messageId: "offPalette", line: 12, column: 25, endColumn: 42, message: "hsl(0, 100%, 50%) is not a brand colour", suggestions: [{"desc":"Replace with paper #FFFFFF","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text color=\"#f00\">Привет</mj-text>\n        <mj-text color=\"#f008\">Скидка</mj-text>\n        <mj-text color=\"#ff0000\">сегодня</mj-text>\n        <mj-text color=\"#ff000080\">только</mj-text>\n        <mj-text color=\"rgb(255, 0, 0)\">для</mj-text>\n        <mj-text color=\"rgba(255,0,0,0.5)\">вас</mj-text>\n        <mj-text color=\"rgb(255 0 0 / 50%)\">и</mj-text>\n        <mj-text color=\"hsl(0, 0%, 100%)\">ваших</mj-text>\n        <mj-text color=\"hsla(0,100%,50%,.5)\">друзей</mj-text>\n        <mj-text color=\"hsl(0deg 100% 50%)\">в</mj-text>\n        <mj-text color=\"red\">магазине</mj-text>\n        <mj-text color=\"Tomato\">Acme</mj-text>\n        <mj-text color=\"oklch(0.6 0.2 30)\">ждём</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
        { messageId: "offPalette", line: 13, column: 25, endColumn: 44, message: "hsla(0,100%,50%,.5) is not a brand colour", suggestions: [{"desc":"Replace with paper #FFFFFF","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text color=\"#f00\">Привет</mj-text>\n        <mj-text color=\"#f008\">Скидка</mj-text>\n        <mj-text color=\"#ff0000\">сегодня</mj-text>\n        <mj-text color=\"#ff000080\">только</mj-text>\n        <mj-text color=\"rgb(255, 0, 0)\">для</mj-text>\n        <mj-text color=\"rgba(255,0,0,0.5)\">вас</mj-text>\n        <mj-text color=\"rgb(255 0 0 / 50%)\">и</mj-text>\n        <mj-text color=\"hsl(0, 100%, 50%)\">ваших</mj-text>\n        <mj-text color=\"hsla(0,0%,100%,.5)\">друзей</mj-text>\n        <mj-text color=\"hsl(0deg 100% 50%)\">в</mj-text>\n        <mj-text color=\"red\">магазине</mj-text>\n        <mj-text color=\"Tomato\">Acme</mj-text>\n        <mj-text color=\"oklch(0.6 0.2 30)\">ждём</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
        { messageId: "offPalette", line: 14, column: 25, endColumn: 43, message: "hsl(0deg 100% 50%) is not a brand colour", suggestions: [{"desc":"Replace with paper #FFFFFF","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text color=\"#f00\">Привет</mj-text>\n        <mj-text color=\"#f008\">Скидка</mj-text>\n        <mj-text color=\"#ff0000\">сегодня</mj-text>\n        <mj-text color=\"#ff000080\">только</mj-text>\n        <mj-text color=\"rgb(255, 0, 0)\">для</mj-text>\n        <mj-text color=\"rgba(255,0,0,0.5)\">вас</mj-text>\n        <mj-text color=\"rgb(255 0 0 / 50%)\">и</mj-text>\n        <mj-text color=\"hsl(0, 100%, 50%)\">ваших</mj-text>\n        <mj-text color=\"hsla(0,100%,50%,.5)\">друзей</mj-text>\n        <mj-text color=\"hsl(0deg 0% 100%)\">в</mj-text>\n        <mj-text color=\"red\">магазине</mj-text>\n        <mj-text color=\"Tomato\">Acme</mj-text>\n        <mj-text color=\"oklch(0.6 0.2 30)\">ждём</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
        { messageId: "offPalette", line: 15, column: 25, endColumn: 28, message: "red is not a brand colour", suggestions: [{"desc":"Replace with paper #FFFFFF","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text color=\"#f00\">Привет</mj-text>\n        <mj-text color=\"#f008\">Скидка</mj-text>\n        <mj-text color=\"#ff0000\">сегодня</mj-text>\n        <mj-text color=\"#ff000080\">только</mj-text>\n        <mj-text color=\"rgb(255, 0, 0)\">для</mj-text>\n        <mj-text color=\"rgba(255,0,0,0.5)\">вас</mj-text>\n        <mj-text color=\"rgb(255 0 0 / 50%)\">и</mj-text>\n        <mj-text color=\"hsl(0, 100%, 50%)\">ваших</mj-text>\n        <mj-text color=\"hsla(0,100%,50%,.5)\">друзей</mj-text>\n        <mj-text color=\"hsl(0deg 100% 50%)\">в</mj-text>\n        <mj-text color=\"#FFFFFF\">магазине</mj-text>\n        <mj-text color=\"Tomato\">Acme</mj-text>\n        <mj-text color=\"oklch(0.6 0.2 30)\">ждём</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
        { messageId: "offPalette", line: 16, column: 25, endColumn: 31, message: "Tomato is not a brand colour; nearest is paper #FFFFFF (ΔE00 38.0)", suggestions: [{"desc":"Replace with paper #FFFFFF","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text color=\"#f00\">Привет</mj-text>\n        <mj-text color=\"#f008\">Скидка</mj-text>\n        <mj-text color=\"#ff0000\">сегодня</mj-text>\n        <mj-text color=\"#ff000080\">только</mj-text>\n        <mj-text color=\"rgb(255, 0, 0)\">для</mj-text>\n        <mj-text color=\"rgba(255,0,0,0.5)\">вас</mj-text>\n        <mj-text color=\"rgb(255 0 0 / 50%)\">и</mj-text>\n        <mj-text color=\"hsl(0, 100%, 50%)\">ваших</mj-text>\n        <mj-text color=\"hsla(0,100%,50%,.5)\">друзей</mj-text>\n        <mj-text color=\"hsl(0deg 100% 50%)\">в</mj-text>\n        <mj-text color=\"red\">магазине</mj-text>\n        <mj-text color=\"#FFFFFF\">Acme</mj-text>\n        <mj-text color=\"oklch(0.6 0.2 30)\">ждём</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
        { messageId: "offPalette", line: 17, column: 25, endColumn: 42, message: "oklch(0.6 0.2 30) is not a brand colour" },
      ],
    },
    {
      title: "near misses are fixed in the file's own notation (Russian content)",
      config,
      files: {
        "email.mjml": mj([
          '<mj-text color="#0a5eff">Привет</mj-text>',
          '<mj-text color="#111">Скидка</mj-text>',
          '<mj-text color="#1B1B1B80">сегодня</mj-text>',
          '<mj-text color="rgb(10,94,255)">только</mj-text>',
          '<mj-text color="rgba(12, 96, 250, 0.5)">для</mj-text>',
          '<mj-text color="rgb(12 96 250 / 50%)">вас</mj-text>',
          '<mj-text color="hsl(220, 100%, 52%)">и</mj-text>',
          '<mj-text color="hsla(220,100%,52%,0.8)">ваших</mj-text>',
          '<mj-text color="hsl(220deg 100% 52% / .8)">друзей</mj-text>',
          '<mj-text color="snow">в</mj-text>',
          '<mj-text color="RGB(12 96 250)">магазине</mj-text>',
        ]),
      },
      errors: [
        { messageId: "offPalette", line: 5, column: 25, message: "#0a5eff is not a brand colour; nearest is primary #0B5FFF (ΔE00 0.3)", suggestions: [{"desc":"Replace with primary #0B5FFF","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text color=\"#0b5fff\">Привет</mj-text>\n        <mj-text color=\"#111\">Скидка</mj-text>\n        <mj-text color=\"#1B1B1B80\">сегодня</mj-text>\n        <mj-text color=\"rgb(10,94,255)\">только</mj-text>\n        <mj-text color=\"rgba(12, 96, 250, 0.5)\">для</mj-text>\n        <mj-text color=\"rgb(12 96 250 / 50%)\">вас</mj-text>\n        <mj-text color=\"hsl(220, 100%, 52%)\">и</mj-text>\n        <mj-text color=\"hsla(220,100%,52%,0.8)\">ваших</mj-text>\n        <mj-text color=\"hsl(220deg 100% 52% / .8)\">друзей</mj-text>\n        <mj-text color=\"snow\">в</mj-text>\n        <mj-text color=\"RGB(12 96 250)\">магазине</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
        { messageId: "offPalette", line: 6, column: 25, message: "#111 is not a brand colour; nearest is ink #1A1A1A (ΔE00 2.6)", suggestions: [{"desc":"Replace with ink #1A1A1A","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text color=\"#0a5eff\">Привет</mj-text>\n        <mj-text color=\"#1A1A1A\">Скидка</mj-text>\n        <mj-text color=\"#1B1B1B80\">сегодня</mj-text>\n        <mj-text color=\"rgb(10,94,255)\">только</mj-text>\n        <mj-text color=\"rgba(12, 96, 250, 0.5)\">для</mj-text>\n        <mj-text color=\"rgb(12 96 250 / 50%)\">вас</mj-text>\n        <mj-text color=\"hsl(220, 100%, 52%)\">и</mj-text>\n        <mj-text color=\"hsla(220,100%,52%,0.8)\">ваших</mj-text>\n        <mj-text color=\"hsl(220deg 100% 52% / .8)\">друзей</mj-text>\n        <mj-text color=\"snow\">в</mj-text>\n        <mj-text color=\"RGB(12 96 250)\">магазине</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
        { messageId: "offPalette", line: 7, column: 25, message: "nearest is ink #1A1A1A (ΔE00 0.3)", suggestions: [{"desc":"Replace with ink #1A1A1A","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text color=\"#0a5eff\">Привет</mj-text>\n        <mj-text color=\"#111\">Скидка</mj-text>\n        <mj-text color=\"#1A1A1A80\">сегодня</mj-text>\n        <mj-text color=\"rgb(10,94,255)\">только</mj-text>\n        <mj-text color=\"rgba(12, 96, 250, 0.5)\">для</mj-text>\n        <mj-text color=\"rgb(12 96 250 / 50%)\">вас</mj-text>\n        <mj-text color=\"hsl(220, 100%, 52%)\">и</mj-text>\n        <mj-text color=\"hsla(220,100%,52%,0.8)\">ваших</mj-text>\n        <mj-text color=\"hsl(220deg 100% 52% / .8)\">друзей</mj-text>\n        <mj-text color=\"snow\">в</mj-text>\n        <mj-text color=\"RGB(12 96 250)\">магазине</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
        { messageId: "offPalette", line: 8, column: 25, message: "nearest is primary", suggestions: [{"desc":"Replace with primary #0B5FFF","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text color=\"#0a5eff\">Привет</mj-text>\n        <mj-text color=\"#111\">Скидка</mj-text>\n        <mj-text color=\"#1B1B1B80\">сегодня</mj-text>\n        <mj-text color=\"rgb(11,95,255)\">только</mj-text>\n        <mj-text color=\"rgba(12, 96, 250, 0.5)\">для</mj-text>\n        <mj-text color=\"rgb(12 96 250 / 50%)\">вас</mj-text>\n        <mj-text color=\"hsl(220, 100%, 52%)\">и</mj-text>\n        <mj-text color=\"hsla(220,100%,52%,0.8)\">ваших</mj-text>\n        <mj-text color=\"hsl(220deg 100% 52% / .8)\">друзей</mj-text>\n        <mj-text color=\"snow\">в</mj-text>\n        <mj-text color=\"RGB(12 96 250)\">магазине</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
        { messageId: "offPalette", line: 9, column: 25, message: "(ΔE00 0.7)", suggestions: [{"desc":"Replace with primary #0B5FFF","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text color=\"#0a5eff\">Привет</mj-text>\n        <mj-text color=\"#111\">Скидка</mj-text>\n        <mj-text color=\"#1B1B1B80\">сегодня</mj-text>\n        <mj-text color=\"rgb(10,94,255)\">только</mj-text>\n        <mj-text color=\"rgba(11, 95, 255, 0.5)\">для</mj-text>\n        <mj-text color=\"rgb(12 96 250 / 50%)\">вас</mj-text>\n        <mj-text color=\"hsl(220, 100%, 52%)\">и</mj-text>\n        <mj-text color=\"hsla(220,100%,52%,0.8)\">ваших</mj-text>\n        <mj-text color=\"hsl(220deg 100% 52% / .8)\">друзей</mj-text>\n        <mj-text color=\"snow\">в</mj-text>\n        <mj-text color=\"RGB(12 96 250)\">магазине</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
        { messageId: "offPalette", line: 10, column: 25, suggestions: [{"desc":"Replace with primary #0B5FFF","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text color=\"#0a5eff\">Привет</mj-text>\n        <mj-text color=\"#111\">Скидка</mj-text>\n        <mj-text color=\"#1B1B1B80\">сегодня</mj-text>\n        <mj-text color=\"rgb(10,94,255)\">только</mj-text>\n        <mj-text color=\"rgba(12, 96, 250, 0.5)\">для</mj-text>\n        <mj-text color=\"rgb(11 95 255 / 50%)\">вас</mj-text>\n        <mj-text color=\"hsl(220, 100%, 52%)\">и</mj-text>\n        <mj-text color=\"hsla(220,100%,52%,0.8)\">ваших</mj-text>\n        <mj-text color=\"hsl(220deg 100% 52% / .8)\">друзей</mj-text>\n        <mj-text color=\"snow\">в</mj-text>\n        <mj-text color=\"RGB(12 96 250)\">магазине</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
        { messageId: "offPalette", line: 11, column: 25, suggestions: [{"desc":"Replace with primary #0B5FFF","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text color=\"#0a5eff\">Привет</mj-text>\n        <mj-text color=\"#111\">Скидка</mj-text>\n        <mj-text color=\"#1B1B1B80\">сегодня</mj-text>\n        <mj-text color=\"rgb(10,94,255)\">только</mj-text>\n        <mj-text color=\"rgba(12, 96, 250, 0.5)\">для</mj-text>\n        <mj-text color=\"rgb(12 96 250 / 50%)\">вас</mj-text>\n        <mj-text color=\"hsl(219.3, 100%, 52.2%)\">и</mj-text>\n        <mj-text color=\"hsla(220,100%,52%,0.8)\">ваших</mj-text>\n        <mj-text color=\"hsl(220deg 100% 52% / .8)\">друзей</mj-text>\n        <mj-text color=\"snow\">в</mj-text>\n        <mj-text color=\"RGB(12 96 250)\">магазине</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
        { messageId: "offPalette", line: 12, column: 25, suggestions: [{"desc":"Replace with primary #0B5FFF","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text color=\"#0a5eff\">Привет</mj-text>\n        <mj-text color=\"#111\">Скидка</mj-text>\n        <mj-text color=\"#1B1B1B80\">сегодня</mj-text>\n        <mj-text color=\"rgb(10,94,255)\">только</mj-text>\n        <mj-text color=\"rgba(12, 96, 250, 0.5)\">для</mj-text>\n        <mj-text color=\"rgb(12 96 250 / 50%)\">вас</mj-text>\n        <mj-text color=\"hsl(220, 100%, 52%)\">и</mj-text>\n        <mj-text color=\"hsla(219.3,100%,52.2%,0.8)\">ваших</mj-text>\n        <mj-text color=\"hsl(220deg 100% 52% / .8)\">друзей</mj-text>\n        <mj-text color=\"snow\">в</mj-text>\n        <mj-text color=\"RGB(12 96 250)\">магазине</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
        { messageId: "offPalette", line: 13, column: 25, suggestions: [{"desc":"Replace with primary #0B5FFF","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text color=\"#0a5eff\">Привет</mj-text>\n        <mj-text color=\"#111\">Скидка</mj-text>\n        <mj-text color=\"#1B1B1B80\">сегодня</mj-text>\n        <mj-text color=\"rgb(10,94,255)\">только</mj-text>\n        <mj-text color=\"rgba(12, 96, 250, 0.5)\">для</mj-text>\n        <mj-text color=\"rgb(12 96 250 / 50%)\">вас</mj-text>\n        <mj-text color=\"hsl(220, 100%, 52%)\">и</mj-text>\n        <mj-text color=\"hsla(220,100%,52%,0.8)\">ваших</mj-text>\n        <mj-text color=\"hsl(219.3deg 100% 52.2% / .8)\">друзей</mj-text>\n        <mj-text color=\"snow\">в</mj-text>\n        <mj-text color=\"RGB(12 96 250)\">магазине</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
        { messageId: "offPalette", line: 14, column: 25, message: "snow is not a brand colour; nearest is paper #FFFFFF (ΔE00 2.5)", suggestions: [{"desc":"Replace with paper #FFFFFF","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text color=\"#0a5eff\">Привет</mj-text>\n        <mj-text color=\"#111\">Скидка</mj-text>\n        <mj-text color=\"#1B1B1B80\">сегодня</mj-text>\n        <mj-text color=\"rgb(10,94,255)\">только</mj-text>\n        <mj-text color=\"rgba(12, 96, 250, 0.5)\">для</mj-text>\n        <mj-text color=\"rgb(12 96 250 / 50%)\">вас</mj-text>\n        <mj-text color=\"hsl(220, 100%, 52%)\">и</mj-text>\n        <mj-text color=\"hsla(220,100%,52%,0.8)\">ваших</mj-text>\n        <mj-text color=\"hsl(220deg 100% 52% / .8)\">друзей</mj-text>\n        <mj-text color=\"#FFFFFF\">в</mj-text>\n        <mj-text color=\"RGB(12 96 250)\">магазине</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
        { messageId: "offPalette", line: 15, column: 25, suggestions: [{"desc":"Replace with primary #0B5FFF","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text color=\"#0a5eff\">Привет</mj-text>\n        <mj-text color=\"#111\">Скидка</mj-text>\n        <mj-text color=\"#1B1B1B80\">сегодня</mj-text>\n        <mj-text color=\"rgb(10,94,255)\">только</mj-text>\n        <mj-text color=\"rgba(12, 96, 250, 0.5)\">для</mj-text>\n        <mj-text color=\"rgb(12 96 250 / 50%)\">вас</mj-text>\n        <mj-text color=\"hsl(220, 100%, 52%)\">и</mj-text>\n        <mj-text color=\"hsla(220,100%,52%,0.8)\">ваших</mj-text>\n        <mj-text color=\"hsl(220deg 100% 52% / .8)\">друзей</mj-text>\n        <mj-text color=\"snow\">в</mj-text>\n        <mj-text color=\"RGB(11 95 255)\">магазине</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
      ],
      output: {
        "email.mjml": mj([
          '<mj-text color="#0b5fff">Привет</mj-text>',
          '<mj-text color="#1A1A1A">Скидка</mj-text>',
          '<mj-text color="#1A1A1A80">сегодня</mj-text>',
          '<mj-text color="rgb(11,95,255)">только</mj-text>',
          '<mj-text color="rgba(11, 95, 255, 0.5)">для</mj-text>',
          '<mj-text color="rgb(11 95 255 / 50%)">вас</mj-text>',
          '<mj-text color="hsl(219.3, 100%, 52.2%)">и</mj-text>',
          '<mj-text color="hsla(219.3,100%,52.2%,0.8)">ваших</mj-text>',
          '<mj-text color="hsl(219.3deg 100% 52.2% / .8)">друзей</mj-text>',
          '<mj-text color="#FFFFFF">в</mj-text>',
          '<mj-text color="RGB(11 95 255)">магазине</mj-text>',
        ]),
      },
    },
    {
      title: "a short hex stays short when the palette colour has a short form",
      config,
      options: { fixDistance: 4 },
      files: { "email.mjml": mj(['<mj-text color="#EEE">a</mj-text>', '<mj-text color="#fefefe">b</mj-text>']) },
      errors: [
        { messageId: "offPalette", line: 5, column: 25, message: "#EEE is not a brand colour; nearest is paper #FFFFFF (ΔE00 3.5)", suggestions: [{"desc":"Replace with paper #FFFFFF","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text color=\"#FFF\">a</mj-text>\n        <mj-text color=\"#fefefe\">b</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
        { messageId: "offPalette", line: 6, column: 25, message: "(ΔE00 0.2)", suggestions: [{"desc":"Replace with paper #FFFFFF","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text color=\"#EEE\">a</mj-text>\n        <mj-text color=\"#ffffff\">b</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
      ],
      output: { "email.mjml": mj(['<mj-text color="#FFF">a</mj-text>', '<mj-text color="#ffffff">b</mj-text>']) },
    },
    {
      title: "no fix at or above fixDistance (default 3)",
      config,
      files: { "email.mjml": mj(['<mj-text color="royalblue" container-background-color="#eee">Cześć</mj-text>']) },
      errors: [
        { messageId: "offPalette", line: 5, column: 25, message: "royalblue is not a brand colour; nearest is primary #0B5FFF (ΔE00 4.4)", suggestions: [{"desc":"Replace with primary #0B5FFF","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text color=\"#0B5FFF\" container-background-color=\"#eee\">Cześć</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
        { messageId: "offPalette", line: 5, column: 64, message: "#eee is not a brand colour; nearest is paper #FFFFFF (ΔE00 3.5)", suggestions: [{"desc":"Replace with paper #FFFFFF","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text color=\"royalblue\" container-background-color=\"#fff\">Cześć</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
      ],
    },
    {
      title: "fixDistance 0.1 turns even a near miss into a report only",
      config,
      options: { fixDistance: 0.1 },
      files: { "email.mjml": mj(['<mj-text color="#0a5eff">Cześć</mj-text>']) },
      errors: [{ messageId: "offPalette", line: 5, column: 25, suggestions: [{"desc":"Replace with primary #0B5FFF","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text color=\"#0b5fff\">Cześć</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] }],
    },
    {
      title: "a larger fixDistance fixes farther colours",
      config,
      options: { fixDistance: 5 },
      files: { "email.mjml": mj(['<mj-text color="royalblue" container-background-color="#eee">Cześć</mj-text>']) },
      errors: [
        { messageId: "offPalette", line: 5, column: 25, suggestions: [{"desc":"Replace with primary #0B5FFF","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text color=\"#0B5FFF\" container-background-color=\"#eee\">Cześć</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
        { messageId: "offPalette", line: 5, column: 64, suggestions: [{"desc":"Replace with paper #FFFFFF","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text color=\"royalblue\" container-background-color=\"#fff\">Cześć</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
      ],
      output: { "email.mjml": mj(['<mj-text color="#0B5FFF" container-background-color="#fff">Cześć</mj-text>']) },
    },
    {
      title: "mj-attributes defaults and mj-class (Polish content)",
      config,
      files: {
        "email.mjml": mj(
          ['<mj-text mj-class="cta">Zniżka dla Ciebie</mj-text>'],
          ["<mj-attributes>", '  <mj-all color="#333333" />', '  <mj-class name="cta" background-color="#0A5EFF" />', '  <mj-text container-background-color="hsl(0 0% 98%)" />', "</mj-attributes>"],
        ),
      },
      errors: [
        { messageId: "offPalette", line: 4, column: 22, message: "#333333 is not a brand colour; nearest is ink #1A1A1A", suggestions: [{"desc":"Replace with ink #1A1A1A","output":{"email.mjml":"<mjml>\n  <mj-head>\n    <mj-attributes>\n      <mj-all color=\"#1A1A1A\" />\n      <mj-class name=\"cta\" background-color=\"#0A5EFF\" />\n      <mj-text container-background-color=\"hsl(0 0% 98%)\" />\n    </mj-attributes>\n  </mj-head>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text mj-class=\"cta\">Zniżka dla Ciebie</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
        { messageId: "offPalette", line: 5, column: 46, message: "#0A5EFF is not a brand colour; nearest is primary #0B5FFF", suggestions: [{"desc":"Replace with primary #0B5FFF","output":{"email.mjml":"<mjml>\n  <mj-head>\n    <mj-attributes>\n      <mj-all color=\"#333333\" />\n      <mj-class name=\"cta\" background-color=\"#0B5FFF\" />\n      <mj-text container-background-color=\"hsl(0 0% 98%)\" />\n    </mj-attributes>\n  </mj-head>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text mj-class=\"cta\">Zniżka dla Ciebie</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
        { messageId: "offPalette", line: 6, column: 44, message: "hsl(0 0% 98%) is not a brand colour; nearest is paper #FFFFFF", suggestions: [{"desc":"Replace with paper #FFFFFF","output":{"email.mjml":"<mjml>\n  <mj-head>\n    <mj-attributes>\n      <mj-all color=\"#333333\" />\n      <mj-class name=\"cta\" background-color=\"#0A5EFF\" />\n      <mj-text container-background-color=\"hsl(0 0% 100%)\" />\n    </mj-attributes>\n  </mj-head>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text mj-class=\"cta\">Zniżka dla Ciebie</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
      ],
      output: {
        "email.mjml": mj(
          ['<mj-text mj-class="cta">Zniżka dla Ciebie</mj-text>'],
          ["<mj-attributes>", '  <mj-all color="#333333" />', '  <mj-class name="cta" background-color="#0B5FFF" />', '  <mj-text container-background-color="hsl(0 0% 100%)" />', "</mj-attributes>"],
        ),
      },
    },
    {
      title: "inline style on HTML inside mj-text, after a variable on the same line",
      config: { ...config, variables: { firstName: { sample: "Ana" } } },
      files: { "email.mjml": mj(['<mj-text>{{firstName}}, <p style="margin: 0; color: #0a5eff">Cześć!</p></mj-text>']) },
      errors: [{ messageId: "offPalette", line: 5, column: 61, endColumn: 68, suggestions: [{"desc":"Replace with primary #0B5FFF","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text>{{firstName}}, <p style=\"margin: 0; color: #0b5fff\">Cześć!</p></mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] }],
      output: { "email.mjml": mj(['<mj-text>{{firstName}}, <p style="margin: 0; color: #0b5fff">Cześć!</p></mj-text>']) },
    },
    {
      title: "mj-style CSS: exact line and column inside the sheet",
      config,
      files: {
        "email.mjml": mj(
          ['<mj-text css-class="cta">Beli sekarang</mj-text>'],
          [
            "<mj-style>",
            "  .cta a { color: #0A5EFF !important; }",
            "  @media only screen and (max-width: 480px) {",
            "    .hero { background: url(hero.png) no-repeat, #fefefe; box-shadow: 0 0 2px #ff0000, 0 1px 4px rgba(26, 26, 26, .2); }",
            "  }",
            "</mj-style>",
          ],
        ),
      },
      errors: [
        { messageId: "offPalette", line: 4, column: 23, endColumn: 30, message: "#0A5EFF", suggestions: [{"desc":"Replace with primary #0B5FFF","output":{"email.mjml":"<mjml>\n  <mj-head>\n    <mj-style>\n      .cta a { color: #0B5FFF !important; }\n      @media only screen and (max-width: 480px) {\n        .hero { background: url(hero.png) no-repeat, #fefefe; box-shadow: 0 0 2px #ff0000, 0 1px 4px rgba(26, 26, 26, .2); }\n      }\n    </mj-style>\n  </mj-head>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text css-class=\"cta\">Beli sekarang</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
        { messageId: "offPalette", line: 6, column: 54, message: "#fefefe", suggestions: [{"desc":"Replace with paper #FFFFFF","output":{"email.mjml":"<mjml>\n  <mj-head>\n    <mj-style>\n      .cta a { color: #0A5EFF !important; }\n      @media only screen and (max-width: 480px) {\n        .hero { background: url(hero.png) no-repeat, #ffffff; box-shadow: 0 0 2px #ff0000, 0 1px 4px rgba(26, 26, 26, .2); }\n      }\n    </mj-style>\n  </mj-head>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text css-class=\"cta\">Beli sekarang</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
        { messageId: "offPalette", line: 6, column: 83, message: "#ff0000", suggestions: [{"desc":"Replace with paper #FFFFFF","output":{"email.mjml":"<mjml>\n  <mj-head>\n    <mj-style>\n      .cta a { color: #0A5EFF !important; }\n      @media only screen and (max-width: 480px) {\n        .hero { background: url(hero.png) no-repeat, #fefefe; box-shadow: 0 0 2px #ffffff, 0 1px 4px rgba(26, 26, 26, .2); }\n      }\n    </mj-style>\n  </mj-head>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text css-class=\"cta\">Beli sekarang</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
      ],
      output: {
        "email.mjml": mj(
          ['<mj-text css-class="cta">Beli sekarang</mj-text>'],
          [
            "<mj-style>",
            "  .cta a { color: #0B5FFF !important; }",
            "  @media only screen and (max-width: 480px) {",
            "    .hero { background: url(hero.png) no-repeat, #ffffff; box-shadow: 0 0 2px #ff0000, 0 1px 4px rgba(26, 26, 26, .2); }",
            "  }",
            "</mj-style>",
          ],
        ),
      },
    },
    {
      title: "border shorthands and border-color",
      config,
      files: {
        "email.mjml": mj([
          '<mj-button border="1px solid #ccc">Kup</mj-button>',
          '<mj-text border-top="2px dashed rgb(200, 0, 0)">a</mj-text>',
          '<mj-divider border-color="#111" />',
          '<mj-image src="https://acme.example/a.png" border-left="1px solid #1b1b1b" />',
        ]),
      },
      errors: [
        { messageId: "offPalette", line: 5, column: 38, message: "#ccc", suggestions: [{"desc":"Replace with paper #FFFFFF","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-button border=\"1px solid #fff\">Kup</mj-button>\n        <mj-text border-top=\"2px dashed rgb(200, 0, 0)\">a</mj-text>\n        <mj-divider border-color=\"#111\" />\n        <mj-image src=\"https://acme.example/a.png\" border-left=\"1px solid #1b1b1b\" />\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
        { messageId: "offPalette", line: 6, column: 41, message: "rgb(200, 0, 0)", suggestions: [{"desc":"Replace with ink #1A1A1A","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-button border=\"1px solid #ccc\">Kup</mj-button>\n        <mj-text border-top=\"2px dashed rgb(26, 26, 26)\">a</mj-text>\n        <mj-divider border-color=\"#111\" />\n        <mj-image src=\"https://acme.example/a.png\" border-left=\"1px solid #1b1b1b\" />\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
        { messageId: "offPalette", line: 7, column: 35, message: "#111", suggestions: [{"desc":"Replace with ink #1A1A1A","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-button border=\"1px solid #ccc\">Kup</mj-button>\n        <mj-text border-top=\"2px dashed rgb(200, 0, 0)\">a</mj-text>\n        <mj-divider border-color=\"#1A1A1A\" />\n        <mj-image src=\"https://acme.example/a.png\" border-left=\"1px solid #1b1b1b\" />\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
        { messageId: "offPalette", line: 8, column: 75, message: "#1b1b1b", suggestions: [{"desc":"Replace with ink #1A1A1A","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-button border=\"1px solid #ccc\">Kup</mj-button>\n        <mj-text border-top=\"2px dashed rgb(200, 0, 0)\">a</mj-text>\n        <mj-divider border-color=\"#111\" />\n        <mj-image src=\"https://acme.example/a.png\" border-left=\"1px solid #1a1a1a\" />\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
      ],
      output: {
        "email.mjml": mj([
          '<mj-button border="1px solid #ccc">Kup</mj-button>',
          '<mj-text border-top="2px dashed rgb(200, 0, 0)">a</mj-text>',
          '<mj-divider border-color="#1A1A1A" />',
          '<mj-image src="https://acme.example/a.png" border-left="1px solid #1a1a1a" />',
        ]),
      },
    },
    {
      title: "bgcolor and style in a table inside mj-raw",
      config,
      files: { "email.mjml": mj(['<mj-raw><table bgcolor="#EEEEEE"><tr><td style="background-color:#fafafa">x</td></tr></table></mj-raw>']) },
      errors: [
        { messageId: "offPalette", line: 5, column: 33, message: "#EEEEEE", suggestions: [{"desc":"Replace with paper #FFFFFF","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-raw><table bgcolor=\"#FFFFFF\"><tr><td style=\"background-color:#fafafa\">x</td></tr></table></mj-raw>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
        { messageId: "offPalette", line: 5, column: 74, message: "#fafafa", suggestions: [{"desc":"Replace with paper #FFFFFF","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-raw><table bgcolor=\"#EEEEEE\"><tr><td style=\"background-color:#ffffff\">x</td></tr></table></mj-raw>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] },
      ],
      output: { "email.mjml": mj(['<mj-raw><table bgcolor="#EEEEEE"><tr><td style="background-color:#ffffff">x</td></tr></table></mj-raw>']) },
    },
    {
      title: "mj-html-attribute values",
      config,
      files: { "email.mjml": mj(['<mj-text css-class="x">a</mj-text>'], ["<mj-html-attributes>", '  <mj-selector path=".x td"><mj-html-attribute name="bgcolor">#0a5eff</mj-html-attribute></mj-selector>', "</mj-html-attributes>"]) },
      errors: [{ messageId: "offPalette", line: 4, column: 67, suggestions: [{"desc":"Replace with primary #0B5FFF","output":{"email.mjml":"<mjml>\n  <mj-head>\n    <mj-html-attributes>\n      <mj-selector path=\".x td\"><mj-html-attribute name=\"bgcolor\">#0b5fff</mj-html-attribute></mj-selector>\n    </mj-html-attributes>\n  </mj-head>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text css-class=\"x\">a</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] }],
      output: { "email.mjml": mj(['<mj-text css-class="x">a</mj-text>'], ["<mj-html-attributes>", '  <mj-selector path=".x td"><mj-html-attribute name="bgcolor">#0b5fff</mj-html-attribute></mj-selector>', "</mj-html-attributes>"]) },
    },
    {
      title: "a VML button for Outlook inside a conditional comment",
      config,
      files: { "email.mjml": mj(["<mj-raw>", '<!--[if mso]><v:roundrect strokecolor="#0A5EFF" fillcolor="#0B5FFF"><w:anchorlock/></v:roundrect><![endif]-->', "</mj-raw>"]) },
      errors: [{ messageId: "offPalette", line: 6, column: 48, message: "#0A5EFF is not a brand colour; nearest is primary #0B5FFF (ΔE00 0.3)", suggestions: [{"desc":"Replace with primary #0B5FFF","output":{"email.mjml":"<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-raw>\n        <!--[if mso]><v:roundrect strokecolor=\"#0B5FFF\" fillcolor=\"#0B5FFF\"><w:anchorlock/></v:roundrect><![endif]-->\n        </mj-raw>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n"}}] }],
      output: { "email.mjml": mj(["<mj-raw>", '<!--[if mso]><v:roundrect strokecolor="#0B5FFF" fillcolor="#0B5FFF"><w:anchorlock/></v:roundrect><![endif]-->', "</mj-raw>"]) },
    },
    {
      title: "raw HTML inside a paragraph of message.md",
      config,
      files: { "message.md": "---\nlocale: id\n---\n# Halo\n\nHalo <span style=\"color:#ff0000\">teman</span>, diskon <font color='#fefefe'>hari ini</font>!\n" },
      errors: [
        { messageId: "offPalette", line: 6, column: 25, endColumn: 32, channels: ["email"], message: "#ff0000 is not a brand colour", suggestions: [{"desc":"Replace with paper #FFFFFF","output":{"message.md":"---\nlocale: id\n---\n# Halo\n\nHalo <span style=\"color:#ffffff\">teman</span>, diskon <font color='#fefefe'>hari ini</font>!\n"}}] },
        { messageId: "offPalette", line: 6, column: 68, channels: ["email"], message: "#fefefe", suggestions: [{"desc":"Replace with paper #FFFFFF","output":{"message.md":"---\nlocale: id\n---\n# Halo\n\nHalo <span style=\"color:#ff0000\">teman</span>, diskon <font color='#ffffff'>hari ini</font>!\n"}}] },
      ],
      output: { "message.md": "---\nlocale: id\n---\n# Halo\n\nHalo <span style=\"color:#ff0000\">teman</span>, diskon <font color='#ffffff'>hari ini</font>!\n" },
    },
    {
      title: "a <style> block and an HTML block in message.md",
      config,
      files: { "message.md": "---\nchannels: [email]\n---\n<style>\n  a { color: hsl(220, 100%, 52%); }\n</style>\n\n<div style=\"border: 1px solid #ddd\">\n\nمرحبا\n\n</div>\n" },
      errors: [
        { messageId: "offPalette", line: 5, column: 14, message: "hsl(220, 100%, 52%)", suggestions: [{"desc":"Replace with primary #0B5FFF","output":{"message.md":"---\nchannels: [email]\n---\n<style>\n  a { color: hsl(219.3, 100%, 52.2%); }\n</style>\n\n<div style=\"border: 1px solid #ddd\">\n\nمرحبا\n\n</div>\n"}}] },
        { messageId: "offPalette", line: 8, column: 31, message: "#ddd", suggestions: [{"desc":"Replace with paper #FFFFFF","output":{"message.md":"---\nchannels: [email]\n---\n<style>\n  a { color: hsl(220, 100%, 52%); }\n</style>\n\n<div style=\"border: 1px solid #fff\">\n\nمرحبا\n\n</div>\n"}}] },
      ],
      output: { "message.md": "---\nchannels: [email]\n---\n<style>\n  a { color: hsl(219.3, 100%, 52.2%); }\n</style>\n\n<div style=\"border: 1px solid #ddd\">\n\nمرحبا\n\n</div>\n" },
    },
    {
      title: "a hex with the wrong number of digits is not a colour",
      config,
      files: { "email.mjml": mj(['<mj-text color="#0B5FF">a</mj-text>']) },
      errors: [{ messageId: "invalid", line: 5, column: 25, message: "#0B5FF is not a valid CSS colour; use a brand colour (primary #0B5FFF, ink #1A1A1A, paper #FFFFFF)" }],
    },
    {
      title: "a palette entry that is not a colour is reported in brand.config.json",
      config: { colors: { primary: "#0B5FFF", accent: "bleu" } },
      files: { "email.mjml": mj(['<mj-text color="#0B5FFF">a</mj-text>']) },
      errors: [{ messageId: "badPalette", file: "brand.config.json", line: 7, column: 15, message: "Palette colour ‘accent’ (bleu) is not a CSS colour" }],
    },
  ],
});
