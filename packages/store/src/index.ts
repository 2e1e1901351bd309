export {
  type ExportFtmOptions,
  exportFtm,
  type ImportFtmOptions,
  type ImportFtmResult,
  importFtm,
} from "./ftm.js";
export { listMigrations, type Migration, migrate } from "./migrate.js";
export {
  type DbSpec,
  DEFAULT_DB,
  describeDb,
  type OpenOptions,
  openStore,
  resolveDb,
  StoreBusyError,
} from "./open.js";
export {
  type AuditEntry,
  type AuditInput,
  HIT_REVIEW_KIND,
  hitSubject,
  type RunHit,
  type RunHitFilter,
  type RunHitInput,
  type RunInput,
  type StoredRun,
} from "./runs.js";
export { findMatches, likePattern, parseQuery, type SearchMatch, type SearchTerm } from "./search.js";
export { pgliteSql, postgresSql, type Sql } from "./sql.js";
export {
  type Dataset,
  type DatasetInfo,
  type DocumentInput,
  type DocumentSummary,
  documentId,
  type EntityQuery,
  type Neighbour,
  type NeighbourOptions,
  type PutDocumentResult,
  type SearchOptions,
  type SearchResult,
  SqlStore,
  type StatementFilter,
  type Store,
  type StoredDocument,
  sha256Text,
} from "./store.js";
