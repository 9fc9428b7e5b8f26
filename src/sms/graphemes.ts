/**
 * Grapheme clusters the way Twilio's segment calculator (npm `sms-segments-calculator`)
 * cuts them, so our segment counts match it on every input.
 *
 * The calculator keeps a user-perceived character (a grapheme) whole when it fills a
 * segment, and it finds graphemes with the Unicode 10.0 rules of UAX #29 (through the
 * `grapheme-splitter` package), not with today's rules. The difference is real for
 * modern emoji: a skin tone after an emoji that had none in 2017, a ZWJ sequence
 * ending in a newer emoji (❤️‍🔥), a couple with skin tones — `Intl.Segmenter` keeps
 * them whole, the calculator cuts them. We therefore implement the Unicode 10.0 rules
 * ourselves, from the Unicode 10.0.0 Grapheme_Cluster_Break data (the table below:
 * each value's code points from `@unicode/unicode-10.0.0`, merged into ranges). Unlike
 * today's rules, a ZWJ joins a following Glue_After_Zwj or E_Base_GAZ character
 * whatever precedes it, and an emoji modifier joins only an E_Base. We also keep the
 * places where the calculator's splitter departs from the Unicode 10.0 standard:
 *
 * - after a pair of regional indicators (a flag), or a prepend character and one
 *   regional indicator, at most one more code point joins the cluster;
 * - an emoji modifier joins its base only when at most one Extend character sits
 *   between them, and not at all once the cluster has an Extend character elsewhere
 *   (👨🏻‍❤️‍💋‍👨 + 🏼 are two clusters).
 *
 * test/sms-count.test.ts checks every BMP and emoji code point in context against the
 * calculator's own splitter.
 *
 * For anything a person sees (findings, fixes) use `Intl.Segmenter`; this module is
 * only for counting SMS segments.
 */

/** Grapheme_Cluster_Break values of Unicode 10.0 (Other = 0). */
const enum G {
  Other,
  CR,
  LF,
  Control,
  Extend,
  RI,
  SpacingMark,
  L,
  V,
  T,
  LV,
  LVT,
  Prepend,
  EBase,
  EModifier,
  ZWJ,
  GAZ,
  EBG,
}

/**
 * Unicode 10.0.0 Grapheme_Cluster_Break ranges as hexadecimal `start-extra` pairs
 * (`300-6f` is U+0300..U+036F); Hangul syllables (LV/LVT) are computed.
 */
const RANGES: Record<string, string> = {
  CR: "d",
  LF: "a",
  Control: [
    "0-9 b-1 e-11 7f-20 ad 61c 180e 200b 200e-1 2028-6 2060-f d800-7ff feff fff0-b 1bca0-3 1d173-7",
    "e0000-1f e0080-7f e01f0-e0f",
  ].join(" "),
  Extend: [
    "300-6f 483-6 591-2c 5bf 5c1-1 5c4-1 5c7 610-a 64b-14 670 6d6-6 6df-5 6e7-1 6ea-3 711 730-1a 7a6-a",
    "7eb-8 816-3 81b-8 825-2 829-4 859-2 8d4-d 8e3-1f 93a 93c 941-7 94d 951-6 962-1 981 9bc 9be 9c1-3 9cd",
    "9d7 9e2-1 a01-1 a3c a41-1 a47-1 a4b-2 a51 a70-1 a75 a81-1 abc ac1-4 ac7-1 acd ae2-1 afa-5 b01 b3c",
    "b3e-1 b41-3 b4d b56-1 b62-1 b82 bbe bc0 bcd bd7 c00 c3e-2 c46-2 c4a-3 c55-1 c62-1 c81 cbc cbf cc2",
    "cc6 ccc-1 cd5-1 ce2-1 d00-1 d3b-1 d3e d41-3 d4d d57 d62-1 dca dcf dd2-2 dd6 ddf e31 e34-6 e47-7 eb1",
    "eb4-5 ebb-1 ec8-5 f18-1 f35 f37 f39 f71-d f80-4 f86-1 f8d-a f99-23 fc6 102d-3 1032-5 1039-1 103d-1",
    "1058-1 105e-2 1071-3 1082 1085-1 108d 109d 135d-2 1712-2 1732-2 1752-1 1772-1 17b4-1 17b7-6 17c6",
    "17c9-a 17dd 180b-2 1885-1 18a9 1920-2 1927-1 1932 1939-2 1a17-1 1a1b 1a56 1a58-6 1a60 1a62 1a65-7",
    "1a73-9 1a7f 1ab0-e 1b00-3 1b34 1b36-4 1b3c 1b42 1b6b-8 1b80-1 1ba2-3 1ba8-1 1bab-2 1be6 1be8-1 1bed",
    "1bef-2 1c2c-7 1c36-1 1cd0-2 1cd4-c 1ce2-6 1ced 1cf4 1cf8-1 1dc0-39 1dfb-4 200c 20d0-20 2cef-2 2d7f",
    "2de0-1f 302a-5 3099-1 a66f-3 a674-9 a69e-1 a6f0-1 a802 a806 a80b a825-1 a8c4-1 a8e0-11 a926-7 a947-a",
    "a980-2 a9b3 a9b6-3 a9bc a9e5 aa29-5 aa31-1 aa35-1 aa43 aa4c aa7c aab0 aab2-2 aab7-1 aabe-1 aac1",
    "aaec-1 aaf6 abe5 abe8 abed fb1e fe00-f fe20-f ff9e-1 101fd 102e0 10376-4 10a01-2 10a05-1 10a0c-3",
    "10a38-2 10a3f 10ae5-1 11001 11038-e 1107f-2 110b3-3 110b9-1 11100-2 11127-4 1112d-7 11173 11180-1",
    "111b6-8 111ca-2 1122f-2 11234 11236-1 1123e 112df 112e3-7 11300-1 1133c 1133e 11340 11357 11366-6",
    "11370-4 11438-7 11442-2 11446 114b0 114b3-5 114ba 114bd 114bf-1 114c2-1 115af 115b2-3 115bc-1",
    "115bf-1 115dc-1 11633-7 1163d 1163f-1 116ab 116ad 116b0-5 116b7 1171d-2 11722-3 11727-4 11a01-5",
    "11a09-1 11a33-5 11a3b-3 11a47 11a51-5 11a59-2 11a8a-c 11a98-1 11c30-6 11c38-5 11c3f 11c92-15 11caa-6",
    "11cb2-1 11cb5-1 11d31-5 11d3a 11d3c-1 11d3f-6 11d47 16af0-4 16b30-6 16f8f-3 1bc9d-1 1d165 1d167-2",
    "1d16e-4 1d17b-7 1d185-6 1d1aa-3 1d242-2 1da00-36 1da3b-31 1da75 1da84 1da9b-4 1daa1-e 1e000-6",
    "1e008-10 1e01b-6 1e023-1 1e026-4 1e8d0-6 1e944-6 e0020-5f e0100-ef",
  ].join(" "),
  Regional_Indicator: "1f1e6-19",
  SpacingMark: [
    "903 93b 93e-2 949-3 94e-1 982-1 9bf-1 9c7-1 9cb-1 a03 a3e-2 a83 abe-2 ac9 acb-1 b02-1 b40 b47-1",
    "b4b-1 bbf bc1-1 bc6-2 bca-2 c01-2 c41-3 c82-1 cbe cc0-1 cc3-1 cc7-1 cca-1 d02-1 d3f-1 d46-2 d4a-2",
    "d82-1 dd0-1 dd8-6 df2-1 e33 eb3 f3e-1 f7f 1031 103b-1 1056-1 1084 17b6 17be-7 17c7-1 1923-3 1929-2",
    "1930-1 1933-5 1a19-1 1a55 1a57 1a6d-5 1b04 1b35 1b3b 1b3d-4 1b43-1 1b82 1ba1 1ba6-1 1baa 1be7 1bea-2",
    "1bee 1bf2-1 1c24-7 1c34-1 1ce1 1cf2-1 1cf7 a823-1 a827 a880-1 a8b4-f a952-1 a983 a9b4-1 a9ba-1",
    "a9bd-3 aa2f-1 aa33-1 aa4d aaeb aaee-1 aaf5 abe3-1 abe6-1 abe9-1 abec 11000 11002 11082 110b0-2",
    "110b7-1 1112c 11182 111b3-2 111bf-1 1122c-2 11232-1 11235 112e0-2 11302-1 1133f 11341-3 11347-1",
    "1134b-2 11362-1 11435-2 11440-1 11445 114b1-1 114b9 114bb-1 114be 114c1 115b0-1 115b8-3 115be",
    "11630-2 1163b-1 1163e 116ac 116ae-1 116b6 11720-1 11726 11a07-1 11a39 11a57-1 11a97 11c2f 11c3e",
    "11ca9 11cb1 11cb4 16f51-2d 1d166 1d16d",
  ].join(" "),
  L: "1100-5f a960-1c",
  V: "1160-47 d7b0-16",
  T: "11a8-57 d7cb-30",
  Prepend: "600-5 6dd 70f 8e2 d4e 110bd 111c2-1 11a3a 11a86-3 11d46",
  E_Base: [
    "261d 26f9 270a-3 1f385 1f3c2-2 1f3c7 1f3ca-2 1f442-1 1f446-a 1f46e 1f470-8 1f47c 1f481-2 1f485-2",
    "1f4aa 1f574-1 1f57a 1f590 1f595-1 1f645-2 1f64b-4 1f6a3 1f6b4-2 1f6c0 1f6cc 1f918-4 1f91e-1 1f926",
    "1f930-9 1f93d-1 1f9d1-c",
  ].join(" "),
  E_Modifier: "1f3fb-4",
  ZWJ: "200d",
  Glue_After_Zwj: [
    "2640 2642 2695-1 2708 2764 1f308 1f33e 1f373 1f393 1f3a4 1f3a8 1f3eb 1f3ed 1f48b 1f4bb-1 1f527 1f52c",
    "1f5e8 1f680 1f692",
  ].join(" "),
  E_Base_GAZ: "1f466-3",
};

const CLASS_OF: Record<string, G> = {
  CR: G.CR,
  LF: G.LF,
  Control: G.Control,
  Extend: G.Extend,
  Regional_Indicator: G.RI,
  SpacingMark: G.SpacingMark,
  L: G.L,
  V: G.V,
  T: G.T,
  Prepend: G.Prepend,
  E_Base: G.EBase,
  E_Modifier: G.EModifier,
  ZWJ: G.ZWJ,
  Glue_After_Zwj: G.GAZ,
  E_Base_GAZ: G.EBG,
};

/** Sorted, non-overlapping [start, end, class] triples flattened into one array. */
const TABLE: Uint32Array = (() => {
  const triples: [number, number, G][] = [];
  for (const [name, spec] of Object.entries(RANGES)) {
    for (const item of spec.split(" ")) {
      const [a, extra] = item.split("-");
      const start = parseInt(a!, 16);
      triples.push([start, start + (extra ? parseInt(extra, 16) : 0), CLASS_OF[name]!]);
    }
  }
  triples.sort((x, y) => x[0] - y[0]);
  return Uint32Array.from(triples.flat());
})();

/** The Unicode 10.0 Grapheme_Cluster_Break value of a code point. */
function classOf(cp: number): G {
  if (cp >= 0xac00 && cp <= 0xd7a3) return (cp - 0xac00) % 28 === 0 ? G.LV : G.LVT;
  let lo = 0;
  let hi = TABLE.length / 3 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < TABLE[mid * 3]!) hi = mid - 1;
    else if (cp > TABLE[mid * 3 + 1]!) lo = mid + 1;
    else return TABLE[mid * 3 + 2]! as G;
  }
  return G.Other;
}

const isControl = (c: G | undefined) => c === G.Control || c === G.CR || c === G.LF;
const isEmojiBase = (c: G | undefined) => c === G.EBase || c === G.EBG;

/** What the break decision needs to know about the cluster built so far. */
interface Cluster {
  /** Class of its first code point. */
  first: G;
  /** Classes of its last and second-to-last code points. */
  prev: G;
  prev2: G | undefined;
  /** Number of code points in it. */
  size: number;
  /** How many Extend (resp. RI) code points directly follow the first one. */
  extendRun: number;
  riRun: number;
  /** Whether those runs still reach the end of the cluster. */
  extendRunOpen: boolean;
  riRunOpen: boolean;
  /** Index of its last E_Modifier / RI code point, or -1. */
  lastModifier: number;
  lastRI: number;
  hasExtend: boolean;
  /** An RI after the first code point. */
  laterRI: boolean;
}

function startCluster(c: G): Cluster {
  return {
    first: c,
    prev: c,
    prev2: undefined,
    size: 1,
    extendRun: 0,
    riRun: 0,
    extendRunOpen: true,
    riRunOpen: true,
    lastModifier: c === G.EModifier ? 0 : -1,
    lastRI: c === G.RI ? 0 : -1,
    hasExtend: c === G.Extend,
    laterRI: false,
  };
}

function grow(k: Cluster, c: G): void {
  if (k.extendRunOpen) {
    if (c === G.Extend) k.extendRun++;
    else k.extendRunOpen = false;
  }
  if (k.riRunOpen) {
    if (c === G.RI) k.riRun++;
    else k.riRunOpen = false;
  }
  if (c === G.EModifier) k.lastModifier = k.size;
  if (c === G.RI) {
    k.lastRI = k.size;
    k.laterRI = true;
  }
  if (c === G.Extend) k.hasExtend = true;
  k.prev2 = k.prev;
  k.prev = c;
  k.size++;
}

/** Is there a cluster boundary between the cluster `k` and a following code point of class `next`? */
function breaksBefore(k: Cluster, next: G): boolean {
  const { prev } = k;
  // GB10, checked first: an E_Modifier after a run of Extend that does not follow an emoji base.
  const modifier = next === G.EModifier ? k.size : k.lastModifier;
  if (modifier > 1 && modifier - 1 <= k.extendRun && k.first !== G.Extend && !isEmojiBase(k.first)) return true;
  // GB12/13, checked first: a cluster that holds regional indicators ends after one more code point.
  const ri = next === G.RI ? k.size : k.lastRI;
  if (ri > 0 && ri - 1 <= k.riRun && prev !== G.Prepend && prev !== G.RI) return true;
  if (prev === G.CR && next === G.LF) return false; // GB3
  if (isControl(prev) || isControl(next)) return true; // GB4, GB5
  if (prev === G.L && (next === G.L || next === G.V || next === G.LV || next === G.LVT)) return false; // GB6
  if ((prev === G.LV || prev === G.V) && (next === G.V || next === G.T)) return false; // GB7
  if ((prev === G.LVT || prev === G.T) && next === G.T) return false; // GB8
  if (next === G.Extend || next === G.ZWJ || next === G.SpacingMark) return false; // GB9, GB9a
  if (prev === G.Prepend) return false; // GB9b
  // GB10: (E_Base | E_Base_GAZ) Extend? × E_Modifier, as the calculator applies it.
  if (next === G.EModifier && (k.hasExtend ? prev === G.Extend && isEmojiBase(k.prev2) : isEmojiBase(prev))) return false;
  if (prev === G.ZWJ && (next === G.GAZ || next === G.EBG)) return false; // GB11
  if (k.laterRI) return true; // GB12/13
  return !(prev === G.RI && next === G.RI);
}

/**
 * End offsets (UTF-16) of the grapheme clusters of `text`, by the calculator's
 * Unicode 10.0 rules. Lone surrogates are clusters of their own.
 */
export function legacyGraphemeEnds(text: string): number[] {
  const ends: number[] = [];
  let k: Cluster | undefined;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const c = classOf(cp);
    if (k && breaksBefore(k, c)) {
      ends.push(i);
      k = undefined;
    }
    if (k) grow(k, c);
    else k = startCluster(c);
    i += cp > 0xffff ? 2 : 1;
  }
  if (k) ends.push(text.length);
  return ends;
}
