/** The campaign model every rule sees: metadata, source files and channel variants. */
import type { MappedText } from "../text/mapped-text.js";
import type { SourceFile } from "../text/source-file.js";
import type { Channel } from "../types.js";
import type { JsonPath } from "../config/problems.js";
import type { VariableUse } from "../render/template.js";
import type { MjmlDoc } from "../render/mjml-doc.js";
import type { WhatsAppTemplate } from "../render/whatsapp-template.js";

/** What the renderer keeps of every variant beyond its texts. */
export interface TextExtra {
  /**
   * Rendered from message.md: the analysed Markdown body (render/markdown.ts `BodyModel`).
   * Kept opaque here so the public types do not reach into mdast's.
   */
  body?: unknown;
}

/** An email's documents: the MJML one (generated or hand-written) or a hand-written HTML one. */
export interface EmailExtra extends TextExtra {
  /** The MJML document, with sample values. */
  mjml?: MjmlDoc;
  /** The MJML document rendered with sample or worst-case values. */
  mjmlFor?: (mode: "sample" | "worst") => MjmlDoc;
  /** A hand-written HTML email: its document, like `mjml`. */
  html?: MjmlDoc;
  htmlFor?: (mode: "sample" | "worst") => MjmlDoc;
  /** The document the contrast check reads (HTML as the inbox gets it), made on first use. */
  contrastDoc?: () => MjmlDoc;
}

/** A WhatsApp template's buttons. */
export interface WhatsAppExtra extends TextExtra {
  whatsapp?: WhatsAppTemplate;
}

/** The extra data of each channel's variant. */
export interface ChannelExtras {
  email: EmailExtra;
  sms: TextExtra;
  push: TextExtra;
  whatsapp: WhatsAppExtra;
  social: TextExtra;
}

/** Any channel's extra data, for code that reads what is there without knowing the channel. */
export type VariantExtra = EmailExtra & WhatsAppExtra;

export interface ChannelMeta {
  send?: string;
  text?: string;
  title?: string;
  body?: string;
  subject?: string;
  preheader?: string;
  /** WhatsApp template parts (whatsapp only). */
  header?: string;
  footer?: string;
  buttons?: { type?: "quick_reply" | "url" | "phone_number" | "copy_code"; text: string; url?: string; phone?: string }[];
}

/** Campaign metadata: message.md frontmatter or campaign.json (the same keys). */
export interface CampaignMeta {
  campaign: string;
  locale: string;
  offer?: string;
  channels: Channel[];
  audience?: string;
  /** `transactional` messages are exempt from fatigue caps. */
  type?: "marketing" | "transactional";
  send?: string;
  subject?: string;
  preheader?: string;
  email?: ChannelMeta;
  sms?: ChannelMeta;
  push?: ChannelMeta;
  whatsapp?: ChannelMeta;
  social?: ChannelMeta;
}

/** Where the metadata was written, so findings about it land on its lines. */
export interface MetaSource {
  file: SourceFile;
  /** Source range of the value at `path` (or of its key). Falls back to the enclosing value. */
  locate(path: JsonPath, key?: string): { start: number; end: number };
  /** The string value at `path`, mapped character by character to the file. */
  stringAt(path: JsonPath): MappedText | undefined;
  /** True when the path is present in the source. */
  has(path: JsonPath): boolean;
}

/** One named piece of a variant's text, rendered with sample values and with worst-case values. */
export interface VariantField {
  readonly sample: MappedText;
  /** Rendered with worst-case variable values (maxLength characters of their charset). */
  readonly worst: MappedText;
}

/** The named texts of each channel's variant; every character maps back to its source. */
export interface ChannelFields {
  /** Subject, preheader (empty when there is none) and the body's text. */
  email: { subject: VariantField; preheader: VariantField; body: VariantField };
  sms: { text: VariantField };
  /** Title and body (empty when the file has none). */
  push: { title: VariantField; body: VariantField };
  /** The body (`text`; absent when whatsapp.json has none), the optional header and footer, one field per button label. */
  whatsapp: { text?: VariantField; header?: VariantField; footer?: VariantField; [button: `button${number}`]: VariantField | undefined };
  social: { text: VariantField };
}
export type ChannelFieldNames = { [C in Channel]: keyof ChannelFields[C] & string };
export type FieldName = ChannelFieldNames[Channel];

/** Every text of a variant, in the order it was rendered. */
export function fieldsOf(v: Variant): VariantField[] {
  return Object.values(v.fields as Partial<Record<string, VariantField>>).filter((f): f is VariantField => f !== undefined);
}

/** One named text of a variant whatever its channel (undefined when the channel has no such text). */
export function fieldOf(v: Variant, name: FieldName): VariantField | undefined {
  return (v.fields as Partial<Record<string, VariantField>>)[name];
}

export type LinkRole = "cta" | "link" | "image" | "unsubscribe";

export interface VariantLink {
  /** The URL as rendered with sample values, mapped to where it was written. */
  url: MappedText;
  role: LinkRole;
  /** The link's visible text, if any. */
  text?: MappedText;
}

export interface VariantImage {
  src: MappedText;
  /** Undefined when the image has no alt attribute at all. */
  alt?: MappedText;
  /** Range of the whole image construct in the variant's file. */
  at: { file: SourceFile; start: number; end: number };
}

export type VariantOrigin = "rendered" | "handwritten";

/** What one channel's customers receive, as text with source maps: typed by its channel. */
export interface ChannelVariant<C extends Channel> {
  channel: C;
  origin: VariantOrigin;
  /** The file a person edits to change this variant. */
  file: SourceFile;
  /** Named texts (see ChannelFields). */
  fields: ChannelFields[C];
  links: VariantLink[];
  images: VariantImage[];
  /** Variables the variant's templates use, with their positions in the file. */
  variables: { use: VariableUse; file: SourceFile; start: number; end: number }[];
  /** Template constructs brandlint refuses: unknown helpers, partials, prototype access. */
  templateProblems: { kind: "unknown-helper" | "partial" | "prototype"; message: string; file: SourceFile; start: number; end: number }[];
  /** Handlebars and HTML comments (for inline suppressions). */
  comments: { file: SourceFile; start: number; end: number; value: string }[];
  /** Extra channel data (the email's document, the WhatsApp template), filled by the renderer. */
  extra: ChannelExtras[C];
  /**
   * The same template rendered with the other branch of one `{{#if}}` or `{{#unless}}`
   * than the samples pick, so both branches are linted (variant-scope rules).
   */
  alternates?: ChannelVariant<C>[];
  /** For an alternate: which branch it renders ("with the other branch of {{#if vip}}"). */
  branch?: string;
  /** The bodies of the templates' `{{#if}}`/`{{#unless}}` blocks, and how a finding in one names it. */
  branches?: { file: SourceFile; start: number; end: number; label: string }[];
}

/** A variant of any channel; `variant.channel` tells which (`if (v.channel === "email") v.extra.mjml …`). */
export type Variant = { [C in Channel]: ChannelVariant<C> }[Channel];
export type EmailVariant = ChannelVariant<"email">;
export type SmsVariant = ChannelVariant<"sms">;
export type PushVariant = ChannelVariant<"push">;
export type WhatsAppVariant = ChannelVariant<"whatsapp">;
export type SocialVariant = ChannelVariant<"social">;

/**
 * A variant built where its channel is known only at run time. The renderer makes each
 * channel's fields and extra data by channel, so `v` is one member of the union; this is
 * the one place that says so to the type checker.
 */
export function variantOf<C extends Channel>(v: ChannelVariant<C>): Variant {
  return v as Variant;
}

/** Adds `alternate` (the same template with another branch) to `variant`: both must be of one channel. */
export function addAlternate(variant: Variant, alternate: Variant): void {
  if (alternate.channel !== variant.channel) throw new Error(`an alternate ${alternate.channel} variant cannot belong to a ${variant.channel} variant`);
  ((variant.alternates ??= []) as Variant[]).push(alternate);
}

/** How a finding at this spot names the branch it is in (the innermost `{{#if}}` body around it), if any. */
export function branchLabel(variant: Variant | undefined, file: SourceFile, start: number): string | undefined {
  let best: { start: number; end: number; label: string } | undefined;
  for (const b of variant?.branches ?? []) {
    if (b.file.path !== file.path || start < b.start || start >= b.end) continue;
    if (!best || b.end - b.start < best.end - best.start) best = b;
  }
  return best?.label;
}

/** A problem found while reading a campaign (a file that cannot be parsed, bad metadata). */
export interface CampaignProblem {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  file: SourceFile;
  start: number;
  end: number;
  channels?: Channel[];
}

export interface Campaign {
  /** The campaign id: frontmatter `campaign`, else the folder name. */
  id: string;
  /** Absolute folder path. */
  dir: string;
  /** Every file of the campaign brandlint reads, readable or not. */
  files: SourceFile[];
  messageFile?: SourceFile;
  /** Offset in messageFile where the Markdown body starts (after the frontmatter). */
  bodyStart: number;
  meta: CampaignMeta;
  metaSource?: MetaSource;
  /** Hand-written channel templates by channel. */
  handwritten: Partial<Record<Channel, SourceFile>>;
  variants: Variant[];
  problems: CampaignProblem[];
}

