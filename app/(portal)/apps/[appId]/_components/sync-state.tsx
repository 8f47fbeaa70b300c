"use client";

import { formatDateTime, formatRelative } from "@/lib/client/format";
import type { AppSyncStateName } from "@/lib/client/grafana/types";
import { useAppSync } from "@/lib/client/grafana/use-app-sync";

const LOOK: Record<AppSyncStateName, { label: string; tone: string }> = {
  synced: { label: "In Grafana", tone: "badge-success" },
  pending: { label: "Syncing to Grafana", tone: "badge-accent" },
  failed: { label: "Grafana sync failed", tone: "badge-danger" },
  not_configured: { label: "Grafana not configured", tone: "badge-neutral" },
};

/** Small badge: whether this app's alert rule has reached Grafana (and any drift found there). */
export function SyncState({ appId }: { appId: string }) {
  const sync = useAppSync(appId);
  if (sync.isPending) return <span className="badge badge-neutral" aria-busy="true">Grafana…</span>;
  if (sync.isError) return null;
  const s = sync.data;
  const look = LOOK[s.state];
  const detail = s.lastError ?? (s.syncedAt ? `Last synced ${formatDateTime(s.syncedAt)}` : undefined);
  return (
    <span className="person" role="status" aria-label={`Grafana sync: ${look.label}`}>
      <span className={`badge ${look.tone}`} title={detail}>
        {look.label}
      </span>
      {s.state === "synced" && s.syncedAt ? <span className="cell-sub">{formatRelative(s.syncedAt)}</span> : null}
      {s.drift ? (
        <span className="badge badge-warning" title={s.drift.diff.message}>
          Edited in Grafana
        </span>
      ) : null}
    </span>
  );
}
