import type { Asserter, Judgement, Stance } from "@tiegraph/model";

/**
 * The shapes the evidence graph is shown in: by the server's JSON API, by the web app and by a
 * published site. Every claim carries its source; denials sit in the claim they answer.
 */

/** An entity as shown: its values (denied ones left out) and datasets. */
export interface EntityView {
  id: string;
  schema: string;
  caption: string;
  properties: Record<string, string[]>;
  datasets: string[];
}

/** Where a claim comes from: a span of a stored document, or a published page. */
export type SourceView =
  | {
      kind: "document";
      document: string;
      start: number;
      end: number;
      title?: string;
      url?: string;
      publisher?: string;
      published?: string;
    }
  | { kind: "url"; url: string; title?: string; publisher?: string; date?: string };

/** The entity a value refers to (a project's client, an event's party). */
export interface RefView {
  id: string;
  caption: string;
  schema: string;
}

/** One statement as shown: the value, who says it and how, its source, and the denials that answer it. */
export interface Claim {
  /** The statement id. */
  id: string;
  /** The entity the statement is about. */
  entity: string;
  prop: string;
  value: string;
  stance: Stance;
  source: SourceView;
  /** For a denial: the id of the claim it answers. */
  answers?: string;
  /** The denials (`stance: "denied"`) that answer this claim. */
  denials: Claim[];
  asserted_by: Asserter;
  /** When the value is an entity id: that entity. */
  ref?: RefView;
}

/** An entity linked to another, directly or through a relationship or an event (`via`). */
export interface Link {
  entity: EntityView;
  via?: EntityView;
  label: string;
  /** `out`: from the entity asked about to `entity` (it owns, it is a member of); `in`: the reverse. */
  direction: "in" | "out";
  /** The evidence of the link: the claims of `via`, or the referring statements. */
  claims: Claim[];
}

/** An entity in a list, with its date where it has one. */
export interface Item {
  entity: EntityView;
  date?: string;
  claims: Claim[];
}

export type TimelineKind =
  | "project"
  | "event"
  | "designation"
  | "ownership"
  | "position"
  | "claim"
  | "denial";

/** A dated entry of a timeline. */
export interface TimelineItem {
  date: string;
  entity: EntityView;
  title: string;
  kind: TimelineKind;
  claims: Claim[];
}

/** A company's profile. */
export interface Profile {
  entity: EntityView;
  /** The company's own claims (names, founding, sector …). */
  overview: Claim[];
  /** Ownership and directorships, either way, and a parent company. */
  ownership: Link[];
  /** Ties to state bodies and the party: memberships, employment, projects' state clients, events. */
  ties: Link[];
  /** Designations, bans and sanctions: Sanction entities and events of those kinds. */
  designations: Item[];
  /** Projects the company carries out (or is the client of). */
  projects: Item[];
  /** Every dated item above, oldest first. */
  timeline: TimelineItem[];
  /** People linked to the company (directors, owners, employees, members), at most `MAX_PEOPLE`. */
  people: Link[];
  /** People beyond the cap, counted. */
  people_omitted?: number;
  /** Claims made about the company (events of category `statement`), with the denials beside them. */
  allegations: Item[];
}

export interface DesignationSummary {
  label: string;
  date?: string;
  authority?: string;
}

/** A company of interest, as listed in the directory. */
export interface CompanySummary {
  id: string;
  caption: string;
  names: string[];
  country: string[];
  designations: DesignationSummary[];
  projects: number;
  ties: number;
}

export type NodeGroup = "company" | "state" | "project" | "person" | "other";

export interface NetworkNode {
  id: string;
  caption: string;
  schema: string;
  group: NodeGroup;
}

export interface NetworkEdge {
  id: string;
  source: string;
  target: string;
  label: string;
  /** The relationship entity or event the edge comes from. */
  via?: string;
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** Nodes left out by a cap, by group (a screening run's people beyond the first `MAX_PEOPLE`). */
  omitted?: { person: number };
}

/** A project as a point on the map. */
export interface ProjectFeature {
  type: "Feature";
  id: string;
  geometry: { type: "Point"; coordinates: [number, number] };
  properties: {
    id: string;
    name: string;
    company: string | null;
    company_name: string | null;
    category: string | null;
    country: string | null;
    city: string | null;
    year: number | null;
    sources: SourceView[];
  };
}

export interface ProjectCollection {
  type: "FeatureCollection";
  features: ProjectFeature[];
}

/** The evidence of one claim: for a document source, the whole text. */
export interface Evidence {
  claim: Claim;
  document?: {
    id: string;
    title?: string;
    url?: string;
    publisher?: string;
    published?: string;
    text: string;
  };
}

export type { Judgement };
