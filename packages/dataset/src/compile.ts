import { createHash } from "node:crypto";
import {
  findProperty,
  getSchema,
  hasSchema,
  ID_PROP,
  type Source,
  STANCES,
  type Stance,
  type StatementInput,
  statementId,
  validateStatement,
} from "@tiegraph/model";
import type { DatasetInput, EntitySpec, SourceSpec, ValueSpec } from "./format.js";

/** Who asserts every statement of the data set. */
export const DATASET_ASSERTER = { kind: "analyst", name: "tiegraph" } as const;

/** The document id under which the gazetteer's coordinates are cited. */
export const GAZETTEER_DOCUMENT = "tiegraph:packages/dataset/src/data/gazetteer.json";

/** The data set as statements, with its version and a content hash. */
export interface LoadedDataset {
  /** The data set's name (`tiegraph_demo`), also the `dataset` of every statement. */
  name: string;
  statements: StatementInput[];
  version: string;
  /** SHA-256 (hex) of the statements: changes whenever a value, source or stance does. */
  hash: string;
}

/** A data set that does not compile, with every problem found (file, entity and property named). */
export class DatasetError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid data set (${problems.length} problems):\n${problems.join("\n")}`);
    this.name = "DatasetError";
  }
}

/** Whether a source spec is a span of a stored document. */
export function isDocumentSpec(spec: SourceSpec): spec is Extract<SourceSpec, { document: string }> {
  return "document" in spec;
}

/**
 * The statement source of a source spec: a document span, or a URL with title, publisher and date (a
 * list row's identification is appended to the title).
 * @example toSource({ url: "https://example.org/l", title: "List", row: "Huawei" }).title // "List, row: Huawei"
 */
export function toSource(spec: SourceSpec): Source {
  if (isDocumentSpec(spec)) return { document: spec.document, start: spec.start, end: spec.end };
  const title = spec.row ? `${spec.title ?? "List"}, row: ${spec.row}` : spec.title;
  return {
    url: spec.url,
    ...(title ? { title } : {}),
    ...(spec.publisher ? { publisher: spec.publisher } : {}),
    ...(spec.date ? { date: spec.date } : {}),
  };
}

/**
 * The span of a place's line in the gazetteer text (`"key": {…}` up to the end of the line, without a
 * trailing comma), or undefined when the key is absent.
 */
export function placeSpan(text: string, key: string): { start: number; end: number } | undefined {
  const start = text.indexOf(`"${key}":`);
  if (start < 0) return undefined;
  let end = text.indexOf("\n", start);
  if (end < 0) end = text.length;
  while (end > start && /[\s,]/.test(text[end - 1] ?? "")) end--;
  return { start, end };
}

interface Pending {
  index: number;
  answers: string;
  where: string;
}

function values(spec: ValueSpec | ValueSpec[]): ValueSpec[] {
  return Array.isArray(spec) ? spec : [spec];
}

/**
 * Turns the authored data set into statements of the model (dataset `input.manifest.name`, asserted by
 * the analyst `tiegraph`), each validated with the model's `validateStatement`. Checks besides: every
 * source key exists and is cited, every entity id is unique and every entity reference resolves, every
 * `answers` names a keyed statement, every denial answers one, places exist in the gazetteer, and
 * relationships have their required ends. Throws a `DatasetError` listing all problems. Pure.
 * @example compileDataset(input).statements.length
 */
export function compileDataset(input: DatasetInput): LoadedDataset {
  const problems: string[] = [];
  const dataset = input.manifest.name;
  if (!dataset) problems.push("dataset.json: empty name");
  const cited = new Set<string>();
  const sources = new Map<string, Source>();
  for (const [key, spec] of Object.entries(input.sources)) {
    if (isDocumentSpec(spec)) {
      if (
        !Number.isInteger(spec.start) ||
        !Number.isInteger(spec.end) ||
        spec.start < 0 ||
        spec.end <= spec.start
      )
        problems.push(`sources.json: ${key}: bad span ${spec.start}-${spec.end}`);
      if (!spec.words) problems.push(`sources.json: ${key}: a document span needs the words it cites`);
    } else if (typeof spec.url !== "string" || !URL.canParse(spec.url)) {
      problems.push(`sources.json: ${key}: needs a document span or an absolute url`);
    } else if (!spec.title && !spec.publisher) {
      problems.push(`sources.json: ${key}: a url needs a title or a publisher`);
    }
    sources.set(key, toSource(spec));
  }

  const statements: StatementInput[] = [];
  const keyed = new Map<string, number>();
  const pending: Pending[] = [];
  const refs: { id: string; where: string; range: string }[] = [];
  const schemaOf = new Map<string, string>();
  const entities: { file: string; entity: EntitySpec }[] = [];
  for (const file of input.files) {
    for (const entity of file.data.entities ?? []) {
      const where = `${file.name}: ${entity.id}`;
      if (schemaOf.has(entity.id)) problems.push(`${where}: duplicate entity id`);
      else schemaOf.set(entity.id, entity.schema);
      entities.push({ file: file.name, entity });
    }
  }

  const gazetteerSource = (key: string): Source | undefined => {
    const span = placeSpan(input.gazetteerText, key);
    return span ? { document: GAZETTEER_DOCUMENT, ...span } : undefined;
  };

  for (const { file, entity } of entities) {
    const where = `${file}: ${entity.id}`;
    if (!hasSchema(entity.schema)) {
      problems.push(`${where}: no such schema ${entity.schema}`);
      continue;
    }
    const schema = getSchema(entity.schema);
    if (schema.abstract) problems.push(`${where}: ${entity.schema} is abstract`);
    const defaultStance: Stance = entity.stance ?? "reported";
    const add = (
      prop: string,
      value: string,
      sourceKey: string | undefined,
      stance: Stance,
      extra: object,
    ) => {
      const at = `${where}.${prop}`;
      if (!sourceKey) {
        problems.push(`${at}: no source (give the value or the entity a source key)`);
        return -1;
      }
      const source = sources.get(sourceKey);
      if (!source) {
        problems.push(`${at}: unknown source ${sourceKey}`);
        return -1;
      }
      cited.add(sourceKey);
      if (!(STANCES as readonly string[]).includes(stance)) problems.push(`${at}: unknown stance ${stance}`);
      const s: StatementInput = {
        entity_id: entity.id,
        schema: entity.schema,
        prop,
        value,
        dataset,
        source,
        asserted_by: { ...DATASET_ASSERTER },
        stance,
        ...extra,
      };
      for (const p of validateStatement(s)) problems.push(`${at}: ${p}`);
      statements.push(s);
      return statements.length - 1;
    };

    add(ID_PROP, entity.id, entity.source ?? firstSource(entity), defaultStance, {});
    const props = entity.properties ?? {};
    for (const [prop, spec] of Object.entries(props)) {
      const property = findProperty(entity.schema, prop);
      if (!property) {
        problems.push(`${where}: no property ${prop} in ${entity.schema}`);
        continue;
      }
      for (const v of values(spec)) {
        const obj = typeof v === "object" ? v : { value: v };
        const value = String(obj.value);
        const stance = obj.stance ?? defaultStance;
        const extra = obj.lang ? { lang: obj.lang } : {};
        const index = add(prop, value, obj.source ?? entity.source, stance, extra);
        if (index < 0) continue;
        if (property.type === "entity" && property.range)
          refs.push({ id: value, where: `${where}.${prop}`, range: property.range });
        if (obj.key) {
          if (keyed.has(obj.key)) problems.push(`${where}.${prop}: duplicate statement key ${obj.key}`);
          keyed.set(obj.key, index);
        }
        if (obj.answers) pending.push({ index, answers: obj.answers, where: `${where}.${prop}` });
        else if (stance === "denied")
          problems.push(`${where}.${prop}: a denial must answer a claim (answers)`);
      }
    }
    for (const r of schema.required) {
      if (!(r in props)) problems.push(`${where}: ${entity.schema} needs ${r}`);
    }
    if (entity.place !== undefined) {
      const place = input.gazetteer.places[entity.place];
      const source = gazetteerSource(entity.place);
      if (!place || !source) {
        problems.push(`${where}: place ${entity.place} is not in the gazetteer`);
        continue;
      }
      if (!findProperty(entity.schema, "latitude")) {
        problems.push(`${where}: ${entity.schema} has no coordinates`);
        continue;
      }
      const common = {
        entity_id: entity.id,
        schema: entity.schema,
        dataset,
        source,
        stance: "reported" as const,
      };
      const coords: [string, number][] = [
        ["latitude", place.lat],
        ["longitude", place.lon],
      ];
      for (const [prop, n] of coords) {
        const s: StatementInput = { ...common, prop, value: String(n), asserted_by: { ...DATASET_ASSERTER } };
        for (const p of validateStatement(s)) problems.push(`${where}.${prop}: ${p}`);
        statements.push(s);
      }
      if (!("city" in props)) {
        if (!place.capital) problems.push(`${where}: without a cited city, a place must be a capital`);
        else {
          const s: StatementInput = {
            ...common,
            prop: "notes",
            value: `Placed at ${place.name}, the capital: the source names the country only.`,
            asserted_by: { ...DATASET_ASSERTER },
          };
          statements.push(s);
        }
      }
    }
  }

  for (const r of refs) {
    const schema = schemaOf.get(r.id);
    if (!schema) problems.push(`${r.where}: no entity ${r.id}`);
    else if (hasSchema(schema) && !getSchema(schema).ancestors.has(r.range))
      problems.push(`${r.where}: ${r.id} is a ${schema}, not a ${r.range}`);
  }
  const answering = new Set(pending.map((p) => p.index));
  for (const p of pending) {
    const claim = keyed.get(p.answers);
    if (claim !== undefined && answering.has(claim)) {
      problems.push(`${p.where}: answers ${p.answers}, which itself answers another statement`);
      continue;
    }
    const target = claim === undefined ? undefined : statements[claim];
    const s = statements[p.index];
    if (!target || !s) problems.push(`${p.where}: answers unknown statement key ${p.answers}`);
    else s.answers = statementId(target);
  }
  for (const key of sources.keys()) if (!cited.has(key)) problems.push(`sources.json: ${key} is never cited`);
  if (problems.length > 0) throw new DatasetError(problems);
  const hash = createHash("sha256").update(JSON.stringify(statements)).digest("hex");
  return { name: dataset, statements, version: input.manifest.version, hash };
}

function firstSource(entity: EntitySpec): string | undefined {
  for (const spec of Object.values(entity.properties ?? {})) {
    for (const v of values(spec)) if (typeof v === "object" && v.source) return v.source;
  }
  return undefined;
}
