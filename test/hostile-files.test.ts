/**
 * Files no template should be, and paths a run should not follow: each is a finding on
 * that file (or exit 2 for the config) and the clean campaign beside it is still linted.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { lint } from "../src/lint.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function project(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), "brandlint-hostile-"));
  dirs.push(d);
  writeFileSync(path.join(d, "brand.config.json"), JSON.stringify({ brand: { name: "Acme" }, tone: { banned: [{ term: "cheap" }] } }));
  mkdirSync(path.join(d, "templates", "good"), { recursive: true });
  writeFileSync(path.join(d, "templates", "good", "sms.txt"), "A cheap trick\n");
  mkdirSync(path.join(d, "templates", "bad"), { recursive: true });
  return d;
}

async function run(d: string, args: string[] = ["--format", "json"]) {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd: d, color: false, env: {} });
  return { code, stdout, stderr };
}

function findings(stdout: string): string[] {
  return (JSON.parse(stdout) as { filePath: string; messages: { line: number; column: number; message: string; ruleId: string }[] }[]).flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line}:${m.column} ${m.ruleId} ${m.message}`));
}

const NOT_REGULAR = "is not a regular file (a FIFO, socket or device); brandlint only reads regular files";

describe("files that are not regular files are findings, never a hang", () => {
  for (const name of ["sms.txt", "message.md", "campaign.json", "push.json"]) {
    it(`a FIFO as ${name}`, async () => {
      const d = project();
      if (name === "campaign.json" || name === "push.json") writeFileSync(path.join(d, "templates", "bad", "social.txt"), "Hello\n");
      execFileSync("mkfifo", [path.join(d, "templates", "bad", name)]);
      const r = await run(d);
      const f = findings(r.stdout);
      expect(f).toContain(`templates/bad/${name}:1:1 parse-error ${name} ${NOT_REGULAR}`);
      expect(f.some((x) => x.startsWith("templates/good/sms.txt:1:3 tone-words"))).toBe(true);
      expect(r.code).toBe(1);
    });
  }

  it("a symlink to /dev/zero or /dev/stdin", async () => {
    const d = project();
    symlinkSync("/dev/zero", path.join(d, "templates", "bad", "sms.txt"));
    symlinkSync("/dev/stdin", path.join(d, "templates", "bad", "whatsapp.txt"));
    const f = findings((await run(d)).stdout);
    expect(f).toContain(`templates/bad/sms.txt:1:1 parse-error sms.txt is a symbolic link to /dev/zero, outside the project (${d}); brandlint does not read it`);
    expect(f.some((x) => x.startsWith("templates/bad/whatsapp.txt:1:1 parse-error whatsapp.txt is a symbolic link to /"))).toBe(true);
  });

  it("a symlink to a file outside the project is refused, its content never shown", async () => {
    const d = project();
    const secret = path.join(mkdtempSync(path.join(os.tmpdir(), "brandlint-secret-")), "passwd");
    dirs.push(path.dirname(secret));
    writeFileSync(secret, "root:x:0:0:TOPSECRET\n");
    symlinkSync(secret, path.join(d, "templates", "bad", "whatsapp.txt"));
    const r = await run(d);
    expect(r.stdout).not.toContain("TOPSECRET");
    expect(findings(r.stdout)).toContain(`templates/bad/whatsapp.txt:1:1 parse-error whatsapp.txt is a symbolic link to ${secret}, outside the project (${d}); brandlint does not read it`);
  });

  it("a symlink to a file inside the project is read", async () => {
    const d = project();
    writeFileSync(path.join(d, "shared.txt"), "So cheap\n");
    symlinkSync(path.join(d, "shared.txt"), path.join(d, "templates", "bad", "sms.txt"));
    expect(findings((await run(d)).stdout)).toContain("templates/bad/sms.txt:1:4 tone-words ‘cheap’ is off-brand");
  });

  it("a FIFO as brand.config.json: exit 2 naming it, no hang", async () => {
    const d = project();
    rmSync(path.join(d, "brand.config.json"));
    execFileSync("mkfifo", [path.join(d, "brand.config.json")]);
    const r = await run(d);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/brand\.config\.json: is not a regular file/);
  });

  it("a FIFO as an mj-include target is a finding at the include", async () => {
    const d = project();
    execFileSync("mkfifo", [path.join(d, "templates", "bad", "part.mjml")]);
    writeFileSync(path.join(d, "templates", "bad", "email.mjml"), '<mjml>\n  <mj-body>\n    <mj-include path="./part.mjml" />\n  </mj-body>\n</mjml>\n');
    const f = findings((await run(d)).stdout);
    expect(f.some((x) => x.startsWith("templates/bad/email.mjml:3:5") && x.includes("mj-include: ./part.mjml cannot be read (it is not a regular file)"))).toBe(true);
  });
});

describe("campaign ids and empty files", () => {
  it("a campaign id that is a path is a campaign-meta error and the folder name is used", async () => {
    const d = project();
    writeFileSync(path.join(d, "templates", "bad", "message.md"), "---\ncampaign: ../../../x\nchannels: [sms]\n---\nHello there.\n");
    const r = await lint({ cwd: d });
    const msgs = r.results.flatMap((x) => x.messages.map((m) => `${path.relative(d, x.file.path)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`));
    expect(msgs).toContain('templates/bad/message.md:2:11 campaign-meta campaign id "../../../x" must be a plain name (no "/", "\\", ".." or control characters): it names the folder brandlint writes this campaign\'s files to; using "bad"');
    expect(r.campaigns.find((c) => c.dir.endsWith("bad"))!.id).toBe("bad");
  });

  it("an empty channel file is a finding, not a pass", async () => {
    const d = project();
    writeFileSync(path.join(d, "templates", "bad", "sms.txt"), "  \n\n");
    const f = findings((await run(d)).stdout);
    expect(f).toContain("templates/bad/sms.txt:1:1 parse-error sms.txt is empty: this campaign would send an empty SMS");
  });
});

describe("what a run is given", () => {
  it("the same campaign twice (a folder, then a file of it) is linted once", async () => {
    const d = project();
    const r = await run(d, ["--format", "json", "templates/good", "templates/good", "templates/good/sms.txt"]);
    expect(r.code).toBe(1);
    expect(findings(r.stdout)).toEqual(["templates/good/sms.txt:1:3 tone-words ‘cheap’ is off-brand"]);
  });

  it("a named file brandlint cannot lint is exit 2 naming it and the files it reads", async () => {
    const d = project();
    writeFileSync(path.join(d, "templates", "good", "notes.html"), "<p>hi</p>\n");
    const r = await run(d, ["templates/good/notes.html"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/templates\/good\/notes\.html is not a file brandlint lints; it reads message\.md, campaign\.json, email\.mjml, sms\.txt/);
    const g = await run(d, ["templates/**/*.html"]);
    expect(g.code).toBe(2);
    expect(g.stderr).toMatch(/notes\.html is not a file brandlint lints/);
  });

  it("each path is linted against the config found upward from it (a monorepo run from its root)", async () => {
    const d = mkdtempSync(path.join(os.tmpdir(), "brandlint-mono-"));
    dirs.push(d);
    for (const [brand, word] of [["a", "cheap"], ["b", "bargain"]] as const) {
      mkdirSync(path.join(d, "packages", brand, "templates", "c"), { recursive: true });
      writeFileSync(path.join(d, "packages", brand, "brand.config.json"), JSON.stringify({ brand: { name: `Brand${brand.toUpperCase()}` }, tone: { banned: [{ term: word }] } }));
      writeFileSync(path.join(d, "packages", brand, "templates", "c", "sms.txt"), "A cheap bargain\n");
    }
    const r = await run(d, ["--format", "json", "packages/a/templates/c/sms.txt", "packages/b/templates/c/sms.txt"]);
    expect(findings(r.stdout)).toEqual(["packages/a/templates/c/sms.txt:1:3 tone-words ‘cheap’ is off-brand", "packages/b/templates/c/sms.txt:1:9 tone-words ‘bargain’ is off-brand"]);
  });

  it("--fix with named files (a hook's staged files) writes only those files", async () => {
    const d = project();
    writeFileSync(path.join(d, "brand.config.json"), JSON.stringify({ brand: { name: "Acme" }, tone: { terms: [{ use: "email", instead: ["e-mail"] }] } }));
    writeFileSync(path.join(d, "templates", "bad", "sms.txt"), "Check your e-mail\n");
    writeFileSync(path.join(d, "templates", "bad", "social.txt"), "Check your e-mail\n");
    const r = await lint({ cwd: d, paths: ["templates/bad/sms.txt"], fix: true, only: ["tone-words"] });
    expect(r.fixed.map((x) => path.relative(d, x.file))).toEqual(["templates/bad/sms.txt"]);
    expect(readFileSync(path.join(d, "templates", "bad", "social.txt"), "utf8")).toBe("Check your e-mail\n");
    // The unstaged sibling's finding is still reported.
    expect(r.results.flatMap((x) => x.messages.map(() => path.relative(d, x.file.path)))).toEqual(["templates/bad/social.txt"]);
  });
});

describe("count limits", () => {
  it("200,000 findings in one file become 1,000 and one summary finding where the limit was passed; the run goes on", async () => {
    const d = project();
    writeFileSync(path.join(d, "templates", "bad", "sms.txt"), "{{x}} ".repeat(200_000));
    const r = await lint({ cwd: d, only: ["template-variables", "tone-words"] });
    const bad = r.results.find((x) => x.file.path.endsWith(path.join("bad", "sms.txt")))!;
    expect(bad.messages).toHaveLength(1001);
    expect(bad.messages[1000]).toMatchObject({ ruleId: "too-many-findings", severity: 2, line: 1, column: 6001 });
    expect(bad.messages[1000]!.message).toBe("brandlint stopped listing findings in this file after 1000: 199000 more from here on (199000 errors; 199000 of them template-variables); fix the ones above first");
    expect(r.results.find((x) => x.file.path.endsWith(path.join("good", "sms.txt")))!.messages.map((m) => m.ruleId)).toEqual(["tone-words"]);
  });
});
