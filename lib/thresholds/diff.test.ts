import { describe, expect, it } from "vitest";
import { diffThresholds } from "./diff";
import type { ThresholdSettings } from "./types";

const v1: ThresholdSettings = { floorRps: 10, ceilingRps: null, maxWeeklyDropPercent: null, for: "5m", severity: "warning", enabled: true };

describe("diffThresholds", () => {
  it("lists only the changed fields, in a fixed order", () => {
    const v2 = { ...v1, for: "10m", floorRps: 5, enabled: false };
    expect(diffThresholds(v1, v2)).toEqual([
      { field: "floorRps", from: 10, to: 5 },
      { field: "for", from: "5m", to: "10m" },
      { field: "enabled", from: true, to: false },
    ]);
  });

  it("shows a cleared or newly set optional limit", () => {
    expect(diffThresholds(v1, { ...v1, ceilingRps: 900 })).toEqual([{ field: "ceilingRps", from: null, to: 900 }]);
    expect(diffThresholds({ ...v1, maxWeeklyDropPercent: 30 }, v1)).toEqual([{ field: "maxWeeklyDropPercent", from: 30, to: null }]);
  });

  it("gives every field for the first version and nothing for an identical one", () => {
    expect(diffThresholds(null, v1)).toHaveLength(6);
    expect(diffThresholds(null, v1)[0]).toEqual({ field: "floorRps", from: null, to: 10 });
    expect(diffThresholds(v1, { ...v1 })).toEqual([]);
  });
});
