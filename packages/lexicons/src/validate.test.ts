import type { LexiconEntry, LexiconFile } from "@tiegraph/core";
import { describe, expect, it } from "vitest";
import { validateLexicon } from "./validate.js";

const body = (over: Partial<LexiconEntry> = {}): LexiconEntry => ({
  id: "mil.test",
  kind: "state_body",
  category: "military",
  name: "Test unit",
  aliases: ["测试部队"],
  source: "test",
  ...over,
});
const file = (part: string, entries: LexiconEntry[]): LexiconFile => ({
  part,
  version: "1.0.0",
  description: "",
  entries,
});
const check = (...entries: LexiconEntry[]) => validateLexicon([file("state-bodies", entries)]);

describe("validateLexicon", () => {
  it("accepts well-formed files", () => {
    const target: LexiconEntry = {
      id: "target.acme.main",
      kind: "target",
      target: "acme",
      name: "Acme",
      aliases: ["Acme"],
      source: "test",
    };
    const pattern = body({
      id: "mil.pattern",
      aliases: [],
      pattern: { trigger: ["部队"], regex: "[0-9]{5}部队" },
      parent: "mil.test",
    });
    expect(validateLexicon([file("targets", [target]), file("state-bodies", [body(), pattern])])).toEqual([]);
  });

  it("reports duplicate ids across files", () => {
    const problems = validateLexicon([
      file("state-bodies", [body()]),
      file("extra", [body({ aliases: ["别名"] })]),
    ]);
    expect(problems.join("\n")).toMatch(/mil\.test: duplicate id \(also in state-bodies\)/);
  });

  it("reports a missing or blank source", () => {
    expect(check(body({ source: "  " }))).toEqual(["state-bodies: mil.test: no source"]);
  });

  it("reports an unknown category and a category outside state bodies", () => {
    expect(check(body({ category: "navy" as never }))).toEqual([
      'state-bodies: mil.test: unknown category "navy"',
    ]);
    expect(check(body({ category: undefined as never }))[0]).toMatch(/unknown category/);
    const act = {
      id: "act.x",
      kind: "activity",
      name: "x",
      aliases: ["x"],
      source: "t",
      category: "military",
    };
    expect(validateLexicon([file("activities", [act as LexiconEntry])])).toEqual([
      "activities: act.x: only state bodies have a category",
    ]);
  });

  it("reports target entries without a group", () => {
    const t = { id: "target.x", kind: "target", name: "X", aliases: ["X corp"], source: "t" } as LexiconEntry;
    expect(validateLexicon([file("targets", [t])])).toEqual([
      "targets: target.x: target entry without a group",
    ]);
  });

  it("reports a regex that does not compile or matches the empty string", () => {
    const bad = check(body({ pattern: { trigger: ["部队"], regex: "([0-9]{5}部队" } }));
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatch(/regex does not compile/);
    expect(check(body({ pattern: { trigger: ["部队"], regex: "[0-9]*" } }))).toEqual([
      "state-bodies: mil.test: regex matches the empty string",
    ]);
    expect(check(body({ aliases: [], pattern: { trigger: [], regex: "x" } }))).toContain(
      "state-bodies: mil.test: pattern has no trigger",
    );
  });

  it("reports a parent that does not exist and parent loops", () => {
    expect(check(body({ parent: "mil.nowhere" }))).toEqual([
      'state-bodies: mil.test: parent "mil.nowhere" does not exist',
    ]);
    const a = body({ id: "mil.a", aliases: ["甲"], parent: "mil.b" });
    const b = body({ id: "mil.b", aliases: ["乙"], parent: "mil.a" });
    expect(check(a, b).some((p) => p.includes("parent chain loops"))).toBe(true);
  });

  it("reports empty, blank and padded aliases and entries with nothing to match", () => {
    expect(check(body({ aliases: ["", "测试部队"] }))).toEqual([
      "state-bodies: mil.test: aliases has an empty or blank literal",
    ]);
    expect(check(body({ aliases: ["   "] }))).toContain(
      "state-bodies: mil.test: aliases has an empty or blank literal",
    );
    expect(check(body({ aliases: [" 测试部队"] }))).toEqual([
      'state-bodies: mil.test: aliases literal " 测试部队" has surrounding spaces',
    ]);
    expect(check(body({ aliases: [] }))).toEqual([
      "state-bodies: mil.test: nothing to match (no aliases, exact_case or pattern)",
    ]);
    expect(check(body({ exact_case: [""] }))).toEqual([
      "state-bodies: mil.test: exact_case has an empty or blank literal",
    ]);
  });

  it("reports one name claimed by two entries, a trap included", () => {
    const other = body({ id: "mil.other", aliases: ["测试部队"] });
    expect(check(body(), other)).toEqual(['state-bodies: mil.other: "测试部队" is also a name of mil.test']);
    const trap = {
      id: "trap.x",
      kind: "trap",
      name: "x",
      aliases: ["Test Unit"],
      source: "t",
    } as LexiconEntry;
    const problems = validateLexicon([
      file("state-bodies", [body({ aliases: ["test unit"] })]),
      file("traps", [trap]),
    ]);
    expect(problems).toEqual(['traps: trap.x: "Test Unit" is also a name of mil.test']);
  });

  it("reports entries filed in the wrong part and malformed ids", () => {
    expect(validateLexicon([file("traps", [body()])])).toEqual([
      'traps: mil.test: kind "state_body" does not belong in traps',
    ]);
    expect(check(body({ id: "Mil Test" }))).toEqual([
      "state-bodies: Mil Test: id must be dotted lower-case words",
    ]);
  });
});
