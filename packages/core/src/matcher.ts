/**
 * A multi-pattern matcher over UTF-8 bytes: an Aho-Corasick automaton compiled into a dense DFA, so the
 * scan is one table load and one comparison per byte. ASCII letters match without regard to case;
 * patterns that need exact case or whole-word boundaries say so and are checked only where the automaton
 * fires.
 *
 * States are numbered so that every state with output has an id at or above `firstOutput`, and every state
 * whose output includes a triggering pattern (see {@link PatternSpec.trigger}) at or above `firstTrigger`;
 * the hot loop tests `s >= firstTrigger` and nothing else.
 */

import { SCAN_WASM_BASE64 } from "./scan-wasm.js";

export interface PatternSpec {
  /** The literal as it must appear in the text. */
  text: string;
  /** Match only with this exact letter case (ASCII). Default: case-insensitive. */
  exactCase?: boolean;
  /** Match only where neither neighbour is an ASCII letter or digit. */
  wordBoundary?: boolean;
  /**
   * Whether a match makes a record a candidate for screening. Non-triggering patterns (traps) are still
   * reported by {@link ByteMatcher.findAll} so that they can suppress overlapping matches.
   */
  trigger?: boolean;
}

/** One match: pattern index and the byte range `[start, end)` in the scanned buffer. */
export interface ByteMatch {
  pattern: number;
  start: number;
  end: number;
}

const utf8 = new TextEncoder();
const FLAG_CONDITIONAL = 1; // the pattern needs a case or boundary check
const STATE_UNCONDITIONAL_TRIGGER = 1; // some triggering output needs no check

const isAsciiAlnum = (b: number): boolean =>
  (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);

const isHex = (b: number): boolean =>
  (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);

/**
 * Does `buf[at]` follow a JSON escape (`\n`, `\t`, `\u4e2d` …)? In raw JSON the letter or hex digit
 * before a name is then not part of a word: `"…\nPLA"` has PLA at the start of a line.
 */
function afterEscape(buf: Uint8Array, at: number, lo: number): boolean {
  const c = buf[at - 1]!;
  if (
    at - 2 >= lo &&
    buf[at - 2] === 0x5c &&
    (c === 0x6e || c === 0x74 || c === 0x72 || c === 0x62 || c === 0x66)
  ) {
    return at - 3 < lo || buf[at - 3] !== 0x5c;
  }
  if (at - 6 >= lo && buf[at - 6] === 0x5c && buf[at - 5] === 0x75) {
    for (let k = at - 4; k < at; k++) if (!isHex(buf[k]!)) return false;
    return true;
  }
  return false;
}

const lowerAscii = (b: number): number => (b >= 0x41 && b <= 0x5a ? b + 32 : b);

export class ByteMatcher {
  /** Byte → column of the transition table (ASCII upper case shares the lower-case column). */
  readonly classes: Uint8Array;
  /** log2 of a row's width in columns. */
  readonly shift: number;
  /** `table[(state << shift) | classes[byte]]` is the next state. */
  readonly table: Uint16Array | Uint32Array;
  /** For each state with output: the pattern indexes in `outputs[outStart[s - firstOutput] ...]`. */
  private readonly outStart: Uint32Array;
  private readonly outputs: Uint32Array;
  private readonly stateFlags: Uint8Array;
  private readonly patternBytes: Uint8Array[];
  private readonly patternFlags: Uint8Array;
  private readonly patternTrigger: Uint8Array;
  readonly firstOutput: number;
  readonly firstTrigger: number;
  readonly stateCount: number;
  private scanner: WasmScanner | null | undefined;

  constructor(readonly patterns: readonly PatternSpec[]) {
    this.patternBytes = patterns.map((p) => utf8.encode(p.text));
    this.patternFlags = new Uint8Array(patterns.length);
    this.patternTrigger = new Uint8Array(patterns.length);
    patterns.forEach((p, i) => {
      if (p.exactCase || p.wordBoundary) this.patternFlags[i] = FLAG_CONDITIONAL;
      this.patternTrigger[i] = p.trigger === false ? 0 : 1;
    });

    // 0. Byte classes: one column per byte that occurs in a pattern (ASCII case folded), one for the rest.
    const classes = new Uint8Array(256);
    let classCount = 1;
    for (const bytes of this.patternBytes) {
      for (const raw of bytes) {
        const b = lowerAscii(raw);
        if (classes[b] === 0) classes[b] = classCount++;
      }
    }
    for (let b = 0x41; b <= 0x5a; b++) classes[b] = classes[b + 32]!;
    const shift = Math.max(1, Math.ceil(Math.log2(classCount)));
    const width = 1 << shift;
    this.classes = classes;
    this.shift = shift;

    // 1. Trie over byte classes.
    const children: Map<number, number>[] = [new Map()];
    const own: number[][] = [[]];
    this.patternBytes.forEach((bytes, pi) => {
      if (bytes.length === 0) throw new Error(`pattern ${pi} is empty`);
      let s = 0;
      for (const raw of bytes) {
        const c = classes[raw]!;
        let next = children[s]!.get(c);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          own.push([]);
          children[s]!.set(c, next);
        }
        s = next;
      }
      own[s]!.push(pi);
    });
    const n = children.length;

    // 2. Breadth-first failure links and full outputs.
    const fail = new Int32Array(n);
    const out: number[][] = own.map((o) => o.slice());
    const order: number[] = [0];
    for (let qi = 0; qi < order.length; qi++) {
      const s = order[qi]!;
      for (const [c, t] of children[s]!) {
        if (s !== 0) {
          let f = fail[s]!;
          while (f !== 0 && !children[f]!.has(c)) f = fail[f]!;
          const g = children[f]!.get(c);
          fail[t] = g !== undefined && g !== t ? g : 0;
        }
        const inherited = out[fail[t]!]!;
        if (inherited.length > 0) out[t] = out[t]!.concat(inherited);
        order.push(t);
      }
    }

    // 3. Renumber: no output < trap-only output < triggering output; the root stays 0 (it has no output).
    const rank = (st: number): number => {
      const o = out[st]!;
      if (o.length === 0) return 0;
      return o.some((p) => this.patternTrigger[p] === 1) ? 2 : 1;
    };
    const ids = new Int32Array(n);
    const byRank: number[][] = [[], [], []];
    for (let st = 0; st < n; st++) byRank[rank(st)]!.push(st);
    let next = 0;
    for (const group of byRank) for (const st of group) ids[st] = next++;
    this.firstOutput = byRank[0]!.length;
    this.firstTrigger = byRank[0]!.length + byRank[1]!.length;
    this.stateCount = n;

    // 4. Dense DFA, filled in BFS order so that a state's failure row is complete before it is used.
    const table = n <= 0x10000 ? new Uint16Array(n * width) : new Uint32Array(n * width);
    for (const st of order) {
      const row = ids[st]! << shift;
      if (st !== 0) {
        const failRow = ids[fail[st]!]! << shift;
        table.copyWithin(row, failRow, failRow + width);
      }
      for (const [c, t] of children[st]!) table[row | c] = ids[t]!;
    }
    this.table = table;

    // 5. Output lists for states with output, and per-state trigger flags.
    const outCount = n - this.firstOutput;
    this.outStart = new Uint32Array(outCount + 1);
    const flat: number[] = [];
    this.stateFlags = new Uint8Array(n);
    const byId = new Int32Array(n);
    for (let st = 0; st < n; st++) byId[ids[st]!] = st;
    for (let id = this.firstOutput; id < n; id++) {
      const o = out[byId[id]!]!;
      this.outStart[id - this.firstOutput] = flat.length;
      for (const p of o) flat.push(p);
      if (o.some((p) => this.patternTrigger[p] === 1 && this.patternFlags[p] === 0)) {
        this.stateFlags[id] = STATE_UNCONDITIONAL_TRIGGER;
      }
    }
    this.outStart[outCount] = flat.length;
    this.outputs = Uint32Array.from(flat);
  }

  /** Bytes held by the automaton's tables. */
  get tableBytes(): number {
    return this.table.byteLength + this.outputs.byteLength + this.outStart.byteLength;
  }

  /** Does pattern `p`, ending just before byte `end` of `buf`, satisfy its case and boundary rules? */
  private verify(p: number, buf: Uint8Array, end: number, lo: number, hi: number): boolean {
    if (this.patternFlags[p] === 0) return true;
    const bytes = this.patternBytes[p]!;
    const start = end - bytes.length;
    const spec = this.patterns[p]!;
    if (spec.exactCase) {
      for (let k = 0; k < bytes.length; k++) if (buf[start + k] !== bytes[k]) return false;
    }
    if (spec.wordBoundary) {
      if (
        start > lo &&
        isAsciiAlnum(buf[start - 1]!) &&
        isAsciiAlnum(bytes[0]!) &&
        !afterEscape(buf, start, lo)
      ) {
        return false;
      }
      if (end < hi && isAsciiAlnum(buf[end]!) && isAsciiAlnum(bytes[bytes.length - 1]!)) return false;
    }
    return true;
  }

  private stateTriggers(state: number, buf: Uint8Array, end: number, lo: number, hi: number): boolean {
    if (this.stateFlags[state] === STATE_UNCONDITIONAL_TRIGGER) return true;
    const k = state - this.firstOutput;
    for (let j = this.outStart[k]!; j < this.outStart[k + 1]!; j++) {
      const p = this.outputs[j]!;
      if (this.patternTrigger[p] === 1 && this.verify(p, buf, end, lo, hi)) return true;
    }
    return false;
  }

  /**
   * Marks which of the records `[starts[i], ends[i])` of `buf` contain at least one triggering match,
   * scanning each record only up to its first one. Records must be in order, must not overlap and must
   * be separated by bytes no pattern contains (newlines). Returns the indexes of those records.
   *
   * @example
   * const m = new ByteMatcher([{ text: "华为" }]);
   * const buf = Buffer.from("a\n在华为工作\nb");
   * m.candidates(buf, Int32Array.of(0, 2, 17), Int32Array.of(1, 16, 18)); // [1]
   */
  candidates(buf: Uint8Array, starts: Int32Array, ends: Int32Array, count = starts.length): number[] {
    if (count === 0) return [];
    const lo = starts[0]!;
    const hi = ends[count - 1]!;
    const wasm = hi - lo >= WASM_MIN_BYTES ? this.wasm() : null;
    return wasm
      ? this.candidatesWasm(wasm, buf, starts, ends, count)
      : this.candidatesJs(buf, starts, ends, count);
  }

  private candidatesJs(buf: Uint8Array, starts: Int32Array, ends: Int32Array, count: number): number[] {
    const { table, classes, shift, firstTrigger } = this;
    const found: number[] = [];
    for (let r = 0; r < count; r++) {
      const lo = starts[r]!;
      const hi = ends[r]!;
      let s = 0;
      for (let i = lo; i < hi; i++) {
        s = table[(s << shift) | classes[buf[i]!]!]!;
        if (s >= firstTrigger && this.stateTriggers(s, buf, i + 1, lo, hi)) {
          found.push(r);
          break;
        }
      }
    }
    return found;
  }

  private candidatesWasm(
    w: WasmScanner,
    buf: Uint8Array,
    starts: Int32Array,
    ends: Int32Array,
    count: number,
  ): number[] {
    const lo = starts[0]!;
    const hi = ends[count - 1]!;
    const base = w.load(buf, lo, hi);
    const mem = (at: number) => base + (at - lo);
    // Four lanes, each taking the next run of records when it is done with its own, so that no lane
    // idles while others still have work; one lane when the table is 32-bit.
    const RUN = 32;
    let nextRun = 0;
    type Lane = { r: number; rEnd: number; p: number; end: number; s: number; found: number[] };
    const take = (lane: Lane): boolean => {
      if (nextRun >= count) return false;
      lane.r = nextRun;
      lane.rEnd = Math.min(count, nextRun + RUN);
      nextRun = lane.rEnd;
      lane.p = mem(starts[lane.r]!);
      lane.end = mem(ends[lane.rEnd - 1]!);
      lane.s = 0;
      return true;
    };
    const laneCount = w.lanes && count >= 8 * RUN ? 4 : 1;
    const lanes: Lane[] = [];
    for (let k = 0; k < laneCount; k++) {
      const lane: Lane = { r: 0, rEnd: 0, p: 0, end: 0, s: 0, found: [] };
      take(lane);
      lanes.push(lane);
    }
    /** Handles a lane that fired just before `lane.p`: marks its record or lets the walk go on. */
    const fired = (lane: Lane) => {
      const at = lane.p - base + lo;
      while (lane.r < lane.rEnd && ends[lane.r]! < at) lane.r++;
      if (lane.r >= lane.rEnd) {
        lane.p = lane.end;
        return;
      }
      if (at - 1 >= starts[lane.r]! && this.stateTriggers(lane.s, buf, at, starts[lane.r]!, ends[lane.r]!)) {
        lane.found.push(lane.r);
        lane.p = mem(ends[lane.r]!);
        lane.s = 0;
        lane.r++;
      }
    };
    if (laneCount === 4) {
      for (;;) {
        let n = Number.POSITIVE_INFINITY;
        let idle = false;
        for (const lane of lanes) {
          if (lane.p >= lane.end && !take(lane)) idle = true;
          n = Math.min(n, lane.end - lane.p);
        }
        if (idle || n <= 0) break;
        w.setLanes(lanes);
        const mask = w.scan4(n, this.firstTrigger, this.shift);
        w.getLanes(lanes);
        for (let k = 0; k < 4; k++) if (mask & (1 << k)) fired(lanes[k]!);
      }
    }
    // What is left, one walk at a time: the lanes' current runs, then any runs not yet taken.
    const single = (lane: Lane) => {
      while (lane.p < lane.end) {
        const q = w.scan(lane.p, lane.end, lane.s, this.firstTrigger, this.shift);
        if (q < 0) break;
        lane.p = q;
        lane.s = w.state();
        fired(lane);
      }
    };
    for (const lane of lanes) single(lane);
    const rest: Lane = { r: 0, rEnd: 0, p: 0, end: 0, s: 0, found: [] };
    while (take(rest)) single(rest);
    lanes.push(rest);
    return lanes.flatMap((lane) => lane.found).sort((x, y) => x - y);
  }

  /** The WebAssembly scan loop with this automaton's table, or null where WebAssembly is not there. */
  private wasm(): WasmScanner | null {
    if (this.scanner === undefined) this.scanner = WasmScanner.create(this.classes, this.table);
    return this.scanner;
  }

  /** True if `buf[lo, hi)` holds a triggering match. */
  test(buf: Uint8Array, lo = 0, hi = buf.length): boolean {
    const { table, classes, shift, firstTrigger } = this;
    let s = 0;
    for (let i = lo; i < hi; i++) {
      s = table[(s << shift) | classes[buf[i]!]!]!;
      if (s >= firstTrigger && this.stateTriggers(s, buf, i + 1, lo, hi)) return true;
    }
    return false;
  }

  /** Every match in `buf[lo, hi)` that passes its case and boundary rules, traps included, in order of end. */
  findAll(buf: Uint8Array, lo = 0, hi = buf.length): ByteMatch[] {
    const { table, classes, shift, firstOutput } = this;
    const found: ByteMatch[] = [];
    const wasm = hi - lo >= WASM_FINDALL_BYTES ? this.wasm() : null;
    if (wasm) {
      const base = wasm.load(buf, lo, hi);
      const end = base + (hi - lo);
      let p = base;
      let s = 0;
      for (;;) {
        const q = wasm.scan(p, end, s, firstOutput, shift);
        if (q < 0) break;
        s = wasm.state();
        this.outputsAt(s, buf, q - base + lo, lo, hi, found);
        p = q;
      }
      return found;
    }
    let s = 0;
    for (let i = lo; i < hi; i++) {
      s = table[(s << shift) | classes[buf[i]!]!]!;
      if (s >= firstOutput) this.outputsAt(s, buf, i + 1, lo, hi, found);
    }
    return found;
  }

  /** Adds the matches of state `s`, reached just before byte `end`, that pass their rules. */
  private outputsAt(
    s: number,
    buf: Uint8Array,
    end: number,
    lo: number,
    hi: number,
    found: ByteMatch[],
  ): void {
    const k = s - this.firstOutput;
    for (let j = this.outStart[k]!; j < this.outStart[k + 1]!; j++) {
      const p = this.outputs[j]!;
      if (this.verify(p, buf, end, lo, hi)) {
        found.push({ pattern: p, start: end - this.patternBytes[p]!.length, end });
      }
    }
  }
}

/** Below this many bytes the JavaScript loop is used: copying into WebAssembly memory would not pay. */
const WASM_MIN_BYTES = 1 << 14;
/** Below this many bytes `findAll` walks in JavaScript. */
const WASM_FINDALL_BYTES = 256;
const CLASS_BASE = 0;
const TABLE_BASE = 1024;

/** The little of the WebAssembly API used here (the core's lib settings do not declare it). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
const wasmApi = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

/** The scan loop of `scan.wat`, with a copy of one automaton's tables in its memory. */
class WasmScanner {
  private readonly inputBase: number;
  private readonly exports: {
    memory: WasmMemory;
    scan16: (p: number, end: number, s: number, stop: number, shift: number) => number;
    scan32: (p: number, end: number, s: number, stop: number, shift: number) => number;
    scan4x16: (n: number, stop: number, shift: number) => number;
    state: () => number;
  } & Record<`${"p" | "s"}${0 | 1 | 2 | 3}`, { value: number }>;
  /** Whether the four-lane loop can be used (it reads 16-bit tables). */
  readonly lanes: boolean;
  readonly scan: (p: number, end: number, s: number, stop: number, shift: number) => number;

  private constructor(instance: { exports: unknown }, classes: Uint8Array, table: Uint16Array | Uint32Array) {
    this.exports = instance.exports as unknown as WasmScanner["exports"];
    this.inputBase = (TABLE_BASE + table.byteLength + 15) & ~15;
    this.ensure(this.inputBase);
    const bytes = new Uint8Array(this.exports.memory.buffer);
    bytes.set(classes, CLASS_BASE);
    bytes.set(new Uint8Array(table.buffer, table.byteOffset, table.byteLength), TABLE_BASE);
    this.scan = table instanceof Uint16Array ? this.exports.scan16 : this.exports.scan32;
    this.lanes = table instanceof Uint16Array;
  }

  scan4(n: number, stop: number, shift: number): number {
    return this.exports.scan4x16(n, stop, shift);
  }

  setLanes(lanes: readonly { p: number; s: number }[]): void {
    const e = this.exports;
    e.p0.value = lanes[0]!.p;
    e.s0.value = lanes[0]!.s;
    e.p1.value = lanes[1]!.p;
    e.s1.value = lanes[1]!.s;
    e.p2.value = lanes[2]!.p;
    e.s2.value = lanes[2]!.s;
    e.p3.value = lanes[3]!.p;
    e.s3.value = lanes[3]!.s;
  }

  getLanes(lanes: { p: number; s: number }[]): void {
    const e = this.exports;
    lanes[0]!.p = e.p0.value;
    lanes[0]!.s = e.s0.value;
    lanes[1]!.p = e.p1.value;
    lanes[1]!.s = e.s1.value;
    lanes[2]!.p = e.p2.value;
    lanes[2]!.s = e.s2.value;
    lanes[3]!.p = e.p3.value;
    lanes[3]!.s = e.s3.value;
  }

  static create(classes: Uint8Array, table: Uint16Array | Uint32Array): WasmScanner | null {
    if (!wasmApi) return null;
    const bytes = Uint8Array.from(atob(SCAN_WASM_BASE64), (c) => c.charCodeAt(0));
    return new WasmScanner(new wasmApi.Instance(new wasmApi.Module(bytes), {}), classes, table);
  }

  private ensure(bytes: number): void {
    const memory = this.exports.memory;
    const missing = bytes - memory.buffer.byteLength;
    if (missing > 0) memory.grow(Math.ceil(missing / 65536));
  }

  /** Copies `buf[lo, hi)` into memory and returns the address of its first byte. */
  load(buf: Uint8Array, lo: number, hi: number): number {
    this.ensure(this.inputBase + (hi - lo));
    new Uint8Array(this.exports.memory.buffer).set(buf.subarray(lo, hi), this.inputBase);
    return this.inputBase;
  }

  state(): number {
    return this.exports.state();
  }
}

/**
 * Matches in a JavaScript string, with offsets in UTF-16 code units.
 *
 * @example
 * findAllInString(new ByteMatcher([{ text: "华为" }]), "在华为") // [{ pattern: 0, start: 1, end: 3 }]
 */
export function findAllInString(matcher: ByteMatcher, text: string): ByteMatch[] {
  const bytes = utf8.encode(text);
  const matches = matcher.findAll(bytes);
  if (matches.length === 0 || bytes.length === text.length) return matches;
  // Map byte offsets to UTF-16 offsets with one walk over the string, up to the last offset needed.
  const wanted = new Int32Array(matches.length * 2);
  matches.forEach((m, i) => {
    wanted[2 * i] = m.start;
    wanted[2 * i + 1] = m.end;
  });
  wanted.sort();
  const found = new Int32Array(wanted.length);
  let next = 0;
  let byte = 0;
  for (let c = 0; next < wanted.length; c++) {
    while (next < wanted.length && wanted[next] === byte) found[next++] = c;
    if (c >= text.length) break;
    const code = text.charCodeAt(c);
    if (code < 0x80) byte += 1;
    else if (code < 0x800) byte += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      byte += 4;
      c++; // the low surrogate belongs to the same code point
    } else byte += 3;
  }
  const toChar = (b: number): number => {
    let lo = 0;
    let hi = wanted.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (wanted[mid]! < b) lo = mid + 1;
      else hi = mid;
    }
    return found[lo]!;
  };
  return matches.map((m) => ({ pattern: m.pattern, start: toChar(m.start), end: toChar(m.end) }));
}
