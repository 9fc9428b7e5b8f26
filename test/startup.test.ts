/**
 * Start-up (issue 18): the CLI runs from dist/brandlint.cjs with V8's code cache made at
 * build time; a cache V8 rejects (another Node, a damaged file) falls back to compiling.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: bin/ is plain JavaScript
import { CLI_CACHE, CLI_SCRIPT, loadCli } from "../bin/load-cli.js";

const root = path.join(import.meta.dirname, "..");
type Cli = { main: (argv: string[], io: object) => Promise<number> };

async function run(cli: Cli, args: string[]): Promise<{ code: number; out: string }> {
  let out = "";
  const code = await cli.main(args, { stdout: (s: string) => (out += s), stderr: () => {}, cwd: root, color: false, terminal: false, env: {} });
  return { code, out };
}

describe("the CLI's code cache", () => {
  it("is made by the build for this Node and accepted by V8", async () => {
    expect(readFileSync(CLI_SCRIPT, "utf8").length).toBeGreaterThan(100_000);
    expect(readFileSync(CLI_CACHE).length).toBeGreaterThan(100_000);
    const { cacheRejected } = (await loadCli()) as { cacheRejected: boolean | undefined };
    expect(cacheRejected).toBe(false);
  });

  it("a damaged cache is rejected and the CLI compiles as usual, with the same findings", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "brandlint-cache-"));
    try {
      const bad = path.join(dir, "bad.cache");
      const good = readFileSync(CLI_CACHE);
      writeFileSync(bad, Buffer.concat([good.subarray(0, 64), Buffer.alloc(4096, 7)]));
      const damaged = (await loadCli({ cacheFile: bad })) as { cli: Cli; cacheRejected: boolean };
      expect(damaged.cacheRejected).toBe(true);
      const none = (await loadCli({ cache: false })) as { cli: Cli; cacheRejected: undefined };
      expect(none.cacheRejected).toBeUndefined();
      const args = ["--format", "json", "templates/spring-sale", "templates/zz-flawed-example"];
      const [a, b] = [await run(damaged.cli, args), await run(none.cli, args)];
      expect(a.code).toBe(1);
      expect(a).toEqual(b);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the CommonJS CLI leaves the language server out (brandlint lsp runs from the ES module bundle)", () => {
    const cjs = readFileSync(CLI_SCRIPT, "utf8");
    expect(cjs).not.toContain("textDocument/publishDiagnostics");
    expect(readFileSync(path.join(root, "dist", "brandlint.mjs"), "utf8")).toContain("textDocument/publishDiagnostics");
  });
});
