/** The shell: navigation and the hash routes. */

import { useEffect } from "react";
import { ApiError, api, isStatic, setToken } from "./api.js";
import { href, type Route, useRoute } from "./router.js";
import { type Session, SessionContext } from "./session.js";
import { useApi } from "./ui.js";
import { CandidatesView } from "./views/Candidates.js";
import { CompaniesView, CompanyView } from "./views/Companies.js";
import { DocumentView, EntityPage, EvidenceView } from "./views/Evidence.js";
import { MapView } from "./views/Map.js";
import { NetworkView } from "./views/Network.js";
import { HitView, RunsView, RunView } from "./views/Runs.js";
import { SearchView } from "./views/Search.js";
import { TimelinesView } from "./views/Timelines.js";

const NAV: [string, string][] = [
  ["companies", "Companies"],
  ["map", "Map"],
  ["network", "Network"],
  ["timelines", "Timelines"],
  ["search", "Search"],
  ["runs", "Screening runs"],
  ["ties", "Candidate ties"],
];

function view(route: Route) {
  const [top = "companies", a, b, c] = route.parts;
  switch (top) {
    case "companies":
      return a ? <CompanyView id={a} /> : <CompaniesView />;
    case "entities":
      return a ? <EntityPage id={a} /> : <CompaniesView />;
    case "map":
      return <MapView route={route} />;
    case "network":
      return <NetworkView route={route} />;
    case "timelines":
      return <TimelinesView route={route} />;
    case "evidence":
      return a ? <EvidenceView id={a} /> : <p>No claim given.</p>;
    case "documents":
      return a ? <DocumentView id={a} route={route} /> : <p>No document given.</p>;
    case "search":
      return <SearchView route={route} />;
    case "runs":
      if (a && b === "hits" && c) return <HitView run={a} hit={c} />;
      return a ? <RunView run={a} route={route} /> : <RunsView />;
    case "ties":
      return <CandidatesView route={route} />;
    default:
      return <p>Unknown page.</p>;
  }
}

/** Asks for the bearer token of a server that has users; kept for the tab only. */
function SignIn() {
  return (
    <form
      className="signin"
      onSubmit={(e) => {
        e.preventDefault();
        const value = new FormData(e.currentTarget).get("token");
        if (typeof value === "string" && value.trim()) {
          setToken(value.trim());
          location.reload();
        }
      }}
    >
      <input name="token" type="password" placeholder="Access token" aria-label="Access token" />
      <button type="submit">Sign in</button>
    </form>
  );
}

export function App() {
  const route = useRoute();
  const me = useApi(() => api.me(), []);
  const top = route.parts[0] ?? "companies";
  const session: Session = {
    me: me.data,
    canWrite: !isStatic() && me.data !== undefined && me.data.role !== "viewer",
  };
  useEffect(() => {
    const label = NAV.find(([k]) => k === top)?.[1];
    document.title = label ? `${label} · tiegraph` : "tiegraph";
  }, [top]);
  return (
    <SessionContext.Provider value={session}>
      <header className="top">
        <a className="brand" href={href(["companies"])}>
          tiegraph
        </a>
        <nav>
          {NAV.filter(([k]) => !(isStatic() && (k === "ties" || k === "search"))).map(([k, label]) => (
            <a key={k} href={href([k])} className={top === k ? "active" : undefined}>
              {label}
            </a>
          ))}
        </nav>
        <span className="me">
          {isStatic() ? (
            "published site (read-only)"
          ) : me.data ? (
            `${me.data.user} · ${me.data.role}`
          ) : me.error instanceof ApiError && me.error.status === 401 ? (
            <SignIn />
          ) : (
            ""
          )}
        </span>
      </header>
      <main key={top}>{view(route)}</main>
    </SessionContext.Provider>
  );
}
