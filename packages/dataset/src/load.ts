import { readdirSync, readFileSync } from "node:fs";
import { compileDataset, type LoadedDataset } from "./compile.js";
import type { DatasetFile, DatasetInput, Gazetteer, Manifest, SourceTable } from "./format.js";

/**
 * The folder of the data files: `src/data`, read as stored both from the sources and from the build, so
 * that citation spans into the gazetteer match the file in the repository.
 */
export const DATA_DIR: URL = new URL("../src/data/", import.meta.url);

const SPECIAL = new Set(["dataset.json", "sources.json", "gazetteer.json"]);

function readJson<T>(dir: URL, name: string): T {
  return JSON.parse(readFileSync(new URL(name, dir), "utf8")) as T;
}

/**
 * Reads the authored data set from `dir`: `dataset.json`, `sources.json`, `gazetteer.json` and every
 * other `*.json` as a topic file, in name order.
 */
export function readDataset(dir: URL = DATA_DIR): DatasetInput {
  const names = readdirSync(dir)
    .filter((n) => n.endsWith(".json") && !SPECIAL.has(n))
    .sort();
  const gazetteerText = readFileSync(new URL("gazetteer.json", dir), "utf8");
  return {
    manifest: readJson<Manifest>(dir, "dataset.json"),
    sources: readJson<SourceTable>(dir, "sources.json"),
    gazetteer: JSON.parse(gazetteerText) as Gazetteer,
    gazetteerText,
    files: names.map((name) => ({ name, data: readJson<DatasetFile>(dir, name) })),
  };
}

/**
 * The demo data set (`tiegraph_demo`) as validated statements of `@tiegraph/model`, with its version and
 * content hash. Throws a `DatasetError` when the data files do not compile.
 * @example
 * const { statements, version, hash } = loadDataset();
 * const entities = toEntities(statements.map((s) => makeStatement(s)));
 */
export function loadDataset(dir: URL = DATA_DIR): LoadedDataset {
  return compileDataset(readDataset(dir));
}
