import { describe, expect, it } from "vitest";
import { anomalyScores, stepAnomaly } from "./anomaly";
import { createState } from "./anomaly-views";
import { decodeState, encodeState } from "./codec";
import { createCrashState, scanCrashes, stepCrashes, type CrashEvent } from "./crash";
import { detectApp } from "./detect";
import type { DetectionSettings } from "./detector";
import { createAppState, stepApp, type AppState } from "./engine";
import { createExpectedState, expectedModel, stepExpected } from "./expected";
import { DETECTORS } from "./registry";
import { createRng, generateTraffic } from "./synthetic";
import { createThresholdState, firingIntervals, stepThreshold, type FiringInterval } from "./threshold";
import { createTrendState, estimateTrend, stepTrend, trendAt } from "./trend";
import type { DetectionResult, Series } from "./types";

// The equivalence the server's incremental tick rests on: a series fed in chunks of random sizes
// (1, 7, 1,000 … samples), with the state encoded to bytes and read back between some of them
// (a restart), gives the same scores and findings as one pass over the whole series.

const CHUNKS = [1, 7, 1000, 2, 60, 333, 1440, 3];
const prefix = (s: Series, n: number): Series => ({ ...s, values: s.values.subarray(0, n) });

type Case = { name: string; series: Series; settings: DetectionSettings };

function cases(): Case[] {
  const rng = createRng(42);
  const out: Case[] = [];
  const steps = [60_000, 300_000, 420_000, 3_600_000];
  for (let k = 0; k < 8; k++) {
    const stepMs = steps[k % steps.length] as number;
    const perDay = Math.round(86_400_000 / stepMs);
    const days = stepMs === 60_000 ? 9 : 16;
    const n = days * perDay;
    const series = generateTraffic({
      seed: 100 + k, days, stepMs, start: Date.UTC(2026, 0, 5) + Math.floor(rng() * 500) * stepMs + (k % 3) * 1000,
      baseRps: 2 + rng() * 300, noise: 0.05 + rng() * 0.1, outlierRate: 0.003,
      crash: { atSample: Math.floor(n * (0.4 + 0.5 * rng())), samples: 5 + Math.floor(rng() * 40) },
      spike: { atSample: Math.floor(n * rng()), samples: 3, factor: 4 },
      trend: { startDay: days - 5, ratePerDay: k % 2 ? -0.04 : 0.05 },
    });
    // Missing samples (NaN) now and then: the threshold counts them as silence, the score skips them.
    for (let i = 0; i < 30; i++) series.values[Math.floor(rng() * n)] = NaN;
    const thresholds =
      k % 4 === 3 ? null
      : { floorRps: 20 * rng(), forSeconds: 300 * (k % 3), ...(k % 2 ? { ceilingRps: 250 } : {}), ...(k % 4 !== 1 ? { maxWeeklyDropPercent: 30 } : {}) };
    out.push({ name: `step ${stepMs / 60_000} min, ${thresholds ? "thresholds" : "no thresholds"} #${k}`, series, settings: { appName: `app-${k}`, thresholds, evaluationIntervalMs: 3_600_000 } });
  }
  return out;
}

function chunking(n: number, seed: number): number[] {
  const rng = createRng(seed);
  const sizes: number[] = [];
  for (let done = 0; done < n; ) {
    // At least ten chunks even for short series.
    const size = Math.min(n - done, Math.ceil(n / 10), CHUNKS[Math.floor(rng() * CHUNKS.length)] as number);
    sizes.push(size);
    done += size;
  }
  return sizes;
}

function expectSame(a: DetectionResult, b: DetectionResult) {
  expect(a.findings).toEqual(b.findings);
  expect(a.evaluatedAt).toBe(b.evaluatedAt);
  for (const k of ["anomalyScore", "expected", "observed"] as const) {
    if (Number.isNaN(b[k])) expect(a[k]).toBeNaN();
    else expect(Math.abs(a[k] - b[k])).toBeLessThanOrEqual(1e-9);
  }
  if (b.trendPerDay === null) expect(a.trendPerDay).toBeNull();
  else expect(Math.abs((a.trendPerDay ?? NaN) - b.trendPerDay)).toBeLessThanOrEqual(1e-9);
}

describe("stepApp (incremental detection)", () => {
  for (const c of cases()) {
    it(`gives the findings and scores of one pass at every chunk end (${c.name})`, () => {
      let state: AppState = createAppState(c.series, c.settings);
      let done = 0;
      let evaluations = 0;
      const seen = new Set<string>();
      chunking(c.series.values.length, c.series.values.length).forEach((size, k) => {
        if (k % 5 === 4) state = decodeState<AppState>(encodeState(state));
        const got = stepApp(state, c.series.values.subarray(done, done + size), c.settings);
        done += size;
        // A fresh one-pass evaluation of the prefix is the reference.
        {
          expectSame(got, detectApp(prefix(c.series, done), c.settings));
          evaluations++;
          for (const f of got.findings) seen.add(f.detector);
        }
      });
      // The whole state, not only what it reports, is what one pass builds.
      const once = createAppState(c.series, c.settings);
      stepApp(once, c.series.values, c.settings);
      expect(Buffer.from(encodeState(state)).equals(Buffer.from(encodeState(once)))).toBe(true);
      expect(evaluations).toBeGreaterThan(10);
      // The cases exercise the detectors (which ones fire depends on the case).
      expect(seen.size).toBeGreaterThan(0);
    });
  }

  it("covers every registered detector with a finding somewhere in the cases", () => {
    const fired = new Set<string>();
    for (const c of cases()) {
      const n = c.series.values.length;
      for (let end = 1; end <= n; end += 97) for (const f of detectApp(prefix(c.series, end), c.settings).findings) fired.add(f.detector);
    }
    expect([...fired].sort()).toEqual(DETECTORS.map((d) => d.name).sort());
  });

  it("refuses a state built with other thresholds (the server rebuilds it)", () => {
    const s = generateTraffic({ seed: 1, days: 1 });
    const state = createAppState(s, { thresholds: { floorRps: 1, forSeconds: 60 } });
    expect(() => stepApp(state, s.values, { thresholds: { floorRps: 2, forSeconds: 60 } })).toThrow(/rebuild/);
  });
});

describe("detector steps, sample by sample", () => {
  const s = generateTraffic({ seed: 7, days: 12, stepMs: 300_000, crash: { atSample: 2000, samples: 30 }, spike: { atSample: 2500, samples: 4, factor: 5 } });
  s.values[100] = NaN;
  const n = s.values.length;

  for (const seed of [1, 2, 3]) {
    const sizes = chunking(n, seed);
    it(`expected model, crash, threshold, trend and anomaly score equal one pass (chunking ${seed})`, () => {
      const model = expectedModel(s);
      const scores = anomalyScores(s.values, { stepMs: s.stepMs });
      const th = { floorRps: 60, ceilingRps: 170, maxWeeklyDropPercent: 25, forSeconds: 600 };
      const ex = createExpectedState(s.start, s.stepMs);
      const an = createState({ stepMs: s.stepMs });
      const cr = createCrashState();
      const ts = createThresholdState(s.stepMs, th);
      const tr = createTrendState(s.start, s.stepMs);
      const expected = new Float64Array(n);
      const spread = new Float64Array(n);
      const score = new Float64Array(n);
      const crashes: CrashEvent[] = [];
      const firings: FiringInterval[] = [];
      let done = 0;
      for (const size of sizes) {
        const v = s.values.subarray(done, done + size);
        stepExpected(ex, v, s.stepMs, {}, expected.subarray(done, done + size), spread.subarray(done, done + size));
        stepAnomaly(an, v, score.subarray(done, done + size));
        stepCrashes(cr, v, expected.subarray(done, done + size), done, {}, crashes);
        stepThreshold(ts, v, done, s, th, firings);
        stepTrend(tr, v, done, s.stepMs);
        done += size;
        expect(trendAt(tr, done, s)).toEqual(estimateTrend(prefix(s, done)));
      }
      for (let i = 0; i < n; i++) {
        expect(Math.abs((expected[i] as number) - (model.expected[i] as number))).toBeLessThanOrEqual(1e-9);
        expect(Math.abs((spread[i] as number) - (model.spread[i] as number))).toBeLessThanOrEqual(1e-9);
        expect(Math.abs((score[i] as number) - (scores[i] as number))).toBeLessThanOrEqual(1e-9);
      }
      expect(crashes).toEqual(scanCrashes(s.values, model.expected));
      expect(crashes.length).toBeGreaterThan(0);
      expect(firings).toEqual(firingIntervals(s, th));
      expect(firings.length).toBeGreaterThan(0);
    });
  }
});
