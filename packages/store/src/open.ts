import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join, resolve } from "node:path";
import { pgliteSql, postgresSql } from "./sql.js";
import { SqlStore, type Store } from "./store.js";

/** Where the embedded store lives when no `--db` is given, relative to the working directory. */
export const DEFAULT_DB = ".tiegraph/db";

/** The store a `--db` value names: `postgres://…` (a server), `memory:` (nothing kept) or a directory. */
export type DbSpec =
  | { kind: "postgres"; url: string }
  | { kind: "memory" }
  | { kind: "embedded"; dir: string };

/**
 * Reads a `--db` value; with none, `TIEGRAPH_DB` from `env`, else `./.tiegraph/db`.
 * @example resolveDb("postgres://localhost/tiegraph") // { kind: "postgres", url: "postgres://localhost/tiegraph" }
 */
export function resolveDb(db?: string, env: NodeJS.ProcessEnv = process.env): DbSpec {
  const spec = db ?? env.TIEGRAPH_DB ?? DEFAULT_DB;
  if (/^postgres(ql)?:\/\//.test(spec)) return { kind: "postgres", url: spec };
  if (spec === "memory:" || spec === "memory://") return { kind: "memory" };
  return { kind: "embedded", dir: resolve(spec) };
}

/** A `--db` value fit to print: a server URL without its password. */
export function describeDb(spec: DbSpec): string {
  if (spec.kind === "memory") return "memory:";
  if (spec.kind === "embedded") return spec.dir;
  try {
    const u = new URL(spec.url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres://…";
  }
}

export interface OpenOptions {
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
  /** PostgreSQL only: keep the tables in this schema of the database (created when missing). */
  schema?: string;
}

const LOCK_FILE = "tiegraph.lock";

/** The embedded store is open in another process (it serves one process at a time). */
export class StoreBusyError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `The store at ${dir} is open in another process (${pid}), such as tiegraph serve or npm start. ` +
        "Stop that process first, or use a PostgreSQL server (--db postgres://…), which several processes can share.",
    );
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

// The embedded database is a single-process PostgreSQL: two processes writing one directory would
// corrupt it, so a lock file holds the process id of the one that has it open.
function lockDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const pid = Number(readFileSync(path, "utf8").trim());
      if (pid > 0 && pid !== process.pid && alive(pid)) {
        throw new StoreBusyError(dir, pid);
      }
      if (pid === process.pid) throw new Error(`The store at ${dir} is already open in this process`);
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Cannot lock the store at ${dir}`);
}

/**
 * Opens the store a `--db` value names (see `resolveDb`) and brings it up to date. The embedded
 * store needs no set-up: its directory is created on first use (which takes a few seconds; later
 * opens about one).
 * @example
 * const store = await openStore("postgres://tiegraph@localhost/tiegraph");
 * try { console.log(await store.listDatasets()); } finally { await store.close(); }
 */
export async function openStore(db?: string, options: OpenOptions = {}): Promise<Store> {
  const spec = resolveDb(db);
  let store: SqlStore;
  if (spec.kind === "postgres") {
    store = new SqlStore(await postgresSql(spec.url, options.schema));
  } else if (spec.kind === "memory") {
    store = new SqlStore(await pgliteSql(undefined));
  } else {
    const unlock = lockDir(spec.dir);
    try {
      store = new SqlStore(await pgliteSql(spec.dir), async () => unlock());
    } catch (e) {
      unlock();
      throw e;
    }
  }
  if (options.migrate !== false) {
    try {
      await store.migrate();
    } catch (e) {
      await store.close().catch(() => {});
      throw e;
    }
  }
  return store;
}
