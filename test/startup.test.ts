/**
 * Start-up (issue 18): the CLI runs from CommonJS chunks (dist/cli/) with V8's code cache of
 * each made at build time, and loads a chunk only when the run needs it; a cache V8 rejects
 * (another Node, a damaged file) falls back to compiling.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: bin/ is plain JavaScript
import { CHUNK_FLAGS, CLI_DIR, CLI_SCRIPT, cacheFileOf, loadCli } from "../bin/load-cli.cjs";
import { HEAP_GROWING_PERCENT } from "../src/cli/main.js";

const root = path.join(import.meta.dirname, "..");
type Cli = { main: (argv: string[], io: object) => Promise<number> };
type Chunk = { file: string; cacheRejected: boolean | undefined };
type Loaded = { cli: Cli; chunks: () => Chunk[]; cacheRejected: boolean | undefined };

async function run(cli: Cli, args: string[], cwd = root): Promise<{ code: number; out: string }> {
  let out = "";
  const code = await cli.main(args, { stdout: (s: string) => (out += s), stderr: () => {}, cwd, color: false, terminal: false, env: {} });
  return { code, out };
}

/** The chunks a run loaded, by name (cli, email, sms, …; esbuild's shared chunks as chunk-*). */
const names = (loaded: Loaded) => loaded.chunks().map((c) => path.relative(CLI_DIR, c.file).replace(/\.js$/, "").replace(/^chunk-.*/, "chunk-*"));

/** The same run through the unsplit ES module bundle (dist/brandlint.mjs: every rule and module in one file). */
async function runUnsplit(args: string[], cwd: string) {
  const { main } = (await import(path.join(root, "dist", "brandlint.mjs"))) as Cli;
  return run({ main }, args, cwd);
}

describe("the CLI's chunks and their code caches", () => {
  it("every chunk has a code cache made by the build for this Node, accepted by V8", async () => {
    const files = readdirSync(CLI_DIR, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".js"));
    expect(files).toContain("cli.js");
    for (const f of files) expect(readFileSync(cacheFileOf(path.join(CLI_DIR, f))).length, f).toBeGreaterThan(1000);
    const loaded = (await loadCli()) as Loaded;
    expect(loaded.cacheRejected).toBe(false);
    expect((await run(loaded.cli, ["--format", "json", "templates/spring-sale"])).code).toBe(1);
    expect(loaded.chunks().filter((c) => c.cacheRejected !== false)).toEqual([]);
  });

  it("the loader sets the heap growth a lint run sets, so caches made by the training run fit", () => {
    expect(CHUNK_FLAGS).toContain(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  });

  it("a V8 flag the user chose is left alone (the caches do not fit it) and the findings are the same", () => {
    const args = [path.join(root, "bin", "brandlint.js"), "--format", "json", "templates/spring-sale"];
    const plain = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8" });
    const chosen = spawnSync(process.execPath, ["--interrupt-budget=67584", ...args], { cwd: root, encoding: "utf8" });
    expect(plain.status).toBe(1);
    expect(chosen.status).toBe(1);
    expect(chosen.stdout).toBe(plain.stdout);
  });

  it("a damaged cache is rejected and the CLI compiles as usual, with the same findings", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "brandlint-cache-"));
    try {
      const bad = path.join(dir, "bad.cache");
      const good = readFileSync(cacheFileOf(CLI_SCRIPT));
      writeFileSync(bad, Buffer.concat([good.subarray(0, 64), Buffer.alloc(4096, 7)]));
      const damaged = (await loadCli({ cacheFile: (f: string) => (f === CLI_SCRIPT ? bad : cacheFileOf(f)) })) as Loaded;
      expect(damaged.cacheRejected).toBe(true);
      const none = (await loadCli({ cache: false })) as Loaded;
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
    for (const f of readdirSync(CLI_DIR, { recursive: true, encoding: "utf8" }).filter((x) => x.endsWith(".js")))
      expect(readFileSync(path.join(CLI_DIR, f), "utf8"), f).not.toContain("textDocument/publishDiagnostics");
    expect(readFileSync(path.join(root, "dist", "brandlint.mjs"), "utf8")).toContain("textDocument/publishDiagnostics");
  });
});

describe("a run loads only the chunks it needs", () => {
  let repo: string;
  beforeAll(() => {
    // One campaign in a repository of its own, sent by SMS only; and the same by email only.
    repo = mkdtempSync(path.join(os.tmpdir(), "brandlint-chunks-"));
    cpSync(path.join(root, "brand.config.json"), path.join(repo, "brand.config.json"));
    const message = readFileSync(path.join(root, "templates", "spring-sale", "message.md"), "utf8");
    expect(message).toContain("channels: [email, sms, push, whatsapp, social]");
    for (const [name, channels] of [
      ["by-sms", "[sms]"],
      ["by-email", "[email]"],
    ] as const) {
      cpSync(path.join(root, "templates", "spring-sale"), path.join(repo, "templates", name), { recursive: true });
      writeFileSync(path.join(repo, "templates", name, "message.md"), message.replace("channels: [email, sms, push, whatsapp, social]", `channels: ${channels}`));
    }
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it("an SMS-only campaign loads neither the email nor the WhatsApp chunk; its findings are the unsplit bundle's", async () => {
    const loaded = (await loadCli()) as Loaded;
    const args = ["--format", "json", "templates/by-sms"];
    const split = await run(loaded.cli, args, repo);
    expect(names(loaded)).toContain("sms");
    expect(names(loaded)).not.toContain("email");
    expect(names(loaded)).not.toContain("whatsapp");
    expect(split.out).toBe((await runUnsplit(args, repo)).out);
    expect(JSON.parse(split.out).length).toBeGreaterThan(0);
  });

  it("an email campaign loads the email chunk and not the SMS one; findings as the unsplit bundle's", async () => {
    const loaded = (await loadCli()) as Loaded;
    const args = ["--format", "json", "templates/by-email"];
    const split = await run(loaded.cli, args, repo);
    expect(names(loaded)).toContain("email");
    expect(names(loaded)).not.toContain("sms");
    expect(split.out).toBe((await runUnsplit(args, repo)).out);
  });

  it("a rule the config turns off is never loaded", async () => {
    const config = JSON.parse(readFileSync(path.join(repo, "brand.config.json"), "utf8")) as { rules?: Record<string, unknown> };
    const off = path.join(repo, "sms-length-off.json");
    writeFileSync(off, JSON.stringify({ ...config, rules: { ...config.rules, "sms-length": "off" } }));
    const loaded = (await loadCli()) as Loaded;
    const args = ["--format", "json", "--config", off, "templates/by-sms"];
    const split = await run(loaded.cli, args, repo);
    expect(names(loaded)).not.toContain("sms");
    expect(split.out).toBe((await runUnsplit(args, repo)).out);
  });

  it("--help and --version load only the core", async () => {
    const loaded = (await loadCli()) as Loaded;
    expect((await run(loaded.cli, ["--version"])).code).toBe(0);
    expect(names(loaded).filter((n) => n !== "cli" && n !== "chunk-*")).toEqual([]);
  });

  it("brandlint rules lists the rules of every chunk without loading them", async () => {
    const loaded = (await loadCli()) as Loaded;
    const { out } = await run(loaded.cli, ["rules", "--format", "json"]);
    const listed = JSON.parse(out) as { id: string; channels: string[] }[];
    expect(listed.find((r) => r.id === "sms-length")).toMatchObject({ channels: ["sms"] });
    expect(listed.find((r) => r.id === "color-contrast")).toMatchObject({ channels: ["email"] });
    expect(names(loaded)).not.toContain("sms");
    expect(names(loaded)).not.toContain("email");
  });
});

describe("lazyRule", () => {
  it("has the metadata without examples and notes, and loads the rule the first time they are read or it checks", async () => {
    const { lazyRule } = await import("../src/rules-index.js");
    const { default: real } = await import("../rules/sms-length.js");
    const { examples: _examples, notes: _notes, ...eager } = real.meta;
    let loads = 0;
    const rule = lazyRule(eager as never, ["examples", "notes"], () => {
      loads++;
      return real as never;
    });
    expect(rule.meta.id).toBe("sms-length");
    expect(rule.meta.messages).toEqual(real.meta.messages);
    expect(loads).toBe(0);
    expect(rule.meta.examples).toBe(real.meta.examples);
    expect(rule.meta.notes).toBe(real.meta.notes);
    expect(loads).toBe(1);
    expect(Object.keys(rule.meta).sort()).toEqual(Object.keys(real.meta).sort());
  });
});
