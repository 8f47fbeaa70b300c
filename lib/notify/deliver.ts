import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { notificationMetrics } from "@/lib/metrics/registry";
import { OutboundError } from "@/lib/net/outbound";
import { sendEmail, sendWebhook, type Channel } from "./channels";
import { buildMessage, type NotifyEvent } from "./message";
import { MAX_ATTEMPTS, retryDelayMs } from "./backoff";

// A claimed notification is leased for this long; one whose sender died becomes due again.
const LEASE_MS = 5 * 60_000;

export function idempotencyKey(findingId: string, event: string): string {
  return `${findingId}:${event}`;
}

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

export type DeliveryReport = { sent: number; retried: number; failed: number };

function portalUrl(): string {
  const e = env();
  return e.PORTAL_URL ?? `http://${e.HOST}:${e.PORT}`;
}

// Sends every due notification. Each row is claimed with a conditional update first, so two
// replicas (or two ticks) never send the same notification at the same time.
// Delivery is AT-LEAST-ONCE, not exactly-once: if the process dies (or the database write
// fails) after the receiver got the message but before "sent" is recorded, the claim's lease
// runs out and the message is sent again. Every webhook carries an idempotency key
// "<findingId>:<event>" (header Idempotency-Key and field idempotency_key), the same on every
// attempt, so a receiver can drop repeats; an email repeat carries the same subject.
export async function deliverDue(now = new Date(), limit = 200): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
  const due = await db().notification.findMany({
    where: { status: { in: ["pending", "sending"] }, nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
    include: { finding: { include: { app: { select: { appId: true, name: true } } } } },
  });
  const e = env();
  for (const n of due) {
    const claimed = await db().notification.updateMany({
      where: { id: n.id, status: n.status, nextAttemptAt: n.nextAttemptAt },
      data: { status: "sending", nextAttemptAt: new Date(now.getTime() + LEASE_MS) },
    });
    if (claimed.count !== 1) continue;
    const f = n.finding;
    const message = buildMessage({
      event: n.event as NotifyEvent, appId: f.app.appId, appName: f.app.name, detector: f.detector, severity: f.severity,
      explanation: f.explanation, startedAt: f.startedAt, resolvedAt: f.resolvedAt, portalUrl: portalUrl(),
    });
    const channel = n.channel as Channel;
    const started = performance.now();
    const took = () => Math.round(performance.now() - started);
    try {
      if (channel === "webhook") await sendWebhook(n.recipient, message, e.NOTIFY_TIMEOUT_MS, idempotencyKey(n.findingId, n.event));
      else await sendEmail(n.recipient, message, { smtpUrl: e.SMTP_URL, from: e.SMTP_FROM, timeoutMs: e.NOTIFY_TIMEOUT_MS });
      await db().notification.update({
        where: { id: n.id },
        data: { status: "sent", sentAt: new Date(), attempts: n.attempts + 1, lastError: null, deliveries: { create: { outcome: "sent", durationMs: took() } } },
      });
      notificationMetrics().sent.inc({ channel, outcome: "sent" });
      report.sent += 1;
    } catch (error) {
      const attempts = n.attempts + 1;
      const giveUp = attempts >= MAX_ATTEMPTS;
      const message = publicError(channel, error);
      await db().notification.update({
        where: { id: n.id },
        data: {
          attempts,
          status: giveUp ? "failed" : "pending",
          nextAttemptAt: new Date(Date.now() + retryDelayMs(attempts)),
          lastError: message,
          deliveries: { create: { outcome: giveUp ? "failed" : "retry", error: message, durationMs: took() } },
        },
      });
      notificationMetrics().sent.inc({ channel, outcome: giveUp ? "failed" : "retry" });
      if (giveUp) report.failed += 1;
      else report.retried += 1;
    }
  }
  return report;
}
