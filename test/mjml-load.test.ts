/**
 * mjml loads only what a run uses (issue 18, "render floor"): juice, cheerio (with its
 * parse5 and undici), htmlnano and cssnano-preset-lite, which mjml-core requires on load,
 * are loaded the first time mjml uses them, so validating a hand-written template loads
 * none of them, and the contrast cascade uses juice with cheerio's htmlparser2-only
 * build. What mjml renders is the same as with every package loaded up front.
 * Each case runs in a fresh Node process on the built code (`npm run build`), since
 * Node's module cache is per process.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./helpers/cli.js";
import { mj } from "./helpers/mjml.js";

const STYLED = mj(
  ['<mj-text css-class="note" mj-class="soft">Hello <a href="https://acme.example/a">there</a></mj-text>', '<mj-button href="https://acme.example/b">Shop</mj-button>'],
  [
    '<mj-attributes><mj-class name="soft" color="#555555" /></mj-attributes>',
    '<mj-style inline="inline">.note div { color: #777777; font-weight: 700 }</mj-style>',
    "<mj-style>.note a { color: #0B5FFF }</mj-style>",
    '<mj-html-attributes><mj-selector path=".note div"><mj-html-attribute name="data-id">42</mj-html-attribute></mj-selector></mj-html-attributes>',
  ],
);

/** Runs `steps` in a fresh process over dist/; with `eager`, mjml-core's optional packages are loaded first (as mjml itself loads them). */
function inFreshNode(steps: string, eager = false): { out: Record<string, unknown>; loaded: Record<string, boolean> } {
  const dist = (p: string) => JSON.stringify(path.join(REPO_ROOT, "dist", "src", p));
  const script = `
    import { createRequire } from "node:module";
    const require = createRequire(${dist("render/email.js")});
    if (${eager}) { const core = createRequire(require.resolve("mjml-core")); for (const p of ["juice", "cheerio", "htmlnano", "cssnano-preset-lite"]) core(p); }
    const email = await import(${dist("render/email.js")});
    const { variantTextRuns } = await import(${dist("email/contrast.js")});
    const { parseMjml } = await import(${dist("render/mjml-doc.js")});
    const { MappedText } = await import(${dist("text/mapped-text.js")});
    const text = ${JSON.stringify(STYLED)};
    const out = {};
    ${steps}
    const files = Object.keys(require.cache);
    const has = (re) => files.some((f) => re.test(f));
    const loaded = { juice: has(/node_modules\\/juice\\/index\\.js$/), "cheerio (full)": has(/cheerio\\/dist\\/commonjs\\/index\\.js$/), parse5: has(/node_modules\\/parse5\\//), undici: has(/node_modules\\/undici\\//), htmlnano: has(/node_modules\\/htmlnano\\//), "cssnano-preset-lite": has(/node_modules\\/cssnano-preset-lite\\//) };
    process.stdout.write(JSON.stringify({ out, loaded }));
  `;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: REPO_ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as { out: Record<string, unknown>; loaded: Record<string, boolean> };
}

const NONE = { juice: false, "cheerio (full)": false, parse5: false, undici: false, htmlnano: false, "cssnano-preset-lite": false };

describe("mjml loads what a run uses, once", () => {
  it("validating a hand-written template loads mjml without juice, cheerio, htmlnano or cssnano", () => {
    const { out, loaded } = inFreshNode("out.errors = email.validateMjml(text).length + email.validateMjml(text.replace('css-class', 'colr')).length;");
    expect(out.errors).toBe(1);
    expect(loaded).toEqual(NONE);
  });

  it("mjml's HTML before inlining, for the contrast cascade, stops at the skeleton: juice is not loaded for it", () => {
    const { out, loaded } = inFreshNode("const r = email.mjmlHtmlBeforeInlining(text); out.inline = r.inlineStyle.join(''); out.html = r.html.includes('data-id=\"42\"');");
    expect(out.inline).toContain(".note div");
    expect(out.html).toBe(true);
    // cheerio for <mj-html-attributes> is loaded when mjml applies them, and only then.
    expect(loaded).toEqual({ ...NONE, "cheerio (full)": true, parse5: true, undici: true });
  });

  it("the contrast cascade uses juice with cheerio's htmlparser2 build: no parse5, no undici", () => {
    const steps = "const plain = text.replace(/<mj-html-attributes>.*<\\/mj-html-attributes>/s, ''); const r = variantTextRuns({ mjml: parseMjml(MappedText.fromSource({ path: '/t/email.mjml', text: plain })) }, true); out.runs = r.runs.map((x) => [x.text.text.trim(), x.color.rgb ?? x.color, x.fontWeight]);";
    const lazy = inFreshNode(steps);
    const eager = inFreshNode(steps, true);
    expect(lazy.out.runs).toEqual(eager.out.runs);
    expect((lazy.out.runs as unknown[]).length).toBeGreaterThan(1);
    expect(lazy.loaded).toEqual({ ...NONE, juice: true });
  });

  it("rendering HTML (inlining, html attributes, minify) gives the same bytes as mjml with every package loaded up front", () => {
    const steps = "out.html = (await email.mjmlToHtml(text)).html; out.min = (await email.loadMjml().mjml2html(text, { validationLevel: 'soft', ignoreIncludes: true, keepComments: false, minify: true })).html; out.lite = (await email.loadMjml().mjml2html(text, { validationLevel: 'soft', ignoreIncludes: true, keepComments: false, minify: true, minifyOptions: { minifyCss: 'lite' } })).html;";
    const lazy = inFreshNode(steps);
    const eager = inFreshNode(steps, true);
    expect(lazy.out.html).toBe(eager.out.html);
    expect(lazy.out.min).toBe(eager.out.min);
    expect(lazy.out.lite).toBe(eager.out.lite);
    expect(lazy.out.html).toContain("font-weight: 700");
    expect(lazy.out.html).toContain('data-id="42"');
    expect((lazy.out.min as string).length).toBeLessThan((lazy.out.html as string).length);
    // Each package mjml used was loaded when it was first used (cssnano-preset-lite only serves `minifyCss: "lite"`, through htmlnano's optional cssnano).
    expect(lazy.loaded).toMatchObject({ juice: true, "cheerio (full)": true, htmlnano: true });
  });
});
