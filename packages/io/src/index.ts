export {
  type Format,
  type FormatOption,
  formatFromPath,
  type ReadOptions,
  type RecordBatch,
  readBatches,
  sniffDelimiter,
  uniqueHeader,
} from "./batches.js";
export { countCsvFields, parseCsvRow } from "./csv.js";
export { decodeRecord, endsMidStructure, frameCheck, toRejection } from "./decode.js";
export * from "./documents.js";
export {
  detectEncoding,
  ENCODINGS,
  type Encoding,
  type EncodingInfo,
  type EncodingOption,
  SNIFF_BYTES,
} from "./encoding.js";
export {
  DEFAULT_MAP,
  type EducationKey,
  type EntryPaths,
  type FieldMap,
  type FieldPath,
  getPath,
  type ListMap,
  parseFieldMap,
  parsePath,
  readFieldMap,
  toResumeRecord,
  type WorkKey,
} from "./fieldmap.js";
export { type ByteSource, type ByteSourceOptions, openByteSource, type SourceError } from "./source.js";
