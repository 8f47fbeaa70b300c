"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "./api";
import { queryKeys } from "./query-keys";
import type { ApiTokenSummary } from "./types";

export function useTokens() {
  return useQuery({
    queryKey: queryKeys.tokens(),
    queryFn: ({ signal }) => apiFetch<{ items: ApiTokenSummary[] }>("/api/tokens", { signal }).then((r) => r.items),
  });
}
