/**
 * The preview gallery's structure, without a browser: what the pages contain, that
 * template text is always escaped, that nothing points outside the page, and the
 * --serve server. test/browser/preview.browser.test.ts looks at it in Chromium.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync, existsSync, mkdirSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { Parser } from "htmlparser2";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { previewCommand } from "../src/cli/preview.js";
import type { Io } from "../src/cli/main.js";
import { DiskHost, MemoryHost } from "../src/host/index.js";
import { lint, type LintReport } from "../src/lint.js";
import { parseMjml } from "../src/render/mjml-doc.js";
import { countSms } from "../src/sms/count.js";
import { MappedText } from "../src/text/mapped-text.js";
import { SourceFile } from "../src/text/source-file.js";
import { buildPreview, MARKER, pageNames, PreviewOutputError } from "../src/preview/build.js";
import { markMjml, placeholderImage, selfContainedEmail, CSP } from "../src/preview/email.js";
import { markRanges, type PreviewFinding } from "../src/preview/findings.js";
import { esc, richText, vscodeUrl } from "../src/preview/html.js";
import { servePreview } from "../src/preview/serve.js";
import { brandTheme, contrast, fontStack } from "../src/preview/theme.js";
import { whatsappFormat } from "../src/preview/whatsapp.js";
import { REPO_ROOT, tempProject, type TempProject } from "./helpers/cli.js";

interface Tag {
  name: string;
  attrs: Record<string, string>;
}

/** Every element of an HTML document, and of the documents in its iframes' srcdoc. */
function tags(html: string): Tag[] {
  const out: Tag[] = [];
  const p = new Parser({ onopentag: (name, attrs) => out.push({ name, attrs }) }, { decodeEntities: true });
  p.write(html);
  p.end();
  return [...out, ...out.filter((t) => t.name === "iframe" && t.attrs.srcdoc).flatMap((t) => tags(t.attrs.srcdoc!))];
}

/** The inner HTML of the first element with this attribute value (elements of one name, not nested in themselves). */
function section(html: string, attr: string, name = "article"): string {
  const start = html.indexOf(attr);
  expect(start, `no element with ${attr}`).toBeGreaterThan(-1);
  const open = html.lastIndexOf(`<${name}`, start);
  const end = html.indexOf(`</${name}>`, start);
  return html.slice(open, end);
}

const text = (html: string) => html.replace(/<[^>]*>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

describe("the preview of the example templates", () => {
  let out: string;
  let report: LintReport;
  let pages: string[];
  const page = (id: string) => readFileSync(path.join(out, "campaigns", `${id}.html`), "utf8");

  beforeAll(async () => {
    out = mkdtempSync(path.join(os.tmpdir(), "brandlint-preview-"));
    report = await lint({ cwd: REPO_ROOT, paths: ["templates"] });
    const result = await buildPreview({ cwd: REPO_ROOT, paths: ["templates"], out });
    pages = result.pages;
    expect(result.campaigns).toBe(report.campaigns.length);
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test("writes an index and one page per campaign", () => {
    expect(pages[0]).toBe(path.join(out, "index.html"));
    expect(pages.slice(1).map((p) => path.basename(p, ".html")).sort()).toEqual(report.campaigns.map((c) => c.id).sort());
    for (const p of pages) expect(existsSync(p)).toBe(true);
    expect(existsSync(path.join(out, MARKER))).toBe(true);
  });

  test("the index lists each campaign with its metadata and counts of errors and warnings", () => {
    const index = readFileSync(path.join(out, "index.html"), "utf8");
    for (const c of report.campaigns) {
      const files = new Set(c.files.map((f) => f.path));
      const results = report.results.filter((r) => files.has(r.file.path));
      const errors = results.reduce((n, r) => n + r.errorCount, 0);
      const warnings = results.reduce((n, r) => n + r.warningCount, 0);
      const row = index.slice(index.indexOf(`href="campaigns/${c.id}.html"`));
      const cells = [...row.slice(0, row.indexOf("</tr>")).matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => text(m[1]!));
      expect(cells[0]).toContain(c.meta.locale);
      expect(cells[1]!.split(", ").length).toBe(c.variants.length);
      expect(cells[2]).toBe(c.meta.send ?? "—");
      expect(cells[3]).toBe(c.meta.audience ?? "—");
      expect(cells.slice(4).map(Number)).toEqual([errors, warnings]);
    }
  });

  test("a campaign page shows every variant, the email in sandboxed frames at two widths", () => {
    const html = page("spring-sale");
    const spring = report.campaigns.find((c) => c.id === "spring-sale")!;
    for (const v of spring.variants) expect(html).toContain(`data-channel="${v.channel}"`);
    const frames = tags(html).filter((t) => t.name === "iframe");
    expect(frames).toHaveLength(2);
    for (const f of frames) {
      expect(f.attrs.sandbox).toBe("");
      expect(f.attrs.title).toMatch(/Email/);
      expect(f.attrs.srcdoc).toContain("Spring savings, Ana");
      expect(f.attrs.srcdoc).toContain(CSP);
    }
    expect(html).toMatch(/class="desktop"[^]*Desktop · 640 px/);
    expect(html).toMatch(/class="mobile"[^]*Mobile · 375 px/);
    expect(html).toContain("Ana, spring savings start now");
  });

  test("every page makes no request outside itself: no scripts, style sheets or remote images, and a strict policy", () => {
    for (const p of pages) {
      const html = readFileSync(p, "utf8");
      expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
      for (const t of tags(html)) {
        expect(t.name).not.toBe("script");
        if (t.name === "link") expect(t.attrs.href).toMatch(/^data:/);
        for (const a of ["src", "srcset", "background", "poster"]) if (t.attrs[a] !== undefined) expect(t.attrs[a]).toMatch(/^data:/);
      }
      // The page's own links go to source lines and to other pages of the preview.
      const own = new Parser({
        onopentag: (name, attrs) => {
          if (name === "a" && !attrs.href!.startsWith("#")) expect(attrs.href).toMatch(/^(vscode:\/\/file\/|(\.\.\/)?index\.html$|campaigns\/[\w-]+\.html$)/);
        },
      });
      own.write(html);
      own.end();
      // An email's links cannot open: they target a new window, which the sandbox forbids.
      for (const f of tags(html).filter((t) => t.name === "iframe")) expect(f.attrs.srcdoc).toContain(`<base target="_blank">`);
    }
  });

  test("the SMS counter shows countSms of the text, and of the worst case", () => {
    for (const c of report.campaigns) {
      const sms = c.variants.find((v) => v.channel === "sms");
      if (!sms) continue;
      const card = section(page(c.id), 'data-channel="sms"');
      const counted = countSms(sms.fields.text!.sample.text);
      const dl = /<dl class="counter sample"[^>]*data-encoding="(\w+)" data-units="(\d+)" data-segments="(\d+)"/.exec(card)!;
      expect([dl[1], Number(dl[2]), Number(dl[3])]).toEqual([counted.encoding, counted.units, counted.segments]);
      expect(card).toContain(`<span data-field="units">${counted.units}</span>`);
      expect(card).toContain(`<span data-field="segments">${counted.segments}</span>`);
      const worst = sms.fields.text!.worst.text;
      if (worst !== sms.fields.text!.sample.text) {
        const w = countSms(worst);
        expect(card).toMatch(new RegExp(`<dl class="counter worst"[^>]*data-encoding="${w.encoding}" data-units="${w.units}" data-segments="${w.segments}"`));
      }
    }
  });

  test("the Arabic campaign renders right to left", () => {
    const html = page("ramadan-offer");
    expect(html).toMatch(/<section class="variants"[^>]*dir="rtl"/);
    for (const channel of ["email", "sms", "push", "whatsapp"]) expect(section(html, `data-channel="${channel}"`)).toContain('<div class="preview" dir="rtl" lang="ar">');
    expect(page("spring-sale")).toMatch(/<section class="variants"[^>]*dir="ltr"/);
  });

  test("findings link to their source line and are highlighted inside the variant", () => {
    const html = page("zz-flawed-example");
    const flawed = report.campaigns.find((c) => c.id === "zz-flawed-example")!;
    const message = flawed.messageFile!;
    const all = report.results.find((r) => r.file.path === message.path)!.messages;
    expect(all.length).toBeGreaterThan(0);
    for (const m of all) expect(html).toContain(`href="${esc(vscodeUrl(message.path, m.line, m.column))}"`);
    const actNow = all.find((m) => m.message.includes("Act now"))!;
    expect(actNow.channels).toContain("sms");
    const sms = section(html, 'data-channel="sms"');
    const mark = /<mark class="sev-error" id="sms-(\d+)"[^>]*>([^<]*)<\/mark>/.exec(sms)!;
    expect(mark[2]).toBe(message.text.slice(message.offsetAt(actNow.line, actNow.column), message.offsetAt(actNow.endLine, actNow.endColumn)));
    expect(sms).toContain(`href="#sms-${mark[1]}"`);
    // Inside the email's HTML too.
    const frame = tags(section(html, 'data-channel="email"')).find((t) => t.name === "iframe")!;
    expect(frame.attrs.srcdoc).toMatch(/<mark class="bl-mark sev-error"[^>]*>Cheap<\/mark> spring gear/);
    expect(html).toContain("highlighted in the email");
  });

  test("WhatsApp formatting is rendered and push notifications carry the brand", () => {
    const wa = section(page("spring-sale"), 'data-channel="whatsapp"');
    expect(wa).toContain("<strong>Spring savings, Ana</strong>");
    expect(wa).toContain("<strong>20% off</strong>");
    expect(wa).not.toContain("*");
    const push = section(page("spring-sale"), 'data-channel="push"');
    expect(push).toContain('<div class="push ios">');
    expect(push).toContain('<div class="push android">');
    expect(push).toContain("Spring sale: 20% off");
  });

  test("the brand's colours and fonts are the page's, and shown as swatches", () => {
    const html = page("spring-sale");
    expect(html).toContain("--bl-accent: #0b5fff;");
    expect(html).toContain('--bl-font: "Inter", "Helvetica", "Arial", sans-serif, system-ui;');
    for (const [name, value] of Object.entries(report.config.data.colors!)) expect(html).toMatch(new RegExp(`<span class="swatch-name">${name}</span> <code>${value}</code>`));
    for (const f of report.config.data.fonts!) expect(html).toContain(`<span class="font-name">${f}</span>`);
  });
});

describe("a project with hostile text, images and tight limits", () => {
  let project: TempProject;
  let out: string;
  beforeAll(async () => {
    project = tempProject({
      "brand.config.json": JSON.stringify({
        brand: { name: "Acme", address: "1 Main St" },
        colors: { primary: "#FFD400", ink: "#222222", paper: "#FFFFFF" },
        channels: { push: { titleMax: 10, bodyMax: 12 }, sms: { maxSegments: 1 } },
        variables: { firstName: { sample: "Ana", maxLength: 40, charset: "unicode" } },
      }),
      "templates/hostile/message.md": [
        "---",
        "channels: [email, sms, push, whatsapp, social]",
        'push: { title: "👩‍👩‍👧 Family sale <b>now</b> on" }',
        'sms: { text: "Hi {{firstName}} <script>alert(1)</script> & more" }',
        'whatsapp: { text: "*Bold* _it_ ~gone~ ```co*de*``` <img src=x onerror=alert(1)>" }',
        "---",
        "# Hello <em>there</em>",
        "",
        "Some text with an image: ![Trail map](https://cdn.example.com/map.png) and ![Local](pic.png)",
        "",
        "[Go](https://acme.example/go)",
        "",
      ].join("\n"),
      "templates/hostile/pic.png": "\x89PNG fake",
    });
    out = path.join(project.dir, "site");
    await buildPreview({ cwd: project.dir, out });
  });
  afterAll(() => project.dispose());
  const page = () => readFileSync(path.join(out, "campaigns", "hostile.html"), "utf8");

  test("template text is escaped, never injected as HTML", () => {
    const html = page();
    expect(tags(html).some((t) => t.name === "script")).toBe(false);
    expect(text(section(html, 'data-channel="sms"'))).toContain("<script>alert(1)</script> & more");
    expect(section(html, 'data-channel="sms"')).toContain("&lt;script&gt;alert(1)&lt;/scrip");
    expect(section(html, 'data-channel="whatsapp"')).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(tags(html).filter((t) => t.name === "img").every((t) => t.attrs.src!.startsWith("data:"))).toBe(true);
  });

  test("WhatsApp marks become formatting; markers inside code stay as written", () => {
    const wa = section(page(), 'data-channel="whatsapp"');
    expect(wa).toContain("<strong>Bold</strong> <em>it</em> <s>gone</s> <code>co*de*</code>");
  });

  test("push title and body are cut at the configured limits, grapheme-aware, with an ellipsis", () => {
    const push = section(page(), 'data-channel="push"');
    const title = /<div class="push ios">[^]*?<p class="push-title">([^]*?)<\/p>/.exec(push)![1]!;
    // 10 graphemes: the family emoji counts as one.
    expect(text(title)).toBe("👩‍👩‍👧 Family s…");
    expect(title).toContain('<span class="cut" title="cut after 10 characters">…</span>');
    expect(push).toMatch(/Title<\/dt><dd>\d+ \/ 10 — cut/);
  });

  test("the SMS shows what the worst-case variables do to it", () => {
    const sms = section(page(), 'data-channel="sms"');
    expect(sms).toContain("<code>firstName</code> as 40 × “Ж” (Unicode)");
    expect(sms).toMatch(/class="over"><dt>Segments<\/dt><dd><span data-field="segments">\d<\/span> of 1 allowed/);
  });

  test("remote images become placeholders with their alt text; local ones are inlined", () => {
    const frame = tags(page()).find((t) => t.name === "iframe")!;
    const imgs = tags(frame.attrs.srcdoc!).filter((t) => t.name === "img");
    expect(imgs).toHaveLength(2);
    expect(decodeURIComponent(imgs[0]!.attrs.src!)).toContain("Image: Trail map");
    expect(decodeURIComponent(imgs[0]!.attrs.src!)).toContain("loaded from cdn.example.com in a real inbox");
    expect(imgs[1]!.attrs.src).toBe(`data:image/png;base64,${Buffer.from("\x89PNG fake").toString("base64")}`);
    expect(page()).toContain("1 image from other hosts (or not found) is shown as a placeholder");
  });

  test("a light brand colour keeps text readable", () => {
    const theme = brandTheme(JSON.parse(readFileSync(path.join(project.dir, "brand.config.json"), "utf8")));
    const on = /--bl-on-accent: (#\w+);/.exec(theme.css)![1]!;
    const accentText = /--bl-accent-text: (#\w+);/.exec(theme.css)![1]!;
    const rgb = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as unknown as readonly [number, number, number];
    expect(contrast(rgb(on), rgb("#ffd400"))).toBeGreaterThanOrEqual(4.5);
    expect(contrast(rgb(accentText), rgb("#ffffff"))).toBeGreaterThanOrEqual(4.5);
  });

  test("writes only into an empty folder or an earlier preview, and drops pages of removed campaigns", async () => {
    const other = path.join(project.dir, "notes");
    mkdirSync(other);
    writeFileSync(path.join(other, "todo.txt"), "mine");
    await expect(buildPreview({ cwd: project.dir, out: "notes" })).rejects.toBeInstanceOf(PreviewOutputError);
    expect(readFileSync(path.join(other, "todo.txt"), "utf8")).toBe("mine");
    writeFileSync(path.join(out, "campaigns", "gone.html"), "old");
    const again = await buildPreview({ cwd: project.dir, out: "site" });
    expect(again.campaigns).toBe(1);
    expect(existsSync(path.join(out, "campaigns", "gone.html"))).toBe(false);
  });
});

describe("committed symbolic links cannot redirect the preview (issue 17)", () => {
  const MJ = (img: string, extra = "") => `<mjml><mj-body><mj-section><mj-column><mj-image src="${img}" alt="Logo" />${extra}<mj-text>Hi</mj-text></mj-column></mj-section></mj-body></mjml>\n`;
  let project: TempProject;
  let outside: string;
  beforeAll(() => {
    outside = mkdtempSync(path.join(os.tmpdir(), "brandlint-outside-"));
    writeFileSync(path.join(outside, "victim.txt"), "keep me");
    mkdirSync(path.join(outside, "pages"));
    writeFileSync(path.join(outside, "pages", "precious.html"), "keep me too");
    writeFileSync(path.join(outside, "secret.png"), "\x89PNG SECRET-BYTES");
    project = tempProject({
      "brand.config.json": JSON.stringify({ brand: { name: "Acme" } }),
      "templates/mail/email.mjml": MJ("logo.png", "<mj-unknown-tag>x</mj-unknown-tag>"),
      "templates/mail/inside.png": "\x89PNG INSIDE",
      "templates/ok/email.mjml": MJ("inside.png"),
      "templates/ok/inside.png": "\x89PNG INSIDE",
    });
    symlinkSync(path.join(outside, "secret.png"), path.join(project.dir, "templates/mail/logo.png"));
  });
  afterAll(() => {
    project.dispose();
    rmSync(outside, { recursive: true, force: true });
  });

  test("a marker that is a link to a file: refused, the file untouched", async () => {
    const out = path.join(project.dir, "p1");
    mkdirSync(out);
    symlinkSync(path.join(outside, "victim.txt"), path.join(out, MARKER));
    await expect(buildPreview({ cwd: project.dir, out: "p1" })).rejects.toThrow(/is not a file brandlint wrote/);
    expect(readFileSync(path.join(outside, "victim.txt"), "utf8")).toBe("keep me");
  });

  test("a campaigns folder that is a link to a folder: refused, nothing there deleted", async () => {
    const out = path.join(project.dir, "p2");
    mkdirSync(out);
    writeFileSync(path.join(out, MARKER), "");
    symlinkSync(path.join(outside, "pages"), path.join(out, "campaigns"));
    await expect(buildPreview({ cwd: project.dir, out: "p2" })).rejects.toBeInstanceOf(PreviewOutputError);
    expect(readFileSync(path.join(outside, "pages", "precious.html"), "utf8")).toBe("keep me too");
  });

  test("an output folder that is a link: refused", async () => {
    symlinkSync(path.join(outside, "pages"), path.join(project.dir, "p3"));
    await expect(buildPreview({ cwd: project.dir, out: "p3" })).rejects.toThrow(/is a symbolic link/);
    expect(readdirSync(path.join(outside, "pages"))).toEqual(["precious.html"]);
  });

  test("a symlinked logo.png outside the project is not inlined; an image inside is; mjml prints nothing", async () => {
    const printed: string[] = [];
    const { error, warn } = console;
    console.error = (...a: unknown[]) => printed.push(a.join(" "));
    console.warn = (...a: unknown[]) => printed.push(a.join(" "));
    try {
      await buildPreview({ cwd: project.dir, out: "p4" });
    } finally {
      console.error = error;
      console.warn = warn;
    }
    const secret = Buffer.from("\x89PNG SECRET-BYTES").toString("base64");
    const mail = readFileSync(path.join(project.dir, "p4/campaigns/mail.html"), "utf8");
    expect(mail).not.toContain(secret);
    expect(mail).not.toContain("SECRET");
    const ok = readFileSync(path.join(project.dir, "p4/campaigns/ok.html"), "utf8");
    expect(ok).toContain(Buffer.from("\x89PNG INSIDE").toString("base64"));
    expect(printed).toEqual([]);
  });
});

describe("the preview reads images through the Host", () => {
  test("only a regular file inside the project is read (through the host's bounded reader); a link out of it and a FIFO are never opened", async () => {
    const { execFileSync } = await import("node:child_process");
    const base = mkdtempSync(path.join(os.tmpdir(), "brandlint-preview-images-"));
    try {
      const root = path.join(base, "project");
      mkdirSync(path.join(root, "templates", "c"), { recursive: true });
      const dir = path.join(root, "templates", "c");
      writeFileSync(path.join(base, "secret.png"), "\x89PNG SECRET");
      writeFileSync(path.join(dir, "inside.png"), "\x89PNG INSIDE");
      symlinkSync(path.join(base, "secret.png"), path.join(dir, "logo.png"));
      execFileSync("mkfifo", [path.join(dir, "fifo.png")]);
      const reads: string[] = [];
      const disk = new DiskHost();
      const host = Object.assign(Object.create(disk) as DiskHost, {
        read(p: string, limit: number) {
          reads.push(path.relative(root, p));
          return disk.read(p, limit);
        },
      });
      const safe = selfContainedEmail('<html><head></head><body><img src="inside.png" alt="a"><img src="logo.png" alt="b"><img src="fifo.png" alt="c"></body></html>', dir, root, host);
      expect(safe.inlined).toBe(1);
      expect(safe.placeholders).toBe(2);
      expect(safe.html).toContain(Buffer.from("\x89PNG INSIDE").toString("base64"));
      expect(safe.html).not.toContain(Buffer.from("\x89PNG SECRET").toString("base64"));
      expect(reads).toEqual([path.join("templates", "c", "inside.png")]);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  test("an image held only in memory (an editor's unsaved file) is inlined: the preview reads what lint reads", () => {
    const host = new MemoryHost([["/p/templates/c/logo.png", "\x89PNG MEMORY"]]);
    const safe = selfContainedEmail('<html><head></head><body><img src="logo.png" alt="Logo"></body></html>', "/p/templates/c", "/p", host);
    expect(safe.inlined).toBe(1);
    expect(safe.html).toContain(Buffer.from(new TextEncoder().encode("\x89PNG MEMORY")).toString("base64"));
  });
});

describe("building blocks", () => {
  test("richText escapes every run and nests overlapping ranges well", () => {
    const html = richText("a <b> & c", {
      marks: [{ start: 0, end: 5, severity: 2, finding: 1, title: 'say "no"' }],
      styles: [{ start: 2, end: 9, style: "bold" }],
      idPrefix: "sms",
    });
    expect(html).toBe('<mark class="sev-error" id="sms-1" title="say &quot;no&quot;">a </mark><mark class="sev-error" title="say &quot;no&quot;"><strong>&lt;b&gt;</strong></mark><strong> &amp; c</strong>');
  });

  test("richText never splits a grapheme", () => {
    const html = richText("x👍🏽y", { marks: [{ start: 1, end: 2, severity: 1, finding: 1, title: "t" }] });
    expect(html).toBe('x<mark class="sev-warning" title="t">👍🏽</mark>y');
  });

  test("whatsappFormat follows the app's word-boundary rules", () => {
    const f = (s: string) => whatsappFormat(s).styles.map((r) => `${r.style}:${s.slice(r.start, r.end)}`);
    expect(f("*bold* and _it_ ~x~")).toEqual(["bold:bold", "italic:it", "strike:x"]);
    expect(f("2*3*4 and snake_case_name")).toEqual([]);
    expect(f("* not bold *")).toEqual([]);
    expect(f("```a\n*b*```")).toEqual(["mono:a\n*b*"]);
    expect(f("*two\nlines*")).toEqual([]);
  });

  test("markRanges maps a finding's source range into the variant text", () => {
    const file = new SourceFile("/p/message.md", "Hello {{name}}, cheap deals");
    const b = MappedText.fromSource(file, 0, 6);
    const m = new MappedText("Hello Ana, cheap deals", [...b.pieces, { start: 6, end: 9, file, srcStart: 6, srcEnd: 14, kind: "variable", exact: false }, { start: 9, end: 22, file, srcStart: 14, srcEnd: 27, kind: "text", exact: true }]);
    const finding = (start: number, end: number, n: number): PreviewFinding => ({ n, file, start, end, ruleId: "r", severity: 2, message: "m", line: 1, column: start + 1, endLine: 1, endColumn: end + 1 });
    const ranges = markRanges(m, [finding(16, 21, 1), finding(8, 12, 2)]);
    expect(ranges.map((r) => m.text.slice(r.start, r.end))).toEqual(["cheap", "Ana"]);
  });

  test("markMjml puts highlights in body text only, never in attributes, entities or the head", () => {
    const src = '<mjml><mj-head><mj-title>cheap</mj-title></mj-head><mj-body><mj-section><mj-column><mj-text css-class="cheap">Tom &amp; cheap</mj-text></mj-column></mj-section></mj-body></mjml>';
    const doc = parseMjml(MappedText.fromSource(new SourceFile("/p/email.mjml", src)));
    const all = [...src.matchAll(/cheap|&amp;/g)].map((m, i) => ({ start: m.index + (m[0] === "&amp;" ? 2 : 0), end: m.index + m[0].length - (m[0] === "&amp;" ? 1 : 0), severity: 2 as const, finding: i + 1, title: "t" }));
    const { mjml, marked } = markMjml(doc, all);
    expect(mjml).toContain('<mj-title>cheap</mj-title>');
    expect(mjml).toContain('css-class="cheap"');
    expect(mjml).toContain('Tom <mark class="bl-mark sev-error" title="t">&amp;</mark> <mark class="bl-mark sev-error" title="t">cheap</mark></mj-text>');
    expect([...marked].sort()).toEqual([3, 4]);
  });

  test("selfContainedEmail removes every way out of the page", () => {
    const html =
      '<!doctype html><html><head><link href="https://fonts.example/css" rel="stylesheet"><style>@import url(https://x.example/a.css); .a{background:url("https://x.example/b.png")} .b{background:url(data:image/png;base64,AA==)}</style><base href="https://x.example/"></head>' +
      '<body><table background="https://x.example/bg.png"><tr><td style="background-image:url(https://x.example/c.png)"><img src="https://x.example/d.png" alt="A &quot;map&quot;" width="300" srcset="https://x.example/e.png 2x"></td></tr></table></body></html>';
    const safe = selfContainedEmail(html, "/nowhere", "/nowhere", new MemoryHost());
    expect(safe.html).not.toMatch(/https?:\/\/x\.example|fonts\.example/);
    expect(safe.html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
    expect(safe.html).toContain("url(data:image/png;base64,AA==)");
    expect(safe.placeholders).toBe(1);
    const img = tags(safe.html).find((t) => t.name === "img")!;
    expect(img.attrs.src).toBe(placeholderImage('A "map"', "https://x.example/d.png", 300));
    expect(img.attrs.srcset).toBeUndefined();
  });

  test("selfContainedEmail: an unclosed url( is removed too, and 200 KB of url( is read in one pass", () => {
    const safe = selfContainedEmail('<html><head><style>.a{background:url(https://x.example/a.png</style></head><body><p style="background:URL( \'https://x.example/b.png\' )">x</p></body></html>', "/nowhere", "/nowhere", new MemoryHost());
    expect(safe.html).not.toContain("x.example");
    expect(safe.removed).toBe(2);
    // The old pattern retried a lazy match from every url( to the end: minutes at this size.
    const many = selfContainedEmail(`<html><head><style>${"url(".repeat(50_000)}</style></head><body></body></html>`, "/nowhere", "/nowhere", new MemoryHost());
    expect(many.html).not.toContain("url(");
  });

  test("page names, VS Code links and font stacks", () => {
    expect(pageNames(["spring sale", "spring/sale", "лето", "../x", ""])).toEqual(["spring-sale.html", "spring-sale-2.html", "лето.html", "x.html", "campaign.html"]);
    expect(vscodeUrl("/work/my repo/message.md", 3, 7)).toBe("vscode://file/work/my%20repo/message.md:3:7");
    expect(vscodeUrl("C:\\work\\m#1.md", 1, 1)).toBe("vscode://file/C:/work/m%231.md:1:1");
    expect(fontStack(["Open Sans", 'Bad";}', "SERIF"])).toBe('"Open Sans", "Bad", serif, system-ui, sans-serif');
  });
});

describe("brandlint preview (command)", () => {
  let project: TempProject;
  const io = (): Io & { out: string[]; err: string[] } => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, stdout: (s) => out.push(s), stderr: (s) => err.push(s), cwd: project.dir, color: false, env: {} };
  };
  beforeAll(() => {
    project = tempProject({
      "brand.config.json": JSON.stringify({ brand: { name: "Acme" }, colors: { primary: "#0B5FFF" } }),
      "templates/hello/message.md": "---\nchannels: [sms, push]\n---\n# Hello\n\nHi there, 10% off.\n",
    });
  });
  afterAll(() => project.dispose());

  test("writes the site to preview/ by default", async () => {
    const i = io();
    expect(await previewCommand([], i)).toBe(0);
    expect(i.err.join("")).toBe("brandlint: wrote the preview of 1 campaign to preview/index.html\n");
    expect(existsSync(path.join(project.dir, "preview", "campaigns", "hello.html"))).toBe(true);
  });

  test("takes paths and --out", async () => {
    const i = io();
    expect(await previewCommand(["templates/hello", "--out", "site"], i)).toBe(0);
    expect(existsSync(path.join(project.dir, "site", "index.html"))).toBe(true);
  });

  test("prints its help, and explains bad arguments", async () => {
    const i = io();
    expect(await previewCommand(["--help"], i)).toBe(0);
    expect(i.out.join("")).toContain("Usage: brandlint preview [paths...] [options]");
    await expect(previewCommand(["--serv"], io())).rejects.toThrow("unknown option --serv — did you mean --serve?");
    await expect(previewCommand(["--port", "80"], io())).rejects.toThrow("--port is only used with --serve");
    await expect(previewCommand(["--serve", "--port", "http"], io())).rejects.toThrow('--port needs a port number from 0 to 65535, not "http"');
    mkdirSync(path.join(project.dir, "docs"));
    writeFileSync(path.join(project.dir, "docs", "a.md"), "x");
    await expect(previewCommand(["--out", "docs"], io())).rejects.toThrow(/is not empty and is not a brandlint preview/);
  });

  test("--serve serves on 127.0.0.1 until stopped", async () => {
    const i = io();
    const stop = new AbortController();
    const run = previewCommand(["--serve", "--port", "0", "--out", "served"], i, stop.signal);
    for (let n = 0; n < 200 && !i.err.join("").includes("serving"); n++) await new Promise((r) => setTimeout(r, 50));
    const url = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(i.err.join(""))![1]!;
    const res = await get(url);
    expect(res.status).toBe(200);
    expect(res.body).toContain("hello");
    stop.abort();
    expect(await run).toBe(0);
  });
});

function get(url: string, host?: string): Promise<{ status: number; body: string; type: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, host ? { headers: { Host: host } } : {}, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body, type: String(res.headers["content-type"]) }));
      })
      .on("error", reject);
  });
}

describe("preview server", () => {
  let project: TempProject;
  beforeAll(() => {
    project = tempProject({
      "brand.config.json": JSON.stringify({ brand: { name: "Acme" } }),
      "templates/hello/message.md": "---\nchannels: [sms]\n---\n# Hello\n\nFirst words.\n",
    });
  });
  afterAll(() => project.dispose());

  test("serves the site with live reload, and rebuilds when a template changes", async () => {
    const logs: string[] = [];
    const server = await servePreview({ cwd: project.dir, out: "preview", port: 0 }, (l) => logs.push(l));
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const index = await get(server.url);
      expect(index.type).toBe("text/html; charset=utf-8");
      expect(index.body).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'; connect-src 'self'/);
      expect(index.body).toContain('new EventSource("/__brandlint/events")');
      expect((await get(`${server.url}campaigns/hello.html`)).body).toContain("First words.");
      expect((await get(`${server.url}..%2f..%2fbrand.config.json`)).status).toBeGreaterThanOrEqual(400);
      expect((await get(`${server.url}nope.html`)).status).toBe(404);
      expect((await get(server.url, "evil.example")).status).toBe(403);
      expect((await get(server.url.replace("127.0.0.1", "localhost"))).status).toBe(200);

      // A page listening for events hears "reload" after a template changes.
      const events: string[] = [];
      const req = http.get(`${server.url}__brandlint/events`, (res) => {
        res.setEncoding("utf8");
        res.on("data", (c: string) => events.push(c));
      });
      await new Promise((r) => setTimeout(r, 200));
      const rebuilt = server.nextBuild();
      writeFileSync(path.join(project.dir, "templates", "hello", "message.md"), "---\nchannels: [sms]\n---\n# Hello\n\nSecond words.\n");
      await rebuilt;
      await new Promise((r) => setTimeout(r, 100));
      expect(events.join("")).toContain("event: reload");
      expect((await get(`${server.url}campaigns/hello.html`)).body).toContain("Second words.");
      expect(logs.some((l) => l.startsWith("rebuilt the preview"))).toBe(true);

      // A broken config is reported to the page, and the last good site stays.
      const failed = server.nextBuild();
      writeFileSync(path.join(project.dir, "brand.config.json"), "{ nope");
      await failed;
      await new Promise((r) => setTimeout(r, 100));
      expect(events.join("")).toContain("event: failed");
      expect((await get(`${server.url}campaigns/hello.html`)).body).toContain("Second words.");
      req.destroy();
    } finally {
      await server.close();
    }
  });
});
