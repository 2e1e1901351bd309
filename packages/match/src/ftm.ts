import { countryCode } from "./countries.js";
import { asText, utf8Length } from "./csv.js";
import {
  addAll,
  LIST_SCHEMATA,
  type ListEntry,
  type ListSchema,
  newEntry,
  type ParseOptions,
  type ParseResult,
  reject,
} from "./model.js";

/**
 * Reader for FollowTheMoney entities as JSON lines (OpenSanctions and yente exports). Listed parties
 * (Person, Company, Organization, LegalEntity, Vessel, Airplane) become entries; Address entities fill
 * the addresses that refer to them, Sanction entities the programmes and dates of their entity,
 * Ownership entities the parent links. Other schemata are set aside with a reason.
 */

const HELPERS = new Set(["Address", "Sanction", "Ownership"]);

interface Line {
  obj: Record<string, unknown>;
  line: number;
  offset: number;
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string" && x.trim() !== "") : [];

const dateOf = (s: string | undefined): string | undefined =>
  s && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : undefined;

/**
 * Parses FtM JSON lines. Lines that are not JSON objects, lack `id`, `schema` or `properties`, or have a
 * schema that is not a listed party or a helper (Address, Sanction, Ownership) are set aside.
 */
export function parseFtm(input: string | Uint8Array, opts: ParseOptions = {}): ParseResult {
  const file = opts.file ?? "<ftm>";
  const text = asText(input);
  const rejected: ParseResult["rejected"] = [];
  const lines: Line[] = [];
  let offset = 0;
  let lineNo = 0;
  for (const raw of text.split("\n")) {
    lineNo++;
    const start = offset;
    offset += utf8Length(raw) + 1;
    const t = raw.trim();
    if (!t) continue;
    let obj: unknown;
    try {
      obj = JSON.parse(t);
    } catch {
      rejected.push(reject(file, lineNo, start, "invalid_json", "the line is not valid JSON"));
      continue;
    }
    if (obj === null || typeof obj !== "object" || Array.isArray(obj)) {
      rejected.push(reject(file, lineNo, start, "not_an_object", "the line is not a JSON object"));
      continue;
    }
    const o = obj as Record<string, unknown>;
    if (typeof o.id !== "string" || !o.id || typeof o.schema !== "string") {
      rejected.push(reject(file, lineNo, start, "wrong_type", "no string id or schema", "id"));
      continue;
    }
    if (o.properties === null || typeof o.properties !== "object" || Array.isArray(o.properties)) {
      rejected.push(reject(file, lineNo, start, "wrong_type", "properties is not an object", "properties"));
      continue;
    }
    if (!HELPERS.has(o.schema) && !(LIST_SCHEMATA as readonly string[]).includes(o.schema)) {
      rejected.push(
        reject(file, lineNo, start, "wrong_type", `schema ${o.schema} is not a listed party`, "schema"),
      );
      continue;
    }
    lines.push({ obj: o, line: lineNo, offset: start });
  }

  const addresses = new Map<string, string>();
  for (const { obj } of lines) {
    if (obj.schema !== "Address") continue;
    const p = obj.properties as Record<string, unknown>;
    const full = strings(p.full)[0] ?? (typeof obj.caption === "string" ? obj.caption : undefined);
    if (full) addresses.set(obj.id as string, full);
  }

  const entries: ListEntry[] = [];
  const byId = new Map<string, ListEntry>();
  for (const { obj, line, offset: off } of lines) {
    if (HELPERS.has(obj.schema as string)) continue;
    const p = obj.properties as Record<string, unknown>;
    const names = strings(p.name);
    const caption = typeof obj.caption === "string" && obj.caption.trim() ? obj.caption.trim() : names[0];
    if (!caption) {
      rejected.push(reject(file, line, off, "empty_record", "the entity has no name", "name"));
      continue;
    }
    const dataset = opts.dataset ?? strings(obj.datasets)[0] ?? "ftm";
    const e = newEntry(obj.id as string, dataset, obj.schema as ListSchema, caption, file, line);
    addAll(e.names, names);
    addAll(e.aliases, [...strings(p.alias), ...strings(p.weakAlias), ...strings(p.previousName)]);
    addAll(e.addresses, strings(p.address));
    for (const ref of strings(p.addressEntity)) {
      const a = addresses.get(ref);
      if (a) addAll(e.addresses, [a]);
    }
    for (const c of [
      ...strings(p.country),
      ...strings(p.nationality),
      ...strings(p.jurisdiction),
      ...strings(p.citizenship),
    ]) {
      const code = countryCode(c);
      if (code) addAll(e.countries, [code]);
    }
    addAll(e.programs, strings(p.program));
    addAll(e.parents, strings(p.parent));
    const listed = dateOf(strings(p.createdAt)[0]);
    if (listed) e.listed = listed;
    const notes = strings(p.notes);
    if (notes.length) e.remarks = notes.join("\n");
    const url = strings(p.sourceUrl)[0];
    if (url) e.sourceUrl = url;
    byId.set(e.id, e);
    entries.push(e);
  }

  for (const { obj } of lines) {
    const p = obj.properties as Record<string, unknown>;
    if (obj.schema === "Sanction") {
      for (const id of strings(p.entity)) {
        const e = byId.get(id);
        if (!e) continue;
        addAll(e.programs, strings(p.program));
        addAll(e.sources, strings(p.authority));
        const start = dateOf(strings(p.listingDate)[0] ?? strings(p.startDate)[0]);
        if (start && (!e.listed || start < e.listed)) e.listed = start;
        const end = dateOf(strings(p.endDate)[0]);
        if (end) e.ended = end;
      }
    } else if (obj.schema === "Ownership") {
      for (const id of strings(p.asset)) {
        const e = byId.get(id);
        if (e) addAll(e.parents, strings(p.owner));
      }
    }
  }
  return { entries, rejected };
}
