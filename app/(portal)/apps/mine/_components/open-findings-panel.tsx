"use client";

import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { QueryBoundary } from "@/components/query-boundary";
import { TableSkeleton } from "@/components/skeleton";
import { formatDateTime, formatRelative } from "@/lib/client/format";
import { byUrgency, DETECTOR_LABELS, SEVERITY_LOOK } from "@/lib/client/findings/format";
import { useMyFindings } from "@/lib/client/findings/use-my-findings";
import { AckControls } from "@/components/findings/ack-controls";

/** What detection currently sees on the apps I answer for, most severe first. */
export function OpenFindingsPanel() {
  const findings = useMyFindings();
  return (
    <section className="card" aria-labelledby="open-findings-heading">
      <h2 id="open-findings-heading">
        Open findings{findings.data && findings.data.length > 0 ? <span className="badge badge-neutral heading-count">{findings.data.length}</span> : null}
      </h2>
      <QueryBoundary query={findings} loading={<TableSkeleton rows={2} columns={3} label="Loading open findings" />} errorTitle="Open findings could not be loaded">
        {(data) => data.length === 0 ? (
        <EmptyState title="All quiet: nothing open on your apps.">Detection checks every app each minute; anything it finds shows up here.</EmptyState>
      ) : (
        <ul className="finding-rows" aria-label="Open findings of my apps">
          {byUrgency(data).map((f) => {
            const look = SEVERITY_LOOK[f.severity];
            return (
              <li key={f.id} className={`finding-row finding-${f.severity}`}>
                <div className="finding-head">
                  <span className={`badge ${look.tone}`}>{look.label}</span>
                  <Link href={`/apps/${encodeURIComponent(f.appId)}`} className="app-id">
                    {f.appId}
                  </Link>
                  <span className="muted">
                    {f.appName} · {DETECTOR_LABELS[f.detector]}
                  </span>
                  <time dateTime={f.startedAt} title={formatDateTime(f.startedAt)} className="timeline-time">
                    started {formatRelative(f.startedAt)}
                  </time>
                </div>
                <p className="finding-row-text">{f.explanation}</p>
                <AckControls findingId={f.id} ack={f} label={`the ${DETECTOR_LABELS[f.detector]} finding of ${f.appId}`} />
              </li>
            );
          })}
        </ul>
      )}
      </QueryBoundary>
    </section>
  );
}
