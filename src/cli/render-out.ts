/**
 * Writing `brandlint render` output into a folder. A manifest (.brandlint-render.json)
 * records what brandlint wrote there, so rendering another campaign into the same folder
 * removes the previous campaign's files — only those brandlint wrote and that nobody has
 * changed since; any other file in the folder is never touched.
 *
 * Every path is resolved before it is written: the campaign's folder below the output
 * folder and each file in it must stay inside the output folder once symbolic links are
 * followed (a link committed in `out/` could otherwise send the files anywhere), and files
 * are written through a new temp file and a rename, which replaces a link instead of
 * writing through it.
 */
import { createHash, randomBytes } from "node:crypto";
import { lstatSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync, type Stats } from "node:fs";
import path from "node:path";
import { isInside } from "../host/index.js";

export const RENDER_MANIFEST = ".brandlint-render.json";

interface Manifest {
  brandlint: "render";
  campaign: string;
  /** File name → sha256 of the text written. */
  files: Record<string, string>;
}

/** An output path would leave the output folder (exit 2, nothing written there). */
export class RenderOutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RenderOutputError";
  }
}

const sha = (text: string | Buffer) => createHash("sha256").update(text).digest("hex");

function lstatOrNone(p: string): Stats | undefined {
  try {
    return lstatSync(p);
  } catch {
    return undefined;
  }
}

/** The real path of `p` (a link followed), or undefined when it leads nowhere. */
function realOrNone(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}

/** Only a regular file is read (a link in the folder is never followed to read what it points at). */
function readRegular(file: string): Buffer | undefined {
  if (!lstatOrNone(file)?.isFile()) return undefined;
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

function readManifest(file: string): Manifest | undefined {
  try {
    const m = JSON.parse(readRegular(file)?.toString("utf8") ?? "") as Manifest;
    return m && m.brandlint === "render" && m.files && typeof m.files === "object" ? m : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The folder `dir` (the output folder `root`, or a folder below it), made where missing,
 * as a real path inside the real output folder; refused when a link on the way leads out.
 */
export function confinedFolder(root: string, dir: string, options: { rootIsReal?: boolean } = {}): { realRoot: string; realDir: string } {
  // A folder brandlint chose (out/ without --out) must be a real folder, not a link committed in its place.
  if (options.rootIsReal && lstatOrNone(root)?.isSymbolicLink()) throw new RenderOutputError(`${root} is a symbolic link to ${realOrNone(root) ?? "nothing"}; brandlint writes render output only into a real folder (or the one --out names); nothing written`);
  mkdirSync(root, { recursive: true });
  const realRoot = realpathSync(root);
  let at = root;
  for (const part of path.relative(root, dir).split(path.sep).filter(Boolean)) {
    if (part === "..") throw new RenderOutputError(`${dir} is outside the output folder ${root}; nothing written`);
    at = path.join(at, part);
    const st = lstatOrNone(at);
    if (!st) mkdirSync(at);
    else if (st.isSymbolicLink()) {
      const real = realOrNone(at);
      if (!real || !isInside(realRoot, real)) throw new RenderOutputError(`${at} is a symbolic link to ${real ?? "nothing"}, outside the output folder ${root}; nothing written`);
    } else if (!st.isDirectory()) throw new RenderOutputError(`${at} is a file, not a folder; nothing written`);
  }
  const realDir = realpathSync(at);
  if (!isInside(realRoot, realDir)) throw new RenderOutputError(`${dir} resolves to ${realDir}, outside the output folder ${root}; nothing written`);
  return { realRoot, realDir };
}

/** The path a file named `name` is written to in `realDir`: refused when it (a link) leads out of the output folder. */
function outputPath(realRoot: string, realDir: string, name: string): string {
  if (name !== path.basename(name) || name === "." || name === "..") throw new RenderOutputError(`${name} is not a plain file name; nothing written`);
  const file = path.join(realDir, name);
  const st = lstatOrNone(file);
  if (st?.isSymbolicLink()) {
    const real = realOrNone(file);
    if (!real || !isInside(realRoot, real)) throw new RenderOutputError(`${file} is a symbolic link to ${real ?? "nothing"}, outside the output folder; nothing written`);
  } else if (st && !st.isFile()) throw new RenderOutputError(`${file} is not a file brandlint can replace (a folder or a device); nothing written`);
  return file;
}

/** Writes through a new temp file (created exclusively) and a rename, which replaces a link rather than following it. */
function writeFile(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(tmp, text, { flag: "wx" });
  renameSync(tmp, file);
}

export interface WriteResult {
  /** Files of the previous render that were removed. */
  removed: string[];
  /** Files of the previous render left in place because they were changed since. */
  kept: string[];
}

/**
 * Writes `files` into `dir` (the output folder `root` itself, or a folder below it such
 * as `out/<campaign>`), removing what the previous render there wrote and this one does
 * not. Every path is checked before anything is written; with `rootIsReal` the output
 * folder itself must not be a link either (the default out/, which no one named).
 */
export function writeRenderOutput(root: string, dir: string, campaign: string, files: readonly { name: string; text: string }[], options: { rootIsReal?: boolean } = {}): WriteResult {
  const { realRoot, realDir } = confinedFolder(root, dir, options);
  const targets = files.map((f) => ({ file: outputPath(realRoot, realDir, f.name), text: f.text }));
  const manifestFile = outputPath(realRoot, realDir, RENDER_MANIFEST);
  const previous = readManifest(manifestFile);
  const result: WriteResult = { removed: [], kept: [] };
  const names = new Set(files.map((f) => f.name));
  for (const [name, hash] of Object.entries(previous?.files ?? {})) {
    // Only plain names: a manifest never makes brandlint delete outside its folder.
    if (names.has(name) || name !== path.basename(name) || name.startsWith(".")) continue;
    const file = path.join(realDir, name);
    const text = readRegular(file);
    if (text === undefined) continue; // gone, or not a file brandlint wrote
    if (sha(text) === hash) {
      rmSync(file);
      result.removed.push(name);
    } else result.kept.push(name);
  }
  for (const t of targets) writeFile(t.file, t.text);
  const manifest: Manifest = { brandlint: "render", campaign, files: Object.fromEntries(files.map((f) => [f.name, sha(f.text)])) };
  writeFile(manifestFile, JSON.stringify(manifest, null, 2) + "\n");
  return result;
}
