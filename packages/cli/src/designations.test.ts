import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "@tiegraph/store";
import { describe, expect, it } from "vitest";
import { tiegraph } from "./run-cli.fixture.js";

/** Bulk screening as a user runs it: the graph's organisations and a screening run's employers. */

// biome-ignore lint/suspicious/noExplicitAny: JSON from the command
type Json = any;

const EL = "Entity List (EL) - Bureau of Industry and Security";

/** A small CSL: Huawei, HiSilicon, an affiliate listed under Huawei without its name, an unrelated company. */
function writeList(dir: string): string {
  const rows: [string, string, string, string, string][] = [
    [
      "h1",
      "Huawei Technologies Co., Ltd. (Huawei)",
      "Bantian, Longgang District, Shenzhen, 518129, CN",
      "84 FR 22961",
      "2019-05-21",
    ],
    [
      "h2",
      "HiSilicon Technologies Co., Ltd (HiSilicon), Bantian Longgang District",
      "Shenzhen, 518129, CN",
      "84 FR 22961",
      "2019-05-21",
    ],
    [
      "h3",
      "Huawei Technologies Co., Ltd. (Huawei).  Affiliated Entity:  Shenzhen Smartcom Business Co., Ltd.",
      "Shenzhen, CN",
      "84 FR 43495",
      "2019-08-21",
    ],
    ["x1", "Example Rocket Works Ltd.", "Springfield, US", "85 FR 10000", "2020-06-05"],
  ];
  const file = join(dir, "el.csv");
  writeFileSync(
    file,
    `${[
      "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,remarks,source_list_url,alt_names",
      ...rows.map(([id, name, addr, rule, date]) =>
        [
          id,
          EL,
          "",
          "",
          "",
          `"${name}"`,
          "",
          `"${addr}"`,
          rule,
          date,
          "",
          "",
          "https://example.org/el",
          "",
        ].join(","),
      ),
    ].join("\n")}\n`,
  );
  return file;
}

const company = (id: string, name: string, extra: Record<string, string[]> = {}) =>
  JSON.stringify({ id, schema: "Company", properties: { name: [name], country: ["cn"], ...extra } });

async function importList(dir: string, db: string): Promise<void> {
  const r = await tiegraph(["lists", "import", writeList(dir), "--format", "csl", "--db", db]);
  expect(r.status, r.stderr).toBe(0);
}

describe("tiegraph match graph", () => {
  it("marks the listed companies of the graph (and their listed affiliates), once, and nothing on a dry run", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tiegraph-designations-"));
    const db = join(dir, "db");
    await importList(dir, db);
    const graph = join(dir, "graph.ftm.json");
    writeFileSync(
      graph,
      `${[
        company("g-huawei", "华为技术有限公司", { alias: ["Huawei"] }),
        company("g-hisilicon", "海思半导体有限公司"),
        company("g-haier", "海尔集团"),
        company("g-hxb", "华夏银行"),
      ].join("\n")}\n`,
    );
    expect((await tiegraph(["import", "ftm", graph, "--dataset", "suppliers", "--db", db])).status).toBe(0);

    const dry = await tiegraph(["match", "graph", "--dry-run", "--json", "--db", db]);
    expect(dry.status, dry.stderr).toBe(0);
    const planned: Json = JSON.parse(dry.stdout);
    expect(planned).toMatchObject({ lists: ["us_csl"], datasets: ["suppliers"], subjects: 4, entries: 4 });
    const pairs = (r: Json) =>
      r.designations.map((d: Json) => `${d.entity.id} ${d.entry.caption.replace(/ Co\..*/, "")}`).sort();
    expect(pairs(planned)).toEqual([
      "g-hisilicon HiSilicon Technologies",
      "g-huawei HiSilicon Technologies",
      "g-huawei Huawei Technologies",
      "g-huawei Shenzhen Smartcom Business",
    ]);
    const smartcom = planned.designations.find((d: Json) => /Smartcom/.test(d.entry.caption));
    expect(smartcom.via).toMatchObject({
      link: "list",
      parent_caption: "Huawei Technologies Co., Ltd. (Huawei)",
    });
    for (const d of planned.designations) {
      expect(d.status).toBe("new");
      expect(d.score).toBeGreaterThanOrEqual(0.82);
      expect(Object.keys(d.features).length).toBeGreaterThan(0);
    }
    const store0 = await openStore(db);
    try {
      expect(await store0.getStatements({ dataset: "tiegraph_designations" })).toEqual([]);
    } finally {
      await store0.close();
    }

    const first = await tiegraph(["match", "graph", "--json", "--db", db]);
    expect(first.status, first.stderr).toBe(0);
    const written: Json = JSON.parse(first.stdout);
    expect(written).toMatchObject({ written: 4, already: 0 });
    expect(written.names_per_second).toBeGreaterThan(0);

    const store = await openStore(db);
    try {
      const events = await store.findEntities({ schema: "Event", dataset: "tiegraph_designations" });
      expect(events).toHaveLength(4);
      const huawei = events.find(
        (e) =>
          e.properties.involved?.includes("g-huawei") &&
          /: Huawei Technologies/.test(e.properties.name?.[0] ?? ""),
      )!;
      expect(huawei.properties).toMatchObject({
        category: ["designation"],
        date: ["2019-05-21"],
        name: [`${EL}: Huawei Technologies Co., Ltd. (Huawei)`],
        recordId: [huawei.properties.involved![1]!],
      });
      expect(huawei.properties.description?.[0]).toMatch(/scored 1\.000 .*features: /);
      for (const s of huawei.statements) {
        expect(s).toMatchObject({
          stance: "reported",
          asserted_by: { kind: "extractor", name: "tiegraph match" },
        });
        expect(s.source).toMatchObject({ url: "https://example.org/el", publisher: EL });
      }
      // the list entry itself is involved, so the graph links the company to its listing
      const listed = await store.getEntity(huawei.properties.involved![1]!);
      expect(listed.datasets).toEqual(["us_csl"]);
      const haier = await store.neighbours("g-haier");
      expect(haier).toEqual([]);
    } finally {
      await store.close();
    }

    const again = await tiegraph(["match", "graph", "--db", db]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/4 designations at or above 0\.82: 0 written, 4 already in the store/);
    expect(again.stdout).toMatch(
      /华为技术有限公司 \[g-huawei\] +Huawei Technologies Co\., Ltd\. \(Huawei\) \[[^\]]+\] +us_csl +1\.000 +already/,
    );
    expect(again.stdout).toMatch(/names\/s/);

    // A stricter threshold leaves the affiliates out; lists and thresholds are checked.
    const strict: Json = JSON.parse(
      (await tiegraph(["match", "graph", "--threshold", "0.96", "--dry-run", "--json", "--db", db])).stdout,
    );
    expect(pairs(strict)).toEqual(["g-huawei Huawei Technologies"]);
    expect((await tiegraph(["match", "graph", "--lists", "us_ofac", "--db", db])).status).toBe(2);
    expect((await tiegraph(["match", "graph", "--datasets", "us_csl", "--db", db])).status).toBe(2);
    expect((await tiegraph(["match", "graph", "--threshold", "2", "--db", db])).status).toBe(2);
    // `match NAME` still screens one name.
    const one: Json = JSON.parse((await tiegraph(["match", "海思", "--json", "--db", db])).stdout);
    expect(one.results[0].caption).toMatch(/^HiSilicon/);
  }, 300_000);
});

describe("tiegraph match hits", () => {
  it("screens the employers of a screening run's hits, writes designations.json, and marks the run's organisations", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tiegraph-hits-"));
    const db = join(dir, "db");
    const corpus = join(dir, "resumes.jsonl");
    expect(
      (await tiegraph(["generate", "resumes", "--count", "1500", "--seed", "5", "--out", corpus])).status,
    ).toBe(0);
    const out = join(dir, "screen");
    expect((await tiegraph(["screen", corpus, "--out", out])).status).toBe(0);
    await importList(dir, db);

    const r = await tiegraph(["match", "hits", out, "--json", "--db", db]);
    expect(r.status, r.stderr).toBe(0);
    const report: Json = JSON.parse(r.stdout);
    const huawei = report.employers.find((e: Json) => e.name === "华为技术有限公司");
    expect(huawei.entities).toEqual(["target.huawei.technologies"]);
    expect(huawei.matches[0]).toMatchObject({
      caption: "Huawei Technologies Co., Ltd. (Huawei)",
      match: true,
    });
    // deduplicated: one employer per folded name, every one screened
    const names = report.employers.map((e: Json) => e.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).not.toContain("華為技術有限公司");
    const saved: Json = JSON.parse(readFileSync(join(out, "designations.json"), "utf8"));
    expect(saved.employers).toEqual(report.employers);
    // hit ids stay in hits.jsonl
    const ids = readFileSync(join(out, "hits.jsonl"), "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l).id as string);
    const text = readFileSync(join(out, "designations.json"), "utf8");
    for (const id of ids) expect(text).not.toContain(`"${id}"`);
    // no state body of the run is an unrelated company of the list
    for (const e of report.employers) {
      for (const m of e.matches) expect(m.caption).not.toMatch(/Rocket/);
    }

    // --mark before the run is in the graph: nothing to mark, and it says why
    const early = await tiegraph(["match", "hits", out, "--mark", "--db", db]);
    expect(early.status).toBe(0);
    expect(early.stderr).toMatch(/not in the graph .*lex-target\.huawei\.technologies/);

    expect((await tiegraph(["runs", "import", out, "--all", "--db", db])).status).toBe(0);
    const marked: Json = JSON.parse(
      (await tiegraph(["match", "hits", out, "--mark", "--json", "--db", db])).stdout,
    );
    const mine = marked.marked.designations.filter(
      (d: Json) => d.entity.id === "lex-target.huawei.technologies",
    );
    expect(mine.map((d: Json) => d.entry.caption)).toContain("Huawei Technologies Co., Ltd. (Huawei)");
    expect(marked.marked.written).toBe(marked.marked.designations.length);
    expect(marked.marked.missing).toEqual([]);
    const twice: Json = JSON.parse(
      (await tiegraph(["match", "hits", out, "--mark", "--json", "--db", db])).stdout,
    );
    expect(twice.marked).toMatchObject({ written: 0, already: marked.marked.designations.length });

    const text2 = await tiegraph(["match", "hits", out, "--db", db]);
    expect(text2.stdout).toMatch(
      /^华为技术有限公司 +\(target\.huawei\.technologies; target; \d+ hits\)\n +MATCH 0\.9\d\d +Huawei Technologies Co\., Ltd\. \(Huawei\)/m,
    );
    expect((await tiegraph(["match", "hits", dir, "--db", db])).status).toBe(2);
  }, 300_000);
});

const fullCsl = new URL("../../../../shared/data/us-csl-2022/consolidated.csv.gz", import.meta.url).pathname;

describe.skipIf(!existsSync(fullCsl))(
  "tiegraph match graph on the demo data set against the full CSL",
  () => {
    it("marks the listed companies of the demo data set and prints its throughput", async () => {
      const dir = mkdtempSync(join(tmpdir(), "tiegraph-designations-csl-"));
      const db = join(dir, "db");
      expect((await tiegraph(["lists", "import", fullCsl, "--format", "csl", "--db", db])).status).toBe(0);
      expect((await tiegraph(["dataset", "load", "--db", db])).status).toBe(0);
      const r = await tiegraph(["match", "graph", "--dry-run", "--json", "--db", db]);
      expect(r.status, r.stderr).toBe(0);
      const report: Json = JSON.parse(r.stdout);
      const marked = new Set(report.designations.map((d: Json) => d.entity.id));
      for (const id of ["huawei", "hikvision", "sensetime", "megvii", "iflytek", "inspur"])
        expect(marked).toContain(id);
      // names alike but for contradicting places are not designations (Government of Austria ≠ of Syria)
      expect([...marked].filter((id) => /government/.test(String(id)))).toEqual([]);
      const hisilicon = report.designations.filter((d: Json) => d.entity.id === "huawei" && d.via);
      expect(hisilicon.length).toBeGreaterThan(50);
      console.log(
        `match graph, tiegraph_demo against the full CSL: ${report.subjects} organisations, ${report.names} names ` +
          `in ${report.seconds.screen.toFixed(2)} s = ${report.names_per_second} names/s ` +
          `(index of ${report.entries} entries built in ${report.seconds.index.toFixed(1)} s); ` +
          `${report.designations.length} designations of ${marked.size} organisations`,
      );
    }, 600_000);
  },
);
