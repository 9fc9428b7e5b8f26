import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parse } from "culori";
import { colorsIn, compilePalette, isColorProperty, keyOf, nearestColor, recolor, rgb8, type ColorRef } from "../src/email/colors.js";
import { declarations, fontFamilies, htmlStyleValues, isAuthored, styleValues, type StyleValue } from "../src/email/css.js";
import { parseMjml } from "../src/render/mjml-doc.js";
import { MappedText, MappedTextBuilder } from "../src/text/mapped-text.js";
import { SourceFile } from "../src/text/source-file.js";

const PALETTE = compilePalette({ primary: "#0B5FFF", ink: "#1A1A1A", paper: "#FFFFFF" });

function mapped(text: string, name = "email.mjml"): MappedText {
  return MappedText.fromSource(new SourceFile(`/p/templates/c/${name}`, text));
}

function docValues(text: string): StyleValue[] {
  return styleValues(parseMjml(mapped(text)));
}

/** The colours of a document as "raw@line:column" strings, positions in the source file. */
function found(text: string): string[] {
  return colorsIn(docValues(text)).map((c) => {
    const loc = c.text.locate(c.start, c.end)!;
    // The located range is exactly the colour as written in the file.
    expect(loc.file.text.slice(loc.start, loc.end)).toBe(c.raw);
    const p = loc.file.positionAt(loc.start);
    return `${c.raw}@${p.line}:${p.column}`;
  });
}

/** A colour written on its own (as a CSS `color` declaration). */
function colorRef(raw: string): ColorRef {
  const refs = colorsIn(declarations(mapped(`color: ${raw}`), "style"));
  expect(refs).toHaveLength(1);
  return refs[0]!;
}

function fixTo(raw: string, name: string): string | undefined {
  return recolor(colorRef(raw), PALETTE.entries.find((e) => e.name === name)!);
}

describe("MJML colour attributes", () => {
  it("every colour-typed attribute of every mjml-preset-core component is a colour property", () => {
    const load = createRequire(import.meta.url);
    const preset = load("mjml-preset-core") as { components: { componentName: string; allowedAttributes?: Record<string, string> }[] };
    const colorAttrs = new Set<string>();
    for (const c of preset.components) for (const [name, type] of Object.entries(c.allowedAttributes ?? {})) if (type === "color") colorAttrs.add(name);
    expect(colorAttrs.size).toBeGreaterThanOrEqual(8);
    for (const name of colorAttrs) expect(isColorProperty(name), name).toBe(true);
    // The string attributes that are border shorthands hold a colour too.
    for (const c of preset.components)
      for (const name of Object.keys(c.allowedAttributes ?? {}))
        if (/(^|-)border(-(top|right|bottom|left))?$/.test(name)) expect(isColorProperty(name), `${c.componentName} ${name}`).toBe(true);
  });

  it("attributes that hold no colour are not colour properties", () => {
    for (const name of ["border-radius", "border-width", "border-style", "inner-border-radius", "tb-border-radius", "background-url", "background-size", "background-repeat", "background-position", "font-family", "href", "css-class", "mj-class"]) expect(isColorProperty(name), name).toBe(false);
  });
});

describe("finding colours", () => {
  it("reads every colour syntax at its exact position", () => {
    const text = [
      "<mjml><mj-body><mj-section><mj-column>",
      '<mj-text color="#f00" background-color="#f008">a</mj-text>',
      '<mj-text color="#FF0000" background-color="#FF000080">b</mj-text>',
      '<mj-text color="rgb(255, 0, 0)" background-color="rgba(255,0,0,.5)">c</mj-text>',
      '<mj-text color="rgb(255 0 0 / 50%)" background-color="hsl(0, 100%, 50%)">d</mj-text>',
      '<mj-text color="hsla(0,100%,50%,0.5)" background-color="hsl(0deg 100% 50% / .5)">e</mj-text>',
      '<mj-text color="tomato" background-color="oklch(0.6 0.2 30)">f</mj-text>',
      "</mj-column></mj-section></mj-body></mjml>",
    ].join("\n");
    expect(found(text)).toEqual([
      "#f00@2:17",
      "#f008@2:41",
      "#FF0000@3:17",
      "#FF000080@3:44",
      "rgb(255, 0, 0)@4:17",
      "rgba(255,0,0,.5)@4:51",
      "rgb(255 0 0 / 50%)@5:17",
      "hsl(0, 100%, 50%)@5:55",
      "hsla(0,100%,50%,0.5)@6:17",
      "hsl(0deg 100% 50% / .5)@6:57",
      "tomato@7:17",
      "oklch(0.6 0.2 30)@7:43",
    ]);
  });

  it("the same colour in every notation is the same colour", () => {
    const keys = ["white", "WHITE", "#fff", "#FFFF", "#ffffff", "#FFFFFFFF", "rgb(255, 255, 255)", "rgb(255 255 255)", "rgba(255,255,255,1)", "rgb(100% 100% 100%)", "hsl(0, 0%, 100%)", "hsl(120deg 50% 100%)", "hwb(0 100% 0%)"].map((raw) => keyOf(colorRef(raw).rgb!));
    expect(new Set(keys)).toEqual(new Set(["255,255,255"]));
  });

  it("skips colour keywords and computed colours", () => {
    const refs = colorsIn(declarations(mapped("color: currentColor; background: transparent; border-color: inherit; outline: none; fill: var(--x, unset); stop-color: rgb(var(--r) 0 0)"), "style"));
    expect(refs).toEqual([]);
  });

  it("looks into shorthands, gradients, shadows and var() fallbacks", () => {
    const css = "border: 1px solid #ccc; background: url(a.png) no-repeat, linear-gradient(red, #0B5FFF 40%); box-shadow: 0 0 2px rgba(0,0,0,.2), inset 0 1px hsl(0 0% 90%); color: var(--fg, snow)";
    expect(colorsIn(declarations(mapped(css), "style")).map((c) => c.raw)).toEqual(["#ccc", "red", "#0B5FFF", "rgba(0,0,0,.2)", "hsl(0 0% 90%)", "snow"]);
  });

  it("a bare word is a colour only in a colour property", () => {
    const css = "font-family: Red Hat Display, sans-serif; grid-area: tomato; --accent: tomato; --stack: Red Hat; border-top: 2px dashed Red";
    expect(colorsIn(declarations(mapped(css), "style")).map((c) => `${c.prop}:${c.raw}`)).toEqual(["--accent:tomato", "border-top:Red"]);
  });

  it("MJML attributes that are not colour attributes hold no colour, and HTML only its colour attributes", () => {
    const text = '<mjml><mj-body><mj-section><mj-column><mj-button href="#fade" css-class="red">Go</mj-button><mj-raw><table bgcolor="#eee" background="red.png"><tr><td align="center"><font color="red" face="Arial">x</font><a href="#bad">y</a></td></tr></table></mj-raw></mj-column></mj-section></mj-body></mjml>';
    expect(found(text)).toEqual(["#eee@1:117", "red@1:180"]);
  });

  it("HTML colour attributes accept hex digits without #, as browsers do", () => {
    const refs = colorsIn(htmlStyleValues(mapped('<table bgcolor="EEEEEE" width="600"><tr><td bgcolor="0a5eff" height="100">x</td></tr></table>')));
    expect(refs.map((c) => `${c.raw}:${keyOf(c.rgb!)}`)).toEqual(["EEEEEE:238,238,238", "0a5eff:10,94,255"]);
    expect(recolor(refs[1]!, PALETTE.entries[0]!)).toBe("0b5fff");
  });

  it("an invalid hex is a colour-looking token without a colour", () => {
    const ref = colorRef("#0B5FF");
    expect(ref.rgb).toBeUndefined();
    expect(ref.notation).toBe("hex");
  });

  it("finds mj-attributes, mj-class, style attributes, mj-style and mj-html-attribute colours", () => {
    const text = [
      "<mjml>",
      "  <mj-head>",
      "    <mj-attributes>",
      '      <mj-all color="#111" />',
      '      <mj-class name="cta" background-color="#123456" />',
      '      <mj-button inner-padding="0" border="2px solid #0A5EFF" />',
      "    </mj-attributes>",
      "    <mj-html-attributes>",
      '      <mj-selector path=".x td"><mj-html-attribute name="bgcolor">#abcdef</mj-html-attribute><mj-html-attribute name="style">color: #00ff00</mj-html-attribute></mj-selector>',
      "    </mj-html-attributes>",
      "    <mj-style>",
      "      /* links */",
      "      a { color: #fefefe !important; }",
      "      @media (max-width: 480px) { .x { background-color:rgb(1,2,3) } }",
      "    </mj-style>",
      "  </mj-head>",
      '  <mj-body><mj-section><mj-column><mj-text><p style="margin:0;color : #0000ff">Привет</p></mj-text></mj-column></mj-section></mj-body>',
      "</mjml>",
    ].join("\n");
    expect(found(text)).toEqual(["#111@4:22", "#123456@5:46", "#0A5EFF@6:54", "#abcdef@9:67", "#00ff00@9:133", "#fefefe@13:18", "rgb(1,2,3)@14:57", "#0000ff@17:71"]);
  });

  it("finds colours in raw HTML fragments (HTML in Markdown), siblings included", () => {
    const html = mapped('<div style="color:#f00">a</div>\n<p style="border-left: 3px solid #0f0">b</p>\n<style>\n.c { color: #00f }\n</style>', "message.md");
    expect(colorsIn(htmlStyleValues(html)).map((c) => `${c.raw}@${c.text.locate(c.start)!.start}`)).toEqual(["#f00@18", "#0f0@65", "#00f@97"]);
  });

  it("reads Outlook VML inside conditional comments", () => {
    const text = [
      "<mjml><mj-body><mj-section><mj-column><mj-raw>",
      '<!--[if mso]><v:roundrect arcsize="10%" strokecolor="#0A5EFF" fillcolor="#0B5FFF"><v:fill color2="white" /><w:anchorlock/></v:roundrect><![endif]-->',
      "<!--[if !mso]><!--><a style=\"color:#f00\">Go</a><!--<![endif]-->",
      "<!-- a note about #ccc -->",
      "</mj-raw></mj-column></mj-section></mj-body></mjml>",
    ].join("\n");
    expect(found(text)).toEqual(["#f00@3:36", "#0A5EFF@2:54", "#0B5FFF@2:74", "white@2:99"]);
  });

  it("maps through HTML entities in attribute values", () => {
    const text = '<mjml><mj-body><mj-section><mj-column><mj-text><p style="font-family:&quot;Comic Sans&quot;;color:#f00">x</p></mj-text></mj-column></mj-section></mj-body></mjml>';
    expect(found(text)).toEqual(["#f00@1:99"]);
  });
});

describe("the palette", () => {
  it("matches on 8-bit sRGB and ignores alpha", () => {
    expect(PALETTE.has(colorRef("rgba(11, 95, 255, 0.2)").rgb!)).toBe(true);
    expect(PALETTE.has(colorRef("#0b5fff33").rgb!)).toBe(true);
    expect(PALETTE.has(colorRef("#0A5EFF").rgb!)).toBe(false);
  });

  it("names the nearest colour by CIEDE2000", () => {
    const near = nearestColor(PALETTE, colorRef("#0A5EFF").rgb!)!;
    expect(near.entry.name).toBe("primary");
    expect(near.distance).toBeCloseTo(0.317, 2);
    expect(nearestColor(PALETTE, colorRef("#222").rgb!)!.entry.name).toBe("ink");
    expect(nearestColor(PALETTE, colorRef("snow").rgb!)!.entry.name).toBe("paper");
  });

  it("keeps values that are not colours apart", () => {
    const p = compilePalette({ a: "#0B5FFF", b: "bleu", c: "transparent" });
    expect(p.entries.map((e) => e.name)).toEqual(["a"]);
    expect(p.invalid.map((e) => e.name)).toEqual(["b", "c"]);
  });
});

describe("recolor keeps the notation", () => {
  it("hex keeps its length class and letter case", () => {
    expect(fixTo("#0a5eff", "primary")).toBe("#0b5fff");
    expect(fixTo("#0A5EFF", "primary")).toBe("#0B5FFF");
    // Digits only: the palette's case.
    expect(fixTo("#111", "ink")).toBe("#1A1A1A");
    expect(fixTo("#EEE", "paper")).toBe("#FFF");
    expect(fixTo("#eee8", "paper")).toBe("#fff8");
    expect(fixTo("#1118", "ink")).toBe("#1A1A1A88");
    expect(fixTo("#0A5EFF80", "primary")).toBe("#0B5FFF80");
    expect(fixTo("#123456", "ink")).toBe("#1A1A1A");
    expect(fixTo("#1234ab", "ink")).toBe("#1a1a1a");
  });

  it("rgb keeps its function name, separators, units and alpha", () => {
    expect(fixTo("rgb(10,94,255)", "primary")).toBe("rgb(11,95,255)");
    expect(fixTo("rgba(12, 96, 250, 0.5)", "primary")).toBe("rgba(11, 95, 255, 0.5)");
    expect(fixTo("RGB(12 96 250 / 50%)", "primary")).toBe("RGB(11 95 255 / 50%)");
    expect(fixTo("rgb(4% 37% 100%)", "primary")).toBe("rgb(4.3% 37.3% 100%)");
  });

  it("hsl keeps its syntax and gets just enough decimals", () => {
    expect(fixTo("hsl(217, 100%, 52%)", "primary")).toBe("hsl(219.3, 100%, 52.2%)");
    expect(fixTo("hsla(217,100%,52%,0.8)", "primary")).toBe("hsla(219.3,100%,52.2%,0.8)");
    expect(fixTo("hsl(217deg 100% 52% / .8)", "primary")).toBe("hsl(219.3deg 100% 52.2% / .8)");
    expect(fixTo("hsl(0.6turn 100% 52%)", "primary")).toBe("hsl(0.6093turn 100% 52.2%)");
    expect(fixTo("hsl(0 0% 95%)", "paper")).toBe("hsl(0 0% 100%)");
  });

  it("a named colour becomes hex; other notations are not rewritten", () => {
    expect(fixTo("snow", "paper")).toBe("#FFFFFF");
    expect(fixTo("oklch(0.5 0.2 260)", "primary")).toBeUndefined();
    expect(recolor(colorRef("snow"), compilePalette({ paper: "white" }).entries[0]!)).toBe("#ffffff");
  });

  it("every rewrite reads back as exactly the palette colour (property)", () => {
    const channel = fc.integer({ min: 0, max: 255 });
    const notation = fc.constantFrom("hex3", "hex4", "hex6", "hex8", "rgb", "rgba", "rgbspace", "rgbpct", "hsl", "hsla", "hslspace", "hslturn");
    const hex = (n: number) => n.toString(16).padStart(2, "0");
    fc.assert(
      fc.property(channel, channel, channel, channel, channel, channel, notation, (r, g, b, pr, pg, pb, n) => {
        const write: Record<string, string> = {
          hex3: `#${hex(r)[0]}${hex(g)[0]}${hex(b)[0]}`,
          hex4: `#${hex(r)[0]}${hex(g)[0]}${hex(b)[0]}8`,
          hex6: `#${hex(r)}${hex(g)}${hex(b)}`,
          hex8: `#${hex(r)}${hex(g)}${hex(b)}cc`,
          rgb: `rgb(${r}, ${g}, ${b})`,
          rgba: `rgba(${r},${g},${b},.5)`,
          rgbspace: `rgb(${r} ${g} ${b} / 50%)`,
          rgbpct: `rgb(${Math.round((r / 255) * 100)}% ${Math.round((g / 255) * 100)}% ${Math.round((b / 255) * 100)}%)`,
          hsl: `hsl(${r}, ${Math.round((g / 255) * 100)}%, ${Math.round((b / 255) * 100)}%)`,
          hsla: `hsla(${r}, ${Math.round((g / 255) * 100)}%, ${Math.round((b / 255) * 100)}%, 0.3)`,
          hslspace: `hsl(${r}deg ${Math.round((g / 255) * 100)}% ${Math.round((b / 255) * 100)}%)`,
          hslturn: `hsl(${(r / 255).toFixed(2)}turn ${Math.round((g / 255) * 100)}% ${Math.round((b / 255) * 100)}%)`,
        };
        const target = compilePalette({ t: `#${hex(pr)}${hex(pg)}${hex(pb)}` }).entries[0]!;
        const ref = colorRef(write[n]!);
        const out = recolor(ref, target);
        expect(out, write[n]).toBeDefined();
        const back = parse(out!);
        expect(back && keyOf(rgb8(back)), `${write[n]} → ${out}`).toBe(keyOf(target.rgb));
        // The rewrite is the same notation.
        expect(colorRef(out!).notation).toBe(ref.notation);
        // Hex keeps its length class: 3 → 3 or 6, 4 → 4 or 8, 6 → 6, 8 → 8 characters of digits.
        if (ref.notation === "hex") expect(({ 4: [4, 7], 5: [5, 9], 7: [7], 9: [9] } as Record<number, number[]>)[ref.raw.length]).toContain(out!.length);
      }),
      { numRuns: 400 },
    );
  });
});

describe("font families", () => {
  const families = (css: string) =>
    declarations(mapped(css), "style").flatMap((v) =>
      fontFamilies(v).map((f) => {
        // The range covers the family as written, quotes included.
        expect(css.slice(f.start, f.end).replace(/^["']|["']$/g, "").replace(/\s+/g, " ")).toBe(f.name);
        return `${f.name}@${f.start}`;
      }),
    );

  it("splits family lists, unquoting and collapsing spaces", () => {
    expect(families(`font-family: "Comic Sans MS", Inter,  Open   Sans , 'Noto Naskh Arabic', sans-serif`)).toEqual(["Comic Sans MS@13", "Inter@30", "Open Sans@38", "Noto Naskh Arabic@52", "sans-serif@73"]);
  });

  it("reads the family list of the font shorthand after the size", () => {
    expect(families("font: italic bold 12px/30px Georgia, serif")).toEqual(["Georgia@28", "serif@37"]);
    expect(families("font: 700 1.2em / 1.5 'Roboto Slab'")).toEqual(["Roboto Slab@22"]);
    expect(families("font: small-caps larger Lato")).toEqual(["Lato@24"]);
    expect(families("font: caption")).toEqual([]);
    expect(families("font: inherit")).toEqual([]);
  });

  it("skips computed families and @font-face", () => {
    expect(families("font-family: var(--brand), Arial")).toEqual(["Arial@27"]);
    expect(families("@font-face { font-family: Comic; src: url(x.woff) } p { font-family: Lato }")).toEqual(["Lato@69"]);
  });

  it("reads MJML font-family attributes and <font face>", () => {
    const values = docValues('<mjml><mj-body><mj-section><mj-column><mj-text font-family="Lato, Arial"><font face="Papyrus">x</font></mj-text></mj-column></mj-section></mj-body></mjml>');
    expect(values.flatMap((v) => fontFamilies(v).map((f) => `${v.origin}:${f.name}`))).toEqual(["mjml:Lato", "mjml:Arial", "html:Papyrus"]);
  });
});

describe("declarations", () => {
  it("keeps exact value offsets through comments, !important and nesting; skips CSS postcss cannot parse", () => {
    const css = "a{color/*c*/ : #f00 !important}@media print{b{ background :#0f0;}}";
    expect(declarations(mapped(css), "style").map((d) => `${d.prop}=${d.value}@${d.start}`)).toEqual(["color=#f00@15", "background=#0f0@59"]);
    expect(declarations(mapped("a { color: #f00"), "style")).toEqual([]);
  });
});

describe("isAuthored", () => {
  it("is false for generated markup, variable values and config values", () => {
    const file = new SourceFile("/p/templates/c/email.mjml", 'color="{{c}}"');
    const config = new SourceFile("/p/brand.config.json", '{"colors":{"a":"#f00"}}');
    const t = new MappedTextBuilder().copy(file, 0, 7).emit("#f00", file, 7, 12, "variable").copy(config, 17, 21, "text").emit("#f00", file, 0, 0, "markup").build();
    expect(isAuthored(t, 0, 6)).toBe(true);
    expect(isAuthored(t, 7, 11)).toBe(false);
    expect(isAuthored(t, 11, 15)).toBe(false);
    expect(isAuthored(t, 15, 19)).toBe(false);
  });
});
