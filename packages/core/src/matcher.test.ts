import { describe, expect, it } from "vitest";
import { ByteMatcher, findAllInString } from "./matcher.js";

const enc = (s: string) => new TextEncoder().encode(s);

/** Lines joined by newlines, with each line's byte range. */
function frame(lines: string[]): { buf: Uint8Array; starts: Int32Array; ends: Int32Array } {
  const starts: number[] = [];
  const ends: number[] = [];
  let pos = 0;
  for (const l of lines) {
    starts.push(pos);
    pos += enc(l).length;
    ends.push(pos);
    pos += 1;
  }
  return { buf: enc(lines.join("\n")), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** A slow reference: every occurrence of every pattern, by indexOf on lower-cased strings. */
function naive(patterns: string[], text: string) {
  const found: { pattern: number; start: number; end: number }[] = [];
  const t = text.toLowerCase();
  patterns.forEach((p, i) => {
    const q = p.toLowerCase();
    for (let k = t.indexOf(q); k >= 0; k = t.indexOf(q, k + 1))
      found.push({ pattern: i, start: k, end: k + q.length });
  });
  return found.sort((a, b) => a.end - b.end || a.pattern - b.pattern);
}

describe("ByteMatcher", () => {
  it("finds overlapping and nested Chinese and Latin patterns", () => {
    const patterns = ["华为", "华为技术有限公司", "技术", "公安局", "安局", "Huawei", "wei"];
    const m = new ByteMatcher(patterns.map((text) => ({ text })));
    const text = "曾在华为技术有限公司工作，后调入深圳市公安局。HUAWEI Weilai";
    const got = findAllInString(m, text).sort((a, b) => a.end - b.end || a.pattern - b.pattern);
    expect(got).toEqual(naive(patterns, text));
  });

  it("agrees with a naive search on random text", () => {
    const alphabet = ["华", "为", "公", "安", "局", "a", "b", "A", "B", " ", "部", "队"];
    const patterns = ["华为", "为公", "公安", "安局", "ab", "ba", "aab", "部队", "队部", "华"];
    const m = new ByteMatcher(patterns.map((text) => ({ text })));
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x80000000;
    };
    for (let round = 0; round < 200; round++) {
      let text = "";
      for (let k = 0; k < 40; k++) text += alphabet[Math.floor(rand() * alphabet.length)];
      const got = findAllInString(m, text).sort((a, b) => a.end - b.end || a.pattern - b.pattern);
      expect(got).toEqual(naive(patterns, text));
    }
  });

  it("honours exact case and word boundaries", () => {
    const m = new ByteMatcher([
      { text: "PLA", exactCase: true, wordBoundary: true },
      { text: "MSS", exactCase: true },
    ]);
    expect(findAllInString(m, "served in the PLA.").map((x) => x.start)).toEqual([14]);
    expect(findAllInString(m, "a display of plans, PLAN, pla")).toEqual([]);
    expect(findAllInString(m, "mss MSS")).toEqual([{ pattern: 1, start: 4, end: 7 }]);
  });

  it("reports only triggering records as candidates, traps included in findAll", () => {
    const m = new ByteMatcher([
      { text: "部队" },
      { text: "部队火锅", trigger: false },
      { text: "PLA", exactCase: true, wordBoundary: true },
    ]);
    const lines = ["部队火锅店长", "no match here", "display", "in the PLA", "61398部队"];
    const { buf, starts, ends } = frame(lines);
    // 部队 inside 部队火锅 still triggers: suppression by traps is the rules' job, not the prefilter's.
    expect(m.candidates(buf, starts, ends)).toEqual([0, 3, 4]);
    const all = findAllInString(m, "部队火锅");
    expect(all.map((x) => m.patterns[x.pattern]!.text).sort()).toEqual(["部队", "部队火锅"]);
  });

  it("marks the same candidates on large batches (WebAssembly) as record by record", () => {
    const m = new ByteMatcher([
      { text: "华为" },
      { text: "公安局" },
      { text: "PLA", exactCase: true, wordBoundary: true },
      { text: "部队火锅", trigger: false },
    ]);
    const words = ["华", "为", "公安", "局", "PLA", "pla", "display", "部队火锅", "x", "。", " ", "PLAN"];
    let seed = 3;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const lines: string[] = [];
    for (let k = 0; k < 4000; k++) {
      let l = "";
      for (let j = rand(30); j > 0; j--) l += words[rand(words.length)];
      lines.push(l);
    }
    const { buf, starts, ends } = frame(lines);
    expect(buf.length).toBeGreaterThan(1 << 16);
    const expected = lines.map((_, i) => i).filter((i) => m.test(buf, starts[i], ends[i]));
    const got = m.candidates(buf, starts, ends);
    expect(expected.length).toBeGreaterThan(100);
    expect(got).toEqual(expected);
  });

  it("finds whole words after JSON escapes in raw JSON text", () => {
    const m = new ByteMatcher([{ text: "PLA", exactCase: true, wordBoundary: true }]);
    const line = enc(JSON.stringify({ text: "Served:\nPLA Unit 61398\tPLA" }));
    expect(m.test(line)).toBe(true);
    expect(m.findAll(line)).toHaveLength(2);
    expect(m.test(enc('{"text":"xPLA"}'))).toBe(false);
    expect(m.test(enc(JSON.stringify({ text: "中PLA" }).replace("中", "\\u4e2d")))).toBe(true);
  });

  it("keeps offsets right around astral characters", () => {
    const m = new ByteMatcher([{ text: "华为" }]);
    expect(findAllInString(m, "𠀀华为")).toEqual([{ pattern: 0, start: 2, end: 4 }]);
  });

  it("rejects an empty pattern", () => {
    expect(() => new ByteMatcher([{ text: "" }])).toThrow(/empty/);
  });
});
