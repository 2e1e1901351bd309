export {
  type AppOptions,
  CONTENT_SECURITY_POLICY,
  createApp,
  localUser,
  parseUsers,
} from "./app.js";
export {
  allows,
  type ErrorBody,
  errorAnswer,
  HttpError,
  type Issue,
  ROLES,
  type Role,
  type User,
  ValidationError,
  validate,
} from "./http.js";
export {
  answerQueries,
  MatchIndexes,
  type MatchQueryResponse,
  type MatchRequestQuery,
  type MatchResponse,
} from "./match.js";
export { InputChangedError, inputPath, type RunInputs, readRecordAt, runInputs } from "./records.js";
export { openApiDocument } from "./routes.js";
export {
  type AuditEntryView,
  type AuditList,
  type HitDetail,
  type HitEvidence,
  type HitList,
  type HitRow,
  hitDetail,
  hitRow,
  publicFunnel,
  type RevealResponse,
  type ReviewResponse,
  type RunDetail,
  type RunFunnelCounts,
  type RunList,
  type RunSummary,
  runSummary,
  type WorkStint,
} from "./runs.js";
export { NOT_BUILT_PAGE, staticFile } from "./static.js";
export type * from "./types.js";
