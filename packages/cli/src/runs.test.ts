import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "@tiegraph/store";
import { describe, expect, it } from "vitest";
import { tiegraph } from "./run-cli.fixture.js";

describe("tiegraph runs import", () => {
  it("adds flagged people as pseudonymous Persons linked to bodies, citing the run, with no personal data", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tiegraph-runs-"));
    const corpus = join(dir, "resumes.jsonl");
    expect(
      (await tiegraph(["generate", "resumes", "--count", "1500", "--seed", "5", "--out", corpus])).status,
    ).toBe(0);
    const out = join(dir, "screen");
    expect((await tiegraph(["screen", corpus, "--out", out])).status).toBe(0);
    const db = join(dir, "db");
    const r = await tiegraph(["runs", "import", out, "--db", db]);
    expect(r.status, r.stderr).toBe(0);
    const people = Number(/^(\d+) people/.exec(r.stdout)?.[1]);
    const funnel = JSON.parse(readFileSync(join(out, "funnel.json"), "utf8"));
    expect(people).toBe(funnel.target_national_security + funnel.others_national_security);

    const store = await openStore(db);
    try {
      const persons = await store.findEntities({ schema: "Person" });
      expect(persons.length).toBe(people);
      for (const p of persons) expect(p.caption).toMatch(/^P-[0-9A-Z]{10}$/);
      const links = await store.findEntities({ schema: "Employment" });
      expect(links.length).toBeGreaterThan(0);
      const statements = await store.getStatements({});
      const text = JSON.stringify(statements);
      for (const rec of readFileSync(corpus, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l))) {
        for (const k of ["id", "name", "phone", "email"]) if (rec[k]) expect(text).not.toContain(rec[k]);
      }
      expect(text).not.toMatch(/[0-9]{5}部队/);
      for (const s of statements) expect(s.source).toMatchObject({ url: `file:${join(out, "funnel.json")}` });

      // Every hit is kept for review, in its file's order, under the run; national-security ones filter out.
      const lines = readFileSync(join(out, "hits.jsonl"), "utf8").split("\n").filter(Boolean);
      const [run] = await store.listRuns();
      expect(run).toMatchObject({ target: "huawei", hits: lines.length, dir: out });
      const all = await store.findRunHits(run!.id, { limit: 100_000 });
      expect(all.hits.map((h) => h.id)).toEqual(lines.map((l) => JSON.parse(l).id));
      expect((await store.findRunHits(run!.id, { national_security: true })).total).toBe(people);
      for (const h of all.hits) expect(h.pseudonym).toMatch(/^P-[0-9A-Z]{10}$/);
      expect(
        await store.getStatements({ entity_id: "lex-target.huawei.technologies", limit: 1 }),
      ).toHaveLength(1);
    } finally {
      await store.close();
    }

    // With the data set in the store, the run's people link to its Huawei, not to a lexicon entity;
    // importing again replaces the run's statements rather than adding to them.
    expect((await tiegraph(["dataset", "load", "--db", db])).status).toBe(0);
    const again = await tiegraph(["runs", "import", out, "--db", db]);
    expect(again.status, again.stderr).toBe(0);
    const linked = await openStore(db);
    try {
      const [run] = await linked.listRuns();
      expect(await linked.getStatements({ entity_id: "lex-target.huawei.technologies", limit: 1 })).toEqual(
        [],
      );
      const employers = await linked.getStatements({ dataset: run!.id, prop: "employer" });
      expect(employers.some((s) => s.value === "huawei")).toBe(true);
      const persons = new Set(
        (await linked.getStatements({ dataset: run!.id, schema: "Person" })).map((s) => s.entity_id),
      );
      expect(persons.size).toBe(people);
      expect((await linked.getEntity("huawei")).datasets).toContain("tiegraph_demo");
    } finally {
      await linked.close();
    }
  }, 300_000);
});
