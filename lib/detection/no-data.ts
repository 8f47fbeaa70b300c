import { clock } from "./explain";
import type { Finding } from "./types";

export type NoDataOptions = {
  /** Missing steps at the end that are normal push/scrape latency, not silence (default 3). */
  toleratedSteps?: number;
  appName?: string;
  timeZone?: string;
};

/**
 * No data is not zero: when an app's samples stop arriving, what stopped may be the sender
 * (an exporter, a pipeline, the whole traffic source) rather than the app, so this is its own
 * finding and never a crash. A crash needs samples that say the traffic fell.
 * `lastSampleTs` is the newest sample that arrived; null when there is none in the lookback.
 */
export function detectNoData(lastSampleTs: number | null, nowMs: number, stepMs: number, opts: NoDataOptions = {}): Finding | null {
  if (lastSampleTs === null) return null;
  const silentMs = nowMs - lastSampleTs;
  if (silentMs <= (opts.toleratedSteps ?? 3) * stepMs) return null;
  const since = clock(lastSampleTs, opts.timeZone);
  const minutes = Math.round(silentMs / 60_000);
  return {
    detector: "no_data",
    severity: "warning",
    startedAt: lastSampleTs,
    observed: NaN,
    expected: NaN,
    deviation: minutes,
    window: { from: lastSampleTs, to: nowMs },
    explanation: `No samples from ${opts.appName ?? "the app"} since ${since} (${minutes} min); the sender may be down — this is missing data, not zero traffic.`,
  };
}

