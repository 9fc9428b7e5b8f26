import path from "node:path";

/** A path relative to `base` with forward slashes, or absolute when outside it. */
export function relativePath(file: string, base: string): string {
  const rel = path.relative(base, file);
  if (!rel || rel.startsWith("..") || path.isAbsolute(rel)) return file.split(path.sep).join("/");
  return rel.split(path.sep).join("/");
}
