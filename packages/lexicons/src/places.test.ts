import { existsSync, readFileSync } from "node:fs";
import { compileTagger, tagText } from "@tiegraph/core";
import { describe, expect, it } from "vitest";
import { findPlaces, loadGazetteer, loadLexicon, traditionalOf } from "./index.js";

const gazetteer = loadGazetteer();
const tagger = compileTagger({
  entries: loadLexicon().entries,
  places: gazetteer.places,
  traditional: traditionalOf,
});

describe("loadGazetteer", () => {
  it("holds every province-level division, the prefectures and the countries, with sources and licences", () => {
    const count = (kind: string) => gazetteer.places.filter((p) => p.kind === kind).length;
    expect(count("province")).toBe(33); // 22 provinces, 5 regions, 4 municipalities, 2 SARs
    expect(count("prefecture")).toBeGreaterThanOrEqual(330);
    expect(count("country")).toBeGreaterThanOrEqual(240);
    expect(count("city")).toBeGreaterThan(350);
    expect(gazetteer.sources.map((s) => s.package)).toContain("world-countries");
    for (const s of gazetteer.sources) expect(s.licence).not.toBe("");
  });

  it("gives every province, prefecture and country coordinates, and every place a parent or a country", () => {
    const missing = gazetteer.places.filter(
      (p) => p.kind !== "city" && p.kind !== "county" && (p.lat === undefined || p.lon === undefined),
    );
    expect(missing.map((p) => p.id)).toEqual(["cn-540600"]); // 那曲市: no source gives its seat
    for (const p of gazetteer.places) {
      if (p.kind !== "country") expect(gazetteer.byId.has(p.parent!)).toBe(true);
      expect(p.country).toMatch(/^[a-z]{2}$/);
    }
  });

  it("knows Xinjiang's places by their Chinese, traditional, short, English and pinyin names", () => {
    const xj = gazetteer.byId.get("cn-650000")!;
    expect(xj.names).toEqual(
      expect.arrayContaining(["新疆维吾尔自治区", "新疆維吾爾自治區", "新疆", "Xinjiang"]),
    );
    expect(gazetteer.byId.get("cn-650100")!.names).toEqual(
      expect.arrayContaining(["Ürümqi", "Urumqi", "乌鲁木齐"]),
    );
    const karamay = gazetteer.byId.get("cn-650200")!;
    expect(karamay).toMatchObject({ name: "Karamay", kind: "prefecture", parent: "cn-650000" });
    expect(karamay.lat).toBeCloseTo(45.6, 1);
    expect(karamay.lon).toBeCloseTo(84.87, 1);
  });
});

describe("findPlaces", () => {
  it("finds places by any of their names, larger places first", () => {
    expect(findPlaces("urumqi")[0]?.id).toBe("cn-650100");
    expect(findPlaces("喀什").map((p) => p.id)).toEqual(["cn-653100"]);
    expect(findPlaces("Kashi").map((p) => p.id)).toEqual(["cn-653100", "cn-653101"]);
    expect(findPlaces("om")[0]?.id).toBe("om");
    expect(findPlaces("Atlantis")).toEqual([]);
  });
});

describe("tagging with the shipped lexicon and gazetteer", () => {
  const brief = (s: string) => tagText(s, tagger).map((t) => [t.kind, t.text, t.id]);

  it("respects the traps: 公安县 is a county, 解放路 neither the PLA nor a place", () => {
    expect(brief("他来自湖北省公安县")).toEqual([
      ["place", "湖北省", "cn-420000"],
      ["place", "公安县", "cn-421022"],
    ]);
    expect(brief("家住解放路")).toEqual([]);
    expect(brief("中国人民解放军")).toEqual([["entity", "中国人民解放军", "mil.pla"]]);
  });

  it("reads 北京市公安局 as one entity placed in Beijing", () => {
    expect(tagText("北京市公安局", tagger)).toEqual([
      expect.objectContaining({ kind: "entity", text: "北京市公安局", place: "cn-110000", country: "cn" }),
    ]);
  });

  it("keeps Oman out of woman, Mali out of Somali and Niger out of Nigeria", () => {
    expect(brief("a woman, a Somali, Nigeria")).toEqual([["place", "Nigeria", "ng"]]);
    expect(brief("Oman, Mali, Niger").map((t) => t[2])).toEqual(["om", "ml", "ne"]);
  });
});

const seed = new URL("../../../../shared/seeds/002_f6a670a1df599372.txt", import.meta.url).pathname;

describe.skipIf(!existsSync(seed))("the ASPI Xinjiang article (seed 002)", () => {
  it("tags Karamay, Urumqi, Kashgar and Xinjiang with coordinates, Huawei and the Xinjiang PSD, and May 2019", () => {
    const text = readFileSync(seed, "utf8");
    const tags = tagText(text, tagger);
    for (const t of tags) expect(text.slice(t.start, t.end)).toBe(t.text);
    const place = (id: string) => tags.find((t) => t.kind === "place" && t.id === id);
    for (const id of ["cn-650200", "cn-650100", "cn-653100", "cn-650000"]) {
      expect(place(id)?.lat).toBeTypeOf("number");
      expect(place(id)?.lon).toBeTypeOf("number");
    }
    expect(tags.some((t) => t.kind === "entity" && t.id === "target.huawei.technologies")).toBe(true);
    expect(
      tags.find((t) => t.kind === "entity" && t.text === "Xinjiang’s Public Security Department"),
    ).toMatchObject({ category: "public_security", place: "cn-650000" });
    expect(tags.find((t) => t.kind === "date" && t.text === "May 2019")?.value).toBe("2019-05");
    const t0 = performance.now();
    const rounds = 50;
    for (let i = 0; i < rounds; i++) tagText(text, tagger);
    const mbs = (Buffer.byteLength(text) * rounds) / 1e6 / ((performance.now() - t0) / 1000);
    console.log(
      `seed 002: ${tags.length} tags; tagText ${mbs.toFixed(1)} MB/s with the shipped lexicon and gazetteer`,
    );
  });
});
