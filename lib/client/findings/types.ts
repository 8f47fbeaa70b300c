// Shapes returned by the findings API (app/api/apps/[appId]/findings, app/api/me/findings).
export type Detector = "crash" | "trend" | "threshold" | "anomaly";
export type FindingSeverity = "critical" | "warning" | "info";
export type FindingStatus = "open" | "resolved";

export interface FindingNotification {
  event: "opened" | "resolved" | string;
  channel: "email" | "webhook" | string;
  /** The responder's email, or "webhook at <host>" (a webhook's path is a secret). */
  recipient: string;
  /** pending, sending, sent or failed. */
  status: string;
  attempts: number;
  sentAt: string | null;
  lastError: string | null;
  /** Every delivery attempt, oldest first. */
  deliveries: { at: string; outcome: "sent" | "retry" | "failed" | string; error: string | null; durationMs: number }[];
}

export interface Finding {
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

export interface MyFinding {
  id: string;
  appId: string;
  appName: string;
  detector: Detector;
  severity: FindingSeverity;
  startedAt: string;
  explanation: string;
}
