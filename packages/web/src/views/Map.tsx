/** Map: the companies' projects as points on a world map drawn in SVG from Natural Earth outlines. */

import { geoNaturalEarth1, geoPath } from "d3-geo";
import type { FeatureCollection, Geometry } from "geojson";
import { useEffect, useMemo, useRef, useState } from "react";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { api } from "../api.js";
import { type Cluster, cluster } from "../cluster.js";
import { filterProjects, type MapFilters } from "../filters.js";
import { usePanZoom } from "../panzoom.js";
import { href, navigate, type Route } from "../router.js";
import type { ProjectFeature, SourceView } from "../types.js";
import { Async, countryName, ExtLink, sourceLabel, useApi, withKeys, ZoomButtons } from "../ui.js";

const W = 960;
const H = 500;
const CLUSTER_RADIUS = 14;

const CATEGORY_COLOURS: Record<string, string> = {
  "5g": "#1f77b4",
  smart_city: "#9467bd",
  public_security: "#d62728",
  surveillance: "#e6550d",
  data_centre: "#2ca02c",
  cloud: "#17becf",
  research: "#8c564b",
  cable: "#7f7f7f",
  other: "#bcbd22",
};

export const colourOf = (category: string) => CATEGORY_COLOURS[category] ?? "#555";

type Countries = FeatureCollection<Geometry, { name?: string }>;

function useWorld(): Countries | undefined {
  const [world, setWorld] = useState<Countries>();
  useEffect(() => {
    let live = true;
    import("world-atlas/countries-110m.json").then((m) => {
      const topo = (m.default ?? m) as unknown as Topology<{
        countries: GeometryCollection<{ name?: string }>;
      }>;
      if (live) setWorld(feature(topo, topo.objects.countries) as Countries);
    });
    return () => {
      live = false;
    };
  }, []);
  return world;
}

function distinct(values: (string | null | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => !!v))].sort();
}

export function MapView({ route }: { route: Route }) {
  const state = useApi(() => api.projects(), []);
  return (
    <div className="page map-page">
      <h1>Map</h1>
      <Async state={state}>{(fc) => <ProjectMap features={fc.features} route={route} />}</Async>
    </div>
  );
}

function ProjectMap({ features, route }: { features: ProjectFeature[]; route: Route }) {
  const world = useWorld();
  const svg = useRef<SVGSVGElement>(null);
  const pz = usePanZoom(svg, W, H);
  const filters: MapFilters = {
    company: route.params.get("company") ?? "",
    category: route.params.get("category") ?? "",
    country: route.params.get("country") ?? "",
    year: route.params.get("year") ?? "",
  };
  const selected = route.params.get("project") ?? "";
  const [picked, setPicked] = useState<ProjectFeature[]>([]);

  const set = (k: keyof MapFilters | "project", v: string) => {
    const params: Record<string, string> = { ...filters, project: selected };
    params[k] = v;
    if (k !== "project") params.project = "";
    navigate(href(["map"], params), true);
  };

  const projection = useMemo(() => geoNaturalEarth1().fitSize([W, H], { type: "Sphere" }), []);
  const path = useMemo(() => geoPath(projection), [projection]);
  const countryPaths = useMemo(
    () => (world ? world.features.map((f, i) => ({ key: String(f.id ?? i), d: path(f) ?? "" })) : []),
    [world, path],
  );

  const companies = useMemo(
    () =>
      [
        ...new Map(
          features.flatMap((f) =>
            f.properties.company
              ? [[f.properties.company, f.properties.company_name ?? f.properties.company]]
              : [],
          ),
        ).entries(),
      ].sort((a, b) => a[1].localeCompare(b[1])),
    [features],
  );
  const categories = useMemo(() => distinct(features.map((f) => f.properties.category)), [features]);
  const countries = useMemo(() => distinct(features.map((f) => f.properties.country)), [features]);
  const years = useMemo(
    () => distinct(features.map((f) => String(f.properties.year ?? "").slice(0, 4) || undefined)),
    [features],
  );

  const { company, category, country, year } = filters;
  const shown = useMemo(
    () => filterProjects(features, { company, category, country, year }),
    [features, company, category, country, year],
  );
  const base = useMemo(
    () =>
      shown.flatMap((f, i) => {
        const xy = projection(f.geometry.coordinates);
        return xy ? [{ id: `${f.properties.id}#${i}`, x: xy[0], y: xy[1], f }] : [];
      }),
    [projection, shown],
  );
  const { k, x: vx, y: vy } = pz.view;
  const clusters = cluster(
    base.map((p) => ({ ...p, x: p.x * k + vx, y: p.y * k + vy })),
    CLUSTER_RADIUS,
  );
  const selectedFeature = selected ? features.find((f) => f.properties.id === selected) : undefined;

  const onCluster = (c: Cluster<(typeof base)[number]>) => {
    if (pz.dragging()) return;
    if (c.members.length === 1) {
      setPicked([]);
      set("project", c.members[0]!.f.properties.id);
    } else {
      setPicked(c.members.map((m) => m.f));
      pz.zoom(2.5, c.x, c.y);
    }
  };

  return (
    <div className="map-layout">
      <div className="map-main">
        <div className="toolbar">
          <label>
            Company{" "}
            <select value={filters.company} onChange={(e) => set("company", e.target.value)} name="company">
              <option value="">all</option>
              {companies.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Category{" "}
            <select
              value={filters.category}
              onChange={(e) => set("category", e.target.value)}
              name="category"
            >
              <option value="">all</option>
              {categories.map((c) => (
                <option key={c} value={c}>
                  {c.replace(/_/g, " ")}
                </option>
              ))}
            </select>
          </label>
          <label>
            Country{" "}
            <select value={filters.country} onChange={(e) => set("country", e.target.value)} name="country">
              <option value="">all</option>
              {countries.map((c) => (
                <option key={c} value={c}>
                  {countryName(c)}
                </option>
              ))}
            </select>
          </label>
          <label>
            Year{" "}
            <select value={filters.year} onChange={(e) => set("year", e.target.value)} name="year">
              <option value="">all</option>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <span className="map-count" data-count={shown.length}>
            {shown.length} of {features.length} projects
          </span>
          <ZoomButtons zoom={pz.zoom} reset={pz.reset} />
        </div>
        <svg
          ref={svg}
          className="map"
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-label="World map of projects"
          data-points={shown.length}
          {...pz.handlers}
        >
          <g transform={`translate(${vx},${vy}) scale(${k})`}>
            <path className="sphere" d={path({ type: "Sphere" }) ?? ""} />
            {countryPaths.map((c) => (
              <path key={c.key} className="country" d={c.d} />
            ))}
          </g>
          <g className="points">
            {clusters.map((c) => {
              const first = c.members[0]!.f.properties;
              const n = c.members.length;
              const one = n === 1;
              const label = one
                ? `${first.name} (${[first.company_name, first.city || countryName(first.country ?? "")].filter(Boolean).join(", ")})`
                : `${n} projects`;
              return (
                <a
                  key={c.members[0]!.id}
                  href={href(["map"], { ...filters, project: one ? first.id : selected })}
                  className={one ? "point" : "cluster"}
                  onClick={(e) => {
                    e.preventDefault();
                    onCluster(c);
                  }}
                  aria-label={label}
                  data-members={n}
                >
                  <g transform={`translate(${c.x},${c.y})`}>
                    <title>{label}</title>
                    <circle
                      r={one ? 5 : Math.min(18, 7 + Math.sqrt(n) * 2)}
                      fill={one ? colourOf(first.category ?? "") : "#333"}
                      className={one && first.id === selected ? "selected" : undefined}
                    />
                    {!one && (
                      <text dy="0.35em" textAnchor="middle">
                        {n}
                      </text>
                    )}
                  </g>
                </a>
              );
            })}
          </g>
        </svg>
        <p className="legend">
          {categories.map((c) => (
            <span key={c}>
              <span className="swatch" style={{ background: colourOf(c) }} /> {c.replace(/_/g, " ")}
            </span>
          ))}
          <span className="muted">
            {" "}
            Points are city centres (or the capital where the source names only the country); numbered circles
            are clusters: click to zoom in.
          </span>
        </p>
      </div>
      <aside className="map-side">
        {selectedFeature ? (
          <ProjectPanel f={selectedFeature} onClose={() => set("project", "")} />
        ) : picked.length ? (
          <div>
            <h2>{picked.length} projects here</h2>
            <ul className="links">
              {withKeys(picked, (f) => f.properties.id).map(([key, f]) => (
                <li key={key}>
                  <button type="button" className="linklike" onClick={() => set("project", f.properties.id)}>
                    {f.properties.name}
                  </button>{" "}
                  <span className="muted">{f.properties.company_name}</span>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="muted">Click a point to open the project and its sources.</p>
        )}
      </aside>
    </div>
  );
}

/** A source of a project: a stored document's span opens in the document view; a URL opens outside. */
export function SourceItem({ source }: { source: SourceView }) {
  if (source.kind === "document")
    return (
      <a href={href(["documents", source.document], { start: source.start, end: source.end })}>
        {sourceLabel(source)}
      </a>
    );
  return <ExtLink url={source.url}>{sourceLabel(source)}</ExtLink>;
}

function ProjectPanel({ f, onClose }: { f: ProjectFeature; onClose: () => void }) {
  const p = f.properties;
  return (
    <div className="project-panel" data-project={p.id}>
      <button type="button" className="close" onClick={onClose} aria-label="Close">
        ×
      </button>
      <h2>{p.name}</h2>
      <dl className="facts">
        {p.company && (
          <>
            <dt>Company</dt>
            <dd>
              <a href={href(["companies", p.company])}>{p.company_name ?? p.company}</a>
            </dd>
          </>
        )}
        <dt>Category</dt>
        <dd>{p.category?.replace(/_/g, " ")}</dd>
        <dt>Place</dt>
        <dd>{[p.city, p.country && countryName(p.country)].filter(Boolean).join(", ")}</dd>
        {p.year !== null && (
          <>
            <dt>Year</dt>
            <dd>{p.year}</dd>
          </>
        )}
      </dl>
      <h3>Sources</h3>
      <ul className="sources">
        {p.sources.map((s) => (
          <li key={JSON.stringify(s)}>
            <SourceItem source={s} />
          </li>
        ))}
      </ul>
      <p>
        <a href={href(["entities", p.id])}>Every claim about this project</a>
      </p>
    </div>
  );
}
