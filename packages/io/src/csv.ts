/** CSV/TSV rows as UTF-8 bytes: RFC 4180 fields, and a cheap column count. */

const QUOTE = 0x22;

/**
 * Splits one CSV row (`buf[start, end)`, UTF-8) into its fields. A field that starts with `"` runs to
 * the closing quote (`""` inside is one quote; line breaks inside are kept); text after a closing
 * quote up to the next delimiter is kept as written. A quote elsewhere in a field is an ordinary
 * character.
 *
 * @example parseCsvRow(Buffer.from('a,"b,""c""",d'), 0, 13, 44) // ["a", 'b,"c"', "d"]
 */
export function parseCsvRow(buf: Buffer, start: number, end: number, delim: number): string[] {
  const fields: string[] = [];
  let i = start;
  for (;;) {
    if (i < end && buf[i] === QUOTE) {
      let value = "";
      let seg = i + 1;
      let j = seg;
      for (; j < end; j++) {
        if (buf[j] !== QUOTE) continue;
        if (j + 1 < end && buf[j + 1] === QUOTE) {
          value += buf.toString("utf8", seg, j + 1);
          j++;
          seg = j + 1;
          continue;
        }
        break;
      }
      value += buf.toString("utf8", seg, Math.min(j, end));
      let k = j + 1;
      const after = k;
      while (k < end && buf[k] !== delim) k++;
      if (k > after) value += buf.toString("utf8", after, k);
      fields.push(value);
      if (k >= end) break;
      i = k + 1;
    } else {
      let k = buf.indexOf(delim, i);
      if (k < 0 || k > end) k = end;
      fields.push(buf.toString("utf8", i, k));
      if (k >= end) break;
      i = k + 1;
    }
  }
  return fields;
}

/**
 * Number of fields in one CSV row without building them, by the same rules as {@link parseCsvRow}.
 * It jumps from delimiter to delimiter and over quoted fields with `indexOf`, so it costs a few native
 * searches per field rather than a pass over the bytes in JavaScript.
 */
export function countCsvFields(buf: Buffer, start: number, end: number, delim: number): number {
  const row = buf.subarray(start, end);
  let count = 1;
  let i = 0;
  for (;;) {
    if (row[i] === QUOTE) {
      // A quoted field runs to a quote that is not doubled.
      let j = i + 1;
      for (;;) {
        const q = row.indexOf(QUOTE, j);
        if (q < 0) return count;
        if (row[q + 1] === QUOTE) j = q + 2;
        else {
          j = q + 1;
          break;
        }
      }
      i = j;
    }
    const d = row.indexOf(delim, i);
    if (d < 0) return count;
    count++;
    i = d + 1;
  }
}
