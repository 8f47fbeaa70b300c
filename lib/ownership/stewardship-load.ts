import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import { placeholders } from "@/lib/db/sql";
import { seriesKeys } from "@/lib/traffic/keys";
import { env } from "@/lib/env";
import { policyFromRow, schedule } from "@/lib/notify/escalation-policy";
import { APP_KIND, chunks } from "@/lib/grafana-sync/plan";
import { isGrafanaConfigured } from "@/lib/grafana-sync/status";
import { severityRank } from "./list-filters";
import {
  DAY_MS, IGNORED_WINDOW_DAYS, OUTDATED_WINDOW_DAYS, scorecardOf, someoneReachable, stewardshipOf,
  type CriticalFinding, type Scorecard, type StewardPerson, type Stewardship, type StewardshipFacts, type ThresholdFacts,
} from "./stewardship";

// Loads the facts lib/ownership/stewardship.ts decides on, for one app or a whole fleet, in a
// fixed number of queries (not per app): apps with owner/backup, latest thresholds, open and
// recent critical findings, daily traffic means, failing deliveries, Grafana sync state.

export const stewardPersonSelect = {
  id: true, email: true, name: true, awayFrom: true, awayUntil: true, active: true, teamId: true, notifyEmail: true, notifyWebhook: true,
} as const;

const appSelect = {
  id: true, appId: true, name: true, teamId: true, confirmedAt: true,
  team: { select: { slug: true, name: true, confirmEveryDays: true, escalation: { select: { steps: true, repeat: true } } } },
  ownership: { select: { since: true, owner: { select: stewardPersonSelect }, backup: { select: stewardPersonSelect } } },
  syncState: { select: { state: true } },
} as const;

export type FleetPerson = StewardPerson & { email: string };
export type SyncStateName = "synced" | "pending" | "failed" | "not_configured";
export type WorstFinding = { severity: string; detector: string; startedAt: string; count: number };

export type FleetApp = {
  ref: string;
  appId: string;
  name: string;
  teamId: string;
  team: string;
  teamName: string;
  owner: FleetPerson | null;
  backup: FleetPerson | null;
  facts: StewardshipFacts;
  stewardship: Stewardship;
  scorecard: Scorecard;
  /** Worst open finding (critical > warning > info, then oldest), null when none is open. */
  worstFinding: WorstFinding | null;
  /** An open finding that is not silenced: the app is alerting now. */
  alerting: boolean;
  /** Someone who would be paged can be reached (lib/ownership/stewardship.ts someoneReachable). */
  reachable: boolean;
  sync: SyncStateName;
  /** Mean traffic (req/s) over the last 7 complete days; null without traffic. */
  recentRps: number | null;
};

const rank = severityRank;

/** Escalation time of a policy: when its last step (with repeats) is due after the finding opened. */
export function escalationMsOf(row: { steps: string; repeat: number } | null): number {
  return schedule(policyFromRow(row)).at(-1)?.offsetMs ?? 0;
}

type DayRow = { appRef: string; day: unknown; total: unknown; n: unknown };

// Sum and count of every stored sample per app and UTC day, over all three traffic levels
// (each sample is at exactly one level, so the sums add up).
// `keys`: only these series (a few apps: each level is read by its (key, ts) primary key);
// null: every series (the whole fleet, one pass over the window).
const DAILY = (p: string[], keys: number[] | null) => {
  const only = keys ? ` AND "key" IN (${keys.join(", ")})` : "";
  return `SELECT s."appRef" AS "appRef", x.day AS day, SUM(x.total) AS total, SUM(x.n) AS n FROM (
  SELECT "key", "ts" / 86400 AS day, SUM("value") AS total, COUNT(*) AS n FROM "TrafficSample" WHERE "ts" >= ${p[0]} AND "ts" < ${p[1]}${only} GROUP BY "key", "ts" / 86400
  UNION ALL SELECT "key", "bucket" / 86400 AS day, SUM("sum") AS total, SUM("count") AS n FROM "TrafficRollup5m" WHERE "bucket" >= ${p[2]} AND "bucket" < ${p[3]}${only} GROUP BY "key", "bucket" / 86400
  UNION ALL SELECT "key", "bucket" / 86400 AS day, SUM("sum") AS total, SUM("count") AS n FROM "TrafficRollup1h" WHERE "bucket" >= ${p[4]} AND "bucket" < ${p[5]}${only} GROUP BY "key", "bucket" / 86400
) x JOIN "TrafficSeries" s ON s."key" = x."key" GROUP BY s."appRef", x.day`;
};

const KEYS_PER_QUERY = 1_000;

/** Per app: day start (epoch ms) → { total, n } for the complete UTC days in [fromMs, toMs).
 * The whole fleet is one scan of the period; a subset (one team, a search) reads only its own
 * series, by key, a bounded IN list per query. */
async function dailyTraffic(refs: Set<string>, fromMs: number, toMs: number, whole: boolean): Promise<Map<string, Map<number, { total: number; n: number }>>> {
  const out = new Map<string, Map<number, { total: number; n: number }>>();
  if (refs.size === 0) return out;
  // integers from the database (TrafficSeries.key), so they are safe to inline
  const keys = whole ? null : [...(await seriesKeys([...refs], false)).values()].filter((k) => Number.isInteger(k));
  if (keys?.length === 0) return out;
  const from = BigInt(Math.floor(fromMs / 1000));
  const to = BigInt(Math.floor(toMs / 1000));
  const slices = keys ? chunks(keys, KEYS_PER_QUERY) : [null];
  for (const slice of slices) {
    const rows = await db().$queryRawUnsafe<DayRow[]>(DAILY(placeholders(6), slice), from, to, from, to, from, to);
    for (const r of rows) {
      if (!refs.has(r.appRef)) continue;
      const days = out.get(r.appRef) ?? new Map<number, { total: number; n: number }>();
      days.set(Number(r.day) * DAY_MS, { total: Number(r.total), n: Number(r.n) });
      out.set(r.appRef, days);
    }
  }
  return out;
}

/** Users whose latest notification (last 30 days) finally failed. */
async function failingRecipients(userIds: string[], now: Date): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db().notification.findMany({
    where: { userId: { in: userIds }, status: { in: ["sent", "failed"] }, createdAt: { gte: new Date(now.getTime() - 30 * DAY_MS) } },
    orderBy: { createdAt: "desc" },
    select: { userId: true, status: true },
  });
  const seen = new Set<string>();
  const failing = new Set<string>();
  for (const r of rows) {
    if (!r.userId || seen.has(r.userId)) continue;
    seen.add(r.userId);
    if (r.status === "failed") failing.add(r.userId);
  }
  return failing;
}

export async function loadFleet(where: Prisma.AppWhereInput = {}, now = new Date()): Promise<FleetApp[]> {
  const apps = await db().app.findMany({ where, select: appSelect, orderBy: { appId: "asc" } });
  if (apps.length === 0) return [];
  const refs = apps.map((a) => a.id);
  const refSet = new Set(refs);
  const ignoredSince = new Date(now.getTime() - IGNORED_WINDOW_DAYS * DAY_MS);
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const people = [...new Set(apps.flatMap((a) => [a.ownership?.owner.id, a.ownership?.backup?.id]).filter((id): id is string => Boolean(id)))];
  const grafana = isGrafanaConfigured();
  // the whole fleet: read every row instead of listing thousands of ids as parameters
  const whole = Object.keys(where).length === 0;

  const [thresholdRows, findings, traffic, failing, tasks] = await Promise.all([
    db().thresholdVersion.findMany({
      where: whole ? {} : { appRef: { in: refs } },
      orderBy: [{ appRef: "asc" }, { version: "desc" }],
      select: { appRef: true, floorRps: true, ceilingRps: true, enabled: true, createdAt: true },
    }),
    db().finding.findMany({
      where: { appRef: whole ? { not: null } : { in: refs }, OR: [{ status: "open" }, { severity: "critical", startedAt: { gte: ignoredSince } }] },
      select: { appRef: true, detector: true, severity: true, status: true, startedAt: true, acknowledgedAt: true, resolvedAt: true, pageState: true, silenceId: true },
    }),
    dailyTraffic(refSet, today - (OUTDATED_WINDOW_DAYS + 1) * DAY_MS, today, whole),
    failingRecipients(people, now),
    grafana ? db().outboxTask.findMany({ where: { kind: APP_KIND, ...(whole ? {} : { subject: { in: apps.map((a) => a.appId) } }) }, select: { subject: true, status: true } }) : Promise.resolve([]),
  ]);

  const thresholds = new Map<string, ThresholdFacts>();
  for (const t of thresholdRows) {
    if (!thresholds.has(t.appRef)) thresholds.set(t.appRef, { floorRps: t.floorRps, ceilingRps: t.ceilingRps, enabled: t.enabled, setAt: t.createdAt });
  }
  const open = new Map<string, typeof findings>();
  const critical = new Map<string, CriticalFinding[]>();
  for (const f of findings) {
    if (!f.appRef) continue;
    if (f.status === "open") open.set(f.appRef, [...(open.get(f.appRef) ?? []), f]);
    if (f.severity === "critical" && f.startedAt >= ignoredSince) {
      critical.set(f.appRef, [...(critical.get(f.appRef) ?? []), { startedAt: f.startedAt, acknowledgedAt: f.acknowledgedAt, resolvedAt: f.resolvedAt, paged: f.pageState === "paged" }]);
    }
  }
  const taskOf = new Map(tasks.map((t) => [t.subject, t.status]));
  const smtp = Boolean(env().SMTP_URL);
  const person = (p: Prisma.UserGetPayload<{ select: typeof stewardPersonSelect }>): FleetPerson => ({
    ...p,
    deliveryFailing: failing.has(p.id),
  });

  return apps.map((a) => {
    const owner = a.ownership ? person(a.ownership.owner) : null;
    const backup = a.ownership?.backup ? person(a.ownership.backup) : null;
    const days = traffic.get(a.id) ?? new Map<number, { total: number; n: number }>();
    const dailyMeans = new Map([...days].filter(([, v]) => v.n > 0).map(([d, v]) => [d, v.total / v.n]));
    const facts: StewardshipFacts = {
      teamId: a.teamId,
      confirmEveryDays: a.team.confirmEveryDays,
      confirmedAt: a.confirmedAt,
      ownerSince: a.ownership?.since ?? null,
      owner,
      backup,
      smtp,
      thresholds: thresholds.get(a.id) ?? null,
      dailyMeans,
      criticalFindings: critical.get(a.id) ?? [],
      escalationMs: escalationMsOf(a.team.escalation),
    };
    const stewardship = stewardshipOf(facts, now);
    const openHere = (open.get(a.id) ?? []).sort((x, y) => rank(x.severity) - rank(y.severity) || x.startedAt.getTime() - y.startedAt.getTime());
    const worst = openHere[0];
    let total = 0;
    let n = 0;
    for (const v of days.values()) {
      total += v.total;
      n += v.n;
    }
    const task = taskOf.get(a.appId);
    const sync: SyncStateName = !grafana
      ? "not_configured"
      : task
        ? task === "failed" ? "failed" : "pending"
        : a.syncState?.state === "synced" ? "synced" : a.syncState?.state === "failed" ? "failed" : "pending";
    return {
      ref: a.id,
      appId: a.appId,
      name: a.name,
      teamId: a.teamId,
      team: a.team.slug,
      teamName: a.team.name,
      owner,
      backup,
      facts,
      stewardship,
      scorecard: scorecardOf(facts, stewardship.reasons, now),
      worstFinding: worst ? { severity: worst.severity, detector: worst.detector, startedAt: worst.startedAt.toISOString(), count: openHere.length } : null,
      alerting: openHere.some((f) => f.silenceId === null && f.pageState !== "silenced"),
      reachable: someoneReachable(owner, backup, smtp, now),
      sync,
      recentRps: n > 0 ? total / n : null,
    };
  });
}

/** One app's stewardship and scorecard (the app view). */
export async function appStewardship(appRef: string, now = new Date()) {
  const [app] = await loadFleet({ id: appRef }, now);
  if (!app) return null;
  return { stewardship: app.stewardship, scorecard: app.scorecard, worstFinding: app.worstFinding, sync: app.sync };
}
