/** The files a variant renders to (what `brandlint render` writes). */
import { fieldOf, type FieldName, type Variant } from "../campaign/model.js";
import { mjmlToHtml } from "./email.js";

export interface RenderedFile {
  name: string;
  channel: Variant["channel"];
  text: string;
}

/** mjml could not turn a variant's MJML into HTML (it refuses a document without an <mjml> root, for one). */
export class EmailRenderError extends Error {
  constructor(
    message: string,
    /** The files that could be rendered (the MJML). */
    readonly files: RenderedFile[],
  ) {
    super(message);
  }
}

/** Renders a variant to its output files: email.mjml + email.html, sms.txt, push.json, whatsapp.txt, social.txt. */
export async function variantFiles(v: Variant): Promise<RenderedFile[]> {
  const f = (name: FieldName) => fieldOf(v, name)?.sample.text ?? "";
  switch (v.channel) {
    case "email": {
      // A hand-written HTML email is already what the inbox receives (mjml would refuse it).
      if (v.extra.html) return [{ name: "email.html", channel: "email", text: v.extra.html.source.text }];
      const mjml = v.extra.mjml?.source.text ?? "";
      const source: RenderedFile = { name: "email.mjml", channel: "email", text: mjml };
      let html: string;
      try {
        html = (await mjmlToHtml(mjml)).html;
      } catch (e) {
        throw new EmailRenderError(`mjml could not turn this email into HTML (${(e as Error).message}); email.html was not written`, [source]);
      }
      return [source, { name: "email.html", channel: "email", text: html }];
    }
    case "push": {
      const url = v.links.find((l) => l.role === "cta")?.url.text;
      return [{ name: "push.json", channel: "push", text: JSON.stringify({ title: f("title"), body: f("body"), ...(url ? { url } : {}) }, null, 2) + "\n" }];
    }
    default:
      return [{ name: `${v.channel}.txt`, channel: v.channel, text: f("text").endsWith("\n") ? f("text") : f("text") + "\n" }];
  }
}
