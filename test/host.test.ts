/** The Host: bounded reads that never hang, memory and overlay hosts, recorded reads. */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { REPO_ROOT } from "./helpers/cli.js";
import { DiskHost, globHost, MemoryHost, OverlayHost, readsStillHold, RecordingHost } from "../src/host/index.js";

const dirs: string[] = [];
function tmp(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), "brandlint-host-"));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("DiskHost", () => {
  const disk = new DiskHost();

  it("reads a regular file, refuses one over the limit with its size", () => {
    const d = tmp();
    writeFileSync(path.join(d, "a.txt"), "hello");
    const r = disk.read(path.join(d, "a.txt"), 100);
    expect(r.ok && new TextDecoder().decode(r.bytes)).toBe("hello");
    expect(disk.read(path.join(d, "a.txt"), 3)).toEqual({ ok: false, code: "E2BIG", size: 5 });
    expect(disk.read(path.join(d, "missing.txt"), 3)).toEqual({ ok: false, code: "ENOENT" });
    expect(disk.read(d, 3)).toEqual({ ok: false, code: "EISDIR" });
  });

  it("a FIFO with no writer and a device are refused at once, never read", () => {
    const d = tmp();
    const fifo = path.join(d, "sms.txt");
    execFileSync("mkfifo", [fifo]);
    expect(disk.read(fifo, 1024)).toEqual({ ok: false, code: "ENOTREG" });
    expect(disk.read("/dev/zero", 1024)).toEqual({ ok: false, code: "ENOTREG" });
    symlinkSync("/dev/zero", path.join(d, "push.json"));
    expect(disk.read(path.join(d, "push.json"), 1024)).toEqual({ ok: false, code: "ENOTREG" });
    expect(disk.stat(path.join(d, "push.json"))).toMatchObject({ kind: "other", symlink: true });
  });
});

describe("MemoryHost and OverlayHost", () => {
  it("folders exist where files are below them", () => {
    const m = new MemoryHost([["/p/templates/a/sms.txt", "hi"]]);
    expect(m.list("/p/templates")).toEqual([{ name: "a", kind: "dir" }]);
    expect(m.list("/p/templates/a")).toEqual([{ name: "sms.txt", kind: "file" }]);
    expect(m.stat("/p/templates")).toMatchObject({ kind: "dir" });
    expect(m.read("/p/templates", 10)).toEqual({ ok: false, code: "EISDIR" });
    expect(m.realpath("/p/nothing")).toBeUndefined();
  });

  it("unsaved contents win over the disk and add files to its listings", () => {
    const d = tmp();
    mkdirSync(path.join(d, "c"));
    writeFileSync(path.join(d, "c", "sms.txt"), "on disk");
    writeFileSync(path.join(d, "c", "push.json"), "{}");
    const o = new OverlayHost(new DiskHost(), new MemoryHost([[path.join(d, "c", "sms.txt"), "unsaved"], [path.join(d, "c", "social.txt"), "new"]]));
    const r = o.read(path.join(d, "c", "sms.txt"), 100);
    expect(r.ok && new TextDecoder().decode(r.bytes)).toBe("unsaved");
    expect(o.list(path.join(d, "c"))!.map((e) => e.name)).toEqual(["push.json", "sms.txt", "social.txt"]);
    expect(o.realpath(path.join(d, "c", "social.txt"))).toBe(path.join(d, "c", "social.txt"));
    o.write(path.join(d, "c", "sms.txt"), "fixed", { expected: "unsaved" });
    const again = o.read(path.join(d, "c", "sms.txt"), 100);
    expect(again.ok && new TextDecoder().decode(again.bytes)).toBe("fixed");
  });

  it("globs see unsaved files and walk a symlink loop once", () => {
    const d = tmp();
    mkdirSync(path.join(d, "templates", "a"), { recursive: true });
    writeFileSync(path.join(d, "templates", "a", "sms.txt"), "x");
    symlinkSync(path.join(d, "templates"), path.join(d, "templates", "a", "loop"));
    const o = new OverlayHost(new DiskHost(), new MemoryHost([[path.join(d, "templates", "b", "sms.txt"), "y"]]));
    expect(globHost(o, "templates/**/sms.txt", d).map((p) => path.relative(d, p))).toEqual(["templates/a/sms.txt", "templates/b/sms.txt"]);
  });
});

describe("RecordingHost", () => {
  it("records each read with a digest, per scope, and tells when a read would now differ", () => {
    const m = new MemoryHost([["/p/a.txt", "one"]]);
    const h = new RecordingHost(m);
    const { reads } = h.record(() => {
      h.read("/p/a.txt", 100);
      h.realpath("/p/partial.mjml");
      h.list("/p");
    });
    expect(reads.map((r) => `${r[0]} ${r[1]}`)).toEqual(["read /p/a.txt", "realpath /p/partial.mjml", "list /p"]);
    expect(readsStillHold(m, reads, 100)).toBe(true);
    m.set("/p/partial.mjml", "<mj-text>hi</mj-text>");
    expect(readsStillHold(m, reads, 100)).toBe(false);
    // The run keeps only the paths it read, not every read.
    expect([...h.files]).toEqual(["/p/a.txt"]);
  });

  it("without digests (no cache keeps them) records the paths read and no reads, hashing nothing", () => {
    const m = new MemoryHost([["/p/a.txt", "one"]]);
    const h = new RecordingHost(m, { digests: false });
    const { value, reads } = h.record(() => h.read("/p/a.txt", 100));
    expect(value.ok).toBe(true);
    expect(reads).toEqual([]);
    expect([...h.files]).toEqual(["/p/a.txt"]);
  });
});

describe("mjml is loaded without replacing process.cwd", () => {
  it("loads and renders with process.cwd frozen, and ignores a .mjmlconfig in the working folder", () => {
    const d = tmp();
    writeFileSync(path.join(d, ".mjmlconfig"), JSON.stringify({ packages: ["./evil.js"] }));
    writeFileSync(path.join(d, "evil.js"), 'require("fs").writeFileSync(__dirname + "/PWNED", "x"); module.exports = {};\n');
    // The built module (npm test builds first): a child process runs it as a user's node does.
    const email = path.join(REPO_ROOT, "dist", "src", "render", "email.js");
    const script = `
      Object.defineProperty(process, "cwd", { value: process.cwd, writable: false, configurable: false });
      const { loadMjml, mjmlToHtml } = await import(${JSON.stringify(email)});
      loadMjml();
      const { html } = await mjmlToHtml("<mjml><mj-body><mj-text>Hi</mj-text></mj-body></mjml>");
      console.log(html.includes("Hi") ? "rendered" : "no");
    `;
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: d, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    expect(out.trim()).toBe("rendered");
    expect(() => statSync(path.join(d, "PWNED"))).toThrow();
  });
});
