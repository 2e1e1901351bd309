import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderTypes } from "./codegen.js";
import { SCHEMA_SPEC } from "./schema.js";

describe("generated types", () => {
  it("types.gen.ts matches schemata.json (run scripts/gen-types.mjs after editing the JSON)", () => {
    const committed = readFileSync(new URL("./schema/types.gen.ts", import.meta.url), "utf8");
    expect(renderTypes({ ...SCHEMA_SPEC })).toBe(committed);
  });
  it("lists every schema and its inherited properties", () => {
    const text = renderTypes({ ...SCHEMA_SPEC });
    expect(text).toContain('| "PublicBody"');
    expect(text).toMatch(/Project:\n(\s+\| "\w+"\n)*\s+\| "client"/);
  });
});
