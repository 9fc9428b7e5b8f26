/**
 * Writing `brandlint render` output into a folder. A manifest (.brandlint-render.json)
 * records what brandlint wrote there, so rendering another campaign into the same folder
 * removes the previous campaign's files — only those brandlint wrote and that nobody has
 * changed since; any other file in the folder is never touched.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export const RENDER_MANIFEST = ".brandlint-render.json";

interface Manifest {
  brandlint: "render";
  campaign: string;
  /** File name → sha256 of the text written. */
  files: Record<string, string>;
}

const sha = (text: string | Buffer) => createHash("sha256").update(text).digest("hex");

function readManifest(file: string): Manifest | undefined {
  try {
    const m = JSON.parse(readFileSync(file, "utf8")) as Manifest;
    return m && m.brandlint === "render" && m.files && typeof m.files === "object" ? m : undefined;
  } catch {
    return undefined;
  }
}

export interface WriteResult {
  /** Files of the previous render that were removed. */
  removed: string[];
  /** Files of the previous render left in place because they were changed since. */
  kept: string[];
}

/** Writes `files` into `out`, removing what the previous render there wrote and this one does not. */
export function writeRenderOutput(out: string, campaign: string, files: readonly { name: string; text: string }[]): WriteResult {
  mkdirSync(out, { recursive: true });
  const manifestFile = path.join(out, RENDER_MANIFEST);
  const previous = readManifest(manifestFile);
  const result: WriteResult = { removed: [], kept: [] };
  const names = new Set(files.map((f) => f.name));
  for (const [name, hash] of Object.entries(previous?.files ?? {})) {
    // Only plain names: a manifest never makes brandlint delete outside its folder.
    if (names.has(name) || name !== path.basename(name) || name.startsWith(".")) continue;
    const file = path.join(out, name);
    let text: Buffer;
    try {
      text = readFileSync(file);
    } catch {
      continue; // already gone
    }
    if (sha(text) === hash) {
      rmSync(file);
      result.removed.push(name);
    } else result.kept.push(name);
  }
  for (const f of files) writeFileSync(path.join(out, f.name), f.text);
  const manifest: Manifest = { brandlint: "render", campaign, files: Object.fromEntries(files.map((f) => [f.name, sha(f.text)])) };
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + "\n");
  return result;
}
