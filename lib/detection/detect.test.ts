import { describe, expect, it } from "vitest";
import { detectApp } from "./detect";
import { generateTraffic } from "./synthetic";
import { DAY_MS } from "./types";

const prefix = <T extends { values: Float64Array }>(s: T, n: number): T => ({ ...s, values: s.values.subarray(0, n) });

describe("detectApp", () => {
  it("explains a crash with the numbers, the time and the app name", () => {
    const at = 8 * 1440 + 14 * 60 + 3;
    const s = generateTraffic({ seed: 3, days: 9, baseRps: 120, crash: { atSample: at, samples: 10, level: 0.002 } });
    const r = detectApp(prefix(s, at + 2), { appName: "checkout-api" });
    const crash = r.findings.find((f) => f.detector === "crash");
    expect(crash?.severity).toBe("critical");
    expect(crash?.startedAt).toBe(s.start + at * 60_000);
    expect(crash?.explanation).toMatch(/^Traffic fell to 0\.2 req\/s at 14:03, far below the \d+ req\/s expected .*checkout-api is up\.$/);
  });

  it("reports nothing on ordinary traffic", () => {
    const s = generateTraffic({ seed: 4, days: 9, stepMs: 300_000, outlierRate: 0 });
    const r = detectApp(s, { thresholds: { floorRps: 1, forSeconds: 300 } });
    expect(r.findings).toEqual([]);
    expect(r.expected).toBeGreaterThan(0);
    expect(Math.abs(r.observed / r.expected - 1)).toBeLessThan(0.3);
  });

  it("raises a threshold finding while the floor is breached", () => {
    const s = generateTraffic({ seed: 5, days: 2, stepMs: 300_000, baseRps: 10, outlierRate: 0 });
    const r = detectApp(s, { appName: "search", thresholds: { floorRps: 50, forSeconds: 600 } });
    const th = r.findings.find((f) => f.detector === "threshold");
    expect(th?.explanation).toContain("below its floor of 50 req/s");
  });

  it("names last week's level when traffic drops against the same time last week", () => {
    const s = generateTraffic({ seed: 8, days: 8, stepMs: 300_000, outlierRate: 0, weekendFactor: 1 });
    const values = s.values.slice();
    for (let i = values.length - 12; i < values.length; i++) values[i] = (values[i] as number) * 0.4;
    const r = detectApp({ ...s, values }, { thresholds: { floorRps: 1, maxWeeklyDropPercent: 30, forSeconds: 900 } });
    const th = r.findings.find((f) => f.detector === "threshold");
    expect(th?.severity).toBe("warning");
    expect(th?.explanation).toMatch(/more than 30 % below the same time last week \(\d+ req\/s then\)/);
  });

  it("reports a losing trend as a fraction per day", () => {
    const s = generateTraffic({ seed: 6, days: 16, stepMs: 300_000, trend: { startDay: 11, ratePerDay: -0.04 } });
    const r = detectApp(s, { appName: "shop" });
    const trend = r.findings.find((f) => f.detector === "trend");
    expect(trend?.severity).toBe("warning");
    expect(r.trendPerDay).toBeLessThan(-0.025);
    expect(trend?.explanation).toMatch(/falling about \d\.\d % per day/);
  });

  it("times each stage when asked", () => {
    const s = generateTraffic({ seed: 7, days: 1 });
    const r = detectApp(s, { timed: true, thresholds: { floorRps: 1, forSeconds: 60 } });
    expect(Object.keys(r.timings ?? {}).sort()).toEqual(["anomaly", "crash", "expected", "threshold", "trend"]);
    expect(r.trendPerDay).toBeNull();
  });

  it("returns an empty result for an empty series", () => {
    const r = detectApp({ start: 0, stepMs: DAY_MS, values: new Float64Array(0) });
    expect(r.findings).toEqual([]);
  });
});
