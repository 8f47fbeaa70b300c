"use client";

import { QueryBoundary } from "@/components/query-boundary";
import { TableSkeleton } from "@/components/skeleton";
import { actionLabel, auditChanges } from "@/lib/client/audit-format";
import { formatDateTime, formatRelative } from "@/lib/client/format";
import { useAppAudit } from "@/lib/client/use-app-audit";

export function AuditTimeline({ appId }: { appId: string }) {
  const audit = useAppAudit(appId);
  return (
    <section className="card" aria-labelledby="audit-heading">
      <h2 id="audit-heading">History</h2>
      <QueryBoundary query={audit} loading={<TableSkeleton rows={3} columns={2} label="Loading history" />} errorTitle="History could not be loaded">
        {(data) => data.length === 0 ? (
        <p className="muted">No changes recorded yet.</p>
      ) : (
        <ol className="timeline" aria-label={`History of ${appId}, newest first`}>
          {data.map((event) => {
            const changes = auditChanges(event.before, event.after);
            return (
              <li key={event.id} className="timeline-item">
                <div className="timeline-head">
                  <strong>{actionLabel(event.action)}</strong>
                  <span className="muted">
                    {" "}
                    by {event.actor ? event.actor.name : "the system"}
                  </span>
                  <time dateTime={event.createdAt} title={formatDateTime(event.createdAt)} className="timeline-time">
                    {formatRelative(event.createdAt)}
                  </time>
                </div>
                {changes.length > 0 ? (
                  <ul className="changes">
                    {changes.map((change) => (
                      <li key={change.field}>
                        <span className="change-field">{change.field}:</span> <span className="change-before">{change.before}</span>{" "}
                        <span aria-label="changed to">→</span> <span className="change-after">{change.after}</span>
                      </li>
                    ))}
                  </ul>
                ) : null}
                {event.reason ? <p className="timeline-reason">“{event.reason}”</p> : null}
              </li>
            );
          })}
        </ol>
      )}
      </QueryBoundary>
    </section>
  );
}
