import "server-only";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { getGrafana } from "@/lib/grafana/server";
import { APP_KIND, CONTACT_KIND } from "./plan";
import { META_LAST_SUCCESS, getMeta } from "./sync-state";
import { rearmFailedTasks } from "./tasks";
import { driftEntrySchema } from "./view-schemas";
import type { AppDriftView, AppSyncView, DriftEntry, GrafanaStatus, OutboxTaskView } from "./types";

// Read side for the admin page and the app badge.

const LIST_LIMIT = 200;
const KINDS = [APP_KIND, CONTACT_KIND];

const taskView = (t: { kind: string; subject: string; status: string; attempts: number; nextAttemptAt: Date; lastError: string | null }): OutboxTaskView => ({
  kind: t.kind,
  subject: t.subject,
  status: t.status,
  attempts: t.attempts,
  nextAttemptAt: t.nextAttemptAt.toISOString(),
  lastError: t.lastError,
});

// The stored text is only trusted as far as it has the shape the API promises (a row written by
// an older version, or by hand, is left out rather than answered as something it is not).
function parseDrift(text: string | null): DriftEntry | null {
  if (!text) return null;
  try {
    const parsed = driftEntrySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const isGrafanaConfigured = (): boolean => getGrafana() !== null;

export async function grafanaStatus(): Promise<GrafanaStatus> {
  const client = db();
  const open = { kind: { in: KINDS }, status: { in: ["pending", "running"] } };
  const failed = { kind: { in: KINDS }, status: "failed" };
  const [pendingRows, failedRows, pendingCount, failedCount, driftRows, driftCount, lastSyncSuccess] = await Promise.all([
    client.outboxTask.findMany({ where: open, orderBy: { nextAttemptAt: "asc" }, take: LIST_LIMIT }),
    client.outboxTask.findMany({ where: failed, orderBy: { updatedAt: "desc" }, take: LIST_LIMIT }),
    client.outboxTask.count({ where: open }),
    client.outboxTask.count({ where: failed }),
    client.grafanaSyncState.findMany({
      where: { driftDiff: { not: null } },
      orderBy: { driftAt: "desc" },
      take: LIST_LIMIT,
      select: { driftDiff: true, driftAt: true, app: { select: { appId: true } } },
    }),
    client.grafanaSyncState.count({ where: { driftDiff: { not: null } } }),
    getMeta(client, META_LAST_SUCCESS),
  ]);
  const drift: AppDriftView[] = driftRows.flatMap((r) => {
    const diff = parseDrift(r.driftDiff);
    return diff ? [{ appId: r.app.appId, diff, detectedAt: (r.driftAt ?? new Date(0)).toISOString() }] : [];
  });
  return {
    configured: isGrafanaConfigured(),
    pending: pendingRows.map(taskView),
    failed: failedRows.map(taskView),
    counts: { pending: pendingCount, failed: failedCount, drift: driftCount },
    drift,
    lastSyncSuccess,
  };
}

/**
 * One app's sync state. The outbox task wins over the stored state: a task exists exactly
 * while a change has not reached Grafana yet (failed = given up until retried).
 */
export async function appSyncStatus(appId: string): Promise<AppSyncView> {
  const client = db();
  const app = await client.app.findUnique({ where: { appId }, select: { id: true, syncState: true } });
  if (!app) throw notFound(`App ${appId}`);
  if (!isGrafanaConfigured()) return { state: "not_configured", lastError: null, syncedAt: null, drift: null };
  const task = await client.outboxTask.findUnique({ where: { kind_subject: { kind: APP_KIND, subject: appId } } });
  const s = app.syncState;
  const diff = parseDrift(s?.driftDiff ?? null);
  const drift = diff && s?.driftAt ? { diff, detectedAt: s.driftAt.toISOString() } : null;
  const syncedAt = s?.syncedAt?.toISOString() ?? null;
  if (task) return { state: task.status === "failed" ? "failed" : "pending", lastError: task.lastError, syncedAt, drift };
  if (s?.state === "synced") return { state: "synced", lastError: null, syncedAt, drift };
  // No task and never synced: the app predates Grafana sync; reconcile with repair pushes it.
  return { state: s?.state === "failed" ? "failed" : "pending", lastError: s?.lastError ?? null, syncedAt, drift };
}

export async function retryFailedGrafanaTasks(): Promise<{ rearmed: number }> {
  return { rearmed: await rearmFailedTasks(db()) };
}
