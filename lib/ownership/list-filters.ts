// Pure: the app list's computed filters and sorts (worst open finding, Grafana sync state,
// stewardship), applied to the per-app facts of lib/ownership/stewardship-load.ts.
import { SEVERITIES, type Severity } from "@/lib/domain/enums";
import type { FleetApp, SyncStateName } from "./stewardship-load";

/** critical 0, warning 1, info 2 (the order of lib/domain/enums SEVERITIES); anything else after. */
export function severityRank(s: string): number {
  const i = (SEVERITIES as readonly string[]).indexOf(s);
  return i === -1 ? SEVERITIES.length : i;
}

export type ListFilter = "all" | "mine" | "unowned" | "stale" | "no_thresholds" | "alerting" | "alerting_unreachable" | "not_confirmed";
export type ListSort = "appId" | "finding" | "sync" | "traffic";
export type FindingFilter = Severity | "any" | "none";

type Row = Pick<FleetApp, "appId" | "owner" | "alerting" | "reachable" | "worstFinding" | "sync" | "recentRps"> & {
  stewardship: Pick<FleetApp["stewardship"], "stale" | "reasons">;
  scorecard?: Pick<FleetApp["scorecard"], "level">;
};

export const matchesLevel = (a: Row, level: string | undefined) => !level || a.scorecard?.level === level;

export function matchesFilter(a: Row, filter: ListFilter): boolean {
  const has = (code: string) => a.stewardship.reasons.some((r) => r.code === code);
  switch (filter) {
    case "stale": return a.stewardship.stale;
    case "no_thresholds": return has("no_thresholds");
    case "not_confirmed": return has("not_confirmed");
    case "alerting": return a.alerting;
    case "alerting_unreachable": return a.alerting && (!a.owner || !a.reachable);
    case "unowned": return !a.owner;
    default: return true;
  }
}

export function matchesFinding(a: Row, f: FindingFilter | undefined): boolean {
  if (!f) return true;
  if (f === "any") return a.worstFinding !== null;
  if (f === "none") return a.worstFinding === null;
  return a.worstFinding?.severity === f;
}

// failed first: what needs a look comes first
const SYNC_RANK: Record<SyncStateName, number> = { failed: 0, pending: 1, synced: 2, not_configured: 3 };
const worstRank = (a: Row) => (a.worstFinding ? severityRank(a.worstFinding.severity) : 9);

/** finding: worst open finding first; sync: failed, pending, synced; traffic: busiest first; ties by appId. */
export function compareBy(sort: ListSort): (x: Row, y: Row) => number {
  const byId = (x: Row, y: Row) => x.appId.localeCompare(y.appId);
  if (sort === "finding") return (x, y) => worstRank(x) - worstRank(y) || byId(x, y);
  if (sort === "sync") return (x, y) => SYNC_RANK[x.sync] - SYNC_RANK[y.sync] || byId(x, y);
  if (sort === "traffic") return (x, y) => (y.recentRps ?? -1) - (x.recentRps ?? -1) || byId(x, y);
  return byId;
}

/** Whether the list needs every matching app's facts (not just one page's) to filter or sort. */
export const needsFleet = (q: { filter: ListFilter; finding?: FindingFilter; sync?: string; level?: string; sort: ListSort }) =>
  !["all", "mine", "unowned"].includes(q.filter) || q.finding !== undefined || q.sync !== undefined || q.level !== undefined || q.sort !== "appId";
