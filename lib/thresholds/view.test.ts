import { describe, expect, it } from "vitest";
import { historyView, type ThresholdRow } from "./view";

const row = (version: number, patch: Partial<ThresholdRow> = {}): ThresholdRow => ({
  version,
  floorRps: 10,
  ceilingRps: null,
  maxWeeklyDropPercent: null,
  forDuration: "5m",
  severity: "warning",
  enabled: true,
  reason: `v${version}`,
  rolledBackFrom: null,
  createdAt: new Date(Date.UTC(2026, 0, version)),
  author: { email: "a@x.example", name: "A" },
  ...patch,
});

describe("historyView", () => {
  it("returns versions newest first, each diffed against the version before it", () => {
    const items = historyView([row(1), row(3, { floorRps: 10, rolledBackFrom: 1 }), row(2, { floorRps: 20 })]);
    expect(items.map((i) => i.version)).toEqual([3, 2, 1]);
    expect(items[0]).toMatchObject({ rolledBackFrom: 1, for: "5m", diff: [{ field: "floorRps", from: 20, to: 10 }] });
    expect(items[1]?.diff).toEqual([{ field: "floorRps", from: 10, to: 20 }]);
    expect(items[2]?.diff).toHaveLength(6);
    expect(items[2]).toMatchObject({ author: { email: "a@x.example", name: "A" }, createdAt: "2026-01-01T00:00:00.000Z" });
  });
});
