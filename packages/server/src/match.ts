import { loadLexicon } from "@tiegraph/lexicons";
import { buildIndex, type MatchIndex, type MatchResult, match, storedEntries } from "@tiegraph/match";
import { type DatasetWatch, datasetSignature, listDatasetNames } from "@tiegraph/service";
import type { Store } from "@tiegraph/store";

/** One query of a yente-shaped match request. */
export interface MatchRequestQuery {
  schema?: string | undefined;
  properties: Record<string, string[] | string>;
}

/** The answer to one query: yente's shape. */
export interface MatchQueryResponse {
  status: 200;
  results: MatchResult[];
  total: { value: number };
  query: MatchRequestQuery;
}

export interface MatchResponse {
  responses: Record<string, MatchQueryResponse>;
}

/**
 * Match indexes of the store's lists, built once per list (or all lists, `default`) and built again when
 * the datasets' statement counts change (as `watch` sees them). Concurrent requests share one build.
 */
export class MatchIndexes {
  private signature = "";
  private lists: string[] = [];
  private readonly built = new Map<string, Promise<MatchIndex>>();

  constructor(
    private readonly store: Store,
    private readonly watch: DatasetWatch,
    private readonly fixed?: MatchIndex,
  ) {}

  /** The index for `dataset` (a list's name or `default`); throws `No such dataset: X`. */
  async get(dataset: string): Promise<MatchIndex> {
    if (this.fixed) return this.fixed;
    const datasets = await this.watch.get();
    const signature = datasetSignature(datasets);
    if (signature !== this.signature) {
      this.signature = signature;
      this.lists = [...(await listDatasetNames(this.store, datasets))].sort();
      this.built.clear();
    }
    if (dataset !== "default" && !this.lists.includes(dataset)) {
      throw new Error(`No such dataset: ${dataset} (lists: ${this.lists.join(", ") || "none imported"})`);
    }
    let index = this.built.get(dataset);
    if (!index) {
      const names = dataset === "default" ? undefined : [dataset];
      index = storedEntries(this.store, names).then((entries) =>
        buildIndex(entries, { lexicon: loadLexicon().entries }),
      );
      this.built.set(dataset, index);
      index.catch(() => this.built.delete(dataset));
    }
    return index;
  }
}

/** Answers yente-shaped queries against an index. */
export function answerQueries(
  index: MatchIndex,
  queries: Record<string, MatchRequestQuery>,
  options: { threshold?: number; limit?: number },
): MatchResponse {
  const responses: Record<string, MatchQueryResponse> = {};
  for (const [key, q] of Object.entries(queries)) {
    const results = match(
      index,
      { ...(q.schema ? { schema: q.schema } : {}), properties: q.properties },
      options,
    );
    responses[key] = { status: 200, results, total: { value: results.length }, query: q };
  }
  return { responses };
}
