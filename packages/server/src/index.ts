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
export { openApiDocument } from "./routes.js";
export { NOT_BUILT_PAGE, staticFile } from "./static.js";
export type * from "./types.js";
