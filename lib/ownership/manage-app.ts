import "server-only";
import { db } from "@/lib/db/client";
import { AppError, forbidden } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/types";
import { enqueue } from "@/lib/outbox/enqueue";
import { queueChangeNotice } from "@/lib/notify/notices";
import { audit, type AuditAction } from "./audit";
import { loadApp, ownershipSnapshot } from "./load";
import { canManageApp } from "./permissions";
import { appView } from "./app-view";
import type { AppRow } from "./views";

type Owned = AppRow & { ownership: NonNullable<AppRow["ownership"]> };
type Change = (tx: Tx, app: Owned) => Promise<void>;

const VERB: Record<string, string> = {
  "app.released": "release",
  "app.transferred": "transfer",
  "app.backup_changed": "change the backup of",
};

// Shared shape of every change to an owned app: load, check who may, change the row only if
// nobody changed it since we read it (else 409), audit, enqueue the sync — one transaction.
async function changeOwnedApp(actor: Actor, appId: string, action: AuditAction, reason: string | null, change: Change) {
  const row = await db().$transaction(async (tx) => {
    const app = await loadApp(tx, appId);
    if (!app.ownership) throw new AppError("not_owned", `${appId} has no owner`);
    if (!canManageApp(actor, { teamId: app.teamId, ownerId: app.ownership.owner.id })) {
      throw forbidden(`Only the owner of ${appId}, a lead of ${app.team.slug} or an admin can ${VERB[action] ?? "change"} it`);
    }
    await change(tx, app as Owned);
    const after = await loadApp(tx, appId);
    await audit(tx, { appRef: app.id, actorId: actor.id, action, before: ownershipSnapshot(app), after: ownershipSnapshot(after), reason });
    await queueChangeNotice(tx, {
      app, actor, ownerId: app.ownership.owner.id, what: describeChange(action, app, after), why: reason,
      people: [app.ownership.owner.id, app.ownership.backup?.id, after.ownership?.owner.id, after.ownership?.backup?.id],
    });
    await enqueue(tx, "grafana.app", [appId]);
    return after;
  });
  return appView(actor, row);
}

const who = (p: { name: string; email: string } | null | undefined) => (p ? `${p.name} (${p.email})` : "nobody");

function describeChange(action: AuditAction, before: AppRow, after: AppRow): string {
  if (action === "app.transferred") return `transferred ownership from ${who(before.ownership?.owner)} to ${who(after.ownership?.owner)}`;
  if (action === "app.released") return `released ownership (it has no owner now)`;
  return `changed the backup from ${who(before.ownership?.backup)} to ${who(after.ownership?.backup)}`;
}

async function guardedUpdate(tx: Tx, app: Owned, data: { ownerId?: string; backupId?: string | null; since?: Date }) {
  const { count } = await tx.ownership.updateMany({
    where: { appRef: app.id, ownerId: app.ownership.owner.id, backupId: app.ownership.backup?.id ?? null },
    data,
  });
  if (count !== 1) throw new AppError("conflict", `${app.appId} was changed by someone else meanwhile; reload and try again`);
}

async function userByEmail(tx: Tx, email: string, field: string) {
  const user = await tx.user.findUnique({ where: { email } });
  if (!user) throw new AppError("validation_failed", `No user with email ${email}`, { [field]: "is not a known user" });
  // a deactivated person cannot answer for anything, so they cannot be handed an app or named backup
  if (!user.active) throw new AppError("validation_failed", `${email} is deactivated`, { [field]: "is a deactivated person" });
  return user;
}

export function releaseApp(actor: Actor, appId: string, reason: string | null) {
  return changeOwnedApp(actor, appId, "app.released", reason, async (tx, app) => {
    const { count } = await tx.ownership.deleteMany({ where: { appRef: app.id, ownerId: app.ownership.owner.id } });
    if (count !== 1) throw new AppError("conflict", `${appId} was changed by someone else meanwhile`);
  });
}

export function transferApp(actor: Actor, appId: string, toEmail: string, reason: string) {
  return changeOwnedApp(actor, appId, "app.transferred", reason, async (tx, app) => {
    const to = await userByEmail(tx, toEmail, "toEmail");
    if (to.id === app.ownership.owner.id) throw new AppError("validation_failed", `${to.email} already owns ${appId}`, { toEmail: "is already the owner" });
    // the new owner cannot also be their own backup
    const backupId = app.ownership.backup?.id === to.id ? null : (app.ownership.backup?.id ?? null);
    await guardedUpdate(tx, app, { ownerId: to.id, backupId, since: new Date() });
  });
}

export function setBackup(actor: Actor, appId: string, email: string | null) {
  return changeOwnedApp(actor, appId, "app.backup_changed", null, async (tx, app) => {
    const backup = email ? await userByEmail(tx, email, "email") : null;
    if (backup && backup.id === app.ownership.owner.id) {
      throw new AppError("validation_failed", "The owner cannot be their own backup", { email: "is the owner" });
    }
    await guardedUpdate(tx, app, { backupId: backup?.id ?? null });
  });
}
