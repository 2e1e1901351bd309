import type { Stance } from "@tiegraph/model";

/**
 * The authoring format of the data set: what the files under `src/data/` hold. Sources are declared once
 * in `sources.json` and referenced by key; entities live in topic files; coordinates come from the
 * gazetteer in `gazetteer.json`.
 */

/** A published page or report. */
export interface UrlSourceSpec {
  url: string;
  title?: string;
  publisher?: string;
  /** Publication date, ISO 8601 (a year or year-month is fine). */
  date?: string;
  /** For a row of a published list: which row, as the list identifies it. Appended to the title. */
  row?: string;
}

/**
 * A character span of a stored document (UTF-16 offsets, `end` exclusive). `words` are a few words the
 * span contains, so that a test can check that the offsets still point at the cited text.
 */
export interface DocumentSourceSpec {
  document: string;
  start: number;
  end: number;
  words: string;
}

export type SourceSpec = UrlSourceSpec | DocumentSourceSpec;

/** `sources.json`: every citation of the data set, by key. */
export type SourceTable = Record<string, SourceSpec>;

/**
 * One value of a property. A bare string or number takes the entity's default source and stance. `key`
 * names the statement so that another value can `answer` it (a denial answers a claim).
 */
export type ValueSpec =
  | string
  | number
  | {
      value: string | number;
      source?: string;
      stance?: Stance;
      answers?: string;
      key?: string;
      lang?: string;
    };

/** An entity as authored: its schema, default source and stance, properties, and optionally a place. */
export interface EntitySpec {
  id: string;
  schema: string;
  /** Default source key of values that name none. */
  source?: string;
  /** Default stance of values that name none; `reported` when absent. */
  stance?: Stance;
  /** A gazetteer key: the entity gets that place's latitude and longitude (city centres). */
  place?: string;
  properties: Record<string, ValueSpec | ValueSpec[]>;
}

/** A topic file: a short description of what it holds, and its entities. */
export interface DatasetFile {
  about?: string;
  entities: EntitySpec[];
}

/** A place of the gazetteer: a city centre. */
export interface Place {
  name: string;
  /** Lower-case ISO 3166-1 code. */
  country: string;
  lat: number;
  lon: number;
  /** Whether it is the country's capital (a project whose source names only the country is placed there). */
  capital?: boolean;
}

/** `gazetteer.json`. */
export interface Gazetteer {
  note: string;
  places: Record<string, Place>;
}

/** `dataset.json`: the data set's name, version and description. */
export interface Manifest {
  name: string;
  version: string;
  title: string;
  description: string;
}

/** Everything the compiler needs; `gazetteerText` is the gazetteer file as stored, for citation spans. */
export interface DatasetInput {
  manifest: Manifest;
  sources: SourceTable;
  gazetteer: Gazetteer;
  gazetteerText: string;
  files: { name: string; data: DatasetFile }[];
}
