import { anomalyScores } from "./anomaly";
import { scanCrashes, type CrashOptions } from "./crash";
import { expectedModel, type ExpectedModel, type ExpectedOptions } from "./expected";
import { clock, percent, rps } from "./explain";
import { firingIntervals } from "./threshold";
import { estimateTrend, type TrendOptions } from "./trend";
import { DAY_MS, WEEK_MS, type DetectionResult, type Finding, type Series, type Stage, type Thresholds } from "./types";

export type DetectOptions = {
  /** Name used in explanations ("check whether checkout-api is up"). */
  appName?: string;
  thresholds?: Thresholds | null;
  /** IANA zone for clock times in explanations. */
  timeZone?: string;
  /** Anomaly score at or above which an informational finding is raised. */
  anomalyThreshold?: number;
  /** Time since the previous evaluation: anomalies in that stretch are reported (default 5 steps). */
  evaluationIntervalMs?: number;
  /** Measure each stage with performance.now() (for the server's stage histograms). */
  timed?: boolean;
  expected?: ExpectedOptions;
  crash?: CrashOptions;
  trend?: TrendOptions;
};

// Scratch arrays reused across calls (none of them escapes into the result): allocating three
// arrays per app would cost about as much as the expected-value model itself.
let scratch = new Float64Array(0);
function work(n: number): { model: ExpectedModel; scores: Float64Array } {
  if (scratch.length < 3 * n) scratch = new Float64Array(3 * n);
  return {
    model: { expected: scratch.subarray(0, n), spread: scratch.subarray(n, 2 * n) },
    scores: scratch.subarray(2 * n, 3 * n),
  };
}

/** Runs every detector over one app's regular series and returns what holds at its last sample. */
export function detectApp(series: Series, opts: DetectOptions = {}): DetectionResult {
  const { values, start, stepMs } = series;
  const n = values.length;
  const last = n - 1;
  const lastTs = start + last * stepMs;
  const at = (i: number) => start + i * stepMs;
  const name = opts.appName ?? "the app";
  const zone = opts.timeZone;
  const timings: Partial<Record<Stage, number>> = {};
  let t = opts.timed ? performance.now() : 0;
  const lap = (stage: Stage) => {
    if (!opts.timed) return;
    const now = performance.now();
    timings[stage] = now - t;
    t = now;
  };
  const findings: Finding[] = [];
  if (n === 0) {
    return { evaluatedAt: start, findings, anomalyScore: 0, trendPerDay: null, expected: NaN, observed: NaN };
  }
  const observed = values[last] as number;

  const buffers = work(n);
  const model = expectedModel(series, opts.expected, buffers.model);
  const exp = model.expected[last] as number;
  const spread = model.spread[last] as number;
  const band: [number, number] = [Math.max(0, exp - 3 * spread), exp + 3 * spread];
  lap("expected");

  const crash = scanCrashes(values, model.expected, opts.crash).at(-1);
  if (crash && crash.end === -1) {
    const from = at(crash.start);
    const seen = observed === observed ? observed : 0;
    findings.push({
      detector: "crash", severity: "critical", startedAt: from, observed: seen, expected: exp, band,
      deviation: exp > 0 ? 1 - seen / exp : 1, window: { from, to: lastTs },
      explanation: `Traffic fell to ${rps(seen)} req/s at ${clock(from, zone)}, far below the ${rps(exp)} req/s expected at this time of day; check whether ${name} is up.`,
    });
  }
  lap("crash");

  const trend = estimateTrend(series, opts.trend);
  if (trend?.significant) {
    const loss = trend.ratePerDay < 0;
    const from = lastTs - 3 * DAY_MS;
    const basis = trend.basis === "week" ? "compared with the same weekdays last week" : "day over day";
    findings.push({
      detector: "trend", severity: loss ? "warning" : "info", startedAt: from, observed, expected: exp,
      deviation: trend.ratePerDay, window: { from, to: lastTs },
      explanation: loss
        ? `Traffic of ${name} has been falling about ${percent(trend.ratePerDay)} per day over the last days (${basis}); look for a release, a failing client or users moving away.`
        : `Traffic of ${name} has been growing about ${percent(trend.ratePerDay)} per day over the last days (${basis}); check that it has capacity to spare.`,
    });
  }
  lap("trend");

  const th = opts.thresholds;
  const firing = th ? firingIntervals(series, th).at(-1) : undefined;
  if (th && firing?.ongoing) {
    const weekAgo = values[last - Math.round(WEEK_MS / stepMs)] ?? NaN;
    const dropLimit = weekAgo * (1 - (th.maxWeeklyDropPercent ?? 0) / 100);
    const limit = firing.reason === "floor" ? th.floorRps : firing.reason === "ceiling" ? (th.ceilingRps ?? 0) : dropLimit;
    const what =
      firing.reason === "floor" ? `below its floor of ${rps(th.floorRps)} req/s`
      : firing.reason === "ceiling" ? `above its ceiling of ${rps(th.ceilingRps ?? 0)} req/s`
      : `more than ${th.maxWeeklyDropPercent} % below the same time last week (${rps(weekAgo)} req/s then)`;
    const since = at(firing.breachStartIndex);
    findings.push({
      detector: "threshold", severity: firing.reason === "floor" ? "critical" : "warning", startedAt: since,
      observed, expected: limit, deviation: limit > 0 ? observed / limit - 1 : 0, window: { from: since, to: lastTs },
      explanation: `Traffic of ${name} has been ${what} since ${clock(since, zone)} (now ${rps(observed)} req/s); check the app or adjust its thresholds.`,
    });
  }
  lap("threshold");

  const scores = anomalyScores(values, { stepMs }, buffers.scores);
  const score = scores[last] as number;
  // The score spikes on one sample and is then muted, so look back over the evaluation interval.
  const lookback = Math.max(1, Math.round((opts.evaluationIntervalMs ?? 5 * stepMs) / stepMs));
  let peak = last;
  for (let i = Math.max(0, n - lookback); i < n; i++) if ((scores[i] as number) > (scores[peak] as number)) peak = i;
  const peakScore = scores[peak] as number;
  if (peakScore >= (opts.anomalyThreshold ?? 0.95) && !findings.some((f) => f.detector === "crash")) {
    const when = at(peak);
    const seen = values[peak] as number;
    const wanted = model.expected[peak] as number;
    findings.push({
      detector: "anomaly", severity: "info", startedAt: when, observed: seen, expected: wanted, band,
      deviation: peakScore, window: { from: at(n - lookback), to: lastTs },
      explanation: `Traffic of ${rps(seen)} req/s at ${clock(when, zone)} is unlike anything seen before for ${name} (anomaly score ${peakScore.toFixed(2)}; about ${rps(wanted)} req/s was expected); look at its recent changes.`,
    });
  }
  lap("anomaly");

  return {
    evaluatedAt: lastTs, findings, anomalyScore: score, trendPerDay: trend ? trend.ratePerDay : null,
    expected: exp, observed, ...(opts.timed ? { timings } : {}),
  };
}
