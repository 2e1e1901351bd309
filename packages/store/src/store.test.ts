import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { entityStatements, makeStatement, type StatementCommon, statementId } from "@tiegraph/model";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportFtm, importFtm } from "./ftm.js";
import { listMigrations } from "./migrate.js";
import { openStore } from "./open.js";
import { postgresSql } from "./sql.js";
import type { Store } from "./store.js";

const PG = process.env.TIEGRAPH_TEST_PG;
const SAMPLE = new URL("../../../../shared/data/ftm-samples/yente_t1_entities.ftm.json", import.meta.url);

const common: StatementCommon = {
  dataset: "giants",
  source: { url: "https://example.org/report", title: "Report", publisher: "Example", date: "2019-11-28" },
  asserted_by: { kind: "analyst", name: "ana" },
  stance: "reported",
};

// One database per driver for the whole file (an embedded open takes seconds); tests use their own ids.
const drivers: [string, boolean, () => Promise<{ store: Store; done: () => Promise<void> }>][] = [
  [
    "embedded (PGlite)",
    true,
    async () => {
      const store = await openStore("memory:");
      return { store, done: () => store.close() };
    },
  ],
  [
    "PostgreSQL (TIEGRAPH_TEST_PG)",
    PG !== undefined,
    async () => {
      const url = PG!;
      const schema = `tiegraph_test_${process.pid}_${Date.now() % 100000}`;
      const admin = await postgresSql(url);
      // The extension goes to public, so that dropping the test schema leaves it for others.
      await admin.exec("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public").catch(() => {});
      const store = await openStore(url, { schema });
      return {
        store,
        done: async () => {
          await store.close();
          await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
          await admin.close();
        },
      };
    },
  ],
];

for (const [name, enabled, open] of drivers) {
  describe.skipIf(!enabled)(`store on ${name}`, () => {
    let store: Store;
    let done: () => Promise<void>;
    beforeAll(async () => {
      ({ store, done } = await open());
    }, 120_000);
    afterAll(async () => {
      await done?.();
    });

    it("is migrated, and migrating again changes nothing", async () => {
      expect(listMigrations().map((m) => m.version)).toEqual([1, 2, 3]);
      expect(await store.migrate()).toEqual([]);
    });

    it("stores statements and reads entities back, by id and by schema", async () => {
      const n = await store.putStatements([
        ...entityStatements("Company", "huawei", { name: ["Huawei", "华为"], country: "cn" }, common),
        ...entityStatements("PublicBody", "xj-psd", { name: "Xinjiang Public Security Department" }, common),
        ...entityStatements("Person", "p-ren", { name: "Ren" }, { ...common, dataset: "people" }),
      ]);
      expect(n).toBe(8);
      const e = await store.getEntity("huawei");
      expect(e.schema).toBe("Company");
      expect(e.properties).toEqual({ name: ["Huawei", "华为"], country: ["cn"] });
      expect(e.caption).toBe("Huawei");
      await expect(store.getEntity("nobody")).rejects.toThrow("No such entity: nobody");
      expect((await store.getEntities(["xj-psd", "nobody", "huawei"])).map((x) => x.id)).toEqual([
        "xj-psd",
        "huawei",
      ]);
      const orgs = (await store.findEntities({ schema: "Organization" })).map((x) => x.id);
      expect(orgs).toContain("huawei");
      expect(orgs).toContain("xj-psd");
      expect(orgs).not.toContain("p-ren");
      expect(
        (await store.findEntities({ schema: "Organization", exact: true })).map((x) => x.id),
      ).not.toContain("huawei");
      expect((await store.findEntities({ dataset: "people" })).map((x) => x.id)).toEqual(["p-ren"]);
      const people = await store.getDataset("people");
      expect([people.statements, people.entities]).toEqual([2, 1]);
      await expect(store.getDataset("nope")).rejects.toThrow("No such dataset: nope");
    });

    it("keeps one row per statement and widens when it was seen", async () => {
      const [a] = entityStatements(
        "Company",
        "zte",
        {},
        { ...common, first_seen: "2020-01-01T00:00:00", last_seen: "2020-06-01T00:00:00" },
      );
      const [b] = entityStatements(
        "Company",
        "zte",
        {},
        { ...common, first_seen: "2019-01-01T00:00:00", last_seen: "2021-01-01T00:00:00" },
      );
      expect(a!.id).toBe(b!.id);
      await store.putStatements([a!]);
      await store.putStatements([b!, b!]);
      const rows = await store.getStatements({ entity_id: "zte" });
      expect(rows).toHaveLength(1);
      expect([rows[0]!.first_seen, rows[0]!.last_seen]).toEqual([
        "2019-01-01T00:00:00",
        "2021-01-01T00:00:00",
      ]);
    });

    it("writes a failed batch not at all", async () => {
      const good = entityStatements("Company", "tx-a", { name: "A" }, common);
      const bad = { ...entityStatements("Company", "tx-b", { name: "B" }, common)[1]!, value: "" };
      await expect(store.putStatements([...good, bad])).rejects.toThrow(/empty value/);
      expect(await store.getStatements({ entity_id: "tx-a" })).toEqual([]);
      // A forged id is refused too.
      await expect(store.putStatements([{ ...good[1]!, value: "Other" }])).rejects.toThrow(
        /not the content hash/,
      );
      // Schema clash with what is stored.
      await store.putStatements(entityStatements("Person", "tx-c", { name: "C" }, common));
      await expect(
        store.putStatements([...good, ...entityStatements("Company", "tx-c", { name: "C Ltd" }, common)]),
      ).rejects.toThrow(/Entity tx-c: Incompatible schemata: (Company and Person|Person and Company)/);
      expect(await store.getStatements({ entity_id: "tx-a" })).toEqual([]);
      // A transaction that fails after several writes leaves none of them.
      await expect(
        store.transaction(async (tx) => {
          await tx.putStatements(good);
          await tx.putDocument({ text: "half written tx-doc" });
          await tx.putDataset({ name: "tx-set" });
          throw new Error("stop");
        }),
      ).rejects.toThrow("stop");
      expect(await store.getStatements({ entity_id: "tx-a" })).toEqual([]);
      expect((await store.search("tx-doc")).length).toBe(0);
      await expect(store.getDataset("tx-set")).rejects.toThrow("No such dataset");
      // And one that succeeds keeps all.
      await store.transaction(async (tx) => {
        await tx.putStatements(good);
        await tx.putDataset({ name: "tx-set", title: "Kept" });
      });
      expect((await store.getEntity("tx-a")).properties.name).toEqual(["A"]);
      expect((await store.getDataset("tx-set")).title).toBe("Kept");
    });

    it("stores documents once by SHA-256 and checks the spans that cite them", async () => {
      const text = "2019年5月，华为与新疆广播电视网络签署协议。Huawei signed an agreement.";
      const first = await store.putDocument({
        text,
        title: "Seed",
        url: "https://example.org/seed",
        published: "2019-11-28",
      });
      expect(first.created).toBe(true);
      expect(first.id).toMatch(/^doc-[0-9a-f]{16}$/);
      const again = await store.putDocument({ text, title: "Same text, other title" });
      expect(again).toEqual({ id: first.id, sha256: first.sha256, created: false });
      const doc = await store.getDocument(first.id);
      expect([doc.text, doc.length, doc.title, doc.published]).toEqual([
        text,
        text.length,
        "Seed",
        "2019-11-28",
      ]);
      expect((await store.findDocumentBySha256(first.sha256))?.id).toBe(first.id);
      expect((await store.listDocuments()).find((d) => d.id === first.id)).not.toHaveProperty("text");
      await expect(store.getDocument("doc-0000")).rejects.toThrow("No such document: doc-0000");

      const start = text.indexOf("华为");
      const cited = {
        ...common,
        source: { document: first.id, start, end: start + 2 },
        asserted_by: { kind: "extractor" as const, name: "ties" },
      };
      await store.putStatements(entityStatements("Company", "span-huawei", { name: "华为" }, cited));
      expect((await store.getStatements({ document: first.id })).length).toBe(2);
      await expect(
        store.putStatements(
          entityStatements(
            "Company",
            "span-x",
            { name: "X" },
            { ...cited, source: { document: first.id, start: 0, end: text.length + 1 } },
          ),
        ),
      ).rejects.toThrow(/beyond the end/);
      await expect(
        store.putStatements(
          entityStatements(
            "Company",
            "span-y",
            { name: "Y" },
            { ...cited, source: { document: "doc-missing", start: 0, end: 1 } },
          ),
        ),
      ).rejects.toThrow("No such document: doc-missing");
    });

    it("searches Chinese substrings and English words, with offsets and snippets", async () => {
      const a = await store.putDocument({
        title: "Xinjiang",
        text: "2018年，华为与新疆维吾尔自治区公安厅在乌鲁木齐共建创新实验室。\nThe Banking Ministry of Public Security signed a deal; a ban followed.",
      });
      const b = await store.putDocument({
        title: "Karamay",
        text: "克拉玛依市公安局与华为合作云计算。The bank in Karamay.",
      });
      const zh = await store.search("公安");
      const ids = zh.map((r) => r.document);
      expect(ids).toContain(a.id);
      expect(ids).toContain(b.id);
      const docA = await store.getDocument(a.id);
      for (const r of zh) {
        const full = r.document === a.id ? docA.text : (await store.getDocument(r.document)).text;
        for (const m of r.matches) {
          expect(full.slice(m.start, m.end)).toBe(m.text);
          expect(m.snippet.slice(m.start - m.snippet_start, m.end - m.snippet_start)).toBe(m.text);
        }
      }
      // Whole English words, any case: "ban" is not "bank" nor "Banking".
      const ban = await store.search("BAN");
      expect(ban.map((r) => r.document)).toEqual([a.id]);
      expect(ban[0]!.matches.map((m) => m.text)).toEqual(["ban"]);
      // Every term must occur; phrases in quotes.
      expect((await store.search("华为 Karamay")).map((r) => r.document)).toEqual([b.id]);
      expect((await store.search('"ministry of public security"')).map((r) => r.document)).toEqual([a.id]);
      expect(await store.search("公安 nowhere-term")).toEqual([]);
      expect(await store.search("   ")).toEqual([]);
      // LIKE wildcards are text.
      expect(await store.search("%")).toEqual([]);
    });

    it("finds neighbours through relationship entities and references, but not through denials", async () => {
      const c = { ...common, dataset: "nb" };
      const claim = entityStatements(
        "Employment",
        "nb-emp",
        { employee: "nb-li", employer: "nb-co", role: "Engineer" },
        c,
      );
      await store.putStatements([
        ...entityStatements("Person", "nb-li", { name: "Li" }, c),
        ...entityStatements("Company", "nb-co", { name: "Co" }, c),
        ...entityStatements("PublicBody", "nb-police", { name: "Police" }, c),
        ...claim,
        ...entityStatements(
          "Project",
          "nb-proj",
          { name: "Cloud", contractor: "nb-co", client: "nb-police" },
          c,
        ),
      ]);
      const li = await store.neighbours("nb-li");
      expect(li.map((n) => [n.direction, n.entity.id, n.label, n.via?.id])).toEqual([
        ["out", "nb-co", "works for", "nb-emp"],
      ]);
      const co = await store.neighbours("nb-co");
      expect(co.map((n) => [n.direction, n.entity.id, n.prop]).sort()).toEqual([
        ["in", "nb-li", "employee"],
        ["in", "nb-proj", "contractor"],
      ]);
      expect((await store.neighbours("nb-co", { schemata: ["Ownership"] })).length).toBe(0);
      const proj = await store.neighbours("nb-proj");
      expect(proj.map((n) => [n.direction, n.entity.id, n.label]).sort()).toEqual([
        ["out", "nb-co", "Contractor"],
        ["out", "nb-police", "Client"],
      ]);
      // A denied link is no link; the denial answers the claim it denies.
      const claimed = makeStatement({
        ...c,
        entity_id: "nb-proj2",
        schema: "Project",
        prop: "client",
        value: "nb-police",
        stance: "alleged",
      });
      const denied = makeStatement({
        ...c,
        entity_id: "nb-proj3",
        schema: "Project",
        prop: "client",
        value: "nb-police",
        stance: "denied",
        answers: claimed.id,
      });
      await store.putStatements([
        claimed,
        denied,
        ...entityStatements("Project", "nb-proj3", { name: "Denied" }, c),
      ]);
      const police = (await store.neighbours("nb-police")).map((n) => n.entity.id).sort();
      expect(police).toEqual(["nb-proj", "nb-proj2"]);
      expect((await store.getStatements({ answers: claimed.id })).map((s) => s.id)).toEqual([denied.id]);
      expect((await store.getEntity("nb-proj3")).properties.client).toBeUndefined();
      // A denial must answer a stored claim.
      const orphan = makeStatement({
        ...c,
        entity_id: "nb-proj4",
        schema: "Project",
        prop: "client",
        value: "nb-police",
        stance: "denied",
        answers: statementId({ ...claimed, value: "x" }),
      });
      await expect(store.putStatements([orphan])).rejects.toThrow();
      expect(await store.getStatements({ entity_id: "nb-proj4" })).toEqual([]);
    });

    it("keeps human judgements apart, latest standing", async () => {
      const j1 = await store.putJudgement({
        kind: "candidate",
        subject: "cand-1",
        judgement: "unsure",
        by: "ana",
        at: "2024-01-01T00:00:00Z",
      });
      await store.putJudgement({
        kind: "candidate",
        subject: "cand-1",
        judgement: "positive",
        by: "bo",
        at: "2024-01-02T00:00:00Z",
        why: "signed agreement, p. 2",
      });
      const all = await store.getJudgements({ subject: "cand-1" });
      expect(all.map((j) => [j.judgement, j.by])).toEqual([
        ["unsure", "ana"],
        ["positive", "bo"],
      ]);
      expect(all[0]!.id).toBe(j1.id);
      expect((await store.latestJudgement("candidate", "cand-1"))?.why).toBe("signed agreement, p. 2");
      expect(await store.latestJudgement("candidate", "cand-2")).toBeUndefined();
      await expect(
        store.putJudgement({ kind: "candidate", subject: "c", judgement: "maybe" as "unsure", by: "x" }),
      ).rejects.toThrow("Unknown judgement: maybe");
    });

    it("pages through statements and entities", async () => {
      const c = { ...common, dataset: "paging" };
      await store.putStatements(
        Array.from({ length: 7 }, (_, i) =>
          entityStatements("Person", `pg-${i}`, { name: `P${i}` }, c),
        ).flat(),
      );
      const seen: string[] = [];
      for await (const s of store.iterateStatements({ dataset: "paging", prop: "name" }, 3))
        seen.push(s.value);
      expect(seen).toEqual(["P0", "P1", "P2", "P3", "P4", "P5", "P6"]);
      const ids: string[] = [];
      for await (const e of store.iterateEntities({ dataset: "paging" }, 2)) ids.push(e.id);
      expect(ids).toEqual(["pg-0", "pg-1", "pg-2", "pg-3", "pg-4", "pg-5", "pg-6"]);
      expect(
        await store.deleteStatements((await store.getStatements({ entity_id: "pg-6" })).map((s) => s.id)),
      ).toBe(2);
      await expect(store.getEntity("pg-6")).rejects.toThrow("No such entity");
    });

    it("imports a FtM file, setting aside what it cannot read, and nothing on failure", async () => {
      const dir = mkdtempSync(join(tmpdir(), "tiegraph-ftm-"));
      try {
        const path = join(dir, "in.ftm.json");
        writeFileSync(
          path,
          [
            '{"id":"ftm-a","schema":"Company","properties":{"name":["A Ltd"]},"datasets":["ftm"]}',
            '{"id":"ftm-b","schema":"Vessel","properties":{"name":["Boat"]}}',
            "not json",
            '{"id":"ftm-a","schema":"Person","properties":{"name":["A"]},"datasets":["ftm"]}',
            '{"id":"ftm-p","schema":"Company","properties":{"name":["P Ltd"]},"datasets":["ftm"]}',
          ].join("\n"),
        );
        await store.putStatements(entityStatements("Person", "ftm-p", { name: "P" }, common));
        const r = await importFtm(store, path);
        expect([r.entities, r.statements]).toEqual([1, 2]);
        expect(r.rejects.map((x) => [x.file, x.line, x.code])).toEqual([
          ["in.ftm.json", 2, "unknown_schema"],
          ["in.ftm.json", 3, "malformed_json"],
          ["in.ftm.json", 4, "schema_conflict"],
          ["in.ftm.json", 5, "schema_conflict"],
        ]);
        expect((await store.getEntity("ftm-a")).schema).toBe("Company");
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it.skipIf(!existsSync(SAMPLE))(
      "round-trips the yente FtM sample through the store losing nothing",
      async () => {
        const dir = mkdtempSync(join(tmpdir(), "tiegraph-ftm-"));
        try {
          const r = await importFtm(store, SAMPLE.pathname, { now: "2025-01-01T00:00:00" });
          expect(r.rejects).toEqual([]);
          expect(r.entities).toBe(7);
          const out = join(dir, "out.ftm.json");
          expect(await exportFtm(store, out, { dataset: "eu_fsf" })).toBe(7);
          const parse = (t: string) =>
            t
              .split("\n")
              .filter((l) => l.trim())
              .map((l) => JSON.parse(l))
              .sort((x, y) => x.id.localeCompare(y.id));
          expect(parse(readFileSync(out, "utf8"))).toEqual(parse(readFileSync(SAMPLE, "utf8")));
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    );
    it("keeps a screening run's hits with their reviews, filters them, and replaces them on re-import", async () => {
      const run = {
        id: "screen_20250601000000",
        title: "screening run for huawei",
        target: "huawei",
        dir: "/runs/a",
        started_at: "2025-06-01T00:00:00Z",
        finished_at: "2025-06-01T00:01:00Z",
        funnel: { read: 10, target_employees: 2 },
      };
      const hit = (id: string, status: string | null, ns: boolean, categories: string[]) => ({
        id,
        pseudonym: `P-${id}`,
        status,
        national_security: ns,
        categories,
        score: ns ? 4.5 : 0.5,
        hit: { id, source: { file: "r.jsonl", line: 1 }, reasons: [`reason of ${id}`] },
      });
      await store.putRun(run, [
        hit("r1", "current", false, []),
        hit("r2", "former", true, ["military", "state_security"]),
        hit("r3", null, true, ["military"]),
      ]);
      expect((await store.getRun(run.id)).hits).toBe(3);
      expect((await store.getRun(run.id)).funnel).toEqual(run.funnel);
      await expect(store.getRun("screen_0")).rejects.toThrow("No such run: screen_0");
      const ids = async (f: Parameters<Store["findRunHits"]>[1]) =>
        (await store.findRunHits(run.id, f)).hits.map((h) => h.id);
      expect(await ids({})).toEqual(["r1", "r2", "r3"]);
      expect(await ids({ national_security: true })).toEqual(["r2", "r3"]);
      expect(await ids({ status: "none" })).toEqual(["r3"]);
      expect(await ids({ status: "former" })).toEqual(["r2"]);
      expect(await ids({ category: "state_security" })).toEqual(["r2"]);
      const page = await store.findRunHits(run.id, { limit: 1, offset: 1 });
      expect(page).toMatchObject({
        total: 3,
        hits: [{ id: "r2", categories: ["military", "state_security"] }],
      });
      expect((await store.getRunHit(run.id, "r2")).hit).toMatchObject({ reasons: ["reason of r2"] });
      await expect(store.getRunHit(run.id, "r9")).rejects.toThrow(`No such hit: ${run.id}/r9`);

      await store.putJudgement({
        kind: "hit",
        subject: `${run.id}/r2`,
        judgement: "unsure",
        by: "ana",
        at: "2025-06-02T00:00:00Z",
      });
      await store.putJudgement({
        kind: "hit",
        subject: `${run.id}/r2`,
        judgement: "positive",
        by: "bo",
        at: "2025-06-03T00:00:00Z",
        why: "unit named in two places",
      });
      expect((await store.getRunHit(run.id, "r2")).review).toMatchObject({
        judgement: "positive",
        by: "bo",
        why: "unit named in two places",
      });
      expect(await ids({ review: "open" })).toEqual(["r1", "r3"]);
      expect(await ids({ review: "positive" })).toEqual(["r2"]);
      expect(await ids({ review: "unsure" })).toEqual([]);

      await store.putRun({ ...run, funnel: { read: 11 } }, [hit("r3", null, true, ["military"])]);
      expect(await ids({})).toEqual(["r3"]);
      expect((await store.listRuns()).find((r) => r.id === run.id)).toMatchObject({
        hits: 1,
        funnel: { read: 11 },
      });
    });

    it("appends to the audit log and reads it newest first", async () => {
      const a = await store.putAudit({
        actor: "ana",
        action: "reveal",
        subject: "audit-test/r1",
        note: "verify identity",
      });
      await store.putAudit({ actor: "bo", action: "review", subject: "audit-test/r2" });
      expect(a).toMatchObject({ actor: "ana", action: "reveal", note: "verify identity" });
      const log = await store.getAudit({ subject: "audit-test/r1" });
      expect(log).toEqual([a]);
      const both = (await store.getAudit()).filter((e) => e.subject.startsWith("audit-test/"));
      expect(both.map((e) => e.actor)).toEqual(["bo", "ana"]);
      expect(await store.getAudit({ action: "reveal", actor: "bo" })).toEqual([]);
    });
    it("has a revision that grows with every write to the graph and stays put otherwise", async () => {
      const r0 = await store.revision();
      expect(await store.revision()).toBe(r0);
      await store.getStatements({ limit: 1 });
      expect(await store.revision()).toBe(r0);
      await store.putStatements([
        makeStatement({
          ...common,
          entity_id: "rev-co",
          schema: "Company",
          prop: "name",
          value: "Revision Co",
        }),
      ]);
      const r1 = await store.revision();
      expect(r1).toBeGreaterThan(r0);
      await store.putDocument({ text: "a document for the revision test" });
      const r2 = await store.revision();
      expect(r2).toBeGreaterThan(r1);
      const [s] = await store.getStatements({ entity_id: "rev-co" });
      await store.deleteStatements([s!.id]);
      expect(await store.revision()).toBeGreaterThan(r2);
    });
  });
}
