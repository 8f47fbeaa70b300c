"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "./api";
import { queryKeys } from "./query-keys";
import type { Team } from "./types";

export function useTeams() {
  return useQuery({
    queryKey: queryKeys.teams(),
    queryFn: ({ signal }) => apiFetch<{ items: Team[] }>("/api/teams", { signal }).then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}
