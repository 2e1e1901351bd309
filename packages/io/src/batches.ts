import { isUtf8 } from "node:buffer";
import type { Rejection } from "@tiegraph/core";
import { REJECT_CODES } from "@tiegraph/core";
import { parseCsvRow } from "./csv.js";
import { decoderLabel, type Encoding, type EncodingOption, unitWidth } from "./encoding.js";
import { BatchBuilder, CsvFramer, type FrameConfig, type Framer, JsonFramer, LineFramer } from "./frame.js";
import { type ByteSource, openByteSource } from "./source.js";

export type Format = "jsonl" | "json" | "csv" | "tsv";
export type FormatOption = Format | "auto";

/** A run of whole records from one file, as UTF-8 bytes, with where each record came from. */
export interface RecordBatch {
  /** The path as given. */
  file: string;
  format: Format;
  /** UTF-8 bytes holding this batch's records. */
  buf: Buffer;
  /** Byte range of record i within `buf` (without the line terminator and surrounding whitespace). */
  starts: Int32Array;
  ends: Int32Array;
  /** 1-based line where record i starts in the file. */
  lines: Int32Array;
  /** Byte offset in the (decompressed) source file where record i starts. */
  offsets: Float64Array;
  /** CSV/TSV column names (empty names become `column_N`, repeated names get `_2`, `_3`...). */
  header: string[] | null;
  /** CSV/TSV field delimiter; null for JSON. */
  delimiter: string | null;
  /** Records the framer had to set aside, in line order. */
  rejections: Rejection[];
  /** Records kept with U+FFFD in place of invalid bytes (`invalidEncoding: "replace"`). */
  replaced: number;
  /** Source bytes consumed for this batch (compressed bytes for gzip). */
  bytesRead: number;
  /** Line number that follows the last line consumed so far (for numbering a following range). */
  nextLine: number;
}

export interface ReadOptions {
  /** `auto` (the default) goes by extension (`.jsonl`, `.ndjson`, `.json`, `.csv`, `.tsv`, each optionally `.gz`), else sniffs the content. */
  format?: FormatOption;
  encoding?: EncodingOption;
  /** Bytes read per batch (default 4 MiB). */
  batchBytes?: number;
  /** Longer records become `too_long` rejections (default 4 MiB). */
  maxRecordBytes?: number;
  /** Byte range of an uncompressed line-based file; see {@link openByteSource}. */
  start?: number;
  end?: number;
  /**
   * Line number of the first line of the range. Defaults to 1; with `start` > 0 line numbers are
   * therefore counted from the range start unless the caller knows better (offsets are always exact).
   */
  firstLine?: number;
  /** CSV/TSV delimiter; sniffed from the header row when absent. */
  delimiter?: string;
  /**
   * What becomes of a record with bytes that are invalid in the encoding: `reject` (the default) sets
   * it aside as `invalid_encoding`; `replace` keeps it with U+FFFD in place of the bad bytes (for
   * dumps damaged in places, such as UTF-8 with some bytes turned into "?"), counted in `replaced`.
   */
  invalidEncoding?: "reject" | "replace";
}

const MIB = 1 << 20;
const EMPTY = Buffer.alloc(0);

/** Format named by a path's extension, or null. */
export function formatFromPath(path: string): Format | null {
  const name = path.toLowerCase().replace(/\.gz$/, "");
  if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) return "jsonl";
  if (name.endsWith(".json")) return "json";
  if (name.endsWith(".csv")) return "csv";
  if (name.endsWith(".tsv")) return "tsv";
  return null;
}

/** Delimiter of a CSV header line: the most frequent of `,` `\t` `;` `|` outside quotes (`,` when none). */
export function sniffDelimiter(firstLine: string): string {
  const counts = new Map<string, number>([
    [",", 0],
    ["\t", 0],
    [";", 0],
    ["|", 0],
  ]);
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ",";
  let bestCount = 0;
  for (const [d, c] of counts) {
    if (c > bestCount) {
      best = d;
      bestCount = c;
    }
  }
  return best;
}

function headText(src: ByteSource): string {
  return new TextDecoder(decoderLabel(src.encoding)).decode(src.head);
}

/** JSON lines when the first non-blank line holds a whole object, a JSON value stream otherwise. */
function jsonKind(text: string): Format {
  const t = text.trimStart();
  if (t.startsWith("[")) return "json";
  const nl = t.search(/[\r\n]/);
  if (nl < 0) return "jsonl";
  return t.slice(0, nl).trimEnd().endsWith("}") ? "jsonl" : "json";
}

function resolveFormat(path: string, option: FormatOption, text: string): Format {
  if (option !== "auto") return option;
  const ext = formatFromPath(path);
  if (ext === "jsonl" || ext === "csv" || ext === "tsv") return ext;
  if (ext === "json") return jsonKind(text);
  const first = text.trimStart()[0];
  if (first === "[" || first === "{") return jsonKind(text);
  return sniffDelimiter(text.split(/\r\n|\r|\n/, 1)[0] ?? "") === "\t" ? "tsv" : "csv";
}

function positiveInt(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}

/** Column names made usable as object keys: empty ones numbered, repeated ones suffixed. */
export function uniqueHeader(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((raw, i) => {
    let name = raw.trim() === "" ? `column_${i + 1}` : raw;
    if (seen.has(name)) {
      let k = 2;
      while (seen.has(`${name}_${k}`)) k++;
      name = `${name}_${k}`;
    }
    seen.add(name);
    return name;
  });
}

interface Utf8Records {
  buf: Buffer;
  starts: Int32Array;
  ends: Int32Array;
  lines: Int32Array;
  offsets: Float64Array;
  replaced: number;
}

/**
 * Checks UTF-8 batches; re-encodes other encodings to UTF-8. Records with bytes invalid in the
 * encoding are rejected, or with `replace` kept with U+FFFD in place of the bad bytes.
 */
function toUtf8(
  encoding: Encoding,
  view: Buffer,
  out: BatchBuilder,
  first: number,
  replace: boolean,
): Utf8Records {
  const count = out.count;
  const { starts, ends, lines, offsets } = out;
  const extra: Rejection[] = [];
  let kept = 0;
  let replaced = 0;
  const badEncoding = (i: number) =>
    extra.push({
      file: out.file,
      line: lines[i]!,
      offset: offsets[i]!,
      code: "invalid_encoding",
      message: `${REJECT_CODES.invalid_encoding} (not ${encoding})`,
    });
  const keep = (i: number, s: number, e: number) => {
    starts[kept] = s;
    ends[kept] = e;
    lines[kept] = lines[i]!;
    offsets[kept] = offsets[i]!;
    kept++;
  };
  let buf = view;
  if (encoding === "utf-8" && (count <= first || isUtf8(view.subarray(starts[first]!, ends[count - 1]!)))) {
    // The hot path: the whole batch is valid, nothing is copied.
    for (let i = first; i < count; i++) keep(i, starts[i]!, ends[i]!);
  } else {
    const decoder =
      encoding === "utf-8" ? null : new TextDecoder(decoderLabel(encoding), { fatal: true, ignoreBOM: true });
    const lossy = new TextDecoder(decoderLabel(encoding), { ignoreBOM: true });
    let size = 16;
    for (let i = first; i < count; i++) size += ends[i]! - starts[i]! + 1;
    // Re-encoded GB18030 and UTF-16 take at most 1.5 times their bytes in UTF-8.
    if (decoder !== null) buf = Buffer.allocUnsafe(Math.ceil(size * 1.5));
    let pos = 0;
    for (let i = first; i < count; i++) {
      const src = view.subarray(starts[i]!, ends[i]!);
      let text: string | null = null;
      if (decoder === null) {
        if (isUtf8(src)) {
          keep(i, starts[i]!, ends[i]!);
          continue;
        }
      } else {
        try {
          text = decoder.decode(src);
        } catch {
          text = null;
        }
      }
      if (text === null) {
        if (!replace) {
          badEncoding(i);
          continue;
        }
        text = lossy.decode(src);
        replaced++;
        if (decoder === null) {
          // A repaired UTF-8 record goes after the batch's bytes, in a copy.
          if (buf === view) {
            buf = Buffer.allocUnsafe(view.length + size * 3);
            view.copy(buf);
            pos = view.length;
          }
        }
      }
      const need = Buffer.byteLength(text, "utf8") + 1;
      if (pos + need > buf.length) {
        const bigger = Buffer.allocUnsafe((pos + need) * 2);
        buf.copy(bigger, 0, 0, pos);
        buf = bigger;
      }
      const len = buf.write(text, pos, "utf8");
      keep(i, pos, pos + len);
      pos += len;
      buf[pos++] = 10;
    }
    if (buf !== view) buf = buf.subarray(0, pos);
  }
  if (extra.length > 0) {
    out.rejections.push(...extra);
    out.rejections.sort((a, b) => a.line - b.line || a.offset - b.offset);
  }
  return {
    buf,
    starts: starts.subarray(0, kept),
    ends: ends.subarray(0, kept),
    lines: lines.subarray(0, kept),
    offsets: offsets.subarray(0, kept),
    replaced,
  };
}

/** Decodes a header row (lossily: a bad byte in a column name must not lose the file). */
function headerOf(encoding: Encoding, view: Buffer, s: number, e: number, delim: number): string[] {
  const text = new TextDecoder(decoderLabel(encoding)).decode(view.subarray(s, e));
  const utf8 = Buffer.from(text, "utf8");
  return uniqueHeader(parseCsvRow(utf8, 0, utf8.length, delim));
}

/** Reads the header row of a CSV file from its start (for a range that starts mid-file). */
async function readHeader(path: string, opts: ReadOptions, format: Format, delimiter: string) {
  const { start: _s, end: _e, firstLine: _f, ...rest } = opts;
  for await (const batch of readBatches(path, { ...rest, format, delimiter, batchBytes: 64 * 1024 })) {
    if (batch.header !== null) return batch.header;
  }
  return null;
}

/**
 * Reads a file as batches of whole records, streaming: memory stays bounded by `batchBytes` plus
 * `maxRecordBytes` whatever the file size. Records always arrive as UTF-8 bytes; every record that
 * cannot be framed (too long, cut at the end, bad encoding, a gzip stream cut short) is a
 * `Rejection` in the batch, in line order, and reading goes on. Opening the file can throw (missing
 * file, a byte range on a gzip file or on a JSON file); reading never does.
 *
 * @example
 * for await (const batch of readBatches("dump.jsonl.gz")) {
 *   for (let i = 0; i < batch.starts.length; i++) {
 *     const r = decodeRecord(batch, i);
 *     if (!r.ok) rejected.push(toRejection(batch, i, r));
 *   }
 *   rejected.push(...batch.rejections);
 * }
 */
export async function* readBatches(path: string, opts: ReadOptions = {}): AsyncGenerator<RecordBatch> {
  const batchBytes = positiveInt("batchBytes", opts.batchBytes, 4 * MIB);
  const maxRecordBytes = positiveInt("maxRecordBytes", opts.maxRecordBytes, 4 * MIB);
  const firstLine = positiveInt("firstLine", opts.firstLine, 1);
  const replace = opts.invalidEncoding === "replace";
  const srcOpts: { encoding?: EncodingOption; start?: number; end?: number } = {};
  if (opts.encoding !== undefined) srcOpts.encoding = opts.encoding;
  if (opts.start !== undefined) srcOpts.start = opts.start;
  if (opts.end !== undefined) srcOpts.end = opts.end;
  const src = await openByteSource(path, srcOpts);
  try {
    const text = headText(src);
    const format = resolveFormat(path, opts.format ?? "auto", text);
    const ranged = (opts.start ?? 0) > 0 || opts.end !== undefined;
    if (format === "json" && ranged) throw new RangeError(`${path}: byte ranges need a line-based format`);
    const csv = format === "csv" || format === "tsv";
    const delimiter = csv
      ? (opts.delimiter ?? (format === "tsv" ? "\t" : sniffDelimiter(text.split(/\r\n|\r|\n/, 1)[0] ?? "")))
      : null;
    if (delimiter !== null && (delimiter.length !== 1 || delimiter.charCodeAt(0) > 0x7f)) {
      throw new RangeError(`${path}: the delimiter must be one ASCII character`);
    }
    const delim = delimiter === null ? 0 : delimiter.charCodeAt(0);
    let header: string[] | null = null;
    if (csv && (opts.start ?? 0) > 0) header = await readHeader(path, opts, format, delimiter!);
    let needHeader = csv && header === null;

    const w = unitWidth(src.encoding);
    const cfg: FrameConfig = {
      nl: src.eol === "cr" ? 13 : 10,
      w,
      le: src.encoding === "utf-16le",
      gb: src.encoding === "gb18030" || src.encoding === "gbk",
      maxRecordBytes,
      firstLine,
    };
    const framer: Framer =
      format === "jsonl"
        ? new LineFramer(cfg)
        : format === "json"
          ? new JsonFramer(cfg)
          : new CsvFramer(cfg, delim);

    let carry = EMPTY;
    let eof = false;
    let reported = 0;
    let capacity = 1024;
    while (!eof) {
      // Grow the read with the carried tail so a long record costs linear, not quadratic, copying.
      let want = Math.max(batchBytes, carry.length);
      if (w === 2) want += want & 1;
      const buf = Buffer.allocUnsafe(carry.length + want);
      carry.copy(buf, 0);
      let n = carry.length;
      const base = src.offset - carry.length;
      while (n < buf.length) {
        const r = await src.read(buf, n, buf.length - n);
        if (r === 0) {
          eof = true;
          break;
        }
        n += r;
      }
      const view = buf.subarray(0, n);
      const out = new BatchBuilder(path, capacity);
      const keep = framer.frame(view, base, eof, eof ? src.error : null, out);
      carry = keep < n ? buf.subarray(keep, n) : EMPTY;
      capacity = Math.max(1024, out.count + (out.count >> 2));

      let first = 0;
      if (needHeader && out.count > 0) {
        header = headerOf(src.encoding, view, out.starts[0]!, out.ends[0]!, delim);
        needHeader = false;
        first = 1;
      }
      const records = toUtf8(src.encoding, view.subarray(0, keep), out, first, replace);
      const bytesRead = src.bytesRead - reported;
      if (records.starts.length === 0 && out.rejections.length === 0) {
        // Nothing to hand over: the bytes are counted with the next batch (or a last empty one).
        if (!eof || bytesRead === 0) continue;
      }
      reported = src.bytesRead;
      yield {
        file: path,
        format,
        ...records,
        header,
        delimiter,
        rejections: out.rejections,
        bytesRead,
        nextLine: framer.line,
      };
    }
  } finally {
    await src.close();
  }
}
