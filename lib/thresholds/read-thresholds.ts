import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { loadApp } from "@/lib/ownership/load";
import { canEditThresholds } from "./permissions";
import { accessOf } from "./save-thresholds";
import { authorInclude, historyView, thresholdView } from "./view";

const HISTORY_LIMIT = 200;

/** The current (highest) version, or null before the first save, and whether I may change it. */
export async function currentThresholds(actor: Actor, appId: string) {
  const app = await loadApp(db(), appId);
  const row = await db().thresholdVersion.findFirst({ where: { appRef: app.id }, orderBy: { version: "desc" }, include: authorInclude });
  return { thresholds: row ? thresholdView(row) : null, canEdit: canEditThresholds(actor, accessOf(app)) };
}

export async function thresholdHistory(appId: string) {
  const app = await loadApp(db(), appId);
  // One more than shown, so the oldest shown version still gets its diff.
  const rows = await db().thresholdVersion.findMany({
    where: { appRef: app.id },
    orderBy: { version: "desc" },
    take: HISTORY_LIMIT + 1,
    include: authorInclude,
  });
  return historyView(rows).slice(0, HISTORY_LIMIT);
}
