/** Filters of the map and of a run's hits, applied in the browser. Pure. */

import type { HitRow, ProjectFeature } from "./types.js";

export interface MapFilters {
  company: string;
  category: string;
  country: string;
  year: string;
}

/**
 * The projects that pass the filters (an empty filter lets everything through). The year filter keeps
 * projects whose year (or date) starts with it.
 */
export function filterProjects(features: readonly ProjectFeature[], f: MapFilters): ProjectFeature[] {
  return features.filter((p) => {
    const x = p.properties;
    return (
      (!f.company || x.company === f.company) &&
      (!f.category || x.category === f.category) &&
      (!f.country || x.country === f.country) &&
      (!f.year || String(x.year ?? "").slice(0, 4) === f.year)
    );
  });
}

export interface HitFilters {
  national_security: string;
  status: string;
  category: string;
  review: string;
}

/** A run's hits that pass the filters, as the API's query parameters would select them. */
export function filterHits(hits: readonly HitRow[], f: HitFilters): HitRow[] {
  return hits.filter(
    (h) =>
      (!f.national_security || String(h.national_security) === f.national_security) &&
      (!f.status || h.status === f.status || (f.status === "none" && !h.status)) &&
      (!f.category || h.categories.includes(f.category)) &&
      (!f.review || (f.review === "open" ? !h.review : h.review?.judgement === f.review)),
  );
}
