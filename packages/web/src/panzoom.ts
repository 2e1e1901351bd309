/** Pan and zoom of an SVG drawing: wheel zooms at the pointer, drag pans, buttons step. */

import { type PointerEvent, type RefObject, useCallback, useEffect, useRef, useState } from "react";

export interface View {
  k: number;
  x: number;
  y: number;
}

export const IDENTITY: View = { k: 1, x: 0, y: 0 };

/** Zoom by `factor` keeping the drawing point under (px, py) (viewBox units) in place. */
export function zoomAt(v: View, factor: number, px: number, py: number, min = 1, max = 40): View {
  const k = Math.min(max, Math.max(min, v.k * factor));
  const f = k / v.k;
  return { k, x: px - (px - v.x) * f, y: py - (py - v.y) * f };
}

/** The pan/zoom state of an SVG with viewBox `0 0 width height`, and the handlers to attach to it. */
export function usePanZoom(svg: RefObject<SVGSVGElement | null>, width: number, height: number) {
  const [view, setView] = useState<View>(IDENTITY);
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);

  const toViewBox = useCallback(
    (clientX: number, clientY: number): [number, number] => {
      const r = svg.current?.getBoundingClientRect();
      if (!r?.width) return [width / 2, height / 2];
      return [((clientX - r.left) / r.width) * width, ((clientY - r.top) / r.height) * height];
    },
    [svg, width, height],
  );

  useEffect(() => {
    const el = svg.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const [px, py] = toViewBox(e.clientX, e.clientY);
      setView((v) => zoomAt(v, e.deltaY < 0 ? 1.25 : 0.8, px, py));
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    return () => el.removeEventListener("wheel", onWheel);
  }, [svg, toViewBox]);

  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    drag.current = { x: e.clientX, y: e.clientY, moved: false };
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (!d || e.buttons === 0) return;
    const r = svg.current?.getBoundingClientRect();
    const scale = r?.width ? width / r.width : 1;
    const dx = (e.clientX - d.x) * scale;
    const dy = (e.clientY - d.y) * scale;
    if (!d.moved && Math.abs(dx) + Math.abs(dy) < 3) return;
    d.moved = true;
    d.x = e.clientX;
    d.y = e.clientY;
    setView((v) => ({ ...v, x: v.x + dx, y: v.y + dy }));
  };
  const onPointerUp = () => {
    setTimeout(() => {
      drag.current = null;
    }, 0);
  };
  /** True while a drag is under way: a click at its end is not a click on a point. */
  const dragging = () => drag.current?.moved === true;
  const zoom = (factor: number, px = width / 2, py = height / 2) => setView((v) => zoomAt(v, factor, px, py));
  const reset = () => setView(IDENTITY);
  return {
    view,
    setView,
    zoom,
    reset,
    dragging,
    handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerLeave: onPointerUp },
  };
}
