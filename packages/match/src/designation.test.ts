import type { Hit } from "@tiegraph/core";
import { loadLexicon } from "@tiegraph/lexicons";
import { makeStatement } from "@tiegraph/model";
import { describe, expect, it } from "vitest";
import { parseCsl } from "./csl.js";
import {
  DESIGNATIONS_DATASET,
  designationId,
  designationStatements,
  hitEmployers,
  resultEntries,
  screenSubjects,
  subjectNames,
} from "./designation.js";
import { buildIndex } from "./matcher.js";

/**
 * Bulk screening on a small list written here: Huawei and two of its listed affiliates as the Entity
 * List names them (public), one of them without "Huawei" in its name, and a made-up unrelated company.
 */
const EL = "Entity List (EL) - Bureau of Industry and Security";
const rows: [string, string, string, string][] = [
  [
    "h1",
    "Huawei Technologies Co., Ltd. (Huawei)",
    "Bantian, Longgang District, Shenzhen, 518129, CN",
    "2019-05-21",
  ],
  [
    "h2",
    "HiSilicon Technologies Co., Ltd (HiSilicon), Bantian Longgang District",
    "Shenzhen, 518129, CN",
    "2019-05-21",
  ],
  [
    "h3",
    "Huawei Technologies Co., Ltd. (Huawei).  Affiliated Entity:  Shenzhen Smartcom Business Co., Ltd.",
    "Shenzhen, CN",
    "2019-08-21",
  ],
  ["x1", "Example Rocket Works Ltd.", "Springfield, US", "2020-06-05"],
];
const csv = [
  "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,remarks,source_list_url,alt_names",
  ...rows.map(([id, name, addr, date]) =>
    [
      id,
      EL,
      "",
      "",
      "",
      `"${name}"`,
      "",
      `"${addr}"`,
      "84 FR 22961",
      date,
      "",
      "",
      "https://example.org/el",
      "",
    ].join(","),
  ),
].join("\n");
const { entries } = parseCsl(new TextEncoder().encode(csv), { file: "el.csv" });
const index = buildIndex(entries, { lexicon: loadLexicon().entries });
const captionOf = (id: string) => entries.find((e) => e.id === id)?.caption ?? id;

const graph = [
  {
    id: "huawei",
    names: ["华为技术有限公司", "Huawei Technologies Co., Ltd."],
    aliases: ["Huawei"],
    countries: ["cn"],
  },
  { id: "hisilicon", names: ["海思半导体有限公司"] },
  { id: "haier", names: ["海尔集团"], countries: ["cn"] },
  { id: "hxb", names: ["华夏银行"], countries: ["cn"] },
];

describe("screenSubjects", () => {
  const found = screenSubjects(index, graph, { threshold: 0.7, limit: 50 });
  const byId = new Map(found.map((f) => [f.subject.id, f.results]));

  it("finds the listed companies, in Han script or Latin, and no unrelated one", () => {
    expect([...byId.keys()].sort()).toEqual(["hisilicon", "huawei"]);
    expect(captionOf(byId.get("huawei")![0]!.id)).toMatch(/^Huawei Technologies/);
    expect(captionOf(byId.get("hisilicon")![0]!.id)).toMatch(/^HiSilicon/);
    for (const r of found.flatMap((f) => f.results)) {
      expect(r.match).toBe(true);
      expect(r.score).toBeGreaterThanOrEqual(0.7);
      expect(captionOf(r.id)).not.toMatch(/Rocket/);
    }
  });

  it("finds a parent's listed affiliate without its name through the list's link", () => {
    const smartcom = byId.get("huawei")!.find((r) => /Smartcom/.test(r.caption));
    expect(smartcom?.via?.link).toBe("list");
    const { entry, parent } = resultEntries(index, smartcom!);
    expect(entry?.caption).toMatch(/Smartcom/);
    expect(parent?.caption).toMatch(/^Huawei Technologies/);
  });

  it("keeps results above a higher threshold only, and leaves out subjects without names", () => {
    const strict = screenSubjects(index, [...graph, { id: "empty", names: [" "] }], {
      threshold: 0.99,
      limit: 50,
    });
    for (const r of strict.flatMap((f) => f.results)) expect(r.score).toBeGreaterThanOrEqual(0.99);
    expect(strict.some((f) => f.subject.id === "empty")).toBe(false);
    expect(subjectNames({ id: "x", names: ["A", "A", " "], aliases: ["B", "A"] })).toBe(2);
  });
});

describe("designationStatements", () => {
  const [huawei] = screenSubjects(index, [graph[0]!], { threshold: 0.7, limit: 50 });
  const direct = huawei!.results[0]!;
  const affiliate = huawei!.results.find((r) => r.via && /Smartcom/.test(r.caption))!;
  const byLexicon = huawei!.results.find((r) => r.via?.link === "lexicon" && /HiSilicon/.test(r.caption));
  const subject = { id: "huawei", caption: "Huawei Technologies Co., Ltd." };
  const statementsOf = (r: typeof direct) => {
    const { entry, parent } = resultEntries(index, r);
    return designationStatements(subject, r, entry!, { threshold: 0.7, ...(parent ? { parent } : {}) }).map(
      (s) => makeStatement(s, "2026-01-01T00:00:00Z"),
    );
  };
  const values = (list: ReturnType<typeof statementsOf>, prop: string) =>
    list.filter((s) => s.prop === prop).map((s) => s.value);

  it("makes a dated designation Event involving the entity and the list entry, citing the entry", () => {
    const list = statementsOf(direct);
    const entry = resultEntries(index, direct).entry!;
    expect(new Set(list.map((s) => s.entity_id))).toEqual(new Set([designationId("huawei", entry)]));
    for (const s of list) {
      expect(s).toMatchObject({ schema: "Event", dataset: DESIGNATIONS_DATASET, stance: "reported" });
      expect(s.asserted_by).toEqual({ kind: "extractor", name: "tiegraph match" });
      expect(s.source).toMatchObject({ url: "https://example.org/el", publisher: EL });
      expect((s.source as { title: string }).title).toContain(entry.id);
    }
    expect(values(list, "category")).toEqual(["designation"]);
    expect(values(list, "date")).toEqual(["2019-05-21"]);
    expect(values(list, "involved")).toEqual(["huawei", entry.id]);
    expect(values(list, "name")[0]).toBe(`${EL}: ${entry.caption}`);
    const [description] = values(list, "description");
    expect(description).toContain(`scored ${direct.score.toFixed(3)}`);
    expect(description).toMatch(/features: \w+=\d\.\d\d/);
    expect(JSON.parse(values(list, "$match")[0]!)).toMatchObject({
      entity: "huawei",
      entry: entry.id,
      score: direct.score,
    });
  });

  it("says through which parent a listed affiliate was found", () => {
    const list = statementsOf(affiliate);
    expect(values(list, "keywords")).toContain("listed-affiliate");
    expect(values(list, "summary")[0]).toMatch(/Smartcom.* listed as an affiliate of Huawei Technologies/);
    expect(values(list, "date")).toEqual(["2019-08-21"]);
    expect(values(statementsOf(byLexicon!), "summary")[0]).toMatch(
      /HiSilicon.* an affiliate, by tiegraph's lexicon, of Huawei Technologies/,
    );
  });

  it("gives the same statements for the same match, and another Event for another entity", () => {
    expect(statementsOf(direct).map((s) => s.id)).toEqual(statementsOf(direct).map((s) => s.id));
    const entry = resultEntries(index, direct).entry!;
    expect(designationId("huawei", entry)).not.toBe(designationId("huawei-holding", entry));
    expect(designationId("huawei", entry)).not.toBe(designationId("huawei", { ...entry, dataset: "other" }));
  });
});

describe("hitEmployers", () => {
  const hit = (id: string, employer: string | null, entity: string | null, ties: [string, string][]): Hit =>
    ({
      id,
      source: { file: "r.jsonl", line: 1 },
      target: { status: employer ? "former" : null, entity, employer, evidence: [] },
      ties: ties.map(([org, e]) => ({ org, entity: e })),
      activities: [],
      national_security: ties.length > 0,
      score: 1,
      reasons: [],
    }) as unknown as Hit;

  it("deduplicates employers across scripts and roles, with the lexicon entries and hits that name them", () => {
    const employers = hitEmployers([
      hit("r1", "华为技术有限公司", "target.huawei.technologies", [["国防科技大学", "edu.nudt"]]),
      hit("r2", "華為技術有限公司 ", "target.huawei.technologies", []),
      hit("r3", null, null, [
        ["国防科技大学", "edu.nudt"],
        ["中国人民解放军国防科技大学", "edu.nudt"],
      ]),
    ]);
    expect(employers.map((e) => [e.name, e.written.length, e.entities, e.roles, e.hits])).toEqual([
      ["华为技术有限公司", 2, ["target.huawei.technologies"], ["target"], ["r1", "r2"]],
      ["国防科技大学", 1, ["edu.nudt"], ["tie"], ["r1", "r3"]],
      ["中国人民解放军国防科技大学", 1, ["edu.nudt"], ["tie"], ["r3"]],
    ]);
  });
});
