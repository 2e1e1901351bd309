import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tiegraph } from "./run-cli.fixture.js";

// biome-ignore lint/suspicious/noExplicitAny: JSON from the command
type Json = any;

describe("tiegraph tags and places", () => {
  it("lists the entities, places and dates of stored documents, as a table or JSON lines", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tiegraph-tags-"));
    const db = join(dir, "db");
    const docs = join(dir, "docs");
    mkdirSync(docs, { recursive: true });
    writeFileSync(
      join(docs, "a.txt"),
      "2019年5月，华为与北京市公安局在乌鲁木齐签署协议。家住解放路，来自公安县。\n",
    );
    writeFileSync(
      join(docs, "b.txt"),
      "In May 2019 Huawei worked with the police department in Karamay. A woman from Oman.\n",
    );
    const ingest = await tiegraph(["ingest", "docs", docs, "--db", db, "--json"]);
    expect(ingest.status, ingest.stderr).toBe(0);
    const [a, b] = ingest.stdout
      .trim()
      .split("\n")
      .map((l): Json => JSON.parse(l).id);

    const json = await tiegraph(["tags", a, "--db", db, "--json"]);
    expect(json.status, json.stderr).toBe(0);
    const tags = json.stdout
      .trim()
      .split("\n")
      .map((l): Json => JSON.parse(l));
    expect(tags.map((t: Json) => [t.kind, t.text, t.kind === "date" ? t.value : t.id])).toEqual([
      ["date", "2019年5月", "2019-05"],
      ["entity", "华为", "target.huawei.technologies"],
      ["entity", "北京市公安局", "ps.local"],
      ["place", "乌鲁木齐", "cn-650100"],
      ["place", "公安县", "cn-421022"],
    ]);
    expect(tags.every((t: Json) => t.document === a)).toBe(true);
    expect(tags[3]).toMatchObject({ start: 18, end: 22, lat: expect.any(Number), lon: expect.any(Number) });

    const table = await tiegraph(["tags", "--all", "--kind", "place", "--db", db]);
    expect(table.status, table.stderr).toBe(0);
    expect(table.stdout).toContain(b);
    expect(table.stdout).toMatch(/place\s+18-22\s+乌鲁木齐\s+cn-650100 {2}Ürümqi\s+43\.\d{4}, 87\.\d{4}/);
    expect(table.stdout).toMatch(/place\s+\d+-\d+\s+Oman\s+om {2}Oman/);
    expect(table.stdout).not.toMatch(/^(?:entity|date)\s/m);
    expect(table.stdout).not.toMatch(/^place\s+\S+\s+(?:woman|解放)/m);
  });

  it("refuses a call without documents, and an unknown document", async () => {
    const db = join(mkdtempSync(join(tmpdir(), "tiegraph-tags-")), "db");
    const none = await tiegraph(["tags", "--db", db]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/--all/);
    const unknown = await tiegraph(["tags", "doc-nope", "--db", db]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/No such document: doc-nope/);
    const kind = await tiegraph(["tags", "--all", "--kind", "person", "--db", db]);
    expect(kind.status).toBe(2);
  });

  it("looks names up in the gazetteer", async () => {
    const r = await tiegraph(["places", "Urumqi"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^cn-650100\s+prefecture\s+Ürümqi 乌鲁木齐市\s+in Xinjiang\s+43\.7928, 87\.6177$/m,
    );
    const kashgar = await tiegraph(["places", "喀什", "--json"]);
    expect(JSON.parse(kashgar.stdout.trim().split("\n")[0]!)).toMatchObject({
      id: "cn-653100",
      name: "Kashgar",
    });
    const none = await tiegraph(["places", "Atlantis"]);
    expect(none.stdout).toBe("no place named Atlantis\n");
  });
});
