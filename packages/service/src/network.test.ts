import { makeStatement, type StatementCommon, type StatementInput } from "@tiegraph/model";
import { describe, expect, it } from "vitest";
import { buildGraph } from "./graph.js";
import { network } from "./network.js";
import { capPeople, companyProfile, graphNeighbours } from "./profile.js";
import { MAX_PEOPLE } from "./views.js";

const common: StatementCommon = {
  dataset: "run",
  source: { url: "https://example.org/run", title: "A run" },
  asserted_by: { kind: "extractor", name: "test" },
  stance: "reported",
};
const st = (entity_id: string, schema: string, prop: string, value: string): StatementInput => ({
  ...common,
  entity_id,
  schema,
  prop,
  value,
});

/** A company with `n` employees, the last three of whom also served in a state body. */
function crowd(n: number) {
  const out: StatementInput[] = [
    st("acme", "Company", "name", "Acme Telecom"),
    st("bureau", "PublicBody", "name", "A Public Security Bureau"),
  ];
  for (let i = 0; i < n; i++) {
    const p = `person-${String(i).padStart(5, "0")}`;
    out.push(st(p, "Person", "name", p));
    out.push(st(`${p}-job`, "Employment", "employee", p), st(`${p}-job`, "Employment", "employer", "acme"));
    if (i < 3)
      out.push(
        st(`${p}-tie`, "Employment", "employee", p),
        st(`${p}-tie`, "Employment", "employer", "bureau"),
      );
  }
  return buildGraph(
    out.map((s) => makeStatement(s)),
    [],
    [],
  );
}

describe("network with many people", () => {
  it("draws the best-linked people up to the cap and counts the rest", () => {
    const net = network(crowd(5000), { depth: 2, maxPeople: 50 });
    const people = net.nodes.filter((n) => n.group === "person");
    expect(people).toHaveLength(50);
    expect(net.omitted).toEqual({ person: 4950 });
    // The three with a tie to the bureau have the most links, so they are among those drawn.
    for (const id of ["person-00000", "person-00001", "person-00002"])
      expect(people.map((p) => p.id)).toContain(id);
    expect(net.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(["acme", "bureau"]));
    const ids = new Set(net.nodes.map((n) => n.id));
    for (const e of net.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
  });

  it("leaves a network under the cap whole, and never drops the focus", () => {
    const small = network(crowd(20), { maxPeople: 50 });
    expect(small.nodes.filter((n) => n.group === "person")).toHaveLength(20);
    expect(small.omitted).toBeUndefined();
    const focused = network(crowd(300), { focus: "person-00299", depth: 2, maxPeople: 10 });
    expect(focused.nodes.map((n) => n.id)).toContain("person-00299");
    expect(focused.nodes.filter((n) => n.group === "person")).toHaveLength(11);
    expect(focused.omitted).toEqual({ person: 289 });
  });

  it("lists at most MAX_PEOPLE people in a profile and among an entity's links, and counts the rest", () => {
    const graph = crowd(1000);
    const profile = companyProfile(graph, "acme");
    expect(profile.people).toHaveLength(MAX_PEOPLE);
    expect(profile.people_omitted).toBe(1000 - MAX_PEOPLE);
    const links = graphNeighbours(graph, "acme");
    const capped = capPeople(links, 10);
    expect(capped.links).toHaveLength(10);
    expect(capped.omitted).toBe(links.length - 10);
    expect(companyProfile(crowd(5), "acme").people_omitted).toBeUndefined();
  });
});
