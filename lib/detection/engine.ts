import { createExpectedState, stepExpected, type ExpectedState } from "./expected";
import type { DetectionSettings, Evaluation, Grid, Signals } from "./detector";
import { predictionInterval, readCalibration } from "./interval";
import { DETECTORS } from "./registry";
import type { DetectionResult, Finding, Stage } from "./types";

/**
 * Detection state of one app: the grid, how many samples were fed, the seasonal model, and each
 * registered detector's state. Plain data (typed arrays included): lib/detection/codec turns it
 * into bytes and back, so the server keeps it in the database between ticks.
 */
export type AppState = Grid & {
  version: typeof STATE_VERSION;
  /** Samples fed so far; the next one is sample n, at start + n * stepMs. */
  n: number;
  /** The settings that shape the state (see settingsKey); others apply at evaluation. */
  key: string;
  expected: ExpectedState;
  /** Value, prediction and spread of sample n - 1. */
  last: Float64Array;
  detectors: Record<string, unknown>;
};

/** Bumped whenever a state layout changes: older stored states are then rebuilt from history. */
export const STATE_VERSION = 5;

/**
 * The settings a state depends on: thresholds (run lengths, the week of values kept for a weekly
 * drop), the evaluation interval (how many recent scores are kept) and the model options.
 * Appname, time zone and the anomaly threshold only shape the evaluation.
 */
export function settingsKey(settings: DetectionSettings): string {
  const { thresholds, evaluationIntervalMs, expected, crash, trend } = settings;
  return JSON.stringify({ thresholds: thresholds ?? null, evaluationIntervalMs: evaluationIntervalMs ?? null, expected, crash, trend });
}

/** The state of an empty series on this grid; `recycle` lends its buffers (batch passes). */
export function createAppState(grid: Grid, settings: DetectionSettings, recycle?: AppState): AppState {
  const detectors: Record<string, unknown> = {};
  for (const d of DETECTORS) detectors[d.name] = d.create(grid, settings, recycle?.detectors[d.name]);
  return {
    version: STATE_VERSION, start: grid.start, stepMs: grid.stepMs, n: 0, key: settingsKey(settings),
    expected: createExpectedState(grid.start, grid.stepMs), last: Float64Array.from([NaN, NaN, NaN]), detectors,
  };
}

// Chunk-sized scratch for the predictions: no array escapes a step.
let scratch = new Float64Array(0);
let markScratch = new Uint8Array(0);
function work(n: number) {
  if (scratch.length < 2 * n) scratch = new Float64Array(Math.max(2 * n, 2 * scratch.length));
  if (markScratch.length < n) markScratch = new Uint8Array(Math.max(n, 2 * markScratch.length));
  const marks = markScratch.subarray(0, n);
  marks.fill(0);
  return { expected: scratch.subarray(0, n), spread: scratch.subarray(n, 2 * n), marks };
}

export type StepOptions = {
  /** Measure each stage with performance.now() (the server's stage histograms). */
  timed?: boolean;
};

/**
 * Feeds samples n, n+1, … (a regular grid continuing the state's) through the seasonal model and
 * every detector, mutates `state`, and returns what holds at the latest sample. Feeding a series
 * in chunks of any size gives the same scores and findings as one step over all of it.
 */
export function stepApp(state: AppState, values: Float64Array, settings: DetectionSettings, opts: StepOptions = {}): DetectionResult {
  if (state.key !== settingsKey(settings)) throw new Error("detection state was built with other settings; rebuild it");
  const timings: Partial<Record<Stage, number>> = {};
  let t = opts.timed ? performance.now() : 0;
  const lap = (stage: Stage) => {
    if (!opts.timed) return;
    const now = performance.now();
    timings[stage] = (timings[stage] ?? 0) + (now - t);
    t = now;
  };
  const len = values.length;
  if (len > 0) {
    const { expected, spread, marks } = work(len);
    stepExpected(state.expected, values, state.stepMs, settings.expected ?? {}, expected, spread);
    state.last[0] = values[len - 1] as number;
    state.last[1] = expected[len - 1] as number;
    state.last[2] = spread[len - 1] as number;
    lap("expected");
    const chunk = { start: state.start, stepMs: state.stepMs, first: state.n, values, expected, spread, marks };
    for (const d of DETECTORS) {
      d.step(state.detectors[d.name], chunk, settings);
      lap(d.name);
    }
    state.n += len;
  }
  const result = evaluateApp(state, settings, opts.timed ? lap : undefined);
  return opts.timed ? { ...result, timings } : result;
}

/** What holds at the latest sample fed to `state`. */
export function evaluateApp(state: AppState, settings: DetectionSettings, lap?: (stage: Stage) => void): DetectionResult {
  const { n, start, stepMs } = state;
  if (n === 0) {
    const prediction = { low: NaN, high: NaN, samples: 0, outside: 0, outsideShare: null };
    return { evaluatedAt: start, findings: [], anomalyScore: 0, trendPerDay: null, expected: NaN, observed: NaN, prediction };
  }
  const observed = state.last[0] as number;
  const exp = state.last[1] as number;
  const spread = state.last[2] as number;
  const findings: Finding[] = [];
  const signals: Signals = { anomalyScore: 0, trendPerDay: null };
  const at: Evaluation = {
    start, stepMs, n, lastTs: start + (n - 1) * stepMs, observed, expected: exp,
    band: predictionInterval(exp, spread), name: settings.appName ?? "the app", zone: settings.timeZone, findings,
  };
  for (const d of DETECTORS) {
    const out = d.evaluate(state.detectors[d.name], at, settings);
    if (out.finding) findings.push(out.finding);
    Object.assign(signals, out.signals);
    lap?.(d.name);
  }
  const calibration = readCalibration(state.expected.cal, Math.floor((n - 1) / Math.max(1, Math.round(3_600_000 / stepMs))));
  const prediction = { low: at.band[0], high: at.band[1], ...calibration };
  return { evaluatedAt: at.lastTs, findings, ...signals, expected: exp, observed, prediction };
}
