import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { createApp, parseUsers, type User } from "@tiegraph/server";
import { describeDb, openStore, resolveDb } from "@tiegraph/store";
import type { Command } from "commander";
import { DB_HELP, type Io, type UsageErrorClass } from "./shared.js";
import { VERSION } from "./version.js";

/**
 * The built web app: `dist` of the `@tiegraph/web` package when it is installed and built, else
 * `packages/web/dist` beside this package; undefined when neither holds an `index.html`.
 */
export function webDist(): string | undefined {
  const candidates: string[] = [];
  try {
    const pkg = createRequire(import.meta.url).resolve("@tiegraph/web/package.json");
    candidates.push(join(dirname(pkg), "dist"));
  } catch {
    // not installed, or its package.json not exported
  }
  candidates.push(fileURLToPath(new URL("../../web/dist", import.meta.url)));
  return candidates.find((d) => existsSync(join(d, "index.html")));
}

/** Resolves when the process is asked to stop (Ctrl-C or SIGTERM). */
export function untilInterrupted(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
}

/** A server started by `startServer`. */
export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Opens the store and serves the web app and the API on `host:port` (0: any free port), printing
 * where. Closing stops the server and closes the store.
 */
export async function startServer(
  o: {
    db?: string;
    port: number;
    host: string;
    users?: Record<string, User> | undefined;
    usersFile?: string;
  },
  io: Io,
  UsageError: UsageErrorClass,
): Promise<RunningServer> {
  const users = o.users;
  const store = await openStore(o.db);
  const staticDir = webDist();
  const app = createApp({
    store,
    version: VERSION,
    ...(staticDir ? { staticDir } : {}),
    ...(users ? { users } : {}),
  });
  const server = serve({ fetch: app.fetch, port: o.port, hostname: o.host });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", () => resolve());
    server.once("error", reject);
  }).catch(async (e) => {
    await store.close();
    throw new UsageError(`cannot listen on ${o.host}:${o.port}: ${(e as Error).message}`);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}/`;
  io.out(
    `tiegraph ${VERSION} serving ${describeDb(resolveDb(o.db))} at ${url}\n` +
      (staticDir
        ? `web app: ${staticDir}\n`
        : "web app: not built (the API is served; npm run build builds it)\n") +
      (users
        ? `${Object.keys(users).length} user(s) from ${o.usersFile}\n`
        : "local mode: you are the analyst\n"),
  );
  // Read the graph now rather than on the first page's request.
  void Promise.resolve(app.request("/api/stats")).catch(() => {});
  return {
    url,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}

/** Adds `serve` to the program: the web app and the HTTP API over the store, until interrupted. */
export function registerServeCommand(prog: Command, io: Io, UsageError: UsageErrorClass): void {
  prog
    .command("serve")
    .description(
      "Serve the web app and the HTTP API (documented at /api/openapi.json) over the store, until interrupted.",
    )
    .option("--db <store>", DB_HELP)
    .option("--port <n>", "port (0: any free one)", "8420")
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option(
      "--users <file>",
      'server mode: JSON of bearer tokens, {"<token>": {"user": "…", "role": "viewer|analyst|admin"}}',
    )
    .action(async (o) => {
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError("--port: 0 to 65535");
      let users: Record<string, User> | undefined;
      if (o.users) {
        if (!existsSync(o.users)) throw new UsageError(`--users ${o.users}: no such file`);
        try {
          users = parseUsers(JSON.parse(readFileSync(o.users, "utf8")));
        } catch (e) {
          throw new UsageError(`--users ${o.users}: ${(e as Error).message}`);
        }
      }
      const loopback = /^(127\.|::1$|localhost$)/.test(o.host);
      if (!users && !loopback) {
        io.err(
          `warning: listening on ${o.host} without --users: anyone who reaches it acts as the local analyst\n`,
        );
      }
      const running = await startServer(
        { db: o.db, port, host: o.host, users, usersFile: o.users },
        io,
        UsageError,
      );
      await untilInterrupted();
      await running.close();
      io.out("stopped\n");
    });
}
