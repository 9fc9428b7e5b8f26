/**
 * brand.config.json: finding it, parsing it and explaining every problem with its
 * file, line, column and JSON path, in words a copywriter understands.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, findConfig, loadConfig, parseConfigText, type ConfigProblem, type RuleOptionsInfo } from "../src/config/load.js";
import { schemaPath } from "../src/paths.js";
import { loadRules } from "../src/rules-index.js";
import { REPO_ROOT, STACK_LINE, runCli, tempProject, type TempProject } from "./helpers/cli.js";

let rules: RuleOptionsInfo[];
beforeAll(async () => {
  rules = (await loadRules()).map((r) => r.meta);
});

/** The problems of a config text, as `line:column: message`. */
function problemsOf(text: string): string[] {
  try {
    parseConfigText(path.join(REPO_ROOT, "brand.config.json"), text, rules, REPO_ROOT);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return e.problems.map((p) => `${p.line}:${p.column}: ${p.message}`);
  }
  return [];
}

const lines = (...l: string[]) => l.join("\n") + "\n";

/** `line:column` (1-based, UTF-16 columns like the CLI's) of the `nth` occurrence of `needle` in `text`. */
function at(text: string, needle: string, nth = 0): string {
  let i = -1;
  for (let n = 0; n <= nth; n++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`${JSON.stringify(needle)} is not in the text`);
  }
  const before = text.slice(0, i).replace(/^\uFEFF/, "").split("\n");
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

/** The text and the single problem expected at `needle`. */
function expectOne(text: string, needle: string, message: string, nth = 0): void {
  expect(problemsOf(text)).toEqual([`${at(text, needle, nth)}: ${message}`]);
}
const ACME = '"brand": { "name": "Acme" }';

describe("invalid JSON", () => {
  it("names the line and column of a missing comma", () => {
    const text = lines("{", `  ${ACME},`, '  "colors": { "primary": "#0B5FFF" }', '  "fonts": ["Inter"]', "}");
    expect(at(text, '"fonts"')).toBe("4:3");
    expectOne(text, '"fonts"', 'invalid JSON: expected "," between items');
  });

  it("points at a trailing comma itself", () => {
    expectOne(lines("{", `  ${ACME},`, '  "fonts": ["Inter"],', "}"), ",\n}", "invalid JSON: a comma after the last item is not allowed; remove it");
    expectOne(`{ ${ACME}, "fonts": ["Inter",] }`, ",]", "invalid JSON: a comma after the last item is not allowed; remove it");
  });

  it("reports a missing closing brace once, at the end", () => {
    expect(problemsOf(lines("{", `  ${ACME}`))).toEqual(['3:1: invalid JSON: expected "}"']);
  });

  it("rejects comments, unquoted keys and unfinished text", () => {
    const comment = lines("{", "  // the brand", `  ${ACME}`, "}");
    expect(problemsOf(comment)[0]).toBe(`${at(comment, "//")}: invalid JSON: comments are not allowed in JSON`);
    const unquoted = lines("{", '  brand: { "name": "Acme" }', "}");
    expect(problemsOf(unquoted)[0]).toBe(`${at(unquoted, "brand")}: invalid JSON: write brand in double quotes ("brand")`);
    const single = lines("{", "  'brand': { \"name\": \"Acme\" }", "}");
    expect(problemsOf(single)[0]).toBe(`${at(single, "'brand'")}: invalid JSON: use double quotes ("), not single quotes (')`);
    const unfinished = lines("{", '  "brand": { "name": "Acme }', "}");
    expect(problemsOf(unfinished)[0]).toBe(`${at(unfinished, '"Acme')}: invalid JSON: unfinished text (a missing closing quote?)`);
  });

  it("says an empty file is empty", () => {
    expect(problemsOf("")).toEqual(["1:1: the file is empty; expected a JSON object"]);
    expect(problemsOf("  \n\t\n")).toEqual(["1:1: the file is empty; expected a JSON object"]);
    expect(problemsOf("\uFEFF")).toEqual(["1:1: the file is empty; expected a JSON object"]);
  });

  it("accepts a byte order mark, and counts columns after it", () => {
    const loaded = parseConfigText(path.join(REPO_ROOT, "brand.config.json"), `\uFEFF{ ${ACME} }`, rules, REPO_ROOT);
    expect(loaded.data.brand.name).toBe("Acme");
    expect(loaded.file.bom).toBe(true);
    const text = `\uFEFF{\n  ${ACME},\n  "colours": {}\n}`;
    expect(problemsOf(text)).toEqual(['3:3: unknown key "colours" — did you mean "colors"?']);
  });

  it("rejects a file with NUL bytes", () => {
    expect(problemsOf(`{ ${ACME} }\u0000`)).toEqual(["1:1: is not a text file (it contains NUL bytes)"]);
  });

  it("flags a key written twice instead of silently keeping the last", () => {
    const top = lines("{", `  ${ACME},`, '  "fonts": ["Inter"],', '  "fonts": ["Arial"]', "}");
    expect(problemsOf(top)).toEqual(['4:3: the key "fonts" appears twice; only the last one counts, so remove or merge the other']);
    const nested = `{ "brand": { "name": "A", "name": "B" } }`;
    expectOne(nested, '"name"', 'the key "name" appears twice in brand; only the last one counts, so remove or merge the other', 1);
  });
});

describe("schema problems", () => {
  it("names the JSON path and the wrong value of a wrong type", () => {
    const multiline = lines("{", `  ${ACME},`, '  "channels": { "sms": { "maxSegments": "two" } }', "}");
    expect(at(multiline, '"two"')).toBe("3:41");
    expectOne(multiline, '"two"', 'channels.sms.maxSegments must be a whole number, not the text "two"');
    expectOne(`{ ${ACME}, "channels": { "sms": { "maxSegments": 1.5 } } }`, "1.5", "channels.sms.maxSegments must be a whole number, not the number 1.5");
    expectOne(`{ ${ACME}, "fonts": "Inter" }`, '"Inter"', 'fonts must be a list, not the text "Inter"');
    expectOne(`{ ${ACME}, "channels": { "email": { "requireUnsubscribe": "yes" } } }`, '"yes"', 'channels.email.requireUnsubscribe must be true or false, not the text "yes"');
    expectOne(`{ ${ACME}, "tone": { "banned": [ { "term": 5 } ] } }`, "5", "tone.banned[0].term must be text, not the number 5");
    expectOne(`{ ${ACME}, "variables": { "firstName": { "charset": "ascii" } } }`, '"ascii"', 'variables.firstName.charset must be one of "gsm", "unicode", not the text "ascii"');
  });

  it("explains limits, required keys, empty text and repeated items", () => {
    expectOne(`{ ${ACME}, "channels": { "sms": { "maxSegments": 0 } } }`, "0 }", "channels.sms.maxSegments must be at least 1, not the number 0");
    expect(problemsOf("{}")).toEqual(['1:1: the config is missing the required key "brand"']);
    expectOne('{ "brand": {} }', "{}", 'brand is missing the required key "name"');
    expectOne('{ "brand": { "name": "" } }', '""', "brand.name must not be empty");
    expectOne('{ "brand": { "name": "A", "domains": ["a.example", "a.example"] } }', "[", 'brand.domains lists "a.example" twice');
    expect(problemsOf("[]")).toEqual(["1:1: the config must be an object, not a list"]);
  });

  it("reports an unknown key with a did-you-mean at the key", () => {
    const text = lines("{", '  "$schema": "./schema/brand.config.schema.json",', `  ${ACME},`, '  "colours": { "primary": "#0B5FFF" }', "}");
    expect(problemsOf(text)).toEqual(['4:3: unknown key "colours" — did you mean "colors"?']);
  });

  it("reports unknown nested keys with where they are", () => {
    expectOne(lines("{", '  "brand": { "name": "Acme", "adress": "1 Main St" }', "}"), '"adress"', 'unknown key "adress" in brand — did you mean "address"?');
    expectOne(`{ ${ACME}, "channels": { "sms": { "maxSegment": 2 } } }`, '"maxSegment"', 'unknown key "maxSegment" in channels.sms — did you mean "maxSegments"?');
    expectOne(`{ ${ACME}, "tone": { "banned": [ { "term": "cheap", "sugest": "affordable" } ] } }`, '"sugest"', 'unknown key "sugest" in tone.banned[0] — did you mean "suggest"?');
    expectOne(`{ ${ACME}, "tone": { "locales": { "ru": { "baned": [] } } } }`, '"baned"', 'unknown key "baned" in tone.locales.ru — did you mean "banned"?');
  });

  it("lists the expected keys when no key is close", () => {
    expectOne(`{ ${ACME}, "channels": { "fax": {} } }`, '"fax"', 'unknown key "fax" in channels (expected one of: sms, push, email, whatsapp, social)');
  });

  it("reports every problem, in source order", () => {
    const text = lines("{", `  ${ACME},`, '  "fonts": "Inter",', '  "colours": {},', '  "channels": { "push": { "titleMax": -1 } }', "}");
    expect(problemsOf(text)).toEqual([
      `${at(text, '"Inter"')}: fonts must be a list, not the text "Inter"`,
      `${at(text, '"colours"')}: unknown key "colours" — did you mean "colors"?`,
      `${at(text, "-1")}: channels.push.titleMax must be at least 1, not the number -1`,
    ]);
  });

  it("explains a value that fits none of the allowed shapes once", () => {
    expectOne(`{ ${ACME}, "channels": { "sms": { "optOut": 5 } } }`, "5", "channels.sms.optOut must be text or an object, not the number 5");
    const retired = `{ ${ACME}, "assets": { "retired": [5, {}, ""] } }`;
    expect(problemsOf(retired)).toEqual([
      `${at(retired, "5")}: assets.retired[0] must be text or an object, not the number 5`,
      `${at(retired, "{},")}: assets.retired[1] is missing the required key "url"`,
      `${at(retired, '""')}: assets.retired[2] must not be empty`,
    ]);
  });

  it("checks dates and offer windows", () => {
    expectOne(`{ ${ACME}, "offers": [ { "code": "A", "discount": "5%", "starts": "2026-02-30" } ] }`, '"2026-02-30"', "offers[0].starts is not a real date: 2026-02-30");
    expectOne(`{ ${ACME}, "offers": [ { "code": "A", "discount": "5%", "ends": "March 1" } ] }`, '"March 1"', 'offers[0].ends must be a date written YYYY-MM-DD, not the text "March 1"');
    expectOne(`{ ${ACME}, "offers": [ { "code": "A", "discount": "5%", "starts": "2026-03-02", "ends": "2026-03-01" } ] }`, '"2026-03-01"', "offer A ends (2026-03-01) before it starts (2026-03-02)");
    expectOne(`{ ${ACME}, "offers": [ { "code": "A", "discount": "5%" }, { "code": "a", "discount": "6%" } ] }`, '"a"', "offer code a is listed twice (also offers[0])");
  });
});

describe("rule settings", () => {
  it("validates a rule's options against that rule's own schema", () => {
    const text = lines("{", `  ${ACME},`, '  "rules": {', '    "tone-words": ["error", { "locale": true }]', "  }", "}");
    expectOne(text, '"locale"', 'unknown key "locale" in the options of rule tone-words — did you mean "locales"?');
    expectOne(`{ ${ACME}, "rules": { "tone-words": ["warn", { "locales": "yes" }] } }`, '"yes"', 'option "locales" of rule tone-words must be true or false, not the text "yes"');
    expectOne(`{ ${ACME}, "rules": { "tone-words": ["warn", 5] } }`, "5", "rules.tone-words[1] must be an object, not the number 5");
  });

  it("validates rule options in overrides too", () => {
    const text = `{ ${ACME}, "overrides": [ { "files": ["templates/**"], "rules": { "tone-words": ["warn", { "locale": true }] } } ] }`;
    expectOne(text, '"locale"', 'unknown key "locale" in the options of rule tone-words — did you mean "locales"?');
  });

  it("reports an unknown rule id with a did-you-mean", () => {
    expectOne(`{ ${ACME}, "rules": { "tone-word": "error" } }`, '"tone-word"', 'unknown rule "tone-word" — did you mean "tone-words"?');
    expectOne(`{ ${ACME}, "rules": { "zzzzzzzzzz": "error" } }`, '"zzzzzzzzzz"', 'unknown rule "zzzzzzzzzz" (run "brandlint rules" to list them)');
  });

  it("reports a bad severity once, with a did-you-mean", () => {
    expectOne(`{ ${ACME}, "rules": { "tone-words": "eror" } }`, '"eror"', 'rules.tone-words: unknown value "eror" — did you mean "error"?');
    expectOne(`{ ${ACME}, "rules": { "tone-words": ["warning"] } }`, '"warning"', 'rules.tone-words[0] must be one of "off", "warn", "error", 0, 1, 2, not the text "warning"');
    expectOne(`{ ${ACME}, "rules": { "tone-words": 3 } }`, "3", 'rules.tone-words must be one of "off", "warn", "error", 0, 1, 2, not the number 3');
    expectOne(`{ ${ACME}, "rules": { "tone-words": true } }`, "true", 'rules.tone-words must be one of "off", "warn", "error", 0, 1, 2 or a list, not true');
    expectOne(`{ ${ACME}, "rules": { "tone-words": ["warn", {}, 1] } }`, "[", "rules.tone-words must list at most 2 items, not 3");
  });

  it("accepts every documented form of a setting", () => {
    for (const s of ['"off"', '"warn"', '"error"', "0", "1", "2", '["warn"]', '["error", {}]', '["warn", { "locales": false }]'])
      expect(problemsOf(`{ ${ACME}, "rules": { "tone-words": ${s} } }`), s).toEqual([]);
  });
});

describe("the shipped schema and example", () => {
  it("closes every object with additionalProperties: false (maps say what their values are)", () => {
    const schema = JSON.parse(readFileSync(schemaPath, "utf8")) as object;
    // A rule's options object is checked against that rule's own schema instead.
    const ruleOptions = "#/definitions/rules/additionalProperties/anyOf/1/items/1";
    const open: string[] = [];
    const walk = (node: unknown, at: string) => {
      if (!node || typeof node !== "object") return;
      const n = node as Record<string, unknown>;
      if (n.type === "object" && n.additionalProperties === undefined && at !== ruleOptions) open.push(at);
      if (n.properties && n.additionalProperties !== false) open.push(at);
      for (const [k, v] of Object.entries(n)) walk(v, `${at}/${k}`);
    };
    walk(schema, "#");
    expect(open).toEqual([]);
  });

  it("the example brand.config.json is valid and names the schema for editors", () => {
    const loaded = loadConfig({ cwd: REPO_ROOT, rules });
    expect(loaded.data.$schema).toBe("./schema/brand.config.schema.json");
    expect(path.resolve(REPO_ROOT, loaded.data.$schema!)).toBe(schemaPath);
  });
});

describe("finding the config", () => {
  let p: TempProject;
  beforeAll(() => {
    p = tempProject({
      "brand.config.json": JSON.stringify({ brand: { name: "Root" } }),
      "configs/other.json": JSON.stringify({ brand: { name: "Other" } }),
      "templates/c/sms.txt": "Hello\n",
    });
  });
  afterAll(() => p.dispose());

  it("walks up from a subfolder", () => {
    const sub = path.join(p.dir, "templates", "c");
    const loaded = loadConfig({ cwd: sub, rules });
    expect(loaded.data.brand.name).toBe("Root");
    expect(loaded.file.path).toBe(path.join(p.dir, "brand.config.json"));
    expect(loaded.dir).toBe(p.dir);
  });

  it("uses --config instead, relative to the cwd", () => {
    const loaded = loadConfig({ cwd: p.dir, configPath: "configs/other.json", rules });
    expect(loaded.data.brand.name).toBe("Other");
    expect(loaded.dir).toBe(path.join(p.dir, "configs"));
  });

  const problemOf = (f: () => unknown): ConfigProblem => {
    try {
      f();
    } catch (e) {
      if (e instanceof ConfigError) return e.problems[0]!;
      throw e;
    }
    throw new Error("no ConfigError");
  };

  it("says clearly when there is none", () => {
    const empty = tempProject({ "templates/c/sms.txt": "Hi\n" });
    try {
      // Only meaningful when no folder above the temp folder has a config of its own.
      if (!findConfig(empty.dir)) expect(problemOf(() => loadConfig({ cwd: empty.dir, rules })).message).toMatch(/^no brand\.config\.json found in .* or any folder above it/);
      const p0 = problemOf(() => loadConfig({ cwd: empty.dir, configPath: "missing.json", rules }));
      expect(p0).toMatchObject({ file: "missing.json", message: "config file not found" });
      const p1 = problemOf(() => loadConfig({ cwd: empty.dir, configPath: "templates", rules }));
      expect(p1).toMatchObject({ file: "templates", message: "is a folder, not a config file" });
    } finally {
      empty.dispose();
    }
  });

  it("shows the config path relative to the cwd", () => {
    mkdirSync(path.join(p.dir, "bad"), { recursive: true });
    writeFileSync(path.join(p.dir, "bad", "brand.json"), "{");
    expect(problemOf(() => loadConfig({ cwd: p.dir, configPath: "bad/brand.json", rules }))).toMatchObject({ file: path.join("bad", "brand.json"), line: 1, column: 2 });
  });
});

describe("config problems through the CLI", { timeout: 120_000 }, () => {
  let p: TempProject;
  beforeAll(() => {
    p = tempProject({ "templates/c/sms.txt": "Hello there\n" });
  });
  afterAll(() => p.dispose());

  const cases: [string, string, string][] = [
    ["unknown key", lines("{", '  "$schema": "./node_modules/brandlint/schema/brand.config.schema.json",', `  ${ACME},`, '  "colours": { "primary": "#0B5FFF" }', "}"), 'brand.config.json:4:3: unknown key "colours" — did you mean "colors"?'],
    ["broken JSON", lines("{", `  ${ACME},`, '  "colors": {}', '  "fonts": []', "}"), 'brand.config.json:4:3: invalid JSON: expected "," between items'],
    ["wrong type", lines("{", `  ${ACME},`, '  "channels": { "sms": { "maxSegments": "two" } }', "}"), 'brand.config.json:3:41: channels.sms.maxSegments must be a whole number, not the text "two"'],
    ["bad rule options", lines("{", `  ${ACME},`, '  "rules": { "tone-words": ["error", { "locale": true }] }', "}"), 'brand.config.json:3:40: unknown key "locale" in the options of rule tone-words — did you mean "locales"?'],
    ["unknown rule", lines("{", `  ${ACME},`, '  "rules": { "tone-word": "error" }', "}"), 'brand.config.json:3:14: unknown rule "tone-word" — did you mean "tone-words"?'],
    ["bad severity", lines("{", `  ${ACME},`, '  "rules": { "tone-words": "eror" }', "}"), 'brand.config.json:3:28: rules.tone-words: unknown value "eror" — did you mean "error"?'],
    ["empty file", "", "brand.config.json:1:1: the file is empty; expected a JSON object"],
  ];
  for (const [title, text, expected] of cases) {
    it(`${title}: exit 2, file:line:col and the message, no stack trace`, async () => {
      const dir = path.join(p.dir, title.replace(/\W+/g, "-"));
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, "brand.config.json"), text);
      const r = await runCli(["--config", path.join(title.replace(/\W+/g, "-"), "brand.config.json")], p.dir);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe(`${expected.replace("brand.config.json", path.join(title.replace(/\W+/g, "-"), "brand.config.json"))}\n`);
      expect(r.stderr).not.toContain(STACK_LINE);
    });
  }

  it("finds the config by walking up from a campaign folder", async () => {
    const q = tempProject({ "brand.config.json": lines("{", `  ${ACME},`, '  "colours": {}', "}"), "templates/c/sms.txt": "Hi\n" });
    try {
      const r = await runCli(["."], path.join(q.dir, "templates", "c"));
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`${path.join(q.dir, "brand.config.json")}:3:3: unknown key "colours" — did you mean "colors"?\n`);
    } finally {
      q.dispose();
    }
  });

  it("--config with a file that does not exist: exit 2", async () => {
    const r = await runCli(["--config", "nope.json"], p.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("nope.json");
    expect(r.stderr).toContain("config file not found");
    expect(r.stderr).not.toContain(STACK_LINE);
  });
});

describe("languages (language data in the config)", () => {
  it("reports an unknown key in a language entry, with a did-you-mean, at the key", () => {
    expectOne(`{ ${ACME}, "languages": { "de": { "percentWord": ["Prozent"] } } }`, '"percentWord"', 'unknown key "percentWord" in languages.de — did you mean "percentWords"?');
  });
  it("reports a list given as text, at the value", () => {
    expectOne(`{ ${ACME}, "languages": { "de": { "percentWords": "Prozent" } } }`, '"Prozent"', 'languages.de.percentWords must be a list, not the text "Prozent"');
  });
  it("reports a term exception given as text", () => {
    expectOne(`{ ${ACME}, "tone": { "banned": [ { "term": "tani*", "except": "taniec*" } ] } }`, '"taniec*"', 'tone.banned[0].except must be a list, not the text "taniec*"');
  });
  it("accepts a new language and the replace flag", () => {
    expect(problemsOf(`{ ${ACME}, "languages": { "sv": { "discountCues": ["rabatt"] }, "de": { "replace": true, "percentWords": ["Prozent"] } } }`)).toEqual([]);
  });
});
