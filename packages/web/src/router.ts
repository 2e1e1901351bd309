/**
 * A small hash router: `#/companies/huawei?tab=x` → `{ parts: ["companies", "huawei"], params }`.
 * Hash routes need no server rewrite, so the same build works from a static host.
 */

import { useMemo, useSyncExternalStore } from "react";

export interface Route {
  parts: string[];
  params: URLSearchParams;
}

/** Parse a location hash. */
export function parseHash(hash: string): Route {
  const h = hash.replace(/^#\/?/, "");
  const [path = "", q = ""] = h.split("?", 2);
  const parts = path
    .split("/")
    .filter(Boolean)
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  return { parts, params: new URLSearchParams(q) };
}

/**
 * The hash for a route; undefined and empty parameters are left out.
 *
 * @example href(["companies", "huawei"]) // "#/companies/huawei"
 */
export function href(parts: string[], params: Record<string, string | number | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") q.set(k, String(v));
  const s = q.toString();
  return `#/${parts.map(encodeURIComponent).join("/")}${s ? `?${s}` : ""}`;
}

/** Go to a route (adds a history entry unless `replace`). */
export function navigate(to: string, replace = false): void {
  if (replace) history.replaceState(null, "", to);
  else location.hash = to;
  if (replace) window.dispatchEvent(new HashChangeEvent("hashchange"));
}

function subscribe(cb: () => void): () => void {
  window.addEventListener("hashchange", cb);
  return () => window.removeEventListener("hashchange", cb);
}

/** The current route; re-renders on every hash change. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => location.hash);
  return useMemo(() => parseHash(hash), [hash]);
}
