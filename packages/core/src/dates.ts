/**
 * Dates and date ranges as people write them in Chinese and English resumes: `2015.03`, `2015年3月`,
 * `Mar 2015`, `03/2015`, `２０１５年３月`, `2010年7月至2015年3月`, `2015.04-至今`, `2012 – present`.
 * Pure functions, no I/O. Offsets are UTF-16 code units into the string as given.
 */

/** A calendar month, or a whole year when `month` is null. */
export interface YearMonth {
  year: number;
  month: number | null;
}

/**
 * A span of time found in text. A lone date has `start` set, `end` null and `open` false; an open range
 * (`2015.04-至今`, `since 2015`) has `end` null and `open` true. `index`/`length` locate the range,
 * separators and open-end words included, in the scanned string.
 */
export interface DateRange {
  start: YearMonth | null;
  end: YearMonth | null;
  open: boolean;
  index: number;
  length: number;
}

/** The time-related part of a stint, as {@link overlaps} needs it. */
export interface Span {
  start: YearMonth | null;
  end: YearMonth | null;
  open: boolean;
}

const MIN_YEAR = 1950;
const MAX_YEAR = 2100;

/**
 * Full-width ASCII, the ideographic space and dash/tilde look-alikes folded to ASCII, one code unit for
 * one, so offsets in the folded text are offsets in the original.
 *
 * @example foldDateChars("２０１５年３月～今") // "2015年3月~今"
 */
export function foldDateChars(s: string): string {
  let out = "";
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let r = -1;
    if (c >= 0xff01 && c <= 0xff5e) r = c - 0xfee0;
    else if (c === 0x3000) r = 0x20;
    else if (c === 0x301c || c === 0x223c)
      r = 0x7e; // 〜 ∼
    else if (c === 0x2212 || c === 0x2010 || c === 0x2011 || c === 0x2012 || c === 0x2043) r = 0x2d;
    if (r >= 0) {
      out += s.slice(last, i) + String.fromCharCode(r);
      last = i + 1;
    }
  }
  return last === 0 ? s : out + s.slice(last);
}

/** English month names and their short forms, as a regular-expression alternation. */
export const MONTH_NAMES =
  "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
/** A month's number by the first three letters of its English name, lower case. */
export const MONTH_INDEX: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** Not glued to a letter or digit, nor to `digit-`/`digit.`/`digit/` (phone numbers, versions). */
const NOT_GLUED = "(?<![0-9A-Za-z])(?<![0-9][-./])";
const MM = "(0?[1-9]|1[0-2])";
const DD = "(0?[1-9]|[12][0-9]|3[01])";

/**
 * One date, alternatives in order of preference. Groups: 1-3 Chinese `2015年3月1日`; 4-7 numeric
 * year first `2015.03.01`; 8-9 month first `03/2015`; 10-12 English `Mar 1, 2015`; 13 bare year.
 */
const dateSource = (notGlued: string) =>
  `${notGlued}(?:` +
  `(\\d{4})\\s*年(?:\\s*(\\d{1,2})\\s*月份?(?:\\s*(\\d{1,2})\\s*[日号])?)?` +
  `|(\\d{4})([./-])${MM}(?:\\5${DD})?(?![0-9])` +
  `|${MM}\\s*[/.-]\\s*(\\d{4})(?![0-9])` +
  `|\\b(${MONTH_NAMES})\\.?,?\\s*(?:(\\d{1,2})(?:st|nd|rd|th)?,?\\s+)?(\\d{4})(?![0-9])` +
  `|(\\d{4})(?![0-9A-Za-z])(?![./][0-9])` +
  ")";

const DATE_G = new RegExp(dateSource(NOT_GLUED), "giu");
const DATE_Y = new RegExp(dateSource(NOT_GLUED), "iuy");
/** The second date of a range may follow the dash directly: `2010-2015`. */
const END_DATE_Y = new RegExp(dateSource("(?<![0-9A-Za-z])"), "iuy");
/** Between two dates of a range. `起` may precede: `2010年起至2015年`. */
const SEP_Y =
  /\s*(?:(?:起|开始)\s*)?(-{1,2}|—{1,2}|–{1,2}|―|~|至|到|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b)\s*/iuy;
const OPEN_Y =
  /(?:至今|迄今|现在|目前|当前|现今|今|(?:the\s+)?present\b|now\b|current(?:ly)?\b|today\b|date\b)/iuy;
/** Range end that repeats only the month: `2015年3月至6月`. */
const MONTH_ONLY_Y = /(\d{1,2})\s*月(?![0-9])/uy;
/** After a lone date: the stint runs on from there (`2015年起`, `2015年以来`). */
const OPEN_AFTER_Y = /\s*(?:起|以来|至今|开始)/uy;
/** Before a lone date: `since 2015`, `until 2013`. */
const SINCE_BEFORE = /\bsince\s+$/i;
const UNTIL_BEFORE = /\b(?:until|till|through|up to)\s+$/i;
/** A bare four-digit number followed by one of these is a quantity or an address, not a year. */
const QUANTITY_AFTER_Y =
  /\s*(?:[号元万亿千百人多余个名米次台套件户室栋楼路弄层项款篇位%℃]|部队|小时|units?\b|employees\b|people\b|staff\b|users\b|customers\b|times\b|yuan\b|rmb\b|usd\b|km\b|kg\b|pcs\b)/iuy;
/** A bare four-digit number after one of these is a number, not a year. */
const NUMBER_BEFORE = /(?:no\.?|#|第|编号|工号|邮编|号码|电话|手机|\$|¥|￥|rmb|usd)\s*$/iu;

interface DateHit {
  ym: YearMonth;
  index: number;
  end: number;
  bare: boolean;
}

function plausible(year: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

function fromMatch(m: RegExpExecArray): { ym: YearMonth; bare: boolean } | null {
  let year: number;
  let month: number | null = null;
  let bare = false;
  if (m[1] !== undefined) {
    year = Number(m[1]);
    if (m[2] !== undefined) month = Number(m[2]);
  } else if (m[4] !== undefined) {
    year = Number(m[4]);
    month = Number(m[6]);
  } else if (m[8] !== undefined) {
    year = Number(m[9]);
    month = Number(m[8]);
  } else if (m[10] !== undefined) {
    year = Number(m[12]);
    month = MONTH_INDEX[m[10].slice(0, 3).toLowerCase()] ?? null;
  } else {
    year = Number(m[13]);
    bare = true;
  }
  if (!plausible(year)) return null;
  if (month !== null && (month < 1 || month > 12)) return null;
  return { ym: { year, month }, bare };
}

/** The date starting exactly at `pos` of `s`, if any. */
function dateAt(s: string, pos: number, re = DATE_Y): DateHit | null {
  re.lastIndex = pos;
  const m = re.exec(s);
  if (!m) return null;
  const d = fromMatch(m);
  if (!d) return null;
  return { ym: d.ym, index: pos, end: pos + m[0].length, bare: d.bare };
}

function quantityAfter(s: string, pos: number): boolean {
  QUANTITY_AFTER_Y.lastIndex = pos;
  return QUANTITY_AFTER_Y.test(s);
}

/** The range (or lone date) that starts with the date `first`. */
function rangeFrom(s: string, first: DateHit): DateRange {
  SEP_Y.lastIndex = first.end;
  const sep = SEP_Y.exec(s);
  if (sep) {
    const after = SEP_Y.lastIndex;
    const second = dateAt(s, after, END_DATE_Y);
    if (second && !(second.bare && quantityAfter(s, second.end))) {
      return range(first.ym, second.ym, false, first.index, second.end);
    }
    OPEN_Y.lastIndex = after;
    const open = OPEN_Y.exec(s);
    if (open) return range(first.ym, null, true, first.index, after + open[0].length);
    MONTH_ONLY_Y.lastIndex = after;
    const mo = MONTH_ONLY_Y.exec(s);
    if (mo && first.ym.month !== null) {
      const month = Number(mo[1]);
      if (month >= 1 && month <= 12) {
        const year = month < first.ym.month ? first.ym.year + 1 : first.ym.year;
        return range(first.ym, { year, month }, false, first.index, after + mo[0].length);
      }
    }
    // A dash or tilde with nothing after it but the end of the clause: the stint is still running.
    const dashLike = /^[-—–―~]/.test(sep[1] ?? "");
    if (dashLike && /^\s*(?:$|[\n\r,;，；。|)）\]】])/u.test(s.slice(after, after + 8))) {
      const end = first.end + sep[0].replace(/\s+$/u, "").length;
      return range(first.ym, null, true, first.index, end);
    }
  }
  OPEN_AFTER_Y.lastIndex = first.end;
  const openAfter = OPEN_AFTER_Y.exec(s);
  if (openAfter) return range(first.ym, null, true, first.index, first.end + openAfter[0].length);
  const before = s.slice(Math.max(0, first.index - 8), first.index);
  const since = SINCE_BEFORE.exec(before);
  if (since) return range(first.ym, null, true, first.index - since[0].length, first.end);
  const until = UNTIL_BEFORE.exec(before);
  if (until) return range(null, first.ym, false, first.index - until[0].length, first.end);
  return range(first.ym, null, false, first.index, first.end);
}

function range(
  start: YearMonth | null,
  end: YearMonth | null,
  open: boolean,
  from: number,
  to: number,
): DateRange {
  return { start, end, open, index: from, length: to - from };
}

/**
 * Every date range, or lone date, in free text, in order of appearance. Four-digit numbers count as
 * years only between 1950 and 2100 and not when glued to other digits or letters, nor when they are
 * quantities (`2000元`, `2048 units`) or numbers (`工号2015`, `No. 2015`). A date followed by a dash or
 * tilde and then nothing but the end of the clause (`2015.03-` before a line break, `，` or `;`) is an
 * open range; before other text (`2015.03- 深圳市公安局`) the dash is left out and the date stands alone,
 * since the text cannot tell a missing end from a running stint (list lines in `extractWork` read it as
 * running).
 *
 * @example findDateRanges("2010年7月至2015年3月，就职于华为")[0] // start 2010-07, end 2015-03
 */
export function findDateRanges(text: string): DateRange[] {
  const s = foldDateChars(text);
  const out: DateRange[] = [];
  DATE_G.lastIndex = 0;
  for (let m = DATE_G.exec(s); m !== null; m = DATE_G.exec(s)) {
    const index = m.index;
    const d = fromMatch(m);
    if (!d) {
      DATE_G.lastIndex = index + 1;
      continue;
    }
    const end = index + m[0].length;
    if (d.bare && (quantityAfter(s, end) || NUMBER_BEFORE.test(s.slice(Math.max(0, index - 8), index)))) {
      continue;
    }
    const r = rangeFrom(s, { ym: d.ym, index, end, bare: d.bare });
    out.push(r);
    DATE_G.lastIndex = r.index + r.length;
  }
  return out;
}

/**
 * A whole string that is exactly one date (after trimming), or null.
 *
 * @example parseDate("２０１５年３月") // { year: 2015, month: 3 }
 * @example parseDate("Mar 2015") // { year: 2015, month: 3 }
 * @example parseDate("518129") // null
 */
export function parseDate(s: string): YearMonth | null {
  const t = foldDateChars(s.trim());
  const d = dateAt(t, 0);
  return d && d.end === t.length ? d.ym : null;
}

/**
 * A whole string that is exactly one range or one date (after trimming), or null. `2015.03-` with
 * nothing after the dash is an open range.
 *
 * @example parseRange("2015.04-至今") // { start: 2015-04, end: null, open: true, index: 0, length: 10 }
 */
export function parseRange(s: string): DateRange | null {
  const lead = s.length - s.trimStart().length;
  const t = foldDateChars(s.trim());
  const d = dateAt(t, 0);
  let r: DateRange | null = null;
  if (d) r = rangeFrom(t, d);
  else {
    const since = /^(?:since|until|till|through|up to)\s+/i.exec(t);
    const d2 = since ? dateAt(t, since[0].length) : null;
    if (d2) r = rangeFrom(t, d2);
  }
  if (r?.index !== 0 || r.length !== t.length) return null;
  return { ...r, index: lead };
}

/**
 * `"2015-03"` for a month, `"2015"` for a year, null for null.
 *
 * @example formatYearMonth({ year: 2015, month: 3 }) // "2015-03"
 */
export function formatYearMonth(ym: YearMonth | null): string | null {
  if (!ym) return null;
  return ym.month === null ? String(ym.year) : `${ym.year}-${String(ym.month).padStart(2, "0")}`;
}

function firstMonth(ym: YearMonth): number {
  return ym.year * 12 + (ym.month ?? 1) - 1;
}

function lastMonth(ym: YearMonth): number {
  return ym.year * 12 + (ym.month ?? 12) - 1;
}

/** Months covered by a stint, inclusive, or null when it has no date at all. */
function monthsOf(x: Span, now: YearMonth | undefined): [number, number] | null {
  const anchor = x.start ?? x.end;
  if (!anchor) return null;
  const from = firstMonth(anchor);
  let to: number;
  if (x.end) to = lastMonth(x.end);
  else if (x.open) to = now ? lastMonth(now) : Number.POSITIVE_INFINITY;
  else to = lastMonth(anchor);
  return from <= to ? [from, to] : [firstMonth(x.end ?? anchor), lastMonth(anchor)];
}

/**
 * Whether two stints share at least `minMonths` calendar months (default 1). A year without a month
 * covers the whole year; an open end runs to `now` (or forever when `now` is not given); a lone date
 * (or an end alone, `until 2013`) covers just that month or year; a stint with no date overlaps nothing. A stint whose end comes before
 * its start is read the other way round. Stints that touch in one month (`2010-2015.03` and
 * `2015.03-至今`) overlap with the default; pass `minMonths: 2` to ignore such hand-overs.
 *
 * @example overlaps(parseRange("2010-2015")!, parseRange("2014.06-至今")!) // true
 */
export function overlaps(a: Span, b: Span, now?: YearMonth, minMonths = 1): boolean {
  const x = monthsOf(a, now);
  const y = monthsOf(b, now);
  if (!x || !y) return false;
  const shared = Math.min(x[1], y[1]) - Math.max(x[0], y[0]) + 1;
  return shared >= Math.max(1, minMonths);
}
