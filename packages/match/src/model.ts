import type { RejectCode, Rejection } from "@tiegraph/core";

/**
 * The common in-memory model every list parser produces. One `ListEntry` is one listed party as one
 * list (a dataset) gives it; it maps onto a FollowTheMoney entity (see {@link toFtm}).
 */

/** FollowTheMoney schemata an entry can take. */
export const LIST_SCHEMATA = [
  "Person",
  "Company",
  "Organization",
  "LegalEntity",
  "Vessel",
  "Airplane",
] as const;
export type ListSchema = (typeof LIST_SCHEMATA)[number];

export interface ListEntry {
  /** Stable id within its dataset (`us-csl-…`, `ofac-30947`), the same across versions of the list. */
  id: string;
  /** The dataset (list) it comes from: `us_csl`, `us_ofac_cons`, `us_dod_chinese_milcorps` … */
  dataset: string;
  schema: ListSchema;
  /** The entry's name as the list writes it (for an affiliate, the affiliate's own name). */
  caption: string;
  /** Primary names, `caption` first, each exactly as found (mojibake such as `Xi?an` included). */
  names: string[];
  /** Other names: the list's aliases, parenthesised short names, names in another script. */
  aliases: string[];
  addresses: string[];
  /** ISO 3166-1 alpha-2 codes, lower case. */
  countries: string[];
  /** Sanctions programmes (`CMIC-EO13959`, `SDGT`). */
  programs: string[];
  /** The source lists within the dataset that carry the entry (`Entity List (EL) - Bureau of Industry and Security`). */
  sources: string[];
  /** The legal instruments that listed it (`84 FR 22961`). */
  rules: string[];
  /** Listing date, `YYYY-MM-DD`. */
  listed?: string;
  /** Delisting or end date, `YYYY-MM-DD`. */
  ended?: string;
  /** Parents as the list names them ("Affiliated Entity:", "Linked To:", a parent-name column). */
  parentNames: string[];
  /** Ids of parent entries in the same dataset, where a parent name resolved to one ({@link linkParents}). */
  parents: string[];
  remarks?: string;
  sourceUrl?: string;
  /** File and 1-based line of the row the entry was read from (its first row where rows were merged). */
  file: string;
  line: number;
}

/** What a parser returns: the entries, and the rows set aside with where they were and why. */
export interface ParseResult {
  entries: ListEntry[];
  rejected: Rejection[];
}

/** Options every parser takes. */
export interface ParseOptions {
  /** File name recorded in entries and rejections. */
  file?: string;
  /** Dataset name; each parser has its own default. */
  dataset?: string;
}

/** A new entry with empty lists, for parsers to fill. */
export function newEntry(
  id: string,
  dataset: string,
  schema: ListSchema,
  caption: string,
  file: string,
  line: number,
): ListEntry {
  return {
    id,
    dataset,
    schema,
    caption,
    names: [caption],
    aliases: [],
    addresses: [],
    countries: [],
    programs: [],
    sources: [],
    rules: [],
    parentNames: [],
    parents: [],
    file,
    line,
  };
}

/** A rejection record for a bad row. */
export function reject(
  file: string,
  line: number,
  offset: number,
  code: RejectCode,
  message: string,
  field?: string,
): Rejection {
  return field === undefined
    ? { file, line, offset, code, message }
    : { file, line, offset, code, message, field };
}

/** Adds the values not already present (compared exactly), skipping blanks; keeps first-seen order. */
export function addAll(list: string[], values: Iterable<string>): void {
  for (const v of values) {
    const t = v.trim();
    if (t && !list.includes(t)) list.push(t);
  }
}

/**
 * Merges `b` into `a` (same party listed twice, e.g. in two source lists): names, aliases, addresses,
 * countries, programmes, sources, rules and parents are united; the earliest listing date is kept, and an
 * end date only when both have one.
 */
export function mergeEntry(a: ListEntry, b: ListEntry): void {
  for (const n of b.names) if (!a.names.includes(n) && !a.aliases.includes(n)) a.aliases.push(n);
  addAll(
    a.aliases,
    b.aliases.filter((n) => !a.names.includes(n)),
  );
  addAll(a.addresses, b.addresses);
  addAll(a.countries, b.countries);
  addAll(a.programs, b.programs);
  addAll(a.sources, b.sources);
  addAll(a.rules, b.rules);
  addAll(a.parentNames, b.parentNames);
  addAll(a.parents, b.parents);
  if (b.listed && (!a.listed || b.listed < a.listed)) a.listed = b.listed;
  if (!a.ended || !b.ended) delete a.ended;
  else if (b.ended > a.ended) a.ended = b.ended;
  if (!a.remarks && b.remarks) a.remarks = b.remarks;
  if (!a.sourceUrl && b.sourceUrl) a.sourceUrl = b.sourceUrl;
}

/**
 * A 64-bit FNV-1a hash of a string as 16 hex digits: stable ids for rows that carry none.
 *
 * @example stableHash("Huawei Cloud Berlin|Munich, DE").length // 16
 */
export function stableHash(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ (c + 0x9e), 0x01000193) >>> 0;
  }
  return h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0");
}

/** A FollowTheMoney entity as JSON (the shape yente and `ftm` tools exchange). */
export interface FtmEntity {
  id: string;
  schema: string;
  caption?: string;
  properties: Record<string, string[]>;
  datasets?: string[];
  [key: string]: unknown;
}

/**
 * The entry as a FollowTheMoney entity: `name`, `alias`, `address`, `country`, `program`, `createdAt`
 * (listing date), `endDate`, `parent` (resolved parent ids), `notes`, `sourceUrl`, plus `listSource`,
 * `listRule` and `parentName` for what FtM has no property for. Empty properties are left out.
 *
 * @example toFtm(entry).properties.name // ["Huawei Technologies Co., Ltd."]
 */
export function toFtm(e: ListEntry): FtmEntity {
  const props: Record<string, string[]> = {};
  const put = (k: string, v: readonly string[] | string | undefined) => {
    const vals = typeof v === "string" ? [v] : (v ?? []);
    if (vals.length) props[k] = [...vals];
  };
  put("name", e.names);
  put("alias", e.aliases);
  put("address", e.addresses);
  put("country", e.countries);
  put("program", e.programs);
  put("createdAt", e.listed);
  put("endDate", e.ended);
  put("parent", e.parents);
  put("parentName", e.parentNames);
  put("listSource", e.sources);
  put("listRule", e.rules);
  put("notes", e.remarks);
  put("sourceUrl", e.sourceUrl);
  return { id: e.id, schema: e.schema, caption: e.caption, properties: props, datasets: [e.dataset] };
}

/**
 * Resolves each entry's `parentNames` to the ids of entries in the same list whose caption, name or
 * alias is that name (compared by `key`, by default case- and punctuation-blind), filling `parents`.
 * A name that resolves to nothing stays in `parentNames` only. Returns the number of links made.
 */
export function linkParents(entries: ListEntry[], key: (name: string) => string = looseKey): number {
  const byName = new Map<string, string[]>();
  for (const e of entries) {
    for (const n of [...e.names, ...e.aliases]) {
      const k = key(n);
      if (!k) continue;
      const ids = byName.get(k);
      if (!ids) byName.set(k, [e.id]);
      else if (!ids.includes(e.id)) ids.push(e.id);
    }
  }
  let links = 0;
  for (const e of entries) {
    for (const p of e.parentNames) {
      for (const id of byName.get(key(p)) ?? []) {
        if (id !== e.id && !e.parents.includes(id)) {
          e.parents.push(id);
          links++;
        }
      }
    }
  }
  return links;
}

/**
 * A comparison key that ignores case, punctuation, spacing and a trailing parenthesised short name.
 *
 * @example looseKey("Huawei Technologies Co., Ltd. (Huawei)") === looseKey("HUAWEI TECHNOLOGIES CO LTD") // true
 */
export function looseKey(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s*\([^()]*\)\s*\*?$/u, "")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/**
 * Entries grouped by the legal instrument that listed them (`84 FR 22961` → ids), for lists that cite one
 * (the Entity List's Federal Register rules). An entry cited by several rules is in each group.
 */
export function groupByRule(entries: readonly ListEntry[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of entries) {
    for (const r of e.rules) {
      const ids = out.get(r);
      if (ids) ids.push(e.id);
      else out.set(r, [e.id]);
    }
  }
  return out;
}

/**
 * Why a CSV row cannot be read as a record of its list: a quoted field left open, or a column count other
 * than the header's; null when it can.
 */
export function rowProblem(
  file: string,
  row: { fields: readonly string[]; line: number; offset: number; unterminated?: true },
  columns: number,
): Rejection | null {
  if (row.unterminated)
    return reject(file, row.line, row.offset, "truncated", "a quoted field is not closed");
  if (row.fields.length !== columns) {
    return reject(
      file,
      row.line,
      row.offset,
      "column_count",
      `${row.fields.length} columns where the header has ${columns}`,
    );
  }
  return null;
}
