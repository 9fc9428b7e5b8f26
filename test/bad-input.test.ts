/**
 * The bad-input matrix: every malformed thing a team can commit gets a clear message
 * with its file and position, no stack trace, the right exit code — and the other
 * campaigns are still linted.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, runCli, tempProject } from "./helpers/cli.js";
import { main } from "../src/cli/main.js";

const GOOD_CONFIG = { brand: { name: "Acme" }, tone: { banned: [{ term: "cheap" }] }, offers: [{ code: "SPRING20", discount: "20%", starts: "2026-03-01", ends: "2026-03-31" }] };

interface Case {
  name: string;
  /** Files relative to the project root; Buffers are written as bytes. */
  files?: Record<string, string | Buffer>;
  config?: string | Buffer;
  args?: string[];
  setup?: (dir: string) => void;
  exit: 0 | 1 | 2;
  /** Text the output (stdout for exit 0/1 JSON, stderr for 2) must contain. */
  says: (string | RegExp)[];
  /** file:line:col that must carry a finding, relative to the project (exit 1 cases). */
  at?: string;
}

const mjml = (inner: string) => `<mjml><mj-body><mj-section><mj-column>\n${inner}\n</mj-column></mj-section></mj-body></mjml>\n`;

const CASES: Case[] = [
  // --- config ---
  { name: "config: invalid JSON", config: '{\n  "brand": { "name": "Acme" }\n  "colors": {}\n}\n', exit: 2, says: [/brand\.config\.json:3:3: invalid JSON: expected "," between items/] },
  { name: "config: BOM is accepted", config: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(GOOD_CONFIG))]), exit: 1, says: ["cheap"] },
  { name: "config: empty file", config: "", exit: 2, says: [/brand\.config\.json:1:1: .*empty/] },
  { name: "config: whitespace only", config: "  \n\n", exit: 2, says: [/brand\.config\.json:\d+:\d+: .*(empty|expected)/] },
  { name: "config: wrong types", config: '{\n  "brand": { "name": "Acme" },\n  "channels": { "sms": { "maxSegments": "two" } }\n}\n', exit: 2, says: [/brand\.config\.json:3:\d+: channels\.sms\.maxSegments must be a whole number, not the text "two"/] },
  { name: "config: unknown key with suggestion", config: '{\n  "brand": { "name": "Acme" },\n  "colours": {}\n}\n', exit: 2, says: ['brand.config.json:3:3: unknown key "colours" — did you mean "colors"?'] },
  { name: "config: missing brand", config: "{}", exit: 2, says: [/brand\.config\.json:1:1: .*missing .*"brand"/] },
  { name: "config: an array, not an object", config: "[1, 2]", exit: 2, says: [/brand\.config\.json:1:1: .*must be an object/] },
  { name: "config: NUL bytes", config: Buffer.from('{"brand":{"name":"A\u0000"}}'), exit: 2, says: [/brand\.config\.json:1:1: .*NUL/] },
  { name: "config: comments are not JSON", config: '{\n  // the brand\n  "brand": { "name": "Acme" }\n}\n', exit: 2, says: [/brand\.config\.json:2:3: invalid JSON: comments are not allowed/] },
  { name: "config: bad rule options", config: JSON.stringify({ brand: { name: "Acme" }, rules: { "tone-words": ["error", { locale: true }] } }, null, 2), exit: 2, says: [/unknown key "locale" in the options of rule tone-words/] },
  { name: "config: unknown rule", config: JSON.stringify({ brand: { name: "Acme" }, rules: { "tone-word": "error" } }, null, 2), exit: 2, says: [/unknown rule "tone-word" — did you mean "tone-words"\?/] },
  { name: "config: impossible date", config: JSON.stringify({ brand: { name: "Acme" }, offers: [{ code: "X1", discount: "5%", ends: "2026-02-30" }] }, null, 2), exit: 2, says: [/offers\[0\]\.ends is not a real date: 2026-02-30/] },
  {
    name: "config: huge (20,000 banned terms) still works",
    config: JSON.stringify({ brand: { name: "Acme" }, tone: { banned: [{ term: "cheap" }, ...Array.from({ length: 20000 }, (_, i) => ({ term: `word${i}x` }))] } }),
    exit: 1,
    says: ["cheap"],
  },
  // --- frontmatter ---
  { name: "frontmatter: invalid YAML", files: { "templates/bad/message.md": "---\nsubject: [unclosed\n---\nHi\n" }, exit: 1, says: ["invalid frontmatter YAML"], at: "templates/bad/message.md:2" },
  { name: "frontmatter: wrong type", files: { "templates/bad/message.md": "---\nchannels: sms\n---\nHi\n" }, exit: 1, says: ["channels must be a list"], at: "templates/bad/message.md:2:11" },
  { name: "frontmatter: unknown channel", files: { "templates/bad/message.md": "---\nchannels: [email, smss]\n---\nHi\n" }, exit: 1, says: ['unknown value "smss" — did you mean "sms"?'], at: "templates/bad/message.md:2:19" },
  { name: "frontmatter: bad date", files: { "templates/bad/message.md": "---\nsend: 2026-02-30\n---\nHi\n" }, exit: 1, says: ["send is not a real date: 2026-02-30"], at: "templates/bad/message.md:2:7" },
  { name: "frontmatter: date in the wrong format", files: { "templates/bad/message.md": "---\nsend: 20/03/2026\n---\nHi\n" }, exit: 1, says: ["send must be a date written YYYY-MM-DD"], at: "templates/bad/message.md:2:7" },
  { name: "frontmatter: unknown offer code", files: { "templates/bad/message.md": "---\noffer: SPRNG20\n---\nHi\n" }, exit: 1, says: ['unknown offer code "SPRNG20" — did you mean "SPRING20"?'], at: "templates/bad/message.md:2:8" },
  { name: "frontmatter: unknown locale", files: { "templates/bad/message.md": "---\nlocale: xq\n---\nHi\n" }, exit: 1, says: ['unknown language "xq"'], at: "templates/bad/message.md:2:9" },
  { name: "frontmatter: invalid locale tag", files: { "templates/bad/message.md": "---\nlocale: en_US!!\n---\nHi\n" }, exit: 1, says: ["is not a valid locale tag"], at: "templates/bad/message.md:2:9" },
  { name: "frontmatter: unknown key", files: { "templates/bad/message.md": "---\nsubjet: Hi\n---\nHi\n" }, exit: 1, says: ['unknown key "subjet" — did you mean "subject"?'], at: "templates/bad/message.md:2:1" },
  { name: "frontmatter: a list instead of keys", files: { "templates/bad/message.md": "---\n- a\n- b\n---\nHi\n" }, exit: 1, says: ["frontmatter must be a set of key: value lines"], at: "templates/bad/message.md:2:1" },
  // --- silently wrong before (issue 17) ---
  { name: "frontmatter: fence never closed", files: { "templates/bad/message.md": "---\ncampaign: x\nchannels: [sms]\nHello there\n" }, exit: 1, says: ["the frontmatter is never closed"], at: "templates/bad/message.md:1:1" },
  { name: "frontmatter: a list as a key", files: { "templates/bad/message.md": "---\n? [a, b]\n: c\n---\nHi\n" }, exit: 1, says: ["a frontmatter key must be a plain name"], at: "templates/bad/message.md:2:3" },
  {
    name: "frontmatter: one anchor used 51 times",
    files: { "templates/bad/message.md": "---\na: &x [1, 2]\n" + Array.from({ length: 51 }, (_, i) => `k${i}: *x`).join("\n") + "\n---\nHi\n" },
    exit: 1,
    says: ["uses its anchors too many times"],
    at: "templates/bad/message.md:53:6",
  },
  { name: "frontmatter: lists nested 5,000 deep", files: { "templates/bad/message.md": "---\nsubject: " + "[".repeat(5000) + "]".repeat(5000) + "\n---\nHi\n" }, exit: 1, says: ["lists and maps nested more than 100 levels deep"], at: "templates/bad/message.md:2:109" },
  {
    name: "push.json: a key written twice",
    files: { "templates/bad/push.json": '{"title": "Short", "body": "b",\n "title": "Cheap stuff"}' },
    exit: 1,
    says: ['push.json: the key "title" appears twice', "‘Cheap’ is off-brand"],
    at: "templates/bad/push.json:2:2",
  },
  { name: "push.json: a title that is not text", files: { "templates/bad/push.json": '{"title": 42, "body": ["x"]}' }, exit: 1, says: ["title in push.json must be text in double quotes, not the number 42", "body in push.json must be text in double quotes, not a list"], at: "templates/bad/push.json:1:11" },
  { name: "campaign.json: a key written twice", files: { "templates/bad/campaign.json": '{"locale": "en",\n  "locale": "pl"}', "templates/bad/sms.txt": "Hi" }, exit: 1, says: ['the key "locale" appears twice'], at: "templates/bad/campaign.json:2:3" },
  { name: "config: variables.*.maxLength of 50,000,000", config: JSON.stringify({ brand: { name: "Acme" }, variables: { x: { sample: "a", maxLength: 50_000_000 } } }), exit: 2, says: [/brand\.config\.json:1:\d+: variables\.x\.maxLength must be at most 10000/] },
  { name: "campaign.json: invalid JSON", files: { "templates/bad/campaign.json": '{ "locale": "en", }', "templates/bad/sms.txt": "Hi" }, exit: 1, says: ["invalid JSON"], at: "templates/bad/campaign.json:1:17" },
  // --- MJML ---
  { name: "mjml: unclosed tag", files: { "templates/bad/email.mjml": "<mjml><mj-body><mj-section><mj-column>\n<mj-text>Hi\n</mj-column></mj-section></mj-body></mjml>\n" }, exit: 1, says: ["<mj-text> is never closed"], at: "templates/bad/email.mjml:2:1" },
  { name: "mjml: not MJML at all", files: { "templates/bad/email.mjml": "<html><body>Hi</body></html>\n" }, exit: 1, says: ["must start with <mjml>"], at: "templates/bad/email.mjml:1:1" },
  { name: "mjml: unknown tag", files: { "templates/bad/email.mjml": mjml("<mj-txt>Hi</mj-txt>") }, exit: 1, says: ["mj-txt"], at: "templates/bad/email.mjml:2:1" },
  { name: "mjml: include of a missing file", files: { "templates/bad/email.mjml": mjml('<mj-include path="./nope.mjml" />') }, exit: 1, says: ["mj-include: ./nope.mjml does not exist"], at: "templates/bad/email.mjml:2:1" },
  { name: "mjml: include outside the project", files: { "templates/bad/email.mjml": mjml('<mj-include path="../../../../../../../../etc/hostname" />') }, exit: 1, says: ["is outside the project"], at: "templates/bad/email.mjml:2:1" },
  {
    name: "mjml: include loop",
    files: { "templates/bad/email.mjml": mjml('<mj-include path="./a.mjml" />'), "templates/bad/a.mjml": '<mj-include path="./b.mjml" />\n', "templates/bad/b.mjml": '<mj-include path="./a.mjml" />\n' },
    exit: 1,
    says: ["mj-include loop"],
    at: "templates/bad/email.mjml:2:1",
  },
  // --- Handlebars ---
  { name: "handlebars: unclosed block", files: { "templates/bad/sms.txt": "Hi {{#if vip}}VIP" }, exit: 1, says: ["{{#if}} is never closed"], at: "templates/bad/sms.txt:1:4" },
  { name: "handlebars: unfinished mustache", files: { "templates/bad/sms.txt": "Hi {{name" }, exit: 1, says: ["unfinished {{ }} expression"], at: "templates/bad/sms.txt:1:4" },
  { name: "handlebars: stray closing block", files: { "templates/bad/sms.txt": "Hi {{/if}}" }, exit: 1, says: ["closes a block that was never opened"], at: "templates/bad/sms.txt:1:4" },
  { name: "handlebars: unknown helper", files: { "templates/bad/sms.txt": "Hi {{shout name}}" }, exit: 1, says: ['unknown helper "shout"'], at: "templates/bad/sms.txt:1:4" },
  { name: "handlebars: prototype access", files: { "templates/bad/sms.txt": "{{constructor.constructor}}" }, exit: 1, says: ["reaches into JavaScript internals"], at: "templates/bad/sms.txt:1:1" },
  { name: "handlebars: partial", files: { "templates/bad/sms.txt": "{{> ../../etc/passwd}}" }, exit: 1, says: ["partials are not supported"], at: "templates/bad/sms.txt:1:1" },
  // --- files ---
  { name: "file: binary", files: { "templates/bad/sms.txt": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]) }, exit: 1, says: ["sms.txt is a binary file"], at: "templates/bad/sms.txt:1:1" },
  { name: "file: invalid UTF-8", files: { "templates/bad/sms.txt": Buffer.from([0x48, 0x69, 0x0a, 0x41, 0xff, 0x42]) }, exit: 1, says: ["is not valid UTF-8 (first bad byte at line 2, column 2)"] },
  { name: "file: CRLF line endings keep positions", files: { "templates/bad/sms.txt": "Hello\r\nso cheap\r\n" }, exit: 1, says: ["cheap"], at: "templates/bad/sms.txt:2:4" },
  { name: "file: BOM keeps positions", files: { "templates/bad/sms.txt": "\ufeffso cheap" }, exit: 1, says: ["cheap"], at: "templates/bad/sms.txt:1:4" },
  { name: "file: zero bytes", files: { "templates/bad/sms.txt": "" }, exit: 1, says: ["cheap"] },
  { name: "file: 20 MB", files: { "templates/bad/sms.txt": Buffer.alloc(20 * 1024 * 1024, 0x61) }, exit: 1, says: ["is too large to be a template (20.0 MB"] },
  { name: "file: symlink loop", setup: (d) => { mkdirSync(path.join(d, "templates/bad"), { recursive: true }); symlinkSync("sms.txt", path.join(d, "templates/bad/sms.txt")); }, exit: 1, says: ["is a symbolic link that loops"] },
  { name: "file: unreadable (a folder where a file belongs)", setup: (d) => mkdirSync(path.join(d, "templates/bad/sms.txt"), { recursive: true }), exit: 1, says: ["sms.txt is a folder, expected a file"] },
  { name: "file: dangling symlink (deleted target)", setup: (d) => { mkdirSync(path.join(d, "templates/bad"), { recursive: true }); symlinkSync("gone.txt", path.join(d, "templates/bad/sms.txt")); }, exit: 1, says: ["disappeared while brandlint was reading it"] },
  // --- depth limits (issue 17): one finding where the limit is passed, whatever the stack size ---
  { name: "depth: > × 1,969 in message.md", files: { "templates/bad/message.md": ">".repeat(1969) + " hi\n" }, exit: 1, says: ["Markdown nested more than 100 levels deep"], at: "templates/bad/message.md:1:101" },
  { name: "depth: - × 1,000 in message.md", files: { "templates/bad/message.md": "Hello\n\n" + "- ".repeat(1000) + "x\n" }, exit: 1, says: ["Markdown nested more than 100 levels deep"], at: "templates/bad/message.md:3:101" },
  { name: "depth: 150 nested emphases", files: { "templates/bad/message.md": "Hi " + "*a ".repeat(150) + "x" + " a*".repeat(150) + "\n" }, exit: 1, says: ["Markdown nested more than 100 levels deep"], at: "templates/bad/message.md:1:299" },
  {
    name: "depth: a list indented 120 levels",
    files: { "templates/bad/message.md": Array.from({ length: 120 }, (_, i) => "  ".repeat(i) + "- item " + i).join("\n") + "\n" },
    exit: 1,
    says: ["Markdown nested more than 100 levels deep"],
    at: "templates/bad/message.md:50:101",
  },
  { name: "depth: 10,000 <div> in one mj-text", files: { "templates/bad/email.mjml": mjml("<mj-text>" + "<div>".repeat(10000) + "x" + "</div>".repeat(10000) + "</mj-text>") }, exit: 1, says: ["elements nested more than 200 deep"], at: "templates/bad/email.mjml:2:985" },
  { name: "depth: MJML nested 4,564 deep", files: { "templates/bad/email.mjml": "<mjml><mj-body>" + "<mj-wrapper>".repeat(4564) + "</mj-wrapper>".repeat(4564) + "</mj-body></mjml>\n" }, exit: 1, says: ["elements nested more than 200 deep"], at: "templates/bad/email.mjml:1:2392" },
  { name: "depth: [ × 1,814 in push.json", files: { "templates/bad/push.json": '{"title": ' + "[".repeat(1814) + "]".repeat(1814) + "}" }, exit: 1, says: ["push.json: objects and lists nested more than 100 levels deep"], at: "templates/bad/push.json:1:110" },
  { name: "depth: deep arrays in campaign.json", files: { "templates/bad/campaign.json": '{"locale": ' + "[".repeat(3000) + "]".repeat(3000) + "}", "templates/bad/sms.txt": "Hi" }, exit: 1, says: ["objects and lists nested more than 100 levels deep"], at: "templates/bad/campaign.json:1:111" },
  { name: "depth: brand.config.json nested 5,000 deep", config: '{"brand": {"name": "Acme"}, "x": ' + "[".repeat(5000) + "]".repeat(5000) + "}", exit: 2, says: [/brand\.config\.json:1:133: objects and lists nested more than 100 levels deep/] },
  { name: "length: a 120,000-character thematic break (- - - …) in message.md", files: { "templates/bad/message.md": "Hello\n\n" + "- ".repeat(60_000) + "\n" }, exit: 1, says: ["a line longer than 50,000 characters"], at: "templates/bad/message.md:3:50001" },
  { name: "length: one 25,000-character paragraph in message.md", files: { "templates/bad/message.md": "Hello\n\n" + "[a](".repeat(6250) + "\n" }, exit: 1, says: ["a paragraph longer than 10,000 characters"], at: "templates/bad/message.md:3:10001" },
  // --- text paths that must stay linear (issue 17) ---
  {
    name: "text: 300 KB of spaces inside an SMS without its opt-out",
    config: JSON.stringify({ ...GOOD_CONFIG, channels: { sms: { requireOptOut: true, optOut: "STOP to end" } } }),
    files: { "templates/bad/sms.txt": "Hi" + " ".repeat(300_000) + "there" },
    exit: 1,
    says: ["This SMS has no opt-out"],
    at: "templates/bad/sms.txt:1:300008",
  },
  // --- CLI ---
  { name: "cli: unknown flag", args: ["--colour"], exit: 2, says: ["unknown option --colour"] },
  { name: "cli: missing value", args: ["--format"], exit: 2, says: ["option --format needs a value"] },
  { name: "cli: path that does not exist", args: ["templates/nope"], exit: 2, says: ["no such file or folder: templates/nope"] },
  { name: "cli: glob matching nothing", args: ["templates/**/*.xyz"], exit: 2, says: ['no files match the pattern "templates/**/*.xyz"'] },
  { name: "cli: unknown format", args: ["--format", "jsn"], exit: 2, says: ['unknown format "jsn" — did you mean "json"?'] },
  { name: "cli: bad --max-warnings", args: ["--max-warnings", "many"], exit: 2, says: ["--max-warnings needs a whole number"] },
  { name: "cli: bad --channel", args: ["--channel", "fax"], exit: 2, says: ['unknown channel "fax"'] },
  { name: "cli: bad --shard", args: ["--shard", "3/2"], exit: 2, says: ["--shard needs i/n"] },
  { name: "cli: missing --config file", args: ["--config", "nope.json"], exit: 2, says: ["nope.json: config file not found"] },
];

async function runCase(c: Case) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "brandlint-bad-"));
  try {
    writeFileSync(path.join(dir, "brand.config.json"), c.config ?? JSON.stringify(GOOD_CONFIG, null, 2));
    mkdirSync(path.join(dir, "templates/good"), { recursive: true });
    writeFileSync(path.join(dir, "templates/good/sms.txt"), "A cheap trick");
    for (const [rel, content] of Object.entries(c.files ?? {})) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), content);
    }
    c.setup?.(dir);
    let stdout = "";
    let stderr = "";
    const code = await main(c.args ?? ["--format", "json"], {
      stdout: (s) => (stdout += s),
      stderr: (s) => (stderr += s),
      cwd: dir,
      color: false,
      env: {},
    });
    return { code, stdout, stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("bad-input matrix", () => {
  it("has at least 40 cases", () => expect(CASES.length).toBeGreaterThanOrEqual(40));
  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const { code, stdout, stderr } = await runCase(c);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout + stderr).not.toMatch(/\bat [\w$.]+ \(.*:\d+:\d+\)/);
    expect(code, `stdout: ${stdout.slice(0, 2000)}\nstderr: ${stderr}`).toBe(c.exit);
    const text = c.exit === 2 ? stderr : c.args ? stdout : (JSON.parse(stdout) as { messages: { message: string }[] }[]).flatMap((r) => r.messages.map((m) => m.message)).join("\n");
    for (const s of c.says) {
      if (typeof s === "string") expect(text).toContain(s);
      else expect(text).toMatch(s);
    }
    if (c.exit !== 2 && !c.args) {
      const results = JSON.parse(stdout) as { filePath: string; messages: { line: number; column: number; ruleId: string; message: string }[] }[];
      // The other campaign was still linted.
      const good = results.find((r) => r.filePath === "templates/good/sms.txt");
      expect(good?.messages.some((m) => m.ruleId === "tone-words" && m.line === 1 && m.column === 3)).toBe(true);
      if (c.at) {
        const [file, line, col] = c.at.split(":");
        const r = results.find((x) => x.filePath === file);
        expect(r, `no result for ${file}`).toBeDefined();
        expect(r!.messages.some((m) => m.line === Number(line) && (col === undefined || m.column === Number(col))), JSON.stringify(r!.messages)).toBe(true);
      }
      for (const r of results) for (const m of r.messages) expect(m.line).toBeGreaterThanOrEqual(1);
    }
  });

  it("a campaign deleted mid-run: the run goes on", async () => {
    const { lint } = await import("../src/lint.js");
    const dir = mkdtempSync(path.join(os.tmpdir(), "brandlint-bad-"));
    try {
      writeFileSync(path.join(dir, "brand.config.json"), JSON.stringify(GOOD_CONFIG));
      for (const n of ["a", "b", "c"]) {
        mkdirSync(path.join(dir, "templates", n), { recursive: true });
        writeFileSync(path.join(dir, "templates", n, "sms.txt"), "so cheap");
      }
      const r = await lint({ cwd: dir, only: ["tone-words"], onProgress: (done) => done === 1 && rmSync(path.join(dir, "templates", "b"), { recursive: true }) });
      const files = r.results.filter((x) => x.messages.length).map((x) => path.relative(dir, x.file.path));
      expect(files).toEqual(["templates/a/sms.txt", "templates/c/sms.txt"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("depth limits give the same findings on worker threads (a bigger stack) as on one thread", async () => {
    const p = tempProject({
      "brand.config.json": JSON.stringify(GOOD_CONFIG),
      "templates/a/message.md": ">".repeat(1969) + " hi\n",
      "templates/b/message.md": "Hi " + "*a ".repeat(150) + "x" + " a*".repeat(150) + "\n",
      "templates/c/email.mjml": mjml("<mj-text>" + "<div>".repeat(10000) + "x" + "</div>".repeat(10000) + "</mj-text>"),
      "templates/d/push.json": '{"title": ' + "[".repeat(1814) + "]".repeat(1814) + "}",
      "templates/e/sms.txt": "A cheap trick",
    });
    try {
      const run = async (workers: string) => (await runCli(["--format", "json", "--workers", workers], p.dir)).stdout;
      const one = await run("1");
      expect(await run("2")).toBe(one);
      const parseErrors = (JSON.parse(one) as { messages: { ruleId: string }[] }[]).flatMap((r) => r.messages).filter((m) => m.ruleId === "parse-error");
      expect(parseErrors.length).toBe(4);
      // The CLI's second thread may lint all five before a worker is up: lint on workers only, through the built API.
      const built = (await import(pathToFileURL(path.join(REPO_ROOT, "dist/src/index.js")).href)) as typeof import("../src/index.js");
      const shown = (r: Awaited<ReturnType<typeof built.lint>>) => JSON.stringify(r.results.map((f) => [f.file.path, f.messages]));
      const here = await built.lint({ cwd: p.dir, workers: 1, keepCampaigns: false });
      const there = await built.lint({ cwd: p.dir, workers: 2, mainThread: false, keepCampaigns: false });
      expect(there.stats.threads?.here).toBe(0);
      expect(shown(there)).toBe(shown(here));
    } finally {
      p.dispose();
    }
  }, 120_000);

  it("a frontmatter error in a CRLF file never ends between \\r and \\n; a YAML complex key prints no warning", async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on("warning", onWarning);
    try {
      const { stdout } = await runCase({ name: "crlf", files: { "templates/bad/message.md": "---\r\nsubject: [unclosed\r\n---\r\nHi\r\n", "templates/cx/message.md": "---\n? [a, b]\n: c\n---\nHi\n" }, exit: 1, says: [] });
      const results = JSON.parse(stdout) as { filePath: string; messages: { line: number; column: number; endLine: number; endColumn: number }[] }[];
      const m = results.find((r) => r.filePath === "templates/bad/message.md")!.messages[0]!;
      // "subject: [unclosed" is 18 characters: column 19 is just past it.
      expect([m.line, m.column, m.endLine, m.endColumn]).toEqual([2, 19, 2, 19]);
      await new Promise((r) => setImmediate(r));
      expect(warnings).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });
});
