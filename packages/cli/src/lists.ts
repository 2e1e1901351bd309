import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { gunzipSync } from "node:zlib";
import { loadLexicon } from "@tiegraph/lexicons";
import {
  buildIndex,
  diffLists,
  LIST_ENTRY_PROP,
  type ListEntry,
  type MatchIndex,
  type MatchResult,
  match,
  type ParseResult,
  parseCsl,
  parseFtm,
  parseOfac,
  parseOpenSanctionsCsv,
  storedEntries,
} from "@tiegraph/match";
import { hasSchema, makeStatement, type Statement, type StatementInput } from "@tiegraph/model";
import type { Command } from "commander";
import { registerDesignationCommands } from "./designations.js";
import { DB_HELP, type Io, type UsageErrorClass, withStore } from "./shared.js";

/**
 * Screening lists in the graph and names screened against them: `lists import` parses a list into
 * statements (each entity with its sanction, the whole entry kept for matching), `match` screens names.
 */

export { LIST_ENTRY_PROP, storedEntries };
export const FORMATS = ["csl", "ofac", "ftm", "opensanctions-csv"] as const;
type Format = (typeof FORMATS)[number];

const readBytes = (path: string): Uint8Array => {
  const raw = readFileSync(path);
  return raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
};

/** Parses a list file (or, for OFAC, its `cons_prim.csv` with the other three files beside it). */
export function parseList(path: string, format: Format, dataset?: string): ParseResult {
  const opts = { file: basename(path), ...(dataset ? { dataset } : {}) };
  if (format === "csl") return parseCsl(readBytes(path), opts);
  if (format === "ftm") return parseFtm(readBytes(path), opts);
  if (format === "opensanctions-csv") return parseOpenSanctionsCsv(readBytes(path), opts);
  const dir = dirname(path);
  const beside = (name: string) => (existsSync(join(dir, name)) ? readBytes(join(dir, name)) : undefined);
  const alt = beside("cons_alt.csv");
  const add = beside("cons_add.csv");
  const comments = beside("cons_comments.csv");
  return parseOfac(
    {
      prim: readBytes(path),
      ...(alt ? { alt } : {}),
      ...(add ? { add } : {}),
      ...(comments ? { comments } : {}),
    },
    dataset ? { dataset } : {},
  );
}

/** The statements of one list entry: the entity, its sanction, and the entry kept whole. */
export function entryStatements(e: ListEntry, format: Format, retrieved: string): StatementInput[] {
  const source = { url: e.sourceUrl ?? `file:${e.file}`, title: `${e.dataset} (${e.file}, line ${e.line})` };
  const base = {
    dataset: e.dataset,
    source,
    asserted_by: { kind: "importer" as const, name: format },
    stance: "confirmed" as const,
    retrieved_at: retrieved,
  };
  const out: StatementInput[] = [];
  const put = (entity_id: string, schema: string, prop: string, values: readonly (string | undefined)[]) => {
    for (const value of values) if (value) out.push({ ...base, entity_id, schema, prop, value });
  };
  // Vessels and aircraft have no schema of their own in the graph's model: they are Things there, and the
  // entry kept whole still says what they are.
  const schema = hasSchema(e.schema) ? e.schema : "Thing";
  put(e.id, schema, "name", e.names);
  put(e.id, schema, "alias", e.aliases);
  put(e.id, schema, "address", e.addresses);
  put(e.id, schema, "country", e.countries);
  put(e.id, schema, "notes", [e.remarks]);
  put(e.id, schema, "topics", ["sanction"]);
  put(e.id, schema, LIST_ENTRY_PROP, [JSON.stringify(e)]);
  const sanction = `${e.id}-sanction`;
  put(sanction, "Sanction", "entity", [e.id]);
  put(sanction, "Sanction", "authority", e.sources);
  put(sanction, "Sanction", "program", e.programs);
  put(sanction, "Sanction", "provisions", e.rules);
  put(sanction, "Sanction", "listingDate", [e.listed]);
  put(sanction, "Sanction", "endDate", [e.ended]);
  put(sanction, "Sanction", "sourceUrl", [e.sourceUrl]);
  return out;
}

/** A query read from `--file`: CSV (`id,name[,schema,country]`) or JSON lines (`{"id","name",…}`). */
export interface NameQuery {
  id: string;
  name: string;
  schema?: string;
  country?: string;
}

export function readQueries(path: string): NameQuery[] {
  const text = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  if (lines[0]?.trim().startsWith("{")) {
    return lines.map((l, i) => {
      const o = JSON.parse(l) as Record<string, unknown>;
      return {
        id: String(o.id ?? i + 1),
        name: String(o.name ?? ""),
        ...(o.schema ? { schema: String(o.schema) } : {}),
        ...(o.country ? { country: String(o.country) } : {}),
      };
    });
  }
  const split = (l: string) => l.split(",").map((x) => x.trim().replace(/^"|"$/g, ""));
  const header = split(lines[0] ?? "").map((h) => h.toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const hasHeader = col("name") >= 0;
  return (hasHeader ? lines.slice(1) : lines).map((l, i) => {
    const f = split(l);
    const at = (name: string, fallback: number) => f[hasHeader ? col(name) : fallback];
    const schema = hasHeader && col("schema") >= 0 ? at("schema", -1) : undefined;
    const country = hasHeader && col("country") >= 0 ? at("country", -1) : undefined;
    return {
      id: (hasHeader && col("id") >= 0 ? at("id", 0) : String(i + 1)) ?? String(i + 1),
      name: (hasHeader ? at("name", 1) : (f[1] ?? f[0])) ?? "",
      ...(schema ? { schema } : {}),
      ...(country ? { country } : {}),
    };
  });
}

function screenName(index: MatchIndex, q: NameQuery, threshold: number, limit: number): MatchResult[] {
  return match(
    index,
    {
      ...(q.schema ? { schema: q.schema } : {}),
      properties: { name: [q.name], ...(q.country ? { country: [q.country] } : {}) },
    },
    { threshold, limit },
  );
}

/** Adds `lists import`, `lists show` and `match` to the program. */
export function registerListCommands(prog: Command, io: Io, UsageError: UsageErrorClass): void {
  const lists = prog
    .command("lists")
    .description("Screening lists (sanctions, export controls) in the graph.");
  lists
    .command("import")
    .description(
      "Import a list: CSL CSV, OFAC's cons_prim.csv (with cons_alt/add/comments beside it), FtM JSON lines or " +
        "an OpenSanctions CSV. Importing a newer version says what was added and removed.",
    )
    .argument("<file>", "the list (optionally .gz)")
    .requiredOption("--format <format>", `one of ${FORMATS.join(", ")}`)
    .option("--dataset <name>", "dataset name (each format has its default)")
    .option("--db <store>", DB_HELP)
    .action(async (file: string, o) => {
      if (!(FORMATS as readonly string[]).includes(o.format)) {
        throw new UsageError(`--format ${o.format}: one of ${FORMATS.join(", ")}`);
      }
      if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`${file}: no such file`);
      const parsed = parseList(file, o.format, o.dataset);
      for (const r of parsed.rejected) io.err(`set aside: ${JSON.stringify(r)}\n`);
      const today = new Date().toISOString().slice(0, 10);
      const datasets = [...new Set(parsed.entries.map((e) => e.dataset))];
      const report = await withStore(o.db, async (store) => {
        const before = await storedEntries(store, datasets);
        const byId = new Map(before.map((e) => [e.id, e]));
        const diff = diffLists(before, parsed.entries, { date: today });
        const statements: Statement[] = [];
        for (const e of parsed.entries) {
          for (const s of entryStatements(e, o.format, today)) statements.push(makeStatement(s));
        }
        // Entries gone from the new version: their listing ends, dated by this import.
        for (const gone of diff.removed) {
          const e = byId.get(gone.id);
          if (!e) continue;
          statements.push(
            makeStatement({
              entity_id: `${e.id}-sanction`,
              schema: "Sanction",
              prop: "endDate",
              value: today,
              dataset: e.dataset,
              source: {
                url: `file:${basename(file)}`,
                title: `${e.dataset}: not in the version imported ${today}`,
              },
              asserted_by: { kind: "importer", name: o.format },
              stance: "reported",
            }),
          );
        }
        for (const d of datasets)
          await store.putDataset({ name: d, title: d, description: `imported ${today}` });
        await store.putStatements(statements);
        return { diff, statements: statements.length };
      });
      const { diff } = report;
      io.out(
        `${parsed.entries.length} entries (${report.statements} statements) in ${datasets.join(", ")}; ` +
          `${parsed.rejected.length} rows set aside; since the last import: ${diff.added.length} added, ` +
          `${diff.removed.length} removed, ${diff.changed.length} changed\n`,
      );
    });

  const matchCommand = prog
    .command("match")
    .description(
      "Screen names against the imported lists: graded, explained results, Chinese and Latin script alike.",
    )
    .argument("[name]", "a name (or use --file)")
    .option("--file <file>", "names to screen: CSV (id,name[,schema,country]) or JSON lines")
    .option("--schema <schema>", "Company, Person, Organization or LegalEntity")
    .option("--country <code>", "ISO country code of the name")
    .option("--threshold <score>", "score from which a result is a match", "0.7")
    .option("--limit <n>", "results per name", "10")
    .option("--dataset <name...>", "only these lists")
    .option("--json", "print yente-shaped results as JSON")
    .option("--db <store>", DB_HELP)
    .action(async (name: string | undefined, o) => {
      if (!name && !o.file) throw new UsageError("give a name or --file");
      const queries: NameQuery[] = o.file
        ? readQueries(o.file)
        : [
            {
              id: "q1",
              name: name!,
              ...(o.schema ? { schema: o.schema } : {}),
              ...(o.country ? { country: o.country } : {}),
            },
          ];
      const entries = await withStore(o.db, (store) => storedEntries(store, o.dataset));
      if (entries.length === 0) throw new UsageError("no list in the store: run tiegraph lists import first");
      const index = buildIndex(entries, { lexicon: loadLexicon().entries });
      const threshold = Number(o.threshold);
      const limit = Number(o.limit) || 10;
      for (const q of queries) {
        const results = screenName(index, q, threshold, limit);
        if (o.json) {
          const query = {
            schema: q.schema ?? "LegalEntity",
            properties: { name: [q.name], ...(q.country ? { country: [q.country] } : {}) },
          };
          io.out(`${JSON.stringify({ id: q.id, query, results }, null, o.file ? undefined : 2)}\n`);
          continue;
        }
        io.out(`${q.id}  ${q.name}: ${results.filter((r) => r.match).length} match(es)\n`);
        for (const r of results) {
          const why = Object.entries(r.features)
            .map(([k, v]) => `${k}=${Number(v).toFixed(2)}`)
            .join(" ");
          io.out(
            `  ${r.match ? "MATCH" : "     "} ${r.score.toFixed(3)}  ${r.caption}  [${r.datasets.join(",")}]` +
              `${r.via ? `  via ${r.via.parent} (${r.via.link})` : ""}\n        ${why}\n`,
          );
        }
      }
    });
  registerDesignationCommands(matchCommand, io, UsageError);
}
