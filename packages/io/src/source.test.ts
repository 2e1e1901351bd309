import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { detectEncoding, SNIFF_BYTES } from "./encoding.js";
import { openByteSource } from "./source.js";
import { tempDir } from "./testutil.js";

const dir = tempDir();
afterAll(() => dir.remove());

async function readRest(path: string, opts: Parameters<typeof openByteSource>[1] = {}) {
  const src = await openByteSource(path, opts);
  const chunks: Buffer[] = [];
  const buf = Buffer.alloc(7);
  for (let n = await src.read(buf, 0, buf.length); n > 0; n = await src.read(buf, 0, buf.length)) {
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  await src.close();
  return { src, bytes: Buffer.concat(chunks) };
}

describe("detectEncoding", () => {
  it("follows a byte-order mark", () => {
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x7b]), true)).toEqual({
      encoding: "utf-8",
      bom: 3,
    });
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x7b, 0]), true)).toEqual({
      encoding: "utf-16le",
      bom: 2,
    });
    expect(detectEncoding(Buffer.from([0xfe, 0xff, 0, 0x7b]), true)).toEqual({
      encoding: "utf-16be",
      bom: 2,
    });
  });

  it("recognises UTF-16 without a BOM by its zero bytes", () => {
    const le = Buffer.from('{"name":"Wang Wei","company":"Huawei"}\n', "utf16le");
    expect(detectEncoding(le, true).encoding).toBe("utf-16le");
    expect(detectEncoding(Buffer.from(le).swap16(), true).encoding).toBe("utf-16be");
  });

  it("allows a UTF-8 character cut at the edge of the sample, but not inside it", () => {
    const text = Buffer.from("华".repeat(SNIFF_BYTES));
    const sample = text.subarray(0, SNIFF_BYTES); // 65536 is not a multiple of 3
    expect(SNIFF_BYTES % 3).not.toBe(0);
    expect(detectEncoding(sample, false).encoding).toBe("utf-8");
    // The same cut is an error when the sample is the whole file: no UTF-8 line, so GB18030 wins if valid.
    const gbkLike = Buffer.from([0xbb, 0xaa, 0xce, 0xaa, 0x0a]);
    expect(detectEncoding(gbkLike, true).encoding).toBe("gb18030");
  });

  it("keeps UTF-8 that is damaged in places (bytes replaced by '?') UTF-8", () => {
    const damaged = Buffer.concat([
      Buffer.from("Skills "),
      Buffer.from([0xe2, 0x3f, 0xa2]),
      Buffer.from(" Java\n"),
    ]);
    expect(
      detectEncoding(Buffer.concat([damaged, damaged, Buffer.from("Naïve Bayes\n")]), true).encoding,
    ).toBe("utf-8");
    expect(detectEncoding(Buffer.from("plain ascii\n"), true)).toEqual({ encoding: "utf-8", bom: 0 });
  });
});

describe("openByteSource", () => {
  const text = "line one\nline two\r\nline three\n";

  it("streams a plain file, skipping a UTF-8 BOM", async () => {
    const f = dir.file("bom.txt", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    const { src, bytes } = await readRest(f);
    expect(bytes.toString()).toBe(text);
    expect(src).toMatchObject({ gzip: false, encoding: "utf-8", bom: 3, eol: "lf", error: null });
    expect(src.offset).toBe(3 + text.length);
    expect(src.head.toString()).toBe(text);
  });

  it("decompresses gzip whatever the file is called", async () => {
    const f = dir.file("data.bin", gzipSync(Buffer.from(text)));
    const { src, bytes } = await readRest(f);
    expect(bytes.toString()).toBe(text);
    expect(src.gzip).toBe(true);
  });

  it("honours an explicit encoding and strips only its own BOM", async () => {
    const f = dir.file("u16.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("ab\n", "utf16le")]));
    const { src } = await readRest(f, { encoding: "utf-16le" });
    expect(src.bom).toBe(2);
    const { src: asGb } = await readRest(f, { encoding: "gb18030" });
    expect(asGb.bom).toBe(0);
  });

  it("recognises CR-only line ends", async () => {
    const { src } = await readRest(dir.file("cr.txt", "a,b\r1,2\r"));
    expect(src.eol).toBe("cr");
  });

  it("widens a byte range to whole lines", async () => {
    const f = dir.file("range.txt", text);
    const at = (s: number, e?: number) => readRest(f, e === undefined ? { start: s } : { start: s, end: e });
    expect((await at(0, 3)).bytes.toString()).toBe("line one\n");
    expect((await at(3, 12)).bytes.toString()).toBe("line two\r\n");
    expect((await at(8, 9)).bytes.toString()).toBe("line two\r\n");
    expect((await at(9, 10)).bytes.toString()).toBe("");
    expect((await at(12)).bytes.toString()).toBe("line three\n");
    expect((await at(12)).src.offset).toBe(text.length);
  });

  it("fails to open a missing file, and refuses a range of a gzip file", async () => {
    await expect(openByteSource(dir.file("x", "") + ".none")).rejects.toThrow(/ENOENT/);
    const gz = dir.file("g.gz", gzipSync(Buffer.from(text)));
    await expect(openByteSource(gz, { start: 5 })).rejects.toThrow(RangeError);
  });
});
