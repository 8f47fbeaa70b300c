"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch, isApiError } from "./api";
import { queryKeys } from "./query-keys";
import type { AppDetail } from "./types";

export function useApp(appId: string) {
  return useQuery({
    queryKey: queryKeys.apps.detail(appId),
    queryFn: ({ signal }) =>
      apiFetch<{ app: AppDetail }>(`/api/apps/${encodeURIComponent(appId)}`, { signal }).then((r) => r.app),
    // A missing app will not appear by retrying.
    retry: (failureCount, error) => !isApiError(error, 404) && !isApiError(error, 403) && failureCount < 2,
  });
}
