"use client";

import { useState } from "react";
import { QueryBoundary } from "@/components/query-boundary";
import { TableSkeleton } from "@/components/skeleton";
import { formatDateTime } from "@/lib/client/format";
import { shapeTrafficChart } from "@/lib/client/thresholds/chart-data";
import { draftLimits, formFromThresholds, type ThresholdFormValues } from "@/lib/client/thresholds/form";
import type { TrafficRange } from "@/lib/client/thresholds/types";
import type { CurrentThresholds, DryRunResult } from "@/lib/client/thresholds/types";
import { useAppTraffic } from "@/lib/client/use-app-traffic";
import { useThresholds } from "@/lib/client/thresholds/use-thresholds";
import { ThresholdForm } from "./threshold-form";
import { ThresholdHistory } from "./threshold-history";
import { TrafficChart } from "./traffic-chart";

const RANGE_LABELS: Record<TrafficRange, string> = { "24h": "Last 24 hours", "7d": "Last 7 days" };

/** Thresholds of one app: the editor with a dry run, recent traffic against the limits, and every version. */
export function ThresholdsSection({ appId }: { appId: string }) {
  const current = useThresholds(appId);
  return (
    <QueryBoundary query={current} loading={<TableSkeleton rows={3} columns={3} label="Loading thresholds" />} errorTitle="Thresholds could not be loaded">
      {(data) => <ThresholdsEditor appId={appId} current={data} onReload={() => void current.refetch()} />}
    </QueryBoundary>
  );
}

function ThresholdsEditor({ appId, current, onReload }: { appId: string; current: CurrentThresholds; onReload: () => void }) {
  const [range, setRange] = useState<TrafficRange>("24h");
  const traffic = useAppTraffic(appId, range);
  // Both belong to the version being edited; a save or rollback makes them stale.
  const [draft, setDraft] = useState<{ version: number; values: ThresholdFormValues } | null>(null);
  const [dryRun, setDryRun] = useState<{ version: number; result: DryRunResult } | null>(null);

  const { thresholds, canEdit } = current;
  const version = thresholds?.version ?? 0;
  const values = draft?.version === version ? draft.values : formFromThresholds(thresholds);
  const firings = dryRun?.version === version ? dryRun.result.firings : [];
  // A missing traffic endpoint or a failed load shows the empty chart: the editor still works.
  const chart = shapeTrafficChart(traffic.data ?? [], draftLimits(values), firings);

  return (
    <section className="card stack" aria-labelledby="thresholds-heading">
      <h2 id="thresholds-heading">Traffic thresholds</h2>
      <p className="muted">
        {thresholds
          ? `Version ${thresholds.version}, saved ${formatDateTime(thresholds.createdAt)}${thresholds.author ? ` by ${thresholds.author.name}` : ""}${thresholds.enabled ? "" : " — alerting paused"}.`
          : "No thresholds yet: nobody is alerted on this app's traffic."}
      </p>
      {canEdit ? null : <p className="hint">Only the owner, the backup, the team&apos;s lead or an admin can change the thresholds.</p>}

      <div className="row-actions" role="group" aria-label="Traffic range">
        {(Object.keys(RANGE_LABELS) as TrafficRange[]).map((r) => (
          <button key={r} type="button" className={`button button-small${r === range ? "" : " button-secondary"}`} aria-pressed={r === range} onClick={() => setRange(r)}>
            {RANGE_LABELS[r]}
          </button>
        ))}
      </div>
      <TrafficChart chart={chart} label={`Traffic of ${appId}, ${RANGE_LABELS[range].toLowerCase()}, with its floor and ceiling`} multiDay={range !== "24h"} />

      <ThresholdForm
        key={version}
        appId={appId}
        current={thresholds}
        canEdit={canEdit}
        onDraftChange={(next) => setDraft({ version, values: next })}
        onDryRun={(result) => setDryRun(result ? { version, result } : null)}
        onReload={onReload}
      />

      <h3>Versions</h3>
      <ThresholdHistory appId={appId} canEdit={canEdit} />
    </section>
  );
}
