import data from "./schema/schemata.json" with { type: "json" };
import type { SchemaName, SchemaProperties } from "./schema/types.gen.js";

export type { SchemaName, SchemaProperties };

/** Property names of a schema, its inherited ones included: `PropName<"Project">` has `"client"` and `"name"`. */
export type PropName<S extends SchemaName> = SchemaProperties[S];

/** The kinds of value a property holds. `entity` values are entity ids; the others are text. */
export const PROPERTY_TYPES = [
  "name",
  "string",
  "text",
  "date",
  "country",
  "url",
  "number",
  "entity",
  "identifier",
  "topic",
  "address",
  "email",
  "phone",
  "gender",
  "language",
  "checksum",
  "mimetype",
] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];

/** A property as written in `schemata.json`. */
export interface PropertySpec {
  label: string;
  type?: string;
  range?: string;
  reverse?: { name: string; label: string };
  description?: string;
  /** A closed list of allowed values. */
  values?: string[];
  /** Bounds for `number` properties. */
  min?: number;
  max?: number;
}

/** A schema as written in `schemata.json`. */
export interface SchemaSpec {
  label: string;
  plural: string;
  abstract?: boolean;
  extends?: string[];
  caption?: string[];
  required?: string[];
  /** Relationship schemata: the properties holding the two ends, and how to read the link. */
  edge?: { source: string; target: string; label: string };
  properties: Record<string, PropertySpec>;
}

/** A resolved property: inherited ones carry the schema that declares them. */
export interface Property {
  name: string;
  /** The schema that declares it. */
  schema: string;
  label: string;
  type: PropertyType;
  range?: string;
  reverse?: { name: string; label: string };
  description?: string;
  values?: readonly string[];
  min?: number;
  max?: number;
}

/** A resolved schema, with its inherited properties and every schema it is a kind of. */
export interface Schema {
  name: string;
  label: string;
  plural: string;
  abstract: boolean;
  extends: readonly string[];
  /** This schema and all its ancestors. */
  ancestors: ReadonlySet<string>;
  caption: readonly string[];
  required: readonly string[];
  edge?: { source: string; target: string; label: string };
  properties: ReadonlyMap<string, Property>;
}

/**
 * Resolves schema declarations (inheritance, default types) and checks them: unknown parents, ranges and
 * edge ends, and bad types are errors. Pure; the package's own data goes through it once at load.
 */
export function buildSchemata(spec: Record<string, SchemaSpec>): Map<string, Schema> {
  const problems: string[] = [];
  const out = new Map<string, Schema>();
  const resolving = new Set<string>();
  const resolve = (name: string): Schema | undefined => {
    const done = out.get(name);
    if (done) return done;
    const s = spec[name];
    if (!s) return undefined;
    if (resolving.has(name)) {
      problems.push(`${name}: extends itself`);
      return undefined;
    }
    resolving.add(name);
    const ancestors = new Set<string>([name]);
    const properties = new Map<string, Property>();
    let caption: readonly string[] = s.caption ?? [];
    const required: string[] = [];
    for (const parentName of s.extends ?? []) {
      const parent = resolve(parentName);
      if (!parent) {
        problems.push(`${name}: extends unknown schema ${parentName}`);
        continue;
      }
      for (const a of parent.ancestors) ancestors.add(a);
      for (const [k, p] of parent.properties) if (!properties.has(k)) properties.set(k, p);
      if (caption.length === 0) caption = parent.caption;
      required.push(...parent.required);
    }
    for (const [k, p] of Object.entries(s.properties)) {
      const type = p.type ?? "string";
      if (!(PROPERTY_TYPES as readonly string[]).includes(type))
        problems.push(`${name}:${k}: unknown type ${type}`);
      if (type === "entity" && !p.range) problems.push(`${name}:${k}: entity property without a range`);
      if (p.range && !spec[p.range]) problems.push(`${name}:${k}: unknown range ${p.range}`);
      const prop: Property = { name: k, schema: name, label: p.label, type: type as PropertyType };
      if (p.range) prop.range = p.range;
      if (p.reverse) prop.reverse = p.reverse;
      if (p.description) prop.description = p.description;
      if (p.values) prop.values = p.values;
      if (p.min !== undefined) prop.min = p.min;
      if (p.max !== undefined) prop.max = p.max;
      properties.set(k, prop);
    }
    for (const r of s.required ?? []) {
      if (!properties.has(r)) problems.push(`${name}: required property ${r} is not defined`);
      required.push(r);
    }
    if (s.edge) {
      for (const end of [s.edge.source, s.edge.target]) {
        if (properties.get(end)?.type !== "entity")
          problems.push(`${name}: edge end ${end} is not an entity property`);
      }
    }
    const schema: Schema = {
      name,
      label: s.label,
      plural: s.plural,
      abstract: s.abstract === true,
      extends: s.extends ?? [],
      ancestors,
      caption,
      required: [...new Set(required)],
      properties,
    };
    if (s.edge) schema.edge = s.edge;
    resolving.delete(name);
    out.set(name, schema);
    return schema;
  };
  for (const name of Object.keys(spec)) resolve(name);
  if (problems.length > 0) throw new Error(`Invalid schemata:\n${problems.join("\n")}`);
  // Keep the declaration order.
  return new Map(Object.keys(spec).map((n) => [n, out.get(n)!]));
}

/** The declarations this package ships, as written in `schema/schemata.json`. */
export const SCHEMA_SPEC: Readonly<Record<string, SchemaSpec>> = data as Record<string, SchemaSpec>;
const SCHEMATA = buildSchemata(data as Record<string, SchemaSpec>);

/** Whether a schema of this name exists. */
export function hasSchema(name: string): name is SchemaName {
  return SCHEMATA.has(name);
}

/**
 * The schema of this name; throws `No such schema: X` when there is none.
 * @example getSchema("Employment").edge // { source: "employee", target: "employer", label: "works for" }
 */
export function getSchema(name: string): Schema {
  const s = SCHEMATA.get(name);
  if (!s) throw new Error(`No such schema: ${name}`);
  return s;
}

/** Every schema, in declaration order. */
export function allSchemata(): Schema[] {
  return [...SCHEMATA.values()];
}

/** The property `prop` of `schema` (inherited ones included), or undefined. */
export function findProperty(schema: string, prop: string): Property | undefined {
  return getSchema(schema).properties.get(prop);
}

/**
 * The property `prop` of `schema`; throws `No such property: Schema:prop` when there is none.
 * @example getProperty("Project", "latitude").type // "number"
 */
export function getProperty(schema: string, prop: string): Property {
  const p = getSchema(schema).properties.get(prop);
  if (!p) throw new Error(`No such property: ${schema}:${prop}`);
  return p;
}

/** Whether `schema` is `parent` or one of its descendants: `isA("Company", "LegalEntity")` is true. */
export function isA(schema: string, parent: string): boolean {
  return getSchema(schema).ancestors.has(parent);
}

/** `name` and every schema that is a kind of it, e.g. for "LegalEntity": Person, Organization, Company … */
export function descendants(name: string): string[] {
  getSchema(name);
  return [...SCHEMATA.values()].filter((s) => s.ancestors.has(name)).map((s) => s.name);
}

/**
 * The more specific of two schemata where one is a kind of the other (LegalEntity and Company give
 * Company); throws `Incompatible schemata: A and B` otherwise.
 */
export function commonSchema(a: string, b: string): string {
  if (a === b) return a;
  if (isA(a, b)) return a;
  if (isA(b, a)) return b;
  throw new Error(`Incompatible schemata: ${a} and ${b}`);
}

/** The relationship schemata: those with an `edge` (Employment, Membership, Ownership, Directorship). */
export function edgeSchemata(): Schema[] {
  return [...SCHEMATA.values()].filter((s) => s.edge !== undefined);
}

const DATE_RE =
  /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])([T ]([01]\d|2[0-3])(:[0-5]\d(:[0-5]\d(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;
const NUMBER_RE = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const COUNTRY_RE = /^[a-z]{2,4}(-[a-z0-9]{1,8})*$/;
const ID_RE = /^[^\s]{1,1024}$/;

/**
 * Why `value` is not a valid value of `property`, or null when it is. Dates are ISO 8601 prefixes
 * (`2019`, `2019-05`, `2019-05-16T10:00:00Z`), countries lower-case codes (`cn`, `xk`, `ge-ab`), numbers
 * plain decimals, URLs absolute http(s) or ftp, entity ids text without spaces; closed value lists and
 * number bounds are checked.
 * @example checkValue(getProperty("Project", "latitude"), "91") // "above the maximum 90"
 */
export function checkValue(property: Property, value: string): string | null {
  if (value.length === 0) return "empty value";
  if (value.trim() !== value && property.type !== "text") return "leading or trailing white space";
  switch (property.type) {
    case "date":
      if (!DATE_RE.test(value)) return "not an ISO 8601 date";
      break;
    case "number": {
      if (!NUMBER_RE.test(value)) return "not a number";
      const n = Number(value);
      if (property.min !== undefined && n < property.min) return `below the minimum ${property.min}`;
      if (property.max !== undefined && n > property.max) return `above the maximum ${property.max}`;
      break;
    }
    case "country":
      if (!COUNTRY_RE.test(value)) return "not a lower-case country code";
      break;
    case "url": {
      if (!URL.canParse(value)) return "not an absolute URL";
      const protocol = new URL(value).protocol;
      if (!["http:", "https:", "ftp:"].includes(protocol)) return `unsupported URL scheme ${protocol}`;
      break;
    }
    case "entity":
      if (!ID_RE.test(value)) return "not an entity id";
      break;
    case "email":
      if (!value.includes("@")) return "not an e-mail address";
      break;
    default:
      break;
  }
  if (property.values && !property.values.includes(value)) {
    return `not one of ${property.values.join(", ")}`;
  }
  return null;
}
