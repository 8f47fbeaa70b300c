import "server-only";
import { appRefOf } from "@/lib/ownership/load";
import { loadTraffic } from "@/lib/traffic/load";
import type { ThresholdDryRunInput } from "@/lib/validation/thresholds";
import { dryRunWindow, firingsInWindow } from "./firings";

/** How often these thresholds would have fired over the app's stored traffic of the last 7 days. */
export async function dryRunThresholds(appId: string, input: ThresholdDryRunInput, now = Date.now()) {
  const appRef = await appRefOf(appId);
  const window = dryRunWindow(now);
  const raw = await loadTraffic(appRef, window.loadFrom, window.to);
  const firings = firingsInWindow(raw, input, window.from, window.to);
  const samples = raw.ts.filter((t) => t >= window.from).length;
  return {
    wouldFire: firings.length > 0,
    firings,
    window: { from: window.from, to: window.to },
    samples,
  };
}
