import { TRAFFIC_RANGES, type AnyTrafficRange } from "@/lib/client/use-app-traffic";

// The detection chart offers every range, 14 days included: slow trends need it.
export const DETECTION_RANGES = TRAFFIC_RANGES;
export type DetectionRange = AnyTrafficRange;

/** Detection runs every minute in the background; findings on screen follow it. */
export const FINDINGS_POLL_MS = 60_000;
