import { describe, expect, it } from "vitest";
import { shapeDetectionChart } from "./chart-data";

const HOUR = 3_600_000;
const points = [3, 1, 2, 4].map((h) => ({ t: h * HOUR, v: h === 4 ? 0 : 100 }));
const iso = (ms: number) => new Date(ms).toISOString();

function finding(id: string, startH: number, over: Partial<Parameters<typeof shapeDetectionChart>[1][number]> = {}) {
  return {
    id,
    detector: "crash" as const,
    severity: "critical" as const,
    status: "open" as const,
    startedAt: iso(startH * HOUR),
    band: null,
    window: { from: iso(startH * HOUR), to: iso(4 * HOUR) },
    ...over,
  };
}

describe("shapeDetectionChart", () => {
  it("marks where each finding started inside the plotted time, oldest first", () => {
    const chart = shapeDetectionChart(points, [
      finding("b", 3.5),
      finding("a", 2, { status: "resolved", severity: "warning", detector: "trend" }),
    ]);
    expect(chart.points.map((p) => p.t)).toEqual([1, 2, 3, 4].map((h) => h * HOUR));
    expect(chart.markers).toEqual([
      { id: "a", t: 2 * HOUR, severity: "warning", detector: "trend", open: false },
      { id: "b", t: 3.5 * HOUR, severity: "critical", detector: "crash", open: true },
    ]);
  });

  it("counts findings that started before the chart instead of marking them, and ignores ones after it", () => {
    const chart = shapeDetectionChart(points, [finding("old", 0.5), finding("future", 9)]);
    expect(chart.markers).toEqual([]);
    expect(chart.earlier).toBe(1);
  });

  it("draws the expected band of open findings from their window to the last point, clipped to the chart", () => {
    const chart = shapeDetectionChart(points, [
      finding("open", 3, { band: [120, 80], window: { from: iso(0), to: iso(4 * HOUR) } }),
      finding("closed", 2, { status: "resolved", band: [90, 110] }),
    ]);
    expect(chart.bands).toEqual([{ id: "open", x1: 1 * HOUR, x2: 4 * HOUR, y1: 80, y2: 120, severity: "critical" }]);
  });

  it("keeps an open band above the traffic in view, with headroom", () => {
    expect(shapeDetectionChart(points, [finding("x", 3, { band: [150, 200] })]).yMax).toBeCloseTo(220);
    expect(shapeDetectionChart(points, [finding("x", 3, { status: "resolved", band: [150, 200] })]).yMax).toBeCloseTo(110);
  });

  it("is empty without traffic, even when there are findings", () => {
    expect(shapeDetectionChart([], [finding("x", 1)])).toEqual({ points: [], yMax: 1, markers: [], bands: [], earlier: 0, empty: true });
  });
});
