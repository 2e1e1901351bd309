import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { basename } from "node:path";
import { createInterface } from "node:readline";
import {
  commonSchema,
  type FtmReject,
  type ReadFtmOptions,
  readFtm,
  type Statement,
  toFtm,
} from "@tiegraph/model";
import type { EntityQuery, Store } from "./store.js";

export type ImportFtmOptions = Omit<ReadFtmOptions, "file" | "firstLine">;

export interface ImportFtmResult {
  /** Entities (lines) stored. */
  entities: number;
  statements: number;
  /** Lines and values set aside, with file, line, code and message. */
  rejects: FtmReject[];
}

const CHUNK = 1000;

/**
 * Imports a FollowTheMoney JSON-lines file in one transaction: the entities that can be read are
 * stored, the rest are set aside with a reason (see `readFtm`); an entity whose schema clashes with
 * the one already stored for its id (`schema_conflict`) is set aside too. If storing fails, nothing
 * of the file stays in the store.
 */
export async function importFtm(
  store: Store,
  path: string,
  options: ImportFtmOptions = {},
): Promise<ImportFtmResult> {
  const file = basename(path);
  const result: ImportFtmResult = { entities: 0, statements: 0, rejects: [] };
  await store.transaction(async (tx) => {
    const schemaOf = new Map<string, string>();
    const flush = async (chunk: { line: number; statements: Statement[] }[]) => {
      const unknown = [...new Set(chunk.map((c) => c.statements[0]!.entity_id))].filter(
        (id) => !schemaOf.has(id),
      );
      for (const e of await tx.getEntities(unknown)) schemaOf.set(e.id, e.schema);
      const keep: Statement[] = [];
      for (const { line, statements } of chunk) {
        const { entity_id: id, schema } = statements[0]!;
        const old = schemaOf.get(id);
        try {
          schemaOf.set(id, old === undefined ? schema : commonSchema(old, schema));
        } catch (e) {
          result.rejects.push({
            file,
            line,
            code: "schema_conflict",
            message: (e as Error).message,
            entity_id: id,
          });
          continue;
        }
        keep.push(...statements);
        result.entities++;
      }
      result.statements += await tx.putStatements(keep);
    };
    const rl = createInterface({
      input: createReadStream(path, "utf8"),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    let chunk: { line: number; statements: Statement[] }[] = [];
    let n = 0;
    for await (const text of rl) {
      n++;
      const read = readFtm([text], { ...options, file, firstLine: n });
      result.rejects.push(...read.rejects);
      if (read.statements.length > 0) chunk.push({ line: n, statements: read.statements });
      if (chunk.length >= CHUNK) {
        await flush(chunk);
        chunk = [];
      }
    }
    if (chunk.length > 0) await flush(chunk);
  });
  return result;
}

export type ExportFtmOptions = Omit<EntityQuery, "limit" | "offset">;

/** Writes the store's entities (optionally of one schema or dataset) as FtM JSON lines; returns how many. */
export async function exportFtm(store: Store, path: string, options: ExportFtmOptions = {}): Promise<number> {
  const out = await open(path, "w");
  let n = 0;
  try {
    let buf: string[] = [];
    for await (const e of store.iterateEntities(options)) {
      buf.push(JSON.stringify(toFtm(e)));
      n++;
      if (buf.length >= 500) {
        await out.write(`${buf.join("\n")}\n`);
        buf = [];
      }
    }
    if (buf.length > 0) await out.write(`${buf.join("\n")}\n`);
  } finally {
    await out.close();
  }
  return n;
}
