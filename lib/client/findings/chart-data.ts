// Pure shaping of the detection chart: the traffic line (cleaned and scaled like the threshold
// chart), a marker where each finding started, and the expected band of open findings.
import { shapeTrafficChart } from "@/lib/client/thresholds/chart-data";
import type { TrafficPoint } from "@/lib/client/thresholds/types";
import type { Detector, Finding, FindingSeverity } from "./types";

export interface FindingMarker {
  id: string;
  /** Epoch ms of the start. */
  t: number;
  severity: FindingSeverity;
  detector: Detector;
  open: boolean;
}

export interface BandArea {
  id: string;
  x1: number;
  x2: number;
  y1: number;
  y2: number;
  severity: FindingSeverity;
}

export interface DetectionChartData {
  points: TrafficPoint[];
  yMax: number;
  markers: FindingMarker[];
  bands: BandArea[];
  /** Findings that started before the plotted time (they have no marker, but may have a band). */
  earlier: number;
  empty: boolean;
}

type ChartFinding = Pick<Finding, "id" | "detector" | "severity" | "status" | "startedAt" | "band" | "window">;

export function shapeDetectionChart(points: readonly TrafficPoint[], findings: readonly ChartFinding[]): DetectionChartData {
  const bandTop = Math.max(0, ...findings.map((f) => (f.status === "open" && f.band ? f.band[1] : 0)));
  // The band's top plays the ceiling's part: kept in view, with the same headroom.
  const base = shapeTrafficChart(points, { floorRps: null, ceilingRps: bandTop > 0 ? bandTop : null });
  const first = base.points[0]?.t;
  const last = base.points[base.points.length - 1]?.t;
  if (first === undefined || last === undefined) return { points: [], yMax: base.yMax, markers: [], bands: [], earlier: 0, empty: true };

  const markers: FindingMarker[] = [];
  const bands: BandArea[] = [];
  let earlier = 0;
  for (const f of findings) {
    const t = Date.parse(f.startedAt);
    if (!Number.isFinite(t) || t > last) continue;
    if (t < first) earlier += 1;
    else markers.push({ id: f.id, t, severity: f.severity, detector: f.detector, open: f.status === "open" });
    if (f.status !== "open" || !f.band) continue;
    // The band is what was expected over the detector's window (it may begin before the start).
    const windowFrom = Date.parse(f.window.from);
    const from = Number.isFinite(windowFrom) ? Math.min(t, windowFrom) : t;
    const x1 = Math.max(from, first);
    if (x1 < last) bands.push({ id: f.id, x1, x2: last, y1: Math.min(...f.band), y2: Math.max(...f.band), severity: f.severity });
  }
  markers.sort((a, b) => a.t - b.t);
  return { points: base.points, yMax: base.yMax, markers, bands, earlier, empty: false };
}
