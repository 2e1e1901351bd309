import type { LexiconEntry } from "@tiegraph/core";
import { loadLexicon } from "@tiegraph/lexicons";
import { describe, expect, it } from "vitest";
import { parseCsl } from "./csl.js";
import { buildIndex, match, schemaMatches, scoreForms } from "./matcher.js";
import { nameForms } from "./normalize.js";

/**
 * The matcher on a small list made here: Huawei entities as the Entity List names them (public), a
 * made-up affiliate, and unrelated companies sharing characters or syllables with them.
 */
const EL = "Entity List (EL) - Bureau of Industry and Security";
const rows = [
  [
    "h1",
    "Huawei Technologies Co., Ltd. (Huawei)",
    "Bantian, Longgang District, Shenzhen, 518129, CN",
    "Shenzhen Huawei Technologies",
  ],
  [
    "h2",
    "Huawei Technologies Co., Ltd. (Huawei).  Affiliated Entity:  Huawei Marine Networks Co., Ltd.",
    "Dongguan, CN",
    "HMN Technologies",
  ],
  [
    "h3",
    "HiSilicon Technologies Co., Ltd (HiSilicon), Bantian Longgang District",
    "Shenzhen, 518129, CN",
    "",
  ],
  ["h4", "Shanghai Haisi Technology Co., Ltd.", "Shanghai, CN", ""],
  ["h5", "Xi?an Huawei Technologies Co., Ltd., Xi?an, Shaanxi", "Xi'an, CN", ""],
  ["h6", "Chengdu Huawei Technologies Co., Ltd., Chengdu, Sichuan", "Chengdu, CN", ""],
  ["h7", "Huawei Technologies (Thailand) Co.", "Bangkok, TH", ""],
  [
    "h8",
    "Huawei Technologies Co., Ltd. (Huawei).  Affiliated Entity:  Example Lakeside Research Co., Ltd.",
    "Dongguan, CN",
    "",
  ],
  ["n1", "Huaxia Shipping Co., Ltd.", "Dalian, CN", ""],
  ["n2", "Haier Trading Ltd.", "Qingdao, CN", ""],
  ["n3", "Hualong Optics Co., Ltd.", "Wuhan, CN", ""],
  ["p1", "Example Person Wei", "Springfield, US", ""],
];
const csv = [
  "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,remarks,alt_names",
  ...rows.map(([id, name, addr, alt]) =>
    [
      id,
      EL,
      "",
      id === "p1" ? "Individual" : "",
      "",
      `"${name}"`,
      "",
      `"${addr}"`,
      "84 FR 22961",
      "2019-05-21",
      "",
      "",
      `"${alt}"`,
    ].join(","),
  ),
].join("\n");

const { entries } = parseCsl(csv);
const lexicon = loadLexicon().entries;
const index = buildIndex(entries, { lexicon });
const idOf = (caption: string) => entries.find((e) => e.caption === caption)?.id as string;
const TECH = idOf("Huawei Technologies Co., Ltd. (Huawei)");
const HISI = idOf("HiSilicon Technologies Co., Ltd (HiSilicon), Bantian Longgang District");
const screen = (name: string, opts = {}, schema = "Company") =>
  match(index, { schema, properties: { name: [name] } }, opts);
const top = (name: string) => screen(name)[0];

describe("match", () => {
  it("returns yente-shaped results sorted by score, with the features that made each score", () => {
    const results = screen("华为技术有限公司");
    expect(results[0]).toMatchObject({
      id: TECH,
      caption: "Huawei Technologies Co., Ltd. (Huawei)",
      schema: "Company",
      datasets: ["us_csl"],
      match: true,
    });
    expect(results[0]?.properties.name).toEqual(["Huawei Technologies Co., Ltd. (Huawei)"]);
    expect(results[0]?.features).toMatchObject({ name_token: 1, pinyin: 1 });
    const scores = results.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("finds the same entity in simplified, traditional, full-width, pinyin, typo and legal-form variants", () => {
    for (const q of [
      "華為技術有限公司",
      "ＨＵＡＷＥＩ　ＴＥＣＨＮＯＬＯＧＩＥＳ　ＣＯ．，ＬＴＤ．",
      "Huawei Jishu Youxian Gongsi",
      "Hua Wei Technologies Co Ltd",
      "Huawei Tecnologies Co., Ltd.",
      "HUAWEI TECHNOLOGIES COMPANY LIMITED",
      "Huawei Technologies",
    ]) {
      const r = top(q);
      expect(r?.id, q).toBe(TECH);
      expect(r?.match, q).toBe(true);
    }
  });

  it("grades scores: exact above a dropped legal form above a typo above a place on one side", () => {
    const exact = top("Huawei Technologies Co., Ltd.")?.score as number;
    const noLegal = top("Huawei Technologies")?.score as number;
    const typo = top("Huawei Tecnologies Co., Ltd.")?.score as number;
    const withPlace = screen("Huawei Technologies Co., Ltd. Beijing").find((r) => r.id === TECH)
      ?.score as number;
    expect(exact).toBe(1);
    expect(noLegal).toBeLessThan(exact);
    expect(typo).toBeLessThan(noLegal);
    expect(withPlace).toBeLessThan(noLegal);
    expect(typo).toBeGreaterThan(0.7);
  });

  it("prefers the entity in the same place and marks places that cannot be the same", () => {
    const xian = screen("西安华为技术有限公司");
    expect(xian[0]?.caption).toBe("Xi?an Huawei Technologies Co., Ltd., Xi?an, Shaanxi");
    expect(xian[0]?.features.place).toBe(1);
    const chengdu = xian.find((r) => r.caption.startsWith("Chengdu"));
    expect(chengdu?.features.place_mismatch).toBe(1);
    expect(chengdu?.score ?? 0).toBeLessThan(xian[0]?.score as number);
  });

  it("counts the list's aliases and the lexicon's (海思 = HiSilicon)", () => {
    expect(top("HiSilicon")).toMatchObject({ id: HISI, score: 1, match: true, features: { alias: 1 } });
    const hisi = top("海思");
    expect(hisi).toMatchObject({ id: HISI, match: true, features: { lexicon_alias: 1 } });
    expect(top("Shenzhen Huawei Technologies")?.features).toMatchObject({ name_exact: 1, alias: 1 });
    // without the lexicon, 海思 is only pinyin: it finds the pinyin spelling, not the English name
    const bare = buildIndex(entries);
    const r = match(bare, { schema: "Company", properties: { name: ["上海海思技术有限公司"] } });
    expect(r[0]?.caption).toBe("Shanghai Haisi Technology Co., Ltd.");
    expect(match(bare, { properties: { name: ["海思"] } }).some((x) => x.id === HISI && x.match)).toBe(false);
  });

  it("finds the listed affiliates of a parent through parent links, not names", () => {
    const results = screen("Huawei Technologies Co., Ltd.", { limit: 20 });
    const lakeside = results.find((r) => r.caption === "Example Lakeside Research Co., Ltd.");
    expect(lakeside).toMatchObject({ match: true, via: { parent: TECH, link: "list" } });
    expect(lakeside?.features.affiliate_of).toBe(1);
    expect(lakeside?.score).toBeCloseTo(0.9, 3);
    // the lexicon's parents count too: HiSilicon belongs to Huawei Technologies
    const hisi = results.find((r) => r.id === HISI);
    expect(hisi?.via).toEqual({ parent: TECH, link: "lexicon" });
    // turned off, the affiliate is not found: its name shares nothing with the query
    const plain = screen("Huawei Technologies Co., Ltd.", { limit: 20, affiliates: false });
    expect(plain.some((r) => r.caption === "Example Lakeside Research Co., Ltd.")).toBe(false);
  });

  it("does not match unrelated companies that share characters or syllables", () => {
    for (const q of [
      "华夏银行股份有限公司",
      "海尔集团公司",
      "华润（集团）有限公司",
      "Huaxin Cement Co., Ltd.",
      "Haier Group",
    ]) {
      expect(
        screen(q).filter((r) => r.match),
        q,
      ).toEqual([]);
    }
  });

  it("lets each query set its threshold and limit", () => {
    const q = "Huawei Tecnologies";
    const strict = screen(q, { threshold: 0.99 });
    expect(strict.some((r) => r.match)).toBe(false);
    expect(screen(q, { threshold: 0.5 }).some((r) => r.match)).toBe(true);
    expect(screen(q, { limit: 2 })).toHaveLength(2);
  });

  it("lowers the score when the query's country is not the entry's", () => {
    const cn = match(index, {
      schema: "Company",
      properties: { name: ["Huawei Technologies (Thailand) Co."], country: ["th"] },
    });
    const us = match(index, {
      schema: "Company",
      properties: { name: ["Huawei Technologies (Thailand) Co."], country: ["us"] },
    });
    expect(cn[0]?.features.country).toBe(1);
    expect(us[0]?.features.country_mismatch).toBe(1);
    expect(us[0]?.score ?? 1).toBeLessThan(cn[0]?.score ?? 0);
  });

  it("keeps people and companies apart by schema", () => {
    expect(screen("Example Person Wei", {}, "Person")[0]?.schema).toBe("Person");
    expect(screen("Example Person Wei", {}, "Company").some((r) => r.schema === "Person")).toBe(false);
    expect(schemaMatches(undefined, "Person")).toBe(true);
    expect(schemaMatches("Company", "LegalEntity")).toBe(true);
    expect(schemaMatches("Person", "Company")).toBe(false);
  });

  it("answers an empty query with nothing", () => {
    expect(match(index, { properties: {} })).toEqual([]);
    expect(match(index, { properties: { name: ["  "] } })).toEqual([]);
  });

  it("scores two forms without an index", () => {
    const [q] = nameForms("华为技术有限公司");
    const [c] = nameForms("Huawei Technologies Co., Ltd.");
    if (!q || !c) throw new Error("no forms");
    expect(scoreForms(q, c, () => 1).score).toBeCloseTo(0.95, 3);
  });

  it("links affiliates through a lexicon given at build time", () => {
    const lex: LexiconEntry[] = [
      { id: "t.parent", kind: "target", name: "Huaxia Shipping", aliases: ["华夏航运"], source: "test" },
      {
        id: "t.child",
        kind: "target",
        name: "Hualong Optics",
        aliases: [],
        parent: "t.parent",
        source: "test",
      },
    ];
    const idx = buildIndex(entries, { lexicon: lex });
    const r = match(idx, { schema: "Company", properties: { name: ["华夏航运"] } });
    expect(r[0]?.caption).toBe("Huaxia Shipping Co., Ltd.");
    expect(r.find((x) => x.caption === "Hualong Optics Co., Ltd.")?.via?.link).toBe("lexicon");
  });
});
