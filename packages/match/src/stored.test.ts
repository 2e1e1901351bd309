import { makeStatement, type StatementInput } from "@tiegraph/model";
import { openStore, type Store } from "@tiegraph/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ListEntry, newEntry } from "./model.js";
import { LIST_ENTRY_PROP, listDatasets, storedEntries } from "./stored.js";

const base = {
  source: { url: "https://example.org/list.csv", title: "A list" },
  asserted_by: { kind: "importer" as const, name: "csl" },
  stance: "confirmed" as const,
};

const entry = (dataset: string, id: string, name: string): ListEntry =>
  newEntry(id, dataset, "Company", name, "list.csv", 2);

const kept = (e: ListEntry): StatementInput => ({
  ...base,
  entity_id: e.id,
  schema: "Company",
  prop: LIST_ENTRY_PROP,
  value: JSON.stringify(e),
  dataset: e.dataset,
});

describe("list entries kept in the store", () => {
  let store: Store;
  const a = entry("list_a", "a-1", "Huawei Technologies Co., Ltd.");
  const b = entry("list_b", "b-1", "HiSilicon Technologies Co., Ltd.");
  beforeAll(async () => {
    store = await openStore("memory:");
    for (const name of ["list_a", "list_b", "graph"]) await store.putDataset({ name });
    await store.putStatements([
      makeStatement(kept(a)),
      makeStatement(kept(b)),
      makeStatement({
        ...base,
        entity_id: "a-1",
        schema: "Company",
        prop: "name",
        value: a.names[0]!,
        dataset: "list_a",
      }),
      makeStatement({
        ...base,
        entity_id: "haier",
        schema: "Company",
        prop: "name",
        value: "海尔集团",
        dataset: "graph",
      }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await store?.close();
  });

  it("reads every entry back whole, or those of the lists asked for", async () => {
    expect(await storedEntries(store)).toEqual([a, b]);
    expect(await storedEntries(store, ["list_b"])).toEqual([b]);
    expect(await storedEntries(store, ["graph"])).toEqual([]);
    expect(await storedEntries(store, [])).toEqual([]);
  });

  it("names the datasets that are lists, not the graph's own", async () => {
    expect(await listDatasets(store)).toEqual(["list_a", "list_b"]);
  });
});
