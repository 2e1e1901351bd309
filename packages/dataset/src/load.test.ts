import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  isDocumentSource,
  makeStatement,
  type Statement,
  type StatementInput,
  statementId,
  toEntities,
  validateStatement,
} from "@tiegraph/model";
import { describe, expect, it } from "vitest";
import { compileDataset, DatasetError, GAZETTEER_DOCUMENT, isDocumentSpec } from "./compile.js";
import type { DatasetInput, EntitySpec } from "./format.js";
import { loadDataset, readDataset } from "./load.js";

const data = loadDataset();
const input = readDataset();
const entities = toEntities(data.statements.map((s) => makeStatement(s, "2025-01-01T00:00:00Z")));
const byId = new Map(entities.map((e) => [e.id, e]));
const SEEDS = fileURLToPath(new URL("../../../../shared/seeds/", import.meta.url));

function entity(id: string) {
  const e = byId.get(id);
  if (!e) throw new Error(`no entity ${id}`);
  return e;
}
function values(id: string, prop: string): string[] {
  return entity(id).properties[prop] ?? [];
}
function ofSchema(schema: string) {
  return entities.filter((e) => e.schema === schema);
}
function withKeyword(keyword: string) {
  return entities.filter((e) => (e.properties.keywords ?? []).includes(keyword));
}

/** A minimal valid input to test the compiler's checks on. */
function tiny(entity: Partial<EntitySpec> & { properties: EntitySpec["properties"] }): DatasetInput {
  const gazetteerText =
    '{\n  "places": {\n    "vienna": {"name": "Vienna", "country": "at", "lat": 48.2, "lon": 16.4, "capital": true},\n    "graz": {"name": "Graz", "country": "at", "lat": 47.1, "lon": 15.4}\n  }\n}\n';
  return {
    manifest: { name: "tiegraph_demo", version: "0", title: "t", description: "d" },
    sources: { src: { url: "https://example.org/a", title: "A" } },
    gazetteer: JSON.parse(gazetteerText),
    gazetteerText,
    files: [
      { name: "t.json", data: { entities: [{ id: "acme", schema: "Company", source: "src", ...entity }] } },
    ],
  };
}
function problems(input: DatasetInput): string[] {
  try {
    compileDataset(input);
  } catch (e) {
    if (e instanceof DatasetError) return e.problems;
    throw e;
  }
  return [];
}

describe("loadDataset", () => {
  it("yields model statements of the demo data set, asserted by the project's analyst", () => {
    expect(data.name).toBe("tiegraph_demo");
    expect(data.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(data.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(data.statements.length).toBeGreaterThan(1000);
    for (const s of data.statements) {
      expect(validateStatement(s), `${s.entity_id}.${s.prop}`).toEqual([]);
      expect(s.dataset).toBe("tiegraph_demo");
      expect(s.asserted_by).toEqual({ kind: "analyst", name: "tiegraph" });
    }
  });

  it("is deterministic, and its hash follows the content", () => {
    const again = loadDataset();
    expect(again.hash).toBe(data.hash);
    expect(again.statements).toEqual(data.statements);
    const first = tiny({ properties: { name: "Acme" } });
    const second = tiny({ properties: { name: "Acme Ltd" } });
    expect(compileDataset(first).hash).not.toBe(compileDataset(second).hash);
  });

  it("gives every statement a source: a URL with a title or publisher, or a document span", () => {
    for (const s of data.statements) {
      if (isDocumentSource(s.source)) {
        expect(s.source.end).toBeGreaterThan(s.source.start);
        expect(s.source.document).toMatch(/^(seed:\d{3}_[0-9a-f]{16}\.txt|tiegraph:.+\.json)$/);
      } else {
        expect(URL.canParse(s.source.url), s.source.url).toBe(true);
        expect(s.source.title ?? s.source.publisher).toBeTruthy();
      }
    }
  });

  it("cites ASPI's map at its address and the official lists by row", () => {
    const urls = data.statements.flatMap((s) => (isDocumentSource(s.source) ? [] : [s.source]));
    const aspi = urls.filter((u) => u.url === "https://chinatechmap.aspi.org.au/");
    expect(aspi.length).toBeGreaterThan(100);
    expect(new Set(aspi.map((u) => u.title)).size).toBeGreaterThanOrEqual(12);
    const rows = urls.filter((u) => u.title?.includes(", row: "));
    expect(rows.length).toBeGreaterThan(40);
    expect(rows.some((u) => u.title?.includes("84 FR 22961"))).toBe(true);
  });
});

describe.skipIf(!existsSync(SEEDS))("seed citations", () => {
  it("point at spans of the seed articles that contain the cited words", () => {
    let checked = 0;
    for (const [key, spec] of Object.entries(input.sources)) {
      if (!isDocumentSpec(spec) || !spec.document.startsWith("seed:")) continue;
      const text = readFileSync(SEEDS + spec.document.slice("seed:".length), "utf8");
      expect(spec.end, key).toBeLessThanOrEqual(text.length);
      expect(text.slice(spec.start, spec.end), key).toContain(spec.words);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(30);
  });
});

describe("gazetteer citations", () => {
  it("point at the line of the place in the gazetteer file, with its coordinates", () => {
    const spans = data.statements.filter(
      (s) => isDocumentSource(s.source) && s.source.document === GAZETTEER_DOCUMENT && s.prop === "latitude",
    );
    expect(spans.length).toBeGreaterThan(30);
    for (const s of spans) {
      if (!isDocumentSource(s.source)) continue;
      const line = input.gazetteerText.slice(s.source.start, s.source.end);
      expect(line).toContain(`"lat": ${s.value}`);
      expect(line.endsWith("}")).toBe(true);
    }
  });
});

describe("content", () => {
  const MAPPED = [
    "huawei",
    "zte",
    "hikvision",
    "dahua",
    "bytedance",
    "tencent",
    "alibaba",
    "baidu",
    "iflytek",
    "sensetime",
    "megvii",
    "china-mobile",
  ];

  it("covers at least 12 of the mapped companies, each with names, a summary and a tie", () => {
    const mapped = ofSchema("Company").filter((e) =>
      (e.properties.keywords ?? []).includes("mapped-company"),
    );
    expect(mapped.length).toBeGreaterThanOrEqual(12);
    for (const id of MAPPED) {
      expect(values(id, "name").length, id).toBeGreaterThan(0);
      expect(values(id, "summary").length, id).toBeGreaterThan(0);
      const linked = data.statements.some((s) => s.value === id && s.entity_id !== id);
      expect(linked, id).toBe(true);
    }
  });

  it("records ownership and party-state ties", () => {
    const owned = new Set(ofSchema("Ownership").flatMap((e) => e.properties.asset ?? []));
    for (const id of ["huawei", "zte", "hikvision", "alibaba", "tencent", "iflytek", "china-mobile"]) {
      expect(owned.has(id), id).toBe(true);
    }
    const party = withKeyword("party-state").filter((e) => (e.properties.involved ?? []).includes("ccp"));
    const withCommittee = new Set(party.flatMap((e) => e.properties.involved ?? []));
    for (const id of ["huawei", "bytedance", "tencent", "alibaba", "baidu", "megvii", "sensetime", "dahua"]) {
      expect(withCommittee.has(id), id).toBe(true);
    }
    expect(values("zhou-daiqi-huawei", "role")).toEqual(["Party committee secretary"]);
  });

  it("has projects in at least 25 countries outside China, each with a category and coordinates in range", () => {
    const projects = ofSchema("Project");
    const countries = new Set<string>();
    for (const p of projects) {
      expect(p.properties.category?.length, p.id).toBe(1);
      expect(p.properties.contractor?.length, p.id).toBeGreaterThan(0);
      const lat = Number(p.properties.latitude?.[0]);
      const lon = Number(p.properties.longitude?.[0]);
      expect(lat, p.id).toBeGreaterThanOrEqual(-90);
      expect(lat, p.id).toBeLessThanOrEqual(90);
      expect(lon, p.id).toBeGreaterThanOrEqual(-180);
      expect(lon, p.id).toBeLessThanOrEqual(180);
      for (const c of p.properties.country ?? []) if (c !== "cn") countries.add(c);
    }
    expect(countries.size).toBeGreaterThanOrEqual(25);
    const nairobi = entity("huawei-nairobi-safe-city");
    expect(nairobi.properties.client).toContain("kenya-nps");
    expect(nairobi.properties.city).toContain("Nairobi");
    expect(Number(nairobi.properties.latitude?.[0])).toBeCloseTo(-1.29, 1);
  });

  it("places a project whose source names only the country at the capital, and says so", () => {
    const zimbabwe = entity("cloudwalk-zimbabwe-face-database");
    expect(zimbabwe.properties.city).toBeUndefined();
    expect(zimbabwe.properties.notes?.[0]).toContain("Harare, the capital");
  });

  it("dates the Entity List designations of May and August 2019 with their counts", () => {
    const may = entity("event-el-2019-05");
    expect(may.properties.date).toEqual(["2019-05-16"]);
    expect(may.properties.involved).toEqual(["huawei"]);
    expect(may.properties.summary?.some((s) => s.includes("68"))).toBe(true);
    const august = entity("event-el-2019-08");
    expect(august.properties.date).toEqual(["2019-08-19"]);
    expect(august.properties.summary?.some((s) => s.includes("46"))).toBe(true);
    const october = entity("event-el-2019-10");
    expect(october.properties.date).toEqual(["2019-10-09"]);
    for (const id of ["hikvision", "dahua", "iflytek", "megvii", "sensetime"]) {
      expect(october.properties.involved, id).toContain(id);
    }
  });

  it("records the official listings as confirmed sanctions: Entity List, 1260H, FCC, section 889", () => {
    const sanctions = ofSchema("Sanction");
    const programs = (id: string) =>
      sanctions.filter((s) => s.properties.entity?.includes(id)).flatMap((s) => s.properties.program ?? []);
    expect(programs("huawei").length).toBeGreaterThanOrEqual(5);
    expect(programs("huawei").some((p) => p.startsWith("Entity List"))).toBe(true);
    expect(programs("huawei").some((p) => p.startsWith("Section 1260H"))).toBe(true);
    expect(programs("zte").some((p) => p.startsWith("Covered List"))).toBe(true);
    expect(programs("dahua").some((p) => p.startsWith("Section 889"))).toBe(true);
    const el = data.statements.filter((s) => s.entity_id === "el-huawei" && s.prop === "startDate");
    expect(el.map((s) => [s.value, s.stance])).toEqual([["2019-05-21", "confirmed"]]);
    const ban = entity("event-au-5g-ban-2018");
    expect(ban.properties.category).toEqual(["ban"]);
    expect(ban.properties.date).toContain("2018-08-23");
    expect(ban.properties.involved).toEqual(["huawei", "zte"]);
  });

  it("dates Huawei's and ByteDance's Xinjiang timeline", () => {
    expect(values("huawei-karamay-police-cloud", "startDate")).toEqual(["2011"]);
    expect(values("huawei-karamay-police-cloud", "client")).toEqual(["karamay-police"]);
    expect(values("huawei-xj-psd-lab", "startDate")).toEqual(["2018"]);
    expect(values("huawei-xj-psd-lab", "city")).toEqual(["Urumqi"]);
    expect(values("huawei-xjbtn-2019", "date")).toEqual(["2019-05"]);
    expect(values("bytedance-mps-2019", "date")).toEqual(["2019-04"]);
    expect(values("bytedance-mps-2019", "involved")).toEqual(["bytedance", "mps"]);
    const huawei = withKeyword("xinjiang").filter((e) =>
      [...(e.properties.involved ?? []), ...(e.properties.contractor ?? [])].includes("huawei"),
    );
    const dated = huawei.filter((e) => e.properties.date ?? e.properties.startDate);
    expect(dated.length).toBeGreaterThanOrEqual(6);
  });

  it("records Huawei's five analysis centres in Russia", () => {
    const centres = entity("huawei-russia-analysis-centres");
    expect(centres.properties.country).toEqual(["ru"]);
    expect(centres.properties.description?.[0]).toContain("five");
  });

  it("records the press inquiry about Russia: nine contacted, who was named and who answered", () => {
    const inquiry = entity("cnbc-russia-inquiry-2022");
    expect(inquiry.properties.summary?.every((s) => s.includes("nine"))).toBe(true);
    const named = inquiry.properties.involved ?? [];
    expect(named).toEqual(["huawei", "xiaomi", "alibaba", "honor", "oppo", "realme", "baidu"]);
    expect(inquiry.properties.description?.[0]).toContain("seven of the nine");
    const responses = withKeyword("russia").filter((e) => e.id.startsWith("cnbc-russia-response-"));
    expect(responses.map((e) => e.properties.involved?.[0]).sort()).toEqual([...named].sort());
    const answered = responses.filter((e) => e.properties.keywords?.includes("inquiry:answered"));
    expect(answered.map((e) => e.properties.involved?.[0])).toEqual(["realme"]);
  });

  it("links every denial to an existing claim it answers, and shows it beside the claim", () => {
    const ids = new Map<string, StatementInput>(data.statements.map((s) => [statementId(s), s]));
    const denials = data.statements.filter((s) => s.stance === "denied");
    expect(denials.length).toBeGreaterThanOrEqual(10);
    for (const d of denials) {
      expect(d.answers, `${d.entity_id}.${d.prop}`).toBeDefined();
      const claim = ids.get(d.answers ?? "");
      expect(claim, `${d.entity_id} answers ${d.answers}`).toBeDefined();
      expect(claim?.stance).not.toBe("denied");
    }
    const answered = new Set(denials.map((d) => ids.get(d.answers ?? "")?.entity_id));
    for (const id of [
      "huawei-xinjiang-direct",
      "claim-huawei-backdoors",
      "claim-tencent-mss",
      "huawei-megvii-uyghur-alarm",
    ]) {
      expect(answered.has(id), id).toBe(true);
    }
    // A denial is kept among the statements but not shown as a plain property value.
    const thirdParties = entity("denial-huawei-third-parties");
    expect(thirdParties.properties.summary).toBeUndefined();
    expect(thirdParties.statements.some((s: Statement) => s.stance === "denied")).toBe(true);
  });
});

describe("compileDataset checks", () => {
  it("accepts a well-formed entity and places it", () => {
    const out = compileDataset(
      tiny({ place: "vienna", schema: "Project", properties: { name: "X", city: "Vienna" } }),
    );
    const props = out.statements.map((s) => [s.prop, s.value]);
    expect(props).toContainEqual(["latitude", "48.2"]);
    expect(props).toContainEqual(["city", "Vienna"]);
  });

  it("rejects unknown sources, properties, schemata and stances", () => {
    expect(problems(tiny({ properties: { name: { value: "A", source: "nope" } } }))).toEqual([
      "t.json: acme.name: unknown source nope",
    ]);
    const unused = tiny({ properties: { name: "A" } });
    unused.sources.spare = { url: "https://example.org/b", publisher: "B" };
    expect(problems(unused)).toEqual(["sources.json: spare is never cited"]);
    expect(problems(tiny({ properties: { colour: "red" } }))).toEqual([
      "t.json: acme: no property colour in Company",
    ]);
    expect(problems(tiny({ schema: "Gadget", properties: {} }))).toContain(
      "t.json: acme: no such schema Gadget",
    );
    const bad = problems(tiny({ properties: { name: { value: "A", stance: "rumoured" as "reported" } } }));
    expect(bad.some((p) => p.includes("unknown stance rumoured"))).toBe(true);
  });

  it("rejects values the model refuses: bad dates, countries, coordinates", () => {
    const bad = problems(tiny({ properties: { incorporationDate: "May 2019", country: "China" } }));
    expect(bad).toHaveLength(2);
    expect(bad[0]).toContain("not an ISO 8601 date");
    expect(bad[1]).toContain("not a lower-case country code");
  });

  it("rejects dangling references, missing relationship ends and duplicate ids", () => {
    const input = tiny({ schema: "Ownership", properties: { owner: "ghost" } });
    expect(problems(input)).toEqual(
      ["t.json: acme.owner: no entity ghost", "t.json: acme: Ownership needs asset"].reverse(),
    );
    const twice = tiny({ properties: { name: "A" } });
    twice.files.push({
      name: "u.json",
      data: { entities: [{ id: "acme", schema: "Company", source: "src", properties: {} }] },
    });
    expect(problems(twice)).toContain("u.json: acme: duplicate entity id");
  });

  it("rejects a denial without a claim, and an answer to an unknown claim", () => {
    expect(problems(tiny({ properties: { notes: { value: "No.", stance: "denied" } } }))).toEqual([
      "t.json: acme.notes: a denial must answer a claim (answers)",
    ]);
    expect(
      problems(tiny({ properties: { notes: { value: "No.", stance: "denied", answers: "claim.x" } } })),
    ).toEqual(["t.json: acme.notes: answers unknown statement key claim.x"]);
  });

  it("links an answer to the id of the claim's statement", () => {
    const out = compileDataset(
      tiny({
        properties: {
          notes: [
            { value: "It spies.", stance: "alleged", key: "claim.spies" },
            { value: "It does not.", stance: "denied", answers: "claim.spies" },
          ],
        },
      }),
    );
    const [claim, denial] = out.statements.filter((s) => s.prop === "notes");
    expect(claim && denial?.answers).toBe(claim ? statementId(claim) : "");
  });

  it("rejects places missing from the gazetteer, and a non-capital place without a cited city", () => {
    expect(problems(tiny({ schema: "Project", place: "atlantis", properties: { name: "X" } }))).toEqual([
      "t.json: acme: place atlantis is not in the gazetteer",
    ]);
    expect(problems(tiny({ schema: "Project", place: "graz", properties: { name: "X" } }))).toEqual([
      "t.json: acme: without a cited city, a place must be a capital",
    ]);
    const capital = compileDataset(tiny({ schema: "Project", place: "vienna", properties: { name: "X" } }));
    expect(capital.statements.find((s) => s.prop === "notes")?.value).toContain("Vienna, the capital");
  });
});
