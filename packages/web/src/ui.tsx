/** Shared pieces of the views: data loading, sources, claims, entity links, highlighted text. */

export { safeUrl, withKeys } from "./util.js";

import { type ReactNode, useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { ApiError } from "./api.js";
import { href } from "./router.js";
import type { Claim, EntityView, Link, SourceView } from "./types.js";
import { safeUrl } from "./util.js";

export interface Loaded<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Load data for a view; reloads when `deps` change, ignores answers that arrive after a newer request.
 *
 * @example const { data, error } = useApi(() => api.companies(), []);
 */
export function useApi<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists what the request depends on
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) =>
        live &&
        setState({ error: error instanceof Error ? error : new Error(String(error)), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

/** Shows the loading state or the error of a request; renders children only with data. */
export function Async<T>({ state, children }: { state: Loaded<T>; children: (data: T) => ReactNode }) {
  if (state.error) return <ErrorBox error={state.error} />;
  if (state.data === undefined) return <p className="muted">Loading…</p>;
  return <>{children(state.data)}</>;
}

export function ErrorBox({ error }: { error: Error }) {
  const issues = error instanceof ApiError ? error.issues : [];
  return (
    <div className="error" role="alert">
      <strong>{error instanceof ApiError && error.status === 404 ? "Not found" : "Error"}:</strong>{" "}
      {error.message}
      {issues.length > 0 && (
        <ul>
          {issues.map((i) => (
            <li key={i.path}>
              {i.path}: {i.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** An external link that opens in a new tab without giving it this page. */
export function ExtLink({ url, children }: { url: string | undefined; children: ReactNode }) {
  const safe = safeUrl(url);
  if (!safe) return <span>{children}</span>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

/** A source in one line: title, publisher, date. */
export function sourceLabel(s: SourceView): string {
  const parts: string[] = [];
  if (s.title) parts.push(s.title);
  if (s.publisher) parts.push(s.publisher);
  const date = s.kind === "document" ? s.published : s.date;
  if (date) parts.push(date);
  if (!parts.length) parts.push(s.kind === "url" ? s.url : `document ${s.document.slice(0, 12)}`);
  return parts.join(" · ");
}

const SCHEMA_COMPANY = new Set(["Company", "Organization", "LegalEntity"]);

/** Where an entity opens: a company's profile, else the entity page. */
export function entityHref(e: Pick<EntityView, "id" | "schema">): string {
  return SCHEMA_COMPANY.has(e.schema) ? href(["companies", e.id]) : href(["entities", e.id]);
}

export function EntityLink({ entity }: { entity: Pick<EntityView, "id" | "schema" | "caption"> }) {
  return (
    <a href={entityHref(entity)} title={entity.schema}>
      {entity.caption}
    </a>
  );
}

export function Stance({ stance }: { stance: string }) {
  return <span className={`stance stance-${stance}`}>{stance}</span>;
}

/** The link from a claim to its evidence. Every claim shown has one. */
export function SourceLink({ claim }: { claim: Claim }) {
  return (
    <a className="source" href={href(["evidence", claim.id])} title={sourceLabel(claim.source)}>
      source: {sourceLabel(claim.source)}
    </a>
  );
}

const PROP_LABELS: Record<string, string> = {
  name: "Name",
  alias: "Also known as",
  summary: "Summary",
  description: "Description",
  incorporationDate: "Founded",
  foundingDate: "Founded",
  sector: "Sector",
  country: "Country",
  jurisdiction: "Jurisdiction",
  startDate: "Start",
  endDate: "End",
  date: "Date",
  notes: "Notes",
  website: "Website",
};

export function propLabel(p: string): string {
  return PROP_LABELS[p] ?? p.replace(/([A-Z])/g, " $1").replace(/^./, (c) => c.toUpperCase());
}

const COUNTRY_PROPS = new Set(["country", "mainCountry", "jurisdiction", "nationality"]);

/** A claim's value: the entity it names as a link, a country code as its name, else the text. */
export function ClaimValue({ claim }: { claim: Claim }) {
  if (claim.ref) return <EntityLink entity={claim.ref} />;
  if (COUNTRY_PROPS.has(claim.prop) && /^[a-z]{2}$/i.test(claim.value))
    return <span className="value">{countryName(claim.value)}</span>;
  return <span className="value">{claim.value}</span>;
}

/** Props that say what an item is; the rest of its claims fold away. */
const KEY_PROPS = new Set([
  "summary",
  "description",
  "notes",
  "role",
  "amount",
  "percentage",
  "reason",
  "program",
]);

/**
 * The claims of a linked or listed entity: the ones that say what it is, and any claim with a denial,
 * shown; every other claim one click away. All of them keep their sources.
 */
export function KeyClaims({ claims }: { claims: Claim[] }) {
  const shown = claims.filter((c) => KEY_PROPS.has(c.prop) || c.denials.length > 0);
  const folded = claims.filter((c) => !shown.includes(c));
  return (
    <>
      <ClaimList claims={shown} />
      {folded.length > 0 && (
        <details className="more-claims">
          <summary>
            {shown.length ? "All" : "The"} sourced claims ({claims.length})
          </summary>
          <ClaimList claims={shown.length ? claims : folded} />
        </details>
      )}
    </>
  );
}

/** One claim: value, stance, its source, and the denials that answer it beside it. */
export function ClaimView({ claim, showProp = true }: { claim: Claim; showProp?: boolean }) {
  return (
    <div className="claim" data-claim={claim.id}>
      <div className="claim-main">
        {showProp && <span className="prop">{propLabel(claim.prop)}: </span>}
        <ClaimValue claim={claim} /> <Stance stance={claim.stance} /> <SourceLink claim={claim} />
      </div>
      {claim.denials.length > 0 && (
        <div className="denials">
          {claim.denials.map((d) => (
            <div className="denial" key={d.id}>
              <span className="denial-label">Denied:</span> <ClaimValue claim={d} /> <SourceLink claim={d} />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

export function ClaimList({ claims, showProp = true }: { claims: Claim[]; showProp?: boolean }) {
  if (!claims.length) return null;
  return (
    <div className="claims">
      {claims.map((c) => (
        <ClaimView key={c.id} claim={c} showProp={showProp} />
      ))}
    </div>
  );
}

/**
 * Untrusted text shown as text, with `start..end` (UTF-16 offsets) marked and scrolled into view.
 */
export function HighlightedText({ text, start, end }: { text: string; start?: number; end?: number }) {
  const ref = useRef<HTMLElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const has = start !== undefined && end !== undefined && end > start && start >= 0 && start <= text.length;
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll again when another span is marked
  useLayoutEffect(() => {
    const mark = ref.current;
    const container = box.current;
    if (!has || !mark || !container) return;
    // Scroll the text, not the page: the span a third of the way down the box, then the box into view.
    container.scrollTop +=
      mark.getBoundingClientRect().top - container.getBoundingClientRect().top - container.clientHeight / 3;
    const r = container.getBoundingClientRect();
    if (r.bottom > window.innerHeight || r.top < 0) container.scrollIntoView({ block: "nearest" });
  }, [has, start, end]);
  if (!has) return <div className="doc-text">{text}</div>;
  return (
    <div className="doc-text" ref={box}>
      {text.slice(0, start)}
      <mark ref={ref} className="span">
        {text.slice(start, end)}
      </mark>
      {text.slice(end)}
    </div>
  );
}

export function Section({
  title,
  children,
  count,
}: {
  title: string;
  children: ReactNode;
  count?: number | undefined;
}) {
  return (
    <section className="section">
      <h2>
        {title}
        {count !== undefined && <span className="count"> ({count})</span>}
      </h2>
      {children}
    </section>
  );
}

/** A country code as its name, where the browser knows it. */
export function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "region" }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** The step buttons of a pan-and-zoom drawing (`usePanZoom`): in, out, and back to the whole. */
export function ZoomButtons({ zoom, reset }: { zoom: (factor: number) => void; reset: () => void }) {
  return (
    <span className="zoom-buttons">
      <button type="button" onClick={() => zoom(1.5)} aria-label="Zoom in">
        +
      </button>
      <button type="button" onClick={() => zoom(1 / 1.5)} aria-label="Zoom out">
        −
      </button>
      <button type="button" onClick={reset}>
        Reset
      </button>
    </span>
  );
}

/** The key of a link among an entity's links: the far entity, the relationship and its label. */
export const linkKey = (l: Link) => `${l.entity.id}-${l.via?.id ?? ""}-${l.label}`;

/** One link of an entity: which way, its label, the entity at the other end and what it goes through. */
export function LinkLine({ link: l }: { link: Link }) {
  return (
    <>
      <span className="link-label">
        {l.direction === "in" ? "← " : "→ "}
        {l.label}
      </span>{" "}
      <EntityLink entity={l.entity} />
      {l.via && (
        <span className="muted">
          {" "}
          (via <EntityLink entity={l.via} />)
        </span>
      )}
    </>
  );
}
