import type { CompiledLexicon } from "./compile.js";
import {
  type DateRange,
  findDateRanges,
  formatYearMonth,
  overlaps,
  parseDate,
  parseRange,
  type Span,
  type YearMonth,
} from "./dates.js";
import { type ExtractedStint, extractWork } from "./extract.js";
import type { Activity, Evidence, Hit, Tie, TieRole } from "./hit.js";
import { type LexiconEntry, NATIONAL_SECURITY_CATEGORIES, type StateCategory } from "./lexicon.js";
import { type ByteMatch, findAllInString } from "./matcher.js";
import { foldWidth } from "./normalize.js";
import type { ResumeRecord } from "./record.js";

/**
 * The screening rules: one canonical record in, one {@link Hit} (or null) out. Pure: the same record and
 * lexicon always give the same hit, which is what lets a run be split over workers and merged.
 */

export interface ScreenOptions {
  /** The month open-ended stints run to when overlaps are judged. */
  asOf: YearMonth;
}

/** A lexicon entry found in one field of a record. */
export interface Mention {
  entry: LexiconEntry;
  field: string;
  value: string;
  start: number;
  end: number;
  text: string;
  /** For a pattern match: where its trigger stood. */
  trigger?: [number, number];
}

const WINDOW = 24;

/** Cues that a clause describes a post held alongside another. */
const CONCURRENT =
  /兼任|兼职|兼管|同时担任|同时任|同时在|借调|挂职|concurrently|simultaneously|while also|seconded|in parallel/i;
/** Cues that a state body is named as the holder of a post, not as a customer. */
const POST_HOLDER = /代表|联络员|联络人|特派员|驻.{0,12}(?:人员|干部)|liaison|representative|officer/i;
/** Cues that an employer field names a business partner of the target, not the target. */
const NOT_EMPLOYER =
  /代理|经销|分销|授权|合作伙伴|服务商|外包|客户|供应商|渠道|reseller|partner|distributor|dealer|supplier|vendor|customer|contractor|outsourc/i;
const CLAUSE_END = /[。；;！!？?\n]/;
/** The part of a clause a post is named in: commas and brackets end it too. */
const SUB_CLAUSE_END = /[。；;！!？?\n，,、()（）]/;
/** Words after a military body that say the person served in it. */
const SERVICE = /^[^，。；,;\n]{0,10}?(?:服役|退役|入伍|转业|复员|服现役|参军)/;
const OPEN_END = /^(?:至今|现在|今|目前|迄今|present|now|current|today|ongoing)$/i;

/** Finds lexicon mentions in one field value: aliases, pattern matches around triggers, traps removed. */
export function findMentions(
  lex: CompiledLexicon,
  field: string,
  value: string,
  matches?: readonly ByteMatch[],
): Mention[] {
  if (!value) return [];
  const raw = matches ?? findAllInString(lex.matcher, value);
  if (raw.length === 0) return [];
  const traps: [number, number][] = [];
  const found: Mention[] = [];
  const regexDone = new Set<string>();
  let folded: string | undefined;
  for (const m of raw) {
    const pi = lex.info[m.pattern]!;
    const entry = lex.entries[pi.entry]!;
    if (pi.role === "trap") {
      traps.push([m.start, m.end]);
      continue;
    }
    if (pi.role === "alias") {
      found.push({ entry, field, value, start: m.start, end: m.end, text: value.slice(m.start, m.end) });
      continue;
    }
    const re = lex.regexes.get(pi.entry);
    if (!re) continue;
    folded ??= foldWidth(value);
    const lo = Math.max(0, m.start - WINDOW);
    const hi = Math.min(value.length, m.end + WINDOW);
    const key = `${pi.entry}:${lo}`;
    if (regexDone.has(key)) continue;
    regexDone.add(key);
    const window = folded.slice(lo, hi);
    re.lastIndex = 0;
    for (let r = re.exec(window); r !== null; r = re.exec(window)) {
      if (r[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const start = lo + r.index;
      const end = start + r[0].length;
      if (start < m.end && end > m.start) {
        found.push({
          entry,
          field,
          value,
          start,
          end,
          text: value.slice(start, end),
          trigger: [m.start, m.end],
        });
      }
    }
  }
  // A trap suppresses what it overlaps, unless the trap lies wholly inside a longer mention
  // (公安县 inside 公安县公安局).
  const trapsByStart = traps.length === 0 ? null : indexTraps(traps);
  const kept = trapsByStart === null ? found : found.filter((f) => !suppressed(f, trapsByStart));
  // Longest first, no overlaps; a longer generic pattern match takes the id of a specific entry of the
  // same category that ends it, over its trigger (中国人民解放军61398部队 → Unit 61398; not the PLA, not
  // the pattern's parent: 中国航天科工集团二院 stays the academy, not CASIC as a whole).
  kept.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: Mention[] = [];
  // The chosen mentions never overlap, so kept sorted by start they answer "which overlaps f" by a
  // binary search; the earliest chosen of those (at most two: none is shorter than f) is the one.
  const byStart: { m: Mention; order: number }[] = [];
  for (const f of kept) {
    let lo = 0;
    let hi = byStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byStart[mid]!.m.start < f.end) lo = mid + 1;
      else hi = mid;
    }
    let inside: { m: Mention; order: number } | undefined;
    for (let k = lo - 1; k >= 0 && byStart[k]!.m.end > f.start; k--) {
      if (!inside || byStart[k]!.order < inside.order) inside = byStart[k];
    }
    if (!inside) {
      byStart.splice(lo, 0, { m: f, order: chosen.length });
      chosen.push(f);
      continue;
    }
    const within = inside.m;
    if (
      within.trigger &&
      !f.entry.pattern &&
      f.start < within.trigger[1] &&
      f.end > within.trigger[0] &&
      f.end === within.end &&
      f.entry.id !== within.entry.parent &&
      f.entry.kind === within.entry.kind &&
      f.entry.category === within.entry.category &&
      f.start >= within.start &&
      f.end <= within.end
    ) {
      within.entry = f.entry;
    }
  }
  return chosen.sort((a, b) => a.start - b.start);
}

interface TrapIndex {
  /** Trap starts, ascending, with the ends in the same order. */
  starts: number[];
  ends: number[];
  /** The longest trap: a trap starting this far before a mention cannot reach it. */
  longest: number;
}

function indexTraps(traps: readonly [number, number][]): TrapIndex {
  const order = traps.map((_, i) => i).sort((a, b) => traps[a]![0] - traps[b]![0]);
  return {
    starts: order.map((i) => traps[i]![0]),
    ends: order.map((i) => traps[i]![1]),
    longest: traps.reduce((n, [s, e]) => Math.max(n, e - s), 0),
  };
}

/**
 * Whether a trap suppresses a mention: it overlaps it, unless it lies wholly inside the (longer)
 * mention. A binary search finds the traps that start before the mention ends; only those starting
 * within the longest trap's length before it can overlap it.
 */
function suppressed(f: Mention, traps: TrapIndex): boolean {
  let lo = 0;
  let hi = traps.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (traps.starts[mid]! < f.end) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo - 1; k >= 0 && traps.starts[k]! > f.start - traps.longest; k--) {
    const s = traps.starts[k]!;
    const e = traps.ends[k]!;
    if (e > f.start && !(s >= f.start && e <= f.end && e - s < f.end - f.start)) return true;
  }
  return false;
}

/**
 * Runs the automaton once over all the given fields of a record (joined by newlines, which no literal
 * contains) and hands each field its own matches, with offsets into that field.
 */
function matchFields(lex: CompiledLexicon, values: readonly string[]): ByteMatch[][] {
  const per: ByteMatch[][] = values.map(() => []);
  const joined = values.join("\n");
  const all = findAllInString(lex.matcher, joined);
  if (all.length === 0) return per;
  const starts: number[] = [];
  let pos = 0;
  for (const v of values) {
    starts.push(pos);
    pos += v.length + 1;
  }
  let f = 0;
  for (const m of all.sort((a, b) => a.start - b.start)) {
    while (f + 1 < starts.length && starts[f + 1]! <= m.start) f++;
    const base = starts[f]!;
    per[f]!.push({ pattern: m.pattern, start: m.start - base, end: m.end - base });
  }
  return per;
}

const LINE_BREAK = /[\n；;。]/;
/** Words that make a line at a school a job there (教师, lecturer …), not study. */
const WORK_WORDS =
  /任|工作|教师|讲师|教授|研究员|工程师|助理|干事|lecturer|professor|researcher|engineer|staff/i;
/** What may stand between a line's date range and the name that follows it. */
const DATE_TO_NAME = /^[\s,，、:：|·•\-–—]*(?:在|于|就职于|任职于|at)?[\s,，、:：]*$/i;
const BEFORE_DATE = /^[\s\-–—•·*#]*$/;

function lineEnd(text: string, from: number): number {
  let e = from;
  while (e < text.length && !LINE_BREAK.test(text[e]!)) e++;
  return e;
}

/** The date range that opens the line in which `at` stands, when only separators come between them. */
function datedLineStart(text: string, at: number): DateRange | null {
  let s = at;
  while (s > 0 && !LINE_BREAK.test(text[s - 1]!)) s--;
  const prefix = text.slice(s, at);
  if (prefix.length === 0 || prefix.length > 40) return null;
  const ranges = findDateRanges(prefix);
  if (ranges.length !== 1) return null;
  const r = ranges[0]!;
  if (r.start === null || !BEFORE_DATE.test(prefix.slice(0, r.index))) return null;
  return DATE_TO_NAME.test(prefix.slice(r.index + r.length)) ? r : null;
}

/**
 * The date range in parentheses after a name that opens a line (`Huawei Technologies Co., Ltd.
 * (09/1999—05/2008), Systems Architect`).
 */
function datedAfterName(text: string, start: number, end: number): DateRange | null {
  let s = start;
  while (s > 0 && text[s - 1] !== "\n") s--;
  if (!BEFORE_DATE.test(text.slice(s, start))) return null;
  const rest = /^[^()\n，。；]{0,24}?[(（]([^()（）\n]{4,40})[)）]/.exec(text.slice(end, end + 80));
  if (!rest) return null;
  const ranges = findDateRanges(rest[1]!);
  return ranges.length === 1 && ranges[0]!.start !== null ? ranges[0]! : null;
}

function clauseAround(value: string, start: number, end: number, stop = CLAUSE_END): [number, number] {
  let s = start;
  while (s > 0 && !stop.test(value[s - 1]!)) s--;
  let e = end;
  while (e < value.length && !stop.test(value[e]!)) e++;
  return [s, e];
}

function evidenceOf(m: Mention): Evidence {
  return { field: m.field, text: m.text, start: m.start, end: m.end, entry: m.entry.id };
}

function spanOf(start: string | undefined, end: string | undefined): Span {
  const whole = start && !end ? parseRange(start) : null;
  if (whole) return whole;
  const s = start ? (parseDate(start) ?? parseRange(start)?.start ?? null) : null;
  const e = end?.trim() ?? "";
  if (OPEN_END.test(e)) return { start: s, end: null, open: true };
  return { start: s, end: e ? (parseDate(e) ?? parseRange(e)?.end ?? null) : null, open: false };
}

interface Stint {
  span: Span;
  /** Order in the record, for ties in dates. */
  order: number;
  /** No end is written and no later stint was started. */
  endUnknown: boolean;
}

/**
 * Work history extracted from the lines of a free text that name a target or a state body, each with the
 * line before it (a date may stand there), not from the whole text: long texts cost little more than the
 * lines that matter. Offsets are into the whole text.
 */
function extractAround(text: string, mentions: readonly Mention[]): ExtractedStint[] {
  const windows: [number, number][] = [];
  for (const m of mentions) {
    if (m.entry.kind !== "target" && m.entry.kind !== "state_body") continue;
    let s = text.lastIndexOf("\n", m.start - 1);
    s = s <= 0 ? 0 : Math.max(0, text.lastIndexOf("\n", s - 1) + 1);
    let e = text.indexOf("\n", m.end);
    if (e < 0) e = text.length;
    const last = windows[windows.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else windows.push([s, e]);
  }
  if (windows.length === 1 && windows[0]![0] === 0 && windows[0]![1] === text.length)
    return extractWork(text);
  return windows.flatMap(([s, e]) =>
    extractWork(text.slice(s, e)).map((st) => ({
      ...st,
      orgStart: st.orgStart + s,
      orgEnd: st.orgEnd + s,
      clauseStart: st.clauseStart + s,
      clauseEnd: st.clauseEnd + s,
      range: st.range ? { ...st.range, index: st.range.index + s } : null,
    })),
  );
}

/**
 * A span narrowed to the months it certainly covers: a start written as a bare year counts from that
 * year's December, an end written as a bare year up to its January (a stint within one bare year keeps
 * the whole year). `2013–2018` and `2018–now` then do not overlap: 2018 is a hand-over, not concurrency.
 */
function certain(sp: Span): Span {
  const { start, end } = sp;
  if (start && end && start.year === end.year && (start.month === null || end.month === null)) return sp;
  return {
    start: start && start.month === null ? { year: start.year, month: 12 } : start,
    end: end && end.month === null ? { year: end.year, month: 1 } : end,
    open: sp.open,
  };
}

const monthKey = (ym: YearMonth | null): number => (ym ? ym.year * 12 + (ym.month ?? 1) : -1);

/** The category a tie is counted under: work at a PLA-run academy is service in the military. */
function tieCategory(entry: LexiconEntry, role: TieRole): StateCategory {
  const c = entry.category!;
  return c === "defence_education" && role !== "education" ? "military" : c;
}

const WEIGHT: Record<StateCategory, number> = {
  intelligence: 5,
  military: 4,
  public_security: 3,
  defence_industry: 2,
  defence_education: 1,
  defence_education_seven_sons: 0.5,
};

/**
 * Screens one record. Returns null when the record has no target employment, no tie and no activity.
 *
 * @example
 * screenRecord({ id: "1", work: [{ company: "华为技术有限公司", start: "2015.03", end: "至今" }] },
 *   { file: "a.jsonl", line: 1 }, lex, { asOf: { year: 2026, month: 11 } })
 * // → { target: { status: "current", entity: "target.huawei", ... }, ties: [], ... }
 */
export function screenRecord(
  record: ResumeRecord,
  source: { file: string; line: number },
  lex: CompiledLexicon,
  options: ScreenOptions,
): Hit | null {
  const targetEvidence: Evidence[] = [];
  const targetStints: Stint[] = [];
  let targetEntity: string | null = null;
  let employer: string | null = null;
  interface PendingTie {
    mention: Mention;
    role: TieRole;
    span: Span | null;
    cue: boolean;
  }
  const pending: PendingTie[] = [];
  const activities: Activity[] = [];
  const work = record.work ?? [];

  // One pass of the automaton over every field that can carry evidence.
  const paths: string[] = [];
  const values: string[] = [];
  const field = (path: string, value: string | undefined) => {
    if (value) {
      paths.push(path);
      values.push(value);
    }
  };
  work.forEach((w, i) => {
    field(`work[${i}].company`, w.company);
    field(`work[${i}].title`, w.title);
    field(`work[${i}].description`, w.description);
  });
  (record.education ?? []).forEach((e, i) => {
    field(`education[${i}].school`, e.school);
  });
  field("text", record.text);
  const matched = matchFields(lex, values);
  const byPath = new Map(paths.map((p, i) => [p, matched[i]!]));
  const mentionsOf = (path: string, value: string): Mention[] => {
    const m = byPath.get(path);
    return m && m.length > 0 ? findMentions(lex, path, value, m) : [];
  };

  const noteTarget = (m: Mention, written: string, stint: Stint): void => {
    targetEvidence.push(evidenceOf(m));
    targetStints.push(stint);
    targetEntity ??= m.entry.id;
    employer ??= written;
  };

  const scanActivities = (mentions: Mention[], value: string): void => {
    for (const m of mentions) {
      if (m.entry.kind !== "activity") continue;
      const [cs, ce] = clauseAround(value, m.start, m.end);
      const client = mentions.find((o) => o.entry.kind === "state_body" && o.start >= cs && o.end <= ce);
      activities.push({
        activity: m.entry.id,
        label: m.entry.name,
        client: client ? client.text : null,
        evidence: evidenceOf(m),
      });
    }
  };

  /** State bodies named in a title or description count only as posts held (兼任 …, 代表). */
  const postsIn = (mentions: Mention[], value: string, span: Span | null): void => {
    for (const m of mentions) {
      if (m.entry.kind !== "state_body") continue;
      const [cs, ce] = clauseAround(value, m.start, m.end, SUB_CLAUSE_END);
      const clause = value.slice(cs, ce);
      if (CONCURRENT.test(clause) || POST_HOLDER.test(clause)) {
        pending.push({ mention: m, role: "concurrent", span, cue: true });
      } else if (m.entry.category === "military" && SERVICE.test(value.slice(m.end, m.end + 16))) {
        // 从中国人民解放军上尉军衔退役, 在空军某部服役: service, wherever it is written.
        pending.push({ mention: m, role: "employment", span, cue: false });
      }
    }
  };

  // Structured work history.
  // Dates are parsed only for entries that name something.
  const spans: (Span | undefined)[] = [];
  const spanAt = (i: number): Span => {
    let sp = spans[i];
    if (!sp) {
      const w = work[i]!;
      sp = spanOf(w.start, w.end);
      spans[i] = sp;
    }
    return sp;
  };
  let latest: number | undefined;
  const latestStart = () => {
    latest ??= Math.max(-1, ...work.map((_, k) => monthKey(spanAt(k).start)));
    return latest;
  };
  work.forEach((w, i) => {
    const company = w.company ? mentionsOf(`work[${i}].company`, w.company) : [];
    const title = w.title ? mentionsOf(`work[${i}].title`, w.title) : [];
    const description = w.description ? mentionsOf(`work[${i}].description`, w.description) : [];
    if (company.length === 0 && title.length === 0 && description.length === 0) return;
    const span = spanAt(i);
    // A stint with no end at all is taken as ongoing only when it is the latest one started.
    const endUnknown = !w.end && !span.open && span.start !== null && monthKey(span.start) === latestStart();
    const stint: Stint = { span, order: i, endUnknown };
    if (w.company) {
      const mentions = company;
      const cue = CONCURRENT.test(w.company) || (w.title ? CONCURRENT.test(w.title) : false);
      for (const m of mentions) {
        if (m.entry.kind === "target") {
          if (!NOT_EMPLOYER.test(w.company.slice(m.end)) && !NOT_EMPLOYER.test(w.company.slice(0, m.start))) {
            noteTarget(m, w.company, stint);
          }
        } else if (m.entry.kind === "state_body") {
          pending.push({ mention: m, role: "employment", span, cue });
        }
      }
    }
    if (w.title) {
      postsIn(title, w.title, span);
      scanActivities(title, w.title);
    }
    if (w.description) {
      postsIn(description, w.description, span);
      scanActivities(description, w.description);
    }
  });

  // Education: schools are ties; notes (军训 …) are not.
  (record.education ?? []).forEach((e, i) => {
    if (!e.school) return;
    for (const m of mentionsOf(`education[${i}].school`, e.school)) {
      if (m.entry.kind === "state_body") {
        pending.push({ mention: m, role: "education", span: spanOf(e.start, e.end), cue: false });
      }
    }
  });

  // Free text: employment only where an extracted stint puts the organisation in an employment position.
  if (record.text) {
    const text = record.text;
    const mentions = mentionsOf("text", text);
    if (mentions.length > 0) {
      const stints = extractAround(text, mentions);
      const used = new Set<Mention>();
      stints.forEach((st, k) => {
        const span: Span = st.range ?? { start: null, end: null, open: false };
        const stint: Stint = { span, order: work.length + k, endUnknown: false };
        for (const m of mentions) {
          if (m.start < st.orgStart || m.end > st.orgEnd) continue;
          used.add(m);
          if (m.entry.kind === "target" && st.kind === "work") {
            if (!NOT_EMPLOYER.test(st.org)) noteTarget(m, st.org, stint);
          } else if (m.entry.kind === "state_body") {
            const role: TieRole =
              st.kind === "education" ? "education" : st.concurrent ? "concurrent" : "employment";
            pending.push({ mention: m, role, span: st.range, cue: st.concurrent });
          }
        }
      });
      // A name that opens a dated list line (`2016.08-2019.04 國家安全部 技术员`) is a stint even where
      // extraction did not name it (traditional script, Latin names in Chinese lines).
      mentions.forEach((m, k) => {
        if (used.has(m) || (m.entry.kind !== "target" && m.entry.kind !== "state_body")) return;
        const dated = datedLineStart(text, m.start) ?? datedAfterName(text, m.start, m.end);
        if (!dated) return;
        used.add(m);
        const line = text.slice(m.start, lineEnd(text, m.end));
        if (m.entry.kind === "target") {
          // Partner words count only next to the name (华为授权代理商), not in the duties that follow.
          const near = line.slice(0, Math.min(line.length, m.end - m.start + 12)).split(/[，；。]/)[0]!;
          if (!NOT_EMPLOYER.test(near))
            noteTarget(m, m.text, { span: dated, order: work.length + stints.length + k, endUnknown: false });
          return;
        }
        const study =
          m.entry.category === "defence_education" || m.entry.category === "defence_education_seven_sons";
        const role: TieRole =
          study && !WORK_WORDS.test(line) ? "education" : CONCURRENT.test(line) ? "concurrent" : "employment";
        pending.push({ mention: m, role, span: dated, cue: role === "concurrent" });
      });
      postsIn(
        mentions.filter((m) => !used.has(m)),
        text,
        null,
      );
      scanActivities(mentions, text);
    }
  }

  // Target status: current when the latest target stint is open-ended.
  let status: "current" | "former" | null = null;
  if (targetStints.length > 0) {
    const latest = targetStints.reduce((a, b) => {
      const ka = monthKey(a.span.start);
      const kb = monthKey(b.span.start);
      if (ka !== kb) return kb > ka ? b : a;
      return b.order < a.order ? b : a;
    });
    status = latest.span.open || latest.endUnknown ? "current" : "former";
  }

  // Ties, with concurrency judged against the target stints.
  const ties: Tie[] = [];
  const seenTie = new Set<string>();
  for (const p of pending) {
    if (!p.mention.entry.category) continue;
    const overlap =
      p.role !== "education" &&
      p.span !== null &&
      targetStints.some((t) => overlaps(certain(p.span!), certain(t.span), options.asOf, 2));
    const role: TieRole =
      p.role === "education"
        ? "education"
        : p.cue || overlap || p.role === "concurrent"
          ? "concurrent"
          : "employment";
    const concurrentWithTarget = targetStints.length > 0 && (overlap || (role === "concurrent" && p.cue));
    const key = `${p.mention.field}:${p.mention.start}`;
    if (seenTie.has(key)) continue;
    seenTie.add(key);
    const range = p.span as DateRange | Span | null;
    ties.push({
      category: tieCategory(p.mention.entry, role),
      entity: p.mention.entry.id,
      org: p.mention.text,
      role,
      start: formatYearMonth(range?.start ?? null),
      end: range?.open ? "present" : formatYearMonth(range?.end ?? null),
      concurrent_with_target: concurrentWithTarget,
      evidence: evidenceOf(p.mention),
    });
  }

  if (status === null && ties.length === 0 && activities.length === 0) return null;

  const national_security = ties.some(
    (t) => t.role !== "education" && NATIONAL_SECURITY_CATEGORIES.has(t.category),
  );
  const reasons: string[] = [];
  let score = 0;
  if (status !== null) {
    score += 1;
    reasons.push(`${status} employee of ${lex.target}: ${employer} (${targetEvidence[0]!.field})`);
  }
  for (const t of ties) {
    score += WEIGHT[t.category] * (t.role === "education" ? 0.5 : 1) * (t.concurrent_with_target ? 1.5 : 1);
    const when = t.start || t.end ? ` ${t.start ?? "?"}–${t.end ?? "?"}` : "";
    reasons.push(
      `${t.role} at ${t.org} (${t.category}${when}${t.concurrent_with_target ? ", while at the target" : ""}; ${t.evidence.field})`,
    );
  }
  for (const a of activities.slice(0, 5)) {
    score += 1;
    reasons.push(`activity: ${a.label}${a.client ? ` for ${a.client}` : ""} (${a.evidence.field})`);
  }
  if (national_security && status !== null) score += 2;

  return {
    id: record.id,
    source,
    target: { status, entity: targetEntity, employer, evidence: targetEvidence },
    ties,
    activities,
    national_security,
    score: Math.round(score * 100) / 100,
    reasons,
  };
}
