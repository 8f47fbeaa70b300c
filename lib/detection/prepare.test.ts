import { describe, expect, it } from "vitest";
import { inferStepMs, prepareSeries } from "./prepare";

const M = 60_000;
const T0 = Date.UTC(2026, 0, 5, 12);

describe("inferStepMs", () => {
  it("returns the median spacing despite a gap and a duplicate", () => {
    expect(inferStepMs([0, M, 2 * M, 2 * M, 3 * M, 10 * M, 11 * M])).toBe(M);
  });
});

describe("prepareSeries", () => {
  it("averages samples that fall into the same step", () => {
    const s = prepareSeries({ ts: [T0, T0 + 10_000, T0 + M], values: [10, 20, 30] }, { stepMs: M });
    expect(Array.from(s.values)).toEqual([15, 30]);
    expect(s.start).toBe(T0);
  });

  it("interpolates a short gap linearly", () => {
    const s = prepareSeries({ ts: [T0, T0 + 3 * M], values: [10, 40] }, { stepMs: M });
    expect(Array.from(s.values)).toEqual([10, 20, 30, 40]);
    expect(s.missing).toBe(2);
  });

  it("fills a long gap with zero so that silence can raise a crash", () => {
    const s = prepareSeries({ ts: [T0, T0 + 6 * M], values: [10, 10] }, { stepMs: M, maxInterpolateSteps: 3 });
    expect(Array.from(s.values)).toEqual([10, 0, 0, 0, 0, 0, 10]);
  });

  it("keeps a long gap missing when asked to", () => {
    const s = prepareSeries({ ts: [T0, T0 + 6 * M], values: [10, 10] }, { stepMs: M, longGapValue: NaN });
    expect(Number.isNaN(s.values[3])).toBe(true);
  });

  it("extends a silent tail up to `to` with zeros", () => {
    const s = prepareSeries({ ts: [T0, T0 + M], values: [5, 5] }, { stepMs: M, to: T0 + 9 * M });
    expect(s.values.length).toBe(10);
    expect(s.values[9]).toBe(0);
    expect(s.missing).toBe(8);
  });

  it("skips non-finite raw values", () => {
    const s = prepareSeries({ ts: [T0, T0 + M, T0 + 2 * M], values: [4, NaN, 8] }, { stepMs: M });
    expect(Array.from(s.values)).toEqual([4, 6, 8]);
  });
});
