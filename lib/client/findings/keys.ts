import { TRAFFIC_RANGES, type AnyTrafficRange } from "@/lib/client/use-app-traffic";
import type { FindingStatus } from "./types";

// The detection chart offers every range, 14 days included: slow trends need it.
export const DETECTION_RANGES = TRAFFIC_RANGES;
export type DetectionRange = AnyTrafficRange;

// Under ["apps", …] like every per-app query.
export const findingKeys = {
  app: (appId: string, params: { status: FindingStatus | "all"; limit: number }) => ["apps", "findings", appId, params] as const,
  mine: () => ["me", "findings"] as const,
};

/** Detection runs every minute in the background; findings on screen follow it. */
export const FINDINGS_POLL_MS = 60_000;
