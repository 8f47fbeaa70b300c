import type { RawSeries, Series } from "./types";

export type PrepareOptions = {
  /** Grid step; defaults to the median spacing of the raw timestamps. */
  stepMs?: number;
  /** Grid start/end (epoch ms, inclusive); default to the first/last raw sample. */
  from?: number;
  to?: number;
  /** Gaps of at most this many missing steps are filled by linear interpolation. */
  maxInterpolateSteps?: number;
  /** Value for longer gaps: 0 (default) treats silence as no traffic, NaN keeps them missing. */
  longGapValue?: number;
};

export type PreparedSeries = Series & {
  /** Number of grid points that had no raw sample (interpolated or filled). */
  missing: number;
};

/** Median spacing of increasing timestamps; robust to a few gaps or duplicates. */
export function inferStepMs(ts: ArrayLike<number>): number {
  const n = ts.length;
  if (n < 2) return 60_000;
  const d: number[] = [];
  for (let i = 1; i < n; i++) {
    const gap = (ts[i] as number) - (ts[i - 1] as number);
    if (gap > 0) d.push(gap);
  }
  if (d.length === 0) return 60_000;
  d.sort((a, b) => a - b);
  return d[d.length >> 1] as number;
}

/**
 * Aligns raw samples onto a fixed grid: samples falling into the same step are averaged,
 * short gaps are interpolated (a scrape or two lost is not an event), and longer gaps —
 * including a silent tail up to `to` — get `longGapValue`. The default 0 is deliberate: an app
 * that stops reporting is, for the people who own it, indistinguishable from an app that stopped
 * serving, so a long silence must be able to raise a crash finding.
 */
export function prepareSeries(raw: RawSeries, opts: PrepareOptions = {}): PreparedSeries {
  const n = raw.ts.length;
  const stepMs = opts.stepMs ?? inferStepMs(raw.ts);
  const first = n > 0 ? (raw.ts[0] as number) : (opts.from ?? 0);
  const last = n > 0 ? (raw.ts[n - 1] as number) : first;
  const start = Math.floor((opts.from ?? first) / stepMs) * stepMs;
  const end = opts.to ?? last;
  const len = Math.max(0, Math.floor((end - start) / stepMs) + 1);
  const sum = new Float64Array(len);
  const count = new Uint32Array(len);
  for (let i = 0; i < n; i++) {
    const v = raw.values[i] as number;
    if (!Number.isFinite(v)) continue;
    const k = Math.floor(((raw.ts[i] as number) - start) / stepMs);
    if (k < 0 || k >= len) continue;
    sum[k] = (sum[k] as number) + v;
    count[k] = (count[k] as number) + 1;
  }
  const values = new Float64Array(len);
  const maxGap = opts.maxInterpolateSteps ?? 3;
  const fill = opts.longGapValue ?? 0;
  let missing = 0;
  let prev = -1;
  for (let k = 0; k <= len; k++) {
    if (k < len && count[k] === 0) continue;
    const gap = k - prev - 1;
    missing += gap;
    const interpolate = gap <= maxGap && prev >= 0 && k < len;
    const a = prev >= 0 ? (values[prev] as number) : fill;
    const b = k < len ? (sum[k] as number) / (count[k] as number) : fill;
    for (let j = prev + 1; j < k; j++) {
      values[j] = interpolate ? a + ((b - a) * (j - prev)) / (k - prev) : fill;
    }
    if (k < len) values[k] = b;
    prev = k;
  }
  return { start, stepMs, values, missing };
}
