import type { Judgement } from "@tiegraph/model";
import type { Sql } from "./sql.js";

/**
 * Screening runs in the store: a run's summary (its funnel) and its hits, as `tiegraph screen` wrote
 * them. A hit names the input file and line of its record but holds no record: the people behind the
 * hits stay in the input files, read only when someone reveals them, and each reveal goes to the audit log.
 */

/** A screening run as imported. `id` is the run's dataset name (`screen_<started>`). */
export interface RunInput {
  id: string;
  title: string;
  target: string;
  /** The screen's `--out` directory, as an absolute path. */
  dir: string;
  started_at: string;
  finished_at: string;
  /** The run's funnel.json. */
  funnel: Record<string, unknown>;
}

export interface StoredRun extends RunInput {
  imported_at: string;
  hits: number;
}

/** One hit of a run, with the columns a review queue filters on. */
export interface RunHitInput {
  /** The record id the screen gave the hit. */
  id: string;
  /** The keyed-hash pseudonym that stands for the person everywhere else. */
  pseudonym: string;
  /** `current`, `former` or null (a tie without target employment). */
  status: string | null;
  national_security: boolean;
  /** The tie categories (military, state_security …), each once. */
  categories: string[];
  score: number;
  /** The hit as in hits.jsonl. */
  hit: unknown;
}

export interface RunHit extends RunHitInput {
  run: string;
  /** Its position in hits.jsonl. */
  seq: number;
  /** The standing review of the hit (the latest judgement of kind `hit` on `<run>/<id>`). */
  review?: Judgement;
}

/** The judgement kind and subject under which a hit's reviews are kept. */
export const HIT_REVIEW_KIND = "hit";
export const hitSubject = (run: string, hit: string) => `${run}/${hit}`;

export interface RunHitFilter {
  national_security?: boolean;
  /** `none`: hits without target employment. */
  status?: "current" | "former" | "none";
  category?: string;
  /** `open`: not reviewed yet; otherwise the standing review's verdict. */
  review?: "open" | "positive" | "negative" | "unsure";
  offset?: number;
  /** Default 100. */
  limit?: number;
}

/** An entry of the audit log: who did what to which subject, when and why. */
export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  note?: string;
}

export type AuditInput = Omit<AuditEntry, "seq" | "at"> & { at?: string };

export async function putRun(sql: Sql, run: RunInput, hits: readonly RunHitInput[]): Promise<void> {
  await sql.query(
    `INSERT INTO runs (id, title, target, dir, started_at, finished_at, funnel, imported_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, target = EXCLUDED.target, dir = EXCLUDED.dir,
       started_at = EXCLUDED.started_at, finished_at = EXCLUDED.finished_at, funnel = EXCLUDED.funnel,
       imported_at = EXCLUDED.imported_at`,
    [
      run.id,
      run.title,
      run.target,
      run.dir,
      run.started_at,
      run.finished_at,
      JSON.stringify(run.funnel),
      new Date().toISOString(),
    ],
  );
  await sql.query("DELETE FROM run_hits WHERE run = $1", [run.id]);
  const BATCH = 2000;
  for (let i = 0; i < hits.length; i += BATCH) {
    const part = hits.slice(i, i + BATCH);
    await sql.query(
      `INSERT INTO run_hits (run, id, seq, pseudonym, status, national_security, categories, score, hit)
       SELECT $1, h.id, h.seq, h.pseudonym, h.status, h.ns, string_to_array(h.cats, ' '), h.score, h.hit::jsonb
       FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::boolean[], $7::text[], $8::float8[], $9::text[])
         AS h (id, seq, pseudonym, status, ns, cats, score, hit)`,
      [
        run.id,
        part.map((h) => h.id),
        part.map((_, k) => i + k),
        part.map((h) => h.pseudonym),
        part.map((h) => h.status),
        part.map((h) => h.national_security),
        part.map((h) => h.categories.join(" ")),
        part.map((h) => h.score),
        part.map((h) => JSON.stringify(h.hit)),
      ],
    );
  }
}

interface RunRow {
  id: string;
  title: string;
  target: string;
  dir: string;
  started_at: string;
  finished_at: string;
  funnel: Record<string, unknown> | string;
  imported_at: string;
  hits: number;
}

const json = <T>(v: T | string): T => (typeof v === "string" ? (JSON.parse(v) as T) : v);

function toRun(r: RunRow): StoredRun {
  return {
    id: r.id,
    title: r.title,
    target: r.target,
    dir: r.dir,
    started_at: r.started_at,
    finished_at: r.finished_at,
    funnel: json(r.funnel),
    imported_at: r.imported_at,
    hits: Number(r.hits),
  };
}

export async function findRuns(sql: Sql, id?: string): Promise<StoredRun[]> {
  const rows = await sql.query<RunRow>(
    `SELECT r.*, (SELECT count(*)::int FROM run_hits h WHERE h.run = r.id) AS hits
     FROM runs r ${id === undefined ? "" : "WHERE r.id = $1"} ORDER BY r.started_at DESC, r.id`,
    id === undefined ? [] : [id],
  );
  return rows.map(toRun);
}

interface HitRow {
  run: string;
  id: string;
  seq: number;
  pseudonym: string;
  status: string | null;
  national_security: boolean;
  categories: string[] | string;
  score: number;
  hit: unknown;
  total: number;
  j_id: string | null;
  j_judgement: Judgement["judgement"] | null;
  j_by: string | null;
  j_at: string | null;
  j_why: string | null;
}

function toHit(r: HitRow): RunHit {
  const cats = Array.isArray(r.categories)
    ? r.categories
    : String(r.categories)
        .replace(/^\{|\}$/g, "")
        .split(",")
        .filter(Boolean);
  const h: RunHit = {
    run: r.run,
    id: r.id,
    seq: Number(r.seq),
    pseudonym: r.pseudonym,
    status: r.status,
    national_security: r.national_security,
    categories: cats,
    score: Number(r.score),
    hit: json(r.hit),
  };
  if (r.j_id !== null && r.j_judgement !== null && r.j_by !== null && r.j_at !== null) {
    h.review = {
      id: r.j_id,
      kind: HIT_REVIEW_KIND,
      subject: hitSubject(r.run, r.id),
      judgement: r.j_judgement,
      by: r.j_by,
      at: r.j_at,
    };
    if (r.j_why !== null) h.review.why = r.j_why;
  }
  return h;
}

/** Hits of a run in hits.jsonl order, each with its standing review, and how many match the filter. */
export async function findRunHits(
  sql: Sql,
  run: string,
  filter: RunHitFilter & { id?: string } = {},
): Promise<{ total: number; hits: RunHit[] }> {
  const params: unknown[] = [run, HIT_REVIEW_KIND];
  const conds = ["h.run = $1"];
  const add = (cond: (p: string) => string, v: unknown) => {
    params.push(v);
    conds.push(cond(`$${params.length}`));
  };
  if (filter.id !== undefined) add((p) => `h.id = ${p}`, filter.id);
  if (filter.national_security !== undefined)
    add((p) => `h.national_security = ${p}`, filter.national_security);
  if (filter.status === "none") conds.push("h.status IS NULL");
  else if (filter.status !== undefined) add((p) => `h.status = ${p}`, filter.status);
  if (filter.category !== undefined) add((p) => `${p} = ANY (h.categories)`, filter.category);
  if (filter.review === "open") conds.push("j.id IS NULL");
  else if (filter.review !== undefined) add((p) => `j.judgement = ${p}`, filter.review);
  params.push(filter.limit ?? 100, filter.offset ?? 0);
  const rows = await sql.query<HitRow>(
    `SELECT h.*, count(*) OVER ()::int AS total,
       j.id AS j_id, j.judgement AS j_judgement, j.judged_by AS j_by, j.judged_at AS j_at, j.why AS j_why
     FROM run_hits h
     LEFT JOIN LATERAL (
       SELECT * FROM judgements WHERE kind = $2 AND subject = h.run || '/' || h.id
       ORDER BY judged_at DESC, id DESC LIMIT 1
     ) j ON true
     WHERE ${conds.join(" AND ")}
     ORDER BY h.seq LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return { total: rows[0] ? Number(rows[0].total) : 0, hits: rows.map(toHit) };
}

export async function putAudit(sql: Sql, input: AuditInput): Promise<AuditEntry> {
  const at = input.at ?? new Date().toISOString();
  const rows = await sql.query<{ seq: number | string }>(
    "INSERT INTO audit (at, actor, action, subject, note) VALUES ($1, $2, $3, $4, $5) RETURNING seq",
    [at, input.actor, input.action, input.subject, input.note ?? null],
  );
  const e: AuditEntry = {
    seq: Number(rows[0]?.seq),
    at,
    actor: input.actor,
    action: input.action,
    subject: input.subject,
  };
  if (input.note !== undefined) e.note = input.note;
  return e;
}

export async function getAudit(
  sql: Sql,
  filter: { subject?: string; action?: string; actor?: string; limit?: number } = {},
): Promise<AuditEntry[]> {
  const conds: string[] = [];
  const params: unknown[] = [];
  for (const k of ["subject", "action", "actor"] as const) {
    const v = filter[k];
    if (v !== undefined) {
      params.push(v);
      conds.push(`${k} = $${params.length}`);
    }
  }
  params.push(filter.limit ?? 1000);
  const rows = await sql.query<{
    seq: number | string;
    at: string;
    actor: string;
    action: string;
    subject: string;
    note: string | null;
  }>(
    `SELECT * FROM audit ${conds.length > 0 ? `WHERE ${conds.join(" AND ")}` : ""} ORDER BY seq DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map((r) => {
    const e: AuditEntry = {
      seq: Number(r.seq),
      at: r.at,
      actor: r.actor,
      action: r.action,
      subject: r.subject,
    };
    if (r.note !== null) e.note = r.note;
    return e;
  });
}
