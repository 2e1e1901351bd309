import { openStore, type Store } from "@tiegraph/store";

/** Where commands print: standard output and standard error, or a test's buffers. */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** A usage error (exit code 2), declared by the main program. */
export type UsageErrorClass = new (message: string) => Error;

/** Help text of every `--db` option. */
export const DB_HELP = "store: a directory (embedded, default ./.tiegraph/db) or postgres://…";

/** Opens the store named by `--db`, runs `fn` on it and closes it, whatever happens. */
export async function withStore<T>(db: string | undefined, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
