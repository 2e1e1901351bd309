import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { documentPaths, readDocument } from "@tiegraph/io";
import {
  allCandidates,
  type CandidateStatus,
  findCandidate,
  judgeCandidate,
  loadDemo,
  projectsGeoJson,
} from "@tiegraph/service";
import { exportFtm, importFtm } from "@tiegraph/store";
import type { Command } from "commander";
import { DB_HELP, type Io, type UsageErrorClass, withStore } from "./shared.js";

/**
 * The evidence graph's commands: documents in, search, candidate ties and an analyst's verdicts on
 * them. Everything reads and writes the store named by `--db` (default `./.tiegraph/db`).
 */

/** The CLI's words for a candidate's standing verdict. */
const CLI_STATUS: Record<CandidateStatus, string> = {
  open: "pending",
  accepted: "accepted",
  rejected: "negative",
  unsure: "unsure",
};

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
      const loaded = await withStore(o.db, (store) =>
        loadDemo(store, o.seeds === undefined ? {} : { seeds: o.seeds }),
      );
      io.out(`loaded ${loaded.name} ${loaded.version}: ${loaded.statements} statements\n`);
      for (const [doc, n] of loaded.missing) io.err(`left out ${n} statements citing ${doc}: not found\n`);
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
      const list = (await withStore(o.db, allCandidates)).map(({ judgement: _, ...c }) => ({
        ...c,
        status: CLI_STATUS[c.status],
      }));
      const shown = o.status ? list.filter((c) => c.status === o.status) : list;
      for (const c of shown) {
        if (o.json) {
          io.out(`${JSON.stringify(c)}\n`);
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
  for (const verb of ["accept", "reject"] as const) {
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
          const c = await findCandidate(store, id);
          if (!c) throw new UsageError(`No such candidate: ${id} (see tiegraph ties candidates)`);
          const r = await judgeCandidate(store, c, verb, o.by, o.note || undefined);
          if (r.statements !== undefined) io.out(`accepted ${id}: ${r.statements} statements\n`);
          else io.out(`rejected ${id}\n`);
        });
      });
  }
}
