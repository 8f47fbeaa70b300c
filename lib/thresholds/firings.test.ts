import { describe, expect, it } from "vitest";
import { WEEK_MS } from "@/lib/detection/types";
import { dryRunWindow, firingsInWindow } from "./firings";

const M = 60_000;
const T0 = Date.UTC(2026, 10, 1);

function raw(values: number[], start = T0) {
  return { ts: values.map((_, i) => start + i * M), values };
}

describe("firingsInWindow", () => {
  it("fires once the breach has held for `for`, ending at the first good sample", () => {
    const values = Array.from({ length: 60 }, (_, i) => (i >= 20 && i < 30 ? 2 : 100));
    const out = firingsInWindow(raw(values), { floorRps: 10, for: "5m" }, T0, T0 + 60 * M);
    expect(out).toEqual([{ start: T0 + 24 * M, end: T0 + 30 * M, ongoing: false, reason: "floor" }]);
  });

  it("does not fire for a breach shorter than `for`", () => {
    const values = Array.from({ length: 60 }, (_, i) => (i >= 20 && i < 23 ? 2 : 100));
    expect(firingsInWindow(raw(values), { floorRps: 10, for: "5m" }, T0, T0 + 60 * M)).toEqual([]);
  });

  it("reports ceiling breaches and ignores a null ceiling", () => {
    const values = Array.from({ length: 30 }, (_, i) => (i >= 10 && i < 15 ? 900 : 100));
    expect(firingsInWindow(raw(values), { floorRps: 1, ceilingRps: 500, for: "1m" }, T0, T0 + 30 * M)).toMatchObject([
      { start: T0 + 10 * M, end: T0 + 15 * M, reason: "ceiling" },
    ]);
    expect(firingsInWindow(raw(values), { floorRps: 1, ceilingRps: null, for: "1m" }, T0, T0 + 30 * M)).toEqual([]);
  });

  it("clips to the window and leaves out firings before it", () => {
    const values = Array.from({ length: 60 }, (_, i) => ((i >= 5 && i < 10) || (i >= 40 && i < 50) ? 0 : 100));
    const out = firingsInWindow(raw(values), { floorRps: 10, for: "1m" }, T0 + 45 * M, T0 + 60 * M);
    expect(out).toEqual([{ start: T0 + 45 * M, end: T0 + 50 * M, ongoing: false, reason: "floor" }]);
  });

  it("compares with the week before for the weekly drop", () => {
    const week = WEEK_MS / M;
    const values = new Array<number>(week + 20).fill(100);
    for (let i = week + 5; i < week + 10; i++) values[i] = 50;
    const out = firingsInWindow(raw(values), { floorRps: 1, maxWeeklyDropPercent: 30, for: "2m" }, T0 + week * M, T0 + (week + 20) * M);
    expect(out).toMatchObject([{ start: T0 + (week + 6) * M, end: T0 + (week + 10) * M, reason: "weeklyDrop" }]);
  });

  it("returns nothing without traffic", () => {
    expect(firingsInWindow({ ts: [], values: [] }, { floorRps: 10, for: "5m" }, T0, T0 + M)).toEqual([]);
  });
});

describe("dryRunWindow", () => {
  it("reports on the last 7 days and loads one more week for the weekly comparison", () => {
    expect(dryRunWindow(T0)).toEqual({ from: T0 - WEEK_MS, to: T0, loadFrom: T0 - 2 * WEEK_MS });
  });
});
