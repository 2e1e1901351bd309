import { type Entity, findProperty, getSchema, isMetaProp, type Statement, toEntity } from "@tiegraph/model";
import type { DatasetInfo, DocumentSummary, Store } from "@tiegraph/store";

/**
 * The evidence graph in memory: the entities of every dataset that is not an imported screening list,
 * indexed for the views (who refers to whom, which denials answer which claim). Lists are matched by
 * name, not drawn: their tens of thousands of entries stay in the store.
 */
export interface Graph {
  entities: Map<string, Entity>;
  /** For an entity id: the entities whose (undenied) values refer to it, and through which property. */
  referrers: Map<string, { entity: Entity; prop: string }[]>;
  /** For a statement id: the denials that answer it. */
  denials: Map<string, Statement[]>;
  /** Every statement of the graph's entities, by id. */
  statements: Map<string, Statement>;
  /** Stored documents (without their text), by id, for the titles and links of sources. */
  documents: Map<string, DocumentSummary>;
}

/** The statement property under which `lists import` keeps a list entry whole. */
const LIST_ENTRY_PROP = "$listEntry";

/** Whether a property of a schema holds entity ids. */
export function isRefProp(schema: string, prop: string): boolean {
  return !isMetaProp(prop) && findProperty(schema, prop)?.type === "entity";
}

/**
 * Builds the graph from statements (grouped into entities), further entities (e.g. list entries that
 * graph statements refer to) and document summaries. Pure.
 */
export function buildGraph(
  statements: Iterable<Statement>,
  documents: Iterable<DocumentSummary> = [],
  more: Iterable<Entity> = [],
): Graph {
  const byEntity = new Map<string, Statement[]>();
  const byId = new Map<string, Statement>();
  for (const s of statements) {
    byId.set(s.id, s);
    const list = byEntity.get(s.entity_id);
    if (list) list.push(s);
    else byEntity.set(s.entity_id, [s]);
  }
  const entities = new Map<string, Entity>();
  for (const [id, list] of byEntity) entities.set(id, toEntity(list));
  for (const e of more) {
    if (entities.has(e.id)) continue;
    entities.set(e.id, e);
    for (const s of e.statements) byId.set(s.id, s);
  }
  const referrers = new Map<string, { entity: Entity; prop: string }[]>();
  for (const e of entities.values()) {
    for (const [prop, values] of Object.entries(e.properties)) {
      if (!isRefProp(e.schema, prop)) continue;
      for (const v of values) {
        const list = referrers.get(v);
        if (list) list.push({ entity: e, prop });
        else referrers.set(v, [{ entity: e, prop }]);
      }
    }
  }
  const denials = new Map<string, Statement[]>();
  for (const s of byId.values()) {
    if (s.answers === undefined) continue;
    const list = denials.get(s.answers);
    if (list) list.push(s);
    else denials.set(s.answers, [s]);
  }
  return {
    entities,
    referrers,
    denials,
    statements: byId,
    documents: new Map([...documents].map((d) => [d.id, d])),
  };
}

/** The ids an entity's (undenied) values refer to, each with the property. */
export function refsOf(e: Entity): { id: string; prop: string }[] {
  const out: { id: string; prop: string }[] = [];
  for (const [prop, values] of Object.entries(e.properties)) {
    if (!isRefProp(e.schema, prop)) continue;
    for (const id of values) out.push({ id, prop });
  }
  return out;
}

/** The datasets of the store that hold imported screening lists. */
export async function listDatasetNames(store: Store, datasets?: DatasetInfo[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const d of datasets ?? (await store.listDatasets())) {
    const [s] = await store.getStatements({ dataset: d.name, prop: LIST_ENTRY_PROP, limit: 1 });
    if (s) out.add(d.name);
  }
  return out;
}

/** Reads the graph from the store: every dataset but the imported lists, and the documents' metadata. */
export async function loadGraph(store: Store): Promise<Graph> {
  const datasets = await store.listDatasets();
  const lists = await listDatasetNames(store, datasets);
  const statements: Statement[] = [];
  for (const d of datasets) {
    if (lists.has(d.name)) continue;
    for await (const s of store.iterateStatements({ dataset: d.name })) statements.push(s);
  }
  const documents: DocumentSummary[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await store.listDocuments({ limit: 1000, offset });
    documents.push(...page);
    if (page.length < 1000) break;
  }
  // Entities of the lists that graph statements refer to (a designation's listed entry).
  const known = new Set(statements.map((s) => s.entity_id));
  const wanted = new Set<string>();
  for (const s of statements) {
    if (s.stance !== "denied" && isRefProp(s.schema, s.prop) && !known.has(s.value)) wanted.add(s.value);
  }
  const more = await store.getEntities([...wanted]);
  return buildGraph(statements, documents, more);
}

/**
 * The store's datasets with their sizes, counted again only when the store's revision has moved (one
 * cheap query; counting a large store's statements takes a while), or after `invalidate()`. Shared by
 * the caches that depend on them; writes by other processes are seen on the next `get()`.
 */
export class DatasetWatch {
  private last: { revision: number; datasets: Promise<DatasetInfo[]> } | undefined;

  constructor(private readonly store: Store) {}

  async get(): Promise<DatasetInfo[]> {
    const revision = await this.store.revision();
    if (!this.last || this.last.revision !== revision) {
      const datasets = this.store.listDatasets();
      const last = { revision, datasets };
      this.last = last;
      datasets.catch(() => {
        if (this.last === last) this.last = undefined;
      });
    }
    return this.last.datasets;
  }

  /** Counts the datasets afresh on the next `get()`. */
  invalidate(): void {
    this.last = undefined;
  }
}

/** A signature of the datasets' sizes: it changes when statements are added to or removed from any. */
export const datasetSignature = (datasets: readonly DatasetInfo[]): string =>
  datasets.map((d) => `${d.name}:${d.statements}`).join("|");

/**
 * The graph of a store, read once and read again when a dataset's size changes (as `watch` sees it;
 * by default checked on every call), or after `invalidate()`. Concurrent calls share one read.
 */
export class GraphCache {
  private graph: Promise<Graph> | undefined;
  private signature = "";
  private readonly watch: DatasetWatch;

  constructor(
    private readonly store: Store,
    watch?: DatasetWatch,
  ) {
    this.watch = watch ?? new DatasetWatch(store);
  }

  async get(): Promise<Graph> {
    const signature = datasetSignature(await this.watch.get());
    if (!this.graph || signature !== this.signature) {
      this.signature = signature;
      const next = loadGraph(this.store);
      this.graph = next;
      next.catch(() => {
        if (this.graph === next) this.graph = undefined;
      });
    }
    return this.graph;
  }

  /** Reads the graph afresh on the next `get()`. */
  invalidate(): void {
    this.graph = undefined;
    this.watch.invalidate();
  }
}

/** The label of an edge schema (`owns`) or of a property (`Client`). */
export function labelOf(schema: string, prop: string): string {
  const s = getSchema(schema);
  if (s.edge) return s.edge.label;
  return findProperty(schema, prop)?.label ?? prop;
}
