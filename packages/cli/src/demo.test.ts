import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bin, tiegraph } from "./run-cli.fixture.js";

/** Starts `tiegraph demo` and resolves with its URL once it serves; the process is returned to stop it. */
function startDemo(args: string[]) {
  const child = spawn(process.execPath, [bin, "demo", ...args], {
    env: { ...process.env, TIEGRAPH_PSEUDONYM_KEY: "test-key" },
  });
  let out = "";
  let err = "";
  child.stderr.on("data", (d) => {
    err += d;
  });
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (d) => {
      out += d;
      const m = /open (http:\/\/\S+) in a browser/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once("exit", (code) => reject(new Error(`demo exited ${code}: ${err}`)));
  });
  const stop = () =>
    new Promise<number | null>((resolve) => {
      child.once("exit", (code) => resolve(code));
      child.kill("SIGINT");
    });
  return { url, stop, output: () => out };
}

describe("tiegraph demo (npm start)", () => {
  const dir = mkdtempSync(join(tmpdir(), "tiegraph-demo-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const args = ["--count", "600", "--dir", join(dir, "out"), "--db", join(dir, "db"), "--port", "0"];

  it("screens a corpus, loads the data set and the run, and serves the workbench; a second start reuses the run", async () => {
    const first = startDemo(args);
    const url = await first.url;
    const get = async (path: string) => {
      const r = await fetch(new URL(path, url));
      expect(r.status, path).toBe(200);
      return r;
    };
    expect(await (await get("/")).text()).toMatch(/<div id="root">|tiegraph/);
    const companies = (await (await get("/api/companies")).json()) as { companies: { id: string }[] };
    expect(companies.companies.map((c) => c.id)).toContain("huawei");
    const runs = (await (await get("/api/runs")).json()) as { runs: { id: string; hits: number }[] };
    expect(runs.runs).toHaveLength(1);
    expect(runs.runs[0]!.hits).toBeGreaterThan(0);
    expect(first.output()).toMatch(/data set tiegraph_demo .*: \d+ statements/);
    // The embedded store serves one process: another command says so plainly and how to go on.
    const busy = await tiegraph(["search", "华为", "--db", join(dir, "db")]);
    expect(busy.status).toBe(2);
    expect(busy.stderr).toMatch(
      /is open in another process \(\d+\), such as tiegraph serve .*Stop that process first/,
    );
    expect(busy.stderr).not.toMatch(/\n\s+at /);
    expect(await first.stop()).toBe(0);

    const second = startDemo(args);
    await second.url;
    expect(second.output()).toMatch(/screening run in .* \(--fresh to run it again\)/);
    const again = (await (await fetch(new URL("/api/runs", await second.url))).json()) as {
      runs: { id: string }[];
    };
    expect(again.runs.map((r) => r.id)).toEqual(runs.runs.map((r) => r.id));
    expect(await second.stop()).toBe(0);
  }, 240_000);
});
