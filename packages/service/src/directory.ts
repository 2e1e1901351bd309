import { type Entity, isA } from "@tiegraph/model";
import type { Graph } from "./graph.js";
import { companyProfile } from "./profile.js";
import type { CompanySummary, DesignationSummary, EntityView } from "./types.js";
import { entityView, isCompany } from "./views.js";

const unique = (xs: string[]) => [...new Set(xs)];

/**
 * The companies of interest: Company and (non-state) Organization entities with projects, ownership,
 * designations or ties to state bodies, the companies with most ties first. Pure.
 * @example companies(graph).find((c) => c.id === "huawei")?.designations[0]?.date // "2019-05-16"
 */
export function companies(graph: Graph): CompanySummary[] {
  const out: CompanySummary[] = [];
  for (const e of graph.entities.values()) {
    if (!isCompany(e) || !graph.referrers.has(e.id)) continue;
    const p = companyProfile(graph, e.id);
    if (p.projects.length + p.ownership.length + p.designations.length + p.ties.length === 0) continue;
    const designations: DesignationSummary[] = p.designations.map((d) => {
      const props = d.entity.properties;
      const label = isA(d.entity.schema, "Sanction")
        ? (props.program?.[0] ?? d.entity.caption)
        : d.entity.caption;
      const authority = props.authority?.[0];
      return { label, ...(d.date ? { date: d.date } : {}), ...(authority ? { authority } : {}) };
    });
    out.push({
      id: e.id,
      caption: e.caption,
      names: unique([...(e.properties.name ?? []), ...(e.properties.alias ?? [])]),
      country: e.properties.country ?? [],
      designations,
      projects: p.projects.length,
      ties: p.ties.length,
    });
  }
  return out.sort(
    (a, b) =>
      b.ties + b.projects + b.designations.length - (a.ties + a.projects + a.designations.length) ||
      a.caption.localeCompare(b.caption),
  );
}

const fold = (s: string) => s.normalize("NFKC").toLowerCase();

/** Names an entity is found by: its caption, names and aliases. */
const namesOf = (e: Entity) =>
  unique([e.caption, ...(e.properties.name ?? []), ...(e.properties.alias ?? [])]).map(fold);

/**
 * Entities of the graph whose names contain every word of the query (Chinese substrings and English
 * words alike, case folded), exact names first, then names that start with the query. Pure.
 * @example searchEntities(graph, "华为").map((e) => e.id) // ["huawei", …]
 */
export function searchEntities(graph: Graph, query: string, limit = 20): EntityView[] {
  const q = fold(query).trim();
  const terms = q.split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [];
  const found: { e: Entity; rank: number }[] = [];
  for (const e of graph.entities.values()) {
    if (isA(e.schema, "Interest") || isA(e.schema, "Sanction")) continue;
    const names = namesOf(e);
    if (!names.some((n) => terms.every((t) => n.includes(t)))) continue;
    const rank = names.includes(q) ? 0 : names.some((n) => n.startsWith(q)) ? 1 : 2;
    found.push({ e, rank });
  }
  found.sort(
    (a, b) => a.rank - b.rank || a.e.caption.length - b.e.caption.length || a.e.id.localeCompare(b.e.id),
  );
  return found.slice(0, limit).map((f) => entityView(f.e));
}
