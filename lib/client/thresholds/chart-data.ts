// Pure shaping of the threshold chart: points in time order, a y-range that keeps the floor
// and ceiling visible, and dry-run firings as shaded spans clipped to the plotted time.
import type { Firing, TrafficPoint } from "./types";

export interface TrafficChartData {
  points: TrafficPoint[];
  /** [0, max] with 10 % headroom, so lines at the edge are not hidden by the frame. */
  yMax: number;
  floor: number | null;
  ceiling: number | null;
  spans: { x1: number; x2: number }[];
  empty: boolean;
}

export function shapeTrafficChart(
  points: readonly TrafficPoint[],
  limits: { floorRps: number | null; ceilingRps: number | null },
  firings: readonly Firing[] = [],
): TrafficChartData {
  const clean = points.filter((p) => Number.isFinite(p.t) && Number.isFinite(p.v)).sort((a, b) => a.t - b.t);
  // a floor of 0 cannot be undercut; nothing worth drawing
  const floor = limits.floorRps !== null && limits.floorRps > 0 ? limits.floorRps : null;
  const ceiling = limits.ceilingRps;
  const top = Math.max(0, ...clean.map((p) => p.v), floor ?? 0, ceiling ?? 0);
  const yMax = top > 0 ? top * 1.1 : 1;
  const first = clean[0]?.t;
  const last = clean[clean.length - 1]?.t;
  const spans =
    first === undefined || last === undefined
      ? []
      : firings
          .map((f) => ({ x1: Math.max(f.start, first), x2: Math.min(f.end, last) }))
          .filter((s) => s.x1 < s.x2);
  return { points: clean, yMax, floor, ceiling, spans, empty: clean.length === 0 };
}
