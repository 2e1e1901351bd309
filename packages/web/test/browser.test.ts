import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import type {
  Claim,
  CompanyList,
  ProfileResponse,
  ProjectsResponse,
  StatementEvidence,
} from "@tiegraph/server";
import { createApp } from "@tiegraph/server";
import { loadDemo } from "@tiegraph/service";
import { openStore, type Store } from "@tiegraph/store";
import { formatJsonl, generateResumes } from "@tiegraph/synth";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishSite } from "../../cli/src/publish.js";
import { staticFile } from "../src/api.js";

/**
 * The web app as a person uses it: the real server in-process over an in-memory store with the demo
 * data set (and a generated, screened run once the run routes exist), the built app, Debian's
 * Chromium driven headless through playwright-core, with WebGL switched off.
 */

const CHROMIUM = process.env.TIEGRAPH_CHROMIUM ?? "/usr/bin/chromium";
const REQUIRED = process.env.TIEGRAPH_REQUIRE_BROWSER === "1";
const HAVE_BROWSER = existsSync(CHROMIUM);
const WEB = fileURLToPath(new URL("..", import.meta.url));
const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const DIST = join(WEB, "dist");
const SHOTS = join(WEB, "test", "screenshots");
const CLI = join(ROOT, "packages", "cli", "dist", "bin.js");

if (!HAVE_BROWSER && !REQUIRED)
  console.warn(
    `browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium; TIEGRAPH_REQUIRE_BROWSER=1 makes this a failure)`,
  );

const HOSTILE_TEXT = [
  "Field notes on a supplier.",
  'Payload one: <script>window.__pwned = "script"; alert("script")</script> end of payload one.',
  "Payload two: <img src=\"x\" onerror=\"window.__pwned = 'img'; alert('img')\"> end of payload two.",
  "Payload three: <a href=\"javascript:alert('link')\">click</a> and a closing </div></pre> tag.",
].join("\n");

const TIE_SENTENCE =
  "In 2016 Huawei signed a cloud computing agreement with the Karamay Public Security Bureau, a local paper said.";

interface Shared {
  store: Store;
  base: string;
  close: () => Promise<void>;
  context: BrowserContext;
  profileDir: string;
  hostileId: string;
  run?: { id: string; dir: string; resumes: string };
}

let S: Shared;

/** Builds the app when `dist` is missing. */
function ensureDist(): void {
  if (existsSync(join(DIST, "index.html"))) return;
  const vite = join(ROOT, "node_modules", "vite", "bin", "vite.js");
  const r = spawnSync(process.execPath, [vite, "build"], { cwd: WEB, encoding: "utf8" });
  if (r.status !== 0 || !existsSync(join(DIST, "index.html")))
    throw new Error(
      `packages/web/dist is missing and building it failed (run \`npm run build -w @tiegraph/web\`):\n${r.stderr}`,
    );
}

/** Generates a small corpus with @tiegraph/synth, screens it with the CLI and imports the run. */
async function screenedRun(store: Store): Promise<Shared["run"]> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build with \`npx tsc -b\` first`);
  const dir = mkdtempSync(join(tmpdir(), "tiegraph-web-run-"));
  const resumes = join(dir, "resumes.jsonl");
  let text = "";
  for (const g of generateResumes({ count: 400, seed: 11 })) text += formatJsonl(g);
  writeFileSync(resumes, text);
  const out = join(dir, "screen");
  const r = spawnSync(
    process.execPath,
    [CLI, "screen", resumes, "--target", "huawei", "--out", out, "--workers", "1"],
    {
      encoding: "utf8",
      env: { ...process.env, TIEGRAPH_PSEUDONYM_KEY: process.env.TIEGRAPH_PSEUDONYM_KEY ?? "web-test-key" },
    },
  );
  if (r.status !== 0) throw new Error(`tiegraph screen failed: ${r.stderr}`);
  process.env.TIEGRAPH_PSEUDONYM_KEY ??= "web-test-key";
  const { importRun } = await import("../../cli/src/runs.js");
  const imported = (await importRun(store, out)) as { dataset?: string; run?: string; id?: string };
  const runs = await store.listRuns();
  const id = runs[0]?.id ?? imported.dataset ?? "";
  return { id, dir: out, resumes };
}

/** A page that records console errors, page errors and dialogs. */
async function openPage(): Promise<{ page: Page; errors: string[]; dialogs: string[] }> {
  const page = await S.context.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return { page, errors, dialogs };
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

async function api<T>(path: string): Promise<T> {
  const res = await fetch(S.base + path.replace(/^\//, ""));
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}

describe.skipIf(!HAVE_BROWSER && !REQUIRED)("the web app in Chromium", () => {
  beforeAll(async () => {
    if (!HAVE_BROWSER)
      throw new Error(
        `TIEGRAPH_REQUIRE_BROWSER=1 but there is no Chromium at ${CHROMIUM} (apt-get install chromium)`,
      );
    ensureDist();
    const store = await openStore("memory:");
    await loadDemo(store);
    const hostile = await store.putDocument({
      text: HOSTILE_TEXT,
      title: "Supplier notes <img src=x onerror=\"alert('title')\">",
      file_name: "hostile.html",
    });
    // A sentence that makes a candidate tie (whether or not the seed articles are there).
    await store.putDocument({
      text: `Test note.\n${TIE_SENTENCE}\n`,
      title: "A test note on a tie",
      file_name: "tie-note.txt",
    });
    const app = createApp({ store, staticDir: DIST, user: { user: "web-test", role: "analyst" } });
    const runRoutes = (await app.request("/api/runs")).status === 200;
    const run = runRoutes ? await screenedRun(store) : undefined;
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise<void>((resolve, reject) => {
      server.once("listening", () => resolve());
      server.once("error", reject);
    });
    const { port } = server.address() as AddressInfo;
    const profileDir = mkdtempSync(join(tmpdir(), "tiegraph-chromium-"));
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 800 },
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--disable-webgl",
        "--disable-3d-apis",
      ],
    });
    S = {
      store,
      base: `http://127.0.0.1:${port}/`,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
      context,
      profileDir,
      hostileId: hostile.id,
      ...(run ? { run } : {}),
    };
  }, 300_000);

  afterAll(async () => {
    await S?.context.close();
    await S?.close();
    await S?.store.close();
    if (S?.profileDir) rmSync(S.profileDir, { recursive: true, force: true });
    if (S?.run) rmSync(join(S.run.dir, ".."), { recursive: true, force: true });
  });

  it("loads the company directory with no console errors, and says how fast", async () => {
    const { page, errors } = await openPage();
    await page.goto(`${S.base}#/companies`);
    await page.locator(".company-list tbody tr").first().waitFor();
    const painted = await page.waitForFunction(
      () => performance.getEntriesByName("tiegraph:companies-painted")[0]?.startTime,
    );
    const ms = (await painted.jsonValue()) as number;
    const { companies } = await api<CompanyList>("/api/companies");
    expect(await page.locator(".company-list tbody tr").count()).toBe(companies.length);
    await expect(page.locator(".company-list").textContent()).resolves.toContain("华为技术有限公司");
    // A second load, with the browser's cache warm.
    await page.reload();
    const warm = (await (
      await page.waitForFunction(
        () => performance.getEntriesByName("tiegraph:companies-painted")[0]?.startTime,
      )
    ).jsonValue()) as number;
    console.log(
      `first render of the demo (navigation start → company list painted): ${ms.toFixed(0)} ms cold, ${warm.toFixed(0)} ms warm`,
    );
    await shot(page, "companies");
    await page.goto(`${S.base}#/companies/huawei`);
    await page.getByRole("heading", { name: "Designations and bans" }).waitFor();
    await shot(page, "company-huawei");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("filters the map, which changes the points, and opens a project with its sources", async () => {
    const { page, errors } = await openPage();
    await page.goto(`${S.base}#/map`);
    const count = page.locator(".map-count");
    await count.waitFor();
    await page.locator("path.country").first().waitFor();
    const all = Number(await count.getAttribute("data-count"));
    const { features } = await api<ProjectsResponse>("/api/projects");
    expect(all).toBe(features.length);
    const drawn = async () =>
      page.$$eval("svg.map [data-members]", (els) =>
        els.reduce((n, e) => n + Number(e.getAttribute("data-members")), 0),
      );
    expect(await drawn()).toBe(all);
    await shot(page, "map");

    await page.selectOption("select[name=company]", "zte");
    const zte = features.filter((f) => f.properties.company === "zte").length;
    await page.waitForFunction(
      (n) => document.querySelector(".map-count")?.getAttribute("data-count") === String(n),
      zte,
    );
    expect(zte).toBeGreaterThan(0);
    expect(zte).toBeLessThan(all);
    expect(await drawn()).toBe(zte);
    expect(page.url()).toContain("company=zte");

    await page.selectOption("select[name=company]", "");
    await page.selectOption("select[name=category]", "public_security");
    const police = features.filter((f) => f.properties.category === "public_security").length;
    await page.waitForFunction(
      (n) => document.querySelector(".map-count")?.getAttribute("data-count") === String(n),
      police,
    );
    expect(await drawn()).toBe(police);

    await page.locator("svg.map a.point").first().click();
    const panel = page.locator(".project-panel");
    await panel.waitFor();
    expect(await panel.locator("ul.sources li").count()).toBeGreaterThan(0);
    await shot(page, "map-project");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("opens a claim's source with the span highlighted and in view", async () => {
    const { page, errors } = await openPage();
    const profile = await api<ProfileResponse>("/api/entities/huawei/profile");
    const claims: Claim[] = [
      ...profile.overview,
      ...profile.allegations.flatMap((i) => i.claims),
      ...profile.projects.flatMap((i) => i.claims),
    ];
    // A claim citing a stored document, placed well into it so that it must be scrolled to.
    const claim = claims
      .filter((c) => c.source.kind === "document")
      .sort(
        (a, b) =>
          (b.source.kind === "document" ? b.source.start : 0) -
          (a.source.kind === "document" ? a.source.start : 0),
      )[0];
    expect(claim).toBeDefined();
    const { document } = await api<StatementEvidence>(`/api/statements/${claim!.id}`);
    const src = claim!.source as { start: number; end: number };
    await page.goto(`${S.base}#/companies/huawei`);
    await page.locator(".claim").first().waitFor();
    const link = page.locator(`a.source[href="#/evidence/${claim!.id}"]`).first();
    if (!(await link.isVisible())) {
      // Folded claims of an item open with their <details>.
      await link.evaluate((a) => a.closest("details")?.setAttribute("open", ""));
    }
    await link.click();
    const mark = page.locator("mark.span");
    await mark.waitFor();
    expect(await mark.textContent()).toBe(document!.text.slice(src.start, src.end));
    const inView = await mark.evaluate((m) => {
      const r = m.getBoundingClientRect();
      const box = (m.closest(".doc-text") as HTMLElement).getBoundingClientRect();
      return r.top >= box.top - 1 && r.top < box.bottom && r.top >= 0 && r.top < window.innerHeight;
    });
    expect(inView).toBe(true);
    await shot(page, "evidence");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("renders an ingested document with script and onerror payloads as inert text", async () => {
    const { page, errors, dialogs } = await openPage();
    await page.goto(`${S.base}#/documents/${S.hostileId}`);
    const text = page.locator(".doc-text");
    await text.waitFor();
    expect(await text.textContent()).toBe(HOSTILE_TEXT);
    expect(await text.locator("script, img, a").count()).toBe(0);
    expect(await page.locator("h1").textContent()).toContain("<img src=x onerror=\"alert('title')\">");
    await page.goto(`${S.base}#/search?q=payload`);
    await page.locator(".snippet").first().waitFor();
    await page.waitForTimeout(300);
    expect(await page.locator(".search-results img, .search-results script").count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await shot(page, "search");
    await page.close();
  });

  it("works without WebGL: the map and the network are SVG", async () => {
    const { page, errors } = await openPage();
    await page.goto(`${S.base}#/network?focus=huawei`);
    expect(
      await page.evaluate(() => {
        const c = document.createElement("canvas");
        return c.getContext("webgl") ?? c.getContext("webgl2") ?? c.getContext("experimental-webgl");
      }),
    ).toBeNull();
    await page.locator("svg.network a.node").first().waitFor();
    expect(await page.locator("svg.network a.node").count()).toBeGreaterThan(5);
    await page.locator('svg.network a.node[data-id="huawei"] circle').click();
    await page.locator(".network-side h2", { hasText: "Huawei" }).waitFor();
    const before = await page.locator("svg.network a.node").count();
    const other = page.locator('svg.network a.node:not([data-id="huawei"])').first();
    const otherId = await other.getAttribute("data-id");
    await other.locator("circle").click();
    await page.getByRole("button", { name: "Expand neighbours" }).click();
    await page
      .waitForFunction((n) => document.querySelectorAll("svg.network a.node").length > n, before, {
        timeout: 5000,
      })
      .catch(() => undefined);
    expect(await page.locator("svg.network a.node").count()).toBeGreaterThanOrEqual(before);
    expect(await page.locator(`svg.network a.node.selected[data-id="${otherId}"]`).count()).toBe(1);
    await shot(page, "network");
    await page.goto(`${S.base}#/timelines?company=huawei&region=xinjiang`);
    await page.locator("ol.timeline > li").first().waitFor();
    expect(await page.locator("ol.timeline > li").count()).toBeGreaterThan(2);
    await shot(page, "timeline-huawei-xinjiang");
    await page.goto(`${S.base}#/ties`);
    const first = page
      .locator("li.candidate", { hasText: "cloud computing agreement with the Karamay" })
      .first();
    await first.waitFor();
    await shot(page, "candidate-ties");
    // Accepting a candidate moves it from the open ones to the accepted ones.
    const tie = (await first.getAttribute("data-candidate"))!;
    await first.getByRole("button", { name: "Accept" }).click();
    await page.locator(`li.candidate[data-candidate="${tie}"]`).waitFor({ state: "detached" });
    await page.getByRole("button", { name: "accepted" }).click();
    await page.locator(`li.candidate[data-candidate="${tie}"] .status-accepted`).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it("keeps a review decision across a reload", async (ctx) => {
    if (!S.run) return ctx.skip();
    const run = S.run.id;
    const { page, errors } = await openPage();
    await page.goto(`${S.base}#/runs/${encodeURIComponent(run)}`);
    await page.locator("svg.funnel").waitFor();
    await shot(page, "run");
    await page.goto(`${S.base}#/runs/${encodeURIComponent(run)}?queue=1&review=open`);
    const row = page.locator("table.hits tbody tr").first();
    await row.waitFor();
    const hit = (await row.getAttribute("data-hit"))!;
    await row.locator('input[aria-label="Review note"]').fill("checked against the unit list");
    await row.getByRole("button", { name: "Confirm" }).click();
    await row.locator(".badge.review-positive").waitFor();
    await shot(page, "review-queue");
    await page.reload();
    await page.goto(`${S.base}#/runs/${encodeURIComponent(run)}?review=positive`);
    await page.locator(`table.hits tr[data-hit="${hit}"] .badge.review-positive`).waitFor();
    await page.goto(`${S.base}#/runs/${encodeURIComponent(run)}/hits/${encodeURIComponent(hit)}`);
    await page.locator("ul.reviews li").first().waitFor();
    expect(await page.locator("ul.reviews").textContent()).toContain("checked against the unit list");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows no name, phone or email of the generated records in the redacted views", async (ctx) => {
    if (!S.run) return ctx.skip();
    const run = S.run.id;
    const records = readFileSync(S.run.resumes, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { id?: string; name?: string; phone?: string; email?: string });
    const hits = readFileSync(join(S.run.dir, "hits.jsonl"), "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { id: string; source: { line: number }; national_security: boolean });
    const { page, errors } = await openPage();
    const personal = (h: (typeof hits)[number]) => {
      const r = records[h.source.line - 1] ?? {};
      return [r.name, r.phone, r.email].filter((v): v is string => typeof v === "string" && v.length > 1);
    };
    const withData = hits.filter((h) => personal(h).length > 0).slice(0, 3);
    expect(withData.length).toBeGreaterThan(0);
    await page.goto(`${S.base}#/runs/${encodeURIComponent(run)}`);
    await page.locator("table.hits tbody tr").first().waitFor();
    const table = await page.content();
    for (const h of hits) for (const v of personal(h)) expect(table).not.toContain(v);
    for (const h of withData) {
      await page.goto(`${S.base}#/runs/${encodeURIComponent(run)}/hits/${encodeURIComponent(h.id)}`);
      await page.locator("h2", { hasText: "Evidence" }).waitFor();
      const html = await page.content();
      for (const v of personal(h)) expect(html).not.toContain(v);
    }
    await shot(page, "person");

    // Revealing is an explicit action that asks for a reason; then the record shows.
    const last = withData[withData.length - 1]!;
    await page.getByRole("button", { name: "Reveal personal data…" }).click();
    const reveal = page.getByRole("button", { name: "Reveal", exact: true });
    expect(await reveal.isDisabled()).toBe(true);
    await page.locator('input[name="reason"]').fill("verifying the hit for the report");
    await reveal.click();
    const revealed = page.locator(".revealed");
    await revealed.waitFor();
    const shown = (await revealed.textContent()) ?? "";
    expect(personal(last).some((v) => shown.includes(v))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("reads a site written by tiegraph publish from a static host: profiles, timelines, map and a run, with every write and search hidden", async (ctx) => {
    if (!S.run) return ctx.skip();
    // The site `tiegraph publish` writes: the built app in read-only mode and the API's answers as files
    // (every national-security hit not rejected, so that a run's page is there).
    const site = join(mkdtempSync(join(tmpdir(), "tiegraph-static-")), "site");
    await publishSite(S.store, { out: site, web: DIST, hits: "flagged" });
    const hits = JSON.parse(
      readFileSync(join(site, staticFile(`/api/runs/${encodeURIComponent(S.run.id)}/hits`)), "utf8"),
    ) as { hits: { id: string }[] };
    expect(hits.hits.length).toBeGreaterThan(0);
    const types: Record<string, string> = {
      html: "text/html",
      js: "text/javascript",
      css: "text/css",
      json: "application/json",
    };
    const server = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
      const file = join(site, path === "/" ? "index.html" : path);
      if (!file.startsWith(site) || !existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, {
        "content-type": types[file.split(".").pop() ?? ""] ?? "application/octet-stream",
      });
      res.end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const { page, errors } = await openPage();
      const requests: string[] = [];
      page.on("request", (r) => requests.push(new URL(r.url()).pathname));
      await page.goto(`${base}#/companies`);
      await page.locator(".company-list tbody tr").first().waitFor();
      await expect(page.locator(".top .me").textContent()).resolves.toContain("read-only");
      expect(await page.locator(".top nav").textContent()).not.toContain("Candidate ties");
      expect(await page.locator(".top nav").textContent()).not.toContain("Search");
      await page.goto(`${base}#/companies/huawei`);
      await page.getByRole("heading", { name: "Designations and bans" }).waitFor();
      await page.goto(`${base}#/timelines?company=huawei&region=xinjiang`);
      await page.getByText("Karamay").first().waitFor();
      await page.goto(`${base}#/map`);
      await page.locator("svg").first().waitFor();
      await page.goto(
        `${base}#/runs/${encodeURIComponent(S.run.id)}/hits/${encodeURIComponent(hits.hits[0]!.id)}`,
      );
      await page.locator("h2", { hasText: "Evidence" }).waitFor();
      expect(await page.getByRole("button", { name: "Confirm" }).count()).toBe(0);
      expect(await page.getByRole("button", { name: /Reveal/ }).count()).toBe(0);
      expect(requests.filter((r) => r.startsWith("/api/"))).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(join(site, ".."), { recursive: true, force: true });
    }
  });

  it("signs in to a server with users, and shows a viewer no review or reveal", async (ctx) => {
    if (!S.run) return ctx.skip();
    const app = createApp({
      store: S.store,
      staticDir: DIST,
      users: { "tok-viewer": { user: "vera", role: "viewer" } },
    });
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const { page } = await openPage();
      await page.goto(`${base}#/companies`);
      await page.locator('input[name="token"]').fill("tok-viewer");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.locator(".top .me", { hasText: "vera · viewer" }).waitFor();
      await page.locator(".company-list tbody tr").first().waitFor();
      const hits = await api<{ hits: { id: string }[] }>(`/api/runs/${encodeURIComponent(S.run.id)}/hits`);
      await page.goto(
        `${base}#/runs/${encodeURIComponent(S.run.id)}/hits/${encodeURIComponent(hits.hits[0]!.id)}`,
      );
      await page.locator("h2", { hasText: "Evidence" }).waitFor();
      expect(await page.getByRole("button", { name: "Confirm" }).count()).toBe(0);
      expect(await page.getByRole("button", { name: /Reveal/ }).count()).toBe(0);
      await page.close();
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
