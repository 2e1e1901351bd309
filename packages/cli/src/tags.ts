import { compileTagger, type Tag, type Tagger, tagText } from "@tiegraph/core";
import { findPlaces, loadGazetteer, loadLexicon, traditionalOf } from "@tiegraph/lexicons";
import type { Store } from "@tiegraph/store";
import { type Command, Option } from "commander";
import { DB_HELP, type Io, type UsageErrorClass, withStore } from "./shared.js";

/** `tiegraph tags`: entities, places and dates in stored documents; `tiegraph places`: the gazetteer. */

let tagger: Tagger | undefined;
/** The lexicon (every watched company and state body) and the gazetteer, compiled once. */
function documentTagger(): Tagger {
  tagger ??= compileTagger({
    entries: loadLexicon().entries,
    places: loadGazetteer().places,
    traditional: traditionalOf,
  });
  return tagger;
}

/** The ids of every stored document, in the store's order. */
async function allDocumentIds(store: Store): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 100) {
    const page = await store.listDocuments({ limit: 100, offset });
    ids.push(...page.map((d) => d.id));
    if (page.length < 100) return ids;
  }
}

const coordinates = (t: Tag) =>
  t.lat !== undefined && t.lon !== undefined ? `${t.lat.toFixed(4)}, ${t.lon.toFixed(4)}` : "";

/** One row of the table: kind, span, text, id and name, and the coordinates or the date. */
function row(t: Tag): string[] {
  const what = t.kind === "date" ? t.value! : `${t.id}  ${t.name}${t.place ? ` @${t.place}` : ""}`;
  return [
    t.kind,
    `${t.start}-${t.end}`,
    t.text.replace(/\s+/g, " "),
    what,
    t.kind === "date" ? "" : coordinates(t),
  ];
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...r[c]!].length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => (c === r.length - 1 ? cell : cell + " ".repeat(widths[c]! - [...cell].length)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/** Adds `tags` and `places` to the program. */
export function registerTagCommands(prog: Command, io: Io, UsageError: UsageErrorClass): void {
  prog
    .command("tags")
    .description(
      "List the entities (watched companies, state bodies), places (with coordinates) and dates in stored documents, with their spans.",
    )
    .argument("[id...]", "document ids (see `tiegraph search` or `ingest docs`)")
    .option("--all", "every stored document")
    .addOption(new Option("--kind <kind>", "only tags of this kind").choices(["entity", "place", "date"]))
    .option("--json", "one JSON line per tag, with its document")
    .option("--db <store>", DB_HELP)
    .action(async (ids: string[], o) => {
      if (ids.length === 0 && !o.all) throw new UsageError("name one or more document ids, or --all");
      if (ids.length > 0 && o.all) throw new UsageError("give document ids or --all, not both");
      const t = documentTagger();
      await withStore(o.db, async (store) => {
        const docs = o.all ? await allDocumentIds(store) : ids;
        for (const id of docs) {
          const doc = await store.getDocument(id).catch(() => {
            throw new UsageError(`No such document: ${id}`);
          });
          const tags = tagText(doc.text, t).filter((x) => !o.kind || x.kind === o.kind);
          if (o.json) {
            for (const x of tags) io.out(`${JSON.stringify({ document: doc.id, ...x })}\n`);
            continue;
          }
          io.out(`${doc.id}  ${doc.title ?? doc.file_name ?? ""}  (${tags.length} tags)\n`);
          if (tags.length > 0) io.out(`${table(tags.map(row))}\n`);
          io.out("\n");
        }
        if (docs.length === 0 && !o.json) io.out("no documents stored\n");
      });
    });

  prog
    .command("places")
    .description(
      "Look a name up in the gazetteer (Chinese, English or pinyin; a prefix when nothing matches).",
    )
    .argument("<name>", "place name or id")
    .option("--json", "print the places as JSON lines")
    .action((name: string, o) => {
      const gazetteer = loadGazetteer();
      const found = findPlaces(name, gazetteer);
      if (o.json) {
        for (const p of found) io.out(`${JSON.stringify(p)}\n`);
        return;
      }
      if (found.length === 0) {
        io.out(`no place named ${name}\n`);
        return;
      }
      const rows = found.map((p) => {
        const parent = p.parent ? gazetteer.byId.get(p.parent) : undefined;
        return [
          p.id,
          p.kind,
          `${p.name}${p.name_zh ? ` ${p.name_zh}` : ""}`,
          parent ? `in ${parent.name}` : "",
          p.lat !== undefined && p.lon !== undefined ? `${p.lat.toFixed(4)}, ${p.lon.toFixed(4)}` : "",
        ];
      });
      io.out(`${table(rows)}\n`);
    });
}
