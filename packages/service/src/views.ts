import {
  type Entity,
  getSchema,
  isA,
  isDocumentSource,
  isMetaProp,
  type Source,
  type Statement,
} from "@tiegraph/model";
import type { DocumentSummary } from "@tiegraph/store";
import { type Graph, isRefProp } from "./graph.js";
import type { Claim, EntityView, SourceView } from "./types.js";

/** An entity as shown: id, schema, caption, values and datasets. */
export function entityView(e: Entity): EntityView {
  return { id: e.id, schema: e.schema, caption: e.caption, properties: e.properties, datasets: e.datasets };
}

/** A statement's source with what is known of its document. */
export function sourceView(source: Source, documents: ReadonlyMap<string, DocumentSummary>): SourceView {
  if (isDocumentSource(source)) {
    const d = documents.get(source.document);
    const v: SourceView = {
      kind: "document",
      document: source.document,
      start: source.start,
      end: source.end,
    };
    if (d?.title) v.title = d.title;
    if (d?.url) v.url = d.url;
    if (d?.publisher) v.publisher = d.publisher;
    if (d?.published) v.published = d.published;
    return v;
  }
  const v: SourceView = { kind: "url", url: source.url };
  if (source.title) v.title = source.title;
  if (source.publisher) v.publisher = source.publisher;
  if (source.date) v.date = source.date;
  return v;
}

/** A statement as a claim, with the denials that answer it (from the graph's index). */
export function toClaim(s: Statement, graph: Graph, depth = 0): Claim {
  const c: Claim = {
    id: s.id,
    entity: s.entity_id,
    prop: s.prop,
    value: s.value,
    stance: s.stance,
    source: sourceView(s.source, graph.documents),
    denials: depth > 2 ? [] : (graph.denials.get(s.id) ?? []).map((d) => toClaim(d, graph, depth + 1)),
    asserted_by: s.asserted_by,
  };
  if (s.answers !== undefined) c.answers = s.answers;
  if (isRefProp(s.schema, s.prop)) {
    const ref = graph.entities.get(s.value);
    if (ref) c.ref = { id: ref.id, caption: ref.caption, schema: ref.schema };
  }
  return c;
}

/**
 * The claims of an entity, in statement order: every statement but the `id` and `$` ones. A denial
 * does not stand on its own: it sits in the `denials` of the claim it answers, and when that claim
 * belongs to another entity, that claim is shown here (once) with it.
 */
export function claimsOf(e: Entity, graph: Graph): Claim[] {
  const out: Claim[] = [];
  const shown = new Set<string>();
  for (const s of e.statements) {
    if (isMetaProp(s.prop)) continue;
    if (s.stance === "denied" && s.answers !== undefined) {
      if (e.statements.some((o) => o.id === s.answers) || shown.has(s.answers)) continue;
      const claim = graph.statements.get(s.answers);
      if (!claim) continue;
      shown.add(claim.id);
      out.push(toClaim(claim, graph));
      continue;
    }
    if (shown.has(s.id)) continue;
    shown.add(s.id);
    out.push(toClaim(s, graph));
  }
  return out;
}

/** The claims of `e` on one property and value (the statements that make one link). */
export function claimsFor(e: Entity, prop: string, value: string, graph: Graph): Claim[] {
  return e.statements
    .filter((s) => s.prop === prop && s.value === value && s.stance !== "denied")
    .map((s) => toClaim(s, graph));
}

const DATE_PROPS: Record<string, string[]> = {
  Project: ["startDate", "date", "endDate"],
  Sanction: ["listingDate", "startDate", "date"],
  Event: ["date", "startDate"],
};

/** The date an entity is placed at: its earliest start (or listing, or event) date, if any. */
export function dateOf(e: Entity): string | undefined {
  const props = DATE_PROPS[e.schema] ?? (isA(e.schema, "Interval") ? ["startDate", "date"] : []);
  for (const p of props) {
    const values = e.properties[p];
    if (values && values.length > 0) return [...values].sort()[0];
  }
  return undefined;
}

/** Whether an entity is a state body or the party: a PublicBody, or an Organization in China. */
export function isState(e: Entity): boolean {
  if (isA(e.schema, "PublicBody")) return true;
  return e.schema === "Organization" && (e.properties.country ?? []).includes("cn");
}

/** Whether an entity is a company or an organisation other than a state body. */
export function isCompany(e: Entity): boolean {
  return isA(e.schema, "Organization") && !isState(e) && e.schema !== "PublicBody";
}

/** The schema's label, for text. */
export const schemaLabel = (schema: string): string => getSchema(schema).label;

/** People shown at most in one network, profile or list of links; a screening run's thousands would bury the rest. */
export const MAX_PEOPLE = 200;
