/**
 * The Variant model is typed per channel (issue 12 item 8): `variant.channel` narrows its
 * fields and extra data. The type checks below are compiled by `npm run lint` (tsc over
 * test/); the runtime checks hold the renderer to the same shapes, since it builds each
 * channel's variant where the channel is known only at run time.
 */
import path from "node:path";
import { describe, expect, expectTypeOf, it } from "vitest";
import { lint } from "../src/lint.js";
import { fieldOf, fieldsOf, type Variant, type VariantField, type EmailVariant, type SmsVariant, type WhatsAppVariant } from "../src/campaign/model.js";
import type { MjmlDoc } from "../src/render/mjml-doc.js";
import type { Channel } from "../src/types.js";

const ROOT = path.resolve(import.meta.dirname, "..");

/** The field names each channel may have, and those it always has. */
const SHAPES: Record<Channel, { required: string[]; optional: RegExp }> = {
  email: { required: ["subject", "preheader", "body"], optional: /^$/ },
  sms: { required: ["text"], optional: /^$/ },
  push: { required: ["title", "body"], optional: /^$/ },
  whatsapp: { required: [], optional: /^(?:text|header|footer|button\d+)$/ },
  social: { required: ["text"], optional: /^$/ },
};

describe("Variant is a union discriminated by channel", () => {
  it("narrows fields and extra data by channel (compile-time)", () => {
    const check = (v: Variant) => {
      if (v.channel === "email") {
        expectTypeOf(v).toEqualTypeOf<EmailVariant>();
        expectTypeOf(v.fields.subject).toEqualTypeOf<VariantField>();
        expectTypeOf(v.extra.mjml).toEqualTypeOf<MjmlDoc | undefined>();
        // @ts-expect-error an email has no `text` field
        void v.fields.text;
      } else if (v.channel === "sms") {
        expectTypeOf(v).toEqualTypeOf<SmsVariant>();
        expectTypeOf(v.fields.text).toEqualTypeOf<VariantField>();
        // @ts-expect-error an SMS has no MJML document
        void v.extra.mjml;
      } else if (v.channel === "whatsapp") {
        expectTypeOf(v).toEqualTypeOf<WhatsAppVariant>();
        expectTypeOf(v.fields.button1).toEqualTypeOf<VariantField | undefined>();
        expectTypeOf(v.fields.header).toEqualTypeOf<VariantField | undefined>();
      }
      // @ts-expect-error without narrowing, no channel's field is known to exist
      void v.fields.subject;
      expectTypeOf(fieldOf(v, "subject")).toEqualTypeOf<VariantField | undefined>();
    };
    expect(typeof check).toBe("function");
  });

  it("every variant the renderer builds has exactly its channel's fields (bundled examples, rendered and hand-written)", async () => {
    const report = await lint({ cwd: ROOT, paths: ["templates"] });
    const seen = new Set<string>();
    const all = report.campaigns.flatMap((c) => c.variants.flatMap((v) => [v, ...(v.alternates ?? [])]));
    expect(all.length).toBeGreaterThan(10);
    for (const v of all) {
      seen.add(`${v.channel}/${v.origin}`);
      const names = Object.keys(v.fields);
      const shape = SHAPES[v.channel];
      for (const r of shape.required) expect(names, `${v.file.path} ${v.channel}`).toContain(r);
      for (const n of names) expect(shape.required.includes(n) || shape.optional.test(n), `${v.file.path} ${v.channel} has "${n}"`).toBe(true);
      expect(fieldsOf(v)).toHaveLength(names.length);
      for (const a of v.alternates ?? []) expect(a.channel).toBe(v.channel);
    }
    // Both origins of several channels were seen, so the check covers both builders.
    expect([...seen]).toEqual(expect.arrayContaining(["email/rendered", "email/handwritten", "sms/rendered", "sms/handwritten", "push/rendered", "whatsapp/rendered", "social/rendered"]));
  });
});
