/**
 * Text paths that used to be quadratic (issue 17): each input here took from seconds to
 * minutes before; the checks are on results, the test timeout catches a regression.
 */
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { pageNames } from "../src/preview/build.js";
import { markUrls } from "../src/render/markdown.js";
import { whatsappFormat } from "../src/preview/whatsapp.js";
import { MappedText } from "../src/text/mapped-text.js";
import { SourceFile } from "../src/text/source-file.js";

describe("linear text paths", () => {
  it("MappedText.trim on 300 KB of white space before a word", () => {
    const text = "  " + " \t\n".repeat(100_000) + "word" + " \u00a0\u3000".repeat(1000);
    const t = MappedText.fromSource(new SourceFile("/x/sms.txt", text)).trim();
    expect(t.text).toBe("word");
    expect(t.locate(0, 4)).toMatchObject({ start: 300_002, end: 300_006, exact: true });
    expect(MappedText.fromSource(new SourceFile("/x/sms.txt", " \n ")).trim().text).toBe("");
  });

  it("markUrls labels 12,000 URLs of a 300 KB text in one pass", () => {
    const unit = "www.lumen.example/LUMEN ";
    const text = unit.repeat(12_500);
    const m = markUrls(MappedText.fromSource(new SourceFile("/x/sms.txt", text)));
    expect(m.text).toBe(text);
    const urls = m.pieces.filter((p) => p.kind === "url");
    expect(urls.length).toBe(12_500);
    expect(urls[100]).toMatchObject({ start: 100 * unit.length, end: 101 * unit.length - 1, srcStart: 100 * unit.length, exact: true });
  });

  it("preview page names for a campaign id with 200,000 dashes", () => {
    expect(pageNames(["-".repeat(100_000) + "spring" + "-".repeat(100_000) + "x-"])).toEqual([`spring${"-".repeat(74)}.html`]);
  });

  // The definition whatsappFormat had before (a scan per opener); the fast one must agree.
  const reference = (text: string) => {
    const WORD = /[\p{L}\p{N}]/u;
    const styles: { start: number; end: number; style: string }[] = [];
    const code: { start: number; end: number }[] = [];
    for (const m of text.matchAll(/```([\s\S]+?)```/g)) {
      styles.push({ start: m.index + 3, end: m.index + m[0].length - 3, style: "mono" });
      code.push({ start: m.index, end: m.index + m[0].length });
    }
    const inCode = (i: number) => code.some((c) => i >= c.start && i < c.end);
    for (const m of text.matchAll(/`([^`\n]+)`/g)) {
      if (inCode(m.index) || inCode(m.index + m[0].length - 1)) continue;
      styles.push({ start: m.index + 1, end: m.index + m[0].length - 1, style: "mono" });
      code.push({ start: m.index, end: m.index + m[0].length });
    }
    for (const [marker, style] of [["*", "bold"], ["_", "italic"], ["~", "strike"]] as const) {
      let i = 0;
      while (i < text.length) {
        const open = text.indexOf(marker, i);
        if (open < 0) break;
        i = open + 1;
        const b = text[open - 1];
        const a = text[open + 1];
        if (inCode(open) || !((b === undefined || !WORD.test(b)) && a !== undefined && !/\s/.test(a) && a !== marker)) continue;
        let close = -1;
        for (let j = open + 2; j < text.length && text[j] !== "\n"; j++) {
          if (text[j] !== marker || inCode(j)) continue;
          if (!/\s/.test(text[j - 1]!) && (text[j + 1] === undefined || !WORD.test(text[j + 1]!))) {
            close = j;
            break;
          }
        }
        if (close < 0) continue;
        styles.push({ start: open + 1, end: close, style });
        i = close + 1;
      }
    }
    return styles;
  };

  it("whatsappFormat agrees with its one-scan-per-marker definition", () => {
    const piece = fc.constantFrom("*", "_", "~", "`", "```", " ", "\n", "a", "bc", "é", "1", ".", "*a*", "_x_");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), (parts) => {
        const text = parts.join("");
        expect(whatsappFormat(text).styles).toEqual(reference(text));
      }),
      { numRuns: 500, seed: 17 },
    );
  });

  it("whatsappFormat on one 200 KB line of openers with no closer, and 60,000 code spans", () => {
    expect(whatsappFormat("*a ".repeat(70_000)).styles).toEqual([]);
    const spans = whatsappFormat("`a` *b ".repeat(60_000));
    expect(spans.styles.length).toBe(60_000);
  });
});

describe("trailing slashes", () => {
  it("are trimmed by one backward scan, not a backtracking regex (a path of 200,000 slashes before a letter)", async () => {
    const { trimTrailingSlashes } = await import("../src/text/urls.js");
    expect(trimTrailingSlashes("/spring///")).toBe("/spring");
    expect(trimTrailingSlashes("///")).toBe("");
    expect(trimTrailingSlashes("/".repeat(200_000) + "a" + "/".repeat(3))).toBe("/".repeat(200_000) + "a");
  });
});

describe("Markdown inline length limit", () => {
  it("cuts at the start of the first paragraph longer than MAX_MARKDOWN_INLINE, keeping what comes before", async () => {
    const { parseMarkdown, MAX_MARKDOWN_INLINE } = await import("../src/render/markdown.js");
    const short = ("Some words, [a link](https://lumen.example) and *more*. ".repeat(8) + "\n\n").repeat(60);
    expect(short.length).toBeGreaterThan(2 * MAX_MARKDOWN_INLINE);
    const whole = parseMarkdown(short);
    expect(whole.children.length).toBe(60);
    expect(whole.data?.tooLongAt).toBeUndefined();
    const head = "# Spring\n\nHello\n\n- one\n  two\n\n";
    const long = parseMarkdown(head + "> " + "a*b ".repeat(3000) + "\n\nafter\n");
    expect(long.children.map((c) => c.type)).toEqual(["heading", "paragraph", "list"]);
    expect(long.data?.tooLongAt).toBe(head.length + 2 + MAX_MARKDOWN_INLINE);
    // A paragraph over several lines counts all of them; a heading is a run of its own.
    const lines = parseMarkdown("Hi\n\n" + "word word word\n".repeat(800));
    expect(lines.data?.tooLongAt).toBe(4 + MAX_MARKDOWN_INLINE);
    expect(parseMarkdown("# " + "x".repeat(MAX_MARKDOWN_INLINE + 5)).data?.tooLongAt).toBe(2 + MAX_MARKDOWN_INLINE);
  });

  it("looks for long runs with micromark's block pass only when some run of lines without a blank one is longer than the limit", async () => {
    vi.resetModules();
    let passes = 0;
    vi.doMock("micromark", async (importOriginal) => {
      const real = await importOriginal<typeof import("micromark")>();
      return { ...real, parse: (...args: Parameters<typeof real.parse>) => (passes++, real.parse(...args)) };
    });
    try {
      const { parseMarkdown, MAX_MARKDOWN_INLINE } = await import("../src/render/markdown.js");
      const count = (text: string) => ((passes = 0), parseMarkdown(text), passes);
      // (remark's parse, from node_modules, is not counted.) 50,000 blank lines and many short paragraphs need no look.
      expect(count("  \n".repeat(50_000))).toBe(0);
      const paragraphs = ("A short paragraph of words.\n\n").repeat(2_000);
      expect(paragraphs.length).toBeGreaterThan(5 * MAX_MARKDOWN_INLINE);
      expect(count(paragraphs)).toBe(0);
      // Lines that together pass the limit with no blank line between them are looked at.
      expect(count("word word word\n".repeat(800))).toBe(1);
    } finally {
      vi.doUnmock("micromark");
      vi.resetModules();
    }
  });

  it("cuts at the start of the first line longer than MAX_MARKDOWN_LINE, whatever it holds", async () => {
    const { parseMarkdown, MAX_MARKDOWN_LINE } = await import("../src/render/markdown.js");
    const head = "# Spring\n\nHello\n\n";
    // A thematic break and an HTML line hold no inline text: only the line limit stops them.
    const rule = parseMarkdown(head + "- ".repeat(MAX_MARKDOWN_LINE) + "\n\nafter\n");
    expect(rule.children.map((c) => c.type)).toEqual(["heading", "paragraph"]);
    expect(rule.data?.longLineAt).toBe(head.length + MAX_MARKDOWN_LINE);
    expect(rule.data?.tooLongAt).toBeUndefined();
    const html = '<img alt="x" src="data:image/png;base64,' + "A".repeat(MAX_MARKDOWN_LINE - 60) + '">';
    const kept = parseMarkdown(head + html + "\r\n\nafter\n");
    expect(html.length).toBeLessThanOrEqual(MAX_MARKDOWN_LINE);
    expect(kept.children.map((c) => c.type)).toEqual(["heading", "paragraph", "html", "paragraph"]);
    expect(kept.data?.longLineAt).toBeUndefined();
    expect(parseMarkdown(head + html + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n").data?.longLineAt).toBe(head.length + MAX_MARKDOWN_LINE);
    // Whatever the line is: it is not looked at (cut short, it could read as another kind of block).
    expect(parseMarkdown("x".repeat(MAX_MARKDOWN_LINE + 1)).data).toEqual({ longLineAt: MAX_MARKDOWN_LINE });
  });
});

describe("the token cache", () => {
  it("holds tokens for at most 2,000,000 characters of text (long texts kept alive slowed every later lint)", async () => {
    const { tokenize } = await import("../src/text/words.js");
    const short = tokenize("so cheap", "en");
    expect(tokenize("so cheap", "en")).toBe(short);
    const big = "word ".repeat(300_000);
    const first = tokenize(big, "en");
    expect(tokenize(big, "en")).toBe(first);
    tokenize("other ".repeat(100_000), "en"); // 1.5 M + 0.6 M characters: over the budget
    expect(tokenize(big, "en")).not.toBe(first);
    expect(tokenize(big, "en")).toEqual(first);
  });
});
