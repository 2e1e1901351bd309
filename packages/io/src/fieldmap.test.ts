import { existsSync, readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import {
  type FieldMap,
  getPath,
  parseFieldMap,
  parsePath,
  readFieldMap,
  toResumeRecord,
} from "./fieldmap.js";
import { readAll, tempDir } from "./testutil.js";

const dir = tempDir();
afterAll(() => dir.remove());

const mapOf = (json: unknown): FieldMap => {
  const r = parseFieldMap(json, "map.json");
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe("parseFieldMap", () => {
  it("accepts the documented shape", () => {
    const map = mapOf({
      $comment: "leak A",
      id: "uid",
      name: "basic.name",
      phone: "basic.mobile",
      email: "basic.email",
      address: "basic.addr",
      text: ["summary", "self_evaluation"],
      work: {
        from: "experiences",
        fields: { company: "corp", title: "position", start: "from", end: "to", description: "desc" },
      },
      education: { from: "edu", fields: { school: "school", major: "major" } },
      certificates: "certs",
    });
    expect(map.name?.[0]?.segs).toEqual(["basic", "name"]);
    expect(map.text?.map((p) => p.raw)).toEqual(["summary", "self_evaluation"]);
    expect(map.work).toMatchObject({ kind: "list", from: [{ raw: "experiences" }] });
  });

  it("accepts column groups for CSV and a bare list path", () => {
    const map = mapOf({
      work: [{ company: "work1_company", title: "work1_title" }, { company: "work2_company" }],
      education: "schools",
    });
    expect(map.work?.kind).toBe("columns");
    expect(map.education).toMatchObject({ kind: "list", fields: { school: [{ raw: "school" }] } });
  });

  const errors: [string, unknown, RegExp, string | undefined][] = [
    ["a non-object", ["name"], /must be a JSON object/, undefined],
    ["an unknown key", { nmae: "x" }, /"nmae" is not a canonical field/, "nmae"],
    [
      "an unknown work field",
      { work: { from: "w", fields: { compny: "c" } } },
      /"work.fields.compny"/,
      "work.fields.compny",
    ],
    ["an unknown key in a list map", { work: { from: "w", field: {} } }, /"work.field"/, "work.field"],
    ["a number for a path", { name: 3 }, /"name" must be a dotted path/, "name"],
    ["an empty path segment", { name: "basic..name" }, /invalid path "basic..name"/, "name"],
    ["a bad column group", { education: [{ school: "s" }, "x"] }, /"education\[1\]"/, "education[1]"],
    ["a missing from", { work: { fields: { company: "c" } } }, /"work.from"/, "work.from"],
  ];
  for (const [what, json, message, field] of errors) {
    it(`names the map file and the bad key for ${what}`, () => {
      const r = parseFieldMap(json, "maps/leak.json");
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.message).toMatch(/^maps\/leak\.json: /);
      expect(r.message).toMatch(message);
      expect(r.field).toBe(field);
    });
  }

  it("reads a map file, reporting invalid JSON with the file name", async () => {
    const good = await readFieldMap(dir.file("good.json", '{"text": "bio"}'));
    expect(good.ok && good.value.text?.[0]?.raw).toBe("bio");
    const bad = await readFieldMap(dir.file("bad.json", "{text: bio}"));
    expect(bad).toMatchObject({
      ok: false,
      code: "invalid_json",
      message: expect.stringMatching(/bad\.json/),
    });
    const missing = await readFieldMap(`${dir.path}/none.json`);
    expect(missing).toMatchObject({ ok: false, code: "unreadable" });
  });
});

describe("getPath", () => {
  it("walks objects and arrays, prefers a flat dotted key, ignores inherited properties", () => {
    const obj = { a: { b: [{ c: 1 }, { c: 2 }] }, "x.y": 3, x: { y: 4 } };
    expect(getPath(obj, parsePath("a.b.1.c")!)).toBe(2);
    expect(getPath(obj, parsePath("a.b.9.c")!)).toBeUndefined();
    expect(getPath(obj, parsePath("x.y")!)).toBe(3);
    expect(getPath(obj, parsePath("a.constructor")!)).toBeUndefined();
    expect(getPath(obj, parsePath("a.b.c")!)).toBeUndefined();
  });
});

describe("toResumeRecord with a map", () => {
  const map = mapOf({
    id: "uid",
    name: "basic.name",
    phone: "basic.mobile",
    text: ["summary", "self_evaluation"],
    work: { from: "experiences", fields: { company: "corp", title: "position", start: "from", end: "to" } },
    education: { from: "edu", fields: { school: "school" } },
    certificates: "certs",
  });

  it("maps a leak's fields onto the canonical record", () => {
    const r = toResumeRecord(
      {
        uid: 8812,
        basic: { name: "张三", mobile: 13800000000 },
        summary: "熟悉网络安全",
        self_evaluation: ["吃苦耐劳", "团队合作"],
        experiences: [{ corp: "华为技术有限公司", position: "工程师", from: "2015.07", to: 201903 }, null],
        edu: { school: "西安电子科技大学" },
        certs: "CCIE",
      },
      map,
      "leak.jsonl:3",
    );
    expect(r).toEqual({
      ok: true,
      value: {
        id: "8812",
        name: "张三",
        phone: "13800000000",
        text: "熟悉网络安全\n吃苦耐劳\n团队合作",
        work: [{ company: "华为技术有限公司", title: "工程师", start: "2015.07", end: "201903" }],
        education: [{ school: "西安电子科技大学" }],
        certificates: ["CCIE"],
      },
    });
  });

  it("falls back to the given id and leaves absent fields absent", () => {
    const r = toResumeRecord({ summary: "x", basic: { name: "  " } }, map, "leak.jsonl:9");
    expect(r).toEqual({ ok: true, value: { id: "leak.jsonl:9", text: "x" } });
  });

  it("rejects a string where a list of entries belongs, naming the field", () => {
    const r = toResumeRecord({ experiences: "华为 2015-2019", summary: "x" }, map, "f:1");
    expect(r).toMatchObject({ ok: false, code: "wrong_type", field: "work" });
    expect(!r.ok && r.message).toMatch(/work \(from "experiences"\) is a string, expected a list/);
  });

  it("rejects a string inside a list of entries and an object where text belongs", () => {
    expect(toResumeRecord({ experiences: ["华为"], summary: "x" }, map, "f:1")).toMatchObject({
      code: "wrong_type",
      field: "work[0]",
    });
    expect(toResumeRecord({ experiences: [{ corp: { zh: "华为" } }] }, map, "f:1")).toMatchObject({
      code: "wrong_type",
      field: "work[0].company",
    });
    expect(toResumeRecord({ basic: { name: true }, summary: "x" }, map, "f:1")).toMatchObject({
      code: "wrong_type",
      field: "name",
    });
    expect(toResumeRecord({ uid: { a: 1 }, summary: "x" }, map, "f:1")).toMatchObject({ field: "id" });
  });

  it("joins a list of values in a one-value field", () => {
    const r = toResumeRecord({ basic: { mobile: ["138", 139] }, summary: "x" }, map, "f:1");
    expect(r.ok && r.value.phone).toBe("138; 139");
  });

  it("calls a record with nothing to screen empty", () => {
    const r = toResumeRecord(
      { uid: 1, basic: { name: "张三", mobile: "138" }, experiences: [], edu: [{}] },
      map,
      "f:1",
    );
    expect(r).toMatchObject({ ok: false, code: "empty_record" });
  });

  it("reads flat CSV column groups", () => {
    const csvMap = mapOf({
      name: "姓名",
      work: [
        { company: "work1_company", start: "work1_start" },
        { company: "work2_company", start: "work2_start" },
      ],
    });
    const r = toResumeRecord(
      { 姓名: "李四", work1_company: "中兴通讯", work1_start: "2010", work2_company: "", work2_start: "" },
      csvMap,
      "f.csv:2",
    );
    expect(r).toEqual({
      ok: true,
      value: { id: "f.csv:2", name: "李四", work: [{ company: "中兴通讯", start: "2010" }] },
    });
  });
});

describe("reading a file through a map", () => {
  it("sets aside a record with a wrong type with its file, line and offset, and maps the rest", async () => {
    const lines = [
      '{"uid":1,"jobs":[{"corp":"华为"}]}',
      '{"uid":2,"jobs":"华为 2015-2019"}',
      '{"uid":3,"jobs":[{"corp":"中兴"}],"certs":["CCIE"]}',
      '{"uid":4}',
    ];
    const f = dir.file("mapped.jsonl", `${lines.join("\n")}\n`);
    const map = mapOf({
      id: "uid",
      work: { from: "jobs", fields: { company: "corp" } },
      certificates: "certs",
    });
    const { records } = await readAll(f);
    const results = records.map((r) => toResumeRecord(r.value!, map, `${f}:${r.line}`));
    expect(results.filter((r) => r.ok).map((r) => r.ok && r.value)).toEqual([
      { id: "1", work: [{ company: "华为" }] },
      { id: "3", work: [{ company: "中兴" }], certificates: ["CCIE"] },
    ]);
    const rejected = records.flatMap((r, i) => {
      const res = results[i]!;
      return res.ok ? [] : [{ file: f, line: r.line, offset: r.offset, code: res.code, field: res.field }];
    });
    expect(rejected).toEqual([
      { file: f, line: 2, offset: Buffer.byteLength(`${lines[0]}\n`), code: "wrong_type", field: "work" },
      {
        file: f,
        line: 4,
        offset: Buffer.byteLength(`${lines.slice(0, 3).join("\n")}\n`),
        code: "empty_record",
        field: undefined,
      },
    ]);
  });
});

describe("toResumeRecord without a map", () => {
  it("reads the canonical names", () => {
    const rec = {
      id: "r1",
      name: "Wang",
      work: [{ company: "Huawei", title: "Engineer", start: "2012", end: "2016", description: "5G" }],
      education: [{ school: "NUDT", degree: "MSc", major: "CS", note: "x" }],
      certificates: ["CISSP"],
      text: "bio",
    };
    expect(toResumeRecord(rec, null, "f:1")).toEqual({ ok: true, value: rec });
  });

  it("takes one object for a one-entry list and one string for one certificate", () => {
    const r = toResumeRecord({ work: { company: "Huawei" }, certificates: "CCNA" }, null, "f:1");
    expect(r).toEqual({
      ok: true,
      value: { id: "f:1", work: [{ company: "Huawei" }], certificates: ["CCNA"] },
    });
  });

  it("rejects `work` given as a string", () => {
    expect(toResumeRecord({ work: "Huawei 2012-2016" }, null, "f:1")).toMatchObject({
      ok: false,
      code: "wrong_type",
      field: "work",
    });
  });

  it("reads JSON Resume's names", () => {
    const r = toResumeRecord(
      {
        basics: {
          name: "A",
          email: "a@example.com",
          summary: "Bio",
          location: { city: "Shenzhen", countryCode: "CN" },
        },
        work: [
          {
            name: "Huawei",
            position: "Engineer",
            startDate: "2013-12-01",
            summary: "Did",
            highlights: ["x", "y"],
          },
        ],
        education: [{ institution: "NUDT", studyType: "Bachelor", area: "CS", endDate: "2012" }],
        certificates: [{ name: "CCIE", issuer: "Cisco" }],
      },
      null,
      "f:1",
    );
    expect(r).toEqual({
      ok: true,
      value: {
        id: "f:1",
        name: "A",
        email: "a@example.com",
        address: "Shenzhen, CN",
        text: "Bio",
        work: [{ company: "Huawei", title: "Engineer", start: "2013-12-01", description: "Did\nx\ny" }],
        education: [{ school: "NUDT", degree: "Bachelor", major: "CS", end: "2012" }],
        certificates: ["CCIE, Cisco"],
      },
    });
  });

  const sample = "../shared/data/resume-en-jsonresume-sample/sample.resume.json";
  const samplePath = new URL(`../../../${sample}`, import.meta.url).pathname;
  describe.skipIf(!existsSync(samplePath))("the JSON Resume sample", () => {
    it("reads as one record with its employers and schools", async () => {
      const all = await readAll(samplePath);
      expect(all.rejections).toEqual([]);
      expect(all.records).toHaveLength(1);
      const r = toResumeRecord(all.records[0]!.value!, null, `${sample}:1`);
      if (!r.ok) throw new Error(r.message);
      const json = JSON.parse(readFileSync(samplePath, "utf8"));
      expect(r.value.name).toBe(json.basics.name);
      expect(r.value.work?.map((w) => w.company)).toEqual(json.work.map((w: { name: string }) => w.name));
      expect(r.value.education?.map((e) => e.school)).toEqual(
        json.education.map((e: { institution: string }) => e.institution),
      );
      expect(r.value.text).toContain(json.basics.summary);
    });
  });
});
