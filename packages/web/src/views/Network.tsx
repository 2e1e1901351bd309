/** Network: companies, state bodies, projects and people as a force-directed graph in SVG. */

import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationNodeDatum,
} from "d3-force";
import { useEffect, useMemo, useRef, useState } from "react";
import { api } from "../api.js";
import { usePanZoom } from "../panzoom.js";
import { href, navigate, type Route } from "../router.js";
import type { Network, NetworkEdge, NetworkNode } from "../types.js";
import { EntityLink, ErrorBox, ZoomButtons } from "../ui.js";

const W = 960;
const H = 640;
const GROUPS = ["company", "state", "project", "person", "other"] as const;
const GROUP_COLOURS: Record<string, string> = {
  company: "#1f77b4",
  state: "#d62728",
  project: "#2ca02c",
  person: "#9467bd",
  other: "#8c8c8c",
};

interface SimNode extends SimulationNodeDatum, NetworkNode {}

/** Merge a fetched graph into the one shown (expanding a node adds its neighbours). */
export function mergeNetwork(a: Network, b: Network): Network {
  const nodes = new Map(a.nodes.map((n) => [n.id, n]));
  for (const n of b.nodes) if (!nodes.has(n.id)) nodes.set(n.id, n);
  const edges = new Map(a.edges.map((e) => [e.id, e]));
  for (const e of b.edges) if (!edges.has(e.id)) edges.set(e.id, e);
  const merged: Network = { nodes: [...nodes.values()], edges: [...edges.values()] };
  if (a.omitted) merged.omitted = a.omitted;
  return merged;
}

/** Lays the graph out (synchronously, a fixed number of ticks), keeping earlier positions. */
function layout(
  net: Network,
  previous: Map<string, { x: number; y: number }>,
): Map<string, { x: number; y: number }> {
  const nodes: SimNode[] = net.nodes.map((n, i) => {
    const p = previous.get(n.id);
    const angle = i * 2.39996;
    const r = 12 * Math.sqrt(i + 1);
    return { ...n, x: p?.x ?? W / 2 + r * Math.cos(angle), y: p?.y ?? H / 2 + r * Math.sin(angle) };
  });
  const ids = new Set(nodes.map((n) => n.id));
  const links = net.edges
    .filter((e) => ids.has(e.source) && ids.has(e.target))
    .map((e) => ({ source: e.source, target: e.target }));
  const sim = forceSimulation(nodes)
    .force(
      "link",
      forceLink<SimNode, { source: string; target: string }>(links)
        .id((d) => d.id)
        .distance(48),
    )
    .force("charge", forceManyBody().strength(-120))
    .force("x", forceX(W / 2).strength(0.04))
    .force("y", forceY(H / 2).strength(0.06))
    .force("collide", forceCollide(10))
    .stop();
  const ticks = previous.size ? 120 : 260;
  for (let i = 0; i < ticks; i++) sim.tick();
  return new Map(nodes.map((n) => [n.id, { x: n.x ?? 0, y: n.y ?? 0 }]));
}

export function NetworkView({ route }: { route: Route }) {
  const focus = route.params.get("focus") ?? "";
  const depth = Number(route.params.get("depth") ?? (focus ? 1 : 1)) === 2 ? 2 : 1;
  const [net, setNet] = useState<Network>({ nodes: [], edges: [] });
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(true);
  const [positions, setPositions] = useState(new Map<string, { x: number; y: number }>());
  const [selected, setSelected] = useState<string>(focus);
  const [groups, setGroups] = useState<Set<string>>(new Set(GROUPS));
  const [text, setText] = useState("");
  const svg = useRef<SVGSVGElement>(null);
  const pz = usePanZoom(svg, W, H);

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(undefined);
    api.network(focus ? { focus, depth } : {}).then(
      (n) => {
        if (!live) return;
        setNet(n);
        setPositions(layout(n, new Map()));
        setSelected(focus);
        setLoading(false);
      },
      (e: Error) => {
        if (live) {
          setError(e);
          setLoading(false);
        }
      },
    );
    return () => {
      live = false;
    };
  }, [focus, depth]);

  const expand = async (id: string) => {
    try {
      const more = await api.network({ focus: id, depth: 1 });
      const merged = mergeNetwork(net, more);
      setPositions(layout(merged, positions));
      setNet(merged);
    } catch (e) {
      setError(e as Error);
    }
  };

  const visible = useMemo(() => {
    const nodes = net.nodes.filter((n) => groups.has(n.group) || n.id === selected);
    const ids = new Set(nodes.map((n) => n.id));
    const edges = net.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
    return { nodes, edges, ids };
  }, [net, groups, selected]);

  const neighbourhood = useMemo(() => {
    if (!selected) return null;
    const s = new Set([selected]);
    for (const e of visible.edges) {
      if (e.source === selected) s.add(e.target);
      if (e.target === selected) s.add(e.source);
    }
    return s;
  }, [selected, visible.edges]);

  const needle = text.trim().toLowerCase();
  const hit = (n: NetworkNode) => needle !== "" && n.caption.toLowerCase().includes(needle);
  const sel = net.nodes.find((n) => n.id === selected);
  const selEdges: NetworkEdge[] = selected
    ? net.edges.filter((e) => e.source === selected || e.target === selected)
    : [];
  const byId = new Map(net.nodes.map((n) => [n.id, n]));
  const { k, x: vx, y: vy } = pz.view;

  return (
    <div className="page network-page">
      <h1>Network</h1>
      <div className="toolbar">
        {GROUPS.map((g) => (
          <label key={g} className="check">
            <input
              type="checkbox"
              checked={groups.has(g)}
              onChange={(e) => {
                const next = new Set(groups);
                if (e.target.checked) next.add(g);
                else next.delete(g);
                setGroups(next);
              }}
            />{" "}
            <span className="swatch" style={{ background: GROUP_COLOURS[g] }} /> {g}
          </label>
        ))}
        <input
          type="search"
          placeholder="Find a node"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-label="Find a node"
        />
        <span className="muted" data-nodes={visible.nodes.length}>
          {visible.nodes.length} nodes, {visible.edges.length} links
          {net.omitted
            ? ` (${net.omitted.person.toLocaleString("en-US")} more people not drawn: focus a node to see its own)`
            : ""}
        </span>
        {focus && (
          <a className="chip" href={href(["network"])}>
            All companies
          </a>
        )}
        <ZoomButtons zoom={pz.zoom} reset={pz.reset} />
      </div>
      {error && <ErrorBox error={error} />}
      <div className="network-layout">
        <svg
          ref={svg}
          className="network"
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-label="Network of companies and state bodies"
          {...pz.handlers}
        >
          {loading && (
            <text x={W / 2} y={H / 2} textAnchor="middle" className="muted">
              Loading…
            </text>
          )}
          <g transform={`translate(${vx},${vy}) scale(${k})`}>
            {visible.edges.map((e) => {
              const a = positions.get(e.source);
              const b = positions.get(e.target);
              if (!a || !b) return null;
              const dim = neighbourhood && !(neighbourhood.has(e.source) && neighbourhood.has(e.target));
              return (
                <line key={e.id} x1={a.x} y1={a.y} x2={b.x} y2={b.y} className={dim ? "edge dim" : "edge"}>
                  <title>{e.label}</title>
                </line>
              );
            })}
            {visible.nodes.map((n) => {
              const p = positions.get(n.id);
              if (!p) return null;
              const dim = neighbourhood && !neighbourhood.has(n.id);
              const showLabel =
                n.group === "company" || n.id === selected || (neighbourhood?.has(n.id) ?? false) || hit(n);
              return (
                <a
                  key={n.id}
                  href={href(["network"], { focus: n.id })}
                  className={`node${dim ? " dim" : ""}${n.id === selected ? " selected" : ""}${hit(n) ? " hit" : ""}`}
                  onClick={(e) => {
                    e.preventDefault();
                    if (!pz.dragging()) setSelected(n.id);
                  }}
                  aria-label={n.caption}
                  data-id={n.id}
                >
                  <g transform={`translate(${p.x},${p.y})`}>
                    <title>
                      {n.caption} ({n.schema})
                    </title>
                    <circle r={n.group === "company" ? 7 : 5} fill={GROUP_COLOURS[n.group] ?? "#888"} />
                    {showLabel && (
                      <text x={9} dy="0.35em" style={{ fontSize: `${11 / Math.sqrt(k)}px` }}>
                        {n.caption}
                      </text>
                    )}
                  </g>
                </a>
              );
            })}
          </g>
        </svg>
        <aside className="network-side">
          {sel ? (
            <div>
              <h2>{sel.caption}</h2>
              <p className="muted">
                {sel.schema} · {sel.group}
              </p>
              <p>
                <EntityLink entity={sel} /> (claims and sources)
              </p>
              <p>
                <button type="button" onClick={() => expand(sel.id)}>
                  Expand neighbours
                </button>{" "}
                <button type="button" onClick={() => navigate(href(["network"], { focus: sel.id }))}>
                  Focus
                </button>
              </p>
              <h3>Links ({selEdges.length})</h3>
              <ul className="links">
                {selEdges.slice(0, 80).map((e) => {
                  const other = byId.get(e.source === sel.id ? e.target : e.source);
                  return (
                    <li key={e.id}>
                      <span className="link-label">{e.label}</span>{" "}
                      {other ? (
                        <button type="button" className="linklike" onClick={() => setSelected(other.id)}>
                          {other.caption}
                        </button>
                      ) : (
                        "?"
                      )}
                    </li>
                  );
                })}
              </ul>
            </div>
          ) : (
            <p className="muted">
              Click a node to see its links; expand its neighbours or focus the graph on it. Drag to pan,
              scroll to zoom.
            </p>
          )}
        </aside>
      </div>
    </div>
  );
}
