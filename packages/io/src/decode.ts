import type { RejectCode, Rejection, Result } from "@tiegraph/core";
import { fail, ok } from "@tiegraph/core";
import type { RecordBatch } from "./batches.js";
import { countCsvFields, parseCsvRow } from "./csv.js";

type Failure = Extract<Result<unknown>, { ok: false }>;

/**
 * True when the JSON text in `buf[start, end)` stops inside a string or an open object/array
 * without any bracket mismatch before that: it was cut short rather than malformed.
 */
export function endsMidStructure(buf: Buffer, start: number, end: number): boolean {
  const stack: number[] = [];
  let inStr = false;
  let esc = false;
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    if (inStr) {
      if (esc) esc = false;
      else if (c === 0x5c) esc = true;
      else if (c === 0x22) inStr = false;
    } else if (c === 0x22) inStr = true;
    else if (c === 0x7b || c === 0x5b) stack.push(c);
    else if (c === 0x7d || c === 0x5d) {
      const open = stack.pop();
      if (open === undefined || (c === 0x7d) !== (open === 0x7b)) return false;
    }
  }
  return inStr || stack.length > 0;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}

function decodeJson(buf: Buffer, s: number, e: number): Result<Record<string, unknown>> {
  let value: unknown;
  try {
    value = JSON.parse(buf.toString("utf8", s, e));
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    if (endsMidStructure(buf, s, e)) return fail("truncated", `the JSON record is cut short (${why})`);
    return fail("invalid_json", `the record is not valid JSON (${why})`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return fail("not_an_object", `the record is ${describe(value)}, not an object`);
  }
  return ok(value as Record<string, unknown>);
}

function decodeCsv(batch: RecordBatch, s: number, e: number): Result<Record<string, unknown>> {
  const delim = (batch.delimiter ?? ",").charCodeAt(0);
  const fields = parseCsvRow(batch.buf, s, e, delim);
  const header = batch.header ?? fields.map((_, k) => `column_${k + 1}`);
  if (fields.length !== header.length) {
    return fail("column_count", `the row has ${fields.length} columns, the header has ${header.length}`);
  }
  const obj: Record<string, unknown> = {};
  for (let k = 0; k < fields.length; k++) {
    const key = header[k]!;
    if (key === "__proto__") Object.defineProperty(obj, key, { value: fields[k], enumerable: true });
    else obj[key] = fields[k];
  }
  return ok(obj);
}

/**
 * Decodes record `i` of a batch into an object: JSON records are parsed (invalid JSON is
 * `invalid_json`, JSON cut short is `truncated`, anything but an object is `not_an_object`); a
 * CSV/TSV row becomes an object keyed by the header (`column_count` when the counts differ).
 *
 * @example
 * const r = decodeRecord(batch, 0);
 * if (r.ok) console.log(r.value.name); else console.log(r.code, r.message);
 */
export function decodeRecord(batch: RecordBatch, i: number): Result<Record<string, unknown>> {
  const s = batch.starts[i]!;
  const e = batch.ends[i]!;
  return batch.format === "json" || batch.format === "jsonl"
    ? decodeJson(batch.buf, s, e)
    : decodeCsv(batch, s, e);
}

const startsValue = (c: number): boolean =>
  c === 0x5b ||
  c === 0x22 ||
  c === 0x2d ||
  (c >= 0x30 && c <= 0x39) ||
  c === 0x74 ||
  c === 0x66 ||
  c === 0x6e;

/**
 * A cheap check for records that are not decoded. JSON: the record must start with `{` (else
 * `not_an_object`, or `invalid_json` when it does not start like any JSON value) and end with `}`
 * (else `truncated`); this costs two byte reads. CSV/TSV: the number of fields must match the header
 * (`column_count`); rows without quotes are counted with `indexOf`, rows with quotes in one byte pass
 * — far cheaper than decoding. `null` means the record passed, not that it would decode.
 */
export function frameCheck(batch: RecordBatch, i: number): RejectCode | null {
  const s = batch.starts[i]!;
  const e = batch.ends[i]!;
  const buf = batch.buf;
  if (batch.format === "json" || batch.format === "jsonl") {
    if (e <= s) return "invalid_json";
    const first = buf[s]!;
    if (first !== 0x7b) return startsValue(first) ? "not_an_object" : "invalid_json";
    return buf[e - 1] === 0x7d ? null : "truncated";
  }
  if (batch.header === null) return null;
  const delim = (batch.delimiter ?? ",").charCodeAt(0);
  return countCsvFields(buf, s, e, delim) === batch.header.length ? null : "column_count";
}

/**
 * The rejection for record `i` of a batch that failed to decode or convert.
 *
 * @example if (!r.ok) rejections.push(toRejection(batch, i, r));
 */
export function toRejection(batch: RecordBatch, i: number, failure: Failure): Rejection {
  const rejection: Rejection = {
    file: batch.file,
    line: batch.lines[i]!,
    offset: batch.offsets[i]!,
    code: failure.code,
    message: failure.message,
  };
  if (failure.field !== undefined) rejection.field = failure.field;
  return rejection;
}
