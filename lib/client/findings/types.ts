// Shapes returned by the findings API (app/api/apps/[appId]/findings, app/api/me/findings).
import type { FindingDetector, Severity } from "@/lib/domain/enums";
export type Detector = FindingDetector;
export type FindingSeverity = Severity;
export type FindingStatus = "open" | "resolved";

export interface FindingNotification {
  event: "opened" | "resolved" | "escalated" | string;
  /** Escalation step (1, 2, …) for "escalated"; 0 otherwise. */
  step: number;
  channel: "email" | "webhook" | string;
  /** The responder's email, or "webhook at <host>" (a webhook's path is a secret). */
  recipient: string;
  /** pending, sending, sent, failed, or skipped (acknowledged or resolved before it went out). */
  status: string;
  attempts: number;
  sentAt: string | null;
  lastError: string | null;
  /** Every delivery attempt, oldest first. */
  deliveries: { at: string; outcome: "sent" | "retry" | "failed" | string; error: string | null; durationMs: number }[];
}

export interface Finding extends FindingAck {
  id: string;
  detector: Detector;
  severity: FindingSeverity;
  status: FindingStatus;
  startedAt: string;
  resolvedAt: string | null;
  /** Req/s at the latest evaluation. */
  observed: number;
  /** Req/s expected then (for threshold findings: the limit that was crossed). */
  expected: number;
  band: [number, number] | null;
  /** Detector-specific: fraction below expected, rate per day, fraction past the limit, or score. */
  deviation: number;
  window: { from: string; to: string };
  explanation: string;
  notifications: FindingNotification[];
}

/** Who is on a finding, and how the portal decided who hears about it. */
export interface FindingAck {
  acknowledgedAt: string | null;
  acknowledgedBy: { email: string; name: string } | null;
  /** Set when a person resolved it by hand. */
  resolvedBy: { email: string; name: string } | null;
  resolveReason: string | null;
  /** pending | paged | silenced | covered | quiet */
  pageState: string;
  /** The source_down finding that covers it, if any. */
  coveredBy: string | null;
  silenced: boolean;
}

export interface MyFinding extends FindingAck {
  id: string;
  appId: string;
  appName: string;
  detector: Detector;
  severity: FindingSeverity;
  startedAt: string;
  explanation: string;
}
