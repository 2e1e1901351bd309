import {
  ALL_TARGETS,
  type CompiledLexicon,
  candidateTies,
  compileLexicon,
  type LexiconEntry,
  type TieCandidate,
} from "@tiegraph/core";
import { documentPaths, readDocument } from "@tiegraph/io";
import { loadLexicon, traditionalOf } from "@tiegraph/lexicons";
import { makeStatement, type StatementInput } from "@tiegraph/model";
import { openStore, type Store } from "@tiegraph/store";
import type { Command } from "commander";

/**
 * The evidence graph's commands: documents in, search, candidate ties and an analyst's verdicts on
 * them. Everything reads and writes the store named by `--db` (default `./.tiegraph/db`).
 */

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** A usage error (exit code 2), declared by the main program. */
type UsageErrorClass = new (message: string) => Error;

const DB_HELP = "store: a directory (embedded, default ./.tiegraph/db) or postgres://…";
export const TIE_KIND = "tie-candidate";
const DATASET = "tiegraph_documents";

async function withStore<T>(db: string | undefined, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

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

/** Adds `ingest docs`, `search` and `ties …` to the program. */
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
