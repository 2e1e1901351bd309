/** Evidence: one claim with its source, a stored document with a span marked, any entity's claims. */

import { api } from "../api.js";
import { href, type Route } from "../router.js";
import type { Claim } from "../types.js";
import {
  Async,
  ClaimList,
  EntityLink,
  ExtLink,
  HighlightedText,
  LinkLine,
  linkKey,
  propLabel,
  Section,
  Stance,
  sourceLabel,
  useApi,
  withKeys,
} from "../ui.js";

function asserter(a: unknown): string {
  if (a && typeof a === "object") {
    const o = a as { kind?: string; name?: string };
    return [o.name, o.kind && `(${o.kind})`].filter(Boolean).join(" ");
  }
  return a ? String(a) : "";
}

function Citation({ claim }: { claim: Claim }) {
  const s = claim.source;
  return (
    <dl className="facts citation">
      {s.title && (
        <>
          <dt>Title</dt>
          <dd>{s.title}</dd>
        </>
      )}
      {s.publisher && (
        <>
          <dt>Publisher</dt>
          <dd>{s.publisher}</dd>
        </>
      )}
      {(s.kind === "url" ? s.date : s.published) && (
        <>
          <dt>Date</dt>
          <dd>{s.kind === "url" ? s.date : s.published}</dd>
        </>
      )}
      {s.url && (
        <>
          <dt>Link</dt>
          <dd>
            <ExtLink url={s.url}>{s.url}</ExtLink>
          </dd>
        </>
      )}
    </dl>
  );
}

/** The evidence of one claim: its document with the span highlighted and scrolled into view, or its citation. */
export function EvidenceView({ id }: { id: string }) {
  const state = useApi(() => api.statement(id), [id]);
  return (
    <div className="page evidence">
      <Async state={state}>
        {({ claim, document }) => (
          <>
            <h1>Evidence</h1>
            <div className="claim-card">
              <p>
                <span className="prop">{propLabel(claim.prop)}:</span>{" "}
                <span className="value">{claim.value}</span> <Stance stance={claim.stance} />
              </p>
              <p className="muted">
                Asserted by {asserter(claim.asserted_by) || "unknown"}
                {claim.answers && (
                  <>
                    {" "}
                    · answers <a href={href(["evidence", claim.answers])}>the claim it denies</a>
                  </>
                )}
              </p>
              {claim.denials.length > 0 && (
                <div className="denials">
                  <strong>Denied:</strong>
                  <ClaimList claims={claim.denials} showProp={false} />
                </div>
              )}
            </div>
            <h2>Source: {sourceLabel(claim.source)}</h2>
            <Citation claim={claim} />
            {claim.source.kind === "document" ? (
              document ? (
                <>
                  <p className="muted">
                    The passage the claim rests on is highlighted ({claim.source.start}–{claim.source.end}).{" "}
                    <a href={href(["documents", document.id])}>Whole document</a>
                  </p>
                  <HighlightedText text={document.text} start={claim.source.start} end={claim.source.end} />
                </>
              ) : (
                <p className="error">The cited document is not in this store.</p>
              )
            ) : null}
          </>
        )}
      </Async>
    </div>
  );
}

/** A stored document as text (never as HTML), with `?start=&end=` highlighted and its tags. */
export function DocumentView({ id, route }: { id: string; route: Route }) {
  const state = useApi(() => api.document(id), [id]);
  const start = Number(route.params.get("start") ?? Number.NaN);
  const end = Number(route.params.get("end") ?? Number.NaN);
  const span = Number.isInteger(start) && Number.isInteger(end) ? { start, end } : {};
  return (
    <div className="page evidence">
      <Async state={state}>
        {({ document: d, tags }) => {
          const tagList = tags ?? [];
          return (
            <>
              <h1>{d.title || "Document"}</h1>
              <p className="muted">
                {d.url && <ExtLink url={d.url}>{d.url}</ExtLink>}{" "}
                {typeof d.publisher === "string" && d.publisher}{" "}
                {typeof d.published === "string" && d.published} · {d.text.length.toLocaleString()} characters
              </p>
              {tagList.length > 0 && (
                <details className="tags">
                  <summary>{tagList.length} tags (entities, places, dates)</summary>
                  {withKeys(tagList.slice(0, 300), (t) => `${t.start}-${t.end}-${t.kind}`).map(([key, t]) => (
                    <a
                      key={key}
                      className={`chip tag-${t.kind ?? "other"}`}
                      href={href(["documents", d.id], { start: t.start, end: t.end })}
                      title={t.name}
                    >
                      {t.text}
                    </a>
                  ))}
                </details>
              )}
              <HighlightedText text={d.text} {...span} />
            </>
          );
        }}
      </Async>
    </div>
  );
}

/** Any entity: its sourced claims and its neighbours. */
export function EntityPage({ id }: { id: string }) {
  const state = useApi(() => api.entity(id), [id]);
  const neighbours = useApi(() => api.neighbours(id), [id]);
  return (
    <div className="page">
      <Async state={state}>
        {({ entity, claims }) => (
          <>
            <h1>{entity.caption}</h1>
            <p className="muted">
              {entity.schema} · <a href={href(["network"], { focus: entity.id })}>network</a>
            </p>
            <Section title="Claims" count={claims.length}>
              <ClaimList claims={claims} />
            </Section>
            <Section
              title="Linked"
              count={
                neighbours.data
                  ? neighbours.data.neighbours.length + (neighbours.data.omitted?.person ?? 0)
                  : undefined
              }
            >
              <Async state={neighbours}>
                {({ neighbours: links, omitted }) => (
                  <>
                    {omitted ? (
                      <p className="muted">
                        {omitted.person.toLocaleString("en-US")} more people not listed.
                      </p>
                    ) : null}
                    <ul className="links">
                      {withKeys(links, linkKey).map(([key, l]) => (
                        <li key={key}>
                          <LinkLine link={l} />
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </Async>
            </Section>
          </>
        )}
      </Async>
    </div>
  );
}
