/** Clustering of map points that crowd at the current zoom. Pure. */

export interface Point {
  id: string;
  x: number;
  y: number;
}

export interface Cluster<P extends Point = Point> {
  x: number;
  y: number;
  members: P[];
}

/**
 * Groups points closer than `radius` (in the same units as x and y) to a cluster's first point, greedily
 * in input order, using a grid so that it stays linear. A cluster sits at its members' mean.
 *
 * @example cluster([{id:"a",x:0,y:0},{id:"b",x:3,y:0},{id:"c",x:50,y:0}], 10).map((c) => c.members.length) // [2, 1]
 */
export function cluster<P extends Point>(points: readonly P[], radius: number): Cluster<P>[] {
  if (radius <= 0) return points.map((p) => ({ x: p.x, y: p.y, members: [p] }));
  const cell = radius;
  const grid = new Map<string, { cx: number; cy: number; members: P[] }[]>();
  const out: { cx: number; cy: number; members: P[] }[] = [];
  const r2 = radius * radius;
  for (const p of points) {
    const gx = Math.floor(p.x / cell);
    const gy = Math.floor(p.y / cell);
    let found: { cx: number; cy: number; members: P[] } | undefined;
    for (let dx = -1; dx <= 1 && !found; dx++)
      for (let dy = -1; dy <= 1 && !found; dy++) {
        for (const c of grid.get(`${gx + dx},${gy + dy}`) ?? []) {
          const ex = c.cx - p.x;
          const ey = c.cy - p.y;
          if (ex * ex + ey * ey <= r2) {
            found = c;
            break;
          }
        }
      }
    if (found) found.members.push(p);
    else {
      const c = { cx: p.x, cy: p.y, members: [p] };
      out.push(c);
      const key = `${gx},${gy}`;
      const list = grid.get(key);
      if (list) list.push(c);
      else grid.set(key, [c]);
    }
  }
  return out.map((c) => ({
    x: c.members.reduce((s, m) => s + m.x, 0) / c.members.length,
    y: c.members.reduce((s, m) => s + m.y, 0) / c.members.length,
    members: c.members,
  }));
}
