export {
  allCandidates,
  type CandidateStatus,
  type CandidateVerdict,
  documentLexicon,
  findCandidate,
  type JudgedCandidate,
  judgeCandidate,
  TIE_KIND,
  TIES_DATASET,
  tieStatements,
} from "./candidates.js";
export { type DemoLoad, defaultSeeds, loadDemo, resolveDocuments } from "./demo.js";
export { companies, searchEntities } from "./directory.js";
export { entityDetail, evidence } from "./evidence.js";
export { projectsGeoJson } from "./geo.js";
export {
  buildGraph,
  DatasetWatch,
  datasetSignature,
  type Graph,
  GraphCache,
  isRefProp,
  labelOf,
  listDatasetNames,
  loadGraph,
  refsOf,
} from "./graph.js";
export { type ProjectFilter, projectFeatures } from "./map.js";
export { allEdges, groupOf, type NetworkOptions, network } from "./network.js";
export {
  capPeople,
  companyProfile,
  DESIGNATION_CATEGORIES,
  graphNeighbours,
  isAllegation,
  isDenial,
  isDesignation,
  timelineKind,
  toItem,
  toTimelineItem,
} from "./profile.js";
export { documentTagger, documentTags } from "./tags.js";
export { inRegion, type TimelineOptions, timeline } from "./timeline.js";
export type * from "./types.js";
export {
  claimsFor,
  claimsOf,
  dateOf,
  entityView,
  isCompany,
  isState,
  MAX_PEOPLE,
  sourceView,
  toClaim,
} from "./views.js";
