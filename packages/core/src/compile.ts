import type { LexiconEntry } from "./lexicon.js";
import { ByteMatcher, type PatternSpec } from "./matcher.js";
import { traditionalForms, variantsOf } from "./normalize.js";

/** What one pattern of the compiled matcher stands for. */
export interface PatternInfo {
  /** Index into {@link CompiledLexicon.entries}. */
  entry: number;
  /** `alias`: a name of the entry; `trigger`: a literal that calls the entry's regex; `trap`: a suppressor. */
  role: "alias" | "trigger" | "trap";
}

export interface CompiledLexicon {
  /** The target group screened for (`huawei`). */
  target: string;
  entries: LexiconEntry[];
  byId: ReadonlyMap<string, LexiconEntry>;
  /** Matches names, triggers and traps, in decoded text and in raw UTF-8 records alike. */
  matcher: ByteMatcher;
  info: PatternInfo[];
  /** Compiled `pattern.regex` per entry index (global, unicode). */
  regexes: ReadonlyMap<number, RegExp>;
  /** Every literal that can make a record a candidate, for outside comparison (ripgrep's `-f`). */
  literals: string[];
}

/** The `target` that keeps every target group (for reading documents about all watched companies). */
export const ALL_TARGETS = "*";

export interface CompileOptions {
  /** The target group (`huawei`); entries of other target groups are left out. `*` keeps them all. */
  target: string;
  /** Traditional forms of a simplified literal; by default converted on the spot. */
  traditional?: (s: string) => string[];
}

const HAN = /\p{Script=Han}/u;
/** Latin names up to this length are also matched in full-width letters (ＨＵＡＷＥＩ); longer ones are not written so. */
const FULL_WIDTH_MAX = 12;

/**
 * Compiles lexicon entries into one matcher: every alias in its simplified, traditional and (for short
 * Latin names) full-width forms, every pattern trigger, every trap. Short Latin aliases (four characters
 * or fewer) and `exact_case` literals match only as whole words.
 *
 * @example
 * const lex = compileLexicon(entries, { target: "huawei" });
 * lex.matcher.test(Buffer.from("曾任华为工程师")); // true
 */
export function compileLexicon(all: readonly LexiconEntry[], options: CompileOptions): CompiledLexicon {
  const everyTarget = options.target === ALL_TARGETS;
  const entries = all.filter((e) => e.kind !== "target" || everyTarget || e.target === options.target);
  if (!everyTarget && !all.some((e) => e.kind === "target" && e.target === options.target)) {
    const groups = [...new Set(all.filter((e) => e.kind === "target").map((e) => e.target))].join(", ");
    throw new Error(`No such target: ${options.target} (known: ${groups})`);
  }
  const traditional = options.traditional ?? traditionalForms;
  const specs: PatternSpec[] = [];
  const info: PatternInfo[] = [];
  const seen = new Map<string, number>();
  const literals = new Set<string>();

  const add = (text: string, spec: Omit<PatternSpec, "text">, pi: PatternInfo): void => {
    const key = `${pi.role}\u0000${pi.entry}\u0000${spec.exactCase ? 1 : 0}\u0000${text.replace(/[A-Z]+/g, (x) => x.toLowerCase())}`;
    if (text.trim() === "" || seen.has(key)) return;
    seen.set(key, specs.length);
    specs.push({ text, ...spec });
    info.push(pi);
    if (spec.trigger !== false) literals.add(text);
  };

  entries.forEach((entry, index) => {
    const role = entry.kind === "trap" ? "trap" : "alias";
    const trigger = entry.kind !== "trap";
    const exact = new Set(entry.exact_case ?? []);
    const names = [...entry.aliases, ...(entry.exact_case ?? [])];
    if (entry.name_zh) names.push(entry.name_zh);
    for (const alias of names) {
      const isExact = exact.has(alias);
      const shortLatin = !HAN.test(alias) && alias.trim().length <= 4;
      for (const form of isExact ? [alias] : variantsOf(alias, FULL_WIDTH_MAX, traditional)) {
        add(
          form,
          { exactCase: isExact, wordBoundary: isExact || shortLatin, trigger },
          { entry: index, role },
        );
      }
    }
    for (const t of entry.pattern?.trigger ?? []) {
      for (const form of variantsOf(t, FULL_WIDTH_MAX, traditional))
        add(form, { trigger: true }, { entry: index, role: "trigger" });
    }
  });

  const regexes = new Map<number, RegExp>();
  entries.forEach((e, i) => {
    if (e.pattern) regexes.set(i, new RegExp(e.pattern.regex, "gu"));
  });

  return {
    target: options.target,
    entries,
    byId: new Map(entries.map((e) => [e.id, e])),
    matcher: new ByteMatcher(specs),
    info,
    regexes,
    literals: [...literals],
  };
}
