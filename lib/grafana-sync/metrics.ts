import { grafanaMetrics } from "@/lib/metrics/registry";
import type { SyncOutcome } from "./types";

/** The single place the worker feeds `portal_grafana_sync_total{outcome}` (one count per task). */
export function recordSyncOutcome(outcome: SyncOutcome, count: number): void {
  if (count > 0) grafanaMetrics().sync.inc({ outcome }, count);
}
