import "server-only";
import type { Tx } from "@/lib/db/types";
import { env } from "@/lib/env";
import { queueFor } from "./queue";

export type ChangeNotice = {
  app: { id: string; appId: string; name: string };
  actor: { id: string; name: string };
  /** The owner when the change was made: their own changes are not announced. */
  ownerId: string | null;
  /** Owner and backup before and after the change; the actor is left out. */
  people: (string | null | undefined)[];
  what: string;
  why: string | null;
};

// A short notice (who, what, why, link) to the owner and backup when someone else changed the
// app's thresholds, backup or ownership. Queued in the change's own transaction, so a change that
// rolls back announces nothing; delivered in the person's next grouped message.
export async function queueChangeNotice(tx: Tx, n: ChangeNotice, now = new Date()): Promise<number> {
  if (n.ownerId === null || n.ownerId === n.actor.id) return 0;
  const ids = [...new Set(n.people.filter((p): p is string => typeof p === "string" && p !== n.actor.id))];
  if (ids.length === 0) return 0;
  const people = await tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, notifyEmail: true, notifyWebhook: true } });
  const notice = { appId: n.app.appId, appName: n.app.name, actor: n.actor.name, what: n.what, why: n.why };
  return queueFor(tx, { findingId: null, event: "changed", notice }, people, Boolean(env().SMTP_URL), now);
}
