/**
 * Shapes of the HTTP API's answers, from `@tiegraph/server` (one definition shared with the server),
 * and those of the screening-run routes after api.md.
 */

import type { DocumentResponse } from "@tiegraph/server";

export type {
  AuditList,
  CandidateList,
  Claim,
  CompanyList,
  CompanySummary,
  DocumentResponse,
  EntityDetail as EntityResponse,
  EntityView,
  HitDetail,
  HitEvidence,
  HitList,
  HitRow,
  Item,
  JudgedCandidate as Candidate,
  Judgement,
  Link,
  Me,
  Neighbours,
  Network,
  NetworkEdge,
  NetworkNode,
  ProfileResponse as Profile,
  ProjectCollection,
  ProjectFeature,
  RefView,
  RevealResponse,
  ReviewResponse,
  RunDetail,
  RunFunnelCounts as Funnel,
  RunList,
  RunSummary,
  SearchResponse,
  SearchResult,
  SourceView,
  StatementEvidence,
  Stats,
  Timeline,
  TimelineItem,
  Verdict,
  WorkStint,
} from "@tiegraph/server";

/** A tag of a stored document (an entity, place or date mentioned at `start..end`), where the API gives them. */
export interface TagView {
  kind: string;
  start: number;
  end: number;
  text: string;
  name?: string;
}

/** `GET /api/documents/:id`, with the document's tags when the server has them. */
export type DocumentWithTags = DocumentResponse & { tags?: TagView[] };
