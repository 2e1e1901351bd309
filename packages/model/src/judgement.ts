import { createHash } from "node:crypto";

/** A person's verdict on a candidate, statement or match. Machine scores are kept elsewhere. */
export const JUDGEMENTS = ["positive", "negative", "unsure"] as const;
export type JudgementValue = (typeof JUDGEMENTS)[number];

/**
 * A human judgement: who said what about which subject, when and why. Judgements are appended, never
 * overwritten; the latest for a subject stands.
 */
export interface Judgement {
  id: string;
  /** What is judged: `candidate`, `statement`, `match` … */
  kind: string;
  /** The id of what is judged. */
  subject: string;
  judgement: JudgementValue;
  by: string;
  at: string;
  why?: string;
}

export type JudgementInput = Omit<Judgement, "id" | "at"> & { at?: string };

/**
 * A judgement with its id (a hash of its content) and time; throws on an unknown verdict or an empty
 * subject or author.
 * @example makeJudgement({ kind: "candidate", subject: "c1", judgement: "positive", by: "ana", why: "p. 3" })
 */
export function makeJudgement(input: JudgementInput, now: string = new Date().toISOString()): Judgement {
  if (!(JUDGEMENTS as readonly string[]).includes(input.judgement)) {
    throw new Error(`Unknown judgement: ${input.judgement} (positive, negative or unsure)`);
  }
  if (!input.subject) throw new Error("A judgement needs a subject");
  if (!input.by) throw new Error("A judgement needs an author (by)");
  if (!input.kind) throw new Error("A judgement needs a kind");
  const at = input.at ?? now;
  const id = createHash("sha1")
    .update(JSON.stringify([input.kind, input.subject, input.judgement, input.by, at, input.why ?? null]))
    .digest("hex");
  return { ...input, id, at };
}
