import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileLexicon, type Hit, type ResumeRecord, screenRecord } from "@tiegraph/core";
import { loadLexicon, traditionalOf } from "@tiegraph/lexicons";
import { openStore, type Store } from "@tiegraph/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app.js";
import type { ErrorBody } from "./http.js";
import { HitDetailSchema, HitListSchema } from "./responses.js";
import type { AuditList, HitDetail, HitList, RevealResponse, RunDetail, RunList } from "./runs.js";

/** Screening runs through the API: redacted by default, reviews by the request's user, audited reveals. */

const PEOPLE = [
  {
    id: "r1",
    name: "张伟明",
    phone: "13800138000",
    email: "zwm1985@example.com",
    work: [
      { company: "华为技术有限公司", title: "高级工程师", start: "2015-03", end: "至今" },
      { company: "中国人民解放军61398部队", title: "技术员", start: "2008-07", end: "2014-12" },
    ],
  },
  {
    id: "r2",
    name: "Li Example",
    phone: "+86 139 0000 1111",
    email: "li.example@example.org",
    work: [
      { company: "Huawei Technologies Co., Ltd.", title: "Sales manager", start: "2019-01", end: "2021-06" },
    ],
  },
  { id: "r3", name: "王某某", work: [{ company: "某餐饮公司", title: "厨师", start: "2010", end: "2012" }] },
];

let store: Store;
let dir: string;
const users = {
  "token-viewer-1": { user: "vic", role: "viewer" as const },
  "token-analyst-1": { user: "ana", role: "analyst" as const },
  "token-admin-1": { user: "ada", role: "admin" as const },
};
let app: ReturnType<typeof createApp>;
const RUN = "screen_20260101000000";
const as = (token: string, init: RequestInit = {}) => ({
  ...init,
  headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tiegraph-run-"));
  const input = join(dir, "resumes.jsonl");
  const text = `${PEOPLE.map((p) => JSON.stringify(p)).join("\n")}\n`;
  writeFileSync(input, text);
  const lex = compileLexicon(loadLexicon().entries, { target: "huawei", traditional: traditionalOf });
  const hits: Hit[] = [];
  PEOPLE.forEach((p, i) => {
    const hit = screenRecord(p as ResumeRecord, { file: input, line: i + 1 }, lex, {
      asOf: { year: 2026, month: 1 },
    });
    if (hit) hits.push(hit);
  });
  expect(hits.map((h) => h.id)).toEqual(["r1", "r2"]);
  store = await openStore("memory:");
  await store.putRun(
    {
      id: RUN,
      title: "test run",
      target: "huawei",
      dir: join(dir, "out"),
      started_at: "2026-01-01T00:00:00Z",
      finished_at: "2026-01-01T00:01:00Z",
      funnel: {
        records_read: 3,
        records_rejected: 0,
        records_screened: 3,
        target_employees: { current: 1, former: 1, total: 2 },
        target_with_ties: 1,
        target_national_security: 1,
        others_with_ties: 0,
        others_national_security: 0,
        by_category: { military: 1 },
        manifest: {
          target: "huawei",
          inputs: [{ file: input, size: Buffer.byteLength(text), sha256: "x" }],
          options: { format: "auto", map: null },
        },
      },
    },
    hits.map((h, i) => ({
      id: h.id,
      pseudonym: `P-TEST${i}`,
      status: h.target.status,
      national_security: h.national_security,
      categories: [...new Set(h.ties.map((t) => t.category))],
      score: h.score,
      hit: h,
    })),
  );
  app = createApp({ store, users });
}, 120_000);

afterAll(async () => {
  await store?.close();
});

const PERSONAL = /张伟明|伟明|13800138000|zwm1985|Li Example|139 0000 1111|li\.example|61398/;

describe("screening runs", () => {
  it("lists runs with their funnel, and gives one run without the input's location", async () => {
    const { runs } = (await (await app.request("/api/runs", as("token-viewer-1"))).json()) as RunList;
    expect(runs[0]).toMatchObject({
      id: RUN,
      hits: 2,
      funnel: { read: 3, employees: 2, national_security: 1 },
    });
    const one = (await (await app.request(`/api/runs/${RUN}`, as("token-viewer-1"))).json()) as RunDetail;
    expect(JSON.stringify(one)).not.toContain(dir);
    expect((await app.request("/api/runs/nope", as("token-viewer-1"))).status).toBe(404);
  });

  it("lists hits redacted, filtered by national security", async () => {
    const all = (await (await app.request(`/api/runs/${RUN}/hits`, as("token-viewer-1"))).json()) as HitList;
    expect(all.total).toBe(2);
    expect(HitListSchema.safeParse(all).error).toBeUndefined();
    expect(JSON.stringify(all)).not.toMatch(PERSONAL);
    const ns = (await (
      await app.request(`/api/runs/${RUN}/hits?national_security=true`, as("token-viewer-1"))
    ).json()) as HitList;
    expect(ns.hits.map((h) => h.id)).toEqual(["r1"]);
    expect(ns.hits[0]!.categories).toContain("military");
    const bad = await app.request(`/api/runs/${RUN}/hits?national_security=maybe`, as("token-viewer-1"));
    expect(((await bad.json()) as ErrorBody).error.issues?.[0]?.path).toBe("query.national_security");
  });

  it("shows a hit's work history and evidence with no name, phone, email or unit number", async () => {
    const res = await app.request(`/api/runs/${RUN}/hits/r1`, as("token-viewer-1"));
    const d = (await res.json()) as HitDetail;
    expect(res.status).toBe(200);
    expect(d.record_available).toBe(true);
    expect(d.work.map((w) => [w.start, w.end])).toEqual([
      ["2015", "present"],
      ["2008", "2014"],
    ]);
    expect(d.work[0]!.flags).toContain("target");
    expect(d.work[1]!.flags).toContain("military");
    expect(d.evidence.some((e) => e.flag === "military" && e.quote)).toBe(true);
    expect(JSON.stringify(d)).not.toMatch(PERSONAL);
    expect(HitDetailSchema.safeParse(d).error).toBeUndefined();
    expect((await app.request(`/api/runs/${RUN}/hits/r9`, as("token-viewer-1"))).status).toBe(404);
  });

  it("lets an analyst review a hit (as the token's user, not the body's), and keeps a viewer out", async () => {
    const path = `/api/runs/${RUN}/hits/r1/review`;
    const viewer = await app.request(
      path,
      as("token-viewer-1", { method: "POST", body: '{"decision":"positive"}' }),
    );
    expect(viewer.status).toBe(403);
    const spoof = await app.request(
      path,
      as("token-analyst-1", { method: "POST", body: '{"decision":"positive","by":"mallory"}' }),
    );
    expect(spoof.status).toBe(400);
    const badDecision = await app.request(
      path,
      as("token-analyst-1", { method: "POST", body: '{"decision":"yes"}' }),
    );
    expect(((await badDecision.json()) as ErrorBody).error.issues?.[0]?.path).toBe("body.decision");
    const ok = await app.request(
      path,
      as("token-analyst-1", { method: "POST", body: '{"decision":"positive","note":"matches the unit"}' }),
    );
    expect(ok.status).toBe(200);
    const queue = (await (
      await app.request(`/api/runs/${RUN}/hits?review=open`, as("token-viewer-1"))
    ).json()) as HitList;
    expect(queue.hits.map((h) => h.id)).toEqual(["r2"]);
    const reviewed = (await (
      await app.request(`/api/runs/${RUN}/hits?review=positive`, as("token-viewer-1"))
    ).json()) as HitList;
    expect(reviewed.hits[0]!.review).toMatchObject({
      judgement: "positive",
      by: "ana",
      why: "matches the unit",
    });
    const hit = (await (
      await app.request(`/api/runs/${RUN}/hits/r1`, as("token-viewer-1"))
    ).json()) as HitDetail;
    expect(hit.hit.score).toBe(reviewed.hits[0]!.score);
    expect(hit.reviews.map((j) => j.by)).toEqual(["ana"]);
  });

  it("reveals a record only to an analyst who says why, and records each reveal for the admin", async () => {
    const path = `/api/runs/${RUN}/hits/r1/reveal`;
    expect(
      (await app.request(path, as("token-viewer-1", { method: "POST", body: '{"reason":"checking"}' })))
        .status,
    ).toBe(403);
    const noReason = await app.request(path, as("token-analyst-1", { method: "POST", body: "{}" }));
    expect(((await noReason.json()) as ErrorBody).error.issues?.[0]?.path).toBe("body.reason");
    const res = await app.request(
      path,
      as("token-analyst-1", { method: "POST", body: '{"reason":"verify identity for the report"}' }),
    );
    expect(res.status).toBe(200);
    const { record } = (await res.json()) as RevealResponse;
    expect(record).toMatchObject({ name: "张伟明", phone: "13800138000", email: "zwm1985@example.com" });
    expect((await app.request("/api/audit", as("token-analyst-1"))).status).toBe(403);
    const audit = (await (
      await app.request("/api/audit?action=reveal", as("token-admin-1"))
    ).json()) as AuditList;
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]).toMatchObject({
      user: "ana",
      action: "reveal",
      subject: `${RUN}/r1`,
      note: "verify identity for the report",
    });
    const reviews = (await (
      await app.request("/api/audit?action=review.positive", as("token-admin-1"))
    ).json()) as AuditList;
    expect(reviews.entries.map((e) => e.user)).toEqual(["ana"]);
  });

  it("refuses to reveal from an input that changed since the run", async () => {
    writeFileSync(join(dir, "resumes.jsonl"), `${JSON.stringify(PEOPLE[2])}\n`);
    const res = await app.request(
      `/api/runs/${RUN}/hits/r2/reveal`,
      as("token-analyst-1", { method: "POST", body: '{"reason":"verify identity"}' }),
    );
    expect(res.status).toBe(409);
    const d = (await (
      await app.request(`/api/runs/${RUN}/hits/r2`, as("token-viewer-1"))
    ).json()) as HitDetail;
    expect(d.record_available).toBe(false);
    expect(JSON.stringify(d)).not.toMatch(PERSONAL);
  });
});
