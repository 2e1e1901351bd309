import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { toEntities } from "./entity.js";
import { readFtm, writeFtm } from "./ftm.js";

const SAMPLE = new URL("../../../../shared/data/ftm-samples/yente_t1_entities.ftm.json", import.meta.url);
const NOW = "2025-01-01T00:00:00";

describe("readFtm", () => {
  it("turns each value into a statement, one per dataset", () => {
    const line = JSON.stringify({
      id: "p1",
      schema: "Person",
      properties: { name: ["Ana", "Анна"], nationality: ["ru"] },
      datasets: ["a", "b"],
      first_seen: "2023-01-01T00:00:00",
      last_seen: "2024-01-01T00:00:00",
      last_change: "2023-06-01T00:00:00",
    });
    const { statements, rejects, entities } = readFtm([line], { file: "x.json", now: NOW });
    expect(rejects).toEqual([]);
    expect(entities).toBe(1);
    expect(statements.filter((s) => s.prop === "name").map((s) => [s.dataset, s.value])).toEqual([
      ["a", "Ana"],
      ["a", "Анна"],
      ["b", "Ana"],
      ["b", "Анна"],
    ]);
    expect(statements[0]?.source).toEqual({ url: "file:x.json", title: "x.json" });
    expect(statements[0]?.asserted_by).toEqual({ kind: "importer", name: "ftm" });
    const [e] = toEntities(statements);
    expect(e?.datasets).toEqual(["a", "b"]);
    expect([e?.first_seen, e?.last_change, e?.last_seen]).toEqual([
      "2023-01-01T00:00:00",
      "2023-06-01T00:00:00",
      "2024-01-01T00:00:00",
    ]);
  });

  it("sets aside bad lines and bad values with file, line and code, and keeps the rest", () => {
    const lines = [
      '{"id":"ok","schema":"Company","properties":{"name":["Good Ltd"]}}',
      "",
      '{"id":"broken", "schema": ',
      "[1,2]",
      '{"schema":"Person","properties":{}}',
      '{"id":"v1","schema":"Vessel","properties":{"name":["Boat"]}}',
      '{"id":"t1","schema":"Thing","properties":{"name":["X"]}}',
      '{"id":"n1","schema":"Person","properties":{"name":["Nina"],"shoeSize":["42"],"birthDate":["yesterday"]}}',
      '{"id":"n2","schema":"Person","properties":"Nina"}',
      '{"id":"n3","schema":"Person","properties":{"name":["Nora"]},"first_seen":"later"}',
    ];
    const { statements, rejects, entities } = readFtm(lines, { file: "in.ftm.json", now: NOW });
    expect(rejects.map((r) => [r.line, r.code, r.prop ?? null])).toEqual([
      [3, "malformed_json", null],
      [4, "not_an_object", null],
      [5, "missing_id", null],
      [6, "unknown_schema", null],
      [7, "abstract_schema", null],
      [8, "unknown_property", "shoeSize"],
      [8, "invalid_value", "birthDate"],
      [9, "bad_properties", null],
      [10, "invalid_value", "first_seen"],
    ]);
    expect(rejects.every((r) => r.file === "in.ftm.json" && r.message.length > 0)).toBe(true);
    expect(rejects[3]?.message).toBe("No such schema: Vessel");
    expect(entities).toBe(3);
    const byEntity = toEntities(statements);
    expect(byEntity.map((e) => e.id)).toEqual(["ok", "n1", "n3"]);
    expect(byEntity[1]?.properties).toEqual({ name: ["Nina"] });
  });
});

describe.skipIf(!existsSync(SAMPLE))("FtM round trip of the yente sample", () => {
  it("loses nothing", () => {
    const lines = readFileSync(SAMPLE, "utf8").split("\n");
    const { statements, rejects } = readFtm(lines, { file: "yente_t1_entities.ftm.json", now: NOW });
    expect(rejects).toEqual([]);
    const out = [...writeFtm(toEntities(statements))].map((l) => JSON.parse(l));
    const input = lines.filter((l) => l.trim()).map((l) => JSON.parse(l));
    expect(out).toEqual(input);
  });
});
