/** Reading campaign files safely: a file that cannot be read becomes a problem, never a crash. */
import { firstInvalidUtf8, MAX_FILE_BYTES, readInside, type Host } from "../host/index.js";
import { SourceFile } from "../text/source-file.js";

export { MAX_FILE_BYTES } from "../host/index.js";

export interface ReadResult {
  file: SourceFile;
  /** Why the file could not be used, if it could not. */
  error?: string;
}

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Why a host read failed, in words. */
export function readError(code: string, size?: number): string {
  switch (code) {
    case "ENOENT":
      return "disappeared while brandlint was reading it";
    case "EISDIR":
      return "is a folder, expected a file";
    case "EACCES":
    case "EPERM":
      return "cannot be read (permission denied)";
    case "ELOOP":
      return "is a symbolic link that loops";
    case "ENOTREG":
      return "is not a regular file (a FIFO, socket or device); brandlint only reads regular files";
    case "E2BIG":
      return `is too large to be a template (${((size ?? 0) / 1048576).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB)`;
    default:
      return `cannot be read (${code})`;
  }
}

/**
 * Reads a campaign file through the host. With `root`, a file whose real path is
 * outside the root (a symlink out of the project) is refused, never opened.
 */
export function readSource(host: Host, file: string, root?: string): ReadResult {
  const r = root ? readInside(host, file, root, MAX_FILE_BYTES) : host.read(file, MAX_FILE_BYTES);
  if (!r.ok && "real" in r) return { file: new SourceFile(file, ""), error: `is a symbolic link to ${r.real}, outside the project (${root}); brandlint does not read it` };
  if (!r.ok) return { file: new SourceFile(file, ""), error: readError(r.code, r.size) };
  const buf = r.bytes;
  if (buf.includes(0)) return { file: new SourceFile(file, ""), error: "is a binary file, not text (it contains NUL bytes)" };
  let text: string;
  try {
    text = decoder.decode(buf);
  } catch {
    const bad = firstInvalidUtf8(buf);
    const before = new TextDecoder("utf-8").decode(buf.subarray(0, bad));
    const f = SourceFile.fromContents(file, before);
    const pos = f.positionAt(f.text.length);
    return { file: f, error: `is not valid UTF-8 (first bad byte at line ${pos.line}, column ${pos.column}); save it as UTF-8` };
  }
  return { file: SourceFile.fromContents(file, text) };
}

