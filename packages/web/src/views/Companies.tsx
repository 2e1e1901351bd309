/** Companies: the directory and one company's profile. */

import { useEffect, useState } from "react";
import { api } from "../api.js";
import { href } from "../router.js";
import type { CompanySummary, Item, Link, Profile } from "../types.js";
import {
  Async,
  ClaimList,
  countryName,
  EntityLink,
  KeyClaims,
  LinkLine,
  linkKey,
  Section,
  useApi,
  withKeys,
} from "../ui.js";
import { TimelineList } from "./Timelines.js";

function matches(c: CompanySummary, q: string): boolean {
  if (!q) return true;
  const needle = q.toLowerCase();
  return [c.caption, ...c.names, c.id].some((n) => n.toLowerCase().includes(needle));
}

/** Marks when the company list is first painted, for the first-render measurement. */
function usePaintMark(ready: boolean) {
  useEffect(() => {
    if (!ready || performance.getEntriesByName("tiegraph:companies-painted").length) return;
    requestAnimationFrame(() => performance.mark("tiegraph:companies-painted"));
  }, [ready]);
}

export function CompaniesView() {
  const state = useApi(() => api.companies(), []);
  const [q, setQ] = useState("");
  usePaintMark(state.data !== undefined);
  return (
    <div className="page">
      <h1>Companies</h1>
      <p className="lede">
        Technology companies in the graph with projects, ownership, designations or ties to party-state
        bodies. Every fact on a profile opens its source.
      </p>
      <input
        className="filter"
        type="search"
        placeholder="Filter by name (English or Chinese)"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        aria-label="Filter companies"
      />
      <Async state={state}>
        {({ companies }) => {
          const shown = companies.filter((c) => matches(c, q));
          return (
            <table className="data company-list">
              <thead>
                <tr>
                  <th>Company</th>
                  <th>Country</th>
                  <th>Designations and bans</th>
                  <th className="num">Projects</th>
                  <th className="num">Ties</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <a href={href(["companies", c.id])}>{c.caption}</a>
                      <div className="names">
                        {c.names
                          .filter((n) => n !== c.caption)
                          .slice(0, 3)
                          .join(" · ")}
                      </div>
                    </td>
                    <td>{c.country.map(countryName).join(", ")}</td>
                    <td>
                      {c.designations.slice(0, 4).map((d) => (
                        <span className="badge designation" key={`${d.label}${d.date ?? ""}`}>
                          {d.label}
                          {d.date ? ` (${d.date})` : ""}
                        </span>
                      ))}
                      {c.designations.length > 4 && (
                        <span className="muted"> +{c.designations.length - 4}</span>
                      )}
                    </td>
                    <td className="num">{c.projects}</td>
                    <td className="num">{c.ties}</td>
                  </tr>
                ))}
                {shown.length === 0 && (
                  <tr>
                    <td colSpan={5} className="muted">
                      No company matches.
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
          );
        }}
      </Async>
    </div>
  );
}

function LinkRows({ links }: { links: Link[] }) {
  if (!links.length) return <p className="muted">None recorded.</p>;
  return (
    <ul className="links">
      {withKeys(links, linkKey).map(([key, l]) => (
        <li key={key}>
          <LinkLine link={l} />
          <KeyClaims claims={l.claims} />
        </li>
      ))}
    </ul>
  );
}

function ItemRows({ items }: { items: Item[] }) {
  if (!items.length) return <p className="muted">None recorded.</p>;
  return (
    <ul className="links">
      {items.map((it) => (
        <li key={it.entity.id}>
          {it.date && <span className="date">{it.date}</span>} <EntityLink entity={it.entity} />
          <KeyClaims claims={it.claims} />
        </li>
      ))}
    </ul>
  );
}

const OVERVIEW_FIRST = ["name", "alias", "summary", "sector", "incorporationDate", "country", "website"];

function Overview({ profile }: { profile: Profile }) {
  const claims = [...profile.overview].sort((a, b) => {
    const ia = OVERVIEW_FIRST.indexOf(a.prop);
    const ib = OVERVIEW_FIRST.indexOf(b.prop);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  });
  if (!claims.length) return <p className="muted">No sourced facts.</p>;
  return <ClaimList claims={claims} />;
}

export function CompanyView({ id }: { id: string }) {
  const state = useApi(() => api.profile(id), [id]);
  return (
    <div className="page profile">
      <Async state={state}>
        {(p) => (
          <>
            <p className="crumbs">
              <a href={href(["companies"])}>Companies</a> ›
            </p>
            <h1>{p.entity.caption}</h1>
            <p className="muted">
              {p.entity.schema} · <a href={href(["network"], { focus: p.entity.id })}>network</a> ·{" "}
              <a href={href(["timelines"], { company: p.entity.id })}>timeline</a> ·{" "}
              <a href={href(["map"], { company: p.entity.id })}>map</a>
            </p>
            <Section title="Overview">
              <Overview profile={p} />
            </Section>
            <Section title="Claims and denials" count={p.allegations.length}>
              <p className="muted">Claims made about the company, with the company's denials beside them.</p>
              <ItemRows items={p.allegations} />
            </Section>
            <Section title="Designations and bans" count={p.designations.length}>
              <ItemRows items={p.designations} />
            </Section>
            <Section title="Ownership" count={p.ownership.length}>
              <LinkRows links={p.ownership} />
            </Section>
            <Section title="Party-state ties" count={p.ties.length}>
              <LinkRows links={p.ties} />
            </Section>
            <Section title="People" count={p.people.length + (p.people_omitted ?? 0)}>
              <LinkRows links={p.people} />
              {p.people_omitted ? (
                <p className="muted">
                  {p.people_omitted.toLocaleString("en-US")} more people not listed (pseudonymous people of
                  screening runs; a run's hits are under Screening runs).
                </p>
              ) : null}
            </Section>
            <Section title="Projects" count={p.projects.length}>
              <ItemRows items={p.projects} />
            </Section>
            <Section title="Timeline" count={p.timeline.length}>
              <TimelineList items={p.timeline} />
            </Section>
          </>
        )}
      </Async>
    </div>
  );
}
