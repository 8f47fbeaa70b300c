import type { DetectionSettings } from "./detector";
import { createAppState, stepApp, type AppState } from "./engine";
import type { DetectionResult, Series } from "./types";

export type DetectOptions = DetectionSettings & {
  /** Measure each stage with performance.now() (for the server's stage histograms). */
  timed?: boolean;
};

// The state of the previous call lends its buffers to the next (none of them escapes into a
// result): allocating the anomaly scorer's and the weekly ring's arrays per app would cost about
// as much as scoring a day of samples.
let spare: AppState | undefined;

/**
 * Runs every detector over one app's regular series and returns what holds at its last sample:
 * the incremental step (engine.ts) fed the whole series at once.
 */
export function detectApp(series: Series, opts: DetectOptions = {}): DetectionResult {
  const state = createAppState(series, opts, spare);
  spare = undefined;
  const result = stepApp(state, series.values, opts, { timed: opts.timed });
  spare = state;
  return result;
}
