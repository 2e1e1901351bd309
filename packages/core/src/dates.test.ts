import { describe, expect, it } from "vitest";
import {
  type DateRange,
  findDateRanges,
  formatYearMonth,
  overlaps,
  parseDate,
  parseRange,
  type YearMonth,
} from "./dates.js";

const ym = (year: number, month: number | null = null): YearMonth => ({ year, month });

/** Range as `start..end` text for compact assertions; `..` marks an open end. */
function show(r: DateRange | null): string | null {
  if (!r) return null;
  const end = r.open ? "open" : (formatYearMonth(r.end) ?? "");
  return `${formatYearMonth(r.start) ?? ""}..${end}`;
}

describe("parseDate", () => {
  it.each([
    ["2015.03", ym(2015, 3)],
    ["2015.3", ym(2015, 3)],
    ["2015年3月", ym(2015, 3)],
    ["2015年03月", ym(2015, 3)],
    ["2015年3月1日", ym(2015, 3)],
    ["2015 年 3 月", ym(2015, 3)],
    ["2015-03", ym(2015, 3)],
    ["2015/3", ym(2015, 3)],
    ["2015/03/01", ym(2015, 3)],
    ["2015-12-31", ym(2015, 12)],
    ["Mar 2015", ym(2015, 3)],
    ["Mar. 2015", ym(2015, 3)],
    ["March 2015", ym(2015, 3)],
    ["march, 2015", ym(2015, 3)],
    ["Sept 2015", ym(2015, 9)],
    ["December 1, 2015", ym(2015, 12)],
    ["03/2015", ym(2015, 3)],
    ["3/2015", ym(2015, 3)],
    ["2015", ym(2015)],
    ["2015年", ym(2015)],
    ["２０１５年３月", ym(2015, 3)],
    ["２０１５．０３", ym(2015, 3)],
    ["  2015.03 ", ym(2015, 3)],
    ["1950", ym(1950)],
    ["2100年", ym(2100)],
  ])("%s", (s, want) => {
    expect(parseDate(s)).toEqual(want);
  });

  it.each([
    "518129", // postcode
    "61398", // unit number / staff number
    "13812345678", // mobile phone
    "0755-26541234",
    "1949",
    "1949年",
    "2101",
    "2015.13",
    "13/2015",
    "2015年13月",
    "2015.03-2016.04", // a range, not one date
    "Huawei 2015",
    "",
    "abc",
  ])("rejects %s", (s) => {
    expect(parseDate(s)).toBeNull();
  });
});

describe("parseRange", () => {
  it.each([
    ["2010年7月至2015年3月", "2010-07..2015-03"],
    ["2010.07-2015.03", "2010-07..2015-03"],
    ["2010.07 - 2015.03", "2010-07..2015-03"],
    ["2010.07–2015.03", "2010-07..2015-03"],
    ["2010.07—2015.03", "2010-07..2015-03"],
    ["2010.07——2015.03", "2010-07..2015-03"],
    ["2010.07－2015.03", "2010-07..2015-03"],
    ["2010.07~2015.03", "2010-07..2015-03"],
    ["2010.07～2015.03", "2010-07..2015-03"],
    ["2010年7月到2015年3月", "2010-07..2015-03"],
    ["2010-2015", "2010..2015"],
    ["2010年至2015年", "2010..2015"],
    ["2010年起至2015年", "2010..2015"],
    ["Jul 2010 to Mar 2015", "2010-07..2015-03"],
    ["July 2010 until March 2015", "2010-07..2015-03"],
    ["07/2010 - 03/2015", "2010-07..2015-03"],
    ["2015年3月至6月", "2015-03..2015-06"],
    ["2015.04-至今", "2015-04..open"],
    ["2015年4月至今", "2015-04..open"],
    ["2015年至今", "2015..open"],
    ["2015.04-现在", "2015-04..open"],
    ["2015.04～今", "2015-04..open"],
    ["2015.04-目前", "2015-04..open"],
    ["Apr 2015 - present", "2015-04..open"],
    ["Apr 2015 – Present", "2015-04..open"],
    ["2015 to now", "2015..open"],
    ["2015 - current", "2015..open"],
    ["since 2015", "2015..open"],
    ["until 2013", "..2013"],
    ["2015年起", "2015..open"],
    ["2015.03-", "2015-03..open"],
    ["２０１５年４月－至今", "2015-04..open"],
    ["2015.03", "2015-03.."],
  ])("%s → %s", (s, want) => {
    expect(show(parseRange(s))).toBe(want);
  });

  it("reports where the range stands", () => {
    expect(parseRange("2015.04-至今")).toEqual({
      start: ym(2015, 4),
      end: null,
      open: true,
      index: 0,
      length: 10,
    });
  });

  it.each(["2015.03 华为", "华为", "2015-2016 and more", "518129-518130"])("rejects %s", (s) => {
    expect(parseRange(s)).toBeNull();
  });
});

describe("findDateRanges", () => {
  it("finds ranges and lone dates in order with their offsets", () => {
    const text = "1963年出生；2010年7月至2015年3月，就职于华为；2015.04-至今 深圳市公安局";
    const found = findDateRanges(text);
    expect(found.map(show)).toEqual(["1963..", "2010-07..2015-03", "2015-04..open"]);
    const second = found[1]!;
    expect(text.slice(second.index, second.index + second.length)).toBe("2010年7月至2015年3月");
    const third = found[2]!;
    expect(text.slice(third.index, third.index + third.length)).toBe("2015.04-至今");
  });

  it("keeps offsets of the original text when digits are full-width", () => {
    const text = "任职：２０１５年３月～至今";
    const [r] = findDateRanges(text);
    expect(show(r ?? null)).toBe("2015-03..open");
    expect(text.slice(r!.index, r!.index + r!.length)).toBe("２０１５年３月～至今");
  });

  it("finds English ranges in a sentence", () => {
    const found = findDateRanges("Worked at Huawei from Mar 2012 to Jun 2016, then since 2017 at ZTE.");
    expect(found.map(show)).toEqual(["2012-03..2016-06", "2017..open"]);
  });

  it("treats a trailing dash as open only at the end of a clause", () => {
    expect(findDateRanges("2015.03- ，深圳").map(show)).toEqual(["2015-03..open"]);
    expect(findDateRanges("2015.03-\n").map(show)).toEqual(["2015-03..open"]);
    const r = findDateRanges("2015.03- 深圳市公安局");
    expect(r.map(show)).toEqual(["2015-03.."]);
    expect(r[0]!.length).toBe(7);
  });

  it.each([
    "邮编518129",
    "工号61398",
    "电话13812345678",
    "电话0755-26541234",
    "家住解放路12号",
    "月薪2000元",
    "团队2000人",
    "工号2015",
    "No. 2015",
    "2048 units",
    "Windows2000",
    "版本V2015",
    "ISO9001认证",
    "1800年",
  ])("finds no date in %s", (s) => {
    expect(findDateRanges(s)).toEqual([]);
  });
});

describe("formatYearMonth", () => {
  it("formats months with two digits and years alone", () => {
    expect(formatYearMonth(ym(2015, 3))).toBe("2015-03");
    expect(formatYearMonth(ym(2015, 11))).toBe("2015-11");
    expect(formatYearMonth(ym(2015))).toBe("2015");
    expect(formatYearMonth(null)).toBeNull();
  });
});

describe("overlaps", () => {
  const r = (s: string) => {
    const x = parseRange(s);
    if (!x) throw new Error(`not a range: ${s}`);
    return x;
  };
  const now = ym(2024, 6);

  it("detects stints that share months", () => {
    expect(overlaps(r("2010.07-2015.03"), r("2014.01-2016.01"))).toBe(true);
    expect(overlaps(r("2014.01-2016.01"), r("2010.07-2015.03"))).toBe(true);
    expect(overlaps(r("2010.07-2015.03"), r("2011.01-2012.01"))).toBe(true);
  });

  it("keeps apart stints that do not", () => {
    expect(overlaps(r("2010.07-2015.03"), r("2015.04-至今"), now)).toBe(false);
    expect(overlaps(r("2010.07-2015.03"), r("2008.09-2010.06"))).toBe(false);
  });

  it("counts a year without month as the whole year", () => {
    expect(overlaps(r("2010-2015"), r("2015.11-2016.02"))).toBe(true);
    expect(overlaps(r("2010-2014"), r("2015.01-2016.02"))).toBe(false);
    expect(overlaps(r("2015"), r("2015.06"))).toBe(true);
  });

  it("runs an open end to now", () => {
    expect(overlaps(r("2020.01-至今"), r("2023.05-2023.08"), now)).toBe(true);
    expect(overlaps(r("2020.01-至今"), r("2025.01-2025.08"), now)).toBe(false);
    expect(overlaps(r("2020.01-至今"), r("2030.01-2031.01"))).toBe(true);
  });

  it("lets a caller ignore a one-month hand-over", () => {
    expect(overlaps(r("2010.07-2015.03"), r("2015.03-至今"), now)).toBe(true);
    expect(overlaps(r("2010.07-2015.03"), r("2015.03-至今"), now, 2)).toBe(false);
    expect(overlaps(r("2010.07-2015.06"), r("2015.03-至今"), now, 2)).toBe(true);
  });

  it("never overlaps a stint without dates", () => {
    const none = { start: null, end: null, open: false };
    expect(overlaps(none, r("2010-2020"))).toBe(false);
    expect(overlaps(r("2010-2020"), none)).toBe(false);
  });

  it("reads a reversed range the right way round", () => {
    expect(overlaps(r("2015.03-2010.07"), r("2012"))).toBe(true);
  });
});
