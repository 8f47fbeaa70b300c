"use client";

import { QueryBoundary } from "@/components/query-boundary";
import { TableSkeleton } from "@/components/skeleton";
import { formatDateTime, formatRelative } from "@/lib/client/format";
import { describeSetting, FIELD_LABELS } from "@/lib/client/thresholds/format";
import { useRollbackThresholds } from "@/lib/client/thresholds/use-rollback-thresholds";
import { useThresholdHistory } from "@/lib/client/thresholds/use-threshold-history";
import type { ThresholdVersion } from "@/lib/client/thresholds/types";

export function ThresholdHistory({ appId, canEdit }: { appId: string; canEdit: boolean }) {
  const history = useThresholdHistory(appId);
  const rollback = useRollbackThresholds(appId);

  return (
    <QueryBoundary query={history} loading={<TableSkeleton rows={2} columns={2} label="Loading threshold history" />} errorTitle="Threshold history could not be loaded">
      {(versions) => (versions.length === 0 ? <p className="muted">No thresholds saved yet.</p> : <Versions appId={appId} canEdit={canEdit} versions={versions} rollback={rollback} />)}
    </QueryBoundary>
  );
}

function Versions({ appId, canEdit, versions, rollback }: { appId: string; canEdit: boolean; versions: ThresholdVersion[]; rollback: ReturnType<typeof useRollbackThresholds> }) {
  const latest = versions[0]?.version;
  return (
    <ol className="timeline" aria-label={`Threshold versions of ${appId}, newest first`}>
      {versions.map((v) => (
        <li key={v.version} className="timeline-item">
          <div className="timeline-head">
            <strong>Version {v.version}</strong>
            {v.version === latest ? <span className="badge badge-accent">current</span> : null}
            {v.rolledBackFrom !== null ? <span className="badge badge-neutral">restores version {v.rolledBackFrom}</span> : null}
            {v.author ? <span className="muted"> by {v.author.name}</span> : null}
            <time dateTime={v.createdAt} title={formatDateTime(v.createdAt)} className="timeline-time">
              {formatRelative(v.createdAt)}
            </time>
          </div>
          {v.diff.length > 0 ? (
            <ul className="changes">
              {v.diff.map((change) => (
                <li key={change.field}>
                  <span className="change-field">{FIELD_LABELS[change.field]}:</span>{" "}
                  <span className="change-before">{describeSetting(change.field, change.from)}</span> <span aria-label="changed to">→</span>{" "}
                  <span className="change-after">{describeSetting(change.field, change.to)}</span>
                </li>
              ))}
            </ul>
          ) : null}
          <p className="timeline-reason">“{v.reason}”</p>
          {canEdit && v.version !== latest ? (
            <button
              type="button"
              className="button button-secondary button-small"
              disabled={rollback.isPending}
              onClick={() => rollback.mutate(v.version)}
              aria-label={`Roll back to version ${v.version}`}
            >
              Roll back to this version
            </button>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
