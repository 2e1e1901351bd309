import { type Entity, isA } from "@tiegraph/model";
import type { Graph } from "./graph.js";
import { toTimelineItem } from "./profile.js";
import type { TimelineItem } from "./types.js";

export interface TimelineOptions {
  /** Only items that refer to this entity (a project it carries out, an event it is part of …). */
  company?: string;
  /** Only items with this keyword (`xinjiang`, `russia`, `overseas`) or country code (`ru`, `ke`). */
  region?: string;
}

const TIMELINE_SCHEMATA = ["Project", "Event", "Sanction", "Interest"];

/** Whether an entity refers to `id` through any of its values. */
const refersTo = (e: Entity, id: string) => Object.values(e.properties).some((vs) => vs.includes(id));

/** Whether an entity belongs to a region: by keyword, or by country code. */
export function inRegion(e: Entity, region: string): boolean {
  const r = region.toLowerCase();
  return (
    (e.properties.keywords ?? []).some((k) => k.toLowerCase() === r) ||
    (e.properties.country ?? []).some((c) => c.toLowerCase() === r)
  );
}

/**
 * Dated items (projects, events, designations, ownership and positions) sorted by date, optionally of
 * one company and of one region; each with its claims, so each has a source. Pure; an unknown company
 * throws `No such entity: X`.
 * @example timeline(graph, { company: "huawei", region: "xinjiang" })[0]?.date // "2011"
 */
export function timeline(graph: Graph, options: TimelineOptions = {}): TimelineItem[] {
  if (options.company !== undefined && !graph.entities.has(options.company))
    throw new Error(`No such entity: ${options.company}`);
  const out: TimelineItem[] = [];
  for (const e of graph.entities.values()) {
    if (!TIMELINE_SCHEMATA.some((s) => isA(e.schema, s))) continue;
    if (options.company !== undefined && !refersTo(e, options.company)) continue;
    if (options.region !== undefined && !inRegion(e, options.region)) continue;
    const item = toTimelineItem(e, graph);
    if (item) out.push(item);
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));
}
