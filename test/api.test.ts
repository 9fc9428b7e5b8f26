import path from "node:path";
import { describe, expect, it } from "vitest";

const repo = path.resolve(import.meta.dirname, "..");

describe("public API", () => {
  it("exports exactly what the README documents (built package entry)", async () => {
    const api = (await import(path.join(repo, "dist/src/index.js"))) as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(["ConfigError", "countSms", "defineRule", "lint", "loadConfig", "render"]);
  });

  it("works end to end on the example", async () => {
    const { lint, render, loadConfig, countSms } = await import("../src/index.js");
    const config = await loadConfig({ cwd: repo });
    expect(config.data.brand.name).toBe("Lumen");
    const { results } = await lint({ cwd: repo, config, paths: ["templates/spring-sale"] });
    expect(results.map((r) => path.basename(r.file.path))).toContain("message.md");
    const { files } = await render("templates/spring-sale/message.md", { cwd: repo, channel: "sms" });
    expect(files[0]!.text).toContain("Reply STOP to opt out");
    expect(countSms("Lumen: 20% off")).toEqual({ encoding: "gsm7", units: 14, segments: 1 });
    expect(countSms("Lumen: 20% off’")).toEqual({ encoding: "ucs2", units: 15, segments: 1 });
  });
});
