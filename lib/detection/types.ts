/** Raw samples as loaded from storage: epoch-ms timestamps, requests per second. */
export type RawSeries = {
  ts: ArrayLike<number>;
  values: ArrayLike<number>;
};

/** A regular series: sample i is at `start + i * stepMs`. NaN marks a missing sample. */
export type Series = {
  start: number;
  stepMs: number;
  values: Float64Array;
};

// The domain's detector and severity words are defined once, in lib/domain/enums.
import type { DetectorName, FindingDetectorName, Severity } from "@/lib/domain/enums";
export type { DetectorName, FindingDetector, FindingDetectorName, Severity } from "@/lib/domain/enums";

/** A candidate finding; the server stores it, keyed by (appId, detector). */
export type Finding = {
  detector: FindingDetectorName;
  severity: Severity;
  startedAt: number;
  observed: number;
  expected: number;
  band?: [number, number];
  /** Detector-specific size of the deviation: fraction below expected, rate per day, score. */
  deviation: number;
  window: { from: number; to: number };
  explanation: string;
};

/** Configured thresholds of one app. */
export type Thresholds = {
  floorRps: number;
  ceilingRps?: number;
  /** Fire when traffic is this many percent below the same time one week earlier. */
  maxWeeklyDropPercent?: number;
  forSeconds: number;
};

export type Stage = "expected" | DetectorName;

export type DetectionResult = {
  evaluatedAt: number;
  /** Findings that hold at the latest sample (at most one per detector). */
  findings: Finding[];
  /** Anomaly score of the latest sample, in [0, 1]. */
  anomalyScore: number;
  /** Trend as a fraction per day (-0.02 = losing 2 %/day); null with < 4 days of data. */
  trendPerDay: number | null;
  /** Prediction for the latest sample, req/s. */
  expected: number;
  observed: number;
  /**
   * The 99 % prediction interval the detectors used for the latest sample (req/s; NaN before any
   * prediction) and its calibration: of the `samples` samples of the last week that were predicted
   * from a learnt daily profile, `outside` fell outside their own interval (≈ 1 % when it holds).
   */
  prediction: Prediction;
  /** Milliseconds spent per stage, when `timed` was requested. */
  timings?: Partial<Record<Stage, number>>;
};

export type Prediction = { low: number; high: number; samples: number; outside: number; outsideShare: number | null };

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;
