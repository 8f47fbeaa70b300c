import { DAY_MS, type Series } from "./types";

/** Small, fast, seeded PRNG (mulberry32): the same seed always gives the same stream. */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal deviate (Box–Muller). */
export function gaussian(rng: () => number): number {
  const u = 1 - rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

export type TrafficSpec = {
  seed: number;
  days: number;
  stepMs?: number;
  /** Epoch ms of the first sample; defaults to Monday 2026-01-05 00:00 UTC. */
  start?: number;
  baseRps?: number;
  /** Peak-to-mean swing of the daily cycle (0.6: nights fall to 40 % of the mean). */
  dailyAmplitude?: number;
  /** Traffic multiplier on Saturdays and Sundays. */
  weekendFactor?: number;
  /** Relative standard deviation of per-sample noise. */
  noise?: number;
  /** Probability that a sample is a ±50 % blip. */
  outlierRate?: number;
  crash?: { atSample: number; samples: number; level?: number };
  /** Gradual change of `ratePerDay` (e.g. -0.02) compounding from `startDay`. */
  trend?: { startDay: number; ratePerDay: number };
  spike?: { atSample: number; samples: number; factor: number };
};

export const DEFAULT_START = Date.UTC(2026, 0, 5);

/** Traffic (req/s) with daily and weekly seasonality, noise and optional incidents. */
export function generateTraffic(spec: TrafficSpec): Series {
  const stepMs = spec.stepMs ?? 60_000;
  const start = spec.start ?? DEFAULT_START;
  const n = Math.round((spec.days * DAY_MS) / stepMs);
  const rng = createRng(spec.seed);
  const base = spec.baseRps ?? 100;
  const amp = spec.dailyAmplitude ?? 0.6;
  const weekend = spec.weekendFactor ?? 0.75;
  const noise = spec.noise ?? 0.08;
  const outlierRate = spec.outlierRate ?? 0.001;
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = start + i * stepMs;
    const dayFrac = (t % DAY_MS) / DAY_MS;
    const weekday = (Math.floor(t / DAY_MS) + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
    // Peak mid-afternoon (15:00), trough mid-night (03:00).
    let v = base * (1 + amp * Math.cos(2 * Math.PI * (dayFrac - 15 / 24)));
    if (weekday === 0 || weekday === 6) v *= weekend;
    if (spec.trend) {
      const days = (i * stepMs) / DAY_MS - spec.trend.startDay;
      if (days > 0) v *= Math.pow(1 + spec.trend.ratePerDay, days);
    }
    v *= Math.max(0, 1 + noise * gaussian(rng));
    if (rng() < outlierRate) v *= rng() < 0.5 ? 0.5 : 1.5;
    const c = spec.crash;
    if (c && i >= c.atSample && i < c.atSample + c.samples) v = (c.level ?? 0) * base;
    const s = spec.spike;
    if (s && i >= s.atSample && i < s.atSample + s.samples) v *= s.factor;
    values[i] = v;
  }
  return { start, stepMs, values };
}
