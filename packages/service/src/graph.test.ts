import { entityStatements } from "@tiegraph/model";
import { openStore, type Store } from "@tiegraph/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "./demo.js";
import { companies, searchEntities } from "./directory.js";
import { entityDetail, evidence } from "./evidence.js";
import { type Graph, GraphCache, loadGraph } from "./graph.js";
import { projectFeatures } from "./map.js";
import { network } from "./network.js";
import { companyProfile, graphNeighbours } from "./profile.js";
import { timeline } from "./timeline.js";
import type { Claim } from "./types.js";

/** The views of the evidence graph, on the demo data set in an in-memory store. */

let store: Store;
let graph: Graph;

beforeAll(async () => {
  store = await openStore("memory:");
  await loadDemo(store);
  graph = await loadGraph(store);
}, 120_000);

afterAll(async () => {
  await store?.close();
});

const everyClaim = (claims: Claim[]): Claim[] => claims.flatMap((c) => [c, ...everyClaim(c.denials)]);

describe("company profile", () => {
  it("gives Huawei's May 2019 Entity List designation, its ownership, state ties, projects and people", () => {
    const p = companyProfile(graph, "huawei");
    expect(p.entity.caption).toMatch(/Huawei/);
    const el = p.designations.find((d) => d.date === "2019-05-16" && /Entity List/.test(d.entity.caption));
    expect(el, JSON.stringify(p.designations.map((d) => [d.date, d.entity.caption]))).toBeDefined();
    expect(el!.claims.length).toBeGreaterThan(0);
    expect(p.ownership.some((l) => l.entity.id === "huawei-holding" && l.direction === "in")).toBe(true);
    expect(p.ties.some((l) => l.entity.id === "ccp")).toBe(true);
    expect(p.ties.some((l) => l.entity.id === "karamay-police" && l.via?.schema === "Project")).toBe(true);
    expect(p.projects.some((i) => i.entity.id === "huawei-nairobi-safe-city")).toBe(true);
    expect(p.people.some((l) => l.entity.id === "ren-zhengfei")).toBe(true);
    // A company's profile holds nothing of another company's.
    expect(
      p.projects.every((i) => !(i.entity.properties.contractor ?? ["huawei"]).every((c) => c !== "huawei")),
    ).toBe(true);
  });

  it("puts Huawei's denials beside the claims they answer, never on their own", () => {
    const p = companyProfile(graph, "huawei");
    const claims = p.allegations.flatMap((a) => a.claims);
    const answered = claims.filter((c) => c.denials.length > 0);
    expect(answered.length).toBeGreaterThan(0);
    for (const c of answered) {
      expect(c.stance).not.toBe("denied");
      for (const d of c.denials) {
        expect(d.stance).toBe("denied");
        expect(d.answers).toBe(c.id);
      }
    }
    const conduit = answered.find((c) => /conduit|channel/i.test(c.value));
    expect(conduit?.denials.some((d) => /conduit/.test(d.value))).toBe(true);
    // No denial appears as a claim of its own anywhere in the profile.
    const top = [
      ...p.overview,
      ...p.allegations.flatMap((a) => a.claims),
      ...p.timeline.flatMap((t) => t.claims),
    ];
    expect(top.filter((c) => c.stance === "denied" && c.answers !== undefined)).toEqual([]);
  });

  it("has a timeline sorted by date in which every item has a source", () => {
    const p = companyProfile(graph, "huawei");
    expect(p.timeline.length).toBeGreaterThan(10);
    const dates = p.timeline.map((t) => t.date);
    expect(dates).toEqual([...dates].sort());
    for (const t of p.timeline) expect(t.claims.length).toBeGreaterThan(0);
  });

  it("throws No such entity for an unknown id", () => {
    expect(() => companyProfile(graph, "no-such-company")).toThrow(/No such entity: no-such-company/);
  });
});

describe("companies", () => {
  it("lists the mapped companies with their designations, and not the state bodies or every entity", () => {
    const list = companies(graph);
    const ids = list.map((c) => c.id);
    for (const id of ["huawei", "zte", "hikvision", "bytedance"]) expect(ids).toContain(id);
    expect(ids).not.toContain("pla");
    expect(ids).not.toContain("ccp");
    const huawei = list.find((c) => c.id === "huawei")!;
    expect(huawei.names.some((n) => n.startsWith("华为"))).toBe(true);
    expect(huawei.designations.some((d) => d.date === "2019-05-16")).toBe(true);
    expect(huawei.projects).toBeGreaterThan(5);
    expect(huawei.ties).toBeGreaterThan(3);
  });
});

describe("timelines by region", () => {
  it("gives the Xinjiang timeline sorted by date, every item with a source, Karamay 2011 first of Huawei's", () => {
    const items = timeline(graph, { region: "xinjiang" });
    expect(items.length).toBeGreaterThan(10);
    const dates = items.map((t) => t.date);
    expect(dates).toEqual([...dates].sort());
    for (const t of items) {
      expect(t.claims.length).toBeGreaterThan(0);
      for (const c of t.claims)
        expect(c.source.kind === "url" ? c.source.url : c.source.document).toBeTruthy();
    }
    const huawei = timeline(graph, { company: "huawei", region: "xinjiang" });
    expect(huawei[0]?.entity.id).toBe("huawei-karamay-police-cloud");
    expect(huawei.every((t) => JSON.stringify(t.entity.properties).includes("huawei"))).toBe(true);
  });

  it("gives Huawei and Russia, and a country code selects projects there", () => {
    const items = timeline(graph, { company: "huawei", region: "russia" });
    expect(items.length).toBeGreaterThan(2);
    const kenya = timeline(graph, { region: "ke" });
    expect(kenya.some((t) => t.entity.id === "huawei-nairobi-safe-city")).toBe(true);
    expect(kenya.every((t) => t.entity.properties.country?.includes("ke"))).toBe(true);
    expect(timeline(graph, { region: "atlantis" })).toEqual([]);
  });
});

describe("network", () => {
  it("around Huawei holds its projects and state clients, and edges only between its nodes", () => {
    const n = network(graph, { focus: "huawei", depth: 1 });
    const ids = new Set(n.nodes.map((x) => x.id));
    expect(ids.has("huawei-nairobi-safe-city")).toBe(true);
    expect(n.nodes.find((x) => x.id === "huawei-nairobi-safe-city")?.group).toBe("project");
    expect(n.nodes.find((x) => x.id === "huawei")?.group).toBe("company");
    // The project's state client comes with it; a client's other contractors do not.
    expect(n.nodes.find((x) => x.id === "kenya-nps")?.group).toBe("state");
    expect(n.nodes.find((x) => x.id === "ccp")?.group).toBe("state");
    expect(ids.has("zte")).toBe(false);
    const two = network(graph, { focus: "huawei", depth: 2 });
    expect(two.nodes.length).toBeGreaterThan(n.nodes.length);
    for (const e of two.edges) {
      expect(two.nodes.some((x) => x.id === e.source)).toBe(true);
      expect(two.nodes.some((x) => x.id === e.target)).toBe(true);
    }
    const only = network(graph, { focus: "huawei", depth: 2, schemata: ["PublicBody"] });
    expect(only.nodes.every((x) => x.id === "huawei" || x.schema === "PublicBody")).toBe(true);
    expect(() => network(graph, { focus: "nobody" })).toThrow(/No such entity/);
  });

  it("without a focus, holds the companies and what they link to", () => {
    const n = network(graph);
    const groups = new Set(n.nodes.map((x) => x.group));
    for (const g of ["company", "state", "project", "person"]) expect(groups.has(g as never)).toBe(true);
  });
});

describe("entities, evidence, search and map", () => {
  it("opens a claim's source: the document text for a span, the citation for a page", async () => {
    const p = companyProfile(graph, "huawei");
    const all = p.timeline.flatMap((t) => everyClaim(t.claims));
    const span = all.find((c) => c.source.kind === "document");
    expect(span).toBeDefined();
    const ev = await evidence(store, graph, span!.id);
    expect(ev.document?.text.length).toBeGreaterThan(0);
    if (span!.source.kind === "document") {
      expect(span!.source.end).toBeLessThanOrEqual(ev.document!.text.length);
    }
    const page = all.find((c) => c.source.kind === "url")!;
    const ev2 = await evidence(store, graph, page.id);
    expect(ev2.document).toBeUndefined();
    expect(ev2.claim.source).toMatchObject({ kind: "url" });
    await expect(evidence(store, graph, "0".repeat(40))).rejects.toThrow(/No such statement/);
  });

  it("shows an entity with its claims and neighbours, and refuses an unknown one", async () => {
    const d = await entityDetail(store, graph, "huawei-nairobi-safe-city");
    expect(d.claims.find((c) => c.prop === "client" && c.value === "kenya-nps")?.ref?.caption).toMatch(
      /Kenya/,
    );
    const links = graphNeighbours(graph, "huawei-nairobi-safe-city");
    expect(links.some((l) => l.entity.id === "huawei" && l.direction === "out")).toBe(true);
    await expect(entityDetail(store, graph, "nobody")).rejects.toThrow(/No such entity: nobody/);
  });

  it("finds entities by Chinese and English names", () => {
    expect(searchEntities(graph, "华为")[0]?.id).toBe("huawei");
    expect(searchEntities(graph, "huawei").map((e) => e.id)).toContain("huawei");
    expect(searchEntities(graph, "public security").some((e) => e.id === "mps")).toBe(true);
    expect(searchEntities(graph, "zzzz")).toEqual([]);
  });

  it("puts the projects on the map, each with coordinates and sources, and filters them", () => {
    const all = projectFeatures(graph);
    expect(all.features.length).toBeGreaterThan(25);
    for (const f of all.features) {
      expect(f.properties.sources.length).toBeGreaterThan(0);
      expect(Math.abs(f.geometry.coordinates[1])).toBeLessThanOrEqual(90);
    }
    const kenya = projectFeatures(graph, { country: "ke" });
    expect(kenya.features.map((f) => f.properties.id)).toContain("huawei-nairobi-safe-city");
    expect(kenya.features.every((f) => f.properties.country === "ke")).toBe(true);
    const huawei = projectFeatures(graph, { company: "huawei" });
    expect(huawei.features.every((f) => f.properties.company === "huawei")).toBe(true);
    expect(huawei.features.length).toBeLessThan(all.features.length);
    const y2015 = projectFeatures(graph, { year: 2015 });
    expect(y2015.features.every((f) => f.properties.year === 2015)).toBe(true);
  });
});

describe("graph cache", () => {
  it("reads the graph again when a dataset grows", async () => {
    const cache = new GraphCache(store);
    const a = await cache.get();
    expect(await cache.get()).toBe(a);
    expect(a.entities.has("test-cache-company")).toBe(false);
    await store.putStatements(
      entityStatements(
        "Company",
        "test-cache-company",
        { name: "Cache Test Ltd" },
        {
          dataset: "test_cache",
          source: { url: "https://example.org/cache" },
          asserted_by: { kind: "analyst", name: "test" },
          stance: "reported",
        },
      ),
    );
    const b = await cache.get();
    expect(b).not.toBe(a);
    expect(b.entities.get("test-cache-company")?.caption).toBe("Cache Test Ltd");
  });
});
