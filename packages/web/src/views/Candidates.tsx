/** Candidate ties found in documents: a company, a state body or government client, a relation; accept or reject. */

import { useState } from "react";
import { api } from "../api.js";
import { href, navigate, type Route } from "../router.js";
import { useSession } from "../session.js";
import type { Candidate } from "../types.js";
import { Async, ErrorBox, useApi } from "../ui.js";

const STATUSES = ["open", "accepted", "rejected", "all"];

function CandidateRow({ c, onDone }: { c: Candidate; onDone: () => void }) {
  const { canWrite } = useSession();
  const [note, setNote] = useState("");
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const judge = async (verdict: "accept" | "reject") => {
    setBusy(true);
    setError(undefined);
    try {
      await api.judgeTie(c.id, verdict, note.trim() || undefined);
      onDone();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className="candidate" data-candidate={c.id}>
      <div>
        <strong>{c.subject.text}</strong> — <em>{c.relation || "?"}</em> —{" "}
        <strong>{c.object.text || "?"}</strong> <span className="badge">{c.object.category}</span>{" "}
        {c.date && <span className="date">{c.date}</span>}{" "}
        {c.stance === "denied" && <span className="stance stance-denied">denied</span>}{" "}
        <span className={`badge status-${c.status}`}>{c.status}</span>
      </div>
      <blockquote>
        <a href={href(["documents", c.evidence.document], { start: c.evidence.start, end: c.evidence.end })}>
          {c.evidence.text}
        </a>
      </blockquote>
      {c.judgement && (
        <p className="muted">
          {c.judgement.judgement} by {c.judgement.by} at {c.judgement.at}
          {c.judgement.why ? `: ${c.judgement.why}` : ""}
        </p>
      )}
      {canWrite && (
        <div className="actions">
          <input value={note} onChange={(e) => setNote(e.target.value)} placeholder="Note (optional)" />
          <button type="button" disabled={busy} onClick={() => judge("accept")}>
            Accept
          </button>
          <button type="button" disabled={busy} onClick={() => judge("reject")}>
            Reject
          </button>
        </div>
      )}
      {error && <ErrorBox error={error} />}
    </li>
  );
}

export function CandidatesView({ route }: { route: Route }) {
  const status = route.params.get("status") ?? "open";
  const state = useApi(() => api.candidates(status), [status]);
  return (
    <div className="page">
      <h1>Candidate ties</h1>
      <p className="lede">
        Sentences of stored documents that name a watched company with a state body or government client and a
        word of relation. Accepting one turns it into statements cited to the sentence; the verdict is kept
        apart.
      </p>
      <div className="toolbar">
        {STATUSES.map((s) => (
          <button
            type="button"
            key={s}
            className={`chip${s === status ? " active" : ""}`}
            onClick={() => navigate(href(["ties"], { status: s }), true)}
          >
            {s}
          </button>
        ))}
      </div>
      <Async state={state}>
        {({ candidates }) =>
          candidates.length ? (
            <ul className="candidates">
              {candidates.map((c) => (
                <CandidateRow key={c.id} c={c} onDone={state.reload} />
              ))}
            </ul>
          ) : (
            <p className="muted">No candidate ties with this status.</p>
          )
        }
      </Async>
    </div>
  );
}
