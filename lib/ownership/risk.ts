// Pure: the lead's risk view — per team and in total — from the per-app facts of
// lib/ownership/stewardship-load.ts. Every number has the app-list filter behind it
// (lib/ownership/list-filters.ts), so the page links each number to its apps.
import type { ScoreLevel } from "./stewardship";

export type RiskApp = {
  appId: string;
  name: string;
  teamId: string;
  team: string;
  owner: { email: string; name: string } | null;
  backup: { email: string; name: string } | null;
  alerting: boolean;
  reachable: boolean;
  stale: boolean;
  noThresholds: boolean;
  level: ScoreLevel;
  recentRps: number | null;
  /** email of whoever would be paged now (owner, or backup while the owner is away/inactive), null for nobody */
  responder: string | null;
};

export type RiskCounts = {
  apps: number;
  alerting: number;
  /** of the alerting apps, those nobody can be reached for (unowned, or nobody reachable) */
  alertingUnreachable: number;
  unowned: number;
  noThresholds: number;
  stale: number;
  scorecard: Record<ScoreLevel, number>;
  /** Mean time to acknowledge (ms) over the last 30 days; null when nothing was acknowledged. */
  mttaMs: number | null;
  acknowledged: number;
};

export type UnownedByTraffic = { appId: string; name: string; team: string; recentRps: number | null };
export type PersonLoad = { email: string; name: string; owns: string[]; backs: string[]; answersNow: number };

export const TOP_UNOWNED = 10;

const emptyCounts = (): RiskCounts => ({
  apps: 0, alerting: 0, alertingUnreachable: 0, unowned: 0, noThresholds: 0, stale: 0,
  scorecard: { none: 0, bronze: 0, silver: 0, gold: 0 }, mttaMs: null, acknowledged: 0,
});

function add(c: RiskCounts, a: RiskApp) {
  c.apps += 1;
  if (a.alerting) c.alerting += 1;
  if (a.alerting && (!a.owner || !a.reachable)) c.alertingUnreachable += 1;
  if (!a.owner) c.unowned += 1;
  if (a.noThresholds) c.noThresholds += 1;
  if (a.stale) c.stale += 1;
  c.scorecard[a.level] += 1;
}

/** Unowned apps, busiest first (apps without traffic last, then by appId). */
export function unownedByTraffic(apps: RiskApp[], limit = TOP_UNOWNED): UnownedByTraffic[] {
  return apps
    .filter((a) => !a.owner)
    .sort((x, y) => (y.recentRps ?? -1) - (x.recentRps ?? -1) || x.appId.localeCompare(y.appId))
    .slice(0, limit)
    .map((a) => ({ appId: a.appId, name: a.name, team: a.team, recentRps: a.recentRps }));
}

/** Who answers for what: every owner or backup, with their apps, busiest first. */
export function whoAnswers(apps: RiskApp[]): PersonLoad[] {
  const people = new Map<string, PersonLoad>();
  const get = (p: { email: string; name: string }) => {
    let v = people.get(p.email);
    if (!v) people.set(p.email, (v = { email: p.email, name: p.name, owns: [], backs: [], answersNow: 0 }));
    return v;
  };
  for (const a of apps) {
    if (a.owner) get(a.owner).owns.push(a.appId);
    if (a.backup) get(a.backup).backs.push(a.appId);
    if (a.responder && people.has(a.responder)) (people.get(a.responder) as PersonLoad).answersNow += 1;
  }
  return [...people.values()].sort((x, y) => y.owns.length + y.backs.length - (x.owns.length + x.backs.length) || x.email.localeCompare(y.email));
}

export type AckSample = { teamId: string; startedAt: Date; acknowledgedAt: Date };

/** Mean of acknowledgedAt − startedAt (ms), or null without samples. */
export function meanTimeToAck(samples: AckSample[]): number | null {
  if (samples.length === 0) return null;
  return samples.reduce((s, x) => s + Math.max(0, x.acknowledgedAt.getTime() - x.startedAt.getTime()), 0) / samples.length;
}

export function riskView(teams: { id: string; slug: string; name: string }[], apps: RiskApp[], acks: AckSample[]) {
  const byTeam = new Map(teams.map((t) => [t.id, emptyCounts()]));
  const totals = emptyCounts();
  for (const a of apps) {
    const c = byTeam.get(a.teamId);
    if (c) add(c, a);
    add(totals, a);
  }
  for (const t of teams) {
    const c = byTeam.get(t.id) as RiskCounts;
    const mine = acks.filter((s) => s.teamId === t.id);
    c.mttaMs = meanTimeToAck(mine);
    c.acknowledged = mine.length;
  }
  totals.mttaMs = meanTimeToAck(acks);
  totals.acknowledged = acks.length;
  return {
    teams: teams.map((t) => ({
      slug: t.slug, name: t.name, ...(byTeam.get(t.id) as RiskCounts),
      unownedByTraffic: unownedByTraffic(apps.filter((a) => a.teamId === t.id), 5),
    })),
    totals: { ...totals, unownedByTraffic: unownedByTraffic(apps) },
    people: whoAnswers(apps),
  };
}

export type CoverageRow = { teamId: string; day: string; apps: number; owned: number; withBackup: number; reachable: number };
export type CoveragePoint = { day: string; apps: number; owned: number; withBackup: number; reachable: number };

/** Coverage per day (oldest first) for one team (teamId) or all teams summed (null). */
export function coverageSeries(rows: CoverageRow[], teamId: string | null): CoveragePoint[] {
  const byDay = new Map<string, CoveragePoint>();
  for (const r of rows) {
    if (teamId !== null && r.teamId !== teamId) continue;
    const p = byDay.get(r.day) ?? { day: r.day, apps: 0, owned: 0, withBackup: 0, reachable: 0 };
    p.apps += r.apps;
    p.owned += r.owned;
    p.withBackup += r.withBackup;
    p.reachable += r.reachable;
    byDay.set(r.day, p);
  }
  return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
}

/** A team's snapshot for one day from its apps' facts. */
export function coverageOf(apps: Pick<RiskApp, "owner" | "backup" | "reachable">[]): Omit<CoveragePoint, "day"> {
  return {
    apps: apps.length,
    owned: apps.filter((a) => a.owner).length,
    withBackup: apps.filter((a) => a.owner && a.backup).length,
    reachable: apps.filter((a) => a.owner && a.reachable).length,
  };
}

export const utcDay = (d: Date) => d.toISOString().slice(0, 10);
