import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { openStore } from "@tiegraph/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staticFile as webStaticFile } from "../../web/src/api.js";
import { staticFile } from "./publish.js";
import { tiegraph } from "./run-cli.fixture.js";
import { webDist } from "./serve.js";

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });

describe("tiegraph publish", () => {
  it("names files as the web app's static mode reads them", () => {
    for (const path of [
      "/api/companies",
      "/api/entities/huawei/profile",
      "/api/timeline?region=russia&company=huawei",
      "/api/network?focus=huawei&depth=1",
      "/api/search?q=华为&limit=30&empty=",
    ]) {
      expect(staticFile(path)).toBe(webStaticFile(path));
    }
    expect(staticFile("/api/timeline?region=russia&company=huawei")).toBe(
      "data/api/timeline~company=huawei&region=russia.json",
    );
  });

  describe.skipIf(!webDist())("a site from the demo data set and a reviewed run", () => {
    const dir = mkdtempSync(join(tmpdir(), "tiegraph-publish-"));
    const db = join(dir, "db");
    const site = join(dir, "site");
    const corpus = join(dir, "resumes.jsonl");
    let confirmed = "";
    let rejected = "";
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    beforeAll(async () => {
      const ok = async (args: string[]) => {
        const r = await tiegraph(args);
        expect(r.status, `${args.join(" ")}: ${r.stderr}`).toBe(0);
        return r;
      };
      await ok(["generate", "resumes", "--count", "1500", "--seed", "7", "--out", corpus]);
      await ok(["screen", corpus, "--out", join(dir, "screen")]);
      await ok(["dataset", "load", "--db", db]);
      await ok(["runs", "import", join(dir, "screen"), "--db", db]);
      const store = await openStore(db);
      try {
        const [run] = await store.listRuns();
        const ns = (await store.findRunHits(run!.id, { national_security: true })).hits;
        expect(ns.length).toBeGreaterThan(2);
        confirmed = ns[0]!.id;
        rejected = ns[1]!.id;
        await store.putJudgement({
          kind: "hit",
          subject: `${run!.id}/${confirmed}`,
          judgement: "positive",
          by: "reviewer-ana",
        });
        await store.putJudgement({
          kind: "hit",
          subject: `${run!.id}/${rejected}`,
          judgement: "negative",
          by: "reviewer-ana",
        });
      } finally {
        await store.close();
      }
    }, 300_000);

    it("writes the read-only web app with the graph, the cited passages and only confirmed, redacted profiles", async () => {
      const r = await tiegraph(["publish", "--out", site, "--db", db]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/1 runs with 1 redacted profiles/);
      expect(readFileSync(join(site, "index.html"), "utf8")).toContain(
        '<meta name="tiegraph-static" content="1" />',
      );
      const read = (path: string) => JSON.parse(readFileSync(join(site, staticFile(path)), "utf8"));
      expect(read("/api/companies").companies.map((c: { id: string }) => c.id)).toContain("huawei");
      expect(read("/api/entities/huawei/profile").entity.id).toBe("huawei");
      expect(read("/api/timeline?company=huawei&region=xinjiang").items.length).toBeGreaterThan(3);
      expect(read("/api/projects").features.length).toBeGreaterThan(20);

      // Only the confirmed hit, without who reviewed it.
      const [run] = read("/api/runs").runs;
      const hits = read(`/api/runs/${run.id}/hits`);
      expect(hits.hits.map((h: { id: string }) => h.id)).toEqual([confirmed]);
      const detail = read(`/api/runs/${run.id}/hits/${confirmed}`);
      expect(detail.evidence.length).toBeGreaterThan(0);
      expect(detail.reviews).toEqual([]);
      expect(existsSync(join(site, staticFile(`/api/runs/${run.id}/hits/${rejected}`)))).toBe(false);

      // No personal data anywhere: not the records' names, phones, emails or ids, not the reviewer,
      // not the input's path, not the run's pseudonymous people in the graph.
      const all = files(site)
        .filter((f) => f.endsWith(".json"))
        .map((f) => readFileSync(f, "utf8"))
        .join("\n");
      expect(all).not.toContain("reviewer-ana");
      expect(all).not.toContain(dir);
      expect(all).not.toMatch(/"person-P-/);
      for (const line of readFileSync(corpus, "utf8").split("\n").filter(Boolean)) {
        const rec = JSON.parse(line);
        for (const k of ["name", "phone", "email"]) if (rec[k]) expect(all).not.toContain(rec[k]);
      }

      // A claim citing a document span: the passage around it, the span still at its offsets.
      const evidence = files(join(site, "data", "api", "statements"))
        .map((f) => JSON.parse(readFileSync(f, "utf8")))
        .filter((e) => e.document);
      expect(evidence.length).toBeGreaterThan(0);
      for (const e of evidence) {
        expect(e.document.excerpt).toBe(true);
        expect(e.document.text.length).toBeLessThanOrEqual(e.claim.source.end - e.claim.source.start + 804);
        expect(e.document.text.slice(e.claim.source.start, e.claim.source.end).length).toBe(
          e.claim.source.end - e.claim.source.start,
        );
      }
      expect(relative(site, join(site, "assets")).length).toBeGreaterThan(0);
    }, 300_000);

    it("refuses a folder that holds something else, and replaces a site it wrote", async () => {
      const other = join(dir, "other");
      mkdirSync(other);
      writeFileSync(join(other, "notes.txt"), "mine");
      const r = await tiegraph(["publish", "--out", other, "--db", db, "--hits", "none"]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/not empty and not a site tiegraph published/);
      expect(readFileSync(join(other, "notes.txt"), "utf8")).toBe("mine");
      const again = await tiegraph(["publish", "--out", site, "--db", db, "--hits", "none"]);
      expect(again.status, again.stderr).toBe(0);
      expect(again.stdout).toMatch(/with 0 redacted profiles/);
      const bad = await tiegraph(["publish", "--out", site, "--db", db, "--hits", "all"]);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/--hits all: confirmed, flagged or none/);
    }, 300_000);
  });
});
