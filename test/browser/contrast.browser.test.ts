/**
 * brandlint's contrast against axe-core's, in a real browser: Debian's Chromium driven by
 * playwright-core. Each email — the hand-written HTML example in templates/ and each
 * contrast reproduction of real MJML templates (CSS mjml inlines, plain <mj-style> rules,
 * a hidden preheader, a punctuation separator, a link whose text is a variable) — is
 * rendered as the inbox gets it (mjml's own HTML for MJML), axe-core's color-contrast
 * rule runs on it, and the elements it flags, with their ratios, must be exactly the
 * texts brandlint's color-contrast rule finds too low. Skipped where /usr/bin/chromium is
 * missing.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { lowContrast, variantTextRuns } from "../../src/email/contrast.js";
import { lint } from "../../src/lint.js";
import { mjmlToHtml } from "../../src/render/email.js";
import type { MjmlDoc } from "../../src/render/mjml-doc.js";
import { REPO_ROOT } from "../helpers/cli.js";
import { writeCase } from "../helpers/rule-tester.js";

const CHROMIUM = "/usr/bin/chromium";
const AXE_SOURCE = () => readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const FIXTURES = path.join(REPO_ROOT, "test", "fixtures", "real-templates");

interface Flagged {
  text: string;
  ratio: number;
}

const norm = (s: string) => s.replace(/\s+/g, " ").trim();
const byText = (a: Flagged, b: Flagged) => a.text.localeCompare(b.text) || a.ratio - b.ratio;

/** What brandlint finds too low in a campaign's email, and the HTML the inbox gets. */
async function brandlintSide(dir: string): Promise<{ html: string; flagged: Flagged[]; findings: number[] }> {
  const report = await lint({ cwd: dir, only: ["color-contrast"] });
  const variant = report.campaigns.flatMap((c) => c.variants).find((v) => v.channel === "email")!;
  const email = variantTextRuns(variant.extra, variant.origin === "handwritten")!;
  const flagged = lowContrast(email.runs, { level: "AA", largeTextPx: 24 }).map((l) => ({ text: norm(l.run.text.text), ratio: l.ratio }));
  const findings = report.results.flatMap((r) => r.messages).map((m) => Number(/contrast (\d+\.\d+):1/.exec(m.message)?.[1]));
  const doc: MjmlDoc = email.doc;
  const html = doc.kind === "html" ? doc.source.text : (await mjmlToHtml(doc.source.text)).html;
  return { html, flagged: flagged.sort(byText), findings };
}

describe.skipIf(!existsSync(CHROMIUM))("color-contrast agrees with axe-core in Chromium", { timeout: 240_000 }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** axe-core's color-contrast violations in the page: each element's own text and its ratio. */
  async function axeSide(html: string): Promise<Flagged[]> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, offline: true });
    try {
      await context.route((url) => url.protocol !== "about:" && url.protocol !== "data:", (route) => route.abort());
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: "load" });
      await page.evaluate(AXE_SOURCE());
      return (await page.evaluate(`(async () => {
        const r = await axe.run(document, { runOnly: ["color-contrast"], resultTypes: ["violations"] });
        return r.violations.flatMap((v) => v.nodes.map((n) => {
          const el = document.querySelector(n.target[0]);
          const own = el ? [...el.childNodes].filter((c) => c.nodeType === 3).map((c) => c.data).join("") : "";
          return { text: own.replace(/\\s+/g, " ").trim(), ratio: n.any[0].data.contrastRatio };
        }));
      })()`)) as Flagged[];
    } finally {
      await context.close();
    }
  }

  const cases: { name: string; files: Record<string, string>; flagged: number }[] = [
    { name: "the hand-written HTML email example (templates/zz-flawed-html)", files: { "email.html": readFileSync(path.join(REPO_ROOT, "templates", "zz-flawed-html", "email.html"), "utf8") }, flagged: 2 },
    ...["contrast-inline-inherit", "contrast-preheader", "contrast-footer-link", "contrast-punctuation", "contrast-variable-link"].map((n) => ({
      name: `${n}.mjml`,
      files: { "email.mjml": readFileSync(path.join(FIXTURES, `${n}.mjml`), "utf8") },
      flagged: n === "contrast-footer-link" || n === "contrast-variable-link" ? 1 : 0,
    })),
  ];

  for (const c of cases) {
    test(c.name, async () => {
      const dir = writeCase({ files: c.files });
      const ours = await brandlintSide(dir);
      const axe = (await axeSide(ours.html)).sort(byText);
      expect(ours.flagged.length, "the case plants what it says").toBe(c.flagged);
      expect(ours.flagged.map((f) => f.text)).toEqual(axe.map((f) => f.text));
      ours.flagged.forEach((f, i) => expect(Math.abs(f.ratio - axe[i]!.ratio), `${f.text}: ${f.ratio} vs axe ${axe[i]!.ratio}`).toBeLessThanOrEqual(0.01));
      // Every finding's ratio (rounded down) is one axe reports.
      for (const r of ours.findings) expect(axe.some((a) => Math.abs(a.ratio - r) <= 0.01)).toBe(true);
    });
  }
});
