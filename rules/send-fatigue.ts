/**
 * send-fatigue — frequency caps: one audience gets at most so many messages per day,
 * week or month, on one channel or across channels (`fatigue.caps`, with
 * `fatigue.maxPerDay` / `fatigue.maxPerWeek` as all-channel shorthands), across every
 * campaign of the project.
 *
 * Why: the email, the SMS and the push about one sale, planned by three people, land
 * on the same phone on the same morning; people unsubscribe. Sending platforms cap
 * this per channel and across channels (Braze, Iterable), on calendar periods in a
 * time zone (Iterable: midnight, Sunday, the 1st) or on rolling windows
 * (Customer.io); brandlint checks the plan against the same caps before anything is
 * sent. Each channel's send counts once (a channel's own `send` overrides the
 * campaign's); `type: transactional` campaigns are exempt. The finding sits on the
 * `send` line of the send that goes over a cap and names the cap, the window and
 * every campaign and channel that fill it.
 *
 * Options: `channels` — which channels' sends an "all" cap counts (social posts reach no inbox).
 */
import type { Campaign } from "../src/campaign/model.js";
import { defineRule } from "../src/engine/rule.js";
import { channelNames, CHANNEL_NAMES, formatList } from "../src/text/lists.js";
import type { SourceFile } from "../src/text/source-file.js";
import { calendarPeriod, localDay, parseSendTime, sendInstant, showDay, showMonth } from "../src/text/time.js";
import { CHANNELS, type Channel, type FatigueCap, type FatigueSettings } from "../src/types.js";

interface Options {
  channels: Channel[];
}

interface Send {
  campaign: Campaign;
  channel: Channel;
  /** The send as written. */
  written: string;
  /** When it goes out (ms since the epoch); a date alone is 00:00 in the time zone. */
  instant: number;
  /** Its calendar day in the time zone (days since 1970-01-01). */
  day: number;
  at: { file: SourceFile; start: number; end: number };
  /** The source spot of the `send` value: a campaign's channels that share it are reported together. */
  spot: string;
}

/** A cap to check: from fatigue.caps, or one of the shorthands. */
interface Cap {
  channels: readonly Channel[] | "all";
  max: number;
  per: FatigueCap["per"];
  window: "calendar" | "rolling";
  /** perDay / perWeek for the shorthands (their messages name the key), cap for fatigue.caps. */
  messageId: "perDay" | "perWeek" | "cap";
  /** Where it is written: fatigue.caps[1], fatigue.maxPerDay. */
  name: string;
}

const DAY_MS = 86_400_000;
const ROLLING_DAYS: Record<FatigueCap["per"], number> = { day: 1, week: 7, month: 30 };

/** Every planned send of every campaign with an audience (transactional ones exempt), grouped by audience. */
function plannedSends(campaigns: readonly Campaign[], zone: string): Map<string, { audience: string; sends: Send[] }> {
  const byAudience = new Map<string, { audience: string; sends: Send[] }>();
  for (const campaign of campaigns) {
    const { meta, metaSource } = campaign;
    const audience = meta.audience?.trim();
    if (!audience || !metaSource || meta.type === "transactional") continue;
    for (const channel of new Set(meta.channels)) {
      const own = meta[channel]?.send;
      const written = own ?? meta.send;
      const time = written ? parseSendTime(written) : undefined;
      if (!written || !time) continue;
      const path = own !== undefined && metaSource.has([channel, "send"]) ? [channel, "send"] : ["send"];
      const r = metaSource.locate(path);
      const key = audience.normalize("NFC").toLowerCase();
      const group = byAudience.get(key) ?? { audience, sends: [] };
      const instant = sendInstant(time, zone);
      group.sends.push({
        campaign,
        channel,
        written,
        instant,
        day: time.offset === undefined ? Date.UTC(time.year, time.month - 1, time.day) / DAY_MS : localDay(instant, zone),
        at: { file: metaSource.file, ...r },
        spot: `${metaSource.file.path}\u0000${r.start}`,
      });
      byAudience.set(key, group);
    }
  }
  for (const g of byAudience.values())
    g.sends.sort((a, b) => a.instant - b.instant || cmp(a.campaign.meta.campaign, b.campaign.meta.campaign) || cmp(a.campaign.dir, b.campaign.dir) || CHANNELS.indexOf(a.channel) - CHANNELS.indexOf(b.channel));
  return byAudience;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** "spring-sale email and SMS on 2026-03-14, flash SMS on 2026-03-16": every campaign and channel, by campaign and send. */
/** One send per source spot of the campaigns other than `first`'s, in window order. */
function othersOf(first: Send, before: readonly Send[]): Send[] {
  return [...new Map(before.filter((b) => b.campaign !== first.campaign).map((b) => [b.spot, b])).values()];
}

/** The channels of `sends` written at `s`'s spot. */
function spotChannels(sends: readonly Send[], s: Send): Channel[] {
  return sends.filter((x) => x.spot === s.spot).map((x) => x.channel);
}

function describeSends(sends: readonly Send[], withDates: boolean): string {
  const groups: { name: string; written: string; channels: Channel[] }[] = [];
  for (const s of sends) {
    const g = groups.find((x) => x.name === s.campaign.meta.campaign && (!withDates || x.written === s.written));
    if (g) g.channels.push(s.channel);
    else groups.push({ name: s.campaign.meta.campaign, written: s.written, channels: [s.channel] });
  }
  return groups.map((g) => `${g.name} ${channelNames(g.channels)}${withDates ? ` on ${g.written}` : ""}`).join(", ");
}

/** What a cap counts, for a number: "2 messages", "1 SMS", "3 email or push messages". */
function counted(channels: Cap["channels"], n: number): string {
  if (channels === "all") return `${n} ${n === 1 ? "message" : "messages"}`;
  if (channels.length === 1 && channels[0] === "sms") return `${n} SMS`;
  if (channels.length === 1 && channels[0] === "email") return `${n} ${n === 1 ? "email" : "emails"}`;
  return `${n} ${formatList([...channels].sort((a, b) => CHANNELS.indexOf(a) - CHANNELS.indexOf(b)).map((c) => CHANNEL_NAMES[c]), "disjunction")} ${n === 1 ? "message" : "messages"}`;
}

/** The caps of the config: the shorthands first, then fatigue.caps in order. */
function capsOf(fatigue: FatigueSettings): Cap[] {
  const caps: Cap[] = [];
  if (fatigue.maxPerDay !== undefined) caps.push({ channels: "all", max: fatigue.maxPerDay, per: "day", window: "calendar", messageId: "perDay", name: "fatigue.maxPerDay" });
  if (fatigue.maxPerWeek !== undefined) caps.push({ channels: "all", max: fatigue.maxPerWeek, per: "week", window: "rolling", messageId: "perWeek", name: "fatigue.maxPerWeek" });
  (fatigue.caps ?? []).forEach((c, i) => caps.push({ channels: c.channels, max: c.max, per: c.per, window: c.window ?? "calendar", messageId: "cap", name: `fatigue.caps[${i}]` }));
  return caps;
}

/** The sends before `s` in its window of `cap`. */
function windowOf(cap: Cap, s: Send, earlier: readonly Send[]): Send[] {
  if (cap.window === "rolling") {
    const from = s.instant - ROLLING_DAYS[cap.per] * DAY_MS;
    return earlier.filter((e) => e.instant > from);
  }
  const { first, last } = calendarPeriod(s.day, cap.per);
  return earlier.filter((e) => e.day >= first && e.day <= last);
}

/**
 * How the window of `cap` that ends with `s` reads: "the 7 days up to 2026-03-20", "the day
 * Sat 14 Mar 2026 (UTC)". Made only for a finding (the day names come from a DateTimeFormat,
 * the first of which costs milliseconds of ICU set-up).
 */
function windowText(cap: Cap, s: Send, zone: string): string {
  if (cap.window === "rolling") {
    const days = ROLLING_DAYS[cap.per];
    return `the ${days === 1 ? "24 hours" : `${days} days`} up to ${s.written}${zone === "UTC" ? "" : ` (${zone})`}`;
  }
  const { first, last } = calendarPeriod(s.day, cap.per);
  const zoneNote = zone === "UTC" ? " (UTC)" : ` (${zone})`;
  return cap.per === "day" ? `the day ${showDay(first)}${zoneNote}` : cap.per === "week" ? `the week ${showDay(first)} – ${showDay(last)}${zoneNote}` : `${showMonth(first)}${zoneNote}`;
}

export default defineRule<Options>({
  meta: {
    id: "send-fatigue",
    description: "Frequency caps: one audience gets no more messages per day, week or month than fatigue.caps (per channel or across channels) and fatigue.maxPerDay / maxPerWeek allow.",
    rationale: "Email, SMS and push about one sale, planned separately, reach the same person on the same day; too many messages is the first reason people unsubscribe. Sending platforms cap by channel and across channels; the plan should already keep to those caps.",
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
          description: "Channels whose sends count towards fatigue.maxPerDay, fatigue.maxPerWeek and caps with \"channels\": \"all\" (default email, sms, push, whatsapp: a social post reaches no inbox).",
        },
      },
    },
    defaultOptions: { channels: ["email", "sms", "push", "whatsapp"] },
    messages: {
      perDay: "{audience} already gets {count} on {date} ({others}); the limit is {max} a day",
      perWeek: "{audience} already gets {count} in the 7 days up to {date} ({others}); the limit is {max} a week",
      cap: "{audience} would get {total} in {window}: {sends}; {name} allows {allowed} {period}",
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
          title: "an SMS-only cap does not count the email",
          config: { fatigue: { caps: [{ channels: ["sms"], max: 1, per: "week" }] } },
          files: { "message.md": "---\ncampaign: spring-sale\nchannels: [email, sms]\naudience: newsletter\nsend: 2026-03-20\n---\nSpring is here.\n" },
        },
        {
          title: "23:30 UTC on Saturday is already Sunday in Warsaw: a new calendar week",
          config: { fatigue: { timezone: "Europe/Warsaw", caps: [{ channels: "all", max: 1, per: "week" }] } },
          files: { "message.md": "---\ncampaign: wiosna\nlocale: pl\nchannels: [email, sms]\naudience: newsletter-pl\nsend: 2026-03-16\nsms: { send: 2026-03-21T23:30Z }\n---\nWiosenna wyprzedaż.\n" },
        },
        {
          title: "a transactional message is exempt",
          config: { fatigue: { maxPerDay: 1 } },
          files: { "message.md": "---\ncampaign: order-shipped\ntype: transactional\nchannels: [email, sms]\naudience: newsletter\nsend: 2026-03-20\n---\nYour order is on its way.\n" },
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
          title: "an all-channel cap over a calendar week in the brand's time zone: Saturday 23:30 in Warsaw",
          config: { fatigue: { timezone: "Europe/Warsaw", caps: [{ channels: "all", max: 1, per: "week" }] } },
          files: { "message.md": "---\ncampaign: wiosna\nlocale: pl\nchannels: [email, sms]\naudience: newsletter-pl\nsend: 2026-03-16\nsms: { send: 2026-03-21T22:30Z }\n---\nWiosenna wyprzedaż.\n" },
          errors: [
            {
              messageId: "cap",
              line: 7,
              column: 14,
              channels: ["sms"],
              message: "newsletter-pl would get 2 messages in the week Sun, 15 Mar 2026 – Sat, 21 Mar 2026 (Europe/Warsaw): wiosna email on 2026-03-16, wiosna SMS on 2026-03-21T22:30Z; fatigue.caps[0] allows 1 message a week",
            },
          ],
        },
        {
          title: "a channel's own send date, over the weekly limit",
          config: { fatigue: { maxPerWeek: 2 } },
          files: { "campaign.json": '{\n  "campaign": "spring-sale",\n  "audience": "newsletter",\n  "send": "2026-03-14",\n  "push": { "send": "2026-03-20" }\n}\n', "email.mjml": "<mjml><mj-body></mj-body></mjml>\n", "sms.txt": "Lumen sale\n", "push.json": '{ "title": "Sale" }\n' },
          errors: [{ messageId: "perWeek", file: "campaign.json", line: 5, column: 21, channels: ["push"], message: "newsletter already gets 2 messages in the 7 days up to 2026-03-20 (spring-sale email and SMS on 2026-03-14); the limit is 2 a week" }],
        },
      ],
    },
    notes: [
      "## Caps",
      "",
      "`fatigue.caps` in brand.config.json lists frequency caps, each `{ \"channels\": \"all\" | [channels], \"max\": n, \"per\": \"day\" | \"week\" | \"month\", \"window\": \"calendar\" | \"rolling\" }`, the way sending platforms cap: Braze and Iterable cap each channel by default and across channels as a separate scope, so a list holds both kinds:",
      "",
      "```json",
      "\"fatigue\": {",
      "  \"timezone\": \"Europe/Warsaw\",",
      "  \"caps\": [",
      "    { \"channels\": \"all\", \"max\": 3, \"per\": \"week\" },",
      "    { \"channels\": [\"sms\"], \"max\": 1, \"per\": \"week\" },",
      "    { \"channels\": [\"push\"], \"max\": 2, \"per\": \"day\", \"window\": \"rolling\" }",
      "  ]",
      "}",
      "```",
      "",
      "- `fatigue.maxPerDay` is shorthand for an all-channel cap per calendar day, `fatigue.maxPerWeek` for an all-channel cap per rolling 7 days (their messages name them).",
      "- `\"channels\": \"all\"` counts the channels of the rule's `channels` option (every channel but `social` by default: a social post reaches no one's inbox); a list counts exactly those channels.",
      "",
      "## Windows and the time zone",
      "",
      "- Sends are placed on the calendar of `fatigue.timezone` (an IANA name such as `Europe/Warsaw`; default `UTC`), read with `Intl.DateTimeFormat`. A send is written as a date (`send: 2026-03-20`, a day in that zone), a date and time in that zone (`2026-03-20T09:30`) or an instant with its offset (`2026-03-20T08:30Z`, `2026-03-20T21:30-05:00`), which counts on the day it is in that zone.",
      "- **calendar** windows (the default) are Iterable's: a day runs from midnight, a **week from Sunday** 00:00 to Saturday 24:00, a month from the 1st; all in `fatigue.timezone`.",
      "- **rolling** windows are Customer.io's: the 24 hours, 7 days or 30 days up to each send (a date alone counts as 00:00). For dates without times a rolling week is the send day and the 6 days before.",
      "",
      "## How sends are counted",
      "",
      "- A campaign's messages go to its `audience` on its `send` date; a channel's own `send` (`sms: { send: 2026-03-21 }`) overrides it for that channel. Each channel send of a campaign counts once: email and SMS of one sale on one day are two messages for an all-channel cap and one for an SMS cap. A campaign without an audience or a send date is not counted.",
      "- Campaigns with `type: transactional` in their metadata (receipts, password resets, delivery notices) are exempt, as platforms exempt them from frequency caps.",
      "- Audiences are compared ignoring case and surrounding spaces (`Newsletter` = `newsletter`).",
      "- Sends are ordered by time, then campaign id, then channel (email, SMS, push, WhatsApp, social). The send that goes over a cap is reported on its `send` line (the channel's own `send` when it has one), naming the cap, the window and every campaign and channel in it. Channels of one campaign that share a `send` line and all go over are one finding.",
      "",
      "## Limits",
      "",
      "- The rule sees every campaign of the project (the campaigns under the config's folder), however few files a run lints, and reports on the files of the run: a pre-commit hook on one staged campaign, `--changed-since` and every `--shard` see the same sends as a full run. When a clash would be reported on a campaign the run does not lint, a linted campaign that fills the same window is told instead, on its own `send` line (the union of all shards still equals the full run: shards never move findings).",
      "- Without `fatigue.maxPerDay`, `fatigue.maxPerWeek` or `fatigue.caps` in brand.config.json the rule does nothing.",
    ].join("\n"),
  },
  check(ctx) {
    const fatigue = ctx.config.data.fatigue;
    if (!fatigue) return;
    const caps = capsOf(fatigue);
    if (!caps.length) return;
    const zone = fatigue.timezone ?? "UTC";
    for (const { sends: all } of plannedSends(ctx.campaigns, zone).values()) {
      for (const cap of caps) {
        const counts = cap.channels === "all" ? ctx.options.channels : cap.channels;
        const sends = all.filter((s) => counts.includes(s.channel));
        const over = new Map<string, { first: Send; before: Send[]; last: Send; lastBefore: Send[]; window: string; channels: Channel[] }>();
        sends.forEach((s, i) => {
          const before = windowOf(cap, s, sends.slice(0, i));
          if (before.length + 1 <= cap.max) return;
          const prev = over.get(s.spot);
          if (prev) Object.assign(prev, { last: s, lastBefore: before }).channels.push(s.channel);
          else over.set(s.spot, { first: s, before, last: s, lastBefore: before, window: windowText(cap, s, zone), channels: [s.channel] });
        });
        for (const { first, before, last, lastBefore, window, channels } of over.values()) {
          const audience = first.campaign.meta.audience!.trim();
          // The other campaigns' sends that fill the window: named as related information, and
          // the places a run that lints only one of them (a staged file) reports the clash instead.
          const others = othersOf(first, before);
          const related = others.map((b) => ({ at: b.at, message: `${b.campaign.meta.campaign} ${b.channel} is sent to ${audience} on ${b.written}` }));
          if (cap.messageId === "cap") {
            const inWindow = [...lastBefore, last];
            const period = cap.window === "calendar" ? `a ${cap.per}` : `in any ${cap.per === "day" ? "24 hours" : `${ROLLING_DAYS[cap.per]} days`}`;
            const data = { audience, total: counted(cap.channels, inWindow.length), window, sends: describeSends(inWindow, true), name: cap.name, allowed: counted(cap.channels, cap.max), period };
            ctx.report({ messageId: "cap", data, at: first.at, channels, related, alternates: others.map((b) => ({ messageId: "cap", data, at: b.at, channels: spotChannels(before, b) })) });
            continue;
          }
          const withDates = cap.messageId !== "perDay";
          const all = [...before, ...channels.map((c) => ({ ...first, channel: c }))];
          ctx.report({
            messageId: cap.messageId,
            data: { audience, count: counted("all", before.length), date: first.written, others: describeSends(before, withDates), max: cap.max },
            at: first.at,
            channels,
            related,
            alternates: others.map((b) => ({
              messageId: `${cap.messageId}With`,
              data: { audience, count: counted("all", all.length), date: first.written, others: describeSends(all.filter((x) => x.campaign !== b.campaign), withDates), max: cap.max },
              at: b.at,
              channels: spotChannels(before, b),
            })),
          });
        }
      }
    }
  },
});
