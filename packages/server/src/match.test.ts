import { LIST_ENTRY_PROP, parseCsl } from "@tiegraph/match";
import { makeStatement } from "@tiegraph/model";
import { openStore, type Store } from "@tiegraph/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app.js";
import type { ErrorBody } from "./http.js";
import type { MatchResponse } from "./match.js";
import type { EntityDetail, StatementEvidence } from "./types.js";

/** `POST /match/:dataset` over a small Consolidated Screening List imported into the store. */

const EL = "Entity List (EL) - Bureau of Industry and Security";
const rows: [string, string, string, string][] = [
  [
    "h1",
    "Huawei Technologies Co., Ltd. (Huawei)",
    "Bantian, Longgang District, Shenzhen, CN",
    "华为技术有限公司",
  ],
  ["h2", "HiSilicon Technologies Co., Ltd (HiSilicon)", "Bantian, Longgang District, Shenzhen, CN", ""],
  ["n1", "Haier Trading Ltd.", "Qingdao, CN", ""],
];
const csv = [
  "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,remarks,alt_names",
  ...rows.map(([id, name, addr, alt]) =>
    [id, EL, "", "", "", `"${name}"`, "", `"${addr}"`, "84 FR 22961", "2019-05-21", "", "", `"${alt}"`].join(
      ",",
    ),
  ),
].join("\n");

let store: Store;
let app: ReturnType<typeof createApp>;

async function importList(s: Store, dataset: string): Promise<void> {
  const { entries } = parseCsl(csv, { dataset, file: "csl.csv" });
  const common = {
    dataset,
    source: { url: "https://example.org/csl.csv", title: "test list" },
    asserted_by: { kind: "importer" as const, name: "csl" },
    stance: "confirmed" as const,
  };
  await s.putStatements(
    entries.flatMap((e) => [
      makeStatement({ ...common, entity_id: e.id, schema: e.schema, prop: "name", value: e.names[0]! }),
      makeStatement({
        ...common,
        entity_id: e.id,
        schema: e.schema,
        prop: LIST_ENTRY_PROP,
        value: JSON.stringify(e),
      }),
    ]),
  );
}

beforeAll(async () => {
  store = await openStore("memory:");
  await importList(store, "test_csl");
  app = createApp({ store, user: { user: "ana", role: "viewer" } });
}, 120_000);

afterAll(async () => {
  await store?.close();
});

const post = (path: string, body: unknown) =>
  app.request(path, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "Content-Type": "application/json" },
  });

describe("POST /match/:dataset", () => {
  it("finds Huawei for 华为技术有限公司 and HiSilicon for HiSilicon, graded, with features, in yente's shape", async () => {
    const res = await post("/match/test_csl", {
      queries: {
        q1: { schema: "Company", properties: { name: ["华为技术有限公司"], country: ["cn"] } },
        q2: { schema: "Company", properties: { name: "HiSilicon" } },
        q3: { schema: "Company", properties: { name: ["Acme Plumbing Supplies"] } },
      },
    });
    expect(res.status).toBe(200);
    const { responses } = (await res.json()) as MatchResponse;
    const q1 = responses.q1!;
    expect(q1.status).toBe(200);
    expect(q1.results[0]).toMatchObject({
      caption: expect.stringMatching(/^Huawei Technologies/),
      match: true,
    });
    expect(Object.keys(q1.results[0]!)).toEqual(
      expect.arrayContaining([
        "id",
        "caption",
        "schema",
        "properties",
        "datasets",
        "score",
        "match",
        "features",
      ]),
    );
    expect(q1.results[0]!.datasets).toEqual(["test_csl"]);
    expect(q1.total.value).toBe(q1.results.length);
    const scores = q1.results.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(responses.q2!.results[0]).toMatchObject({
      caption: expect.stringMatching(/^HiSilicon/),
      match: true,
    });
    expect(responses.q3!.results.filter((r) => r.match)).toEqual([]);
    expect(q1.results.some((r) => /Haier/.test(r.caption) && r.match)).toBe(false);
  });

  it("answers for all lists under `default`, takes a threshold, and 404s an unknown list", async () => {
    const all = await post("/match/default?threshold=0.99&limit=1", {
      queries: { q: { properties: { name: ["HiSilicon Technologies"] } } },
    });
    expect(all.status).toBe(200);
    const r = ((await all.json()) as MatchResponse).responses.q!;
    expect(r.results.length).toBeLessThanOrEqual(1);
    const unknown = await post("/match/no_such_list", { queries: { q: { properties: { name: ["x"] } } } });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as ErrorBody).error.message).toMatch(/No such dataset: no_such_list/);
  });

  it("rejects a malformed request naming the field", async () => {
    const res = await post("/match/default", { queries: { q: { properties: { name: [1] } } } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.issues?.[0]?.path).toMatch(/^body\.queries\.q\.properties\.name/);
    const bad = await post("/match/default?threshold=2", { queries: {} });
    expect(((await bad.json()) as ErrorBody).error.issues?.map((i) => i.path)).toEqual(["query.threshold"]);
    const notJson = await app.request("/match/default", {
      method: "POST",
      body: "{",
      headers: { "Content-Type": "application/json" },
    });
    expect(notJson.status).toBe(400);
  });

  it("shows a list entry and the source of its claims, found through the entity", async () => {
    const { entries } = parseCsl(csv, { dataset: "test_csl", file: "csl.csv" });
    const id = entries.find((e) => /HiSilicon/.test(e.names[0] ?? ""))!.id;
    const entity = await app.request(`/api/entities/${encodeURIComponent(id)}`);
    expect(entity.status).toBe(200);
    const { claims } = (await entity.json()) as EntityDetail;
    const name = claims.find((c) => c.prop === "name")!;
    expect(claims.some((c) => c.prop.startsWith("$"))).toBe(false);
    expect((await app.request(`/api/statements/${name.id}`)).status).toBe(404);
    const ev = await app.request(`/api/statements/${name.id}?entity=${encodeURIComponent(id)}`);
    expect(ev.status).toBe(200);
    expect(((await ev.json()) as StatementEvidence).claim.source).toMatchObject({
      kind: "url",
      title: "test list",
    });
  });

  it("builds the index again when a list changes", async () => {
    const before = (await (
      await post("/match/default", { queries: { q: { properties: { name: ["Haier Trading"] } } } })
    ).json()) as MatchResponse;
    expect(before.responses.q!.results[0]?.datasets).toEqual(["test_csl"]);
    await importList(store, "test_csl_2");
    const after = (await (
      await post("/match/default", { queries: { q: { properties: { name: ["Haier Trading"] } } } })
    ).json()) as MatchResponse;
    expect(after.responses.q!.results.flatMap((x) => x.datasets)).toContain("test_csl_2");
    expect((await post("/match/test_csl_2", { queries: {} })).status).toBe(200);
  });
});
