import { describe, expect, it } from "vitest";
import { detectApp } from "./detect";
import { expectedModel } from "./expected";
import { CALIBRATION_HOURS, outsideShare, predictionInterval } from "./interval";
import { createRng, generateTraffic } from "./synthetic";
import { DAY_MS } from "./types";

describe("prediction interval", () => {
  it("is the prediction ± 3.23 mean absolute errors, never below zero", () => {
    const [lo, hi] = predictionInterval(100, 10);
    expect(lo).toBeCloseTo(100 - 32.28, 1);
    expect(hi).toBeCloseTo(100 + 32.28, 1);
    expect(predictionInterval(10, 10)[0]).toBe(0);
  });

  it("is calibrated on quiet synthetic traffic: about 1 % of samples fall outside the 99 % band", () => {
    const shares: number[] = [];
    for (let app = 0; app < 10; app++) {
      const rng = createRng(4000 + app);
      const s = generateTraffic({
        seed: 500 + app, days: 15, stepMs: 300_000, baseRps: 5 + rng() * 500, noise: 0.05 + rng() * 0.1,
        weekendFactor: 0.7 + rng() * 0.3, dailyAmplitude: 0.3 + rng() * 0.5, outlierRate: 0,
      });
      const r = detectApp(s);
      // the last week, predicted from a learnt profile
      expect(r.prediction.samples).toBe(CALIBRATION_HOURS * 12);
      expect(r.prediction.low).toBeLessThan(r.expected);
      expect(r.prediction.high).toBeGreaterThan(r.expected);
      shares.push(r.prediction.outsideShare as number);
      // the same count as a pass over the series' last week
      const m = expectedModel(s);
      const week = outsideShare(s.values, m.expected, m.spread, s.values.length - CALIBRATION_HOURS * 12);
      expect(week.outside).toBe(r.prediction.outside);
    }
    console.log(`calibration on quiet synthetic traffic: outside the 99 % band ${shares.map((x) => (100 * x).toFixed(2)).join(", ")} % (10 apps, last week)`);
    for (const x of shares) {
      expect(x).toBeGreaterThanOrEqual(0.002);
      expect(x).toBeLessThanOrEqual(0.03);
    }
  });

  it("shows when it cannot be trusted: a crash and a noisier week put more samples outside", () => {
    const quiet = detectApp(generateTraffic({ seed: 9, days: 15, stepMs: 300_000, outlierRate: 0 }));
    const s = generateTraffic({ seed: 9, days: 15, stepMs: 300_000, outlierRate: 0.05, crash: { atSample: Math.round((13 * DAY_MS) / 300_000), samples: 60 } });
    const noisy = detectApp(s);
    expect(noisy.prediction.outsideShare as number).toBeGreaterThan(3 * (quiet.prediction.outsideShare as number));
  });

  it("has no calibration before a daily profile exists", () => {
    const r = detectApp(generateTraffic({ seed: 1, days: 0.5, stepMs: 300_000 }));
    expect(r.prediction.samples).toBe(0);
    expect(r.prediction.outsideShare).toBeNull();
  });
});
