import { createHash } from "node:crypto";
import type { LexiconEntry, LexiconFile } from "@tiegraph/core";
import activities from "./data/activities.json" with { type: "json" };
import stateBodies from "./data/state-bodies.json" with { type: "json" };
import targets from "./data/targets.json" with { type: "json" };
import traps from "./data/traps.json" with { type: "json" };

export { validateLexicon } from "./validate.js";

/** The shipped lexicon: every entry of every data file, with the version and hash that identify it. */
export interface Lexicon {
  /** The files' versions joined: `targets@1.0.0+state-bodies@1.0.0+activities@1.0.0+traps@1.0.0`. */
  version: string;
  /** SHA-256 (hex) of the files' canonical JSON; changes whenever any entry changes. */
  hash: string;
  entries: LexiconEntry[];
  files: LexiconFile[];
}

/** The data files in their fixed order. */
const FILES = [targets, stateBodies, activities, traps] as unknown as LexiconFile[];

/**
 * JSON with object keys sorted at every level and no whitespace, so that equal data gives equal text
 * whatever the key order or formatting of the file it came from.
 *
 * @example canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }) // '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * The identity of a set of lexicon files: their versions joined with `+`, and the SHA-256 of their
 * canonical JSON in the order given.
 *
 * @example lexiconIdentity(loadLexicon().files).hash.length // 64
 */
export function lexiconIdentity(files: readonly LexiconFile[]): { version: string; hash: string } {
  const version = files.map((f) => `${f.part}@${f.version}`).join("+");
  const hash = createHash("sha256").update(canonicalJson(files)).digest("hex");
  return { version, hash };
}

let cached: Lexicon | undefined;

/**
 * Loads the shipped lexicon: targets, state bodies, activities and traps. The result is computed once and
 * shared; treat it as read-only.
 *
 * @example
 * const lex = loadLexicon();
 * lex.entries.find((e) => e.id === "mil.unit.61398")?.aliases.includes("61398部队"); // true
 */
export function loadLexicon(): Lexicon {
  if (cached) return cached;
  const { version, hash } = lexiconIdentity(FILES);
  cached = { version, hash, entries: FILES.flatMap((f) => f.entries), files: FILES };
  return cached;
}

/**
 * The target groups a lexicon knows (`huawei`, `zte` ...), sorted; `--target` takes one of them.
 *
 * @example targetGroups(loadLexicon()).includes("huawei") // true
 */
export function targetGroups(lex: Pick<Lexicon, "entries">): string[] {
  const groups = new Set<string>();
  for (const e of lex.entries) if (e.kind === "target" && e.target) groups.add(e.target);
  return [...groups].sort();
}

export { findPlaces, type Gazetteer, type GazetteerSource, loadGazetteer } from "./places.js";
export { traditionalOf, traditionalTable } from "./traditional.js";
