import "server-only";
import { db } from "@/lib/db/client";
import { buildDesiredState } from "@/lib/grafana/build-team";
import { diffRules } from "@/lib/grafana/diff-rules";
import { getGrafana, type GrafanaRuntime } from "@/lib/grafana/server";
import { enqueue } from "@/lib/outbox/enqueue";
import { toAlertInput } from "./desired";
import { attributeDrift, planRepair, type AppKey } from "./drift";
import { drainOutbox } from "./drain";
import { loadAllApps } from "./load";
import { APP_KIND, chunks, toStepError } from "./plan";
import { driftRepairMode } from "./settings";
import type { DriftEntry, DriftReport } from "./types";

export interface ReconcileOptions {
  /** Repair what drifted. Default: GRAFANA_DRIFT_REPAIR=auto. */
  repair?: boolean;
  now?: Date;
  grafana?: GrafanaRuntime | null;
}

/**
 * Reads every rule back from Grafana (one GET), diffs it against what the portal intends,
 * records drift per app in GrafanaSyncState (driftDiff/driftAt; null when in sync) and, when
 * repairing, re-enqueues the drifted apps and drains (one group PUT per affected team) and
 * deletes portal-labelled rules that belong to nothing. Intended every 5 minutes.
 */
export async function reconcileGrafana(opts: ReconcileOptions = {}): Promise<DriftReport> {
  const grafana = opts.grafana === undefined ? getGrafana() : opts.grafana;
  const now = opts.now ?? new Date();
  const report: DriftReport = { configured: grafana !== null, checkedAt: now.toISOString(), inSync: true, drift: [], repaired: false, repairErrors: [] };
  if (!grafana) return report;
  const client = db();

  const rows = await loadAllApps(client);
  const inputs = rows.map((r) => toAlertInput(r, now)).filter((a) => a !== null);
  const intended = buildDesiredState(inputs, grafana.settings).flatMap((t) => t.group.rules ?? []);
  const live = await grafana.client.listRules();
  const apps: AppKey[] = rows.map((r) => ({ appRef: r.id, appId: r.appId, team: r.team.slug, hasRule: r.thresholds.length > 0 }));
  const teams = [...new Set(rows.map((r) => r.team.slug))];
  report.drift = attributeDrift(diffRules(intended, live), apps, teams);
  report.inSync = report.drift.length === 0;
  await recordDrift(apps, report.drift, now);

  const repair = opts.repair ?? driftRepairMode() === "auto";
  if (repair && !report.inSync) {
    const plan = planRepair(report.drift, apps);
    for (const slice of chunks(plan.appIds, 1000)) {
      await client.$transaction((tx) => enqueue(tx, APP_KIND, slice), { timeout: 60_000 });
    }
    for (const uid of plan.strayUids) {
      await grafana.client.deleteRule(uid).catch((err: unknown) => report.repairErrors.push(toStepError(err).message));
    }
    const drained = await drainOutbox({ grafana });
    report.repairErrors.push(...drained.errors);
    report.repaired = true;
  }
  return report;
}

/** driftDiff/driftAt per app; driftAt keeps the first detection while the same app stays drifted. */
async function recordDrift(apps: readonly AppKey[], drift: readonly DriftEntry[], now: Date): Promise<void> {
  const client = db();
  const refOf = new Map(apps.map((a) => [a.appId, a.appRef]));
  const drifted = new Map<string, DriftEntry>();
  for (const d of drift) {
    const ref = d.appId ? refOf.get(d.appId) : undefined;
    if (ref) drifted.set(ref, d);
  }
  const stale = await client.grafanaSyncState.findMany({ where: { driftDiff: { not: null } }, select: { appRef: true } });
  for (const slice of chunks(stale.map((r) => r.appRef).filter((ref) => !drifted.has(ref)), 400)) {
    await client.grafanaSyncState.updateMany({ where: { appRef: { in: slice } }, data: { driftDiff: null, driftAt: null } });
  }
  if (drifted.size === 0) return;
  const existing = new Map<string, Date | null>();
  for (const slice of chunks([...drifted.keys()], 400)) {
    const rows = await client.grafanaSyncState.findMany({ where: { appRef: { in: slice } }, select: { appRef: true, driftAt: true } });
    for (const r of rows) existing.set(r.appRef, r.driftAt);
  }
  await client.$transaction(async (tx) => {
    for (const [appRef, d] of drifted) {
      const driftDiff = JSON.stringify(d);
      if (existing.has(appRef)) {
        await tx.grafanaSyncState.update({ where: { appRef }, data: { driftDiff, driftAt: existing.get(appRef) ?? now } });
      } else {
        await tx.grafanaSyncState.create({ data: { appRef, state: "pending", driftDiff, driftAt: now } });
      }
    }
  }, { timeout: 60_000 });
}
