import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import rule from "../../rules/send-fatigue.js";
import { lint } from "../../src/lint.js";
import type { BrandConfig } from "../../src/types.js";
import { runRuleExamples, runRuleTests } from "../helpers/rule-tester.js";

runRuleExamples(rule);

const md = (front: string, body = "Hello.\n") => `---\n${front}\n---\n${body}`;

runRuleTests(rule, {
  valid: [
    {
      title: "id: email and WhatsApp on different days, limit 1 a day",
      config: { fatigue: { maxPerDay: 1 } },
      files: { "message.md": md("campaign: promo-gajian\nlocale: id\nchannels: [email, whatsapp]\naudience: newsletter-id\nsend: 2026-04-25\nwhatsapp:\n  send: 2026-04-26", "Promo gajian, diskon 10%.\n") },
    },
    {
      title: "ar: a campaign without an audience is not counted",
      config: { fatigue: { maxPerDay: 1 } },
      files: { "message.md": md("locale: ar\nchannels: [email, sms]\nsend: 2026-03-01", "عروض رمضان\n") },
    },
    {
      title: "en: social posts do not count by default",
      config: { fatigue: { maxPerDay: 1 } },
      files: { "message.md": md("channels: [email, social]\naudience: newsletter\nsend: 2026-03-20") },
    },
    {
      title: "ru: three channels within the weekly limit",
      config: { fatigue: { maxPerWeek: 3 } },
      files: { "message.md": md("locale: ru\nchannels: [email, sms, push]\naudience: newsletter-ru\nsend: 2026-06-05", "Лето с Lumen\n") },
    },
  ],
  invalid: [
    {
      title: "ru: push on the same day as email and SMS, reported once at the shared send line",
      config: { fatigue: { maxPerDay: 1 } },
      files: { "message.md": md("campaign: leto-sale\nlocale: ru\nchannels: [email, sms, push]\naudience: newsletter-ru\nsend: 2026-06-05", "Лето с Lumen\n") },
      errors: [{ messageId: "perDay", line: 6, column: 7, endColumn: 17, channels: ["sms", "push"], message: "newsletter-ru already gets 1 message on 2026-06-05 (leto-sale email); the limit is 1 a day" }],
    },
    {
      title: "id: social counts when the option says so",
      config: { fatigue: { maxPerDay: 1 } },
      options: { channels: ["email", "social"] },
      files: { "message.md": md("campaign: promo-gajian\nlocale: id\nchannels: [email, social]\naudience: newsletter-id\nsend: 2026-04-25") },
      errors: [{ messageId: "perDay", line: 6, column: 7, channels: ["social"] }],
    },
    {
      title: "pl: campaign.json with the SMS moved onto the email's day",
      config: { fatigue: { maxPerDay: 1 } },
      files: {
        "campaign.json": '{\n  "campaign": "jesien-pl",\n  "locale": "pl",\n  "audience": "newsletter-pl",\n  "send": "2026-10-05",\n  "sms": { "send": "2026-10-05" }\n}\n',
        "email.mjml": "<mjml><mj-body></mj-body></mjml>\n",
        "sms.txt": "Lumen: rabat 30% z kodem JESIEN30\n",
      },
      errors: [{ messageId: "perDay", file: "campaign.json", line: 6, column: 20, channels: ["sms"], message: "newsletter-pl already gets 1 message on 2026-10-05 (jesien-pl email)" }],
    },
  ],
});

interface CampaignCase {
  files: Record<string, string>;
}

/** Writes several campaign folders into a temp project and lints them with send-fatigue only. */
async function lintProject(config: Partial<BrandConfig>, campaigns: Record<string, CampaignCase>, paths?: string[]) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "brandlint-fatigue-"));
  try {
    writeFileSync(path.join(dir, "brand.config.json"), JSON.stringify({ brand: { name: "Lumen" }, ...config }, null, 2));
    for (const [name, c] of Object.entries(campaigns)) {
      const folder = path.join(dir, "templates", name);
      mkdirSync(folder, { recursive: true });
      for (const [file, text] of Object.entries(c.files)) writeFileSync(path.join(folder, file), text);
    }
    const report = await lint({ cwd: dir, only: ["send-fatigue"], ...(paths ? { paths: paths.map((p) => path.join(dir, p)) } : {}) });
    return report.results.flatMap((r) =>
      r.messages.map((m) => ({ file: path.relative(dir, r.file.path).split(path.sep).join("/"), line: m.line, column: m.column, channels: m.channels, message: m.message, ruleId: m.ruleId })),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("send-fatigue across campaigns", () => {
  it("en: a second campaign on the same day is reported on its send line, naming the first", async () => {
    const found = await lintProject({ fatigue: { maxPerDay: 1 } }, {
      "spring-sale": { files: { "message.md": md("campaign: spring-sale\nchannels: [email, sms]\naudience: newsletter\nsend: 2026-03-20\nsms:\n  send: 2026-03-19") } },
      "weekend-deals": { files: { "message.md": md("campaign: weekend-deals\nchannels: [email]\naudience: Newsletter\nsend: 2026-03-20") } },
    });
    expect(found).toEqual([
      {
        file: "templates/weekend-deals/message.md",
        line: 5,
        column: 7,
        channels: ["email"],
        message: "Newsletter already gets 1 message on 2026-03-20 (spring-sale email); the limit is 1 a day",
        ruleId: "send-fatigue",
      },
    ]);
  });

  it("en: names both messages of the earlier campaign (email + SMS the same day count as two)", async () => {
    const found = await lintProject({ fatigue: { maxPerDay: 2 } }, {
      "spring-sale": { files: { "message.md": md("campaign: spring-sale\nchannels: [email, sms]\naudience: newsletter\nsend: 2026-03-20") } },
      "tents-launch": { files: { "campaign.json": '{ "campaign": "tents-launch", "audience": "newsletter", "send": "2026-03-20" }', "push.json": '{ "title": "New tents" }' } },
    });
    expect(found.map((f) => `${f.file}:${f.line}:${f.column} ${f.channels?.join(",")} ${f.message}`)).toEqual([
      "templates/tents-launch/campaign.json:1:65 push newsletter already gets 2 messages on 2026-03-20 (spring-sale email, spring-sale sms); the limit is 2 a day",
    ]);
  });

  it("pl + id + ar: the rolling week spans calendar weeks; other audiences do not count", async () => {
    const found = await lintProject({ fatigue: { maxPerWeek: 2 } }, {
      "jesien-a": { files: { "campaign.json": '{ "campaign": "jesień-a", "locale": "pl", "audience": "newsletter-pl", "send": "2026-10-03" }', "sms.txt": "Lumen: jesień\n" } },
      "jesien-b": { files: { "campaign.json": '{ "campaign": "jesień-b", "locale": "pl", "audience": "newsletter-pl", "send": "2026-10-06" }', "sms.txt": "Lumen: rabat\n" } },
      "jesien-c": { files: { "campaign.json": '{\n  "campaign": "jesień-c",\n  "locale": "pl",\n  "audience": "newsletter-pl",\n  "send": "2026-10-09"\n}\n', "sms.txt": "Lumen: ostatni dzień\n" } },
      "jesien-d": { files: { "campaign.json": '{ "campaign": "jesień-d", "locale": "pl", "audience": "newsletter-pl", "send": "2026-10-13" }', "sms.txt": "Lumen: nowość\n" } },
      "gajian": { files: { "message.md": md("campaign: promo-gajian\nlocale: id\nchannels: [sms]\naudience: newsletter-id\nsend: 2026-10-06", "Promo gajian\n") } },
      "ramadan": { files: { "message.md": md("campaign: ramadan\nlocale: ar\nchannels: [sms]\naudience: newsletter-ar\nsend: 2026-10-09", "عروض رمضان\n") } },
    });
    // 10-09: 10-03 and 10-06 fall in the 7 days 10-03..10-09, so the third send is over;
    // 10-13: the window 10-07..10-13 holds only 10-09, so it is fine.
    expect(found.map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual([
      "templates/jesien-c/campaign.json:5:11 newsletter-pl already gets 2 messages in the 7 days up to 2026-10-09 (jesień-a sms on 2026-10-03, jesień-b sms on 2026-10-06); the limit is 2 a week",
    ]);
  });

  it("ru: day and week limits are separate findings on the same line", async () => {
    const found = await lintProject({ fatigue: { maxPerDay: 1, maxPerWeek: 2 } }, {
      "leto-a": { files: { "message.md": md("campaign: leto-a\nlocale: ru\nchannels: [email]\naudience: newsletter-ru\nsend: 2026-06-01", "Лето\n") } },
      "leto-b": { files: { "message.md": md("campaign: leto-b\nlocale: ru\nchannels: [email]\naudience: newsletter-ru\nsend: 2026-06-05", "Скидки\n") } },
      "leto-c": { files: { "message.md": md("campaign: leto-c\nlocale: ru\nchannels: [push]\naudience: newsletter-ru\nsend: 2026-06-05", "Палатки\n") } },
    });
    expect(found.map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual([
      "templates/leto-c/message.md:6:7 newsletter-ru already gets 1 message on 2026-06-05 (leto-b email); the limit is 1 a day",
      "templates/leto-c/message.md:6:7 newsletter-ru already gets 2 messages in the 7 days up to 2026-06-05 (leto-a email on 2026-06-01, leto-b email on 2026-06-05); the limit is 2 a week",
    ]);
  });

  it("ar: a channel's own send date in the frontmatter is where the finding sits", async () => {
    const found = await lintProject({ fatigue: { maxPerDay: 1 } }, {
      "ramadan-a": { files: { "message.md": md("campaign: ramadan-a\nlocale: ar\nchannels: [email]\naudience: newsletter-ar\nsend: 2026-03-01", "عروض رمضان\n") } },
      "ramadan-b": { files: { "message.md": md("campaign: ramadan-b\nlocale: ar\nchannels: [email, push]\naudience: newsletter-ar\nsend: 2026-03-02\npush:\n  title: \"خصم ٢٥٪\"\n  send: 2026-03-01", "خصم على كل شيء\n") } },
    });
    expect(found.map((f) => `${f.file}:${f.line}:${f.column} ${f.channels?.join(",")} ${f.message}`)).toEqual([
      "templates/ramadan-b/message.md:9:9 push newsletter-ar already gets 1 message on 2026-03-01 (ramadan-a email); the limit is 1 a day",
    ]);
  });

  it("en: linting only some campaigns (pre-commit) still compares them with every campaign of the project", async () => {
    const campaigns = {
      "spring-sale": { files: { "message.md": md("campaign: spring-sale\nchannels: [email]\naudience: newsletter\nsend: 2026-03-20") } },
      "weekend-deals": { files: { "message.md": md("campaign: weekend-deals\nchannels: [email]\naudience: newsletter\nsend: 2026-03-20") } },
    };
    const full = await lintProject({ fatigue: { maxPerDay: 1 } }, campaigns);
    expect(full).toHaveLength(1);
    expect(full[0]!.file).toBe("templates/weekend-deals/message.md");
    // The staged campaign gets the same finding; staged alone, the other one is told of the clash on its own send line.
    expect(await lintProject({ fatigue: { maxPerDay: 1 } }, campaigns, ["templates/weekend-deals"])).toEqual(full);
    const other = await lintProject({ fatigue: { maxPerDay: 1 } }, campaigns, ["templates/spring-sale"]);
    expect(other.map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`)).toEqual([
      "templates/spring-sale/message.md:5:7 newsletter gets 2 messages on 2026-03-20 with this campaign's (weekend-deals email too); the limit is 1 a day",
    ]);
  });

  it("does nothing without fatigue limits", async () => {
    const found = await lintProject({}, {
      a: { files: { "message.md": md("channels: [email, sms, push]\naudience: newsletter\nsend: 2026-03-20") } },
      b: { files: { "message.md": md("channels: [email, sms, push]\naudience: newsletter\nsend: 2026-03-20") } },
    });
    expect(found).toEqual([]);
  });
});
