import { openStore } from "@tiegraph/store";
import { describe, expect, it } from "vitest";
import { defaultSeeds, loadDemo } from "./demo.js";

describe.skipIf(!defaultSeeds())("the demo data set's seed articles", () => {
  it("are stored under the title, publisher and date the data set gives them, not their first line", async () => {
    const store = await openStore("memory:");
    try {
      const loaded = await loadDemo(store, { seeds: defaultSeeds() });
      expect(loaded.missing.size).toBe(0);
      const docs = await store.listDocuments();
      const seed = docs.find((d) => d.file_name === "002_f6a670a1df599372.txt");
      expect(seed).toMatchObject({
        title: "Report Highlights ByteDance, Huawei for Aiding Beijing's Oppression in Xinjiang",
        publisher: "Focus News EU",
      });
      expect(docs.find((d) => d.file_name === "001_df5d53f1e9f9ddc9.txt")?.published).toBe("2022");
    } finally {
      await store.close();
    }
  });
});
