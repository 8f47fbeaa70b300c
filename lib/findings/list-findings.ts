import "server-only";
import { db } from "@/lib/db/client";
import { appRefOf } from "@/lib/ownership/load";

const iso = (d: Date | null) => d?.toISOString() ?? null;

const person = { select: { email: true, name: true } } as const;
const ackInclude = { acknowledgedBy: person, resolvedBy: person } as const;
type Person = { email: string; name: string };

// Who is on it, and who closed it by hand and why: shown on the app page and My apps.
function ackFields(f: {
  acknowledgedAt: Date | null; acknowledgedBy: Person | null; resolvedBy: Person | null; resolveReason: string | null; pageState: string;
  coveredById: string | null; silenceId: string | null;
}) {
  return {
    acknowledgedAt: iso(f.acknowledgedAt),
    acknowledgedBy: f.acknowledgedBy,
    resolvedBy: f.resolvedBy,
    resolveReason: f.resolveReason,
    pageState: f.pageState,
    coveredBy: f.coveredById,
    silenced: f.silenceId !== null,
  };
}

// A webhook URL is a credential (its path is the secret): show only its host.
export function shownRecipient(channel: string, recipient: string): string {
  if (channel !== "webhook") return recipient;
  try {
    return `webhook at ${new URL(recipient).host}`;
  } catch {
    return "webhook";
  }
}

export async function listFindings(appId: string, status: "open" | "resolved" | "all", limit: number) {
  const appRef = await appRefOf(appId);
  const rows = await db().finding.findMany({
    where: { appRef: appRef, ...(status === "all" ? {} : { status }) },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: limit,
    include: {
      ...ackInclude,
      notifications: {
        select: {
          event: true, step: true, channel: true, recipient: true, status: true, attempts: true, sentAt: true, lastError: true,
          deliveries: { orderBy: { at: "asc" }, select: { at: true, outcome: true, error: true, durationMs: true } },
        },
      },
    },
  });
  return rows.map((f) => ({
    id: f.id,
    detector: f.detector,
    severity: f.severity,
    status: f.status,
    startedAt: f.startedAt.toISOString(),
    resolvedAt: iso(f.resolvedAt),
    observed: f.observed,
    expected: f.expected,
    band: f.bandLow !== null && f.bandHigh !== null ? [f.bandLow, f.bandHigh] : null,
    deviation: f.deviation,
    window: { from: f.windowFrom.toISOString(), to: f.windowTo.toISOString() },
    explanation: f.explanation,
    ...ackFields(f),
    notifications: f.notifications.map((n) => ({
      ...n,
      recipient: shownRecipient(n.channel, n.recipient),
      sentAt: iso(n.sentAt),
      deliveries: n.deliveries.map((d) => ({ ...d, at: d.at.toISOString() })),
    })),
  }));
}

// Open findings of the apps a person owns or backs up, for "My apps".
export async function openFindingsFor(userId: string) {
  const rows = await db().finding.findMany({
    where: { status: "open", app: { ownership: { OR: [{ ownerId: userId }, { backupId: userId }] } } },
    orderBy: { startedAt: "desc" },
    take: 200,
    include: { app: { select: { appId: true, name: true } }, ...ackInclude },
  });
  return rows.map((f) => ({
    id: f.id, appId: f.app?.appId ?? "", appName: f.app?.name ?? "", detector: f.detector, severity: f.severity,
    startedAt: f.startedAt.toISOString(), explanation: f.explanation, ...ackFields(f),
  }));
}
