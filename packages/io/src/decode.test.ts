import { describe, expect, it } from "vitest";
import type { RecordBatch } from "./batches.js";
import { countCsvFields, parseCsvRow } from "./csv.js";
import { decodeRecord, endsMidStructure, frameCheck, toRejection } from "./decode.js";

/** A batch holding the given records, one per line. */
function batch(
  format: RecordBatch["format"],
  records: string[],
  header: string[] | null = null,
): RecordBatch {
  const parts = records.map((r) => Buffer.from(r, "utf8"));
  const starts = new Int32Array(parts.length);
  const ends = new Int32Array(parts.length);
  let pos = 0;
  parts.forEach((p, i) => {
    starts[i] = pos;
    ends[i] = pos + p.length;
    pos += p.length + 1;
  });
  return {
    file: "in.dat",
    format,
    buf: Buffer.concat(parts.flatMap((p) => [p, Buffer.from("\n")])),
    starts,
    ends,
    lines: Int32Array.from(parts.map((_, i) => i * 2 + 1)),
    offsets: Float64Array.from(starts),
    header,
    delimiter: format === "tsv" ? "\t" : format === "csv" ? "," : null,
    rejections: [],
    replaced: 0,
    bytesRead: pos,
    nextLine: parts.length * 2,
  };
}

describe("decodeRecord (JSON)", () => {
  const b = batch("jsonl", [
    '{"name":"王伟","work":[{"company":"华为"}]}',
    '{"name":"王伟","work":[{"company":"华',
    '{"a":1',
    '{"a": [1, 2}',
    '{"a" 1}',
    "[1,2]",
    "null",
    '"text"',
    "{}}",
  ]);
  const results = Array.from({ length: 9 }, (_, i) => decodeRecord(b, i));

  it("parses objects", () => {
    expect(results[0]).toEqual({ ok: true, value: { name: "王伟", work: [{ company: "华为" }] } });
    expect(results[8]?.ok).toBe(false);
  });

  it("calls a record that stops mid-structure truncated and a malformed one invalid_json", () => {
    expect(results.slice(1, 5).map((r) => (r.ok ? "ok" : r.code))).toEqual([
      "truncated",
      "truncated",
      "invalid_json",
      "invalid_json",
    ]);
    expect(results[8]).toMatchObject({ ok: false, code: "invalid_json" });
  });

  it("rejects values that are not objects", () => {
    expect(results.slice(5, 8).map((r) => (r.ok ? "ok" : r.code))).toEqual(Array(3).fill("not_an_object"));
    expect(results[5]).toMatchObject({ message: expect.stringMatching(/array/) });
  });

  it("makes a rejection with the record's file, line and offset", () => {
    const r = results[1]!;
    if (r.ok) throw new Error("expected a failure");
    expect(toRejection(b, 1, r)).toEqual({
      file: "in.dat",
      line: 3,
      offset: b.starts[1],
      code: "truncated",
      message: r.message,
    });
    expect(toRejection(b, 1, { ok: false, code: "wrong_type", message: "m", field: "work" })).toMatchObject({
      field: "work",
    });
  });

  it("frameCheck agrees with decoding on the usual failures, by looking at two bytes", () => {
    expect([0, 1, 2, 5, 6, 7].map((i) => frameCheck(b, i))).toEqual([
      null,
      "truncated",
      "truncated",
      "not_an_object",
      "not_an_object",
      "not_an_object",
    ]);
    expect(frameCheck(batch("json", ["garbage}"]), 0)).toBe("invalid_json");
  });

  it("tells cut-short JSON from malformed JSON", () => {
    const t = (s: string) => endsMidStructure(Buffer.from(s), 0, Buffer.byteLength(s));
    expect(t('{"a":"b')).toBe(true);
    expect(t('{"a":"\\"')).toBe(true);
    expect(t('{"a":[{"b":1}')).toBe(true);
    expect(t('{"a":1}')).toBe(false);
    expect(t('{"a":[1}')).toBe(false);
    expect(t('{"a":1}}')).toBe(false);
  });
});

describe("decodeRecord (CSV)", () => {
  const header = ["id", "name", "note"];
  const b = batch("csv", ['1,Wang,"a, ""b"""', "2,Li", '3,Zhao,"x\ny",extra', '4,"",'], header);

  it("keys fields by the header", () => {
    expect(decodeRecord(b, 0)).toEqual({ ok: true, value: { id: "1", name: "Wang", note: 'a, "b"' } });
    expect(decodeRecord(b, 3)).toEqual({ ok: true, value: { id: "4", name: "", note: "" } });
  });

  it("rejects a row with another number of columns, and frameCheck sees it too", () => {
    expect(decodeRecord(b, 1)).toMatchObject({
      ok: false,
      code: "column_count",
      message: expect.stringMatching(/2 columns.*3/),
    });
    expect(decodeRecord(b, 2)).toMatchObject({ ok: false, code: "column_count" });
    expect([0, 1, 2, 3].map((i) => frameCheck(b, i))).toEqual([null, "column_count", "column_count", null]);
  });

  it("keeps a __proto__ column as data", () => {
    const p = batch("csv", ["x,y"], ["__proto__", "b"]);
    const r = decodeRecord(p, 0);
    expect(r.ok && Object.getOwnPropertyDescriptor(r.value, "__proto__")?.value).toBe("x");
    expect(r.ok && Object.getPrototypeOf(r.value)).toBe(Object.prototype);
  });

  it("reads TSV with its delimiter", () => {
    const t = batch("tsv", ["1\tA, B"], ["id", "name"]);
    expect(decodeRecord(t, 0)).toEqual({ ok: true, value: { id: "1", name: "A, B" } });
  });
});

describe("parseCsvRow and countCsvFields", () => {
  const rows: [string, string[]][] = [
    ["a,b,c", ["a", "b", "c"]],
    ["", [""]],
    [",", ["", ""]],
    ['"a,b",c', ["a,b", "c"]],
    ['"a""b"', ['a"b']],
    ['x"y,z', ['x"y', "z"]],
    ['"ab"cd,e', ["abcd", "e"]],
    ['"open, never closed', ["open, never closed"]],
    ['"line\nbreak",华为', ["line\nbreak", "华为"]],
    ['"",""', ["", ""]],
  ];
  for (const [row, fields] of rows) {
    it(`splits ${JSON.stringify(row)}`, () => {
      const buf = Buffer.from(`pre|${row}|post`);
      const start = 4;
      const end = start + Buffer.byteLength(row);
      expect(parseCsvRow(buf, start, end, 44)).toEqual(fields);
      expect(countCsvFields(buf, start, end, 44)).toBe(fields.length);
    });
  }
});
