/**
 * The pathological-text benchmark in its CI size (bench/pathological.js --smoke: 1 KB and
 * 10 KB of every pattern, all rules at once). No timing is asserted here — the machine
 * may be loaded — only that every pattern was linted and no rule threw.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";

const repo = path.resolve(import.meta.dirname, "..");

it("bench/pathological.js --smoke lints every pattern without a crash", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "brandlint-patho-test-"));
  try {
    const json = path.join(dir, "out.json");
    const r = spawnSync(process.execPath, [path.join(repo, "bench/pathological.js"), "--smoke", "--json", json], { encoding: "utf8", timeout: 600_000 });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain("| all rules |");
    const out = JSON.parse(readFileSync(json, "utf8")) as { sizes: number[]; patterns: unknown[]; results: Record<string, Record<string, Record<string, number | string>>> };
    expect(out.sizes).toEqual([1000, 10000]);
    const rows = out.results["*"]!;
    expect(Object.keys(rows).length).toBe(out.patterns.length);
    // Every pattern reached its 1 KB lint (a number: it ran; nothing threw).
    for (const row of Object.values(rows)) expect(typeof row["1000"]).toBe("number");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 620_000);
