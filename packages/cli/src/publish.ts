import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { createApp } from "@tiegraph/server";
import type { Store } from "@tiegraph/store";
import type { Command } from "commander";
import { isRunDataset } from "./runs.js";
import { webDist } from "./serve.js";
import { DB_HELP, type Io, type UsageErrorClass, withStore } from "./shared.js";

/**
 * `tiegraph publish`: a static site of the graph (companies, map, network, timelines, sources) and of
 * the reviewed profiles of screening runs, readable from any static host. It is the web app in its
 * read-only mode with the API's answers written out as JSON files, fetched from the API in memory as
 * a viewer sees them, then cut down for publication: no personal data (hits are redacted, reviewers'
 * names and input paths dropped, the run's pseudonymous people left out of the graph) and, unless
 * asked, no whole documents: each cited span comes with the passage around it.
 */

/** Which hits of a run a published site carries. */
export type PublishHits = "confirmed" | "flagged" | "none";

export interface PublishOptions {
  out: string;
  /** The built web app. */
  web: string;
  /** `confirmed` (default): national-security hits confirmed in review; `flagged`: every national-security hit not rejected. */
  hits?: PublishHits;
  /** Publish whole documents rather than the passages cited. Only for documents you may republish. */
  fullDocuments?: boolean;
  /** Characters of context either side of a cited span. Default 400. */
  context?: number;
  log?: (line: string) => void;
}

export interface PublishReport {
  files: number;
  companies: number;
  entities: number;
  claims: number;
  runs: number;
  hits: number;
}

/**
 * The file that holds the answer to a GET in the published site, as the web app's static mode reads
 * it (packages/web/README.md): `data/` + the path + `.json`, a query string after `~` with its
 * parameters sorted by name and empty ones left out.
 */
export function staticFile(path: string): string {
  const [p = "", q = ""] = path.split("?", 2);
  const params = [...new URLSearchParams(q)].filter(([, v]) => v !== "");
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length ? `~${new URLSearchParams(params).toString()}` : "";
  return `data${p.startsWith("/") ? p : `/${p}`}${query}.json`;
}

/** The file that marks a folder as a published site, which publishing again may empty. */
export const SITE_MARK = ".tiegraph-site";

/** The timelines the web app offers as presets, besides one per company. */
const REGIONS = ["xinjiang", "russia"];
/** The region presets of one company. */
const COMPANY_REGIONS: Record<string, string[]> = { huawei: ["xinjiang", "russia"] };

/**
 * The store as a published site sees it: the runs' datasets (pseudonymous people, the organisations
 * they name, statements citing a local manifest) are not part of the graph; the runs themselves are.
 */
function withoutRunDatasets(store: Store): Store {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === "listDatasets") {
        return async () => (await target.listDatasets()).filter((d) => !isRunDataset(d.name));
      }
      const v = Reflect.get(target, prop, receiver);
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
}

/** A screening run's pseudonymous people: left out of a published graph. */
const isRunPerson = (id: string) => /^person-P-/.test(id);

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are walked generically
type Json = any;

/** Writes the published site to `options.out` (emptied first: check it is one); returns what it holds. */
export async function publishSite(store: Store, options: PublishOptions): Promise<PublishReport> {
  const log = options.log ?? (() => {});
  const context = options.context ?? 400;
  const hitsMode = options.hits ?? "confirmed";
  const app = createApp({
    store: withoutRunDatasets(store),
    user: { user: "publish", role: "viewer" },
    onError: () => {},
  });
  const report: PublishReport = { files: 0, companies: 0, entities: 0, claims: 0, runs: 0, hits: 0 };

  rmSync(options.out, { recursive: true, force: true });
  mkdirSync(options.out, { recursive: true });
  cpSync(options.web, options.out, { recursive: true });
  writeFileSync(
    join(options.out, SITE_MARK),
    "A site written by tiegraph publish; publishing again replaces it.\n",
  );
  const indexFile = join(options.out, "index.html");
  const index = readFileSync(indexFile, "utf8");
  writeFileSync(
    indexFile,
    index.replace(/<head>/i, '<head>\n    <meta name="tiegraph-static" content="1" />'),
  );

  const get = async (path: string): Promise<Json | undefined> => {
    const r = await app.request(path);
    if (r.status === 404) return undefined;
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    return r.json();
  };
  const put = (path: string, data: Json) => {
    const file = join(options.out, staticFile(path));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(data));
    report.files++;
  };
  const claims = new Set<string>();
  /** Notes every claim (an object with an id, a stance and a source) in an answer. */
  const collect = (x: Json) => {
    if (Array.isArray(x)) for (const v of x) collect(v);
    else if (x && typeof x === "object") {
      if (typeof x.id === "string" && typeof x.stance === "string" && x.source) claims.add(x.id);
      for (const v of Object.values(x)) collect(v);
    }
  };
  const publish = async (path: string, shape: (x: Json) => Json = (x) => x) => {
    const data = await get(path);
    if (data === undefined) return undefined;
    const shaped = shape(data);
    collect(shaped);
    put(path, shaped);
    return shaped;
  };

  // The graph, without the runs' people.
  const withoutRunPeople = (net: Json) => ({
    ...net,
    nodes: net.nodes.filter((n: Json) => !isRunPerson(n.id)),
    edges: net.edges.filter((e: Json) => !isRunPerson(e.source) && !isRunPerson(e.target)),
  });
  const dropRunLinks = (links: Json[]) => links.filter((l: Json) => !isRunPerson(l.entity?.id ?? ""));
  await publish("/api/stats", (s) => ({
    ...s,
    datasets: s.datasets.filter((d: Json) => !isRunDataset(d.name)),
  }));
  const { companies } = await publish("/api/companies");
  report.companies = companies.length;
  await publish("/api/projects");
  const net = await publish("/api/network", withoutRunPeople);
  const entities = new Set<string>(net.nodes.map((n: Json) => n.id));
  for (const c of companies) entities.add(c.id);
  for (const c of companies) {
    const profile = await publish(`/api/entities/${encodeURIComponent(c.id)}/profile`, (p) => ({
      ...p,
      people: dropRunLinks(p.people ?? []),
    }));
    for (const key of ["ownership", "ties", "people"])
      for (const l of profile?.[key] ?? []) if (l.entity?.id) entities.add(l.entity.id);
    await publish(`/api/timeline?company=${encodeURIComponent(c.id)}`);
    for (const region of COMPANY_REGIONS[c.id] ?? [])
      await publish(`/api/timeline?company=${encodeURIComponent(c.id)}&region=${region}`);
  }
  for (const region of REGIONS) await publish(`/api/timeline?region=${region}`);
  for (const id of entities) {
    if (isRunPerson(id)) continue;
    const e = encodeURIComponent(id);
    if ((await publish(`/api/entities/${e}`)) === undefined) continue;
    report.entities++;
    await publish(`/api/entities/${e}/neighbours`, (n) => ({ ...n, neighbours: dropRunLinks(n.neighbours) }));
    await publish(`/api/network?depth=1&focus=${e}`, withoutRunPeople);
  }

  // Screening runs: the funnel and the hits chosen for publication, redacted, without reviewers.
  const runs = (await get("/api/runs")) as Json;
  const published: Json[] = [];
  for (const run of runs.runs) {
    const r = encodeURIComponent(run.id);
    const chosen: Json[] = [];
    if (hitsMode !== "none") {
      const review = hitsMode === "confirmed" ? "&review=positive" : "";
      for (let offset = 0; ; offset += 1000) {
        const page = await get(
          `/api/runs/${r}/hits?national_security=true${review}&limit=1000&offset=${offset}`,
        );
        chosen.push(...page.hits.filter((h: Json) => h.review?.judgement !== "negative"));
        if (page.hits.length < 1000) break;
      }
    }
    const detail = await get(`/api/runs/${r}`);
    const manifest = detail.funnel?.manifest;
    if (manifest?.inputs) {
      manifest.inputs = manifest.inputs.map((i: Json) => ({ ...i, path: basename(String(i.path ?? "")) }));
    }
    put(`/api/runs/${r}`, detail);
    const rows = chosen.map(({ review: _review, ...h }: Json) => h);
    put(`/api/runs/${r}/hits`, { total: rows.length, hits: rows });
    for (const h of rows) {
      const d = await get(`/api/runs/${r}/hits/${encodeURIComponent(h.id)}`);
      put(`/api/runs/${r}/hits/${encodeURIComponent(h.id)}`, { ...d, hit: h, reviews: [] });
    }
    published.push(run);
    report.runs++;
    report.hits += rows.length;
    log(`run ${run.id}: ${rows.length} of ${run.hits} hits published (${hitsMode})\n`);
  }
  put("/api/runs", { runs: published });

  // The evidence of every claim shown anywhere: the cited passage, or the whole document when asked.
  for (const id of claims) {
    const ev = await get(`/api/statements/${encodeURIComponent(id)}`);
    if (ev === undefined) continue;
    report.claims++;
    if (ev.document && !options.fullDocuments && ev.claim?.source?.kind === "document") {
      const { start, end } = ev.claim.source;
      const from = Math.max(0, start - context);
      const to = Math.min(ev.document.text.length, end + context);
      const before = from > 0 ? "… " : "";
      ev.document.text = `${before}${ev.document.text.slice(from, to)}${to < ev.document.text.length ? " …" : ""}`;
      ev.document.excerpt = true;
      ev.claim.source = {
        ...ev.claim.source,
        start: start - from + before.length,
        end: end - from + before.length,
      };
    }
    put(`/api/statements/${encodeURIComponent(id)}`, ev);
  }
  if (options.fullDocuments) {
    for (let offset = 0; ; offset += 100) {
      const page = await get(`/api/documents?limit=100&offset=${offset}`);
      for (const d of page.documents) await publish(`/api/documents/${encodeURIComponent(d.id)}`);
      if (page.documents.length < 100) break;
    }
  }
  return report;
}

/** Adds `publish` to the program. */
export function registerPublishCommand(prog: Command, io: Io, UsageError: UsageErrorClass): void {
  prog
    .command("publish")
    .description(
      "Write a static site of the graph (companies, map, network, timelines, sources) and the reviewed, " +
        "redacted profiles of screening runs, readable from any static host; it holds no personal data " +
        "and, unless --full-documents, only the passages that claims cite.",
    )
    .requiredOption("--out <dir>", "where to write the site (emptied first)")
    .option(
      "--hits <which>",
      "hits of screening runs to publish: confirmed (national-security hits confirmed in review), flagged (every national-security hit not rejected) or none",
      "confirmed",
    )
    .option(
      "--full-documents",
      "publish whole documents, not only the cited passages (only what you may republish)",
    )
    .option("--db <store>", DB_HELP)
    .action(async (o) => {
      if (!["confirmed", "flagged", "none"].includes(o.hits)) {
        throw new UsageError(`--hits ${o.hits}: confirmed, flagged or none`);
      }
      const web = webDist();
      if (!web) throw new UsageError("the web app is not built: run npm run build first");
      if (existsSync(o.out) && readdirSync(o.out).length > 0 && !existsSync(join(o.out, SITE_MARK))) {
        throw new UsageError(
          `--out ${o.out}: not empty and not a site tiegraph published; choose a new folder`,
        );
      }
      const report = await withStore(o.db, (store) =>
        publishSite(store, {
          out: o.out,
          web,
          hits: o.hits,
          fullDocuments: Boolean(o.fullDocuments),
          log: io.err,
        }),
      );
      io.out(
        `published to ${o.out}: ${report.companies} companies, ${report.entities} entities, ${report.claims} claims ` +
          `with their sources, ${report.runs} runs with ${report.hits} redacted profiles (${report.files} files)\n`,
      );
    });
}
