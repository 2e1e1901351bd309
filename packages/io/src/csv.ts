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
 * Number of fields in one CSV row without building them. Rows without a quote are counted with
 * `indexOf` alone; rows with quotes take one pass over their bytes.
 */
export function countCsvFields(buf: Buffer, start: number, end: number, delim: number): number {
  const row = buf.subarray(start, end);
  const n = row.length;
  let count = 1;
  if (row.indexOf(QUOTE) < 0) {
    for (let k = row.indexOf(delim); k >= 0; k = row.indexOf(delim, k + 1)) count++;
    return count;
  }
  // 0: outside quotes at field start, 1: outside quotes, 2: inside quotes, 3: after a quote inside quotes.
  let state = 0;
  for (let i = 0; i < n; i++) {
    const c = row[i]!;
    if (state === 2) {
      if (c === QUOTE) state = 3;
    } else if (state === 3 && c === QUOTE) {
      state = 2;
    } else if (c === delim) {
      count++;
      state = 0;
    } else if (c === QUOTE && state === 0) state = 2;
    else state = 1;
  }
  return count;
}
