/**
 * Text paths stay linear in the length of the text (issue 17 item 10). Each case runs
 * on 10 KB and on 100 KB of the same pattern and compares a deterministic count of the
 * work done, never a time: characters copied by String.prototype.slice, characters
 * Intl.Segmenter copies (its input length for every segment it yields), characters
 * String.prototype.endsWith reads (a string built by appending is copied flat each
 * time), elements Array.prototype.splice moves (those after its start), calls of
 * toLocaleLowerCase and callbacks of Array find/findIndex/some. Linear code does about 10× the work on 10× the text; the
 * quadratic code these tests replaced did 100×.
 */
import { describe, expect, it } from "vitest";
import { builtInLanguages } from "../src/config/languages.js";
import { findEndDates } from "../src/text/dates.js";
import { compileCues, findCodeCandidates, findDiscounts } from "../src/text/discounts.js";
import { sentenceRanges } from "../src/text/sentences.js";
import { findLoose, PhraseMatcher } from "../src/text/terms.js";
import { tokenize } from "../src/text/words.js";
import os from "node:os";
import path from "node:path";
import { lint } from "../src/lint.js";
import { parseMarkdown } from "../src/render/markdown.js";
import { smsLayout } from "../src/sms/count.js";
import { stripLetters } from "../src/sms/letters.js";

/**
 * Counts the work done until the returned function is called, which restores the
 * built-ins and returns the count. `slices: false` leaves String.prototype.slice out.
 */
function counting({ slices = true } = {}): () => number {
  let ops = 0;
  const slice = String.prototype.slice;
  const endsWith = String.prototype.endsWith;
  const lower = String.prototype.toLocaleLowerCase;
  const segment = Intl.Segmenter.prototype.segment;
  const splice = Array.prototype.splice;
  const arrays = ["find", "findIndex", "some"] as const;
  const saved = arrays.map((m) => Array.prototype[m]);
  if (slices)
    String.prototype.slice = function (this: string, ...args: [number?, number?]) {
      const out = slice.apply(this, args);
      ops += out.length;
      return out;
    };
  Array.prototype.splice = function (this: unknown[], ...args: [number, number, ...unknown[]]) {
    const start = args[0] < 0 ? Math.max(0, this.length + args[0]) : Math.min(args[0], this.length);
    ops += this.length - start;
    return splice.apply(this, args);
  };
  String.prototype.endsWith = function (this: string, ...args: [string, number?]) {
    ops += this.length;
    return endsWith.apply(this, args);
  };
  String.prototype.toLocaleLowerCase = function (this: string, ...args: [string?]) {
    ops++;
    return lower.apply(this, args);
  };
  Intl.Segmenter.prototype.segment = function (this: Intl.Segmenter, input: string) {
    const segments = segment.call(this, input);
    const iterate = segments[Symbol.iterator].bind(segments);
    return Object.assign(Object.create(segments) as Intl.Segments, {
      [Symbol.iterator]: function* () {
        for (const s of iterate()) {
          ops += input.length;
          yield s;
        }
      },
    });
  };
  arrays.forEach((m, i) => {
    (Array.prototype as unknown as Record<string, unknown>)[m] = function (this: unknown[], cb: (...a: unknown[]) => unknown, ...rest: unknown[]) {
      return (saved[i] as (...a: unknown[]) => unknown).call(this, (...a: unknown[]) => (ops++, cb(...a)), ...rest);
    };
  });
  return () => {
    String.prototype.slice = slice;
    String.prototype.endsWith = endsWith;
    String.prototype.toLocaleLowerCase = lower;
    Intl.Segmenter.prototype.segment = segment;
    Array.prototype.splice = splice;
    arrays.forEach((m, i) => ((Array.prototype as unknown as Record<string, unknown>)[m] = saved[i]));
    return ops;
  };
}

/** Runs `f` and returns the work it did (see the module comment). */
function work(f: () => unknown): number {
  const done = counting();
  try {
    f();
  } catch (e) {
    done();
    throw e;
  }
  return done();
}

/**
 * The same for an asynchronous `f`: a whole lint. Handlebars' lexer slices the rest of
 * its input at every token (V8 shares the characters of a slice: constant time, but
 * counted here as copied), so a whole lint's work leaves slices out.
 */
async function workAsync(f: () => Promise<unknown>): Promise<number> {
  const done = counting({ slices: false });
  try {
    await f();
  } catch (e) {
    done();
    throw e;
  }
  return done();
}

/** The pattern repeated to `kb` kilobytes. */
const sized = (pattern: string, kb: number) => pattern.repeat(Math.ceil((kb * 1024) / pattern.length));

/** Work on 100 KB is at most 15× the work on 10 KB (linear: about 10×; quadratic: about 100×). */
function expectLinear(pattern: string, f: (text: string) => unknown): void {
  f(sized(pattern, 1)); // warm the caches
  const small = work(() => f(sized(pattern, 10)));
  const large = work(() => f(sized(pattern, 100)));
  expect(large / small, `work ${small} → ${large}`).toBeLessThan(15);
}

const L = builtInLanguages();

describe("text paths grow linearly", () => {
  it("percentages without a cue next to each other (sibling search)", () => {
    expectLinear("20% ", (t) => findDiscounts(t, "en", compileCues("en", L), { cueDistance: 3 }));
    expectLinear("٢٠٪ ", (t) => findDiscounts(t, "ar", compileCues("ar", L), { cueDistance: 3 }));
  });
  it("a number followed by a long run of direction marks", () => {
    expectLinear("٢٠" + "\u200F".repeat(2000) + "x ", (t) => findDiscounts(t, "ar", compileCues("ar", L), { cueDistance: 3 }));
  });
  it("many dates, with a cue before each", () => {
    expectLinear("until 31.03 ", (t) => findEndDates(t, "en", L));
    expectLinear("do 31 marca ", (t) => findEndDates(t, "pl", L));
  });
  it("text without spaces (Thai, Japanese) is tokenized in windows", () => {
    expectLinear("โปรโมชั่นพิเศษวันนี้", (t) => tokenize(t, "th"));
    expectLinear("全品30％オフ", (t) => tokenize(t, "ja"));
    expectLinear("x", (t) => tokenize(t, "en"));
  });
  it("sentences", () => {
    expectLinear("Save 20%. ", (t) => sentenceRanges(t, "en"));
    expectLinear("全品30％オフ。", (t) => sentenceRanges(t, "ja"));
  });
  it("term matching, in scripts with and without spaces", () => {
    const m = new PhraseMatcher([{ term: "cheap", payload: 1 }, { term: "ถูก", payload: 2 }, { term: "e-mail", payload: 3 }], "th", { words: ["ถูกต้อง"] });
    expectLinear("so cheap e-mail’s ", (t) => m.match(t));
    expectLinear("ข้อมูลถูกต้องราคาถูก", (t) => m.match(t));
  });
  it("codes", () => {
    expectLinear("code SPRING20 ", (t) => findCodeCandidates(t, "en", compileCues("en", L)));
  });
  it("Markdown: inline marks that never close, in one paragraph (micromark splices its events per text run)", () => {
    for (const p of ["[a](", "a*b ", "[x] "]) expectLinear(p, (t) => parseMarkdown(t));
  });
  it("SMS letters stripped to their GSM base form (one grapheme pass, in windows)", () => {
    expectLinear("٢٠٪ ", (t) => stripLetters(t));
    expectLinear("zażółć ", (t) => smsLayout(t, { letters: "strip" }));
  });
  it("findLoose (the opt-out search)", () => {
    expectLinear("Reply   STOP to opt out\n", (t) => findLoose(t, "reply stop to opt out", "en"));
  });
});

/** A whole lint of one rule on an SMS of the pattern, in memory: 100 KB does at most 15× the work of 10 KB. */
async function expectLinearRule(rule: string, pattern: string, config: object): Promise<void> {
  const cwd = path.join(os.tmpdir(), "brandlint-growth");
  const run = (kb: number) => lint({ cwd, disk: false, only: [rule], files: { "brand.config.json": JSON.stringify(config), "templates/c/sms.txt": sized(pattern, kb) } });
  await run(1); // load the rule and warm the caches
  const small = await workAsync(() => run(10));
  const large = await workAsync(() => run(100));
  expect(large / small, `work ${small} → ${large}`).toBeLessThan(15);
}

describe("rules grow linearly", () => {
  const config = { brand: { name: "Lumen" }, tone: { banned: [{ term: "cheap" }] }, variables: { x: { sample: "Ana", maxLength: 20 } } };
  it("consistency: the brand name written thousands of times (its line, sentence and word around each)", async () => {
    await expectLinearRule("consistency", "cheap LUMEN ", config);
    await expectLinearRule("consistency", "LUMEN. ", config);
    await expectLinearRule("consistency", "LUMEN-", config);
  });
  it("template-variables: thousands of variables on one line (the words before each)", async () => {
    await expectLinearRule("template-variables", "{{x}}", config);
    await expectLinearRule("template-variables", "Hi {{x}}, ", config);
  });
});
