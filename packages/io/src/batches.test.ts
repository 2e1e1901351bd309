import { statSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { formatFromPath, readBatches, sniffDelimiter, uniqueHeader } from "./batches.js";
import { readAll, tempDir } from "./testutil.js";

const dir = tempDir();
afterAll(() => dir.remove());

const utf8 = (s: string) => Buffer.from(s, "utf8");
const codes = (all: { rejections: { code: string; line: number; offset: number }[] }) =>
  all.rejections.map((r) => [r.code, r.line, r.offset]);

describe("JSON lines", () => {
  it("frames one record per line, counting blank lines, trimming CRLF and spaces, with exact offsets", async () => {
    const text = '{"a":1}\n\n  {"b":2}  \r\n\t\n{"c":3}';
    const f = dir.file("basic.jsonl", text);
    const all = await readAll(f);
    expect(all.records.map((r) => [r.text, r.line, r.offset])).toEqual([
      ['{"a":1}', 1, 0],
      ['{"b":2}', 3, text.indexOf('{"b"')],
      ['{"c":3}', 5, text.indexOf('{"c"')],
    ]);
    expect(all.rejections).toEqual([]);
    expect(all.bytesRead).toBe(text.length);
    expect(all.nextLine).toBe(5);
  });

  it("gives the same records whatever the batch size", async () => {
    const lines = Array.from({ length: 60 }, (_, i) =>
      i % 7 === 3 ? "" : JSON.stringify({ i, s: "华为".repeat(i) }),
    );
    const f = dir.file("sizes.jsonl", lines.join("\n"));
    const whole = await readAll(f);
    expect(whole.records).toHaveLength(lines.filter((l) => l !== "").length);
    for (const batchBytes of [1, 2, 3, 7, 64, 1000]) {
      const part = await readAll(f, { batchBytes });
      expect(part.records).toEqual(whole.records);
      expect(part.rejections).toEqual([]);
    }
  });

  it("sets a truncated line aside and reads on", async () => {
    const text = '{"id":1}\n{"id":2,"name":"Wan\n{"id":3}\n';
    const all = await readAll(dir.file("trunc.jsonl", text));
    expect(all.records.filter((r) => r.value !== null).map((r) => r.value?.["id"])).toEqual([1, 3]);
    expect(all.rejections).toMatchObject([
      { code: "truncated", line: 2, offset: 9, file: expect.stringMatching(/trunc/) },
    ]);
  });

  it("tells invalid JSON and non-objects apart", async () => {
    const all = await readAll(dir.file("bad.jsonl", '{"a" 1}\n[1,2]\n"x"\n{"ok":true}\n'));
    expect(codes(all)).toEqual([
      ["invalid_json", 1, 0],
      ["not_an_object", 2, 8],
      ["not_an_object", 3, 14],
    ]);
    expect(all.records.at(-1)?.value).toEqual({ ok: true });
  });

  it("rejects a line with invalid UTF-8 with its line and offset, keeping the others", async () => {
    const data = Buffer.concat([
      utf8('{"n":"华为"}\n'),
      Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d, 0x0a]),
      utf8('{"n":2}\n'),
    ]);
    const f = dir.file("badutf8.jsonl", data);
    for (const batchBytes of [3, 4 << 20]) {
      const all = await readAll(f, { batchBytes, encoding: "utf-8" });
      expect(all.records.map((r) => r.value)).toEqual([{ n: "华为" }, { n: 2 }]);
      expect(codes(all)).toEqual([["invalid_encoding", 2, utf8('{"n":"华为"}\n').length]]);
    }
  });

  it("can keep a damaged line with replacement characters instead", async () => {
    const data = Buffer.concat([
      utf8('{"n":1}\n'),
      Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xe2, 0x3f, 0xa2, 0x22, 0x7d]),
      utf8('\n{"n":3}'),
    ]);
    const f = dir.file("replace.jsonl", data);
    let replaced = 0;
    for await (const b of readBatches(f, { invalidEncoding: "replace" })) replaced += b.replaced;
    const all = await readAll(f, { invalidEncoding: "replace" });
    expect(all.records.map((r) => [r.value, r.line, r.offset])).toEqual([
      [{ n: 1 }, 1, 0],
      [{ n: "\ufffd?\ufffd" }, 2, 8],
      [{ n: 3 }, 3, 20],
    ]);
    expect(all.rejections).toEqual([]);
    expect(replaced).toBe(1);
    const gb = dir.file(
      "replace-gb.jsonl",
      Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xbb, 0xaa, 0x81, 0x22, 0x7d, 0x0a]),
    );
    expect((await readAll(gb, { encoding: "gbk", invalidEncoding: "replace" })).records[0]?.value).toEqual({
      a: "华\ufffd",
    });
  });

  it("reads an empty file as no records and no error", async () => {
    for (const name of ["empty.jsonl", "empty.csv", "empty.json", "empty"]) {
      const all = await readAll(dir.file(name, ""));
      expect(all).toMatchObject({ records: [], rejections: [], batches: 0 });
    }
    const blank = await readAll(dir.file("blank.jsonl", "\n  \n\r\n"));
    expect(blank.records).toEqual([]);
    expect(blank.rejections).toEqual([]);
  });

  it("rejects a 10 MB line without stopping, before, inside and at the end of the file", async () => {
    const big = `{"x":"${"a".repeat(10_000_000)}"}`;
    const f = dir.file("long.jsonl", `{"id":1}\n${big}\n{"id":2}\n${big}`);
    const all = await readAll(f);
    expect(all.records.map((r) => r.value)).toEqual([{ id: 1 }, { id: 2 }]);
    expect(codes(all)).toEqual([
      ["too_long", 2, 9],
      ["too_long", 4, 9 + big.length + 10],
    ]);
    // A small limit and small batches take the same path many times over.
    const small = await readAll(f, { maxRecordBytes: 1000, batchBytes: 4096 });
    expect(codes(small)).toEqual(codes(all));
    expect(small.records.map((r) => r.value)).toEqual([{ id: 1 }, { id: 2 }]);
    // Within one batch.
    const inBatch = await readAll(f, { maxRecordBytes: 1000, batchBytes: 64 << 20 });
    expect(codes(inBatch)).toEqual(codes(all));
  });

  it("strips a UTF-8 BOM and keeps offsets in the file", async () => {
    const f = dir.file(
      "bom.jsonl",
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('{"a":"华"}\n{"b":2}\n')]),
    );
    const all = await readAll(f);
    expect(all.records.map((r) => [r.value, r.line, r.offset])).toEqual([
      [{ a: "华" }, 1, 3],
      [{ b: 2 }, 2, 3 + utf8('{"a":"华"}\n').length],
    ]);
  });

  it("skips the byte-order mark of a file concatenated into the middle of another", async () => {
    const data = Buffer.concat([utf8('{"a":1}\n'), Buffer.from([0xef, 0xbb, 0xbf]), utf8('{"b":2}\n')]);
    const all = await readAll(dir.file("concat.jsonl", data));
    expect(all.records.map((r) => [r.value, r.offset])).toEqual([
      [{ a: 1 }, 0],
      [{ b: 2 }, 11],
    ]);
  });

  for (const enc of ["utf-16le", "utf-16be"] as const) {
    it(`reads ${enc} with a BOM, offsets counted in the file's bytes`, async () => {
      const text = '{"a":"华为技术"}\r\n\r\n{"b":"😀"}\n';
      const le = Buffer.from(text, "utf16le");
      const body = enc === "utf-16le" ? le : Buffer.from(le).swap16();
      const bom = enc === "utf-16le" ? [0xff, 0xfe] : [0xfe, 0xff];
      const f = dir.file(`u16-${enc}.jsonl`, Buffer.concat([Buffer.from(bom), body]));
      for (const opts of [{}, { encoding: enc }, { batchBytes: 3 }]) {
        const all = await readAll(f, opts);
        expect(all.records.map((r) => [r.value, r.line, r.offset])).toEqual([
          [{ a: "华为技术" }, 1, 2],
          [{ b: "😀" }, 3, 2 + 2 * '{"a":"华为技术"}\r\n\r\n'.length],
        ]);
        expect(all.rejections).toEqual([]);
      }
      // Without the BOM the zero bytes give it away.
      const bare = await readAll(dir.file(`u16-${enc}-nobom.jsonl`, body));
      expect(bare.records.map((r) => r.value)).toEqual([{ a: "华为技术" }, { b: "😀" }]);
    });
  }

  it("splits UTF-16 JSON arrays and CSV by code units", async () => {
    const doc = [{ a: "华为", b: [1, { c: "}" }] }, { d: '😀"]' }];
    const u16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    for (const batchBytes of [3, 4096]) {
      const json = await readAll(dir.file("u16.json", u16(JSON.stringify(doc, null, 2))), { batchBytes });
      expect(json.records.map((r) => r.value)).toEqual(doc);
      expect(json.records[1]?.offset).toBe(2 + 2 * JSON.stringify(doc, null, 2).indexOf('{\n    "d"'));
      const csv = await readAll(dir.file("u16.csv", u16('name,note\r\n王,"a,\r\nb"\r\n李,c\r\n')), {
        batchBytes,
      });
      expect(csv.records.map((r) => [r.value, r.line])).toEqual([
        [{ name: "王", note: "a,\r\nb" }, 2],
        [{ name: "李", note: "c" }, 4],
      ]);
    }
  });

  it("rejects a UTF-16 line with a lone surrogate", async () => {
    const body = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('{"a":"', "utf16le"),
      Buffer.from([0x00, 0xd8]),
      Buffer.from('"}\n{"b":1}\n', "utf16le"),
    ]);
    const all = await readAll(dir.file("u16bad.jsonl", body));
    expect(all.records.map((r) => r.value)).toEqual([{ b: 1 }]);
    expect(codes(all)).toEqual([["invalid_encoding", 1, 2]]);
  });
});

// 华 BB AA, 为 CE AA, 中 D6 D0, 国 B9 FA; 0x81 0x5C and 0x81 0x7D are GBK characters whose
// trail bytes look like "\" and "}"; 94 39 FC 36 is the GB18030 four-byte form of U+1F600.
const gbk = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));
const HUAWEI = [0xbb, 0xaa, 0xce, 0xaa];
const ZHONGGUO = [0xd6, 0xd0, 0xb9, 0xfa];
const TRAIL_BACKSLASH = [0x81, 0x5c];
const TRAIL_BRACE = [0x81, 0x7d];
const EMOJI = [0x94, 0x39, 0xfc, 0x36];
const gbDecode = (b: number[]) => new TextDecoder("gb18030").decode(Buffer.from(b));

describe("GBK / GB18030", () => {
  it("has the test bytes right", () => {
    expect(gbDecode(HUAWEI)).toBe("华为");
    expect(gbDecode(ZHONGGUO)).toBe("中国");
    expect(gbDecode(EMOJI)).toBe("😀");
    expect(gbDecode(TRAIL_BACKSLASH)).toHaveLength(1);
    expect(gbDecode(TRAIL_BRACE)).toHaveLength(1);
  });

  const lines = gbk(
    '{"company":"',
    HUAWEI,
    '","x":"',
    TRAIL_BACKSLASH,
    '"}\n{"country":"',
    ZHONGGUO,
    EMOJI,
    '"}\n',
  );

  it("detects GBK and reads it as UTF-8 records, with offsets in the GBK file", async () => {
    const f = dir.file("gbk.jsonl", lines);
    for (const opts of [
      {},
      { encoding: "gbk" as const },
      { encoding: "gb18030" as const },
      { batchBytes: 5 },
    ]) {
      const all = await readAll(f, opts);
      expect(all.records.map((r) => [r.value, r.line, r.offset])).toEqual([
        [{ company: "华为", x: gbDecode(TRAIL_BACKSLASH) }, 1, 0],
        [{ country: "中国😀" }, 2, lines.indexOf(0x0a) + 1],
      ]);
      expect(all.rejections).toEqual([]);
    }
  });

  it("rejects a line that is not valid GB18030", async () => {
    const f = dir.file("gbk-bad.jsonl", Buffer.concat([lines, gbk('{"a":"', [0x81, 0x0a])]));
    const all = await readAll(f, { encoding: "gb18030" });
    expect(all.records).toHaveLength(2);
    expect(codes(all)).toEqual([["invalid_encoding", 3, lines.length]]);
  });

  it("splits a GBK JSON array whose trail bytes look like backslashes and braces", async () => {
    const data = gbk('[{"a":"', TRAIL_BACKSLASH, '"},\n {"b":"', TRAIL_BRACE, HUAWEI, '"}]');
    const all = await readAll(dir.file("gbk.json", data), { encoding: "gbk", batchBytes: 3 });
    expect(all.records.map((r) => [r.value, r.line])).toEqual([
      [{ a: gbDecode(TRAIL_BACKSLASH) }, 1],
      [{ b: `${gbDecode(TRAIL_BRACE)}华为` }, 2],
    ]);
  });

  it("splits GBK CSV on a | delimiter that also occurs as a trail byte", async () => {
    const TRAIL_PIPE = [0x81, 0x7c];
    const data = gbk("name|company\n", TRAIL_PIPE, "|", HUAWEI, "\n");
    const all = await readAll(dir.file("gbk-pipe.csv", data), { encoding: "gbk", batchBytes: 2 });
    expect(all.records.map((r) => r.value)).toEqual([{ name: gbDecode(TRAIL_PIPE), company: "华为" }]);
  });

  it("keeps a mostly UTF-8 file UTF-8 when one line is corrupt", async () => {
    const good = Array.from({ length: 20 }, (_, i) => `{"i":${i},"c":"华为技术有限公司"}`);
    const data = Buffer.concat([
      utf8(`${good.slice(0, 10).join("\n")}\n`),
      gbk('{"c":"', HUAWEI, '"}\n'),
      utf8(good.slice(10).join("\n")),
    ]);
    const all = await readAll(dir.file("mostly-utf8.jsonl", data));
    expect(all.records).toHaveLength(20);
    expect(all.records[0]?.value).toEqual({ i: 0, c: "华为技术有限公司" });
    expect(codes(all)).toEqual([["invalid_encoding", 11, utf8(`${good.slice(0, 10).join("\n")}\n`).length]]);
  });
});

describe("gzip", () => {
  const lines = Array.from({ length: 5000 }, (_, i) =>
    JSON.stringify({ i, text: `第${i}行 ${"x".repeat(i % 50)}` }),
  );
  const plain = utf8(`${lines.join("\n")}\n`);
  const gz = gzipSync(plain);

  it("is detected by its magic bytes whatever the name, and counts compressed bytes", async () => {
    for (const name of ["a.jsonl.gz", "a.jsonl", "a.dat"]) {
      const all = await readAll(dir.file(name, gz), {
        format: name === "a.dat" ? "jsonl" : "auto",
        batchBytes: 10_000,
      });
      expect(all.records).toHaveLength(5000);
      expect(all.records[4999]).toMatchObject({ line: 5000, offset: plain.lastIndexOf('{"i":4999') });
      expect(all.bytesRead).toBe(gz.length);
    }
  });

  it("delivers the records before a cut and reports the cut without throwing", async () => {
    const cut = gz.subarray(0, Math.floor(gz.length * 0.6));
    const all = await readAll(dir.file("cut.jsonl.gz", cut), { batchBytes: 8192 });
    expect(all.records.length).toBeGreaterThan(1000);
    expect(all.records.every((r, i) => r.value?.["i"] === i)).toBe(true);
    expect(all.rejections).toHaveLength(1);
    const next = all.records.length;
    expect(all.rejections[0]).toMatchObject({
      code: "truncated",
      line: next + 1,
      offset: plain.indexOf(`{"i":${next},`),
    });
  });

  it("reports a damaged stream as unreadable without throwing", async () => {
    const many = Array.from({ length: 40_000 }, (_, i) =>
      JSON.stringify({ i, text: `第${i}行 ${(i * 7919).toString(36)}` }),
    );
    const bad = gzipSync(utf8(`${many.join("\n")}\n`));
    bad.fill(0xa5, bad.length >> 1, (bad.length >> 1) + 400);
    const all = await readAll(dir.file("damaged.jsonl.gz", bad));
    expect(all.records.length).toBeGreaterThan(5000);
    expect(all.records.slice(0, 5000).every((r, i) => r.value?.["i"] === i)).toBe(true);
    expect(all.rejections.at(-1)).toMatchObject({
      code: "unreadable",
      message: expect.stringMatching(/damaged/),
    });
  });

  it("refuses a byte range of a gzip file", async () => {
    const f = dir.file("r.jsonl.gz", gz);
    await expect(readAll(f, { start: 10 })).rejects.toThrow(/gzip/);
  });
});

describe("JSON arrays and documents", () => {
  it("splits a pretty-printed array into elements with their lines and offsets", async () => {
    const doc = [
      { id: 1, s: 'brackets ] } [ { and "quotes" \\ inside', work: [{ company: "华为" }] },
      { id: 2, nested: { a: [1, [2, { b: "}" }]] } },
      { id: 3, esc: '\\\\"' },
    ];
    const text = JSON.stringify(doc, null, 2);
    const f = dir.file("pretty.json", text);
    for (const batchBytes of [1, 5, 4096]) {
      const all = await readAll(f, { batchBytes });
      expect(all.records.map((r) => r.value)).toEqual(doc);
      expect(all.rejections).toEqual([]);
      const starts = [...text.matchAll(/^ {2}\{/gm)].map((m) => m.index! + 2);
      expect(all.records.map((r) => r.offset)).toEqual(
        starts.map((o) => Buffer.byteLength(text.slice(0, o))),
      );
      expect(all.records.map((r) => r.line)).toEqual(starts.map((o) => text.slice(0, o).split("\n").length));
    }
  });

  it("rejects the incomplete element of an array cut at the end of the file", async () => {
    const text = '[\n {"a": 1},\n {"b": [1, 2,\n';
    const all = await readAll(dir.file("cut.json", text));
    expect(all.records.map((r) => r.value)).toEqual([{ a: 1 }]);
    expect(codes(all)).toEqual([["truncated", 3, text.indexOf('{"b"')]]);
  });

  it("reads a single pretty-printed object as one record and non-objects as not_an_object", async () => {
    const one = await readAll(dir.file("one.json", JSON.stringify({ basics: { name: "X" } }, null, 2)));
    expect(one.records.map((r) => r.value)).toEqual([{ basics: { name: "X" } }]);
    const mixed = await readAll(dir.file("mixed.json", '[1, "two", null, {"ok": 1}, [3]]'));
    expect(mixed.records.map((r) => r.value)).toEqual([null, null, null, { ok: 1 }, null]);
    expect(mixed.rejections.map((r) => r.code)).toEqual(Array(4).fill("not_an_object"));
  });

  it("rejects an element longer than the limit and reads the next", async () => {
    const text = `[{"a":"${"x".repeat(5000)}"}, {"b":2}]`;
    const all = await readAll(dir.file("long.json", text), { maxRecordBytes: 1000, batchBytes: 300 });
    expect(all.records.map((r) => r.value)).toEqual([{ b: 2 }]);
    expect(codes(all)).toEqual([["too_long", 1, 1]]);
  });

  it("reads JSON lines named .json as lines, and a value stream with a broken string line by line", async () => {
    const lines = dir.file("lines.json", '{"a":1}\n{"b":2}\n');
    const all = await readAll(lines);
    expect(all.records.map((r) => r.value)).toEqual([{ a: 1 }, { b: 2 }]);
    const stream = await readAll(dir.file("stream.json", '{\n "a": 1}\n{"b": "cut\n{"c": 3}\n'));
    expect(stream.records.filter((r) => r.value).map((r) => r.value)).toEqual([{ a: 1 }, { c: 3 }]);
    expect(codes(stream)).toEqual([["truncated", 3, 11]]);
  });

  it("refuses a byte range of a JSON array", async () => {
    await expect(readAll(dir.file("range.json", "[{}]"), { end: 2 })).rejects.toThrow(/line-based/);
  });
});

describe("CSV and TSV", () => {
  it("keeps quoted line breaks inside one row and numbers rows by their first line", async () => {
    const text = 'id,name,text\r\n1,"Wang\r\nWei","said ""hi"", left"\r\n2,Li,"a\nb\nc"\r\n3,Zhao,plain\r\n';
    const all = await readAll(dir.file("q.csv", text));
    expect(all.header).toEqual(["id", "name", "text"]);
    expect(all.records.map((r) => [r.value, r.line, r.offset])).toEqual([
      [{ id: "1", name: "Wang\r\nWei", text: 'said "hi", left' }, 2, text.indexOf("1,")],
      [{ id: "2", name: "Li", text: "a\nb\nc" }, 4, text.indexOf("2,")],
      [{ id: "3", name: "Zhao", text: "plain" }, 7, text.indexOf("3,")],
    ]);
    for (const batchBytes of [1, 2, 5])
      expect((await readAll(dir.file("q.csv", text), { batchBytes })).records).toEqual(all.records);
  });

  it("rejects rows with the wrong number of columns and reads on", async () => {
    const text = "a,b,c\n1,2,3\n1,2\n1,2,3,4\n\n4,5,6\n";
    const all = await readAll(dir.file("cols.csv", text));
    expect(all.records.filter((r) => r.value).map((r) => r.value)).toEqual([
      { a: "1", b: "2", c: "3" },
      { a: "4", b: "5", c: "6" },
    ]);
    expect(codes(all)).toEqual([
      ["column_count", 3, 12],
      ["column_count", 4, 16],
    ]);
  });

  it("rejects an unclosed quote at the end of the file", async () => {
    const all = await readAll(dir.file("open.csv", 'a,b\n1,2\n3,"never closed\n4,5\n'));
    expect(all.records.map((r) => r.value)).toEqual([{ a: "1", b: "2" }]);
    expect(codes(all)).toEqual([["truncated", 3, 8]]);
  });

  it("sniffs the delimiter, handles a BOM, CR-only lines, TSV and awkward headers", async () => {
    const semi = await readAll(dir.file("semi.csv", "\ufeffname;company\nWang;华为\n"));
    expect(semi.records.map((r) => r.value)).toEqual([{ name: "Wang", company: "华为" }]);
    const cr = await readAll(dir.file("cr.csv", "name,company\r王,华为\r李,中兴\r"));
    expect(cr.records.map((r) => [r.value, r.line])).toEqual([
      [{ name: "王", company: "华为" }, 2],
      [{ name: "李", company: "中兴" }, 3],
    ]);
    const tsv = await readAll(dir.file("t.tsv", 'name\tnote\nA\t"x, y"\n'));
    expect(tsv.records.map((r) => r.value)).toEqual([{ name: "A", note: "x, y" }]);
    const sniffedTsv = await readAll(dir.file("t.txt", "name\tnote\nA\tb\n"));
    expect(sniffedTsv.records.map((r) => r.value)).toEqual([{ name: "A", note: "b" }]);
    const dup = await readAll(dir.file("dup.csv", "name,,name\n1,2,3\n"));
    expect(dup.header).toEqual(["name", "column_2", "name_2"]);
  });

  it("reads a range of a CSV file with the header from the start of the file", async () => {
    const text = "id,company\n1,华为\n2,中兴\n3,腾讯\n";
    const f = dir.file("range.csv", text);
    const a = await readAll(f, { end: 15 });
    const b = await readAll(f, { start: 15, firstLine: a.nextLine });
    expect(a.records.map((r) => r.value)).toEqual([{ id: "1", company: "华为" }]);
    expect(b.records.map((r) => [r.value, r.line])).toEqual([
      [{ id: "2", company: "中兴" }, 3],
      [{ id: "3", company: "腾讯" }, 4],
    ]);
  });
});

describe("byte ranges", () => {
  const lines: string[] = [];
  for (let i = 0; i < 300; i++) {
    if (i % 11 === 5) lines.push("");
    else if (i % 13 === 7) lines.push("   ");
    else
      lines.push(
        JSON.stringify({ i, t: "华为".repeat(i % 9), pad: "x".repeat((i * 37) % 120) }) +
          (i % 17 === 0 ? "\r" : ""),
      );
  }
  const text = lines.join("\n");

  // A deterministic generator keeps failures reproducible.
  let seed = 12345;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };

  async function checkPartition(path: string, size: number, rounds: number) {
    const whole = await readAll(path);
    const key = (r: { offset: number; text: string; line: number }) => `${r.offset}|${r.line}|${r.text}`;
    const expected = whole.records.map(key);
    for (let round = 0; round < rounds; round++) {
      const k = 1 + rand(8);
      const cuts = new Set<number>();
      while (cuts.size < k) cuts.add(1 + rand(size - 1));
      // Cut exactly at line starts and on terminators too.
      if (round % 3 === 0) cuts.add(text.indexOf("\n") + 1);
      if (round % 3 === 1) cuts.add(text.indexOf("\n", 500));
      const points = [0, ...[...cuts].sort((a, b) => a - b), size];
      const got: string[] = [];
      let firstLine = 1;
      for (let j = 0; j + 1 < points.length; j++) {
        const start = points[j]!;
        const end = points[j + 1]!;
        const part = await readAll(path, { start, end, firstLine, batchBytes: 1 + rand(300) });
        got.push(...part.records.map(key));
        if (part.batches > 0) firstLine = part.nextLine;
        else firstLine += 0;
      }
      expect(got).toEqual(expected);
    }
  }

  it("partitions a UTF-8 file exactly over many cut points, line numbers included", async () => {
    const f = dir.file("ranges.jsonl", text);
    await checkPartition(f, Buffer.byteLength(text), 80);
  });

  it("partitions a UTF-16 file exactly, odd cut points included", async () => {
    const data = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const f = dir.file("ranges16.jsonl", data);
    await checkPartition(f, data.length, 25);
  });

  it("partitions a range that ends past the end of the file, or lies inside one line", async () => {
    const f = dir.file("small.jsonl", '{"a":1}\n{"b":22222222222}\n{"c":3}\n');
    expect((await readAll(f, { start: 0, end: 1000 })).records).toHaveLength(3);
    expect((await readAll(f, { start: 10, end: 12 })).records).toHaveLength(0);
    expect((await readAll(f, { start: 0, end: 0 })).records.map((r) => r.value)).toEqual([{ a: 1 }]);
    expect((await readAll(f, { start: 0, end: 8 })).records.map((r) => r.value)).toEqual([
      { a: 1 },
      { b: 22222222222 },
    ]);
    expect((await readAll(f, { start: 8, end: 1000 })).records.map((r) => r.value)).toEqual([{ c: 3 }]);
    expect((await readAll(f, { start: 7, end: 1000 })).records.map((r) => r.value)).toEqual([
      { b: 22222222222 },
      { c: 3 },
    ]);
  });
});

describe("options and formats", () => {
  it("picks the format by extension, else by content", () => {
    expect(formatFromPath("a/b.JSONL.gz")).toBe("jsonl");
    expect(formatFromPath("b.ndjson")).toBe("jsonl");
    expect(formatFromPath("b.json.gz")).toBe("json");
    expect(formatFromPath("b.tsv")).toBe("tsv");
    expect(formatFromPath("b.csv")).toBe("csv");
    expect(formatFromPath("b.txt")).toBeNull();
    expect(sniffDelimiter('a;b;"c,d,e"')).toBe(";");
    expect(sniffDelimiter("a|b|c")).toBe("|");
    expect(sniffDelimiter("abc")).toBe(",");
    expect(uniqueHeader(["a", "a", "", "a_2"])).toEqual(["a", "a_2", "column_3", "a_2_2"]);
  });

  it("sniffs the content of a file without an extension", async () => {
    const f = dir.file("noext", '[{"a":1},{"b":2}]');
    const batches = [];
    for await (const b of readBatches(f)) batches.push(b);
    expect(batches[0]?.format).toBe("json");
    const g = dir.file("noext2", '{"a":1}\n');
    for await (const b of readBatches(g)) expect(b.format).toBe("jsonl");
  });

  it("rejects nonsensical options and a missing file", async () => {
    const f = dir.file("x.jsonl", "{}\n");
    await expect(readAll(f, { batchBytes: 0 })).rejects.toThrow(RangeError);
    await expect(readAll(`${f}.missing`)).rejects.toThrow(/ENOENT/);
  });

  it("counts every byte of the file across batches", async () => {
    const f = dir.file("count.jsonl", `${'{"a":1}\n'.repeat(1000)}\n\n`);
    const all = await readAll(f, { batchBytes: 100 });
    expect(all.bytesRead).toBe(statSync(f).size);
    writeFileSync(f, "");
  });
});
