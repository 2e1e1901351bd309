import { commonSchema, getSchema } from "./schema.js";
import { ID_PROP, type Stance, type Statement } from "./statement.js";

/**
 * An entity: a view over its statements. `properties` holds the values of statements whose stance
 * counts (by default all but `denied`), in the order the statements come; `statements` keeps all of
 * them, denials included, for the provenance of each value.
 */
export interface Entity {
  id: string;
  /** The most specific schema of its statements. */
  schema: string;
  caption: string;
  properties: Record<string, string[]>;
  datasets: string[];
  /** FtM top-level fields kept from `$name` statements (`referents`, `target`, `caption` …), parsed. */
  extra: Record<string, unknown>;
  first_seen: string;
  last_seen: string;
  /** The latest `first_seen` of its statements: when it last gained a value. */
  last_change: string;
  statements: Statement[];
}

export interface ToEntityOptions {
  /** The stances whose values make up `properties`; default all but `denied`. */
  stances?: readonly Stance[];
}

const DEFAULT_STANCES: readonly Stance[] = ["reported", "alleged", "confirmed"];

/**
 * The entity that `statements` describe (all of one entity id). Throws on an empty list, mixed entity
 * ids, or schemata of which neither is a kind of the other (`Incompatible schemata: Person and Company`).
 * @example toEntity(entityStatements("Company", "huawei", { name: "Huawei" }, common)).properties.name // ["Huawei"]
 */
export function toEntity(statements: readonly Statement[], options: ToEntityOptions = {}): Entity {
  const first = statements[0];
  if (!first) throw new Error("No statements");
  const stances = options.stances ?? DEFAULT_STANCES;
  let schema = first.schema;
  const properties: Record<string, string[]> = {};
  const datasets: string[] = [];
  const extra: Record<string, unknown> = {};
  let firstSeen = first.first_seen;
  let lastSeen = first.last_seen;
  let lastChange = first.first_seen;
  for (const s of statements) {
    if (s.entity_id !== first.entity_id) {
      throw new Error(`Statements of more than one entity: ${first.entity_id} and ${s.entity_id}`);
    }
    schema = commonSchema(schema, s.schema);
    if (!datasets.includes(s.dataset)) datasets.push(s.dataset);
    if (s.first_seen < firstSeen) firstSeen = s.first_seen;
    if (s.first_seen > lastChange) lastChange = s.first_seen;
    if (s.last_seen > lastSeen) lastSeen = s.last_seen;
    if (!stances.includes(s.stance) || s.prop === ID_PROP) continue;
    if (s.prop.startsWith("$")) {
      mergeExtra(extra, s.prop.slice(1), s.value);
      continue;
    }
    const values = properties[s.prop];
    if (!values) properties[s.prop] = [s.value];
    else if (!values.includes(s.value)) values.push(s.value);
  }
  const entity: Entity = {
    id: first.entity_id,
    schema,
    caption: "",
    properties,
    datasets,
    extra,
    first_seen: firstSeen,
    last_seen: lastSeen,
    last_change: lastChange,
    statements: [...statements],
  };
  entity.caption = typeof extra.caption === "string" ? extra.caption : computeCaption(entity);
  return entity;
}

function mergeExtra(extra: Record<string, unknown>, key: string, json: string): void {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return;
  }
  const old = extra[key];
  if (old === undefined) extra[key] = value;
  else if (Array.isArray(old) && Array.isArray(value)) {
    for (const v of value) if (!old.some((o) => JSON.stringify(o) === JSON.stringify(v))) old.push(v);
  }
}

/** The caption from the schema's caption properties (first value of the first one present), else the id. */
export function computeCaption(entity: Pick<Entity, "id" | "schema" | "properties">): string {
  for (const prop of getSchema(entity.schema).caption) {
    const v = entity.properties[prop]?.[0];
    if (v !== undefined) return v;
  }
  return entity.id;
}

/** The values of `prop`, or `[]` when it has none. */
export function getValues(entity: Pick<Entity, "properties">, prop: string): string[] {
  return entity.properties[prop] ?? [];
}

/** The statements grouped by entity id, in the order entities first appear. */
export function groupByEntity(statements: Iterable<Statement>): Map<string, Statement[]> {
  const out = new Map<string, Statement[]>();
  for (const s of statements) {
    const list = out.get(s.entity_id);
    if (list) list.push(s);
    else out.set(s.entity_id, [s]);
  }
  return out;
}

/** One entity per entity id among `statements`. */
export function toEntities(statements: Iterable<Statement>, options: ToEntityOptions = {}): Entity[] {
  return [...groupByEntity(statements).values()].map((list) => toEntity(list, options));
}
