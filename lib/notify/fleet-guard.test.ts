import { describe, expect, it } from "vitest";
import { sourceDownExplanation, sourceLooksDown, sourceRecovered } from "./fleet-guard";

describe("sourceLooksDown", () => {
  it("trips when more than the share of apps with traffic go down in one tick", () => {
    expect(sourceLooksDown({ downApps: 412, appsWithTraffic: 1025, percent: 30, minApps: 5 })).toBe(true);
    expect(sourceLooksDown({ downApps: 300, appsWithTraffic: 1025, percent: 30, minApps: 5 })).toBe(false);
  });

  it("never trips for fewer apps than the minimum, however large their share", () => {
    expect(sourceLooksDown({ downApps: 2, appsWithTraffic: 3, percent: 30, minApps: 5 })).toBe(false);
    expect(sourceLooksDown({ downApps: 5, appsWithTraffic: 6, percent: 30, minApps: 5 })).toBe(true);
  });

  it("counts the down apps in the denominator when the traffic count lags", () => {
    expect(sourceLooksDown({ downApps: 10, appsWithTraffic: 0, percent: 30, minApps: 5 })).toBe(true);
  });
});

describe("sourceRecovered", () => {
  it("holds while more than the share is still down", () => {
    expect(sourceRecovered(400, 1025, 30)).toBe(false);
    expect(sourceRecovered(10, 1025, 30)).toBe(true);
  });
});

describe("sourceDownExplanation", () => {
  it("says how many of how many stopped, and when", () => {
    expect(sourceDownExplanation(412, 1025, Date.UTC(2026, 10, 20, 3, 12))).toMatch(/^412 of 1,025 apps stopped at 03:12 — likely the traffic source, not the apps\./);
  });
});
