import "server-only";
import { db } from "@/lib/db/client";
import type { Tx } from "@/lib/db/types";
import type { Actor } from "@/lib/auth/actor";
import { AppError, forbidden, isUniqueViolation, notFound } from "@/lib/errors";
import { enqueue } from "@/lib/outbox/enqueue";
import { queueChangeNotice } from "@/lib/notify/notices";
import { audit } from "@/lib/ownership/audit";
import { loadApp } from "@/lib/ownership/load";
import type { AppRow } from "@/lib/ownership/views";
import type { ThresholdUpdateInput } from "@/lib/validation/thresholds";
import { diffThresholds } from "./diff";
import { canEditThresholds } from "./permissions";
import type { ThresholdSettings } from "./types";
import { authorInclude, settingsOf, thresholdView } from "./view";

type NewVersion = ThresholdSettings & { reason: string; rolledBackFrom: number | null };

export const accessOf = (app: AppRow) => ({
  teamId: app.teamId,
  ownerId: app.ownership?.owner.id ?? null,
  backupId: app.ownership?.backup?.id ?? null,
});

export async function latestVersion(tx: Pick<Tx, "thresholdVersion">, appRef: string): Promise<number> {
  const row = await tx.thresholdVersion.findFirst({ where: { appRef }, orderBy: { version: "desc" }, select: { version: true } });
  return row?.version ?? 0;
}

function assertMayEdit(actor: Actor, app: AppRow) {
  if (!canEditThresholds(actor, accessOf(app))) {
    throw forbidden(`Only the owner or backup of ${app.appId}, a lead of ${app.team.slug} or an admin can change its thresholds`);
  }
}

const conflict = (appId: string) =>
  new AppError("conflict", `The thresholds of ${appId} were changed by someone else meanwhile; reload and try again`);

// Every change is a new row numbered base + 1. The unique (appRef, version) decides races: of
// two saves built on the same version only one insert commits, the other becomes 409 — on
// SQLite (serialised writers) and PostgreSQL alike, because the base is fixed before the write.
async function writeVersion(actor: Actor, app: AppRow, base: number, next: NewVersion, action: "thresholds.changed" | "thresholds.rolled_back") {
  try {
    return await db().$transaction(async (tx) => {
      const previous = base > 0 ? await tx.thresholdVersion.findUnique({ where: { appRef_version: { appRef: app.id, version: base } } }) : null;
      if (base > 0 && !previous) throw conflict(app.appId);
      // A save that changes nothing would only add noise to the history (a rollback may repeat
      // settings on purpose: it records the decision to go back).
      if (previous && action === "thresholds.changed" && diffThresholds(settingsOf(previous), next).length === 0) {
        throw new AppError("validation_failed", `Nothing to save: these are already the thresholds of version ${previous.version}`, { body: "changes nothing" });
      }
      const row = await tx.thresholdVersion.create({
        data: {
          appRef: app.id,
          version: base + 1,
          floorRps: next.floorRps,
          ceilingRps: next.ceilingRps,
          maxWeeklyDropPercent: next.maxWeeklyDropPercent,
          forDuration: next.for,
          severity: next.severity,
          enabled: next.enabled,
          reason: next.reason,
          rolledBackFrom: next.rolledBackFrom,
          authorId: actor.id,
        },
        include: authorInclude,
      });
      const before = previous ? { version: previous.version, ...settingsOf(previous) } : null;
      const after = { version: row.version, ...settingsOf(row) };
      await audit(tx, { appRef: app.id, actorId: actor.id, action, before, after, reason: next.reason });
      await enqueue(tx, "grafana.app", [app.appId]);
      const what = action === "thresholds.rolled_back" ? `rolled the thresholds back to version ${next.rolledBackFrom} (now version ${row.version})` : `changed the thresholds (now version ${row.version}: floor ${row.floorRps} req/s${row.enabled ? "" : ", disabled"})`;
      await queueChangeNotice(tx, { app, actor, ownerId: app.ownership?.owner.id ?? null, people: [app.ownership?.owner.id, app.ownership?.backup?.id], what, why: next.reason });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(app.appId);
    throw error;
  }
}

export async function saveThresholds(actor: Actor, appId: string, input: ThresholdUpdateInput) {
  const app = await loadApp(db(), appId);
  assertMayEdit(actor, app);
  const base = input.baseVersion ?? (await latestVersion(db(), app.id));
  const row = await writeVersion(actor, app, base, {
    floorRps: input.floorRps,
    ceilingRps: input.ceilingRps ?? null,
    maxWeeklyDropPercent: input.maxWeeklyDropPercent ?? null,
    for: input.for,
    severity: input.severity,
    enabled: input.enabled,
    reason: input.reason,
    rolledBackFrom: null,
  }, "thresholds.changed");
  return thresholdView(row);
}

/** Restores an earlier version's settings as a new version that remembers where it came from. */
export async function rollbackThresholds(actor: Actor, appId: string, version: number, reason?: string) {
  const app = await loadApp(db(), appId);
  assertMayEdit(actor, app);
  const target = await db().thresholdVersion.findUnique({ where: { appRef_version: { appRef: app.id, version } } });
  if (!target) throw notFound(`Version ${version} of the thresholds of ${appId}`);
  const base = await latestVersion(db(), app.id);
  const row = await writeVersion(actor, app, base, {
    ...settingsOf(target),
    reason: reason ?? `Rolled back to version ${version}`,
    rolledBackFrom: version,
  }, "thresholds.rolled_back");
  return thresholdView(row);
}
