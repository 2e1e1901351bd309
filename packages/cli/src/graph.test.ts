import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "@tiegraph/store";
import { describe, expect, it } from "vitest";
import { tiegraph } from "./run-cli.fixture.js";

const tiegraphAs = (args: string[]) => tiegraph(args, { USER: "ana" });

/** Documents in, search, candidate ties and verdicts, as a user runs them on the embedded store. */

// biome-ignore lint/suspicious/noExplicitAny: JSON from the command
type Json = any;

describe("tiegraph ingest, search and ties", () => {
  it("stores documents once, finds Chinese and English text, and turns an accepted candidate into cited statements", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tiegraph-graph-"));
    const db = join(dir, "db");
    const docs = join(dir, "docs");
    mkdirSync(docs, { recursive: true });
    writeFileSync(join(docs, "a.txt"), "华为与克拉玛依市公安局签署合作协议。2011年起双方共建云计算中心。\n");
    writeFileSync(
      join(docs, "b.html"),
      "<html><head><title>Report</title><script>alert(1)</script></head><body><p>In May 2019, Huawei signed an agreement with the Ministry of Public Security.</p></body></html>",
    );
    writeFileSync(join(docs, "c.txt"), Buffer.from([0, 1, 2, 3, 0, 255]));

    const first = await tiegraphAs(["ingest", "docs", docs, "--db", db, "--json"]);
    expect(first.status, first.stderr).toBe(0);
    const outcomes = first.stdout
      .trim()
      .split("\n")
      .map((l): Json => JSON.parse(l));
    expect(outcomes.map((o: Json) => o.status)).toEqual(["stored", "stored", "set_aside"]);
    expect(outcomes[2]).toMatchObject({ code: "binary" });
    const again = await tiegraphAs(["ingest", "docs", join(docs, "a.txt"), "--db", db]);
    expect(again.stdout).toMatch(/0 stored, 1 already there/);

    const zh = JSON.parse((await tiegraphAs(["search", "克拉玛依", "--db", db, "--json"])).stdout);
    expect(zh).toHaveLength(1);
    expect(zh[0].matches[0]).toMatchObject({ start: 3, end: 7, text: "克拉玛依" });
    const en = JSON.parse((await tiegraphAs(["search", "ministry", "--db", db, "--json"])).stdout);
    expect(en.map((r: { title: string }) => r.title)).toEqual(["Report"]);
    expect(JSON.stringify(en)).not.toContain("alert");

    const listed = await tiegraphAs(["ties", "candidates", "--db", db, "--json"]);
    const candidates = listed.stdout
      .trim()
      .split("\n")
      .map((l): Json => JSON.parse(l));
    const huaweiMps = candidates.find((c: Json) => c.object.text === "Ministry of Public Security");
    expect(huaweiMps).toMatchObject({
      relation: "signed",
      date: "2019-05",
      stance: "reported",
      status: "pending",
    });
    const karamay = candidates.find((c: Json) => /克拉玛依市公安局/.test(c.object.text));
    expect(karamay).toMatchObject({ relation: "签署", status: "pending" });

    expect((await tiegraphAs(["ties", "accept", huaweiMps.id, "--db", db, "--note", "checked"])).status).toBe(
      0,
    );
    expect((await tiegraphAs(["ties", "reject", karamay.id, "--db", db])).status).toBe(0);
    const unknown = await tiegraphAs(["ties", "accept", "tc-00000000", "--db", db]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/No such candidate/);

    const statuses = (await tiegraphAs(["ties", "candidates", "--db", db, "--json"])).stdout
      .trim()
      .split("\n")
      .map((l): Json => JSON.parse(l))
      .map((c: Json) => [c.id, c.status]);
    expect(statuses).toContainEqual([huaweiMps.id, "accepted"]);
    expect(statuses).toContainEqual([karamay.id, "negative"]);

    const store = await openStore(db);
    try {
      const statements = await store.getStatements({ document: huaweiMps.evidence.document });
      expect(statements.length).toBeGreaterThanOrEqual(8);
      for (const s of statements) {
        expect(s.source).toEqual({
          document: huaweiMps.evidence.document,
          start: huaweiMps.evidence.start,
          end: huaweiMps.evidence.end,
        });
        expect(s.asserted_by).toEqual({ kind: "analyst", name: "ana" });
      }
      const verdicts = await store.getJudgements({ subject: huaweiMps.id });
      expect(verdicts.map((j) => [j.judgement, j.by, j.why])).toEqual([["positive", "ana", "checked"]]);
    } finally {
      await store.close();
    }
  }, 300_000);

  it("loads the sourced data set once, and exports its projects as GeoJSON and its entities as FtM", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tiegraph-dataset-"));
    const db = join(dir, "db");
    const first = await tiegraphAs(["dataset", "load", "--db", db]);
    expect(first.status, first.stderr).toBe(0);
    const loaded = Number(/: (\d+) statements/.exec(first.stdout)?.[1]);
    expect(loaded).toBeGreaterThan(1000);
    const geo = join(dir, "projects.geojson");
    expect((await tiegraphAs(["export", "geojson", "--out", geo, "--db", db])).status).toBe(0);
    const fc = JSON.parse(readFileSync(geo, "utf8"));
    const countries = new Set(fc.features.flatMap((f: Json) => f.properties.country ?? []));
    expect(countries.size).toBeGreaterThanOrEqual(25);
    for (const f of fc.features) {
      const [lon, lat] = f.geometry.coordinates;
      expect(Math.abs(lat)).toBeLessThanOrEqual(90);
      expect(Math.abs(lon)).toBeLessThanOrEqual(180);
      expect(f.properties.sources.length).toBeGreaterThan(0);
    }
    const ftm = join(dir, "all.ftm.json");
    expect((await tiegraphAs(["export", "ftm", "--out", ftm, "--db", db])).status).toBe(0);
    const entities = readFileSync(ftm, "utf8")
      .trim()
      .split("\n")
      .map((l): Json => JSON.parse(l));
    expect(entities.some((e) => e.schema === "Company" && /Huawei/.test(e.caption))).toBe(true);
    const csvDir = join(dir, "csv");
    expect((await tiegraphAs(["export", "csv", "--out", csvDir, "--db", db])).status).toBe(0);
    const csvLines = readFileSync(join(csvDir, "statements.csv"), "utf8").split("\n").filter(Boolean);
    expect(csvLines[0]).toMatch(/^id,entity_id,schema,prop,value,dataset,stance/);
    expect(csvLines.length - 1).toBe(loaded);
    const again = await tiegraphAs(["dataset", "load", "--db", db]);
    expect(again.status).toBe(0);
    const store = await openStore(db);
    try {
      const info = await store.getDataset("tiegraph_demo");
      expect(info.statements).toBe(loaded);
    } finally {
      await store.close();
    }
  }, 300_000);
});
