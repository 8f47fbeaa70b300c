// Retry schedule of Grafana sync tasks. Exponential from 5 s, capped at 10 min, with *full*
// jitter (uniform in [0, ceiling]): after an outage, thousands of tasks that failed together
// spread over the whole window instead of hitting Grafana again in lockstep. A floor of 1 s
// keeps a zero draw from retrying in a tight loop.
export const RETRY_BASE_MS = 5_000;
export const RETRY_CAP_MS = 10 * 60_000;
const RETRY_FLOOR_MS = 1_000;

/** Non-retryable failures (400, provenance conflict…) are still tried again, slowly: hourly. */
export const FAILED_RETRY_MS = 60 * 60_000;

/**
 * A task left "running" longer than this (process killed mid-sync) is claimable again. It must
 * exceed the longest drain: a few calls per team at the client's 10 s timeout.
 */
export const RUNNING_LEASE_MS = 5 * 60_000;

/** Delay before attempt `attempts + 1`, given `attempts` failures so far (≥ 1). */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.max(RETRY_FLOOR_MS, Math.round(random() * ceiling));
}
