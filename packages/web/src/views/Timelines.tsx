/** Timelines: dated events with their sources, per company and per region. */

import { api } from "../api.js";
import { href, navigate, type Route } from "../router.js";
import type { TimelineItem } from "../types.js";
import { Async, entityHref, KeyClaims, useApi, withKeys } from "../ui.js";

/** Preset timelines named in the brief of the workbench. */
const PRESETS: { label: string; company?: string; region?: string }[] = [
  { label: "Huawei in Xinjiang", company: "huawei", region: "xinjiang" },
  { label: "Huawei and Russia", company: "huawei", region: "russia" },
  { label: "Huawei", company: "huawei" },
  { label: "Xinjiang, every company", region: "xinjiang" },
  { label: "Russia, every company", region: "russia" },
];

const KIND_LABELS: Record<string, string> = {
  project: "project",
  event: "event",
  designation: "designation",
  ownership: "ownership",
};

/** A vertical timeline; each item lists its claims, each claim opens its source. */
export function TimelineList({ items }: { items: TimelineItem[] }) {
  if (!items.length) return <p className="muted">No dated items.</p>;
  return (
    <ol className="timeline">
      {withKeys(items, (it) => `${it.entity.id}-${it.date}-${it.kind}`).map(([key, it]) => (
        <li key={key} className={`tl-${it.kind}`}>
          <span className="date">{it.date}</span>
          <div className="tl-body">
            <span className="badge">{KIND_LABELS[it.kind] ?? it.kind}</span>{" "}
            <a href={entityHref(it.entity)}>
              <strong>{it.title}</strong>
            </a>
            {it.entity.caption !== it.title && <span className="muted"> ({it.entity.caption})</span>}
            <KeyClaims claims={it.claims} />
          </div>
        </li>
      ))}
    </ol>
  );
}

export function TimelinesView({ route }: { route: Route }) {
  const company = route.params.get("company") ?? "";
  const region = route.params.get("region") ?? "";
  const companies = useApi(() => api.companies(), []);
  const hasQuery = company !== "" || region !== "";
  const state = useApi(
    () => (hasQuery ? api.timeline({ company, region }) : Promise.resolve({ items: [] })),
    [company, region],
  );
  const go = (c: string, r: string) => navigate(href(["timelines"], { company: c, region: r }), true);
  return (
    <div className="page">
      <h1>Timelines</h1>
      <div className="toolbar">
        {PRESETS.map((p) => (
          <a
            key={p.label}
            className={`chip${(p.company ?? "") === company && (p.region ?? "") === region ? " active" : ""}`}
            href={href(["timelines"], { company: p.company, region: p.region })}
          >
            {p.label}
          </a>
        ))}
      </div>
      <div className="toolbar">
        <label>
          Company{" "}
          <select value={company} onChange={(e) => go(e.target.value, region)} name="company">
            <option value="">any</option>
            {companies.data?.companies.map((c) => (
              <option key={c.id} value={c.id}>
                {c.caption}
              </option>
            ))}
          </select>
        </label>
        <label>
          Region{" "}
          <input
            name="region"
            defaultValue={region}
            key={region}
            placeholder="xinjiang, russia, overseas or a country code"
            onKeyDown={(e) => e.key === "Enter" && go(company, e.currentTarget.value.trim())}
            onBlur={(e) =>
              e.currentTarget.value.trim() !== region && go(company, e.currentTarget.value.trim())
            }
          />
        </label>
      </div>
      {hasQuery ? (
        <Async state={state}>{({ items }) => <TimelineList items={items} />}</Async>
      ) : (
        <p className="muted">Choose a company or a region.</p>
      )}
    </div>
  );
}
