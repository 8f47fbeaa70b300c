// The prediction interval the detectors use, and how often reality fell outside it.
//
// The seasonal model (expected.ts) predicts each sample before it arrives, with `spread`, its
// running mean absolute error. Under normal noise the standard deviation is √(π/2) ≈ 1.2533 times
// the mean absolute error, so a central 99 % interval is the prediction ± 2.5758 × 1.2533 ≈
// 3.228 × spread (never below zero). No constant here is fitted to data: 99 % is the promise, and
// the calibration (the share of recent samples that fell outside) says whether this app's traffic
// keeps it — ≈ 1 % when the noise is as assumed, more when it has heavier tails or the model lags.

/** Multiplier of the mean absolute error for a central 99 % interval under normal noise. */
export const INTERVAL_Z = 2.5758293035489 * Math.sqrt(Math.PI / 2);
/** Nominal share of samples outside the interval. */
export const NOMINAL_OUTSIDE = 0.01;
/** Calibration is kept per hour for the last week (168 hours). */
export const CALIBRATION_HOURS = 168;

export function predictionInterval(expected: number, spread: number): [number, number] {
  return [Math.max(0, expected - INTERVAL_Z * spread), expected + INTERVAL_Z * spread];
}

/** True when x fell outside the interval predicted for it. */
export const outsideInterval = (x: number, expected: number, spread: number): boolean =>
  x < expected - INTERVAL_Z * spread || x > expected + INTERVAL_Z * spread;

/**
 * Per hour of the last week: samples checked against their interval and how many fell outside.
 * Ring of CALIBRATION_HOURS slots: [hour id × 168, checked × 168, outside × 168]. Plain data.
 */
export type CalibrationState = Float64Array;

export const createCalibration = (): CalibrationState => {
  const c = new Float64Array(3 * CALIBRATION_HOURS);
  c.fill(-Infinity, 0, CALIBRATION_HOURS);
  return c;
};

/** Counts sample `i` (hour = floor(i / perHour)); `outside` whether it left its interval. */
export function countCalibration(c: CalibrationState, hour: number, outside: boolean): void {
  const H = CALIBRATION_HOURS;
  const slot = hour % H;
  if (c[slot] !== hour) {
    c[slot] = hour;
    c[H + slot] = 0;
    c[2 * H + slot] = 0;
  }
  c[H + slot] = (c[H + slot] as number) + 1;
  if (outside) c[2 * H + slot] = (c[2 * H + slot] as number) + 1;
}

export type Calibration = {
  /** Samples of the last week (up to hour `hour`) checked against their interval. */
  samples: number;
  /** Of those, how many fell outside. */
  outside: number;
  /** outside / samples; null before any sample was checked. */
  outsideShare: number | null;
};

/** The calibration over the week ending with hour `hour`. */
export function readCalibration(c: CalibrationState, hour: number): Calibration {
  const H = CALIBRATION_HOURS;
  let samples = 0;
  let outside = 0;
  for (let s = 0; s < H; s++) {
    const id = c[s] as number;
    if (id > hour - H && id <= hour) {
      samples += c[H + s] as number;
      outside += c[2 * H + s] as number;
    }
  }
  return { samples, outside, outsideShare: samples > 0 ? outside / samples : null };
}

/** Share of samples outside their intervals over a whole series (bench, tests); NaN samples skipped. */
export function outsideShare(values: Float64Array, expected: Float64Array, spread: Float64Array, from = 0): Calibration {
  let samples = 0;
  let outside = 0;
  for (let i = from; i < values.length; i++) {
    const x = values[i] as number;
    const e = expected[i] as number;
    if (x !== x || !(e > 0)) continue;
    samples++;
    if (outsideInterval(x, e, spread[i] as number)) outside++;
  }
  return { samples, outside, outsideShare: samples > 0 ? outside / samples : null };
}
