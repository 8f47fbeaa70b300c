import { clock } from "@/lib/detection/explain";

// Pure: the fleet-wide guard. When, in one tick, more than a set share of the apps with recent
// traffic go to no data or crash together, the likely cause is the traffic source (an exporter,
// a pipeline, Prometheus), not the apps: one source_down finding pages the admins, and the
// per-app findings are kept but page nobody.

export type GuardInput = {
  /** Distinct apps whose crash or no_data finding opened in this tick. */
  downApps: number;
  /** Apps that had traffic recently (the denominator). */
  appsWithTraffic: number;
  /** SOURCE_DOWN_PERCENT: more than this share trips the guard. */
  percent: number;
  /** SOURCE_DOWN_MIN_APPS: fewer apps never trip it (2 of 3 apps crashing is two incidents). */
  minApps: number;
};

export function sourceLooksDown(g: GuardInput): boolean {
  const total = Math.max(g.appsWithTraffic, g.downApps);
  if (g.downApps < g.minApps || total === 0) return false;
  return g.downApps / total > g.percent / 100;
}

const count = new Intl.NumberFormat("en-US");

export function sourceDownExplanation(downApps: number, appsWithTraffic: number, atMs: number, timeZone?: string): string {
  const total = Math.max(appsWithTraffic, downApps);
  return `${count.format(downApps)} of ${count.format(total)} apps stopped at ${clock(atMs, timeZone)} — likely the traffic source, not the apps. Their own findings are kept and page nobody while this is open.`;
}

/** The source_down finding resolves once no more than the guard's share is still down. */
export function sourceRecovered(stillDown: number, appsWithTraffic: number, percent: number): boolean {
  const total = Math.max(appsWithTraffic, stillDown);
  return total === 0 || stillDown / total <= percent / 100;
}
