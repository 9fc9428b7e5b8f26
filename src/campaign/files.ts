/** Reading campaign files safely: a file that cannot be read becomes a problem, never a crash. */
import { readFileSync, statSync } from "node:fs";
import { SourceFile } from "../text/source-file.js";

/** Files above this size are not parsed (a template is never this big). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export interface ReadResult {
  file: SourceFile;
  /** Why the file could not be used, if it could not. */
  error?: string;
}

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export function readSource(path: string): ReadResult {
  try {
    const st = statSync(path);
    if (st.isDirectory()) return { file: new SourceFile(path, ""), error: "is a folder, expected a file" };
    if (st.size > MAX_FILE_BYTES) return { file: new SourceFile(path, ""), error: `is too large to be a template (${(st.size / 1048576).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB)` };
    const buf = readFileSync(path);
    if (buf.includes(0)) return { file: new SourceFile(path, ""), error: "is a binary file, not text (it contains NUL bytes)" };
    let text: string;
    try {
      text = decoder.decode(buf);
    } catch {
      const bad = firstInvalidUtf8(buf);
      const before = new TextDecoder("utf-8").decode(buf.subarray(0, bad));
      const f = SourceFile.fromContents(path, before);
      const pos = f.positionAt(f.text.length);
      return { file: f, error: `is not valid UTF-8 (first bad byte at line ${pos.line}, column ${pos.column}); save it as UTF-8` };
    }
    return { file: SourceFile.fromContents(path, text) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT" ? "disappeared while brandlint was reading it" : code === "EACCES" || code === "EPERM" ? "cannot be read (permission denied)" : code === "ELOOP" ? "is a symbolic link that loops" : `cannot be read (${code ?? String(e)})`;
    return { file: new SourceFile(path, ""), error: why };
  }
}

function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    const n = b < 0x80 ? 0 : (b & 0xe0) === 0xc0 && b >= 0xc2 ? 1 : (b & 0xf0) === 0xe0 ? 2 : (b & 0xf8) === 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= buf.length || (buf[i + k]! & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return buf.length;
}
