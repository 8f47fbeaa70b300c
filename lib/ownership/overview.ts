import "server-only";
import { db } from "@/lib/db/client";
import { appState, responderOf, type AppState } from "./responder";
import { coverageSeries, riskView, utcDay, type RiskApp } from "./risk";
import { DAY_MS } from "./stewardship";
import { loadFleet, type FleetApp } from "./stewardship-load";

export type TeamCounts = { apps: number; owned: number; unowned: number; withBackup: number; ownerAway: number; unreachable: number };

const empty = (): TeamCounts => ({ apps: 0, owned: 0, unowned: 0, withBackup: 0, ownerAway: 0, unreachable: 0 });

// Pure counting of one app into its team's coverage (the overview page and GET /api/overview).
function countApp(c: TeamCounts, state: AppState, hasBackup: boolean): void {
  c.apps += 1;
  if (state === "unowned") c.unowned += 1;
  else c.owned += 1;
  if (hasBackup) c.withBackup += 1;
  if (state === "owner_away" || state === "unreachable") c.ownerAway += 1;
  if (state === "unreachable") c.unreachable += 1;
}

export function toRiskApp(a: FleetApp, now: Date): RiskApp {
  return {
    appId: a.appId, name: a.name, teamId: a.teamId, team: a.team,
    owner: a.owner ? { email: a.owner.email, name: a.owner.name } : null,
    backup: a.backup ? { email: a.backup.email, name: a.backup.name } : null,
    alerting: a.alerting, reachable: a.reachable, stale: a.stewardship.stale,
    noThresholds: a.stewardship.reasons.some((r) => r.code === "no_thresholds"),
    level: a.scorecard.level, recentRps: a.recentRps, responder: responderOf(a.owner, a.backup, now)?.email ?? null,
  };
}

export const COVERAGE_DAYS = 90;
export const MTTA_DAYS = 30;

// GET /api/overview: the coverage table (teams/totals, unchanged) plus the lead's risk view.
export async function teamOverview(now = new Date()) {
  const since = new Date(now.getTime() - MTTA_DAYS * DAY_MS);
  const [teams, fleet, acks, snapshots] = await Promise.all([
    db().team.findMany({ orderBy: { slug: "asc" }, select: { id: true, slug: true, name: true, confirmEveryDays: true } }),
    loadFleet({}, now),
    db().finding.findMany({
      where: { acknowledgedAt: { not: null }, startedAt: { gte: since }, appRef: { not: null } },
      select: { startedAt: true, acknowledgedAt: true, app: { select: { teamId: true } } },
    }),
    db().coverageSnapshot.findMany({
      where: { day: { gt: utcDay(new Date(now.getTime() - COVERAGE_DAYS * DAY_MS)) } },
      select: { teamId: true, day: true, apps: true, owned: true, withBackup: true, reachable: true },
    }),
  ]);
  const byTeam = new Map(teams.map((t) => [t.id, empty()]));
  const totals = empty();
  for (const app of fleet) {
    const owner = app.owner;
    const backup = app.backup;
    const state = appState(owner, backup, now);
    const counts = byTeam.get(app.teamId);
    if (counts) countApp(counts, state, backup !== null);
    countApp(totals, state, backup !== null);
  }
  const risk = riskView(
    teams,
    fleet.map((a) => toRiskApp(a, now)),
    acks.flatMap((f) => (f.app && f.acknowledgedAt ? [{ teamId: f.app.teamId, startedAt: f.startedAt, acknowledgedAt: f.acknowledgedAt }] : [])),
  );
  const riskOf = new Map(risk.teams.map((t) => [t.slug, t]));
  return {
    teams: teams.map((t) => ({ slug: t.slug, name: t.name, ...(byTeam.get(t.id) ?? empty()) })),
    totals,
    risk: {
      teams: teams.map((t) => ({ ...riskOf.get(t.slug)!, confirmEveryDays: t.confirmEveryDays, coverage: coverageSeries(snapshots, t.id) })),
      totals: { ...risk.totals, coverage: coverageSeries(snapshots, null) },
      people: risk.people,
      windows: { mttaDays: MTTA_DAYS, coverageDays: COVERAGE_DAYS },
    },
  };
}
