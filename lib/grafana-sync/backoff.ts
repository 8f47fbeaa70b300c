import type { Backoff } from "@/lib/retry/backoff";

// Retry schedule of Grafana sync tasks (lib/retry/backoff): exponential from 5 s, capped at
// 10 min, with *full* jitter: after an outage, thousands of tasks that failed together spread
// over the whole window instead of hitting Grafana again in lockstep. A floor of 1 s keeps a
// zero draw from retrying in a tight loop.
export const GRAFANA_RETRY: Backoff = { baseMs: 5_000, capMs: 10 * 60_000, jitter: "full", floorMs: 1_000 };
export const RETRY_CAP_MS = GRAFANA_RETRY.capMs;

/** Non-retryable failures (400, provenance conflict…) are still tried again, slowly: hourly. */
export const FAILED_RETRY_MS = 60 * 60_000;

/**
 * A task left "running" longer than this (process killed mid-sync) is claimable again. It must
 * exceed the longest drain: a few calls per team at the client's 10 s timeout.
 */
export const RUNNING_LEASE_MS = 5 * 60_000;
