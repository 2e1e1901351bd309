/**
 * Framers cut a stream of bytes in the source encoding into records. Each call frames one buffer and
 * returns where the unfinished tail starts; the caller carries that tail into the next buffer. A
 * framer keeps its scanning state between calls, so carried bytes are never scanned twice.
 */
import type { RejectCode, Rejection } from "@tiegraph/core";
import { REJECT_CODES } from "@tiegraph/core";
import type { SourceError } from "./source.js";

/** Records and rejections found in one buffer. */
export class BatchBuilder {
  starts: Int32Array;
  ends: Int32Array;
  lines: Int32Array;
  offsets: Float64Array;
  count = 0;
  readonly rejections: Rejection[] = [];

  constructor(
    readonly file: string,
    capacity: number,
  ) {
    const cap = Math.max(16, capacity | 0);
    this.starts = new Int32Array(cap);
    this.ends = new Int32Array(cap);
    this.lines = new Int32Array(cap);
    this.offsets = new Float64Array(cap);
  }

  push(start: number, end: number, line: number, offset: number): void {
    if (this.count === this.starts.length) this.grow();
    const k = this.count++;
    this.starts[k] = start;
    this.ends[k] = end;
    this.lines[k] = line;
    this.offsets[k] = offset;
  }

  reject(code: RejectCode, line: number, offset: number, message: string): void {
    this.rejections.push({ file: this.file, line, offset, code, message });
  }

  private grow(): void {
    const cap = this.starts.length * 2;
    const starts = new Int32Array(cap);
    starts.set(this.starts);
    this.starts = starts;
    const ends = new Int32Array(cap);
    ends.set(this.ends);
    this.ends = ends;
    const lines = new Int32Array(cap);
    lines.set(this.lines);
    this.lines = lines;
    const offsets = new Float64Array(cap);
    offsets.set(this.offsets);
    this.offsets = offsets;
  }
}

/** Settings shared by the framers. */
export interface FrameConfig {
  /** Line terminator code unit: 10, or 13 for CR-only files. */
  nl: number;
  /** Code unit width in bytes. */
  w: 1 | 2;
  /** UTF-16 little-endian (when `w` is 2). */
  le: boolean;
  /** GB18030/GBK: bytes 0x81-0xFE lead a multi-byte character whose trail bytes may look like ASCII. */
  gb: boolean;
  maxRecordBytes: number;
  /** Line number of the first line. */
  firstLine: number;
}

export interface Framer {
  /** Line number at the scan position (the line the next record would start on). */
  readonly line: number;
  /**
   * Frames `buf` (whose first byte is at `base` in the source). At the end of the input `eof` is
   * true and `cut` tells whether the input ended early. Returns the index where the carried tail starts.
   */
  frame(buf: Buffer, base: number, eof: boolean, cut: SourceError | null, out: BatchBuilder): number;
}

const tooLong = (len: number, max: number): string =>
  `${REJECT_CODES.too_long}: more than ${max} bytes${len > max ? ` (at least ${len})` : ""}`;

const isWs = (c: number): boolean => c === 32 || c === 9 || c === 13 || c === 10;

function unitAt(buf: Buffer, i: number, le: boolean): number {
  return le ? buf[i]! | (buf[i + 1]! << 8) : (buf[i]! << 8) | buf[i + 1]!;
}

/** Reports the end of an input that stopped early (after any unfinished record was reported). */
function reportCut(
  cut: SourceError,
  line: number,
  offset: number,
  out: BatchBuilder,
  pending: boolean,
): void {
  const what = pending ? "the record is incomplete because the input stops here" : "the input stops here";
  out.reject(cut.code, line, offset, `${what}: ${cut.message}`);
}

/**
 * One record per line (JSON lines). Lines of whitespace only are skipped but counted; a record's
 * range excludes the line terminator (CRLF too) and surrounding whitespace.
 */
export class LineFramer implements Framer {
  line: number;
  private resume = 0;
  private skipping = false;

  constructor(private readonly cfg: FrameConfig) {
    this.line = cfg.firstLine;
  }

  frame(buf: Buffer, base: number, eof: boolean, cut: SourceError | null, out: BatchBuilder): number {
    return this.cfg.w === 1 ? this.frame8(buf, base, eof, cut, out) : this.frame16(buf, base, eof, cut, out);
  }

  private frame8(
    buf: Buffer,
    base: number,
    eof: boolean,
    cut: SourceError | null,
    out: BatchBuilder,
  ): number {
    const n = buf.length;
    const nl = this.cfg.nl;
    const max = this.cfg.maxRecordBytes;
    let lineStart = 0;
    let from = this.resume;
    this.resume = 0;
    if (this.skipping) {
      const j = buf.indexOf(nl);
      if (j < 0) {
        if (eof && cut !== null) reportCut(cut, this.line, base + n, out, false);
        return n;
      }
      this.skipping = false;
      this.line++;
      lineStart = from = j + 1;
    }
    for (;;) {
      const j = buf.indexOf(nl, from);
      if (j < 0) break;
      if (j - lineStart > max)
        out.reject("too_long", this.line, base + lineStart, tooLong(j - lineStart, max));
      else this.emit8(buf, lineStart, j, base, out);
      this.line++;
      lineStart = from = j + 1;
    }
    if (eof) {
      if (cut !== null) {
        const pending = this.hasContent8(buf, lineStart, n);
        reportCut(cut, this.line, base + lineStart, out, pending);
      } else if (lineStart < n) {
        if (n - lineStart > max)
          out.reject("too_long", this.line, base + lineStart, tooLong(n - lineStart, max));
        else this.emit8(buf, lineStart, n, base, out);
      }
      return n;
    }
    if (n - lineStart > max) {
      out.reject("too_long", this.line, base + lineStart, tooLong(n - lineStart, max));
      this.skipping = true;
      return n;
    }
    this.resume = n - lineStart;
    return lineStart;
  }

  private hasContent8(buf: Buffer, s: number, e: number): boolean {
    for (let i = s; i < e; i++) if (!isWs(buf[i]!)) return true;
    return false;
  }

  private emit8(buf: Buffer, s: number, e: number, base: number, out: BatchBuilder): void {
    // A UTF-8 byte-order mark at the start of a line is left over from concatenated files.
    if (buf[s] === 0xef && !this.cfg.gb && e - s >= 3 && buf[s + 1] === 0xbb && buf[s + 2] === 0xbf) s += 3;
    // Trim: the common case costs two byte checks.
    if (s < e && isWs(buf[s]!)) {
      do s++;
      while (s < e && isWs(buf[s]!));
      if (s === e) return;
    }
    while (e > s && isWs(buf[e - 1]!)) e--;
    if (s < e) out.push(s, e, this.line, base + s);
  }

  private frame16(
    buf: Buffer,
    base: number,
    eof: boolean,
    cut: SourceError | null,
    out: BatchBuilder,
  ): number {
    const { nl, le, maxRecordBytes: max } = this.cfg;
    const n = buf.length;
    const whole = n & ~1;
    let lineStart = 0;
    let i = this.resume;
    this.resume = 0;
    if (this.skipping) {
      for (; i + 1 < n; i += 2) if (unitAt(buf, i, le) === nl) break;
      if (i + 1 >= n) {
        if (eof && cut !== null) reportCut(cut, this.line, base + whole, out, false);
        return eof ? n : whole;
      }
      this.skipping = false;
      this.line++;
      i += 2;
      lineStart = i;
    }
    for (; i + 1 < n; i += 2) {
      if (unitAt(buf, i, le) !== nl) continue;
      if (i - lineStart > max)
        out.reject("too_long", this.line, base + lineStart, tooLong(i - lineStart, max));
      else this.emit16(buf, lineStart, i, base, out);
      this.line++;
      lineStart = i + 2;
    }
    if (eof) {
      const end = whole;
      if (cut !== null) {
        let pending = false;
        for (let k = lineStart; k + 1 < end && !pending; k += 2) pending = !isWs(unitAt(buf, k, le));
        reportCut(cut, this.line, base + lineStart, out, pending);
      } else if (lineStart < end) {
        if (end - lineStart > max)
          out.reject("too_long", this.line, base + lineStart, tooLong(end - lineStart, max));
        else this.emit16(buf, lineStart, end, base, out);
      }
      return n;
    }
    if (n - lineStart > max) {
      out.reject("too_long", this.line, base + lineStart, tooLong(n - lineStart, max));
      this.skipping = true;
      return whole;
    }
    this.resume = whole - lineStart;
    return lineStart;
  }

  private emit16(buf: Buffer, s: number, e: number, base: number, out: BatchBuilder): void {
    const le = this.cfg.le;
    while (s < e && isWs(unitAt(buf, s, le))) s += 2;
    while (e > s && isWs(unitAt(buf, e - 2, le))) e -= 2;
    if (s < e) out.push(s, e, this.line, base + s);
  }
}

/**
 * Runs a framer once over nothing, so that the code after its scanning loop has type feedback before
 * the loop gets compiled on-stack: otherwise the compiled loop is thrown away at the end of every
 * batch, which makes byte-by-byte framing several times slower.
 */
function warmUp(framer: Framer): void {
  framer.frame(Buffer.alloc(0), 0, false, null, new BatchBuilder("", 0));
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const KIND_CONTAINER = 0;
const KIND_STRING = 1;
const KIND_SCALAR = 2;

/**
 * A streaming splitter for JSON: yields each element of a top-level array, and each top-level value
 * that is not an array (so a single object, concatenated objects and JSON lines also work). Strings
 * with brackets and escapes are handled, elements may span lines. A raw line break inside a string
 * (never valid JSON) ends the element there, so one broken record cannot swallow the rest of the file.
 */
export class JsonFramer implements Framer {
  line: number;
  private resume = 0;
  private skipping = false;
  private inElem = false;
  private kind = KIND_CONTAINER;
  private depth = 0;
  private inStr = false;
  private esc = false;
  private inArr = false;
  private elemStart = 0;
  private elemLine = 0;
  private elemOff = 0;

  constructor(private readonly cfg: FrameConfig) {
    this.line = cfg.firstLine;
    warmUp(this);
  }

  /** Delivers (or, when it was too long, forgets) the element that ends at `e`. */
  private endElem(e: number, out: BatchBuilder): void {
    if (this.skipping) {
      this.skipping = false;
      return;
    }
    const len = e - this.elemStart;
    if (len > this.cfg.maxRecordBytes) {
      out.reject("too_long", this.elemLine, this.elemOff, tooLong(len, this.cfg.maxRecordBytes));
    } else {
      out.push(this.elemStart, e, this.elemLine, this.elemOff);
    }
  }

  frame(buf: Buffer, base: number, eof: boolean, cut: SourceError | null, out: BatchBuilder): number {
    const cfg = this.cfg;
    const n = buf.length;
    const nl = cfg.nl;
    const w2 = cfg.w === 2;
    const le = cfg.le;
    const gb = cfg.gb;
    // Plain bytes (UTF-8): strings are skipped with a tight loop.
    const bytes = !w2 && !gb;
    // The state lives in locals while scanning and goes back to the fields at the end.
    let line = this.line;
    let inElem = this.inElem;
    let kind = this.kind;
    let depth = this.depth;
    let inStr = this.inStr;
    let esc = this.esc;
    let inArr = this.inArr;
    if (inElem && !this.skipping) this.elemStart = 0;
    let i = this.resume;
    this.resume = 0;
    while (i < n) {
      if (bytes && inStr && !esc) {
        let c = buf[i]!;
        while (c !== QUOTE && c !== BACKSLASH && c !== 10 && c !== 13 && ++i < n) c = buf[i]!;
        if (i >= n) break;
      }
      let c = buf[i]!;
      let step = 1;
      if (w2) {
        if (i + 1 >= n) break;
        c = le ? c | (buf[i + 1]! << 8) : (c << 8) | buf[i + 1]!;
        step = 2;
      } else if (c >= 0x80) {
        if (gb && c <= 0xfe && c >= 0x81) {
          if (i + 1 < n) {
            const b = buf[i + 1]!;
            step = b >= 0x30 && b <= 0x39 ? 4 : 2;
          } else if (!eof) break;
        }
        c = 0x100;
      }
      if (inElem) {
        if (inStr) {
          if (esc) esc = false;
          else if (c === BACKSLASH) esc = true;
          else if (c === QUOTE) {
            inStr = false;
            if (kind === KIND_STRING) {
              this.endElem(i + step, out);
              inElem = false;
            }
          } else if (c === 10 || c === 13) {
            // A raw line break is never inside a JSON string: the element is broken here.
            this.endElem(i, out);
            inElem = inStr = false;
            depth = 0;
          }
        } else if (kind === KIND_SCALAR) {
          if (isWs(c) || c === 0x2c || c === 0x5d || c === 0x7d) {
            this.endElem(i, out);
            inElem = false;
            if (c === 0x5d) inArr = false;
          }
        } else if (c === QUOTE) inStr = true;
        else if (c === 0x7b || c === 0x5b) depth++;
        else if (c === 0x7d || c === 0x5d) {
          if (--depth === 0) {
            this.endElem(i + step, out);
            inElem = false;
          }
        }
      } else if (isWs(c) || c === 0x2c) {
        // between values
      } else if (c === 0x5b && !inArr) inArr = true;
      else if (c === 0x5d) inArr = false;
      else {
        inElem = true;
        esc = false;
        this.elemStart = i;
        this.elemLine = line;
        this.elemOff = base + i;
        depth = 0;
        inStr = false;
        if (c === 0x7b || c === 0x5b) {
          kind = KIND_CONTAINER;
          depth = 1;
        } else if (c === QUOTE) {
          kind = KIND_STRING;
          inStr = true;
        } else kind = KIND_SCALAR;
      }
      if (c === nl) line++;
      i += step;
    }
    this.line = line;
    this.kind = kind;
    this.depth = depth;
    this.inStr = inStr;
    this.esc = esc;
    this.inArr = inArr;
    this.inElem = inElem;
    if (eof) {
      if (inElem && !this.skipping) {
        if (kind === KIND_SCALAR && cut === null) this.endElem(n, out);
        else if (cut !== null) reportCut(cut, this.elemLine, this.elemOff, out, true);
        else {
          out.reject(
            "truncated",
            this.elemLine,
            this.elemOff,
            `${REJECT_CODES.truncated}: the file ends inside it`,
          );
        }
      } else if (cut !== null) {
        reportCut(cut, line, base + Math.min(i, n), out, false);
      }
      this.inElem = false;
      return n;
    }
    if (inElem && !this.skipping) {
      if (n - this.elemStart > cfg.maxRecordBytes) {
        out.reject("too_long", this.elemLine, this.elemOff, tooLong(n - this.elemStart, cfg.maxRecordBytes));
        this.skipping = true;
      } else {
        this.resume = i - this.elemStart;
        return this.elemStart;
      }
    }
    const keep = Math.min(i, n);
    this.resume = i - keep;
    return keep;
  }
}

/**
 * CSV/TSV rows with RFC 4180 quoting: a field that starts with a quote runs to the closing quote,
 * `""` inside is a quote, and line breaks inside quotes belong to the row. Empty lines are skipped.
 * A row longer than the limit is rejected and reading resumes at the next line break, so one stray
 * quote cannot swallow the rest of the file.
 */
export class CsvFramer implements Framer {
  line: number;
  private resume = 0;
  private skipping = false;
  private inRec = false;
  private recStart = 0;
  private recLine = 0;
  private recOff = 0;
  /** 0: outside quotes, 1: inside quotes, 2: just after a quote inside quotes. */
  private q = 0;
  private fieldStart = true;

  constructor(
    private readonly cfg: FrameConfig,
    private readonly delim: number,
  ) {
    this.line = cfg.firstLine;
    warmUp(this);
  }

  private endRec(buf: Buffer, e: number, out: BatchBuilder): void {
    const { w, le, nl, maxRecordBytes: max } = this.cfg;
    if (nl === 10 && e - w >= this.recStart) {
      const prev = w === 1 ? buf[e - 1]! : unitAt(buf, e - 2, le);
      if (prev === 13) e -= w;
    }
    const len = e - this.recStart;
    if (len > max) out.reject("too_long", this.recLine, this.recOff, tooLong(len, max));
    else out.push(this.recStart, e, this.recLine, this.recOff);
  }

  frame(buf: Buffer, base: number, eof: boolean, cut: SourceError | null, out: BatchBuilder): number {
    const cfg = this.cfg;
    const n = buf.length;
    const nl = cfg.nl;
    const w2 = cfg.w === 2;
    const le = cfg.le;
    const gb = cfg.gb;
    const bytes = !w2 && !gb;
    const delim = this.delim;
    let line = this.line;
    let inRec = this.inRec;
    let q = this.q;
    let fieldStart = this.fieldStart;
    let skipping = this.skipping;
    if (inRec && !skipping) this.recStart = 0;
    let i = this.resume;
    this.resume = 0;
    // Position of the next line break at or after `i` (searched again when `i` has passed it).
    let nextNl = -1;
    while (i < n) {
      if (bytes && inRec && !skipping) {
        // Skip the bytes that cannot change the state: a quoted field with native searches
        // (counting the line breaks inside it), the rest of an unquoted field with a tight loop.
        if (q === 1) {
          let j = buf.indexOf(QUOTE, i);
          if (j < 0) j = n;
          if (nextNl < i) nextNl = buf.indexOf(nl, i);
          while (nextNl >= 0 && nextNl < j) {
            line++;
            nextNl = buf.indexOf(nl, nextNl + 1);
          }
          if (nextNl < 0) nextNl = n;
          i = j;
          if (i >= n) break;
        }
        let c = buf[i]!;
        if (q === 0 && !fieldStart) {
          while (c !== delim && c !== nl && ++i < n) c = buf[i]!;
        }
        if (i >= n) break;
      }
      let c = buf[i]!;
      let step = 1;
      if (w2) {
        if (i + 1 >= n) break;
        c = le ? c | (buf[i + 1]! << 8) : (c << 8) | buf[i + 1]!;
        step = 2;
      } else if (c >= 0x80) {
        if (gb && c <= 0xfe && c >= 0x81) {
          if (i + 1 < n) {
            const b = buf[i + 1]!;
            step = b >= 0x30 && b <= 0x39 ? 4 : 2;
          } else if (!eof) break;
        }
        c = 0x100;
      }
      if (!inRec && c !== nl && !(c === 13 && nl === 10)) {
        inRec = true;
        this.recStart = i;
        this.recLine = line;
        this.recOff = base + i;
        q = 0;
        fieldStart = true;
      }
      if (inRec) {
        if (skipping) {
          if (c === nl) inRec = skipping = false;
        } else if (q === 1) {
          if (c === QUOTE) q = 2;
        } else if (q === 2 && c === QUOTE) {
          q = 1;
        } else {
          q = 0;
          if (c === QUOTE && fieldStart) {
            q = 1;
            fieldStart = false;
          } else if (c === delim) fieldStart = true;
          else if (c === nl) {
            this.endRec(buf, i, out);
            inRec = false;
          } else fieldStart = false;
        }
      }
      if (c === nl) line++;
      i += step;
    }
    this.line = line;
    this.q = q;
    this.fieldStart = fieldStart;
    this.skipping = skipping;
    this.inRec = inRec;
    if (eof) {
      if (inRec && !skipping) {
        if (cut !== null) reportCut(cut, this.recLine, this.recOff, out, true);
        else if (q === 1) {
          out.reject(
            "truncated",
            this.recLine,
            this.recOff,
            `${REJECT_CODES.truncated}: a quoted field is not closed`,
          );
        } else this.endRec(buf, n, out);
      } else if (cut !== null) {
        reportCut(cut, line, base + Math.min(i, n), out, false);
      }
      this.inRec = false;
      this.q = 0;
      return n;
    }
    if (inRec && !skipping) {
      if (n - this.recStart > cfg.maxRecordBytes) {
        out.reject("too_long", this.recLine, this.recOff, tooLong(n - this.recStart, cfg.maxRecordBytes));
        // Resynchronise at the next line break: a stray quote must not swallow the rest of the file.
        this.skipping = true;
        this.q = 0;
      } else {
        this.resume = i - this.recStart;
        return this.recStart;
      }
    }
    const keep = Math.min(i, n);
    this.resume = i - keep;
    return keep;
  }
}
