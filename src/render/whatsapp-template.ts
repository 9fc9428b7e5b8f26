/**
 * The parts of a WhatsApp Business message template besides its body (Meta's template
 * components): a text header, a footer and buttons, from message.md's frontmatter
 * (`whatsapp: { header, footer, buttons }`) or a hand-written `whatsapp.json`
 * (`{ "header", "body", "footer", "buttons" }`). Header, footer and button labels are
 * variant fields (`header`, `footer`, `button1`…), so every text rule reads them; the
 * buttons' kinds, URLs and positions are kept in `variant.extra.whatsapp`.
 */
import type { VariantExtra } from "../campaign/model.js";
import type { MappedText } from "../text/mapped-text.js";
import type { SourceFile } from "../text/source-file.js";

export type WhatsAppButtonType = "quick_reply" | "url" | "phone_number" | "copy_code";
export const WHATSAPP_BUTTON_TYPES: readonly WhatsAppButtonType[] = ["quick_reply", "url", "phone_number", "copy_code"];

export interface WhatsAppButton {
  type: WhatsAppButtonType;
  /** The variant field that holds its label. */
  field: `button${number}`;
  /** A URL button's URL, rendered with sample values (variables are pieces with their names). */
  url?: MappedText;
  /** Where the button is written. */
  at: { file: SourceFile; start: number; end: number };
}

export interface WhatsAppTemplate {
  buttons: WhatsAppButton[];
}

/** The variant field of button `i` (0-based): button1, button2… */
export function buttonField(i: number): `button${number}` {
  return `button${i + 1}`;
}

/** A button's type as written, or inferred: a URL makes a URL button, a phone number a call button. */
export function buttonType(b: { type?: unknown; url?: unknown; phone?: unknown }): WhatsAppButtonType {
  if (typeof b.type === "string" && (WHATSAPP_BUTTON_TYPES as readonly string[]).includes(b.type)) return b.type as WhatsAppButtonType;
  return typeof b.url === "string" ? "url" : typeof b.phone === "string" ? "phone_number" : "quick_reply";
}

/** The template parts of a WhatsApp variant, when it has any. */
export function whatsappTemplate(extra: VariantExtra): WhatsAppTemplate | undefined {
  return extra.whatsapp;
}
