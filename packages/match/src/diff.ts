import type { ListEntry } from "./model.js";

/**
 * What changed between two versions of a list.
 */

export interface DiffItem {
  id: string;
  caption: string;
  /**
   * For an added entry its listing date, for a removed one its end date; where the list gives none, the
   * date of the newer version (`opts.date`), when known.
   */
  date?: string;
}

export interface ChangedItem extends DiffItem {
  /** Fields whose values differ: `names`, `aliases`, `addresses`, `programs`, `rules`, `listed` … */
  fields: string[];
}

export interface ListDiff {
  added: DiffItem[];
  removed: DiffItem[];
  changed: ChangedItem[];
  /** Entries in both versions with nothing changed. */
  unchanged: number;
}

const COMPARED = [
  "names",
  "aliases",
  "addresses",
  "countries",
  "programs",
  "sources",
  "rules",
  "parentNames",
  "listed",
  "ended",
  "schema",
] as const;

const same = (a: unknown, b: unknown): boolean => {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    const sb = new Set(b);
    return a.every((x) => sb.has(x));
  }
  return a === b;
};

/**
 * Compares two versions of a list by entry id: entries only in `after` were added, entries only in
 * `before` removed, entries in both with a differing field changed. `opts.date` (the newer version's
 * date, `YYYY-MM-DD`) dates additions and removals the list itself does not date.
 *
 * @example
 * diffLists(old.entries, current.entries, { date: "2022-04-21" }).added // [{ id, caption, date }]
 */
export function diffLists(
  before: readonly ListEntry[],
  after: readonly ListEntry[],
  opts: { date?: string } = {},
): ListDiff {
  const old = new Map(before.map((e) => [e.id, e]));
  const now = new Map(after.map((e) => [e.id, e]));
  const item = (e: ListEntry, date: string | undefined): DiffItem =>
    date ? { id: e.id, caption: e.caption, date } : { id: e.id, caption: e.caption };
  const added: DiffItem[] = [];
  const removed: DiffItem[] = [];
  const changed: ChangedItem[] = [];
  let unchanged = 0;
  for (const [id, e] of now) {
    const o = old.get(id);
    if (!o) {
      added.push(item(e, e.listed ?? opts.date));
      continue;
    }
    const fields = COMPARED.filter((f) => !same(o[f], e[f]));
    if (fields.length) changed.push({ ...item(e, opts.date), fields: [...fields] });
    else unchanged++;
  }
  for (const [id, e] of old) if (!now.has(id)) removed.push(item(e, e.ended ?? opts.date));
  const byId = (a: DiffItem, b: DiffItem) => a.id.localeCompare(b.id);
  return { added: added.sort(byId), removed: removed.sort(byId), changed: changed.sort(byId), unchanged };
}
