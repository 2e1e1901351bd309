import { createHash } from "node:crypto";
import type { Hit } from "@tiegraph/core";
import type { StatementInput } from "@tiegraph/model";
import { type MatchIndex, type MatchOptions, type MatchResult, match } from "./matcher.js";
import type { ListEntry } from "./model.js";
import { foldName } from "./normalize.js";

/**
 * Screening in bulk and what it finds, as graph statements: many names against one index, the
 * employers of a screening run's hits, and a designation Event for each match, citing the list entry.
 */

/** The dataset that holds the designation Events written by bulk screening. */
export const DESIGNATIONS_DATASET = "tiegraph_designations";

/** Who asserts the designation Events: the matcher, pending a reviewer's judgement. */
export const DESIGNATION_ASSERTER = { kind: "extractor", name: "tiegraph match" } as const;

/** Something with names to screen: a graph entity, or an employer named in screening hits. */
export interface Subject {
  id: string;
  /** The query schema (`Company`, `Organization` …); organisations by default. */
  schema?: string;
  names: readonly string[];
  aliases?: readonly string[];
  countries?: readonly string[];
}

/** A subject with its list matches (score at or above the threshold), best first. */
export interface Screened<S extends Subject = Subject> {
  subject: S;
  results: MatchResult[];
}

/**
 * Screens many subjects against one index. A query asked twice (the same schema, names, aliases and
 * countries) is answered once; only results at or above the threshold are kept, at most `limit` per
 * subject (affiliates found through parent links included). Subjects without a match are left out.
 *
 * @example
 * screenSubjects(index, [{ id: "huawei", names: ["华为技术有限公司"], countries: ["cn"] }], { threshold: 0.7 })
 * // [{ subject: { id: "huawei", … }, results: [{ id: "…", caption: "Huawei Technologies Co., Ltd. (Huawei)", score: 0.95, … }, …] }]
 */
export function screenSubjects<S extends Subject>(
  index: MatchIndex,
  subjects: Iterable<S>,
  opts: MatchOptions = {},
): Screened<S>[] {
  const threshold = opts.threshold ?? 0.7;
  const options: MatchOptions = { cutoff: threshold, ...opts, threshold };
  const answers = new Map<string, MatchResult[]>();
  const out: Screened<S>[] = [];
  for (const subject of subjects) {
    const names = [...new Set(subject.names.filter((n) => n.trim()))];
    const aliases = [...new Set((subject.aliases ?? []).filter((n) => n.trim() && !names.includes(n)))];
    if (names.length + aliases.length === 0) continue;
    const schema = subject.schema ?? "Organization";
    const countries = [...new Set(subject.countries ?? [])].sort();
    const key = JSON.stringify([schema, [...names].sort(), aliases.sort(), countries]);
    let results = answers.get(key);
    if (!results) {
      results = match(
        index,
        { schema, properties: { name: names, alias: aliases, country: countries } },
        options,
      ).filter((r) => r.match);
      answers.set(key, results);
    }
    if (results.length) out.push({ subject, results });
  }
  return out;
}

/** The number of names a subject puts to the matcher (names and aliases, distinct and not blank). */
export function subjectNames(subject: Subject): number {
  return new Set([...subject.names, ...(subject.aliases ?? [])].filter((n) => n.trim())).size;
}

/** An employer named in a screening run's hits: the target employer or an organisation of a tie. */
export interface HitEmployer {
  /** The folded name that deduplicates employers (`華為技術有限公司` = `华为技术有限公司`). */
  key: string;
  /** The name as first written. */
  name: string;
  /** Every way the hits write it. */
  written: string[];
  /** The lexicon entries the screen resolved it to. */
  entities: string[];
  /** Whether it was the target employer, a tie, or both. */
  roles: ("target" | "tie")[];
  /** The ids of the hits that name it, in file order. */
  hits: string[];
}

/**
 * The employers of screening hits, deduplicated by their folded name: each hit's target employer
 * and the organisation of each of its ties, with the lexicon entries they resolved to.
 *
 * @example
 * hitEmployers(hits).map((e) => [e.name, e.entities])
 * // [["华为技术有限公司", ["target.huawei.technologies"]], ["国防科技大学", ["edu.nudt"]], …]
 */
export function hitEmployers(hits: Iterable<Hit>): HitEmployer[] {
  const byKey = new Map<string, HitEmployer>();
  const add = (written: string | null, entity: string | null, role: "target" | "tie", hit: string) => {
    const name = written?.trim();
    if (!name) return;
    const key = foldName(name).trim() || name;
    let e = byKey.get(key);
    if (!e) {
      e = { key, name, written: [], entities: [], roles: [], hits: [] };
      byKey.set(key, e);
    }
    if (!e.written.includes(name)) e.written.push(name);
    if (entity && !e.entities.includes(entity)) e.entities.push(entity);
    if (!e.roles.includes(role)) e.roles.push(role);
    if (e.hits.at(-1) !== hit) e.hits.push(hit);
  };
  for (const hit of hits) {
    if (hit.target.status) add(hit.target.employer, hit.target.entity, "target", hit.id);
    for (const t of hit.ties) add(t.org, t.entity, "tie", hit.id);
  }
  return [...byKey.values()];
}

/** The list entry a result stands for, and the parent entry an affiliate was found through. */
export function resultEntries(
  index: MatchIndex,
  result: MatchResult,
): { entry: ListEntry | undefined; parent: ListEntry | undefined } {
  const at = (id: string | undefined) => {
    const i = id === undefined ? undefined : index.byId.get(id);
    return i === undefined ? undefined : index.entries[i];
  };
  return { entry: at(result.id), parent: at(result.via?.parent) };
}

/** The graph entity (or lexicon organisation) that a designation Event marks. */
export interface DesignationSubject {
  id: string;
  caption: string;
}

/** The Event's id: a hash of the marked entity and the list entry, the same on every run. */
export function designationId(subject: string, entry: Pick<ListEntry, "dataset" | "id">): string {
  const h = createHash("sha1").update(`${subject}\n${entry.dataset}\n${entry.id}`).digest("hex");
  return `designation-${h.slice(0, 24)}`;
}

/** The list's own name for an entry: its source lists within the dataset, else the dataset. */
export function listName(entry: ListEntry): string {
  return entry.sources.length ? entry.sources.join("; ") : entry.dataset;
}

const fixed = (n: number) => n.toFixed(3);

/** The features of a result as `name=value` pairs, for a note a reviewer reads. */
export function featureText(features: Record<string, number>): string {
  return Object.entries(features)
    .map(([k, v]) => `${k}=${Number(v).toFixed(2)}`)
    .join(", ");
}

/**
 * The statements of one designation Event: category `designation`, named after the list (and its
 * programmes) and the listed name, dated by the listing date, involving the marked entity and the list
 * entry, with the match's score and features in its description (and whole under `$match`), stance
 * `reported`, asserted by {@link DESIGNATION_ASSERTER}, and citing the list entry (the list's URL,
 * title and the entry's id). Statement ids are content hashes: the same match gives the same statements.
 *
 * @example
 * designationStatements({ id: "huawei", caption: "Huawei" }, result, entry, { threshold: 0.7 })
 * // [{ entity_id: "designation-…", schema: "Event", prop: "category", value: "designation", … }, …]
 */
export function designationStatements(
  subject: DesignationSubject,
  result: MatchResult,
  entry: ListEntry,
  opts: { threshold: number; parent?: ListEntry; dataset?: string },
): StatementInput[] {
  const list = listName(entry);
  const programs = entry.programs.length ? ` (${entry.programs.join(", ")})` : "";
  const base = {
    dataset: opts.dataset ?? DESIGNATIONS_DATASET,
    source: {
      url: entry.sourceUrl ?? `file:${entry.file}`,
      title: `${list}: ${entry.caption} (${entry.dataset} entry ${entry.id})`,
      publisher: list,
    },
    asserted_by: DESIGNATION_ASSERTER,
    stance: "reported" as const,
  };
  const id = designationId(subject.id, entry);
  const out: StatementInput[] = [];
  const put = (prop: string, values: readonly (string | undefined)[]) => {
    for (const value of values) if (value) out.push({ ...base, entity_id: id, schema: "Event", prop, value });
  };
  const score = fixed(result.score);
  const parent = result.via ? (opts.parent?.caption ?? result.via.parent) : undefined;
  const how = !result.via
    ? `${subject.caption} matches the listed name ${result.matched.name}`
    : `${entry.caption} is ${result.via.link === "list" ? "listed as an affiliate" : "an affiliate, by tiegraph's lexicon,"} of ${parent}, whose name matches ${subject.caption}`;
  put("name", [`${list}${programs}: ${entry.caption}`]);
  put("category", ["designation"]);
  put("date", [entry.listed]);
  put("endDate", [entry.ended]);
  put("involved", [subject.id, entry.id]);
  put("program", entry.programs);
  put("recordId", [entry.id]);
  put("sourceUrl", [entry.sourceUrl]);
  put("keywords", ["list-match", result.via ? "listed-affiliate" : "listed-name"]);
  put("summary", [`${how}; score ${score}.`]);
  put("description", [
    `Name screening by tiegraph match, to be confirmed by a reviewer: "${result.matched.query}" against ` +
      `"${result.matched.name}" on ${list} (${entry.dataset} entry ${entry.id}, ${entry.file} line ${entry.line}` +
      `${entry.listed ? `, listed ${entry.listed}` : ""}${entry.rules.length ? ` under ${entry.rules.join(", ")}` : ""}` +
      `) scored ${score} (threshold ${fixed(opts.threshold)}); features: ${featureText(result.features)}` +
      `${result.via ? `; found through ${parent}` : ""}.`,
  ]);
  put("$match", [
    JSON.stringify({
      entity: subject.id,
      entry: entry.id,
      list: entry.dataset,
      score: result.score,
      threshold: opts.threshold,
      features: result.features,
      matched: result.matched,
      ...(result.via ? { via: result.via } : {}),
    }),
  ]);
  return out;
}
