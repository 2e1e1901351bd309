/**
 * A small RFC 4180 CSV reader over text already in memory: quoted fields may hold commas, doubled
 * quotes and line breaks; CRLF and LF both end a row; a trailing DOS end-of-file mark (U+001A) and a
 * byte order mark are ignored. Each row comes with the 1-based line it starts on and the byte offset
 * (UTF-8) of that line, so that a bad row can be reported where it is.
 */

export interface CsvRow {
  fields: string[];
  /** 1-based line number of the row's first character. */
  line: number;
  /** Byte offset (UTF-8) of the row's first character. */
  offset: number;
  /** A quoted field is still open when the text ends. */
  unterminated?: true;
}

/** UTF-8 length of `s.slice(from, to)` without encoding it. */
export function utf8Length(s: string, from = 0, to = s.length): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Text from bytes (UTF-8, a byte order mark dropped) or text as given. */
export function asText(input: string | Uint8Array): string {
  const s = typeof input === "string" ? input : new TextDecoder("utf-8").decode(input);
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** Line breaks in `text.slice(from, to)` (CRLF counted once). */
function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || (c === 13 && text.charCodeAt(k + 1) !== 10)) n++;
  }
  return n;
}

/**
 * Every row of a CSV text, blank lines skipped.
 *
 * @example parseCsv('a,"b,c"\n1,"2\n3"').map((r) => r.fields) // [["a", "b,c"], ["1", "2\n3"]]
 */
export function parseCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 0x1a || text.charCodeAt(end - 1) === 0)) end--;
  let i = 0;
  let line = 1;
  let offset = 0;
  let counted = 0; // text index up to which `offset` is counted
  while (i < end) {
    const c0 = text.charCodeAt(i);
    if (c0 === 10 || c0 === 13) {
      if (c0 === 13 && text.charCodeAt(i + 1) === 10) i++;
      i++;
      line++;
      continue;
    }
    offset += utf8Length(text, counted, i);
    counted = i;
    const row: CsvRow = { fields: [], line, offset };
    let extra = 0;
    for (;;) {
      if (text.charCodeAt(i) === 34 && i < end) {
        // quoted field: runs to the next quote not doubled
        let field = "";
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q < 0 || q >= end) {
            field += text.slice(from, end);
            extra += countLines(text, from, end);
            row.unterminated = true;
            i = end;
            break;
          }
          field += text.slice(from, q);
          extra += countLines(text, from, q);
          if (text.charCodeAt(q + 1) === 34) {
            field += '"';
            from = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        // anything between the closing quote and the delimiter is kept as written
        let j = i;
        while (j < end && text.charCodeAt(j) !== 44 && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13)
          j++;
        field += text.slice(i, j);
        i = j;
        row.fields.push(field);
      } else {
        let j = i;
        while (j < end) {
          const c = text.charCodeAt(j);
          if (c === 44 || c === 10 || c === 13) break;
          j++;
        }
        row.fields.push(text.slice(i, j));
        i = j;
      }
      if (i >= end) break;
      const c = text.charCodeAt(i);
      if (c === 44) {
        i++;
        if (i >= end) {
          row.fields.push("");
          break;
        }
        continue;
      }
      // end of row
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      i++;
      line++;
      break;
    }
    line += extra;
    rows.push(row);
  }
  return rows;
}
