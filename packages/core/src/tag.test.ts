import { describe, expect, it } from "vitest";
import type { LexiconEntry } from "./lexicon.js";
import { compileTagger, type Place, type Tag, tagText } from "./tag.js";
import { TEST_ENTRIES } from "./test-lexicon.fixture.js";

const ENTRIES: LexiconEntry[] = [
  ...TEST_ENTRIES,
  {
    id: "ps.local_en",
    kind: "state_body",
    category: "public_security",
    name: "Public security bureaus in English",
    aliases: ["Public Security Bureau"],
    source: "test",
  },
];

const cn = (id: string, kind: Place["kind"], names: string[], lat?: number, lon?: number): Place => ({
  id,
  kind,
  name: names.find((n) => /^[A-Z]/.test(n)) ?? names[0]!,
  names,
  country: "cn",
  ...(lat !== undefined && lon !== undefined ? { lat, lon } : {}),
});
const country = (id: string, names: string[], lat: number, lon: number): Place => ({
  id,
  kind: "country",
  name: names[0]!,
  names,
  country: id,
  lat,
  lon,
});

const PLACES: Place[] = [
  cn("cn-110000", "province", ["北京市", "北京", "Beijing"], 39.905, 116.4053),
  cn("cn-650000", "province", ["新疆维吾尔自治区", "新疆", "Xinjiang"], 40.79, 85.62),
  cn("cn-650100", "prefecture", ["乌鲁木齐市", "乌鲁木齐", "烏魯木齊", "Ürümqi", "Urumqi"], 43.79, 87.62),
  cn("cn-650200", "prefecture", ["克拉玛依市", "克拉玛依", "Karamay"], 45.6, 84.87),
  cn("cn-653100", "prefecture", ["喀什地区", "喀什", "Kashgar", "Kashi"], 39.47, 75.99),
  cn("cn-653101", "city", ["喀什市", "Kashi"]),
  cn("cn-421022", "county", ["公安县", "Gong'an County"]),
  cn("cn-321200", "prefecture", ["泰州市", "泰州", "Taizhou"], 32.48, 119.92),
  cn("cn-331000", "prefecture", ["台州市", "台州", "Taizhou"], 28.66, 121.42),
  country("om", ["Oman", "阿曼"], 21, 57),
  country("ml", ["Mali", "马里"], 17, -4),
  country("so", ["Somalia", "索马里"], 10, 49),
  country("ne", ["Niger", "尼日尔"], 16, 8),
  country("ng", ["Nigeria", "尼日利亚"], 10, 8),
  country("cn", ["China", "中国"], 35, 105),
];

const tagger = compileTagger({ entries: ENTRIES, places: PLACES, traditional: () => [] });
const brief = (tags: Tag[]) => tags.map((t) => [t.kind, t.text, t.kind === "date" ? t.value : t.id]);

describe("compileTagger", () => {
  it("gives a name shared by places of different rank to the larger, and leaves out a tie", () => {
    expect(brief(tagText("Kashi", tagger))).toEqual([["place", "Kashi", "cn-653100"]]);
    expect(tagger.ambiguous).toEqual(["Taizhou"]);
    expect(tagText("Taizhou", tagger)).toEqual([]);
    expect(brief(tagText("泰州和台州", tagger))).toEqual([
      ["place", "泰州", "cn-321200"],
      ["place", "台州", "cn-331000"],
    ]);
  });
});

describe("tagText: places", () => {
  it("tags Chinese and English names with their coordinates and spans", () => {
    const text = "华为在新疆乌鲁木齐和Karamay";
    const tags = tagText(text, tagger);
    expect(brief(tags)).toEqual([
      ["entity", "华为", "target.huawei"],
      ["place", "新疆", "cn-650000"],
      ["place", "乌鲁木齐", "cn-650100"],
      ["place", "Karamay", "cn-650200"],
    ]);
    for (const t of tags) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tags[3]).toMatchObject({
      lat: 45.6,
      lon: 84.87,
      country: "cn",
      name: "Karamay",
      category: "prefecture",
    });
  });

  it("prefers the longest name (新疆维吾尔自治区, not 新疆)", () => {
    expect(brief(tagText("新疆维吾尔自治区", tagger))).toEqual([["place", "新疆维吾尔自治区", "cn-650000"]]);
  });

  it("matches English names as whole words only, and only as written or in capitals", () => {
    expect(brief(tagText("a woman from Somalia went to Nigeria", tagger))).toEqual([
      ["place", "Somalia", "so"],
      ["place", "Nigeria", "ng"],
    ]);
    expect(brief(tagText("Oman, Mali and Niger", tagger)).map((t) => t[2])).toEqual(["om", "ml", "ne"]);
    expect(brief(tagText("CHINA", tagger))).toEqual([["place", "CHINA", "cn"]]);
    expect(tagText("fine china and a woman from Kashgarian", tagger)).toEqual([]);
    expect(brief(tagText("Urumqi and Ürümqi", tagger)).map((t) => t[2])).toEqual(["cn-650100", "cn-650100"]);
  });

  it("takes 公安县 for the county it is, and 公安县公安局 for its police bureau", () => {
    expect(brief(tagText("湖北公安县", tagger))).toEqual([["place", "公安县", "cn-421022"]]);
    const bureau = tagText("公安县公安局", tagger);
    expect(brief(bureau)).toEqual([["entity", "公安县公安局", "ps.local"]]);
    expect(bureau[0]!.place).toBe("cn-421022");
  });

  it("does not take a street named after a place for the place", () => {
    expect(tagText("家住北京路12号", tagger).filter((t) => t.kind === "place")).toEqual([]);
    expect(tagText("on Beijing Road", tagger)).toEqual([]);
    expect(brief(tagText("北京的路", tagger))).toEqual([["place", "北京", "cn-110000"]]);
  });
});

describe("tagText: entities", () => {
  it("keeps a place inside an entity as the entity's place, with its coordinates", () => {
    const [t, ...rest] = tagText("北京市公安局", tagger);
    expect(rest).toEqual([]);
    expect(t).toMatchObject({
      kind: "entity",
      id: "ps.local",
      text: "北京市公安局",
      name: "北京市公安局",
      category: "public_security",
      place: "cn-110000",
      lat: 39.905,
      lon: 116.4053,
    });
  });

  it("reads English public-security bodies named by place as one entity", () => {
    const text =
      "Xinjiang’s Public Security Department and the police department in Karamay; the Public Security Bureau in Xinjiang.";
    const tags = tagText(text, tagger).filter((t) => t.kind === "entity");
    expect(tags.map((t) => [t.text, t.id, t.place])).toEqual([
      ["Xinjiang’s Public Security Department", "ps.local_en", "cn-650000"],
      ["police department in Karamay", "ps.local_en", "cn-650200"],
      ["Public Security Bureau in Xinjiang", "ps.local_en", "cn-650000"],
    ]);
    expect(brief(tagText("the Karamay zoo", tagger))).toEqual([["place", "Karamay", "cn-650200"]]);
  });

  it("leaves out traps: 部队火锅 is a restaurant", () => {
    expect(tagText("部队火锅", tagger)).toEqual([]);
    expect(brief(tagText("解放军", tagger))).toEqual([["entity", "解放军", "mil.pla"]]);
  });
});

describe("tagText: dates", () => {
  const dates = (s: string) =>
    tagText(s, tagger)
      .filter((t) => t.kind === "date")
      .map((t) => [t.text, t.value]);

  it("reads English and Chinese dates to ISO values", () => {
    expect(dates("In May 2019, on 16 May 2019 (2019-05-16), May 16, 2019")).toEqual([
      ["May 2019", "2019-05"],
      ["16 May 2019", "2019-05-16"],
      ["2019-05-16", "2019-05-16"],
      ["May 16, 2019", "2019-05-16"],
    ]);
    expect(dates("2019年5月，２０１９年５月１６日签约，2011年起")).toEqual([
      ["2019年5月", "2019-05"],
      ["２０１９年５月１６日", "2019-05-16"],
      ["2011年", "2011"],
    ]);
    expect(dates("Since 2011, and in 2018.")).toEqual([
      ["2011", "2011"],
      ["2018", "2018"],
    ]);
    expect(dates("2010年7月至2015年3月")).toEqual([
      ["2010年7月", "2010-07"],
      ["2015年3月", "2015-03"],
    ]);
  });

  it("rejects numbers that are not dates", () => {
    expect(dates("2000元, No. 2015, 2048 units, 4:50 p.m., Nov. 28, 380,000 people, 61398")).toEqual([]);
    expect(dates("2019-02-30 and 2019年13月 and 30 Feb 2019")).toEqual([]);
    expect(dates("you may 2 go")).toEqual([]);
  });

  it("does not read a date inside an entity (61398部队)", () => {
    expect(brief(tagText("61398部队", tagger))).toEqual([["entity", "61398部队", "mil.unit.61398"]]);
  });
});

describe("tagText: speed", () => {
  it("tags a mixed text of about 1 MB", () => {
    const para =
      "In May 2019, Huawei signed an agreement with the Public Security Bureau in Xinjiang. " +
      "2019年5月16日，华为与北京市公安局在乌鲁木齐签署协议。A woman from Somalia visited Oman and Kashgar. ";
    const text = para.repeat(Math.ceil(1_000_000 / para.length));
    const t0 = performance.now();
    const tags = tagText(text, tagger);
    const seconds = (performance.now() - t0) / 1000;
    const mb = Buffer.byteLength(text) / 1e6;
    console.log(`tagText: ${(mb / seconds).toFixed(1)} MB/s (${mb.toFixed(1)} MB, ${tags.length} tags)`);
    expect(tags.length).toBeGreaterThan(0);
  });
});
