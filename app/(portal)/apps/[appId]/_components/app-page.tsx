"use client";

import Link from "next/link";
import { notFound } from "next/navigation";
import { ErrorPanel } from "@/components/error-panel";
import { PageSkeleton } from "@/components/skeleton";
import { isApiError } from "@/lib/client/api";
import type { DetectionSchedule } from "@/lib/client/findings/cadence";
import { useApp } from "@/lib/client/use-app";
import { AppHeading } from "./app-heading";
import { AuditTimeline } from "./audit-timeline";
import { BackupForm } from "./backup-form";
import { ClaimSection } from "./claim-section";
import { DetectionSection } from "./findings/detection-section";
import { PredictionPanel } from "./prediction-panel";
import { ReleaseForm } from "./release-form";
import { ResponsibilitySection } from "./responsibility-section";
import { SilenceSection } from "./silence-section";
import { StewardshipSection } from "./stewardship-section";
import { SyncState } from "./sync-state";
import { ThresholdsSection } from "./thresholds/thresholds-section";
import { TransferForm } from "./transfer-form";

/** The app page is a stack of sections; later features (thresholds, traffic, findings) add theirs here. */
export function AppPage({ appId, schedule }: { appId: string; schedule: DetectionSchedule }) {
  const app = useApp(appId);

  if (app.isPending) return <PageSkeleton label={`Loading ${appId}`} />;
  if (app.isError) {
    if (isApiError(app.error, 404)) notFound();
    return <ErrorPanel title={`${appId} could not be loaded`} error={app.error} onRetry={() => void app.refetch()} />;
  }

  const data = app.data;
  return (
    <div className="stack-lg">
      <div className="page-meta">
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <Link href="/apps">All apps</Link> <span aria-hidden="true">/</span> <span>{data.appId}</span>
        </nav>
        <SyncState appId={data.appId} />
      </div>
      <AppHeading app={data} />
      <div className="app-grid">
        <div className="stack-lg">
          <ResponsibilitySection app={data} />
          <StewardshipSection app={data} />
          {data.owner ? null : <ClaimSection app={data} />}
          <DetectionSection appId={data.appId} schedule={schedule} />
          <PredictionPanel appId={data.appId} />
          <SilenceSection appId={data.appId} />
          <ThresholdsSection appId={data.appId} />
          <AuditTimeline appId={data.appId} />
        </div>
        {data.owner ? (
          <aside className="stack-lg" aria-label="Change responsibility">
            <BackupForm app={data} />
            <TransferForm app={data} />
            <ReleaseForm app={data} />
          </aside>
        ) : null}
      </div>
    </div>
  );
}
