import { closeSync, openSync, readSync } from "node:fs";

/**
 * Counts newline bytes in `[start, end)` of a file, reading it in large blocks. Used to number the lines
 * of byte-range tasks: the first line of a range that starts at `s > 0` is `newlines([0, s)) + 2`
 * (a range begins after the first newline at or after its start).
 */
export function countNewlines(file: string, start: number, end: number): number {
  const fd = openSync(file, "r");
  const block = Buffer.allocUnsafe(8 << 20);
  let n = 0;
  try {
    for (let pos = start; pos < end; ) {
      const got = readSync(fd, block, 0, Math.min(block.length, end - pos), pos);
      if (got <= 0) break;
      for (let i = block.indexOf(10, 0); i >= 0 && i < got; i = block.indexOf(10, i + 1)) n++;
      pos += got;
    }
  } finally {
    closeSync(fd);
  }
  return n;
}
