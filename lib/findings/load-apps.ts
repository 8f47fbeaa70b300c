import "server-only";
import { db } from "@/lib/db/client";
import { pagedByAppId } from "@/lib/db/paged";
import type { DetectionSettings } from "@/lib/detection";
import { env } from "@/lib/env";
import { contactSelect } from "@/lib/ownership/views";
import { detectionThresholds, settingsOf } from "@/lib/thresholds/view";

const person = { select: contactSelect } as const;

// Everything one detection pass needs about the apps, a page of apps at a time.
export async function loadAppsForDetection(appId?: string) {
  const apps = await pagedByAppId((page) => db().app.findMany({
    where: appId ? { appId } : page.where,
    take: page.take,
    select: {
      id: true, appId: true, name: true,
      ownership: { select: { owner: person, backup: person } },
      thresholds: { orderBy: { version: "desc" }, take: 1 },
      findings: { where: { status: "open" } },
    },
    orderBy: { appId: "asc" },
  }));
  return apps.map((a) => {
    const t = a.thresholds[0];
    return { ...a, thresholdsForDetection: t ? detectionThresholds(settingsOf(t)) : null };
  });
}

export type DetectionApp = Awaited<ReturnType<typeof loadAppsForDetection>>[number];

const ANOMALY_HOLD_MS = 3_600_000;

/** The settings an app is evaluated with (a detection pass, and the start-up restore of its state). */
export function detectionSettings(app: Pick<DetectionApp, "appId" | "thresholdsForDetection">): DetectionSettings {
  // The anomaly score fires once and is then muted; looking back an hour (at least one
  // interval) means a hit is seen by the passes of the next hour, so its finding stays open
  // that long instead of flickering for one pass, or being missed between two passes.
  const evaluationIntervalMs = Math.max(ANOMALY_HOLD_MS, env().DETECTION_INTERVAL_SECONDS * 1000);
  return { appName: app.appId, thresholds: app.thresholdsForDetection, evaluationIntervalMs };
}
