import { mkdirSync } from "node:fs";

/** The little a store needs of a PostgreSQL connection; both drivers give it, so both run the same SQL. */
export interface Sql {
  readonly driver: "pglite" | "postgres";
  /** One statement with `$1`… parameters; the rows. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Several statements, no parameters. */
  exec(text: string): Promise<void>;
  /** Runs `fn` in one transaction: everything or nothing. Nested calls join the outer transaction. */
  transaction<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

interface Queryable {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
  exec?(text: string): Promise<unknown>;
}

function inTransaction(driver: Sql["driver"], q: Queryable, exec: (text: string) => Promise<void>): Sql {
  const sql: Sql = {
    driver,
    query: async <T>(text: string, params?: unknown[]) => (await q.query(text, params)).rows as T[],
    exec,
    transaction: (fn) => fn(sql),
    close: async () => {
      throw new Error("close() inside a transaction");
    },
  };
  return sql;
}

/**
 * The embedded driver: PostgreSQL compiled to WebAssembly (PGlite) with `pg_trgm`, in `dir` (created
 * when missing), or in memory when `dir` is undefined.
 */
export async function pgliteSql(dir: string | undefined): Promise<Sql> {
  const [{ PGlite }, { pg_trgm }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite/contrib/pg_trgm"),
  ]);
  if (dir !== undefined) mkdirSync(dir, { recursive: true });
  const db = await PGlite.create(dir ?? "memory://", { extensions: { pg_trgm } });
  return {
    driver: "pglite",
    query: async <T>(text: string, params?: unknown[]) => (await db.query(text, params)).rows as T[],
    exec: async (text) => {
      await db.exec(text);
    },
    transaction: (fn) =>
      db.transaction((tx) =>
        fn(
          inTransaction("pglite", tx, async (text) => {
            await tx.exec(text);
          }),
        ),
      ),
    close: () => db.close(),
  };
}

/**
 * The server driver: a pool of connections to a PostgreSQL server. With `schema`, the store's tables
 * live in that schema (created when missing), so that several stores can share one database.
 */
export async function postgresSql(url: string, schema?: string): Promise<Sql> {
  const { default: pg } = await import("pg");
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema))
    throw new Error(`Bad schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema},public` }),
  });
  // An idle connection that breaks must not take the process down; the next query reports it.
  pool.on("error", () => {});
  if (schema !== undefined) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  return {
    driver: "postgres",
    query: async <T>(text: string, params?: unknown[]) => (await pool.query(text, params)).rows as T[],
    exec: async (text) => {
      await pool.query(text);
    },
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const tx = inTransaction("postgres", client, async (text) => {
          await client.query(text);
        });
        const out = await fn(tx);
        await client.query("COMMIT");
        return out;
      } catch (e) {
        await client.query("ROLLBACK").catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
