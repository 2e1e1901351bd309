import { basename } from "node:path";
import { type Hit, maskEntity, type ResumeRecord, redactor, toProfile } from "@tiegraph/core";
import type { Judgement } from "@tiegraph/model";
import { HIT_REVIEW_KIND, hitSubject, type RunHit, type Store, type StoredRun } from "@tiegraph/store";
import { HttpError } from "./http.js";
import { InputChangedError, inputPath, readRecordAt, runInputs } from "./records.js";
import {
  AuditListSchema,
  HitDetailSchema,
  HitListSchema,
  ReviewResponseSchema,
  RunDetailSchema,
  RunListSchema,
} from "./responses.js";
import type { Routes } from "./routes.js";
import { AuditQuery, HitParam, HitsQuery, RevealBody, ReviewBody, RunParam } from "./schemas.js";

/**
 * Screening runs in the API: funnels, hits and their evidence, redacted by the core redactor by default;
 * reviews kept as judgements apart from scores; personal data revealed only on request by an analyst,
 * each reveal written to the audit log.
 */

/** The funnel's counts as a chart shows them. */
export interface RunFunnelCounts {
  read: number;
  /** The sample screened, when the run drew one. */
  subset?: number;
  screened: number;
  rejected: number;
  employees: number;
  current: number;
  former: number;
  with_ties: number;
  national_security: number;
  others_with_ties: number;
  others_national_security: number;
  by_category: Record<string, number>;
}

export interface RunSummary {
  id: string;
  title: string;
  target: string;
  started_at: string;
  finished_at: string;
  hits: number;
  funnel: RunFunnelCounts;
}

/** A hit in the review queue, redacted. */
export interface HitRow {
  id: string;
  pseudonym: string;
  status: string | null;
  employer: string | null;
  categories: string[];
  national_security: boolean;
  score: number;
  reasons: string[];
  review?: Judgement;
}

/** A stint of the person's work history (years only, redacted) and what flagged it. */
export interface WorkStint {
  start?: string;
  end?: string;
  org: string;
  title?: string;
  /** `target` for employment at the target; a tie's category; an activity's label. */
  flags: string[];
}

/** One flag's evidence: where in the record, the matched text and the clause around it, redacted. */
export interface HitEvidence {
  flag: string;
  field: string;
  text: string;
  start: number;
  end: number;
  entry: string;
  quote?: string;
}

export interface RunList {
  runs: RunSummary[];
}
export interface RunDetail {
  run: RunSummary;
  funnel: Record<string, unknown>;
}
export interface HitList {
  total: number;
  hits: HitRow[];
}
export interface HitDetail {
  hit: HitRow;
  work: WorkStint[];
  evidence: HitEvidence[];
  reviews: Judgement[];
  /** Whether the record was read from the input file (else work history and quotes are missing). */
  record_available: boolean;
}
export interface ReviewResponse {
  judgement: Judgement;
}
/** The unredacted record of a hit. */
export interface RevealResponse {
  record: ResumeRecord;
}
export interface AuditEntryView {
  at: string;
  user: string;
  action: string;
  subject: string;
  note?: string;
}
export interface AuditList {
  entries: AuditEntryView[];
}

const num = (v: unknown): number => (typeof v === "number" ? v : 0);

/** A stored run as listed: its funnel's counts under short names. */
export function runSummary(run: StoredRun): RunSummary {
  const f = run.funnel as Record<string, unknown>;
  const employees = (f.target_employees ?? {}) as Record<string, unknown>;
  const sample = f.sample as { n?: number } | undefined;
  return {
    id: run.id,
    title: run.title,
    target: run.target,
    started_at: run.started_at,
    finished_at: run.finished_at,
    hits: run.hits,
    funnel: {
      read: num(f.records_read),
      ...(sample?.n !== undefined ? { subset: sample.n } : {}),
      screened: num(f.records_screened),
      rejected: num(f.records_rejected),
      employees: num(employees.total),
      current: num(employees.current),
      former: num(employees.former),
      with_ties: num(f.target_with_ties),
      national_security: num(f.target_national_security),
      others_with_ties: num(f.others_with_ties),
      others_national_security: num(f.others_national_security),
      by_category: (f.by_category ?? {}) as Record<string, number>,
    },
  };
}

/** funnel.json as shown: the input files by their names only, not where they lie on the server. */
export function publicFunnel(funnel: Record<string, unknown>): Record<string, unknown> {
  const m = funnel.manifest as { inputs?: { file: string }[]; options?: Record<string, unknown> } | undefined;
  if (!m) return funnel;
  return {
    ...funnel,
    manifest: {
      ...m,
      inputs: (m.inputs ?? []).map((i) => ({ ...i, file: basename(i.file) })),
      ...(m.options
        ? { options: { ...m.options, map: m.options.map ? basename(String(m.options.map)) : null } }
        : {}),
    },
  };
}

/** The redactor for text of a hit whose record is not at hand: patterns only (phones, emails, numbers, dates). */
const generic = redactor({ id: "" });

/** A hit as a row of the queue, redacted with `clean`. */
export function hitRow(h: RunHit, clean: (s: string) => string = generic): HitRow {
  const hit = h.hit as Hit;
  return {
    id: h.id,
    pseudonym: h.pseudonym,
    status: h.status,
    employer: hit.target?.employer ? clean(hit.target.employer) : null,
    categories: h.categories,
    national_security: h.national_security,
    score: h.score,
    reasons: (hit.reasons ?? []).map(clean),
    ...(h.review ? { review: h.review } : {}),
  };
}

const workIndex = (field: string): number | undefined => {
  const m = /^work\[(\d+)\]/.exec(field);
  return m ? Number(m[1]) : undefined;
};

const year = (d: string | null | undefined): string | undefined => {
  if (!d) return undefined;
  if (/至今|现在|目前|present|now|current/i.test(d)) return "present";
  return /(?:19|20)[0-9]{2}/.exec(d)?.[0];
};

/** A hit's detail, redacted: with its record (read server-side), the work history and quoted evidence. */
export function hitDetail(h: RunHit, record: ResumeRecord | undefined, reviews: Judgement[]): HitDetail {
  const hit = h.hit as Hit;
  const clean = record ? redactor(record) : generic;
  const profile = record ? toProfile(hit, record, h.pseudonym) : undefined;
  const evidence: HitEvidence[] = [];
  const flagsAt = new Map<number, string[]>();
  const flag = (field: string, name: string) => {
    const i = workIndex(field);
    if (i !== undefined) flagsAt.set(i, [...new Set([...(flagsAt.get(i) ?? []), name])]);
  };
  const ev = (name: string, e: Hit["ties"][number]["evidence"], quote?: string): HitEvidence => ({
    flag: name,
    field: e.field,
    text: clean(e.text),
    start: e.start,
    end: e.end,
    entry: maskEntity(e.entry),
    ...(quote ? { quote } : {}),
  });
  for (const e of hit.target?.evidence ?? []) {
    flag(e.field, "target");
    evidence.push(ev("target", e));
  }
  hit.ties?.forEach((t, k) => {
    flag(t.evidence.field, t.category);
    evidence.push(ev(t.category, t.evidence, profile?.ties[k]?.evidence));
  });
  hit.activities?.forEach((a, k) => {
    flag(a.evidence.field, a.label);
    evidence.push(ev(a.label, a.evidence, profile?.activities[k]?.evidence));
  });
  const work: WorkStint[] = [];
  (record?.work ?? []).forEach((w, i) => {
    if (!w.company) return;
    const start = year(w.start);
    const end = year(w.end);
    work.push({
      org: clean(w.company),
      ...(w.title ? { title: clean(w.title) } : {}),
      ...(start ? { start } : {}),
      ...(end ? { end } : {}),
      flags: flagsAt.get(i) ?? [],
    });
  });
  return { hit: hitRow(h, clean), work, evidence, reviews, record_available: record !== undefined };
}

/** The record behind a hit, read from the run's input file; undefined when it cannot be found. */
async function recordOf(run: StoredRun, h: RunHit): Promise<ResumeRecord | undefined> {
  const hit = h.hit as Hit;
  const inputs = runInputs(run.dir, run.funnel);
  const path = inputPath(inputs, hit.source.file);
  return readRecordAt(path, hit.source.line, {
    ...(inputs.format ? { format: inputs.format } : {}),
    ...(inputs.map ? { map: inputs.map } : {}),
    id: h.id,
  });
}

/** Registers the screening-run routes. */
export function registerRunRoutes(routes: Routes, store: Store): void {
  routes.add(
    {
      method: "get",
      path: "/api/runs",
      summary: "Screening runs, newest first",
      tag: "runs",
      response: RunListSchema,
    },
    async (): Promise<RunList> => ({
      runs: (await store.listRuns()).map(runSummary),
    }),
  );

  routes.add(
    {
      method: "get",
      path: "/api/runs/:run",
      summary: "A run with its funnel",
      tag: "runs",
      response: RunDetailSchema,
      params: RunParam,
    },
    async ({ params }): Promise<RunDetail> => {
      const run = await store.getRun(params.run);
      return { run: runSummary(run), funnel: publicFunnel(run.funnel) };
    },
  );

  routes.add(
    {
      method: "get",
      path: "/api/runs/:run/hits",
      summary: "A run's hits, redacted, filtered, with their standing review",
      tag: "runs",
      response: HitListSchema,
      params: RunParam,
      query: HitsQuery,
    },
    async ({ params, query }): Promise<HitList> => {
      await store.getRun(params.run);
      const filter = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined));
      const { total, hits } = await store.findRunHits(params.run, filter);
      return { total, hits: hits.map((h) => hitRow(h)) };
    },
  );

  routes.add(
    {
      method: "get",
      path: "/api/runs/:run/hits/:hit",
      summary: "A hit: its work history, every flag's evidence and its reviews, redacted",
      tag: "runs",
      response: HitDetailSchema,
      params: HitParam,
    },
    async ({ params }): Promise<HitDetail> => {
      const run = await store.getRun(params.run);
      const h = await store.getRunHit(params.run, params.hit);
      let record: ResumeRecord | undefined;
      try {
        record = await recordOf(run, h);
      } catch {
        record = undefined;
      }
      const reviews = await store.getJudgements({
        kind: HIT_REVIEW_KIND,
        subject: hitSubject(params.run, params.hit),
      });
      return hitDetail(h, record, reviews);
    },
  );

  routes.add(
    {
      method: "post",
      path: "/api/runs/:run/hits/:hit/review",
      summary: "Review a hit: positive, negative or unsure, with a note (kept apart from its score)",
      tag: "runs",
      response: ReviewResponseSchema,
      role: "analyst",
      params: HitParam,
      body: ReviewBody,
    },
    async ({ params, body, user }): Promise<ReviewResponse> => {
      await store.getRunHit(params.run, params.hit);
      const subject = hitSubject(params.run, params.hit);
      const judgement = await store.transaction(async (tx) => {
        const j = await tx.putJudgement({
          kind: HIT_REVIEW_KIND,
          subject,
          judgement: body.decision,
          by: user.user,
          ...(body.note ? { why: body.note } : {}),
        });
        await tx.putAudit({
          actor: user.user,
          action: `review.${body.decision}`,
          subject,
          ...(body.note ? { note: body.note } : {}),
        });
        return j;
      });
      return { judgement };
    },
  );

  routes.add(
    {
      method: "post",
      path: "/api/runs/:run/hits/:hit/reveal",
      summary: "The unredacted record of a hit, read from the input file; recorded in the audit log",
      tag: "runs",
      role: "analyst",
      params: HitParam,
      body: RevealBody,
    },
    async ({ params, body, user }): Promise<RevealResponse> => {
      const run = await store.getRun(params.run);
      const h = await store.getRunHit(params.run, params.hit);
      await store.putAudit({
        actor: user.user,
        action: "reveal",
        subject: hitSubject(params.run, params.hit),
        note: body.reason,
      });
      let record: ResumeRecord | undefined;
      try {
        record = await recordOf(run, h);
      } catch (e) {
        if (e instanceof InputChangedError) throw new HttpError(409, e.message);
        throw e;
      }
      if (!record) throw new Error(`No such record: line ${(h.hit as Hit).source.line} of the run's input`);
      return { record };
    },
  );

  routes.add(
    {
      method: "get",
      path: "/api/audit",
      summary: "The audit log, newest first: reveals, reviews and verdicts",
      tag: "runs",
      response: AuditListSchema,
      role: "admin",
      query: AuditQuery,
    },
    async ({ query }): Promise<AuditList> => ({
      entries: (
        await store.getAudit({
          ...(query.subject ? { subject: query.subject } : {}),
          ...(query.action ? { action: query.action } : {}),
          ...(query.limit ? { limit: query.limit } : {}),
        })
      ).map((e) => ({
        at: e.at,
        user: e.actor,
        action: e.action,
        subject: e.subject,
        ...(e.note !== undefined ? { note: e.note } : {}),
      })),
    }),
  );
}
