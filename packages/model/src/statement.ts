import { createHash } from "node:crypto";
import { checkValue, findProperty, getSchema, hasSchema, type PropName, type SchemaName } from "./schema.js";

/** How a statement's author stands to it. A company's denial is a `denied` statement that `answers` a claim. */
export const STANCES = ["reported", "alleged", "confirmed", "denied"] as const;
export type Stance = (typeof STANCES)[number];

/** Who asserted a statement: a person (analyst), a bulk import, or a text extractor. */
export const ASSERTER_KINDS = ["analyst", "importer", "extractor"] as const;
export type AsserterKind = (typeof ASSERTER_KINDS)[number];
export interface Asserter {
  kind: AsserterKind;
  name: string;
}

/** A character span of a stored document: UTF-16 offsets into its text, `end` exclusive. */
export interface DocumentSource {
  document: string;
  start: number;
  end: number;
}
/** A published source. */
export interface UrlSource {
  url: string;
  title?: string;
  publisher?: string;
  /** Publication date, ISO 8601. */
  date?: string;
}
export type Source = DocumentSource | UrlSource;

/** Whether a source is a span of a stored document. */
export function isDocumentSource(s: Source): s is DocumentSource {
  return "document" in s;
}

/**
 * One property value or relationship end of one entity, with its provenance. Entities are views over
 * statements. Two special kinds of `prop`: `id` (value = the entity id) says the entity exists, and
 * `$name` holds an FtM top-level field other than the properties (`$caption`, `$referents`, `$target`)
 * as JSON.
 */
export interface Statement {
  /** A hash of the content: entity, prop, value, dataset, language, original value, source, stance, answers, asserter. */
  id: string;
  entity_id: string;
  schema: string;
  prop: string;
  value: string;
  dataset: string;
  lang?: string;
  original_value?: string;
  source: Source;
  retrieved_at?: string;
  asserted_by: Asserter;
  stance: Stance;
  /** The id of the statement this one answers (a denial answers a claim). */
  answers?: string;
  first_seen: string;
  last_seen: string;
}

/** A statement before its id is computed; `first_seen` and `last_seen` default to now. */
export type StatementInput = Omit<Statement, "id" | "first_seen" | "last_seen"> & {
  first_seen?: string;
  last_seen?: string;
};

/** The prop of the statement that says an entity exists. */
export const ID_PROP = "id";

/** Whether `prop` is a special prop (`id` or `$name`) rather than a schema property. */
export function isMetaProp(prop: string): boolean {
  return prop === ID_PROP || prop.startsWith("$");
}

function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`).join(",")}}`;
}

/**
 * The content hash that identifies a statement (SHA-1, hex, like FtM statement ids). Dates seen and the
 * schema are not part of it: seeing the same claim again updates `last_seen`, it makes no new statement.
 */
export function statementId(s: StatementInput): string {
  const key = canonical([
    s.entity_id,
    s.prop,
    s.value,
    s.dataset,
    s.lang ?? null,
    s.original_value ?? null,
    s.source,
    s.stance,
    s.answers ?? null,
    s.asserted_by.kind,
    s.asserted_by.name,
  ]);
  return createHash("sha1").update(key).digest("hex");
}

const TIME_RE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Whether `v` is an ISO 8601 date or time as statements keep them (`2024-06-01T10:57:03`). */
export function isTime(v: string): boolean {
  return TIME_RE.test(v);
}

/** The problems of a statement (empty when valid): schema, property, value type, source, stance, asserter. */
export function validateStatement(s: StatementInput | Statement): string[] {
  const problems: string[] = [];
  if (!s.entity_id || /\s/.test(s.entity_id)) problems.push("entity_id: empty or with white space");
  if (!s.dataset) problems.push("dataset: empty");
  if (!hasSchema(s.schema)) problems.push(`schema: No such schema: ${s.schema}`);
  else if (s.prop === ID_PROP) {
    if (s.value !== s.entity_id) problems.push("id: the value must be the entity id");
  } else if (s.prop.startsWith("$")) {
    try {
      JSON.parse(s.value);
    } catch {
      problems.push(`${s.prop}: not JSON`);
    }
  } else {
    const p = findProperty(s.schema, s.prop);
    if (!p) problems.push(`prop: No such property: ${s.schema}:${s.prop}`);
    else {
      const why = checkValue(p, s.value);
      if (why) problems.push(`${s.prop}: ${why}: ${JSON.stringify(s.value.slice(0, 80))}`);
    }
  }
  if (!(STANCES as readonly string[]).includes(s.stance)) problems.push(`stance: unknown ${s.stance}`);
  if (!s.asserted_by || !(ASSERTER_KINDS as readonly string[]).includes(s.asserted_by.kind)) {
    problems.push("asserted_by: kind must be analyst, importer or extractor");
  } else if (!s.asserted_by.name) problems.push("asserted_by: empty name");
  const src = s.source as Source | undefined;
  if (!src || typeof src !== "object") problems.push("source: missing");
  else if (isDocumentSource(src)) {
    if (!src.document) problems.push("source: empty document id");
    if (!Number.isInteger(src.start) || !Number.isInteger(src.end) || src.start < 0 || src.end < src.start) {
      problems.push("source: bad span");
    }
  } else if (typeof src.url !== "string" || src.url.length === 0)
    problems.push("source: needs a document or a url");
  for (const k of ["first_seen", "last_seen", "retrieved_at"] as const) {
    const v = s[k];
    if (v !== undefined && !TIME_RE.test(v)) problems.push(`${k}: not an ISO 8601 time`);
  }
  if (s.first_seen && s.last_seen && s.first_seen > s.last_seen)
    problems.push("first_seen is after last_seen");
  if (s.answers !== undefined && !/^[0-9a-f]{40}$/.test(s.answers))
    problems.push("answers: not a statement id");
  return problems;
}

/** A statement that failed validation, with all its problems. */
export class StatementError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid statement: ${problems.join("; ")}`);
    this.name = "StatementError";
  }
}

/**
 * Validates a statement and computes its id; throws a `StatementError` listing the problems.
 * @example
 * makeStatement({ entity_id: "huawei", schema: "Company", prop: "name", value: "Huawei",
 *   dataset: "giants", source: { url: "https://example.org/a" },
 *   asserted_by: { kind: "analyst", name: "ana" }, stance: "reported" })
 */
export function makeStatement(input: StatementInput, now: string = new Date().toISOString()): Statement {
  const first = input.first_seen ?? now;
  const s: Statement = { ...input, id: "", first_seen: first, last_seen: input.last_seen ?? first };
  const problems = validateStatement(s);
  if (problems.length > 0) throw new StatementError(problems);
  s.id = statementId(s);
  return s;
}

/** What the statements of one entity share. */
export type StatementCommon = Omit<StatementInput, "entity_id" | "schema" | "prop" | "value">;

/**
 * The statements that declare one entity: its `id` statement and one per value. Property names are
 * checked by the compiler against the schema (`entityStatements("Project", id, { lat: … })` does not
 * compile) and values at run time.
 * @example
 * entityStatements("Company", "huawei", { name: ["Huawei", "华为"], country: "cn" }, common)
 */
export function entityStatements<S extends SchemaName>(
  schema: S,
  id: string,
  props: Partial<Record<PropName<S>, string | readonly string[]>>,
  common: StatementCommon,
  now?: string,
): Statement[] {
  getSchema(schema);
  const out = [makeStatement({ ...common, entity_id: id, schema, prop: ID_PROP, value: id }, now)];
  for (const [prop, v] of Object.entries(props) as [string, string | readonly string[] | undefined][]) {
    if (v === undefined) continue;
    for (const value of typeof v === "string" ? [v] : v) {
      out.push(makeStatement({ ...common, entity_id: id, schema, prop, value }, now));
    }
  }
  return out;
}
