"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import type { CurrentThresholds } from "./types";

export const thresholdsPath = (appId: string) => `/api/apps/${encodeURIComponent(appId)}/thresholds`;

export function useThresholds(appId: string) {
  return useQuery({
    queryKey: queryKeys.apps.thresholds(appId),
    queryFn: ({ signal }) => apiFetch<CurrentThresholds>(thresholdsPath(appId), { signal }),
  });
}
