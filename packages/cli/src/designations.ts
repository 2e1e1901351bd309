import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { type Hit, maskEntity } from "@tiegraph/core";
import { loadLexicon } from "@tiegraph/lexicons";
import {
  buildIndex,
  DESIGNATIONS_DATASET,
  type DesignationSubject,
  designationId,
  designationStatements,
  featureText,
  hitEmployers,
  listDatasets,
  type MatchIndex,
  type MatchResult,
  resultEntries,
  type Subject,
  screenSubjects,
  storedEntries,
  subjectNames,
} from "@tiegraph/match";
import { type Entity, makeStatement, type Statement } from "@tiegraph/model";
import type { Store } from "@tiegraph/store";
import type { Command } from "commander";
import { DB_HELP, type Io, type UsageErrorClass, withStore } from "./shared.js";

/**
 * Bulk screening against the imported lists: `match graph` screens the graph's organisations and marks
 * the designated ones with designation Events; `match hits` screens the employers of a screening run.
 */

/**
 * The default threshold of bulk screening, which writes into the graph. A name whose places contradict
 * the listed name's (`Government of Austria` and `Government of Syria`) scores at most 0.8 however alike
 * the rest reads, so marking starts just above that; `match` itself lists candidates from 0.7.
 */
export const BULK_THRESHOLD = 0.82;

/** The graph schemata that `match graph` screens. */
export const SCREENED_SCHEMATA = ["Company", "Organization", "PublicBody", "LegalEntity"] as const;

/** A designation found by bulk screening, and whether its Event is new to the store. */
export interface DesignationRow {
  entity: { id: string; caption: string; schema: string };
  entry: { id: string; caption: string; dataset: string; list: string; listed?: string };
  score: number;
  features: Record<string, number>;
  matched: { name: string; query: string };
  /** For a listed affiliate: the parent entry through which it was found, and where the link comes from. */
  via?: { parent: string; parent_caption: string; link: string };
  /** The designation Event's id. */
  event: string;
  /** `written` (new statements stored), `already` (all in the store), `new` (a dry run's would-be write). */
  status: "written" | "already" | "new";
}

/** What a bulk screen did and how fast. */
export interface ScreenStats {
  lists: string[];
  entries: number;
  threshold: number;
  /** Subjects screened and the names they put to the matcher. */
  subjects: number;
  names: number;
  seconds: { index: number; screen: number };
  names_per_second: number;
}

const seconds = (t0: number) => (performance.now() - t0) / 1000;
const rate = (names: number, s: number) => Math.round(names / Math.max(s, 1e-6));

/** The imported lists, checking that `lists` (when given) are among them. */
async function checkLists(store: Store, lists: readonly string[] | undefined): Promise<string[]> {
  const all = await listDatasets(store);
  const unknown = (lists ?? []).filter((l) => !all.includes(l));
  if (unknown.length) {
    throw new ScreenError(
      `${unknown.join(", ")}: not an imported list (lists in the store: ${all.join(", ") || "none"})`,
    );
  }
  return all;
}

/** The lists and the index over their entries (with the lexicon's names and parent links). */
async function listIndex(
  store: Store,
  lists: readonly string[] | undefined,
  all: readonly string[],
): Promise<{ lists: string[]; index: MatchIndex; indexSeconds: number }> {
  const chosen = lists ?? all;
  const entries = await storedEntries(store, chosen);
  if (entries.length === 0) throw new ScreenError("no list in the store: run tiegraph lists import first");
  const t0 = performance.now();
  const index = buildIndex(entries, { lexicon: loadLexicon().entries });
  return { lists: [...chosen], index, indexSeconds: seconds(t0) };
}

/** A problem with what was asked (unknown list or dataset, no list imported): a usage error on the CLI. */
export class ScreenError extends Error {}

interface Found {
  subject: DesignationSubject & { schema: string };
  result: MatchResult;
}

/**
 * The designation Events of `found` (one per entity and list entry, the best result kept), each row
 * saying whether the store already holds all of its statements. Unless `dryRun`, the statements are
 * stored in {@link DESIGNATIONS_DATASET} (statements already there are only seen again).
 */
async function markDesignations(
  store: Store,
  index: MatchIndex,
  found: readonly Found[],
  opts: { threshold: number; dryRun: boolean },
): Promise<DesignationRow[]> {
  const best = new Map<string, Found>();
  for (const f of found) {
    const key = `${f.subject.id}\n${f.result.datasets[0]}\n${f.result.id}`;
    const old = best.get(key);
    if (!old || f.result.score > old.result.score) best.set(key, f);
  }
  const rows: DesignationRow[] = [];
  const statements: Statement[][] = [];
  for (const { subject, result } of best.values()) {
    const { entry, parent } = resultEntries(index, result);
    if (!entry) continue;
    const made = designationStatements(subject, result, entry, {
      threshold: opts.threshold,
      ...(parent ? { parent } : {}),
    }).map((s) => makeStatement(s));
    statements.push(made);
    rows.push({
      entity: { id: subject.id, caption: subject.caption, schema: subject.schema },
      entry: {
        id: entry.id,
        caption: entry.caption,
        dataset: entry.dataset,
        list: entry.sources.join("; ") || entry.dataset,
        ...(entry.listed ? { listed: entry.listed } : {}),
      },
      score: result.score,
      features: result.features,
      matched: result.matched,
      ...(result.via
        ? {
            via: {
              parent: result.via.parent,
              parent_caption: parent?.caption ?? result.via.parent,
              link: result.via.link,
            },
          }
        : {}),
      event: designationId(subject.id, entry),
      status: "already",
    });
  }
  const have = new Set<string>();
  const events = [...new Set(rows.map((r) => r.event))];
  for (let i = 0; i < events.length; i += 500) {
    for (const e of await store.getEntities(events.slice(i, i + 500))) {
      for (const s of e.statements) have.add(s.id);
    }
  }
  rows.forEach((row, i) => {
    if (statements[i]!.some((s) => !have.has(s.id))) row.status = opts.dryRun ? "new" : "written";
  });
  if (!opts.dryRun && rows.length) {
    await store.transaction(async (tx) => {
      await tx.putDataset({
        name: DESIGNATIONS_DATASET,
        title: "Designations found by name screening",
        publisher: "tiegraph match",
        description: "Designation Events for graph entities whose names match an imported list's entries.",
      });
      await tx.putStatements(statements.flat());
    });
  }
  rows.sort(
    (a, b) =>
      a.entity.caption.localeCompare(b.entity.caption) ||
      b.score - a.score ||
      a.entry.caption.localeCompare(b.entry.caption),
  );
  return rows;
}

/** The subject that a graph entity puts to the matcher: its names, other names and countries. */
export function entitySubject(e: Entity): Subject {
  const p = (k: string) => e.properties[k] ?? [];
  const names = p("name");
  return {
    id: e.id,
    schema: "Organization",
    names: names.length ? names : [e.caption],
    aliases: [...p("alias"), ...p("previousName")],
    countries: [...p("country"), ...p("jurisdiction"), ...p("mainCountry")],
  };
}

export interface GraphScreenOptions {
  /** Graph datasets to screen (default: every dataset that is not an imported list or the designations). */
  datasets?: readonly string[];
  /** Lists to screen against (default: all imported). */
  lists?: readonly string[];
  /** Default {@link BULK_THRESHOLD}. */
  threshold?: number;
  /** Matches kept per entity, affiliates included (default 500). */
  limit?: number;
  dryRun?: boolean;
}

export interface GraphScreenReport extends ScreenStats {
  datasets: string[];
  designations: DesignationRow[];
  written: number;
  already: number;
}

/**
 * Screens every Company, Organization, PublicBody and LegalEntity of the graph's datasets against the
 * imported lists with one index, and marks each match at or above the threshold (listed affiliates
 * found through a parent included) with a designation Event in {@link DESIGNATIONS_DATASET}.
 * Running it again adds nothing new. Throws {@link ScreenError} for unknown lists or datasets.
 *
 * @example
 * const r = await screenGraph(store, { threshold: 0.8 });
 * r.designations.map((d) => [d.entity.caption, d.entry.caption, d.score, d.status]);
 */
export async function screenGraph(store: Store, opts: GraphScreenOptions = {}): Promise<GraphScreenReport> {
  const threshold = opts.threshold ?? BULK_THRESHOLD;
  const allLists = await checkLists(store, opts.lists);
  const known = (await store.listDatasets()).map((d) => d.name);
  const datasets = opts.datasets
    ? [...opts.datasets]
    : known.filter((d) => !allLists.includes(d) && d !== DESIGNATIONS_DATASET);
  const unknown = datasets.filter((d) => !known.includes(d));
  if (unknown.length) throw new ScreenError(`${unknown.join(", ")}: no such dataset in the store`);
  const listed = datasets.filter((d) => allLists.includes(d));
  if (listed.length)
    throw new ScreenError(`${listed.join(", ")}: an imported list, not the graph's own data`);
  const { lists, index, indexSeconds } = await listIndex(store, opts.lists, allLists);

  const entities = new Map<string, Entity>();
  for (const dataset of datasets) {
    for await (const e of store.iterateEntities({ dataset, schema: "LegalEntity" })) {
      if ((SCREENED_SCHEMATA as readonly string[]).includes(e.schema)) entities.set(e.id, e);
    }
  }
  const subjects = [...entities.values()].map(entitySubject);
  const names = subjects.reduce((n, s) => n + subjectNames(s), 0);
  const t0 = performance.now();
  const screened = screenSubjects(index, subjects, { threshold, limit: opts.limit ?? 500 });
  const screenSeconds = seconds(t0);
  const found: Found[] = screened.flatMap(({ subject, results }) => {
    const e = entities.get(subject.id)!;
    return results.map((result) => ({ subject: { id: e.id, caption: e.caption, schema: e.schema }, result }));
  });
  const designations = await markDesignations(store, index, found, {
    threshold,
    dryRun: Boolean(opts.dryRun),
  });
  return {
    lists,
    entries: index.entries.length,
    threshold,
    datasets,
    subjects: subjects.length,
    names,
    seconds: { index: indexSeconds, screen: screenSeconds },
    names_per_second: rate(names, screenSeconds),
    designations,
    written: designations.filter((d) => d.status !== "already").length,
    already: designations.filter((d) => d.status === "already").length,
  };
}

/** One employer of a run's hits with its best list matches, as `designations.json` keeps it. */
export interface EmployerMatches {
  name: string;
  written: string[];
  entities: string[];
  roles: string[];
  /** How many hits name it (their ids stay in hits.jsonl). */
  hits: number;
  matches: MatchResult[];
}

export interface HitsScreenOptions {
  lists?: readonly string[];
  /** Default {@link BULK_THRESHOLD}. */
  threshold?: number;
  /** Best matches kept per employer (default 5). */
  limit?: number;
  /** Also mark the run's lexicon organisations in the graph (`lex-<entity>`) with designation Events. */
  mark?: boolean;
}

export interface HitsScreenReport extends ScreenStats {
  run: string;
  employers: EmployerMatches[];
  /** With `mark`: the designations written, and the lexicon organisations not in the graph. */
  marked?: { designations: DesignationRow[]; written: number; already: number; missing: string[] };
}

/** The hits of a screening run's `--out` directory. */
export function readHits(dir: string): Hit[] {
  const file = join(dir, "hits.jsonl");
  if (!existsSync(file)) throw new ScreenError(`${dir}: not the output of a screening run (no hits.jsonl)`);
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Hit);
}

/**
 * Screens the employers of a screening run's hits (the target employer and every tie's organisation,
 * deduplicated) against the imported lists and writes `designations.json` in the run's directory. With
 * `mark`, the run's lexicon organisations in the graph (as `runs import` made them) get designation
 * Events; units collapsed into one anonymous body are not marked.
 *
 * @example
 * const r = await screenHits(store, "out/demo/screen", { mark: true });
 * r.employers.filter((e) => e.matches.length).map((e) => e.name); // ["华为技术有限公司", "国防科技大学", …]
 */
export async function screenHits(
  store: Store,
  dir: string,
  opts: HitsScreenOptions = {},
): Promise<HitsScreenReport> {
  const threshold = opts.threshold ?? BULK_THRESHOLD;
  const employers = hitEmployers(readHits(dir));
  const { lists, index, indexSeconds } = await listIndex(
    store,
    opts.lists,
    await checkLists(store, opts.lists),
  );
  const subjects = employers.map((e) => ({ id: e.key, schema: "Organization", names: e.written }));
  const t0 = performance.now();
  const screened = screenSubjects(index, subjects, { threshold, limit: opts.limit ?? 5 });
  const screenSeconds = seconds(t0);
  const byKey = new Map(screened.map((s) => [s.subject.id, s.results]));
  const out: EmployerMatches[] = employers.map((e) => ({
    name: e.name,
    written: e.written,
    entities: e.entities,
    roles: e.roles,
    hits: e.hits.length,
    matches: byKey.get(e.key) ?? [],
  }));
  const names = subjects.reduce((n, s) => n + subjectNames(s), 0);
  const report: HitsScreenReport = {
    run: resolve(dir),
    lists,
    entries: index.entries.length,
    threshold,
    subjects: subjects.length,
    names,
    seconds: { index: indexSeconds, screen: screenSeconds },
    names_per_second: rate(names, screenSeconds),
    employers: out,
  };
  if (opts.mark) {
    // The run's organisations as `runs import` names them; a unit by cover designator is collapsed there.
    const wanted = new Map<string, MatchResult[]>();
    for (const e of out) {
      for (const entity of e.entities) {
        if (maskEntity(entity) !== entity || e.matches.length === 0) continue;
        const id = `lex-${entity}`;
        wanted.set(id, [...(wanted.get(id) ?? []), ...e.matches]);
      }
    }
    const present = new Map((await store.getEntities([...wanted.keys()])).map((e) => [e.id, e]));
    const found: Found[] = [];
    for (const [id, results] of wanted) {
      const e = present.get(id);
      if (!e) continue;
      for (const result of results)
        found.push({ subject: { id, caption: e.caption, schema: e.schema }, result });
    }
    const designations = await markDesignations(store, index, found, { threshold, dryRun: false });
    report.marked = {
      designations,
      written: designations.filter((d) => d.status !== "already").length,
      already: designations.filter((d) => d.status === "already").length,
      missing: [...wanted.keys()].filter((id) => !present.has(id)).sort(),
    };
  }
  writeFileSync(
    join(dir, "designations.json"),
    `${JSON.stringify(
      {
        run: report.run,
        screened_at: new Date().toISOString(),
        lists,
        entries: report.entries,
        threshold,
        employers: out,
      },
      null,
      2,
    )}\n`,
  );
  return report;
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** The columns a string takes in a terminal: two for each Han, kana, Hangul or full-width character. */
export function displayWidth(s: string): number {
  let n = 0;
  for (const c of s) n += WIDE.test(c) ? 2 : 1;
  return n;
}

/** Rows as a plain text table, each column padded to its widest cell as a terminal shows it. */
export function textTable(rows: readonly (readonly string[])[]): string {
  const width = displayWidth;
  const widths: number[] = [];
  for (const r of rows) {
    for (const [i, c] of r.entries()) widths[i] = Math.max(widths[i] ?? 0, width(c));
  }
  return rows
    .map((r) =>
      r
        .map((c, i) => (i === r.length - 1 ? c : c + " ".repeat((widths[i] ?? 0) - width(c))))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

const designationTable = (rows: readonly DesignationRow[]) =>
  textTable([
    ["entity", "list entry", "list", "score", "event"],
    ...rows.map((d) => [
      `${d.entity.caption} [${d.entity.id}]`,
      `${d.entry.caption} [${d.entry.id}]${d.via ? ` (affiliate of ${d.via.parent_caption}, ${d.via.link} link)` : ""}`,
      d.entry.dataset,
      d.score.toFixed(3),
      d.status,
    ]),
  ]);

const statsLine = (s: ScreenStats, what: string) =>
  `screened ${s.subjects} ${what} (${s.names} names) against ${s.entries} entries of ${s.lists.join(", ")} ` +
  `in ${s.seconds.screen.toFixed(2)} s: ${s.names_per_second} names/s (index built in ${s.seconds.index.toFixed(1)} s)\n`;

const csv = (v: string | undefined) =>
  v
    ?.split(",")
    .map((x) => x.trim())
    .filter(Boolean);

function parseThreshold(v: string | undefined, UsageError: UsageErrorClass): number {
  if (v === undefined) return BULK_THRESHOLD;
  const t = Number(v);
  if (!Number.isFinite(t) || t <= 0 || t > 1) throw new UsageError(`--threshold ${v}: a score in (0, 1]`);
  return t;
}

function parseLimit(v: string | undefined, fallback: number, UsageError: UsageErrorClass): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--limit ${v}: a whole number ≥ 1`);
  return n;
}

/** Runs `fn`, turning a {@link ScreenError} into a usage error. */
async function asUsage<T>(fn: () => Promise<T>, UsageError: UsageErrorClass): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ScreenError) throw new UsageError(e.message);
    throw e;
  }
}

/** Adds `match graph` and `match hits` to the `match` command. */
export function registerDesignationCommands(match: Command, io: Io, UsageError: UsageErrorClass): void {
  // Options after a subcommand's name belong to it (`match graph --json`). Unless the program parses
  // options positionally, `match` takes those it has itself (--db, --json, --threshold, --limit) first:
  // the subcommand reads them from there when the user gave them.
  match.enablePositionalOptions();
  // biome-ignore lint/suspicious/noExplicitAny: commander hands options over untyped
  const options = (own: Record<string, any>) => {
    const o = { ...own };
    for (const key of ["db", "json", "threshold", "limit"]) {
      if (o[key] === undefined && match.getOptionValueSource(key) === "cli") o[key] = match.opts()[key];
    }
    return o;
  };

  match
    .command("graph")
    .description(
      "Screen the graph's companies, organisations and public bodies against the imported lists in bulk, and " +
        `mark each match (listed affiliates found through a parent included) with a designation Event in ` +
        `dataset ${DESIGNATIONS_DATASET}, citing the list entry. Running it again adds nothing new.`,
    )
    .option("--datasets <a,b>", "graph datasets to screen (default: all that are not imported lists)")
    .option("--lists <x,y>", "lists to screen against (default: all imported)")
    .option("--threshold <score>", `score from which a result is a match (default ${BULK_THRESHOLD})`)
    .option("--limit <n>", "matches kept per entity, listed affiliates included (default 500)")
    .option("--dry-run", "screen and show, write nothing")
    .option("--json", "print the designations and figures as JSON")
    .option("--db <store>", DB_HELP)
    .action(async (own) => {
      const o = options(own);
      const threshold = parseThreshold(o.threshold, UsageError);
      const limit = parseLimit(o.limit, 500, UsageError);
      const datasets = csv(o.datasets);
      const lists = csv(o.lists);
      const r = await asUsage(
        () =>
          withStore(o.db, (store) =>
            screenGraph(store, {
              threshold,
              limit,
              dryRun: Boolean(o.dryRun),
              ...(datasets ? { datasets } : {}),
              ...(lists ? { lists } : {}),
            }),
          ),
        UsageError,
      );
      if (o.json) {
        io.out(`${JSON.stringify(r, null, 2)}\n`);
        return;
      }
      if (r.designations.length) io.out(`${designationTable(r.designations)}\n\n`);
      io.out(statsLine(r, `entities of ${r.datasets.join(", ") || "no dataset"}`));
      io.out(
        `${r.designations.length} designations at or above ${threshold}: ` +
          (o.dryRun
            ? `${r.written} new, ${r.already} already in the store (dry run: nothing written)\n`
            : `${r.written} written, ${r.already} already in the store\n`),
      );
    });

  match
    .command("hits")
    .description(
      "Screen the employers of a screening run's hits (the target employer and every tie's organisation, " +
        "deduplicated) against the imported lists; print the best matches per employer and write " +
        "designations.json in the run's directory. --mark also marks the run's organisations in the graph " +
        "(after tiegraph runs import) with designation Events.",
    )
    .argument("<run-dir>", "the --out directory of a tiegraph screen run")
    .option("--lists <x,y>", "lists to screen against (default: all imported)")
    .option("--threshold <score>", `score from which a result is a match (default ${BULK_THRESHOLD})`)
    .option("--limit <n>", "best matches kept per employer (default 5)")
    .option("--mark", "write designation Events for the run's lexicon organisations in the graph")
    .option("--json", "print the employers and their matches as JSON")
    .option("--db <store>", DB_HELP)
    .action(async (dir: string, own) => {
      const o = options(own);
      const threshold = parseThreshold(o.threshold, UsageError);
      const limit = parseLimit(o.limit, 5, UsageError);
      const lists = csv(o.lists);
      const r = await asUsage(
        () =>
          withStore(o.db, (store) =>
            screenHits(store, dir, { threshold, limit, mark: Boolean(o.mark), ...(lists ? { lists } : {}) }),
          ),
        UsageError,
      );
      if (o.json) {
        io.out(`${JSON.stringify(r, null, 2)}\n`);
        return;
      }
      for (const e of r.employers) {
        const head = `${e.name}  (${e.entities.join(", ") || "no lexicon entry"}; ${e.roles.join(", ")}; ${e.hits} hits)`;
        if (e.matches.length === 0) {
          io.out(`${head}: no match\n`);
          continue;
        }
        io.out(`${head}\n`);
        for (const m of e.matches) {
          io.out(
            `  MATCH ${m.score.toFixed(3)}  ${m.caption}  [${m.datasets.join(",")} ${m.id}]` +
              `${m.via ? `  via ${m.via.parent} (${m.via.link})` : ""}\n        ${featureText(m.features)}\n`,
          );
        }
      }
      const matched = r.employers.filter((e) => e.matches.length).length;
      io.out(`\n${matched} of ${r.employers.length} employers match a list entry at or above ${threshold}\n`);
      io.out(statsLine(r, "employers"));
      io.out(`written to ${join(dir, "designations.json")}\n`);
      if (r.marked) {
        if (r.marked.designations.length) io.out(`\n${designationTable(r.marked.designations)}\n`);
        io.out(
          `${r.marked.designations.length} designations of the run's organisations: ` +
            `${r.marked.written} written, ${r.marked.already} already in the store\n`,
        );
        if (r.marked.missing.length) {
          io.err(
            `not in the graph (run tiegraph runs import ${dir} first, with --all for every hit): ` +
              `${r.marked.missing.join(", ")}\n`,
          );
        }
      }
    });
}
