import { type LexiconEntry, type LexiconFile, traditionalForms } from "@tiegraph/core";
import activities from "./data/activities.json" with { type: "json" };
import stateBodies from "./data/state-bodies.json" with { type: "json" };
import targets from "./data/targets.json" with { type: "json" };
import table from "./data/traditional.json" with { type: "json" };
import traps from "./data/traps.json" with { type: "json" };

const HAN = /\p{Script=Han}/u;
const known = table as Record<string, string[]>;

/** Every literal of the shipped lexicon that has traditional forms to derive. */
function literals(entries: readonly LexiconEntry[]): string[] {
  const out = new Set<string>();
  for (const e of entries) {
    for (const a of [...e.aliases, ...(e.exact_case ?? []), ...(e.pattern?.trigger ?? [])])
      if (HAN.test(a)) out.add(a);
    if (e.name_zh) out.add(e.name_zh);
  }
  return [...out].sort();
}

/**
 * The table in `data/traditional.json`, computed afresh: every Chinese literal → its traditional forms
 * (empty where they are the same).
 */
export function traditionalTable(): Record<string, string[]> {
  const files = [targets, stateBodies, activities, traps] as unknown as LexiconFile[];
  const out: Record<string, string[]> = {};
  for (const lit of literals(files.flatMap((f) => f.entries))) {
    out[lit] = traditionalForms(lit);
  }
  return out;
}

/**
 * Traditional forms of a literal: from the precomputed table for the shipped lexicon's literals,
 * converted on the spot for anything else.
 *
 * @example traditionalOf("华为") // ["華為"]
 */
export function traditionalOf(s: string): string[] {
  if (!HAN.test(s)) return [];
  return known[s] ?? traditionalForms(s);
}
