import { TRAFFIC_RANGES } from "@/lib/client/thresholds/keys";
import type { FindingStatus } from "./types";

const DAY_MS = 86_400_000;

// The detection chart offers a longer look back than the threshold editor: slow trends need it.
export const DETECTION_RANGES = { ...TRAFFIC_RANGES, "14d": { ms: 14 * DAY_MS, stepSeconds: 3600 } } as const;
export type DetectionRange = keyof typeof DETECTION_RANGES;

// Under ["apps", …] like every per-app query. The traffic key has the threshold chart's shape
// (["apps", "traffic", appId, { range }]) and 24 h / 7 d use its steps, so both charts share one
// cache entry and one request per range.
export const findingKeys = {
  app: (appId: string, params: { status: FindingStatus | "all"; limit: number }) => ["apps", "findings", appId, params] as const,
  mine: () => ["me", "findings"] as const,
  traffic: (appId: string, range: DetectionRange) => ["apps", "traffic", appId, { range }] as const,
};

/** Detection runs every minute in the background; findings on screen follow it. */
export const FINDINGS_POLL_MS = 60_000;
