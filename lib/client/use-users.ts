"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch, withQuery } from "./api";
import { queryKeys } from "./query-keys";
import type { UserListItem } from "./types";

export function useUsers(params: { q?: string; team?: string } = {}) {
  const key = { q: params.q?.trim() ?? "", team: params.team ?? "" };
  return useQuery<UserListItem[]>({
    queryKey: queryKeys.users(key),
    queryFn: ({ signal }) =>
      apiFetch<{ items: UserListItem[] }>(withQuery("/api/users", key), { signal }).then((r) => r.items),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
