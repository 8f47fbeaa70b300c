"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch, withQuery } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { TrafficPoint } from "@/lib/client/thresholds/types";

const DAY_MS = 86_400_000;

// Every traffic chart asks through this table, so equal ranges share one cache entry and request.
export const TRAFFIC_RANGES = {
  "24h": { ms: DAY_MS, stepSeconds: 300 },
  "7d": { ms: 7 * DAY_MS, stepSeconds: 3600 },
  "14d": { ms: 14 * DAY_MS, stepSeconds: 3600 },
} as const;
export type AnyTrafficRange = keyof typeof TRAFFIC_RANGES;

/** Recent traffic of one app for charts; refreshed every minute while shown. */
export function useAppTraffic(appId: string, range: AnyTrafficRange) {
  return useQuery({
    queryKey: queryKeys.apps.traffic(appId, range),
    queryFn: ({ signal }) => {
      const { ms, stepSeconds } = TRAFFIC_RANGES[range];
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
