/** Types shared by every layer. */

export const CHANNELS = ["email", "sms", "push", "whatsapp", "social"] as const;
export type Channel = (typeof CHANNELS)[number];

export type SeverityName = "off" | "warn" | "error";
/** 0 off, 1 warning, 2 error (ESLint's numbers). */
export type Severity = 0 | 1 | 2;
export type RuleSetting = SeverityName | Severity | [SeverityName | Severity] | [SeverityName | Severity, Record<string, unknown>];

export interface BannedTerm {
  term: string;
  suggest?: string;
  message?: string;
  caseSensitive?: boolean;
  /** Words the term must not match (same wildcards): `tani*` except `taniec*`. */
  except?: string[];
}
export interface PreferredTerm {
  use: string;
  instead: string[];
  caseSensitive?: boolean;
  message?: string;
}
export interface ToneLists {
  banned?: BannedTerm[];
  terms?: PreferredTerm[];
}
export interface Offer {
  code: string;
  discount: string;
  starts?: string;
  ends?: string;
  description?: string;
}
/** A string, or a map from locale tag (or "default") to string. */
export type Localized = string | Record<string, string>;
export type SmsLetters = "keep" | "strip";
export interface ChannelSettings {
  sms?: {
    maxSegments?: number;
    requireOptOut?: boolean;
    optOut?: Localized;
    linkLength?: number;
    requireSender?: boolean;
    /** The gateway replaces look-alike punctuation with GSM characters (Twilio's Smart Encoding), all or nothing. */
    smartEncoding?: boolean;
    /** Letters with a GSM base form (ń, ş): keep them (default) or strip them; or by locale tag with "default". */
    letters?: SmsLetters | Record<string, SmsLetters>;
    /** 3GPP TS 23.038 national language shift tables the gateway supports. */
    shiftTables?: ("tr" | "es" | "pt")[];
  };
  push?: { titleMax?: number; bodyMax?: number };
  email?: { subjectMax?: number; preheaderMax?: number; requireUnsubscribe?: boolean };
  /** WhatsApp Business template limits (Meta's: header 60, body 1024, footer 60, button label 25). */
  whatsapp?: { bodyMax?: number; headerMax?: number; footerMax?: number; buttonMax?: number };
  /** `counting: "x"`: X's weighted length (twitter-text), 280 unless `max` says otherwise. */
  social?: { max?: number; counting?: "characters" | "x" };
}
/** One frequency cap: at most `max` sends of `channels` to one audience per `per`. */
export interface FatigueCap {
  channels: "all" | Channel[];
  max: number;
  per: "day" | "week" | "month";
  /** calendar (default): the day, week (from Sunday) or month in fatigue.timezone; rolling: the 1, 7 or 30 days up to the send. */
  window?: "calendar" | "rolling";
}
export interface FatigueSettings {
  /** Shorthand for an all-channel calendar-day cap. */
  maxPerDay?: number;
  /** Shorthand for an all-channel rolling 7-day cap. */
  maxPerWeek?: number;
  /** IANA time zone of send dates and calendar periods (default UTC). */
  timezone?: string;
  caps?: FatigueCap[];
}
/** Any JSON value: a variable's sample (strings, numbers, objects, arrays of them). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };
export interface VariableSpec {
  /** Any JSON value; objects and arrays give `{{order.id}}` and `{{#each order.items}}` their data. */
  sample?: JsonValue;
  maxLength?: number;
  /** Worst case for an array: this many items. */
  maxItems?: number;
  charset?: "gsm" | "unicode";
  fallback?: string;
  description?: string;
}
/** The lists of one language data file (schema/language.schema.json), or a config entry for it. */
export interface LanguageData {
  $schema?: string;
  name?: string;
  /** In brand.config.json only: the lists given replace the built-in ones. */
  replace?: boolean;
  discountCues?: string[];
  taxWords?: string[];
  factWords?: string[];
  codeCues?: string[];
  codeCuesAfter?: string[];
  notCodeCues?: string[];
  percentWords?: string[];
  percentWordsBefore?: string[];
  upToWords?: string[];
  endDateWords?: string[];
  endDateWordsAfter?: string[];
  dateFillers?: string[];
  dateJoiners?: string[];
  ordinalSuffixes?: string[];
  dateLocales?: string[];
  currencyWords?: string[];
  greetings?: string[];
  optOutWords?: string[];
  prefixes?: string[];
  unmarkedForms?: boolean;
  words?: string[];
}

export interface BrandConfig {
  $schema?: string;
  brand: { name: string; sender?: string; address?: string; domains?: string[]; unsubscribeUrl?: string };
  colors?: Record<string, string>;
  fonts?: string[];
  tone?: ToneLists & { locales?: Record<string, ToneLists> };
  offers?: Offer[];
  channels?: ChannelSettings;
  /** Language knowledge by tag, extending (or with `replace`, replacing) lang/<tag>.json. */
  languages?: Record<string, LanguageData>;
  variables?: Record<string, VariableSpec>;
  links?: { requireHttps?: boolean; utm?: Record<string, Record<string, string>> };
  assets?: { hosts?: string[]; retired?: (string | { url: string; replacement?: string; message?: string })[] };
  fatigue?: FatigueSettings;
  rules?: Record<string, RuleSetting>;
  overrides?: { files: string[]; rules?: Record<string, RuleSetting>; channels?: ChannelSettings }[];
  customRules?: string[];
}
