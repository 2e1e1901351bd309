import { isUtf8 } from "node:buffer";

/** Text encodings the readers understand. GBK is read with the GB18030 decoder (GBK is a subset). */
export type Encoding = "utf-8" | "gb18030" | "gbk" | "utf-16le" | "utf-16be";
export type EncodingOption = Encoding | "auto";

export const ENCODINGS: readonly Encoding[] = ["utf-8", "gb18030", "gbk", "utf-16le", "utf-16be"];

/** How many bytes from the start of a file encoding detection looks at. */
export const SNIFF_BYTES = 64 * 1024;

/** Detected (or given) encoding plus the length of the byte-order mark to skip. */
export interface EncodingInfo {
  encoding: Encoding;
  bom: number;
}

/** Byte width of one code unit: 2 for UTF-16, 1 otherwise. */
export function unitWidth(encoding: Encoding): 1 | 2 {
  return encoding === "utf-16le" || encoding === "utf-16be" ? 2 : 1;
}

/** The WHATWG decoder label for an encoding. */
export function decoderLabel(encoding: Encoding): string {
  return encoding === "gbk" ? "gb18030" : encoding;
}

/** Length of the byte-order mark at the start of `head` that belongs to `encoding` (0 when none). */
export function bomLength(head: Buffer, encoding: Encoding): number {
  if (encoding === "utf-8") return head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  if (encoding === "utf-16le") return head[0] === 0xff && head[1] === 0xfe ? 2 : 0;
  if (encoding === "utf-16be") return head[0] === 0xfe && head[1] === 0xff ? 2 : 0;
  return 0;
}

/**
 * Length of `buf` without a UTF-8 sequence cut off at its end, so that a sample taken at a fixed size
 * is not judged invalid because its last character was split.
 */
function withoutCutChar(buf: Buffer): number {
  const n = buf.length;
  // Walk back over at most 3 continuation bytes to the lead byte of the last sequence.
  let i = n - 1;
  while (i >= 0 && i >= n - 4 && (buf[i]! & 0xc0) === 0x80) i--;
  if (i < 0) return n;
  const lead = buf[i]!;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return i + need > n ? i : n;
}

/** Guesses UTF-16 without a BOM from the zero bytes that ASCII text leaves in every other byte. */
function sniffUtf16(head: Buffer): Encoding | null {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZero++;
    if (head[i + 1] === 0) oddZero++;
  }
  const units = n / 2;
  if (oddZero > units * 0.3 && evenZero < units * 0.05) return "utf-16le";
  if (evenZero > units * 0.3 && oddZero < units * 0.05) return "utf-16be";
  return null;
}

/**
 * Detects the encoding of a file from its first bytes: a byte-order mark (UTF-8, UTF-16 LE/BE) wins;
 * else UTF-16 when every other byte is zero; else UTF-8 when the sample is valid UTF-8 (a character cut
 * at the end of the sample is allowed); else, line by line, GB18030 when more lines are valid
 * GB18030 (and not UTF-8) than are valid UTF-8 with non-ASCII characters, UTF-8 otherwise: a few
 * corrupt lines must not turn a UTF-8 file into mojibake.
 *
 * @param head the first bytes of the file (up to {@link SNIFF_BYTES})
 * @param complete true when `head` is the whole file (no character can be cut at its end)
 * @example detectEncoding(Buffer.from("\u00ef\u00bb\u00bf{}", "latin1"), true) // { encoding: "utf-8", bom: 3 }
 */
export function detectEncoding(head: Buffer, complete: boolean): EncodingInfo {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: "utf-8", bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", bom: 2 };
  const utf16 = sniffUtf16(head);
  if (utf16 !== null) return { encoding: utf16, bom: 0 };
  const sample = complete ? head : head.subarray(0, withoutCutChar(head));
  if (isUtf8(sample)) return { encoding: "utf-8", bom: 0 };
  // Vote line by line: a GBK line with Chinese text is almost never valid UTF-8, and UTF-8 damaged
  // in places (a byte replaced by "?") is rarely valid GB18030 either.
  const gb = new TextDecoder("gb18030", { fatal: true });
  let utf8 = 0;
  let gb18030 = 0;
  let pos = 0;
  while (pos < sample.length) {
    let nl = sample.indexOf(10, pos);
    if (nl < 0) nl = sample.length;
    const line = sample.subarray(pos, nl);
    pos = nl + 1;
    if (isUtf8(line)) {
      if (line.some((b) => b >= 0x80)) utf8++;
      continue;
    }
    try {
      gb.decode(line);
      gb18030++;
    } catch {
      // valid in neither
    }
  }
  return { encoding: gb18030 > utf8 ? "gb18030" : "utf-8", bom: 0 };
}

/** Resolves an encoding option against a file's first bytes. */
export function resolveEncoding(option: EncodingOption, head: Buffer, complete: boolean): EncodingInfo {
  if (option === "auto") return detectEncoding(head, complete);
  return { encoding: option, bom: bomLength(head, option) };
}
