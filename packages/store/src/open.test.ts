import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { entityStatements } from "@tiegraph/model";
import { describe, expect, it } from "vitest";
import { DEFAULT_DB, describeDb, openStore, resolveDb } from "./open.js";

describe("resolveDb", () => {
  it("reads --db values, then TIEGRAPH_DB, then the default directory", () => {
    expect(resolveDb("postgres://u:secret@db.example:5432/tg", {})).toEqual({
      kind: "postgres",
      url: "postgres://u:secret@db.example:5432/tg",
    });
    expect(resolveDb("postgresql://localhost/tg", {}).kind).toBe("postgres");
    expect(resolveDb("memory:", {})).toEqual({ kind: "memory" });
    expect(resolveDb("work/db", {})).toEqual({ kind: "embedded", dir: resolve("work/db") });
    expect(resolveDb(undefined, { TIEGRAPH_DB: "other/db" })).toEqual({
      kind: "embedded",
      dir: resolve("other/db"),
    });
    expect(resolveDb(undefined, {})).toEqual({ kind: "embedded", dir: resolve(DEFAULT_DB) });
    expect(DEFAULT_DB).toBe(".tiegraph/db");
  });
  it("hides a server password when printed", () => {
    expect(describeDb(resolveDb("postgres://u:secret@db.example:5432/tg", {}))).toBe(
      "postgres://u:***@db.example:5432/tg",
    );
    expect(describeDb(resolveDb("postgres://db.example/tg", {}))).toBe("postgres://db.example/tg");
  });
});

describe("the embedded store in a directory", () => {
  it("needs no set-up, keeps its data across opens and is used by one process at a time", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tiegraph-db-"));
    const db = join(dir, "nested", "db");
    try {
      const common = {
        dataset: "d",
        source: { url: "https://example.org/" },
        asserted_by: { kind: "analyst" as const, name: "ana" },
        stance: "reported" as const,
      };
      const store = await openStore(db);
      expect(store.driver).toBe("pglite");
      await store.putStatements(entityStatements("Company", "kept", { name: "Kept Ltd" }, common));
      await expect(openStore(db)).rejects.toThrow("already open in this process");
      await store.close();
      expect(existsSync(join(db, "tiegraph.lock"))).toBe(false);

      // A lock left by a process that is gone does not block; one held by a live process does.
      writeFileSync(join(db, "tiegraph.lock"), "999999999");
      const again = await openStore(db);
      expect((await again.getEntity("kept")).properties.name).toEqual(["Kept Ltd"]);
      expect(await again.migrate()).toEqual([]);
      await again.close();
      writeFileSync(join(db, "tiegraph.lock"), String(process.ppid));
      await expect(openStore(db)).rejects.toThrow(`is open in another process (${process.ppid})`);
      expect(readFileSync(join(db, "tiegraph.lock"), "utf8")).toBe(String(process.ppid));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
