import {
  type CompiledLexicon,
  compileLexicon,
  countHit,
  emptyCounts,
  type FunnelCounts,
  type Hit,
  type Profile,
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
import { loadLexicon, traditionalOf } from "@tiegraph/lexicons";
import { pseudonym } from "../pseudonym.js";
import { SampleHeap, sampleKey } from "./sample.js";

/** One unit of work: a whole input file, or a byte range of an uncompressed one. */
export interface Task {
  index: number;
  file: string;
  /** Index of the file among the run's inputs. */
  fileIndex: number;
  start?: number;
  end?: number;
  /** Line number of the range's first line (known after the line count of earlier ranges). */
  firstLine?: number;
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
  /** What becomes of records with bytes invalid in the encoding. */
  invalidEncoding: "reject" | "replace";
  /** Key of the keyed hash that turns record ids into pseudonyms. */
  pseudonymKey: string;
  /** Draw a sample of `n` records with `seed` instead of screening everything. */
  sample: { n: number; seed: number } | null;
}

export interface TaskResult {
  index: number;
  /** hits.jsonl lines for this task, in input order (empty when sampling). */
  hits: string;
  /** rejected.jsonl lines for this task, in input order (empty when sampling). */
  rejected: string;
  /** Redacted profiles (JSON lines) of this task's national-security hits (empty when sampling). */
  profiles: string;
  /** When sampling: this task's sample candidates, `key<TAB>entry JSON` per line, in input order. */
  sampled: string;
  counts: FunnelCounts;
  bytes: number;
}

/** What became of one record. */
export interface Outcome {
  line: number;
  rejected: Rejection | null;
  hit: Hit | null;
  profile: Profile | null;
}

let compiled: { key: string; lex: CompiledLexicon } | undefined;

/** The compiled lexicon for a target, built once per thread. */
export function lexiconFor(target: string): CompiledLexicon {
  if (compiled?.key !== target) {
    compiled = {
      key: target,
      lex: compileLexicon(loadLexicon().entries, { target, traditional: traditionalOf }),
    };
  }
  return compiled.lex;
}

const ESCAPE = Buffer.from("\\u");

/**
 * Decodes, maps and screens record `i` of a batch. `candidate` says whether its bytes hold a lexicon
 * literal: a record that cannot hit is only checked for framing.
 */
function screenOne(
  lex: CompiledLexicon,
  batch: RecordBatch,
  i: number,
  candidate: boolean,
  options: TaskOptions,
): Outcome {
  const line = batch.lines[i]!;
  const offset = batch.offsets[i]!;
  const file = batch.file;
  if (!candidate) {
    const code = frameCheck(batch, i);
    return {
      line,
      rejected: code === null ? null : { file, line, offset, code, message: frameMessage(code) },
      hit: null,
      profile: null,
    };
  }
  const decoded = decodeRecord(batch, i);
  const mapped = decoded.ok ? toResumeRecord(decoded.value, options.map, `${file}:${line}`) : decoded;
  if (!mapped.ok) {
    const r: Rejection = { file, line, offset, code: mapped.code, message: mapped.message };
    if (mapped.field !== undefined) r.field = mapped.field;
    return { line, rejected: r, hit: null, profile: null };
  }
  const hit = screenRecord(mapped.value, { file, line }, lex, { asOf: options.asOf });
  const profile =
    hit?.national_security === true
      ? toProfile(hit, mapped.value, pseudonym(options.pseudonymKey, hit.id))
      : null;
  return { line, rejected: null, hit, profile };
}

/** Adds an outcome to funnel counts (the record itself counts as read). */
export function countOutcome(counts: FunnelCounts, o: Outcome): void {
  counts.records_read++;
  if (o.rejected) counts.records_rejected++;
  else counts.records_screened++;
  if (o.hit) countHit(counts, o.hit);
}

/** Does the record's text, with `\uXXXX` escapes undone, hold a lexicon literal? */
function escapedCandidate(lex: CompiledLexicon, batch: RecordBatch, i: number): boolean {
  const at = batch.buf.indexOf(ESCAPE, batch.starts[i]!);
  if (at < 0 || at >= batch.ends[i]!) return false;
  const decoded = decodeRecord(batch, i);
  // A record that does not decode goes down the full path, which says why.
  return !decoded.ok || lex.matcher.test(Buffer.from(JSON.stringify(decoded.value)));
}

/**
 * Screens one task. Records that cannot hit (no lexicon literal in their bytes, JSON escapes undone)
 * are checked for framing and encoding only; the rest are decoded, mapped onto the canonical record and
 * screened. When sampling, only the records that enter the task's bottom-k by sample key are screened.
 * `onProgress` is told the source bytes consumed after each batch.
 */
export async function runTask(
  task: Task,
  options: TaskOptions,
  onProgress?: (bytes: number, records: number) => void,
): Promise<TaskResult> {
  const lex = lexiconFor(options.target);
  const counts = emptyCounts();
  const outcomes: Outcome[] = [];
  const heap = options.sample ? new SampleHeap<Outcome>(options.sample.n) : null;
  const readOptions = {
    format: options.format,
    encoding: options.encoding,
    maxRecordBytes: options.maxRecordBytes,
    invalidEncoding: options.invalidEncoding,
    ...(task.start !== undefined ? { start: task.start } : {}),
    ...(task.end !== undefined ? { end: task.end } : {}),
    ...(task.firstLine !== undefined ? { firstLine: task.firstLine } : {}),
  };
  for await (const batch of readBatches(task.file, readOptions)) {
    const n = batch.starts.length;
    const framed: Outcome[] = batch.rejections.map((r) => ({
      line: r.line,
      rejected: r,
      hit: null,
      profile: null,
    }));
    if (heap) {
      const seed = options.sample!.seed;
      counts.records_read += n + framed.length;
      for (const o of framed) heap.offer(sampleKey(seed, task.fileIndex, o.line), () => o);
      for (let i = 0; i < n; i++) {
        heap.offer(sampleKey(seed, task.fileIndex, batch.lines[i]!), () => {
          const cand =
            lex.matcher.test(batch.buf, batch.starts[i]!, batch.ends[i]!) || escapedCandidate(lex, batch, i);
          return screenOne(lex, batch, i, cand, options);
        });
      }
    } else {
      const candidates = new Set(lex.matcher.candidates(batch.buf, batch.starts, batch.ends, n));
      const escapes = batch.buf.indexOf(ESCAPE) >= 0;
      const mine: Outcome[] = [];
      for (let i = 0; i < n; i++) {
        const cand = candidates.has(i) || (escapes && escapedCandidate(lex, batch, i));
        const o = screenOne(lex, batch, i, cand, options);
        if (o.rejected || o.hit) mine.push(o);
        else {
          counts.records_read++;
          counts.records_screened++;
        }
      }
      for (const o of mergeByLine(framed, mine)) {
        countOutcome(counts, o);
        outcomes.push(o);
      }
    }
    onProgress?.(batch.bytesRead, n + batch.rejections.length);
  }
  const result: TaskResult = {
    index: task.index,
    hits: "",
    rejected: "",
    profiles: "",
    sampled: "",
    counts,
    bytes: task.bytes,
  };
  if (heap) {
    result.sampled = heap
      .entries()
      .sort((a, b) => a.value.line - b.value.line)
      .map((e) => `${e.key}\t${JSON.stringify(e.value)}\n`)
      .join("");
    return result;
  }
  result.hits = joinLines(outcomes.filter((o) => o.hit).map((o) => JSON.stringify(o.hit)));
  result.rejected = joinLines(outcomes.filter((o) => o.rejected).map((o) => JSON.stringify(o.rejected)));
  result.profiles = joinLines(outcomes.filter((o) => o.profile).map((o) => JSON.stringify(o.profile)));
  return result;
}

function joinLines(lines: string[]): string {
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}

/** Merges two lists sorted by line. */
function mergeByLine(a: Outcome[], b: Outcome[]): Outcome[] {
  if (a.length === 0) return b;
  const out: Outcome[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.line <= b[j]!.line)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

function frameMessage(code: string): string {
  return code === "truncated"
    ? "the record ends before its closing brace"
    : `the record is not framed as expected (${code})`;
}
