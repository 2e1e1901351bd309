import { countryCode } from "./countries.js";
import { asText, type CsvRow, parseCsv } from "./csv.js";
import {
  addAll,
  type ListEntry,
  type ListSchema,
  linkParents,
  mergeEntry,
  newEntry,
  type ParseOptions,
  type ParseResult,
  reject,
  rowProblem,
  stableHash,
} from "./model.js";
import { foldName, trailingShortName } from "./normalize.js";
import { LEGAL_LATIN } from "./tables.js";

/**
 * Reader for the US Consolidated Screening List CSV (trade.gov export, header row, multi-values
 * separated by `; `).
 */

/** Splits a `; `-separated multi-value field. */
export const splitMulti = (s: string | undefined): string[] =>
  (s ?? "")
    .split(";")
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * Federal Register citations in a notice field, normalised (`84 F.R. 22961` → `84 FR 22961`).
 *
 * @example frRules("84 FR 22961, 85 FR 29852 ") // ["84 FR 22961", "85 FR 29852"]
 */
export function frRules(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(/(\d+)\s*F\.?\s?R\.?\s+(\d[\d,]*)/g)) {
    const r = `${m[1]} FR ${(m[2] as string).replace(/,$/, "")}`;
    if (!out.includes(r)) out.push(r);
  }
  return out;
}

const AFFILIATE = /^(.+?)\.?\s+Affiliated Entity:\s*(.+)$/s;

/**
 * Splits the Entity List's "Parent (Short).  Affiliated Entity:  Child" pattern into child and parent.
 *
 * @example splitAffiliate("Huawei Technologies Co., Ltd. (Huawei).  Affiliated Entity:  Huawei Marine Networks Co., Ltd.")
 * // { name: "Huawei Marine Networks Co., Ltd.", parent: "Huawei Technologies Co., Ltd. (Huawei)" }
 */
export function splitAffiliate(name: string): { name: string; parent: string | null } {
  const m = AFFILIATE.exec(name);
  if (!m) return { name, parent: null };
  return { name: cleanName(m[2] as string), parent: cleanName(m[1] as string) };
}

/** Trims spaces and stray trailing commas; the name's own characters (mojibake included) stay as found. */
export function cleanName(s: string): string {
  return s
    .replace(/\s+/g, " ")
    .replace(/[\s,;]+$/, "")
    .trim();
}

/** "Linked To: X" mentions in remarks (OFAC's way of naming a parent or controlling party). */
export function linkedTo(remarks: string): string[] {
  const out: string[] = [];
  for (const m of remarks.matchAll(/Linked To:\s*([^;()]+?)\s*(?:[;)]|\.?\s*$|\.\s)/g)) {
    const v = (m[1] as string).replace(/\.$/, "").trim();
    if (v && !out.includes(v)) out.push(v);
  }
  return out;
}

/** Company when the name carries a legal form, otherwise the fallback. */
export function orgSchema(name: string, fallback: ListSchema): ListSchema {
  return foldName(name)
    .split(" ")
    .some((w) => LEGAL_LATIN.has(w) && w !== "group")
    ? "Company"
    : fallback;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function typeToSchema(type: string, name: string): ListSchema {
  switch (type.trim().toLowerCase()) {
    case "individual":
      return "Person";
    case "vessel":
      return "Vessel";
    case "aircraft":
      return "Airplane";
    case "entity":
      return orgSchema(name, "Organization");
    default:
      return orgSchema(name, "LegalEntity");
  }
}

/**
 * Parses the Consolidated Screening List CSV. Rows of the same party in several source lists (same
 * entity number, or same name and addresses) merge into one entry; "Affiliated Entity:" rows become the
 * affiliate with a parent link; "Linked To:" in remarks names a parent; a trailing "(Short)" is an alias.
 * Rows with a wrong number of columns, an unclosed quote or no name are set aside with a reason.
 *
 * @example
 * const { entries, rejected } = parseCsl(gunzipSync(readFileSync("consolidated.csv.gz")), { file: "consolidated.csv.gz" });
 */
export function parseCsl(input: string | Uint8Array, opts: ParseOptions = {}): ParseResult {
  const file = opts.file ?? "<csl>";
  const dataset = opts.dataset ?? "us_csl";
  const rows = parseCsv(asText(input));
  const header = rows[0];
  const entries: ListEntry[] = [];
  const rejected: ParseResult["rejected"] = [];
  if (!header) return { entries, rejected };
  const col = new Map(header.fields.map((h, i) => [h.trim().toLowerCase(), i]));
  const nameCol = col.get("name");
  if (nameCol === undefined) {
    rejected.push(reject(file, header.line, header.offset, "column_count", "the header has no name column"));
    return { entries, rejected };
  }
  const byId = new Map<string, ListEntry>();
  const get = (row: CsvRow, key: string) => {
    const i = col.get(key);
    return i === undefined ? "" : (row.fields[i] ?? "").trim();
  };
  for (const row of rows.slice(1)) {
    const problem = rowProblem(file, row, header.fields.length);
    if (problem) {
      rejected.push(problem);
      continue;
    }
    const rawName = cleanName(row.fields[nameCol] ?? "");
    if (!rawName) {
      rejected.push(reject(file, row.line, row.offset, "empty_record", "the row has no name", "name"));
      continue;
    }
    const { name, parent } = splitAffiliate(rawName);
    const addresses = splitMulti(get(row, "addresses"));
    const number = get(row, "entity_number");
    const id = `us-csl-${number || stableHash(`${foldName(name)}|${addresses.join(";")}`)}`;
    const e = newEntry(id, dataset, typeToSchema(get(row, "type"), name), name, file, row.line);
    const short = trailingShortName(name);
    if (short) e.aliases.push(short);
    for (const a of splitMulti(get(row, "alt_names"))) {
      const alias = cleanName(a.replace(/^and\s+/i, ""));
      if (alias && !e.aliases.includes(alias) && alias !== name) e.aliases.push(alias);
    }
    e.addresses = addresses;
    for (const a of addresses) {
      const cc = /,\s*([A-Z]{2})\s*$/.exec(a);
      if (cc) addAll(e.countries, [(cc[1] as string).toLowerCase()]);
      else if (/^[A-Z]{2}$/.test(a)) addAll(e.countries, [a.toLowerCase()]);
    }
    for (const c of [...splitMulti(get(row, "citizenships")), ...splitMulti(get(row, "nationalities"))]) {
      const code = countryCode(c);
      if (code) addAll(e.countries, [code]);
    }
    e.programs = splitMulti(get(row, "programs"));
    const source = get(row, "source");
    if (source) e.sources.push(source);
    e.rules = frRules(get(row, "federal_register_notice"));
    const start = get(row, "start_date");
    const end = get(row, "end_date");
    if (ISO_DATE.test(start)) e.listed = start;
    if (ISO_DATE.test(end)) e.ended = end;
    const remarks = get(row, "remarks");
    if (remarks) e.remarks = remarks;
    if (parent) e.parentNames.push(parent);
    addAll(e.parentNames, linkedTo(remarks));
    const url = get(row, "source_information_url") || get(row, "source_list_url");
    if (url) e.sourceUrl = url;
    const prev = byId.get(id);
    if (prev) mergeEntry(prev, e);
    else {
      byId.set(id, e);
      entries.push(e);
    }
  }
  linkParents(entries);
  return { entries, rejected };
}
