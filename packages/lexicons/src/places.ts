import type { Place } from "@tiegraph/core";
import data from "./data/places.json" with { type: "json" };

/** Where the gazetteer's names and coordinates come from: a registry package, its version and licence. */
export interface GazetteerSource {
  package: string;
  version: string;
  licence: string;
  used_for: string;
}

/** The shipped gazetteer (`data/places.json`, built by `scripts/places.mjs`). */
export interface Gazetteer {
  version: string;
  description: string;
  sources: GazetteerSource[];
  places: Place[];
  byId: ReadonlyMap<string, Place>;
}

let cached: Gazetteer | undefined;

/**
 * The gazetteer: China's provinces, prefectures, county-level cities and counties and the world's
 * countries, each with its names (Chinese simplified and traditional, full and short; English and
 * pinyin), kind, parent and, where the sources give them, coordinates. Loaded once; treat as read-only.
 *
 * @example
 * loadGazetteer().byId.get("cn-650200")?.name // "Karamay"
 */
export function loadGazetteer(): Gazetteer {
  if (cached) return cached;
  const file = data as unknown as Omit<Gazetteer, "byId">;
  cached = { ...file, byId: new Map(file.places.map((p) => [p.id, p])) };
  return cached;
}

/**
 * Places whose names include `name`: exactly, or ignoring case and accents for Latin names, and as a
 * prefix when nothing matches exactly. Larger places first (country, province, prefecture, city, county).
 *
 * @example findPlaces("Urumqi")[0]?.id // "cn-650100"
 * @example findPlaces("喀什").map((p) => p.id) // ["cn-653100"]
 */
export function findPlaces(name: string, gazetteer: Gazetteer = loadGazetteer()): Place[] {
  const key = fold(name.trim());
  if (!key) return [];
  const rank = { country: 0, province: 1, prefecture: 2, city: 3, county: 4 } as const;
  const order = (a: Place, b: Place) => rank[a.kind] - rank[b.kind] || a.id.localeCompare(b.id);
  const exact = gazetteer.places.filter((p) => p.id === name || p.names.some((n) => fold(n) === key));
  if (exact.length > 0) return exact.sort(order);
  return gazetteer.places.filter((p) => p.names.some((n) => fold(n).startsWith(key))).sort(order);
}

const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
