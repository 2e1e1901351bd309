import { createHash } from "node:crypto";
import {
  commonSchema,
  descendants,
  type Entity,
  edgeSchemata,
  findProperty,
  getSchema,
  isDocumentSource,
  isMetaProp,
  type Judgement,
  type JudgementInput,
  makeJudgement,
  type Source,
  type Stance,
  type Statement,
  StatementError,
  statementId,
  type ToEntityOptions,
  toEntity,
  validateStatement,
} from "@tiegraph/model";
import { migrate } from "./migrate.js";
import {
  type AuditEntry,
  type AuditInput,
  findRunHits,
  findRuns,
  getAudit,
  putAudit,
  putRun,
  type RunHit,
  type RunHitFilter,
  type RunHitInput,
  type RunInput,
  type StoredRun,
} from "./runs.js";
import { findMatches, likePattern, parseQuery, type SearchMatch } from "./search.js";
import type { Sql } from "./sql.js";

/** A document to store: its text and what is known of it. */
export interface DocumentInput {
  text: string;
  /** SHA-256 (hex) of the original file; default the SHA-256 of the text in UTF-8. Duplicates are skipped by it. */
  sha256?: string;
  title?: string;
  url?: string;
  publisher?: string;
  /** Publication date, ISO 8601. */
  published?: string;
  mime_type?: string;
  file_name?: string;
  dataset?: string;
  meta?: Record<string, unknown>;
}

/** A stored document. `length` is in UTF-16 code units, like the offsets of spans. */
export interface StoredDocument extends DocumentInput {
  id: string;
  sha256: string;
  length: number;
  created_at: string;
}

/** A stored document without its text. */
export type DocumentSummary = Omit<StoredDocument, "text">;

/** What `putDocument` did: `created` is false when a document with the same SHA-256 was there. */
export interface PutDocumentResult {
  id: string;
  sha256: string;
  created: boolean;
}

/** The documents that contain every term of a query, best first. */
export interface SearchResult {
  document: string;
  title?: string;
  url?: string;
  /** All matches of the query's terms in the document. */
  count: number;
  /** The first few matches, in document order. */
  matches: SearchMatch[];
}

export interface SearchOptions {
  /** Documents to return. Default 20. */
  limit?: number;
  /** Matches to return per document. Default 5. */
  perDocument?: number;
  /** Characters of context either side of a match. Default 40. */
  context?: number;
}

/** A dataset: a named collection of statements, with where it comes from. */
export interface Dataset {
  name: string;
  title?: string;
  publisher?: string;
  url?: string;
  licence?: string;
  description?: string;
}

/** A dataset with its size. */
export interface DatasetInfo extends Dataset {
  created_at: string;
  statements: number;
  entities: number;
}

/** Which statements to read. All given conditions must hold. */
export interface StatementFilter {
  entity_id?: string;
  dataset?: string;
  prop?: string;
  schema?: string;
  /** Statements whose source is a span of this document. */
  document?: string;
  /** Statements that answer this statement (its denials). */
  answers?: string;
  stance?: Stance;
  limit?: number;
}

export interface EntityQuery {
  /** Entities of this schema or (by default) any schema that is a kind of it. */
  schema?: string;
  /** Only the schema itself, not its descendants. */
  exact?: boolean;
  dataset?: string;
  limit?: number;
  offset?: number;
}

/** An entity linked to another, through a relationship entity (`via`) or a property that refers to it. */
export interface Neighbour {
  entity: Entity;
  /** `out`: the entity the query entity points to (employee → employer); `in`: the reverse. */
  direction: "out" | "in";
  /** The relationship entity (an Employment, Ownership …), when the link goes through one. */
  via?: Entity;
  /** The property that makes the link: the edge end on the far side, or the referring property. */
  prop: string;
  /** How to read the link, e.g. "works for", "owns", "Client". */
  label: string;
}

export interface NeighbourOptions {
  /** Only links through these relationship schemata (e.g. `["Ownership"]`); no plain references then. */
  schemata?: string[];
}

/**
 * The evidence graph's storage: statements, entities as views over them, documents with search,
 * judgements and datasets. Every write is transactional: a batch that fails leaves nothing behind.
 */
export interface Store {
  /** `pglite` (embedded) or `postgres`. */
  readonly driver: "pglite" | "postgres";
  /** Applies pending migrations; returns their versions. */
  migrate(): Promise<number[]>;
  /** Runs `fn` with a store whose writes all commit together or not at all. */
  transaction<T>(fn: (store: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;

  /**
   * Stores statements (validated; the same statement again widens its first/last seen). Rejects the
   * whole batch on an invalid statement, a schema that clashes with the entity's, a span outside its
   * document, or a denial whose claim is missing. Creates datasets named for the first time.
   */
  putStatements(statements: readonly Statement[]): Promise<number>;
  getStatements(filter?: StatementFilter): Promise<Statement[]>;
  /** All statements matching `filter`, page by page, in insertion order. */
  iterateStatements(filter?: Omit<StatementFilter, "limit">, pageSize?: number): AsyncGenerator<Statement>;
  /** Deletes statements by id; returns how many there were. */
  deleteStatements(ids: readonly string[]): Promise<number>;

  /** The entity; throws `No such entity: X`. */
  getEntity(id: string, options?: ToEntityOptions): Promise<Entity>;
  /** The entities of these ids that exist, in the order asked. */
  getEntities(ids: readonly string[], options?: ToEntityOptions): Promise<Entity[]>;
  /** Entities by schema and dataset, ordered by id. */
  findEntities(query?: EntityQuery): Promise<Entity[]>;
  /** All entities matching `query`, page by page. */
  iterateEntities(query?: Omit<EntityQuery, "limit" | "offset">, pageSize?: number): AsyncGenerator<Entity>;
  /** Entities linked to `id` through relationship entities or entity references. Denials make no link. */
  neighbours(id: string, options?: NeighbourOptions): Promise<Neighbour[]>;

  putDocument(doc: DocumentInput): Promise<PutDocumentResult>;
  /** The document; throws `No such document: X`. */
  getDocument(id: string): Promise<StoredDocument>;
  findDocumentBySha256(sha256: string): Promise<StoredDocument | undefined>;
  listDocuments(options?: { limit?: number; offset?: number }): Promise<DocumentSummary[]>;
  /** Full-text search: Chinese substrings and English words, with snippets and offsets. */
  search(query: string, options?: SearchOptions): Promise<SearchResult[]>;

  /** Records a judgement (they are appended, never overwritten). */
  putJudgement(input: JudgementInput): Promise<Judgement>;
  /** Judgements, oldest first. */
  getJudgements(filter?: { kind?: string; subject?: string }): Promise<Judgement[]>;
  /** The standing judgement on a subject: the latest. */
  latestJudgement(kind: string, subject: string): Promise<Judgement | undefined>;

  putDataset(dataset: Dataset): Promise<void>;
  /** The dataset; throws `No such dataset: X`. */
  getDataset(name: string): Promise<DatasetInfo>;
  listDatasets(): Promise<DatasetInfo[]>;

  /**
   * A number that grows with every write to statements, documents or datasets (by any process): equal
   * numbers mean an unchanged graph. One cheap query.
   */
  revision(): Promise<number>;

  /** Stores a screening run and its hits, replacing an earlier import of the same run. */
  putRun(run: RunInput, hits: readonly RunHitInput[]): Promise<void>;
  /** Runs, newest first. */
  listRuns(): Promise<StoredRun[]>;
  /** The run; throws `No such run: X`. */
  getRun(id: string): Promise<StoredRun>;
  /** A run's hits in their order, each with its standing review; `total` counts all that match. */
  findRunHits(run: string, filter?: RunHitFilter): Promise<{ total: number; hits: RunHit[] }>;
  /** One hit; throws `No such hit: RUN/ID`. */
  getRunHit(run: string, id: string): Promise<RunHit>;

  /** Appends to the audit log (reveals of personal data, reviews, verdicts). */
  putAudit(entry: AuditInput): Promise<AuditEntry>;
  /** The audit log, newest first. */
  getAudit(filter?: {
    subject?: string;
    action?: string;
    actor?: string;
    limit?: number;
  }): Promise<AuditEntry[]>;
}

interface StatementRow {
  id: string;
  entity_id: string;
  schema: string;
  prop: string;
  value: string;
  dataset: string;
  lang: string | null;
  original_value: string | null;
  source: Source;
  retrieved_at: string | null;
  asserted_kind: Statement["asserted_by"]["kind"];
  asserted_name: string;
  stance: Stance;
  answers: string | null;
  first_seen: string;
  last_seen: string;
}

const STATEMENT_COLUMNS =
  "id, entity_id, schema, prop, value, dataset, lang, original_value, source, retrieved_at, asserted_kind, asserted_name, stance, answers, first_seen, last_seen";

function toStatement(r: StatementRow): Statement {
  const s: Statement = {
    id: r.id,
    entity_id: r.entity_id,
    schema: r.schema,
    prop: r.prop,
    value: r.value,
    dataset: r.dataset,
    source: r.source,
    asserted_by: { kind: r.asserted_kind, name: r.asserted_name },
    stance: r.stance,
    first_seen: r.first_seen,
    last_seen: r.last_seen,
  };
  if (r.lang !== null) s.lang = r.lang;
  if (r.original_value !== null) s.original_value = r.original_value;
  if (r.retrieved_at !== null) s.retrieved_at = r.retrieved_at;
  if (r.answers !== null) s.answers = r.answers;
  return s;
}

interface DocumentRow {
  id: string;
  sha256: string;
  text?: string;
  length: number;
  title: string | null;
  url: string | null;
  publisher: string | null;
  published: string | null;
  mime_type: string | null;
  file_name: string | null;
  dataset: string | null;
  meta: Record<string, unknown>;
  created_at: string;
}

function toDocument(r: DocumentRow): StoredDocument {
  const d: StoredDocument = {
    id: r.id,
    sha256: r.sha256,
    text: r.text ?? "",
    length: r.length,
    created_at: r.created_at,
  };
  for (const k of ["title", "url", "publisher", "published", "mime_type", "file_name", "dataset"] as const) {
    const v = r[k];
    if (v !== null) d[k] = v;
  }
  if (Object.keys(r.meta).length > 0) d.meta = r.meta;
  return d;
}

interface JudgementRow {
  id: string;
  kind: string;
  subject: string;
  judgement: Judgement["judgement"];
  judged_by: string;
  judged_at: string;
  why: string | null;
}

function toJudgement(r: JudgementRow): Judgement {
  const j: Judgement = {
    id: r.id,
    kind: r.kind,
    subject: r.subject,
    judgement: r.judgement,
    by: r.judged_by,
    at: r.judged_at,
  };
  if (r.why !== null) j.why = r.why;
  return j;
}

const BATCH = 2000;

/** The SHA-256 (hex) of a text in UTF-8. */
export function sha256Text(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The id a document gets: `doc-` and the first 16 hex digits of its SHA-256. */
export function documentId(sha256: string): string {
  return `doc-${sha256.slice(0, 16)}`;
}

/** The WHERE clause (on statements) and its parameters for an entity query's schema and dataset. */
function entityWhere(query: Pick<EntityQuery, "schema" | "exact" | "dataset">): {
  where: string;
  params: unknown[];
} {
  const conds: string[] = [];
  const params: unknown[] = [];
  if (query.schema !== undefined) {
    params.push(query.exact ? [getSchema(query.schema).name] : descendants(query.schema));
    conds.push(`schema = ANY($${params.length}::text[])`);
  }
  if (query.dataset !== undefined) {
    params.push(query.dataset);
    conds.push(`dataset = $${params.length}`);
  }
  return { where: conds.length > 0 ? `WHERE ${conds.join(" AND ")}` : "", params };
}

/** The store over a PostgreSQL connection (embedded or server); see `openStore`. */
export class SqlStore implements Store {
  constructor(
    private readonly sql: Sql,
    private readonly onClose: () => Promise<void> = async () => {},
  ) {}

  get driver(): "pglite" | "postgres" {
    return this.sql.driver;
  }

  migrate(): Promise<number[]> {
    return migrate(this.sql);
  }

  transaction<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    return this.sql.transaction((tx) => fn(new SqlStore(tx)));
  }

  async close(): Promise<void> {
    await this.sql.close();
    await this.onClose();
  }

  // Statements

  putStatements(statements: readonly Statement[]): Promise<number> {
    if (statements.length === 0) return Promise.resolve(0);
    return this.sql.transaction(async (tx) => {
      // The same statement twice in a batch: one row, the widest dates.
      const byId = new Map<string, Statement>();
      for (const s of statements) {
        const problems = validateStatement(s);
        if (problems.length > 0)
          throw new StatementError([`${s.entity_id} ${s.prop}: ${problems.join("; ")}`]);
        if (s.id !== statementId(s))
          throw new StatementError([`${s.entity_id} ${s.prop}: the id is not the content hash`]);
        const old = byId.get(s.id);
        if (!old) byId.set(s.id, s);
        else {
          byId.set(s.id, {
            ...old,
            first_seen: [s.first_seen, old.first_seen].sort()[0]!,
            last_seen: [s.last_seen, old.last_seen].sort()[1]!,
          });
        }
      }
      const list = [...byId.values()];
      await this.checkSchemata(tx, list);
      await this.checkSpans(tx, list);
      const datasets = [...new Set(list.map((s) => s.dataset))];
      await tx.query(
        "INSERT INTO datasets (name, created_at) SELECT unnest($1::text[]), $2 ON CONFLICT (name) DO NOTHING",
        [datasets, new Date().toISOString()],
      );
      for (let i = 0; i < list.length; i += BATCH) await insertStatements(tx, list.slice(i, i + BATCH));
      return list.length;
    });
  }

  private async checkSchemata(tx: Sql, list: Statement[]): Promise<void> {
    const schemaOf = new Map<string, string>();
    const meet = (id: string, schema: string) => {
      const old = schemaOf.get(id);
      try {
        schemaOf.set(id, old === undefined ? schema : commonSchema(old, schema));
      } catch (e) {
        throw new Error(`Entity ${id}: ${(e as Error).message}`);
      }
    };
    for (const s of list) meet(s.entity_id, s.schema);
    const rows = await tx.query<{ entity_id: string; schema: string }>(
      "SELECT DISTINCT entity_id, schema FROM statements WHERE entity_id = ANY($1::text[])",
      [[...schemaOf.keys()]],
    );
    for (const r of rows) meet(r.entity_id, r.schema);
  }

  private async checkSpans(tx: Sql, list: Statement[]): Promise<void> {
    const spans = list.filter((s) => isDocumentSource(s.source));
    if (spans.length === 0) return;
    const ids = [...new Set(spans.map((s) => (s.source as { document: string }).document))];
    const rows = await tx.query<{ id: string; length: number }>(
      "SELECT id, length FROM documents WHERE id = ANY($1::text[])",
      [ids],
    );
    const length = new Map(rows.map((r) => [r.id, r.length]));
    for (const s of spans) {
      const src = s.source as { document: string; end: number };
      const n = length.get(src.document);
      if (n === undefined) throw new Error(`No such document: ${src.document}`);
      if (src.end > n) throw new Error(`Span ${src.end} beyond the end of ${src.document} (${n})`);
    }
  }

  async getStatements(filter: StatementFilter = {}): Promise<Statement[]> {
    const [where, params] = statementWhere(filter);
    const limit = filter.limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(filter.limit))}` : "";
    const rows = await this.sql.query<StatementRow>(
      `SELECT ${STATEMENT_COLUMNS} FROM statements ${where} ORDER BY seq${limit}`,
      params,
    );
    return rows.map(toStatement);
  }

  async *iterateStatements(
    filter: Omit<StatementFilter, "limit"> = {},
    pageSize = 5000,
  ): AsyncGenerator<Statement> {
    const [where, params] = statementWhere(filter);
    let after = 0;
    for (;;) {
      const rows = await this.sql.query<StatementRow & { seq: string | number }>(
        `SELECT seq, ${STATEMENT_COLUMNS} FROM statements ${where ? `${where} AND` : "WHERE"} seq > $${params.length + 1} ORDER BY seq LIMIT ${pageSize}`,
        [...params, after],
      );
      for (const r of rows) yield toStatement(r);
      if (rows.length < pageSize) return;
      after = Number(rows.at(-1)!.seq);
    }
  }

  async deleteStatements(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const rows = await this.sql.query<{ id: string }>(
      "DELETE FROM statements WHERE id = ANY($1::text[]) RETURNING id",
      [[...ids]],
    );
    return rows.length;
  }

  // Entities

  async getEntity(id: string, options: ToEntityOptions = {}): Promise<Entity> {
    const [e] = await this.getEntities([id], options);
    if (!e) throw new Error(`No such entity: ${id}`);
    return e;
  }

  async getEntities(ids: readonly string[], options: ToEntityOptions = {}): Promise<Entity[]> {
    if (ids.length === 0) return [];
    const rows = await this.sql.query<StatementRow>(
      `SELECT ${STATEMENT_COLUMNS} FROM statements WHERE entity_id = ANY($1::text[]) ORDER BY seq`,
      [[...new Set(ids)]],
    );
    const by = new Map<string, Statement[]>();
    for (const r of rows) {
      const list = by.get(r.entity_id);
      if (list) list.push(toStatement(r));
      else by.set(r.entity_id, [toStatement(r)]);
    }
    const out: Entity[] = [];
    for (const id of ids) {
      const list = by.get(id);
      if (list) out.push(toEntity(list, options));
    }
    return out;
  }

  async findEntities(query: EntityQuery = {}): Promise<Entity[]> {
    const { where, params } = entityWhere(query);
    const limit = query.limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(query.limit))}` : "";
    const offset = query.offset ? ` OFFSET ${Math.max(0, Math.floor(query.offset))}` : "";
    const ids = await this.sql.query<{ entity_id: string }>(
      `SELECT DISTINCT entity_id FROM statements ${where} ORDER BY entity_id${limit}${offset}`,
      params,
    );
    const entities = await this.getEntities(ids.map((r) => r.entity_id));
    // An entity with some statements of the schema asked for may be of another schema overall (a
    // LegalEntity also declared a Company is a Company); keep those that are a kind of the one asked.
    if (query.schema === undefined) return entities;
    const wanted = new Set(query.exact ? [query.schema] : descendants(query.schema));
    return entities.filter((e) => wanted.has(e.schema));
  }

  async *iterateEntities(
    query: Omit<EntityQuery, "limit" | "offset"> = {},
    pageSize = 500,
  ): AsyncGenerator<Entity> {
    const { where, params } = entityWhere(query);
    const wanted =
      query.schema === undefined
        ? undefined
        : new Set(query.exact ? [query.schema] : descendants(query.schema));
    for (let offset = 0; ; offset += pageSize) {
      const ids = await this.sql.query<{ entity_id: string }>(
        `SELECT DISTINCT entity_id FROM statements ${where} ORDER BY entity_id LIMIT ${pageSize} OFFSET ${offset}`,
        params,
      );
      for (const e of await this.getEntities(ids.map((r) => r.entity_id))) {
        if (!wanted || wanted.has(e.schema)) yield e;
      }
      if (ids.length < pageSize) return;
    }
  }

  async neighbours(id: string, options: NeighbourOptions = {}): Promise<Neighbour[]> {
    const self = await this.getEntity(id);
    const edges = new Map(edgeSchemata().map((s) => [s.name, s.edge!]));
    const only = options.schemata ? new Set(options.schemata.map((n) => getSchema(n).name)) : undefined;
    const out: Neighbour[] = [];
    // Statements elsewhere that refer to this entity (denials make no link).
    const refs = await this.sql.query<{ entity_id: string; schema: string; prop: string }>(
      "SELECT DISTINCT entity_id, schema, prop FROM statements WHERE ref = $1 AND stance <> 'denied'",
      [id],
    );
    const referrers = await this.getEntities([...new Set(refs.map((r) => r.entity_id))]);
    const farIds = new Set<string>();
    const pending: { via: Entity; prop: string; label: string; direction: "out" | "in"; far: string[] }[] =
      [];
    for (const e of referrers) {
      const edge = edges.get(e.schema);
      const props = refs.filter((r) => r.entity_id === e.id).map((r) => r.prop);
      if (edge && (props.includes(edge.source) || props.includes(edge.target))) {
        if (only && !only.has(e.schema)) continue;
        const outward = props.includes(edge.source);
        const farProp = outward ? edge.target : edge.source;
        const far = (e.properties[farProp] ?? []).filter((v) => v !== id);
        for (const f of far) farIds.add(f);
        pending.push({ via: e, prop: farProp, label: edge.label, direction: outward ? "out" : "in", far });
      } else if (!only) {
        for (const prop of props) {
          const p = findProperty(e.schema, prop);
          out.push({ entity: e, direction: "in", prop, label: p?.reverse?.label ?? p?.label ?? prop });
        }
      }
    }
    const farEntities = new Map((await this.getEntities([...farIds])).map((e) => [e.id, e]));
    for (const p of pending) {
      for (const f of p.far) {
        const entity = farEntities.get(f);
        if (entity) out.push({ entity, direction: p.direction, via: p.via, prop: p.prop, label: p.label });
      }
    }
    // This entity's own references (a project's client, an address), unless it is itself an edge.
    if (!only) {
      const targets = new Map<string, string[]>();
      for (const [prop, values] of Object.entries(self.properties)) {
        if (isMetaProp(prop) || findProperty(self.schema, prop)?.type !== "entity") continue;
        for (const v of values) targets.set(v, [...(targets.get(v) ?? []), prop]);
      }
      for (const e of await this.getEntities([...targets.keys()])) {
        for (const prop of targets.get(e.id) ?? []) {
          out.push({
            entity: e,
            direction: "out",
            prop,
            label: findProperty(self.schema, prop)?.label ?? prop,
          });
        }
      }
    }
    return out;
  }

  // Documents

  async putDocument(doc: DocumentInput): Promise<PutDocumentResult> {
    if (typeof doc.text !== "string") throw new Error("A document needs its text");
    const sha256 = (doc.sha256 ?? sha256Text(doc.text)).toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`Not a SHA-256: ${doc.sha256}`);
    const id = documentId(sha256);
    return this.sql.transaction(async (tx) => {
      if (doc.dataset !== undefined) {
        await tx.query(
          "INSERT INTO datasets (name, created_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
          [doc.dataset, new Date().toISOString()],
        );
      }
      const rows = await tx.query<{ id: string }>(
        `INSERT INTO documents (id, sha256, text, length, title, url, publisher, published, mime_type, file_name, dataset, meta, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13)
         ON CONFLICT (sha256) DO NOTHING RETURNING id`,
        [
          id,
          sha256,
          doc.text,
          doc.text.length,
          doc.title ?? null,
          doc.url ?? null,
          doc.publisher ?? null,
          doc.published ?? null,
          doc.mime_type ?? null,
          doc.file_name ?? null,
          doc.dataset ?? null,
          JSON.stringify(doc.meta ?? {}),
          new Date().toISOString(),
        ],
      );
      if (rows.length > 0) return { id, sha256, created: true };
      const old = await tx.query<{ id: string }>("SELECT id FROM documents WHERE sha256 = $1", [sha256]);
      return { id: old[0]?.id ?? id, sha256, created: false };
    });
  }

  async getDocument(id: string): Promise<StoredDocument> {
    const rows = await this.sql.query<DocumentRow>("SELECT * FROM documents WHERE id = $1", [id]);
    if (!rows[0]) throw new Error(`No such document: ${id}`);
    return toDocument(rows[0]);
  }

  async findDocumentBySha256(sha256: string): Promise<StoredDocument | undefined> {
    const rows = await this.sql.query<DocumentRow>("SELECT * FROM documents WHERE sha256 = $1", [
      sha256.toLowerCase(),
    ]);
    return rows[0] ? toDocument(rows[0]) : undefined;
  }

  async listDocuments(options: { limit?: number; offset?: number } = {}): Promise<DocumentSummary[]> {
    const limit = Math.max(0, Math.floor(options.limit ?? 1000));
    const offset = Math.max(0, Math.floor(options.offset ?? 0));
    const rows = await this.sql.query<DocumentRow>(
      `SELECT id, sha256, length, title, url, publisher, published, mime_type, file_name, dataset, meta, created_at
       FROM documents ORDER BY created_at, id LIMIT ${limit} OFFSET ${offset}`,
    );
    return rows.map((r) => {
      const { text: _, ...rest } = toDocument(r);
      return rest;
    });
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchResult[]> {
    const terms = parseQuery(query);
    if (terms.length === 0) return [];
    const limit = options.limit ?? 20;
    const perDocument = options.perDocument ?? 5;
    // Narrow down with LIKE (the trigram index serves it), then find the exact matches here, where
    // word boundaries and UTF-16 offsets are known.
    const conds = terms.map((_, i) => `text ILIKE $${i + 1}`);
    const rows = await this.sql.query<{ id: string; title: string | null; url: string | null; text: string }>(
      `SELECT id, title, url, text FROM documents WHERE ${conds.join(" AND ")} ORDER BY id LIMIT 2000`,
      terms.map(likePattern),
    );
    const results: SearchResult[] = [];
    for (const r of rows) {
      const matches = findMatches(r.text, terms, options.context ?? 40);
      if (matches.length === 0) continue;
      const res: SearchResult = {
        document: r.id,
        count: matches.length,
        matches: matches.slice(0, perDocument),
      };
      if (r.title !== null) res.title = r.title;
      if (r.url !== null) res.url = r.url;
      results.push(res);
    }
    results.sort((a, b) => b.count - a.count || a.document.localeCompare(b.document));
    return results.slice(0, limit);
  }

  // Judgements

  async putJudgement(input: JudgementInput): Promise<Judgement> {
    const j = makeJudgement(input);
    await this.sql.query(
      `INSERT INTO judgements (id, kind, subject, judgement, judged_by, judged_at, why)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
      [j.id, j.kind, j.subject, j.judgement, j.by, j.at, j.why ?? null],
    );
    return j;
  }

  async getJudgements(filter: { kind?: string; subject?: string } = {}): Promise<Judgement[]> {
    const conds: string[] = [];
    const params: unknown[] = [];
    for (const k of ["kind", "subject"] as const) {
      const v = filter[k];
      if (v !== undefined) {
        params.push(v);
        conds.push(`${k} = $${params.length}`);
      }
    }
    const where = conds.length > 0 ? `WHERE ${conds.join(" AND ")}` : "";
    const rows = await this.sql.query<JudgementRow>(
      `SELECT * FROM judgements ${where} ORDER BY judged_at, id`,
      params,
    );
    return rows.map(toJudgement);
  }

  async latestJudgement(kind: string, subject: string): Promise<Judgement | undefined> {
    return (await this.getJudgements({ kind, subject })).at(-1);
  }

  // Datasets

  async putDataset(d: Dataset): Promise<void> {
    if (!d.name) throw new Error("A dataset needs a name");
    await this.sql.query(
      `INSERT INTO datasets (name, title, publisher, url, licence, description, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (name) DO UPDATE SET title = EXCLUDED.title, publisher = EXCLUDED.publisher, url = EXCLUDED.url,
         licence = EXCLUDED.licence, description = EXCLUDED.description`,
      [
        d.name,
        d.title ?? null,
        d.publisher ?? null,
        d.url ?? null,
        d.licence ?? null,
        d.description ?? null,
        new Date().toISOString(),
      ],
    );
  }

  async getDataset(name: string): Promise<DatasetInfo> {
    const d = (await this.datasetInfo(name))[0];
    if (!d) throw new Error(`No such dataset: ${name}`);
    return d;
  }

  listDatasets(): Promise<DatasetInfo[]> {
    return this.datasetInfo();
  }

  async revision(): Promise<number> {
    const rows = await this.sql.query<{ revision: number | string }>("SELECT revision FROM store_revision");
    return Number(rows[0]?.revision ?? 0);
  }

  // Screening runs and the audit log

  putRun(run: RunInput, hits: readonly RunHitInput[]): Promise<void> {
    return this.sql.transaction((tx) => putRun(tx, run, hits));
  }

  listRuns(): Promise<StoredRun[]> {
    return findRuns(this.sql);
  }

  async getRun(id: string): Promise<StoredRun> {
    const run = (await findRuns(this.sql, id))[0];
    if (!run) throw new Error(`No such run: ${id}`);
    return run;
  }

  findRunHits(run: string, filter: RunHitFilter = {}): Promise<{ total: number; hits: RunHit[] }> {
    return findRunHits(this.sql, run, filter);
  }

  async getRunHit(run: string, id: string): Promise<RunHit> {
    const hit = (await findRunHits(this.sql, run, { id, limit: 1 })).hits[0];
    if (!hit) throw new Error(`No such hit: ${run}/${id}`);
    return hit;
  }

  putAudit(entry: AuditInput): Promise<AuditEntry> {
    return putAudit(this.sql, entry);
  }

  getAudit(
    filter: { subject?: string; action?: string; actor?: string; limit?: number } = {},
  ): Promise<AuditEntry[]> {
    return getAudit(this.sql, filter);
  }

  private async datasetInfo(name?: string): Promise<DatasetInfo[]> {
    const rows = await this.sql.query<Record<string, string | number | null>>(
      `SELECT d.name, d.title, d.publisher, d.url, d.licence, d.description, d.created_at,
         (SELECT count(*)::int FROM statements s WHERE s.dataset = d.name) AS statements,
         (SELECT count(DISTINCT entity_id)::int FROM statements s WHERE s.dataset = d.name) AS entities
       FROM datasets d ${name === undefined ? "" : "WHERE d.name = $1"} ORDER BY d.name`,
      name === undefined ? [] : [name],
    );
    return rows.map((r) => {
      const d: DatasetInfo = {
        name: String(r.name),
        created_at: String(r.created_at),
        statements: Number(r.statements),
        entities: Number(r.entities),
      };
      for (const k of ["title", "publisher", "url", "licence", "description"] as const) {
        const v = r[k];
        if (v !== null && v !== undefined) d[k] = String(v);
      }
      return d;
    });
  }
}

function statementWhere(filter: Omit<StatementFilter, "limit">): [string, unknown[]] {
  const conds: string[] = [];
  const params: unknown[] = [];
  for (const k of ["entity_id", "dataset", "prop", "schema", "document", "answers", "stance"] as const) {
    const v = filter[k];
    if (v !== undefined) {
      params.push(v);
      conds.push(`${k} = $${params.length}`);
    }
  }
  return [conds.length > 0 ? `WHERE ${conds.join(" AND ")}` : "", params];
}

async function insertStatements(tx: Sql, list: Statement[]): Promise<void> {
  const col = <T>(f: (s: Statement) => T) => list.map(f);
  await tx.query(
    `INSERT INTO statements (id, entity_id, schema, prop, value, ref, dataset, lang, original_value, source, document,
       retrieved_at, asserted_kind, asserted_name, stance, answers, first_seen, last_seen)
     SELECT u.id, u.entity_id, u.schema, u.prop, u.value, u.ref, u.dataset, u.lang, u.original_value, u.source::jsonb,
       u.document, u.retrieved_at, u.asserted_kind, u.asserted_name, u.stance, u.answers, u.first_seen, u.last_seen
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
       $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[],
       $17::text[], $18::text[])
       AS u(id, entity_id, schema, prop, value, ref, dataset, lang, original_value, source, document, retrieved_at,
         asserted_kind, asserted_name, stance, answers, first_seen, last_seen)
     ON CONFLICT (id) DO UPDATE SET
       first_seen = LEAST(statements.first_seen, EXCLUDED.first_seen),
       last_seen = GREATEST(statements.last_seen, EXCLUDED.last_seen),
       retrieved_at = COALESCE(EXCLUDED.retrieved_at, statements.retrieved_at)`,
    [
      col((s) => s.id),
      col((s) => s.entity_id),
      col((s) => s.schema),
      col((s) => s.prop),
      col((s) => s.value),
      col((s) => (!isMetaProp(s.prop) && findProperty(s.schema, s.prop)?.type === "entity" ? s.value : null)),
      col((s) => s.dataset),
      col((s) => s.lang ?? null),
      col((s) => s.original_value ?? null),
      col((s) => JSON.stringify(s.source)),
      col((s) => (isDocumentSource(s.source) ? s.source.document : null)),
      col((s) => s.retrieved_at ?? null),
      col((s) => s.asserted_by.kind),
      col((s) => s.asserted_by.name),
      col((s) => s.stance),
      col((s) => s.answers ?? null),
      col((s) => s.first_seen),
      col((s) => s.last_seen),
    ],
  );
}
