import type { Gauge } from "prom-client";
import { appState, responderOf, type AppState, type PersonWithAvailability } from "@/lib/ownership/responder";
import type { SnapshotGauge } from "./snapshot-gauge";

// What the database says at scrape time: read by load-snapshot.ts, turned into gauge values here
// (pure, so the unit tests and the benchmark can fill the gauges without a database).

export type SnapshotApp = {
  appId: string;
  teamId: string;
  ownerId: string | null;
  backupId: string | null;
  // from AppSignal (null: the detector has not evaluated the app yet)
  anomalyScore: number | null;
  trendPerDay: number | null;
  expected: number | null;
  predLow: number | null;
  predHigh: number | null;
  outsideShare: number | null;
  // from the highest ThresholdVersion, only when that version is enabled
  floorRps: number | null;
  ceilingRps: number | null;
};

export type DbSnapshot = {
  teams: { id: string; slug: string }[];
  people: PersonWithAvailability[];
  apps: SnapshotApp[];
  /** One row per open finding (few: findings open only while something is wrong). */
  openFindings: { appId: string | null; detector: string; severity: string }[];
  grafanaSyncPending: number;
  grafanaDriftedRules: number;
  /** Meta `grafana.lastSyncSuccess` (ISO string), null when never synced. */
  grafanaLastSyncSuccess: string | null;
};

export type DbGauges = {
  apps: Gauge<"team" | "state">;
  openFindings: Gauge<"detector" | "severity">;
  anomalyScore: SnapshotGauge<"app_id">;
  trendPerDay: SnapshotGauge<"app_id">;
  expected: SnapshotGauge<"app_id">;
  predictionLow: SnapshotGauge<"app_id">;
  predictionHigh: SnapshotGauge<"app_id">;
  predictionOutsideRatio: SnapshotGauge<"app_id">;
  thresholdFloor: SnapshotGauge<"app_id">;
  thresholdCeiling: SnapshotGauge<"app_id">;
  ownerInfo: SnapshotGauge<"app_id" | "team" | "owner" | "backup" | "responder">;
  appOpenFindings: SnapshotGauge<"app_id" | "detector" | "severity">;
  grafanaSyncPending: Gauge;
  grafanaDriftedRules: Gauge;
  grafanaLastSyncSuccess: Gauge;
};

export const APP_STATES: readonly AppState[] = ["owned", "unowned", "owner_away", "unreachable"];
import { FINDING_DETECTORS as DETECTORS, SEVERITIES } from "@/lib/domain/enums";
export { DETECTORS, SEVERITIES };

function* perApp(apps: SnapshotApp[], pick: (a: SnapshotApp) => number | null) {
  for (const a of apps) {
    const v = pick(a);
    if (v !== null) yield [{ app_id: a.appId }, v] as const;
  }
}

export function fillDbGauges(g: DbGauges, s: DbSnapshot, now: Date): void {
  const people = new Map(s.people.map((p) => [p.id, p]));
  const teamSlug = new Map(s.teams.map((t) => [t.id, t.slug]));
  const counts = new Map<string, Map<AppState, number>>();
  for (const t of s.teams) counts.set(t.slug, new Map(APP_STATES.map((st) => [st, 0])));

  const info: [Record<"app_id" | "team" | "owner" | "backup" | "responder", string>, number][] = [];
  for (const a of s.apps) {
    const team = teamSlug.get(a.teamId) ?? "";
    const owner = (a.ownerId && people.get(a.ownerId)) || null;
    const backup = (a.backupId && people.get(a.backupId)) || null;
    const state = appState(owner, backup, now);
    const byState = counts.get(team);
    if (byState) byState.set(state, (byState.get(state) ?? 0) + 1);
    const responder = responderOf(owner, backup, now);
    info.push([{ app_id: a.appId, team, owner: owner?.email ?? "", backup: backup?.email ?? "", responder: responder?.email ?? "" }, 1]);
  }

  g.apps.reset();
  for (const [team, byState] of counts) for (const [state, n] of byState) g.apps.set({ team, state }, n);

  g.openFindings.reset();
  for (const detector of DETECTORS) for (const severity of SEVERITIES) g.openFindings.set({ detector, severity }, 0);
  const totals = new Map<string, { detector: string; severity: string; count: number }>();
  for (const f of s.openFindings) {
    const key = `${f.detector}\u0000${f.severity}`;
    const t = totals.get(key) ?? { detector: f.detector, severity: f.severity, count: 0 };
    t.count += 1;
    totals.set(key, t);
  }
  for (const t of totals.values()) g.openFindings.set({ detector: t.detector, severity: t.severity }, t.count);
  g.appOpenFindings.replace(s.openFindings.flatMap((f) => (f.appId ? [[{ app_id: f.appId, detector: f.detector, severity: f.severity }, 1] as const] : [])));

  g.ownerInfo.replace(info);
  g.anomalyScore.replace(perApp(s.apps, (a) => a.anomalyScore));
  g.trendPerDay.replace(perApp(s.apps, (a) => a.trendPerDay));
  g.expected.replace(perApp(s.apps, (a) => a.expected));
  g.predictionLow.replace(perApp(s.apps, (a) => a.predLow));
  g.predictionHigh.replace(perApp(s.apps, (a) => a.predHigh));
  g.predictionOutsideRatio.replace(perApp(s.apps, (a) => a.outsideShare));
  g.thresholdFloor.replace(perApp(s.apps, (a) => a.floorRps));
  g.thresholdCeiling.replace(perApp(s.apps, (a) => a.ceilingRps));

  g.grafanaSyncPending.set(s.grafanaSyncPending);
  g.grafanaDriftedRules.set(s.grafanaDriftedRules);
  const last = s.grafanaLastSyncSuccess ? Date.parse(s.grafanaLastSyncSuccess) : NaN;
  g.grafanaLastSyncSuccess.set(Number.isFinite(last) ? last / 1000 : 0);
}
