/** The files a variant renders to (what `brandlint render` writes). */
import { fieldOf, type FieldName, type Variant } from "../campaign/model.js";
import { mjmlToHtml } from "./email.js";

export interface RenderedFile {
  name: string;
  channel: Variant["channel"];
  text: string;
}

/** Renders a variant to its output files: email.mjml + email.html, sms.txt, push.json, whatsapp.txt, social.txt. */
export async function variantFiles(v: Variant): Promise<RenderedFile[]> {
  const f = (name: FieldName) => fieldOf(v, name)?.sample.text ?? "";
  switch (v.channel) {
    case "email": {
      const doc = v.extra.mjml;
      const mjml = doc?.source.text ?? "";
      const { html } = await mjmlToHtml(mjml);
      return [
        { name: "email.mjml", channel: "email", text: mjml },
        { name: "email.html", channel: "email", text: html },
      ];
    }
    case "push": {
      const url = v.links.find((l) => l.role === "cta")?.url.text;
      return [{ name: "push.json", channel: "push", text: JSON.stringify({ title: f("title"), body: f("body"), ...(url ? { url } : {}) }, null, 2) + "\n" }];
    }
    default:
      return [{ name: `${v.channel}.txt`, channel: v.channel, text: f("text").endsWith("\n") ? f("text") : f("text") + "\n" }];
  }
}
