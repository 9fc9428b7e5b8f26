import { readdirSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { render } from "../src/render-api.js";
import { lint } from "../src/lint.js";
import { mjmlToHtml, isRtl } from "../src/render/email.js";
import type { MjmlDoc } from "../src/render/mjml-doc.js";
import { writeCase } from "./helpers/rule-tester.js";

const repo = path.resolve(import.meta.dirname, "..");
const exampleCampaigns = readdirSync(path.join(repo, "templates")).filter((d) => existsSync(path.join(repo, "templates", d, "message.md")));

describe("render: the bundled examples", () => {
  it.each(exampleCampaigns)("%s: every generated email passes mjml strict validation", async (name) => {
    const { files } = await render(path.join("templates", name, "message.md"), { cwd: repo });
    const mjml = files.find((f) => f.name === "email.mjml");
    if (!mjml) return;
    const res = await mjmlToHtml(mjml.text, "strict");
    expect(res.errors).toEqual([]);
    expect(res.html).toContain("<html");
  });

  it("spring-sale: button in the brand's primary colour, footer with address and unsubscribe link", async () => {
    const { files } = await render("templates/spring-sale/message.md", { cwd: repo });
    const mjml = files.find((f) => f.name === "email.mjml")!.text;
    expect(mjml).toMatch(/<mj-button background-color="#0B5FFF" color="#FFFFFF"/);
    expect(mjml).toMatch(/<mj-button href="https:\/\/lumen\.example\/spring">Shop the sale<\/mj-button>/);
    expect(mjml).toContain("Lumen Outdoor Ltd., 12 Harbour Row");
    expect(mjml).toContain('href="https://lumen.example/unsubscribe/u-12345"');
    expect(mjml).toContain("<mj-title>Ana, spring savings start now</mj-title>");
    expect(mjml).toContain("<mj-preview>20% off everything until March 31</mj-preview>");
    expect(mjml).toContain('font-family="Inter, Helvetica, Arial, sans-serif"');
    const html = files.find((f) => f.name === "email.html")!.text;
    expect(html).toContain("#0B5FFF");
    expect(html).toContain('lang="en"');
  });

  it("spring-sale: SMS from frontmatter with the opt-out appended; push JSON; social", async () => {
    const { files } = await render("templates/spring-sale", { cwd: repo });
    const get = (n: string) => files.find((f) => f.name === n)!.text;
    expect(get("sms.txt")).toBe("Lumen: 20% off with SPRING20 till Mar 31 https://lumen.example/spring Reply STOP to opt out\n");
    expect(JSON.parse(get("push.json"))).toEqual({ title: "Spring sale: 20% off", body: "Take 20% off everything with code SPRING20 until March 31.", url: "https://lumen.example/spring" });
    expect(get("social.txt")).toBe("Take 20% off everything with code SPRING20 until March 31. https://lumen.example/spring\n");
  });

  it("ramadan-offer: Arabic renders right-to-left, with the Arabic opt-out", async () => {
    const { files } = await render("templates/ramadan-offer/message.md", { cwd: repo });
    const mjml = files.find((f) => f.name === "email.mjml")!.text;
    expect(mjml).toMatch(/^<mjml lang="ar" dir="rtl">/);
    expect(mjml).toContain('align="right"');
    expect(files.find((f) => f.name === "email.html")!.text).toMatch(/<html[^>]*dir="rtl"/);
    expect(files.find((f) => f.name === "sms.txt")!.text).toMatch(/أرسل STOP لإلغاء الاشتراك\n$/);
    expect(isRtl("ar")).toBe(true);
    expect(isRtl("fa-IR")).toBe(true);
    expect(isRtl("he")).toBe(true);
    expect(isRtl("ur")).toBe(true);
    expect(isRtl("ru")).toBe(false);
  });
});

describe("render: channels derived from the body", () => {
  const md = [
    "---",
    "channels: [email, sms, push, whatsapp, social]",
    "---",
    "# Big **news**",
    "",
    "Hello {{firstName}}, our *new* tents are **here** &amp; ~~gone~~ back. Use `CODE`.",
    "",
    "Second paragraph with a [link](https://acme.example/a).",
    "",
    "- first item",
    "- second item",
    "",
    "1. one",
    "",
    "[Shop now](https://acme.example/shop)",
    "",
  ].join("\n");
  const config = { variables: { firstName: { sample: "Ana" } }, channels: { sms: { optOut: "STOP to end" } } };

  it("SMS is the first paragraph's plain text (no Markdown marks) + CTA + opt-out", async () => {
    const dir = writeCase({ config, files: { "message.md": md } });
    try {
      const { files } = await render("templates/c", { cwd: dir });
      const get = (n: string) => files.find((f) => f.name === n)!.text;
      expect(get("sms.txt")).toBe("Hello Ana, our new tents are here & gone back. Use CODE. https://acme.example/shop STOP to end\n");
      expect(JSON.parse(get("push.json"))).toEqual({ title: "Big news", body: "Hello Ana, our new tents are here & gone back. Use CODE.", url: "https://acme.example/shop" });
      expect(get("whatsapp.txt")).toBe(
        "*Big news*\n\nHello Ana, our _new_ tents are *here* & ~gone~ back. Use `CODE`.\n\nSecond paragraph with a link (https://acme.example/a).\n\n• first item\n• second item\n\n1. one\n\nShop now: https://acme.example/shop\n",
      );
      expect(get("social.txt")).toBe("Hello Ana, our new tents are here & gone back. Use CODE. https://acme.example/shop\n");
      const mjml = get("email.mjml");
      expect(mjml).toContain("<strong>here</strong> &amp; <del>gone</del>");
      expect(mjml).toContain("<ul><li>first item</li><li>second item</li></ul>");
      expect(mjml).toContain('<mj-button href="https://acme.example/shop">Shop now</mj-button>');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("an opt-out already in the text is not appended twice; frontmatter overrides win", async () => {
    const dir = writeCase({ config, files: { "message.md": '---\nsms: { text: "Hi! stop to END" }\nwhatsapp: { text: "WA {{firstName}}" }\nsocial: { text: "Social" }\npush: { title: "T", body: "B" }\n---\nBody para.\n' } });
    try {
      const { files } = await render("templates/c", { cwd: dir });
      const get = (n: string) => files.find((f) => f.name === n)!.text;
      expect(get("sms.txt")).toBe("Hi! stop to END\n");
      expect(get("whatsapp.txt")).toBe("WA Ana\n");
      expect(get("social.txt")).toBe("Social\n");
      expect(JSON.parse(get("push.json"))).toEqual({ title: "T", body: "B" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("--data renders with real values instead of samples; a hand-written file replaces its channel", async () => {
    const dir = writeCase({ config, files: { "message.md": "Hello {{firstName}}.\n", "sms.txt": "Hand-written {{firstName}}" } });
    try {
      const { files } = await render("templates/c", { cwd: dir, data: { firstName: "Budi" } });
      expect(files.find((f) => f.name === "sms.txt")!.text).toBe("Hand-written Budi\n");
      expect(files.find((f) => f.name === "social.txt")!.text).toBe("Hello Budi.\n");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("source maps: findings land on the line a person wrote", () => {
  const tone = { tone: { banned: [{ term: "bargain" }] } };
  async function findings(files: Record<string, string>, config: object = tone) {
    const dir = writeCase({ config, files });
    try {
      const r = await lint({ cwd: dir, only: ["tone-words"] });
      return r.results.flatMap((x) => x.messages.map((m) => ({ file: path.basename(x.file.path), line: m.line, column: m.column, endColumn: m.endColumn, channels: m.channels })));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it("first paragraph: one finding with email, sms, push, whatsapp (and social); second paragraph: email and whatsapp only", async () => {
    const f = await findings({ "message.md": "---\nchannels: [email, sms, push, whatsapp, social]\n---\n# Title\n\nA bargain for you.\n\nAnother bargain here.\n" });
    expect(f).toEqual([
      { file: "message.md", line: 6, column: 3, endColumn: 10, channels: ["email", "sms", "push", "whatsapp", "social"] },
      { file: "message.md", line: 8, column: 9, endColumn: 16, channels: ["email", "whatsapp"] },
    ]);
  });

  it("inside bold inside a list item, after a Handlebars variable and an entity", async () => {
    const f = await findings({ "message.md": "Intro.\n\n- {{firstName}} &amp; **the bargain**\n" }, { ...tone, variables: { firstName: { sample: "Ana Maria" } } });
    expect(f).toEqual([{ file: "message.md", line: 3, column: 29, endColumn: 36, channels: ["email", "whatsapp"] }]);
  });

  it("inside a frontmatter string with escapes", async () => {
    const f = await findings({ "message.md": '---\nchannels: [email]\nsubject: "\\u00e9 {{x}} bargain"\n---\nBody.\n' });
    expect(f).toEqual([{ file: "message.md", line: 3, column: 24, endColumn: 31, channels: ["email"] }]);
  });

  it("inside an attribute-laden MJML tag with an entity before it", async () => {
    const f = await findings({ "email.mjml": '<mjml><mj-body><mj-section><mj-column>\n<mj-text color="#000" font-size="16px"\n   padding="0">Caf&eacute; bargain</mj-text>\n</mj-column></mj-section></mj-body></mjml>\n' });
    expect(f).toEqual([{ file: "email.mjml", line: 3, column: 28, endColumn: 35, channels: ["email"] }]);
  });

  it("text supplied by the config maps to brand.config.json", async () => {
    const f = await findings({ "message.md": "---\nchannels: [sms]\n---\nHello.\n" }, { ...tone, channels: { sms: { optOut: "No bargain? Reply STOP" } } });
    expect(f).toHaveLength(1);
    expect(f[0]!.file).toBe("brand.config.json");
  });

  it("the generated MJML maps brand colours to brand.config.json and words to message.md", async () => {
    const dir = writeCase({ config: { colors: { primary: "#0B5FFF" } }, files: { "message.md": "Hello.\n\n[Go](https://acme.example)\n" } });
    try {
      const r = await lint({ cwd: dir, only: [] });
      const email = r.campaigns[0]!.variants.find((v) => v.channel === "email")!;
      const doc = email.extra.mjml as MjmlDoc;
      const at = doc.source.text.indexOf("#0B5FFF");
      const loc = doc.source.locate(at, at + 7)!;
      expect(path.basename(loc.file.path)).toBe("brand.config.json");
      expect(loc.file.text.slice(loc.start, loc.end)).toBe("#0B5FFF");
      const go = doc.source.text.indexOf(">Go<") + 1;
      const loc2 = doc.source.locate(go, go + 2)!;
      expect(path.basename(loc2.file.path)).toBe("message.md");
      expect(loc2.file.positionAt(loc2.start)).toEqual({ line: 3, column: 2 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("render CLI", () => {
  it("writes the variants with --out and prints one channel without it", async () => {
    const { execFileSync } = await import("node:child_process");
    const out = mkdtempSync(path.join(os.tmpdir(), "brandlint-out-"));
    try {
      execFileSync(process.execPath, [path.join(repo, "bin/brandlint.js"), "render", "templates/spring-sale/message.md", "--out", out], { cwd: repo, stdio: "pipe" });
      expect(readdirSync(out).sort()).toEqual([".brandlint-render.json", "email.html", "email.mjml", "push.json", "sms.txt", "social.txt", "whatsapp.txt"]);
      expect(readFileSync(path.join(out, "sms.txt"), "utf8")).toContain("Reply STOP to opt out");
      const sms = execFileSync(process.execPath, [path.join(repo, "bin/brandlint.js"), "render", "templates/spring-sale", "--channel", "sms"], { cwd: repo, encoding: "utf8" });
      expect(sms).toBe("Lumen: 20% off with SPRING20 till Mar 31 https://lumen.example/spring Reply STOP to opt out\n");
      writeFileSync(path.join(out, "data.json"), '{"firstName": "Zofia"}');
      const email = execFileSync(process.execPath, [path.join(repo, "bin/brandlint.js"), "render", "templates/spring-sale", "--channel", "email", "--data", path.join(out, "data.json")], { cwd: repo, encoding: "utf8" });
      expect(email).toContain("Zofia, spring savings start now");
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe("render: WhatsApp text of nested lists (issue 17)", () => {
  const whatsapp = async (body: string) => {
    const dir = writeCase({ config: { brand: { name: "Acme" } }, files: { "message.md": `---\nchannels: [whatsapp]\n---\n${body}` } });
    try {
      const { files } = await render(path.join(dir, "templates/c/message.md"), { cwd: dir });
      return files.find((f) => f.name === "whatsapp.txt")!.text;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it("indents deeper up to four levels, then lines up deeper levels with the fourth", async () => {
    expect(await whatsapp("- a\n  - b\n    - c\n      - d\n        - e\n          - f\n")).toBe("• a\n    • b\n        • c\n            • d\n                • e\n                • f\n");
  });

  it("stays proportional to the source: 45 lists nested on one line", async () => {
    const source = "- ".repeat(45) + "x\n";
    const text = await whatsapp(source);
    expect(text.match(/•/g)?.length).toBe(45);
    // Indentation growing with every level would make this ~2,100 characters.
    expect(text.length).toBeLessThan(6 * source.length);
  });
});

describe("render: a hand-written email.html (found by the fuzzer)", () => {
  it("is written out as it is, not handed to mjml (which refused it: exit 2, “Parsing failed”)", async () => {
    const { MemoryHost } = await import("../src/host/index.js");
    const html = '<html><body><p style="color:#1A1A1A">Hello {{firstName}}</p></body></html>\n';
    const host = new MemoryHost([
      ["/r/brand.config.json", JSON.stringify({ brand: { name: "Acme" }, variables: { firstName: { sample: "Ana" } } })],
      ["/r/templates/a/email.html", html],
    ]);
    const { files } = await render("/r/templates/a", { cwd: "/r", host });
    expect(files.map((f) => f.name)).toEqual(["email.html"]);
    expect(files[0]!.text).toBe('<html><body><p style="color:#1A1A1A">Hello Ana</p></body></html>\n');
  });
});

describe("render: a list indented one level per line (found by the fuzzer)", () => {
  const indented = (levels: number) => Array.from({ length: levels }, (_, i) => "  ".repeat(i) + "- item " + i).join("\n") + "\n";

  it("micromark is given only the lines above the one that passes the depth limit (its time grew with the cube of the levels: 1 MB took minutes)", async () => {
    const { parseMarkdown } = await import("../src/render/markdown.js");
    const text = indented(1000);
    const tree = parseMarkdown(text);
    // Item 50 is at tree level 100 (a list and its item per level): line 51 passes the limit and ends the parsed text.
    const parsedEnd = tree.position?.end.offset ?? text.length;
    expect(parsedEnd).toBeLessThanOrEqual(indented(51).length);
    expect(tree.data?.tooDeepAt).toBe(indented(49).length + 98 + 2);
  });

  it("counts only what CommonMark nests: code indented past an item, a less indented line closing it", async () => {
    const { parseMarkdown } = await import("../src/render/markdown.js");
    // 60 levels of a list whose lines go back to the margin every 40 lines: never deeper than 80 tree levels.
    const saw = Array.from({ length: 120 }, (_, i) => "  ".repeat(i % 40) + "- item " + i).join("\n") + "\n";
    expect(parseMarkdown(saw).data?.tooDeepAt).toBeUndefined();
    // A code block of list-looking lines inside an item is code.
    const code = "- item\n\n" + Array.from({ length: 120 }, (_, i) => "      " + "  ".repeat(i) + "- not a list " + i).join("\n") + "\n";
    expect(parseMarkdown(code).data?.tooDeepAt).toBeUndefined();
  });
});

describe("render: an email mjml refuses (found by the fuzzer)", () => {
  const renderIn = async (files: Record<string, string>) => {
    const { MemoryHost } = await import("../src/host/index.js");
    const host = new MemoryHost([["/r/brand.config.json", JSON.stringify({ brand: { name: "Acme" } })], ...Object.entries(files).map(([n, t]) => [`/r/templates/a/${n}`, t] as [string, string])]);
    return render("/r/templates/a", { cwd: "/r", host });
  };
  const shown = (r: Awaited<ReturnType<typeof render>>) => r.campaign.problems.map((p) => `${path.basename(p.file.path)}:${p.file.positionAt(p.start).line}:${p.file.positionAt(p.start).column} ${p.message}`);

  it("a hand-written email.mjml without <mjml>: its problems, the MJML written, no email.html, the other channels rendered (it was exit 2, “Malformed MJML”, no file named)", async () => {
    const r = await renderIn({ "email.mjml": "hello <b>x</b>\n", "sms.txt": "Hi STOP" });
    expect(r.files.map((f) => f.name).sort()).toEqual(["email.mjml", "sms.txt"]);
    expect(r.unrendered).toEqual(["email.html"]);
    expect(shown(r)).toContain("email.mjml:1:1 mjml could not turn this email into HTML (Malformed MJML. Check that your structure is correct and enclosed in <mjml> tags.); email.html was not written");
    expect(shown(r)).toContain("email.mjml:1:7 an email template must start with <mjml>, not <b>");
  });

  it("a message.md whose raw HTML closes the generated MJML: a problem at its body, not a crash", async () => {
    const r = await renderIn({ "message.md": "---\nsubject: Hi\nchannels: [email, sms]\n---\na</mjml>\n\nMore text.\n" });
    expect(r.unrendered).toEqual(["email.html"]);
    expect(r.files.map((f) => f.name).sort()).toEqual(["email.mjml", "sms.txt"]);
    expect(shown(r)).toEqual(["message.md:5:1 mjml could not turn this email into HTML (Malformed MJML. Check that your structure is correct and enclosed in <mjml> tags.); email.html was not written"]);
  });

  it("the CLI prints the problem with its position and exits 1", async () => {
    const { execFileSync } = await import("node:child_process");
    const dir = writeCase({ config: { brand: { name: "Acme" } }, files: { "email.mjml": "hello\n" } });
    try {
      let code = 0;
      let stderr = "";
      try {
        execFileSync(process.execPath, [path.join(repo, "bin/brandlint.js"), "render", "templates/c", "--out", "out"], { cwd: dir, stdio: "pipe" });
      } catch (e) {
        ({ status: code } = e as { status: number });
        stderr = String((e as { stderr: Buffer }).stderr);
      }
      expect(code).toBe(1);
      expect(stderr).toContain("templates/c/email.mjml:1:1: error: mjml could not turn this email into HTML");
      expect(readdirSync(path.join(dir, "out")).sort()).toEqual([".brandlint-render.json", "email.mjml"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("render: the MJML depth limit is said once (found by the fuzzer)", () => {
  it("an unclosed <mj-text> repeated 300 times passes the limit again after every close: one finding, where it was first passed", async () => {
    const { parseMjml, MAX_MJML_DEPTH } = await import("../src/render/mjml-doc.js");
    const { MappedText } = await import("../src/text/mapped-text.js");
    const { SourceFile } = await import("../src/text/source-file.js");
    const text = "<mjml><mj-body><mj-section><mj-column>" + "<mj-text><mj-text>x</mj-text>".repeat(300) + "</mj-column></mj-section></mj-body></mjml>";
    const doc = parseMjml(MappedText.fromSource(new SourceFile("/p/email.mjml", text)));
    const deep = doc.problems.filter((p) => p.message.startsWith(`elements nested more than ${MAX_MJML_DEPTH} deep`));
    expect(deep.length).toBe(1);
    // Four elements, then one still open per unit: the 196th unit's inner <mj-text> is the 201st.
    expect(deep[0]!.start).toBe("<mjml><mj-body><mj-section><mj-column>".length + 195 * "<mj-text><mj-text>x</mj-text>".length + "<mj-text>".length);
  });
});
