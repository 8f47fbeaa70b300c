import { env } from "@/lib/env";

export type DriftRepairMode = "auto" | "off";

/** `auto`: every reconcile repairs the drift it finds; `off` (default): it only reports (GRAFANA_DRIFT_REPAIR in lib/env). */
export function driftRepairMode(): DriftRepairMode {
  return env().GRAFANA_DRIFT_REPAIR;
}
