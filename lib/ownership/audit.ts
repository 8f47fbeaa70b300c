import type { Tx } from "@/lib/db/types";

export type AuditAction =
  | "app.registered"
  | "app.claimed"
  | "app.released"
  | "app.transferred"
  | "app.backup_changed"
  | "user.availability_changed"
  | "thresholds.changed"
  | "thresholds.rolled_back"
  | "app.discovered"
  | "app.imported"
  | "app.seeded"
  | "finding.acknowledged"
  | "finding.unacknowledged"
  | "finding.resolved_by_hand"
  | "silence.created"
  | "silence.ended"
  | "escalation.changed"
  | "app.confirmed"
  | "stewardship.changed"
  // people and teams (appRef null, except the per-app entries of a (de)activation) and imports
  | "user.created"
  | "user.changed"
  | "user.deactivated"
  | "user.reactivated"
  | "team.created"
  | "team.renamed"
  | "app.renamed"
  | "app.moved";

export async function audit(
  tx: Tx,
  e: { appRef: string | null; actorId: string | null; action: AuditAction; before?: unknown; after?: unknown; reason?: string | null; at?: Date },
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      appRef: e.appRef,
      actorId: e.actorId,
      action: e.action,
      before: e.before === undefined ? null : JSON.stringify(e.before),
      after: e.after === undefined ? null : JSON.stringify(e.after),
      reason: e.reason ?? null,
      ...(e.at ? { createdAt: e.at } : {}),
    },
  });
}
