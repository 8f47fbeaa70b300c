import { DAY_MS, type Series } from "./types";

export type ExpectedModel = {
  /** One-step-ahead prediction for each sample, using only earlier samples. */
  expected: Float64Array;
  /** Typical absolute prediction error at each sample (same units as the values). */
  spread: Float64Array;
};

export type ExpectedOptions = {
  /** Weight of today in the time-of-day profile (0.3 ≈ the last three days count). */
  profileWeight?: number;
  /** Per-sample weight of the level ratio (0.05 ≈ the last 20 samples). */
  levelWeight?: number;
  /** Consecutive outliers after which the model accepts the new level. */
  relearnAfterMs?: number;
};

/**
 * Seasonal baseline: a time-of-day profile learnt across days times a fast level ratio.
 * The profile carries the daily shape; the ratio absorbs weekday/weekend and slow changes within
 * an hour or so. Samples below half or above twice the prediction are treated as incidents and
 * not learnt from, so a crash keeps its "expected" level instead of teaching the model that zero
 * is normal; after `relearnAfterMs` of consecutive outliers the new level is accepted.
 * The first day has no profile yet and falls back to an EWMA of the level.
 */
export function expectedModel(series: Series, opts: ExpectedOptions = {}, into?: ExpectedModel): ExpectedModel {
  const { values, stepMs, start } = series;
  const n = values.length;
  const period = Math.max(1, Math.round(DAY_MS / stepMs));
  const beta = opts.profileWeight ?? 0.3;
  const alpha = opts.levelWeight ?? 0.05;
  const relearn = Math.round((opts.relearnAfterMs ?? DAY_MS) / stepMs);
  const expected = into && into.expected.length === n ? into.expected : new Float64Array(n);
  const spread = into && into.spread.length === n ? into.spread : new Float64Array(n);
  const profile = new Float64Array(period).fill(NaN);
  // Profile updates use a centred 5-sample mean, written `half` samples late, so a single noisy
  // day does not imprint its noise on tomorrow's prediction.
  const half = 2;
  let slot = (((Math.floor(start / stepMs) % period) + period) % period) | 0;
  let lagSlot = (slot - half + period) % period;
  let ratio = 1;
  let level = NaN;
  let relErr = 0.1;
  let outliers = 0;
  const width = 2 * half + 1;
  const ring = new Float64Array(width);
  let ringPos = 0;
  let win = 0;
  for (let i = 0; i < n; i++) {
    const base = profile[slot] as number;
    const seasonal = base === base;
    const pred = seasonal ? base * ratio : level === level ? level : 0;
    expected[i] = pred;
    spread[i] = relErr * pred;
    const x = values[i] as number;
    let clean = pred;
    if (x === x) {
      const outlier = pred > 0 && (x < 0.5 * pred || x > 2 * pred) && outliers < relearn;
      if (outlier) outliers++;
      else {
        outliers = 0;
        clean = x;
        if (seasonal && base > 1e-9) ratio += alpha * (x / base - ratio);
        level = level === level ? level + 0.1 * (x - level) : x;
        if (pred > 0) relErr += 0.01 * (Math.abs(x - pred) / pred - relErr);
      }
    }
    win += clean - (ring[ringPos] as number);
    ring[ringPos] = clean;
    ringPos = ringPos + 1 === width ? 0 : ringPos + 1;
    if (i >= width - 1 && (level === level || seasonal)) {
      const c = win / width / (seasonal ? ratio : 1);
      const p = profile[lagSlot] as number;
      profile[lagSlot] = p === p ? p + beta * (c - p) : c;
    }
    slot = slot + 1 === period ? 0 : slot + 1;
    lagSlot = lagSlot + 1 === period ? 0 : lagSlot + 1;
  }
  return { expected, spread };
}
