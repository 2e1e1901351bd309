import { countryCode } from "./countries.js";
import { cleanName, linkedTo, orgSchema } from "./csl.js";
import { asText, parseCsv } from "./csv.js";
import {
  addAll,
  type ListEntry,
  type ListSchema,
  linkParents,
  newEntry,
  type ParseOptions,
  type ParseResult,
  reject,
} from "./model.js";
import { trailingShortName } from "./normalize.js";

/**
 * Reader for OFAC's legacy consolidated CSV layout: no header rows, `-0- ` for an empty field, and
 * three files joined on the entity number — primary records, alternate names, addresses — plus a
 * comments file continuing remarks that were cut short.
 */

export interface OfacFiles {
  /** `cons_prim.csv` (or `sdn.csv`): ent_num, name, type, programs, title, call sign, vessel fields…, remarks. */
  prim: string | Uint8Array;
  /** `cons_alt.csv`: ent_num, alt_num, alt_type, alt_name, alt_remarks. */
  alt?: string | Uint8Array;
  /** `cons_add.csv`: ent_num, add_num, address, city/state/postal code, country, add_remarks. */
  add?: string | Uint8Array;
  /** `cons_comments.csv`: ent_num, remarks continued. */
  comments?: string | Uint8Array;
}

/** File names recorded in entries and rejections, one per file. */
export interface OfacOptions extends Omit<ParseOptions, "file"> {
  files?: { prim?: string; alt?: string; add?: string; comments?: string };
}

/** An OFAC field with `-0-` (empty) read as empty. */
export const ofacValue = (s: string | undefined): string => {
  const t = (s ?? "").trim();
  return t === "-0-" ? "" : t;
};

const MONTHS: Record<string, string> = {
  jan: "01",
  feb: "02",
  mar: "03",
  apr: "04",
  may: "05",
  jun: "06",
  jul: "07",
  aug: "08",
  sep: "09",
  oct: "10",
  nov: "11",
  dec: "12",
};

/**
 * `DD Mon YYYY` (as OFAC writes dates in remarks) to `YYYY-MM-DD`, or `undefined`.
 *
 * @example ofacDate("03 Jun 2021") // "2021-06-03"
 */
export function ofacDate(s: string): string | undefined {
  const m = /^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})$/.exec(s.trim());
  const mon = m ? MONTHS[(m[2] as string).toLowerCase()] : undefined;
  if (!m || !mon) return undefined;
  return `${m[3]}-${mon}-${(m[1] as string).padStart(2, "0")}`;
}

function schemaOf(type: string, name: string): ListSchema {
  switch (type.toLowerCase()) {
    case "individual":
      return "Person";
    case "vessel":
      return "Vessel";
    case "aircraft":
      return "Airplane";
    default:
      return orgSchema(name, "Organization");
  }
}

/**
 * Parses OFAC's legacy three-file layout into entries (`ofac-<ent_num>`). Programmes are split on
 * `] [`; "a.k.a. 'X'" in remarks and the alternate-names file give aliases; "Linked To: X" gives a parent
 * name, resolved to an entry where the list has one; "Listing Date (…) DD Mon YYYY" gives the listing
 * date. Rows with too few columns, no name, or an entity number with no primary record are set aside.
 */
export function parseOfac(files: OfacFiles, opts: OfacOptions = {}): ParseResult {
  const dataset = opts.dataset ?? "us_ofac_cons";
  const names = {
    prim: opts.files?.prim ?? "cons_prim.csv",
    alt: opts.files?.alt ?? "cons_alt.csv",
    add: opts.files?.add ?? "cons_add.csv",
    comments: opts.files?.comments ?? "cons_comments.csv",
  };
  const entries: ListEntry[] = [];
  const rejected: ParseResult["rejected"] = [];
  const byNum = new Map<string, ListEntry>();
  const remarks = new Map<string, string>();

  for (const row of parseCsv(asText(files.prim))) {
    const f = row.fields;
    if (f.length < 4) {
      rejected.push(
        reject(names.prim, row.line, row.offset, "column_count", `${f.length} columns where 12 are expected`),
      );
      continue;
    }
    const num = ofacValue(f[0]);
    const name = cleanName(ofacValue(f[1]));
    if (!num || !name) {
      rejected.push(
        reject(names.prim, row.line, row.offset, "empty_record", "no entity number or no name", "name"),
      );
      continue;
    }
    const e = newEntry(`ofac-${num}`, dataset, schemaOf(ofacValue(f[2]), name), name, names.prim, row.line);
    const short = trailingShortName(name);
    if (short) e.aliases.push(short);
    e.programs = ofacValue(f[3])
      .split(/\]\s*\[/)
      .map((p) => p.replace(/[[\]]/g, "").trim())
      .filter(Boolean);
    remarks.set(num, ofacValue(f[11]));
    byNum.set(num, e);
    entries.push(e);
  }

  if (files.comments) {
    for (const row of parseCsv(asText(files.comments))) {
      const num = ofacValue(row.fields[0]);
      const prev = remarks.get(num);
      if (prev === undefined) {
        rejected.push(
          reject(names.comments, row.line, row.offset, "wrong_type", `no primary record ${num}`, "ent_num"),
        );
        continue;
      }
      remarks.set(num, prev + (row.fields[1] ?? ""));
    }
  }

  if (files.alt) {
    for (const row of parseCsv(asText(files.alt))) {
      const f = row.fields;
      if (f.length < 4) {
        rejected.push(
          reject(names.alt, row.line, row.offset, "column_count", `${f.length} columns where 5 are expected`),
        );
        continue;
      }
      const e = byNum.get(ofacValue(f[0]));
      if (!e) {
        rejected.push(
          reject(names.alt, row.line, row.offset, "wrong_type", `no primary record ${f[0]}`, "ent_num"),
        );
        continue;
      }
      const alias = cleanName(ofacValue(f[3]));
      if (alias) addAll(e.aliases, [alias]);
    }
  }

  if (files.add) {
    for (const row of parseCsv(asText(files.add))) {
      const f = row.fields;
      if (f.length < 5) {
        rejected.push(
          reject(names.add, row.line, row.offset, "column_count", `${f.length} columns where 6 are expected`),
        );
        continue;
      }
      const e = byNum.get(ofacValue(f[0]));
      if (!e) {
        rejected.push(
          reject(names.add, row.line, row.offset, "wrong_type", `no primary record ${f[0]}`, "ent_num"),
        );
        continue;
      }
      const country = ofacValue(f[4]);
      const parts = [ofacValue(f[2]), ofacValue(f[3]), country].filter(Boolean);
      if (parts.length) addAll(e.addresses, [parts.join(", ")]);
      const cc = country ? countryCode(country) : undefined;
      if (cc) addAll(e.countries, [cc]);
    }
  }

  for (const e of entries) {
    const r = remarks.get(e.id.slice(5)) ?? "";
    if (!r) continue;
    e.remarks = r;
    for (const m of r.matchAll(/a\.k\.a\.\s+'([^']+)'/g)) addAll(e.aliases, [cleanName(m[1] as string)]);
    addAll(e.parentNames, linkedTo(r));
    const listed = /Listing Date \([^)]*\):? (\d{1,2} [A-Za-z]{3} \d{4})/.exec(r);
    const d = listed ? ofacDate(listed[1] as string) : undefined;
    if (d) e.listed = d;
  }
  linkParents(entries);
  return { entries, rejected };
}
