/** Reads public data sets from ../shared/data when they are there (see each folder's SOURCE.md). */
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readAll } from "./testutil.js";

const data = (p: string) => new URL(`../../../../shared/data/${p}`, import.meta.url).pathname;

const kaggle = data("resume-en-kaggle-categories/UpdatedResumeDataSet.csv");
describe.skipIf(!existsSync(kaggle))(
  "Kaggle resume CSV (quoted line breaks, UTF-8 damaged in places)",
  () => {
    it("frames all 962 rows; damaged rows are rejected, or kept with replacement characters", async () => {
      const strict = await readAll(kaggle);
      expect(strict.header).toEqual(["Category", "Resume"]);
      const codes = new Set(strict.rejections.map((r) => r.code));
      expect([...codes]).toEqual(["invalid_encoding"]);
      expect(strict.records.length + strict.rejections.length).toBe(962);

      const lenient = await readAll(kaggle, { invalidEncoding: "replace" });
      expect(lenient.rejections).toEqual([]);
      expect(lenient.records).toHaveLength(962);
      expect(lenient.records[0]?.value?.["Category"]).toBe("Data Science");
      expect(lenient.records.some((r) => String(r.value?.["Resume"]).includes("\ufffd"))).toBe(true);
      // Rows span many lines; each starts on the line after the previous row's last one.
      expect(lenient.records.at(-1)!.line).toBeGreaterThan(962);
    });
  },
);

const cped = data("cped-china-political-elites/job_Title_code.csv");
describe.skipIf(!existsSync(cped))("CPED organisation codes (BOM, CR-only line ends)", () => {
  it("reads 5,954 rows keyed by the Chinese header", async () => {
    const all = await readAll(cped);
    expect(all.rejections).toEqual([]);
    expect(all.records).toHaveLength(5954);
    expect(all.header?.slice(0, 3)).toEqual(["编码", "名称", "归属大类"]);
    const military = all.records.filter((r) => r.value?.["归属大类"] === "军队");
    expect(military).toHaveLength(277);
  });
});
