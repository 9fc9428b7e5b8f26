/**
 * Lists in messages: one formatter (Intl.ListFormat, English like every message) and
 * channel names as people write them ("SMS", "WhatsApp"), in the channels' order.
 */
import { CHANNELS, type Channel } from "../types.js";
import { lazy } from "./lazy.js";

const FORMATS = {
  conjunction: lazy(() => new Intl.ListFormat("en", { style: "long", type: "conjunction" })),
  disjunction: lazy(() => new Intl.ListFormat("en", { style: "long", type: "disjunction" })),
};

/** "a, b, and c" (or "a, b, or c"). */
export function formatList(items: Iterable<string>, type: keyof typeof FORMATS = "conjunction"): string {
  return FORMATS[type]().format([...items]);
}

/** How a channel is named in a message. */
export const CHANNEL_NAMES: Readonly<Record<Channel, string>> = { email: "email", sms: "SMS", push: "push", whatsapp: "WhatsApp", social: "social" };

/**
 * "email, SMS, and push" (or capitalised: "Email, SMS, and push"): each channel once, in
 * the channels' order; the channels in `elsewhere` are named "SMS (elsewhere)".
 */
export function channelNames(channels: Iterable<Channel>, capital = false, elsewhere: ReadonlySet<Channel> = new Set()): string {
  const sorted = [...new Set(channels)].sort((a, b) => CHANNELS.indexOf(a) - CHANNELS.indexOf(b));
  const s = formatList(sorted.map((c) => CHANNEL_NAMES[c] + (elsewhere.has(c) ? " (elsewhere)" : "")));
  return capital ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}
