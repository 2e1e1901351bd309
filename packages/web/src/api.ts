/**
 * The one module that talks to the HTTP API. In static mode (a published site: `window.TIEGRAPH_STATIC`
 * set, or `<meta name="tiegraph-static">` in the page) GETs read JSON files under `data/` instead and
 * writes are refused; see README.md for the mapping.
 */

import type {
  CandidateList,
  CompanyList,
  DocumentWithTags,
  EntityResponse,
  HitDetail,
  HitList,
  Me,
  Neighbours,
  Network,
  Profile,
  ProjectCollection,
  RevealResponse,
  ReviewResponse,
  RunDetail,
  RunList,
  SearchResponse,
  StatementEvidence,
  Stats,
  Timeline,
  Verdict,
} from "./types.js";

/** The page's globals this module reads; typed here so that it needs no DOM library (publish uses it in Node). */
const page = globalThis as {
  TIEGRAPH_STATIC?: unknown;
  document?: { querySelector(selector: string): unknown };
  sessionStorage?: {
    getItem(key: string): string | null;
    setItem(key: string, value: string): void;
    removeItem(key: string): void;
  };
};

const TOKEN_KEY = "tiegraph-token";

/** The bearer token of a server that has users (`tiegraph serve --users`), kept for the browser tab. */
export function token(): string | null {
  try {
    return page.sessionStorage?.getItem(TOKEN_KEY) ?? null;
  } catch {
    return null;
  }
}

/** Keeps (or, with null, forgets) the bearer token sent with every request. */
export function setToken(value: string | null): void {
  if (value) page.sessionStorage?.setItem(TOKEN_KEY, value);
  else page.sessionStorage?.removeItem(TOKEN_KEY);
}

function headers(extra: Record<string, string> = {}): Record<string, string> {
  const t = token();
  return { accept: "application/json", ...extra, ...(t ? { authorization: `Bearer ${t}` } : {}) };
}

/** An error answered by the API (or a missing static file), with its status and the server's message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

/** True when the page is a published static site: no server, read-only. */
export function isStatic(): boolean {
  if (page.TIEGRAPH_STATIC) return true;
  return page.document?.querySelector('meta[name="tiegraph-static"]') != null;
}

/**
 * The file (relative to the site's root) that holds the answer to a GET in static mode: `data/` + the
 * path + `.json`; a query string is sorted by key, empty values dropped, and appended after `~` in
 * `URLSearchParams` form.
 *
 * @example staticFile("/api/companies") // "data/api/companies.json"
 * @example staticFile("/api/timeline?region=russia&company=huawei") // "data/api/timeline~company=huawei&region=russia.json"
 */
export function staticFile(path: string): string {
  const [p = "", q = ""] = path.split("?", 2);
  const params = [...new URLSearchParams(q)].filter(([, v]) => v !== "");
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length ? `~${new URLSearchParams(params).toString()}` : "";
  return `data${p.startsWith("/") ? p : `/${p}`}${query}.json`;
}

/** The URL to fetch for `staticFile(path)`: each segment percent-encoded. */
export function staticUrl(path: string): string {
  return staticFile(path).split("/").map(encodeURIComponent).join("/");
}

/** A query string from the defined, non-empty values. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}

async function parse<T>(res: Response, what: string): Promise<T> {
  if (res.ok) return (await res.json()) as T;
  let message = `${res.status} ${res.statusText}`;
  let issues: { path: string; message: string }[] = [];
  try {
    const body = (await res.json()) as { error?: { message?: string; issues?: typeof issues } };
    if (body.error?.message) message = body.error.message;
    if (body.error?.issues) issues = body.error.issues;
  } catch {
    if (res.status === 404) message = `Not found: ${what}`;
  }
  throw new ApiError(res.status, message, issues);
}

/** GET a JSON resource of the API (or its static file). */
export async function get<T>(path: string): Promise<T> {
  if (isStatic()) return parse<T>(await fetch(staticUrl(path)), path);
  return parse<T>(await fetch(path, { headers: headers() }), path);
}

/** POST a JSON body; refused in static mode. */
export async function post<T>(path: string, body: unknown): Promise<T> {
  if (isStatic()) throw new ApiError(405, "This is a published read-only site.");
  const res = await fetch(path, {
    method: "POST",
    headers: headers({ "content-type": "application/json" }),
    body: JSON.stringify(body),
  });
  return parse<T>(res, path);
}

const id = encodeURIComponent;

/** The API, one function per route. */
export const api = {
  me: (): Promise<Me> =>
    isStatic() ? Promise.resolve({ user: "reader", role: "viewer" }) : get<Me>("/api/me"),
  stats: () => get<Stats>("/api/stats"),
  companies: () => get<CompanyList>("/api/companies"),
  entity: (e: string) => get<EntityResponse>(`/api/entities/${id(e)}`),
  profile: (e: string) => get<Profile>(`/api/entities/${id(e)}/profile`),
  neighbours: (e: string) => get<Neighbours>(`/api/entities/${id(e)}/neighbours`),
  network: (p: { focus?: string; depth?: number }) => get<Network>(`/api/network${query(p)}`),
  projects: () => get<ProjectCollection>("/api/projects"),
  timeline: (p: { company?: string; region?: string }) => get<Timeline>(`/api/timeline${query(p)}`),
  statement: (s: string) => get<StatementEvidence>(`/api/statements/${id(s)}`),
  document: (d: string) => get<DocumentWithTags>(`/api/documents/${id(d)}`),
  search: (q: string) => get<SearchResponse>(`/api/search${query({ q, limit: 30 })}`),
  candidates: (status: string) => get<CandidateList>(`/api/ties/candidates${query({ status })}`),
  judgeTie: (t: string, verdict: "accept" | "reject", note?: string) =>
    post<Verdict>(`/api/ties/${id(t)}/${verdict}`, note ? { note } : {}),
  runs: () => get<RunList>("/api/runs"),
  run: (r: string) => get<RunDetail>(`/api/runs/${id(r)}`),
  hits: (r: string, filters: Record<string, string | number | undefined>) =>
    get<HitList>(`/api/runs/${id(r)}/hits${isStatic() ? "" : query(filters)}`),
  hit: (r: string, h: string) => get<HitDetail>(`/api/runs/${id(r)}/hits/${id(h)}`),
  review: (r: string, h: string, decision: "positive" | "negative" | "unsure", note: string) =>
    post<ReviewResponse>(`/api/runs/${id(r)}/hits/${id(h)}/review`, note ? { decision, note } : { decision }),
  reveal: (r: string, h: string, reason: string) =>
    post<RevealResponse>(`/api/runs/${id(r)}/hits/${id(h)}/reveal`, { reason }),
};
