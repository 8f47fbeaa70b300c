"use client";

import type { QueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/lib/client/query-keys";
import type { CurrentThresholds, Thresholds } from "./types";

/** After a new version was saved: show it at once, then refresh its history and the app's audit. */
export async function settleThresholds(queryClient: QueryClient, appId: string, thresholds: Thresholds): Promise<void> {
  queryClient.setQueryData<CurrentThresholds>(queryKeys.apps.thresholds(appId), (old) => ({ canEdit: old?.canEdit ?? true, thresholds }));
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.apps.thresholdHistory(appId) }),
    queryClient.invalidateQueries({ queryKey: queryKeys.apps.audit(appId) }),
  ]);
}
