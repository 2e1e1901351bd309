import { describe, expect, it } from "vitest";
import { findMatches, likePattern, parseQuery } from "./search.js";

describe("parseQuery", () => {
  it("splits words, keeps quoted phrases, drops repeats", () => {
    expect(parseQuery('Huawei "public  security" 公安 huawei').map((t) => [t.text, t.word])).toEqual([
      ["Huawei", true],
      ["public security", true],
      ["公安", false],
    ]);
    expect(parseQuery("  ")).toEqual([]);
  });
  it("escapes LIKE wildcards", () => {
    expect(likePattern(parseQuery("100%_x")[0]!)).toBe("%100\\%\\_x%");
    expect(likePattern(parseQuery('"a b"')[0]!)).toBe("%a%b%");
  });
});

describe("findMatches", () => {
  it("finds Chinese substrings and whole English words, ignoring case, with UTF-16 offsets", () => {
    const text = "𠀀华为与新疆公安厅合作。Banks ban BAN-lists; bank.";
    const m = findMatches(text, parseQuery("公安 ban"), 3);
    expect(m.map((x) => [x.text, x.start, x.end])).toEqual([
      ["公安", 7, 9],
      ["ban", 19, 22],
      ["BAN", 23, 26],
    ]);
    for (const x of m) expect(text.slice(x.start, x.end)).toBe(x.text);
    expect(m[0]!.snippet).toBe("与新疆公安厅合作");
  });
  it("finds an English word written against Chinese characters", () => {
    expect(findMatches("华为Mate手机", parseQuery("mate")).map((x) => x.text)).toEqual(["Mate"]);
    expect(findMatches("Materials", parseQuery("mate"))).toEqual([]);
  });
  it("returns nothing unless every term occurs", () => {
    expect(findMatches("华为与新疆公安厅", parseQuery("公安 Huawei"))).toEqual([]);
  });
  it("does not cut a surrogate pair in a snippet and flattens line breaks", () => {
    const text = "𠀀ab\ncd";
    const [m] = findMatches(text, parseQuery("ab"), 1);
    expect(m!.snippet).toBe("𠀀ab ");
    expect(m!.snippet_start).toBe(0);
  });
  it("matches phrases across any white space", () => {
    const [m] = findMatches(
      "the Ministry of\nPublic Security said",
      parseQuery('"ministry of public security"'),
    );
    expect(m!.text).toBe("Ministry of\nPublic Security");
  });
});
