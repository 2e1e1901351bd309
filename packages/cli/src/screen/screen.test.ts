import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { evaluate, evaluationLines, type Hit, type Truth } from "@tiegraph/core";
import { beforeAll, describe, expect, it } from "vitest";
import { bin, tiegraph } from "../run-cli.fixture.js";

/** These tests run the built command as a user does (`npm test` builds first). */
const env = { ...process.env, TIEGRAPH_PSEUDONYM_KEY: "test-key" };

const readJsonl = <T>(path: string): T[] =>
  readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

const withoutManifest = (f: Record<string, unknown>) => {
  const { manifest: _m, ...rest } = f;
  return rest;
};

let dir: string;
let corpus: string;
let labels: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "tiegraph-screen-"));
  corpus = join(dir, "resumes.jsonl");
  labels = join(dir, "labels.jsonl");
  const g = await tiegraph([
    "generate",
    "resumes",
    "--count",
    "4000",
    "--seed",
    "11",
    "--out",
    corpus,
    "--labels",
    labels,
  ]);
  expect(g.status, g.stderr).toBe(0);
});

describe("tiegraph screen on generated resumes", () => {
  it("finds planted employees, ties and national-security experience with high precision and recall", async () => {
    const out = join(dir, "eval");
    const r = await tiegraph([
      "screen",
      corpus,
      "--target",
      "huawei",
      "--out",
      out,
      "--as-of",
      "2025-06",
      "--workers",
      "2",
    ]);
    expect(r.status, r.stderr).toBe(0);
    const e = evaluate(readJsonl<Hit>(join(out, "hits.jsonl")), readJsonl<Truth>(labels));
    const ev = await tiegraph(["evaluate", "--hits", join(out, "hits.jsonl"), "--labels", labels, "--json"]);
    expect(JSON.parse(ev.stdout)).toEqual(e);
    console.log(`screen on 4,000 generated resumes (seed 11):\n  ${evaluationLines(e).join("\n  ")}`);
    expect(e.target.precision).toBeGreaterThanOrEqual(0.99);
    expect(e.target.recall).toBeGreaterThanOrEqual(0.95);
    expect(e.status_accuracy).toBeGreaterThanOrEqual(0.98);
    expect(e.national_security.precision).toBeGreaterThanOrEqual(0.97);
    expect(e.national_security.recall).toBeGreaterThanOrEqual(0.9);
    expect(e.tie_categories.precision).toBeGreaterThanOrEqual(0.97);
    expect(e.tie_categories.recall).toBeGreaterThanOrEqual(0.9);
    expect(e.activities.precision).toBeGreaterThanOrEqual(0.97);

    // The published profiles carry none of the people's names, phones, emails, addresses or ids.
    const published =
      readFileSync(join(out, "profiles.md"), "utf8") + readFileSync(join(out, "profiles.json"), "utf8");
    const profiled = new Set(
      readJsonl<Hit>(join(out, "hits.jsonl"))
        .filter((h) => h.national_security)
        .map((h) => h.id),
    );
    expect(profiled.size).toBeGreaterThan(20);
    expect(published.match(/^## P-/gm)?.length).toBe(profiled.size);
    for (const r of readJsonl<Record<string, string>>(corpus)) {
      if (!profiled.has(r.id!)) continue;
      for (const k of ["id", "name", "phone", "email", "address"]) {
        if (r[k] && r[k]!.length >= 2) expect(published, `${k} of ${r.id}`).not.toContain(r[k]);
      }
    }
    // No unit number (in text or in an entity id), email or phone, pseudonyms aside.
    expect(published.replace(/P-[0-9A-Z]{10}/g, "")).not.toMatch(/[0-9]{5}|@example/);
  });

  it("writes a funnel whose counts add up and whose manifest identifies the input", async () => {
    const out = join(dir, "funnel");
    const r = await tiegraph(["screen", corpus, "--out", out, "--json"]);
    expect(r.status, r.stderr).toBe(0);
    const printed = JSON.parse(r.stdout);
    const funnel = JSON.parse(readFileSync(join(out, "funnel.json"), "utf8"));
    expect(printed).toEqual(funnel);
    expect(funnel.records_read).toBe(4000);
    expect(funnel.records_read).toBe(funnel.records_screened + funnel.records_rejected);
    const t = funnel.target_employees;
    expect(t.total).toBe(t.current + t.former);
    expect(funnel.manifest.inputs).toEqual([
      {
        file: corpus,
        size: readFileSync(corpus).length,
        sha256: createHash("sha256").update(readFileSync(corpus)).digest("hex"),
      },
    ]);
    expect(funnel.manifest.lexicon.sha256).toMatch(/^[0-9a-f]{64}$/);
    const hits = readJsonl<Hit>(join(out, "hits.jsonl"));
    expect(hits.filter((h) => h.target.status !== null)).toHaveLength(t.total);
    expect(hits.filter((h) => h.national_security).length).toBe(
      funnel.target_national_security + funnel.others_national_security,
    );
    const table = await tiegraph(["screen", corpus, "--out", join(dir, "funnel-table")]);
    expect(table.stdout).toMatch(/records read\s+4,000/);
    expect(table.stdout).toMatch(/huawei employees\s+[\d,]+/);
  });

  it("gives the same hits and funnel for any number of workers and any split", async () => {
    const a = join(dir, "w1");
    const b = join(dir, "w2");
    expect((await tiegraph(["screen", corpus, "--out", a, "--workers", "1"])).status).toBe(0);
    expect((await tiegraph(["screen", corpus, "--out", b, "--workers", "2", "--shard-mb", "1"])).status).toBe(
      0,
    );
    expect(readFileSync(join(b, "hits.jsonl"), "utf8")).toBe(readFileSync(join(a, "hits.jsonl"), "utf8"));
    expect(readFileSync(join(b, "profiles.json"), "utf8")).toBe(
      readFileSync(join(a, "profiles.json"), "utf8"),
    );
    const fa = JSON.parse(readFileSync(join(a, "funnel.json"), "utf8"));
    const fb = JSON.parse(readFileSync(join(b, "funnel.json"), "utf8"));
    expect(withoutManifest(fb)).toEqual(withoutManifest(fa));
  });

  it("draws the same reproducible sample whatever the workers, and another with another seed", async () => {
    const run = async (name: string, extra: string[]) => {
      const out = join(dir, name);
      const r = await tiegraph(["screen", corpus, "--out", out, "--sample", "500", ...extra]);
      expect(r.status, r.stderr).toBe(0);
      return {
        funnel: JSON.parse(readFileSync(join(out, "funnel.json"), "utf8")),
        hits: readFileSync(join(out, "hits.jsonl"), "utf8"),
      };
    };
    const a = await run("s1", ["--seed", "5", "--workers", "1"]);
    const b = await run("s2", ["--seed", "5", "--workers", "2", "--shard-mb", "1"]);
    const c = await run("s3", ["--seed", "6"]);
    expect(a.funnel.records_read).toBe(500);
    expect(a.funnel.sample).toEqual({ n: 500, seed: 5, population: 4000 });
    expect(b.hits).toBe(a.hits);
    expect(withoutManifest(b.funnel)).toEqual(withoutManifest(a.funnel));
    expect(c.hits).not.toBe(a.hits);
    // About 40% of generated records are target employees; a sample of 500 shows that share.
    expect(a.funnel.target_employees.total).toBeGreaterThan(150);
    expect(a.funnel.target_employees.total).toBeLessThan(260);
  });

  it("resumes a killed run without losing or duplicating records", async () => {
    const big = join(dir, "big.jsonl");
    const g = await tiegraph(["generate", "resumes", "--count", "30000", "--seed", "3", "--out", big]);
    expect(g.status).toBe(0);
    const clean = join(dir, "clean");
    expect(
      (await tiegraph(["screen", big, "--out", clean, "--workers", "1", "--shard-mb", "2"])).status,
    ).toBe(0);

    const killed = join(dir, "killed");
    const child = spawn(
      process.execPath,
      [bin, "screen", big, "--out", killed, "--workers", "1", "--shard-mb", "2"],
      {
        env,
        stdio: "ignore",
      },
    );
    const checkpoint = join(killed, "checkpoint.jsonl");
    await new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const poll = setInterval(() => {
        const lines = existsSync(checkpoint)
          ? readFileSync(checkpoint, "utf8").split("\n").filter(Boolean).length
          : 0;
        if (lines >= 4) {
          clearInterval(poll);
          child.kill("SIGKILL");
          resolve();
        } else if (Date.now() - started > 60_000 || child.exitCode !== null) {
          clearInterval(poll);
          reject(new Error("the run ended before it could be killed"));
        }
      }, 5);
    });
    await new Promise((r) => child.on("exit", r));
    expect(existsSync(join(killed, "funnel.json"))).toBe(false);

    const resumed = await tiegraph(["screen", big, "--out", killed, "--workers", "2", "--shard-mb", "2"]);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/resuming after task \d+ of \d+/);
    expect(readFileSync(join(killed, "hits.jsonl"), "utf8")).toBe(
      readFileSync(join(clean, "hits.jsonl"), "utf8"),
    );
    const a = JSON.parse(readFileSync(join(clean, "funnel.json"), "utf8"));
    const b = JSON.parse(readFileSync(join(killed, "funnel.json"), "utf8"));
    expect(withoutManifest(b)).toEqual(withoutManifest(a));
    expect(b.manifest.resumed).toBe(true);
    expect(existsSync(checkpoint)).toBe(false);
  });
});

describe("tiegraph screen on bad input", () => {
  const good = (id: string, company = "华为技术有限公司") =>
    JSON.stringify({ id, work: [{ company, title: "工程师", start: "2015.03", end: "至今" }] });

  it("sets every bad record aside with file, line, offset and reason, and screens the rest", async () => {
    const d = join(dir, "bad");
    mkdirSync(d, { recursive: true });
    const lines = [
      good("a1"),
      '{"id": "t1", "work": [{"company": "华为技术有限公司"',
      Buffer.concat([
        Buffer.from('{"id":"u1","text":"华为'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('"}'),
      ]).toString("latin1"),
      JSON.stringify({ id: "w1", work: "华为技术有限公司" }),
      `{"id":"big","text":"华为${"x".repeat(10 * 1024 * 1024)}"}`,
      good("a2"),
    ];
    // Write byte-exactly: the invalid UTF-8 line must keep its raw bytes.
    const parts = lines.map((l, i) => (i === 2 ? Buffer.from(l, "latin1") : Buffer.from(l, "utf8")));
    const file = join(d, "mixed.jsonl");
    writeFileSync(file, Buffer.concat(parts.flatMap((p) => [p, Buffer.from("\n")])));
    const out = join(d, "out");
    const r = await tiegraph(["screen", file, "--out", out]);
    expect(r.status, r.stderr).toBe(0);
    const rejected = readJsonl<{ file: string; line: number; offset: number; code: string; message: string }>(
      join(out, "rejected.jsonl"),
    );
    expect(rejected.map((x) => [x.line, x.code])).toEqual([
      [2, "truncated"],
      [3, "invalid_encoding"],
      [4, "wrong_type"],
      [5, "too_long"],
    ]);
    let offset = 0;
    const offsets = parts.map((p) => {
      const o = offset;
      offset += p.length + 1;
      return o;
    });
    for (const x of rejected) {
      expect(x.file).toBe(file);
      expect(x.offset).toBe(offsets[x.line - 1]);
      expect(x.message.length).toBeGreaterThan(5);
    }
    const funnel = JSON.parse(readFileSync(join(out, "funnel.json"), "utf8"));
    expect(funnel).toMatchObject({ records_read: 6, records_rejected: 4, records_screened: 2 });
    expect(readJsonl<Hit>(join(out, "hits.jsonl")).map((h) => h.id)).toEqual(["a1", "a2"]);
  });

  it("reads GBK, UTF-16, BOM-marked UTF-8, gzip, CSV and JSON arrays, and says where a gzip is cut", async () => {
    const d = join(dir, "formats");
    mkdirSync(d, { recursive: true });
    const text = `${good("g1")}\n${good("g2", "深圳市公安局南山分局")}\n`;
    // GB18030 bytes of the same text, written by hand from the code points (no encoder in Node).
    const gbk = spawnSync("iconv", ["-f", "UTF-8", "-t", "GB18030"], { input: text });
    const files: [string, Buffer | null][] = [
      ["gbk.jsonl", gbk.status === 0 ? gbk.stdout : null],
      ["utf16.jsonl", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])],
      ["bom.jsonl", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
      ["gz.jsonl.gz", gzipSync(Buffer.from(text))],
      [
        "array.json",
        Buffer.from(
          JSON.stringify([JSON.parse(good("g1")), JSON.parse(good("g2", "深圳市公安局南山分局"))], null, 2),
        ),
      ],
      [
        "rows.csv",
        Buffer.from(
          "id,company,start,end\ng1,华为技术有限公司,2015.03,至今\ng2,深圳市公安局南山分局,2015.03,至今\ng3,too,many,columns,here\n",
        ),
      ],
      ["empty.jsonl", Buffer.alloc(0)],
    ];
    const map = join(d, "csv-map.json");
    writeFileSync(
      map,
      JSON.stringify({ id: "id", work: [{ company: "company", start: "start", end: "end" }] }),
    );
    for (const [name, bytes] of files) {
      if (bytes === null) continue; // no iconv on this machine
      const file = join(d, name);
      writeFileSync(file, bytes);
      const out = join(d, `${name}.out`);
      const args = ["screen", file, "--out", out, ...(name.endsWith(".csv") ? ["--map", map] : [])];
      const r = await tiegraph(args);
      expect(r.status, `${name}: ${r.stderr}`).toBe(0);
      const hits = readJsonl<Hit>(join(out, "hits.jsonl"));
      const funnel = JSON.parse(readFileSync(join(out, "funnel.json"), "utf8"));
      if (name === "empty.jsonl") {
        expect(funnel.records_read).toBe(0);
        continue;
      }
      expect(
        hits.map((h) => [h.id, h.target.status, h.ties.map((t) => t.category)]),
        name,
      ).toEqual([
        ["g1", "current", []],
        ["g2", null, ["public_security"]],
      ]);
      if (name.endsWith(".csv")) {
        expect(readJsonl<{ line: number; code: string }>(join(out, "rejected.jsonl"))).toEqual([
          expect.objectContaining({ line: 4, code: "column_count" }),
        ]);
      }
    }
    // A gzip cut in the middle: what came before the cut is screened, the cut is reported.
    const many = Array.from({ length: 3000 }, (_, i) => good(`z${i}`)).join("\n");
    const gz = gzipSync(Buffer.from(many));
    const cut = join(d, "cut.jsonl.gz");
    writeFileSync(cut, gz.subarray(0, Math.floor(gz.length / 2)));
    const out = join(d, "cut.out");
    const r = await tiegraph(["screen", cut, "--out", out]);
    expect(r.status, r.stderr).toBe(0);
    const funnel = JSON.parse(readFileSync(join(out, "funnel.json"), "utf8"));
    expect(funnel.records_screened).toBeGreaterThan(100);
    expect(funnel.records_rejected).toBeGreaterThanOrEqual(1);
    expect(readFileSync(join(out, "rejected.jsonl"), "utf8")).toMatch(/"code":"(unreadable|truncated)"/);
  });

  it("finds names in dumps written with \\u escapes", async () => {
    const file = join(dir, "escaped.jsonl");
    const plain = {
      id: "e1",
      work: [
        { company: "华为技术有限公司", start: "2012.01", end: "至今" },
        { company: "国家安全部", start: "2013", end: "2014" },
      ],
    };
    writeFileSync(
      file,
      `${JSON.stringify(plain).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}\n`,
    );
    const out = join(dir, "escaped.out");
    expect((await tiegraph(["screen", file, "--out", out])).status).toBe(0);
    const [hit] = readJsonl<Hit>(join(out, "hits.jsonl"));
    expect(hit?.target.status).toBe("current");
    expect(hit?.ties.map((t) => [t.category, t.role])).toEqual([["intelligence", "concurrent"]]);
  });

  it("exits 3 for an unreadable input and 2 for bad usage, naming the problem", async () => {
    const missing = await tiegraph(["screen", join(dir, "nope.jsonl"), "--out", join(dir, "x")]);
    expect(missing.status).toBe(3);
    expect(missing.stderr).toMatch(/nope\.jsonl: no such file/);
    expect((await tiegraph(["screen", corpus])).status).toBe(2); // no --out
    const bad = await tiegraph(["screen", corpus, "--out", join(dir, "x"), "--workers", "zero"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--workers/);
    const target = await tiegraph(["screen", corpus, "--out", join(dir, "x"), "--target", "nokia"]);
    expect(target.status).toBe(2);
    expect(target.stderr).toMatch(/--target nokia: unknown/);
  });

  it("shows records as the screen reads them, through a field map", async () => {
    const d = join(dir, "records");
    mkdirSync(d, { recursive: true });
    const file = join(d, "leak.jsonl");
    writeFileSync(
      file,
      `${JSON.stringify({ uid: "u-1", basic: { name: "某人" }, jobs: [{ corp: "华为技术有限公司", from: "2015.03", to: "至今" }] })}\n{"uid": "u-2", "jobs": "华为"}\n`,
    );
    const map = join(d, "map.json");
    writeFileSync(
      map,
      JSON.stringify({
        id: "uid",
        name: "basic.name",
        work: { from: "jobs", fields: { company: "corp", start: "from", end: "to" } },
      }),
    );
    const r = await tiegraph(["records", file, "--map", map]);
    expect(r.status, r.stderr).toBe(0);
    expect(
      r.stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { id: "u-1", name: "某人", work: [{ company: "华为技术有限公司", start: "2015.03", end: "至今" }] },
      { rejected: expect.objectContaining({ line: 2, code: "wrong_type" }) },
    ]);
    writeFileSync(map, JSON.stringify({ work: { from: 5 } }));
    const bad = await tiegraph(["screen", file, "--map", map, "--out", join(d, "out")]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(map);
    expect(bad.stderr).toContain("work.from");
  });

  it("has --help on every command", async () => {
    for (const args of [
      [],
      ["screen"],
      ["generate"],
      ["generate", "resumes"],
      ["lexicon"],
      ["lexicon", "stats"],
      ["records"],
      ["evaluate"],
      ["ingest", "docs"],
      ["search"],
      ["ties", "candidates"],
      ["ties", "accept"],
      ["dataset", "load"],
      ["import", "ftm"],
      ["export", "geojson"],
      ["export", "csv"],
      ["lists", "import"],
      ["match"],
      ["runs", "import"],
      ["match", "graph"],
      ["match", "hits"],
      ["tags"],
      ["places"],
      ["serve"],
      ["publish"],
      ["demo"],
    ]) {
      const r = await tiegraph([...args, "--help"]);
      expect(r.status, args.join(" ")).toBe(0);
      expect(r.stdout).toMatch(/Usage: tiegraph/);
    }
  });
});
