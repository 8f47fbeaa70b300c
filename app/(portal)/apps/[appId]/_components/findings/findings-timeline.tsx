import { formatDateTime, formatRelative } from "@/lib/client/format";
import { DETECTOR_LABELS } from "@/lib/client/findings/format";
import type { Finding } from "@/lib/client/findings/types";
import { formatDuration } from "@/lib/client/thresholds/format";
import { SeverityBadge } from "./severity-badge";

/** Resolved findings, newest first: when each started, when it ended, how long it lasted. */
export function FindingsTimeline({ appId, findings }: { appId: string; findings: Finding[] }) {
  return (
    <ol className="timeline" aria-label={`Resolved findings of ${appId}, newest first`}>
      {findings.map((f) => (
        <li key={f.id} className={`timeline-item timeline-${f.severity}`}>
          <div className="timeline-head">
            <SeverityBadge severity={f.severity} /> <strong>{DETECTOR_LABELS[f.detector]}</strong>
            {f.resolvedAt ? <span className="muted"> · lasted {formatDuration(Date.parse(f.resolvedAt) - Date.parse(f.startedAt))}</span> : null}
            {f.resolvedAt ? (
              <time dateTime={f.resolvedAt} title={formatDateTime(f.resolvedAt)} className="timeline-time">
                resolved {formatRelative(f.resolvedAt)}
              </time>
            ) : null}
          </div>
          <p className="finding-history-text">{f.explanation}</p>
          {f.acknowledgedBy && f.acknowledgedAt ? (
            <p className="cell-sub">
              Acknowledged by {f.acknowledgedBy.name} at <time dateTime={f.acknowledgedAt}>{formatDateTime(f.acknowledgedAt)}</time>
            </p>
          ) : null}
          {f.resolvedBy ? (
            <p className="cell-sub">
              Resolved by hand by {f.resolvedBy.name}: “{f.resolveReason}”
            </p>
          ) : null}
          <p className="cell-sub">
            <time dateTime={f.startedAt}>{formatDateTime(f.startedAt)}</time> <span aria-label="until">→</span>{" "}
            {f.resolvedAt ? <time dateTime={f.resolvedAt}>{formatDateTime(f.resolvedAt)}</time> : "—"}
          </p>
        </li>
      ))}
    </ol>
  );
}
