import "server-only";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { enqueue } from "@/lib/outbox/enqueue";
import { isAway } from "./responder";

const meSelect = {
  id: true, email: true, name: true, role: true, awayFrom: true, awayUntil: true,
  notifyEmail: true, notifyWebhook: true, team: { select: { slug: true } },
} as const;

export async function getMe(userId: string, now = new Date()) {
  const u = await db().user.findUnique({ where: { id: userId }, select: meSelect });
  if (!u) throw notFound("User");
  return {
    email: u.email,
    name: u.name,
    role: u.role,
    team: u.team?.slug ?? null,
    awayFrom: u.awayFrom?.toISOString() ?? null,
    awayUntil: u.awayUntil?.toISOString() ?? null,
    away: isAway(u, now),
    notifyEmail: u.notifyEmail,
    notifyWebhook: u.notifyWebhook,
  };
}

export async function updateProfile(
  userId: string,
  email: string,
  data: { name?: string; notifyEmail?: string | null; notifyWebhook?: string | null },
) {
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data });
    // the person's Grafana contact point follows their notification settings
    if (data.notifyEmail !== undefined || data.notifyWebhook !== undefined) await enqueue(tx, "grafana.contact", [email]);
  });
  return getMe(userId);
}
