import { createReadStream } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import { pipeline } from "node:stream";
import { createGunzip } from "node:zlib";
import { type Encoding, type EncodingOption, resolveEncoding, SNIFF_BYTES, unitWidth } from "./encoding.js";

export interface ByteSourceOptions {
  /** Encoding of the text; `auto` (the default) detects it from the first 64 KiB. */
  encoding?: EncodingOption;
  /** Byte offset where the range starts (uncompressed files only); widened to a line boundary. */
  start?: number;
  /** Byte offset where the range ends (uncompressed files only); widened to a line boundary. */
  end?: number;
}

/** Why a source stopped before its end: a cut gzip stream is `truncated`, anything else `unreadable`. */
export interface SourceError {
  code: "truncated" | "unreadable";
  message: string;
}

/**
 * A stream of the raw (decompressed) bytes of one file, in the file's own encoding, with the
 * byte-order mark skipped. Read errors do not throw: the source ends and `error` says why.
 */
export interface ByteSource {
  /** The path as given. */
  readonly path: string;
  readonly gzip: boolean;
  /** The encoding given or detected. */
  readonly encoding: Encoding;
  /** Length of the byte-order mark skipped at the start of the file. */
  readonly bom: number;
  /** Line terminator: `lf` (also covers CRLF) or `cr` for files with CR-only line ends. */
  readonly eol: "lf" | "cr";
  /** Up to the first 64 KiB of the file after the byte-order mark, whatever range is selected. */
  readonly head: Buffer;
  /** Offset in the (decompressed) file of the next byte `read` delivers. */
  readonly offset: number;
  /** Bytes consumed from the file so far (compressed bytes for gzip). */
  readonly bytesRead: number;
  /** Set when the source ended early. */
  readonly error: SourceError | null;
  /** Reads up to `length` bytes into `into` at `at`; resolves to 0 at the end. */
  read(into: Buffer, at: number, length: number): Promise<number>;
  close(): Promise<void>;
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Index of the first line terminator unit in `buf[from, to)`, or -1. UTF-16 units are even-aligned. */
export function findEol(buf: Buffer, from: number, to: number, nl: number, w: 1 | 2, le: boolean): number {
  if (w === 1) {
    const j = buf.indexOf(nl, from);
    return j >= 0 && j < to ? j : -1;
  }
  for (let i = from + (from & 1); i + 1 < to; i += 2) {
    const u = le ? buf[i]! | (buf[i + 1]! << 8) : (buf[i]! << 8) | buf[i + 1]!;
    if (u === nl) return i;
  }
  return -1;
}

function eolOf(head: Buffer, encoding: Encoding, bom: number): "lf" | "cr" {
  const w = unitWidth(encoding);
  const le = encoding === "utf-16le";
  if (findEol(head, bom, head.length, 10, w, le) >= 0) return "lf";
  return findEol(head, bom, head.length, 13, w, le) >= 0 ? "cr" : "lf";
}

abstract class BaseSource implements ByteSource {
  encoding: Encoding = "utf-8";
  bom = 0;
  eol: "lf" | "cr" = "lf";
  head: Buffer = Buffer.alloc(0);
  offset = 0;
  bytesRead = 0;
  error: SourceError | null = null;
  constructor(
    readonly path: string,
    readonly gzip: boolean,
  ) {}
  abstract read(into: Buffer, at: number, length: number): Promise<number>;
  abstract close(): Promise<void>;
  protected setup(head: Buffer, complete: boolean, option: EncodingOption): void {
    const info = resolveEncoding(option, head, complete);
    this.encoding = info.encoding;
    this.bom = info.bom;
    this.head = head.subarray(info.bom);
    this.eol = eolOf(head, info.encoding, info.bom);
  }
}

class FileSource extends BaseSource {
  private pos = 0;
  private done = false;
  private w: 1 | 2 = 1;
  private nl = 10;
  private le = false;
  constructor(
    path: string,
    private readonly fh: FileHandle,
    private readonly end: number | undefined,
  ) {
    super(path, false);
  }

  async init(option: EncodingOption, start: number): Promise<void> {
    const head = Buffer.allocUnsafe(SNIFF_BYTES);
    const { bytesRead } = await this.fh.read(head, 0, SNIFF_BYTES, 0);
    this.setup(head.subarray(0, bytesRead), bytesRead < SNIFF_BYTES, option);
    this.w = unitWidth(this.encoding);
    this.le = this.encoding === "utf-16le";
    this.nl = this.eol === "cr" ? 13 : 10;
    if (start <= 0) {
      this.pos = this.bom;
    } else {
      // The range starts after the first line terminator at or after `start`.
      const from = this.w === 2 ? start + (start & 1) : start;
      const j = await this.scanEol(from);
      if (j < 0 || (this.end !== undefined && j >= this.alignedEnd())) this.done = true;
      else this.pos = j + this.w;
    }
    this.offset = this.pos;
  }

  private alignedEnd(): number {
    const end = this.end ?? Number.POSITIVE_INFINITY;
    return this.w === 2 ? end + (end & 1) : end;
  }

  /** Absolute offset of the first line terminator at or after `from`, or -1 at the end of the file. */
  private async scanEol(from: number): Promise<number> {
    const buf = Buffer.allocUnsafe(SNIFF_BYTES);
    let pos = from;
    for (;;) {
      const { bytesRead } = await this.fh.read(buf, 0, SNIFF_BYTES, pos);
      if (bytesRead < this.w) return -1;
      const j = findEol(buf, 0, bytesRead, this.nl, this.w, this.le);
      if (j >= 0) return pos + j;
      pos += bytesRead & ~(this.w - 1);
    }
  }

  async read(into: Buffer, at: number, length: number): Promise<number> {
    if (this.done || length <= 0) return 0;
    let n: number;
    try {
      n = (await this.fh.read(into, at, length, this.pos)).bytesRead;
      // Keep UTF-16 reads whole code units so a terminator is never split between reads.
      while (this.w === 2 && n & 1 && n < length) {
        const more = (await this.fh.read(into, at + n, length - n, this.pos + n)).bytesRead;
        if (more === 0) break;
        n += more;
      }
    } catch (err) {
      this.error = { code: "unreadable", message: `read failed at byte ${this.pos}: ${message(err)}` };
      this.done = true;
      return 0;
    }
    if (n === 0) {
      this.done = true;
      return 0;
    }
    if (this.end !== undefined) {
      const end = this.alignedEnd();
      if (this.pos + n > end) {
        // The range ends with the first line terminator at or after `end`.
        const from = at + Math.max(0, end - this.pos);
        const j = findEol(into, from, at + n, this.nl, this.w, this.le);
        if (j >= 0) {
          n = j + this.w - at;
          this.done = true;
        }
      }
    }
    this.pos += n;
    this.offset = this.pos;
    this.bytesRead += n;
    return n;
  }

  async close(): Promise<void> {
    this.done = true;
    await this.fh.close();
  }
}

class GzipSource extends BaseSource {
  private readonly stream;
  private readonly iter: AsyncIterator<Buffer>;
  private queue: Buffer[] = [];
  private cur: Buffer | null = null;
  private curPos = 0;
  private done = false;
  private compressedBase = 0;

  constructor(path: string) {
    super(path, true);
    // Large chunks triple inflate throughput over the 16 KiB default (per-chunk stream overhead
    // dominates). The price: when the stream is damaged, output up to one chunk (256 KiB) before the
    // damage is not delivered; the rejection for the damage says where reading stopped.
    const file = createReadStream(path, { highWaterMark: 1 << 20 });
    const gunzip = createGunzip({ chunkSize: 1 << 18 });
    this.stream = { file, gunzip };
    // Errors surface through the iterator below; the callback keeps them from being unhandled.
    pipeline(file, gunzip, () => {});
    this.iter = gunzip[Symbol.asyncIterator]();
  }

  private async pull(): Promise<Buffer | null> {
    if (this.done) return null;
    try {
      const r = await this.iter.next();
      if (r.done) {
        this.done = true;
        return null;
      }
      return r.value;
    } catch (err) {
      const text = message(err);
      const cut = /unexpected end of file/i.test(text);
      this.error = {
        code: cut ? "truncated" : "unreadable",
        message: cut ? `the gzip stream is cut short (${text})` : `the gzip stream is damaged (${text})`,
      };
      this.done = true;
      return null;
    }
  }

  async init(option: EncodingOption): Promise<void> {
    let total = 0;
    while (total < SNIFF_BYTES) {
      const chunk = await this.pull();
      if (chunk === null) break;
      this.queue.push(chunk);
      total += chunk.length;
    }
    const head = Buffer.concat(this.queue, Math.min(total, SNIFF_BYTES));
    this.setup(head, total < SNIFF_BYTES, option);
    // Skip the byte-order mark in the first chunk(s).
    let skip = this.bom;
    while (skip > 0 && this.queue.length > 0) {
      const first = this.queue[0]!;
      if (first.length <= skip) {
        skip -= first.length;
        this.queue.shift();
      } else {
        this.queue[0] = first.subarray(skip);
        skip = 0;
      }
    }
    this.offset = this.bom;
    this.compressedBase = 0;
  }

  async read(into: Buffer, at: number, length: number): Promise<number> {
    let n = 0;
    while (n < length) {
      if (this.cur === null || this.curPos >= this.cur.length) {
        if (n > 0 && this.queue.length === 0) break;
        this.cur = this.queue.length > 0 ? this.queue.shift()! : await this.pull();
        this.curPos = 0;
        if (this.cur === null) break;
        continue;
      }
      const k = Math.min(length - n, this.cur.length - this.curPos);
      this.cur.copy(into, at + n, this.curPos, this.curPos + k);
      this.curPos += k;
      n += k;
    }
    this.offset += n;
    this.bytesRead = this.stream.gunzip.bytesWritten - this.compressedBase;
    return n;
  }

  async close(): Promise<void> {
    this.done = true;
    this.stream.gunzip.destroy();
    this.stream.file.destroy();
  }
}

/**
 * Opens a file as a stream of bytes in its own encoding. Gzip is detected by its magic bytes whatever
 * the file is called and decompressed as a stream. With `encoding: "auto"` (the default) the encoding
 * is detected from the first 64 KiB (see {@link detectEncoding}); a UTF-8 BOM is skipped, as is a
 * UTF-16 BOM. `start`/`end` select a byte range of an uncompressed file, widened to line boundaries:
 * the range starts after the first line terminator at or after `start` (unless `start` is 0) and ends
 * with the first line terminator at or after `end`, so ranges [0,a), [a,b), [b,size) partition the
 * lines exactly. A file that cannot be opened rejects the promise; later read errors end the source
 * and are reported in `error`.
 *
 * @example
 * const src = await openByteSource("dump.jsonl.gz");
 * const buf = Buffer.alloc(1 << 20);
 * for (let n; (n = await src.read(buf, 0, buf.length)) > 0; ) process(buf.subarray(0, n));
 * await src.close();
 */
export async function openByteSource(path: string, opts: ByteSourceOptions = {}): Promise<ByteSource> {
  const option = opts.encoding ?? "auto";
  const start = opts.start ?? 0;
  const fh = await open(path, "r");
  let gzip = false;
  try {
    const magic = Buffer.alloc(2);
    await fh.read(magic, 0, 2, 0);
    gzip = magic[0] === 0x1f && magic[1] === 0x8b;
    if (gzip && (start > 0 || opts.end !== undefined)) {
      throw new RangeError(`${path}: byte ranges cannot be read from a gzip file`);
    }
    if (!gzip) {
      const src = new FileSource(path, fh, opts.end);
      await src.init(option, start);
      return src;
    }
  } catch (err) {
    await fh.close();
    throw err;
  }
  await fh.close();
  const src = new GzipSource(path);
  await src.init(option);
  return src;
}
