/**
 * Runs the built command (`node bin/brandlint.js`, built by `npm test`'s pretest) in
 * a folder, the way a user does, and writes throwaway projects to run it in.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const BIN = path.join(REPO_ROOT, "bin", "brandlint.js");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment a CI job has, minus anything that would colour or debug the output. */
function cleanEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ["NO_COLOR", "FORCE_COLOR", "BRANDLINT_DEBUG", "NODE_OPTIONS"]) delete env[k];
  return { ...env, ...extra };
}

/** Runs `node bin/brandlint.js ...args` with `cwd`; never rejects. */
export function runCli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  if (!existsSync(path.join(REPO_ROOT, "dist", "src", "cli", "main.js"))) throw new Error("the CLI is not built: run `npm run build` (npm test does it first)");
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env: cleanEnv(env), encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A temp folder holding `files` (path → text); remove it with `dispose`. */
export interface TempProject {
  dir: string;
  write(file: string, text: string): void;
  dispose(): void;
}

export function tempProject(files: Record<string, string>): TempProject {
  const dir = mkdtempSync(path.join(os.tmpdir(), "brandlint-cli-"));
  const write = (file: string, text: string) => {
    const abs = path.join(dir, file);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  };
  for (const [file, text] of Object.entries(files)) write(file, text);
  return { dir, write, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A stack trace line, which a user must never see for a problem they can fix. */
/** Every file below `dir` as path (relative to `dir`) → text. */
export function readTree(dir: string, base = dir, out: Record<string, string> = {}): Record<string, string> {
  for (const name of readdirSync(dir)) {
    const abs = path.join(dir, name);
    if (statSync(abs).isDirectory()) readTree(abs, base, out);
    else out[path.relative(base, abs)] = readFileSync(abs, "utf8");
  }
  return out;
}

export const STACK_LINE = "    at ";
