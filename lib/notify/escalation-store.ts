import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { forbidden, notFound } from "@/lib/errors";
import { audit } from "@/lib/ownership/audit";
import type { EscalationPolicyInput } from "@/lib/validation/oncall";
import { policyFromRow, type EscalationPolicy } from "./escalation-policy";

export type EscalationView = EscalationPolicy & { team: string; isDefault: boolean; updatedAt: string | null; canEdit: boolean };

async function teamBySlug(slug: string) {
  const team = await db().team.findUnique({ where: { slug }, select: { id: true, slug: true, escalation: true } });
  if (!team) throw notFound(`Team ${slug}`);
  return team;
}

const canEdit = (actor: Pick<Actor, "role" | "teamId">, teamId: string) => actor.role === "admin" || (actor.role === "lead" && actor.teamId === teamId);

export async function readEscalation(actor: Actor, slug: string): Promise<EscalationView> {
  const team = await teamBySlug(slug);
  const policy = policyFromRow(team.escalation);
  return { team: team.slug, ...policy, isDefault: team.escalation === null, updatedAt: team.escalation?.updatedAt.toISOString() ?? null, canEdit: canEdit(actor, team.id) };
}

// The team's lead or an admin; audited (no app: the audit row has no appRef).
export async function writeEscalation(actor: Actor, slug: string, input: EscalationPolicyInput): Promise<EscalationView> {
  const team = await teamBySlug(slug);
  if (!canEdit(actor, team.id)) throw forbidden(`Only a lead of ${slug} or an admin can change its escalation policy`);
  const before = policyFromRow(team.escalation);
  const steps = JSON.stringify(input.steps);
  await db().$transaction(async (tx) => {
    await tx.escalationPolicy.upsert({
      where: { teamId: team.id },
      create: { teamId: team.id, steps, repeat: input.repeat, updatedById: actor.id },
      update: { steps, repeat: input.repeat, updatedById: actor.id },
    });
    await audit(tx, { appRef: null, actorId: actor.id, action: "escalation.changed", before: { team: slug, ...before }, after: { team: slug, ...input } });
  });
  return readEscalation(actor, slug);
}


// What the team page shows around its escalation policy.
export async function teamPageData(slug: string) {
  const team = await db().team.findUnique({
    where: { slug },
    select: { slug: true, name: true, confirmEveryDays: true, _count: { select: { apps: true } }, users: { where: { role: "lead" }, select: { name: true, email: true } } },
  });
  return team ? { slug: team.slug, name: team.name, apps: team._count.apps, leads: team.users, confirmEveryDays: team.confirmEveryDays } : null;
}
