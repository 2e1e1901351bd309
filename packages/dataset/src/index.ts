export {
  compileDataset,
  DATASET_ASSERTER,
  DatasetError,
  GAZETTEER_DOCUMENT,
  isDocumentSpec,
  type LoadedDataset,
  placeSpan,
  toSource,
} from "./compile.js";
export type {
  DatasetFile,
  DatasetInput,
  DocumentSourceSpec,
  EntitySpec,
  Gazetteer,
  Manifest,
  Place,
  SourceSpec,
  SourceTable,
  UrlSourceSpec,
  ValueSpec,
} from "./format.js";
export { DATA_DIR, loadDataset, readDataset } from "./load.js";
