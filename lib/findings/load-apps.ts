import "server-only";
import { db } from "@/lib/db/client";
import { pagedByAppId } from "@/lib/db/paged";
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
