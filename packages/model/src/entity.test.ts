import { describe, expect, it } from "vitest";
import { computeCaption, getValues, toEntities, toEntity } from "./entity.js";
import { entityStatements, makeStatement, type StatementCommon } from "./statement.js";

const common: StatementCommon = {
  dataset: "giants",
  source: { url: "https://example.org/a", title: "A" },
  asserted_by: { kind: "analyst", name: "ana" },
  stance: "reported",
};

describe("toEntity", () => {
  it("builds the entity from its statements, most specific schema first", () => {
    const list = [
      ...entityStatements("LegalEntity", "huawei", { name: "Huawei" }, common, "2020-01-01T00:00:00"),
      ...entityStatements(
        "Company",
        "huawei",
        { name: ["华为", "Huawei"], country: "cn" },
        { ...common, dataset: "us_entity_list" },
        "2021-05-16T00:00:00",
      ),
    ];
    const e = toEntity(list);
    expect(e.schema).toBe("Company");
    expect(e.properties).toEqual({ name: ["Huawei", "华为"], country: ["cn"] });
    expect(e.datasets).toEqual(["giants", "us_entity_list"]);
    expect(e.caption).toBe("Huawei");
    expect(e.first_seen).toBe("2020-01-01T00:00:00");
    expect(e.last_change).toBe("2021-05-16T00:00:00");
    expect(e.statements).toHaveLength(list.length);
    expect(getValues(e, "website")).toEqual([]);
  });

  it("keeps denials out of the properties but among the statements", () => {
    const claim = makeStatement({
      ...common,
      entity_id: "e1",
      schema: "Event",
      prop: "involved",
      value: "huawei",
      stance: "alleged",
    });
    const denial = makeStatement({
      ...common,
      entity_id: "e1",
      schema: "Event",
      prop: "involved",
      value: "zte",
      stance: "denied",
      answers: claim.id,
    });
    const e = toEntity([claim, denial]);
    expect(e.properties.involved).toEqual(["huawei"]);
    expect(e.statements.map((s) => s.stance)).toEqual(["alleged", "denied"]);
    expect(toEntity([claim, denial], { stances: ["denied"] }).properties.involved).toEqual(["zte"]);
  });

  it("refuses mixed entities, incompatible schemata and nothing", () => {
    const a = entityStatements("Person", "a", { name: "A" }, common);
    const b = entityStatements("Person", "b", { name: "B" }, common);
    const c = entityStatements("Company", "a", { name: "A Ltd" }, common);
    expect(() => toEntity([...a, ...b])).toThrow("Statements of more than one entity: a and b");
    expect(() => toEntity([...a, ...c])).toThrow("Incompatible schemata: Person and Company");
    expect(() => toEntity([])).toThrow("No statements");
    expect(toEntities([...a, ...b]).map((e) => e.id)).toEqual(["a", "b"]);
  });

  it("captions by the schema's caption properties, else the id", () => {
    expect(computeCaption({ id: "x", schema: "Employment", properties: { role: ["Engineer"] } })).toBe(
      "Engineer",
    );
    expect(computeCaption({ id: "x", schema: "Employment", properties: {} })).toBe("x");
    expect(
      computeCaption({
        id: "x",
        schema: "Address",
        properties: { city: ["Urumqi"], full: ["1 Road, Urumqi"] },
      }),
    ).toBe("1 Road, Urumqi");
  });
});
