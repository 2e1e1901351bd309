import { type Entity, isDocumentSource } from "@tiegraph/model";
import type { Store } from "@tiegraph/store";
import type { Graph } from "./graph.js";
import type { Claim, Evidence } from "./types.js";
import { claimsOf, entityView, toClaim } from "./views.js";

/**
 * The evidence of one claim: the claim (with its denials) and, for a span of a stored document, the
 * document's whole text (the client highlights `start..end`). A statement of an entity outside the graph
 * (an imported list's) is found when its `entity` is given. Throws `No such statement: X`.
 */
export async function evidence(store: Store, graph: Graph, id: string, entity?: string): Promise<Evidence> {
  // A statement outside the graph (a list entry's) is found through its entity.
  const s =
    graph.statements.get(id) ??
    (entity !== undefined
      ? (await store.getStatements({ entity_id: entity })).find((x) => x.id === id)
      : undefined);
  if (!s) throw new Error(`No such statement: ${id}`);
  const claim = toClaim(s, graph);
  if (!isDocumentSource(s.source)) return { claim };
  const d = await store.getDocument(s.source.document);
  return {
    claim,
    document: {
      id: d.id,
      text: d.text,
      ...(d.title ? { title: d.title } : {}),
      ...(d.url ? { url: d.url } : {}),
      ...(d.publisher ? { publisher: d.publisher } : {}),
      ...(d.published ? { published: d.published } : {}),
    },
  };
}

/**
 * An entity with its claims: from the graph when it is there, else from the store (a list entry).
 * Throws `No such entity: X`.
 */
export async function entityDetail(
  store: Store,
  graph: Graph,
  id: string,
): Promise<{ entity: ReturnType<typeof entityView>; claims: Claim[] }> {
  const e: Entity = graph.entities.get(id) ?? (await store.getEntity(id));
  return { entity: entityView(e), claims: claimsOf(e, graph) };
}
