import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DATA_DIR, GAZETTEER_DOCUMENT, loadDataset } from "@tiegraph/dataset";
import { isDocumentSource, makeStatement, type Statement, type StatementInput } from "@tiegraph/model";
import type { Store } from "@tiegraph/store";

/** `../shared/seeds` beside the repository, where the seed articles are kept, when it is there. */
export function defaultSeeds(): string | null {
  const dir = fileURLToPath(new URL("../../../../shared/seeds", import.meta.url));
  return existsSync(dir) ? dir : null;
}

/**
 * The data set's statements with their document spans pointing at stored documents: its gazetteer and
 * the seed articles are stored (once) and cited by their store ids; denials follow the claims they answer.
 * Statements citing a document that cannot be found are left out and counted in `missing`.
 */
export async function resolveDocuments(
  store: Store,
  inputs: readonly StatementInput[],
  seeds: string | null,
): Promise<{ statements: Statement[]; missing: Map<string, number> }> {
  // What the data set says of its seed articles (Document entities naming the file): title, publisher, date.
  const described = new Map<string, Record<string, string>>();
  const docProps = new Map<string, Record<string, string>>();
  for (const s of inputs) {
    if (s.schema !== "Document") continue;
    const props = docProps.get(s.entity_id) ?? {};
    props[s.prop] ??= s.value;
    docProps.set(s.entity_id, props);
  }
  for (const props of docProps.values()) if (props.fileName) described.set(props.fileName, props);
  const stored = new Map<string, string | null>();
  const resolve = async (doc: string): Promise<string | null> => {
    if (stored.has(doc)) return stored.get(doc)!;
    let path: string | null = null;
    if (doc === GAZETTEER_DOCUMENT) path = join(fileURLToPath(DATA_DIR), "gazetteer.json");
    else if (doc.startsWith("seed:") && seeds) path = join(seeds, doc.slice(5));
    let id: string | null = null;
    if (path && existsSync(path)) {
      const text = readFileSync(path, "utf8");
      const file = doc.replace(/^seed:/, "");
      const about = described.get(file) ?? {};
      const title =
        doc === GAZETTEER_DOCUMENT
          ? "tiegraph gazetteer (city centres)"
          : (about.title ?? text.split("\n")[0] ?? doc);
      id = (
        await store.putDocument({
          text,
          title: title.trim().slice(0, 300),
          file_name: file,
          ...(about.publisher ? { publisher: about.publisher } : {}),
          ...(about.date ? { published: about.date } : {}),
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

/** What loading the demo data set did. */
export interface DemoLoad {
  name: string;
  version: string;
  statements: number;
  /** Statements left out per document that could not be found. */
  missing: Map<string, number>;
}

/**
 * Loads the demo data set (`tiegraph_demo`) into the store, with the documents it cites by span: its
 * gazetteer, and the seed articles when `seeds` (default `../shared/seeds`) holds them. Loading again
 * duplicates nothing.
 * @example const { statements } = await loadDemo(await openStore("memory:"));
 */
export async function loadDemo(store: Store, options: { seeds?: string | null } = {}): Promise<DemoLoad> {
  const data = loadDataset();
  const seeds = options.seeds === undefined ? defaultSeeds() : options.seeds;
  await store.putDataset({
    name: data.name,
    title: "China's tech giants: a sourced demo data set",
    publisher: "tiegraph",
    description: `version ${data.version}, sha256 ${data.hash}`,
  });
  const resolved = await resolveDocuments(store, data.statements, seeds);
  await store.putStatements(resolved.statements);
  return {
    name: data.name,
    version: data.version,
    statements: resolved.statements.length,
    missing: resolved.missing,
  };
}
