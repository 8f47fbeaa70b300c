"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "./api";
import { queryKeys } from "./query-keys";
import type { Overview } from "./types";

export function useOverview() {
  return useQuery({
    queryKey: queryKeys.overview(),
    queryFn: ({ signal }) => apiFetch<Overview>("/api/overview", { signal }),
  });
}
