/**
 * The templates people actually have (issue 14, SPEC §9): hand-written HTML email, loops
 * and structured samples, the CSS mjml inlines, font lists as CSS, exact Handlebars
 * errors. Each of the seven failures found on real templates is pinned here with its
 * exact findings, through the real pipeline.
 */
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fontFamilies, type StyleValue } from "../src/email/css.js";
import { lint } from "../src/lint.js";
import { lookupVariable, variableData } from "../src/render/sample-data.js";
import { MappedText } from "../src/text/mapped-text.js";
import type { BrandConfig } from "../src/types.js";
import { REPO_ROOT, runCli } from "./helpers/cli.js";
import { writeCase } from "./helpers/rule-tester.js";

const FIXTURES = path.join(REPO_ROOT, "test", "fixtures", "real-templates");
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Every finding of a campaign as `file:line:col rule: message`. */
async function findings(files: Record<string, string>, config: Partial<BrandConfig> = {}, only?: string[]): Promise<string[]> {
  const dir = writeCase({ config, files });
  dirs.push(dir);
  const report = await lint({ cwd: dir, ...(only ? { only } : {}) });
  return report.results.flatMap((r) => r.messages.map((m) => `${path.basename(r.file.path)}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
}

const LUMEN: Partial<BrandConfig> = {
  brand: { name: "Lumen", address: "Lumen Ltd., 1 Quay St, Bristol", domains: ["lumen.example"] },
  colors: { ink: "#1A1A1A", paper: "#FFFFFF", primary: "#0B5FFF" },
  fonts: ["Inter", "Arial", "sans-serif"],
  channels: { email: { requireUnsubscribe: true } },
  tone: { banned: [{ term: "cheap", suggest: "affordable" }] },
};

describe("1. a hand-written HTML email is the email channel", () => {
  const html = [
    "<!doctype html>", // 1
    "<html><head><title>Spring at Lumen</title>", // 2
    "<style>", // 3
    "  .note { color: #888888; font-family: Arial, Comic Sans MS; }", // 4
    "  @media (max-width: 600px) { h1 { color: #ff0000; } }", // 5
    "</style></head>", // 6
    '<body bgcolor="#FFFFFF">', // 7
    '<table><tr><td bgcolor="#EEEEEE"><font face="Papyrus;" color="#123456">Cheap tents</font></td></tr></table>', // 8
    '<p class="note">Small print</p>', // 9
    '<img src="https://lumen.example/t.png">', // 10
    '<a href="http://lumen.example/spring">Shop</a>', // 11
    "<div></span>", // 12
    "</body></html>", // 13
  ].join("\n");

  it("gets every email check, at the line and column written", async () => {
    expect(await findings({ "email.html": html }, LUMEN)).toEqual([
      "email.html:4:18 brand-colors: #888888 is not a brand colour; nearest is paper #FFFFFF (ΔE00 30.5)",
      "email.html:4:18 color-contrast: Text colour #888888 on #FFFFFF has contrast 3.54:1; WCAG AA needs 4.5:1 for text this size (16px); ink #1A1A1A gives 17.4:1",
      "email.html:4:47 brand-fonts: Font ‘Comic Sans MS’ is not a brand font (brand fonts: Inter, Arial, sans-serif)",
      "email.html:5:43 brand-colors: #ff0000 is not a brand colour; nearest is paper #FFFFFF (ΔE00 45.8)",
      "email.html:8:25 brand-colors: #EEEEEE is not a brand colour; nearest is paper #FFFFFF (ΔE00 3.5)",
      "email.html:8:46 brand-fonts: Font ‘Papyrus’ is not a brand font (brand fonts: Inter, Arial, sans-serif)",
      "email.html:8:63 brand-colors: #123456 is not a brand colour; nearest is ink #1A1A1A (ΔE00 17.5)",
      "email.html:8:72 tone-words: ‘Cheap’ is off-brand; write ‘affordable’",
      "email.html:10:1 image-alt: Image has no alt text; describe what it shows (many inboxes block images, and screen readers read the alt text)",
      "email.html:11:10 links: Link uses http://; write https:// so the page opens securely (browsers flag http pages as not secure)",
      "email.html:12:1 parse-error: <div> is never closed; add </div>",
      "email.html:12:6 parse-error: </span> closes nothing: no <span> is open here",
      "email.html:13:1 required-elements: This email does not show the postal address “Lumen Ltd., 1 Quay St, Bristol” (brand.address); add it to the footer before </body>",
      "email.html:13:1 required-elements: This email has no unsubscribe link; add one to the footer before </body>, e.g. <a href=\"…\">Unsubscribe</a>",
    ]);
  });

  it("is read by `brandlint 'templates/**/*.html'` (the HTML examples in this repository)", async () => {
    const r = await runCli(["templates/**/*.html", "--format", "json"], REPO_ROOT);
    expect(r.code).toBe(1);
    const files = (JSON.parse(r.stdout) as { filePath: string; messages: unknown[] }[]).filter((f) => f.filePath.endsWith(".html"));
    expect(files.map((f) => f.filePath).sort()).toEqual(["templates/zz-flawed-html/email.html", "templates/zz-flawed-loop/email.html"]);
    for (const f of files) expect(f.messages.length, f.filePath).toBeGreaterThan(0);
  });

  it("beside email.mjml is the two-templates finding", async () => {
    const mjml = "<mjml><mj-body><mj-section><mj-column><mj-text>Hi</mj-text></mj-column></mj-section></mj-body></mjml>\n";
    const out = await findings({ "email.mjml": mjml, "email.html": "<p>Hi</p>\n" }, {}, ["parse-error"]);
    expect(out).toContain("email.mjml:1:1 parse-error: two templates for email: email.html and email.mjml; keep one");
  });

  it("may be Handlebars HTML named email.html.hbs", async () => {
    const out = await findings({ "email.html.hbs": '<html><body><p style="color:#ff0000">{{#if vip}}Hi{{/if}} there</p></body></html>\n' }, { colors: { ink: "#1A1A1A" }, variables: { vip: { sample: true } } }, ["brand-colors"]);
    expect(out).toEqual(["email.html.hbs:1:29 brand-colors: #ff0000 is not a brand colour; nearest is ink #1A1A1A (ΔE00 46.5)"]);
  });

  it("takes its subject from <title> and its preheader from the hidden text at the top", async () => {
    const dir = writeCase({ files: { "email.html": '<html><head><title>Spring sale</title></head><body><div style="display:none">20% off</div><p>Hello</p></body></html>\n' } });
    dirs.push(dir);
    const v = (await lint({ cwd: dir })).campaigns[0]!.variants[0]!;
    if (v.channel !== "email") throw new Error(`expected the email variant, got ${v.channel}`);
    expect([v.fields.subject.sample.text, v.fields.preheader.sample.text, v.fields.body.sample.text]).toEqual(["Spring sale", "20% off", "Hello"]);
  });
});

describe("2. loops are rendered with the sample and their bodies linted", () => {
  const config: Partial<BrandConfig> = {
    colors: { ink: "#1A1A1A", paper: "#FFFFFF" },
    variables: { order: { sample: { id: "A-1", items: [{ name: "Tent", amount: "€120" }] } } },
  };
  it("item fields are the item's, and an off-palette colour inside the loop is seen", async () => {
    const html = '<table>{{#each order.items}}<tr><td style="color:#ff0000">{{name}}</td><td>{{amount}} {{sku}}</td></tr>{{/each}}</table>\n';
    expect(await findings({ "email.html": html }, config, ["brand-colors", "template-variables"])).toEqual([
      "email.html:1:50 brand-colors: #ff0000 is not a brand colour; nearest is paper #FFFFFF (ΔE00 45.8)",
      "email.html:1:87 template-variables: {{sku}} is not declared: the sample of order.items in brand.config.json variables has no ‘sku’ (its fields: name, amount); it would render empty",
    ]);
  });
  it("{{#with}} and block parameters resolve against the sample", async () => {
    const sms = "{{#with order}}{{id}}{{/with}} {{#each order.items as |item|}}{{item.name}} {{item.colour}}{{/each}}\n";
    expect(await findings({ "sms.txt": sms }, config, ["template-variables"])).toEqual([
      "sms.txt:1:77 template-variables: {{item.colour}} is not declared: the sample of order.items in brand.config.json variables has no ‘colour’ (its fields: name, amount); it would render empty",
    ]);
  });
  it("both branches of an {{#if}} are linted, each finding naming its branch", async () => {
    const sms = "{{#if vip}}Cheap VIP deal{{else}}A cheap deal{{/if}}\n";
    expect(await findings({ "sms.txt": sms }, { tone: { banned: [{ term: "cheap", suggest: "affordable" }] }, variables: { vip: { sample: true } } }, ["tone-words"])).toEqual([
      "sms.txt:1:12 tone-words: ‘Cheap’ is off-brand; write ‘affordable’ (in the {{#if vip}} branch)",
      "sms.txt:1:36 tone-words: ‘cheap’ is off-brand; write ‘affordable’ (in the {{else}} branch of {{#if vip}})",
    ]);
  });
  it("in message.md too, in every channel rendered from it", async () => {
    const md = "---\nchannels: [email, sms]\n---\n# Hello\n\n{{#if vip}}A VIP deal for you.{{else}}A cheap deal.{{/if}}\n";
    expect(await findings({ "message.md": md }, { tone: { banned: [{ term: "cheap", suggest: "affordable" }] }, variables: { vip: { sample: true } } }, ["tone-words"])).toEqual([
      "message.md:6:41 tone-words: ‘cheap’ is off-brand; write ‘affordable’ (in the {{else}} branch of {{#if vip}})",
    ]);
  });
  it("the SMS worst case counts maxItems items, naming the item field it counts", async () => {
    const config: Partial<BrandConfig> = {
      channels: { sms: { maxSegments: 1 } },
      variables: { order: { sample: { items: [{ name: "Tent" }] } }, "order.items": { maxItems: 5 }, "order.items.name": { maxLength: 30 } },
    };
    expect(await findings({ "sms.txt": "Your order: {{#each order.items}}{{name}}, {{/each}}ships today\n" }, config, ["sms-length"])).toEqual([
      "sms.txt:1:34 sms-length: SMS is 2 segments (GSM-7, 183 units, counting {{order.items.name}} as 5 × 30); the limit is 1: segment 2 starts here",
    ]);
  });
  it("the worst case renders maxItems items, each text at its maxLength", () => {
    const vars = { order: { sample: { items: [{ name: "Tent" }, { name: "Mug" }] } }, "order.items": { maxItems: 3 }, "order.items.name": { maxLength: 5 } };
    expect(variableData(vars, "sample")).toEqual({ order: { items: [{ name: "Tent" }, { name: "Mug" }] } });
    expect(variableData(vars, "worst")).toEqual({ order: { items: [{ name: "WWWWW" }, { name: "WWWWW" }, { name: "WWWWW" }] } });
    expect(lookupVariable(vars, ["order", "items", "[]", "name"])).toEqual({ kind: "declared", spec: { maxLength: 5 }, hasValue: true });
  });
});

describe("3. dotted variables", () => {
  it("a dotted key declares the path, and its maxLength counts in the SMS worst case", async () => {
    const config: Partial<BrandConfig> = { channels: { sms: { maxSegments: 1 } }, variables: { "person.firstName": { sample: "Ana", maxLength: 200, fallback: "there" } } };
    expect(await findings({ "sms.txt": "Hi {{person.firstName}}, your order shipped\n" }, config, ["template-variables", "sms-length"])).toEqual([
      "sms.txt:1:4 sms-length: SMS is 2 segments (GSM-7, 223 units, counting {{person.firstName}} as 200); the limit is 1: segment 2 starts here",
    ]);
  });
  it("a nested sample declares its fields; a field it lacks is named", async () => {
    const config: Partial<BrandConfig> = { variables: { person: { sample: { firstName: "Ana" }, fallback: "there" } } };
    expect(await findings({ "sms.txt": "Order for {{person.firstName}} {{person.lastName}}\n" }, config, ["template-variables"])).toEqual([
      "sms.txt:1:32 template-variables: {{person.lastName}} is not declared: the sample of person in brand.config.json variables has no ‘lastName’ (its fields: firstName); it would render empty — did you mean firstName?",
    ]);
  });
  it("names on Object.prototype are not declared; lookup of JavaScript internals is refused", async () => {
    expect(await findings({ "sms.txt": "{{toString}} {{valueOf}} {{hasOwnProperty}} {{lookup this \"constructor\"}}\n" }, {}, ["template-variables"])).toEqual([
      "sms.txt:1:1 template-variables: {{toString}} is not declared in brand.config.json variables; it would render empty",
      "sms.txt:1:14 template-variables: {{valueOf}} is not declared in brand.config.json variables; it would render empty",
      "sms.txt:1:26 template-variables: {{hasOwnProperty}} is not declared in brand.config.json variables; it would render empty",
      'sms.txt:1:45 template-variables: lookup of "constructor" reaches into JavaScript internals; templates may only use your variables',
    ]);
  });
});

describe("4. contrast is computed on the CSS mjml applies", () => {
  it("mj-style inline a{color:inherit!important}: the white-on-green label mjml never renders is not reported", async () => {
    expect(await findings({ "email.mjml": fixture("contrast-inline-inherit.mjml") }, {}, ["color-contrast"])).toEqual([]);
  });
  it("a .preheader{display:none} rule hides its 1px white text", async () => {
    expect(await findings({ "email.mjml": fixture("contrast-preheader.mjml") }, {}, ["color-contrast"])).toEqual([]);
  });
  it("a .footer-link{color:#888} link on #e7e7e7 is found at 2.86:1, on the rule", async () => {
    expect(await findings({ "email.mjml": fixture("contrast-footer-link.mjml") }, {}, ["color-contrast"])).toEqual([
      "email.mjml:4:29 color-contrast: Text colour #888 on #E7E7E7 has contrast 2.86:1; WCAG AA needs 4.5:1 for text this size (12px)",
    ]);
  });
});

describe("5. font lists are read as CSS", () => {
  it('font-family="Arial, sans-serif;" names Arial and sans-serif', async () => {
    const mjml = '<mjml><mj-body><mj-section><mj-column>\n<mj-text font-family="Arial, sans-serif;">a</mj-text>\n<mj-text font-family="\'Comic Sans MS\', Arial !important">b</mj-text>\n</mj-column></mj-section></mj-body></mjml>\n';
    expect(await findings({ "email.mjml": mjml }, { fonts: ["Arial"] }, ["brand-fonts"])).toEqual(["email.mjml:3:23 brand-fonts: Font ‘Comic Sans MS’ is not a brand font (brand fonts: Arial)"]);
  });
  it("the font shorthand's size is read in linear time (a long run of digits)", () => {
    const value = (n: number) => `${"1".repeat(n)}x Inter`;
    const sv = (v: string): StyleValue => ({ prop: "font", origin: "css", element: "p", text: MappedText.empty(), start: 0, end: v.length, value: v });
    // A quadratic pattern would take minutes on 200,000 digits; the test would time out.
    expect(fontFamilies(sv(value(200_000)))).toEqual([{ name: "Inter", start: 200_002, end: 200_007 }]);
    expect(fontFamilies(sv(`${"1".repeat(200_000)}!`))).toEqual([]);
  });
});

describe("6. Handlebars errors at the position Handlebars reports", () => {
  it("an expression from another template language on line 1 of 3 is reported on line 1", async () => {
    expect(await findings({ "sms.txt": 'Line one {{ "+" if a == 1 else "-" }}\nline two\nline three\n' }, {}, ["parse-error"])).toEqual([
      'sms.txt:1:23 parse-error: {{ "+" if a == 1 else "-" }} is not Handlebars: this looks like Nunjucks; brandlint reads Handlebars templates',
    ]);
  });
  it("a Liquid filter in a closed {{ }} is named, not an unfinished {{", async () => {
    expect(await findings({ "sms.txt": "Hello {{ body.message | escape }} there\nand {{x}}\n" }, {}, ["parse-error"])).toEqual([
      "sms.txt:1:23 parse-error: {{ body.message | escape }} is not Handlebars: this looks like Liquid or Nunjucks; brandlint reads Handlebars templates",
    ]);
    expect(await findings({ "sms.txt": '{% if vip %}Hi{% endif %}\n' }, {}, ["parse-error"])).toEqual([
      "sms.txt:1:1 parse-error: {% if vip %} is not Handlebars: this looks like Liquid or Nunjucks; brandlint reads Handlebars templates",
    ]);
  });
  it("an error deep in a long template is reported on its line, not at the last {{", async () => {
    const lines = Array.from({ length: 212 }, (_, i) => `<mj-text>Line ${i + 1} {{x${i}}}</mj-text>`);
    lines[171] = "<mj-text>Total: {{ order.total | money }}</mj-text>";
    const mjml = `<mjml><mj-body><mj-section><mj-column>\n${lines.join("\n")}\n</mj-column></mj-section></mj-body></mjml>\n`;
    expect(await findings({ "email.mjml": mjml }, {}, ["parse-error"])).toEqual([
      "email.mjml:173:32 parse-error: {{ order.total | money }} is not Handlebars: this looks like Liquid or Nunjucks; brandlint reads Handlebars templates",
    ]);
  });
  it("an unfinished {{ is reported where it opens", async () => {
    expect(await findings({ "sms.txt": "Hi {{name}}\nand {{more\n" }, {}, ["parse-error"])).toEqual(['sms.txt:2:5 parse-error: unfinished {{ }} expression: every "{{" needs a matching "}}"']);
  });
});

describe("7. punctuation-only text and variable-only links, like axe", () => {
  it("a ‘ | ’ separator in pale grey is not reported", async () => {
    expect(await findings({ "email.mjml": fixture("contrast-punctuation.mjml") }, {}, ["color-contrast"])).toEqual([]);
  });
  it("a link whose text is only an undeclared variable is still checked", async () => {
    expect(await findings({ "email.mjml": fixture("contrast-variable-link.mjml") }, {}, ["color-contrast"])).toEqual([
      "email.mjml:5:91 color-contrast: Text colour #A4A4A4 on #FFFFFF has contrast 2.49:1; WCAG AA needs 4.5:1 for text this size (12px)",
    ]);
  });
});

describe("real-looking MJML and HTML templates with the palette set to the colours they use", () => {
  it("have no brand-colors or brand-fonts findings", async () => {
    const files = { "email.mjml": fixture("newsletter.mjml") };
    const html = { "email.html": fixture("receipt.html") };
    const config: Partial<BrandConfig> = {
      colors: { c1: "#F4F4F4", c2: "#FFFFFF", c3: "#222222", c4: "#E85D04", c5: "#6B6B6B", c6: "#DDDDDD", c7: "#1B4965" },
      fonts: ["Helvetica Neue", "Helvetica", "Arial", "Georgia", "Times New Roman", "serif", "sans-serif"],
    };
    expect(await findings(files, config, ["brand-colors", "brand-fonts"])).toEqual([]);
    expect(await findings(html, config, ["brand-colors", "brand-fonts"])).toEqual([]);
    // And each colour left out of the palette is found: the check is not blind.
    const fewer = { ...config, colors: { c1: "#F4F4F4", c2: "#FFFFFF" } };
    expect((await findings(files, fewer, ["brand-colors"])).length).toBeGreaterThan(3);
    expect((await findings(html, fewer, ["brand-colors"])).length).toBeGreaterThan(3);
  });
});
