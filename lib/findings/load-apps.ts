import "server-only";
import { db } from "@/lib/db/client";
import { pagedByAppId } from "@/lib/db/paged";
import { contactSelect } from "@/lib/ownership/views";
import { parsePromDuration } from "@/lib/grafana/duration";
import type { Thresholds } from "@/lib/detection";

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
    const forMs = t ? parsePromDuration(t.forDuration) : null;
    const thresholds: Thresholds | null =
      t && t.enabled
        ? {
            floorRps: t.floorRps,
            ...(t.ceilingRps !== null ? { ceilingRps: t.ceilingRps } : {}),
            ...(t.maxWeeklyDropPercent !== null ? { maxWeeklyDropPercent: t.maxWeeklyDropPercent } : {}),
            forSeconds: (forMs ?? 0) / 1000,
          }
        : null;
    return { ...a, thresholdsForDetection: thresholds };
  });
}

export type DetectionApp = Awaited<ReturnType<typeof loadAppsForDetection>>[number];
