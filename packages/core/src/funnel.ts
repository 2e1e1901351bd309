import type { Hit } from "./hit.js";
import { STATE_CATEGORIES, type StateCategory } from "./lexicon.js";

/**
 * The funnel of a screening run: how many records were read, screened, employed by the target, tied to
 * state bodies, with national-security experience. Counts form a commutative monoid ({@link emptyCounts},
 * {@link mergeCounts}): partial counts from any split of the input add up to the same whole.
 */
export interface FunnelCounts {
  records_read: number;
  records_rejected: number;
  records_screened: number;
  target_employees: { current: number; former: number; total: number };
  target_with_ties: number;
  target_national_security: number;
  others_with_ties: number;
  others_national_security: number;
  /** Records with at least one tie in the category (a record may count under several). */
  by_category: Record<StateCategory, number>;
  records_with_activities: number;
}

export function emptyCounts(): FunnelCounts {
  return {
    records_read: 0,
    records_rejected: 0,
    records_screened: 0,
    target_employees: { current: 0, former: 0, total: 0 },
    target_with_ties: 0,
    target_national_security: 0,
    others_with_ties: 0,
    others_national_security: 0,
    by_category: Object.fromEntries(STATE_CATEGORIES.map((c) => [c, 0])) as Record<StateCategory, number>,
    records_with_activities: 0,
  };
}

/** Adds one hit's contribution (the caller counts records read, screened and rejected). */
export function countHit(c: FunnelCounts, hit: Hit): void {
  const isTarget = hit.target.status !== null;
  if (hit.target.status === "current") c.target_employees.current++;
  if (hit.target.status === "former") c.target_employees.former++;
  if (isTarget) c.target_employees.total++;
  if (hit.ties.length > 0) {
    if (isTarget) c.target_with_ties++;
    else c.others_with_ties++;
  }
  if (hit.national_security) {
    if (isTarget) c.target_national_security++;
    else c.others_national_security++;
  }
  for (const cat of new Set(hit.ties.map((t) => t.category))) c.by_category[cat]++;
  if (hit.activities.length > 0) c.records_with_activities++;
}

/** `a + b`, in place on `a`, which is returned. */
export function mergeCounts(a: FunnelCounts, b: FunnelCounts): FunnelCounts {
  a.records_read += b.records_read;
  a.records_rejected += b.records_rejected;
  a.records_screened += b.records_screened;
  a.target_employees.current += b.target_employees.current;
  a.target_employees.former += b.target_employees.former;
  a.target_employees.total += b.target_employees.total;
  a.target_with_ties += b.target_with_ties;
  a.target_national_security += b.target_national_security;
  a.others_with_ties += b.others_with_ties;
  a.others_national_security += b.others_national_security;
  for (const k of STATE_CATEGORIES) a.by_category[k] += b.by_category[k];
  a.records_with_activities += b.records_with_activities;
  return a;
}

/** The funnel as the rows of a two-column table, for people. */
export function funnelRows(c: FunnelCounts, target: string): [string, string][] {
  const n = (x: number) => x.toLocaleString("en-US");
  return [
    ["records read", n(c.records_read)],
    ["  rejected (see rejected.jsonl)", n(c.records_rejected)],
    ["  screened", n(c.records_screened)],
    [`${target} employees`, n(c.target_employees.total)],
    ["  current", n(c.target_employees.current)],
    ["  former", n(c.target_employees.former)],
    [`  with ties to state bodies`, n(c.target_with_ties)],
    [`  with national-security experience`, n(c.target_national_security)],
    [`others with ties`, n(c.others_with_ties)],
    [`  with national-security experience`, n(c.others_national_security)],
    ...STATE_CATEGORIES.map((k): [string, string] => [`ties: ${k}`, n(c.by_category[k])]),
    ["records with activities", n(c.records_with_activities)],
  ];
}
