import { describe, expect, it } from "vitest";
import { detectApp } from "./detect";
import { detectNoData, longestRecentSilence, longestSilenceMs, pushSilenceGap } from "./no-data";
import { prepareSeries } from "./prepare";
import { generateTraffic } from "./synthetic";
import { firingIntervals } from "./threshold";

const STEP = 300_000;
const T = Date.UTC(2026, 10, 20, 3, 12);

describe("detectNoData", () => {
  it("stays quiet while the last sample is within normal latency", () => {
    expect(detectNoData(T, T + 3 * STEP, STEP)).toBeNull();
  });

  it("reports missing data, not zero traffic, once samples stop", () => {
    const f = detectNoData(T, T + 4 * STEP, STEP, { appName: "checkout-api" });
    expect(f?.detector).toBe("no_data");
    expect(f?.severity).toBe("warning");
    expect(f?.explanation).toBe("No samples from checkout-api since 03:12 (20 min); the sender may be down — this is missing data, not zero traffic.");
  });

  it("tolerates twice the sender's longest recent pause", () => {
    // a sender that paused for an hour within the last 8 days
    const ts = [T - 10 * 86_400_000, T - 2 * 3_600_000, T - 3_600_000, T - STEP, T];
    expect(longestSilenceMs(ts)).toBe(3_600_000);
    expect(detectNoData(T, T + 100 * 60_000, STEP, { recentLongestSilenceMs: longestSilenceMs(ts) })).toBeNull();
    expect(detectNoData(T, T + 121 * 60_000, STEP, { recentLongestSilenceMs: longestSilenceMs(ts) })?.detector).toBe("no_data");
    // a regular sender: the floor of 3 steps holds
    expect(longestSilenceMs([T - 2 * STEP, T - STEP, T])).toBe(STEP);
  });

  it("says nothing about an app that never sent anything", () => {
    expect(detectNoData(null, T, STEP)).toBeNull();
  });
});

describe("missing samples are not traffic", () => {
  it("a long gap inside the series is no crash when it is kept missing", () => {
    const s = generateTraffic({ seed: 3, days: 9, stepMs: STEP, baseRps: 200 });
    const n = s.values.length;
    // two hours without samples, then traffic as usual
    const ts: number[] = [];
    const values: number[] = [];
    for (let i = 0; i < n; i++) {
      if (i >= n - 40 && i < n - 16) continue;
      ts.push(s.start + i * STEP);
      values.push(s.values[i] as number);
    }
    const series = prepareSeries({ ts, values }, { stepMs: STEP, longGapValue: NaN });
    const withGap = detectApp(series, { thresholds: { floorRps: 1, forSeconds: 600 } });
    expect(withGap.findings.map((f) => f.detector)).not.toContain("crash");
    expect(firingIntervals(series, { floorRps: 1, forSeconds: 600 })).toEqual([]);
  });

  it("samples that say traffic fell still make a crash", () => {
    const s = generateTraffic({ seed: 3, days: 9, stepMs: STEP, baseRps: 200, crash: { atSample: 9 * 288 - 3, samples: 3 } });
    const r = detectApp(s, {});
    expect(r.findings.map((f) => f.detector)).toContain("crash");
  });
});

describe("longestRecentSilence", () => {
  it("answers, sample by sample, what longestSilenceMs answers over the same samples", () => {
    // irregular gaps, some longer than the memory ago, with a fixed-seed generator
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const ts: number[] = [T];
    for (let i = 1; i < 3000; i++) ts.push((ts[i - 1] as number) + (rnd() < 0.02 ? Math.floor(rnd() * 40) : 1) * STEP);
    const memory = 2 * 86_400_000;
    const gaps: number[] = [];
    for (let i = 1; i < ts.length; i++) {
      pushSilenceGap(gaps, ts[i - 1] as number, (ts[i] as number) - (ts[i - 1] as number));
      expect(longestRecentSilence(gaps, ts[i] as number, memory), `after sample ${i}`).toBe(longestSilenceMs(ts.slice(0, i + 1), memory));
    }
  });
});
