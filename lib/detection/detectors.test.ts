import { describe, expect, it } from "vitest";
import { scanCrashes } from "./crash";
import { expectedModel } from "./expected";
import { createRng, generateTraffic } from "./synthetic";
import { estimateTrend } from "./trend";

describe("generateTraffic", () => {
  it("returns the same series for the same seed and another for another seed", () => {
    const a = generateTraffic({ seed: 1, days: 1 });
    expect(Array.from(generateTraffic({ seed: 1, days: 1 }).values)).toEqual(Array.from(a.values));
    expect(generateTraffic({ seed: 2, days: 1 }).values[10]).not.toBe(a.values[10]);
    expect(createRng(9)()).toBe(createRng(9)());
  });
});

describe("expectedModel", () => {
  it("predicts seasonal traffic within a few percent once it has seen a day", () => {
    const s = generateTraffic({ seed: 21, days: 4, noise: 0.05, outlierRate: 0 });
    const { expected } = expectedModel(s);
    let err = 0;
    for (let i = 2 * 1440; i < s.values.length; i++) err += Math.abs((s.values[i] as number) / (expected[i] as number) - 1);
    expect(err / (2 * 1440)).toBeLessThan(0.07);
  });

  it("keeps expecting normal traffic during a crash", () => {
    const at = 2 * 1440 + 600;
    const s = generateTraffic({ seed: 22, days: 3, outlierRate: 0, crash: { atSample: at, samples: 120 } });
    const { expected } = expectedModel(s);
    expect((expected[at + 119] as number) / (expected[at - 1] as number)).toBeGreaterThan(0.7);
  });
});

describe("scanCrashes", () => {
  const expected = new Float64Array(10).fill(100);

  it("confirms a crash on its second down sample and ends it on recovery", () => {
    const v = Float64Array.from([100, 90, 3, 2, 1, 60, 100, 100, 100, 100]);
    expect(scanCrashes(v, expected, { warmUpMs: 0 })).toEqual([{ start: 2, detectedAt: 3, end: 5 }]);
    // in the first day (no daily profile yet) the same fall is not judged
    expect(scanCrashes(v, expected)).toEqual([]);
  });

  it("ignores a single lost sample", () => {
    expect(scanCrashes(Float64Array.from([100, 0, 100, 100, 0, 100, 100, 100, 100, 100]), expected, { warmUpMs: 0 })).toEqual([]);
  });

  it("needs a fall longer than the app's own lulls of the last 8 days, and one from the expected level", () => {
    const STEP = 300_000;
    const perDay = 288;
    const days = 10;
    const exp = new Float64Array(days * perDay).fill(100);
    // every night a 30-minute lull (6 samples) at 5 % of the expectation
    const v = new Float64Array(days * perDay).fill(100);
    for (let d = 0; d < days; d++) v.fill(5, d * perDay + 36, d * perDay + 42);
    const events = scanCrashes(v, exp, {}, STEP);
    // lulls are learnt from the first (warm-up) day on: a 6-sample lull is this app's normal
    expect(events).toEqual([]);
    // a fall of 16 samples is longer than any lull: a crash
    const w = v.slice();
    w.fill(0, 9 * perDay + 100, 9 * perDay + 116);
    expect(scanCrashes(w, exp, {}, STEP).map((e) => [Math.floor(e.start / perDay), e.detectedAt - e.start + 1])).toEqual([[9, 8]]);
    // a series already far below its expectation did not fall: no crash
    const low = new Float64Array(3 * perDay).fill(30);
    low.fill(0, 2 * perDay, 2 * perDay + 20);
    expect(scanCrashes(low, new Float64Array(3 * perDay).fill(100), {}, STEP)).toEqual([]);
  });

  it("ignores apps whose normal traffic is already near zero", () => {
    expect(scanCrashes(new Float64Array(10), new Float64Array(10).fill(0.1))).toEqual([]);
  });
});

describe("estimateTrend", () => {
  it("needs four calendar days of data (today counting from 6 hours on)", () => {
    expect(estimateTrend(generateTraffic({ seed: 31, days: 3.2, stepMs: 300_000 }))).toBeNull();
    expect(estimateTrend(generateTraffic({ seed: 31, days: 3.3, stepMs: 300_000 }))).not.toBeNull();
  });

  it("detects growth as well as loss", () => {
    const s = generateTraffic({ seed: 32, days: 15, stepMs: 300_000, trend: { startDay: 10, ratePerDay: 0.03 } });
    const t = estimateTrend(s);
    expect(t?.significant).toBe(true);
    expect(t?.ratePerDay).toBeGreaterThan(0.02);
  });

  it("does not mistake a weekend for a loss", () => {
    // Ends on a Sunday evening, with traffic at 60 % of weekdays since Saturday.
    const s = generateTraffic({ seed: 33, days: 6.9, stepMs: 300_000, weekendFactor: 0.6 });
    expect(estimateTrend(s)?.significant).toBe(false);
  });
});
