import { buildSchemata, type SchemaSpec } from "./schema.js";

const WIDTH = 110;

function union(head: string, items: string[], indent: string): string[] {
  const quoted = items.map((i) => JSON.stringify(i));
  const one = `${indent}${head} ${quoted.length > 0 ? quoted.join(" | ") : "never"};`;
  if (one.length <= WIDTH || quoted.length < 2) return [one];
  return [
    `${indent}${head}`,
    ...quoted.map((q, i) => `${indent}  | ${q}${i === quoted.length - 1 ? ";" : ""}`),
  ];
}

/**
 * The TypeScript declarations derived from schema declarations: the `SchemaName` union and, for each
 * schema, the union of its property names (inherited ones included). `scripts/gen-types.mjs` writes
 * them to `src/schema/types.gen.ts`; a test checks that file is fresh. Pure.
 */
export function renderTypes(spec: Record<string, SchemaSpec>): string {
  const schemata = buildSchemata(spec);
  const names = [...schemata.keys()].sort();
  const lines = [
    "// Generated from schemata.json by scripts/gen-types.mjs. Do not edit.",
    "",
    "/** The name of a schema in schemata.json. */",
    ...union("export type SchemaName =", names, ""),
    "",
    "/** For each schema, the names of its properties, inherited ones included. */",
    "export interface SchemaProperties {",
  ];
  for (const n of names) {
    const props = [...schemata.get(n)!.properties.keys()].sort();
    lines.push(...union(`${n}:`, props, "  "));
  }
  lines.push("}", "");
  return lines.join("\n");
}
