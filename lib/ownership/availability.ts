import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import type { AvailabilityInput } from "@/lib/validation/ownership";
import { enqueue } from "@/lib/outbox/enqueue";
import { audit } from "./audit";

const iso = (d: Date | null) => d?.toISOString() ?? null;

// Going away changes the responder of every app the person owns or backs up: each gets an
// audit entry (so the app's timeline shows it) and a sync task, in the same transaction.
export async function setAvailability(actor: Actor, input: AvailabilityInput) {
  const awayUntil = input.awayUntil ? new Date(input.awayUntil) : null;
  const awayFrom = awayUntil && input.awayFrom ? new Date(input.awayFrom) : null;
  await db().$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { awayFrom: true, awayUntil: true } });
    // saying again what is already stored changes nothing: no audit entries, no sync
    if (iso(before.awayFrom) === iso(awayFrom) && iso(before.awayUntil) === iso(awayUntil)) return;
    await tx.user.update({ where: { id: actor.id }, data: { awayFrom, awayUntil } });
    const apps = await tx.app.findMany({
      where: { ownership: { OR: [{ ownerId: actor.id }, { backupId: actor.id }] } },
      select: { id: true, appId: true },
    });
    for (const app of apps) {
      await audit(tx, {
        appRef: app.id,
        actorId: actor.id,
        action: "user.availability_changed",
        before: { user: actor.email, awayFrom: iso(before.awayFrom), awayUntil: iso(before.awayUntil) },
        after: { user: actor.email, awayFrom: iso(awayFrom), awayUntil: iso(awayUntil) },
      });
    }
    await enqueue(tx, "grafana.app", apps.map((a) => a.appId));
  });
}
