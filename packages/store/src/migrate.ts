import { readdirSync, readFileSync } from "node:fs";
import type { Sql } from "./sql.js";

/** A numbered SQL file of `packages/store/migrations/`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const DIR = new URL("../migrations/", import.meta.url);
// Any number, the same for every tiegraph store: migrations of one database run one at a time.
const LOCK = 7_301_942;

/** The migrations shipped with this package, in order (`001_init.sql` is version 1). */
export function listMigrations(dir: URL = DIR): Migration[] {
  const out: Migration[] = [];
  for (const file of readdirSync(dir).sort()) {
    const m = /^(\d+)_([\w-]+)\.sql$/.exec(file);
    if (!m) continue;
    out.push({ version: Number(m[1]), name: m[2]!, sql: readFileSync(new URL(file, dir), "utf8") });
  }
  for (let i = 1; i < out.length; i++) {
    if (out[i]!.version === out[i - 1]!.version)
      throw new Error(`Two migrations numbered ${out[i]!.version}`);
  }
  return out;
}

/**
 * Brings the database up to the latest migration, each in its own transaction under an advisory lock,
 * and records it in `schema_migrations`. Returns the versions applied now (none when up to date).
 * Refuses a database migrated by a newer tiegraph.
 */
export async function migrate(sql: Sql, migrations: Migration[] = listMigrations()): Promise<number[]> {
  const applied: number[] = [];
  const latest = migrations.at(-1)?.version ?? 0;
  await sql.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [LOCK]);
    await tx.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)",
    );
  });
  for (const m of migrations) {
    await sql.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock($1)", [LOCK]);
      const done = await tx.query<{ version: number }>(
        "SELECT version FROM schema_migrations ORDER BY version",
      );
      const newest = done.at(-1)?.version ?? 0;
      if (newest > latest) {
        throw new Error(`The database is at migration ${newest}, newer than this tiegraph knows (${latest})`);
      }
      if (done.some((d) => d.version === m.version)) return;
      await tx.exec(m.sql);
      await tx.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", [
        m.version,
        m.name,
        new Date().toISOString(),
      ]);
      applied.push(m.version);
    });
  }
  return applied;
}
