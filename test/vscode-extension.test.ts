/**
 * The VS Code extension package: `scripts/package-vscode.js` (what `npm run
 * package:vscode` runs after the build) makes a .vsix with @vscode/vsce, offline; the
 * test reads its manifest and starts the server packaged in it, alone in a temp folder
 * (no node_modules above it), over stdio.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "./helpers/cli.js";
import { LspClient } from "./helpers/lsp-client.js";
import { LSP_CONFIG, SPRING } from "./helpers/lsp-fixture.js";

interface ZipFile {
  on(event: "entry", cb: (e: { fileName: string }) => void): void;
  on(event: "end" | "error", cb: (e?: Error) => void): void;
  readEntry(): void;
  openReadStream(e: { fileName: string }, cb: (err: Error | null, s: NodeJS.ReadableStream) => void): void;
}
// yauzl is @vscode/vsce's zip reader (a .vsix is a zip).
const yauzl = createRequire(import.meta.url)("yauzl") as { open(file: string, opts: object, cb: (err: Error | null, zip: ZipFile) => void): void };

/** Extracts every entry of a zip into `dir`; returns the entry names. */
function unzip(file: string, dir: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const names: string[] = [];
      zip.on("error", reject);
      zip.on("end", () => resolve(names));
      zip.on("entry", (e) => {
        names.push(e.fileName);
        if (e.fileName.endsWith("/")) return zip.readEntry();
        zip.openReadStream(e, (err2, s) => {
          if (err2) return reject(err2);
          const chunks: Buffer[] = [];
          s.on("data", (c: Buffer) => chunks.push(c));
          s.on("end", () => {
            const out = path.join(dir, e.fileName);
            mkdirSync(path.dirname(out), { recursive: true });
            writeFileSync(out, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

describe("the VS Code extension's .vsix", { timeout: 300_000 }, () => {
  let vsix: string;
  let dir: string;
  let names: string[];
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "brandlint-vsix-"));
    vsix = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, [path.join(REPO_ROOT, "scripts/package-vscode.js"), "--out", path.join(dir, "brandlint.vsix")], { cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 }, (e, stdout, stderr) => (e ? reject(new Error(`${e.message}\n${stderr}`)) : resolve(stdout.trim().split("\n").pop()!))),
    );
    expect(vsix).toBe(path.join(dir, "brandlint.vsix"));
    names = await unzip(vsix, dir);
  }, 300_000);
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  it("has the manifest VS Code reads: activation on brand.config.json, the settings, the client bundle", () => {
    const manifest = JSON.parse(readFileSync(path.join(dir, "extension/package.json"), "utf8")) as {
      main: string;
      activationEvents: string[];
      engines: { vscode: string };
      contributes: { configuration: { properties: Record<string, { default: unknown; enum?: string[] }> } };
    };
    expect(manifest.activationEvents).toEqual(["workspaceContains:**/brand.config.json"]);
    expect(manifest.engines.vscode).toMatch(/^\^1\./);
    const props = manifest.contributes.configuration.properties;
    expect(props["brandlint.enable"]!.default).toBe(true);
    expect(props["brandlint.run"]!.enum).toEqual(["onType", "onSave"]);
    expect(props["brandlint.trace.server"]!.enum).toEqual(["off", "messages", "verbose"]);
    expect(names).toContain("extension/" + manifest.main.replace(/^\.\//, ""));
    expect(names).toContain("extension.vsixmanifest");
    // The build's language data, so the server does not compute it at start-up.
    expect(names).toContain("extension/server/dist/language-data.json");
    expect(readFileSync(path.join(dir, "extension.vsixmanifest"), "utf8")).toContain('Id="brandlint-vscode"');
    // The client bundles vscode-languageclient; only `vscode` comes from the editor.
    const client = readFileSync(path.join(dir, "extension", manifest.main), "utf8");
    expect(client).toContain('require("vscode")');
    expect(client).not.toMatch(/require\("vscode-languageclient/);
    expect(names.some((n) => n.startsWith("extension/src/") || n.startsWith("extension/node_modules/"))).toBe(false);
  });

  it("starts the packaged server alone, which lints (a hand-written MJML email too) and shuts down", async () => {
    const project = path.join(dir, "project");
    mkdirSync(path.join(project, "templates/spring"), { recursive: true });
    mkdirSync(path.join(project, "templates/mail"), { recursive: true });
    writeFileSync(path.join(project, "brand.config.json"), JSON.stringify(LSP_CONFIG));
    writeFileSync(path.join(project, "templates/spring/message.md"), SPRING);
    const mail = path.join(project, "templates/mail/email.mjml");
    writeFileSync(path.join(project, "templates/mail/campaign.json"), JSON.stringify({ campaign: "mail", locale: "en", channels: ["email"], subject: "Hi" }));
    const mjml = '<mjml>\n  <mj-body>\n    <mj-section>\n      <mj-column>\n        <mj-text color="#0A5EFF">Our cheap tents</mj-text>\n      </mj-column>\n    </mj-section>\n  </mj-body>\n</mjml>\n';
    writeFileSync(mail, mjml);
    const client = new LspClient([process.execPath, path.join(dir, "extension/server/bin/brandlint.js"), "lsp", "--stdio"], project);
    try {
      const init = await client.initialize(project);
      expect(init.serverInfo?.name).toBe("brandlint");
      const f = path.join(project, "templates/spring/message.md");
      await client.open(f, SPRING);
      const d = await client.diagnostics(f);
      expect(d.diagnostics.find((x) => x.code === "tone-words")?.range).toEqual({ start: { line: 10, character: 4 }, end: { line: 10, character: 9 } });
      await client.open(mail, mjml, "xml");
      const m = await client.diagnostics(mail);
      expect(m.diagnostics.map((x) => x.code)).toEqual(expect.arrayContaining(["tone-words", "brand-colors"]));
      expect(m.diagnostics.map((x) => x.code)).not.toContain("internal-error");
      expect(await client.shutdown()).toBe(0);
    } finally {
      client.kill();
    }
  });
});
