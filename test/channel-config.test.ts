/**
 * The schema validates every key of the channel policies (issue 19): fatigue caps and
 * time zone, the SMS encoding policy, WhatsApp template limits, X counting; each bad
 * value is one clear problem at its line and column.
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ConfigError, parseConfigText, type RuleOptionsInfo } from "../src/config/load.js";
import { loadRules } from "../src/rules-index.js";
import { REPO_ROOT } from "./helpers/cli.js";

let rules: RuleOptionsInfo[];
beforeAll(async () => {
  rules = (await loadRules()).map((r) => r.meta);
});

function configText(config: object): string {
  return JSON.stringify({ brand: { name: "Lumen" }, ...config }, null, 2);
}

function problemsOf(config: object): string[] {
  try {
    parseConfigText(path.join(REPO_ROOT, "brand.config.json"), configText(config), rules, REPO_ROOT);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return e.problems.map((p) => `${p.line}:${p.column}: ${p.message}`);
  }
  return [];
}

/** `line:column` of a value as written in the config text (its first occurrence). */
function at(config: object, needle: string): string {
  const text = configText(config);
  const before = text.slice(0, text.indexOf(needle)).split("\n");
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

describe("channel policy keys in brand.config.json", () => {
  it("accepts every new key with good values", () => {
    expect(
      problemsOf({
        fatigue: { maxPerDay: 4, timezone: "Europe/Warsaw", caps: [{ channels: "all", max: 3, per: "week" }, { channels: ["sms"], max: 1, per: "month", window: "rolling" }] },
        channels: {
          sms: { smartEncoding: true, letters: { pl: "keep", tr: "strip", default: "keep" }, shiftTables: ["tr", "es", "pt"] },
          whatsapp: { bodyMax: 1024, headerMax: 60, footerMax: 60, buttonMax: 25 },
          social: { max: 280, counting: "x" },
        },
      }),
    ).toEqual([]);
    expect(problemsOf({ channels: { sms: { letters: "strip" } } })).toEqual([]);
  });

  it("names each bad value where it is written", () => {
    const sms = { channels: { sms: { letters: "drop", shiftTables: ["de"], smartEncoding: "yes" } } };
    expect(problemsOf(sms)).toEqual([
      `${at(sms, '"drop"')}: channels.sms.letters must be one of "keep", "strip", not the text "drop"`,
      `${at(sms, '"de"')}: channels.sms.shiftTables[0] must be one of "tr", "es", "pt", not the text "de"`,
      `${at(sms, '"yes"')}: channels.sms.smartEncoding must be true or false, not the text "yes"`,
    ]);
    const perLocale = { channels: { sms: { letters: { pl: "maybe" } } } };
    expect(problemsOf(perLocale)).toEqual([`${at(perLocale, '"maybe"')}: channels.sms.letters.pl must be one of "keep", "strip", not the text "maybe"`]);
    const other = { channels: { whatsapp: { headerMax: 61 }, social: { counting: "twitter" } } };
    expect(problemsOf(other)).toEqual([
      `${at(other, "61")}: channels.whatsapp.headerMax must be at most 60, not the number 61`,
      `${at(other, '"twitter"')}: channels.social.counting must be one of "characters", "x", not the text "twitter"`,
    ]);
    const zone = { fatigue: { timezone: "Europe/Warsow" } };
    expect(problemsOf(zone)).toEqual([`${at(zone, '"Europe/Warsow"')}: fatigue.timezone "Europe/Warsow" is not an IANA time zone; write one such as Europe/Warsaw, Asia/Jakarta or UTC`]);
  });
});
