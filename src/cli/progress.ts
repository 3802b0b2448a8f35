/**
 * A progress bar on standard error while a large data file is read: only on a terminal (a log file
 * or a pipe gets no carriage-return noise), only for files big enough to take a while, redrawn at
 * most ten times a second, and wiped when reading ends so the results start on a clean line.
 */
import type { Output } from "./output.js";

/** Smaller files read in well under a second. */
export const PROGRESS_MIN_BYTES = 8 * 1024 * 1024;
const REDRAW_MS = 100;
const WIDTH = 24;

export interface Progress {
  update(bytesRead: number): void;
  done(): void;
}

const SILENT: Progress = { update: () => {}, done: () => {} };

export function progressFor(io: Output, label: string, totalBytes: number, now: () => number = Date.now): Progress {
  if (!io.progress || totalBytes < PROGRESS_MIN_BYTES) return SILENT;
  let last = -Infinity;
  let drawn = false;
  return {
    update(bytesRead) {
      if (now() - last < REDRAW_MS) return;
      last = now();
      drawn = true;
      io.err(`\r${progressLine(label, bytesRead, totalBytes)}`);
    },
    done() {
      if (drawn) io.err("\r\x1b[K");
    },
  };
}

/** `data.csv [#########...............]  38%  142/373 MB` */
export function progressLine(label: string, bytesRead: number, totalBytes: number): string {
  const share = totalBytes > 0 ? Math.min(1, Math.max(0, bytesRead / totalBytes)) : 1;
  const filled = Math.round(share * WIDTH);
  const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));
  const percent = `${Math.floor(share * 100)}%`.padStart(4);
  return `${label} [${"#".repeat(filled)}${".".repeat(WIDTH - filled)}] ${percent}  ${mb(bytesRead)}/${mb(totalBytes)} MB`;
}
