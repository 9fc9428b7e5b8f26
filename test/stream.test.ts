import path from "node:path";
import os from "node:os";
import { describe, expect, it } from "vitest";
import { lint, type LintOptions } from "../src/lint.js";
import { ruleInfos } from "../src/cli/main.js";
import { FORMAT_STREAMS, FORMATTERS, type FormatContext } from "../src/report/index.js";
import type { FileResult } from "../src/engine/linter.js";

const cwd = path.join(os.tmpdir(), "brandlint-stream-nowhere", String(process.pid));

/**
 * A project where folder order and the report's order differ (upper case sorts after lower
 * case in folder order, not in the report), with send-fatigue clashes (project scope), tone
 * findings, a campaign with an inline suppression, and SMS findings on the config itself.
 */
function project(folder: string, n: number): Record<string, string> {
  const files: Record<string, string> = {
    "brand.config.json": JSON.stringify({
      brand: { name: "Acme" },
      fatigue: { maxPerDay: 1 },
      tone: { banned: [{ term: "cheap" }], terms: [{ use: "e-mail", instead: ["email"] }] },
      channels: { sms: { requireOptOut: true, optOut: { default: "Reply STOP to opt out", pl: "Odpowiedz STOP, aby zrezygnować" } } },
    }),
  };
  for (let i = 0; i < n; i++) {
    const name = `${i % 4 === 1 ? "C" : "c"}${String(i).padStart(2, "0")}`;
    const body =
      i % 3 === 0
        ? "Cheap gear for spring."
        : i % 5 === 0
          ? "<!-- brandlint-disable-next-line tone-words -- a quote from a customer -->\nCheap, they said.\n\n<!-- brandlint-disable-next-line tone-words -- nothing here -->\nFresh gear.\n"
          : "Fresh gear for spring: boots, jackets and tents for the whole family, in every store this week.";
    files[`${folder}/${name}/message.md`] = `---\ncampaign: ${name}\nlocale: pl\nchannels: [email, sms]\naudience: all\nsend: 2026-05-0${1 + (i % 3)}\n---\n${body}\n`;
    if (i % 6 === 2) files[`${folder}/${name}/sms.txt`] = "Cheap deals today";
  }
  return files;
}

function ctxFor(report: { config: { dir: string }; rules: Parameters<typeof ruleInfos>[0] }): FormatContext {
  return { cwd, root: report.config.dir, color: false, rules: ruleInfos(report.rules), version: "test" };
}

/** A run whose results are streamed into `format`; returns its text and what happened when. */
async function streamed(format: string, opts: LintOptions) {
  const events: string[] = [];
  let text = "";
  let stream: ReturnType<(typeof FORMAT_STREAMS)[string]> | undefined;
  const report = await lint({
    ...opts,
    onProgress: (done) => events.push(`linted ${done}`),
    stream: (run) => {
      const s = (stream = FORMAT_STREAMS[format]!(ctxFor(run)));
      return {
        item: (r: FileResult) => {
          events.push(`item ${path.relative(cwd, r.file.path)}`);
          return s.item(r);
        },
        write: (item: unknown) => {
          text += s.write(item);
        },
        flush: () => events.push(`flush ${text.length}`),
      };
    },
  });
  for (const p of stream!.end()) text += p;
  return { report, text, events };
}

describe("results streamed to the formatter", () => {
  const files = project("templates", 14);
  const opts: LintOptions = { cwd, files, disk: false, keepTexts: false, keepCampaigns: false };

  it("every format writes exactly the text it writes from the whole report", async () => {
    const whole = await lint(opts);
    const kinds = new Set(whole.results.flatMap((r) => r.messages.map((m) => m.ruleId)));
    // The fixture holds what must land in the right place: project findings, the config's own findings, a suppression.
    for (const rule of ["send-fatigue", "tone-words", "sms-length", "unused-suppression"]) expect([...kinds], rule).toContain(rule);
    expect(whole.results.some((r) => r.file.path.endsWith("brand.config.json") && r.messages.length)).toBe(true);
    // Folder order is not the report's order here.
    const order = whole.results.map((r) => path.relative(cwd, path.dirname(r.file.path)));
    expect(order.filter((d) => d.startsWith("templates/"))).not.toEqual([...order.filter((d) => d.startsWith("templates/"))].sort());
    for (const format of Object.keys(FORMATTERS)) {
      const s = await streamed(format, opts);
      expect(s.report.results, format).toEqual([]);
      expect(s.text, format).toBe(FORMATTERS[format]!(whole.results, ctxFor(whole)));
    }
  });

  it("the formatter gets each campaign's files as soon as the campaign is done, before later campaigns are linted", async () => {
    const { events } = await streamed("json", opts);
    const firstItem = events.findIndex((e) => e.startsWith("item templates/"));
    // Folders are linted in code-unit order: C01 first.
    expect(events.slice(0, firstItem + 1)).toEqual(["linted 1", expect.stringMatching(/^item templates\/C01\//)]);
    expect(events.indexOf("linted 2")).toBeGreaterThan(firstItem);
    // The config is reported on by campaigns still to come, and it sorts first: nothing is written before the end.
    expect(events.filter((e) => e.startsWith("flush")).every((e, i, all) => i === all.length - 1 || e === "flush 0")).toBe(true);
  });

  it("writes a campaign's part of the report before later campaigns are linted when nothing still open sorts before it", async () => {
    // Campaigns in a folder that sorts before brand.config.json: the config no longer holds them back.
    const early = project("app", 8);
    const { events, text } = await streamed("json", { ...opts, files: early, paths: ["app"] });
    const firstWrite = events.findIndex((e) => /^flush [1-9]/.test(e));
    // C01 and C05 are linted first (folder order) but are reported after c00…c04: the first write waits for c00 only.
    expect(firstWrite).toBeGreaterThan(events.indexOf("linted 3"));
    expect(firstWrite).toBeLessThan(events.indexOf("linted 4"));
    const whole = await lint({ ...opts, files: early, paths: ["app"] });
    expect(text).toBe(FORMATTERS.json!(whole.results, ctxFor(whole)));
  });

  it("--fix and several configs give their results through the stream at the end, the same as the report", async () => {
    const whole = await lint({ ...opts, fix: true });
    const s = await streamed("unix", { ...opts, fix: true });
    expect(s.text).toBe(FORMATTERS.unix!(whole.results, ctxFor(whole)));
    expect(s.text).toContain("send-fatigue");
  });
});
