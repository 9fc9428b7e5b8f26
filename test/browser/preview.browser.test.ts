/**
 * The preview of the example templates in a real browser: Debian's Chromium driven
 * by playwright-core (never a downloaded browser). Every page opens from file:// with
 * every other request refused and counted; each variant must be visible, the SMS
 * counter must agree with countSms, the Arabic campaign must run right to left, and
 * axe-core must find no serious or critical violation, in the page or in the emails.
 * Screenshots go to test-artifacts/preview/. Skipped where /usr/bin/chromium is missing.
 *
 * BRANDLINT_DOCS_SCREENSHOT=1 also rewrites docs/preview.png (the README's picture).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Frame, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Campaign } from "../../src/campaign/model.js";
import { lint } from "../../src/lint.js";
import { buildPreview, pageNames } from "../../src/preview/build.js";
import { servePreview } from "../../src/preview/serve.js";
import { countSms } from "../../src/sms/count.js";
import { REPO_ROOT } from "../helpers/cli.js";

const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = path.join(REPO_ROOT, "test-artifacts", "preview");
const AXE_SOURCE = () => readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface Problems {
  console: string[];
  failed: string[];
  outside: string[];
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

describe.skipIf(!existsSync(CHROMIUM))("the preview in Chromium", { timeout: 240_000 }, () => {
  let browser: Browser;
  let out: string;
  let campaigns: Campaign[];
  const pageFile = new Map<string, string>();

  beforeAll(async () => {
    out = mkdtempSync(path.join(os.tmpdir(), "brandlint-preview-browser-"));
    const [report] = await Promise.all([lint({ cwd: REPO_ROOT, paths: ["templates"] }), buildPreview({ cwd: REPO_ROOT, paths: ["templates"], out })]);
    campaigns = report.campaigns;
    const names = pageNames(campaigns.map((c) => c.id));
    campaigns.forEach((c, i) => pageFile.set(c.id, path.join(out, "campaigns", names[i]!)));
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });
  afterAll(async () => {
    await browser?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  /**
   * Opens a page of the preview (a file, or a URL on the `allow` origin) and runs `fn`
   * on it. Any other request is refused and counted, as are console errors, warnings
   * and failed requests; the context is closed afterwards.
   */
  async function withPage<T>(target: string, fn: (page: Page, problems: Problems) => Promise<T>, opts: { width?: number; allow?: string } = {}): Promise<T> {
    const context = await browser.newContext({ viewport: { width: opts.width ?? 1280, height: 900 }, offline: !opts.allow });
    const problems: Problems = { console: [], failed: [], outside: [] };
    await context.route(
      (url) => url.protocol !== "file:" && url.origin !== opts.allow,
      (route) => {
        problems.outside.push(route.request().url());
        return route.abort();
      },
    );
    context.on("page", (page) => {
      page.on("console", (m) => {
        if (m.type() === "error" || m.type() === "warning") problems.console.push(`${m.type()}: ${m.text()}`);
      });
      page.on("pageerror", (e) => problems.console.push(`pageerror: ${e.message}`));
      page.on("requestfailed", (r) => problems.failed.push(`${r.url()} (${r.failure()?.errorText ?? "failed"})`));
    });
    try {
      const page = await context.newPage();
      await page.goto(opts.allow ? target : pathToFileURL(target).href, { waitUntil: "load" });
      return await fn(page, problems);
    } finally {
      await context.close();
    }
  }

  const clean: Problems = { console: [], failed: [], outside: [] };

  /** axe-core's serious and critical violations in a frame. */
  async function axeViolations(frame: Frame): Promise<string[]> {
    await frame.evaluate(AXE_SOURCE());
    const result = (await frame.evaluate("axe.run(document, { iframes: false, resultTypes: ['violations'] })")) as { violations: AxeViolation[] };
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`);
  }

  async function computed(frame: Page | Frame, selector: string, prop: string): Promise<string> {
    return (await frame.evaluate(`getComputedStyle(document.querySelector(${JSON.stringify(selector)})).${prop}`)) as string;
  }

  test("the index lists every campaign and links to its page", async () => {
    await withPage(path.join(out, "index.html"), async (page, problems) => {
      for (const c of campaigns) expect(await page.locator("table.campaigns a", { hasText: c.id }).isVisible(), c.id).toBe(true);
      await page.screenshot({ path: path.join(ARTIFACTS, "index.png"), fullPage: true });
      expect(await axeViolations(page.mainFrame())).toEqual([]);
      const first = campaigns[0]!;
      await page.locator("table.campaigns a", { hasText: first.id }).click();
      await page.waitForURL(pathToFileURL(pageFile.get(first.id)!).href);
      expect(await page.locator("h1").innerText()).toBe(first.id);
      expect(problems).toEqual(clean);
    });
  });

  test("every campaign page shows each variant, with no console error, failed or outside request", async () => {
    for (const c of campaigns) {
      await withPage(pageFile.get(c.id)!, async (page, problems) => {
        for (const v of c.variants) {
          const card = page.locator(`article[data-channel="${v.channel}"]`);
          expect(await card.isVisible(), `${c.id} ${v.channel}`).toBe(true);
          const box = await card.locator(".preview").boundingBox();
          expect(box && box.width > 100 && box.height > 50, `${c.id} ${v.channel} has room`).toBe(true);
        }
        if (c.variants.some((v) => v.channel === "email")) {
          const frames = page.locator("article[data-channel=email] iframe");
          expect(await frames.count()).toBe(2);
          const widths = await Promise.all([0, 1].map(async (i) => Math.round((await frames.nth(i).boundingBox())!.width)));
          expect(widths[0]).toBeGreaterThanOrEqual(600);
          expect(widths[1]).toBeGreaterThanOrEqual(375);
          expect(widths[1]).toBeLessThanOrEqual(377);
          for (let i = 0; i < 2; i++) {
            const body = frames.nth(i).contentFrame().locator("body");
            expect((await body.innerText()).trim().length, `${c.id} email frame ${i}`).toBeGreaterThan(20);
          }
        }
        await page.screenshot({ path: path.join(ARTIFACTS, `${c.id}.png`), fullPage: true });
        expect(problems, c.id).toEqual(clean);
      });
    }
  });

  test("the SMS counter shows what countSms counts, for the text and its worst case", async () => {
    let checked = 0;
    for (const c of campaigns) {
      const sms = c.variants.find((v) => v.channel === "sms");
      if (!sms) continue;
      await withPage(pageFile.get(c.id)!, async (page) => {
        const read = async (kind: string) => {
          const dl = page.locator(`article[data-channel=sms] dl.counter.${kind}`);
          expect(await dl.isVisible()).toBe(true);
          const field = (name: string) => dl.locator(`[data-field=${name}]`).innerText();
          const enc = await field("encoding");
          return { encoding: enc === "GSM-7" ? "gsm7" : enc === "UCS-2" ? "ucs2" : enc, units: Number(await field("units")), segments: Number(await field("segments")) };
        };
        expect(await read("sample"), c.id).toEqual(countSms(sms.fields.text!.sample.text));
        const worst = sms.fields.text!.worst.text;
        if (worst !== sms.fields.text!.sample.text) expect(await read("worst"), `${c.id} worst case`).toEqual(countSms(worst));
        // The bubble shows the text as sent (segment dividers aside).
        const bubble = await page.locator("article[data-channel=sms] .thread .bubble").innerText();
        expect(bubble.replace(/\s*segment \d+\s*/g, "").replace(/\s+/g, "")).toBe(sms.fields.text!.sample.text.replace(/\s+/g, ""));
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(2);
  });

  test("the Arabic campaign runs right to left, in the page and in the email", async () => {
    const ar = campaigns.find((c) => c.meta.locale.startsWith("ar"))!;
    expect(ar).toBeDefined();
    await withPage(pageFile.get(ar.id)!, async (page) => {
      expect(await computed(page, "section.variants", "direction")).toBe("rtl");
      for (const v of ar.variants) expect(await computed(page, `article[data-channel="${v.channel}"] .preview`, "direction"), v.channel).toBe("rtl");
      const frame = page.frames().find((f) => f !== page.mainFrame())!;
      expect(await computed(frame, "body > div", "direction")).toBe("rtl");
    });
    // And a left-to-right campaign does not.
    const en = campaigns.find((c) => c.meta.locale === "en")!;
    await withPage(pageFile.get(en.id)!, async (page) => expect(await computed(page, "section.variants", "direction")).toBe("ltr"));
  });

  test("findings are highlighted inside the variants, on the page and in the email", async () => {
    await withPage(pageFile.get("zz-flawed-example")!, async (page) => {
      for (const channel of ["sms", "push", "whatsapp", "social"]) {
        expect(await page.locator(`article[data-channel=${channel}] .preview mark`).first().isVisible(), channel).toBe(true);
        expect(await computed(page, `article[data-channel=${channel}] .preview mark`, "backgroundColor")).not.toBe("rgba(0, 0, 0, 0)");
      }
      const inEmail = page.locator("article[data-channel=email] iframe").first().contentFrame().locator("mark.bl-mark").first();
      expect(await inEmail.isVisible()).toBe(true);
      const target = (await page.locator("article[data-channel=sms] .findings a[href^='#sms-']").first().getAttribute("href"))!;
      expect(await page.locator(target).count()).toBe(1);
      const source = page.locator("article[data-channel=sms] .findings a[href^='vscode://file/']").first();
      expect(await source.getAttribute("href")).toMatch(/^vscode:\/\/file\/.+\/templates\/zz-flawed-example\/message\.md:\d+:\d+$/);
    });
  });

  test("axe-core finds no serious or critical violation on any page or in any email", async () => {
    for (const c of campaigns) {
      await withPage(pageFile.get(c.id)!, async (page, problems) => {
        expect(await axeViolations(page.mainFrame()), c.id).toEqual([]);
        // The email's own document, opened on its own: its sandbox (rightly) stops axe inside the frame.
        // A campaign without an email (zz-flawed-channels) has no email frame.
        const frame = page.locator("article[data-channel=email] iframe").first();
        const srcdoc = (await frame.count()) ? await frame.getAttribute("srcdoc") : null;
        if (srcdoc) {
          const email = await page.context().newPage();
          await email.setContent(srcdoc, { waitUntil: "load" });
          const violations = await axeViolations(email.mainFrame());
          // The deliberately flawed examples each plant one low-contrast text; axe must see exactly what
          // brandlint's color-contrast rule reports there, and nothing else anywhere.
          if (c.id.startsWith("zz-flawed-")) expect(violations, `${c.id} email`).toEqual([expect.stringMatching(/^serious color-contrast: /)]);
          else expect(violations, `${c.id} email`).toEqual([]);
        }
        expect(problems, c.id).toEqual(clean);
      });
    }
  });

  test("a campaign page is usable at a phone's width", async () => {
    const id = campaigns[0]!.id;
    await withPage(
      pageFile.get(id)!,
      async (page, problems) => {
        const overflow = (await page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")) as number;
        expect(overflow).toBeLessThanOrEqual(1);
        await page.screenshot({ path: path.join(ARTIFACTS, `${id}-mobile.png`), fullPage: true });
        expect(problems).toEqual(clean);
      },
      { width: 390 },
    );
  });

  test("--serve reloads the open page when a template changes, within its own policy", async () => {
    const project = mkdtempSync(path.join(os.tmpdir(), "brandlint-serve-"));
    cpSync(path.join(REPO_ROOT, "brand.config.json"), path.join(project, "brand.config.json"));
    cpSync(path.join(REPO_ROOT, "templates", "spring-sale"), path.join(project, "templates", "spring-sale"), { recursive: true });
    const server = await servePreview({ cwd: project, out: "preview", port: 0 }, () => {});
    const origin = new URL(server.url).origin;
    try {
      await withPage(
        `${server.url}campaigns/spring-sale.html`,
        async (page, problems) => {
          expect(await page.locator("h1").innerText()).toBe("spring-sale");
          const file = path.join(project, "templates", "spring-sale", "message.md");
          // Give the page's EventSource a moment to connect, then change the template.
          await page.waitForTimeout(300);
          const reloaded = page.waitForEvent("load");
          writeFileSync(file, readFileSync(file, "utf8").replace("Trail shoes", "Trail boots"));
          await reloaded;
          expect(await page.locator("article[data-channel=whatsapp] .bubble").innerText()).toContain("Trail boots");
          // The only request that ends early is the event stream the reload closes.
          const failed = problems.failed.filter((f) => f !== `${origin}/__brandlint/events (net::ERR_ABORTED)`);
          expect({ ...problems, failed }).toEqual(clean);
        },
        { allow: origin },
      );
    } finally {
      await server.close();
      rmSync(project, { recursive: true, force: true });
    }
  });

  test.runIf(process.env.BRANDLINT_DOCS_SCREENSHOT === "1")("writes docs/preview.png for the README", async () => {
    await withPage(pageFile.get("spring-sale")!, (page) => page.screenshot({ path: path.join(REPO_ROOT, "docs", "preview.png"), fullPage: true }));
  });
});
