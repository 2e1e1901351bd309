import { describe, expect, it } from "vitest";
import { staticFile, staticUrl } from "../src/api.js";
import { cluster } from "../src/cluster.js";
import { filterHits, filterProjects } from "../src/filters.js";
import { zoomAt } from "../src/panzoom.js";
import { href, parseHash } from "../src/router.js";
import type { HitRow, ProjectFeature } from "../src/types.js";
import { safeUrl, withKeys } from "../src/util.js";

describe("static mode file names", () => {
  it("maps a path to data/<path>.json", () => {
    expect(staticFile("/api/companies")).toBe("data/api/companies.json");
    expect(staticFile("/api/entities/huawei/profile")).toBe("data/api/entities/huawei/profile.json");
  });
  it("puts a query string, sorted by key and without empty values, after ~", () => {
    expect(staticFile("/api/timeline?region=russia&company=huawei")).toBe(
      "data/api/timeline~company=huawei&region=russia.json",
    );
    expect(staticFile("/api/timeline?company=huawei&region=")).toBe("data/api/timeline~company=huawei.json");
    expect(staticFile("/api/search?q=华为")).toBe("data/api/search~q=%E5%8D%8E%E4%B8%BA.json");
  });
  it("percent-encodes each segment of the URL it fetches", () => {
    expect(staticUrl("/api/timeline?company=huawei&region=russia")).toBe(
      "data/api/timeline~company%3Dhuawei%26region%3Drussia.json",
    );
    expect(staticUrl("/api/companies")).toBe("data/api/companies.json");
  });
});

describe("cluster", () => {
  it("groups points within the radius and leaves distant ones alone", () => {
    const points = [
      { id: "a", x: 0, y: 0 },
      { id: "b", x: 3, y: 4 },
      { id: "c", x: 50, y: 0 },
      { id: "d", x: 9, y: 0 },
    ];
    const out = cluster(points, 10);
    expect(out.map((c) => c.members.map((m) => m.id))).toEqual([["a", "b", "d"], ["c"]]);
    expect(out[0]!.x).toBeCloseTo(4);
    expect(out[1]).toMatchObject({ x: 50, y: 0 });
  });
  it("keeps every point alone with a zero radius or when they are far apart", () => {
    const points = [
      { id: "a", x: 0, y: 0 },
      { id: "b", x: 0, y: 0 },
    ];
    expect(cluster(points, 0)).toHaveLength(2);
    expect(
      cluster(
        [
          { id: "a", x: 0, y: 0 },
          { id: "b", x: 100, y: 100 },
        ],
        20,
      ),
    ).toHaveLength(2);
  });
  it("finds a neighbour across a grid cell boundary", () => {
    expect(
      cluster(
        [
          { id: "a", x: 9.5, y: 0 },
          { id: "b", x: 10.5, y: 0 },
        ],
        10,
      ),
    ).toHaveLength(1);
  });
});

const project = (
  id: string,
  company: string,
  category: string,
  country: string,
  year: number | null,
): ProjectFeature => ({
  type: "Feature",
  id,
  geometry: { type: "Point", coordinates: [0, 0] },
  properties: {
    id,
    name: id,
    company,
    company_name: company,
    category,
    country,
    city: "",
    year,
    sources: [],
  },
});

describe("filterProjects", () => {
  const all = [
    project("p1", "huawei", "5g", "ru", 2019),
    project("p2", "huawei", "smart_city", "rs", 2017),
    project("p3", "zte", "5g", "ru", null),
  ];
  const none = { company: "", category: "", country: "", year: "" };
  it("lets everything through without filters", () => {
    expect(filterProjects(all, none)).toHaveLength(3);
  });
  it("combines company, category, country and year", () => {
    expect(filterProjects(all, { ...none, company: "huawei" }).map((p) => p.properties.id)).toEqual([
      "p1",
      "p2",
    ]);
    expect(
      filterProjects(all, { ...none, category: "5g", country: "ru" }).map((p) => p.properties.id),
    ).toEqual(["p1", "p3"]);
    expect(filterProjects(all, { ...none, year: "2017" }).map((p) => p.properties.id)).toEqual(["p2"]);
    expect(filterProjects(all, { ...none, company: "zte", year: "2019" })).toEqual([]);
  });
});

describe("filterHits", () => {
  const hit = (id: string, over: Partial<HitRow>): HitRow => ({
    id,
    pseudonym: id,
    status: "current",
    employer: "Huawei",
    categories: [],
    national_security: false,
    score: 1,
    reasons: [],
    ...over,
  });
  const review = {
    id: "j",
    kind: "hit",
    subject: "r/h2",
    judgement: "positive" as const,
    by: "ana",
    at: "2025",
  };
  const hits = [
    hit("h1", { categories: ["military"], national_security: true }),
    hit("h2", { status: "former", review }),
    hit("h3", { status: null as unknown as string, categories: ["public_security"] }),
  ];
  const none = { national_security: "", status: "", category: "", review: "" };
  it("selects as the API's filters do", () => {
    expect(filterHits(hits, none)).toHaveLength(3);
    expect(filterHits(hits, { ...none, national_security: "true" }).map((h) => h.id)).toEqual(["h1"]);
    expect(filterHits(hits, { ...none, status: "none" }).map((h) => h.id)).toEqual(["h3"]);
    expect(filterHits(hits, { ...none, category: "military" }).map((h) => h.id)).toEqual(["h1"]);
    expect(filterHits(hits, { ...none, review: "open" }).map((h) => h.id)).toEqual(["h1", "h3"]);
    expect(filterHits(hits, { ...none, review: "positive" }).map((h) => h.id)).toEqual(["h2"]);
  });
});

describe("router", () => {
  it("parses and builds hash routes with parameters", () => {
    const r = parseHash("#/companies/huawei%20tech?tab=x&y=%E5%8D%8E");
    expect(r.parts).toEqual(["companies", "huawei tech"]);
    expect(r.params.get("y")).toBe("华");
    expect(href(["map"], { company: "huawei", year: undefined, country: "" })).toBe("#/map?company=huawei");
    expect(parseHash(href(["runs", "r/1", "hits", "h"])).parts).toEqual(["runs", "r/1", "hits", "h"]);
    expect(parseHash("").parts).toEqual([]);
  });
});

describe("helpers", () => {
  it("lets only http(s) URLs become links", () => {
    expect(safeUrl("https://example.org/a")).toBe("https://example.org/a");
    expect(safeUrl("javascript:alert(1)")).toBeUndefined();
    expect(safeUrl("data:text/html,<script>")).toBeUndefined();
    expect(safeUrl("not a url")).toBeUndefined();
  });
  it("makes repeated keys unique", () => {
    expect(withKeys(["a", "b", "a", "a"], (x) => x).map(([k]) => k)).toEqual(["a", "b", "a#2", "a#3"]);
  });
  it("zooms about a point, keeping it in place, within bounds", () => {
    const v = zoomAt({ k: 1, x: 0, y: 0 }, 2, 100, 50);
    expect(v).toEqual({ k: 2, x: -100, y: -50 });
    expect(100 * v.k + v.x).toBe(100);
    expect(zoomAt({ k: 1, x: 0, y: 0 }, 0.5, 10, 10).k).toBe(1);
  });
});
