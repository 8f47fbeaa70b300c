import { describe, expect, it } from "vitest";
import { shapeTrafficChart } from "./chart-data";

const pts = [
  { t: 3000, v: 40 },
  { t: 1000, v: 20 },
  { t: 2000, v: Number.NaN },
  { t: 4000, v: 60 },
];

describe("shapeTrafficChart", () => {
  it("sorts points by time and drops ones that are not numbers", () => {
    expect(shapeTrafficChart(pts, { floorRps: null, ceilingRps: null }).points.map((p) => p.t)).toEqual([1000, 3000, 4000]);
  });

  it("keeps a ceiling above the traffic in view, with headroom", () => {
    const chart = shapeTrafficChart(pts, { floorRps: 10, ceilingRps: 100 });
    expect(chart).toMatchObject({ floor: 10, ceiling: 100, empty: false });
    expect(chart.yMax).toBeCloseTo(110);
    expect(shapeTrafficChart(pts, { floorRps: 10, ceilingRps: null }).yMax).toBeCloseTo(66);
  });

  it("does not draw a floor of 0", () => {
    expect(shapeTrafficChart(pts, { floorRps: 0, ceilingRps: null }).floor).toBeNull();
  });

  it("clips dry-run firings to the plotted time and leaves out those outside it", () => {
    const firings = [
      { start: 0, end: 1500, ongoing: false, reason: "floor" as const },
      { start: 3500, end: 9000, ongoing: true, reason: "ceiling" as const },
      { start: 5000, end: 6000, ongoing: false, reason: "floor" as const },
    ];
    expect(shapeTrafficChart(pts, { floorRps: 1, ceilingRps: null }, firings).spans).toEqual([
      { x1: 1000, x2: 1500 },
      { x1: 3500, x2: 4000 },
    ]);
  });

  it("is empty without points, with a y-range that still renders", () => {
    expect(shapeTrafficChart([], { floorRps: null, ceilingRps: null })).toEqual({ points: [], yMax: 1, floor: null, ceiling: null, spans: [], empty: true });
  });
});
