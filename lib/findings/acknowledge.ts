import "server-only";
import { db } from "@/lib/db/client";
import type { Tx } from "@/lib/db/types";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { oncallMetrics } from "@/lib/metrics/registry";
import { audit } from "@/lib/ownership/audit";
import { canActOnFinding, type FindingWho } from "./finding-access";

export type AckView = { findingId: string; acknowledgedBy: { email: string; name: string }; acknowledgedAt: string };

const scopeSelect = {
  id: true, appRef: true, severity: true, status: true, detector: true, createdAt: true, acknowledgedAt: true,
  acknowledgedBy: { select: { email: true, name: true } },
  app: { select: { appId: true, teamId: true, ownership: { select: { ownerId: true, backupId: true } } } },
} as const;

async function loadForActor(tx: Pick<Tx, "finding">, who: FindingWho, findingId: string) {
  const f = await tx.finding.findUnique({ where: { id: findingId }, select: scopeSelect });
  if (!f) throw notFound(`Finding ${findingId}`);
  const scope = f.app ? { teamId: f.app.teamId, ownerId: f.app.ownership?.ownerId ?? null, backupId: f.app.ownership?.backupId ?? null } : null;
  if (!canActOnFinding(who, scope)) {
    throw forbidden(f.app ? `Only the owner or backup of ${f.app.appId}, a lead of its team or an admin can do that` : "Only admins can act on a fleet-wide finding");
  }
  return f;
}

function view(f: { id: string; acknowledgedAt: Date | null; acknowledgedBy: { email: string; name: string } | null }): AckView {
  if (!f.acknowledgedAt || !f.acknowledgedBy) throw new AppError("conflict", "The finding is not acknowledged");
  return { findingId: f.id, acknowledgedBy: f.acknowledgedBy, acknowledgedAt: f.acknowledgedAt.toISOString() };
}

// Acknowledges an open finding. The conditional update (only while open and unacknowledged)
// decides in the database who was first; a second acknowledgement answers with the first one.
export async function acknowledgeFinding(who: FindingWho, findingId: string, via: "api" | "link", now = new Date()): Promise<AckView> {
  const { row, first } = await db().$transaction(async (tx) => {
    const f = await loadForActor(tx, who, findingId);
    const { count } = await tx.finding.updateMany({
      where: { id: f.id, status: "open", acknowledgedAt: null },
      data: { acknowledgedAt: now, acknowledgedById: who.id },
    });
    if (count === 1) {
      await audit(tx, { appRef: f.appRef, actorId: who.id, action: "finding.acknowledged", after: { findingId: f.id, detector: f.detector, via } });
    }
    const row = await tx.finding.findUniqueOrThrow({ where: { id: f.id }, select: scopeSelect });
    if (count === 0 && !row.acknowledgedAt) throw new AppError("conflict", "The finding is already resolved");
    return { row, first: count === 1 };
  });
  if (first) oncallMetrics().ackSeconds.observe({ severity: row.severity }, Math.max(0, (now.getTime() - row.createdAt.getTime()) / 1000));
  return view(row);
}

// Takes an acknowledgement back (someone else must look after all): escalation resumes with
// the next step that is due.
export async function unacknowledgeFinding(who: FindingWho, findingId: string, reason: string): Promise<{ findingId: string }> {
  await db().$transaction(async (tx) => {
    const f = await loadForActor(tx, who, findingId);
    const { count } = await tx.finding.updateMany({
      where: { id: f.id, status: "open", acknowledgedAt: { not: null } },
      data: { acknowledgedAt: null, acknowledgedById: null },
    });
    if (count !== 1) throw new AppError("conflict", "Only an open, acknowledged finding can be un-acknowledged");
    await audit(tx, {
      appRef: f.appRef, actorId: who.id, action: "finding.unacknowledged", reason,
      before: { findingId: f.id, detector: f.detector, acknowledgedBy: f.acknowledgedBy?.email ?? null }, after: { findingId: f.id, detector: f.detector },
    });
  });
  return { findingId };
}

// Closes an open finding by hand, with a reason. If the condition still holds, the next
// detection pass opens a new finding (the detector, not this record, says what the data shows).
export async function resolveFindingByHand(who: FindingWho, findingId: string, reason: string, now = new Date()) {
  return db().$transaction(async (tx) => {
    const f = await loadForActor(tx, who, findingId);
    const { count } = await tx.finding.updateMany({
      where: { id: f.id, status: "open" },
      data: { status: "resolved", openKey: null, resolvedAt: now, resolvedById: who.id, resolveReason: reason },
    });
    if (count !== 1) throw new AppError("conflict", "The finding is already resolved");
    await audit(tx, { appRef: f.appRef, actorId: who.id, action: "finding.resolved_by_hand", reason, after: { findingId: f.id, detector: f.detector } });
    return { findingId: f.id, status: "resolved" as const, resolvedAt: now.toISOString() };
  });
}
