import { DAY_MS } from "./types";

export type AnomalyOptions = {
  /** Sample spacing; enables the "same time yesterday" view and day-based warm-up/suppression. */
  stepMs?: number;
  /** Bins across the warm-up range of each view (default 20). */
  bins?: number;
  /**
   * Memory of the recent novelty rate subtracted from the score, in days (default 1/6: 4 hours;
   * an EWMA whose per-sample weight is 1 / the samples in that time, at most 1/2).
   */
  rateDays?: number;
  /** Mute after a detection, in days (default 0.25; 100 samples without a step). */
  muteDays?: number;
  /** Warm-up in days (default 1), at least 200 samples. */
  warmupDays?: number;
};

/** The defaults, chosen on the NAB development half (see docs/detection.md, "Free constants"). */
export const ANOMALY_DEFAULTS = { bins: 20, rateDays: 1 / 6, muteDays: 0.25, warmupDays: 1 } as const;

const STREAMS = 5;
const OFFSET = 2048;
const MIN_WARMUP = 200;
export const GAP = 16; // power of two: ring-buffer indices are masked

/** Everything the detector remembers; plain typed arrays so the hot loop can work on locals. */
export type State = {
  lag: number;
  warmup: number;
  mute: number;
  bins: number;
  /** Per-sample weight of the novelty-rate EWMA (from rateDays). */
  rateWeight: number;
  seen: Uint8Array;
  /** Per view: lowest and highest warm-up value, 1 / bin width. */
  lo: Float64Array;
  hi: Float64Array;
  inv: Float64Array;
  /** Warm-up values per view, binned once the warm-up range (hence the bin width) is final. */
  early: Float64Array;
  recent: Float64Array;
  /** Suffix max/min of the previous block of GAP samples: a sliding range in O(1) (van Herk). */
  sufMax: Float64Array;
  sufMin: Float64Array;
  yesterday: Float64Array;
  /** n, day slot, sum of last 4, sum of last 16, novelty rate, last fire, block max, block min. */
  scalars: Float64Array;
};

export function createState(opts: AnomalyOptions): State {
  const perDay = opts.stepMs ? Math.round(DAY_MS / opts.stepMs) : 0;
  const lag = perDay > 1 && perDay <= 4096 ? perDay : 0;
  const o = { ...ANOMALY_DEFAULTS, ...opts };
  const warmup = Math.max(MIN_WARMUP, Math.round(lag * o.warmupDays));
  // Times in days become sample counts; without a known step a day counts as 400 samples.
  const day = lag > 0 ? lag : 400;
  const st: State = {
    lag, warmup, mute: Math.round(day * o.muteDays),
    bins: o.bins, rateWeight: 1 / Math.max(2, day * o.rateDays),
    seen: new Uint8Array(STREAMS * 2 * OFFSET), lo: new Float64Array(STREAMS), hi: new Float64Array(STREAMS),
    inv: new Float64Array(STREAMS), early: new Float64Array(STREAMS * warmup),
    recent: new Float64Array(GAP), sufMax: new Float64Array(GAP), sufMin: new Float64Array(GAP),
    yesterday: new Float64Array(Math.max(1, lag)), scalars: new Float64Array(8),
  };
  resetState(st);
  return st;
}

export function resetState(st: State): void {
  if (st.early.length !== STREAMS * st.warmup) st.early = new Float64Array(STREAMS * st.warmup);
  st.seen.fill(0);
  st.lo.fill(Infinity);
  st.hi.fill(-Infinity);
  st.inv.fill(1);
  st.sufMax.fill(-Infinity);
  st.sufMin.fill(Infinity);
  st.scalars.set([0, 0, 0, 0, 0, -Infinity, -Infinity, Infinity]);
}

function bin(st: State, s: number, v: number): number {
  // Offset before truncating so that `| 0` floors; the clamp keeps the ±64-bin search in the view.
  let q = (v - (st.lo[s] as number)) * (st.inv[s] as number) + OFFSET;
  q = q < 80 ? 80 : q > 2 * OFFSET - 80 ? 2 * OFFSET - 80 : q;
  return (q | 0) + s * 2 * OFFSET;
}

/**
 * Visits the bin of view s for its c-th value; returns 0 when a neighbouring bin was visited, else
 * the distance to the nearest visited bin. Kept tiny so that it inlines into the loop.
 */
export function observe(st: State, s: number, c: number, v: number): number {
  const w = st.warmup;
  if (c < w) {
    st.early[s * w + c] = v;
    if (c + 1 === w) finishWarmup(st, s);
    return 0;
  }
  const q = bin(st, s, v);
  const seen = st.seen;
  if ((seen[q] as number) + (seen[q - 1] as number) + (seen[q + 1] as number) > 0) {
    seen[q] = 1;
    return 0;
  }
  return novelty(seen, q);
}

/** Fixes view s's bin width from its warm-up range and marks the warm-up values' bins. */
export function finishWarmup(st: State, s: number): void {
  const w = st.warmup;
  const { seen, early } = st;
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = s * w, end = k + w; k < end; k++) {
    const e = early[k] as number;
    if (e < lo) lo = e;
    if (e > hi) hi = e;
  }
  st.lo[s] = lo;
  st.hi[s] = hi;
  st.inv[s] = hi > lo ? st.bins / (hi - lo) : 1 / Math.max(1e-9, Math.abs(hi) * 0.01);
  const inv = st.inv[s] as number;
  const base = s * 2 * OFFSET + OFFSET;
  // Warm-up values lie within [lo, hi], i.e. bins 0..bins: no clamping needed.
  for (let k = s * w, end = k + w; k < end; k++) seen[((((early[k] as number) - lo) * inv) | 0) + base] = 1;
}

function novelty(seen: Uint8Array, q: number): number {
  let d = 1;
  while (d < 64 && seen[q - 1 - d] === 0 && seen[q + 1 + d] === 0) d++;
  seen[q] = 1;
  return d;
}

