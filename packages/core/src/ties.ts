import type { CompiledLexicon } from "./compile.js";
import { findDateRanges, formatYearMonth } from "./dates.js";
import type { StateCategory } from "./lexicon.js";
import { findMentions, type Mention } from "./screen.js";

/**
 * Candidate ties in documents: sentences in which a watched company and a state body (or another
 * government client) stand together with a word of relation (signed, agreement, cooperation, built,
 * 签署, 合作, 中标 …). They are candidates, not facts: an analyst accepts or rejects each one.
 */

export interface TieCandidate {
  /** Stable id: a hash of the document, the sentence span, subject and object. */
  id: string;
  subject: { entity: string; text: string };
  /** A lexicon entity where one matched, else the government client as written. */
  object: { entity: string | null; text: string; category: StateCategory | "government" };
  /** The word of relation as written (`signed`, `合作`). */
  relation: string;
  /** `2019-05`, `2011` … where the sentence gives a date; null otherwise. */
  date: string | null;
  /** `denied` when the sentence reports the company denying or disputing, else `reported`. */
  stance: "reported" | "denied";
  evidence: { document: string; start: number; end: number; text: string };
}

const RELATION_EN =
  /\b(?:signed|signs?|inked|agreements?|partnerships?|cooperat\w*|collaborat\w*|built|builds?|build(?:ing)?|provided|provides?|supplied|supplies|contracts?|deals?|worked with|working with|works? (?:directly )?with|established|launched|deployed|won|memorandum|MoU)\b/i;
const RELATION_ZH = /签署|签约|签订|合作|共建|中标|协议|建设|承建|提供|部署|战略合作|联合|成立/;
const DENIAL = /\b(?:den(?:y|ies|ied)|disputed?|rejects?|rejected|refuted?|third parties)\b|否认|不实|驳斥/i;

/** Government clients that are not in the lexicon, written in English. */
const GOVERNMENT_EN = new RegExp(
  [
    "(?:[A-Z][\\w'’-]+\\s+){0,3}(?:Public Security (?:Bureau|Department)s?|Internet Police|Police (?:Department|Bureau|Force))(?:\\s+(?:in|of)\\s+(?:the\\s+)?[A-Z][\\w'’-]+(?:\\s+[A-Z][\\w'’-]+){0,2})?",
    "(?:the\\s+)?police (?:department|bureau|units?|force)s?\\s+(?:in|of)\\s+[A-Z][\\w'’-]+",
    "state-(?:run|owned)\\s+(?:(?:[A-Z][\\w'’&-]*|and|of)\\s+){1,8}(?:Corporation|Network|Group|Company|Agency|Bureau|Media)",
    "(?:[A-Z][\\w'’-]+\\s+){1,3}(?:government|authorities)(?:['’]s)?(?:\\s+(?:propaganda bureau))?",
    "(?:[A-Z][\\w'’-]+\\s+){0,3}Government(?:['’]s)?",
    "Ministry of [A-Z][a-z]+(?:\\s+(?:and\\s+)?[A-Z][a-z]+){0,3}",
  ].join("|"),
  "g",
);
const GOVERNMENT_ZH =
  /(?:(?![与和及同向为在于的了并将由对把被从])[\u4e00-\u9fa5]){2,12}?(?:公安局|公安厅|公安部|政府|委员会|管理局|广播电视台|广电网络|网信办|宣传部)/g;

const POLICE = /public security|police|公安/i;

/** Sentences of a text: `[start, end)` spans, split at sentence ends in English and Chinese. */
export function sentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  const re = /[。！？；\n]|[.!?](?=[\s"”’)]|$)/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const end = m.index + m[0].length;
    if (text.slice(start, end).trim().length > 0) out.push([start, end]);
    start = end;
  }
  if (text.slice(start).trim().length > 0) out.push([start, text.length]);
  return out.map(([s, e]) => {
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    return [s, e] as [number, number];
  });
}

function fnv(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, "0");
}

const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
const MONTH_ONLY = new RegExp(`\\b(?:in|since|from|by)\\s+(${MONTHS})\\b(?!\\s*,?\\s*\\d{4})`, "i");

/** The date a sentence gives: a year or month in it, or a lone month placed in `year`. */
function sentenceDate(sentence: string, year: number | null): string | null {
  const ranges = findDateRanges(sentence);
  const first = ranges.find((r) => r.start !== null);
  if (first) return formatYearMonth(first.start);
  const month = MONTH_ONLY.exec(sentence);
  if (month && year !== null) {
    const m = MONTHS.split("|").findIndex((x) => x.toLowerCase() === month[1]!.toLowerCase()) + 1;
    return `${year}-${String(m).padStart(2, "0")}`;
  }
  return null;
}

export interface TieOptions {
  /** Document id, for evidence and candidate ids. */
  document: string;
  /** The document's year: a month named without a year (`in April`) is placed in it. */
  year?: number | null;
}

/**
 * Candidate ties in a document's text, in order. The lexicon should be compiled with every target group
 * (`target: "*"`).
 *
 * @example
 * candidateTies("In May 2019 Huawei signed an agreement with the Ministry of Public Security.", lex,
 *   { document: "d1" })
 * // [{ subject: { entity: "target.huawei…", text: "Huawei" }, object: { entity: "ps.mps", … },
 * //    relation: "signed", date: "2019-05", stance: "reported", … }]
 */
export function candidateTies(text: string, lex: CompiledLexicon, options: TieOptions): TieCandidate[] {
  const mentions = findMentions(lex, "text", text);
  const out: TieCandidate[] = [];
  let mi = 0;
  for (const [s, e] of sentences(text)) {
    const inSentence: Mention[] = [];
    while (mi < mentions.length && mentions[mi]!.start < s) mi++;
    for (let k = mi; k < mentions.length && mentions[k]!.start < e; k++) inSentence.push(mentions[k]!);
    const companies = inSentence.filter((m) => m.entry.kind === "target");
    if (companies.length === 0) continue;
    const sentence = text.slice(s, e);
    const relation = RELATION_EN.exec(sentence) ?? RELATION_ZH.exec(sentence);
    const denied = DENIAL.test(sentence);
    if (!relation && !denied) continue;
    const objects: TieCandidate["object"][] = inSentence
      .filter((m) => m.entry.kind === "state_body")
      .map((m) => ({ entity: m.entry.id, text: m.text, category: m.entry.category! }));
    const taken = inSentence
      .filter((m) => m.entry.kind === "state_body")
      .map((m) => [m.start - s, m.end - s]);
    for (const re of [GOVERNMENT_EN, GOVERNMENT_ZH]) {
      re.lastIndex = 0;
      for (let g = re.exec(sentence); g !== null; g = re.exec(sentence)) {
        const gs = g.index;
        const ge = gs + g[0].length;
        if (taken.some(([a, b]) => a! < ge && b! > gs)) continue;
        const written = g[0].trim();
        if (companies.some((c) => written.includes(c.text))) continue;
        objects.push({
          entity: null,
          text: written,
          category: POLICE.test(written) ? "public_security" : "government",
        });
        taken.push([gs, ge]);
      }
    }
    if (objects.length === 0 && !denied) continue;
    const subject = companies[0]!;
    const date = sentenceDate(sentence, options.year ?? null);
    const stance = denied ? "denied" : "reported";
    const targets =
      objects.length > 0 ? objects : [{ entity: null, text: "", category: "government" as const }];
    for (const object of targets) {
      out.push({
        id: `tc-${fnv(`${options.document}|${s}|${e}|${subject.entry.id}|${object.entity ?? object.text}`)}`,
        subject: { entity: subject.entry.id, text: subject.text },
        object,
        relation: relation ? relation[0] : "",
        date,
        stance,
        evidence: { document: options.document, start: s, end: e, text: sentence },
      });
    }
  }
  return out;
}
