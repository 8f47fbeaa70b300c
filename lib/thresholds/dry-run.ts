import "server-only";
import { appRefOf } from "@/lib/ownership/load";
import { loadHistory } from "@/lib/traffic/history";
import { flattenHistory, sampleCount } from "@/lib/traffic/levels";
import type { ThresholdDryRunInput } from "@/lib/validation/thresholds";
import { dryRunWindow, firingsInWindow } from "./firings";

/**
 * How often these thresholds would have fired over the app's stored traffic of the last 7 days.
 * Older than the raw window, that traffic is 5-minute (or 1-hour) rollups at their mean.
 */
export async function dryRunThresholds(appId: string, input: ThresholdDryRunInput, now = Date.now()) {
  const appRef = await appRefOf(appId);
  const window = dryRunWindow(now);
  const history = await loadHistory(appRef, window.loadFrom, window.to);
  const firings = firingsInWindow(flattenHistory(history), input, window.from, window.to);
  return {
    wouldFire: firings.length > 0,
    firings,
    window: { from: window.from, to: window.to },
    samples: sampleCount(history, window.from),
  };
}
