/** Search across stored documents and the graph's entities, Chinese substrings and English words. */

import { api } from "../api.js";
import { href, navigate, type Route } from "../router.js";
import { Async, EntityLink, useApi } from "../ui.js";

export function SearchView({ route }: { route: Route }) {
  const q = route.params.get("q") ?? "";
  const state = useApi(
    () => (q.trim() ? api.search(q.trim()) : Promise.resolve({ documents: [], entities: [] })),
    [q],
  );
  return (
    <div className="page">
      <h1>Search</h1>
      <form
        className="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          const value = new FormData(e.currentTarget).get("q");
          navigate(href(["search"], { q: typeof value === "string" ? value : "" }));
        }}
      >
        <input
          name="q"
          type="search"
          defaultValue={q}
          key={q}
          placeholder="克拉玛依, public security, 华为 …"
          className="search-box"
          aria-label="Search"
        />
        <button type="submit">Search</button>
      </form>
      {q.trim() === "" ? (
        <p className="muted">
          Chinese terms match as substrings (公安 finds 新疆公安厅); English terms as whole words; "quoted
          phrases" stay together; every term must occur.
        </p>
      ) : (
        <Async state={state}>
          {({ documents, entities }) => (
            <div className="search-results">
              <section>
                <h2>Entities ({entities.length})</h2>
                {entities.length === 0 && <p className="muted">No entity.</p>}
                <ul className="links">
                  {entities.map((e) => (
                    <li key={e.id}>
                      <EntityLink entity={e} /> <span className="muted">{e.schema}</span>
                    </li>
                  ))}
                </ul>
              </section>
              <section>
                <h2>Documents ({documents.length})</h2>
                {documents.length === 0 && <p className="muted">No document.</p>}
                <ul className="results">
                  {documents.map((d) => (
                    <li key={d.document}>
                      <a href={href(["documents", d.document])}>{d.title || d.document}</a>{" "}
                      <span className="muted">{d.count} matches</span>
                      {d.matches.map((m) => (
                        <a
                          key={m.start}
                          className="snippet"
                          href={href(["documents", d.document], { start: m.start, end: m.end })}
                        >
                          {m.snippet.slice(0, m.start - m.snippet_start)}
                          <mark>{m.snippet.slice(m.start - m.snippet_start, m.end - m.snippet_start)}</mark>
                          {m.snippet.slice(m.end - m.snippet_start)}
                        </a>
                      ))}
                    </li>
                  ))}
                </ul>
              </section>
            </div>
          )}
        </Async>
      )}
    </div>
  );
}
