import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const repo = path.resolve(import.meta.dirname, "..");
const bin = path.join(repo, "bin/brandlint.js");

describe("worker threads", () => {
  it("lint on worker threads reports exactly what one thread reports", () => {
    const d = mkdtempSync(path.join(os.tmpdir(), "brandlint-workers-"));
    try {
      const config = JSON.parse(readFileSync(path.join(repo, "brand.config.json"), "utf8")) as Record<string, unknown>;
      delete config.$schema;
      writeFileSync(path.join(d, "brand.config.json"), JSON.stringify(config));
      const examples = readdirSync(path.join(repo, "templates"));
      for (let i = 0; i < 10; i++) for (const c of examples) cpSync(path.join(repo, "templates", c), path.join(d, "templates", `${c}-${i}`), { recursive: true });
      const run = (workers: string) => {
        try {
          return execFileSync(process.execPath, [bin, "--format", "json", "--workers", workers], { cwd: d, encoding: "utf8", maxBuffer: 64 << 20 });
        } catch (e) {
          return (e as { stdout: string }).stdout;
        }
      };
      const one = run("1");
      const two = run("2");
      expect(two).toBe(one);
      expect((JSON.parse(one) as { errorCount: number }[]).reduce((n, r) => n + r.errorCount, 0)).toBeGreaterThan(10);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  }, 120_000);
});
