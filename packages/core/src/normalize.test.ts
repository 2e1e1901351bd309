import { describe, expect, it } from "vitest";
import { foldWidth, jsonEscaped, toFullWidth, traditionalForms, variantsOf } from "./normalize.js";

describe("normalize", () => {
  it("folds full width to half width, keeping length", () => {
    const s = "ＨＵＡＷＥＩ　技术６１３９８部队";
    expect(foldWidth(s)).toBe("HUAWEI 技术61398部队");
    expect(foldWidth(s).length).toBe(s.length);
    expect(foldWidth("plain")).toBe("plain");
  });

  it("derives traditional and full-width variants", () => {
    expect(traditionalForms("华为技术有限公司")).toContain("華為技術有限公司");
    expect(traditionalForms("Huawei")).toEqual([]);
    const v = variantsOf("Huawei");
    expect(v).toContain("Ｈｕａｗｅｉ");
    expect(v).toContain("ＨＵＡＷＥＩ");
    expect(toFullWidth("A1")).toBe("Ａ１");
    expect(variantsOf("国家安全部")).toContain("國家安全部");
  });

  it("writes JSON unicode escapes for non-ASCII literals only", () => {
    expect(jsonEscaped("华为")).toBe("\\u534e\\u4e3a");
    expect(JSON.parse(`"${jsonEscaped("61398部队")}"`)).toBe("61398部队");
    expect(jsonEscaped("PLA")).toBeNull();
  });
});
