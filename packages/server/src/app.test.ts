import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadDemo } from "@tiegraph/service";
import { openStore, type Store } from "@tiegraph/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { createApp } from "./app.js";
import type { ErrorBody } from "./http.js";
import {
  CompanyListSchema,
  EntityDetailSchema,
  MeSchema,
  NeighboursSchema,
  NetworkSchema,
  ProfileSchema,
  ProjectCollectionSchema,
  TimelineSchema,
} from "./responses.js";
import type {
  CandidateList,
  CompanyList,
  DocumentList,
  DocumentResponse,
  EntityDetail,
  Me,
  Neighbours,
  NetworkResponse,
  ProfileResponse,
  ProjectsResponse,
  SearchResponse,
  StatementEvidence,
  Stats,
  Timeline,
  Verdict,
} from "./types.js";

/** The API's graph routes, called in memory on the demo data set. */

const JSON_TYPE = { "Content-Type": "application/json" };

let store: Store;
let app: ReturnType<typeof createApp>;
const errors: unknown[] = [];

beforeAll(async () => {
  store = await openStore("memory:");
  await loadDemo(store);
  app = createApp({ store, user: { user: "ana", role: "analyst" }, onError: (e) => errors.push(e) });
}, 120_000);

afterAll(async () => {
  await store?.close();
});

async function get<T>(path: string, status = 200): Promise<T> {
  const res = await app.request(path);
  const body = await res.json();
  expect(res.status, JSON.stringify(body).slice(0, 500)).toBe(status);
  return body as T;
}

describe("graph routes", () => {
  it("says who the request is made by", async () => {
    expect(await get<Me>("/api/me")).toEqual({ user: "ana", role: "analyst" });
  });

  it("lists the datasets, documents and runs", async () => {
    const stats = await get<Stats>("/api/stats");
    expect(stats.datasets.map((d) => d.name)).toContain("tiegraph_demo");
    expect(stats.documents).toBeGreaterThan(0);
    expect(stats.runs).toBe(0);
  });

  it("lists the companies of interest with their designations", async () => {
    const { companies } = await get<CompanyList>("/api/companies");
    const huawei = companies.find((c) => c.id === "huawei");
    expect(huawei?.designations.some((d) => d.date === "2019-05-16")).toBe(true);
    expect(companies.some((c) => c.id === "pla")).toBe(false);
  });

  it("gives an entity with its claims and neighbours, a company's profile, and 404 for an unknown id", async () => {
    const e = await get<EntityDetail>("/api/entities/huawei");
    expect(e.entity).toMatchObject({ id: "huawei", schema: "Company" });
    expect(e.claims.every((c) => c.source !== undefined)).toBe(true);
    const p = await get<ProfileResponse>("/api/entities/huawei/profile");
    expect(p.designations.some((d) => d.date === "2019-05-16")).toBe(true);
    const denied = p.allegations.flatMap((a) => a.claims).filter((c) => c.denials.length > 0);
    expect(denied.length).toBeGreaterThan(0);
    const n = await get<Neighbours>("/api/entities/huawei/neighbours");
    expect(n.neighbours.some((l) => l.entity.id === "huawei-holding")).toBe(true);
    const missing = await get<{ error: { status: number; message: string } }>("/api/entities/nobody", 404);
    expect(missing.error).toEqual({ status: 404, message: "No such entity: nobody" });
    await get("/api/entities/nobody/profile", 404);
    await get("/api/entities/nobody/neighbours", 404);
  });

  it("draws the network around a focus and validates depth", async () => {
    const n = await get<NetworkResponse>("/api/network?focus=huawei&depth=2");
    expect(n.nodes.find((x) => x.id === "kenya-nps")?.group).toBe("state");
    expect(n.edges.length).toBeGreaterThan(0);
    const bodies = await get<NetworkResponse>("/api/network?focus=huawei&depth=2&schema=PublicBody");
    expect(bodies.nodes.every((x) => x.id === "huawei" || x.schema === "PublicBody")).toBe(true);
    const bad = await get<{ error: { issues: { path: string }[] } }>("/api/network?depth=3", 400);
    expect(bad.error.issues.map((i) => i.path)).toEqual(["query.depth"]);
    await get("/api/network?focus=nobody", 404);
  });

  it("puts projects on the map as GeoJSON, filtered, and rejects a bad year naming the field", async () => {
    const all = await get<ProjectsResponse>("/api/projects");
    expect(all.type).toBe("FeatureCollection");
    expect(all.features.length).toBeGreaterThan(25);
    const ke = await get<ProjectsResponse>("/api/projects?country=KE&company=huawei");
    expect(ke.features.map((f) => f.properties.id)).toEqual(["huawei-nairobi-safe-city"]);
    const bad = await get<{ error: { status: number; issues: { path: string; message: string }[] } }>(
      "/api/projects?year=soon&country=kenya",
      400,
    );
    expect(bad.error.status).toBe(400);
    expect(bad.error.issues.map((i) => i.path).sort()).toEqual(["query.country", "query.year"]);
  });

  it("gives timelines by company and region, sorted, every item with a source", async () => {
    const { items } = await get<Timeline>("/api/timeline?company=huawei&region=xinjiang");
    expect(items.length).toBeGreaterThan(3);
    expect(items.map((i) => i.date)).toEqual(items.map((i) => i.date).sort());
    for (const i of items) expect(i.claims.length).toBeGreaterThan(0);
    await get("/api/timeline?company=nobody", 404);
  });

  it("opens a claim's evidence: the document text for a span", async () => {
    const { items } = await get<Timeline>("/api/timeline?company=huawei&region=xinjiang");
    const span = items.flatMap((i) => i.claims).find((c) => c.source.kind === "document");
    expect(span).toBeDefined();
    const ev = await get<StatementEvidence>(`/api/statements/${span!.id}`);
    expect(ev.claim.id).toBe(span!.id);
    expect(ev.document?.text.length).toBeGreaterThan(0);
    await get(`/api/statements/${"0".repeat(40)}`, 404);
  });

  it("searches documents and entities in Chinese and English", async () => {
    const zh = await get<SearchResponse>(`/api/search?q=${encodeURIComponent("华为")}`);
    expect(zh.entities[0]?.id).toBe("huawei");
    const en = await get<SearchResponse>("/api/search?q=Karamay");
    expect(en.documents.length + en.entities.length).toBeGreaterThan(0);
    const bad = await get<{ error: { issues: { path: string }[] } }>("/api/search?q=", 400);
    expect(bad.error.issues[0]?.path).toBe("query.q");
  });

  it("answers unknown API routes with a JSON 404, and documents every route in OpenAPI 3.1", async () => {
    const res = await app.request("/api/nothing-here");
    expect(res.status).toBe(404);
    expect(((await res.json()) as ErrorBody).error.message).toMatch(/No such route/);
    const doc = await get<{
      openapi: string;
      paths: Record<string, Record<string, { parameters: { name: string }[] }>>;
    }>("/api/openapi.json");
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/companies",
        "/api/entities/{id}/profile",
        "/api/projects",
        "/match/{dataset}",
      ]),
    );
    expect(doc.paths["/api/projects"]!.get!.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(["company", "category", "country", "year"]),
    );
  });

  it("answers in the shapes the OpenAPI document declares", async () => {
    const checks: [string, z.ZodType][] = [
      ["/api/me", MeSchema],
      ["/api/companies", CompanyListSchema],
      ["/api/entities/huawei", EntityDetailSchema],
      ["/api/entities/denial-huawei-conduit", EntityDetailSchema],
      ["/api/entities/huawei/profile", ProfileSchema],
      ["/api/entities/zte/profile", ProfileSchema],
      ["/api/entities/huawei/neighbours", NeighboursSchema],
      ["/api/network", NetworkSchema],
      ["/api/projects", ProjectCollectionSchema],
      ["/api/timeline?region=russia", TimelineSchema],
    ];
    for (const [path, schema] of checks) {
      const body = await get<unknown>(path);
      const r = schema.safeParse(body);
      expect(r.success, `${path}: ${r.error?.message.slice(0, 500)}`).toBe(true);
    }
    const doc = await get<{ paths: Record<string, { get: { responses: Record<string, unknown> } }> }>(
      "/api/openapi.json",
    );
    expect(doc.paths["/api/entities/{id}/profile"]!.get.responses["200"]).toMatchObject({
      content: { "application/json": { schema: { $ref: "#/components/schemas/Profile" } } },
    });
  });

  it("never leaks an internal error's message or stack", async () => {
    const broken = createApp({
      store: { ...store, listDatasets: () => Promise.reject(new Error("secret connection string")) } as Store,
      user: { user: "ana", role: "analyst" },
      onError: () => {},
    });
    const res = await broken.request("/api/datasets");
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/secret|at .*\.ts/);
    expect(JSON.parse(text)).toEqual({ error: { status: 500, message: "Internal server error" } });
  });
});

describe("candidate ties", () => {
  it("lists candidates, lets an analyst accept one (as the request's user), and keeps a viewer out", async () => {
    const mem = await openStore("memory:");
    try {
      await mem.putDocument({
        text: "In May 2019, Huawei signed an agreement with the Ministry of Public Security. 华为与克拉玛依市公安局签署合作协议。",
        title: "Report",
      });
      const analyst = createApp({ store: mem, user: { user: "ana", role: "analyst" } });
      const res = await analyst.request("/api/ties/candidates?status=open");
      const { candidates } = (await res.json()) as CandidateList;
      expect(candidates.length).toBeGreaterThanOrEqual(2);
      const [first, second] = candidates;
      const viewer = createApp({ store: mem, user: { user: "vic", role: "viewer" } });
      const denied = await viewer.request(`/api/ties/${first!.id}/accept`, { method: "POST", body: "{}" });
      expect(denied.status).toBe(403);
      const bad = await analyst.request(`/api/ties/${first!.id}/accept`, {
        method: "POST",
        body: JSON.stringify({ note: "ok", by: "someone else" }),
        headers: JSON_TYPE,
      });
      expect(bad.status).toBe(400);
      // Not from another site's page, and not as a form or text.
      const elsewhere = await analyst.request(`/api/ties/${first!.id}/accept`, {
        method: "POST",
        headers: { ...JSON_TYPE, Origin: "https://elsewhere.example" },
      });
      expect(elsewhere.status).toBe(403);
      const text = await analyst.request(`/api/ties/${first!.id}/accept`, {
        method: "POST",
        body: JSON.stringify({ note: "x" }),
        headers: { "Content-Type": "text/plain" },
      });
      expect(text.status).toBe(415);
      const ok = await analyst.request(`http://localhost/api/ties/${first!.id}/accept`, {
        method: "POST",
        body: JSON.stringify({ note: "checked" }),
        headers: { ...JSON_TYPE, Origin: "http://localhost", "Sec-Fetch-Site": "same-origin" },
      });
      expect(ok.status).toBe(200);
      const verdict = (await ok.json()) as Verdict;
      expect(verdict.judgement).toMatchObject({ judgement: "positive", by: "ana", why: "checked" });
      expect(verdict.statements).toBeGreaterThan(4);
      const rejected = await analyst.request(`/api/ties/${second!.id}/reject`, { method: "POST" });
      expect(((await rejected.json()) as Verdict).judgement.judgement).toBe("negative");
      const accepted = (await (
        await analyst.request("/api/ties/candidates?status=accepted")
      ).json()) as CandidateList;
      expect(accepted.candidates.map((c) => c.id)).toEqual([first!.id]);
      expect((await analyst.request("/api/ties/tc-none/accept", { method: "POST" })).status).toBe(404);
      expect((await analyst.request("/api/ties/candidates?status=maybe")).status).toBe(400);
      // The accepted tie is in the graph at once.
      const company = await analyst.request(`/api/entities/tie-${first!.id}`);
      expect(company.status).toBe(200);
    } finally {
      await mem.close();
    }
  }, 60_000);
});

describe("documents", () => {
  it("lists documents and gives one with its text and the entities, places and dates it mentions", async () => {
    const mem = await openStore("memory:");
    try {
      const text =
        '2019年5月，华为在乌鲁木齐与公安部合作。<script>alert(1)</script><img src=x onerror="alert(2)">';
      const { id } = await mem.putDocument({ text, title: "<b>Report</b>" });
      const docs = createApp({ store: mem, user: { user: "ana", role: "viewer" } });
      const list = (await (await docs.request("/api/documents?limit=10")).json()) as DocumentList;
      expect(list.documents.map((d) => d.id)).toEqual([id]);
      expect(list.documents[0]).not.toHaveProperty("text");
      const res = await docs.request(`/api/documents/${id}`);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      const one = (await res.json()) as DocumentResponse;
      expect(one.document.text).toBe(text);
      const kinds = new Map(one.tags!.map((t) => [t.text, t.kind]));
      expect(kinds.get("2019年5月")).toBe("date");
      expect(kinds.get("华为")).toBe("entity");
      expect(kinds.get("乌鲁木齐")).toBe("place");
      for (const t of one.tags!) expect(text.slice(t.start, t.end)).toBe(t.text);
      expect((await docs.request("/api/documents/doc-none")).status).toBe(404);
      expect((await docs.request("/api/documents?limit=0")).status).toBe(400);
    } finally {
      await mem.close();
    }
  }, 60_000);
});

describe("users and roles", () => {
  it("takes the user from the bearer token in server mode, and refuses a request without one", async () => {
    const users = {
      "token-viewer-1": { user: "vic", role: "viewer" as const },
      "token-admin-1": { user: "ada", role: "admin" as const },
    };
    const server = createApp({ store, users });
    expect((await server.request("/api/me")).status).toBe(401);
    expect(
      (await server.request("/api/me", { headers: { Authorization: "Bearer wrong-token" } })).status,
    ).toBe(401);
    const me = await server.request("/api/me", { headers: { Authorization: "Bearer token-admin-1" } });
    expect(await me.json()).toEqual({ user: "ada", role: "admin" });
    const viewer = await server.request("/api/ties/x/accept", {
      method: "POST",
      headers: { Authorization: "Bearer token-viewer-1" },
    });
    expect(viewer.status).toBe(403);
    expect((await server.request("/api/openapi.json")).status).toBe(200);
  });
});

describe("the web app", () => {
  it("serves the built app with a strict policy, falls back to index.html for app routes, never leaves its folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tiegraph-web-"));
    mkdirSync(join(dir, "assets"));
    writeFileSync(
      join(dir, "index.html"),
      '<!doctype html><script type="module" src="/assets/app.js"></script>',
    );
    writeFileSync(join(dir, "assets", "app.js"), "console.log(1)");
    writeFileSync(join(tmpdir(), "tiegraph-outside.txt"), "outside");
    const web = createApp({ store, staticDir: dir, user: { user: "ana", role: "analyst" } });
    const index = await web.request("/");
    expect(index.status).toBe(200);
    expect(index.headers.get("content-type")).toMatch(/text\/html/);
    const csp = index.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(index.headers.get("x-content-type-options")).toBe("nosniff");
    const js = await web.request("/assets/app.js");
    expect(js.headers.get("content-type")).toMatch(/javascript/);
    expect(js.headers.get("cache-control")).toMatch(/immutable/);
    const route = await web.request("/companies/huawei");
    expect(await route.text()).toContain("<!doctype html>");
    expect((await web.request("/assets/missing.js")).status).toBe(404);
    expect((await web.request("/..%2ftiegraph-outside.txt")).status).toBe(404);
    const passwd = await web.request("/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd");
    expect(await passwd.text()).not.toMatch(/root:/);
    // The API stays JSON.
    expect((await web.request("/api/me")).headers.get("content-type")).toMatch(/json/);
  });

  it("says the web app is not built when there is none, and still serves the API", async () => {
    const bare = createApp({ store, user: { user: "ana", role: "analyst" } });
    const page = await bare.request("/");
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/web app is not built/);
    expect((await bare.request("/api/me")).status).toBe(200);
  });
});
