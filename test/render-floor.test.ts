/**
 * Lint computes only what its rules read from a campaign's email (issue 18, "render
 * floor"): the Markdown of a body is parsed once when its worst case renders the same
 * text or differs only in values Markdown reads as plain letters, and the MJML
 * brandlint generates is never turned into HTML by lint.
 */
import { describe, expect, it, vi } from "vitest";

const seen = vi.hoisted(() => ({ bodies: [] as string[], mjml: 0, generated: 0 }));
vi.mock("../src/render/markdown.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../src/render/markdown.js")>();
  return {
    ...real,
    analyzeBody: (rendered: Parameters<typeof real.analyzeBody>[0]) => {
      seen.bodies.push(rendered.text);
      return real.analyzeBody(rendered);
    },
  };
});
vi.mock("../src/render/email.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../src/render/email.js")>();
  return {
    ...real,
    loadMjml: () => {
      seen.mjml++;
      return real.loadMjml();
    },
    generateMjml: (input: Parameters<typeof real.generateMjml>[0]) => {
      seen.generated++;
      return real.generateMjml(input);
    },
  };
});

import { lint } from "../src/lint.js";

const cwd = "/render-floor";
const config = {
  brand: { name: "Acme", unsubscribeUrl: "https://acme.example/u" },
  variables: { firstName: { sample: "Ana", maxLength: 20, charset: "unicode" } },
  // A subject within 20 characters with its sample, over them at worst: a finding only the worst case gives.
  channels: { email: { subjectMax: 20 }, push: { titleMax: 20 } },
};
const md = (name: string, body: string) => `---\ncampaign: ${name}\nchannels: [email, sms, push, whatsapp]\nsubject: "Hello {{firstName}}"\n---\n${body}`;

async function lintBodies(files: Record<string, string>, only?: string[]) {
  seen.bodies.length = 0;
  seen.mjml = 0;
  seen.generated = 0;
  const report = await lint({ cwd, files: { "brand.config.json": JSON.stringify(config), ...files }, disk: false, ...(only ? { only } : {}) });
  return report;
}

describe("render floor: lint parses and renders only what its rules read", () => {
  it("a body without variables is parsed once: its worst case is the same text and reuses the tree", async () => {
    const body = "# Spring is here\n\nTake 20% off everything with code SPRING20 until March 31.\n\n[Shop now](https://acme.example/spring)\n";
    const report = await lintBodies({ "templates/plain/message.md": md("plain", body) });
    expect(seen.bodies).toEqual([body]);
    // The email's worst case was rendered (its subject is too long with {{firstName}} at 20 characters), body and all.
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} ${m.message}`));
    expect(messages.some((m) => m.startsWith("channel-limits") && m.includes("{{firstName}} has 20 characters"))).toBe(true);
  });

  it("a body whose variable Markdown reads as plain letters is parsed once: its worst case is the sample's tree with the worst values", async () => {
    const body = "# Hello {{firstName}}\n\nTake 20% off everything with code SPRING20 until March 31.\n\n[Shop now](https://acme.example/spring)\n";
    const report = await lintBodies({ "templates/named/message.md": md("named", body) });
    expect(seen.bodies).toHaveLength(1);
    expect(seen.bodies[0]).toContain("# Hello Ana\n");
    // The push title comes from the heading: within 20 characters with "Ana", over them at worst, pointed at the heading.
    const titles = report.results.flatMap((r) => r.messages.filter((m) => m.ruleId === "channel-limits" && m.channels?.includes("push") && m.message.includes("{{firstName}} has 20 characters")).map((m) => [r.file.path, m.line, m.column]));
    expect(titles).toEqual([[`${cwd}/templates/named/message.md`, 6, 9]]);
  });

  it("a body whose variable Markdown may read otherwise (inside emphasis) is parsed for its sample and for its worst case", async () => {
    const body = "# Hello _{{firstName}}_\n\nTake 20% off everything with code SPRING20 until March 31.\n";
    await lintBodies({ "templates/named/message.md": md("named", body) });
    expect(seen.bodies).toHaveLength(2);
    expect(seen.bodies[0]).toContain("# Hello _Ana_\n");
    expect(seen.bodies[1]).toContain(`# Hello _${"Ж".repeat(20)}_\n`);
  });

  it("an alternate rendering whose flipped {{#if}} is outside the body reuses the body's tree", async () => {
    const text = `---\ncampaign: flip\nchannels: [email, sms]\nsubject: "{{#if firstName}}Hi {{firstName}}{{else}}Hello{{/if}}"\n---\nTake 20% off with code SPRING20.\n`;
    await lintBodies({ "templates/flip/message.md": text });
    expect(seen.bodies).toEqual(["Take 20% off with code SPRING20.\n"]);
  });

  it("lint of a campaign whose email brandlint generates never loads mjml (no rule reads its HTML)", async () => {
    const body = "# Spring\n\nTake 20% off with code SPRING20.\n\n![Tents](https://acme.example/t.png)\n\n[Shop now](https://acme.example/spring)\n";
    const report = await lintBodies({ "templates/gen/message.md": md("gen", body) });
    expect(report.results.length).toBeGreaterThan(0);
    expect(seen.mjml).toBe(0);
  });

  it("the email's MJML is generated only when a rule reads it: not for tone-words alone, once for every rule", async () => {
    const body = "# Spring\n\nTake 20% off with code SPRING20. Reply by e-mail.\n\n[Shop now](https://acme.example/spring)\n";
    const files = { "templates/gen/message.md": md("gen", body) };
    await lintBodies(files, ["tone-words"]);
    expect(seen.generated).toBe(0);
    await lintBodies(files);
    expect(seen.generated).toBe(1);
  });

  it("a hand-written email.mjml is validated with mjml itself (the counter sees mjml-valid load it)", async () => {
    const mjml = '<mjml><mj-body><mj-section><mj-column>\n  <mj-text colr="#000">Hi</mj-text>\n</mj-column></mj-section></mj-body></mjml>\n';
    const report = await lintBodies({ "templates/hand/campaign.json": JSON.stringify({ campaign: "hand", channels: ["email"] }), "templates/hand/email.mjml": mjml });
    expect(report.results.flatMap((r) => r.messages.map((m) => m.ruleId))).toContain("mjml-valid");
    expect(seen.mjml).toBeGreaterThan(0);
  });
});
