import {
  type CompiledLexicon,
  compileLexicon,
  countHit,
  emptyCounts,
  type FunnelCounts,
  type Rejection,
  screenRecord,
  toProfile,
  type YearMonth,
} from "@tiegraph/core";
import {
  decodeRecord,
  type FieldMap,
  frameCheck,
  type RecordBatch,
  readBatches,
  toResumeRecord,
} from "@tiegraph/io";
import { loadLexicon } from "@tiegraph/lexicons";
import { pseudonym } from "../pseudonym.js";

/** One unit of work: a whole input file, or a byte range of an uncompressed one. */
export interface Task {
  index: number;
  file: string;
  /** Index of the file among the run's inputs. */
  fileIndex: number;
  start?: number;
  end?: number;
  /** Bytes this task covers, for progress. */
  bytes: number;
}

export interface TaskOptions {
  target: string;
  format: "auto" | "jsonl" | "json" | "csv" | "tsv";
  encoding: "auto" | "utf-8" | "gb18030" | "gbk" | "utf-16le" | "utf-16be";
  map: FieldMap | null;
  asOf: YearMonth;
  maxRecordBytes: number;
  /** Key of the keyed hash that turns record ids into pseudonyms. */
  pseudonymKey: string;
}

export interface TaskResult {
  index: number;
  /** hits.jsonl lines for this task, in input order. */
  hits: string;
  /** rejected.jsonl lines for this task, in input order. */
  rejected: string;
  /** Redacted profiles (JSON lines) of this task's national-security hits. */
  profiles: string;
  counts: FunnelCounts;
  bytes: number;
}

let compiled: { key: string; lex: CompiledLexicon } | undefined;

/** The compiled lexicon for a target, built once per thread. */
export function lexiconFor(target: string): CompiledLexicon {
  if (compiled?.key !== target)
    compiled = { key: target, lex: compileLexicon(loadLexicon().entries, { target }) };
  return compiled.lex;
}

/**
 * Screens one task. Records that cannot hit (no lexicon literal in their bytes) are checked for framing
 * and encoding only; the rest are decoded, mapped onto the canonical record and screened.
 * `onProgress` is told the source bytes consumed after each batch.
 */
export async function runTask(
  task: Task,
  options: TaskOptions,
  onProgress?: (bytes: number, records: number) => void,
): Promise<TaskResult> {
  const lex = lexiconFor(options.target);
  const counts = emptyCounts();
  const hitLines: string[] = [];
  const profileLines: string[] = [];
  const rejected: Rejection[] = [];
  const readOptions = {
    format: options.format,
    encoding: options.encoding,
    maxRecordBytes: options.maxRecordBytes,
    ...(task.start !== undefined ? { start: task.start } : {}),
    ...(task.end !== undefined ? { end: task.end } : {}),
  };
  for await (const batch of readBatches(task.file, readOptions)) {
    const n = batch.starts.length;
    counts.records_read += n + batch.rejections.length;
    counts.records_rejected += batch.rejections.length;
    for (const r of batch.rejections) rejected.push(r);
    const candidates = lex.matcher.candidates(batch.buf, batch.starts, batch.ends, n);
    if (batch.buf.indexOf(ESCAPE) >= 0) addEscapedCandidates(lex, batch, candidates);
    let c = 0;
    for (let i = 0; i < n; i++) {
      const line = batch.lines[i]!;
      const offset = batch.offsets[i]!;
      if (candidates[c] !== i) {
        const code = frameCheck(batch, i);
        if (code === null) counts.records_screened++;
        else {
          counts.records_rejected++;
          rejected.push({ file: task.file, line, offset, code, message: frameMessage(code) });
        }
        continue;
      }
      c++;
      const decoded = decodeRecord(batch, i);
      const mapped = decoded.ok
        ? toResumeRecord(decoded.value, options.map, `${task.file}:${line}`)
        : decoded;
      if (!mapped.ok) {
        counts.records_rejected++;
        rejected.push({
          file: task.file,
          line,
          offset,
          code: mapped.code,
          message: mapped.message,
          ...(mapped.field !== undefined ? { field: mapped.field } : {}),
        });
        continue;
      }
      counts.records_screened++;
      const hit = screenRecord(mapped.value, { file: task.file, line }, lex, { asOf: options.asOf });
      if (hit) {
        countHit(counts, hit);
        hitLines.push(JSON.stringify(hit));
        if (hit.national_security) {
          profileLines.push(
            JSON.stringify(toProfile(hit, mapped.value, pseudonym(options.pseudonymKey, hit.id))),
          );
        }
      }
    }
    onProgress?.(batch.bytesRead, n + batch.rejections.length);
  }
  rejected.sort((a, b) => a.line - b.line);
  return {
    index: task.index,
    hits: hitLines.length > 0 ? `${hitLines.join("\n")}\n` : "",
    rejected: rejected.length > 0 ? `${rejected.map((r) => JSON.stringify(r)).join("\n")}\n` : "",
    profiles: profileLines.length > 0 ? `${profileLines.join("\n")}\n` : "",
    counts,
    bytes: task.bytes,
  };
}

const ESCAPE = Buffer.from("\\u");

/**
 * Dumps written with `\uXXXX` escapes hide their Chinese from the byte prefilter: records that hold an
 * escape are decoded, written back as plain UTF-8 and tested again. Adds them to `candidates` in order.
 */
function addEscapedCandidates(lex: CompiledLexicon, batch: RecordBatch, candidates: number[]): void {
  const already = new Set(candidates);
  let at = batch.buf.indexOf(ESCAPE);
  for (let i = 0; i < batch.starts.length && at >= 0; i++) {
    if (batch.ends[i]! <= at) continue;
    if (batch.starts[i]! > at) {
      at = batch.buf.indexOf(ESCAPE, batch.starts[i]!);
      if (at < 0 || at >= batch.ends[i]!) continue;
    }
    if (already.has(i)) continue;
    const decoded = decodeRecord(batch, i);
    if (!decoded.ok) {
      candidates.push(i); // let the full path report why
      continue;
    }
    if (lex.matcher.test(Buffer.from(JSON.stringify(decoded.value)))) candidates.push(i);
  }
  candidates.sort((a, b) => a - b);
}

function frameMessage(code: string): string {
  return code === "truncated"
    ? "the record ends before its closing brace"
    : `the record is not framed as expected (${code})`;
}
