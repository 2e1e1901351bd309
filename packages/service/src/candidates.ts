import {
  ALL_TARGETS,
  type CompiledLexicon,
  candidateTies,
  compileLexicon,
  type LexiconEntry,
  type TieCandidate,
} from "@tiegraph/core";
import { loadLexicon, traditionalOf } from "@tiegraph/lexicons";
import { type Judgement, makeStatement, type StatementInput } from "@tiegraph/model";
import type { Store } from "@tiegraph/store";

/**
 * Candidate ties found in stored documents, and an analyst's verdicts on them. A verdict is a
 * judgement of kind {@link TIE_KIND} on the candidate's id; an accepted candidate also becomes
 * statements in the graph, cited to its sentence.
 */

/** The judgement kind of verdicts on candidate ties. */
export const TIE_KIND = "tie-candidate";
/** The dataset of the statements that accepted candidates become. */
export const TIES_DATASET = "tiegraph_documents";

/** Where a candidate stands: not judged yet, accepted, rejected or judged unsure. */
export type CandidateStatus = "open" | "accepted" | "rejected" | "unsure";

/** A candidate tie with its standing verdict. */
export type JudgedCandidate = TieCandidate & { status: CandidateStatus; judgement?: Judgement };

let everyTarget: CompiledLexicon | undefined;
/** The lexicon with every watched company, for reading documents (compiled once). */
export function documentLexicon(): CompiledLexicon {
  everyTarget ??= compileLexicon(loadLexicon().entries, { target: ALL_TARGETS, traditional: traditionalOf });
  return everyTarget;
}

const statusOf = (j: Judgement | undefined): CandidateStatus =>
  j === undefined
    ? "open"
    : j.judgement === "positive"
      ? "accepted"
      : j.judgement === "negative"
        ? "rejected"
        : "unsure";

/**
 * Candidate ties of every stored document, in document order, each with its standing verdict.
 * @example (await allCandidates(store)).filter((c) => c.status === "open")
 */
export async function allCandidates(store: Store): Promise<JudgedCandidate[]> {
  const lex = documentLexicon();
  const latest = new Map<string, Judgement>();
  for (const j of await store.getJudgements({ kind: TIE_KIND })) latest.set(j.subject, j);
  const out: JudgedCandidate[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await store.listDocuments({ limit: 100, offset });
    for (const summary of page) {
      const doc = await store.getDocument(summary.id);
      const year = doc.published ? Number(doc.published.slice(0, 4)) || null : null;
      for (const c of candidateTies(doc.text, lex, { document: doc.id, year })) {
        const judgement = latest.get(c.id);
        out.push({ ...c, status: statusOf(judgement), ...(judgement ? { judgement } : {}) });
      }
    }
    if (page.length < 100) break;
  }
  return out;
}

/** The candidate with this id, or undefined. */
export async function findCandidate(store: Store, id: string): Promise<JudgedCandidate | undefined> {
  return (await allCandidates(store)).find((c) => c.id === id);
}

const slug = (s: string) =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-|-$/g, "");

/** The statements an accepted candidate becomes: both parties and an Event that ties them, cited to the span. */
export function tieStatements(
  c: TieCandidate,
  entries: ReadonlyMap<string, LexiconEntry>,
  by: string,
): StatementInput[] {
  const source = { document: c.evidence.document, start: c.evidence.start, end: c.evidence.end };
  const base = {
    dataset: TIES_DATASET,
    source,
    asserted_by: { kind: "analyst" as const, name: by },
    stance: c.stance,
  };
  const company = entries.get(c.subject.entity);
  const companyId = `lex-${c.subject.entity}`;
  const bodyEntry = c.object.entity ? entries.get(c.object.entity) : undefined;
  const bodyId = c.object.entity ? `lex-${c.object.entity}` : `body-${slug(c.object.text)}`;
  const eventId = `tie-${c.id}`;
  const s = (entity_id: string, schema: string, prop: string, value: string): StatementInput => ({
    ...base,
    entity_id,
    schema,
    prop,
    value,
  });
  const out: StatementInput[] = [
    s(companyId, "Company", "name", company?.name ?? c.subject.text),
    s(companyId, "Company", "alias", c.subject.text),
    s(eventId, "Event", "name", `${c.subject.text} ${c.relation || c.stance} ${c.object.text}`.trim()),
    s(eventId, "Event", "category", c.stance === "denied" ? "denial" : "agreement"),
    s(eventId, "Event", "involved", companyId),
    s(eventId, "Event", "description", c.evidence.text),
  ];
  if (c.object.text) {
    out.push(s(bodyId, "PublicBody", "name", bodyEntry?.name ?? c.object.text));
    out.push(s(bodyId, "PublicBody", "alias", c.object.text));
    out.push(s(eventId, "Event", "involved", bodyId));
  }
  if (c.date) out.push(s(eventId, "Event", "startDate", c.date));
  return out;
}

/** What judging a candidate did: the verdict, and for an accepted one the statements written. */
export interface CandidateVerdict {
  judgement: Judgement;
  statements?: number;
}

/**
 * Records a verdict on a candidate: `accept` (a positive judgement, and the candidate's statements in the
 * graph, cited to its sentence and asserted by `by`) or `reject` (a negative judgement only).
 * @example await judgeCandidate(store, candidate, "accept", "ana", "checked against p. 3")
 */
export async function judgeCandidate(
  store: Store,
  candidate: TieCandidate,
  verdict: "accept" | "reject",
  by: string,
  note?: string,
): Promise<CandidateVerdict> {
  return store.transaction(async (tx) => {
    const judgement = await tx.putJudgement({
      kind: TIE_KIND,
      subject: candidate.id,
      judgement: verdict === "accept" ? "positive" : "negative",
      by,
      ...(note ? { why: note } : {}),
    });
    if (verdict === "reject") return { judgement };
    const entries = new Map(loadLexicon().entries.map((e) => [e.id, e]));
    const statements = tieStatements(candidate, entries, by).map((s) => makeStatement(s));
    await tx.putStatements(statements);
    return { judgement, statements: statements.length };
  });
}
