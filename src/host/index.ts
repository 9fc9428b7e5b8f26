/** The file-system layer: only this folder imports node:fs for reading (see ARCHITECTURE.md). */
export { firstInvalidUtf8, isInside, MAX_FILE_BYTES, readInside, readText, type FileKind, type Host, type HostDirent, type HostRead, type HostStat, type WriteOptions } from "./host.js";
export { DiskHost } from "./disk.js";
export { MemoryHost, OverlayHost } from "./memory.js";
export { RecordingHost, readsStillHold, digestOf, type ReadOp } from "./recording.js";
export { globHost, isGlob } from "./glob.js";
