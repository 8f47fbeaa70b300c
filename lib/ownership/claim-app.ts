import "server-only";
import { db } from "@/lib/db/client";
import { AppError, isUniqueViolation } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { enqueue } from "@/lib/outbox/enqueue";
import { audit } from "./audit";
import { loadApp } from "./load";
import { appView } from "./app-view";

// The unique Ownership.appRef decides races: of N concurrent claims exactly one insert
// commits; the others fail in the database and become 409 already_owned.
export async function claimApp(actor: Actor, appId: string) {
  try {
    const row = await db().$transaction(async (tx) => {
      const app = await loadApp(tx, appId);
      if (app.ownership) throw alreadyOwned(appId, app.ownership.owner.name);
      await tx.ownership.create({ data: { appRef: app.id, ownerId: actor.id } });
      await audit(tx, { appRef: app.id, actorId: actor.id, action: "app.claimed", before: { owner: null }, after: { owner: actor.email } });
      await enqueue(tx, "grafana.app", [appId]);
      return loadApp(tx, appId);
    });
    return appView(actor, row);
  } catch (error) {
    if (isUniqueViolation(error)) {
      const current = await db().app.findUnique({ where: { appId }, include: { ownership: { include: { owner: true } } } });
      throw alreadyOwned(appId, current?.ownership?.owner.name ?? "someone else");
    }
    throw error;
  }
}

function alreadyOwned(appId: string, ownerName: string) {
  return new AppError("already_owned", `${appId} is already owned by ${ownerName}`);
}
