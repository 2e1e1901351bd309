/** Helpers for this package's tests: temporary files and a reader that gathers a whole file. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Rejection } from "@tiegraph/core";
import { type ReadOptions, readBatches } from "./batches.js";
import { decodeRecord, toRejection } from "./decode.js";

export interface TempDir {
  path: string;
  /** Writes `data` to `name` in the directory and returns its path. */
  file(name: string, data: string | Uint8Array): string;
  remove(): void;
}

export function tempDir(): TempDir {
  const path = mkdtempSync(join(tmpdir(), "tiegraph-io-"));
  return {
    path,
    file(name, data) {
      const p = join(path, name);
      writeFileSync(p, data);
      return p;
    },
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
}

export interface ReadRecord {
  text: string;
  line: number;
  offset: number;
  value: Record<string, unknown> | null;
}

export interface ReadAll {
  records: ReadRecord[];
  /** Framing rejections followed by decoding rejections, sorted by line. */
  rejections: Rejection[];
  header: string[] | null;
  batches: number;
  bytesRead: number;
  nextLine: number;
}

/** Reads a whole file; decodes every record and collects every rejection. */
export async function readAll(path: string, opts: ReadOptions = {}): Promise<ReadAll> {
  const all: ReadAll = { records: [], rejections: [], header: null, batches: 0, bytesRead: 0, nextLine: 0 };
  for await (const b of readBatches(path, opts)) {
    all.batches++;
    all.bytesRead += b.bytesRead;
    all.header = b.header;
    all.nextLine = b.nextLine;
    all.rejections.push(...b.rejections);
    for (let i = 0; i < b.starts.length; i++) {
      const r = decodeRecord(b, i);
      if (!r.ok) all.rejections.push(toRejection(b, i, r));
      all.records.push({
        text: b.buf.toString("utf8", b.starts[i]!, b.ends[i]!),
        line: b.lines[i]!,
        offset: b.offsets[i]!,
        value: r.ok ? r.value : null,
      });
    }
  }
  all.rejections.sort((a, b) => a.line - b.line);
  return all;
}
