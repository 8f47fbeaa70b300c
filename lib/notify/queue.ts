import "server-only";
import type { Tx } from "@/lib/db/types";
import { channelsFor } from "@/lib/findings/window";

export type Contact = { id: string; notifyEmail: string | null; notifyWebhook: string | null };

export type QueueRow = { findingId: string | null; event: "opened" | "resolved" | "escalated" | "changed" | "reminder"; step?: number; notice?: unknown };

// Queues one row per person and channel. For findings the unique key (finding, event, channel,
// recipient, step) makes this idempotent: a repeated pass queues nothing new.
export async function queueFor(tx: Tx, row: QueueRow, people: (Contact | null | undefined)[], smtp: boolean, now: Date): Promise<number> {
  const seen = new Set<string>();
  let n = 0;
  for (const p of people) {
    if (!p || seen.has(p.id)) continue;
    seen.add(p.id);
    for (const c of channelsFor(p, smtp)) {
      const data = {
        findingId: row.findingId, event: row.event, step: row.step ?? 0, channel: c.channel, recipient: c.recipient, userId: p.id,
        notice: row.notice === undefined ? null : JSON.stringify(row.notice), nextAttemptAt: now,
      };
      if (row.findingId === null) await tx.notification.create({ data });
      else {
        await tx.notification.upsert({
          where: { findingId_event_channel_recipient_step: { findingId: row.findingId, event: row.event, channel: c.channel, recipient: c.recipient, step: data.step } },
          create: data,
          update: {},
        });
      }
      n += 1;
    }
  }
  return n;
}

// Whoever heard that a finding opened (first page or escalation) hears that it is over.
export async function queueResolved(tx: Tx, findingId: string, now: Date): Promise<number> {
  const heard = await tx.notification.findMany({
    where: { findingId, event: { in: ["opened", "escalated"] }, status: { not: "skipped" } },
    select: { userId: true, channel: true, recipient: true },
  });
  const seen = new Set<string>();
  let n = 0;
  for (const h of heard) {
    const key = `${h.channel}\u0000${h.recipient}`;
    if (seen.has(key)) continue;
    seen.add(key);
    await tx.notification.upsert({
      where: { findingId_event_channel_recipient_step: { findingId, event: "resolved", channel: h.channel, recipient: h.recipient, step: 0 } },
      create: { findingId, event: "resolved", channel: h.channel, recipient: h.recipient, userId: h.userId, nextAttemptAt: now },
      update: {},
    });
    n += 1;
  }
  return n;
}
