import { type Entity, getSchema, isA } from "@tiegraph/model";
import { type Graph, labelOf } from "./graph.js";
import { isDesignation } from "./profile.js";
import type { Network, NetworkEdge, NetworkNode, NodeGroup } from "./types.js";
import { isCompany, isState, MAX_PEOPLE } from "./views.js";

/** The group a node is drawn in. */
export function groupOf(e: Entity): NodeGroup {
  if (isA(e.schema, "Person")) return "person";
  if (isA(e.schema, "Project")) return "project";
  if (isState(e)) return "state";
  if (isCompany(e)) return "company";
  return "other";
}

/** Whether an entity is drawn as a node: companies, state bodies, projects, people (not events or links). */
const isNode = (e: Entity) =>
  !getSchema(e.schema).edge && (isA(e.schema, "LegalEntity") || isA(e.schema, "Project"));

/**
 * Every edge of the graph between nodes: relationship entities (owns, works for, belongs to, directs),
 * a project's contractor and clients, an event's organiser and parties, and other references between
 * nodes (a parent company). Pure.
 */
export function allEdges(graph: Graph): NetworkEdge[] {
  const edges: NetworkEdge[] = [];
  const seen = new Set<string>();
  const add = (source: string, target: string, label: string, via?: string) => {
    if (source === target) return;
    const a = graph.entities.get(source);
    const b = graph.entities.get(target);
    if (!a || !b || !isNode(a) || !isNode(b)) return;
    const id = `${source}>${target}:${via ?? label}`;
    if (seen.has(id)) return;
    seen.add(id);
    edges.push({ id, source, target, label, ...(via ? { via } : {}) });
  };
  for (const e of graph.entities.values()) {
    const edge = getSchema(e.schema).edge;
    if (edge) {
      for (const s of e.properties[edge.source] ?? [])
        for (const t of e.properties[edge.target] ?? []) add(s, t, edge.label, e.id);
      continue;
    }
    if (isA(e.schema, "Event")) {
      if (isDesignation(e)) continue;
      const involved = e.properties.involved ?? [];
      const organizers = e.properties.organizer ?? [];
      const label = e.properties.category?.[0] ?? "event";
      if (organizers.length > 0) {
        for (const o of organizers) for (const i of involved) add(o, i, label, e.id);
      } else {
        // Without an organiser: from the first company involved to the other parties.
        const hub =
          involved.find((i) => {
            const x = graph.entities.get(i);
            return x !== undefined && isCompany(x);
          }) ?? involved[0];
        if (hub) for (const i of involved) add(hub, i, label, e.id);
      }
      continue;
    }
    if (!isNode(e)) continue;
    for (const [prop, values] of Object.entries(e.properties)) {
      for (const v of values) {
        if (!graph.entities.has(v) || v === e.id) continue;
        add(e.id, v, labelOf(e.schema, prop));
      }
    }
  }
  return edges;
}

export interface NetworkOptions {
  /** The node to start from; without it, the companies of interest and what they link to. */
  focus?: string;
  /** How many steps from the focus (default 1). */
  depth?: number;
  /** Only nodes of these schemata (or kinds of them), besides the focus. */
  schemata?: readonly string[];
  /** People drawn at most (default `MAX_PEOPLE`): the best-linked; the rest are counted in `omitted`. */
  maxPeople?: number;
  /** The starting nodes when there is no focus (default: every company linked to a state body or project). */
  seeds?: readonly string[];
}

/**
 * The network around a node (breadth first to `depth` steps; a project comes with its parties, so a
 * company's state clients are one step away) or, without a focus, around the companies:
 * nodes with their group (company, state, project, person, other) and the edges between them. Pure;
 * throws `No such entity: X` for an unknown focus.
 * @example network(graph, { focus: "huawei", depth: 1 }).nodes.some((n) => n.group === "state") // true
 */
export function network(graph: Graph, options: NetworkOptions = {}): Network {
  const edges = allEdges(graph);
  const wanted = (id: string) => {
    if (!options.schemata || options.schemata.length === 0 || id === options.focus) return true;
    const e = graph.entities.get(id);
    return e !== undefined && options.schemata.some((s) => isA(e.schema, s));
  };
  const adjacent = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = adjacent.get(a);
    if (list) list.push(b);
    else adjacent.set(a, [b]);
  };
  for (const e of edges) {
    link(e.source, e.target);
    link(e.target, e.source);
  }
  let start: string[];
  let depth = options.depth ?? 1;
  if (options.focus !== undefined) {
    const f = graph.entities.get(options.focus);
    if (!f) throw new Error(`No such entity: ${options.focus}`);
    start = [f.id];
  } else {
    start =
      options.seeds?.filter((id) => graph.entities.has(id)) ??
      [...graph.entities.values()]
        .filter((e) => isCompany(e) && (adjacent.get(e.id)?.length ?? 0) > 0)
        .map((e) => e.id);
    depth = options.depth ?? 1;
  }
  const included = new Set(start);
  const isProject = (id: string) => {
    const e = graph.entities.get(id);
    return e !== undefined && isA(e.schema, "Project");
  };
  let frontier = start;
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const n of adjacent.get(id) ?? []) {
        if (included.has(n) || !wanted(n)) continue;
        included.add(n);
        next.push(n);
      }
    }
    // A project reached comes with its parties (the contractor's clients are one step, not two).
    for (const id of next.filter(isProject)) {
      for (const n of adjacent.get(id) ?? []) {
        if (!included.has(n) && wanted(n)) included.add(n);
      }
    }
    frontier = next;
  }
  // People (a screening run's can be thousands): the best-linked up to the cap, the rest counted.
  const maxPeople = options.maxPeople ?? MAX_PEOPLE;
  const people = [...included].filter((id) => {
    const e = graph.entities.get(id);
    return id !== options.focus && e !== undefined && groupOf(e) === "person";
  });
  let omitted = 0;
  if (people.length > maxPeople) {
    const degree = (id: string) => (adjacent.get(id) ?? []).filter((n) => included.has(n)).length;
    const ranked = people
      .map((id) => ({ id, degree: degree(id) }))
      .sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : 1));
    for (const { id } of ranked.slice(maxPeople)) included.delete(id);
    omitted = people.length - maxPeople;
  }
  const nodes: NetworkNode[] = [];
  for (const id of included) {
    const e = graph.entities.get(id);
    if (e) nodes.push({ id, caption: e.caption, schema: e.schema, group: groupOf(e) });
  }
  const out: Network = {
    nodes,
    edges: edges.filter((e) => included.has(e.source) && included.has(e.target)),
  };
  if (omitted > 0) out.omitted = { person: omitted };
  return out;
}
