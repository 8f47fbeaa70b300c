import { describe, expect, it } from "vitest";
import { reconcileFindings } from "./reconcile";
import type { DetectorName, Finding } from "./types";

const finding = (detector: DetectorName): Finding => ({
  detector, severity: "warning", startedAt: 0, observed: 1, expected: 2, deviation: 0.5,
  window: { from: 0, to: 0 }, explanation: "x",
});

describe("reconcileFindings", () => {
  it("opens findings that were not open before", () => {
    const r = reconcileFindings([], [finding("crash"), finding("trend")]);
    expect(r.toOpen.map((f) => f.detector)).toEqual(["crash", "trend"]);
    expect(r.toResolve).toEqual([]);
  });

  it("does not duplicate a finding that is already open", () => {
    const open = [{ id: "f1", detector: "crash" as const }];
    const r = reconcileFindings(open, [finding("crash")]);
    expect(r.toOpen).toEqual([]);
    expect(r.stillOpen).toEqual([{ previous: open[0], current: finding("crash") }]);
  });

  it("resolves open findings whose detector no longer fires", () => {
    const open = [{ id: "f1", detector: "crash" as const }, { id: "f2", detector: "trend" as const }];
    const r = reconcileFindings(open, [finding("trend"), finding("anomaly")]);
    expect(r.toResolve).toEqual([open[0]]);
    expect(r.toOpen.map((f) => f.detector)).toEqual(["anomaly"]);
    expect(r.stillOpen.map((s) => s.previous.id)).toEqual(["f2"]);
  });

  it("resolves a duplicate open row for the same detector", () => {
    const open = [{ id: "a", detector: "crash" as const }, { id: "b", detector: "crash" as const }];
    const r = reconcileFindings(open, [finding("crash")]);
    expect(r.stillOpen).toHaveLength(1);
    expect(r.toResolve).toEqual([open[1]]);
  });
});
