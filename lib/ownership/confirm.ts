import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { forbidden, notFound } from "@/lib/errors";
import { audit } from "./audit";
import { appView } from "./app-view";
import { loadApp } from "./load";
import { appStewardship } from "./stewardship-load";
import { CONFIRM_EVERY_DAYS_DEFAULT } from "./stewardship";
import type { AppRow } from "./views";

/** The app view with its stewardship and scorecard (GET /api/apps/{appId}, the app page). */
export async function appViewWithStewardship(actor: Actor, row: AppRow, now = new Date()) {
  const s = await appStewardship(row.id, now);
  const isOwner = row.ownership?.owner.id === actor.id;
  return {
    ...appView(actor, row, now),
    stewardship: s?.stewardship ?? { confirmedAt: null, confirmDueAt: null, stale: false, reasons: [] },
    scorecard: s?.scorecard ?? { level: "none" as const, missing: [] },
    worstFinding: s?.worstFinding ?? null,
    sync: s?.sync ?? "not_configured",
    canConfirm: isOwner,
  };
}

// "Still mine": only the owner (or their write token) confirms; audited.
export async function confirmApp(actor: Actor, appId: string, note: string | undefined, now = new Date()) {
  const row = await db().$transaction(async (tx) => {
    const app = await loadApp(tx, appId);
    if (!app.ownership || app.ownership.owner.id !== actor.id) {
      throw forbidden(`Only the owner of ${appId} can confirm it is still theirs`);
    }
    const before = await tx.app.findUniqueOrThrow({ where: { id: app.id }, select: { confirmedAt: true } });
    await tx.app.update({ where: { id: app.id }, data: { confirmedAt: now } });
    await audit(tx, {
      appRef: app.id, actorId: actor.id, action: "app.confirmed",
      before: { confirmedAt: before.confirmedAt?.toISOString() ?? null }, after: { confirmedAt: now.toISOString() }, reason: note ?? null,
    });
    return app;
  });
  return appViewWithStewardship(actor, row, now);
}

const canEdit = (actor: Pick<Actor, "role" | "teamId">, teamId: string) => actor.role === "admin" || (actor.role === "lead" && actor.teamId === teamId);

export type StewardshipSettingsView = { team: string; confirmEveryDays: number; isDefault: boolean; canEdit: boolean };

async function teamBySlug(slug: string) {
  const team = await db().team.findUnique({ where: { slug }, select: { id: true, slug: true, confirmEveryDays: true } });
  if (!team) throw notFound(`Team ${slug}`);
  return team;
}

// GET /api/teams/{team}/stewardship: the team's lead or an admin (the setting is theirs to keep).
export async function readStewardshipSettings(actor: Actor, slug: string): Promise<StewardshipSettingsView> {
  const team = await teamBySlug(slug);
  if (!canEdit(actor, team.id)) throw forbidden(`Only a lead of ${slug} or an admin can see its stewardship settings`);
  return { team: team.slug, confirmEveryDays: team.confirmEveryDays, isDefault: team.confirmEveryDays === CONFIRM_EVERY_DAYS_DEFAULT, canEdit: true };
}

export async function writeStewardshipSettings(actor: Actor, slug: string, input: { confirmEveryDays: number }): Promise<StewardshipSettingsView> {
  const team = await teamBySlug(slug);
  if (!canEdit(actor, team.id)) throw forbidden(`Only a lead of ${slug} or an admin can change its stewardship settings`);
  await db().$transaction(async (tx) => {
    await tx.team.update({ where: { id: team.id }, data: { confirmEveryDays: input.confirmEveryDays } });
    await audit(tx, {
      appRef: null, actorId: actor.id, action: "stewardship.changed",
      before: { team: slug, confirmEveryDays: team.confirmEveryDays }, after: { team: slug, confirmEveryDays: input.confirmEveryDays },
    });
  });
  return readStewardshipSettings(actor, slug);
}
