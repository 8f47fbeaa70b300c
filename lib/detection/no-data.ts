import { clock } from "./explain";
import type { Finding } from "./types";

export type NoDataOptions = {
  /** Missing steps at the end that are normal push/scrape latency, not silence (default 3). */
  toleratedSteps?: number;
  /**
   * The longest silence between two samples this sender had recently (longestSilenceMs over the
   * loaded history). A silence counts only once it is more than twice that: a sender that
   * routinely pauses for an hour (a sensor, a batch exporter) is not down after 20 minutes.
   */
  recentLongestSilenceMs?: number;
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
  if (silentMs <= Math.max((opts.toleratedSteps ?? 3) * stepMs, 2 * (opts.recentLongestSilenceMs ?? 0))) return null;
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


/** How long a sender's habits are remembered: a week (its weekly rhythm) and a day. */
export const SILENCE_MEMORY_MS = 8 * 86_400_000;

/**
 * The longest gap between consecutive timestamps (sorted ascending) within `memoryMs` before the
 * newest one; 0 with fewer than two samples.
 */
export function longestSilenceMs(ts: ArrayLike<number>, memoryMs = SILENCE_MEMORY_MS): number {
  const n = ts.length;
  if (n < 2) return 0;
  const from = (ts[n - 1] as number) - memoryMs;
  let longest = 0;
  for (let i = n - 1; i > 0 && (ts[i - 1] as number) >= from; i--) longest = Math.max(longest, (ts[i] as number) - (ts[i - 1] as number));
  return longest;
}

/**
 * The same longest silence, kept as a stream is fed (the server's detector state and the
 * nab:pages replay): a sliding-window maximum of the gaps between consecutive samples, flat
 * [previous sample ts, gap, …] with the gaps decreasing. pushSilenceGap adds the gap that ends
 * at a new sample; longestRecentSilence drops the gaps whose earlier sample left the memory and
 * answers the longest of the rest, as longestSilenceMs would over the same samples.
 */
export function pushSilenceGap(gaps: number[], prevTs: number, gap: number): void {
  while (gaps.length > 0 && (gaps[gaps.length - 1] as number) <= gap) gaps.length -= 2;
  gaps.push(prevTs, gap);
}

export function longestRecentSilence(gaps: number[], newest: number, memoryMs = SILENCE_MEMORY_MS): number {
  let k = 0;
  while (k < gaps.length && (gaps[k] as number) < newest - memoryMs) k += 2;
  if (k > 0) gaps.splice(0, k);
  return (gaps[1] as number | undefined) ?? 0;
}
