/** Screening runs: the funnel, the hits with filters, a person's view and the review queue. */

import { useState } from "react";
import { api, isStatic } from "../api.js";
import { filterHits, type HitFilters } from "../filters.js";
import { href, navigate, type Route } from "../router.js";
import { useSession } from "../session.js";
import type { Funnel, HitDetail, HitEvidence, HitList, Judgement, RevealResponse } from "../types.js";
import { Async, ErrorBox, useApi, withKeys } from "../ui.js";

const PAGE = 50;

const FUNNEL_STEPS: [keyof Funnel, string][] = [
  ["read", "records read"],
  ["subset", "in the subset"],
  ["employees", "target employees"],
  ["with_ties", "with ties to state bodies"],
  ["national_security", "with national-security experience"],
];

/** The funnel as horizontal bars on a square-root scale, so that small steps stay visible. */
export function FunnelChart({ funnel }: { funnel: Funnel }) {
  const steps = FUNNEL_STEPS.filter(([k]) => typeof funnel[k] === "number").map(
    ([k, label]) => [label, funnel[k] as number] as const,
  );
  const max = Math.max(1, ...steps.map(([, n]) => n));
  const rowH = 30;
  return (
    <svg
      className="funnel"
      viewBox={`0 0 720 ${steps.length * rowH + 4}`}
      role="img"
      aria-label="Screening funnel"
    >
      {steps.map(([label, n], i) => {
        const w = Math.max(2, Math.sqrt(n / max) * 380);
        return (
          <g key={label} transform={`translate(0,${i * rowH + 2})`}>
            <text x={250} y={rowH / 2} dy="0.35em" textAnchor="end">
              {label}
            </text>
            <rect x={260} y={3} width={w} height={rowH - 8} className={`bar bar-${i}`} />
            <text x={266 + w} y={rowH / 2} dy="0.35em" className="bar-value">
              {n.toLocaleString("en")}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function RunsView() {
  const state = useApi(() => api.runs(), []);
  return (
    <div className="page">
      <h1>Screening runs</h1>
      <Async state={state}>
        {({ runs }) =>
          runs.length ? (
            <table className="data">
              <thead>
                <tr>
                  <th>Run</th>
                  <th>Target</th>
                  <th>Finished</th>
                  <th className="num">Read</th>
                  <th className="num">Employees</th>
                  <th className="num">With ties</th>
                  <th className="num">National security</th>
                </tr>
              </thead>
              <tbody>
                {runs.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <a href={href(["runs", r.id])}>{r.title || r.id}</a>
                    </td>
                    <td>{r.target}</td>
                    <td>{r.finished_at?.slice(0, 16).replace("T", " ")}</td>
                    <td className="num">{r.funnel.read?.toLocaleString("en")}</td>
                    <td className="num">{r.funnel.employees?.toLocaleString("en")}</td>
                    <td className="num">{r.funnel.with_ties?.toLocaleString("en")}</td>
                    <td className="num">{r.funnel.national_security?.toLocaleString("en")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">
              No screening run in the store. Screen a corpus with <code>tiegraph screen</code> and import it
              with <code>tiegraph runs import DIR</code>.
            </p>
          )
        }
      </Async>
    </div>
  );
}

const DECISIONS: ["positive" | "negative" | "unsure", string][] = [
  ["positive", "Confirm"],
  ["negative", "Reject"],
  ["unsure", "Unsure"],
];

const VERDICT_LABEL: Record<string, string> = {
  positive: "confirmed",
  negative: "rejected",
  unsure: "unsure",
};

/** Confirm / reject / unsure with a note; the decision is stored by the API with who and when. */
export function ReviewControls({
  run,
  hit,
  onSaved,
}: {
  run: string;
  hit: string;
  onSaved: (j: Judgement) => void;
}) {
  const { canWrite } = useSession();
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  if (!canWrite) return null;
  const decide = async (d: "positive" | "negative" | "unsure") => {
    setBusy(true);
    setError(undefined);
    try {
      const { judgement } = await api.review(run, hit, d, note.trim());
      setNote("");
      onSaved(judgement);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="actions review">
      <input
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder="Note"
        aria-label="Review note"
        maxLength={2000}
      />
      {DECISIONS.map(([d, label]) => (
        <button type="button" key={d} disabled={busy} onClick={() => decide(d)} className={`decide-${d}`}>
          {label}
        </button>
      ))}
      {error && <ErrorBox error={error} />}
    </div>
  );
}

function ReviewBadge({ review }: { review: Judgement | undefined }) {
  if (!review) return <span className="badge review-open">open</span>;
  return (
    <span className={`badge review-${review.judgement}`} title={`${review.by}, ${review.at}`}>
      {VERDICT_LABEL[review.judgement] ?? review.judgement}
    </span>
  );
}

function HitsTable({ run, list, queue }: { run: string; list: HitList; queue: boolean }) {
  const [reviews, setReviews] = useState<Record<string, Judgement>>({});
  return (
    <table className="data hits">
      <thead>
        <tr>
          <th>Person (pseudonym)</th>
          <th>Status</th>
          <th>Employer</th>
          <th>Ties</th>
          <th className="num">Score</th>
          <th>Review</th>
          {queue && <th>Decide</th>}
        </tr>
      </thead>
      <tbody>
        {list.hits.map((h) => {
          const review = reviews[h.id] ?? h.review;
          return (
            <tr key={h.id} data-hit={h.id}>
              <td>
                <a href={href(["runs", run, "hits", h.id])}>{h.pseudonym}</a>
              </td>
              <td>{h.status ?? "—"}</td>
              <td>{h.employer}</td>
              <td>
                {h.categories.map((c) => (
                  <span key={c} className={`badge cat-${c}`}>
                    {c.replace(/_/g, " ")}
                  </span>
                ))}
                {h.national_security && <span className="badge ns">national security</span>}
              </td>
              <td className="num">{h.score}</td>
              <td>
                <ReviewBadge review={review} />
              </td>
              {queue && (
                <td>
                  <ReviewControls
                    run={run}
                    hit={h.id}
                    onSaved={(j) => setReviews((r) => ({ ...r, [h.id]: j }))}
                  />
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function RunView({ run, route }: { run: string; route: Route }) {
  const p = route.params;
  const filters: HitFilters = {
    national_security: p.get("national_security") ?? "",
    status: p.get("status") ?? "",
    category: p.get("category") ?? "",
    review: p.get("review") ?? "",
  };
  const queue = p.get("queue") === "1";
  const offset = Math.max(0, Number(p.get("offset") ?? 0) || 0);
  const summary = useApi(() => api.run(run), [run]);
  const hits = useApi(async (): Promise<HitList> => {
    const list = await api.hits(run, { ...filters, offset, limit: PAGE });
    if (!isStatic()) return list;
    const all = filterHits(list.hits, filters);
    return { total: all.length, hits: all.slice(offset, offset + PAGE) };
  }, [run, filters.national_security, filters.status, filters.category, filters.review, offset]);
  const set = (patch: Record<string, string>) =>
    navigate(href(["runs", run], { ...filters, queue: queue ? "1" : "", offset: "", ...patch }), true);
  const select = (k: keyof HitFilters, label: string, options: [string, string][]) => (
    <label>
      {label}{" "}
      <select name={k} value={filters[k]} onChange={(e) => set({ [k]: e.target.value })}>
        <option value="">any</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="page">
      <p className="crumbs">
        <a href={href(["runs"])}>Screening runs</a> ›
      </p>
      <Async state={summary}>
        {({ run: r }) => (
          <>
            <h1>{r.title || r.id}</h1>
            <p className="muted">
              Target {r.target} · {r.started_at?.slice(0, 16).replace("T", " ")} –{" "}
              {r.finished_at?.slice(0, 16).replace("T", " ")}
            </p>
            <FunnelChart funnel={r.funnel} />
          </>
        )}
      </Async>
      <h2>{queue ? "Review queue" : "Hits"}</h2>
      <p className="muted">
        Personal data is hidden: people appear under a pseudonym and the evidence is redacted. A person's
        record can be revealed from their page, with a reason that is logged.
      </p>
      <div className="toolbar">
        {!isStatic() && (
          <>
            <button
              type="button"
              className={`chip${queue ? "" : " active"}`}
              onClick={() => set({ queue: "" })}
            >
              All hits
            </button>
            <button
              type="button"
              className={`chip${queue ? " active" : ""}`}
              onClick={() => set({ queue: "1", review: "open" })}
            >
              Review queue
            </button>
          </>
        )}
        {select("national_security", "National security", [
          ["true", "yes"],
          ["false", "no"],
        ])}
        {select("status", "Status", [
          ["current", "current"],
          ["former", "former"],
          ["none", "not an employee"],
        ])}
        {select("category", "Tie", [
          ["military", "military"],
          ["intelligence", "intelligence"],
          ["public_security", "public security"],
          ["defence_industry", "defence industry"],
          ["defence_education", "defence education"],
          ["seven_sons", "Seven Sons"],
        ])}
        {select("review", "Review", [
          ["open", "open"],
          ["positive", "confirmed"],
          ["negative", "rejected"],
          ["unsure", "unsure"],
        ])}
      </div>
      <Async state={hits}>
        {(list) => (
          <>
            <p className="muted" data-total={list.total}>
              {list.total.toLocaleString("en")} hits
              {list.total > PAGE && `, ${offset + 1}–${Math.min(list.total, offset + PAGE)} shown`}
            </p>
            <HitsTable run={run} list={list} queue={queue} />
            <div className="pager">
              <button
                type="button"
                disabled={offset === 0}
                onClick={() => set({ queue: queue ? "1" : "", offset: String(Math.max(0, offset - PAGE)) })}
              >
                Previous
              </button>
              <button
                type="button"
                disabled={offset + PAGE >= list.total}
                onClick={() => set({ queue: queue ? "1" : "", offset: String(offset + PAGE) })}
              >
                Next
              </button>
            </div>
          </>
        )}
      </Async>
    </div>
  );
}

function Reveal({ run, hit }: { run: string; hit: string }) {
  const { canWrite } = useSession();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState("");
  const [record, setRecord] = useState<RevealResponse["record"]>();
  const [error, setError] = useState<Error>();
  if (!canWrite) return null;
  if (record)
    return (
      <section className="revealed" aria-label="Revealed personal data">
        <h3>
          Revealed record{" "}
          <button type="button" onClick={() => setRecord(undefined)}>
            Hide again
          </button>
        </h3>
        <dl className="facts">
          {Object.entries(record).map(([k, v]) => (
            <div key={k} className="fact">
              <dt>{k}</dt>
              <dd>{typeof v === "string" ? v : JSON.stringify(v)}</dd>
            </div>
          ))}
        </dl>
      </section>
    );
  if (!asking)
    return (
      <button type="button" className="reveal" onClick={() => setAsking(true)}>
        Reveal personal data…
      </button>
    );
  return (
    <form
      className="actions reveal-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setError(undefined);
        try {
          setRecord((await api.reveal(run, hit, reason.trim())).record);
          setAsking(false);
          setReason("");
        } catch (err) {
          setError(err as Error);
        }
      }}
    >
      <label>
        Reason (recorded in the audit log){" "}
        <input
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
          minLength={3}
          name="reason"
        />
      </label>
      <button type="submit" disabled={reason.trim().length < 3}>
        Reveal
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        Cancel
      </button>
      {error && <ErrorBox error={error} />}
    </form>
  );
}

/** The clause around a flag's match, with the match marked (the quote is redacted by the server). */
function Quote({ e }: { e: HitEvidence }) {
  const q = e.quote;
  const at = q ? q.indexOf(e.text) : -1;
  if (!q || at < 0) return <mark>{e.text}</mark>;
  return (
    <span>
      {q.slice(0, at)}
      <mark>{e.text}</mark>
      {q.slice(at + e.text.length)}
    </span>
  );
}

function WorkTimeline({ work }: { work: HitDetail["work"] }) {
  if (!work.length) return <p className="muted">No work history.</p>;
  return (
    <ol className="timeline work">
      {withKeys(work, (w) => `${w.start}-${w.org}`).map(([key, w]) => (
        <li key={key} className={w.flags.length ? "flagged" : undefined}>
          <span className="date">
            {w.start ?? "?"} – {w.end ?? "now"}
          </span>
          <div className="tl-body">
            <strong>{w.org}</strong> {w.title && <span className="muted">{w.title}</span>}{" "}
            {w.flags.map((f) => (
              <span key={f} className={`badge cat-${f}`}>
                {f.replace(/_/g, " ")}
              </span>
            ))}
          </div>
        </li>
      ))}
    </ol>
  );
}

export function HitView({ run, hit }: { run: string; hit: string }) {
  const state = useApi(() => api.hit(run, hit), [run, hit]);
  const [extra, setExtra] = useState<Judgement[]>([]);
  return (
    <div className="page">
      <p className="crumbs">
        <a href={href(["runs"])}>Screening runs</a> › <a href={href(["runs", run])}>{run}</a> ›
      </p>
      <Async state={state}>
        {(d) => {
          const reviews = [...extra, ...d.reviews];
          return (
            <>
              <h1>{d.hit.pseudonym}</h1>
              <p>
                {d.hit.status ? `${d.hit.status} employee of ${d.hit.employer}` : "not a target employee"} ·
                score {d.hit.score} · <ReviewBadge review={reviews[0] ?? d.hit.review} />
              </p>
              <ReviewControls run={run} hit={hit} onSaved={(j) => setExtra((x) => [j, ...x])} />
              <h2>Work</h2>
              <WorkTimeline work={d.work} />
              <h2>Why flagged</h2>
              <ul className="reasons">
                {d.hit.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
              <h2>Evidence ({d.evidence.length})</h2>
              {!d.record_available && (
                <p className="muted">
                  The run's input file is not readable here: work history and quotes are missing.
                </p>
              )}
              <table className="data evidence-table">
                <thead>
                  <tr>
                    <th>Flag</th>
                    <th>Where</th>
                    <th>Matched, in its clause</th>
                    <th>Lexicon entry</th>
                  </tr>
                </thead>
                <tbody>
                  {withKeys(d.evidence, (e) => `${e.field}-${e.start}`).map(([key, e]) => (
                    <tr key={key}>
                      <td>
                        <span className={`badge cat-${e.flag}`}>{e.flag.replace(/_/g, " ")}</span>
                      </td>
                      <td>
                        <code>{e.field}</code>
                      </td>
                      <td>
                        <Quote e={e} />
                      </td>
                      <td>
                        <code>{e.entry}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <h2>Reviews</h2>
              {reviews.length ? (
                <ul className="reviews">
                  {reviews.map((j) => (
                    <li key={j.id}>
                      <ReviewBadge review={j} /> by {j.by} at {j.at.slice(0, 19).replace("T", " ")}
                      {j.why && <>: {j.why}</>}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted">Not reviewed yet.</p>
              )}
              <h2>Personal data</h2>
              <p className="muted">Hidden. Revealing it is recorded with your name and reason.</p>
              <Reveal run={run} hit={hit} />
            </>
          );
        }}
      </Async>
    </div>
  );
}
