"use client";

import { EmptyState } from "@/components/empty-state";
import { QueryBoundary } from "@/components/query-boundary";
import { TableSkeleton } from "@/components/skeleton";
import { formatDateTime, formatRelative } from "@/lib/client/format";
import type { GrafanaStatus } from "@/lib/client/grafana/types";
import { useGrafanaStatus } from "@/lib/client/grafana/use-grafana-status";
import { useReconcileGrafana } from "@/lib/client/grafana/use-reconcile-grafana";
import { useRetryGrafana } from "@/lib/client/grafana/use-retry-grafana";
import { DriftTable } from "./drift-table";
import { TaskTable } from "./task-table";

export function GrafanaAdmin() {
  const status = useGrafanaStatus();
  return (
    <QueryBoundary query={status} loading={<TableSkeleton label="Loading Grafana sync" rows={4} columns={5} />} errorTitle="Grafana sync could not be loaded">
      {(s) => <GrafanaSyncStatus s={s} />}
    </QueryBoundary>
  );
}

function GrafanaSyncStatus({ s }: { s: GrafanaStatus }) {
  if (!s.configured) {
    return (
      <section className="card" aria-labelledby="grafana-off-heading">
        <h2 id="grafana-off-heading">Grafana not configured</h2>
        <p className="muted">
          Set <code>GRAFANA_URL</code>, <code>GRAFANA_TOKEN</code> and <code>GRAFANA_DATASOURCE_UID</code> to turn the sync on
          (see docs/grafana.md). Changes are kept in the outbox meanwhile: {s.counts.pending} waiting.
        </p>
      </section>
    );
  }
  return (
    <div className="stack-lg">
      <Summary status={s} />
      <section className="card" aria-labelledby="failed-heading">
        <h2 id="failed-heading">Failed ({s.counts.failed})</h2>
        <p className="muted">Grafana refused these (not retried automatically except hourly). Fix the cause, then retry.</p>
        <TaskTable tasks={s.failed} caption="Failed Grafana sync tasks" empty="Nothing failed." />
      </section>
      <section className="card" aria-labelledby="pending-heading">
        <h2 id="pending-heading">Pending ({s.counts.pending})</h2>
        <TaskTable tasks={s.pending} caption="Grafana sync tasks waiting to run" empty="Nothing waiting: Grafana is up to date." />
      </section>
      <section className="card" aria-labelledby="drift-heading">
        <h2 id="drift-heading">Drift ({s.counts.drift})</h2>
        <p className="muted">Rules in Grafana that differ from the portal, as of the last reconcile.</p>
        {s.drift.length === 0 ? <EmptyState title="No drift recorded." /> : <DriftTable drift={s.drift} />}
      </section>
    </div>
  );
}

function Summary({ status }: { status: GrafanaStatus }) {
  const retry = useRetryGrafana();
  const reconcile = useReconcileGrafana();
  const busy = retry.isPending || reconcile.isPending;
  return (
    <section className="card" aria-labelledby="sync-summary-heading">
      <h2 id="sync-summary-heading">Status</h2>
      <p>
        Last successful sync:{" "}
        <strong title={formatDateTime(status.lastSyncSuccess)}>{formatRelative(status.lastSyncSuccess)}</strong>
      </p>
      <div className="row-actions">
        <button type="button" className="button" disabled={busy || status.counts.failed === 0} onClick={() => retry.mutate()}>
          {retry.isPending ? "Retrying…" : "Retry failed"}
        </button>
        <button type="button" className="button button-secondary" disabled={busy} onClick={() => reconcile.mutate({ repair: false })}>
          {reconcile.isPending && reconcile.variables?.repair === false ? "Checking…" : "Reconcile"}
        </button>
        <button type="button" className="button button-secondary" disabled={busy} onClick={() => reconcile.mutate({ repair: true })}>
          {reconcile.isPending && reconcile.variables?.repair ? "Repairing…" : "Reconcile / Repair"}
        </button>
      </div>
    </section>
  );
}
