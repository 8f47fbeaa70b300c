import "server-only";
import { db } from "@/lib/db/client";
import { AppError, forbidden, isUniqueViolation } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import type { AppCreateInput } from "@/lib/validation/ownership";
import { createApp } from "./create-app";
import { loadApp } from "./load";
import { canRegisterApp } from "./permissions";
import { appView } from "./app-view";

export async function registerApp(actor: Actor, input: AppCreateInput) {
  const team = await db().team.findUnique({ where: { slug: input.team } });
  if (!team) throw new AppError("validation_failed", `Team ${input.team} does not exist`, { team: "is not a known team" });
  if (!canRegisterApp(actor, team.id)) {
    throw forbidden(`Only a lead of ${team.slug} or an admin can register apps in it`);
  }
  try {
    const row = await db().$transaction(async (tx) => {
      const app = await createApp(
        tx,
        { appId: input.appId, name: input.name, description: input.description, teamId: team.id },
        { actorId: actor.id, action: "app.registered", after: { appId: input.appId, name: input.name, team: team.slug } },
      );
      return loadApp(tx, app.appId);
    });
    return appView(actor, row);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("app_exists", `An app with id ${input.appId} already exists`, { appId: "is taken" });
    throw error;
  }
}
