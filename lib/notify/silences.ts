import "server-only";
import { db } from "@/lib/db/client";
import type { Tx } from "@/lib/db/types";
import type { Actor } from "@/lib/auth/actor";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { canActOnFinding } from "@/lib/findings/finding-access";
import { enqueue } from "@/lib/outbox/enqueue";
import { audit } from "@/lib/ownership/audit";
import type { SilenceCreateInput } from "@/lib/validation/oncall";

// Silences: while one is active, the app's new findings open, are shown as silenced and page
// nobody (lib/notify/page.ts), escalation waits, and the app's Grafana rule is paused. The pause
// and its end reach Grafana through the outbox: pauseState pending → active (enqueued when the
// window starts) → done (enqueued when it ends or is ended early), each move a conditional update
// in the same transaction as its outbox task, so each happens once.

const silenceSelect = {
  id: true, from: true, until: true, reason: true, createdAt: true, endedAt: true, pauseState: true,
  createdBy: { select: { email: true, name: true } },
} as const;

type SilenceRow = { id: string; from: Date; until: Date; reason: string; createdAt: Date; endedAt: Date | null; createdBy: { email: string; name: string } | null };

export function silenceView(s: SilenceRow, now = new Date()) {
  const over = s.endedAt !== null || s.until <= now;
  return {
    id: s.id, from: s.from.toISOString(), until: s.until.toISOString(), reason: s.reason, createdBy: s.createdBy,
    createdAt: s.createdAt.toISOString(), endedAt: s.endedAt?.toISOString() ?? null,
    state: over ? ("over" as const) : s.from <= now ? ("active" as const) : ("upcoming" as const),
  };
}

async function appFor(actor: Actor, appId: string) {
  const app = await db().app.findUnique({ where: { appId }, select: { id: true, appId: true, teamId: true, ownership: { select: { ownerId: true, backupId: true } } } });
  if (!app) throw notFound(`App ${appId}`);
  const scope = { teamId: app.teamId, ownerId: app.ownership?.ownerId ?? null, backupId: app.ownership?.backupId ?? null };
  if (!canActOnFinding(actor, scope)) throw forbidden(`Only the owner or backup of ${appId}, a lead of its team or an admin can silence it`);
  return app;
}

export async function createSilence(actor: Actor, appId: string, input: SilenceCreateInput, now = new Date()) {
  const app = await appFor(actor, appId);
  const from = input.from ? new Date(input.from) : now;
  const active = from <= now;
  const row = await db().$transaction(async (tx) => {
    const s = await tx.silence.create({
      data: { appRef: app.id, from, until: new Date(input.until), reason: input.reason, createdById: actor.id, pauseState: active ? "active" : "pending" },
      select: silenceSelect,
    });
    await audit(tx, { appRef: app.id, actorId: actor.id, action: "silence.created", after: { from: s.from.toISOString(), until: s.until.toISOString() }, reason: input.reason });
    if (active) await enqueue(tx, "grafana.app", [app.appId]);
    return s;
  });
  return silenceView(row, now);
}

export async function listSilences(appId: string, now = new Date()) {
  const app = await db().app.findUnique({ where: { appId }, select: { id: true } });
  if (!app) throw notFound(`App ${appId}`);
  const rows = await db().silence.findMany({ where: { appRef: app.id }, orderBy: { from: "desc" }, take: 50, select: silenceSelect });
  return rows.map((s) => silenceView(s, now));
}

export async function endSilence(actor: Actor, appId: string, silenceId: string, now = new Date()) {
  const app = await appFor(actor, appId);
  const row = await db().$transaction(async (tx) => {
    const s = await tx.silence.findFirst({ where: { id: silenceId, appRef: app.id }, select: silenceSelect });
    if (!s) throw notFound(`Silence ${silenceId}`);
    const { count } = await tx.silence.updateMany({
      where: { id: s.id, endedAt: null, until: { gt: now } },
      data: { endedAt: now, endedById: actor.id, pauseState: "done" },
    });
    if (count !== 1) throw new AppError("conflict", "The silence is already over");
    if (s.pauseState === "active") await enqueue(tx, "grafana.app", [app.appId]);
    await audit(tx, { appRef: app.id, actorId: actor.id, action: "silence.ended", before: { from: s.from.toISOString(), until: s.until.toISOString() }, reason: s.reason });
    return tx.silence.findUniqueOrThrow({ where: { id: s.id }, select: silenceSelect });
  });
  return silenceView(row, now);
}

async function move(tx: Tx, id: string, appId: string, from: string, to: string): Promise<boolean> {
  const { count } = await tx.silence.updateMany({ where: { id, pauseState: from }, data: { pauseState: to } });
  if (count === 1) await enqueue(tx, "grafana.app", [appId]);
  return count === 1;
}

// Starts and ends silence windows in Grafana (run by the notifications job on every replica).
export async function syncSilences(now = new Date()): Promise<{ started: number; ended: number }> {
  const out = { started: 0, ended: 0 };
  const starting = await db().silence.findMany({ where: { pauseState: "pending", from: { lte: now } }, select: { id: true, until: true, app: { select: { appId: true } } } });
  for (const s of starting) {
    const to = s.until <= now ? "done" : "active";
    if (await db().$transaction((tx) => move(tx, s.id, s.app.appId, "pending", to))) out.started += 1;
  }
  const ending = await db().silence.findMany({ where: { pauseState: "active", until: { lte: now } }, select: { id: true, app: { select: { appId: true } } } });
  for (const s of ending) {
    if (await db().$transaction((tx) => move(tx, s.id, s.app.appId, "active", "done"))) out.ended += 1;
  }
  return out;
}
