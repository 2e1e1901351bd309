export { COUNTRY_NAMES, countryCode } from "./countries.js";
export { cleanName, frRules, linkedTo, orgSchema, parseCsl, splitAffiliate, splitMulti } from "./csl.js";
export { asText, type CsvRow, parseCsv, utf8Length } from "./csv.js";
export {
  DESIGNATION_ASSERTER,
  DESIGNATIONS_DATASET,
  type DesignationSubject,
  designationId,
  designationStatements,
  featureText,
  type HitEmployer,
  hitEmployers,
  listName,
  resultEntries,
  type Screened,
  type Subject,
  screenSubjects,
  subjectNames,
} from "./designation.js";
export { type ChangedItem, type DiffItem, diffLists, type ListDiff } from "./diff.js";
export { parseFtm } from "./ftm.js";
export {
  buildIndex,
  type ChildLink,
  DEFAULT_LIMIT,
  DEFAULT_THRESHOLD,
  type Features,
  type IndexOptions,
  type MatchIndex,
  type MatchOptions,
  type MatchQuery,
  type MatchResult,
  match,
  nameSimilarity,
  type Prepared,
  prepare,
  schemaMatches,
  scoreForms,
  WEIGHTS,
  withDifferences,
} from "./matcher.js";
export {
  addAll,
  type FtmEntity,
  groupByRule,
  LIST_SCHEMATA,
  type ListEntry,
  type ListSchema,
  linkParents,
  looseKey,
  mergeEntry,
  newEntry,
  type ParseOptions,
  type ParseResult,
  stableHash,
  toFtm,
} from "./model.js";
export {
  canonicalToken,
  dropTrailingParen,
  foldName,
  type NameForm,
  type NameKind,
  nameForms,
  placesCompatible,
  toSimplified,
  trailingShortName,
} from "./normalize.js";
export { type OfacFiles, type OfacOptions, ofacDate, ofacValue, parseOfac } from "./ofac.js";
export { listDate, parseOpenSanctionsCsv } from "./opensanctions.js";
export { pinyinOf, readingsOf, syllables } from "./pinyin.js";
export {
  dice,
  hanSimilarity,
  jaroWinkler,
  ngrams,
  tokenPairSimilarity,
  tokenSetSimilarity,
  weightedTokenSimilarity,
} from "./similarity.js";
export { LIST_ENTRY_PROP, listDatasets, storedEntries } from "./stored.js";
