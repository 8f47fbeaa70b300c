import { countCalibration, createCalibration, outsideInterval, type CalibrationState } from "./interval";
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

/** Everything the model remembers between samples (JSON-serialisable through lib/detection/codec). */
export type ExpectedState = {
  profile: Float64Array;
  /** Last 5 clean values (centred mean for the profile update). */
  ring: Float64Array;
  /** i, slot, lagSlot, ratio, level, relErr, outliers, ringPos, win */
  s: Float64Array;
  /**
   * Per hour of the last week, samples checked against the 99 % interval predicted for them and
   * how many fell outside (lib/detection/interval.ts). Only samples predicted from a learnt
   * time-of-day profile count: the first day's stand-in is no prediction to calibrate.
   */
  cal: CalibrationState;
};

const HALF = 2;
const WIDTH = 2 * HALF + 1;

export function createExpectedState(start: number, stepMs: number): ExpectedState {
  const period = Math.max(1, Math.round(DAY_MS / stepMs));
  const slot = (((Math.floor(start / stepMs) % period) + period) % period) | 0;
  // Profile updates use a centred 5-sample mean, written HALF samples late, so a single noisy
  // day does not imprint its noise on tomorrow's prediction.
  const lagSlot = (slot - HALF + period) % period;
  return {
    profile: new Float64Array(period).fill(NaN),
    ring: new Float64Array(WIDTH),
    s: Float64Array.from([0, slot, lagSlot, 1, NaN, 0.1, 0, 0, 0]),
    cal: createCalibration(),
  };
}

/**
 * Seasonal baseline: a time-of-day profile learnt across days times a fast level ratio.
 * The profile carries the daily shape; the ratio absorbs weekday/weekend and slow changes within
 * an hour or so. Samples below half or above twice the prediction are treated as incidents and
 * not learnt from, so a crash keeps its "expected" level instead of teaching the model that zero
 * is normal; after `relearnAfterMs` of consecutive outliers the new level is accepted.
 * The first day has no profile yet and falls back to an EWMA of the level.
 *
 * Step form: predicts values[0..n) into expected/spread, continuing from `st` (which it updates).
 * Feeding a series in chunks gives exactly the numbers of one pass.
 */
export function stepExpected(
  st: ExpectedState,
  values: Float64Array,
  stepMs: number,
  opts: ExpectedOptions,
  expected: Float64Array,
  spread: Float64Array,
): void {
  const n = values.length;
  const { profile, ring } = st;
  const period = profile.length;
  const beta = opts.profileWeight ?? 0.3;
  const alpha = opts.levelWeight ?? 0.05;
  const relearn = Math.round((opts.relearnAfterMs ?? DAY_MS) / stepMs);
  const perHour = Math.max(1, Math.round(3_600_000 / stepMs));
  const cal = st.cal;
  const sc = st.s;
  let i = sc[0] as number;
  let slot = sc[1] as number;
  let lagSlot = sc[2] as number;
  let ratio = sc[3] as number;
  let level = sc[4] as number;
  let relErr = sc[5] as number;
  let outliers = sc[6] as number;
  let ringPos = sc[7] as number;
  let win = sc[8] as number;
  for (let k = 0; k < n; k++, i++) {
    const base = profile[slot] as number;
    const seasonal = base === base;
    const pred = seasonal ? base * ratio : level === level ? level : 0;
    expected[k] = pred;
    spread[k] = relErr * pred;
    const x = values[k] as number;
    let clean = pred;
    if (x === x && seasonal && pred > 0) countCalibration(cal, Math.floor(i / perHour), outsideInterval(x, pred, relErr * pred));
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
    ringPos = ringPos + 1 === WIDTH ? 0 : ringPos + 1;
    if (i >= WIDTH - 1 && (level === level || seasonal)) {
      const c = win / WIDTH / (seasonal ? ratio : 1);
      const p = profile[lagSlot] as number;
      profile[lagSlot] = p === p ? p + beta * (c - p) : c;
    }
    slot = slot + 1 === period ? 0 : slot + 1;
    lagSlot = lagSlot + 1 === period ? 0 : lagSlot + 1;
  }
  sc[0] = i;
  sc[1] = slot;
  sc[2] = lagSlot;
  sc[3] = ratio;
  sc[4] = level;
  sc[5] = relErr;
  sc[6] = outliers;
  sc[7] = ringPos;
  sc[8] = win;
}

/** The whole series in one step. */
export function expectedModel(series: Series, opts: ExpectedOptions = {}, into?: ExpectedModel): ExpectedModel {
  const n = series.values.length;
  const expected = into && into.expected.length === n ? into.expected : new Float64Array(n);
  const spread = into && into.spread.length === n ? into.spread : new Float64Array(n);
  stepExpected(createExpectedState(series.start, series.stepMs), series.values, series.stepMs, opts, expected, spread);
  return { expected, spread };
}
