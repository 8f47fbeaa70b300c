// The one retry rule of the portal: exponential delays from `baseMs`, doubling per failed
// attempt, capped at `capMs`, jittered so that many failures at once do not retry in lockstep.
// `full` jitter draws uniformly in [floor, ceiling] (spreads an outage's thousands of failures
// over the whole window); `half` keeps at least half the ceiling (a single failed send does
// not retry almost at once). Each caller names its schedule once (notify, Grafana sync).

export type Backoff = { baseMs: number; capMs: number; jitter: "full" | "half"; floorMs?: number };

/** Delay before attempt `attempts + 1`, given `attempts` failures so far (≥ 1). */
export function backoffDelayMs(policy: Backoff, attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  const delay = policy.jitter === "full" ? random() * ceiling : ceiling / 2 + random() * (ceiling / 2);
  return Math.max(policy.floorMs ?? 0, Math.round(delay));
}
