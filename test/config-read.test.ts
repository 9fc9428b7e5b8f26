/**
 * Reading a big config cheaply (issue 18, row K): it is read and decoded once per run,
 * decoded by V8 when it is valid UTF-8 with exactly TextDecoder's text, not hashed when
 * no cache entry records it, and a NUL byte is still named before any syntax error.
 */
import { describe, expect, it, vi } from "vitest";
import { decodeUtf8 } from "../src/host/host.js";
import { MemoryHost, RecordingHost, type HostRead } from "../src/host/index.js";
import { ConfigError, parseConfigText } from "../src/config/load.js";
import { loadProject } from "../src/setup.js";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { runCli, STACK_LINE, tempProject } from "./helpers/cli.js";

/** How many hashes node:crypto has made (the real createHash, counted). */
const hashes = vi.hoisted(() => ({ count: 0 }));
vi.mock("node:crypto", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:crypto")>();
  return {
    ...real,
    createHash: (...args: Parameters<typeof real.createHash>) => {
      hashes.count++;
      return real.createHash(...args);
    },
  };
});

/** Bytes that stress a UTF-8 decoder: every length of sequence, and every way one goes wrong. */
const PIECES: number[][] = [
  [0x41],
  [0x0a],
  [0xef, 0xbb, 0xbf], // a BOM (dropped only at the start)
  [0xc3, 0xa9], // é
  [0xe2, 0x80, 0x99], // ’
  [0xf0, 0x9f, 0x98, 0x80], // 😀
  [0xef, 0xbf, 0xbd], // U+FFFD written in the file
  [0xff], // never valid
  [0xc3], // a lead byte without its continuation
  [0x80], // a continuation without its lead
  [0xc0, 0xaf], // an overlong /
  [0xed, 0xa0, 0x80], // a surrogate written as UTF-8
  [0xf4, 0x90, 0x80, 0x80], // past U+10FFFF
  [0xe2, 0x80], // a three-byte sequence cut short
  [0xf0, 0x9f, 0x98], // a four-byte sequence cut short
];

describe("decodeUtf8", () => {
  it("gives TextDecoder's text for valid and invalid UTF-8, a BOM at the start dropped", () => {
    let seed = 18;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const decoder = new TextDecoder("utf-8");
    let valid = 0;
    for (let round = 0; round < 3000; round++) {
      const bytes: number[] = [];
      const invalidToo = round % 2 === 0;
      for (let k = rand(12); k >= 0; k--) {
        const piece = PIECES[rand(invalidToo ? PIECES.length : 7)]!;
        bytes.push(...piece);
      }
      const buf = new Uint8Array(bytes);
      const text = decodeUtf8(buf);
      expect(text).toBe(decoder.decode(buf));
      if (!text.includes("\ufffd")) valid++;
    }
    expect(valid).toBeGreaterThan(1000);
    // A subarray of a larger buffer decodes only its own bytes.
    const whole = new TextEncoder().encode("xx\ufeffé😀yy");
    expect(decodeUtf8(whole.subarray(2, whole.length - 2))).toBe("é😀");
  });
});

/** A host that counts the reads of each path. */
class CountingHost extends MemoryHost {
  readonly reads = new Map<string, number>();
  override read(p: string, limit: number): HostRead {
    this.reads.set(p, (this.reads.get(p) ?? 0) + 1);
    return super.read(p, limit);
  }
}

describe("the config of a run", () => {
  it("is read once: the text read for its custom rules is the one validated", async () => {
    const host = new CountingHost([
      ["/p/brand.config.json", JSON.stringify({ brand: { name: "Acme" }, tone: { banned: [{ term: "cheap" }] } })],
      ["/p/templates/a/sms.txt", "Cheap"],
    ]);
    const project = await loadProject({ cwd: "/p", host });
    expect(project.config.data.tone?.banned?.[0]?.term).toBe("cheap");
    expect(host.reads.get("/p/brand.config.json")).toBe(1);
  });

  it("still names what cannot be read, and a NUL byte before a syntax error", async () => {
    await expect(loadProject({ cwd: "/q", host: new MemoryHost([["/q/brand.config.json/x", "{}"]]) })).rejects.toThrow("is a folder, not a config file");
    const problems = (text: string) => {
      try {
        parseConfigText("/p/brand.config.json", text, undefined, "/p");
        return [];
      } catch (e) {
        return (e as ConfigError).problems.map((p) => `${p.line}:${p.column}: ${p.message}`);
      }
    };
    expect(problems('{ "brand": { "name": "A\u0000" }, }')).toEqual(["1:1: is not a text file (it contains NUL bytes)"]);
    expect(problems('{ "brand": { "name": "A" }, }')).toEqual(["1:27: invalid JSON: a comma after the last item is not allowed; remove it"]);
  });

  it("that is not UTF-8 is refused, at the line and column of its first bad byte (exit 2, no custom rule loaded)", async () => {
    const config = JSON.stringify({ brand: { name: "Acme" }, customRules: ["./never-loaded.js"] }, null, 2);
    const p = tempProject({ "templates/a/sms.txt": "Hello", "never-loaded.js": 'throw new Error("loaded");\n' });
    try {
      const bytes = Buffer.from(config, "utf8");
      const at = bytes.indexOf("Acme") + 1;
      // "A\xffcme": line 3, the byte after the A.
      writeFileSync(path.join(p.dir, "brand.config.json"), Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff]), bytes.subarray(at)]));
      const column = config.split("\n")[2]!.indexOf("Acme") + 2;
      await expect(loadProject({ cwd: p.dir })).rejects.toThrow(`brand.config.json:3:${column}: is not valid UTF-8`);
      const r = await runCli([], p.dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`brand.config.json:3:${column}: is not valid UTF-8 (this byte is not part of a UTF-8 character); save the file as UTF-8`);
      expect(r.stderr).not.toContain(STACK_LINE);
      expect(r.stderr).not.toContain("loaded");
      // The same config as UTF-8 (an ÿ where the byte was) is read as usual.
      writeFileSync(path.join(p.dir, "brand.config.json"), config.replace("Acme", "Aÿcme"));
      const utf8 = await runCli([], p.dir);
      expect(utf8.code).toBe(2);
      expect(utf8.stderr).toContain("loaded");
    } finally {
      p.dispose();
    }
  });

  it("is not hashed by the recording host unless a campaign's reads are being recorded", () => {
    const host = new RecordingHost(new MemoryHost([["/p/brand.config.json", "{}"]]));
    const before = hashes.count;
    host.read("/p/brand.config.json", 100);
    expect([hashes.count - before, [...host.files]]).toEqual([0, ["/p/brand.config.json"]]);
    const { reads } = host.record(() => host.read("/p/brand.config.json", 100));
    expect(hashes.count - before).toBe(1);
    expect(reads).toEqual([["read", "/p/brand.config.json", expect.stringMatching(/^[0-9a-f]{32}$/)]]);
  });
});
