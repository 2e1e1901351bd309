import type { StateCategory } from "./lexicon.js";

/**
 * One piece of evidence: where in the record a lexicon entry matched. `start`/`end` are offsets in
 * UTF-16 code units (JavaScript string indices) into the value of `field`.
 */
export interface Evidence {
  /** Field path in the canonical record: `work[2].company`, `education[0].school`, `text`. */
  field: string;
  /** The matched text exactly as it stands in the record. */
  text: string;
  start: number;
  end: number;
  /** Id of the lexicon entry that matched. */
  entry: string;
}

export type TargetStatus = "current" | "former";

export interface TargetFinding {
  status: TargetStatus | null;
  /** Lexicon entry id of the target group's entity that the employer resolved to. */
  entity: string | null;
  /** The employer as written in the record. */
  employer: string | null;
  evidence: Evidence[];
}

export type TieRole = "employment" | "education" | "concurrent";

export interface Tie {
  category: StateCategory;
  /** Lexicon entry id (`mil.pla`, `int.mss`, `mil.unit.61398`). */
  entity: string;
  /** The organisation as written. */
  org: string;
  role: TieRole;
  start: string | null;
  end: string | null;
  concurrent_with_target: boolean;
  evidence: Evidence;
}

export interface Activity {
  /** Lexicon entry id of the activity (`act.lawful_interception`). */
  activity: string;
  label: string;
  /** A state body named in the same passage as the client, where there is one. */
  client: string | null;
  evidence: Evidence;
}

export interface Hit {
  id: string;
  source: { file: string; line: number };
  target: TargetFinding;
  ties: Tie[];
  activities: Activity[];
  national_security: boolean;
  score: number;
  reasons: string[];
}
