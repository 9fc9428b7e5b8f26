/**
 * --fix never damages a file: atomic writes that keep mode, line endings and BOM; no
 * write to a file that could not be parsed; deterministic overlaps; idempotence; a
 * process killed mid-fix leaves the original or the fixed file, never half of one;
 * two concurrent runs do not interleave.
 */
import { spawn, spawnSync, execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { applyFixes } from "../src/fix/apply.js";
import { writeAtomic } from "../src/fix/write.js";
import { lint } from "../src/lint.js";
import { ruleIds } from "../src/rules-index.js";

const repo = path.resolve(import.meta.dirname, "..");
const bin = path.join(repo, "bin/brandlint.js");
// Only tone-words runs here: the other rules have nothing to do with writing files, and
// keeping the runs short lets the kill test spread its kills over a whole run.
const CONFIG = {
  brand: { name: "Acme" },
  tone: { terms: [{ use: "email", instead: ["e-mail"] }, { use: "sign in", instead: ["login"] }] },
  rules: Object.fromEntries(ruleIds().map((id) => [id, id === "tone-words" ? "error" : "off"])),
};
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function project(files: Record<string, string | Buffer>): string {
  const d = mkdtempSync(path.join(os.tmpdir(), "brandlint-fix-"));
  dirs.push(d);
  writeFileSync(path.join(d, "brand.config.json"), JSON.stringify(CONFIG));
  for (const [rel, t] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(d, rel)), { recursive: true });
    writeFileSync(path.join(d, rel), t);
  }
  return d;
}

describe("applyFixes", () => {
  it("resolves overlapping fixes deterministically, whatever their order", () => {
    const fixes = [
      { range: [4, 9] as [number, number], text: "B" },
      { range: [0, 6] as [number, number], text: "A" },
      { range: [10, 12] as [number, number], text: "C" },
    ];
    const a = applyFixes("0123456789ab", fixes);
    const b = applyFixes("0123456789ab", [...fixes].reverse());
    expect(a).toEqual(b);
    expect(a.output).toBe("A6789C");
    expect(a.skipped).toBe(1);
  });
});

describe("--fix writes safely", () => {
  it("keeps CRLF line endings, the BOM and the file mode", async () => {
    const d = project({ "templates/c/sms.txt": Buffer.from("\ufeffCheck your e-mail\r\nthen login\r\n") });
    const file = path.join(d, "templates/c/sms.txt");
    chmodSync(file, 0o640);
    const r = await lint({ cwd: d, fix: true, only: ["tone-words"] });
    expect(r.fixed).toEqual([{ file, fixes: 2 }]);
    expect(readFileSync(file)).toEqual(Buffer.from("\ufeffCheck your email\r\nthen sign in\r\n"));
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(path.dirname(file))).toEqual(["sms.txt"]);
  });

  it("never writes a file it could not parse", async () => {
    const broken = "Check your e-mail {{#if x}}";
    const d = project({ "templates/c/sms.txt": broken });
    const r = await lint({ cwd: d, fix: true, only: ["tone-words"] });
    expect(r.fixed).toEqual([]);
    expect(readFileSync(path.join(d, "templates/c/sms.txt"), "utf8")).toBe(broken);
  });

  it("a second --fix changes nothing", async () => {
    const d = project({ "templates/c/message.md": "---\nsubject: \"Your e-mail\"\n---\nPlease login.\n" });
    const first = await lint({ cwd: d, fix: true, only: ["tone-words"] });
    expect(first.fixed.length).toBe(1);
    const after = readFileSync(path.join(d, "templates/c/message.md"), "utf8");
    expect(after).toBe("---\nsubject: \"Your email\"\n---\nPlease sign in.\n");
    const second = await lint({ cwd: d, fix: true, only: ["tone-words"] });
    expect(second.fixed).toEqual([]);
    expect(readFileSync(path.join(d, "templates/c/message.md"), "utf8")).toBe(after);
  });

  it("a process killed mid-fix leaves each file either untouched or completely fixed", async () => {
    const original = Array.from({ length: 80 }, (_, i) => `Line ${i}: check your e-mail and login`).join("\n") + "\n";
    const fixed = original.replaceAll("e-mail", "email").replaceAll("login", "sign in");
    const d = project(Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`templates/c${i}/whatsapp.txt`, original])));
    const outcomes = new Set<string>();
    // How long a whole run takes here, so the kills spread over all of it.
    const t0 = Date.now();
    execFileSync(process.execPath, [bin, "--fix", "--format", "unix"], { cwd: d, stdio: "ignore" });
    const whole = Date.now() - t0;
    for (let attempt = 0; attempt < 8; attempt++) {
      for (let i = 0; i < 6; i++) writeFileSync(path.join(d, `templates/c${i}/whatsapp.txt`), original);
      const child = spawn(process.execPath, [bin, "--fix", "--format", "unix"], { cwd: d, stdio: "ignore" });
      // Listen for the exit at once: a run may finish before the kill comes.
      const exited = new Promise((r) => child.on("exit", r));
      await new Promise((r) => setTimeout(r, Math.round((whole * (attempt + 1)) / 8)));
      child.kill("SIGKILL");
      await exited;
      for (let i = 0; i < 6; i++) {
        const text = readFileSync(path.join(d, `templates/c${i}/whatsapp.txt`), "utf8");
        expect(text === original || text === fixed, `c${i} after kill at attempt ${attempt} is neither original nor fixed`).toBe(true);
        outcomes.add(text === original ? "original" : "fixed");
      }
    }
    // Temp files and locks of a killed run are beside the file at worst, never in its place,
    // and the next run removes them and is not locked out.
    for (let i = 0; i < 6; i++) for (const f of readdirSync(path.join(d, `templates/c${i}`))) expect(f === "whatsapp.txt" || f.endsWith(".tmp") || f.endsWith("-lock")).toBe(true);
    expect(outcomes.has("original") || outcomes.has("fixed")).toBe(true);
    execFileSync(process.execPath, [bin, "--fix", "--format", "unix"], { cwd: d, stdio: "ignore" });
    for (let i = 0; i < 6; i++) {
      expect(readdirSync(path.join(d, `templates/c${i}`))).toEqual(["whatsapp.txt"]);
      expect(readFileSync(path.join(d, `templates/c${i}/whatsapp.txt`), "utf8")).toBe(fixed);
    }
  }, 300_000);

  it("two concurrent --fix runs do not interleave their writes", async () => {
    const original = Array.from({ length: 80 }, (_, i) => `Line ${i}: your e-mail`).join("\n") + "\n";
    const fixed = original.replaceAll("e-mail", "email");
    const d = project(Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`templates/c${i}/social.txt`, original])));
    const run = () => new Promise<number | null>((resolve) => spawn(process.execPath, [bin, "--fix", "--format", "unix"], { cwd: d, stdio: "ignore" }).on("exit", resolve));
    await Promise.all([run(), run()]);
    for (let i = 0; i < 4; i++) expect(readFileSync(path.join(d, `templates/c${i}/social.txt`), "utf8")).toBe(fixed);
    // And a last run finds nothing left to fix.
    const out = execFileSync(process.execPath, [bin, "--format", "unix"], { cwd: d, encoding: "utf8" });
    expect(out).toBe("");
  }, 120_000);

  it("an editor writing the file in place, in chunks, while --fix runs: no write is lost", async () => {
    const d = project({ "templates/c/sms.txt": "start\n" });
    const file = path.join(d, "templates/c/sms.txt");
    // Each version is written in place (truncate, then three chunks with pauses, as an
    // editor flushing its buffer does); a moment later it must be that version, or that
    // version fixed — never a fix of half of it, nor an older one.
    const writer = `
      const fs = require("node:fs");
      const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
      const file = ${JSON.stringify(file)};
      let lost = 0;
      for (let k = 0; k < 8; k++) {
        const v = "Version " + k + ": check your e-mail\\n" + "x".repeat(2000) + "\\nend of version " + k + "\\n";
        const fd = fs.openSync(file, "r+");
        fs.ftruncateSync(fd, 0);
        const third = Math.ceil(v.length / 3);
        for (let c = 0; c < 3; c++) {
          fs.writeSync(fd, v.slice(c * third, (c + 1) * third), c * third);
          if (c < 2) sleep(200);
        }
        fs.closeSync(fd);
        sleep(1500);
        const now = fs.readFileSync(file, "utf8");
        if (now !== v && now !== v.replace("e-mail", "email")) { lost++; console.log("lost version " + k + ": " + JSON.stringify(now.slice(0, 40)) + " … " + now.length); }
      }
      console.log("done " + lost);
    `;
    const w = spawn(process.execPath, ["-e", writer], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    w.stdout.on("data", (b: Buffer) => (out += b.toString()));
    let running = true;
    const done = new Promise<void>((r) => w.on("exit", () => ((running = false), r())));
    let runs = 0;
    while (running) {
      await new Promise((r) => spawn(process.execPath, [bin, "--fix", "--format", "unix"], { cwd: d, stdio: "ignore" }).on("exit", r));
      runs++;
    }
    await done;
    expect(out).toContain("done ");
    expect(out.trim().split("\n").filter((l) => l.startsWith("lost"))).toEqual([]);
    expect(runs).toBeGreaterThan(3);
  }, 180_000);

  it("stale locks and temp files of a dead run are taken over and removed", async () => {
    const d = project({ "templates/c/sms.txt": "Check your e-mail\n" });
    const dir = path.join(d, "templates/c");
    // A pid that is not running: a finished child's.
    const dead = spawnSync(process.execPath, ["-e", ""]).pid!;
    writeFileSync(path.join(dir, ".sms.txt.brandlint-lock"), JSON.stringify({ pid: dead, started: Date.now() - 1000 }));
    writeFileSync(path.join(dir, `.sms.txt.${dead}.0123abcd.tmp`), "half a fix");
    writeFileSync(path.join(dir, ".sms.txt.brandlint-lock.takeover"), JSON.stringify({ pid: dead, started: Date.now() - 1000 }));
    // A live run's temp file is not touched.
    writeFileSync(path.join(dir, `.sms.txt.${process.pid}.4567cdef.tmp`), "in progress");
    const r = await lint({ cwd: d, fix: true, only: ["tone-words"] });
    expect(r.fixErrors).toEqual([]);
    expect(readFileSync(path.join(dir, "sms.txt"), "utf8")).toBe("Check your email\n");
    expect(readdirSync(dir).sort()).toEqual([`.sms.txt.${process.pid}.4567cdef.tmp`, "sms.txt"]);
  });

  it("a file with a modification time in the future (a skewed clock) is still fixed", () => {
    const d = project({ "templates/c/sms.txt": "Check your e-mail\n" });
    const file = path.join(d, "templates/c/sms.txt");
    const future = new Date(Date.now() + 3600_000);
    utimesSync(file, future, future);
    writeAtomic(file, "Check your email\n", false, "Check your e-mail\n", { root: d });
    expect(readFileSync(file, "utf8")).toBe("Check your email\n");
  });

  it("a lock held by a running brandlint is respected", () => {
    const d = project({ "templates/c/sms.txt": "Check your e-mail\n" });
    const file = path.join(d, "templates/c/sms.txt");
    writeFileSync(path.join(d, "templates/c/.sms.txt.brandlint-lock"), JSON.stringify({ pid: process.pid, started: 1 }));
    expect(() => writeAtomic(file, "Check your email\n", false, "Check your e-mail\n", { root: d })).toThrow(/is being fixed by another brandlint run/);
    expect(readFileSync(file, "utf8")).toBe("Check your e-mail\n");
  });

  it("a symlinked template is fixed through to its target inside the project; one pointing outside is refused", async () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), "brandlint-outside-"));
    dirs.push(outside);
    writeFileSync(path.join(outside, "victim.txt"), "Check your e-mail\n");
    const d = project({ "shared/sms.txt": "Check your e-mail\n", "templates/b/x.txt": "" });
    mkdirSync(path.join(d, "templates/a"), { recursive: true });
    symlinkSync("../../shared/sms.txt", path.join(d, "templates/a/sms.txt"));
    symlinkSync(path.join(outside, "victim.txt"), path.join(d, "templates/b/sms.txt"));
    const r = await lint({ cwd: d, fix: true, only: ["tone-words"] });
    expect(readFileSync(path.join(d, "shared/sms.txt"), "utf8")).toBe("Check your email\n");
    expect(statSync(path.join(d, "templates/a/sms.txt")).isFile()).toBe(true);
    expect(readdirSync(path.join(d, "templates/a"))).toEqual(["sms.txt"]);
    expect(readFileSync(path.join(outside, "victim.txt"), "utf8")).toBe("Check your e-mail\n");
    // The link out of the project is never read, so never fixed: a finding on it says why.
    const b = r.results.find((x) => x.file.path === path.join(d, "templates/b/sms.txt"))!;
    expect(b.messages.map((m) => m.message)).toEqual([`sms.txt is a symbolic link to ${realpathSync(path.join(outside, "victim.txt"))}, outside the project (${d}); brandlint does not read it`]);
    // writeAtomic refuses it too, should anything ask it to write there.
    expect(() => writeAtomic(path.join(d, "templates/b/sms.txt"), "x", false, "Check your e-mail\n", { root: d })).toThrow(/is a symbolic link to a file outside the project/);
    // The links are still links.
    expect(readdirSync(path.join(d, "templates/a"), { withFileTypes: true })[0]!.isSymbolicLink()).toBe(true);
  });

  it("a read-only file is refused with a message; owner and mode are kept", async () => {
    const d = project({ "templates/a/sms.txt": "Check your e-mail\n", "templates/b/sms.txt": "Check your e-mail\n" });
    const ro = path.join(d, "templates/a/sms.txt");
    const rw = path.join(d, "templates/b/sms.txt");
    chmodSync(ro, 0o444);
    chmodSync(rw, 0o666);
    const before = statSync(rw);
    const r = await lint({ cwd: d, fix: true, only: ["tone-words"] });
    expect(readFileSync(ro, "utf8")).toBe("Check your e-mail\n");
    expect(r.fixErrors.join("\n")).toContain(`${ro} is read-only; not fixed`);
    expect(readFileSync(rw, "utf8")).toBe("Check your email\n");
    const after = statSync(rw);
    // 0666 survives the umask; the owner stays (as root, the file is not handed to root).
    expect(after.mode & 0o777).toBe(0o666);
    expect([after.uid, after.gid]).toEqual([before.uid, before.gid]);
    expect(existsSync(rw)).toBe(true);
  });

  it("never rewrites text inside a www. link (or a bare e-mail address) that GFM makes a link", async () => {
    const d = project({
      "templates/c/message.md": "---\nchannels: [email, sms, whatsapp]\n---\nVisit www.acme.example/e-mail/login or write to e-mail.login@acme.example about your e-mail.\n",
      "templates/h/sms.txt": "Visit www.acme.example/e-mail about your e-mail\n",
    });
    const r = await lint({ cwd: d, fix: true, only: ["tone-words"] });
    expect(r.fixErrors).toEqual([]);
    expect(readFileSync(path.join(d, "templates/c/message.md"), "utf8")).toBe("---\nchannels: [email, sms, whatsapp]\n---\nVisit www.acme.example/e-mail/login or write to e-mail.login@acme.example about your email.\n");
    expect(readFileSync(path.join(d, "templates/h/sms.txt"), "utf8")).toBe("Visit www.acme.example/e-mail about your email\n");
    const again = await lint({ cwd: d, only: ["tone-words"] });
    expect(again.results.flatMap((x) => x.messages)).toEqual([]);
  });
});
