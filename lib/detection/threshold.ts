import { WEEK_MS, type Series, type Thresholds } from "./types";

export type ThresholdReason = "floor" | "ceiling" | "weeklyDrop";

/** A period during which the thresholds fired (after holding for `forSeconds`). */
export type FiringInterval = {
  start: number;
  /** First sample time after the breach ended; the latest sample time while ongoing. */
  end: number;
  ongoing: boolean;
  reason: ThresholdReason;
  /** Sample index at which the breach began (before the `for` delay). */
  breachStartIndex: number;
};

function breach(values: Float64Array, i: number, lag: number, t: Thresholds): ThresholdReason | null {
  const raw = values[i] as number;
  // A missing sample is silence: it breaches the floor but cannot prove a ceiling breach.
  const x = raw === raw ? raw : 0;
  if (x < t.floorRps) return "floor";
  if (t.ceilingRps !== undefined && x > t.ceilingRps) return "ceiling";
  if (t.maxWeeklyDropPercent !== undefined && i >= lag) {
    const before = values[i - lag] as number;
    if (before === before && x < before * (1 - t.maxWeeklyDropPercent / 100)) return "weeklyDrop";
  }
  return null;
}

/**
 * Evaluates the thresholds like a Prometheus rule with `for:`: a breach must hold on every sample
 * for `forSeconds` before the alert fires; it stops at the first sample without a breach.
 * Used for the live finding and for "how often would these thresholds have fired" dry runs.
 */
export function firingIntervals(series: Series, thresholds: Thresholds): FiringInterval[] {
  const { values, stepMs, start } = series;
  const n = values.length;
  const lag = Math.round(WEEK_MS / stepMs);
  const forSteps = Math.max(1, Math.ceil((thresholds.forSeconds * 1000) / stepMs));
  const out: FiringInterval[] = [];
  let runStart = -1;
  let reason: ThresholdReason | null = null;
  let firing: FiringInterval | null = null;
  for (let i = 0; i < n; i++) {
    const r = breach(values, i, lag, thresholds);
    if (r === null) {
      if (firing) {
        firing.end = start + i * stepMs;
        firing = null;
      }
      runStart = -1;
      continue;
    }
    if (runStart < 0) {
      runStart = i;
      reason = r;
    }
    if (!firing && i - runStart + 1 >= forSteps) {
      firing = { start: start + i * stepMs, end: start + i * stepMs, ongoing: true, reason: reason ?? r, breachStartIndex: runStart };
      out.push(firing);
    }
    if (firing) firing.end = start + i * stepMs;
  }
  for (const f of out) if (f !== firing) f.ongoing = false;
  return out;
}
