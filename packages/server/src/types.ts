import type { Tag } from "@tiegraph/core";
import type { Judgement } from "@tiegraph/model";
import type {
  Claim,
  CompanySummary,
  EntityView,
  Evidence,
  JudgedCandidate,
  Link,
  Network,
  Profile,
  ProjectCollection,
  TimelineItem,
} from "@tiegraph/service";
import type { DatasetInfo, DocumentSummary, SearchResult, StoredDocument } from "@tiegraph/store";
import type { Role } from "./http.js";

/**
 * The answers of the API, as TypeScript types for its clients (`import type { CompanyList } from
 * "@tiegraph/server"`). See api.md for the routes.
 */

export type { Tag } from "@tiegraph/core";
export type { Judgement } from "@tiegraph/model";
export type {
  Claim,
  CompanySummary,
  DesignationSummary,
  EntityView,
  Evidence,
  Item,
  JudgedCandidate,
  Link,
  Network,
  NetworkEdge,
  NetworkNode,
  NodeGroup,
  Profile,
  ProjectCollection,
  ProjectFeature,
  RefView,
  SourceView,
  TimelineItem,
  TimelineKind,
} from "@tiegraph/service";
export type { DatasetInfo, DocumentSummary, SearchResult, StoredDocument } from "@tiegraph/store";

/** `GET /api/me` */
export interface Me {
  user: string;
  role: Role;
}
/** `GET /api/stats` */
export interface Stats {
  datasets: DatasetInfo[];
  documents: number;
  runs: number;
}
/** `GET /api/datasets` */
export interface DatasetList {
  datasets: DatasetInfo[];
}
/** `GET /api/companies` */
export interface CompanyList {
  companies: CompanySummary[];
}
/** `GET /api/entities/:id` */
export interface EntityDetail {
  entity: EntityView;
  claims: Claim[];
}
/** `GET /api/entities/:id/profile` */
export type ProfileResponse = Profile;
/** `GET /api/entities/:id/neighbours` */
export interface Neighbours {
  neighbours: Link[];
  /** People beyond the cap (`MAX_PEOPLE`), counted. */
  omitted?: { person: number };
}
/** `GET /api/network` */
export type NetworkResponse = Network;
/** `GET /api/projects` */
export type ProjectsResponse = ProjectCollection;
/** `GET /api/timeline` */
export interface Timeline {
  items: TimelineItem[];
}
/** `GET /api/statements/:id` */
export type StatementEvidence = Evidence;
/** `GET /api/documents` */
export interface DocumentList {
  documents: DocumentSummary[];
}
/** `GET /api/documents/:id` */
export interface DocumentResponse {
  document: StoredDocument;
  /** Mentions of lexicon entities, places and dates, with their spans. */
  tags?: Tag[];
}
/** `GET /api/search` */
export interface SearchResponse {
  documents: SearchResult[];
  entities: EntityView[];
}
/** `GET /api/ties/candidates` */
export interface CandidateList {
  candidates: JudgedCandidate[];
}
/** `POST /api/ties/:id/accept|reject` */
export interface Verdict {
  judgement: Judgement;
  statements?: number;
}
