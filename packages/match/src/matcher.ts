import type { LexiconEntry } from "@tiegraph/core";
import { countryCode } from "./countries.js";
import { type FtmEntity, type ListEntry, toFtm } from "./model.js";
import { type NameForm, type NameKind, nameForms, placesCompatible } from "./normalize.js";
import { hanSimilarity, jaroWinkler, ngrams, weightedTokenSimilarity } from "./similarity.js";

/**
 * The name matcher: an index over the names of list entries, and `match`, shaped like yente's `/match`.
 */

/** Score multipliers and defaults; documented in the README with what each one stands for. */
export const WEIGHTS = {
  token: 0.6,
  char: 0.4,
  hanChar: 0.75,
  hanPinyin: 0.25,
  /** A Han name compared with a Latin one through its pinyin and glossary reading. */
  transliterated: 0.95,
  legalFormDropped: 0.98,
  placeDropped: 0.95,
  placeMismatch: 0.8,
  qualifierDropped: 0.9,
  /** A place or generic word read through its misspelling on one side. */
  misspelt: 0.95,
  countryMismatch: 0.9,
  lexiconAlias: 0.95,
  /** Per level of a parent link, for an affiliate found through its parent. */
  affiliate: 0.9,
} as const;

export const DEFAULT_THRESHOLD = 0.7;
export const DEFAULT_LIMIT = 10;
/** Candidates scored fully per query name (after the inverted index has ranked them). */
const CANDIDATES = 10;
const MAX_DEPTH = 3;

interface IndexedForm {
  form: NameForm;
  entry: number;
  alias: boolean;
}

/** Forms that read the same (same tokens, same Han core) share one name comparison. */
interface NameGroup {
  rep: NameForm;
  /** `rep` prepared for comparison once the token weights are known. */
  prep?: Prepared;
  weight: number;
  forms: number[];
}

export interface ChildLink {
  child: number;
  /** Where the link comes from: the list itself, or the lexicon's parent of a matching entry. */
  link: "list" | "lexicon";
}

export interface MatchIndex {
  entries: ListEntry[];
  byId: Map<string, number>;
  forms: IndexedForm[];
  groups: NameGroup[];
  /** Groups by their joined core (and `h:` + Han core): names that read the same as a query. */
  byCore: Map<string, number[]>;
  /** Other keys (Han pairs, trigrams with other characters) → weight and the groups that have them. */
  keys: Map<string, { w: number; p: Int32Array }>;
  /** Keys that are trigrams of `a`–`z`, `0`–`9` and space, by {@link trigramCode} (not in `keys`). */
  trigrams: ({ w: number; p: Int32Array } | undefined)[];
  /** The weights of `trigrams` (0 where there is no such key), compact for the first pass. */
  trigramWeight: Float32Array;
  tokenWeight: Map<string, number>;
  children: Map<number, ChildLink[]>;
  /** Lexicon names by lookup key → the lexicon entries that carry them. */
  lexicon: Map<string, LexiconEntry[]>;
  /** Per lexicon entry id: its names read as a query reads them, read once when the index is built. */
  lexiconQueries: Map<string, LexiconQuery[]>;
  /** Keys weighing less than this (the commonest trigrams) are not used to find candidates. */
  stopWeight: number;
  unknownKeyWeight: number;
  /** Per group, side by side: the weight accumulated for the current query, and the group's summed key weight. */
  accWeight: Float32Array;
  touched: Int32Array;
}

export interface IndexOptions {
  /** Lexicon entries whose aliases count as names (海思 = HiSilicon) and whose parent links count. */
  lexicon?: readonly LexiconEntry[];
}

const kindOf = (schema: string | undefined): NameKind => (schema === "Person" ? "person" : "org");

const groupKey = (f: NameForm) => `${f.kind}|${f.tokens.join(" ")}|${f.han}`;

function keysOf(f: NameForm): string[] {
  const keys = new Set<string>();
  for (const g of ngrams(f.joined, 3)) keys.add(g);
  for (const alt of f.alts) for (const g of ngrams(alt.join(""), 3)) keys.add(g);
  if (f.han) {
    const c = [...f.han];
    if (c.length === 1) keys.add(c[0] as string);
    for (let i = 0; i + 1 < c.length; i++) keys.add((c[i] as string) + c[i + 1]);
  }
  return [...keys];
}

const ALPHABET = 37;

function letterCode(c: number): number {
  if (c >= 97 && c <= 122) return c - 96;
  if (c >= 48 && c <= 57) return c - 21;
  return c === 32 ? 0 : -1;
}

/** A dense code for a trigram of `a`–`z`, `0`–`9` and space, or -1 for any other key. */
function trigramCode(k: string): number {
  if (k.length !== 3) return -1;
  const a = letterCode(k.charCodeAt(0));
  const b = letterCode(k.charCodeAt(1));
  const c = letterCode(k.charCodeAt(2));
  return a < 0 || b < 0 || c < 0 ? -1 : (a * ALPHABET + b) * ALPHABET + c;
}

/** Lookup key of a name in the lexicon map: the Han core (or the Latin core) and the places. */
function lexiconKey(f: NameForm): string {
  const core = f.han ? `h:${f.han}` : f.joined;
  return f.places.length ? `${core}|${[...f.places].sort().join(",")}` : core;
}

/**
 * Builds the index: every name and alias of every entry in its folded forms, an inverted index of
 * character trigrams (and Han character pairs) over them, token weights (rarer tokens weigh more), and
 * parent → child links from the lists and, with `lexicon`, from the lexicon's parents.
 *
 * @example
 * const index = buildIndex(parseCsl(text).entries, { lexicon: loadLexicon().entries });
 */
export function buildIndex(entries: ListEntry[], opts: IndexOptions = {}): MatchIndex {
  const forms: IndexedForm[] = [];
  const groups: NameGroup[] = [];
  const groupOf = new Map<string, number>();
  const byId = new Map<string, number>();
  entries.forEach((e, i) => {
    byId.set(e.id, i);
  });
  entries.forEach((e, ei) => {
    const kind = kindOf(e.schema);
    const seen = new Set<string>();
    const add = (name: string, alias: boolean) => {
      for (const form of nameForms(name, kind)) {
        const sig = `${form.folded}|${form.qualified}`;
        if (seen.has(sig)) continue;
        seen.add(sig);
        const gk = groupKey(form);
        let g = groupOf.get(gk);
        if (g === undefined) {
          g = groups.length;
          groupOf.set(gk, g);
          groups.push({ rep: form, weight: 0, forms: [] });
        }
        (groups[g] as NameGroup).forms.push(forms.length);
        forms.push({ form, entry: ei, alias });
      }
    };
    for (const n of e.names) add(n, false);
    for (const n of e.aliases) add(n, true);
  });
  const tokenDf = new Map<string, number>();
  // posting lists: trigrams of a-z, 0-9 and space by their dense code, other keys by name
  const denseLists: (number[] | undefined)[] = new Array(ALPHABET ** 3).fill(undefined);
  const postingLists = new Map<string, number[]>();
  const groupCodes: Int32Array[] = [];
  const groupOthers: string[][] = [];
  groups.forEach((g, gi) => {
    for (const t of new Set(g.rep.tokens)) tokenDf.set(t, (tokenDf.get(t) ?? 0) + g.forms.length);
    const codes: number[] = [];
    const others: string[] = [];
    for (const k of keysOf(g.rep)) {
      const code = trigramCode(k);
      if (code >= 0) {
        codes.push(code);
        const l = denseLists[code];
        if (l) l.push(gi);
        else denseLists[code] = [gi];
      } else {
        others.push(k);
        const l = postingLists.get(k);
        if (l) l.push(gi);
        else postingLists.set(k, [gi]);
      }
    }
    groupCodes.push(Int32Array.from(codes));
    groupOthers.push(others);
  });
  const byCore = new Map<string, number[]>();
  groups.forEach((g, gi) => {
    for (const k of [g.rep.joined, ...(g.rep.han ? [`h:${g.rep.han}`] : [])]) {
      const l = byCore.get(k);
      if (l) l.push(gi);
      else byCore.set(k, [gi]);
    }
  });
  const n = Math.max(groups.length, 1);
  const keyOf = (l: number[]) => ({ w: Math.log(1 + n / l.length), p: Int32Array.from(l) });
  const keyMap = new Map<string, { w: number; p: Int32Array }>();
  for (const [k, l] of postingLists) keyMap.set(k, keyOf(l));
  const trigrams = denseLists.map((l) => (l ? keyOf(l) : undefined));
  // the commonest keys (each in more than 1 in 60 names, and in more than 50) find nothing a rarer key would not
  const stopWeight = Math.log(1 + n / Math.max(n / 60, 50));
  groups.forEach((g, gi) => {
    let w = 0;
    for (const code of groupCodes[gi] as Int32Array) {
      const kw = (trigrams[code] as { w: number }).w;
      if (kw >= stopWeight) w += kw;
    }
    for (const k of groupOthers[gi] as string[]) {
      const kw = keyMap.get(k)?.w ?? 0;
      if (kw >= stopWeight) w += kw;
    }
    g.weight = w;
  });
  const nf = Math.max(forms.length, 1);
  const tokenWeight = new Map<string, number>();
  for (const [t, df] of tokenDf) tokenWeight.set(t, Math.log(1 + nf / df));
  const unknownToken = Math.log(1 + nf);
  const tw = (t: string) => tokenWeight.get(t) ?? unknownToken;
  for (const g of groups) g.prep = prepare(g.rep, tw);

  const children = new Map<number, ChildLink[]>();
  const addChild = (parent: number, child: number, link: ChildLink["link"]) => {
    if (parent === child) return;
    const l = children.get(parent);
    if (!l) children.set(parent, [{ child, link }]);
    else if (!l.some((c) => c.child === child)) l.push({ child, link });
  };
  entries.forEach((e, ei) => {
    for (const p of e.parents) {
      const pi = byId.get(p);
      if (pi !== undefined) addChild(pi, ei, "list");
    }
  });

  const index: MatchIndex = {
    entries,
    byId,
    forms,
    groups,
    byCore,
    keys: keyMap,
    trigrams,
    trigramWeight: Float32Array.from(trigrams, (t) => t?.w ?? 0),
    tokenWeight,
    children,
    lexicon: new Map(),
    lexiconQueries: new Map(),
    stopWeight,
    unknownKeyWeight: Math.log(1 + n),
    accWeight: Float32Array.from(groups.flatMap((g) => [0, g.weight])),
    touched: new Int32Array(groups.length),
  };
  if (opts.lexicon) linkLexicon(index, opts.lexicon, addChild);
  return index;
}

/**
 * A lexicon name read as a query name: its form prepared for comparison, and, found the first time
 * a query is widened with it, the groups it is compared with and how alike each one reads.
 */
export interface LexiconQuery {
  form: NameForm;
  prep: Prepared;
  found?: { groups: number[]; base: { sim: number; features: Features }[] };
}

const LEXICON_KINDS = new Set(["target", "state_body"]);

function lexiconNames(e: LexiconEntry): string[] {
  return [...new Set([e.name, ...(e.name_zh ? [e.name_zh] : []), ...e.aliases])];
}

/** Lexicon names into the lookup map, and lexicon parents into parent → child links between entries. */
function linkLexicon(
  index: MatchIndex,
  lexicon: readonly LexiconEntry[],
  addChild: (p: number, c: number, link: ChildLink["link"]) => void,
): void {
  const usable = lexicon.filter((e) => LEXICON_KINDS.has(e.kind));
  const tw = (t: string) => index.tokenWeight.get(t) ?? Math.log(1 + index.forms.length);
  for (const e of usable) {
    const queries: LexiconQuery[] = [];
    for (const name of lexiconNames(e))
      for (const form of nameForms(name, "org", false)) queries.push({ form, prep: prepare(form, tw, true) });
    for (const lq of queries) lexiconFound(index, lq);
    index.lexiconQueries.set(e.id, queries);
    for (const name of lexiconNames(e)) {
      for (const f of nameForms(name, "org")) {
        if (f.qualified) continue;
        const k = lexiconKey(f);
        const l = index.lexicon.get(k);
        if (!l) index.lexicon.set(k, [e]);
        else if (!l.includes(e)) l.push(e);
      }
    }
  }
  const withParent = usable.filter((e) => e.parent);
  if (withParent.length === 0) return;
  const byCore = index.byCore;
  const lexById = new Map(usable.map((e) => [e.id, e]));
  const resolved = new Map<string, number[]>();
  const resolve = (e: LexiconEntry): number[] => {
    let r = resolved.get(e.id);
    if (r) return r;
    r = [];
    for (const name of lexiconNames(e)) {
      // only names that read the same as the lexicon's (same core): a lexicon name is written cleanly
      let top = 0.93;
      let found: number[] = [];
      for (const f of nameForms(name, "org", false)) {
        for (const gi of new Set([
          ...(byCore.get(f.joined) ?? []),
          ...(f.han ? (byCore.get(`h:${f.han}`) ?? []) : []),
        ])) {
          const g = index.groups[gi] as NameGroup;
          const { sim } = nameSimilarity(prepare(f, tw, true), g.prep as Prepared);
          for (const fi of g.forms) {
            const form = index.forms[fi] as IndexedForm;
            if (kindOf((index.entries[form.entry] as ListEntry).schema) !== "org") continue;
            const flags = differences(f, form.form);
            const factor = factorOf(flags);
            const score = flags & EXACT ? 1 : sim * factor;
            if (score > top + 1e-9) {
              top = score;
              found = [form.entry];
            } else if (score >= top - 1e-9 && !found.includes(form.entry)) found.push(form.entry);
          }
        }
      }
      for (const x of found) if (!r.includes(x)) r.push(x);
    }
    resolved.set(e.id, r);
    return r;
  };
  for (const e of withParent) {
    const parent = lexById.get(e.parent as string);
    if (!parent) continue;
    const kids = resolve(e);
    if (kids.length === 0) continue;
    for (const p of resolve(parent)) for (const c of kids) addChild(p, c, "lexicon");
  }
}

// ---------------------------------------------------------------------------------------------------

export type Features = Record<string, number>;

interface Scored {
  entry: number;
  score: number;
  /** What the features are made of, put together only for the results returned ({@link featuresOfScored}). */
  flags: number;
  base: Features;
  extra: number;
  affiliateOf?: number;
  name: string;
  query: string;
}

const ALIAS = 1;
const LEXICON = 2;
const COUNTRY_OK = 4;
const COUNTRY_MISMATCH = 8;

/** The features of a scored entry. */
function featuresOfScored(s: Scored): Features {
  const f = featuresOf(s.flags, s.base);
  if (s.extra & ALIAS) f.alias = 1;
  if (s.extra & LEXICON) f.lexicon_alias = 1;
  if (s.extra & COUNTRY_OK) f.country = 1;
  if (s.extra & COUNTRY_MISMATCH) f.country_mismatch = 1;
  if (s.affiliateOf !== undefined) f.affiliate_of = round(s.affiliateOf);
  return f;
}

/**
 * A name form made ready for comparison: its token lists (the reading, then the alternative readings of
 * polyphonic characters) with their weights, and the character trigrams of each joined list.
 */
export interface Prepared {
  form: NameForm;
  lists: string[][];
  weights: number[][];
  grams: string[][];
  /** The trigrams of `grams` as sets, for the query side. */
  sets: Set<string>[];
}

/** Prepares a form for {@link nameSimilarity}; `sets` only for a query. */
export function prepare(form: NameForm, tokenWeight: (t: string) => number, sets = false): Prepared {
  const lists = [form.tokens, ...form.alts];
  const grams = lists.map((l, i) => (i === 0 ? ngrams(form.joined, 3) : ngrams(l.join(""), 3)));
  return {
    form,
    lists,
    weights: lists.map((l) => l.map(tokenWeight)),
    grams,
    sets: sets ? grams.map((g) => new Set(g)) : [],
  };
}

function diceSet(a: Set<string>, b: readonly string[]): number {
  let common = 0;
  for (const g of b) if (a.has(g)) common++;
  return (2 * common) / (a.size + b.length);
}

/**
 * How alike two names read, before their differences in legal form, place and qualifier are counted:
 * Han against Han by characters and pinyin, anything else by tokens and character trigrams (a Han
 * name through its pinyin and glossary reading, scaled by {@link WEIGHTS.transliterated}). `q` must be
 * prepared with sets. A pair that cannot reach `floor` is left as soon as that is sure, with a `sim`
 * below `floor` that bounds the full one and no features.
 */
export function nameSimilarity(q: Prepared, c: Prepared, floor = 0): { sim: number; features: Features } {
  const features: Features = {};
  const qf = q.form;
  const cf = c.form;
  let sim: number;
  if (qf.han && cf.han) {
    const ch = hanSimilarity(qf.han, cf.han);
    if (qf.han !== cf.han) {
      const bound = WEIGHTS.hanChar * ch + WEIGHTS.hanPinyin;
      if (bound < floor - BOUND_MARGIN) return { sim: bound, features };
    }
    let py = 0;
    for (const a of qf.hanPinyin)
      for (const b of cf.hanPinyin) py = Math.max(py, a === b ? 1 : jaroWinkler(a, b));
    sim = qf.han === cf.han ? 1 : WEIGHTS.hanChar * ch + WEIGHTS.hanPinyin * py;
    features.name_char = round(ch);
    features.pinyin = round(py);
    return { sim, features };
  }
  let tok = 0;
  let chr = 0;
  if (qf.joined === cf.joined) {
    tok = 1;
    chr = 1;
  } else {
    const q0 = q.sets[0] as Set<string>;
    chr = diceSet(q0, c.grams[0] as string[]);
    for (let i = 1; i < q.sets.length; i++)
      chr = Math.max(chr, diceSet(q.sets[i] as Set<string>, c.grams[0] as string[]));
    for (let j = 1; j < c.grams.length; j++) chr = Math.max(chr, diceSet(q0, c.grams[j] as string[]));
    if (floor > 0) {
      // the tokens counted as if they all agreed: a pair that cannot reach the floor so is done
      let bound = WEIGHTS.token + WEIGHTS.char * chr;
      if (chr < 1 && sameTokens(q, c)) bound = Math.max(bound, 0.97);
      if (qf.han || cf.han) bound *= WEIGHTS.transliterated;
      if (bound < floor - BOUND_MARGIN) return { sim: bound, features };
    }
    outer: for (let i = 0; i < q.lists.length; i++) {
      for (let j = 0; j < c.lists.length; j++) {
        const t = weightedTokenSimilarity(
          q.lists[i] as string[],
          q.weights[i] as number[],
          c.lists[j] as string[],
          c.weights[j] as number[],
        );
        if (t > tok) tok = t;
        if (tok === 1) break outer;
      }
    }
  }
  sim = tok === 1 && chr === 1 ? 1 : WEIGHTS.token * tok + WEIGHTS.char * chr;
  // the same words in another order or spacing
  if (tok === 1 && chr < 1) sim = Math.max(sim, 0.97);
  features.name_token = round(tok);
  features.name_char = round(chr);
  if (qf.han || cf.han) {
    features.pinyin = round(sim);
    sim *= WEIGHTS.transliterated;
  }
  return { sim, features };
}

/** Bounds are compared with this much to spare, so that rounding never leaves out a pair that reaches the floor. */
const BOUND_MARGIN = 1e-9;

/** Whether some reading of `q` and some reading of `c` have the same tokens (token similarity 1). */
function sameTokens(q: Prepared, c: Prepared): boolean {
  for (const a of q.lists)
    for (const b of c.lists) if (a.every((t) => b.includes(t)) && b.every((t) => a.includes(t))) return true;
  return false;
}

const LEGAL = 1;
const PLACE_OK = 2;
const PLACE_MISMATCH = 4;
const PLACE_DROPPED = 8;
const QUALIFIER = 16;
const EXACT = 32;
const MISSPELT = 64;
/** An entry found only through its parent: no name features. */
const AFFILIATE_ONLY = 128;

/** The differences between two name forms as bit flags. */
function differences(q: NameForm, c: NameForm): number {
  if (q.folded === c.folded && !c.qualified && !q.qualified) return EXACT;
  let flags = 0;
  if (q.legal !== c.legal) flags |= LEGAL;
  if (q.places.length && c.places.length) {
    flags |= q.places.some((a) => c.places.some((b) => placesCompatible(a, b))) ? PLACE_OK : PLACE_MISMATCH;
  } else if (q.places.length || c.places.length) flags |= PLACE_DROPPED;
  if (c.qualified || q.qualified) flags |= QUALIFIER;
  if (q.misspelt !== c.misspelt) flags |= MISSPELT;
  return flags;
}

/** The factor a similarity is scaled by for the differences in `flags`. */
function factorOf(flags: number): number {
  let f = 1;
  if (flags & LEGAL) f *= WEIGHTS.legalFormDropped;
  if (flags & PLACE_MISMATCH) f *= WEIGHTS.placeMismatch;
  if (flags & PLACE_DROPPED) f *= WEIGHTS.placeDropped;
  if (flags & QUALIFIER) f *= WEIGHTS.qualifierDropped;
  if (flags & MISSPELT) f *= WEIGHTS.misspelt;
  return f;
}

function featuresOf(flags: number, base: Features): Features {
  if (flags & AFFILIATE_ONLY) return {};
  if (flags & EXACT) return { name_exact: 1 };
  const f: Features = { ...base };
  if (flags & LEGAL) f.legal_form_dropped = 1;
  if (flags & PLACE_OK) f.place = 1;
  if (flags & PLACE_MISMATCH) f.place_mismatch = 1;
  if (flags & PLACE_DROPPED) f.place_dropped = 1;
  if (flags & QUALIFIER) f.qualifier_dropped = 1;
  if (flags & MISSPELT) f.misspelling = 1;
  return f;
}

/**
 * Scales a name similarity by the differences between the two names: a legal form on one side only, a
 * place on one side only or places that cannot be the same, a dropped trailing qualifier. Identical
 * folded names score 1.
 */
export function withDifferences(
  q: NameForm,
  c: NameForm,
  sim: number,
  base: Features,
): { score: number; features: Features } {
  const flags = differences(q, c);
  const factor = factorOf(flags);
  return { score: flags & EXACT ? 1 : Math.min(sim * factor, 0.999), features: featuresOf(flags, base) };
}

/**
 * The score of a query name form against an indexed name form, with the features that made it
 * ({@link nameSimilarity} scaled by {@link withDifferences}).
 *
 * @example scoreForms(nameForms("华为技术有限公司")[0], nameForms("Huawei Technologies Co., Ltd.")[0], () => 1).score // 0.95
 */
export function scoreForms(
  q: NameForm,
  c: NameForm,
  tokenWeight: (t: string) => number,
): { score: number; features: Features } {
  const { sim, features } = nameSimilarity(prepare(q, tokenWeight, true), prepare(c, tokenWeight));
  return withDifferences(q, c, sim, features);
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Trigram codes already read for the current query form are stamped with its number. */
const keyStamp = { n: 0, seen: new Int32Array(ALPHABET ** 3) };

function addCode(
  index: MatchIndex,
  code: number,
  stamp: number,
  keys: { w: number; p: Int32Array }[],
  state: { qAll: number },
): void {
  if (keyStamp.seen[code] === stamp) return;
  keyStamp.seen[code] = stamp;
  const w = index.trigramWeight[code] as number;
  if (w === 0) state.qAll += index.unknownKeyWeight;
  else if (w >= index.stopWeight) {
    keys.push(index.trigrams[code] as { w: number; p: Int32Array });
    state.qAll += w;
  }
}

/** Postings read per query form: the rarest keys first, until this many postings have been read. */
const POSTING_BUDGET = 500;
const MIN_KEYS = 4;
/** The search's limits when some names already read exactly as the query. */
const FAST_BUDGET = 200;
const FAST_CANDIDATES = 4;

/**
 * Name groups that share the most weighted keys with the query form, best first. Only the query's
 * rarest keys are read (at least {@link MIN_KEYS}, then up to {@link POSTING_BUDGET} postings): a name
 * that matches shares most of them, and common keys would only add names that do not.
 */
function candidates(index: MatchIndex, q: NameForm, budget = POSTING_BUDGET, max = CANDIDATES): number[] {
  const { accWeight: acc, touched } = index;
  const keys: { w: number; p: Int32Array }[] = [];
  const state = { qAll: 0 };
  if (keyStamp.n >= 0x3fffffff) {
    keyStamp.seen.fill(0);
    keyStamp.n = 0;
  }
  const stamp = ++keyStamp.n;
  const others = new Set<string>();
  const addOther = (k: string) => {
    if (others.has(k)) return;
    others.add(k);
    const key = index.keys.get(k);
    if (key === undefined) state.qAll += index.unknownKeyWeight;
    else if (key.w >= index.stopWeight) {
      keys.push(key);
      state.qAll += key.w;
    }
  };
  // the keys of keysOf, in its order, without building the strings of the trigrams
  const grams = (s: string) => {
    const len = s.length + 2;
    if (len <= 3) {
      const k = ` ${s} `;
      const code = trigramCode(k);
      if (code < 0) addOther(k);
      else addCode(index, code, stamp, keys, state);
      return;
    }
    let a = 0;
    let b = letterCode(s.charCodeAt(0));
    for (let i = 0; i + 3 <= len; i++) {
      const c = i + 2 === len - 1 ? 0 : letterCode(s.charCodeAt(i + 1));
      if (a < 0 || b < 0 || c < 0) addOther(` ${s} `.slice(i, i + 3));
      else addCode(index, (a * ALPHABET + b) * ALPHABET + c, stamp, keys, state);
      a = b;
      b = c;
    }
  };
  grams(q.joined);
  for (const alt of q.alts) grams(alt.join(""));
  if (q.han) {
    const c = [...q.han];
    if (c.length === 1) addOther(c[0] as string);
    for (let i = 0; i + 1 < c.length; i++) addOther((c[i] as string) + c[i + 1]);
  }
  const qAll = state.qAll;
  keys.sort((a, b) => b.w - a.w);
  let nTouched = 0;
  let qUsed = 0;
  let read = 0;
  for (let ki = 0; ki < keys.length; ki++) {
    const { w, p } = keys[ki] as { w: number; p: Int32Array };
    if (ki >= MIN_KEYS && read + p.length > budget) break;
    read += p.length;
    qUsed += w;
    for (let i = 0; i < p.length; i++) {
      const g = p[i] as number;
      const a = 2 * g;
      if (acc[a] === 0) touched[nTouched++] = g;
      acc[a] = (acc[a] as number) + w;
    }
  }
  // the group's weight scaled to the share of the query's keys that were read
  const scale = qAll > 0 ? qUsed / qAll : 1;
  const qWeight = qUsed;
  const best: number[] = [];
  const bestScore: number[] = [];
  let floor = 0.2;
  for (let i = 0; i < nTouched; i++) {
    const g = touched[i] as number;
    const a = 2 * g;
    const s = (2 * (acc[a] as number)) / (qWeight + (acc[a + 1] as number) * scale);
    acc[a] = 0;
    if (s < floor) continue;
    // insertion into a short sorted list
    let j = best.length;
    while (j > 0 && (bestScore[j - 1] as number) < s) j--;
    best.splice(j, 0, g);
    bestScore.splice(j, 0, s);
    if (best.length > max) {
      best.pop();
      bestScore.pop();
      floor = bestScore[bestScore.length - 1] as number;
    }
  }
  // groups far behind the best one would not score near it
  const top = bestScore[0] ?? 0;
  let n = best.length;
  while (n > 1 && (bestScore[n - 1] as number) < top * 0.6) n--;
  return n === best.length ? best : best.slice(0, n);
}

const SCHEMA_OK: Record<string, ReadonlySet<string> | undefined> = {
  Person: new Set(["Person", "LegalEntity"]),
  Company: new Set(["Company", "Organization", "LegalEntity"]),
  Organization: new Set(["Company", "Organization", "LegalEntity"]),
  Vessel: new Set(["Vessel"]),
  Airplane: new Set(["Airplane"]),
};

/** Does an entry of schema `entry` answer a query for `query` (`LegalEntity`, `Thing` or none: any)? */
export function schemaMatches(query: string | undefined, entry: string): boolean {
  const ok = query ? SCHEMA_OK[query] : undefined;
  return ok ? ok.has(entry) : true;
}

interface QueryForm {
  form: NameForm;
  name: string;
  lexicon?: string;
  /** For a lexicon name: its prepared form and what the index found for it, kept across queries. */
  lq?: LexiconQuery;
}

/** The groups to compare a query form with: those that read exactly as it, then the index's best. */
function groupsFor(index: MatchIndex, q: NameForm): number[] {
  const exact = index.byCore.get(q.joined);
  const exactHan = q.han ? index.byCore.get(`h:${q.han}`) : undefined;
  if (!exact && !exactHan) return candidates(index, q);
  const found = candidates(index, q, FAST_BUDGET, FAST_CANDIDATES);
  const out: number[] = [];
  for (const l of [exact, exactHan, found]) if (l) for (const g of l) if (!out.includes(g)) out.push(g);
  return out;
}

/** Whether a name of the group folds to `folded`. */
function hasName(index: MatchIndex, g: NameGroup, folded: string): boolean {
  for (const fi of g.forms) if ((index.forms[fi] as IndexedForm).form.folded === folded) return true;
  return false;
}

/** What the index finds for a lexicon name, compared once per index. */
function lexiconFound(index: MatchIndex, lq: LexiconQuery): NonNullable<LexiconQuery["found"]> {
  if (lq.found) return lq.found;
  const groups = groupsFor(index, lq.form);
  const base = groups.map((gi) => nameSimilarity(lq.prep, (index.groups[gi] as NameGroup).prep as Prepared));
  lq.found = { groups, base };
  return lq.found;
}

/** Scores names against the index: the best score per entry, at or above `floor`. */
function scoreNames(
  index: MatchIndex,
  names: readonly string[],
  kind: NameKind,
  countries: readonly string[],
  floor: number,
  expand: boolean,
  schema?: string,
): Scored[] {
  const qforms: QueryForm[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    for (const form of nameForms(name, kind, false)) {
      if (seen.has(form.folded)) continue;
      seen.add(form.folded);
      qforms.push({ form, name });
    }
  }
  if (expand && kind === "org" && index.lexicon.size) {
    for (const q of [...qforms]) {
      for (const le of index.lexicon.get(lexiconKey(q.form)) ?? []) {
        for (const lq of index.lexiconQueries.get(le.id) ?? []) {
          if (seen.has(lq.form.folded)) continue;
          seen.add(lq.form.folded);
          const form = q.form.legal && !lq.form.legal ? { ...lq.form, legal: true } : lq.form;
          qforms.push({ form, name: q.name, lexicon: le.id, lq });
        }
      }
    }
  }
  const best = new Map<number, Scored>();
  const weight = (t: string) => index.tokenWeight.get(t) ?? Math.log(1 + index.forms.length);
  if (qforms.length === 0) return [];
  for (const q of qforms) {
    let groups: number[];
    let sims: ({ sim: number; features: Features } | undefined)[];
    let qp: Prepared | undefined;
    if (q.lq) {
      // a lexicon name is compared once with its groups; later queries widened with it reuse that
      const found = lexiconFound(index, q.lq);
      groups = found.groups;
      sims = found.base;
    } else {
      qp = prepare(q.form, weight, true);
      groups = groupsFor(index, q.form);
      sims = [];
    }
    for (let k = 0; k < groups.length; k++) {
      const gi = groups[k] as number;
      const g = index.groups[gi] as NameGroup;
      let base = sims[k];
      for (const fi of g.forms) {
        const f = index.forms[fi] as IndexedForm;
        const entry = index.entries[f.entry] as ListEntry;
        if (!schemaMatches(schema, entry.schema)) continue;
        // a group with a name of the query's own is compared whole (identical names score 1)
        base ??= nameSimilarity(
          qp as Prepared,
          g.prep as Prepared,
          hasName(index, g, q.form.folded) ? 0 : floor,
        );
        // differences only lower a score: a group whose names read too differently is done, unless a
        // name of it is the query's own (identical names score 1)
        if (base.sim < floor && f.form.folded !== q.form.folded) continue;
        const flags = differences(q.form, f.form);
        const factor = factorOf(flags);
        let score = flags & EXACT ? 1 : Math.min(base.sim * factor, 0.999);
        if (q.lexicon) score *= WEIGHTS.lexiconAlias;
        let countryFlag = 0;
        if (countries.length && entry.countries.length) {
          if (entry.countries.some((c) => countries.includes(c))) countryFlag = 1;
          else {
            countryFlag = -1;
            score *= WEIGHTS.countryMismatch;
          }
        }
        if (score < floor) continue;
        const prev = best.get(f.entry);
        if (!prev || score > prev.score) {
          const extra =
            (f.alias ? ALIAS : 0) |
            (q.lexicon ? LEXICON : 0) |
            (countryFlag === 1 ? COUNTRY_OK : countryFlag === -1 ? COUNTRY_MISMATCH : 0);
          best.set(f.entry, {
            entry: f.entry,
            score,
            flags,
            base: base.features,
            extra,
            name: f.form.raw,
            query: q.name,
          });
        }
      }
    }
  }
  return [...best.values()];
}

// ---------------------------------------------------------------------------------------------------

/** A query in the shape of yente's `/match`: a schema and FtM properties. */
export interface MatchQuery {
  schema?: string;
  properties: { name?: string[] | string; alias?: string[] | string; country?: string[] | string };
}

export interface MatchOptions {
  /** Score at or above which a result is a `match` (default {@link DEFAULT_THRESHOLD}). */
  threshold?: number;
  /** Results returned (default {@link DEFAULT_LIMIT}). */
  limit?: number;
  /** Add the listed affiliates of matched entries (default true). */
  affiliates?: boolean;
  /** Lowest score returned at all (default: half the threshold). */
  cutoff?: number;
  /** Only entries of these datasets. */
  datasets?: readonly string[];
}

export interface MatchResult extends FtmEntity {
  caption: string;
  datasets: string[];
  score: number;
  match: boolean;
  /** What made the score: similarities in [0, 1] and flags (1) for each difference that lowered it. */
  features: Features;
  /** The entry's name that matched, and the query name it matched. */
  matched: { name: string; query: string };
  /** For an affiliate found through a parent link: the parent's id and where the link comes from. */
  via?: { parent: string; link: ChildLink["link"] };
}

const arr = (v: string[] | string | undefined): string[] =>
  v === undefined ? [] : (Array.isArray(v) ? v : [v]).filter((x) => typeof x === "string" && x.trim());

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

type Found = Scored & { via?: MatchResult["via"] };

/**
 * Adds the affiliates of entries matched at or above the threshold, following parent → child links
 * breadth first from the best match down, each level scaled by {@link WEIGHTS.affiliate}. An entry is
 * reached once, from the best-scored parent; at most `2 × limit + 20` affiliates are added.
 */
function addAffiliates(
  index: MatchIndex,
  scored: Scored[],
  byEntry: Map<number, Found>,
  threshold: number,
  limit: number,
): void {
  const direct = scored.filter((s) => s.score >= threshold).sort((a, b) => b.score - a.score);
  const visited = new Set(direct.map((d) => d.entry));
  let budget = 2 * limit + 20;
  for (const d of direct) {
    let level = [d.entry];
    let score = d.score;
    for (let depth = 0; depth < MAX_DEPTH && level.length && budget > 0; depth++) {
      const next: number[] = [];
      const childScore = score * WEIGHTS.affiliate;
      for (const parentIdx of level) {
        const parent = index.entries[parentIdx] as ListEntry;
        for (const link of index.children.get(parentIdx) ?? []) {
          if (visited.has(link.child)) continue;
          visited.add(link.child);
          next.push(link.child);
          const prev = byEntry.get(link.child);
          if (prev && prev.score >= childScore) continue;
          byEntry.set(link.child, {
            entry: link.child,
            score: childScore,
            flags: prev?.flags ?? AFFILIATE_ONLY,
            base: prev?.base ?? {},
            extra: prev?.extra ?? 0,
            affiliateOf: score,
            name: prev?.name ?? (index.entries[link.child] as ListEntry).caption,
            query: d.query,
            via: { parent: parent.id, link: link.link },
          });
          if (--budget <= 0) return;
        }
      }
      level = next;
      score = childScore;
    }
  }
}

/**
 * Screens one query against the index. Results are sorted by score (ties by caption); each says whether
 * it is a `match` (score ≥ threshold) and which features made its score. Entries whose parent matched
 * are added as affiliates, scored {@link WEIGHTS.affiliate} times their parent's score per link.
 *
 * @example
 * match(index, { schema: "Company", properties: { name: ["华为技术有限公司"] } }, { threshold: 0.7 })
 * // [{ caption: "Huawei Technologies Co., Ltd. (Huawei)", score: 0.95, match: true, features: { pinyin: 1, ... } }, ...]
 */
export function match(index: MatchIndex, query: MatchQuery, opts: MatchOptions = {}): MatchResult[] {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const limit = opts.limit ?? DEFAULT_LIMIT;
  const cutoff = opts.cutoff ?? threshold / 2;
  const names = [...arr(query.properties.name), ...arr(query.properties.alias)];
  if (names.length === 0) return [];
  const countries = arr(query.properties.country)
    .map(countryCode)
    .filter((c): c is string => !!c);
  const scored = scoreNames(index, names, kindOf(query.schema), countries, cutoff, true, query.schema);
  const byEntry = new Map<number, Found>();
  for (const s of scored) byEntry.set(s.entry, s);
  if (opts.affiliates !== false) addAffiliates(index, scored, byEntry, threshold, limit);
  const ranked = [...byEntry.values()]
    .filter((s) => {
      const e = index.entries[s.entry] as ListEntry;
      return (!opts.datasets || opts.datasets.includes(e.dataset)) && schemaMatches(query.schema, e.schema);
    })
    .map((s) => ({ s, score: round(s.score), e: index.entries[s.entry] as ListEntry }))
    .sort((a, b) => b.score - a.score || cmp(a.e.caption, b.e.caption) || cmp(a.e.id, b.e.id))
    .slice(0, limit);
  return ranked.map(({ s, score, e }) => {
    const r: MatchResult = {
      id: e.id,
      caption: e.caption,
      schema: e.schema,
      properties: toFtm(e).properties,
      datasets: [e.dataset],
      score,
      match: score >= threshold,
      features: featuresOfScored(s),
      matched: { name: s.name, query: s.query },
    };
    if (s.via) r.via = s.via;
    return r;
  });
}
