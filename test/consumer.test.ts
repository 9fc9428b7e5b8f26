/**
 * The package as a consumer gets it: `npm pack` of the built package, installed with npm
 * into a fresh project from the tarball (offline: its runtime dependencies are already in
 * the project's node_modules, linked from this checkout's, so npm fetches nothing), then
 * the README's API example type-checked with `tsc --strict` and skipLibCheck false, and
 * the installed bin (what the VS Code tasks and the git hook run) started.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "./helpers/cli.js";

const TSC = path.join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc");

/** The README's "Programmatic API" example, exactly as users copy it. */
export function readmeApiExample(): string {
  const readme = readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Programmatic API"));
  const m = /```ts\n([\s\S]*?)```/.exec(section);
  if (!m) throw new Error("README.md has no ts example under ## Programmatic API");
  return m[1]!;
}

describe("a consumer project with brandlint installed from the packed tarball", { timeout: 300_000 }, () => {
  let dir: string;
  /** The temp folder holding the pack and the consumer project: the only thing removed afterwards. */
  let root: string | undefined;
  const tsc = (...args: string[]) => spawnSync(process.execPath, [TSC, ...args], { cwd: dir, encoding: "utf8" });

  beforeAll(() => {
    root = mkdtempSync(path.join(os.tmpdir(), "brandlint-consumer-"));
    dir = root;
    const packed = path.join(root, "pack");
    mkdirSync(packed);
    // dist/ is built by npm test's pretest; --ignore-scripts packs it as it is.
    const name = execFileSync("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", packed], { cwd: REPO_ROOT, encoding: "utf8" }).trim().split("\n").pop()!;
    const project = path.join(root, "app");
    mkdirSync(path.join(project, "node_modules"), { recursive: true });
    writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", type: "module", private: true }));
    // Only runtime packages (not dev-only in the lockfile) are there, so the types cannot lean on a dev dependency.
    const lock = JSON.parse(readFileSync(path.join(REPO_ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, { dev?: boolean }> };
    for (const [key, entry] of Object.entries(lock.packages)) {
      const name = key.slice("node_modules/".length);
      if (!key || entry.dev || key.split("node_modules/").length !== 2) continue;
      mkdirSync(path.dirname(path.join(project, "node_modules", name)), { recursive: true });
      symlinkSync(path.join(REPO_ROOT, "node_modules", name), path.join(project, "node_modules", name));
    }
    // --ignore-scripts: the linked packages would run their own prepare scripts (sms-segments-calculator runs husky), which an install from the registry never does.
    execFileSync("npm", ["install", "--offline", "--ignore-scripts", "--no-audit", "--no-fund", "--no-package-lock", path.join(packed, name)], { cwd: project, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    // The consumer's own dev dependency for Node's globals (console).
    mkdirSync(path.join(project, "node_modules", "@types"), { recursive: true });
    symlinkSync(path.join(REPO_ROOT, "node_modules", "@types", "node"), path.join(project, "node_modules", "@types", "node"));
    for (const file of ["example.ts", "wrong.ts"])
      writeFileSync(
        path.join(project, `tsconfig.${path.basename(file, ".ts")}.json`),
        JSON.stringify({ compilerOptions: { strict: true, noEmit: true, skipLibCheck: false, module: "nodenext", moduleResolution: "nodenext", target: "es2022", types: ["node"] }, files: [file] }),
      );
    writeFileSync(path.join(project, "example.ts"), readmeApiExample());
    dir = project;
  });
  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it("type-checks the README's API example with tsc --strict and skipLibCheck false", () => {
    const r = tsc("-p", "tsconfig.example.json");
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("the check is not vacuous: a wrong use of the API fails it", () => {
    writeFileSync(path.join(dir, "wrong.ts"), 'import { countSms } from "brandlint";\nconst n: string = countSms("hi").segments;\nexport { n };\n');
    const r = tsc("-p", "tsconfig.wrong.json");
    expect(r.stdout).toMatch(/wrong\.ts\(2,7\): error TS2322/);
  });

  it("has the bin the VS Code tasks and the git hook run: node_modules/.bin/brandlint", () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string };
    expect(execFileSync(path.join(dir, "node_modules", ".bin", "brandlint"), ["--version"], { cwd: dir, encoding: "utf8" })).toBe(`${pkg.version}\n`);
  });
});
