"use client";

import { useState } from "react";
import { EmptyState } from "@/components/empty-state";
import { ErrorPanel } from "@/components/error-panel";
import { QueryBoundary } from "@/components/query-boundary";
import { TableSkeleton } from "@/components/skeleton";
import { shapeDetectionChart } from "@/lib/client/findings/chart-data";
import { cadenceLabel, watchingLabel, type DetectionSchedule } from "@/lib/client/findings/cadence";
import { byUrgency } from "@/lib/client/findings/format";
import { DETECTION_RANGES, type DetectionRange } from "@/lib/client/findings/constants";
import { useAppFindings } from "@/lib/client/findings/use-app-findings";
import { useAppTraffic } from "@/lib/client/use-app-traffic";
import { DetectionChart } from "./detection-chart";
import { FindingsTimeline } from "./findings-timeline";
import { OpenFinding } from "./open-finding";

const RANGE_LABELS: Record<DetectionRange, string> = { "24h": "24 hours", "7d": "7 days", "14d": "14 days" };
// Open findings are few (one per detector); the timeline shows recent history, not an archive.
const OPEN_LIMIT = 50;
const RESOLVED_LIMIT = 20;

/** What detection found on this app: open findings first, the traffic they were found in, then history. */
export function DetectionSection({ appId, schedule }: { appId: string; schedule: DetectionSchedule }) {
  const open = useAppFindings(appId, "open", OPEN_LIMIT);
  const resolved = useAppFindings(appId, "resolved", RESOLVED_LIMIT);
  const [range, setRange] = useState<DetectionRange>("24h");
  const traffic = useAppTraffic(appId, range);

  let body;
  if (open.isPending || resolved.isPending) {
    body = <TableSkeleton rows={3} columns={3} label="Loading findings" />;
  } else if (open.isError || resolved.isError) {
    const retry = () => void Promise.all([open.refetch(), resolved.refetch()]);
    body = <ErrorPanel title="Findings could not be loaded" error={open.error ?? resolved.error} onRetry={retry} />;
  } else {
    const openItems = byUrgency(open.data);
    const chart = shapeDetectionChart(traffic.data ?? [], [...openItems, ...resolved.data]);
    body = (
      <>
        {openItems.length === 0 && resolved.data.length === 0 ? (
          <EmptyState title={watchingLabel(schedule)}>
            Crashes, slow trends, threshold breaches and unusual traffic will show up here.
          </EmptyState>
        ) : openItems.length === 0 ? (
          <p className="status-line status-available">Nothing open right now.</p>
        ) : (
          <ul className="finding-stack" aria-label={`Open findings of ${appId}`}>
            {openItems.map((f) => (
              <li key={f.id}>
                <OpenFinding finding={f} />
              </li>
            ))}
          </ul>
        )}

        <div className="section-subhead">
          <h3>Traffic and findings</h3>
          <div className="row-actions" role="group" aria-label="Detection chart range">
            {(Object.keys(DETECTION_RANGES) as DetectionRange[]).map((r) => (
              <button key={r} type="button" className={`button button-small${r === range ? "" : " button-secondary"}`} aria-pressed={r === range} onClick={() => setRange(r)}>
                {RANGE_LABELS[r]}
              </button>
            ))}
          </div>
        </div>
        <QueryBoundary query={traffic} loading={<TableSkeleton rows={4} columns={1} label="Loading traffic" />} errorTitle="Traffic could not be loaded">
          {(data) => (
          <DetectionChart chart={chart} label={`Traffic of ${appId} over the last ${RANGE_LABELS[range]}, with findings marked`} multiDay={range !== "24h"} />
        )}
        </QueryBoundary>

        {resolved.data.length > 0 ? (
          <>
            <h3>Resolved</h3>
            <FindingsTimeline appId={appId} findings={resolved.data} />
          </>
        ) : null}
      </>
    );
  }

  return (
    <section className="card stack detection" aria-labelledby="detection-heading">
      <div className="section-subhead">
        <h2 id="detection-heading">Detection</h2>
        <span className="muted">{cadenceLabel(schedule)}</span>
      </div>
      {body}
    </section>
  );
}
