"use client";

import type { InfiniteData, QueryClient, QueryKey } from "@tanstack/react-query";
import { queryKeys } from "./query-keys";
import type { AppDetail, AppSummary, AppsPage } from "./types";

type AppsPages = InfiniteData<AppsPage, string | null>;

/** Rewrites one app in every cached list page (used for optimistic updates). */
export function patchAppInLists(
  queryClient: QueryClient,
  appId: string,
  patch: (app: AppSummary) => AppSummary,
): void {
  queryClient.setQueriesData<AppsPages>({ queryKey: queryKeys.apps.lists() }, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.map((item) => (item.appId === appId ? patch(item) : item)),
          })),
        }
      : data,
  );
}

export interface AppCacheSnapshot {
  lists: [QueryKey, AppsPages | undefined][];
  detail: AppDetail | undefined;
}

export function snapshotApp(queryClient: QueryClient, appId: string): AppCacheSnapshot {
  return {
    lists: queryClient.getQueriesData<AppsPages>({ queryKey: queryKeys.apps.lists() }),
    detail: queryClient.getQueryData<AppDetail>(queryKeys.apps.detail(appId)),
  };
}

export function restoreApp(queryClient: QueryClient, appId: string, snapshot: AppCacheSnapshot): void {
  for (const [key, data] of snapshot.lists) queryClient.setQueryData(key, data);
  queryClient.setQueryData(queryKeys.apps.detail(appId), snapshot.detail);
}

/** After the server answered with the new state of an app: store it and refresh what derives from it. */
export async function settleAppChange(queryClient: QueryClient, appId: string, app?: AppDetail): Promise<void> {
  if (app) {
    queryClient.setQueryData(queryKeys.apps.detail(appId), app);
    patchAppInLists(queryClient, appId, (item) => ({ ...item, ...pickSummary(app) }));
  }
  // the team overview is server-rendered: it is read afresh on the next visit
  await queryClient.invalidateQueries({ queryKey: queryKeys.apps.all() });
}

function pickSummary(app: AppDetail): AppSummary {
  const { appId, name, team, teamName, owner, backup, responder, ownerAway, state } = app;
  return { appId, name, team, teamName, owner, backup, responder, ownerAway, state };
}
