import { readFile } from "node:fs/promises";
import type { EducationEntry, Result, ResumeRecord, WorkEntry } from "@tiegraph/core";
import { EDUCATION_FIELDS, fail, ok, WORK_FIELDS } from "@tiegraph/core";

type Failure = Extract<Result<unknown>, { ok: false }>;
export type WorkKey = (typeof WORK_FIELDS)[number];
export type EducationKey = (typeof EDUCATION_FIELDS)[number];

/** A dotted path into a record (`basic.name`, `a.b.0.c`; numeric segments index arrays). */
export interface FieldPath {
  raw: string;
  segs: string[];
}

/** For each entry field, the paths to read inside one entry (or, for column groups, in the record). */
export type EntryPaths<K extends string> = Partial<Record<K, FieldPath[]>>;

/** Where a list of entries comes from: an array in the record, or groups of flat columns. */
export type ListMap<K extends string> =
  | { kind: "list"; from: FieldPath[]; fields: EntryPaths<K> }
  | { kind: "columns"; groups: EntryPaths<K>[] };

/**
 * How a source's fields become the canonical record. A field may name several paths: for `text`,
 * `certificates`, `description` and `note` every value found is kept (joined by line breaks); for the
 * other fields the first value found wins.
 */
export interface FieldMap {
  id?: FieldPath[];
  name?: FieldPath[];
  phone?: FieldPath[];
  email?: FieldPath[];
  address?: FieldPath[];
  text?: FieldPath[];
  certificates?: FieldPath[];
  work?: ListMap<WorkKey>;
  education?: ListMap<EducationKey>;
}

const SCALAR_KEYS = ["id", "name", "phone", "email", "address"] as const;
const LIST_KEYS = ["text", "certificates"] as const;
const MAP_KEYS = [...SCALAR_KEYS, ...LIST_KEYS, "work", "education"] as const;
const JOINED = new Set(["text", "certificates", "description", "note"]);

/** Parses a dotted path; null when it has an empty segment. */
export function parsePath(raw: string): FieldPath | null {
  const segs = raw.split(".");
  return raw === "" || segs.some((s) => s === "") ? null : { raw, segs };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * Validates a field map read from JSON (the `--map FILE` format) and compiles its paths. Errors name
 * the map file and the bad key.
 *
 * @example
 * parseFieldMap({ name: "basic.name", work: { from: "jobs", fields: { company: "corp" } } }, "map.json")
 */
export function parseFieldMap(json: unknown, file: string): Result<FieldMap> {
  const bad = (key: string, why: string): Result<FieldMap> =>
    fail("wrong_type", `${file}: ${JSON.stringify(key)} ${why}`, key);
  if (!isObject(json)) return fail("wrong_type", `${file}: a field map must be a JSON object`);
  const paths = (v: unknown, many: boolean): FieldPath[] | string => {
    const list = typeof v === "string" ? [v] : Array.isArray(v) ? v : null;
    if (!Array.isArray(list) || list.length === 0) {
      return `must be a dotted path${many ? " or a list of them" : " (or a list of alternatives)"}`;
    }
    const out: FieldPath[] = [];
    for (const item of list) {
      const p = typeof item === "string" ? parsePath(item) : null;
      if (p === null) return `has an invalid path ${JSON.stringify(item)} (expected "a.b.0.c")`;
      out.push(p);
    }
    return out;
  };
  const entryPaths = <K extends string>(
    key: string,
    v: unknown,
    allowed: readonly K[],
  ): EntryPaths<K> | Result<FieldMap> => {
    if (!isObject(v)) return bad(key, `must be an object of ${allowed.join(", ")}`);
    const out: EntryPaths<K> = {};
    for (const [k, pv] of Object.entries(v)) {
      if (!(allowed as readonly string[]).includes(k)) {
        return bad(`${key}.${k}`, `is not a field of this entry (expected one of ${allowed.join(", ")})`);
      }
      const p = paths(pv, JOINED.has(k));
      if (typeof p === "string") return bad(`${key}.${k}`, p);
      out[k as K] = p;
    }
    return out;
  };
  const listMap = <K extends string>(
    key: string,
    v: unknown,
    allowed: readonly K[],
  ): ListMap<K> | Result<FieldMap> => {
    const identity = (): EntryPaths<K> => {
      const out: EntryPaths<K> = {};
      for (const k of allowed) out[k] = [{ raw: k, segs: [k] }];
      return out;
    };
    if (typeof v === "string") {
      const from = paths(v, false);
      if (typeof from === "string") return bad(key, from);
      return { kind: "list", from, fields: identity() };
    }
    if (Array.isArray(v)) {
      if (v.length === 0) return bad(key, "must list at least one column group");
      const groups: EntryPaths<K>[] = [];
      for (let g = 0; g < v.length; g++) {
        const group = entryPaths(`${key}[${g}]`, v[g], allowed);
        if ("ok" in group) return group;
        groups.push(group as EntryPaths<K>);
      }
      return { kind: "columns", groups };
    }
    if (!isObject(v)) return bad(key, 'must be {"from": PATH, "fields": {...}} or a list of column groups');
    for (const k of Object.keys(v)) {
      if (k !== "from" && k !== "fields")
        return bad(`${key}.${k}`, 'is not allowed here (expected "from", "fields")');
    }
    const from = paths(v["from"], false);
    if (typeof from === "string") return bad(`${key}.from`, from);
    if (v["fields"] === undefined) return { kind: "list", from, fields: identity() };
    const fields = entryPaths(`${key}.fields`, v["fields"], allowed);
    if ("ok" in fields) return fields;
    return { kind: "list", from, fields: fields as EntryPaths<K> };
  };

  const map: FieldMap = {};
  for (const [key, v] of Object.entries(json)) {
    if (key.startsWith("$")) continue; // "$schema", "$comment"
    if (!(MAP_KEYS as readonly string[]).includes(key)) {
      return bad(key, `is not a canonical field (expected one of ${MAP_KEYS.join(", ")})`);
    }
    if (key === "work") {
      const m = listMap(key, v, WORK_FIELDS);
      if ("ok" in m) return m;
      map.work = m;
    } else if (key === "education") {
      const m = listMap(key, v, EDUCATION_FIELDS);
      if ("ok" in m) return m;
      map.education = m;
    } else {
      const p = paths(v, JOINED.has(key));
      if (typeof p === "string") return bad(key, p);
      map[key as (typeof SCALAR_KEYS)[number] | (typeof LIST_KEYS)[number]] = p;
    }
  }
  return ok(map);
}

/**
 * Reads and validates a field map file.
 *
 * @example const map = await readFieldMap("maps/leak-a.json"); if (!map.ok) die(map.message);
 */
export async function readFieldMap(file: string): Promise<Result<FieldMap>> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    return fail("unreadable", `${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return fail(
      "invalid_json",
      `${file}: not valid JSON (${err instanceof Error ? err.message : String(err)})`,
    );
  }
  return parseFieldMap(json, file);
}

/** The value at `path` in `obj` (own properties only); a flat key spelled with dots wins. */
export function getPath(obj: unknown, path: FieldPath): unknown {
  if (path.segs.length > 1 && isObject(obj) && Object.hasOwn(obj, path.raw)) return obj[path.raw];
  let cur = obj;
  for (const seg of path.segs) {
    if (cur === null || typeof cur !== "object") return undefined;
    if (Array.isArray(cur)) {
      const k = Number(seg);
      cur = Number.isInteger(k) && k >= 0 ? cur[k] : undefined;
    } else cur = Object.hasOwn(cur, seg) ? (cur as Record<string, unknown>)[seg] : undefined;
  }
  return cur;
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "an object";
  return `a ${typeof v}`;
}

const p = (raw: string): FieldPath => parsePath(raw)!;
const ps = (...raws: string[]): FieldPath[] => raws.map(p);

/**
 * Read when no map is given: the canonical names, plus JSON Resume's (`basics.name`, `work[].name`,
 * `position`, `startDate`, `endDate`, `summary`, `highlights`, `education[].institution`,
 * `studyType`, `area`, `certificates[].name`).
 */
export const DEFAULT_MAP: FieldMap = {
  id: ps("id"),
  name: ps("name", "basics.name"),
  phone: ps("phone", "basics.phone"),
  email: ps("email", "basics.email"),
  address: ps("address"),
  text: ps("text", "basics.label", "basics.summary"),
  certificates: ps("certificates"),
  work: {
    kind: "list",
    from: ps("work"),
    fields: {
      company: ps("company", "name"),
      title: ps("title", "position"),
      start: ps("start", "startDate"),
      end: ps("end", "endDate"),
      description: ps("description", "summary", "highlights"),
    },
  },
  education: {
    kind: "list",
    from: ps("education"),
    fields: {
      school: ps("school", "institution"),
      degree: ps("degree", "studyType"),
      major: ps("major", "area"),
      start: ps("start", "startDate"),
      end: ps("end", "endDate"),
      note: ps("note"),
    },
  },
};

/** Collects the first failure; conversions go on returning `undefined` after one. */
class Converter {
  err: Failure | null = null;

  wrong(field: string, v: unknown, expected: string, source: FieldPath | null): undefined {
    const from = source !== null && source.raw !== field ? ` (from "${source.raw}")` : "";
    this.err ??= {
      ok: false,
      code: "wrong_type",
      message: `${field}${from} is ${describe(v)}, expected ${expected}`,
      field,
    };
    return undefined;
  }

  /** Text for a one-value field: numbers are stringified, a list of values is joined with "; ". */
  scalar(v: unknown, field: string, source: FieldPath | null): string | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v === "string") return v.trim() === "" ? undefined : v;
    if (typeof v === "number" || typeof v === "bigint") return String(v);
    if (Array.isArray(v)) {
      const parts: string[] = [];
      for (const item of v) {
        if (item === null || item === undefined) continue;
        if (typeof item !== "string" && typeof item !== "number") return this.wrong(field, v, "text", source);
        const s = String(item);
        if (s.trim() !== "") parts.push(s);
      }
      return parts.length > 0 ? parts.join("; ") : undefined;
    }
    return this.wrong(field, v, "text", source);
  }

  /** Free text: strings and numbers anywhere inside lists and objects, one per line. */
  text(v: unknown, out: string[]): void {
    if (typeof v === "string") {
      if (v.trim() !== "") out.push(v);
    } else if (typeof v === "number" || typeof v === "bigint") out.push(String(v));
    else if (Array.isArray(v)) for (const item of v) this.text(item, out);
    else if (isObject(v)) for (const item of Object.values(v)) this.text(item, out);
  }

  field(obj: unknown, paths: FieldPath[] | undefined, field: string, joined: boolean): string | undefined {
    if (paths === undefined) return undefined;
    if (joined) {
      const out: string[] = [];
      for (const path of paths) {
        const v = getPath(obj, path);
        if (typeof v === "boolean") this.wrong(field, v, "text", path);
        else this.text(v, out);
      }
      return out.length > 0 ? out.join("\n") : undefined;
    }
    for (const path of paths) {
      const s = this.scalar(getPath(obj, path), field, path);
      if (s !== undefined || this.err !== null) return s;
    }
    return undefined;
  }

  entry<K extends string>(
    obj: unknown,
    fields: EntryPaths<K>,
    prefix: string,
  ): Partial<Record<K, string>> | null {
    const out: Partial<Record<K, string>> = {};
    let any = false;
    for (const key in fields) {
      const v = this.field(obj, fields[key], `${prefix}.${key}`, JOINED.has(key));
      if (v !== undefined) {
        out[key] = v;
        any = true;
      }
    }
    return any ? out : null;
  }

  list<K extends string>(
    obj: unknown,
    map: ListMap<K> | undefined,
    name: string,
  ): Partial<Record<K, string>>[] {
    const out: Partial<Record<K, string>>[] = [];
    if (map === undefined) return out;
    if (map.kind === "columns") {
      for (let g = 0; g < map.groups.length; g++) {
        const e = this.entry(obj, map.groups[g]!, `${name}[${g}]`);
        if (e !== null) out.push(e);
      }
      return out;
    }
    let value: unknown;
    let source: FieldPath | null = null;
    for (const path of map.from) {
      value = getPath(obj, path);
      source = path;
      if (value !== undefined && value !== null) break;
    }
    if (value === undefined || value === null) return out;
    // One object where a list belongs is clearly one entry.
    const items = Array.isArray(value) ? value : isObject(value) ? [value] : null;
    if (items === null) {
      this.wrong(name, value, "a list of entries", source);
      return out;
    }
    for (let k = 0; k < items.length; k++) {
      const item = items[k];
      if (item === null || item === undefined) continue;
      if (!isObject(item)) {
        this.wrong(`${name}[${k}]`, item, "an object", null);
        return out;
      }
      const e = this.entry(item, map.fields, `${name}[${k}]`);
      if (e !== null) out.push(e);
    }
    return out;
  }

  certificates(obj: unknown, paths: FieldPath[] | undefined): string[] {
    const out: string[] = [];
    if (paths === undefined) return out;
    for (const path of paths) {
      const v = getPath(obj, path);
      if (v === undefined || v === null) continue;
      // A single certificate may stand alone; a JSON Resume certificate is {name, issuer, ...}.
      const items = Array.isArray(v) ? v : [v];
      for (let k = 0; k < items.length; k++) {
        const item = items[k];
        if (isObject(item)) {
          const name = this.scalar(item["name"] ?? item["title"], `certificates[${k}].name`, null);
          const issuer = this.scalar(item["issuer"], `certificates[${k}].issuer`, null);
          if (name === undefined && this.err === null) this.wrong(`certificates[${k}]`, item, "a name", path);
          if (name !== undefined) out.push(issuer === undefined ? name : `${name}, ${issuer}`);
        } else {
          const s = this.scalar(item, `certificates[${k}]`, path);
          if (s !== undefined) out.push(s);
        }
      }
    }
    return out;
  }
}

/** JSON Resume's `basics.location` as one line. */
function jsonResumeAddress(obj: unknown): string | undefined {
  const loc = getPath(obj, p("basics.location"));
  if (!isObject(loc)) return undefined;
  const parts = ["address", "city", "region", "postalCode", "countryCode"]
    .map((k) => loc[k])
    .filter((v): v is string | number => (typeof v === "string" && v.trim() !== "") || typeof v === "number")
    .map(String);
  return parts.length > 0 ? parts.join(", ") : undefined;
}

/**
 * Maps a decoded record onto the canonical {@link ResumeRecord}. Without a map the canonical names
 * are read (plus JSON Resume's, see {@link DEFAULT_MAP}). Coercions: numbers become text; a list of
 * values in a one-value field is joined with "; "; one object where a list of entries belongs is one
 * entry; a single certificate string is a list of one; free text is gathered from lists and objects.
 * Anything else of the wrong type (a string where a list of entries belongs, a string inside one, an
 * object where text belongs) is a `wrong_type` failure naming the canonical field; a record with no
 * work, education, certificates or text is `empty_record`. The id falls back to `fallbackId`.
 *
 * @example
 * toResumeRecord({ name: "王某", work: [{ company: "华为", start: 2015 }] }, null, "dump.jsonl:7")
 * // { ok: true, value: { id: "dump.jsonl:7", name: "王某", work: [{ company: "华为", start: "2015" }] } }
 */
export function toResumeRecord(
  obj: Record<string, unknown>,
  map: FieldMap | null,
  fallbackId: string,
): Result<ResumeRecord> {
  const m = map ?? DEFAULT_MAP;
  const c = new Converter();
  const id = c.field(obj, m.id, "id", false);
  const rec: ResumeRecord = { id: id ?? fallbackId };
  for (const key of SCALAR_KEYS) {
    if (key === "id") continue;
    const v = c.field(obj, m[key], key, false);
    if (v !== undefined) rec[key] = v;
  }
  if (map === null && rec.address === undefined) {
    const address = jsonResumeAddress(obj);
    if (address !== undefined) rec.address = address;
  }
  const work: WorkEntry[] = c.list(obj, m.work, "work");
  const education: EducationEntry[] = c.list(obj, m.education, "education");
  const certificates = c.certificates(obj, m.certificates);
  const text = c.field(obj, m.text, "text", true);
  if (c.err !== null) return c.err;
  if (education.length > 0) rec.education = education;
  if (work.length > 0) rec.work = work;
  if (certificates.length > 0) rec.certificates = certificates;
  if (text !== undefined) rec.text = text;
  if (work.length === 0 && education.length === 0 && certificates.length === 0 && text === undefined) {
    return fail("empty_record", "the record has no work, education, certificates or text to screen");
  }
  return ok(rec);
}
