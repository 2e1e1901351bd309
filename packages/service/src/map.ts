import type { Graph } from "./graph.js";
import type { ProjectCollection, ProjectFeature, SourceView } from "./types.js";
import { dateOf, sourceView } from "./views.js";

export interface ProjectFilter {
  /** The contractor's entity id. */
  company?: string;
  category?: string;
  /** Lower-case ISO country code. */
  country?: string;
  /** The year the project started. */
  year?: number;
}

/**
 * The projects with coordinates as GeoJSON points, one per place, each with its contractor, category,
 * country, city, start year and sources, optionally filtered. Pure.
 * @example projectFeatures(graph, { company: "huawei", country: "ke" }).features.length // 1
 */
export function projectFeatures(graph: Graph, filter: ProjectFilter = {}): ProjectCollection {
  const features: ProjectFeature[] = [];
  for (const e of graph.entities.values()) {
    if (e.schema !== "Project") continue;
    const lats = e.properties.latitude ?? [];
    const lons = e.properties.longitude ?? [];
    const contractor = filter.company ?? e.properties.contractor?.[0] ?? null;
    const category = e.properties.category?.[0] ?? null;
    const country = e.properties.country?.[0] ?? null;
    const date = dateOf(e);
    const year = date ? Number(date.slice(0, 4)) : null;
    if (filter.company !== undefined && !(e.properties.contractor ?? []).includes(filter.company)) continue;
    if (filter.category !== undefined && !(e.properties.category ?? []).includes(filter.category)) continue;
    if (filter.country !== undefined && !(e.properties.country ?? []).includes(filter.country.toLowerCase()))
      continue;
    if (filter.year !== undefined && year !== filter.year) continue;
    const sources = new Map<string, SourceView>();
    for (const s of e.statements) {
      if (s.stance === "denied") continue;
      const v = sourceView(s.source, graph.documents);
      sources.set(JSON.stringify(v), v);
    }
    const company = contractor ? graph.entities.get(contractor) : undefined;
    for (let i = 0; i < Math.min(lats.length, lons.length); i++) {
      const lat = Number(lats[i]);
      const lon = Number(lons[i]);
      if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
      features.push({
        type: "Feature",
        id: i === 0 ? e.id : `${e.id}#${i}`,
        geometry: { type: "Point", coordinates: [lon, lat] },
        properties: {
          id: e.id,
          name: e.caption,
          company: contractor,
          company_name: company?.caption ?? null,
          category,
          country,
          city: e.properties.city?.[i] ?? e.properties.city?.[0] ?? null,
          year,
          sources: [...sources.values()],
        },
      });
    }
  }
  features.sort((a, b) => a.id.localeCompare(b.id));
  return { type: "FeatureCollection", features };
}
