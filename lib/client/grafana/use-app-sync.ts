"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../api";
import { queryKeys } from "@/lib/client/query-keys";
import type { AppSyncView } from "./types";

/** One app's Grafana sync state; polls faster while a change is on its way. */
export function useAppSync(appId: string) {
  return useQuery({
    queryKey: queryKeys.grafana.appSync(appId),
    queryFn: ({ signal }) => apiFetch<AppSyncView>(`/api/apps/${encodeURIComponent(appId)}/sync`, { signal }),
    refetchInterval: (query) => (query.state.data?.state === "pending" ? 5_000 : 60_000),
  });
}
