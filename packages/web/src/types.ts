/**
 * Shapes of the HTTP API's responses (packages/server). Kept in one module so that the views import
 * them from one place.
 */

export interface DatasetInfo {
  name: string;
  title?: string;
  version?: string;
  statements?: number;
  [k: string]: unknown;
}

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

export interface EntityView {
  id: string;
  schema: string;
  caption: string;
  properties: Record<string, string[]>;
  datasets: string[];
}

export interface Claim {
  id: string;
  prop: string;
  value: string;
  stance: string;
  source: SourceView;
  answers?: string;
  denials: Claim[];
  asserted_by: unknown;
}

export interface Link {
  entity: EntityView;
  via?: EntityView;
  label: string;
  direction: "in" | "out";
  claims: Claim[];
}

export interface Item {
  entity: EntityView;
  date?: string;
  claims: Claim[];
}

export interface TimelineItem {
  date: string;
  entity: EntityView;
  title: string;
  kind: string;
  claims: Claim[];
}

export interface CompanySummary {
  id: string;
  caption: string;
  names: string[];
  country: string[];
  designations: { label: string; date?: string; authority?: string }[];
  projects: number;
  ties: number;
}

export interface Stats {
  datasets: DatasetInfo[];
  documents: number;
  runs: number;
}

export interface CompanyList {
  companies: CompanySummary[];
}

export interface EntityResponse {
  entity: EntityView;
  claims: Claim[];
}

export interface Profile {
  entity: EntityView;
  overview: Claim[];
  ownership: Link[];
  ties: Link[];
  designations: Item[];
  projects: Item[];
  timeline: TimelineItem[];
  people: Link[];
}

export interface Neighbours {
  neighbours: Link[];
}

export interface NetworkNode {
  id: string;
  caption: string;
  schema: string;
  group: "company" | "state" | "project" | "person" | "other";
}

export interface NetworkEdge {
  id: string;
  source: string;
  target: string;
  label: string;
  via?: string;
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

export interface ProjectProperties {
  id: string;
  name: string;
  company: string;
  company_name: string;
  category: string;
  country: string;
  city: string;
  year: string;
  sources: SourceView[];
}

export interface ProjectFeature {
  type: "Feature";
  id?: string;
  geometry: { type: "Point"; coordinates: [number, number] };
  properties: ProjectProperties;
}

export interface ProjectCollection {
  type: "FeatureCollection";
  features: ProjectFeature[];
}

export interface Timeline {
  items: TimelineItem[];
}

export interface DocumentText {
  id: string;
  title?: string;
  url?: string;
  publisher?: string;
  published?: string;
  text: string;
}

export interface StatementEvidence {
  claim: Claim;
  document?: DocumentText;
}

export interface DocumentSummary {
  id: string;
  title?: string;
  url?: string;
  file_name?: string;
  [k: string]: unknown;
}

export interface SearchMatch {
  start: number;
  end: number;
  text: string;
  snippet: string;
  snippet_start: number;
}

export interface SearchResult {
  document: string;
  title?: string;
  url?: string;
  count: number;
  matches: SearchMatch[];
}

export interface SearchResponse {
  documents: SearchResult[];
  entities: EntityView[];
}

export interface StoredDocument {
  id: string;
  text: string;
  title?: string;
  url?: string;
  [k: string]: unknown;
}

export interface DocumentResponse {
  document: StoredDocument;
  tags?: unknown[];
}

export interface Judgement {
  id: string;
  kind: string;
  subject: string;
  judgement: "positive" | "negative" | "unsure";
  by: string;
  at: string;
  why?: string;
}

export interface Candidate {
  id: string;
  subject: { entity: string; text: string };
  object: { entity: string | null; text: string; category: string };
  relation: string;
  date: string | null;
  stance: string;
  evidence: { document: string; start: number; end: number; text: string };
  status: string;
  judgement?: Judgement;
}

export interface CandidateList {
  candidates: Candidate[];
}

export interface Funnel {
  read: number;
  subset?: number;
  employees: number;
  with_ties: number;
  national_security: number;
  [k: string]: unknown;
}

export interface RunSummary {
  id: string;
  title: string;
  target: string;
  started_at: string;
  finished_at: string;
  funnel: Funnel;
}

export interface HitRow {
  id: string;
  pseudonym: string;
  status: string;
  employer: string;
  categories: string[];
  national_security: boolean;
  score: number;
  reasons: string[];
  review?: Judgement;
}

export interface HitList {
  total: number;
  hits: HitRow[];
}

export interface EvidenceItem {
  field: string;
  text: string;
  start: number;
  end: number;
  entry?: string;
  [k: string]: unknown;
}

export interface HitDetail {
  hit: HitRow;
  work: { start?: string; end?: string; org: string; title?: string; flags: string[] }[];
  evidence: EvidenceItem[];
  reviews: Judgement[];
}

export interface Me {
  user: string;
  role: "viewer" | "analyst" | "admin";
}
