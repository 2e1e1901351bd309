import type { Store } from "@tiegraph/store";

/**
 * Projects with coordinates as a GeoJSON FeatureCollection, each point with all its properties and
 * sources (what `tiegraph export geojson` writes).
 */
export async function projectsGeoJson(store: Store, dataset?: string): Promise<object> {
  const features: object[] = [];
  for await (const e of store.iterateEntities({ schema: "Project", ...(dataset ? { dataset } : {}) })) {
    const lat = Number(e.properties.latitude?.[0]);
    const lon = Number(e.properties.longitude?.[0]);
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    const sources = new Map<string, object>();
    for (const st of e.statements) sources.set(JSON.stringify(st.source), st.source);
    features.push({
      type: "Feature",
      id: e.id,
      geometry: { type: "Point", coordinates: [lon, lat] },
      properties: {
        id: e.id,
        caption: e.caption,
        ...e.properties,
        datasets: e.datasets,
        sources: [...sources.values()],
      },
    });
  }
  return { type: "FeatureCollection", features };
}
