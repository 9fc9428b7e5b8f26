/**
 * Start-up (issue 18): the first Intl object of a kind costs milliseconds of ICU set-up
 * (a DateTimeFormat 5–6 ms on top of what any Intl object costs, a DisplayNames 10–17 ms),
 * so a run makes only the ones its work needs: the fatigue rule's UTC needs no
 * DateTimeFormat, and the texts that name a day, an offer's window or a language are made
 * for a finding, not for every send, offer and SMS checked. Likewise node:crypto (4–5 ms
 * to load) is loaded only by a run that hashes something (--cache, SARIF fingerprints).
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { localDay, parseSendTime, sendInstant } from "../src/text/time.js";

const root = path.join(import.meta.dirname, "..");

/** Counts the Intl objects made while `f` runs, by kind. */
function intlMade<T>(f: () => T): { value: T; made: Record<string, number> } {
  const made: Record<string, number> = {};
  const kinds = ["DateTimeFormat", "DisplayNames"] as const;
  const originals = kinds.map((k) => Intl[k]);
  kinds.forEach((k, i) => {
    const Original = originals[i] as new (...a: unknown[]) => object;
    const Counting = function (...a: unknown[]) {
      made[k] = (made[k] ?? 0) + 1;
      return new Original(...a);
    };
    Counting.prototype = Original.prototype;
    Object.setPrototypeOf(Counting, Original);
    (Intl as Record<string, unknown>)[k] = Counting;
  });
  try {
    return { value: f(), made };
  } finally {
    kinds.forEach((k, i) => ((Intl as Record<string, unknown>)[k] = originals[i]));
  }
}

describe("UTC, the fatigue rule's default zone, without a DateTimeFormat", () => {
  const sends = ["2026-03-20", "2026-03-29T01:30", "2026-10-25T00:59:59", "1970-01-01", "1969-12-31T23:59", "2024-02-29T12:00", "2026-03-20T08:30Z", "2026-03-20T23:30-05:00", "2026-03-21T00:15+13:45"];

  it("gives the instants and days a DateTimeFormat of Etc/UTC gives", () => {
    for (const written of sends) {
      const t = parseSendTime(written)!;
      const { value, made } = intlMade(() => {
        const instant = sendInstant(t, "UTC");
        return { instant, day: localDay(instant, "UTC") };
      });
      expect(made, written).toEqual({});
      const instant = sendInstant(t, "Etc/UTC");
      expect(value, written).toEqual({ instant, day: localDay(instant, "Etc/UTC") });
    }
  });

  it("other zones still come from Intl (DST included)", () => {
    const t = parseSendTime("2026-03-29T01:30")!;
    const { value, made } = intlMade(() => sendInstant(t, "Europe/Berlin"));
    // 01:30 in Berlin that night is still CET (+01:00): 00:30 UTC.
    expect(value).toBe(Date.UTC(2026, 2, 29, 0, 30));
    expect(made).toEqual({ DateTimeFormat: 1 });
  });
});

describe("a clean run makes the Intl objects only its work needs", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  /** A project of the repository's config (changed by `edit`) and its spring-sale campaign alone: no finding. */
  function project(edit: (config: { fatigue: { timezone?: string } }) => void): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), "brandlint-intl-"));
    dirs.push(dir);
    const config = JSON.parse(readFileSync(path.join(root, "brand.config.json"), "utf8")) as { fatigue: { timezone?: string } };
    edit(config);
    writeFileSync(path.join(dir, "brand.config.json"), JSON.stringify(config, null, 2));
    cpSync(path.join(root, "templates", "spring-sale"), path.join(dir, "templates", "spring-sale"), { recursive: true });
    // A preload that counts what the CLI makes and writes it to stderr at exit.
    writeFileSync(
      path.join(dir, "count-intl.cjs"),
      [
        "const made = {};",
        'for (const k of ["DateTimeFormat", "DisplayNames"]) {',
        "  const O = Intl[k];",
        "  const W = function (...a) { made[k] = (made[k] ?? 0) + 1; return new O(...a); };",
        "  W.prototype = O.prototype; Object.setPrototypeOf(W, O); Intl[k] = W;",
        "}",
        'process.on("exit", () => process.stderr.write("INTL " + JSON.stringify(made) + "\\n" + "CRYPTO " + process.moduleLoadList.includes("NativeModule crypto") + "\\n"));',
        "",
      ].join("\n"),
    );
    return dir;
  }

  function made(dir: string, ...args: string[]): { status: number | null; stdout: string; made: Record<string, number>; crypto: boolean } {
    const r = spawnSync(process.execPath, ["--require", path.join(dir, "count-intl.cjs"), path.join(root, "bin", "brandlint.js"), "--format", "json", ...args], { cwd: dir, encoding: "utf8" });
    const line = r.stderr.split("\n").find((l) => l.startsWith("INTL "));
    expect(line, r.stderr).toBeDefined();
    return { status: r.status, stdout: r.stdout, made: JSON.parse(line!.slice("INTL ".length)) as Record<string, number>, crypto: r.stderr.includes("CRYPTO true") };
  }

  it("fatigue caps in UTC, an offer with a window, an SMS: no DateTimeFormat, no DisplayNames", () => {
    const r = made(project((c) => delete c.fatigue.timezone));
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([expect.objectContaining({ errorCount: 0, warningCount: 0 })]);
    expect(r.made).toEqual({});
  });

  it("fatigue caps in Europe/London: one DateTimeFormat, for the zone (none for the texts of findings not made)", () => {
    const r = made(project(() => undefined));
    expect(r.status).toBe(0);
    expect(r.made).toEqual({ DateTimeFormat: 1 });
  });

  it("node:crypto is loaded only when something is hashed: not by a plain run, by a run with --cache", () => {
    const dir = project(() => undefined);
    const plain = made(dir);
    expect(plain.status).toBe(0);
    expect(plain.crypto).toBe(false);
    const cached = made(dir, "--cache");
    expect(cached.status).toBe(0);
    expect(cached.crypto).toBe(true);
    expect(cached.stdout).toBe(plain.stdout);
  });
});
