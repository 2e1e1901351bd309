import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { traditionalOf, traditionalTable } from "./traditional.js";

describe("traditional forms", () => {
  it("ships a table that matches the data files (run scripts/traditional.mjs when this fails)", () => {
    const shipped = JSON.parse(readFileSync(new URL("./data/traditional.json", import.meta.url), "utf8"));
    expect(shipped).toEqual(traditionalTable());
  });

  it("answers from the table and converts literals outside it", () => {
    expect(traditionalOf("华为技术有限公司")).toContain("華為技術有限公司");
    expect(traditionalOf("国家安全部")).toContain("國家安全部");
    expect(traditionalOf("华为云计算技术有限公司合肥分公司")).toContain("華為雲計算技術有限公司合肥分公司");
    expect(traditionalOf("Huawei")).toEqual([]);
  });
});
