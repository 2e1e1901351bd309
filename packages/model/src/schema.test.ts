import { describe, expect, it } from "vitest";
import {
  buildSchemata,
  checkValue,
  commonSchema,
  descendants,
  edgeSchemata,
  getProperty,
  getSchema,
  hasSchema,
  isA,
  type SchemaSpec,
} from "./schema.js";

describe("schema lookups", () => {
  it("finds schemata and throws on unknown ones", () => {
    expect(getSchema("Person").label).toBe("Person");
    expect(hasSchema("Vessel")).toBe(false);
    expect(() => getSchema("Vessel")).toThrow("No such schema: Vessel");
    expect(() => getProperty("Person", "hullNumber")).toThrow("No such property: Person:hullNumber");
  });

  it("inherits properties, keeping FtM's names", () => {
    const company = getSchema("Company");
    for (const p of ["name", "country", "jurisdiction", "registrationNumber", "amount", "ticker"]) {
      expect(company.properties.has(p), p).toBe(true);
    }
    expect(getProperty("Company", "name").schema).toBe("Thing");
    expect(getProperty("Employment", "startDate").type).toBe("date");
    expect(getProperty("Employment", "employer").range).toBe("Organization");
    expect(getProperty("Project", "client").type).toBe("entity");
    expect(getSchema("Address").properties.has("employer")).toBe(false);
  });

  it("knows which schema is a kind of which", () => {
    expect(isA("Company", "LegalEntity")).toBe(true);
    expect(isA("Company", "Asset")).toBe(true);
    expect(isA("Person", "Organization")).toBe(false);
    expect(descendants("LegalEntity").sort()).toEqual([
      "Company",
      "LegalEntity",
      "Organization",
      "Person",
      "PublicBody",
    ]);
    expect(commonSchema("LegalEntity", "Company")).toBe("Company");
    expect(commonSchema("Company", "Organization")).toBe("Company");
    expect(() => commonSchema("Person", "Company")).toThrow("Incompatible schemata: Person and Company");
  });

  it("declares the relationship schemata as edges", () => {
    expect(edgeSchemata().map((s) => s.name)).toEqual([
      "Employment",
      "Membership",
      "Ownership",
      "Directorship",
    ]);
    expect(getSchema("Ownership").edge).toEqual({ source: "owner", target: "asset", label: "owns" });
    expect(getSchema("Project").edge).toBeUndefined();
  });

  it("checks values by property type", () => {
    const ok = (s: string, p: string, v: string) =>
      expect(checkValue(getProperty(s, p), v), `${p}=${v}`).toBeNull();
    const bad = (s: string, p: string, v: string) =>
      expect(checkValue(getProperty(s, p), v), `${p}=${v}`).not.toBeNull();
    ok("Event", "date", "2019");
    ok("Event", "date", "2019-05");
    ok("Event", "date", "2019-05-16T10:00:00Z");
    bad("Event", "date", "2019-13");
    bad("Event", "date", "May 2019");
    ok("Company", "country", "cn");
    ok("Company", "country", "ge-ab");
    bad("Company", "country", "CN");
    ok("Company", "website", "https://www.huawei.com/");
    bad("Company", "website", "www.huawei.com");
    bad("Company", "website", "javascript:alert(1)");
    ok("Project", "latitude", "45.58");
    bad("Project", "latitude", "91");
    bad("Project", "longitude", "east");
    ok("Project", "category", "smart_city");
    bad("Project", "category", "6g");
    ok("Event", "category", "denial");
    bad("Company", "name", "");
    bad("Company", "name", " Huawei");
    ok("Company", "description", " text may keep its spaces ");
    bad("Employment", "employer", "two words");
  });
});

describe("buildSchemata", () => {
  const base: Record<string, SchemaSpec> = {
    Thing: {
      label: "Thing",
      plural: "Things",
      abstract: true,
      caption: ["name"],
      properties: { name: { label: "Name", type: "name" } },
    },
  };
  it("rejects declarations that do not hold together", () => {
    const bad = (extra: Record<string, SchemaSpec>, msg: string) =>
      expect(() => buildSchemata({ ...base, ...extra })).toThrow(msg);
    bad(
      { A: { label: "A", plural: "As", extends: ["Nope"], properties: {} } },
      "A: extends unknown schema Nope",
    );
    bad(
      { A: { label: "A", plural: "As", properties: { x: { label: "X", type: "entity", range: "Nope" } } } },
      "unknown range Nope",
    );
    bad(
      { A: { label: "A", plural: "As", properties: { x: { label: "X", type: "entity" } } } },
      "without a range",
    );
    bad(
      { A: { label: "A", plural: "As", properties: { x: { label: "X", type: "colour" } } } },
      "unknown type colour",
    );
    bad(
      {
        A: {
          label: "A",
          plural: "As",
          edge: { source: "name", target: "name", label: "is" },
          properties: {},
        },
      },
      "edge end name is not an entity property",
    );
  });
  it("accepts a consistent declaration and inherits the caption", () => {
    const s = buildSchemata({ ...base, A: { label: "A", plural: "As", extends: ["Thing"], properties: {} } });
    expect(s.get("A")?.caption).toEqual(["name"]);
    expect([...(s.get("A")?.ancestors ?? [])]).toEqual(["A", "Thing"]);
  });
});
