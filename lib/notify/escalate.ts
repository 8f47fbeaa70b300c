import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { oncallMetrics } from "@/lib/metrics/registry";
import { contactSelect } from "@/lib/ownership/views";
import { nextDueStep, policyFromRow, schedule, type EscalationTarget } from "./escalation-policy";
import { queueFor, type Contact } from "./queue";

// Escalation: an open critical finding that nobody acknowledged notifies each step of its team's
// policy when the step's time comes. Each step is taken once (delivery is at-least-once): the finding's step count
// moves from k to k+1 by a conditional update in the same transaction that queues the step's
// notifications (event "escalated", step k+1), so overlapping passes or replicas cannot take it
// twice. Acknowledging or resolving the finding stops it (the update requires both to be unset),
// and so does an active silence of the app (the step waits until the silence ends). A step whose
// people cannot be reached (nobody in it, or nobody with a contact) is taken and the next one
// follows at once, so an app without a backup reaches its lead after the backup's delay.

export type EscalationReport = { steps: number; notifications: number };

const candidateSelect = {
  id: true, escalationSteps: true, createdAt: true, appRef: true,
  app: {
    select: {
      teamId: true,
      team: { select: { escalation: { select: { steps: true, repeat: true } } } },
      ownership: { select: { backup: { select: contactSelect } } },
      silences: { where: { endedAt: null }, select: { from: true, until: true } },
    },
  },
} as const;

async function peopleFor(target: EscalationTarget, teamId: string, backup: Contact | null): Promise<Contact[]> {
  const select = { id: true, notifyEmail: true, notifyWebhook: true } as const;
  if (target === "backup") return backup ? [backup] : [];
  if (target === "lead") return db().user.findMany({ where: { role: "lead", teamId }, select });
  return db().user.findMany({ where: { role: "admin" }, select });
}

export async function escalateDue(now = new Date()): Promise<EscalationReport> {
  const e = env();
  const smtp = Boolean(e.SMTP_URL);
  const report: EscalationReport = { steps: 0, notifications: 0 };
  const candidates = await db().finding.findMany({
    where: { status: "open", severity: "critical", acknowledgedAt: null, pageState: "paged", appRef: { not: null } },
    select: candidateSelect,
  });
  for (const f of candidates) {
    const app = f.app;
    if (!app) continue;
    if (app.silences.some((s) => s.from <= now && s.until > now)) continue;
    const policy = policyFromRow(app.team.escalation);
    let done = f.escalationSteps;
    // A step that reaches nobody (no backup, a team without a lead, nobody with a contact) falls
    // through: the next step is taken in the same pass instead of after its own delay.
    let fallThrough = false;
    for (;;) {
      const step = fallThrough ? (schedule(policy)[done] ?? null) : nextDueStep(policy, done, f.createdAt.getTime(), now.getTime(), e.ESCALATION_TIME_SCALE);
      if (!step) break;
      const people = await peopleFor(step.notify, app.teamId, app.ownership?.backup ?? null);
      const from = done;
      const queued = await db().$transaction(async (tx) => {
        const { count } = await tx.finding.updateMany({
          where: { id: f.id, escalationSteps: from, status: "open", acknowledgedAt: null },
          data: { escalationSteps: step.number },
        });
        if (count !== 1) return null;
        return queueFor(tx, { findingId: f.id, event: "escalated", step: step.number, notice: { reason: step.notify } }, people, smtp, now);
      });
      if (queued === null) break;
      oncallMetrics().escalations.inc({ step: String(step.position) });
      report.steps += 1;
      report.notifications += queued;
      done = step.number;
      if (queued > 0) break;
      fallThrough = true;
    }
  }
  return report;
}
