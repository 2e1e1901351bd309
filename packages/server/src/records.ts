import { existsSync, statSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import type { ResumeRecord } from "@tiegraph/core";
import {
  decodeRecord,
  type FieldMap,
  type FormatOption,
  readBatches,
  readFieldMap,
  toResumeRecord,
} from "@tiegraph/io";

/** What a run's manifest says of how its inputs were read. */
export interface RunInputs {
  /** The run's `--out` directory. */
  dir: string;
  inputs: { file: string; size?: number }[];
  format?: string;
  map?: string | null;
}

/** Reads a run's funnel.json manifest into {@link RunInputs}. */
export function runInputs(dir: string, funnel: Record<string, unknown>): RunInputs {
  const m = (funnel.manifest ?? {}) as {
    inputs?: { file: string; size?: number }[];
    options?: { format?: string; map?: string | null };
  };
  return {
    dir,
    inputs: m.inputs ?? [],
    ...(m.options?.format ? { format: m.options.format } : {}),
    ...(m.options?.map !== undefined ? { map: m.options.map } : {}),
  };
}

/**
 * The input file a hit points at: as written when absolute, else found from the working directory or
 * beside the run's folder. Throws `No such input file: X` when it is gone, and an error when its size
 * differs from the manifest's (the file changed since the run, so its lines may be other people's).
 */
export function inputPath(run: RunInputs, file: string): string {
  const tries = isAbsolute(file)
    ? [file]
    : [resolve(file), resolve(run.dir, file), resolve(run.dir, "..", file)];
  const path = tries.find((p) => existsSync(p));
  if (!path) throw new Error(`No such input file: ${file}`);
  const expected = run.inputs.find((i) => i.file === file)?.size;
  if (expected !== undefined && statSync(path).size !== expected) {
    throw new InputChangedError(`${file} changed since the run (its size is not the manifest's)`);
  }
  return path;
}

/** The input file is not the one the run read. */
export class InputChangedError extends Error {
  override name = "InputChangedError";
}

/**
 * The record at `line` of an input file, mapped onto the canonical record as the run read it (its
 * `--format` and `--map`); undefined when no record starts at that line.
 */
export async function readRecordAt(
  path: string,
  line: number,
  options: { format?: string; map?: string | null; id?: string } = {},
): Promise<ResumeRecord | undefined> {
  let map: FieldMap | null = null;
  if (options.map) {
    const r = await readFieldMap(options.map);
    if (!r.ok) throw new Error(`The run's field map cannot be read: ${r.message}`);
    map = r.value;
  }
  const format = (options.format ?? "auto") as FormatOption;
  for await (const batch of readBatches(path, { format })) {
    for (let i = 0; i < batch.lines.length; i++) {
      if (batch.lines[i] !== line) continue;
      const obj = decodeRecord(batch, i);
      if (!obj.ok) return undefined;
      const rec = toResumeRecord(obj.value, map, options.id ?? `${line}`);
      return rec.ok ? rec.value : undefined;
    }
    if (batch.nextLine > line && batch.lines.length > 0 && batch.lines[batch.lines.length - 1]! > line) break;
  }
  return undefined;
}
