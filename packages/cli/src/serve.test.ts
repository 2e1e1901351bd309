import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { bin } from "./run-cli.fixture.js";

/** `tiegraph serve` as a user starts it: it prints where it listens, answers the API, stops on SIGTERM. */

let child: ChildProcess | undefined;

afterEach(() => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  child = undefined;
});

/** Starts `tiegraph serve` with `args` and waits for the line that gives its address. */
function start(args: string[]): Promise<{ url: string; output: () => string }> {
  child = spawn(process.execPath, [bin, "serve", "--db", "memory:", "--port", "0", ...args], {
    env: { ...process.env, TIEGRAPH_USER: "ana" },
  });
  let out = "";
  let err = "";
  child.stdout!.on("data", (b: Buffer) => {
    out += b.toString();
  });
  child.stderr!.on("data", (b: Buffer) => {
    err += b.toString();
  });
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /serving .* at (http:\/\/\S+)\//.exec(out);
      if (m) {
        clearInterval(timer);
        resolve({ url: m[1]!, output: () => out });
      } else if (child!.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`serve exited ${child!.exitCode}: ${err}`));
      }
    }, 100);
  });
}

describe("tiegraph serve", () => {
  it("serves the API as the local analyst, and stops cleanly on SIGTERM", async () => {
    const { url, output } = await start([]);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const me = await fetch(`${url}/api/me`);
    expect(await me.json()).toEqual({ user: "ana", role: "analyst" });
    expect(me.headers.get("x-content-type-options")).toBe("nosniff");
    const companies = await fetch(`${url}/api/companies`);
    expect(await companies.json()).toEqual({ companies: [] });
    const bad = await fetch(`${url}/api/network?depth=9`);
    expect(bad.status).toBe(400);
    const exited = new Promise((r) => child!.once("exit", r));
    child!.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output()).toMatch(/stopped/);
  }, 120_000);

  it("takes users from --users and refuses requests without a token", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tiegraph-serve-"));
    const users = join(dir, "users.json");
    writeFileSync(users, JSON.stringify({ "viewer-token-1": { user: "vic", role: "viewer" } }));
    const { url } = await start(["--users", users]);
    expect((await fetch(`${url}/api/me`)).status).toBe(401);
    const me = await fetch(`${url}/api/me`, { headers: { Authorization: "Bearer viewer-token-1" } });
    expect(await me.json()).toEqual({ user: "vic", role: "viewer" });
  }, 120_000);

  it("refuses a users file with an unknown role", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tiegraph-serve-"));
    const users = join(dir, "users.json");
    writeFileSync(users, JSON.stringify({ "some-token-1": { user: "x", role: "boss" } }));
    await expect(start(["--users", users])).rejects.toThrow(/role must be one of viewer, analyst, admin/);
  }, 60_000);
});
