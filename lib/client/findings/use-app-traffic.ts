"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch, withQuery } from "@/lib/client/api";
import type { TrafficPoint } from "@/lib/client/thresholds/types";
import { DETECTION_RANGES, findingKeys, type DetectionRange } from "./keys";

/**
 * Traffic for the detection chart. The threshold editor's hook stops at 7 days; this one adds
 * 14 days and shares its cache entries for the shorter ranges (same key, same step, same shape).
 */
export function useAppTraffic(appId: string, range: DetectionRange) {
  return useQuery({
    queryKey: findingKeys.traffic(appId, range),
    queryFn: ({ signal }) => {
      const { ms, stepSeconds } = DETECTION_RANGES[range];
      const to = Date.now();
      const path = withQuery(`/api/apps/${encodeURIComponent(appId)}/traffic`, {
        from: new Date(to - ms).toISOString(),
        to: new Date(to).toISOString(),
        step: stepSeconds,
      });
      return apiFetch<{ points: TrafficPoint[] }>(path, { signal }).then((r) => r.points);
    },
    refetchInterval: 60_000,
    retry: false,
  });
}
