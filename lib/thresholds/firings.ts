import { prepareSeries } from "@/lib/detection/prepare";
import { firingIntervals, type ThresholdReason } from "@/lib/detection/threshold";
import { WEEK_MS, type RawSeries } from "@/lib/detection/types";
import { detectionThresholds } from "./view";

export type DryRunThresholds = {
  floorRps: number;
  ceilingRps?: number | null;
  maxWeeklyDropPercent?: number | null;
  for: string;
};

export type Firing = { start: number; end: number; ongoing: boolean; reason: ThresholdReason };

/**
 * When the thresholds would have fired within [from, to), evaluated exactly like the live
 * detector (same `for` semantics, via the detection library). `raw` should reach one week
 * before `from` so the weekly-drop comparison has something to compare with. The grid spans
 * only the stored samples: a dry run reports on traffic we have, not on silence we assume.
 */
export function firingsInWindow(raw: RawSeries, t: DryRunThresholds, from: number, to: number): Firing[] {
  if (raw.ts.length === 0) return [];
  // what would fire, even while alerting is paused
  const thresholds = detectionThresholds({ ...t, enabled: true });
  if (thresholds === null) throw new Error(`Not a Prometheus duration: ${t.for}`);
  const series = prepareSeries(raw);
  const intervals = firingIntervals(series, thresholds);
  return intervals
    .filter((f) => f.end >= from && f.start < to)
    .map((f) => ({ start: Math.max(f.start, from), end: Math.min(f.end, to), ongoing: f.ongoing, reason: f.reason }));
}

/** The window a dry run reports on (the last 7 days) and the span it loads (one week more). */
export function dryRunWindow(now: number) {
  const from = now - WEEK_MS;
  return { from, to: now, loadFrom: from - WEEK_MS };
}
