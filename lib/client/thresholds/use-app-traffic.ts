"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch, withQuery } from "@/lib/client/api";
import { TRAFFIC_RANGES, thresholdKeys, type TrafficRange } from "./keys";
import type { TrafficPoint } from "./types";

/** Recent traffic of one app for the threshold chart; refreshed every minute while shown. */
export function useAppTraffic(appId: string, range: TrafficRange) {
  return useQuery({
    queryKey: thresholdKeys.traffic(appId, range),
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
