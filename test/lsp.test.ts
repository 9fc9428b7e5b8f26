/**
 * The language server over stdio (SPEC §10), spoken to by a real LSP client
 * (vscode-jsonrpc + vscode-languageserver-protocol): the built `brandlint lsp --stdio`
 * in throwaway projects, with unsaved buffers that differ from the disk.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DidSaveTextDocumentNotification } from "vscode-languageserver-protocol";
import { lint } from "../src/lint.js";
import { countSms } from "../src/sms/count.js";
import { BIN, REPO_ROOT, runCli, tempProject, type TempProject } from "./helpers/cli.js";
import { applyEdits, LspClient } from "./helpers/lsp-client.js";
import { CLEAN, front, LSP_CONFIG, SPRING } from "./helpers/lsp-fixture.js";

// Line 5 (0-based 4): an off-palette colour at 51–58, a palette colour at 35–42.
const MAIL = '<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text background-color="#0B5FFF" color="#0A5EFF">Our cheap tents</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n';

describe("brandlint lsp --stdio", { timeout: 120_000 }, () => {
  let p: TempProject;
  let client: LspClient;
  const file = (f: string) => path.join(p.dir, f);
  beforeAll(async () => {
    p = tempProject({
      "brand.config.json": JSON.stringify(LSP_CONFIG, null, 2),
      // On disk the campaign is clean: every finding below comes from the unsaved buffer.
      "templates/spring/message.md": CLEAN,
      "templates/namioty/message.md": ["---", "campaign: namioty", "locale: en", "channels: [sms]", "audience: vip", "send: 2026-04-01", "---", "Nowe namioty.", ""].join("\n"),
      "templates/namioty/sms.txt": "Lumen: tanie namioty dla {{firstName}}. Reply STOP to opt out\n",
      "templates/other/message.md": [...front("other"), "# Hi", "", "New tents.", ""].join("\n").replace("channels: [email, sms]", "channels: [email]").replace("audience: newsletter", "audience: families"),
      "notes/README.md": "Our cheap notes, not a campaign.\n",
      "templates/mail/campaign.json": JSON.stringify({ campaign: "mail", locale: "en", channels: ["email"], subject: "Hi" }),
      "templates/mail/email.mjml": MAIL,
    });
    client = new LspClient();
    const init = await client.initialize(p.dir);
    expect(init.capabilities.hoverProvider).toBe(true);
    expect(init.capabilities.codeActionProvider).toMatchObject({ codeActionKinds: expect.arrayContaining(["quickfix", "source.fixAll.brandlint"]) });
  });
  afterAll(() => {
    client?.kill();
    p?.dispose();
  });

  it("publishes a banned word typed into an unsaved message.md at its exact range, then clears it", async () => {
    const f = file("templates/spring/message.md");
    await client.open(f, SPRING);
    const first = await client.diagnostics(f, (x) => x.version === 1);
    const d = first.diagnostics.find((x) => x.code === "tone-words" && String(x.message).includes("cheap"));
    expect(d).toMatchObject({
      range: { start: { line: 10, character: 4 }, end: { line: 10, character: 9 } },
      source: "brandlint",
      severity: 1,
      codeDescription: { href: pathToFileURL(path.resolve("docs/rules/tone-words.md")).href },
    });
    expect(d!.message).toContain("(email, sms)");
    const v = await client.change(f, CLEAN.replace("e-mail", "email"));
    const after = await client.diagnostics(f, (x) => x.version === v);
    expect(after.diagnostics).toEqual([]);
  });

  it("offers the fix, the suggestion and 'disable for this line'; fix all equals --fix", async () => {
    const f = file("templates/spring/message.md");
    await client.change(f, SPRING);
    const line = { start: { line: 10, character: 0 }, end: { line: 10, character: 60 } };
    const actions = await client.codeActions(f, line);
    const titles = actions.map((a) => a.title);
    expect(titles).toContain("Replace with ‘affordable’");
    const suggestion = actions.find((a) => a.title === "Replace with ‘affordable’")!;
    expect(applyEdits(SPRING, suggestion.edit!.changes![pathToFileURL(f).href]!)).toBe(SPRING.replace("cheap", "affordable"));
    const disable = actions.find((a) => a.title === "Disable tone-words for this line")!;
    const disabled = applyEdits(SPRING, disable.edit!.changes![pathToFileURL(f).href]!);
    expect(disabled.split("\n")[10]).toBe("Our cheap tents are here, {{firstName}}. Sign up by e-mail.<!-- brandlint-disable-line tone-words -- <reason> -->");
    // The disable comment works: the buffer with it has no tone-words finding on that line.
    const v = await client.change(f, disabled.replace("<reason>", "quoting a customer"));
    const quiet = await client.diagnostics(f, (x) => x.version === v);
    expect(quiet.diagnostics.filter((x) => x.code === "tone-words")).toEqual([]);
    await client.change(f, SPRING);

    const all = await client.codeActions(f, line, ["source.fixAll"]);
    expect(all.map((a) => a.kind)).toEqual(["source.fixAll.brandlint"]);
    const fixed = applyEdits(SPRING, all[0]!.edit!.changes![pathToFileURL(f).href]!);
    // --fix on the same text on disk, in a copy of the project.
    const copy = tempProject({ "brand.config.json": JSON.stringify(LSP_CONFIG), "templates/spring/message.md": SPRING });
    try {
      await runCli(["templates/spring", "--fix"], copy.dir);
      expect(fixed).toBe(readFileSync(path.join(copy.dir, "templates/spring/message.md"), "utf8"));
      expect(fixed).toContain("Sign up by email.");
    } finally {
      copy.dispose();
    }
    // The server wrote nothing: the file on disk is still the clean one.
    expect(readFileSync(f, "utf8")).toBe(CLEAN);
  });

  it("hover on the SMS paragraph reports countSms's segments, with the worst case", async () => {
    const f = file("templates/spring/message.md");
    const h = await client.hover(f, 10, 20);
    const text = (h!.contents as { value: string }).value;
    // The SMS this paragraph feeds, as the API renders it from the same unsaved text.
    const report = await lint({ cwd: p.dir, paths: ["templates/spring"], files: { "templates/spring/message.md": SPRING } });
    const field = report.campaigns[0]!.variants.find((v) => v.channel === "sms")!.fields.text!;
    expect(field.sample.text).toContain("Our cheap tents are here, Ana.");
    const name = (e: string) => (e === "gsm7" ? "GSM-7" : "UCS-2");
    const sample = countSms(field.sample.text);
    const worst = countSms(field.worst.text);
    expect(worst.units).toBeGreaterThan(sample.units);
    expect(text).toContain(`with sample values: ${name(sample.encoding)}, ${sample.units} `);
    expect(text).toContain(`, ${sample.segments} segment`);
    expect(text).toContain(`every variable at its maxLength: ${name(worst.encoding)}, ${worst.units} `);
    expect(text.split("maxLength: ")[1]).toContain(`, ${worst.segments} segment`);
  });

  it("hover on a variable shows its sample, fallback and maxLength; on a finding its rationale", async () => {
    const f = file("templates/spring/message.md");
    const v = await client.hover(f, 10, 30);
    const text = (v!.contents as { value: string }).value;
    expect(text).toContain("**{{firstName}}**");
    expect(text).toContain("sample: `Ana`");
    expect(text).toContain("fallback: `there`");
    expect(text).toContain("maxLength: 20");
    const w = await client.hover(f, 10, 6);
    expect((w!.contents as { value: string }).value).toMatch(/\*\*tone-words\*\*: \S/);
  });

  it("hover on a colour names the palette colour, or the nearest one and ΔE; disable comments in MJML and text templates", async () => {
    const f = file("templates/mail/email.mjml");
    await client.open(f, MAIL, "xml");
    const d = await client.diagnostics(f);
    expect(d.diagnostics.find((x) => x.code === "brand-colors")?.range).toEqual({ start: { line: 4, character: 51 }, end: { line: 4, character: 58 } });
    const off = (await client.hover(f, 4, 54))!.contents as { value: string };
    expect(off.value).toContain("**#0A5EFF** is not a brand colour; nearest is **primary** #0B5FFF (ΔE00 0.3)");
    const own = (await client.hover(f, 4, 38))!.contents as { value: string };
    expect(own.value).toContain("**#0B5FFF**: the brand colour **primary**");
    const actions = await client.codeActions(f, { start: { line: 4, character: 65 }, end: { line: 4, character: 65 } });
    const disable = actions.find((a) => a.title === "Disable tone-words for this line")!;
    expect(applyEdits(MAIL, disable.edit!.changes![pathToFileURL(f).href]!).split("\n")[4]).toBe('        <mj-text background-color="#0B5FFF" color="#0A5EFF">Our cheap tents</mj-text><!-- brandlint-disable-line tone-words -- <reason> -->');
    const sms = file("templates/namioty/sms.txt");
    const text = "Lumen: cheap namioty. Reply STOP to opt out\n";
    await client.open(sms, text, "plaintext");
    await client.diagnostics(sms, (x) => x.diagnostics.some((y) => y.code === "tone-words"));
    // Hover on hand-written SMS text counts the text customers get (variables at their sample, and at maxLength).
    const smsHover = ((await client.hover(sms, 0, 15))!.contents as { value: string }).value;
    const c = countSms(text);
    expect(smsHover).toContain("**SMS** (hand-written)");
    expect(smsHover).toContain(`with sample values: ${c.encoding === "gsm7" ? "GSM-7" : "UCS-2"}, ${c.units} `);
    const smsActions = await client.codeActions(sms, { start: { line: 0, character: 8 }, end: { line: 0, character: 8 } });
    const smsDisable = smsActions.find((a) => a.title === "Disable tone-words for this line")!;
    expect(applyEdits(text, smsDisable.edit!.changes![pathToFileURL(sms).href]!)).toBe("Lumen: cheap namioty. Reply STOP to opt out{{!-- brandlint-disable-line tone-words -- <reason> --}}\n");
    await client.close(sms);
  });

  it("editing message.md refreshes the open sms.txt of the same campaign", async () => {
    const md = file("templates/namioty/message.md");
    const sms = file("templates/namioty/sms.txt");
    const t0 = performance.now();
    await client.open(sms, readFileSync(sms, "utf8"), "plaintext");
    const before = await client.diagnostics(sms, () => true, t0);
    expect(before.diagnostics.filter((d) => d.code === "tone-words")).toEqual([]);
    const text = readFileSync(md, "utf8");
    await client.open(md, text);
    const since = performance.now();
    await client.change(md, text.replace("locale: en", "locale: pl"));
    const after = await client.diagnostics(sms, (x) => x.diagnostics.some((d) => d.code === "tone-words"), since);
    expect(after.diagnostics.find((d) => d.code === "tone-words")).toMatchObject({ range: { start: { line: 0, character: 7 }, end: { line: 0, character: 12 } } });
  });

  it("a fatigue clash names the other campaign in relatedInformation, and reaches the other open campaign", async () => {
    const f = file("templates/other/message.md");
    const spring = file("templates/spring/message.md");
    const text = readFileSync(f, "utf8");
    const since = performance.now();
    // "other" now goes to the same audience on the same day: spring (open) is the send over the limit.
    await client.open(f, text.replace("audience: families", "audience: newsletter"));
    const d = await client.diagnostics(spring, (x) => x.diagnostics.some((y) => y.code === "send-fatigue"), since);
    const clash = d.diagnostics.find((y) => y.code === "send-fatigue")!;
    expect(clash.range.start.line).toBe(5);
    expect(clash.relatedInformation).toEqual([{ location: { uri: pathToFileURL(f).href, range: { start: { line: 5, character: 6 }, end: { line: 5, character: 16 } } }, message: "other email is sent to newsletter on 2026-03-20" }]);
    // The campaign that caused it is told on its own send line.
    const own = await client.diagnostics(f, (x) => x.diagnostics.some((y) => y.code === "send-fatigue"), since);
    expect(own.diagnostics.find((y) => y.code === "send-fatigue")!.message).toContain("spring");
    // A body edit re-runs only the campaign's own rules: the clash (from the metadata) stays, exactly.
    const v = await client.change(spring, SPRING.replace("Our cheap tents", "Our cheap, cheap tents"));
    const edited = await client.diagnostics(spring, (x) => x.version === v);
    expect(edited.diagnostics.filter((y) => y.code === "send-fatigue")).toEqual([clash]);
    expect(edited.diagnostics.filter((y) => y.code === "tone-words" && String(y.message).includes("cheap"))).toHaveLength(2);
    // A metadata edit runs the project rules again: a day later, no clash.
    const w = await client.change(spring, SPRING.replace("send: 2026-03-20", "send: 2026-03-21"));
    const moved = await client.diagnostics(spring, (x) => x.version === w);
    expect(moved.diagnostics.filter((y) => y.code === "send-fatigue")).toEqual([]);
    await client.change(spring, SPRING);
  });

  it("a broken config gives a diagnostic on the config at its position; fixing it re-lints the open files", async () => {
    const cfg = file("brand.config.json");
    const good = readFileSync(cfg, "utf8");
    await client.open(cfg, good, "json");
    const since = performance.now();
    const bad = good.replace('"maxSegments": 2', '"maxSegments": "two"');
    await client.change(cfg, bad);
    const broken = await client.diagnostics(cfg, (x) => x.diagnostics.length > 0, since);
    const line = bad.split("\n").findIndex((l) => l.includes('"two"'));
    expect(broken.diagnostics[0]).toMatchObject({ source: "brandlint", range: { start: { line } } });
    // The campaign's findings are withdrawn while the config is broken, and come back when it is fixed.
    const spring = file("templates/spring/message.md");
    await client.diagnostics(spring, (x) => x.diagnostics.length === 0, since);
    const since2 = performance.now();
    await client.change(cfg, good);
    await client.diagnostics(cfg, (x) => x.diagnostics.length === 0, since2);
    await client.diagnostics(spring, (x) => x.diagnostics.some((d) => d.code === "tone-words"), since2);
    expect(client.child.exitCode).toBe(null);
  });

  it("a file outside any campaign gets no diagnostics and no popup", async () => {
    const f = file("notes/README.md");
    await client.open(f, readFileSync(f, "utf8"));
    // A campaign file opened after it is answered: so the README was handled (and ignored) before.
    const g = file("templates/namioty/sms.txt");
    await client.close(g);
    await client.open(g, "Lumen: cheap. Reply STOP to opt out\n", "plaintext");
    await client.diagnostics(g, (x) => x.diagnostics.some((d) => d.code === "tone-words"));
    expect(client.published.filter((x) => x.uri === pathToFileURL(f).href)).toEqual([]);
  });

  it("shuts down and exits with 0", async () => {
    expect(await client.shutdown()).toBe(0);
  });
});

describe("brandlint lsp --stdio with run: onSave", { timeout: 120_000 }, () => {
  it("lints on open and on save, not on every change", async () => {
    const p = tempProject({ "brand.config.json": JSON.stringify(LSP_CONFIG), "templates/spring/message.md": CLEAN });
    // As vscode-languageclient starts it.
    const client = new LspClient([process.execPath, BIN, "lsp", "--stdio", `--clientProcessId=${process.pid}`]);
    try {
      await client.initialize(p.dir, { debounce: 0, run: "onSave" });
      const f = path.join(p.dir, "templates/spring/message.md");
      await client.open(f, CLEAN);
      await client.diagnostics(f, (x) => x.version === 1);
      const v = await client.change(f, SPRING);
      await client.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: pathToFileURL(f).href } });
      const saved = await client.diagnostics(f, (x) => x.version === v);
      expect(saved.diagnostics.some((d) => d.code === "tone-words")).toBe(true);
      // One lint for the saved version: the change itself was not linted.
      expect(client.published.filter((x) => x.uri === pathToFileURL(f).href && x.version === v)).toHaveLength(1);
      expect(await client.shutdown()).toBe(0);
    } finally {
      client.kill();
      p.dispose();
    }
  });
});

describe("brandlint lsp arguments", () => {
  it("refuses an unknown argument with one clear message (exit 2)", async () => {
    const r = await runCli(["lsp", "--socket=9000"], REPO_ROOT);
    expect(r).toMatchObject({ code: 2, stdout: "" });
    expect(r.stderr).toBe("brandlint: lsp: unknown argument --socket=9000 (only --stdio is supported; see brandlint lsp --help)\n");
  });
});

describe("brandlint lsp --stdio in a workspace with several brands", { timeout: 120_000 }, () => {
  it("lints each file against the brand.config.json found upward from it", async () => {
    const other = { ...LSP_CONFIG, tone: { banned: [{ term: "tents", suggest: "shelters" }] } };
    const p = tempProject({
      "brands/lumen/brand.config.json": JSON.stringify(LSP_CONFIG),
      "brands/lumen/templates/spring/message.md": SPRING,
      "brands/north/brand.config.json": JSON.stringify(other),
      "brands/north/templates/spring/message.md": SPRING,
    });
    const client = new LspClient();
    try {
      await client.initialize(p.dir);
      const lumen = path.join(p.dir, "brands/lumen/templates/spring/message.md");
      const north = path.join(p.dir, "brands/north/templates/spring/message.md");
      await client.open(lumen, SPRING);
      await client.open(north, SPRING);
      const words = async (f: string) => (await client.diagnostics(f)).diagnostics.filter((d) => d.code === "tone-words").map((d) => String(d.message).split("’")[0]);
      expect(await words(lumen)).toEqual(["‘cheap", "Write ‘email"]);
      expect(await words(north)).toEqual(["‘tents"]);
      expect(await client.shutdown()).toBe(0);
    } finally {
      client.kill();
      p.dispose();
    }
  });
});
