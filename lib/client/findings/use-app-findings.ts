"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch, withQuery } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import { FINDINGS_POLL_MS } from "./constants";
import type { Finding, FindingStatus } from "./types";

/** One app's findings, newest first, polled while shown since detection runs in the background. */
export function useAppFindings(appId: string, status: FindingStatus | "all", limit: number) {
  return useQuery({
    queryKey: queryKeys.apps.findings(appId, { status, limit }),
    queryFn: ({ signal }) =>
      apiFetch<{ items: Finding[] }>(withQuery(`/api/apps/${encodeURIComponent(appId)}/findings`, { status, limit }), { signal }).then((r) => r.items),
    refetchInterval: FINDINGS_POLL_MS,
  });
}
