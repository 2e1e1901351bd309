import { computeCaption, type Entity } from "./entity.js";
import { checkValue, findProperty, getSchema, hasSchema } from "./schema.js";
import {
  type Asserter,
  ID_PROP,
  isTime,
  makeStatement,
  type Source,
  type Stance,
  type Statement,
} from "./statement.js";

/** An entity in FollowTheMoney JSON. Fields other than these are kept as they are. */
export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
  caption?: string;
  datasets?: string[];
  first_seen?: string;
  last_seen?: string;
  last_change?: string;
  [field: string]: unknown;
}

/** Why a line, or one value of it, was set aside. `schema_conflict` comes from a store (see @tiegraph/store). */
export const FTM_REJECT_CODES = [
  "malformed_json",
  "not_an_object",
  "missing_id",
  "missing_schema",
  "unknown_schema",
  "abstract_schema",
  "bad_properties",
  "unknown_property",
  "invalid_value",
  "schema_conflict",
] as const;
export type FtmRejectCode = (typeof FTM_REJECT_CODES)[number];

/** A line or a value set aside, with where it was and why. `prop` and `value` name a single value. */
export interface FtmReject {
  file: string;
  line: number;
  code: FtmRejectCode;
  message: string;
  entity_id?: string;
  prop?: string;
  value?: string;
}

export interface ReadFtmOptions {
  /** Named in rejects and, by default, in the source. */
  file?: string;
  /** The dataset of entities that name none. Default `default`. */
  dataset?: string;
  /** Default `{ url: "file:" + file, title: file }`. */
  source?: Source;
  /** Default `{ kind: "importer", name: "ftm" }`. */
  asserted_by?: Asserter;
  /** Default `reported`. */
  stance?: Stance;
  /** When statements were seen, for entities without `first_seen`. Default now. */
  now?: string;
  /** The number of the first line (for a file read in chunks). Default 1. */
  firstLine?: number;
}

export interface ReadFtmResult {
  statements: Statement[];
  rejects: FtmReject[];
  /** How many entities (lines) were read, set-aside lines not counted. */
  entities: number;
}

const TOP_LEVEL = new Set([
  "id",
  "schema",
  "properties",
  "datasets",
  "first_seen",
  "last_seen",
  "last_change",
]);

/**
 * Statements from FollowTheMoney JSON lines. Every property value becomes a statement, one per dataset
 * of the entity; other top-level fields (`caption`, `referents`, `target` …) become `$field` statements,
 * so that `writeFtm` gives them back. Blank lines are skipped. A line that is not JSON, not an object,
 * has no id or an unknown or abstract schema is set aside whole; a value of an unknown property or of
 * the wrong type is set aside alone, and the rest of the entity is kept. Nothing is dropped silently.
 * @example readFtm(['{"id":"a","schema":"Person","properties":{"name":["A"]}}'], { file: "x.json" })
 */
export function readFtm(lines: Iterable<string>, options: ReadFtmOptions = {}): ReadFtmResult {
  const file = options.file ?? "-";
  const now = options.now ?? new Date().toISOString();
  const source: Source = options.source ?? { url: `file:${file}`, title: file };
  const asserted_by: Asserter = options.asserted_by ?? { kind: "importer", name: "ftm" };
  const stance: Stance = options.stance ?? "reported";
  const statements: Statement[] = [];
  const rejects: FtmReject[] = [];
  let entities = 0;
  let line = (options.firstLine ?? 1) - 1;
  for (const text of lines) {
    line++;
    if (text.trim() === "") continue;
    const reject = (code: FtmRejectCode, message: string, more: Partial<FtmReject> = {}) =>
      rejects.push({ file, line, code, message, ...more });
    let obj: unknown;
    try {
      obj = JSON.parse(text);
    } catch (e) {
      reject("malformed_json", (e as Error).message);
      continue;
    }
    if (obj === null || typeof obj !== "object" || Array.isArray(obj)) {
      reject("not_an_object", "the line is not a JSON object");
      continue;
    }
    const e = obj as Record<string, unknown>;
    if (typeof e.id !== "string" || e.id === "" || /\s/.test(e.id)) {
      reject("missing_id", "no id, or an id that is not text without spaces");
      continue;
    }
    const id = e.id;
    if (typeof e.schema !== "string" || e.schema === "") {
      reject("missing_schema", "no schema", { entity_id: id });
      continue;
    }
    if (!hasSchema(e.schema)) {
      reject("unknown_schema", `No such schema: ${e.schema}`, { entity_id: id });
      continue;
    }
    const schema = e.schema;
    if (getSchema(schema).abstract) {
      reject("abstract_schema", `${schema} is abstract`, { entity_id: id });
      continue;
    }
    const props = e.properties ?? {};
    if (typeof props !== "object" || props === null || Array.isArray(props)) {
      reject("bad_properties", "properties is not an object", { entity_id: id });
      continue;
    }
    const datasets = Array.isArray(e.datasets)
      ? e.datasets.filter((d): d is string => typeof d === "string" && d !== "")
      : [];
    if (datasets.length === 0) datasets.push(options.dataset ?? "default");
    const time = (k: string): string | undefined => {
      const v = e[k];
      if (v === undefined) return undefined;
      if (typeof v === "string" && isTime(v)) return v;
      reject("invalid_value", `${k} is not a time`, { entity_id: id, prop: k, value: String(v) });
      return undefined;
    };
    const firstSeen = time("first_seen") ?? now;
    const lastSeen = time("last_seen") ?? firstSeen;
    const lastChange = time("last_change") ?? firstSeen;
    const make = (dataset: string, prop: string, value: string, first: string): Statement =>
      makeStatement(
        {
          entity_id: id,
          schema,
          prop,
          value,
          dataset,
          source,
          asserted_by,
          stance,
          first_seen: first,
          last_seen: lastSeen > first ? lastSeen : first,
        },
        now,
      );
    const values: [string, string][] = [];
    for (const [prop, vs] of Object.entries(props as Record<string, unknown>)) {
      const list = Array.isArray(vs) ? vs : [vs];
      const p = findProperty(schema, prop);
      for (const v of list) {
        const value = typeof v === "string" ? v : JSON.stringify(v);
        if (!p) {
          reject("unknown_property", `No such property: ${schema}:${prop}`, { entity_id: id, prop, value });
          continue;
        }
        const why = typeof v === "string" ? checkValue(p, value) : "not a string";
        if (why) {
          reject("invalid_value", `${prop}: ${why}`, { entity_id: id, prop, value });
          continue;
        }
        values.push([prop, value]);
      }
    }
    const extras = Object.entries(e).filter(([k, v]) => !TOP_LEVEL.has(k) && v !== undefined);
    const made: Statement[] = [];
    try {
      for (const dataset of datasets) {
        made.push(make(dataset, ID_PROP, id, firstSeen));
        for (const [k, v] of extras) made.push(make(dataset, `$${k}`, JSON.stringify(v), firstSeen));
        for (const [prop, value] of values) made.push(make(dataset, prop, value, lastChange));
      }
    } catch (err) {
      reject("invalid_value", (err as Error).message, { entity_id: id });
      continue;
    }
    for (const s of made) statements.push(s);
    entities++;
  }
  return { statements, rejects, entities };
}

/**
 * An entity as FollowTheMoney JSON: `id`, `caption`, `schema`, `properties`, the kept top-level fields,
 * `datasets`, `first_seen`, `last_seen`, `last_change`. Values of `denied` statements are not in
 * `properties` (FtM has no stance; the denial stays in the statements).
 */
export function toFtm(entity: Entity): FtmEntity {
  const out: FtmEntity = {
    id: entity.id,
    caption: entity.caption || computeCaption(entity),
    schema: entity.schema,
    properties: entity.properties,
  };
  for (const [k, v] of Object.entries(entity.extra)) if (!(k in out)) out[k] = v;
  out.datasets = entity.datasets;
  out.first_seen = entity.first_seen;
  out.last_seen = entity.last_seen;
  out.last_change = entity.last_change;
  return out;
}

/** FollowTheMoney JSON lines (without line ends), one per entity. */
export function* writeFtm(entities: Iterable<Entity>): Generator<string> {
  for (const e of entities) yield JSON.stringify(toFtm(e));
}
