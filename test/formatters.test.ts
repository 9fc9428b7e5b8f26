/**
 * The formatters are pure functions: results in, text out. Each is checked on the
 * same findings, and SARIF against the official SARIF 2.1.0 JSON Schema.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import ajvDraft04 from "ajv-draft-04";
import { beforeAll, describe, expect, it } from "vitest";
import { ruleInfos, WRITE_CHUNK, writePieces } from "../src/cli/main.js";
import type { FileResult, LintMessage } from "../src/engine/linter.js";
import { lint } from "../src/lint.js";
import { FORMAT_PIECES, FORMATTERS, type FormatContext, type RuleInfo } from "../src/report/index.js";
import { github, githubFailure } from "../src/report/github.js";
import { BUILTIN_FINDINGS } from "../src/engine/builtin-findings.js";
import { VSCODE_TASKS } from "../src/cli/init.js";
import { json } from "../src/report/json.js";
import { sarif, sarifFailure } from "../src/report/sarif.js";
import { stylish } from "../src/report/stylish.js";
import { unix, unixFailure } from "../src/report/unix.js";
import { loadRules } from "../src/rules-index.js";
import { SourceFile } from "../src/text/source-file.js";
import { REPO_ROOT, tempProject } from "./helpers/cli.js";

const CWD = path.join(path.sep, "work", "acme");
const ANSI = /\u001b\[[\d;]*m/;

let rules: RuleInfo[];
beforeAll(async () => {
  rules = ruleInfos(await loadRules());
});
const ctx = (extra: Partial<FormatContext> = {}): FormatContext => ({ cwd: CWD, rules, version: "1.2.3", ...extra });

function result(rel: string, text: string, messages: LintMessage[]): FileResult {
  const count = (sev: 1 | 2, fixable = false) => messages.filter((m) => m.severity === sev && (!fixable || m.fix)).length;
  return {
    file: new SourceFile(path.join(CWD, ...rel.split("/")), text),
    messages,
    errorCount: count(2),
    warningCount: count(1),
    fixableErrorCount: count(2, true),
    fixableWarningCount: count(1, true),
  };
}

const SMS = "Acme: cheap tents!\nE-mail us\n";
const MD = "---\nlocale: en\n---\n# Hi\n\nOur tents are cheap.\n";
const sms = result("templates/spring/sms.txt", SMS, [
  { ruleId: "tone-words", severity: 2, message: "‘cheap’ is off-brand; write ‘affordable’", messageId: "banned", line: 1, column: 7, endLine: 1, endColumn: 12, channels: ["sms"] },
  { ruleId: "tone-words", severity: 1, message: "Write ‘Email’, not ‘E-mail’", messageId: "preferred", line: 2, column: 1, endLine: 2, endColumn: 7, channels: ["sms"], fix: { range: [19, 25], text: "Email" } },
]);
const md = result("templates/spring/message.md", MD, [
  { ruleId: "tone-words", severity: 2, message: "‘cheap’ is off-brand", line: 6, column: 15, endLine: 6, endColumn: 20, channels: ["email", "sms", "push"] },
]);
const clean = result("templates/spring/push.json", '{"title":"Hi"}', []);
const RESULTS = [md, clean, sms];

it("the CLI offers exactly these formats", () => {
  expect(FORMATTERS).toEqual({ stylish, json, unix, github, sarif });
});

describe("stylish", () => {
  it("groups findings by file, aligns columns and ends with a summary", () => {
    expect(stylish(RESULTS, ctx({ color: false }))).toBe(
      [
        "",
        "templates/spring/message.md",
        "  6:15  error  ‘cheap’ is off-brand (email, sms, push)  tone-words",
        "",
        "templates/spring/sms.txt",
        "  1:7  error    ‘cheap’ is off-brand; write ‘affordable’ (sms)  tone-words",
        "  2:1  warning  Write ‘Email’, not ‘E-mail’ (sms)  tone-words",
        "",
        "✖ 3 problems (2 errors, 1 warning)",
        "  0 errors and 1 warning potentially fixable with the `--fix` option.",
        "",
      ].join("\n"),
    );
  });

  it("says so when the run is clean (in --watch a fix is followed by this line), and nothing when nothing was linted", () => {
    expect(stylish([clean], ctx())).toBe("✔ no problems (1 file linted)\n");
    expect(stylish([clean, clean], ctx())).toBe("✔ no problems (2 files linted)\n");
    expect(stylish([], ctx())).toBe("");
  });

  it("pads only the position and severity columns: a line is as long as its finding", () => {
    const long = result("a/sms.txt", "x", [
      { ruleId: "r", severity: 2, message: "x".repeat(150), line: 1, column: 1, endLine: 1, endColumn: 2 },
      { ruleId: "r", severity: 1, message: "short", line: 10, column: 12, endLine: 1, endColumn: 2 },
    ]);
    expect(stylish([long], ctx()).split("\n")[3]).toBe("  10:12  warning  short  r");
  });

  it("uses ANSI colours only when asked", () => {
    expect(stylish(RESULTS, ctx({ color: false }))).not.toMatch(ANSI);
    const coloured = stylish(RESULTS, ctx({ color: true }));
    expect(coloured).toMatch(ANSI);
    expect(coloured.replace(new RegExp(ANSI.source, "g"), "")).toBe(stylish(RESULTS, ctx({ color: false })));
  });

  it("keeps one finding on one line", () => {
    const r = result("a/sms.txt", "x", [{ ruleId: "r", severity: 2, message: "one\ntwo\r\nthree\rfour", line: 1, column: 1, endLine: 1, endColumn: 2 }]);
    expect(stylish([r], ctx()).split("\n")[2]).toBe("  1:1  error  one two three four  r");
  });
});

describe("text from templates on a terminal (stylish, unix)", () => {
  const evil = result("templates/a\nb/sms.txt", "x", [{ ruleId: "tone-words", severity: 2, message: "‘\u001b]0;pwned\u0007\u001b[2J’ is off-brand", line: 1, column: 1, endLine: 1, endColumn: 2 }]);
  const tab = result("templates/a\u001b[31mb/sms.txt", "x", [{ ruleId: "r", severity: 2, message: "bell\u0007 del\u007f c1\u009b", line: 1, column: 1, endLine: 1, endColumn: 2 }]);

  it("escapes control characters (ESC, BEL, DEL, C1) in messages and file names", () => {
    for (const f of [stylish, unix]) {
      const out = f([evil, tab], ctx({ terminal: true }));
      expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      expect(out).toContain("‘\\x1B]0;pwned\\x07\\x1B[2J’ is off-brand");
      expect(out).toContain("bell\\x07 del\\x7F c1\\x9B");
      expect(out).toContain("templates/a\\x1B[31mb/sms.txt");
    }
  });

  it("quotes a file name that holds a line break, on a terminal or not", () => {
    expect(unix([evil], ctx({ terminal: true })).split("\n")[0]).toBe('"templates/a\\nb/sms.txt":1:1: error: ‘\\x1B]0;pwned\\x07\\x1B[2J’ is off-brand [tone-words]');
    expect(unix([evil], ctx()).split("\n")).toHaveLength(2);
    expect(stylish([evil], ctx()).split("\n")[1]).toBe('"templates/a\\nb/sms.txt"');
  });

  it("leaves the text as it is when the output is not a terminal, and github and SARIF always", () => {
    expect(unix([tab], ctx())).toContain("bell\u0007 del\u007f c1\u009b");
    expect(github([tab], ctx({ terminal: true }))).toContain("bell\u0007 del\u007f c1\u009b");
    expect(sarif([tab], ctx({ terminal: true }))).toContain("bell\\u0007 del\u007f c1\u009b");
  });
});

describe("json", () => {
  it("prints exactly the SPEC §6 shape, paths relative to the cwd", () => {
    expect(JSON.parse(json(RESULTS, ctx()))).toEqual([
      {
        filePath: "templates/spring/message.md",
        messages: [{ ruleId: "tone-words", severity: 2, message: "‘cheap’ is off-brand", line: 6, column: 15, endLine: 6, endColumn: 20, channels: ["email", "sms", "push"] }],
        errorCount: 1,
        warningCount: 0,
      },
      { filePath: "templates/spring/push.json", messages: [], errorCount: 0, warningCount: 0 },
      {
        filePath: "templates/spring/sms.txt",
        messages: [
          { ruleId: "tone-words", severity: 2, message: "‘cheap’ is off-brand; write ‘affordable’", line: 1, column: 7, endLine: 1, endColumn: 12, channels: ["sms"] },
          { ruleId: "tone-words", severity: 1, message: "Write ‘Email’, not ‘E-mail’", line: 2, column: 1, endLine: 2, endColumn: 7, channels: ["sms"], fix: { range: [19, 25], text: "Email" } },
        ],
        errorCount: 1,
        warningCount: 1,
      },
    ]);
  });

  it("prints one array, even when there is nothing to lint", () => {
    expect(json([], ctx())).toBe("[]");
  });

  it("the fix range replaces exactly the located text", () => {
    const [, , smsOut] = JSON.parse(json(RESULTS, ctx())) as { messages: { fix?: { range: [number, number] } }[] }[];
    const { range } = smsOut!.messages[1]!.fix!;
    expect(SMS.slice(...range)).toBe("E-mail");
  });
});

describe("unix", () => {
  it("prints file:line:col: severity: message [rule-id], one finding a line", () => {
    expect(unix(RESULTS, ctx())).toBe(
      [
        "templates/spring/message.md:6:15: error: ‘cheap’ is off-brand [tone-words]",
        "templates/spring/sms.txt:1:7: error: ‘cheap’ is off-brand; write ‘affordable’ [tone-words]",
        "templates/spring/sms.txt:2:1: warning: Write ‘Email’, not ‘E-mail’ [tone-words]",
        "",
      ].join("\n"),
    );
    expect(unix([clean], ctx())).toBe("");
  });

  it("keeps a multi-line message on its line", () => {
    const r = result("a/sms.txt", "x", [{ ruleId: "r", severity: 2, message: "one\ntwo\rthree", line: 1, column: 1, endLine: 1, endColumn: 2 }]);
    expect(unix([r], ctx())).toBe("a/sms.txt:1:1: error: one two three [r]\n");
  });
});

describe("github", () => {
  it("prints one workflow command per finding", () => {
    expect(github(RESULTS, ctx())).toBe(
      [
        "::error file=templates/spring/message.md,line=6,col=15,endLine=6,endColumn=20,title=brandlint tone-words::‘cheap’ is off-brand (email, sms, push)",
        "::error file=templates/spring/sms.txt,line=1,col=7,endLine=1,endColumn=12,title=brandlint tone-words::‘cheap’ is off-brand; write ‘affordable’ (sms)",
        "::warning file=templates/spring/sms.txt,line=2,col=1,endLine=2,endColumn=7,title=brandlint tone-words::Write ‘Email’, not ‘E-mail’ (sms)",
        "",
      ].join("\n"),
    );
  });

  it("escapes %, CR and LF in the message, and : and , in properties too", () => {
    const r = result("odd,name:here/sms.txt", "x", [{ ruleId: "r", severity: 2, message: "100% off,\r\nnow: 50%", line: 1, column: 1, endLine: 1, endColumn: 2 }]);
    expect(github([r], ctx())).toBe("::error file=odd%2Cname%3Ahere/sms.txt,line=1,col=1,endLine=1,endColumn=2,title=brandlint r::100%25 off,%0D%0Anow: 50%25\n");
  });
});

describe("sarif", () => {
  const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, "node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8")) as object;
  // unicodeRegExp: false because one pattern in the official schema is not valid with the u flag.
  // ajv-draft-04 is CommonJS: its class is the module's `default` in NodeNext typing and at run time.
  const ajv = new ajvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  // The formats the SARIF schema uses, checked as strictly as the spec asks.
  const isUrl = (s: string, base?: string) => URL.canParse(s, base) && !/\s/.test(s);
  ajv.addFormat("uri", (s: string) => isUrl(s));
  ajv.addFormat("uri-reference", (s: string) => isUrl(s, "file:///base/"));
  ajv.addFormat("date-time", (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s));
  const validate = ajv.compile(schema);

  interface SarifLog {
    $schema: string;
    version: string;
    runs: {
      tool: { driver: { name: string; version?: string; rules: { id: string; help: { text: string }; helpUri?: string; shortDescription: { text: string } }[] } };
      originalUriBaseIds: Record<string, { uri: string }>;
      results: {
        ruleId: string;
        ruleIndex?: number;
        level: string;
        message: { text: string };
        locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[];
        partialFingerprints: Record<string, string>;
      }[];
    }[];
  }
  const parse = (s: string) => JSON.parse(s) as SarifLog;
  const expectValid = (log: unknown) => {
    const ok = validate(log);
    expect(ok ? [] : validate.errors).toEqual([]);
  };

  it("is valid SARIF 2.1.0", () => {
    expectValid(parse(sarif(RESULTS, ctx())));
    expectValid(parse(sarif([], ctx())));
    expectValid(parse(sarif(RESULTS, ctx({ version: undefined }))));
  });

  it("the schema check is not vacuous: a broken log fails it", () => {
    const log = parse(sarif(RESULTS, ctx()));
    const region = log.runs[0]!.results[0]!.locations[0]!.physicalLocation.region;
    region.startLine = 0;
    expect(validate(log)).toBe(false);
    const noVersion = parse(sarif(RESULTS, ctx())) as Partial<SarifLog>;
    delete noVersion.version;
    expect(validate(noVersion)).toBe(false);
    const relativeHelp = parse(sarif(RESULTS, ctx()));
    relativeHelp.runs[0]!.tool.driver.rules[0]!.helpUri = "docs/rules/x.md";
    expect(validate(relativeHelp)).toBe(false);
  });

  it("gives relative URIs with a uriBaseId, and a file URI for the base", () => {
    const run = parse(sarif(RESULTS, ctx())).runs[0]!;
    expect(run.originalUriBaseIds.SRCROOT!.uri).toBe("file:///work/acme/");
    expect(run.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation)).toEqual([
      { uri: "templates/spring/message.md", uriBaseId: "SRCROOT" },
      { uri: "templates/spring/sms.txt", uriBaseId: "SRCROOT" },
      { uri: "templates/spring/sms.txt", uriBaseId: "SRCROOT" },
    ]);
    expect(run.results[0]!.locations[0]!.physicalLocation.region).toEqual({ startLine: 6, startColumn: 15, endLine: 6, endColumn: 20 });
  });

  it("encodes characters that URIs reserve, and gives files outside the root an absolute URI", () => {
    const odd = result("templates/50% off #1/sms.txt", "x", [{ ruleId: "tone-words", severity: 2, message: "m", line: 1, column: 1, endLine: 1, endColumn: 2 }]);
    const outside = { ...odd, file: new SourceFile(path.join(path.sep, "elsewhere", "sms.txt"), "x") };
    const log = parse(sarif([odd, outside], ctx()));
    expectValid(log);
    expect(log.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation)).toEqual([
      { uri: "templates/50%25%20off%20%231/sms.txt", uriBaseId: "SRCROOT" },
      { uri: "file:///elsewhere/sms.txt" },
    ]);
  });

  it("describes every rule, with help text, and points results at them", () => {
    const log = parse(sarif(RESULTS, ctx()));
    const driver = log.runs[0]!.tool.driver;
    expect(driver.name).toBe("brandlint");
    expect(driver.version).toBe("1.2.3");
    const ids = driver.rules.map((r) => r.id);
    for (const r of rules) expect(ids).toContain(r.id);
    expect(ids).toContain("internal-error");
    for (const r of driver.rules) {
      expect(r.shortDescription.text.length, r.id).toBeGreaterThan(10);
      expect(r.help.text.length, r.id).toBeGreaterThan(10);
    }
    const tone = driver.rules.find((r) => r.id === "tone-words")!;
    expect(tone.help.text).toContain("Why:");
    // No link to a place that may not exist: only where the package says its docs are, at this version.
    expect(tone.helpUri).toBeUndefined();
    expect(JSON.stringify(log)).not.toContain("github.com/brandlint");
    const linked = parse(sarif(RESULTS, ctx({ docsBase: "https://github.com/acme/brandlint/blob/v1.2.3/" }))).runs[0]!.tool.driver;
    expectValid(parse(sarif(RESULTS, ctx({ docsBase: "https://github.com/acme/brandlint/blob/v1.2.3/" }))));
    expect(linked.rules.find((r) => r.id === "tone-words")!.helpUri).toBe("https://github.com/acme/brandlint/blob/v1.2.3/docs/rules/tone-words.md");
    expect(linked.rules.find((r) => r.id === "invalid-suppression")!.helpUri).toBe("https://github.com/acme/brandlint/blob/v1.2.3/docs/rules/invalid-suppression.md");
    for (const r of log.runs[0]!.results) expect(driver.rules[r.ruleIndex!]!.id).toBe(r.ruleId);
    expect(log.runs[0]!.results.map((r) => [r.level, r.message.text])).toEqual([
      ["error", "‘cheap’ is off-brand (email, sms, push)"],
      ["error", "‘cheap’ is off-brand; write ‘affordable’ (sms)"],
      ["warning", "Write ‘Email’, not ‘E-mail’ (sms)"],
    ]);
  });

  it("keeps a finding's fingerprint when lines are inserted above it, from a real run", async () => {
    const config = JSON.stringify({ brand: { name: "Acme" }, tone: { banned: [{ term: "cheap", suggest: "affordable" }] } });
    const p = tempProject({ "brand.config.json": config, "templates/c/sms.txt": "Hi!\nOur tents are cheap.\nSo cheap.\n" });
    try {
      const run = async () => {
        const report = await lint({ cwd: p.dir, only: ["tone-words"] });
        const log = parse(sarif(report.results, { cwd: p.dir, rules: ruleInfos(report.rules), version: "0.0.0" }));
        expectValid(log);
        return log.runs[0]!.results.map((r) => ({ line: r.locations[0]!.physicalLocation.region.startLine, fp: r.partialFingerprints["brandlint/v1"]! }));
      };
      const before = await run();
      expect(before.map((r) => r.line)).toEqual([2, 3]);
      expect(new Set(before.map((r) => r.fp)).size).toBe(2);
      p.write("templates/c/sms.txt", "New first line.\n\nHi!\nOur tents are cheap.\nSo cheap.\n");
      const after = await run();
      expect(after.map((r) => r.line)).toEqual([4, 5]);
      expect(after.map((r) => r.fp)).toEqual(before.map((r) => r.fp));
      // Editing the offending line itself is a different finding.
      p.write("templates/c/sms.txt", "New first line.\n\nHi!\nOur new tents are cheap.\nSo cheap.\n");
      const edited = await run();
      expect(edited[0]!.fp).not.toBe(before[0]!.fp);
      expect(edited[1]!.fp).toBe(before[1]!.fp);
    } finally {
      p.dispose();
    }
  });

  it("gives identical findings on identical lines distinct fingerprints", () => {
    const m: LintMessage = { ruleId: "tone-words", severity: 2, message: "‘cheap’ is off-brand", line: 1, column: 1, endLine: 1, endColumn: 6 };
    const r = result("a/sms.txt", "cheap\ncheap\n", [m, { ...m, line: 2, endLine: 2 }]);
    const fps = parse(sarif([r], ctx())).runs[0]!.results.map((x) => x.partialFingerprints["brandlint/v1"]);
    expect(new Set(fps).size).toBe(2);
  });

  it("lists every built-in finding from the registry, and every result has a ruleIndex", () => {
    const builtin = result("templates/spring/sms.txt", SMS, [
      { ruleId: "invalid-suppression", severity: 2, message: "needs a reason", line: 1, column: 1, endLine: 1, endColumn: 2 },
      { ruleId: "my-custom-rule", severity: 1, message: "custom", line: 1, column: 1, endLine: 1, endColumn: 2 },
    ]);
    const run = parse(sarif([builtin], ctx())).runs[0]!;
    const ids = run.tool.driver.rules.map((r) => r.id);
    for (const b of BUILTIN_FINDINGS) expect(ids).toContain(b.id);
    for (const r of run.results) {
      expect(typeof r.ruleIndex, r.ruleId).toBe("number");
      expect(run.tool.driver.rules[r.ruleIndex!]!.id).toBe(r.ruleId);
    }
  });

  it("a run that could not happen is a valid log with the reason as a tool execution notification", () => {
    const text = sarifFailure([{ message: 'unknown key "colours" — did you mean "colors"?', file: path.join(CWD, "brand.config.json"), line: 4, column: 3 }, { message: "no campaigns" }], ctx());
    const log = JSON.parse(text) as { runs: { results: unknown[]; invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string }; locations?: unknown[] }[] }[] }[] };
    expectValid(log);
    expect(log.runs[0]!.results).toEqual([]);
    const inv = log.runs[0]!.invocations[0]!;
    expect(inv.executionSuccessful).toBe(false);
    expect(inv.toolExecutionNotifications.map((n) => [n.level, n.message.text])).toEqual([
      ["error", 'unknown key "colours" — did you mean "colors"?'],
      ["error", "no campaigns"],
    ]);
    expect(inv.toolExecutionNotifications[0]!.locations).toEqual([{ physicalLocation: { artifactLocation: { uri: "brand.config.json", uriBaseId: "SRCROOT" }, region: { startLine: 4, startColumn: 3 } } }]);
  });
});

describe("runs that could not happen (config errors), in github and unix", () => {
  const problems = [{ message: 'unknown key "colours", did you mean "colors"?', file: path.join(CWD, "brand.config.json"), line: 4, column: 3 }, { message: "no brand.config.json found", file: path.join(CWD, "brand.config.json") }];
  it("github: ::error annotations on the config's line", () => {
    expect(githubFailure(problems, ctx()).split("\n")).toEqual([
      '::error file=brand.config.json,line=4,col=3,title=brandlint could not run::unknown key "colours", did you mean "colors"?',
      "::error file=brand.config.json,title=brandlint could not run::no brand.config.json found",
      "",
    ]);
  });
  it("unix: lines the VS Code problem matcher reads", () => {
    const re = new RegExp((VSCODE_TASKS.tasks[0]!.problemMatcher as { pattern: { regexp: string } }).pattern.regexp);
    const lines = unixFailure(problems, ctx()).split("\n").slice(0, -1);
    expect(lines.map((l) => re.exec(l)?.slice(1))).toEqual([
      ["brand.config.json", "4", "3", "error", 'unknown key "colours", did you mean "colors"?', "config-error"],
      ["brand.config.json", "1", "1", "error", "no brand.config.json found", "config-error"],
    ]);
  });
});

describe("github: annotation limits", () => {
  const many = (n: number, severity: 1 | 2) =>
    result("templates/a/sms.txt", "x", Array.from({ length: n }, (_, i) => ({ ruleId: "r", severity, message: `m${i}`, line: 1, column: 1, endLine: 1, endColumn: 2 })));
  it("says how many annotations GitHub will not show (10 per severity per step)", () => {
    const lines = github([many(25, 2), many(3, 1)], ctx()).split("\n").slice(0, -1);
    expect(lines).toHaveLength(29);
    expect(lines[28]).toMatch(/^::notice title=brandlint%3A more findings than GitHub shows::GitHub shows 10 error and 10 warning annotations per step; 15 of 25 errors are not shown as annotations\./);
    expect(github([many(10, 2), many(10, 1)], ctx())).not.toContain("::notice");
    expect(github([many(12, 1)], ctx())).toContain("2 of 12 warnings are not shown");
  });
});

describe("formats in pieces (the CLI writes a report as it is formatted)", () => {
  const many = Array.from({ length: 40 }, (_, i) => [result(`templates/c${String(i).padStart(2, "0")}/message.md`, MD, md.messages), result(`templates/c${String(i).padStart(2, "0")}/push.json`, "{}", [])]).flat();

  it("gives one piece per file with findings (plus what opens and closes the report), and the pieces joined are the formatter's text", () => {
    const withFindings = many.filter((r) => r.messages.length).length;
    for (const [name, pieces] of Object.entries(FORMAT_PIECES)) {
      for (const results of [RESULTS, many, [clean], []]) expect([...pieces(results, ctx())].join(""), name).toBe(FORMATTERS[name]!(results, ctx()));
      // Every format writes each file with findings as its own piece; stylish adds the summary, json and SARIF open and close.
      expect([...pieces(many, ctx())].length, name).toBeGreaterThanOrEqual(withFindings);
      expect([...pieces(many, ctx())].length, name).toBeLessThanOrEqual(withFindings + 2 + (name === "json" ? many.length - withFindings : 0));
    }
  });

  it("the CLI writes a big report in several writes of about WRITE_CHUNK characters, never as one string", () => {
    const big = Array.from({ length: 600 }, (_, i) => result(`templates/c${i}/message.md`, MD, md.messages));
    const writes: string[] = [];
    writePieces(FORMAT_PIECES.sarif!(big, ctx()), (s) => writes.push(s));
    expect(writes.join("")).toBe(sarif(big, ctx()));
    expect(writes.length).toBeGreaterThan(3);
    for (const w of writes) expect(w.length).toBeLessThan(2 * WRITE_CHUNK);
  });
});
