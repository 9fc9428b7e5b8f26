/**
 * `brandlint render --out`: every output path is resolved and refused when it leaves the
 * output folder — the campaign's folder below out/, each file, the manifest — whatever
 * symbolic links the repository commits there (issue 17, "What must work" 2).
 */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RENDER_MANIFEST, RenderOutputError, writeRenderOutput } from "../src/cli/render-out.js";
import { runCli, tempProject } from "./helpers/cli.js";

let base: string;
let outside: string;
beforeEach(() => {
  base = mkdtempSync(path.join(os.tmpdir(), "brandlint-render-out-"));
  outside = path.join(base, "outside");
  mkdirSync(outside);
  writeFileSync(path.join(outside, "email.html"), "precious\n");
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

const FILES = [
  { name: "email.html", text: "<html></html>\n" },
  { name: "sms.txt", text: "Hi\n" },
];
const untouched = () => {
  expect(readdirSync(outside)).toEqual(["email.html"]);
  expect(readFileSync(path.join(outside, "email.html"), "utf8")).toBe("precious\n");
};

describe("render output stays inside the output folder", () => {
  it("a file in the folder that is a link out of it: refused, nothing written", () => {
    const out = path.join(base, "out");
    mkdirSync(out);
    symlinkSync(path.join(outside, "email.html"), path.join(out, "email.html"));
    expect(() => writeRenderOutput(out, out, "c", FILES)).toThrow(RenderOutputError);
    expect(() => writeRenderOutput(out, out, "c", FILES)).toThrow(/email\.html is a symbolic link to .*outside the output folder/);
    untouched();
    expect(readdirSync(out)).toEqual(["email.html"]);
  });

  it("a campaign folder below the output folder that is a link out of it: refused", () => {
    const root = path.join(base, "project", "out");
    mkdirSync(root, { recursive: true });
    symlinkSync(outside, path.join(root, "c"));
    expect(() => writeRenderOutput(root, path.join(root, "c"), "c", FILES, { rootIsReal: true })).toThrow(/out\/c is a symbolic link to .*outside the output folder/);
    untouched();
  });

  it("the default out/ itself a link: refused (the folder --out names may be one)", () => {
    const root = path.join(base, "project");
    mkdirSync(root);
    symlinkSync(outside, path.join(root, "out"));
    const out = path.join(root, "out");
    expect(() => writeRenderOutput(out, path.join(out, "c"), "c", FILES, { rootIsReal: true })).toThrow(/out is a symbolic link to .*outside; brandlint writes render output only into a real folder/);
    untouched();
    writeRenderOutput(out, path.join(out, "c"), "c", FILES);
    expect(readdirSync(path.join(outside, "c")).sort()).toEqual([RENDER_MANIFEST, "email.html", "sms.txt"]);
  });

  it("the manifest a link out of the folder: neither read nor written through", () => {
    const out = path.join(base, "out");
    mkdirSync(out);
    writeFileSync(path.join(outside, "manifest.json"), JSON.stringify({ brandlint: "render", campaign: "x", files: { "notes.txt": "0" } }));
    symlinkSync(path.join(outside, "manifest.json"), path.join(out, RENDER_MANIFEST));
    expect(() => writeRenderOutput(out, out, "c", FILES)).toThrow(/\.brandlint-render\.json is a symbolic link/);
    expect(readdirSync(outside).sort()).toEqual(["email.html", "manifest.json"]);
  });

  it("a path with .. below the output folder: refused; a link that stays inside the folder is followed", () => {
    const root = path.join(base, "project");
    mkdirSync(path.join(root, "out", "shared"), { recursive: true });
    expect(() => writeRenderOutput(path.join(root, "out"), path.join(root, "out", "..", "..", "outside"), "c", FILES)).toThrow(/outside the output folder/);
    symlinkSync(path.join(root, "out", "shared"), path.join(root, "out", "c"));
    writeRenderOutput(path.join(root, "out"), path.join(root, "out", "c"), "c", FILES, { rootIsReal: true });
    expect(readdirSync(path.join(root, "out", "shared")).sort()).toEqual([RENDER_MANIFEST, "email.html", "sms.txt"]);
    expect(lstatSync(path.join(root, "out", "c")).isSymbolicLink()).toBe(true);
    untouched();
  });

  it("a previous render's file that is now a link is neither read nor removed", () => {
    const out = path.join(base, "out");
    writeRenderOutput(out, out, "a", [{ name: "push.json", text: "{}\n" }]);
    rmSync(path.join(out, "push.json"));
    writeFileSync(path.join(outside, "push.json"), "{}\n");
    symlinkSync(path.join(outside, "push.json"), path.join(out, "push.json"));
    const r = writeRenderOutput(out, out, "b", [{ name: "sms.txt", text: "Hi\n" }]);
    expect(r.removed).toEqual([]);
    expect(readFileSync(path.join(outside, "push.json"), "utf8")).toBe("{}\n");
    expect(lstatSync(path.join(out, "push.json")).isSymbolicLink()).toBe(true);
  });
});

describe("render CLI: a committed link under out/", { timeout: 120_000 }, () => {
  it("out/<campaign> linked elsewhere: exit 2 naming it, nothing written there, the hand-written files of the other folder intact", async () => {
    const p = tempProject({
      "brand.config.json": JSON.stringify({ brand: { name: "Acme" } }),
      "templates/victim/sms.txt": "Hand-written, keep me. STOP\n",
      "templates/a/message.md": "---\nchannels: [sms]\n---\nHello.\n",
    });
    try {
      mkdirSync(path.join(p.dir, "out"));
      symlinkSync(path.join(p.dir, "templates", "victim"), path.join(p.dir, "out", "a"));
      const r = await runCli(["render", "templates/a"], p.dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^brandlint: .*out\/a is a symbolic link to .*templates\/victim, outside the output folder .*; nothing written\n$/);
      expect(readdirSync(path.join(p.dir, "templates", "victim"))).toEqual(["sms.txt"]);
      expect(readFileSync(path.join(p.dir, "templates", "victim", "sms.txt"), "utf8")).toBe("Hand-written, keep me. STOP\n");
      // Without the link, the same command writes out/a.
      rmSync(path.join(p.dir, "out", "a"));
      expect((await runCli(["render", "templates/a"], p.dir)).code).toBe(0);
      expect(existsSync(path.join(p.dir, "out", "a", "sms.txt"))).toBe(true);
    } finally {
      p.dispose();
    }
  });
});
