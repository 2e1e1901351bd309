import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Hit, LexiconEntry } from "@tiegraph/core";
import { maskEntity } from "@tiegraph/core";
import { loadLexicon } from "@tiegraph/lexicons";
import { foldName } from "@tiegraph/match";
import { makeStatement, type Statement, type StatementInput } from "@tiegraph/model";
import { listDatasetNames } from "@tiegraph/service";
import type { RunHitInput, Store } from "@tiegraph/store";
import type { Command } from "commander";
import { pseudonym, pseudonymKey } from "./pseudonym.js";
import { DB_HELP, type Io, type UsageErrorClass, withStore } from "./shared.js";

/**
 * A screening run's results in the graph: each person flagged becomes a pseudonymous Person with
 * Employment and Membership links to the target company and the state bodies, every statement citing
 * the run's manifest. No name, contact or record id enters the graph.
 */

interface RunFunnel {
  manifest: { started_at: string; finished_at: string; target: string; tool: { version: string } };
}

/** The statements of one hit, under the run's dataset, cited to its manifest. */
export function hitStatements(
  hit: Hit,
  who: string,
  run: { dataset: string; manifest: string; title: string },
  entries: ReadonlyMap<string, LexiconEntry>,
  /** The graph entity that a lexicon entry stands for, where the graph has one (`huawei`). */
  inGraph: ReadonlyMap<string, string> = new Map(),
): StatementInput[] {
  const base = {
    dataset: run.dataset,
    source: { url: `file:${run.manifest}`, title: run.title, publisher: "tiegraph screen" },
    asserted_by: { kind: "extractor" as const, name: "tiegraph screen" },
    stance: "reported" as const,
  };
  const out: StatementInput[] = [];
  const s = (entity_id: string, schema: string, prop: string, value: string | null) => {
    if (value) out.push({ ...base, entity_id, schema, prop, value });
  };
  const person = `person-${who}`;
  s(person, "Person", "name", who);
  s(person, "Person", "topics", hit.national_security ? "role.natsec" : "role.flagged");
  /** A lexicon organisation; a unit named by its cover designator stays anonymous (某部). */
  const org = (entity: string, schema: string, written: string) => {
    const masked = maskEntity(entity);
    const known = masked === entity ? inGraph.get(entity) : undefined;
    if (known) return known;
    const id = `lex-${masked}`;
    const named = masked === entity ? entries.get(entity)?.name : undefined;
    s(id, schema, "name", named ?? (schema === "PublicBody" ? "某部 (a PLA unit)" : written));
    return id;
  };
  if (hit.target.status && hit.target.entity) {
    const company = org(hit.target.entity, "Company", hit.target.employer ?? "");
    const job = `${person}-${company}`;
    s(job, "Employment", "employee", person);
    s(job, "Employment", "employer", company);
    s(job, "Employment", "status", hit.target.status);
  }
  hit.ties.forEach((t, k) => {
    const body = org(t.entity, "PublicBody", t.org);
    const link = `${person}-tie-${k}`;
    const schema = t.role === "education" ? "Membership" : "Employment";
    s(link, schema, schema === "Membership" ? "member" : "employee", person);
    s(link, schema, schema === "Membership" ? "organization" : "employer", body);
    s(link, schema, "role", t.role);
    s(link, schema, "startDate", t.start && /^\d{4}/.test(t.start) ? t.start.slice(0, 4) : null);
    s(link, schema, "endDate", t.end && /^\d{4}/.test(t.end) ? t.end.slice(0, 4) : null);
  });
  return out;
}

/** A hit as the review queue keeps it: its filter columns beside the hit as the screen wrote it. */
export function hitRow(hit: Hit, who: string): RunHitInput {
  return {
    id: hit.id,
    pseudonym: who,
    status: hit.target.status,
    national_security: hit.national_security,
    categories: [...new Set(hit.ties.map((t) => t.category))],
    score: hit.score,
    hit,
  };
}

/** The dataset of a screening run's statements: `screen_` and the run's start, to the second. */
export const runDataset = (startedAt: string) => `screen_${startedAt.replace(/[^0-9]/g, "").slice(0, 14)}`;

/** Whether a dataset holds a screening run's statements (`runDataset`). */
export const isRunDataset = (name: string) => /^screen_/.test(name);

/** A name as compared for linking: the match package's folding, without the spaces between tokens. */
const linkKey = (s: string) => foldName(s).replace(/ /g, "");

/**
 * The graph's organisations that lexicon entries stand for: an entry whose names (English, Chinese,
 * aliases of four characters or more) all lead to one organisation of the graph's own datasets (not
 * lists, not runs) is that organisation. Ambiguous or unknown entries stay lexicon entities.
 */
export async function graphOrganisations(
  store: Store,
  entries: Iterable<LexiconEntry>,
): Promise<Map<string, string>> {
  const lists = await listDatasetNames(store);
  const byName = new Map<string, Set<string>>();
  for (const d of await store.listDatasets()) {
    if (lists.has(d.name) || isRunDataset(d.name)) continue;
    for await (const e of store.iterateEntities({ schema: "Organization", dataset: d.name })) {
      for (const n of [...(e.properties.name ?? []), ...(e.properties.alias ?? [])]) {
        const k = linkKey(n);
        if (k.length < 4) continue;
        const ids = byName.get(k) ?? new Set<string>();
        ids.add(e.id);
        byName.set(k, ids);
      }
    }
  }
  const out = new Map<string, string>();
  for (const entry of entries) {
    const found = new Set<string>();
    for (const n of [entry.name, entry.name_zh ?? "", ...entry.aliases]) {
      const k = linkKey(n);
      if (k.length >= 4) for (const id of byName.get(k) ?? []) found.add(id);
    }
    if (found.size === 1) out.set(entry.id, [...found][0]!);
  }
  return out;
}

/** What `importRun` stored. */
export interface ImportedRun {
  /** The run's id, which is also the dataset of its statements. */
  run: string;
  hits: number;
  people: number;
  statements: number;
}

/**
 * Stores a finished screening run (the `--out` directory of `tiegraph screen`) in one transaction:
 * every hit for review, and the flagged people (national security only, unless `all`) as
 * pseudonymous graph statements citing the run's manifest, linked to the graph's own organisations
 * where a lexicon entry is one of them (`graphOrganisations`). Importing the same run again replaces it.
 */
export async function importRun(
  store: Store,
  dir: string,
  options: { all?: boolean } = {},
): Promise<ImportedRun> {
  const funnel = JSON.parse(readFileSync(join(dir, "funnel.json"), "utf8")) as RunFunnel;
  const m = funnel.manifest;
  const dataset = runDataset(m.started_at);
  const run = {
    dataset,
    manifest: resolve(dir, "funnel.json"),
    title: `screening run for ${m.target}, ${m.started_at} to ${m.finished_at} (tiegraph ${m.tool.version})`,
  };
  const key = pseudonymKey();
  const entries = new Map(loadLexicon().entries.map((e) => [e.id, e]));
  const inGraph = await graphOrganisations(store, entries.values());
  const statements: Statement[] = [];
  const hits: RunHitInput[] = [];
  let people = 0;
  for (const line of readFileSync(join(dir, "hits.jsonl"), "utf8").split("\n")) {
    if (!line.trim()) continue;
    const hit = JSON.parse(line) as Hit;
    const who = pseudonym(key, hit.id);
    hits.push(hitRow(hit, who));
    if (!options.all && !hit.national_security) continue;
    people++;
    for (const st of hitStatements(hit, who, run, entries, inGraph)) statements.push(makeStatement(st));
  }
  await store.transaction(async (tx) => {
    // Importing the run again replaces what an earlier import of it stored.
    const earlier: string[] = [];
    for await (const st of tx.iterateStatements({ dataset })) earlier.push(st.id);
    await tx.deleteStatements(earlier);
    await tx.putDataset({ name: dataset, title: run.title, publisher: "tiegraph screen" });
    await tx.putStatements(statements);
    await tx.putRun(
      {
        id: dataset,
        title: run.title,
        target: m.target,
        dir: resolve(dir),
        started_at: m.started_at,
        finished_at: m.finished_at,
        funnel: funnel as unknown as Record<string, unknown>,
      },
      hits,
    );
  });
  return { run: dataset, hits: hits.length, people, statements: statements.length };
}

/** Adds `runs import` to the program. */
export function registerRunCommands(prog: Command, io: Io, UsageError: UsageErrorClass): void {
  prog
    .command("runs")
    .description("Screening runs in the evidence graph.")
    .command("import")
    .description(
      "Add a screening run to the store: its hits for review, and its flagged people to the graph as " +
        "pseudonymous Persons linked to the target and the state bodies, citing the run's manifest. " +
        "No personal data enters the store: hits point at their input file and line.",
    )
    .argument("<dir>", "the --out directory of a tiegraph screen run")
    .option("--all", "every hit, not only those with national-security experience")
    .option("--db <store>", DB_HELP)
    .action(async (dir: string, o) => {
      if (!existsSync(join(dir, "funnel.json")) || !existsSync(join(dir, "hits.jsonl"))) {
        throw new UsageError(
          `${dir}: not the output of a finished screening run (no funnel.json and hits.jsonl)`,
        );
      }
      const r = await withStore(o.db, (store) => importRun(store, dir, { all: Boolean(o.all) }));
      io.out(
        `${r.people} people, ${r.statements} statements in dataset ${r.run}; run ${r.run} with ${r.hits} hits for review\n`,
      );
    });
}
