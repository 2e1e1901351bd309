import { type EntryKind, type LexiconEntry, type LexiconFile, STATE_CATEGORIES } from "@tiegraph/core";

const KINDS: ReadonlySet<string> = new Set<EntryKind>(["target", "state_body", "activity", "trap"]);
const CATEGORIES: ReadonlySet<string> = new Set(STATE_CATEGORIES);
/** The kind every entry of a known part must have. */
const PART_KIND: Readonly<Record<string, EntryKind>> = {
  targets: "target",
  "state-bodies": "state_body",
  activities: "activity",
  traps: "trap",
};
const ID = /^[a-z0-9_]+(?:\.[a-z0-9_]+)*$/;

/**
 * The key under which two literals count as the same name: lower case, trimmed. Width is kept apart on
 * purpose: the matcher derives full-width forms of Latin letters and digits but not of Chinese
 * punctuation, so 华为数字技术(苏州) and 华为数字技术（苏州） are both listed.
 */
const literalKey = (s: string): string => s.toLowerCase().trim();

function checkLiterals(where: string, field: string, list: unknown, problems: string[]): string[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    problems.push(`${where}: ${field} is not a list`);
    return [];
  }
  const ok: string[] = [];
  const seen = new Set<string>();
  for (const item of list) {
    if (typeof item !== "string" || item.trim() === "") {
      problems.push(`${where}: ${field} has an empty or blank literal`);
      continue;
    }
    if (item !== item.trim()) problems.push(`${where}: ${field} literal "${item}" has surrounding spaces`);
    const key = literalKey(item);
    if (seen.has(key)) problems.push(`${where}: ${field} lists "${item}" twice`);
    seen.add(key);
    ok.push(item);
  }
  return ok;
}

function checkPattern(where: string, entry: LexiconEntry, problems: string[]): boolean {
  const pattern = entry.pattern;
  if (pattern === undefined) return false;
  const triggers = checkLiterals(where, "pattern.trigger", pattern.trigger, problems);
  if (triggers.length === 0) problems.push(`${where}: pattern has no trigger`);
  if (typeof pattern.regex !== "string" || pattern.regex === "") {
    problems.push(`${where}: pattern has no regex`);
    return triggers.length > 0;
  }
  try {
    const re = new RegExp(pattern.regex, "u");
    if (re.test("")) problems.push(`${where}: regex matches the empty string`);
  } catch (err) {
    problems.push(`${where}: regex does not compile: ${(err as Error).message}`);
  }
  return triggers.length > 0;
}

/**
 * Checks lexicon files for the mistakes that would make the screen wrong or fail: duplicate ids, entries
 * without a source, unknown kinds or categories, target entries without a group, regexes that do not
 * compile (or match nothing at all), parents that do not exist or form a cycle, blank literals, entries
 * with nothing to match, and one literal claimed by two entries (the matcher could not tell them apart,
 * and a trap equal to a name would silence it). Pure; returns one line per problem, empty when all is well.
 *
 * @example
 * validateLexicon(loadLexicon().files); // []
 */
export function validateLexicon(files: readonly LexiconFile[]): string[] {
  const problems: string[] = [];
  const ids = new Map<string, string>();
  const entries: [string, LexiconEntry][] = [];

  for (const file of files) {
    const part = typeof file.part === "string" && file.part.trim() !== "" ? file.part : "(unnamed part)";
    if (part === "(unnamed part)") problems.push("a file has no part name");
    if (typeof file.version !== "string" || file.version.trim() === "") problems.push(`${part}: no version`);
    if (!Array.isArray(file.entries)) {
      problems.push(`${part}: entries is not a list`);
      continue;
    }
    for (const entry of file.entries) {
      const id = typeof entry.id === "string" ? entry.id : "";
      const where = `${part}: ${id || "(no id)"}`;
      if (!ID.test(id)) problems.push(`${where}: id must be dotted lower-case words`);
      else if (ids.has(id)) problems.push(`${where}: duplicate id (also in ${ids.get(id)})`);
      else ids.set(id, part);
      entries.push([where, entry]);
    }
  }

  const literalOwner = new Map<string, string>();
  const claim = (literal: string, id: string, where: string): void => {
    const key = literalKey(literal);
    const owner = literalOwner.get(key);
    if (owner === undefined) literalOwner.set(key, id);
    else if (owner !== id) problems.push(`${where}: "${literal}" is also a name of ${owner}`);
  };

  for (const [where, entry] of entries) {
    const part = where.slice(0, where.indexOf(":"));
    if (!KINDS.has(entry.kind)) problems.push(`${where}: unknown kind "${String(entry.kind)}"`);
    const expected = PART_KIND[part];
    if (expected !== undefined && entry.kind !== expected) {
      problems.push(`${where}: kind "${entry.kind}" does not belong in ${part}`);
    }
    if (entry.kind === "state_body") {
      if (entry.category === undefined || !CATEGORIES.has(entry.category)) {
        problems.push(`${where}: unknown category "${String(entry.category)}"`);
      }
    } else if (entry.category !== undefined) {
      problems.push(`${where}: only state bodies have a category`);
    }
    if (entry.kind === "target") {
      if (typeof entry.target !== "string" || !ID.test(entry.target)) {
        problems.push(`${where}: target entry without a group`);
      }
    } else if (entry.target !== undefined) {
      problems.push(`${where}: only target entries have a group`);
    }
    if (typeof entry.name !== "string" || entry.name.trim() === "") problems.push(`${where}: no name`);
    if (typeof entry.source !== "string" || entry.source.trim() === "") problems.push(`${where}: no source`);

    const aliases = checkLiterals(where, "aliases", entry.aliases, problems);
    if (entry.aliases === undefined) problems.push(`${where}: aliases missing`);
    const exact = checkLiterals(where, "exact_case", entry.exact_case, problems);
    const hasPattern = checkPattern(where, entry, problems);
    if (aliases.length === 0 && exact.length === 0 && !hasPattern) {
      problems.push(`${where}: nothing to match (no aliases, exact_case or pattern)`);
    }
    const names = new Set([...aliases, ...exact]);
    if (typeof entry.name_zh === "string") {
      if (entry.name_zh.trim() === "") problems.push(`${where}: name_zh is blank`);
      else names.add(entry.name_zh);
    }
    for (const literal of names) claim(literal, entry.id, where);

    if (entry.parent !== undefined) {
      if (entry.parent === entry.id) problems.push(`${where}: is its own parent`);
      else if (!ids.has(entry.parent)) problems.push(`${where}: parent "${entry.parent}" does not exist`);
    }
  }

  // Parent chains must end.
  const parentOf = new Map(entries.map(([, e]) => [e.id, e.parent]));
  for (const [where, entry] of entries) {
    const seen = new Set<string>([entry.id]);
    for (let p = entry.parent; p !== undefined; p = parentOf.get(p)) {
      if (seen.has(p)) {
        problems.push(`${where}: parent chain loops through ${p}`);
        break;
      }
      seen.add(p);
    }
  }
  return problems;
}
