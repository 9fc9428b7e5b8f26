/**
 * The language server's view of the files: the client's open buffers over a disk the
 * server may read but never write. Every edit goes back to the client as a
 * WorkspaceEdit; a write reaching the disk through lint() would be a bug, so it throws.
 */
import { DiskHost, MemoryHost, OverlayHost, type Host, type HostDirent, type HostRead, type HostStat } from "../host/index.js";

/** A host that reads through another and refuses every write. */
export class ReadOnlyHost implements Host {
  readonly kind: Host["kind"];
  constructor(private readonly base: Host) {
    this.kind = base.kind;
  }
  read(file: string, limit: number): HostRead {
    return this.base.read(file, limit);
  }
  list(dir: string): HostDirent[] | undefined {
    return this.base.list(dir);
  }
  stat(file: string): HostStat | undefined {
    return this.base.stat(file);
  }
  realpath(file: string): string | undefined {
    return this.base.realpath(file);
  }
  moduleUrl(file: string): string | undefined {
    return this.base.moduleUrl(file);
  }
  write(file: string): void {
    throw new Error(`the language server never writes files (${file}); edits go to the editor`);
  }
}

/** The disk, read-only, shared by every run of the server. */
export const readOnlyDisk: Host = new ReadOnlyHost(new DiskHost());

/** Open buffers (absolute path → text) over the read-only disk; fixes land in the buffers' memory copy. */
export function buffersHost(buffers: ReadonlyMap<string, string>, disk: Host = readOnlyDisk): OverlayHost {
  return new OverlayHost(disk, new MemoryHost([...buffers]));
}
