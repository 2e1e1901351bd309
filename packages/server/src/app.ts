import { userInfo } from "node:os";
import type { MatchIndex } from "@tiegraph/match";
import {
  allCandidates,
  capPeople,
  claimsOf,
  companies,
  companyProfile,
  DatasetWatch,
  documentTags,
  entityDetail,
  entityView,
  evidence,
  findCandidate,
  type Graph,
  GraphCache,
  graphNeighbours,
  judgeCandidate,
  type Link,
  network,
  type Profile,
  projectFeatures,
  searchEntities,
  timeline,
} from "@tiegraph/service";
import type { Store } from "@tiegraph/store";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { errorAnswer, HttpError, ROLES, type User } from "./http.js";
import { answerQueries, MatchIndexes } from "./match.js";
import {
  CompanyListSchema,
  EntityDetailSchema,
  EvidenceSchema,
  MeSchema,
  NeighboursSchema,
  NetworkSchema,
  ProfileSchema,
  ProjectCollectionSchema,
  TimelineSchema,
  VerdictSchema,
} from "./responses.js";
import { type Env, openApiDocument, Routes } from "./routes.js";
import { registerRunRoutes } from "./runs.js";
import {
  CandidatesQuery,
  IdParam,
  MatchBody,
  MatchParam,
  MatchQueryParams,
  NetworkQuery,
  NoteBody,
  PageQuery,
  ProjectsQuery,
  SearchQuery,
  StatementQuery,
  TimelineQuery,
} from "./schemas.js";
import { NOT_BUILT_PAGE, staticFile } from "./static.js";

export interface AppOptions {
  store: Store;
  /** The built web app (`packages/web/dist`); without it `/` says the app is not built. */
  staticDir?: string;
  /**
   * Server mode: bearer tokens and who they stand for (`{"<token>": {"user": "ana", "role": "analyst"}}`);
   * every API request must then carry `Authorization: Bearer <token>`.
   */
  users?: Record<string, User>;
  /** Local mode's user (default: `TIEGRAPH_USER` or the OS user name, as an analyst). */
  user?: User;
  /** A prebuilt name-matching index, used for every `/match/:dataset` instead of the store's lists. */
  matchIndex?: MatchIndex;
  /** The version the OpenAPI document states. */
  version?: string;
  /** Called with every error answered with a 500 (default: written to standard error). */
  onError?: (err: unknown) => void;
}

/** The Content-Security-Policy of every answer: nothing inline but styles, nothing from elsewhere. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join("; ");

/** The local user: `TIEGRAPH_USER` or the OS user name, as an analyst. */
export function localUser(env: NodeJS.ProcessEnv = process.env): User {
  let name = env.TIEGRAPH_USER;
  if (!name) {
    try {
      name = userInfo().username;
    } catch {
      name = env.USER ?? "analyst";
    }
  }
  return { user: name || "analyst", role: "analyst" };
}

/** Reads a users file's content: `{"<token>": {"user": "...", "role": "viewer|analyst|admin"}}`. */
export function parseUsers(json: unknown): Record<string, User> {
  if (!json || typeof json !== "object" || Array.isArray(json)) throw new Error("users: not a JSON object");
  const out: Record<string, User> = {};
  for (const [token, v] of Object.entries(json as Record<string, unknown>)) {
    const u = v as { user?: unknown; role?: unknown };
    if (token.length < 8)
      throw new Error(`users: the token of ${String(u?.user)} is shorter than 8 characters`);
    if (typeof u?.user !== "string" || !u.user) throw new Error("users: every token needs a user name");
    if (!(ROLES as readonly unknown[]).includes(u.role)) {
      throw new Error(`users: ${u.user}: role must be one of ${ROLES.join(", ")}`);
    }
    out[token] = { user: u.user, role: u.role as User["role"] };
  }
  return out;
}

/** Answers computed from one graph, kept as long as the graph is (a new graph computes afresh). */
const memos = new WeakMap<Graph, Map<string, unknown>>();
function memo<T>(graph: Graph, key: string, fn: () => T): T {
  let m = memos.get(graph);
  if (!m) {
    m = new Map();
    memos.set(graph, m);
  }
  if (!m.has(key)) {
    if (m.size > 500) m.clear();
    m.set(key, fn());
  }
  return m.get(key) as T;
}

/** The largest request body taken (a batch of 1,000 names to match fits easily). */
const MAX_BODY = 4 * 1024 * 1024;

const isApi = (path: string) => path === "/api" || path.startsWith("/api/") || path.startsWith("/match/");

/**
 * The tiegraph HTTP app: the JSON API of `api.md` over a store, `/match/:dataset` in yente's shape, the
 * OpenAPI document at `/api/openapi.json`, and the built web app. Errors are answered in one place.
 * @example
 * const app = createApp({ store: await openStore("memory:") });
 * const res = await app.request("/api/companies");
 */
export function createApp(options: AppOptions): Hono<Env> {
  const { store } = options;
  const watch = new DatasetWatch(store);
  const graphs = new GraphCache(store, watch);
  const indexes = new MatchIndexes(store, watch, options.matchIndex);
  const local = options.user ?? localUser();
  const app = new Hono<Env>();

  app.use("*", async (c, next) => {
    await next();
    c.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
    c.header("X-Frame-Options", "DENY");
  });

  // Writes come from this app's own pages or from programs, never from another site's page: a browser
  // names the page's origin, which must be this server's.
  app.use("*", async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const origin = c.req.header("Origin");
    const site = c.req.header("Sec-Fetch-Site");
    if (site === "cross-site" || site === "same-site")
      throw new HttpError(403, "Requests from other sites are refused");
    if (origin !== undefined && origin !== "null") {
      let host: string;
      try {
        host = new URL(origin).host;
      } catch {
        throw new HttpError(403, "Requests from other sites are refused");
      }
      if (host !== (c.req.header("Host") ?? new URL(c.req.url).host)) {
        throw new HttpError(403, "Requests from other sites are refused");
      }
    } else if (origin === "null") throw new HttpError(403, "Requests from other sites are refused");
    return next();
  });
  app.use(
    "*",
    bodyLimit({
      maxSize: MAX_BODY,
      onError: () => {
        throw new HttpError(413, `A request body may have at most ${MAX_BODY} bytes`);
      },
    }),
  );

  // Who asks: in server mode the bearer token's user, else the local user.
  app.use("*", async (c, next) => {
    if (!options.users || !isApi(c.req.path) || c.req.path === "/api/openapi.json") {
      c.set("user", local);
      return next();
    }
    const m = /^Bearer\s+(\S+)$/i.exec(c.req.header("Authorization") ?? "");
    const user = m ? options.users[m[1]!] : undefined;
    if (!user) throw new HttpError(401, "Sign in: send Authorization: Bearer <token>");
    c.set("user", user);
    return next();
  });

  app.onError((err, c) => {
    const { status, body } = errorAnswer(err);
    if (status === 500) (options.onError ?? ((e) => console.error(e)))(err);
    return c.json(body, status as 400);
  });

  const routes = new Routes(app);

  routes.add(
    {
      method: "get",
      path: "/api/me",
      summary: "Who the request is made by, and their role",
      tag: "users",
      response: MeSchema,
    },
    ({ user }) => ({ user: user.user, role: user.role }),
  );

  routes.add(
    { method: "get", path: "/api/stats", summary: "Datasets, documents and screening runs", tag: "graph" },
    async () => {
      const [datasets, graph, runs] = await Promise.all([
        store.listDatasets(),
        graphs.get(),
        store.listRuns(),
      ]);
      return { datasets, documents: graph.documents.size, runs: runs.length };
    },
  );

  routes.add(
    { method: "get", path: "/api/datasets", summary: "The datasets with their sizes", tag: "graph" },
    async () => ({ datasets: await watch.get() }),
  );

  routes.add(
    {
      method: "get",
      path: "/api/companies",
      summary: "Companies of interest: with projects, ownership, designations or ties",
      tag: "graph",
      response: CompanyListSchema,
    },
    async () => {
      const graph = await graphs.get();
      return { companies: memo(graph, "companies", () => companies(graph)) };
    },
  );

  routes.add(
    {
      method: "get",
      path: "/api/entities/:id",
      summary: "An entity with its claims",
      tag: "graph",
      response: EntityDetailSchema,
      params: IdParam,
    },
    async ({ params }) => entityDetail(store, await graphs.get(), params.id),
  );

  routes.add(
    {
      method: "get",
      path: "/api/entities/:id/profile",
      summary: "A company's profile: overview, ownership, ties, designations, projects, timeline, people",
      tag: "graph",
      response: ProfileSchema,
      params: IdParam,
    },
    async ({ params }): Promise<Profile> => {
      const graph = await graphs.get();
      if (graph.entities.has(params.id)) return companyProfile(graph, params.id);
      const e = await store.getEntity(params.id);
      return {
        entity: entityView(e),
        overview: claimsOf(e, graph),
        ownership: [],
        ties: [],
        designations: [],
        projects: [],
        timeline: [],
        people: [],
        allegations: [],
      };
    },
  );

  routes.add(
    {
      method: "get",
      path: "/api/entities/:id/neighbours",
      summary: "The entities linked to an entity",
      tag: "graph",
      response: NeighboursSchema,
      params: IdParam,
    },
    async ({ params }) => {
      const graph = await graphs.get();
      if (graph.entities.has(params.id)) {
        const { links, omitted } = capPeople(graphNeighbours(graph, params.id));
        return { neighbours: links, ...(omitted > 0 ? { omitted: { person: omitted } } : {}) };
      }
      const neighbours: Link[] = (await store.neighbours(params.id)).map((n) => ({
        entity: entityView(n.entity),
        ...(n.via ? { via: entityView(n.via) } : {}),
        label: n.label,
        direction: n.direction,
        claims: claimsOf(n.via ?? n.entity, graph),
      }));
      return { neighbours };
    },
  );

  routes.add(
    {
      method: "get",
      path: "/api/network",
      summary: "Nodes and edges around a focus, or around the companies",
      tag: "graph",
      response: NetworkSchema,
      query: NetworkQuery,
    },
    async ({ query }) => {
      const graph = await graphs.get();
      return memo(graph, `network ${JSON.stringify(query)}`, () =>
        network(graph, {
          ...(query.focus ? { focus: query.focus } : {}),
          ...(query.depth ? { depth: query.depth } : {}),
          ...(query.schema
            ? {
                schemata: query.schema
                  .split(",")
                  .map((s) => s.trim())
                  .filter(Boolean),
              }
            : {}),
        }),
      );
    },
  );

  routes.add(
    {
      method: "get",
      path: "/api/projects",
      summary: "Projects as GeoJSON points with their sources",
      tag: "graph",
      response: ProjectCollectionSchema,
      query: ProjectsQuery,
    },
    async ({ query }) =>
      projectFeatures(await graphs.get(), {
        ...(query.company ? { company: query.company } : {}),
        ...(query.category ? { category: query.category } : {}),
        ...(query.country ? { country: query.country.toLowerCase() } : {}),
        ...(query.year !== undefined ? { year: query.year } : {}),
      }),
  );

  routes.add(
    {
      method: "get",
      path: "/api/timeline",
      summary: "Dated items of a company and/or a region, sorted by date",
      tag: "graph",
      response: TimelineSchema,
      query: TimelineQuery,
    },
    async ({ query }) => ({
      items: timeline(await graphs.get(), {
        ...(query.company ? { company: query.company } : {}),
        ...(query.region ? { region: query.region } : {}),
      }),
    }),
  );

  routes.add(
    {
      method: "get",
      path: "/api/statements/:id",
      summary: "The evidence of a claim: for a document span, the document's text",
      tag: "graph",
      response: EvidenceSchema,
      params: IdParam,
      query: StatementQuery,
    },
    async ({ params, query }) => evidence(store, await graphs.get(), params.id, query.entity),
  );

  routes.add(
    {
      method: "get",
      path: "/api/documents",
      summary: "Stored documents",
      tag: "documents",
      query: PageQuery,
    },
    async ({ query }) => ({
      documents: await store.listDocuments({ limit: query.limit ?? 100, offset: query.offset ?? 0 }),
    }),
  );

  routes.add(
    {
      method: "get",
      path: "/api/documents/:id",
      summary: "A stored document with its text, and the entities, places and dates it mentions",
      tag: "documents",
      params: IdParam,
    },
    async ({ params }) => {
      const document = await store.getDocument(params.id);
      return { document, tags: documentTags(document.text) };
    },
  );

  routes.add(
    {
      method: "get",
      path: "/api/search",
      summary: "Documents and entities: Chinese substrings and English words",
      tag: "documents",
      query: SearchQuery,
    },
    async ({ query }) => {
      const limit = query.limit ?? 20;
      const [documents, graph] = await Promise.all([store.search(query.q, { limit }), graphs.get()]);
      return { documents, entities: searchEntities(graph, query.q, limit) };
    },
  );

  routes.add(
    {
      method: "get",
      path: "/api/ties/candidates",
      summary: "Candidate ties found in the documents, with their verdicts",
      tag: "ties",
      query: CandidatesQuery,
    },
    async ({ query }) => {
      const all = await allCandidates(store);
      const status = query.status ?? "all";
      return { candidates: status === "all" ? all : all.filter((c) => c.status === status) };
    },
  );

  for (const verdict of ["accept", "reject"] as const) {
    routes.add(
      {
        method: "post",
        path: `/api/ties/:id/${verdict}`,
        summary:
          verdict === "accept"
            ? "Accept a candidate tie: it becomes statements cited to its sentence"
            : "Reject a candidate tie: the verdict is kept",
        tag: "ties",
        response: VerdictSchema,
        role: "analyst",
        params: IdParam,
        body: NoteBody,
      },
      async ({ params, body, user }) => {
        const candidate = await findCandidate(store, params.id);
        if (!candidate) throw new Error(`No such candidate: ${params.id}`);
        const result = await judgeCandidate(store, candidate, verdict, user.user, body.note);
        await store.putAudit({
          actor: user.user,
          action: `tie.${verdict}`,
          subject: params.id,
          ...(body.note ? { note: body.note } : {}),
        });
        graphs.invalidate();
        return result;
      },
    );
  }

  registerRunRoutes(routes, store);

  routes.add(
    {
      method: "post",
      path: "/match/:dataset",
      summary: "Screen names against a list (or `default`: all lists), in yente's shape",
      tag: "names",
      params: MatchParam,
      query: MatchQueryParams,
      body: MatchBody,
    },
    async ({ params, query, body }) => {
      const index = await indexes.get(params.dataset);
      return answerQueries(index, body.queries, {
        ...(query.threshold !== undefined ? { threshold: query.threshold } : {}),
        ...(query.limit !== undefined ? { limit: query.limit } : {}),
      });
    },
  );

  const openapi = openApiDocument(routes.specs, options.version ?? "0.1.0");
  app.get("/api/openapi.json", (c) => c.json(openapi));

  app.all("/api/*", (c) => {
    throw new HttpError(404, `No such route: ${c.req.method} ${c.req.path}`);
  });
  app.all("/match/*", (c) => {
    throw new HttpError(404, `No such route: ${c.req.method} ${c.req.path}`);
  });

  app.get("*", async (c) => {
    if (!options.staticDir) {
      if (c.req.path === "/" || c.req.path === "/index.html") return c.html(NOT_BUILT_PAGE);
      throw new HttpError(404, `No such file: ${c.req.path}`);
    }
    const file = await staticFile(options.staticDir, c.req.path);
    if (!file) throw new HttpError(404, `No such file: ${c.req.path}`);
    c.header("Content-Type", file.type);
    c.header("Cache-Control", file.immutable ? "public, max-age=31536000, immutable" : "no-cache");
    return c.body(file.body as Uint8Array<ArrayBuffer>);
  });

  return app;
}
