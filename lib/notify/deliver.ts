import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { notificationMetrics } from "@/lib/metrics/registry";
import { OutboundError } from "@/lib/net/outbound";
import { ackLink, portalUrl } from "./ack-link";
import { sendEmail, sendWebhook, type Channel } from "./channels";
import { buildDigest, type DigestItem, type NoticeItem } from "./message";
import { backoffDelayMs } from "@/lib/retry/backoff";
import { MAX_ATTEMPTS, NOTIFY_RETRY } from "./backoff";

// A claimed notification is leased for this long; one whose sender died becomes due again.
const LEASE_MS = 5 * 60_000;

// What people read of a failed attempt. Webhooks: only the HTTP status class or timeout (the
// remote side's text and the reason for a refusal would turn the portal into a probe of
// private networks); the detail goes to the server log.
function publicError(channel: Channel, error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  if (channel === "webhook") {
    console.warn(`[notify] webhook delivery failed: ${detail}`);
    return error instanceof OutboundError ? error.publicReason() : "failed (no connection)";
  }
  return detail.slice(0, 500);
}

export type DeliveryReport = { sent: number; retried: number; failed: number; skipped: number; messages: number };

const dueInclude = {
  finding: {
    select: {
      id: true, detector: true, severity: true, status: true, explanation: true, startedAt: true, resolvedAt: true, acknowledgedAt: true,
      app: { select: { appId: true, name: true } },
    },
  },
} as const;

type Due = Awaited<ReturnType<typeof loadDue>>[number];

function loadDue(now: Date, limit: number) {
  return db().notification.findMany({
    where: { status: { in: ["pending", "sending"] }, nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
    include: dueInclude,
  });
}

// A page for a finding that was acknowledged or resolved before it went out is not sent:
// somebody is already on it (this is what stops escalation messages queued just before an ack).
function stale(n: Due): boolean {
  if (n.event !== "opened" && n.event !== "escalated") return false;
  return !n.finding || n.finding.status !== "open" || n.finding.acknowledgedAt !== null;
}

function toItem(n: Due): DigestItem | null {
  if (n.event === "reminder") {
    try {
      const v = JSON.parse(n.notice ?? "") as { kind: "confirm" | "stale"; apps: { appId: string; appName: string; reasons: string[] }[] };
      return { kind: "reminder", reminder: v.kind, apps: v.apps };
    } catch {
      return null;
    }
  }
  if (n.event === "changed") {
    try {
      return { kind: "notice", ...(JSON.parse(n.notice ?? "") as Omit<NoticeItem, "kind">) };
    } catch {
      return null;
    }
  }
  const f = n.finding;
  if (!f) return null;
  return {
    kind: "finding", event: n.event as "opened" | "resolved" | "escalated", step: n.step, findingId: f.id,
    appId: f.app?.appId ?? null, appName: f.app?.name ?? null, detector: f.detector, severity: f.severity,
    explanation: f.explanation, startedAt: f.startedAt, resolvedAt: f.resolvedAt, reason: n.event === "escalated" ? reasonOf(n.notice) : null,
  };
}

// Escalation rows keep why this person hears it ({ "reason": "lead" }) in `notice`.
function reasonOf(notice: string | null): string | null {
  try {
    const v = JSON.parse(notice ?? "null") as { reason?: unknown } | null;
    return typeof v?.reason === "string" ? v.reason : null;
  } catch {
    return null;
  }
}

// Sends every due notification, one message per recipient and channel. Guarantee: at-least-once.
// Each row is claimed with a conditional update first, so two replicas (or two ticks) never send
// the same row at the same time; but a crash after a send and before its rows are marked sent
// makes them due again when the lease runs out, and they are sent again. The message then
// carries the same idempotency key (a hash of the rows it carries; header `Idempotency-Key`,
// email Message-ID), so a receiver can drop the repeat.
export async function deliverDue(now = new Date(), limit = 500): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0, skipped: 0, messages: 0 };
  const due = await loadDue(now, limit);
  const claimed: Due[] = [];
  for (const n of due) {
    const { count } = await db().notification.updateMany({
      where: { id: n.id, status: n.status, nextAttemptAt: n.nextAttemptAt },
      data: { status: "sending", nextAttemptAt: new Date(now.getTime() + LEASE_MS) },
    });
    if (count !== 1) continue;
    if (stale(n)) {
      await db().notification.update({ where: { id: n.id }, data: { status: "skipped", lastError: "acknowledged or resolved before it was sent" } });
      report.skipped += 1;
      continue;
    }
    claimed.push(n);
  }
  const groups = new Map<string, Due[]>();
  for (const n of claimed) {
    const key = `${n.channel}\u0000${n.recipient}`;
    groups.set(key, [...(groups.get(key) ?? []), n]);
  }
  for (const rows of groups.values()) await sendGroup(rows, now, report);
  return report;
}

async function sendGroup(rows: Due[], now: Date, report: DeliveryReport): Promise<void> {
  const e = env();
  const first = rows[0] as Due;
  const channel = first.channel as Channel;
  const userId = rows.find((r) => r.userId)?.userId ?? null;
  const key = crypto.createHash("sha256").update(rows.map((r) => r.id).sort().join(",")).digest("hex").slice(0, 32);
  const items = rows.map(toItem).filter((i): i is DigestItem => i !== null);
  const digest = buildDigest({
    recipient: first.recipient.includes("@") ? first.recipient : "webhook",
    items, portalUrl: portalUrl(), idempotencyKey: key,
    ackUrl: (ids) => (userId ? ackLink(ids, userId, now) : null),
  });
  const ids = rows.map((r) => r.id);
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  try {
    if (channel === "webhook") await sendWebhook(first.recipient, digest.json, key, e.NOTIFY_TIMEOUT_MS);
    else await sendEmail(first.recipient, digest, key, { smtpUrl: e.SMTP_URL, from: e.SMTP_FROM, timeoutMs: e.NOTIFY_TIMEOUT_MS });
    const durationMs = took();
    await db().$transaction([
      ...rows.map((r) => db().notification.update({ where: { id: r.id }, data: { status: "sent", sentAt: new Date(), batchKey: key, attempts: r.attempts + 1, lastError: null } })),
      db().notificationAttempt.createMany({ data: ids.map((notificationId) => ({ notificationId, outcome: "sent", durationMs })) }),
    ]);
    notificationMetrics().sent.inc({ channel, outcome: "sent" }, rows.length);
    report.sent += rows.length;
    report.messages += 1;
  } catch (error) {
    const message = publicError(channel, error);
    const durationMs = took();
    // the rows of one message retry together (one delay), so the retry is the same message
    const retryAt = new Date(Date.now() + backoffDelayMs(NOTIFY_RETRY, Math.max(...rows.map((r) => r.attempts)) + 1));
    for (const r of rows) {
      const attempts = r.attempts + 1;
      const giveUp = attempts >= MAX_ATTEMPTS;
      await db().notification.update({
        where: { id: r.id },
        data: {
          attempts,
          status: giveUp ? "failed" : "pending",
          nextAttemptAt: retryAt,
          lastError: message,
          deliveries: { create: { outcome: giveUp ? "failed" : "retry", error: message, durationMs } },
        },
      });
      notificationMetrics().sent.inc({ channel, outcome: giveUp ? "failed" : "retry" });
      if (giveUp) report.failed += 1;
      else report.retried += 1;
    }
  }
}
