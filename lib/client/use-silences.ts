"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { silenceView } from "@/lib/notify/silences";
import { apiFetch } from "./api";
import { queryKeys } from "./query-keys";

export type Silence = ReturnType<typeof silenceView>;

const path = (appId: string) => `/api/apps/${encodeURIComponent(appId)}/silences`;

export function useSilences(appId: string) {
  return useQuery({
    queryKey: queryKeys.apps.silences(appId),
    queryFn: ({ signal }) => apiFetch<{ items: Silence[] }>(path(appId), { signal }).then((r) => r.items),
    refetchInterval: 60_000,
  });
}

export function useSilenceActions(appId: string) {
  const queryClient = useQueryClient();
  const settle = () => queryClient.invalidateQueries({ queryKey: queryKeys.apps.silences(appId) });
  return {
    create: useMutation({
      mutationFn: (input: { from?: string; until: string; reason: string }) => apiFetch<{ silence: Silence }>(path(appId), { method: "POST", body: input }),
      onSuccess: settle,
    }),
    end: useMutation({ mutationFn: (id: string) => apiFetch(`${path(appId)}/${encodeURIComponent(id)}`, { method: "DELETE" }), onSuccess: settle }),
  };
}
