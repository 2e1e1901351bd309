/**
 * Lexicon entries as they are stored in the data files of `@tiegraph/lexicons`. One entry is one
 * organisation (or one activity, or one trap) with every name it goes by and the source that says so.
 */
export const STATE_CATEGORIES = [
  "military",
  "intelligence",
  "public_security",
  "defence_industry",
  "defence_education",
  "defence_education_seven_sons",
] as const;
export type StateCategory = (typeof STATE_CATEGORIES)[number];

/** Categories whose employment or service counts as national-security experience. */
export const NATIONAL_SECURITY_CATEGORIES: ReadonlySet<StateCategory> = new Set([
  "military",
  "intelligence",
  "public_security",
]);

export type EntryKind = "target" | "state_body" | "activity" | "trap";

/**
 * A pattern entry matches more than literal names: `trigger` literals are searched for, and `regex`
 * (JavaScript syntax, `u` flag) must then match the text around the trigger. Used for unit cover
 * designators (`61398部队`, `Unit 61398`) and for bodies named by place (`深圳市公安局南山分局`).
 */
export interface LexiconPattern {
  trigger: string[];
  regex: string;
}

export interface LexiconEntry {
  /** Stable id, dotted by kind: `target.huawei.hisilicon`, `mil.pla`, `int.mss`, `ps.mps`. */
  id: string;
  kind: EntryKind;
  /** For `state_body`: the category. */
  category?: StateCategory;
  /** For `target`: the group it belongs to (`huawei`, `zte`); `--target` selects a group. */
  target?: string;
  /** Display name in English. */
  name: string;
  /** Display name in Chinese, where there is one. */
  name_zh?: string;
  /** Every literal the entry goes by, in any script; traditional and full-width forms are derived. */
  aliases: string[];
  /** Literals matched with exact letter case and only as whole words (short acronyms: PLA, MSS). */
  exact_case?: string[];
  pattern?: LexiconPattern;
  /** Id of the parent entry (an affiliate's group company, a bureau's ministry). */
  parent?: string;
  /** Where the entry comes from: a data set under ../shared/data, a public document, or public knowledge. */
  source: string;
  note?: string;
}

export interface LexiconFile {
  /** Name of this file's part of the lexicon (`targets`, `state-bodies`, `activities`, `traps`). */
  part: string;
  version: string;
  description: string;
  entries: LexiconEntry[];
}
