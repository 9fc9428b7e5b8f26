/**
 * A real editor as the client: Debian's Neovim, headless, opens a campaign file with
 * brandlint's language server configured (test/fixtures/neovim/init.lua) and writes
 * the diagnostics it received; the test checks them. .ci/run installs neovim.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, REPO_ROOT, tempProject, type TempProject } from "./helpers/cli.js";
import { LSP_CONFIG, SPRING } from "./helpers/lsp-fixture.js";

const NVIM = "/usr/bin/nvim";

describe("Neovim as the language client", { timeout: 120_000 }, () => {
  let p: TempProject;
  beforeAll(() => {
    p = tempProject({ "brand.config.json": JSON.stringify(LSP_CONFIG, null, 2), "templates/spring/message.md": SPRING });
  });
  afterAll(() => p?.dispose());

  it("shows the banned word's diagnostic where the server put it", async () => {
    const out = path.join(p.dir, "diagnostics.json");
    const file = path.join(p.dir, "templates/spring/message.md");
    await new Promise<void>((resolve, reject) => {
      execFile(
        NVIM,
        ["--headless", "-n", "-i", "NONE", "-u", path.join(REPO_ROOT, "test/fixtures/neovim/init.lua"), file],
        { cwd: p.dir, timeout: 90_000, env: { ...process.env, HOME: p.dir, XDG_CONFIG_HOME: p.dir, XDG_STATE_HOME: p.dir, XDG_DATA_HOME: p.dir, BRANDLINT_CMD: JSON.stringify([process.execPath, BIN, "lsp", "--stdio"]), BRANDLINT_ROOT: p.dir, BRANDLINT_OUT: out } },
        (error, _stdout, stderr) => (error ? reject(new Error(`nvim failed: ${error.message}\n${stderr}`)) : resolve()),
      );
    });
    const got = JSON.parse(readFileSync(out, "utf8")) as { status: string; diagnostics: { lnum: number; col: number; end_lnum: number; end_col: number; severity: number; message: string; source: string; code: string }[] };
    expect(got.status).toBe("ok");
    const tone = got.diagnostics.filter((d) => d.code === "tone-words");
    expect(tone).toEqual([
      { lnum: 10, col: 4, end_lnum: 10, end_col: 9, severity: 1, source: "brandlint", code: "tone-words", message: "‘cheap’ is off-brand; write ‘affordable’ (Lumen never calls its gear cheap) (email, sms)" },
      { lnum: 10, col: 52, end_lnum: 10, end_col: 58, severity: 1, source: "brandlint", code: "tone-words", message: expect.stringContaining("‘e-mail’") },
    ]);
  });
});
