import type { Backoff } from "@/lib/retry/backoff";

// Retry schedule for notifications (lib/retry/backoff): exponential from 30 s, capped at 30 min,
// half of it jittered; given up after MAX_ATTEMPTS.
export const MAX_ATTEMPTS = 6;
export const NOTIFY_RETRY: Backoff = { baseMs: 30_000, capMs: 30 * 60_000, jitter: "half" };
