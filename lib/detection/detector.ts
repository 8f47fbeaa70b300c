import type { CrashOptions } from "./crash";
import type { ExpectedOptions } from "./expected";
import type { TrendOptions } from "./trend";
import type { DetectorName, Finding, Thresholds } from "./types";

/** Everything a detection of one app is configured with. */
export type DetectionSettings = {
  /** Name used in explanations ("check whether checkout-api is up"). */
  appName?: string;
  thresholds?: Thresholds | null;
  /** IANA zone for clock times in explanations. */
  timeZone?: string;
  /** Anomaly score at or above which an informational finding is raised. */
  anomalyThreshold?: number;
  /** Time since the previous evaluation: anomalies in that stretch are reported (default 5 steps). */
  evaluationIntervalMs?: number;
  expected?: ExpectedOptions;
  crash?: CrashOptions;
  trend?: TrendOptions;
};

/** Grid of the series: sample i is at `start + i * stepMs`. */
export type Grid = { start: number; stepMs: number };

/** What the crash detector made of a sample (Chunk.marks): an ordinary sample. */
export const MARK_COUNTS = 0;
/** A sample of an open crash, from the one that confirmed it (the held samples before it were its start). */
export const MARK_CRASH = 1;
/** A down sample whose run may still become a crash (see crash.ts, stepCrashes). */
export const MARK_HELD = 2;

/** New samples for a step: values[k] is sample `first + k`, with the seasonal model's prediction. */
export type Chunk = Grid & {
  first: number;
  values: Float64Array;
  expected: Float64Array;
  spread: Float64Array;
  /**
   * Per sample, a MARK_* value: written by the crash detector's step, which runs first (registry.ts),
   * and read by the trend's, which leaves crashes out of its comparisons.
   */
  marks: Uint8Array;
};

/** What a detector sees when asked what holds at the latest sample (index n - 1). */
export type Evaluation = Grid & {
  n: number;
  lastTs: number;
  observed: number;
  expected: number;
  band: [number, number];
  name: string;
  zone: string | undefined;
  /** Findings of the detectors registered before this one. */
  findings: readonly Finding[];
};

/** Per-app numbers shown beside the findings (AppSignal, per-app gauges). */
export type Signals = { anomalyScore: number; trendPerDay: number | null };

/**
 * One detector: a step over a small state. `create` makes the state of an empty series (it may
 * reuse the buffers of `recycle`, a state of an earlier series it owns from now on); `step` feeds
 * new samples and mutates the state; `evaluate` says what holds at the latest sample. The state
 * must survive lib/detection/codec (plain objects, numbers, strings, null, typed arrays).
 * Feeding a series in chunks of any size must give exactly what one step over all of it gives
 * (lib/detection/incremental.test.ts checks every registered detector).
 */
export type Detector<S> = {
  name: DetectorName;
  create(grid: Grid, settings: DetectionSettings, recycle?: S): S;
  step(state: S, chunk: Chunk, settings: DetectionSettings): void;
  evaluate(state: S, at: Evaluation, settings: DetectionSettings): { finding: Finding | null; signals?: Partial<Signals> };
};
