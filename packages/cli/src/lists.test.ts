import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ListEntry } from "@tiegraph/match";
import { makeStatement } from "@tiegraph/model";
import { openStore } from "@tiegraph/store";
import { describe, expect, it } from "vitest";
import { entryStatements, LIST_ENTRY_PROP } from "./lists.js";
import { tiegraph } from "./run-cli.fixture.js";

/** Lists imported into the store and names screened against them, as a user runs it. */
const csl = new URL("../../../../shared/data/us-csl-2022/huawei_subset.csv", import.meta.url).pathname;

// biome-ignore lint/suspicious/noExplicitAny: JSON from the command
type Json = any;

const entity = (id: string, name: string, extra: Record<string, string[]> = {}) =>
  JSON.stringify({
    id,
    schema: "Company",
    properties: { name: [name], country: ["cn"], ...extra },
    datasets: ["demo_list"],
  });

describe("entryStatements", () => {
  it("keeps vessels and aircraft as Things, with the whole entry for matching", () => {
    const e = {
      id: "v1",
      dataset: "us_csl",
      schema: "Vessel",
      caption: "OCEAN STAR",
      names: ["OCEAN STAR"],
      aliases: [],
      addresses: [],
      countries: ["ir"],
      programs: ["IRAN"],
      sources: ["SDN"],
      rules: [],
      parentNames: [],
      parents: [],
      file: "consolidated.csv",
      line: 7,
    } as unknown as ListEntry;
    const statements = entryStatements(e, "csl", "2026-01-01").map((s) => makeStatement(s));
    expect(new Set(statements.filter((s) => s.entity_id === "v1").map((s) => s.schema))).toEqual(
      new Set(["Thing"]),
    );
    const kept = statements.find((s) => s.prop === LIST_ENTRY_PROP);
    expect(JSON.parse(kept!.value)).toMatchObject({ schema: "Vessel", caption: "OCEAN STAR" });
  });
});

describe("tiegraph lists import and match", () => {
  it("imports a list, screens Chinese and Latin names with explained scores, and records what a new version removes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tiegraph-lists-"));
    const db = join(dir, "db");
    const v1 = join(dir, "v1.ftm.json");
    writeFileSync(
      v1,
      `${[
        entity("e1", "Huawei Technologies Co., Ltd.", { alias: ["华为技术有限公司"] }),
        entity("e2", "Hangzhou Hikvision Digital Technology Co., Ltd."),
        "{not json",
      ].join("\n")}\n`,
    );
    const first = await tiegraph([
      "lists",
      "import",
      v1,
      "--format",
      "ftm",
      "--dataset",
      "demo_list",
      "--db",
      db,
    ]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/2 entries .* 1 rows set aside; since the last import: 2 added, 0 removed/);
    expect(first.stderr).toMatch(/set aside: .*"line":3/);

    const one = await tiegraph(["match", "华為技術有限公司", "--db", db, "--json"]);
    expect(one.status, one.stderr).toBe(0);
    const answer: Json = JSON.parse(one.stdout);
    expect(answer.results[0]).toMatchObject({ id: "e1", match: true, datasets: ["demo_list"] });
    expect(answer.results[0].score).toBeLessThanOrEqual(1);
    expect(Object.keys(answer.results[0].features).length).toBeGreaterThan(0);

    const names = join(dir, "names.csv");
    writeFileSync(names, "id,name\nn1,Huawei Technologies\nn2,海尔集团\n");
    const batch = await tiegraph(["match", "--file", names, "--db", db, "--json"]);
    const lines = batch.stdout
      .trim()
      .split("\n")
      .map((l): Json => JSON.parse(l));
    expect(lines.map((l) => [l.id, l.results.some((r: Json) => r.match)])).toEqual([
      ["n1", true],
      ["n2", false],
    ]);

    const v2 = join(dir, "v2.ftm.json");
    writeFileSync(v2, `${entity("e1", "Huawei Technologies Co., Ltd.", { alias: ["华为技术有限公司"] })}\n`);
    const second = await tiegraph([
      "lists",
      "import",
      v2,
      "--format",
      "ftm",
      "--dataset",
      "demo_list",
      "--db",
      db,
    ]);
    expect(second.stdout).toMatch(/since the last import: 0 added, 1 removed/);
    const store = await openStore(db);
    try {
      const ended = await store.getStatements({ entity_id: "e2-sanction", prop: "endDate" });
      expect(ended).toHaveLength(1);
      expect(ended[0]!.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    } finally {
      await store.close();
    }
    const bad = await tiegraph(["lists", "import", v2, "--format", "xls", "--db", db]);
    expect(bad.status).toBe(2);
  }, 300_000);

  it.skipIf(!existsSync(csl))(
    "finds Huawei's listed affiliates through the list's links (CSL subset)",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "tiegraph-csl-"));
      const db = join(dir, "db");
      expect((await tiegraph(["lists", "import", csl, "--format", "csl", "--db", db])).status).toBe(0);
      const r = await tiegraph(["match", "华为技术有限公司", "--db", db, "--json", "--limit", "50"]);
      const results: Json[] = JSON.parse(r.stdout).results;
      expect(results[0].caption).toMatch(/huawei technologies/i);
      expect(results.some((x) => x.via && !/huawei/i.test(x.caption))).toBe(true);
      const hisilicon = JSON.parse((await tiegraph(["match", "海思", "--db", db, "--json"])).stdout).results;
      expect(hisilicon[0].caption).toMatch(/HiSilicon/);
    },
    300_000,
  );
});
