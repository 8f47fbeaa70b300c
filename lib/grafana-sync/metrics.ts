import type { SyncOutcome } from "./types";

/**
 * The single call site for the sync metric. lib/metrics/registry.ts (another engineer's
 * `grafanaMetrics().sync.inc({ outcome })`) did not exist when this was written: wire it here,
 * e.g. `grafanaMetrics().sync.inc({ outcome }, count)`, and nothing else has to change.
 */
export function recordSyncOutcome(outcome: SyncOutcome, count: number): void {
  if (count <= 0) return;
  void outcome;
}
