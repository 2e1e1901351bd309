import type { Store } from "@tiegraph/store";
import type { ListEntry } from "./model.js";

/**
 * List entries kept in the graph's store. `lists import` writes each entry whole as one statement of
 * this property on the listed entity, so that matching needs no re-parse of the list.
 */
export const LIST_ENTRY_PROP = "$listEntry";

/**
 * Every list entry in the store, optionally only those of some datasets (lists), in import order.
 *
 * @example
 * const index = buildIndex(await storedEntries(store, ["us_csl"]), { lexicon });
 */
export async function storedEntries(store: Store, datasets?: readonly string[]): Promise<ListEntry[]> {
  const out: ListEntry[] = [];
  const read = async (dataset?: string) => {
    const filter = dataset === undefined ? { prop: LIST_ENTRY_PROP } : { prop: LIST_ENTRY_PROP, dataset };
    for await (const s of store.iterateStatements(filter)) out.push(JSON.parse(s.value) as ListEntry);
  };
  if (datasets === undefined) await read();
  else for (const d of new Set(datasets)) await read(d);
  return out;
}

/** The names of the datasets in the store that hold list entries (imported lists). */
export async function listDatasets(store: Store): Promise<string[]> {
  const out = new Set<string>();
  for (const d of await store.listDatasets()) {
    const [s] = await store.getStatements({ dataset: d.name, prop: LIST_ENTRY_PROP, limit: 1 });
    if (s) out.add(d.name);
  }
  return [...out].sort();
}
