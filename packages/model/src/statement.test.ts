import { describe, expect, it } from "vitest";
import {
  entityStatements,
  makeStatement,
  type StatementCommon,
  StatementError,
  type StatementInput,
  statementId,
  validateStatement,
} from "./statement.js";

const common: StatementCommon = {
  dataset: "giants",
  source: { url: "https://example.org/report", title: "Report", publisher: "Example", date: "2019-11-28" },
  asserted_by: { kind: "analyst", name: "ana" },
  stance: "reported",
};
const claim: StatementInput = {
  ...common,
  entity_id: "huawei",
  schema: "Company",
  prop: "name",
  value: "Huawei",
};
const NOW = "2024-01-01T00:00:00Z";

describe("makeStatement", () => {
  it("hashes the content into the id, not the dates seen", () => {
    const a = makeStatement(claim, NOW);
    expect(a.id).toMatch(/^[0-9a-f]{40}$/);
    expect(a.first_seen).toBe(NOW);
    expect(a.last_seen).toBe(NOW);
    expect(makeStatement({ ...claim, first_seen: "2020-01-01" }, NOW).id).toBe(a.id);
    expect(makeStatement({ ...claim, schema: "Organization" }, NOW).id).toBe(a.id);
    expect(makeStatement({ ...claim, stance: "alleged" }, NOW).id).not.toBe(a.id);
    expect(makeStatement({ ...claim, source: { ...common.source, title: "Other" } }, NOW).id).not.toBe(a.id);
    expect(makeStatement({ ...claim, asserted_by: { kind: "extractor", name: "ties" } }, NOW).id).not.toBe(
      a.id,
    );
    // Key order of the source does not matter.
    const reordered = {
      date: "2019-11-28",
      publisher: "Example",
      title: "Report",
      url: "https://example.org/report",
    };
    expect(statementId({ ...claim, source: reordered })).toBe(a.id);
  });

  it("links a denial to the claim it answers", () => {
    const c = makeStatement(
      { ...claim, prop: "notes", value: "Works with police through partners", stance: "alleged" },
      NOW,
    );
    const d = makeStatement(
      {
        ...claim,
        prop: "notes",
        value: "Works with police through partners",
        stance: "denied",
        answers: c.id,
      },
      NOW,
    );
    expect(d.answers).toBe(c.id);
    expect(d.id).not.toBe(c.id);
  });

  it("accepts a span of a stored document as source", () => {
    const s = makeStatement({ ...claim, source: { document: "doc-1", start: 10, end: 25 } }, NOW);
    expect(s.source).toEqual({ document: "doc-1", start: 10, end: 25 });
  });

  it("rejects invalid statements with every problem named", () => {
    const problems = (s: Partial<StatementInput>) => validateStatement({ ...claim, ...s } as StatementInput);
    expect(problems({ schema: "Vessel" })).toEqual(["schema: No such schema: Vessel"]);
    expect(problems({ prop: "hull" })[0]).toBe("prop: No such property: Company:hull");
    expect(problems({ prop: "incorporationDate", value: "1987?" })[0]).toMatch(/not an ISO 8601 date/);
    expect(problems({ source: { document: "d", start: 5, end: 2 } })).toEqual(["source: bad span"]);
    expect(problems({ source: { url: "" } })).toEqual(["source: needs a document or a url"]);
    expect(problems({ asserted_by: { kind: "robot" as "analyst", name: "x" } })[0]).toMatch(/kind must be/);
    expect(problems({ stance: "rumoured" as "reported" })).toEqual(["stance: unknown rumoured"]);
    expect(problems({ prop: "id", value: "zte" })).toEqual(["id: the value must be the entity id"]);
    expect(problems({ prop: "$referents", value: "[oops" })).toEqual(["$referents: not JSON"]);
    expect(problems({ answers: "c1" })).toEqual(["answers: not a statement id"]);
    expect(problems({ first_seen: "2024-02-01", last_seen: "2024-01-01" })).toEqual([
      "first_seen is after last_seen",
    ]);
    expect(problems({})).toEqual([]);
    expect(() => makeStatement({ ...claim, prop: "hull" })).toThrow(StatementError);
  });
});

describe("entityStatements", () => {
  it("declares an entity with its id statement and one statement per value", () => {
    const list = entityStatements(
      "Project",
      "p1",
      { name: "Karamay cloud", category: "cloud", latitude: "45.58" },
      common,
      NOW,
    );
    expect(list.map((s) => [s.prop, s.value])).toEqual([
      ["id", "p1"],
      ["name", "Karamay cloud"],
      ["category", "cloud"],
      ["latitude", "45.58"],
    ]);
    expect(() => entityStatements("Project", "p1", { category: "6g" }, common, NOW)).toThrow(
      /category: not one of/,
    );
  });
});
