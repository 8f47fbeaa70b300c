import { createRng, generateTraffic, DAY_MS, type TrafficSpec } from "@/lib/detection";
import { DEMO_APPS } from "@/lib/seed/demo-data";

// Demo traffic: 15 days of 5-minute samples per demo app with daily and weekly seasonality and
// noise, plus three incidents so every detector has something to show:
//   checkout-api      crashed an hour ago (and stays down),
//   search-frontend   losing ~3 %/day for the last week,
//   currency-rates    a spike in its last three samples.
export const DEMO_STEP_MS = 5 * 60_000;
export const DEMO_HISTORY_DAYS = 15;
export const DEMO_INCIDENTS = { crash: "checkout-api", trend: "search-frontend", spike: "currency-rates" } as const;

function seedOf(appId: string): number {
  let h = 2166136261;
  for (const ch of appId) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

export type DemoSamples = { appId: string; ts: number[]; values: number[] };

// Samples of one app for [fromMs, toMs]; `originMs` is the app's first sample, so the trend
// keeps compounding across calls (seeding, then each append).
export function demoSamples(appId: string, originMs: number, fromMs: number, toMs: number, initial: boolean): DemoSamples {
  const start = Math.ceil(fromMs / DEMO_STEP_MS) * DEMO_STEP_MS;
  const n = Math.floor((toMs - start) / DEMO_STEP_MS) + 1;
  if (n <= 0) return { appId, ts: [], values: [] };
  const rng = createRng(seedOf(appId));
  const spec: TrafficSpec = {
    seed: seedOf(appId) ^ Math.floor(start / DEMO_STEP_MS),
    days: (n * DEMO_STEP_MS) / DAY_MS,
    stepMs: DEMO_STEP_MS,
    start,
    baseRps: Math.round(20 + rng() * 400),
    noise: 0.06,
  };
  if (appId === DEMO_INCIDENTS.trend) {
    spec.trend = { startDay: DEMO_HISTORY_DAYS - 7 - (start - originMs) / DAY_MS, ratePerDay: -0.03 };
  }
  if (appId === DEMO_INCIDENTS.crash) {
    const crashAt = initial ? n - 12 : 0;
    spec.crash = { atSample: crashAt, samples: n, level: 0 };
  }
  if (appId === DEMO_INCIDENTS.spike && initial) spec.spike = { atSample: n - 3, samples: 3, factor: 4 };
  const series = generateTraffic(spec);
  return {
    appId,
    ts: Array.from({ length: n }, (_, i) => start + i * DEMO_STEP_MS),
    values: Array.from(series.values, (v) => Math.round(v * 100) / 100),
  };
}

export const demoAppIds = () => DEMO_APPS.map(([appId]) => appId);
