import { describe, expect, it } from "vitest";
import { firingIntervals } from "./threshold";
import { WEEK_MS } from "./types";

const M = 60_000;
const series = (values: number[]) => ({ start: 0, stepMs: M, values: Float64Array.from(values) });

describe("firingIntervals", () => {
  it("fires only after the breach has held for `forSeconds`", () => {
    const s = series([10, 1, 1, 10, 1, 1, 1, 1, 10]);
    const out = firingIntervals(s, { floorRps: 5, forSeconds: 180 });
    expect(out).toEqual([{ start: 6 * M, end: 8 * M, ongoing: false, reason: "floor", breachStartIndex: 4 }]);
  });

  it("marks an interval still breaching at the last sample as ongoing", () => {
    const out = firingIntervals(series([10, 50, 50, 50]), { floorRps: 1, ceilingRps: 40, forSeconds: 60 });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ start: M, end: 3 * M, ongoing: true, reason: "ceiling" });
  });

  it("does not count missing samples as a breach (no data is not zero)", () => {
    expect(firingIntervals(series([10, NaN, NaN, NaN, 10]), { floorRps: 1, forSeconds: 120 })).toEqual([]);
    // zeros that did arrive are a breach
    expect(firingIntervals(series([10, 0, 0, 0, 10]), { floorRps: 1, forSeconds: 120 })).toMatchObject([{ start: 2 * M, end: 4 * M, reason: "floor" }]);
  });

  it("compares with the same time one week earlier for the weekly drop", () => {
    const week = WEEK_MS / M;
    const values = new Array<number>(week + 5).fill(100);
    for (let i = week + 1; i < week + 4; i++) values[i] = 60;
    const out = firingIntervals(series(values), { floorRps: 1, maxWeeklyDropPercent: 30, forSeconds: 120 });
    expect(out).toMatchObject([{ start: (week + 2) * M, end: (week + 4) * M, reason: "weeklyDrop" }]);
  });

  it("returns nothing when the thresholds are never breached", () => {
    expect(firingIntervals(series([10, 11, 12]), { floorRps: 1, ceilingRps: 100, forSeconds: 0 })).toEqual([]);
  });
});
