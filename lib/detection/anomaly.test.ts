import { describe, expect, it } from "vitest";
import { AnomalyDetector, anomalyScores } from "./anomaly";
import { generateTraffic } from "./synthetic";

const stepMs = 300_000;

describe("anomalyScores", () => {
  it("gives each sample the score it had before later samples arrived (online)", () => {
    const s = generateTraffic({ seed: 11, days: 6, stepMs, spike: { atSample: 1500, samples: 3, factor: 4 } });
    const full = anomalyScores(s.values, { stepMs });
    for (const cut of [300, 1000, 1501, 1700]) {
      const part = anomalyScores(s.values.subarray(0, cut), { stepMs });
      expect(Array.from(part)).toEqual(Array.from(full.subarray(0, cut)));
    }
  });

  it("matches feeding the detector one sample at a time", () => {
    const s = generateTraffic({ seed: 12, days: 3, stepMs });
    const det = new AnomalyDetector({ stepMs });
    const one = Array.from(s.values, (v) => det.update(v));
    expect(one).toEqual(Array.from(anomalyScores(s.values, { stepMs })));
  });

  it("keeps scores within [0, 1]", () => {
    const s = generateTraffic({ seed: 13, days: 8, stepMs, noise: 0.3, outlierRate: 0.01 });
    for (const v of anomalyScores(s.values, { stepMs })) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });

  it("scores a spike far above the quiet days before it", () => {
    const at = 5 * 288 + 100;
    // No weekend here: the first weekend is itself new to the "same time yesterday" view.
    const s = generateTraffic({ seed: 14, days: 7, stepMs, outlierRate: 0, weekendFactor: 1, spike: { atSample: at, samples: 6, factor: 5 } });
    const scores = anomalyScores(s.values, { stepMs });
    const spike = Math.max(...scores.subarray(at, at + 6));
    const before = Math.max(...scores.subarray(3 * 288, at));
    expect(spike).toBeGreaterThan(0.95);
    expect(before).toBeLessThan(0.8);
  });

  it("reports one incident once instead of on every sample", () => {
    const at = 4 * 288;
    const s = generateTraffic({ seed: 15, days: 6, stepMs, outlierRate: 0, spike: { atSample: at, samples: 30, factor: 6 } });
    const fired = anomalyScores(s.values, { stepMs }).subarray(at, at + 30).filter((v) => v >= 0.5);
    expect(fired.length).toBe(1);
  });
});
