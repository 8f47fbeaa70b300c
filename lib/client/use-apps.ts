"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch, withQuery } from "./api";
import { queryKeys } from "./query-keys";
import type { AppFilter, AppsPage } from "./types";

export interface AppsQuery {
  filter: AppFilter;
  team: string;
  q: string;
  limit?: number;
  person?: string;
  finding?: string;
  sync?: string;
  sort?: string;
  level?: string;
}

export const APPS_PAGE_SIZE = 20;

/** Cursor-paginated app list; `fetchNextPage` backs the "Load more" button. */
export function useApps(query: AppsQuery) {
  const params = {
    filter: query.filter, team: query.team, q: query.q.trim(), limit: query.limit ?? APPS_PAGE_SIZE,
    person: query.person ?? "", finding: query.finding ?? "", sync: query.sync ?? "", sort: query.sort ?? "", level: query.level ?? "",
  };
  return useInfiniteQuery({
    queryKey: queryKeys.apps.list(params),
    queryFn: ({ signal, pageParam }) =>
      apiFetch<AppsPage>(withQuery("/api/apps", { ...params, cursor: pageParam }), { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    placeholderData: keepPreviousData,
  });
}
