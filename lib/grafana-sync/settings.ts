import { z } from "zod";

// Worker settings beyond lib/grafana/config.ts (which owns the connection settings).

const schema = z.object({
  GRAFANA_DRIFT_REPAIR: z
    .enum(["auto", "off", ""], { error: 'GRAFANA_DRIFT_REPAIR must be "auto" or "off"' })
    .default("off")
    .transform((v) => (v === "auto" ? "auto" : "off")),
});

export type DriftRepairMode = "auto" | "off";

/** `auto`: every reconcile repairs the drift it finds; `off` (default): it only reports. */
export function driftRepairMode(env: Record<string, string | undefined> = process.env): DriftRepairMode {
  return schema.parse({ GRAFANA_DRIFT_REPAIR: env.GRAFANA_DRIFT_REPAIR }).GRAFANA_DRIFT_REPAIR;
}
