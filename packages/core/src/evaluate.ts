import type { Hit } from "./hit.js";
import type { StateCategory } from "./lexicon.js";

/**
 * Measures screening results against ground truth: precision and recall per question a researcher asks
 * (is this person a target employee? with national-security experience? tied to which categories?).
 */

/** Ground truth for one record, as the synthetic generator writes it. */
export interface Truth {
  id: string;
  target: { status: "current" | "former" } | null;
  ties: { category: StateCategory; concurrent_with_target: boolean }[];
  national_security: boolean;
  activities: string[];
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface Evaluation {
  records: number;
  target: Score;
  /** Of the true target employees found, how many got the right current/former status. */
  status_accuracy: number;
  national_security: Score;
  /** (record, category) pairs. */
  tie_categories: Score;
  concurrent_with_target: Score;
  activities: Score;
  /** Ids of the records behind false positives and false negatives, for inspection (first 20 each). */
  errors: { question: string; kind: "fp" | "fn"; id: string }[];
}

class Counter {
  tp = 0;
  fp = 0;
  fn = 0;
  add(predicted: boolean, actual: boolean): "fp" | "fn" | null {
    if (predicted && actual) this.tp++;
    else if (predicted) {
      this.fp++;
      return "fp";
    } else if (actual) {
      this.fn++;
      return "fn";
    }
    return null;
  }
  score(): Score {
    const p = this.tp + this.fp;
    const r = this.tp + this.fn;
    return {
      tp: this.tp,
      fp: this.fp,
      fn: this.fn,
      precision: p ? this.tp / p : 1,
      recall: r ? this.tp / r : 1,
    };
  }
}

/**
 * Compares hits (records without a hit count as "nothing found") with ground truth for every record.
 *
 * @example evaluate(hits, labels).national_security.recall // 0.99
 */
export function evaluate(hits: Iterable<Hit>, truth: Iterable<Truth>): Evaluation {
  const byId = new Map<string, Hit>();
  for (const h of hits) byId.set(h.id, h);
  const target = new Counter();
  const ns = new Counter();
  const cats = new Counter();
  const conc = new Counter();
  const act = new Counter();
  let statusRight = 0;
  let records = 0;
  const errors: Evaluation["errors"] = [];
  const note = (question: string, kind: "fp" | "fn" | null, id: string) => {
    if (kind && errors.filter((e) => e.question === question && e.kind === kind).length < 20) {
      errors.push({ question, kind, id });
    }
  };
  for (const t of truth) {
    records++;
    const h = byId.get(t.id);
    const hs = h?.target.status ?? null;
    note("target", target.add(hs !== null, t.target !== null), t.id);
    if (hs !== null && t.target !== null && hs === t.target.status) statusRight++;
    note("national_security", ns.add(h?.national_security ?? false, t.national_security), t.id);
    const got = new Set(h?.ties.map((x) => x.category) ?? []);
    const want = new Set(t.ties.map((x) => x.category));
    for (const c of new Set([...got, ...want])) note(`tie:${c}`, cats.add(got.has(c), want.has(c)), t.id);
    note(
      "concurrent_with_target",
      conc.add(
        h?.ties.some((x) => x.concurrent_with_target) ?? false,
        t.ties.some((x) => x.concurrent_with_target),
      ),
      t.id,
    );
    note("activities", act.add((h?.activities.length ?? 0) > 0, t.activities.length > 0), t.id);
  }
  return {
    records,
    target: target.score(),
    status_accuracy: target.tp ? statusRight / target.tp : 1,
    national_security: ns.score(),
    tie_categories: cats.score(),
    concurrent_with_target: conc.score(),
    activities: act.score(),
    errors,
  };
}

/** One line per question: precision and recall with counts. */
export function evaluationLines(e: Evaluation): string[] {
  const f = (name: string, s: Score) =>
    `${name.padEnd(24)} precision ${s.precision.toFixed(4)}  recall ${s.recall.toFixed(4)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
  return [
    `records ${e.records}`,
    f("target employment", e.target),
    `${"target status".padEnd(24)} accuracy ${e.status_accuracy.toFixed(4)}`,
    f("national security", e.national_security),
    f("tie categories", e.tie_categories),
    f("concurrent with target", e.concurrent_with_target),
    f("activities", e.activities),
  ];
}
