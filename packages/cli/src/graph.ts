import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  ALL_TARGETS,
  type CompiledLexicon,
  candidateTies,
  compileLexicon,
  type LexiconEntry,
  type TieCandidate,
} from "@tiegraph/core";
import { DATA_DIR, GAZETTEER_DOCUMENT, loadDataset } from "@tiegraph/dataset";
import { documentPaths, readDocument } from "@tiegraph/io";
import { loadLexicon, traditionalOf } from "@tiegraph/lexicons";
import { isDocumentSource, makeStatement, type Statement, type StatementInput } from "@tiegraph/model";
import { exportFtm, importFtm, type Store } from "@tiegraph/store";
import type { Command } from "commander";
import { DB_HELP, type Io, type UsageErrorClass, withStore } from "./shared.js";

/**
 * The evidence graph's commands: documents in, search, candidate ties and an analyst's verdicts on
 * them. Everything reads and writes the store named by `--db` (default `./.tiegraph/db`).
 */

export const TIE_KIND = "tie-candidate";
const DATASET = "tiegraph_documents";

let everyTarget: CompiledLexicon | undefined;
/** The lexicon with every watched company, for reading documents. */
function documentLexicon(): CompiledLexicon {
  everyTarget ??= compileLexicon(loadLexicon().entries, { target: ALL_TARGETS, traditional: traditionalOf });
  return everyTarget;
}

/** Candidate ties of every stored document, with the standing verdict on each. */
async function allCandidates(store: Store): Promise<(TieCandidate & { status: string })[]> {
  const lex = documentLexicon();
  const out: (TieCandidate & { status: string })[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await store.listDocuments({ limit: 100, offset });
    for (const summary of page) {
      const doc = await store.getDocument(summary.id);
      const year = doc.published ? Number(doc.published.slice(0, 4)) || null : null;
      for (const c of candidateTies(doc.text, lex, { document: doc.id, year })) {
        const verdict = await store.latestJudgement(TIE_KIND, c.id);
        const status =
          verdict === undefined
            ? "pending"
            : verdict.judgement === "positive"
              ? "accepted"
              : verdict.judgement;
        out.push({ ...c, status });
      }
    }
    if (page.length < 100) break;
  }
  return out;
}

const slug = (s: string) =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-|-$/g, "");

/** The statements an accepted candidate becomes: both parties and an Event that ties them, cited to the span. */
export function tieStatements(
  c: TieCandidate,
  entries: ReadonlyMap<string, LexiconEntry>,
  by: string,
): StatementInput[] {
  const source = { document: c.evidence.document, start: c.evidence.start, end: c.evidence.end };
  const base = {
    dataset: DATASET,
    source,
    asserted_by: { kind: "analyst" as const, name: by },
    stance: c.stance,
  };
  const company = entries.get(c.subject.entity);
  const companyId = `lex-${c.subject.entity}`;
  const bodyEntry = c.object.entity ? entries.get(c.object.entity) : undefined;
  const bodyId = c.object.entity ? `lex-${c.object.entity}` : `body-${slug(c.object.text)}`;
  const eventId = `tie-${c.id}`;
  const s = (entity_id: string, schema: string, prop: string, value: string): StatementInput => ({
    ...base,
    entity_id,
    schema,
    prop,
    value,
  });
  const out: StatementInput[] = [
    s(companyId, "Company", "name", company?.name ?? c.subject.text),
    s(companyId, "Company", "alias", c.subject.text),
    s(eventId, "Event", "name", `${c.subject.text} ${c.relation || c.stance} ${c.object.text}`.trim()),
    s(eventId, "Event", "category", c.stance === "denied" ? "denial" : "agreement"),
    s(eventId, "Event", "involved", companyId),
    s(eventId, "Event", "description", c.evidence.text),
  ];
  if (c.object.text) {
    out.push(s(bodyId, "PublicBody", "name", bodyEntry?.name ?? c.object.text));
    out.push(s(bodyId, "PublicBody", "alias", c.object.text));
    out.push(s(eventId, "Event", "involved", bodyId));
  }
  if (c.date) out.push(s(eventId, "Event", "startDate", c.date));
  return out;
}

/** Projects with coordinates as a GeoJSON FeatureCollection, each point with its properties and sources. */
export async function projectsGeoJson(store: Store, dataset?: string): Promise<object> {
  const features: object[] = [];
  for await (const e of store.iterateEntities({ schema: "Project", ...(dataset ? { dataset } : {}) })) {
    const lat = Number(e.properties.latitude?.[0]);
    const lon = Number(e.properties.longitude?.[0]);
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    const sources = new Map<string, object>();
    for (const st of e.statements) sources.set(JSON.stringify(st.source), st.source);
    features.push({
      type: "Feature",
      id: e.id,
      geometry: { type: "Point", coordinates: [lon, lat] },
      properties: {
        id: e.id,
        caption: e.caption,
        ...e.properties,
        datasets: e.datasets,
        sources: [...sources.values()],
      },
    });
  }
  return { type: "FeatureCollection", features };
}

/** `../shared/seeds` beside the repository, where the seed articles are kept, when it is there. */
function defaultSeeds(): string | null {
  const dir = fileURLToPath(new URL("../../../../shared/seeds", import.meta.url));
  return existsSync(dir) ? dir : null;
}

/**
 * The data set's statements with their document spans pointing at stored documents: its gazetteer and
 * the seed articles are stored (once) and cited by their store ids; denials follow the claims they answer.
 */
async function resolveDocuments(
  store: Store,
  inputs: readonly StatementInput[],
  seeds: string | null,
): Promise<{ statements: Statement[]; missing: Map<string, number> }> {
  const stored = new Map<string, string | null>();
  const resolve = async (doc: string): Promise<string | null> => {
    if (stored.has(doc)) return stored.get(doc)!;
    let path: string | null = null;
    if (doc === GAZETTEER_DOCUMENT) path = join(fileURLToPath(DATA_DIR), "gazetteer.json");
    else if (doc.startsWith("seed:") && seeds) path = join(seeds, doc.slice(5));
    let id: string | null = null;
    if (path && existsSync(path)) {
      const text = readFileSync(path, "utf8");
      const title =
        doc === GAZETTEER_DOCUMENT ? "tiegraph gazetteer (city centres)" : (text.split("\n")[0] ?? doc);
      id = (
        await store.putDocument({
          text,
          title: title.trim().slice(0, 300),
          file_name: doc.replace(/^seed:/, ""),
        })
      ).id;
    }
    stored.set(doc, id);
    return id;
  };
  const missing = new Map<string, number>();
  const renamed = new Map<string, string>();
  const out: Statement[] = [];
  const pending: { input: StatementInput; old: string }[] = [];
  for (const input of inputs) {
    const old = makeStatement(input).id;
    let next = input;
    if (isDocumentSource(input.source)) {
      const id = await resolve(input.source.document);
      if (id === null) {
        missing.set(input.source.document, (missing.get(input.source.document) ?? 0) + 1);
        continue;
      }
      next = { ...input, source: { ...input.source, document: id } };
    }
    pending.push({ input: next, old });
  }
  // Claims first, then the statements that answer them, with their new ids.
  for (const { input, old } of pending.filter((p) => p.input.answers === undefined)) {
    const st = makeStatement(input);
    renamed.set(old, st.id);
    out.push(st);
  }
  for (const { input } of pending.filter((p) => p.input.answers !== undefined)) {
    const answers = renamed.get(input.answers!);
    if (answers === undefined) continue;
    out.push(makeStatement({ ...input, answers }));
  }
  return { statements: out, missing };
}

const STATEMENT_COLUMNS = [
  "id",
  "entity_id",
  "schema",
  "prop",
  "value",
  "dataset",
  "stance",
  "answers",
  "asserted_by",
  "document",
  "start",
  "end",
  "url",
  "title",
  "publisher",
  "date",
  "first_seen",
  "last_seen",
];

/** A CSV file written row by row (RFC 4180 quoting). */
function openCsv(path: string, header: string[]): { row: (cells: string[]) => void; close: () => void } {
  const fd = openSync(path, "w");
  const quote = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  const row = (cells: string[]) => writeSync(fd, `${cells.map(quote).join(",")}\n`);
  row(header);
  return { row, close: () => closeSync(fd) };
}

/** Adds `ingest docs`, `search`, `ties …`, `dataset load`, `import ftm` and `export …` to the program. */
export function registerGraphCommands(prog: Command, io: Io, UsageError: UsageErrorClass): void {
  const ingest = prog.command("ingest").description("Bring sources into the evidence graph.");
  ingest
    .command("docs")
    .description(
      "Store documents (.txt, .md, .html, .pdf, and directories of them) with their text and metadata.",
    )
    .argument("<path...>", "files or directories")
    .option("--db <store>", DB_HELP)
    .option("--max-mb <n>", "largest file read, in MB", "50")
    .option("--json", "print the outcome per file as JSON lines")
    .action(async (paths: string[], o) => {
      const files = documentPaths(paths);
      const counts = { stored: 0, duplicates: 0, set_aside: 0 };
      await withStore(o.db, async (store) => {
        for (const file of files) {
          const r = await readDocument(file, { maxBytes: Number(o.maxMb) * 1e6 });
          if (!r.ok) {
            counts.set_aside++;
            if (o.json)
              io.out(`${JSON.stringify({ file, status: "set_aside", code: r.code, message: r.message })}\n`);
            else io.err(`${file}: set aside: ${r.message}\n`);
            continue;
          }
          const d = r.document;
          const put = await store.putDocument({
            text: d.text,
            sha256: d.sha256,
            file_name: file,
            mime_type: {
              text: "text/plain",
              markdown: "text/markdown",
              html: "text/html",
              pdf: "application/pdf",
            }[d.kind],
            ...(d.title ? { title: d.title } : {}),
            ...(d.url ? { url: d.url } : {}),
            ...(d.publisher ? { publisher: d.publisher } : {}),
            ...(d.date ? { published: d.date } : {}),
          });
          if (put.created) counts.stored++;
          else counts.duplicates++;
          if (o.json)
            io.out(`${JSON.stringify({ file, status: put.created ? "stored" : "duplicate", id: put.id })}\n`);
          else io.out(`${put.created ? "stored   " : "duplicate"} ${put.id}  ${file}\n`);
        }
      });
      if (!o.json) {
        io.out(
          `${counts.stored} stored, ${counts.duplicates} already there, ${counts.set_aside} set aside\n`,
        );
      }
    });

  prog
    .command("search")
    .description("Search stored documents, Chinese substrings and English words alike.")
    .argument("<query...>", "words; every one must occur")
    .option("--db <store>", DB_HELP)
    .option("--limit <n>", "documents", "20")
    .option("--json", "print results as JSON")
    .action(async (words: string[], o) => {
      const results = await withStore(o.db, (store) =>
        store.search(words.join(" "), { limit: Number(o.limit) || 20 }),
      );
      if (o.json) {
        io.out(`${JSON.stringify(results, null, 2)}\n`);
        return;
      }
      for (const r of results) {
        io.out(`${r.document}  ${r.title ?? ""}  (${r.count} matches)\n`);
        for (const m of r.matches)
          io.out(`  [${m.start}-${m.end}] …${JSON.stringify(m.snippet).slice(1, -1)}…\n`);
      }
      if (results.length === 0) io.out("no document matches\n");
    });

  prog
    .command("dataset")
    .description("The sourced data set of the mapped tech companies that ships with tiegraph.")
    .command("load")
    .description(
      "Load it into the store (again: nothing is duplicated). The documents it cites by span are stored too: " +
        "its gazetteer, and the seed articles when --seeds (default ../shared/seeds) holds them; statements " +
        "citing a document that cannot be found are left out and counted.",
    )
    .option("--seeds <dir>", "folder of the seed articles")
    .option("--db <store>", DB_HELP)
    .action(async (o) => {
      const data = loadDataset();
      const seeds = o.seeds ?? defaultSeeds();
      const { statements, missing } = await withStore(o.db, async (store) => {
        await store.putDataset({
          name: data.name,
          title: "China's tech giants: a sourced demo data set",
          publisher: "tiegraph",
          description: `version ${data.version}, sha256 ${data.hash}`,
        });
        const resolved = await resolveDocuments(store, data.statements, seeds);
        await store.putStatements(resolved.statements);
        return resolved;
      });
      io.out(`loaded ${data.name} ${data.version}: ${statements.length} statements\n`);
      for (const [doc, n] of missing) io.err(`left out ${n} statements citing ${doc}: not found\n`);
    });

  prog
    .command("import")
    .description("Import entities into the graph.")
    .command("ftm")
    .description(
      "Import FollowTheMoney entities (JSON lines); malformed lines are set aside with their reason.",
    )
    .argument("<file>", "FtM JSON lines")
    .option("--dataset <name>", "dataset of entities that name none", "default")
    .option("--db <store>", DB_HELP)
    .action(async (file: string, o) => {
      const r = await withStore(o.db, (store) => importFtm(store, file, { dataset: o.dataset }));
      for (const x of r.rejects) io.err(`${JSON.stringify(x)}\n`);
      io.out(`${r.entities} entities, ${r.statements} statements imported; ${r.rejects.length} set aside\n`);
    });

  const exporter = prog.command("export").description("Export the graph.");
  exporter
    .command("ftm")
    .description("Write the graph's entities as FollowTheMoney JSON lines.")
    .requiredOption("--out <file>", "output file")
    .option("--schema <schema>", "only entities of this schema")
    .option("--dataset <name>", "only entities of this dataset")
    .option("--db <store>", DB_HELP)
    .action(async (o) => {
      const filter = {
        ...(o.schema ? { schema: o.schema } : {}),
        ...(o.dataset ? { dataset: o.dataset } : {}),
      };
      const n = await withStore(o.db, (store) => exportFtm(store, o.out, filter));
      io.out(`${n} entities written to ${o.out}\n`);
    });
  exporter
    .command("csv")
    .description("Write the graph as two CSV files: statements.csv (with sources) and entities.csv.")
    .requiredOption("--out <dir>", "output folder")
    .option("--dataset <name>", "only this dataset")
    .option("--db <store>", DB_HELP)
    .action(async (o) => {
      mkdirSync(o.out, { recursive: true });
      const counts = await withStore(o.db, async (store) => {
        const filter = o.dataset ? { dataset: o.dataset } : {};
        const statements = openCsv(join(o.out, "statements.csv"), STATEMENT_COLUMNS);
        let n = 0;
        for await (const st of store.iterateStatements(filter)) {
          const src = st.source as unknown as Record<string, unknown>;
          statements.row([
            st.id,
            st.entity_id,
            st.schema,
            st.prop,
            st.value,
            st.dataset,
            st.stance,
            st.answers ?? "",
            `${st.asserted_by.kind}:${st.asserted_by.name}`,
            String(src.document ?? ""),
            String(src.start ?? ""),
            String(src.end ?? ""),
            String(src.url ?? ""),
            String(src.title ?? ""),
            String(src.publisher ?? ""),
            String(src.date ?? ""),
            st.first_seen,
            st.last_seen,
          ]);
          n++;
        }
        statements.close();
        const entities = openCsv(join(o.out, "entities.csv"), [
          "id",
          "schema",
          "caption",
          "datasets",
          "properties",
        ]);
        let m = 0;
        for await (const e of store.iterateEntities(filter)) {
          entities.row([e.id, e.schema, e.caption, e.datasets.join(";"), JSON.stringify(e.properties)]);
          m++;
        }
        entities.close();
        return { n, m };
      });
      io.out(`${counts.n} statements and ${counts.m} entities written to ${o.out}\n`);
    });
  exporter
    .command("geojson")
    .description("Write the projects with coordinates as GeoJSON points, each with its sources.")
    .requiredOption("--out <file>", "output file")
    .option("--dataset <name>", "only projects of this dataset")
    .option("--db <store>", DB_HELP)
    .action(async (o) => {
      const fc = (await withStore(o.db, (store) => projectsGeoJson(store, o.dataset))) as {
        features: unknown[];
      };
      writeFileSync(o.out, `${JSON.stringify(fc, null, 1)}\n`);
      io.out(`${fc.features.length} projects written to ${o.out}\n`);
    });

  const ties = prog
    .command("ties")
    .description("Candidate ties found in documents, and an analyst's verdicts.");
  ties
    .command("candidates")
    .description(
      "List candidate ties: a watched company and a state body or government client in one sentence.",
    )
    .option("--db <store>", DB_HELP)
    .option("--status <status>", "only pending, accepted, negative or unsure")
    .option("--json", "print as JSON lines")
    .action(async (o) => {
      const list = await withStore(o.db, allCandidates);
      const shown = o.status ? list.filter((c) => c.status === o.status) : list;
      for (const c of shown) {
        if (o.json) {
          const { status, ...rest } = c;
          io.out(`${JSON.stringify({ ...rest, status })}\n`);
        } else {
          io.out(
            `${c.id}  ${c.status.padEnd(8)} ${c.subject.text} — ${c.relation || "?"} — ${c.object.text || "?"}` +
              `${c.date ? `  (${c.date})` : ""}${c.stance === "denied" ? "  [denial]" : ""}\n` +
              `    ${c.evidence.document} [${c.evidence.start}-${c.evidence.end}] ${c.evidence.text.slice(0, 160)}\n`,
          );
        }
      }
      if (!o.json) io.out(`${shown.length} candidate(s)\n`);
    });
  for (const [verb, judgement] of [
    ["accept", "positive"],
    ["reject", "negative"],
  ] as const) {
    ties
      .command(verb)
      .description(
        verb === "accept"
          ? "Accept a candidate: it becomes statements in the graph, cited to its sentence."
          : "Reject a candidate: it stays out of the graph, and the verdict is kept.",
      )
      .argument("<id>", "candidate id (tc-…)")
      .option("--note <text>", "why")
      .option("--by <name>", "who judges", process.env.USER || "analyst")
      .option("--db <store>", DB_HELP)
      .action(async (id: string, o) => {
        await withStore(o.db, async (store) => {
          const c = (await allCandidates(store)).find((x) => x.id === id);
          if (!c) throw new UsageError(`No such candidate: ${id} (see tiegraph ties candidates)`);
          await store.putJudgement({
            kind: TIE_KIND,
            subject: id,
            judgement,
            by: o.by,
            ...(o.note ? { why: o.note } : {}),
          });
          if (judgement === "positive") {
            const entries = new Map(loadLexicon().entries.map((e) => [e.id, e]));
            const statements = tieStatements(c, entries, o.by).map((s) => makeStatement(s));
            await store.putStatements(statements);
            io.out(`accepted ${id}: ${statements.length} statements\n`);
          } else io.out(`rejected ${id}\n`);
        });
      });
  }
}
