import { describe, expect, it } from "vitest";
import { scanCrashes } from "./crash";
import { detectApp } from "./detect";
import { createAppState, stepApp } from "./engine";
import { expectedModel } from "./expected";
import { reconcileFindings } from "./reconcile";
import { createRng, generateTraffic } from "./synthetic";
import { estimateTrend } from "./trend";
import { DAY_MS, type FindingDetectorName, type Series } from "./types";

const APPS = 20;
const prefix = (s: Series, n: number): Series => ({ ...s, values: s.values.subarray(0, n) });

describe("crash detection", () => {
  it("detects a crash within 2 samples", () => {
    const delays: number[] = [];
    for (let app = 0; app < APPS; app++) {
      const rng = createRng(1000 + app);
      const atSample = Math.floor((8 + rng()) * 1440);
      const s = generateTraffic({ seed: app, days: 10, baseRps: 5 + rng() * 500, crash: { atSample, samples: 30, level: rng() * 0.002 } });
      const events = scanCrashes(s.values, expectedModel(s).expected);
      const hit = events.find((e) => e.start <= atSample + 1 && e.end > atSample);
      delays.push(hit ? hit.detectedAt - atSample + 1 : Infinity);
      // The live path sees it too: evaluating right after the second crashed sample.
      const live = detectApp(prefix(s, atSample + 2), { appName: `app-${app}` });
      expect(live.findings.map((f) => f.detector)).toContain("crash");
    }
    console.log(`crash: detection delay in samples, max ${Math.max(...delays)}, mean ${(delays.reduce((a, b) => a + b) / APPS).toFixed(2)} (${APPS} apps)`);
    expect(Math.max(...delays)).toBeLessThanOrEqual(2);
  });
});

describe("trend detection", () => {
  it("detects a 2 %/day loss within 3 days", () => {
    const delays: number[] = [];
    for (let app = 0; app < APPS; app++) {
      const startDay = 9 + createRng(2000 + app)();
      const s = generateTraffic({ seed: 100 + app, days: 16, stepMs: 300_000, trend: { startDay, ratePerDay: -0.02 } });
      const perHour = 12;
      const onset = Math.ceil((startDay * DAY_MS) / s.stepMs);
      let delay = Infinity;
      for (let n = onset; n <= s.values.length; n += perHour / 4) {
        const t = estimateTrend(prefix(s, n));
        if (t?.significant && t.ratePerDay < 0) {
          delay = ((n - onset) * s.stepMs) / DAY_MS;
          break;
        }
      }
      delays.push(delay);
    }
    // The detector itself decides on hourly checks and needs two in a row: its warning comes later.
    const paged: number[] = [];
    for (let app = 0; app < APPS; app++) {
      const startDay = 9 + createRng(2000 + app)();
      const s = generateTraffic({ seed: 100 + app, days: 16, stepMs: 300_000, trend: { startDay, ratePerDay: -0.02 } });
      const onset = Math.ceil((startDay * DAY_MS) / s.stepMs);
      const settings = {};
      const state = createAppState(s, settings);
      stepApp(state, s.values.subarray(0, onset), settings);
      let delay = Infinity;
      for (let n = onset; n < s.values.length; n += 3) {
        const r = stepApp(state, s.values.subarray(n, n + 3), settings);
        if (r.findings.some((f) => f.detector === "trend" && f.severity === "warning")) {
          delay = ((n + 3 - onset) * s.stepMs) / DAY_MS;
          break;
        }
      }
      paged.push(delay);
    }
    console.log(`trend: the detector's warning after a 2 %/day loss began, in days, max ${Math.max(...paged).toFixed(2)}, mean ${(paged.reduce((a, b) => a + b) / APPS).toFixed(2)} (${APPS} apps)`);
    expect(Math.max(...paged)).toBeLessThanOrEqual(3);
    console.log(`trend: detection delay of a 2 %/day loss in days, max ${Math.max(...delays).toFixed(2)}, mean ${(delays.reduce((a, b) => a + b) / APPS).toFixed(2)} (${APPS} apps)`);
    expect(Math.max(...delays)).toBeLessThanOrEqual(3);
  });

  it("reports the rate as a fraction per day", () => {
    const s = generateTraffic({ seed: 7, days: 12, stepMs: 300_000, trend: { startDay: 2, ratePerDay: -0.03 } });
    const t = estimateTrend(s);
    expect(t?.ratePerDay).toBeGreaterThan(-0.04);
    expect(t?.ratePerDay).toBeLessThan(-0.02);
  });
});

describe("false alarms", () => {
  it("raises fewer than 1 alarm per app-month on noisy seasonal traffic", () => {
    const opened: Record<FindingDetectorName, number> = { crash: 0, trend: 0, threshold: 0, anomaly: 0, no_data: 0 };
    const stepMs = 300_000;
    for (let app = 0; app < APPS; app++) {
      const rng = createRng(3000 + app);
      const s = generateTraffic({
        seed: 200 + app, days: 30, stepMs, baseRps: 2 + rng() * 300, noise: 0.05 + rng() * 0.1,
        weekendFactor: 0.6 + rng() * 0.4, dailyAmplitude: 0.3 + rng() * 0.6, outlierRate: 0.002,
      });
      let open: { detector: FindingDetectorName }[] = [];
      // Evaluate every hour, as the server's scheduler does: incrementally, an hour of new samples
      // at a time (the same findings as a pass over the whole prefix, see incremental.test.ts).
      const settings = { evaluationIntervalMs: 12 * stepMs };
      const state = createAppState(s, settings);
      stepApp(state, s.values.subarray(0, 36), settings);
      for (let n = 48; n <= s.values.length; n += 12) {
        const r = reconcileFindings(open, stepApp(state, s.values.subarray(n - 12, n), settings).findings);
        for (const f of r.toOpen) opened[f.detector]++;
        open = [...r.stillOpen.map((x) => x.current), ...r.toOpen];
      }
    }
    const alarms = opened.crash + opened.trend + opened.threshold;
    const perAppMonth = alarms / APPS;
    console.log(`false alarms per app-month: ${perAppMonth.toFixed(3)} (crash ${opened.crash}, trend ${opened.trend}, threshold ${opened.threshold} over ${APPS} app-months); informational anomaly findings: ${(opened.anomaly / APPS).toFixed(2)} per app-month`);
    expect(perAppMonth).toBeLessThan(1);
    expect(opened.anomaly / APPS).toBeLessThan(2);
  });
});
