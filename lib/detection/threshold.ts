import type { Detector } from "./detector";
import { clock, rps } from "./explain";
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

/**
 * The current breach run and firing interval (absolute sample indices), and — only when a weekly
 * drop is configured — the last week of values (+1 slot, so the value one week before the newest
 * sample is still there). JSON-serialisable through lib/detection/codec.
 */
export type ThresholdState = {
  runStart: number;
  reason: ThresholdReason | null;
  firing: { start: number; breachStartIndex: number; reason: ThresholdReason } | null;
  week: Float64Array;
};

export const weekLag = (stepMs: number) => Math.round(WEEK_MS / stepMs);

export function createThresholdState(stepMs: number, t: Thresholds | null | undefined): ThresholdState {
  const len = t?.maxWeeklyDropPercent !== undefined ? weekLag(stepMs) + 1 : 0;
  return { runStart: -1, reason: null, firing: null, week: new Float64Array(len).fill(NaN) };
}

/** The value one week before sample i (NaN when unknown); read before sample i is stored. */
export function weekAgo(st: ThresholdState, i: number, lag: number): number {
  const len = st.week.length;
  return len === 0 || i < lag ? NaN : (st.week[(i - lag) % len] as number);
}

function breach(x0: number, before: number, t: Thresholds): ThresholdReason | null {
  const x = x0;
  // A missing sample is not a breach: no data is not zero (the no_data detector reports it).
  if (x !== x) return null;
  if (x < t.floorRps) return "floor";
  if (t.ceilingRps !== undefined && x > t.ceilingRps) return "ceiling";
  if (t.maxWeeklyDropPercent !== undefined && before === before && x < before * (1 - t.maxWeeklyDropPercent / 100)) return "weeklyDrop";
  return null;
}

/**
 * Evaluates the thresholds like a Prometheus rule with `for:`: a breach must hold on every sample
 * for `forSeconds` before the alert fires; it stops at the first sample without a breach.
 * Step form: values[k] is sample `first + k`; intervals that start are pushed to `out` (and their
 * `end`/`ongoing` kept current while they last).
 */
export function stepThreshold(
  st: ThresholdState,
  values: Float64Array,
  first: number,
  series: { start: number; stepMs: number },
  thresholds: Thresholds,
  out?: FiringInterval[],
): void {
  const { start, stepMs } = series;
  const n = values.length;
  const lag = weekLag(stepMs);
  const forSteps = Math.max(1, Math.ceil((thresholds.forSeconds * 1000) / stepMs));
  const week = st.week;
  const len = week.length;
  let { runStart, reason, firing } = st;
  let live = out && firing ? out.at(-1) : undefined;
  for (let k = 0; k < n; k++) {
    const i = first + k;
    const x = values[k] as number;
    const r = breach(x, weekAgo(st, i, lag), thresholds);
    if (len > 0) week[i % len] = x;
    if (r === null) {
      if (firing && live) {
        live.end = start + i * stepMs;
        live.ongoing = false;
      }
      firing = null;
      live = undefined;
      runStart = -1;
      continue;
    }
    if (runStart < 0) {
      runStart = i;
      reason = r;
    }
    if (!firing && i - runStart + 1 >= forSteps) {
      firing = { start: start + i * stepMs, breachStartIndex: runStart, reason: reason ?? r };
      if (out) {
        live = { start: firing.start, end: firing.start, ongoing: true, reason: firing.reason, breachStartIndex: runStart };
        out.push(live);
      }
    }
    if (live) live.end = start + i * stepMs;
  }
  st.runStart = runStart;
  st.reason = reason;
  st.firing = firing;
}

/** Every firing interval of a whole series; used for "how often would these have fired" dry runs. */
export function firingIntervals(series: Series, thresholds: Thresholds): FiringInterval[] {
  const out: FiringInterval[] = [];
  stepThreshold(createThresholdState(series.stepMs, thresholds), series.values, 0, series, thresholds, out);
  return out;
}

/** The threshold detector: floor (critical), ceiling or weekly drop (warning) while firing. */
export const thresholdDetector: Detector<ThresholdState> = {
  name: "threshold",
  create(grid, settings, recycle) {
    const len = settings.thresholds?.maxWeeklyDropPercent !== undefined ? weekLag(grid.stepMs) + 1 : 0;
    if (recycle && recycle.week.length === len) {
      Object.assign(recycle, { runStart: -1, reason: null, firing: null });
      recycle.week.fill(NaN);
      return recycle;
    }
    return createThresholdState(grid.stepMs, settings.thresholds);
  },
  step(st, c, settings) {
    if (settings.thresholds) stepThreshold(st, c.values, c.first, c, settings.thresholds);
  },
  evaluate(st, at, settings) {
    const th = settings.thresholds;
    const firing = st.firing;
    if (!th || !firing) return { finding: null };
    const last = at.n - 1;
    const weekBefore = weekAgo(st, last, weekLag(at.stepMs));
    const observed = at.observed;
    const dropLimit = weekBefore * (1 - (th.maxWeeklyDropPercent ?? 0) / 100);
    const limit = firing.reason === "floor" ? th.floorRps : firing.reason === "ceiling" ? (th.ceilingRps ?? 0) : dropLimit;
    const what =
      firing.reason === "floor" ? `below its floor of ${rps(th.floorRps)} req/s`
      : firing.reason === "ceiling" ? `above its ceiling of ${rps(th.ceilingRps ?? 0)} req/s`
      : `more than ${th.maxWeeklyDropPercent} % below the same time last week (${rps(weekBefore)} req/s then)`;
    const since = at.start + firing.breachStartIndex * at.stepMs;
    return {
      finding: {
        detector: "threshold", severity: firing.reason === "floor" ? "critical" : "warning", startedAt: since,
        observed, expected: limit, deviation: limit > 0 ? observed / limit - 1 : 0, window: { from: since, to: at.lastTs },
        explanation: `Traffic of ${at.name} has been ${what} since ${clock(since, at.zone)} (now ${rps(observed)} req/s); check the app or adjust its thresholds.`,
      },
    };
  },
};
