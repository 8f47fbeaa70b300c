// Pure wording for findings: labels, badge tones and numbers as people read them.
import { percent, rps } from "@/lib/detection/explain";
import type { Detector, Finding, FindingNotification, FindingSeverity } from "./types";

export const SEVERITY_LOOK: Record<FindingSeverity, { label: string; tone: string; colour: string }> = {
  critical: { label: "Critical", tone: "badge-danger", colour: "var(--danger)" },
  warning: { label: "Warning", tone: "badge-warning", colour: "var(--warning)" },
  info: { label: "Info", tone: "badge-accent", colour: "var(--accent)" },
};

export const DETECTOR_LABELS: Record<Detector, string> = {
  crash: "Crash",
  trend: "Trend",
  threshold: "Threshold breach",
  anomaly: "Anomaly",
  no_data: "No data",
  source_down: "Traffic source down",
};

const RANK: Record<FindingSeverity, number> = { critical: 0, warning: 1, info: 2 };

/** Most severe first, then the newest. */
export function byUrgency<T extends { severity: FindingSeverity; startedAt: string }>(findings: readonly T[]): T[] {
  return [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity] || Date.parse(b.startedAt) - Date.parse(a.startedAt));
}

export const formatRps = (v: number) => `${rps(v)} req/s`;

/** What "expected" means for the detector: threshold findings compare with the limit. */
export function expectedLabel(detector: Detector): string {
  return detector === "threshold" ? "Limit" : "Expected";
}

/** The detector's own measure of how far off the traffic is. */
export function describeDeviation(f: Pick<Finding, "detector" | "deviation">): string {
  const d = f.deviation;
  switch (f.detector) {
    case "crash":
      return `${percent(d)} below expected`;
    case "trend":
      return `${d < 0 ? "losing" : "growing"} ${percent(d)} per day`;
    case "threshold":
      return `${percent(d)} ${d < 0 ? "below" : "above"} the limit`;
    case "anomaly":
      return `anomaly score ${d.toFixed(2)}`;
    case "no_data":
      return `no samples for ${Math.round(d)} min`;
    case "source_down":
      return `${percent(d)} of the apps with traffic`;
  }
}

const CHANNELS: Record<string, string> = { email: "Email", webhook: "Webhook" };

/** "Email when it opened", and how the delivery went, with a badge tone. */
export function describeNotification(n: FindingNotification): { what: string; outcome: string; tone: string } {
  const when = n.event === "escalated" ? `at escalation step ${n.step}` : `when it ${n.event}`;
  const what = `${CHANNELS[n.channel] ?? n.channel} ${when}`;
  const tries = `${n.attempts} attempt${n.attempts === 1 ? "" : "s"}`;
  if (n.status === "sent") return { what, outcome: "sent", tone: "badge-success" };
  if (n.status === "skipped") return { what, outcome: "not sent: acknowledged first", tone: "badge-neutral" };
  if (n.status === "failed") return { what, outcome: `failed after ${tries}`, tone: "badge-danger" };
  if (n.attempts > 0) return { what, outcome: `retrying (${tries} so far)`, tone: "badge-warning" };
  return { what, outcome: n.status === "sending" ? "sending" : "queued", tone: "badge-neutral" };
}
