/**
 * Send times in a time zone: planned sends written as a date (`2026-03-20`), a local
 * date and time (`2026-03-20T09:30`) or an instant with its offset
 * (`2026-03-20T08:30Z`, `2026-03-20T09:30+01:00`), placed on the calendar of an IANA
 * time zone with `Intl.DateTimeFormat` (no hand-written zone rules), for calendar
 * periods (day, week, month) and rolling windows.
 */
import { isRealDay } from "./dates.js";
import { lazy, memo } from "./lazy.js";

/** A date and time of day on a clock (local to some zone). */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** A send as written, parsed: a local date and time, and the offset when one is written. */
export interface SendTime extends WallClock {
  /** True when a time of day is written. */
  timed: boolean;
  /** Minutes east of UTC, when the text carries an offset (`Z` = 0). */
  offset?: number;
}

const SEND = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?)?$/;

/** Parses a send date or date-time; undefined when it is not one (or not a real date or time). */
export function parseSendTime(text: string): SendTime | undefined {
  const m = SEND.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // The one date validity check (year 0099 included, which Date.UTC would read as 1999).
  if (!isRealDay(year, month, day)) return undefined;
  const hour = m[4] ? Number(m[4]) : 0;
  const minute = m[5] ? Number(m[5]) : 0;
  const second = m[6] ? Number(m[6]) : 0;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const out: SendTime = { year, month, day, hour, minute, second, timed: m[4] !== undefined };
  if (m[7]) {
    const o = m[7];
    if (o === "Z") out.offset = 0;
    else {
      const [h, mi] = [Number(o.slice(1, 3)), Number(o.slice(4, 6))];
      if (h > 23 || mi > 59) return undefined;
      out.offset = (o[0] === "-" ? -1 : 1) * (h * 60 + mi);
    }
  }
  return out;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    formatters.set(zone, f);
  }
  return f;
}

/** True when `zone` is an IANA time zone name the runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    partsFormatter(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The wall-clock date and time an instant shows in a zone. UTC's is the instant's own
 * (no DST, no history), read without a DateTimeFormat: the first of a process costs 5–6 ms
 * of ICU set-up on top of what any other Intl object costs, and UTC is the fatigue rule's
 * default zone. Other zones are cached: a project's campaigns share a few send days and
 * zones, and formatToParts is the cost.
 */
export function wallClock(instant: number, zone: string): Readonly<WallClock> {
  if (zone !== "UTC") return zonedClock(instant, zone);
  const d = new Date(instant);
  return Object.freeze({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() });
}

const zonedClock = memo(
  10_000,
  (instant: number, zone: string) => `${zone}\u0000${instant}`,
  (instant: number, zone: string): Readonly<WallClock> => {
    const p: Record<string, number> = {};
    for (const part of partsFormatter(zone).formatToParts(new Date(instant))) if (part.type !== "literal") p[part.type] = Number(part.value);
    return Object.freeze({ year: p.year!, month: p.month!, day: p.day!, hour: p.hour!, minute: p.minute!, second: p.second! });
  },
);

/** Offset of a zone from UTC at an instant, in milliseconds. */
function zoneOffset(instant: number, zone: string): number {
  const w = wallClock(instant, zone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant of a send: its offset when written, else its wall-clock time in `zone`
 * (a date alone is 00:00 there). A wall-clock time skipped by a DST change moves
 * forward by the gap, as clocks do.
 */
export function sendInstant(t: SendTime, zone: string): number {
  const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  if (t.offset !== undefined) return wall - t.offset * 60_000;
  let guess = wall - zoneOffset(wall, zone);
  guess = wall - zoneOffset(guess, zone);
  return guess;
}

/** The calendar date of an instant in a zone, as days since 1970-01-01. */
export function localDay(instant: number, zone: string): number {
  const w = wallClock(instant, zone);
  return Date.UTC(w.year, w.month - 1, w.day) / 86_400_000;
}

export type Period = "day" | "week" | "month";

/**
 * The calendar period a local day falls in, as its first and last day (days since
 * 1970-01-01). Weeks start on Sunday, as Iterable's calendar caps do.
 */
export function calendarPeriod(day: number, per: Period): { first: number; last: number } {
  if (per === "day") return { first: day, last: day };
  const d = new Date(day * 86_400_000);
  if (per === "week") {
    const first = day - d.getUTCDay();
    return { first, last: first + 6 };
  }
  const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 86_400_000;
  const last = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0) / 86_400_000;
  return { first, last };
}

const dayFormat = lazy(() => new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "short", day: "numeric", month: "short", year: "numeric" }));
const monthFormat = lazy(() => new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", month: "long", year: "numeric" }));

/** "Sun 15 Mar 2026", "March 2026": a local day or month as people read it. */
export function showDay(day: number): string {
  return dayFormat().format(new Date(day * 86_400_000));
}
export function showMonth(day: number): string {
  return monthFormat().format(new Date(day * 86_400_000));
}
