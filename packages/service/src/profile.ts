import { type Entity, getSchema, isA } from "@tiegraph/model";
import { type Graph, labelOf, refsOf } from "./graph.js";
import type { Item, Link, Profile, TimelineItem, TimelineKind } from "./types.js";
import { claimsFor, claimsOf, dateOf, entityView, isState, MAX_PEOPLE } from "./views.js";

/** Event categories that are designations, bans or sanctions. */
export const DESIGNATION_CATEGORIES = new Set(["designation", "ban", "sanction"]);

const categoryOf = (e: Entity) => e.properties.category ?? [];
const keywordsOf = (e: Entity) => e.properties.keywords ?? [];

/** Whether an entity is a designation, ban or sanction. */
export function isDesignation(e: Entity): boolean {
  if (isA(e.schema, "Sanction")) return true;
  return isA(e.schema, "Event") && categoryOf(e).some((c) => DESIGNATION_CATEGORIES.has(c));
}

/** Whether an event is a claim made about someone (category `statement`, keyword `claim`). */
export const isAllegation = (e: Entity): boolean =>
  isA(e.schema, "Event") && (categoryOf(e).includes("statement") || keywordsOf(e).includes("claim"));

/** Whether an event is a denial. */
export const isDenial = (e: Entity): boolean =>
  isA(e.schema, "Event") && (categoryOf(e).includes("denial") || keywordsOf(e).includes("denial"));

/** How an entity goes on a timeline. */
export function timelineKind(e: Entity): TimelineKind {
  if (isDesignation(e)) return "designation";
  if (isA(e.schema, "Project")) return "project";
  if (isA(e.schema, "Ownership")) return "ownership";
  if (isA(e.schema, "Interest")) return "position";
  if (isAllegation(e)) return "claim";
  if (isDenial(e)) return "denial";
  return "event";
}

/** An entity as an item, with its date and claims. */
export function toItem(e: Entity, graph: Graph): Item {
  const date = dateOf(e);
  return { entity: entityView(e), ...(date ? { date } : {}), claims: claimsOf(e, graph) };
}

/** A dated entity as a timeline item; undefined without a date or a claim. */
export function toTimelineItem(e: Entity, graph: Graph): TimelineItem | undefined {
  const date = dateOf(e);
  if (!date) return undefined;
  const claims = claimsOf(e, graph);
  if (claims.length === 0) return undefined;
  return { date, entity: entityView(e), title: e.caption, kind: timelineKind(e), claims };
}

/** How an event links its parties: its category, unless that says nothing. */
const eventLabel = (e: Entity): string => {
  const c = categoryOf(e)[0];
  return c && c !== "other" ? c : "involved";
};

const byDate = (a: { date?: string }, b: { date?: string }) =>
  (a.date ?? "9999").localeCompare(b.date ?? "9999");

/**
 * The entities linked to `id` in the graph, as links: the far end of relationship entities (an owner,
 * an employer), the entities that refer to it (a project's contractor, an event's party), and those
 * its own values refer to (a parent company). Pure.
 */
export function graphNeighbours(graph: Graph, id: string): Link[] {
  const self = graph.entities.get(id);
  if (!self) throw new Error(`No such entity: ${id}`);
  const out: Link[] = [];
  for (const { entity: r, prop } of graph.referrers.get(id) ?? []) {
    const edge = getSchema(r.schema).edge;
    if (edge && (prop === edge.source || prop === edge.target)) {
      const farProp = prop === edge.source ? edge.target : edge.source;
      for (const farId of r.properties[farProp] ?? []) {
        const far = graph.entities.get(farId);
        if (!far || far.id === id) continue;
        out.push({
          entity: entityView(far),
          via: entityView(r),
          label: edge.label,
          direction: prop === edge.source ? "out" : "in",
          claims: claimsOf(r, graph),
        });
      }
      continue;
    }
    out.push({
      entity: entityView(r),
      label: labelOf(r.schema, prop),
      direction: "in",
      claims: claimsFor(r, prop, id, graph),
    });
  }
  if (!getSchema(self.schema).edge) {
    for (const { id: to, prop } of refsOf(self)) {
      const far = graph.entities.get(to);
      if (!far) continue;
      out.push({
        entity: entityView(far),
        label: labelOf(self.schema, prop),
        direction: "out",
        claims: claimsFor(self, prop, to, graph),
      });
    }
  }
  return out;
}

/**
 * At most `max` links to people (directors and owners first, then by name), and how many more there
 * were: a screening run can link thousands of pseudonymous employees to one company.
 */
export function capPeople(links: Link[], max = MAX_PEOPLE): { links: Link[]; omitted: number } {
  const isPerson = (l: Link) => isA(l.entity.schema, "Person");
  const people = links.filter(isPerson);
  if (people.length <= max) return { links, omitted: 0 };
  const rank = (l: Link) =>
    l.via && (isA(l.via.schema, "Directorship") || isA(l.via.schema, "Ownership")) ? 0 : 1;
  const kept = new Set(
    people
      .map((l, i) => ({ l, i }))
      .sort((a, b) => rank(a.l) - rank(b.l) || a.i - b.i)
      .slice(0, max)
      .map((x) => x.l),
  );
  return { links: links.filter((l) => !isPerson(l) || kept.has(l)), omitted: people.length - max };
}

/**
 * A company's profile from the graph: overview, ownership, party-state ties, designations and bans,
 * projects, people, the claims about it with their denials, and a timeline of everything dated. Pure;
 * throws `No such entity: X`.
 * @example companyProfile(graph, "huawei").designations.map((d) => d.date) // ["2019-05-16", …]
 */
export function companyProfile(graph: Graph, id: string): Profile {
  const company = graph.entities.get(id);
  if (!company) throw new Error(`No such entity: ${id}`);
  const ownership: Link[] = [];
  const ties: Link[] = [];
  const people: Link[] = [];
  const designations = new Map<string, Item>();
  const projects = new Map<string, Item>();
  const allegations = new Map<string, Entity>();
  const denialEvents: Entity[] = [];
  const dated = new Map<string, Entity>();

  for (const { entity: r, prop } of graph.referrers.get(id) ?? []) {
    const edge = getSchema(r.schema).edge;
    if (edge && (prop === edge.source || prop === edge.target)) {
      const farProp = prop === edge.source ? edge.target : edge.source;
      for (const farId of r.properties[farProp] ?? []) {
        const far = graph.entities.get(farId);
        if (!far || far.id === id) continue;
        const link: Link = {
          entity: entityView(far),
          via: entityView(r),
          label: edge.label,
          direction: prop === edge.source ? "out" : "in",
          claims: claimsOf(r, graph),
        };
        if (isA(r.schema, "Ownership") || isA(r.schema, "Directorship")) ownership.push(link);
        else if (isState(far)) ties.push(link);
        if (isA(far.schema, "Person")) people.push(link);
      }
      dated.set(r.id, r);
      continue;
    }
    if (isDesignation(r)) {
      designations.set(r.id, toItem(r, graph));
      dated.set(r.id, r);
      continue;
    }
    if (isA(r.schema, "Project")) {
      projects.set(r.id, toItem(r, graph));
      dated.set(r.id, r);
      // The project's state clients are ties of its contractor.
      if (prop === "contractor") {
        for (const clientId of r.properties.client ?? []) {
          const client = graph.entities.get(clientId);
          if (!client || !isState(client)) continue;
          ties.push({
            entity: entityView(client),
            via: entityView(r),
            label: labelOf("Project", "client"),
            direction: "out",
            claims: claimsOf(r, graph),
          });
        }
      }
      continue;
    }
    if (isA(r.schema, "Event")) {
      dated.set(r.id, r);
      if (isAllegation(r)) {
        allegations.set(r.id, r);
        continue;
      }
      if (isDenial(r)) {
        denialEvents.push(r);
        continue;
      }
      const parties = [...(r.properties.involved ?? []), ...(r.properties.organizer ?? [])];
      for (const other of new Set(parties)) {
        const far = other === id ? undefined : graph.entities.get(other);
        if (!far || !isState(far)) continue;
        ties.push({
          entity: entityView(far),
          via: entityView(r),
          label: eventLabel(r),
          direction: "out",
          claims: claimsOf(r, graph),
        });
      }
    }
  }
  // Its own references: a parent company.
  for (const { id: to, prop } of refsOf(company)) {
    const far = graph.entities.get(to);
    if (!far || prop !== "parent") continue;
    ownership.push({
      entity: entityView(far),
      label: labelOf(company.schema, prop),
      direction: "out",
      claims: claimsFor(company, prop, to, graph),
    });
  }
  // A denial event shows on its own only when the claims it answers are not shown.
  const shownClaims = new Set<string>();
  for (const a of allegations.values()) for (const s of a.statements) shownClaims.add(s.id);
  for (const d of denialEvents) {
    const answers = d.statements.filter((s) => s.answers !== undefined);
    if (answers.length === 0 || answers.some((s) => !shownClaims.has(s.answers!))) allegations.set(d.id, d);
  }
  const timeline: TimelineItem[] = [];
  for (const e of dated.values()) {
    const item = toTimelineItem(e, graph);
    if (item) timeline.push(item);
  }
  timeline.sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));
  const capped = capPeople(people);
  return {
    entity: entityView(company),
    overview: claimsOf(company, graph),
    ownership,
    ties,
    designations: [...designations.values()].sort(byDate),
    projects: [...projects.values()].sort(byDate),
    timeline,
    people: capped.links,
    ...(capped.omitted > 0 ? { people_omitted: capped.omitted } : {}),
    allegations: [...allegations.values()].map((e) => toItem(e, graph)),
  };
}
