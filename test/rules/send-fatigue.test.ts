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
      "templates/tents-launch/campaign.json:1:65 push newsletter already gets 2 messages on 2026-03-20 (spring-sale email and SMS); the limit is 2 a day",
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
      "templates/jesien-c/campaign.json:5:11 newsletter-pl already gets 2 messages in the 7 days up to 2026-10-09 (jesień-a SMS on 2026-10-03, jesień-b SMS on 2026-10-06); the limit is 2 a week",
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

describe("send-fatigue caps (fatigue.caps)", () => {
  const show = (found: Awaited<ReturnType<typeof lintProject>>) => found.map((f) => `${f.file}:${f.line}:${f.column} ${f.channels?.join(",")} ${f.message}`);

  it("pl: an all-channel cap and an SMS-only cap over a calendar week in Europe/Warsaw", async () => {
    const caps = [
      { channels: "all" as const, max: 3, per: "week" as const },
      { channels: ["sms" as const], max: 1, per: "week" as const },
    ];
    const found = await lintProject({ fatigue: { timezone: "Europe/Warsaw", caps } }, {
      "wiosna-a": { files: { "message.md": md("campaign: wiosna-a\nlocale: pl\nchannels: [email, sms]\naudience: newsletter-pl\nsend: 2026-03-16", "Wiosenna wyprzedaż\n") } },
      "wiosna-b": { files: { "campaign.json": '{\n  "campaign": "wiosna-b",\n  "locale": "pl",\n  "audience": "newsletter-pl",\n  "send": "2026-03-19T18:00"\n}\n', "sms.txt": "Lumen: rabat 20%\n" } },
      // Saturday 23:30 in Warsaw (22:30 UTC): still the week of Sunday 15 March.
      "wiosna-c": { files: { "message.md": md("campaign: wiosna-c\nlocale: pl\nchannels: [push]\naudience: newsletter-pl\nsend: 2026-03-21T22:30Z", "Ostatni dzień\n") } },
      // 23:30 UTC on Saturday is Sunday 00:30 in Warsaw: a new week for both caps.
      "wiosna-d": { files: { "message.md": md("campaign: wiosna-d\nlocale: pl\nchannels: [sms, push]\naudience: newsletter-pl\nsend: 2026-03-21T23:30Z", "Nowy tydzień\n") } },
    });
    expect(show(found)).toEqual([
      "templates/wiosna-b/campaign.json:5:11 sms newsletter-pl would get 2 SMS in the week Sun, 15 Mar 2026 – Sat, 21 Mar 2026 (Europe/Warsaw): wiosna-a SMS on 2026-03-16, wiosna-b SMS on 2026-03-19T18:00; fatigue.caps[1] allows 1 SMS a week",
      "templates/wiosna-c/message.md:6:7 push newsletter-pl would get 4 messages in the week Sun, 15 Mar 2026 – Sat, 21 Mar 2026 (Europe/Warsaw): wiosna-a email and SMS on 2026-03-16, wiosna-b SMS on 2026-03-19T18:00, wiosna-c push on 2026-03-21T22:30Z; fatigue.caps[0] allows 3 messages a week",
    ]);
  });

  it("en: the same plan in UTC puts the Saturday-night push in the next week", async () => {
    const found = await lintProject({ fatigue: { caps: [{ channels: "all", max: 1, per: "week" }] } }, {
      a: { files: { "message.md": md("campaign: a\nchannels: [email]\naudience: newsletter\nsend: 2026-03-16") } },
      b: { files: { "message.md": md("campaign: b\nchannels: [push]\naudience: newsletter\nsend: 2026-03-21T23:30+01:00") } },
    });
    // 23:30+01:00 on Saturday is 22:30 UTC on Saturday: the same UTC week.
    expect(show(found)).toEqual([
      "templates/b/message.md:5:7 push newsletter would get 2 messages in the week Sun, 15 Mar 2026 – Sat, 21 Mar 2026 (UTC): a email on 2026-03-16, b push on 2026-03-21T23:30+01:00; fatigue.caps[0] allows 1 message a week",
    ]);
  });

  it("id: a rolling 24-hour push cap in Asia/Jakarta; transactional messages are exempt", async () => {
    const found = await lintProject({ fatigue: { timezone: "Asia/Jakarta", caps: [{ channels: ["push"], max: 1, per: "day", window: "rolling" }] } }, {
      gajian: { files: { "message.md": md("campaign: promo-gajian\nlocale: id\nchannels: [push]\naudience: app-id\nsend: 2026-04-24T20:00", "Promo gajian\n") } },
      kirim: { files: { "message.md": md("campaign: pesanan-dikirim\nlocale: id\ntype: transactional\nchannels: [push]\naudience: app-id\nsend: 2026-04-25T08:00", "Pesanan Anda dikirim\n") } },
      // 19:00 the next day: 23 hours after 20:00, inside the rolling 24 hours.
      flash: { files: { "message.md": md("campaign: flash-sale\nlocale: id\nchannels: [push]\naudience: app-id\nsend: 2026-04-25T19:00", "Flash sale\n") } },
      // 20:30 the day after that: the window holds only the flash sale's 19:00.
      akhir: { files: { "message.md": md("campaign: akhir-bulan\nlocale: id\nchannels: [push]\naudience: app-id\nsend: 2026-04-26T20:30", "Akhir bulan\n") } },
    });
    expect(show(found)).toEqual([
      "templates/flash/message.md:6:7 push app-id would get 2 push messages in the 24 hours up to 2026-04-25T19:00 (Asia/Jakarta): promo-gajian push on 2026-04-24T20:00, flash-sale push on 2026-04-25T19:00; fatigue.caps[0] allows 1 push message in any 24 hours",
    ]);
  });

  it("ar: a calendar-month cap on email and WhatsApp together, next to the maxPerDay shorthand", async () => {
    const found = await lintProject({ fatigue: { maxPerDay: 2, timezone: "Asia/Riyadh", caps: [{ channels: ["email", "whatsapp"], max: 2, per: "month" }] } }, {
      r1: { files: { "message.md": md("campaign: ramadan-1\nlocale: ar\nchannels: [email, whatsapp]\naudience: newsletter-ar\nsend: 2026-02-20", "رمضان كريم\n") } },
      r2: { files: { "message.md": md("campaign: ramadan-2\nlocale: ar\nchannels: [whatsapp, sms]\naudience: newsletter-ar\nsend: 2026-02-27", "عروض رمضان\n") } },
      // 1 March in Riyadh (UTC+3) starts a new month at 21:00 UTC on 28 February.
      eid: { files: { "message.md": md("campaign: eid\nlocale: ar\nchannels: [email]\naudience: newsletter-ar\nsend: 2026-02-28T21:30Z", "عيد مبارك\n") } },
    });
    expect(show(found)).toEqual([
      "templates/r2/message.md:6:7 whatsapp newsletter-ar would get 3 email or WhatsApp messages in February 2026 (Asia/Riyadh): ramadan-1 email and WhatsApp on 2026-02-20, ramadan-2 WhatsApp on 2026-02-27; fatigue.caps[0] allows 2 email or WhatsApp messages a month",
    ]);
  });

  it("a time zone that is not an IANA name is a config error naming the key", async () => {
    await expect(lintProject({ fatigue: { timezone: "Europe/Warsow", caps: [{ channels: "all", max: 1, per: "day" }] } }, {})).rejects.toThrow(
      /brand\.config\.json:\d+:\d+: fatigue\.timezone "Europe\/Warsow" is not an IANA time zone/,
    );
  });

  it("a cap with an unknown period is a config error", async () => {
    await expect(lintProject({ fatigue: { caps: [{ channels: "all", max: 1, per: "fortnight" as "week" }] } }, {})).rejects.toThrow(/fatigue\.caps\[0\]\.per must be one of "day", "week", "month", not the text "fortnight"/);
  });
});
