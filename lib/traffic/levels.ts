// The three levels of stored traffic (docs/traffic.md) and the pure helpers around them.
// Every sample is counted at exactly one level at any time: the hourly maintenance moves raw
// samples older than the raw window into 5-minute buckets, and 5-minute buckets older than their
// window into 1-hour buckets, deleting the source rows in the same transaction.

export const FIVE_MINUTES_S = 300;
export const HOUR_S = 3_600;
const DAY_S = 86_400;

export type TrafficLevels = {
  /** Raw samples are kept this many days (TRAFFIC_RAW_DAYS). */
  rawDays: number;
  /** 5-minute rollups up to this age (TRAFFIC_ROLLUP_5M_DAYS). */
  fiveMinuteDays: number;
  /** 1-hour rollups up to this age; older traffic is deleted (TRAFFIC_RETENTION_DAYS). */
  retentionDays: number;
};

export type Cutoffs = { raw: number; fiveMinute: number; retention: number };

/** Level boundaries in epoch seconds, cut at the hour so a bucket never straddles two levels. */
export function cutoffs(levels: TrafficLevels, nowMs: number): Cutoffs {
  const hour = Math.floor(nowMs / 1000 / HOUR_S) * HOUR_S;
  return {
    raw: hour - levels.rawDays * DAY_S,
    fiveMinute: hour - levels.fiveMinuteDays * DAY_S,
    retention: hour - levels.retentionDays * DAY_S,
  };
}

export const bucketOf = (tsS: number, spanS: number) => Math.floor(tsS / spanS) * spanS;

/** Samples are stored to the second: epoch ms → epoch s. */
export const toSeconds = (ms: number) => Math.floor(ms / 1000);

export type TrafficSeries = { ts: Float64Array; values: Float64Array };

/** Rollup buckets, oldest first; ts in epoch ms, spanMs the bucket length (5 min or 1 h). */
export type RollupBuckets = {
  ts: Float64Array;
  spanMs: Float64Array;
  count: Float64Array;
  sum: Float64Array;
  min: Float64Array;
  max: Float64Array;
};

/** What is stored of one app's traffic in a time range: raw samples and the rollups older than them. */
export type TrafficHistory = { raw: TrafficSeries; rollups: RollupBuckets };

export function emptyRollups(n = 0): RollupBuckets {
  return {
    ts: new Float64Array(n), spanMs: new Float64Array(n), count: new Float64Array(n),
    sum: new Float64Array(n), min: new Float64Array(n), max: new Float64Array(n),
  };
}

/** Number of real samples in [fromMs, ∞): raw samples plus the counts of rollup buckets starting there. */
export function sampleCount(h: TrafficHistory, fromMs = -Infinity): number {
  let n = 0;
  for (let i = 0; i < h.raw.ts.length; i++) if ((h.raw.ts[i] as number) >= fromMs) n++;
  for (let i = 0; i < h.rollups.ts.length; i++) if ((h.rollups.ts[i] as number) >= fromMs) n += h.rollups.count[i] as number;
  return n;
}

/** Median spacing of the raw samples, or 5 minutes without two raw samples. */
function rawStepMs(ts: Float64Array): number {
  if (ts.length < 2) return FIVE_MINUTES_S * 1000;
  const d: number[] = [];
  for (let i = 1; i < ts.length; i++) {
    const gap = (ts[i] as number) - (ts[i - 1] as number);
    if (gap > 0) d.push(gap);
  }
  if (d.length === 0) return FIVE_MINUTES_S * 1000;
  d.sort((a, b) => a - b);
  return d[d.length >> 1] as number;
}

/**
 * One series for the detectors: each rollup bucket becomes points at the raw step across its
 * span, all at the bucket's mean (sum / count), followed and interleaved by the raw samples in
 * time order. A bucket spans whole steps only when the step divides it; a step longer than a
 * bucket gives one point per bucket. The step defaults to the raw samples' median spacing, so
 * the detectors see one regular cadence from the oldest rollup to the newest sample.
 */
export function flattenHistory(h: TrafficHistory, stepMs = rawStepMs(h.raw.ts)): TrafficSeries {
  const r = h.rollups;
  let n = h.raw.ts.length;
  const per = new Uint32Array(r.ts.length);
  for (let i = 0; i < r.ts.length; i++) {
    per[i] = Math.max(1, Math.floor((r.spanMs[i] as number) / stepMs));
    n += per[i] as number;
  }
  const ts = new Float64Array(n);
  const values = new Float64Array(n);
  let k = 0;
  let j = 0;
  const raw = h.raw;
  for (let i = 0; i < r.ts.length; i++) {
    const start = r.ts[i] as number;
    while (j < raw.ts.length && (raw.ts[j] as number) < start) {
      ts[k] = raw.ts[j] as number;
      values[k++] = raw.values[j++] as number;
    }
    const mean = (r.sum[i] as number) / (r.count[i] as number);
    for (let p = 0; p < (per[i] as number); p++) {
      ts[k] = start + p * stepMs;
      values[k++] = mean;
    }
  }
  while (j < raw.ts.length) {
    ts[k] = raw.ts[j] as number;
    values[k++] = raw.values[j++] as number;
  }
  return { ts, values };
}
