import { env } from "@/lib/env";
import type { TrafficLevels } from "./levels";

export function trafficLevels(): TrafficLevels {
  const e = env();
  return { rawDays: e.TRAFFIC_RAW_DAYS, fiveMinuteDays: e.TRAFFIC_ROLLUP_5M_DAYS, retentionDays: e.TRAFFIC_RETENTION_DAYS };
}
