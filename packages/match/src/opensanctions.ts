import { countryCode } from "./countries.js";
import { cleanName, orgSchema } from "./csl.js";
import { asText, parseCsv } from "./csv.js";
import {
  addAll,
  LIST_SCHEMATA,
  type ListEntry,
  type ListSchema,
  linkParents,
  looseKey,
  mergeEntry,
  newEntry,
  type ParseOptions,
  type ParseResult,
  reject,
  rowProblem,
  stableHash,
} from "./model.js";
import { trailingShortName } from "./normalize.js";

/**
 * Reader for OpenSanctions' hand-curated source CSVs (one header row, one party per row): the DoD 1260H
 * list with its Parent Name column, the PRC counter-sanctions list with its Chinese name column, and
 * others of the same make. Columns are found by header name, case-blind:
 *
 * | column                         | goes to                                             |
 * | ------------------------------ | --------------------------------------------------- |
 * | Clean Name, else Name          | caption (Name, if it differs, becomes an alias)     |
 * | Chinese name                   | a second primary name                               |
 * | Alias, Previous Name           | aliases (`;`-separated)                             |
 * | Parent Name                    | parent name, linked to an entry of the same list    |
 * | Type                           | schema (Company, Person, Organization …)            |
 * | Country                        | countries (codes or English names)                  |
 * | Start date / Date, End date    | listing and end dates (ISO or DD.MM.YYYY / DD.MM.YY) |
 * | Body, List                     | sources                                             |
 * | Note, Summary                  | remarks                                             |
 * | Source Url                     | source URL                                          |
 * | Address                        | addresses                                           |
 *
 * Rows naming the same party (the 1260H list repeats a company in each yearly edition) merge: the
 * earliest listing date stays, and an end date only if every edition has one.
 */

/**
 * A date as these lists write it, to `YYYY-MM-DD`: ISO, `DD.MM.YYYY` or `DD.MM.YY` (20YY).
 *
 * @example listDate("02.12.2019") // "2019-12-02"
 * @example listDate("27.03.21") // "2021-03-27"
 */
export function listDate(s: string): string | undefined {
  const t = s.trim();
  if (/^\d{4}-\d{2}-\d{2}/.test(t)) return t.slice(0, 10);
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(t);
  if (!m) return undefined;
  const y = (m[3] as string).length === 2 ? `20${m[3]}` : (m[3] as string);
  return `${y}-${(m[2] as string).padStart(2, "0")}-${(m[1] as string).padStart(2, "0")}`;
}

const split = (s: string) =>
  s
    .split(";")
    .map((x) => cleanName(x))
    .filter(Boolean);

/**
 * Parses an OpenSanctions curated CSV. `dataset` defaults to `opensanctions_csv`; pass the list's own
 * name (`us_dod_chinese_milcorps`, `cn_sanctions`).
 */
export function parseOpenSanctionsCsv(input: string | Uint8Array, opts: ParseOptions = {}): ParseResult {
  const file = opts.file ?? "<csv>";
  const dataset = opts.dataset ?? "opensanctions_csv";
  const rows = parseCsv(asText(input));
  const entries: ListEntry[] = [];
  const rejected: ParseResult["rejected"] = [];
  const header = rows[0];
  if (!header) return { entries, rejected };
  const col = new Map(header.fields.map((h, i) => [h.trim().toLowerCase(), i]));
  if (!col.has("name") && !col.has("clean name")) {
    rejected.push(reject(file, header.line, header.offset, "column_count", "the header has no Name column"));
    return { entries, rejected };
  }
  const byKey = new Map<string, ListEntry>();
  for (const row of rows.slice(1)) {
    const get = (key: string) => {
      const i = col.get(key);
      return i === undefined ? "" : (row.fields[i] ?? "").trim();
    };
    const problem = rowProblem(file, row, header.fields.length);
    if (problem) {
      rejected.push(problem);
      continue;
    }
    const written = cleanName(get("name").replace(/\*$/, ""));
    const clean = cleanName(get("clean name"));
    const zh = cleanName(get("chinese name"));
    const caption = clean || written || zh;
    if (!caption) {
      rejected.push(reject(file, row.line, row.offset, "empty_record", "the row has no name", "name"));
      continue;
    }
    const type = get("type");
    const schema: ListSchema = (LIST_SCHEMATA as readonly string[]).includes(type)
      ? (type as ListSchema)
      : orgSchema(caption, "Company");
    const key = looseKey(caption);
    const e = newEntry(
      `${dataset}-${stableHash(`${schema}|${key}`)}`,
      dataset,
      schema,
      caption,
      file,
      row.line,
    );
    if (zh && zh !== caption) e.names.push(zh);
    const short = trailingShortName(written);
    if (short) addAll(e.aliases, [short]);
    if (written && written !== caption && !written.startsWith(`${caption} (`)) addAll(e.aliases, [written]);
    addAll(e.aliases, [...split(get("alias")), ...split(get("previous name"))]);
    const parent = cleanName(get("parent name"));
    if (parent) e.parentNames.push(parent);
    const cc = countryCode(get("country"));
    if (cc) e.countries.push(cc);
    const listed = listDate(get("start date") || get("date"));
    if (listed) e.listed = listed;
    const ended = listDate(get("end date"));
    if (ended) e.ended = ended;
    addAll(e.sources, [get("body"), get("list")]);
    const remarks = [get("note"), get("summary")].filter(Boolean).join("\n");
    if (remarks) e.remarks = remarks;
    const url = get("source url");
    if (url) e.sourceUrl = url;
    const address = get("address");
    if (address) e.addresses.push(address);
    const prev = byKey.get(e.id);
    if (prev) mergeEntry(prev, e);
    else {
      byKey.set(e.id, e);
      entries.push(e);
    }
  }
  linkParents(entries);
  return { entries, rejected };
}
