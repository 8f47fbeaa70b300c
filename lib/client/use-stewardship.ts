"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, isApiError } from "./api";
import { settleAppChange } from "./app-cache";
import { queryKeys } from "./query-keys";
import type { AppDetail } from "./types";

export interface StewardshipSettings {
  team: string;
  confirmEveryDays: number;
  isDefault: boolean;
  canEdit: boolean;
}

const path = (team: string) => `/api/teams/${encodeURIComponent(team)}/stewardship`;

/** "Still mine": the owner confirms the app is still theirs. */
export function useConfirmApp(appId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<{ app: AppDetail }>(`/api/apps/${encodeURIComponent(appId)}/confirm`, { method: "POST" }).then((r) => r.app),
    onSuccess: (app) => settleAppChange(queryClient, appId, app),
  });
}

/** The team's confirmation interval (its lead or an admin; others get 403 and see nothing). */
export function useStewardshipSettings(team: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.stewardship(team),
    queryFn: ({ signal }) => apiFetch<StewardshipSettings>(path(team), { signal }),
    enabled,
    retry: (n, error) => !isApiError(error, 403) && n < 2,
  });
}

export function useSaveStewardshipSettings(team: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { confirmEveryDays: number }) => apiFetch<StewardshipSettings>(path(team), { method: "PUT", body: input }),
    onSuccess: async (view) => {
      queryClient.setQueryData(queryKeys.stewardship(team), view);
    },
  });
}
