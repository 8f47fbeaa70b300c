import { describe, expect, it } from "vitest";
import { bandSentence, calibrationSentence, type PredictionView } from "./prediction";

const view = (p: Partial<PredictionView>): PredictionView => ({
  appId: "checkout-api", evaluatedAt: "2026-11-20T15:00:00Z", observed: 120, expected: 120, low: 98.2, high: 142.8, level: 0.99,
  outsideShare: 0.012, samples: 2016, expectedOutsideShare: 0.01, z: 3.228, ...p,
});

describe("prediction panel text", () => {
  it("states the band and the calibration against the expected 1 %", () => {
    expect(bandSentence(view({}))).toMatch(/^Expected 98–143 req\/s \(99 % interval\)/);
    expect(calibrationSentence(view({}))).toBe("Reality fell outside it in 1.2 % of the last 2,016 samples (expected ≈ 1.0 %): the detector's model fits this app.");
  });

  it("warns when reality leaves the band far more often than 1 %", () => {
    expect(calibrationSentence(view({ outsideShare: 0.08 }))).toMatch(/8\.0 % of the last 2,016 samples.*treat its findings with care/);
  });

  it("says when there is no calibration yet", () => {
    expect(calibrationSentence(view({ outsideShare: null, samples: 0 }))).toMatch(/^No calibration yet/);
    expect(bandSentence(view({ low: null, high: null }))).toBeNull();
  });
});
