/**
 * send-fatigue — one audience gets at most `fatigue.maxPerDay` messages a day and
 * `fatigue.maxPerWeek` a week, across every campaign and channel of the run.
 *
 * Why: the email, the SMS and the push about one sale, planned by three people, land
 * on the same phone on the same morning; people unsubscribe. Each channel's send date
 * counts (a channel's own `send` overrides the campaign's), so email + SMS of one
 * campaign on one day are two messages. The finding sits on the `send` line of the
 * send that goes over the limit and names the messages already planned.
 *
 * Options: `channels` — which channels' sends count (social posts reach no inbox).
 */
import type { Campaign } from "../src/campaign/model.js";
import { isRealDate } from "../src/config/load.js";
import { defineRule } from "../src/engine/rule.js";
import type { SourceFile } from "../src/text/source-file.js";
import { CHANNELS, type Channel } from "../src/types.js";

interface Options {
  channels: Channel[];
}

interface Send {
  campaign: Campaign;
  channel: Channel;
  date: string;
  /** Days since 1970-01-01 (UTC), for the rolling week. */
  day: number;
  at: { file: SourceFile; start: number; end: number };
  /** The source spot of the `send` value: a campaign's channels that share it are reported together. */
  spot: string;
}

const DAY_MS = 86_400_000;
const list = new Intl.ListFormat("en", { type: "conjunction" });

/** Every planned send of every campaign with an audience, grouped by audience. */
function plannedSends(campaigns: readonly Campaign[], channels: readonly Channel[]): Map<string, { audience: string; sends: Send[] }> {
  const byAudience = new Map<string, { audience: string; sends: Send[] }>();
  for (const campaign of campaigns) {
    const { meta, metaSource } = campaign;
    const audience = meta.audience?.trim();
    if (!audience || !metaSource) continue;
    for (const channel of meta.channels) {
      if (!channels.includes(channel)) continue;
      const own = meta[channel]?.send;
      const date = own ?? meta.send;
      if (!date || !isRealDate(date)) continue;
      const path = own !== undefined && metaSource.has([channel, "send"]) ? [channel, "send"] : ["send"];
      const r = metaSource.locate(path);
      const key = audience.normalize("NFC").toLowerCase();
      const group = byAudience.get(key) ?? { audience, sends: [] };
      group.sends.push({
        campaign,
        channel,
        date,
        day: Date.parse(`${date}T00:00:00Z`) / DAY_MS,
        at: { file: metaSource.file, ...r },
        spot: `${metaSource.file.path}\u0000${r.start}`,
      });
      byAudience.set(key, group);
    }
  }
  for (const g of byAudience.values())
    g.sends.sort((a, b) => a.day - b.day || cmp(a.campaign.meta.campaign, b.campaign.meta.campaign) || cmp(a.campaign.dir, b.campaign.dir) || CHANNELS.indexOf(a.channel) - CHANNELS.indexOf(b.channel));
  return byAudience;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** "spring-sale email and sms on 2026-03-14, flash sms on 2026-03-16" (at most 8 groups). */
function describeWeek(sends: readonly Send[]): string {
  const groups: { name: string; date: string; channels: string[] }[] = [];
  for (const s of sends) {
    const g = groups.find((x) => x.name === s.campaign.meta.campaign && x.date === s.date);
    if (g) g.channels.push(s.channel);
    else groups.push({ name: s.campaign.meta.campaign, date: s.date, channels: [s.channel] });
  }
  const shown = groups.slice(0, 8).map((g) => `${g.name} ${list.format(g.channels)} on ${g.date}`);
  if (groups.length > 8) shown.push(`${groups.length - 8} more`);
  return shown.join(", ");
}

const plural = (n: number) => `${n} ${n === 1 ? "message" : "messages"}`;

export default defineRule<Options>({
  meta: {
    id: "send-fatigue",
    description: "One audience gets no more than fatigue.maxPerDay messages a day and fatigue.maxPerWeek a week, across campaigns and channels.",
    rationale: "Email, SMS and push about one sale, planned separately, reach the same person on the same day; too many messages is the first reason people unsubscribe.",
    docs: { url: "docs/rules/send-fatigue.md" },
    channels: CHANNELS,
    scope: "project",
    defaultSeverity: "error",
    fixable: false,
    schema: {
      type: "object",
      additionalProperties: false,
      properties: {
        channels: {
          type: "array",
          uniqueItems: true,
          items: { type: "string", enum: [...CHANNELS] },
          description: "Channels whose sends count towards the limits (default email, sms, push, whatsapp: a social post reaches no inbox).",
        },
      },
    },
    defaultOptions: { channels: ["email", "sms", "push", "whatsapp"] },
    messages: {
      perDay: "{audience} already gets {count} on {date} ({others}); the limit is {max} a day",
      perWeek: "{audience} already gets {count} in the 7 days up to {date} ({others}); the limit is {max} a week",
      perDayWith: "{audience} gets {count} on {date} with this campaign's ({others} too); the limit is {max} a day",
      perWeekWith: "{audience} gets {count} in the 7 days up to {date} with this campaign's ({others} too); the limit is {max} a week",
    },
    examples: {
      valid: [
        {
          title: "email and SMS of one sale on different days",
          config: { fatigue: { maxPerDay: 1 } },
          files: { "message.md": "---\ncampaign: spring-sale\nchannels: [email, sms]\naudience: newsletter\nsend: 2026-03-20\nsms: { send: 2026-03-21 }\n---\nSpring is here.\n" },
        },
        {
          title: "without fatigue limits in the config nothing is counted",
          files: { "message.md": "---\nchannels: [email, sms, push]\naudience: newsletter\nsend: 2026-03-20\n---\nSpring is here.\n" },
        },
      ],
      invalid: [
        {
          title: "email and SMS of one sale on the same day count as two messages",
          config: { fatigue: { maxPerDay: 1 } },
          files: { "message.md": "---\ncampaign: spring-sale\nchannels: [email, sms]\naudience: newsletter\nsend: 2026-03-20\n---\nSpring is here.\n" },
          errors: [{ messageId: "perDay", line: 5, column: 7, channels: ["sms"], message: "newsletter already gets 1 message on 2026-03-20 (spring-sale email); the limit is 1 a day" }],
        },
        {
          title: "a channel's own send date, over the weekly limit",
          config: { fatigue: { maxPerWeek: 2 } },
          files: { "campaign.json": '{\n  "campaign": "spring-sale",\n  "audience": "newsletter",\n  "send": "2026-03-14",\n  "push": { "send": "2026-03-20" }\n}\n', "email.mjml": "<mjml><mj-body></mj-body></mjml>\n", "sms.txt": "Lumen sale\n", "push.json": '{ "title": "Sale" }\n' },
          errors: [{ messageId: "perWeek", file: "campaign.json", line: 5, column: 21, channels: ["push"], message: "newsletter already gets 2 messages in the 7 days up to 2026-03-20 (spring-sale email and sms on 2026-03-14); the limit is 2 a week" }],
        },
      ],
    },
    notes: [
      "## How sends are counted",
      "",
      "- A campaign's messages go to its `audience` on its `send` date; a channel's own `send` (`sms: { send: 2026-03-21 }`) overrides it for that channel. Every channel counts as one message: email and SMS of one sale on one day are two. A campaign without an audience or a send date is not counted.",
      "- Only the channels in the `channels` option count (by default every channel but `social`: a social post reaches no one's inbox).",
      "- Audiences are compared ignoring case and surrounding spaces (`Newsletter` = `newsletter`).",
      "- **A day** is a calendar date. **A week** is the rolling 7 days ending on the send day (the send day and the 6 days before), so every window of 7 days is checked, not calendar weeks.",
      "- Sends are ordered by date, then campaign id, then channel (email, SMS, push, WhatsApp, social). The send that goes over a limit is reported on its `send` line (the channel's own `send` when it has one) and names the messages planned before it. Channels of one campaign that share a `send` line and all go over are one finding.",
      "",
      "## Limits",
      "",
      "- Sends are planned per day: there are no send times, so two messages on one day are two messages that day whatever the hours.",
      "- The rule always compares every campaign of the project (the folder of brand.config.json), however few a run lints: a pre-commit hook on one staged campaign, `--changed-since` and every `--shard` see the same sends as a full run. Findings are reported only on the linted campaigns; when a clash would be reported on a campaign the run does not lint, a staged or changed campaign that fills the same window is told instead, on its own `send` line.",
      "- Without `fatigue.maxPerDay` or `fatigue.maxPerWeek` in brand.config.json the rule does nothing.",
    ].join("\n"),
  },
  check(ctx) {
    const fatigue = ctx.config.data.fatigue;
    const maxDay = fatigue?.maxPerDay;
    const maxWeek = fatigue?.maxPerWeek;
    if (maxDay === undefined && maxWeek === undefined) return;
    for (const { sends } of plannedSends(ctx.campaigns, ctx.options.channels).values()) {
      const over = new Map<string, { kind: "perDay" | "perWeek"; first: Send; before: Send[]; channels: Channel[] }>();
      sends.forEach((s, i) => {
        const earlier = sends.slice(0, i);
        const checks: ["perDay" | "perWeek", number | undefined, Send[]][] = [
          ["perDay", maxDay, earlier.filter((e) => e.day === s.day)],
          ["perWeek", maxWeek, earlier.filter((e) => e.day > s.day - 7)],
        ];
        for (const [kind, max, before] of checks) {
          if (max === undefined || before.length + 1 <= max) continue;
          const key = `${kind}\u0000${s.spot}`;
          const prev = over.get(key);
          if (prev) prev.channels.push(s.channel);
          else over.set(key, { kind, first: s, before, channels: [s.channel] });
        }
      });
      for (const { kind, first, before, channels } of over.values()) {
        const describe = (xs: readonly Send[]) => (kind === "perDay" ? xs.map((b) => `${b.campaign.meta.campaign} ${b.channel}`).join(", ") : describeWeek(xs));
        const audience = first.campaign.meta.audience!.trim();
        const max = kind === "perDay" ? maxDay! : maxWeek!;
        // Seen from each other campaign that fills the window: a run that lints only that
        // campaign (a staged file) is told about the clash on its own send line.
        const all = [...before, ...channels.map((c) => ({ ...first, channel: c }))];
        const alternates = [...new Map(before.filter((b) => b.campaign !== first.campaign).map((b) => [b.spot, b])).values()].map((b) => ({
          messageId: `${kind}With`,
          data: { audience, count: plural(all.length), date: first.date, others: describe(all.filter((x) => x.campaign !== b.campaign)), max },
          at: b.at,
          channels: before.filter((x) => x.spot === b.spot).map((x) => x.channel),
        }));
        ctx.report({
          messageId: kind,
          data: { audience, count: plural(before.length), date: first.date, others: describe(before), max },
          at: first.at,
          channels,
          related: [...new Map(before.filter((b) => b.campaign !== first.campaign).map((b) => [b.spot, b])).values()].map((b) => ({ at: b.at, message: `${b.campaign.meta.campaign} is sent to ${audience} on ${b.date}` })),
          alternates,
        });
      }
    }
  },
});
