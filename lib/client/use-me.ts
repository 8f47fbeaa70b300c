"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "./api";
import { queryKeys } from "./query-keys";
import type { Me } from "./types";

export function useMe() {
  return useQuery({
    queryKey: queryKeys.me(),
    queryFn: ({ signal }) => apiFetch<{ user: Me }>("/api/me", { signal }).then((r) => r.user),
  });
}
