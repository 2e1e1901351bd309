import { Converter } from "opencc-js/t2cn";
import { COUNTRY_NAMES } from "./countries.js";
import { pinyinOf, syllables } from "./pinyin.js";
import { jaroWinkler } from "./similarity.js";
import {
  GLOSS_HAN,
  LEGAL_HAN,
  LEGAL_LATIN,
  PLACE_LATIN,
  PLACE_SUFFIX,
  PLACES_HAN,
  STOPWORDS,
  SYNONYMS,
} from "./tables.js";

/**
 * Names folded for matching. A name becomes a {@link NameForm}: its folded text, its core tokens (legal
 * forms, places and filler words taken out, generic words in one canonical English form, Han runs in
 * pinyin), the places it names, and for Han names the Han core and its pinyin.
 */

export type NameKind = "org" | "person";

export interface NameForm {
  /** The name as given. */
  raw: string;
  kind: NameKind;
  /** Width, case, script (traditional → simplified), diacritics and punctuation folded; tokens spaced. */
  folded: string;
  /** Core tokens: Latin words canonicalised, Han runs as pinyin, Han generic words as English. */
  tokens: string[];
  /** Alternative core tokens with other readings of polyphonic characters (Han names only). */
  alts: string[][];
  /** `tokens` joined without spaces: compares `Hua Wei` with `Huawei`. */
  joined: string;
  /** Han core (simplified, legal forms and places removed); empty for a name without Han. */
  han: string;
  /** Pinyin of the Han core, one string per reading. */
  hanPinyin: string[];
  /** Places named: a Chinese place in simplified script, or `cc:xx` for a country. */
  places: string[];
  /** A legal form was removed (`Co., Ltd.`, `有限公司`). */
  legal: boolean;
  /** This form leaves out a trailing qualifier of the written name (an address or unit after a comma). */
  qualified: boolean;
  /** Words read as the place or generic word they are a close misspelling of (`Beiijng`, `Techincal`). */
  misspelt: number;
}

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+|[^\s\p{Script=Han}]+/gu;

/**
 * Simplified form of Chinese text, character by character (OpenCC's Taiwan table, read once into a
 * character map); other text unchanged. Taiwan vocabulary (`軟體` → `软体`) stays itself; the glossary
 * knows the common words of both.
 *
 * @example toSimplified("華為技術") // "华为技术"
 */
export function toSimplified(s: string): string {
  if (!HAN.test(s)) return s;
  const map = simplifiedOf ?? readSimplifiedMap();
  simplifiedOf = map;
  let out = "";
  let changed = false;
  for (const ch of s) {
    const t = map.get(ch);
    if (t !== undefined) {
      out += t;
      changed = true;
    } else out += ch;
  }
  return changed ? out : s;
}

let simplifiedOf: Map<string, string> | undefined;

/** Traditional → simplified for every character of the CJK blocks that OpenCC changes. */
function readSimplifiedMap(): Map<string, string> {
  const convert = Converter({ from: "tw", to: "cn" });
  const chars: string[] = [];
  for (let c = 0x3400; c <= 0x9fff; c++) chars.push(String.fromCharCode(c));
  const out = convert(chars.join("\n")).split("\n");
  const map = new Map<string, string>();
  if (out.length !== chars.length) return map;
  for (let i = 0; i < chars.length; i++) {
    const o = out[i] as string;
    if (o !== chars[i] && o.length === 1) map.set(chars[i] as string, o);
  }
  return map;
}

/**
 * Folds a name for comparison: NFKC (full width to half width), traditional to simplified, lower case,
 * diacritics removed, apostrophes and mojibake question marks inside words dropped (`Xi?an` = `Xi'an` =
 * `xian`), `&` read as `and`, every other punctuation mark a space, and a space between Han and Latin.
 *
 * @example foldName("ＨＵＡＷＥＩ Technologies Co., Ltd.") // "huawei technologies co ltd"
 * @example foldName("Xi?an Huawei") // "xian huawei"
 */
export function foldName(s: string): string {
  if (/^[A-Za-z0-9 ]*$/.test(s)) return s.toLowerCase().replace(/ +/g, " ").trim();
  let t = /^[\x20-\x7e]*$/.test(s) ? s : s.normalize("NFKC");
  t = t.replace(/\b(?:[A-Za-z]\.){2,}/g, (m) => m.replace(/\./g, ""));
  const ascii = /^[\x20-\x7e]*$/.test(t);
  if (ascii) {
    return t
      .toLowerCase()
      .replace(/(?<=[a-z0-9])['`?"]+(?=[a-z])/g, "")
      .replace(/&/g, " and ")
      .replace(/[^a-z0-9]+/g, " ")
      .trim();
  }
  t = toSimplified(t).toLowerCase();
  if (/[\u00c0-\u024f\u1e00-\u1eff]|[\u0300-\u036f]/.test(t)) {
    t = t
      .normalize("NFD")
      .replace(/\p{M}+/gu, "")
      .normalize("NFC");
  }
  if (/['’‘`´?”“"]/.test(t)) t = t.replace(/(?<=[\p{L}\p{N}])['’‘`´?”“"]+(?=\p{L})/gu, "");
  if (t.includes("&")) t = t.replace(/&/g, " and ");
  if (/[a-z0-9]/.test(t)) {
    t = t
      .replace(/(\p{Script=Han})(?=[^\p{Script=Han}\s])/gu, "$1 ")
      .replace(/([^\p{Script=Han}\s])(?=\p{Script=Han})/gu, "$1 ");
  }
  return t.replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

// ---------------------------------------------------------------------------------------------------
// Dictionaries built once.

interface HanWord {
  kind: "legal" | "gloss" | "place";
  value: string;
}

let hanDict: Map<string, HanWord> | undefined;
/** Longest dictionary word starting with each character. */
const hanFirst = new Map<string, number>();
/** First words of multi-word Latin places (`hong` of `hong kong`). */
const latinFirst = new Set<string>();
let latinPlaces: Map<string, string> | undefined;
let latinPlaceMaxTokens = 1;
const provinceOf = new Map<string, string>();

function dictionaries(): { han: Map<string, HanWord>; latin: Map<string, string> } {
  if (hanDict && latinPlaces) return { han: hanDict, latin: latinPlaces };
  const han = new Map<string, HanWord>();
  const latin = new Map<string, string>();
  for (const [name, prov] of PLACES_HAN) {
    han.set(name, { kind: "place", value: name });
    provinceOf.set(name, prov);
    const py = syllables(name).join("");
    if (!latin.has(py)) latin.set(py, name);
  }
  for (const [k, v] of Object.entries(PLACE_LATIN)) latin.set(k, v);
  for (const [k, code] of Object.entries(COUNTRY_NAMES)) {
    if (k.includes(",")) continue;
    const key = foldName(k);
    if (!latin.has(key)) latin.set(key, code === "cn" ? "中国" : `cc:${code}`);
  }
  for (const [w, g] of Object.entries(GLOSS_HAN)) han.set(w, { kind: "gloss", value: g });
  for (const l of LEGAL_HAN) han.set(l, { kind: "legal", value: l });
  for (const k of han.keys())
    hanFirst.set(k[0] as string, Math.max(hanFirst.get(k[0] as string) ?? 0, k.length));
  latinPlaceMaxTokens = Math.max(...[...latin.keys()].map((k) => k.split(" ").length));
  for (const k of latin.keys()) if (k.includes(" ")) latinFirst.add(k.split(" ")[0] as string);
  hanDict = han;
  latinPlaces = latin;
  return { han, latin };
}

/** Pinyin spellings of the generic words, so that `Huawei Jishu` reads as `Huawei Technology`. */
let pinyinGloss: Map<string, string> | undefined;
function glossOfPinyin(): Map<string, string> {
  if (pinyinGloss) return pinyinGloss;
  pinyinGloss = new Map();
  for (const [w, g] of Object.entries(GLOSS_HAN)) {
    if (!g.includes(" ")) pinyinGloss.set(syllables(w).join(""), g);
  }
  return pinyinGloss;
}

const FUZZY_MIN = 6;
const FUZZY_JW = 0.94;
const fuzzyCaches = new Map<string, Map<string, string | null>>();

/** The word of `words` (same first letter, length within 1) that `t` is a likely misspelling of. */
function fuzzyFind(t: string, words: Map<string, string[]>, kind: string): string | null {
  const cache = fuzzyCaches.get(kind) ?? new Map<string, string | null>();
  fuzzyCaches.set(kind, cache);
  const key = t;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  let best: string | null = null;
  let bestScore = FUZZY_JW;
  for (const w of words.get(t[0] as string) ?? []) {
    if (Math.abs(w.length - t.length) > 1) continue;
    // a word that extends another (`russian`, `russia`) is a derivation, not a misspelling
    if (w.length !== t.length && (t.startsWith(w) || w.startsWith(t))) continue;
    const s = jaroWinkler(t, w);
    if (s >= bestScore) {
      best = w;
      bestScore = s;
    }
  }
  if (cache.size > 100_000) cache.clear();
  cache.set(key, best);
  return best;
}

function byFirstLetter(words: Iterable<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const w of words) {
    if (w.length < FUZZY_MIN - 1 || w.includes(" ")) continue;
    const l = out.get(w[0] as string);
    if (l) l.push(w);
    else out.set(w[0] as string, [w]);
  }
  return out;
}

let synonymWords: Map<string, string[]> | undefined;
/** The canonical generic words (`technology`, `communication` …), themselves targets of misspellings. */
const canonicalWords = new Set([
  ...Object.values(SYNONYMS),
  ...Object.values(GLOSS_HAN).flatMap((g) => g.split(" ")),
]);

/**
 * Canonical form of one Latin token: synonyms and plurals folded (`technologies` → `technology`), and a
 * close misspelling of a synonym (`techincal`) read as that synonym.
 *
 * @example canonicalToken("networks") // "network"
 */
export function canonicalToken(t: string): string {
  const s = SYNONYMS[t];
  if (s) return s;
  const plural = t.length >= 5 && t.endsWith("s") && !/(ss|us|is)$/.test(t);
  const stem = plural ? t.slice(0, -1) : t;
  if (plural && SYNONYMS[stem]) return SYNONYMS[stem] as string;
  const w = fuzzySynonym(t);
  return w ? (SYNONYMS[w] ?? w) : stem;
}

/** The synonym `t` is a close misspelling of, or `null`. */
function fuzzySynonym(t: string): string | null {
  if (t.length < FUZZY_MIN || SYNONYMS[t] || canonicalWords.has(t)) return null;
  synonymWords ??= byFirstLetter(new Set([...canonicalWords, ...Object.keys(SYNONYMS)]));
  return fuzzyFind(t, synonymWords, "syn");
}

/**
 * Whether two places can be the same: equal, or one is the province of the other, or a Chinese place
 * and China.
 */
export function placesCompatible(a: string, b: string): boolean {
  if (a === b) return true;
  const cnA = !a.startsWith("cc:");
  const cnB = !b.startsWith("cc:");
  if (cnA && cnB) {
    if (a === "中国" || b === "中国") return true;
    return (provinceOf.get(a) ?? a) === (provinceOf.get(b) ?? b);
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------

interface Parts {
  tokens: string[];
  alts: string[][];
  han: string;
  /** Pinyin of each piece of the Han core, in order: the readings of a run, the one of a generic word. */
  hanSlots: string[][];
  places: string[];
  legal: boolean;
  misspelt: number;
}

/** Splits a Han run into legal forms, generic words, places and the remaining runs (read as pinyin). */
function hanParts(run: string, out: Parts, pinyinAlts: string[][]): void {
  const { han } = dictionaries();
  let i = 0;
  let rest = "";
  const flush = () => {
    if (!rest) return;
    out.han += rest;
    const readings = pinyinOf(rest);
    out.hanSlots.push(readings);
    out.tokens.push(readings[0] as string);
    pinyinAlts.push(readings);
    rest = "";
  };
  while (i < run.length) {
    let hit: HanWord | undefined;
    let len = 0;
    for (let l = Math.min(hanFirst.get(run[i] as string) ?? 0, run.length - i); l >= 2; l--) {
      const w = han.get(run.slice(i, i + l));
      if (w) {
        hit = w;
        len = l;
        break;
      }
    }
    if (!hit) {
      rest += run[i];
      i++;
      continue;
    }
    flush();
    if (hit.kind === "place") {
      if (!out.places.includes(hit.value)) out.places.push(hit.value);
      if (i + len < run.length && PLACE_SUFFIX.includes(run[i + len] as string)) len++;
    } else if (hit.kind === "legal") {
      out.legal = true;
    } else {
      const word = run.slice(i, i + len);
      out.han += word;
      out.hanSlots.push([pinyinOf(word)[0] as string]);
      for (const g of hit.value.split(" ")) {
        out.tokens.push(g);
        pinyinAlts.push([g]);
      }
    }
    i += len;
  }
  flush();
}

let placeWords: Map<string, string[]> | undefined;

/**
 * Latin tokens of an organisation's name: places (a close misspelling of one included), legal forms and
 * filler words taken out.
 */
function latinParts(words: string[], out: Parts, pinyinAlts: string[][]): void {
  const { latin } = dictionaries();
  const gloss = glossOfPinyin();
  let i = 0;
  while (i < words.length) {
    let placed = false;
    const most = latinFirst.has(words[i] as string) ? latinPlaceMaxTokens : 1;
    for (let n = Math.min(most, words.length - i); n >= 1; n--) {
      const p = latin.get(n === 1 ? (words[i] as string) : words.slice(i, i + n).join(" "));
      if (p) {
        if (!out.places.includes(p)) out.places.push(p);
        i += n;
        placed = true;
        break;
      }
    }
    if (placed) continue;
    const w = words[i] as string;
    if (w.length >= FUZZY_MIN && !LEGAL_LATIN.has(w)) {
      placeWords ??= byFirstLetter(latin.keys());
      const p = fuzzyFind(w, placeWords, "place");
      if (p) {
        out.misspelt++;
        const place = latin.get(p) as string;
        if (!out.places.includes(place)) out.places.push(place);
        i++;
        continue;
      }
    }
    i++;
    if (LEGAL_LATIN.has(w)) {
      out.legal = true;
      continue;
    }
    if (STOPWORDS.has(w)) continue;
    const g = gloss.get(w);
    if (!g && fuzzySynonym(w)) out.misspelt++;
    const t = g ?? canonicalToken(w);
    out.tokens.push(t);
    pinyinAlts.push([t]);
  }
}

/** Up to `max` token lists: the first readings, then one polyphone changed at a time. */
function alternatives(slots: string[][], max: number): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < slots.length && out.length < max; i++) {
    const s = slots[i] as string[];
    for (let j = 1; j < s.length && out.length < max; j++) {
      out.push(slots.map((x, k) => (k === i ? (s[j] as string) : (x[0] as string))));
    }
  }
  return out;
}

/** Splits a folded name into the head before a trailing qualifier, or `null` when it has none. */
function headOf(raw: string): string | null {
  const segs = raw.split(",");
  if (segs.length < 2) return null;
  for (let k = 1; k < segs.length; k++) {
    const prev = foldName(segs[k - 1] as string).split(" ");
    const seg = segs[k] as string;
    const prevLegal = LEGAL_LATIN.has(prev[prev.length - 1] as string);
    const segFolded = foldName(seg).split(" ");
    const segLegal = segFolded.length > 0 && segFolded.every((w) => LEGAL_LATIN.has(w));
    if (segLegal) continue;
    if ((prevLegal && seg.trim()) || /\d/.test(seg)) {
      const head = segs.slice(0, k).join(",").trim();
      return head && foldName(head) ? head : null;
    }
  }
  return null;
}

const TRAILING_PAREN = /\s*\(([^()]{1,40})\)\s*\*?\s*(?=,|$)/u;

/**
 * The short name in parentheses at the end of a name (`Huawei Technologies Co., Ltd. (Huawei)`,
 * `HiSilicon Technologies Co., Ltd (HiSilicon), Bantian …`), or `null`. Places, countries and legal forms
 * in parentheses (`(Suzhou)`, `(UK)`, `(Private)`) are part of the name, not short names.
 *
 * @example trailingShortName("Huawei Investment & Holding Co., Ltd. (Huawei Holding)*") // "Huawei Holding"
 */
export function trailingShortName(raw: string): string | null {
  const m = TRAILING_PAREN.exec(raw);
  if (!m || !raw.slice(0, m.index).trim()) return null;
  const inner = (m[1] as string).trim();
  const innerFold = foldName(inner);
  if (!innerFold) return null;
  const { latin } = dictionaries();
  if (latin.has(innerFold) || innerFold.split(" ").every((w) => LEGAL_LATIN.has(w))) return null;
  return inner;
}

/** The name without its trailing parenthesised short name (see {@link trailingShortName}). */
export function dropTrailingParen(raw: string): string {
  return trailingShortName(raw) === null ? raw : raw.replace(TRAILING_PAREN, "");
}

function personForm(raw: string, folded: string): NameForm {
  const tokens: string[] = [];
  const slots: string[][] = [];
  let han = "";
  const hanPinyin: string[] = [];
  for (const part of folded.match(HAN_RUN) ?? []) {
    if (HAN.test(part)) {
      han += part;
      // surname, then the given name as one word: 张小龙 → zhang xiaolong
      const sur = part.slice(0, 1);
      const given = part.slice(1);
      for (const p of given ? [sur, given] : [sur]) {
        const r = pinyinOf(p);
        tokens.push(r[0] as string);
        slots.push(r);
      }
      hanPinyin.push(syllables(part).join(""));
    } else {
      for (const w of part.split(" ")) {
        if (!w) continue;
        tokens.push(w);
        slots.push([w]);
      }
    }
  }
  const sorted = [...tokens].sort();
  return {
    raw,
    kind: "person",
    folded,
    tokens,
    alts: alternatives(slots, 3),
    joined: sorted.join(""),
    han,
    hanPinyin,
    places: [],
    legal: false,
    qualified: false,
    misspelt: 0,
  };
}

function orgForm(raw: string, qualified: boolean, dropParen: boolean): NameForm | null {
  const folded = foldName(dropParen ? dropTrailingParen(raw) : raw);
  if (!folded) return null;
  const parts: Parts = { tokens: [], alts: [], han: "", hanSlots: [], places: [], legal: false, misspelt: 0 };
  const slots: string[][] = [];
  let latinRun: string[] = [];
  for (const w of folded.split(" ")) {
    if (HAN.test(w)) {
      if (latinRun.length) latinParts(latinRun, parts, slots);
      latinRun = [];
      hanParts(w, parts, slots);
    } else latinRun.push(w);
  }
  if (latinRun.length) latinParts(latinRun, parts, slots);
  // a name that is nothing but a place or a legal form keeps its words as its core
  if (parts.tokens.length === 0) {
    parts.tokens = folded.split(" ").map(canonicalToken);
    parts.places = [];
    slots.length = 0;
    for (const t of parts.tokens) slots.push([t]);
    if (HAN.test(folded)) parts.han = folded.replace(/\s+/g, "");
  }
  let hanPinyin: string[] = [];
  if (parts.han) {
    if (parts.hanSlots.length === 0) hanPinyin = pinyinOf(parts.han);
    else {
      const first = parts.hanSlots.map((r) => r[0]).join("");
      hanPinyin = [first, ...alternatives(parts.hanSlots, 3).map((a) => a.join(""))];
    }
  }
  return {
    raw,
    kind: "org",
    folded,
    tokens: parts.tokens,
    alts: alternatives(slots, 3),
    joined: parts.tokens.join(""),
    han: parts.han,
    hanPinyin,
    places: parts.places,
    legal: parts.legal,
    qualified,
    misspelt: parts.misspelt,
  };
}

/**
 * The forms a name is compared in: for an organisation the whole name, and the name without a trailing
 * qualifier where it has one (`Hua Ying Management Co. Limited, Tsim Sha Tsui` →
 * `Hua Ying Management Co. Limited`), with a trailing parenthesised short name left out (the list
 * parsers keep it as an alias). With `withHead` false (a query) the name is taken whole, and also
 * without a trailing short name if it has one. For a person
 * the name alone.
 *
 * @example nameForms("华为技术有限公司")[0]?.tokens // ["huawei", "technology"]
 */
export function nameForms(raw: string, kind: NameKind = "org", withHead = true): NameForm[] {
  if (kind === "person") {
    const folded = foldName(raw);
    return folded ? [personForm(raw, folded)] : [];
  }
  const out: NameForm[] = [];
  const full = orgForm(raw, false, withHead);
  if (full) out.push(full);
  if (!withHead && trailingShortName(raw) !== null) {
    const bare = orgForm(raw, false, true);
    if (bare && bare.folded !== full?.folded) out.push(bare);
  }
  const head = withHead ? headOf(raw) : null;
  if (head) {
    const h = orgForm(head, true, true);
    if (h && h.joined !== full?.joined) out.push(h);
  }
  return out;
}
