import { ALL_TARGETS, type CompiledLexicon, compileLexicon } from "./compile.js";
import { findDateRanges, foldDateChars, MONTH_INDEX, MONTH_NAMES } from "./dates.js";
import type { LexiconEntry } from "./lexicon.js";
import { ByteMatcher, findAllInString, type PatternSpec } from "./matcher.js";
import { findMentions } from "./screen.js";

/**
 * Tagging documents: mentions of lexicon entities (watched companies and state bodies), of places from a
 * gazetteer (countries and China's divisions, with coordinates) and of dates, each with its span. Pure:
 * the gazetteer and the lexicon are handed in.
 */

export type PlaceKind = "country" | "province" | "prefecture" | "city" | "county";

/** One place of a gazetteer (`@tiegraph/lexicons`' `places.json`). */
export interface Place {
  /** `cn-650200` (China's divisions, by GB/T 2260 code) or the ISO 3166 alpha-2 code of a country (`om`). */
  id: string;
  kind: PlaceKind;
  /** Display name in English. */
  name: string;
  name_zh?: string;
  /** Every name matched in text: Chinese (simplified and traditional, full and short) and Latin. */
  names: string[];
  /** Id of the enclosing place (a prefecture's province, a province's country). */
  parent?: string;
  /** ISO 3166 alpha-2 code, lower case. */
  country: string;
  lat?: number;
  lon?: number;
}

export interface Tag {
  kind: "entity" | "place" | "date";
  /** UTF-16 offsets into the text; `end` is exclusive. */
  start: number;
  end: number;
  text: string;
  /** Lexicon entry id, place id, or for a date its value. */
  id: string;
  name: string;
  /** A state body's category (`public_security` …), `company` for a watched company, a place's kind. */
  category?: string;
  lat?: number;
  lon?: number;
  country?: string;
  /** For a date: `2019-05-16`, `2019-05` or `2019`. */
  value?: string;
  /** For an entity that names its place (北京市公安局, Xinjiang's Public Security Department): the place id. */
  place?: string;
}

export interface TaggerOptions {
  entries: readonly LexiconEntry[];
  places: readonly Place[];
  /** Traditional forms of a simplified lexicon literal (`traditionalOf` from `@tiegraph/lexicons`). */
  traditional?: (s: string) => string[];
}

export interface Tagger {
  lexicon: CompiledLexicon;
  places: readonly Place[];
  byId: ReadonlyMap<string, Place>;
  /** Matches place names; pattern `i` names `places[placeOf[i]]`. */
  matcher: ByteMatcher;
  placeOf: Int32Array;
  /** Names left out because they name two places of the same rank (Taizhou: 泰州 and 台州). */
  ambiguous: string[];
}

const HAN = /\p{Script=Han}/u;
const RANK: Record<PlaceKind, number> = { country: 0, province: 1, prefecture: 2, city: 3, county: 4 };

/**
 * Compiles the lexicon (every target group) and a second automaton over the gazetteer's names. Chinese
 * names match anywhere; Latin names only with the case as written (or all in capitals) and as whole words
 * (no Oman in woman, no Niger in Nigeria). A name shared by places of different rank goes to the larger
 * (喀什 the prefecture, not the city); one shared by two places of the same rank is left out.
 *
 * @example
 * const tagger = compileTagger({ entries: loadLexicon().entries, places: loadGazetteer().places,
 *   traditional: traditionalOf });
 */
export function compileTagger(options: TaggerOptions): Tagger {
  const lexicon = compileLexicon(options.entries, {
    target: ALL_TARGETS,
    ...(options.traditional ? { traditional: options.traditional } : {}),
  });
  const owner = new Map<string, number>();
  const tied = new Set<string>();
  options.places.forEach((p, i) => {
    for (const name of new Set(p.names)) {
      const had = owner.get(name);
      if (had === undefined) {
        owner.set(name, i);
        continue;
      }
      const other = options.places[had]!;
      if (other.id === p.id) continue;
      const d = RANK[p.kind] - RANK[other.kind];
      if (d < 0) {
        owner.set(name, i);
        tied.delete(name);
      } else if (d === 0) tied.add(name);
    }
  });
  const specs: PatternSpec[] = [];
  const placeOf: number[] = [];
  const add = (spec: PatternSpec, place: number) => {
    specs.push(spec);
    placeOf.push(place);
  };
  for (const [name, i] of owner) {
    if (tied.has(name)) continue;
    if (HAN.test(name)) {
      add({ text: name }, i);
      continue;
    }
    const forms = new Set([name, name.toUpperCase(), name.replace(/'/g, "’")]);
    for (const f of forms) add({ text: f, exactCase: true, wordBoundary: true }, i);
  }
  return {
    lexicon,
    places: options.places,
    byId: new Map(options.places.map((p) => [p.id, p])),
    matcher: new ByteMatcher(specs),
    placeOf: Int32Array.from(placeOf),
    ambiguous: [...tied].sort(),
  };
}

/** A street named after a place (北京路, 中山路, Nathan Road) names no place. */
const STREET_AFTER = /^(?:路|街|大街|大道|巷|胡同|弄|\s+(?:Road|Street|Avenue|Boulevard|Lane|Rd\b|St\b))/u;
/** `Xinjiang's Public Security Department`, `Karamay police department`. */
const BODY_AFTER =
  /^(?:['’]s)?\s+(?:(?:provincial|municipal|regional|prefectural|city|county)\s+)?(?:public\s+security\s+(?:department|bureau)|police\s+(?:department|bureau))s?\b/iu;
/** `the police department in Karamay`, `Public Security Bureau of Xinjiang`. */
const BODY_BEFORE =
  /(?:public\s+security\s+(?:department|bureau)|police\s+(?:department|bureau))s?\s+(?:in|of)\s+(?:the\s+)?$/iu;
/** The lexicon entry that English public-security bodies named by place resolve to. */
const LOCAL_PS_EN = "ps.local_en";

/**
 * Entities, places and dates in a text, in order of start, none overlapping. The longest mention wins;
 * an entity wins over a place inside it (北京市公安局 is one entity, with 北京市 as its `place` and that
 * place's coordinates); traps are respected (公安县 is a county, 解放路 a street); streets named after
 * places are not places.
 *
 * @example
 * tagText("2019年5月，华为与新疆维吾尔自治区公安厅签署协议", tagger).map((t) => [t.kind, t.text])
 * // [["date", "2019年5月"], ["entity", "华为"], ["entity", "新疆维吾尔自治区公安厅"]]
 */
export function tagText(text: string, tagger: Tagger): Tag[] {
  if (!text) return [];
  const entities: Tag[] = [];
  // Mentions are found piece by piece (no name spans a line or a sentence end), which keeps the work
  // linear in the length of the text however many mentions it holds.
  for (const [lo, hi] of pieces(text)) {
    for (const m of findMentions(tagger.lexicon, "text", text.slice(lo, hi))) {
      const e = m.entry;
      if (e.kind !== "target" && e.kind !== "state_body") continue;
      entities.push({
        kind: "entity",
        start: lo + m.start,
        end: lo + m.end,
        text: m.text,
        id: e.id,
        // A pattern match (深圳市公安局南山分局) is named as written; the pattern's own name is generic.
        name: m.trigger ? m.text : e.name,
        category: e.category ?? "company",
      });
    }
  }

  // Places: longest first, no overlaps, no streets.
  const found = findAllInString(tagger.matcher, text)
    .map((m) => ({ start: m.start, end: m.end, place: tagger.places[tagger.placeOf[m.pattern]!]! }))
    .sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const places: Tag[] = [];
  const placeAt = new Uint8Array(text.length);
  for (const f of found) {
    if (isTaken(placeAt, f.start, f.end)) continue;
    if (STREET_AFTER.test(text.slice(f.end, f.end + 10))) continue;
    placeAt.fill(1, f.start, f.end);
    places.push(placeTag(f.place, f.start, f.end, text));
  }
  places.sort((a, b) => a.start - b.start);

  // English bodies named by place, when the lexicon has the entry they resolve to. Entities are in order
  // and do not overlap, so those near a place are found by binary search.
  const localPs = tagger.lexicon.byId.get(LOCAL_PS_EN);
  if (localPs) {
    const dropped = new Set<Tag>();
    const composed: Tag[] = [];
    for (const p of places) {
      if (HAN.test(p.text)) continue;
      const after = BODY_AFTER.exec(text.slice(p.end, p.end + 60));
      const before = after ? null : BODY_BEFORE.exec(text.slice(Math.max(0, p.start - 60), p.start));
      if (!after && !before) continue;
      const start = before ? p.start - before[0].length : p.start;
      const end = after ? p.end + after[0].length : p.end;
      const near: Tag[] = [];
      for (let k = firstEndingAfter(entities, start); k < entities.length && entities[k]!.start < end; k++) {
        near.push(entities[k]!);
      }
      // Only mentions wholly inside the body's name give way to it.
      if (near.some((e) => e.start < start || e.end > end)) continue;
      for (const e of near) dropped.add(e);
      const written = text.slice(start, end);
      composed.push({
        kind: "entity",
        start,
        end,
        text: written,
        id: localPs.id,
        name: written.replace(/^the\s+/i, ""),
        category: localPs.category ?? "public_security",
      });
    }
    if (composed.length > 0) {
      const merged = [...entities.filter((e) => !dropped.has(e)), ...composed];
      entities.splice(0, entities.length, ...merged.sort((x, y) => x.start - y.start));
    }
  }

  // An entity wins over places it overlaps, and keeps the first place inside it as its own.
  const entityAt = new Int32Array(text.length);
  entities.forEach((e, i) => {
    entityAt.fill(i + 1, e.start, e.end);
  });
  const kept: Tag[] = [];
  for (const p of places) {
    let owner = 0;
    for (let k = p.start; k < p.end && owner === 0; k++) owner = entityAt[k]!;
    const e = owner > 0 ? entities[owner - 1] : undefined;
    if (!e) {
      kept.push(p);
      continue;
    }
    if (e.place === undefined && p.start >= e.start && p.end <= e.end) {
      e.place = p.id;
      if (p.lat !== undefined && p.lon !== undefined) {
        e.lat = p.lat;
        e.lon = p.lon;
      }
      e.country = p.country!;
    }
  }

  const taken = [...entities, ...kept];
  for (const p of kept) entityAt.fill(-1, p.start, p.end);
  const dates = findDates(text).filter((d) => !isTaken(entityAt, d.start, d.end));
  return [...taken, ...dates].sort((a, b) => a.start - b.start || a.end - b.end);
}

const PIECE = 2048;
const PIECE_END = /[\n。！？；]|[.!?;](?=\s)/g;

/** `[start, end)` pieces of a text of about {@link PIECE} characters, cut after a line or sentence end. */
function pieces(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  let cut = -1;
  PIECE_END.lastIndex = 0;
  for (let m = PIECE_END.exec(text); m !== null; m = PIECE_END.exec(text)) {
    const end = m.index + m[0].length;
    if (end - start > PIECE && cut > start) {
      out.push([start, cut]);
      start = cut;
    }
    cut = end;
  }
  if (text.length - start > PIECE && cut > start && cut < text.length) {
    out.push([start, cut]);
    start = cut;
  }
  out.push([start, text.length]);
  return out;
}

/** The index of the first of `tags` (in order, not overlapping) that ends after `at`. */
function firstEndingAfter(tags: readonly Tag[], at: number): number {
  let lo = 0;
  let hi = tags.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tags[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether any of `at[start, end)` is set. */
function isTaken(at: Uint8Array | Int32Array, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (at[k] !== 0) return true;
  return false;
}

function placeTag(place: Place, start: number, end: number, text: string): Tag {
  return {
    kind: "place",
    start,
    end,
    text: text.slice(start, end),
    id: place.id,
    name: place.name,
    category: place.kind,
    ...(place.lat !== undefined && place.lon !== undefined ? { lat: place.lat, lon: place.lon } : {}),
    country: place.country,
  };
}

const ORD = "(?:st|nd|rd|th)?";
/**
 * One date, most precise forms first. Groups: 1-3 `2019年5月16日`; 4-6 `2019-05-16`; 7-9 `16 May 2019`;
 * 10-12 `May 16, 2019`; 13-14 `May 2019`; 15-16 `2019-05`; 17 `2019年`; 18 a bare year.
 */
const DATE = new RegExp(
  "(?<![0-9A-Za-z])(?:" +
    "(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月份?(?:\\s*(\\d{1,2})\\s*[日号])?" +
    "|(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?![0-9])" +
    `|(\\d{1,2})${ORD}\\s+(${MONTH_NAMES})\\.?,?\\s+(\\d{4})(?![0-9])` +
    `|(${MONTH_NAMES})\\.?\\s+(\\d{1,2})${ORD},?\\s+(\\d{4})(?![0-9])` +
    `|(${MONTH_NAMES})\\.?,?\\s+(\\d{4})(?![0-9])` +
    "|(\\d{4})[-/.](\\d{1,2})(?![0-9]|[-/.][0-9])" +
    "|(\\d{4})\\s*年" +
    "|(\\d{4})(?![0-9A-Za-z])" +
    ")",
  "giu",
);
const MIN_YEAR = 1800;
const MAX_YEAR = 2100;

const pad = (n: number) => String(n).padStart(2, "0");

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The ISO value of a date match, or null when it is not a real date. */
function dateValue(m: RegExpExecArray): { value: string; bare: boolean } | null {
  let year: number;
  let month: number | null = null;
  let day: number | null = null;
  let bare = false;
  const monthName = (s: string) => MONTH_INDEX[s.slice(0, 3).toLowerCase()] ?? null;
  if (m[1] !== undefined) {
    year = Number(m[1]);
    month = Number(m[2]);
    if (m[3] !== undefined) day = Number(m[3]);
  } else if (m[4] !== undefined) {
    [year, month, day] = [Number(m[4]), Number(m[5]), Number(m[6])];
  } else if (m[7] !== undefined) {
    [year, month, day] = [Number(m[9]), monthName(m[8]!), Number(m[7])];
  } else if (m[10] !== undefined) {
    [year, month, day] = [Number(m[12]), monthName(m[10]), Number(m[11])];
  } else if (m[13] !== undefined) {
    [year, month] = [Number(m[14]), monthName(m[13])];
  } else if (m[15] !== undefined) {
    [year, month] = [Number(m[15]), Number(m[16])];
  } else if (m[17] !== undefined) {
    year = Number(m[17]);
  } else {
    year = Number(m[18]);
    bare = true;
  }
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  if (month === null) return { value: String(year), bare };
  if (month < 1 || month > 12) return null;
  if (day === null) return { value: `${year}-${pad(month)}`, bare };
  if (day < 1 || day > daysIn(year, month)) return null;
  return { value: `${year}-${pad(month)}-${pad(day)}`, bare };
}

/**
 * Dates in a text: `2019年5月16日`, `2019年5月`, `2019-05-16`, `16 May 2019`, `May 16, 2019`, `May 2019`,
 * `2019-05` and years. A bare four-digit number counts as a year only where `findDateRanges` reads it as
 * one (not `2000元`, `No. 2015`, `2048 units`).
 */
function findDates(text: string): Tag[] {
  const s = foldDateChars(text);
  const out: Tag[] = [];
  DATE.lastIndex = 0;
  for (let m = DATE.exec(s); m !== null; m = DATE.exec(s)) {
    const d = dateValue(m);
    const start = m.index;
    const end = start + m[0].length;
    if (!d) continue; // 30 Feb 2019 is no date, and Feb 2019 inside it is not meant
    if (d.bare && !yearInContext(s, start, end)) continue;
    out.push({
      kind: "date",
      start,
      end,
      text: text.slice(start, end),
      id: d.value,
      name: d.value,
      value: d.value,
    });
  }
  return out;
}

/** Whether the dates module reads the four digits at `[start, end)` as a year, given what surrounds them. */
function yearInContext(s: string, start: number, end: number): boolean {
  const lo = Math.max(0, start - 10);
  const window = s.slice(lo, Math.min(s.length, end + 12));
  return findDateRanges(window).some((r) => {
    const at = r.start ?? r.end;
    return (
      at !== null &&
      String(at.year) === s.slice(start, end) &&
      r.index <= start - lo &&
      r.index + r.length >= end - lo
    );
  });
}
