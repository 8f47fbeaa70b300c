"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { ThresholdVersion } from "./types";
import { thresholdsPath } from "./use-thresholds";

export function useThresholdHistory(appId: string) {
  return useQuery({
    queryKey: queryKeys.apps.thresholdHistory(appId),
    queryFn: ({ signal }) =>
      apiFetch<{ items: ThresholdVersion[] }>(`${thresholdsPath(appId)}/history`, { signal }).then((r) =>
        [...r.items].sort((a, b) => b.version - a.version),
      ),
  });
}
