import "server-only";
import { db } from "@/lib/db/client";
import { personSelect } from "@/lib/ownership/views";
import type { DbSnapshot, SnapshotApp } from "./db-snapshot";

export const GRAFANA_LAST_SYNC_KEY = "grafana.lastSyncSuccess";

// One row per app: ownership ids, the detector's latest signal, and the highest threshold
// version when it is enabled. One query instead of one per app; the correlated MAX uses the
// (appRef, version) unique index. Plain SQL that runs unchanged on SQLite and PostgreSQL.
async function loadApps(): Promise<SnapshotApp[]> {
  return db().$queryRaw<SnapshotApp[]>`
    SELECT a."appId" AS "appId", a."teamId" AS "teamId",
           o."ownerId" AS "ownerId", o."backupId" AS "backupId",
           s."anomalyScore" AS "anomalyScore", s."trendPerDay" AS "trendPerDay", s."expected" AS "expected",
           s."predLow" AS "predLow", s."predHigh" AS "predHigh", s."outsideShare" AS "outsideShare",
           t."floorRps" AS "floorRps", t."ceilingRps" AS "ceilingRps"
    FROM "App" a
    LEFT JOIN "Ownership" o ON o."appRef" = a."id"
    LEFT JOIN "AppSignal" s ON s."appRef" = a."id"
    LEFT JOIN "ThresholdVersion" t ON t."appRef" = a."id" AND t."enabled" = true
      AND t."version" = (SELECT MAX(v."version") FROM "ThresholdVersion" v WHERE v."appRef" = a."id")`;
}

/** Everything the database-backed gauges show, in seven aggregate queries (no per-app queries). */
export async function loadSnapshot(): Promise<DbSnapshot> {
  const [teams, people, apps, findings, pending, drifted, lastSync] = await Promise.all([
    db().team.findMany({ select: { id: true, slug: true } }),
    db().user.findMany({ where: { OR: [{ owned: { some: {} } }, { backing: { some: {} } }] }, select: personSelect }),
    loadApps(),
    // LEFT JOIN: a fleet-wide finding (source_down) has no app
    db().$queryRaw<{ appId: string | null; detector: string; severity: string }[]>`
      SELECT a."appId" AS "appId", f."detector" AS "detector", f."severity" AS "severity"
      FROM "Finding" f LEFT JOIN "App" a ON a."id" = f."appRef" WHERE f."status" = 'open'`,
    // Work the portal still owes Grafana: every grafana.* outbox task not finished — pending,
    // running (claimed by a worker) or failed and waiting to retry. Finished tasks are deleted.
    db().outboxTask.count({ where: { kind: { startsWith: "grafana." }, status: { not: "done" } } }),
    db().grafanaSyncState.count({ where: { driftDiff: { not: null } } }),
    db().meta.findUnique({ where: { key: GRAFANA_LAST_SYNC_KEY }, select: { value: true } }),
  ]);
  return {
    teams,
    people,
    apps,
    openFindings: findings,
    grafanaSyncPending: pending,
    grafanaDriftedRules: drifted,
    grafanaLastSyncSuccess: lastSync?.value ?? null,
  };
}
