"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../api";
import { queryKeys } from "@/lib/client/query-keys";
import type { GrafanaStatus } from "./types";

/** Outbox and drift for the admin page; refreshed every 10 s while the page is open. */
export function useGrafanaStatus() {
  return useQuery({
    queryKey: queryKeys.grafana.status(),
    queryFn: ({ signal }) => apiFetch<GrafanaStatus>("/api/grafana/status", { signal }),
    refetchInterval: 10_000,
  });
}
