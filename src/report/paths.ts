import path from "node:path";

/** A path relative to `base` with forward slashes, or absolute when outside it. */
export function relativePath(file: string, base: string): string {
  const rel = path.relative(base, file);
  if (!rel || rel.startsWith("..") || path.isAbsolute(rel)) return file.split(path.sep).join("/");
  return rel.split(path.sep).join("/");
}

// C0 controls, DEL and C1 controls: a terminal would act on them (ESC starts a sequence that can
// recolour, retitle or hide text; BEL rings).
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** Control characters shown as `\xHH`, so text from a template cannot drive the terminal. */
export function escapeControls(s: string): string {
  return s.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

/**
 * A file name for line-based output (stylish, unix): quoted, JSON-style, when it holds a line
 * break (which would split its line); with control characters escaped on a terminal.
 */
export function displayFile(name: string, terminal: boolean | undefined): string {
  if (/[\r\n]/.test(name)) return JSON.stringify(name);
  return terminal ? escapeControls(name) : name;
}

/** A message on one line; on a terminal, with control characters escaped. */
export function displayMessage(message: string, terminal: boolean | undefined): string {
  const one = message.replace(/\r\n|[\r\n]/g, " ");
  return terminal ? escapeControls(one) : one;
}
