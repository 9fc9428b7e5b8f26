/** A progress bar on stderr, shown only on a terminal and only once a run has taken a second. */
import type { Io } from "./main.js";

export function startProgress(io: Io, delayMs = 1000): { update: (done: number, total: number) => void; done: () => void } {
  const started = Date.now();
  let shown = false;
  let last = 0;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - started < delayMs || (now - last < 100 && done < total)) return;
      last = now;
      shown = true;
      const width = 30;
      const filled = total ? Math.round((done / total) * width) : width;
      io.stderr(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} campaigns`);
    },
    done() {
      if (shown) io.stderr("\r\u001b[2K");
    },
  };
}
