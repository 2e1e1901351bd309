import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv.js";
import { canonicalToken, foldName, nameForms, placesCompatible, trailingShortName } from "./normalize.js";
import { pinyinOf } from "./pinyin.js";
import { hanSimilarity, jaroWinkler, tokenSetSimilarity } from "./similarity.js";

const form = (s: string) => nameForms(s)[0];

describe("foldName", () => {
  it("folds width, case, script, diacritics and punctuation", () => {
    expect(foldName("ＨＵＡＷＥＩ　Technologies Co., Ltd.")).toBe("huawei technologies co ltd");
    expect(foldName("華為技術有限公司")).toBe("华为技术有限公司");
    expect(foldName("Telecomunicações")).toBe("telecomunicacoes");
    expect(foldName("IHI宇航株式会社")).toBe("ihi 宇航株式会社");
    expect(foldName("Huawei Investment & Holding")).toBe("huawei investment and holding");
  });

  it("reads a mojibake question mark or an apostrophe inside a word as nothing", () => {
    expect(foldName("Xi?an Huawei")).toBe(foldName("Xi'an Huawei"));
    expect(foldName("Xi’an")).toBe("xian");
    // a question mark between words stays a separator
    expect(foldName("Who? Me")).toBe("who me");
  });
});

describe("nameForms", () => {
  it("drops Chinese and English legal forms and reads generic words in English", () => {
    const zh = form("华为技术有限公司");
    const en = form("Huawei Technologies Co., Ltd.");
    expect(zh?.tokens).toEqual(["huawei", "technology"]);
    expect(en?.tokens).toEqual(["huawei", "technology"]);
    expect(zh?.legal && en?.legal).toBe(true);
    expect(form("华为技术")?.legal).toBe(false);
    expect(form("中兴通讯股份有限公司")?.tokens).toEqual(["zhongxing", "communication"]);
  });

  it("takes place names out of the core, in Han and Latin, with administrative suffixes", () => {
    expect(form("深圳市海思半导体有限公司")).toMatchObject({
      tokens: ["haisi", "semiconductor"],
      places: ["深圳"],
    });
    expect(form("Shenzhen HiSilicon Semiconductor")?.places).toEqual(["深圳"]);
    expect(form("Xi?an Huawei Technologies Co., Ltd., Xi?an, Shaanxi")).toMatchObject({
      tokens: ["huawei", "technology"],
      places: ["西安", "陕西"],
    });
    expect(form("Smartcom (Hong Kong) Co., Limited")).toMatchObject({
      tokens: ["smartcom"],
      places: ["香港"],
    });
    // a misspelt place is still a place, but not a word derived from one
    expect(form("Huawei Cloud Beiijng")?.places).toEqual(["北京"]);
    expect(form("Russian Technologies")).toMatchObject({ tokens: ["russian", "technology"], places: [] });
    // a name that is only a place keeps it as its core
    expect(form("Shenzhen")?.tokens).toEqual(["shenzhen"]);
  });

  it("keeps the Han core and its pinyin, polyphones included", () => {
    const f = form("重庆长安汽车股份有限公司");
    expect(f?.han).toBe("长安汽车");
    expect(f?.places).toEqual(["重庆"]);
    expect(f?.hanPinyin[0]).toBe("changanqiche");
    expect(pinyinOf("长安")).toContain("zhangan");
    expect(pinyinOf("绿源")).toEqual(expect.arrayContaining(["lvyuan", "luyuan"]));
  });

  it("gives list names a second form without a trailing qualifier, and drops a trailing short name", () => {
    const forms = nameForms("Huawei Technologies Co., Ltd., Beijing Research Institute");
    expect(forms.map((f) => [f.tokens.join(" "), f.qualified])).toEqual([
      ["huawei technology research institute", false],
      ["huawei technology", true],
    ]);
    expect(nameForms("Huawei Technologies Co., Ltd. (Huawei)")[0]?.folded).toBe("huawei technologies co ltd");
    // a query keeps the whole name and also tries it without the short name
    expect(nameForms("Huawei Technologies Co., Ltd. (Huawei)", "org", false)).toHaveLength(2);
  });

  it("reads a person's Han name as surname and given name", () => {
    const f = nameForms("张小龙", "person")[0];
    expect(f?.tokens).toEqual(["zhang", "xiaolong"]);
    expect(f?.joined).toBe(nameForms("Xiaolong Zhang", "person")[0]?.joined);
  });

  it("returns nothing for a name that folds to nothing", () => {
    expect(nameForms("  ,;- ")).toEqual([]);
  });
});

describe("word tables", () => {
  it("folds synonyms, plurals and misspelt generic words", () => {
    expect(canonicalToken("technologies")).toBe("technology");
    expect(canonicalToken("networks")).toBe("network");
    expect(canonicalToken("techincal")).toBe("technology");
    expect(canonicalToken("business")).toBe("business");
    expect(canonicalToken("hisilicon")).toBe("hisilicon");
  });

  it("finds short names in parentheses but not places, countries or legal forms", () => {
    expect(trailingShortName("Huawei Investment & Holding Co., Ltd. (Huawei Holding)*")).toBe(
      "Huawei Holding",
    );
    expect(trailingShortName("HiSilicon Technologies Co., Ltd (HiSilicon), Bantian Longgang District")).toBe(
      "HiSilicon",
    );
    expect(trailingShortName("Huawei Technologies (Suzhou)")).toBeNull();
    expect(trailingShortName("Huawei Technologies Lanka Company (Private)")).toBeNull();
    expect(trailingShortName("(Huawei)")).toBeNull();
  });

  it("knows which places can be the same", () => {
    nameForms("深圳");
    expect(placesCompatible("深圳", "广东")).toBe(true);
    expect(placesCompatible("深圳", "中国")).toBe(true);
    expect(placesCompatible("深圳", "上海")).toBe(false);
    expect(placesCompatible("cc:gb", "深圳")).toBe(false);
  });
});

describe("similarities", () => {
  it("grades typos, transpositions and unrelated strings", () => {
    expect(jaroWinkler("huawei", "huawei")).toBe(1);
    expect(jaroWinkler("huawei", "huawie")).toBeGreaterThan(0.9);
    expect(jaroWinkler("huawei", "haier")).toBeLessThan(0.8);
    expect(hanSimilarity("华为技术", "华为技术")).toBe(1);
    expect(hanSimilarity("华为技术", "华夏技术")).toBeLessThan(0.6);
    expect(tokenSetSimilarity(["huawei", "cloud"], ["huawei", "cloud"], () => 1)).toBe(1);
    // the rarer token weighs more
    const rare = (t: string) => (t === "hisilicon" ? 5 : 1);
    expect(tokenSetSimilarity(["hisilicon", "technology"], ["hisilicon"], rare)).toBeGreaterThan(
      tokenSetSimilarity(["hisilicon", "technology"], ["technology"], rare),
    );
  });
});

describe("parseCsv", () => {
  it("reads quoted fields with commas, quotes and line breaks, and reports lines and byte offsets", () => {
    const rows = parseCsv('a,b\r\n"x, y","say ""hi"""\n"华为\n海思",2\n\nlast,"open');
    expect(rows.map((r) => r.fields)).toEqual([
      ["a", "b"],
      ["x, y", 'say "hi"'],
      ["华为\n海思", "2"],
      ["last", "open"],
    ]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 6]);
    expect(rows[2]?.offset).toBe(25);
    expect(rows[3]?.offset).toBe(44);
    expect(rows[3]?.unterminated).toBe(true);
    expect(parseCsv("a,b\n\u001a")).toHaveLength(1);
  });
});
